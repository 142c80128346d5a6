"""Make submissions from a stage's source notebook and grade them with real nbgrader.

A submission starts from the learner's release notebook, then fills solution cells with
either the source's solution, or a wrong answer, or a hard-coded answer taken from
``tests/answers/<stage>.py`` (dicts ``WRONG`` and ``HARDCODED`` mapping a solution cell's
grade_id to the code or text a learner might plausibly write).
"""
from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import nbformat

from course.grading import nbgrader_setup
from course.grading.exercise_cells import nbgrader_meta
from course.grading.fingerprints import source_notebook

ANSWERS = Path(__file__).resolve().parent / "answers"
SOLUTION_REGION = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", flags=re.M)


def solution_cells(nb) -> dict[str, object]:
    return {nbgrader_meta(c)["grade_id"]: c for c in nb.cells if nbgrader_meta(c).get("solution")}


def test_cells(nb) -> dict[str, float]:
    """grade_id -> points of every autograded test cell."""
    return {m["grade_id"]: float(m["points"]) for c in nb.cells
            if (m := nbgrader_meta(c)).get("grade") and not m.get("solution")}


def manual_cells(nb) -> dict[str, float]:
    return {m["grade_id"]: float(m["points"]) for c in nb.cells
            if (m := nbgrader_meta(c)).get("grade") and m.get("solution")}


def exercise_of(test_id: str, solutions) -> str:
    """The solution cell a test cell checks: the longest solution grade_id that prefixes it."""
    owners = [s for s in solutions if test_id.startswith(s + "_")]
    assert owners, f"test cell {test_id} matches no solution cell (name it <solution grade_id>_test...)"
    return max(owners, key=len)


def expected_scores(stage: str, replaced: dict[str, str]) -> dict[str, float]:
    """Expected score per test cell when the exercises in ``replaced`` are answered badly."""
    source = source_notebook(stage)
    solutions = solution_cells(source)
    return {t: (0.0 if exercise_of(t, solutions) in replaced else points) for t, points in test_cells(source).items()}


def answers(stage: str):
    path = ANSWERS / f"{stage.replace('-', '_')}.py"
    spec = importlib.util.spec_from_file_location(f"answers_{stage}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def submission(stage: str, release_path: Path, replace: dict[str, str] | None = None, solved: bool = True):
    """The release notebook with solution cells answered (from the source) and ``replace`` applied."""
    return answered(release_path, solution_cells(source_notebook(stage)), replace, solved)


def answered(release_path: Path, solutions: dict, replace: dict[str, str] | None = None, solved: bool = True):
    """The release notebook with ``solutions`` (grade_id -> source cell) filled in and ``replace`` applied."""
    nb = nbformat.read(release_path, as_version=4)
    for cell in nb.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id in (replace or {}):
            cell.source = replace[grade_id]
        elif solved and grade_id in solutions:
            cell.source = SOLUTION_REGION.sub("", solutions[grade_id].source)
    return nb


class Course:
    """A throw-away nbgrader course folder for one stage."""

    def __init__(self, folder: Path, stage: str):
        self.folder, self.stage = folder, stage
        self.api = nbgrader_setup.api(folder)
        result = self.api.generate_assignment(stage)
        assert result["success"], result.get("log") or result.get("error")
        self.release = folder / "release" / stage / f"{stage}.ipynb"

    def grade(self, learner: str, nb) -> dict[str, float]:
        """Autograde ``nb`` as ``learner``'s submission; return grade_id -> score."""
        target = self.folder / "submitted" / learner / self.stage
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{self.stage}.ipynb")
        result = self.api.autograde(self.stage, learner)
        assert result["success"], result.get("log") or result.get("error")
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.folder / 'gradebook.db'}") as gradebook:
            notebook = gradebook.find_submission_notebook(self.stage, self.stage, learner)
            return {grade.name: grade.score for grade in notebook.grades}


HIDDEN_START = "### BEGIN HIDDEN TESTS"


def visible_part(test_cell_source: str) -> str:
    """What the learner's release keeps of a test cell: everything before its hidden tests."""
    return test_cell_source.split(HIDDEN_START)[0]


def hidden_part(test_cell_source: str) -> str:
    return test_cell_source.split(HIDDEN_START)[1].split("### END HIDDEN TESTS")[0]


def bad_answers(stage: str) -> list[tuple[str, str, str]]:
    """(kind, solution grade_id, code) of every wrong and hard-coded answer of the proof set."""
    module = answers(stage)
    found = [("wrong", g, code) for g, code in module.WRONG.items()]
    found += [("wrong", g, code) for g, codes in getattr(module, "MORE_WRONG", {}).items() for code in codes]
    return found + [("hard-coded", g, code) for g, code in module.HARDCODED.items()]


def good_answers(stage: str) -> list[tuple[str, str, str]]:
    """(kind, solution grade_id, code) of every correct alternative of the proof set."""
    return [("alternative", g, code) for g, codes in getattr(answers(stage), "ALTERNATIVES", {}).items()
            for code in codes]
