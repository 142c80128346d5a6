"""The learner branch holds the released notebooks and none of the answer keys."""
from __future__ import annotations

import json
import subprocess

import exercise_harness as harness
from course.book.learner_branch import publish_learner_branch
from course.grading.launch_settings import release_tag
from course.paths import stage_names


def _git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def test_learner_branch_has_released_notebooks_and_no_answer_keys(root, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    commit = publish_learner_branch(clone, "learner")
    assert commit and _git(clone, "rev-parse", "learner").strip() == commit
    files = _git(clone, "ls-tree", "-r", "--name-only", "learner").splitlines()
    assert not [f for f in files if f.startswith(("tests/", "instructor/", "translations/"))]
    assert "course/data.py" in files and "data/posts.csv" in files
    # Binder's lean environment, and the tag the notebooks' install cell installs from.
    assert {"binder/requirements.txt", "binder/postBuild", "binder/runtime.txt"} <= set(files)
    assert _git(clone, "ls-tree", "learner", "binder/postBuild").startswith("100755")
    head = _git(clone, "rev-parse", "HEAD").strip()
    assert _git(clone, "rev-parse", f"{release_tag(head)}^{{commit}}").strip() == commit
    for stage in stage_names(clone / "notebooks", language=None):
        notebook = _git(clone, "show", f"learner:notebooks/{stage}/{stage}.ipynb")
        cells = json.loads(notebook)["cells"]
        text = "\n".join("".join(c["source"]) for c in cells)
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text, stage
        assert "raise NotImplementedError()" in text, stage
        source = harness.source_notebook(stage)
        solutions = harness.solution_cells(source)
        taught = "\n".join(c.source for c in source.cells if c not in solutions.values())
        # A code cell's answer is what lies between its solution markers: the lines around them (the
        # `def`, the first lines of a partly written function) are given to the learner. A written
        # answer's cell is the answer whole.
        regions = [cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
                   if "### BEGIN SOLUTION" in cell.source else cell.source for cell in solutions.values()]
        solved = [line.strip() for region in regions for line in region.splitlines()
                  if len(line.strip()) > 30 and line.strip() not in taught]
        assert solved, stage
        assert not [line for line in solved if line in text], stage
    assert _git(clone, "status", "--porcelain") == ""  # the working folder was left alone
    assert publish_learner_branch(clone, "learner") is None  # nothing new to publish
