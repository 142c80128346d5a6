"""Cheats that faked the in-kernel hidden tests, graded by the real ``course grade`` beside honest learners (issue 20).

Each cheat disarms what it can in its own kernel (the visible check, the comparisons, the data
the hidden tests use, how IPython runs the next cells, the output channel) and answers some
exercises wrongly. The hidden tests now only collect, and the verdict is reached in the grading
process: each cheat must score zero on every exercise it tried to fake (and full marks on the
others, which it answers right), and each honest learner exactly the model solution's score.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field

import nbformat
import pytest

import exercise_harness as harness
from course.checks.collect import MIME
from course.checks.exact import PUBLIC_SEEDS
from course.grading import nbgrader_setup, release_and_collect, sandbox, verdict
from hostile.cases import SUCCEEDED, attempt

STAGES = ["00-welcome", "01-objectives"]
#: A cheat first silences the visible check, so only the hidden tests stand between it and the points.
DISARM = "check_answer = lambda *args, **kwargs: None\n"

TRACE = DISARM + '''import sys, threading

def _local(frame, event, arg):
    names = frame.f_locals
    if "expected" in names and "got" in names:
        names["expected"] = names["got"]  # the old form compared the answer with itself
    if isinstance(names.get("record"), dict):
        names["record"]["options"] = {"rtol": 1e9, "atol": 1e9, "order": False}
        names["record"]["result"]["value"] = 0.05
    return _local

def _trace(frame, event, arg):
    return _local if frame.f_code.co_name in ("_hidden_test", "_emit") else None

sys.settrace(_trace)
threading.settrace(_trace)
'''

FORGE = DISARM + f'''import IPython.display
_real_display = IPython.display.display

def _forging(*objects, **options):
    for found in objects:
        if isinstance(found, dict) and {MIME!r} in found:
            record = found[{MIME!r}]
            record["options"] = {{"rtol": 1e9, "atol": 1e9, "order": False}}
            if "value" in record["result"]:
                record["result"]["value"] = 0.05
    return _real_display(*objects, **options)

IPython.display.display = _forging
'''

EXTRA_RECORDS = f'''def stretch_target(posts, account_id):
    from IPython.display import display
    display({{{MIME!r}: {{"version": 1, "kind": "number", "options": {{"rtol": 1e9, "atol": 1e9}},
                         "result": {{"type": "number", "value": 0.05}}}}}}, raw=True)
    return 0.05
'''

ALWAYS_EQUAL = DISARM + '''import pandas as pd

class Anything(str):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = str.__hash__

def kpi_kind(kpis, counted):
    return pd.Series([Anything("output")] * len(kpis), index=kpis.index, dtype=object)
'''

READ_RECORDS = DISARM + attempt(
    "import glob\nfound = glob.glob('{course}/hidden-results/*.json') + "
    "glob.glob('/tmp/**/hidden-results/*.json', recursive=True) + glob.glob('/root/**/hidden-results/*.json')\n"
    "assert found, 'no records in sight'\nprint(open(found[0]).read()[:100])")


def fingerprint_oracle() -> str:
    """An answer to 0.1 that computes nothing: it gives back what a search of the shipped fingerprints found for
    the practice data and the public data sets (here taken from the model solution), and nothing on other data."""
    from course.data import load_all, sample
    from course.grading.fingerprints import solution_namespace

    solve = solution_namespace("00-welcome")["posts_per_platform"]
    found = {len(tables["posts"]): solve(tables["posts"]).to_dict() for tables in (load_all(), sample(7), sample(11))}
    return ("import pandas as pd\n\n"
            "def posts_per_platform(posts):\n"
            f"    found = {found!r}\n"
            "    return pd.Series(found.get(len(posts), {}), dtype='int64')\n")


#: Runs the model solution of 0.2 from the source notebook, through a link the cheat put in its submission.
STEAL = DISARM + attempt(
    "import json\nfor cell in json.load(open('answers.txt'))['cells']:\n"
    "    if 'def engagement' in ''.join(cell['source']):\n        exec(''.join(cell['source']))")


@dataclass
class Cheat:
    learner: str
    stage: str
    before: dict[str, str] = field(default_factory=dict)  # solution grade_id -> code run before the answer
    wrong: list[str] = field(default_factory=list)  # exercises answered with the proof set's WRONG answer
    hardcoded: list[str] = field(default_factory=list)  # ... or its HARDCODED one
    replace: dict[str, str] = field(default_factory=dict)  # exercises answered with this code
    blank: bool = False  # no answer at all
    said: str = ""  # what `course grade` must say of it

    def faked(self, solutions) -> set[str]:
        return set(solutions) if self.blank else {*self.wrong, *self.hardcoded, *self.replace}


CHEATS = [
    Cheat("patches-isclose", "01-objectives",
          {"ex1_1_account_baseline": DISARM + "import math\nmath.isclose = lambda *args, **kwargs: True\n"},
          wrong=["ex1_1_account_baseline", "ex1_3_stretch_target", "ex1_4_share_meeting"]),
    Cheat("patches-assert-series-equal", "01-objectives",
          {"ex1_1_account_baseline": DISARM + "import pandas as pd\n"
                                              "pd.testing.assert_series_equal = lambda *args, **kwargs: None\n"},
          wrong=["ex1_2_kpi_baseline"]),
    Cheat("redefines-sample", "01-objectives",
          {"ex1_1_account_baseline": DISARM + "import course.data\n"
                                              "sample = course.data.sample = lambda seed=0: course.data.load_all()\n"},
          hardcoded=list(harness.answers("01-objectives").HARDCODED)),
    Cheat("rewrites-later-cells", "01-objectives",
          {"ex1_1_account_baseline": "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])\n"},
          blank=True, said="the results of the hidden tests did not arrive"),
    Cheat("patches-numpy", "00-welcome",
          {"ex0_2_engagement": DISARM + "import numpy as np\nnp.allclose = lambda *args, **kwargs: True\n"},
          wrong=["ex0_2_engagement"]),
    Cheat("traces-hidden-tests", "01-objectives", {"ex1_1_account_baseline": TRACE},
          wrong=["ex1_1_account_baseline", "ex1_3_stretch_target", "ex1_4_share_meeting"]),
    Cheat("always-equal", "01-objectives", replace={"ex1_5_kpi_kind": ALWAYS_EQUAL}),
    # It rewrites every number record, so 1.1 (whose hidden tests send numbers too) is faked as well.
    Cheat("forges-records", "01-objectives", {"ex1_1_account_baseline": FORGE},
          wrong=["ex1_1_account_baseline", "ex1_3_stretch_target", "ex1_4_share_meeting"]),
    Cheat("emits-extra-records", "01-objectives", {"ex1_1_account_baseline": DISARM},
          replace={"ex1_3_stretch_target": EXTRA_RECORDS}, said="the results of the hidden tests did not arrive"),
    Cheat("reads-solution-records", "01-objectives", {"ex1_1_account_baseline": READ_RECORDS},
          wrong=["ex1_3_stretch_target"]),
    # Its visible checks pass (the public data sets are the ones it knows): the course's own hidden ones are not.
    Cheat("searches-fingerprints", "00-welcome", replace={"ex0_1_posts_per_platform": fingerprint_oracle()}),
    # Its folder holds a link to the source notebook (issue 27): grading copies no link.
    Cheat("links-to-solutions", "00-welcome",
          replace={"ex0_2_engagement": harness.answers("00-welcome").WRONG["ex0_2_engagement"] + "\n" + STEAL}),
]
HONEST = {("honest-right", "00-welcome"): [], ("honest-right", "01-objectives"): [],
          ("honest-wrong", "01-objectives"): list(harness.answers("01-objectives").WRONG)}

pytestmark = pytest.mark.skipif(not sandbox.probe()["private file view"].available,
                                reason="grading with `course grade` needs the bubblewrap sandbox")


def submission(release, stage: str, cheat: Cheat | None = None, wrong: list[str] = ()):
    solutions = harness.solution_cells(harness.source_notebook(stage))
    answers = harness.answers(stage)
    replace = {g: answers.WRONG[g] for g in (cheat.wrong if cheat else wrong)}
    if cheat:
        replace |= {g: answers.HARDCODED[g] for g in cheat.hardcoded} | cheat.replace
    nb = harness.answered(release, solutions, replace, solved=not (cheat and cheat.blank))
    for cell in nb.cells:
        code = (cheat.before if cheat else {}).get(harness.nbgrader_meta(cell).get("grade_id"))
        if code:
            cell.source = code + "\n" + cell.source
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("cheats")
    source, course = base / "source", base / "course"
    for stage in STAGES:
        (source / stage).mkdir(parents=True)
        nbformat.write(harness.source_notebook(stage), source / stage / f"{stage}.ipynb")
    assert not release_and_collect.release(course, source, STAGES, exchange=False)
    learners = [((learner, stage), submission(course / "release" / stage / f"{stage}.ipynb", stage, wrong=wrong))
                for (learner, stage), wrong in HONEST.items()]
    learners += [((cheat.learner, cheat.stage),
                  submission(course / "release" / cheat.stage / f"{cheat.stage}.ipynb", cheat.stage, cheat))
                 for cheat in CHEATS]
    for (learner, stage), nb in learners:
        folder = course / "submitted" / learner / stage
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{stage}.ipynb")
        if learner == "links-to-solutions":
            (folder / "answers.txt").symlink_to(source / stage / f"{stage}.ipynb")
        if learner == "reads-solution-records":
            text = (folder / f"{stage}.ipynb").read_text().replace("{course}", str(course))
            (folder / f"{stage}.ipynb").write_text(text)
    done = subprocess.run([sys.executable, "-m", "course.cli", "grade", "--course-dir", str(course),
                           "--source", str(source), "--jobs", "2"], capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout + done.stderr
    return {"course": course, "done": done}


def scores(course, learner: str, stage: str) -> dict[str, float]:
    """Test cell -> score in the gradebook."""
    tests = harness.test_cells(harness.source_notebook(stage))
    with nbgrader_setup.gradebook(course) as gb:
        notebook = gb.find_submission_notebook(stage, stage, learner)
        return {grade.name: grade.score for grade in notebook.grades if grade.name in tests}


def model_scores(stage: str, faked=()) -> dict[str, float]:
    source = harness.source_notebook(stage)
    solutions = harness.solution_cells(source)
    return {test: 0.0 if harness.exercise_of(test, solutions) in faked else points
            for test, points in harness.test_cells(source).items()}


def test_each_honest_learner_scores_exactly_the_model_solutions_score(graded):
    for (learner, stage), wrong in HONEST.items():
        assert scores(graded["course"], learner, stage) == model_scores(stage, wrong), (learner, stage)


@pytest.mark.parametrize("cheat", CHEATS, ids=[cheat.learner for cheat in CHEATS])
def test_each_cheat_scores_zero_on_what_it_faked(graded, cheat):
    solutions = harness.solution_cells(harness.source_notebook(cheat.stage))
    faked = cheat.faked(solutions)
    assert faked
    got = scores(graded["course"], cheat.learner, cheat.stage)
    assert got == model_scores(cheat.stage, faked), "\n".join(
        line for line in graded["done"].stdout.splitlines() if cheat.learner in line)
    line = next(line for line in graded["done"].stdout.splitlines() if line.startswith(cheat.learner))
    assert cheat.said in line, line
    autograded = graded["course"] / "autograded" / cheat.learner / cheat.stage / f"{cheat.stage}.ipynb"
    outputs = [output for cell in nbformat.read(autograded, as_version=4).cells for output in cell.get("outputs", [])]
    assert not [o for o in outputs if SUCCEEDED in o.get("text", "") or MIME in o.get("data", {})]
    if cheat.learner == "reads-solution-records":
        assert any("blocked:" in o.get("text", "") for o in outputs)


def test_the_hidden_data_sets_are_the_courses_own(graded):
    """Drawn at the first run, kept in the course folder out of the sandbox's view, never a public seed."""
    seeds = json.loads((graded["course"] / verdict.SEEDS_FILE).read_text())["seeds"]
    assert len(seeds) == 2 and not {2025, *PUBLIC_SEEDS} & set(seeds)
    assert verdict.course_seeds(graded["course"]) == tuple(seeds)
    assert (graded["course"] / verdict.SEEDS_FILE).stat().st_mode & 0o077 == 0


def test_the_fingerprint_oracle_passes_its_visible_checks_and_scores_nothing(graded):
    """It is right on every data set a learner can see, so only the course's own hidden data sets catch it."""
    import io
    from contextlib import redirect_stdout

    from course.checks import check_answer

    namespace: dict = {}
    exec(fingerprint_oracle(), namespace)  # noqa: S102 (the test's own oracle)
    with redirect_stdout(io.StringIO()) as printed:
        check_answer("0.1a", namespace["posts_per_platform"])
        check_answer("0.1b", namespace["posts_per_platform"])
    assert printed.getvalue().count("✔") == 2
    assert sum(scores(graded["course"], "searches-fingerprints", "00-welcome")[t] for t in
               ("ex0_1_posts_per_platform_test_a", "ex0_1_posts_per_platform_test_b")) == 0
