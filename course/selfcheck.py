"""``course check NOTEBOOK``: a learner's self-check of every exercise, with the friendly messages.

It runs the notebook from top to bottom in a fresh kernel (as the grader will), then lists each
exercise as passed, failed or not attempted. It exits with 1 when an exercise fails, so it can
also guard a notebook in a script; nbgrader's own ``validate`` exits 0 either way.

The same reading of a test cell's outputs (:func:`outcome`) gives the learner's feedback and the
instructor's report their messages, so a message never shows hidden tests or expected values.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .checks import FAIL_MARK, PASS_MARK

__all__ = ["PASSED", "FAILED", "NOT_ATTEMPTED", "outcome", "exercise_name", "exercises", "check_notebook"]

PASSED, FAILED, NOT_ATTEMPTED = "passed", "failed", "not attempted"
NOT_ATTEMPTED_ERRORS = {"NotAttempted", "NotImplementedError"}
_CHECK_NAME = re.compile(r"""Check\(\s*["']([^"']+)["']""")
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", flags=re.S)


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_test_cell(cell) -> bool:
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


def exercise_name(cell) -> str:
    """``"Exercise 1.2"`` from the cell's ``Check(...)``, or else its grade_id."""
    found = _CHECK_NAME.search(cell.source)
    return found.group(1) if found else nbgrader_meta(cell).get("grade_id", "an exercise")


def without_hidden_tests(source: str) -> str:
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
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("### Exercise"):
            last_heading = cell.source.lstrip()[4:].split(":")[0].strip()
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
            found[name] = Exercise(name, status="to be marked", written=True,
                                   messages=[f"{name}: a written answer, marked by your instructor."])
    return list(found.values())


def check_notebook(path: Path, timeout: int = 120):
    """Execute the notebook at ``path`` in a fresh kernel; return (exercises, errors outside the checks)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(Path(path).resolve().parent)}}).execute()
    stray = [f"cell {i + 1} stopped with {o.get('ename')}: {o.get('evalue')}"
             for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and not is_test_cell(cell)
             for o in cell.get("outputs", []) if o.get("output_type") == "error"
             and o.get("ename") not in NOT_ATTEMPTED_ERRORS]
    return exercises(nb), stray


def _check(args: argparse.Namespace) -> int:
    path = Path(args.notebook)
    if not path.is_file():
        print(f"No notebook at {path}.", file=sys.stderr)
        return 2
    print(f"Running {path.name} from the top in a fresh kernel...", flush=True)
    found, stray = check_notebook(path)
    marks = {PASSED: PASS_MARK, FAILED: FAIL_MARK, NOT_ATTEMPTED: "…", "to be marked": "✎"}
    for exercise in found:
        print(f"{marks[exercise.status]} {exercise.name}: {exercise.status}")
        for message in exercise.messages if exercise.status != PASSED else []:
            print(f"    {message}")
    for problem in stray:
        print(f"{FAIL_MARK} {problem}")
    counts = {s: sum(e.status == s for e in found) for s in (PASSED, FAILED, NOT_ATTEMPTED)}
    print(f"\n{counts[PASSED]} passed, {counts[FAILED]} failed, {counts[NOT_ATTEMPTED]} not attempted"
          + (f", {len(stray)} other error(s)" if stray else "") + ".")
    if not found:
        print("This notebook has no exercises to check.")
    return 1 if counts[FAILED] or stray else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="check your own notebook's exercises",
        description="Run your notebook from the top in a fresh Python session, as the grader will, and list "
                    "every exercise as passed, failed or not attempted, with a hint of what to look at. "
                    "It never shows the hidden tests. It ends with an error status if any exercise fails.")
    p.add_argument("notebook", metavar="NOTEBOOK", help="the notebook to check, such as 01-objectives.ipynb")
    p.set_defaults(func=_check)
