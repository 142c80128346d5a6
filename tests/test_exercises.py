"""Every stage's exercises prove themselves with real nbgrader and the learner's `course check`.

For each stage: the solution earns every autograded point, the blank release earns none,
each plausible wrong answer and each hard-coded answer loses exactly its exercise's points and
is reported failed by `course check` (which runs the visible checks only), and the release
notebook runs, with all its teaching charts, up to the unanswered exercises. Every answer of the
proof set, one by one, is in `test_checkers.py`.
"""
from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

import exercise_harness as harness
from course.grading.exercise_cells import FAILED, PASSED, exercise_from_id
from course.grading.selfcheck import check_notebook
from course.paths import stage_names

STAGES = stage_names()


@pytest.fixture(scope="module", params=STAGES)
def course(request, tmp_path_factory):
    return harness.Course(tmp_path_factory.mktemp(request.param), request.param)


def test_stage_meets_the_exercise_standard(course):
    source = harness.source_notebook(course.stage)
    tests, manual = harness.test_cells(source), harness.manual_cells(source)
    assert len(tests) >= 4, "at least 4 autograded exercises"
    assert manual, "at least one manually graded written answer"
    assert sum(tests.values()) > sum(manual.values()), "autograded exercises carry most of the points"
    for cell in source.cells:
        if harness.nbgrader_meta(cell).get("grade") and cell.cell_type == "code":
            first = cell.source.strip().splitlines()[0]
            assert first.startswith('"""') and first.endswith('"""'), f"one-line docstring in {cell.source[:40]}"
            assert "### BEGIN HIDDEN TESTS" in cell.source, "hidden tests in every test cell"
    answers = harness.answers(course.stage)
    functions = [g for g, c in harness.solution_cells(source).items() if c.source.lstrip().startswith("def ")]
    assert len(functions) >= 2, "at least two exercises ask for a function"
    assert set(functions) <= set(answers.HARDCODED), "every function exercise has a hard-coded answer to reject"


def test_solution_earns_full_marks(course):
    scores = course.grade("solution", harness.submission(course.stage, course.release))
    tests = harness.test_cells(harness.source_notebook(course.stage))
    assert {t: scores[t] for t in tests} == tests


def test_blank_release_earns_nothing(course):
    scores = course.grade("blank", harness.submission(course.stage, course.release, solved=False))
    assert sum(scores.values()) == 0


@pytest.mark.parametrize("kind", ["WRONG", "HARDCODED"])
def test_plausible_bad_answers_lose_their_points(course, kind):
    replaced = getattr(harness.answers(course.stage), kind)
    assert replaced, f"tests/answers lists no {kind} answers for {course.stage}"
    scores = course.grade(kind.lower(), harness.submission(course.stage, course.release, replace=replaced))
    expected = harness.expected_scores(course.stage, replaced)
    assert {t: scores[t] for t in expected} == expected


def test_release_runs_to_the_first_exercise_with_every_chart(course):
    release = nbformat.read(course.release, as_version=4)
    NotebookClient(release, timeout=120, allow_errors=True, resources={"metadata": {"path": str(course.release.parent)}}).execute()
    errors = [(i, o) for i, c in enumerate(release.cells) if c.cell_type == "code"
              for o in c.outputs if o.output_type == "error"]
    assert errors, "the release stops at an unanswered exercise"
    first_exercise = min(i for i, c in enumerate(release.cells) if harness.nbgrader_meta(c).get("solution"))
    assert errors[0][0] >= first_exercise, f"cell {errors[0][0]} fails before the first exercise"
    for index, output in errors:
        assert output.ename in ("NotImplementedError", "NotAttempted"), (
            f"cell {index} of the release fails with {output.ename}: {output.evalue}")
    charts = sum(1 for c in release.cells if c.cell_type == "code" for o in c.outputs
                 if "application/vnd.plotly.v1+json" in o.get("data", {}))
    assert charts >= 3, "the teaching charts render in the release"


def _exercise_names(grade_ids) -> set[str]:
    return {exercise_from_id(g).capitalize() for g in grade_ids}


@pytest.mark.parametrize("kind", ["solution", "WRONG", "HARDCODED"])
def test_course_check_tells_the_learner_the_truth(course, kind, tmp_path):
    """A self-paced learner's own path: `course check` on the release, visible checks only."""
    replaced = {} if kind == "solution" else getattr(harness.answers(course.stage), kind)
    path = tmp_path / f"{course.stage}.ipynb"
    nbformat.write(harness.submission(course.stage, course.release, replace=replaced), path)
    found, stray = check_notebook(path)
    statuses = {exercise.name: exercise.status for exercise in found if not exercise.written}
    wrong = _exercise_names(replaced)
    assert wrong <= set(statuses) and statuses, statuses
    assert {name: status for name, status in statuses.items() if name in wrong} == dict.fromkeys(wrong, FAILED)
    assert {name: status for name, status in statuses.items() if name not in wrong} == dict.fromkeys(
        set(statuses) - wrong, PASSED)
    assert not stray or kind != "solution", stray


#: A learner's own names, set before every answer: none may cost a right answer its points.
SHADOWING = ('sample = load("accounts").sample(5)\n'
             'expected, other, got, tables, data, seed, rows, answer = "mine", None, [], {}, (), 99, 0, 42\n'
             'check = Check = print\n')


def test_a_learners_own_names_cost_no_points(course):
    solutions = {grade_id: cell for grade_id, cell in harness.solution_cells(harness.source_notebook(course.stage)).items()
                 if cell.cell_type == "code"}
    shadowed = {grade_id: SHADOWING + harness.SOLUTION_REGION.sub("", cell.source) for grade_id, cell in solutions.items()}
    scores = course.grade("shadowing", harness.submission(course.stage, course.release, replace=shadowed))
    tests = harness.test_cells(harness.source_notebook(course.stage))
    assert {t: scores[t] for t in tests} == tests
