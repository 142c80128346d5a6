"""Intake reads each notebook in a bounded process (issue 27): a notebook no reader can take is refused
with the reason, and neither stops the run nor fills the grading process's memory."""
from __future__ import annotations

import json
import subprocess
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

STAGE = "st"
#: Run in a fresh Python: check every submission, then say what was refused and the process's peak memory.
CHECK = f"""
import json, resource, sys
from course.grading import intake
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
found = intake.check_all(sys.argv[1], [{STAGE!r}])
grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({{"refused": {{i.learner: i.problems for i in found if not i.gradable}}, "grew_mb": grew}}))
"""


def deep(depth: int) -> str:
    """JSON of objects in objects, ``depth`` levels deep."""
    return '{"a":' * depth + "{}" + "}" * depth


def test_unreadable_notebooks_are_refused_in_words_and_the_grader_stays_small(tmp_path):
    plain = nbformat.writes(new_notebook(cells=[new_code_cell("x = 1")]))
    long_sum = new_code_cell("x = " + "+".join(["1"] * 100_000),
                             metadata={"nbgrader": {"grade_id": "ex1_1_total", "solution": True}})
    submissions = {
        "honest": plain,
        "deep-metadata": plain.replace('"metadata": {}', '"metadata": {"x": ' + deep(100_000) + "}", 1),
        "long-expression": nbformat.writes(new_notebook(cells=[long_sum])),
        "nested-lists": plain.replace('"metadata": {}', '"metadata": {"x": [' + ",".join(["[]"] * 2_500_000) + "]}", 1),
    }
    for learner, text in submissions.items():
        folder = tmp_path / "submitted" / learner / STAGE
        folder.mkdir(parents=True)
        (folder / f"{STAGE}.ipynb").write_text(text)
    done = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    said = json.loads(done.stdout.splitlines()[-1])
    refused = {learner: " ".join(problems) for learner, problems in said["refused"].items()}
    assert sorted(refused) == ["deep-metadata", "long-expression", "nested-lists"]
    for learner in ("deep-metadata", "long-expression"):
        assert f"{STAGE}.ipynb: it is nested too deeply to be read" in refused[learner]
    assert "MB of memory" in refused["nested-lists"]
    assert said["grew_mb"] < 100, f"the grading process grew by {said['grew_mb']:.0f} MB"
    assert (tmp_path / "submitted" / "deep-metadata" / STAGE / f"{STAGE}.ipynb").read_text() == \
        submissions["deep-metadata"]
