"""The exercises of an nbgrader notebook: which cells test or answer one, their names, and what they say.

The same reading of an executed test cell (:func:`outcome`) gives the learner's self-check, the
feedback pages and the instructor's report their messages, so a message never shows hidden
tests or expected values.

>>> exercise_from_id("ex3_2_weekly_rate_test")
'exercise 3.2'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..checks import FAIL_MARK, PASS_MARK

__all__ = ["PASSED", "FAILED", "NOT_ATTEMPTED", "TO_BE_MARKED", "NOT_ATTEMPTED_ERRORS", "nbgrader_meta", "is_test_cell",
           "exercise_name", "exercise_heading", "exercise_from_id", "part_letter", "check_name", "without_hidden_tests",
           "outcome", "Exercise", "exercises"]

PASSED, FAILED, NOT_ATTEMPTED, TO_BE_MARKED = "passed", "failed", "not attempted", "to be marked"
NOT_ATTEMPTED_ERRORS = {"NotAttempted", "NotImplementedError"}
#: Errors the hidden tests' verdict writes (course.grading.verdict.HIDDEN_FAILED and HIDDEN_MISSING).
VERDICT_ERRORS = {"HiddenTestFailed", "HiddenResultsMissing"}
#: What nbgrader's release puts in a written answer's cell.
WRITTEN_ANSWER_STUB = "YOUR ANSWER HERE"
_CHECK_NAME = re.compile(r"""Check\(\s*["']([^"']+)["']""")
_CHECK_ANSWER = re.compile(r"""check_answer\(\s*["'](\d+\.\d+)""")
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", flags=re.S)


def nbgrader_meta(cell) -> dict:
    """The cell's nbgrader metadata (empty for a cell nbgrader does not grade)."""
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def is_test_cell(cell) -> bool:
    """An autograded test cell (not an answer cell, not a written answer)."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


def exercise_name(cell) -> str:
    """``"Exercise 1.2"`` from the cell's ``check_answer("1.2a", ...)`` or ``Check(...)``, or else its grade_id."""
    if found := _CHECK_ANSWER.search(cell.source):
        return f"Exercise {found.group(1)}"
    if found := _CHECK_NAME.search(cell.source):
        return found.group(1)
    return nbgrader_meta(cell).get("grade_id", "an exercise")


def exercise_heading(cell) -> str | None:
    """"Exercise 1.6" from a statement cell headed "### Exercise 1.6: ...", or None for any other cell."""
    text = cell.source.lstrip()
    if cell.cell_type == "markdown" and text.startswith("### Exercise"):
        return text[4:].split(":")[0].strip()
    return None


def part_letter(test_id: str) -> str | None:
    """The part a test cell grades: "a" for ``ex1_2_kpi_baseline_test_a``, None for an exercise in one part."""
    part = re.search(r"_test_([a-z])$", test_id)
    return part.group(1) if part else None


def check_name(exercise: str, test_id: str) -> str:
    """How a learner and an instructor name a test cell: "Exercise 1.2, part a", or "Exercise 1.3".

    >>> check_name("Exercise 1.2", "ex1_2_kpi_baseline_test_a"), check_name("Exercise 1.3", "ex1_3_target_test")
    ('Exercise 1.2, part a', 'Exercise 1.3')
    """
    letter = part_letter(test_id)
    return f"{exercise}, part {letter}" if letter else exercise


def without_hidden_tests(source: str) -> str:
    """A test cell's source with its hidden tests replaced by a note."""
    return _HIDDEN.sub("# (the hidden tests are not shown)", source)


def _printed(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def outcome(cell) -> tuple[str, str]:
    """(status, message) of an executed test cell; the message never quotes a hidden test."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    name = exercise_name(cell)
    if not errors:
        return PASSED, f"{name}: passed."
    error = errors[0]
    if error.get("ename") in VERDICT_ERRORS:
        # In a grading run a visible check prints its ✘ instead of raising (the verdict alone scores):
        # its message names the slip, so it comes first.
        crossed = [line for line in _printed(cell).splitlines() if line.startswith(FAIL_MARK + " ")]
        if crossed:
            return FAILED, crossed[0].removeprefix(FAIL_MARK + " ")
        # Written by the grading process (course.grading.verdict): friendly, and it names no value.
        lead = "the visible checks pass, but " if PASS_MARK in _printed(cell) else ""
        return FAILED, f"{name}: {lead}{error.get('evalue', '')}"
    if error.get("ename") in NOT_ATTEMPTED_ERRORS:
        if error.get("ename") == "NotAttempted":
            return NOT_ATTEMPTED, error.get("evalue", "")
        return NOT_ATTEMPTED, f"{name} is not answered yet: replace `raise NotImplementedError()` with your code."
    if PASS_MARK in _printed(cell):
        # The visible checks passed, so the error comes from a hidden test: say so, and nothing more.
        return FAILED, (f"{name}: the visible checks pass, but a hidden check does not: on other data your "
                        f"answer gives other values than expected. Re-read the statement and the hint.")
    if error.get("ename") == "CheckFailed":
        return FAILED, error.get("evalue", "")
    return FAILED, f"{name}: the check stopped with {error.get('ename')}: {error.get('evalue')}"


@dataclass
class Exercise:
    name: str
    status: str = PASSED
    messages: list[str] = field(default_factory=list)
    written: bool = False


def exercises(nb) -> list[Exercise]:
    """Every exercise of an executed notebook, in order, with its status and messages."""
    found: dict[str, Exercise] = {}
    rank = {PASSED: 0, NOT_ATTEMPTED: 1, FAILED: 2}
    last_heading = None
    for cell in nb.cells:
        last_heading = exercise_heading(cell) or last_heading
        meta = nbgrader_meta(cell)
        if is_test_cell(cell):
            status, message = outcome(cell)
            exercise = found.setdefault(exercise_name(cell), Exercise(exercise_name(cell)))
            if rank[status] > rank[exercise.status]:
                exercise.status = status
            if status != PASSED and message not in exercise.messages:
                exercise.messages.append(message)
        elif meta.get("grade") and meta.get("solution"):
            name = last_heading or meta.get("grade_id", "a written answer")
            if cell.source.strip() in ("", WRITTEN_ANSWER_STUB):
                found[name] = Exercise(name, status=NOT_ATTEMPTED, written=True, messages=[
                    f"{name} is not answered yet: replace “{WRITTEN_ANSWER_STUB}” with your own answer."])
            else:
                found[name] = Exercise(name, status=TO_BE_MARKED, written=True,
                                       messages=[f"{name}: a written answer, marked by your instructor."])
    return list(found.values())


def exercise_from_id(grade_id: str) -> str:
    """'ex3_2_weekly_rate_test' -> 'exercise 3.2'; any other id is shown as it is."""
    match = re.match(r"ex(\d+)_(\d+)", grade_id or "")
    return f"exercise {match.group(1)}.{match.group(2)}" if match else (grade_id or "a cell without an id")
