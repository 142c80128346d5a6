"""The fingerprints the visible checks compare with, made from the source notebooks' solutions.

Run it after changing a solution, a checker or the data generator; a test fails until then::

    python -m course.grading.fingerprints [STAGE ...]

The solutions run here, on the instructor's side, from the source notebooks; only their
fingerprints (hashes, see :mod:`course.checks.fingerprint`) are shipped with the package, in
``course/checks/fingerprints/<stage>.json``.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from pathlib import Path

import nbformat

from ..checks.exact import fingerprint_file, views
from ..paths import NOTEBOOKS, stage_names
from .exercise_cells import is_test_cell

__all__ = ["CHECK_CALL", "solution_namespace", "check_calls", "stage_fingerprints", "write"]

#: A test cell's visible check: ``check_answer("0.1a", posts_per_platform)``.
CHECK_CALL = re.compile(r"""^check_answer\(\s*["']([\d.]+[a-z]?)["']\s*,\s*(\w+)\s*\)\s*$""", flags=re.M)


def source_notebook(stage: str, source: Path = NOTEBOOKS):
    return nbformat.read(Path(source) / stage / f"{stage}.ipynb", as_version=4)


def solution_namespace(stage: str, source: Path = NOTEBOOKS) -> dict:
    """Run every code cell of the source notebook but its test cells, in this process; return its globals.

    Charts and explorers draw into nothing: what they print is thrown away.
    """
    namespace: dict = {"__name__": f"solution_of_{stage.replace('-', '_')}"}
    for cell in source_notebook(stage, source).cells:
        if cell.cell_type == "code" and not is_test_cell(cell):
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(cell.source, f"<{stage}>", "exec"), namespace)  # noqa: S102 (the course's own code)
    return namespace


def check_calls(stage: str, source: Path = NOTEBOOKS) -> dict[str, str]:
    """Each test cell's grade_id -> the part id its visible check calls."""
    calls = {}
    for cell in source_notebook(stage, source).cells:
        if is_test_cell(cell):
            found = CHECK_CALL.search(cell.source)
            if found:
                calls[cell.metadata["nbgrader"]["grade_id"]] = found.group(1)
    return calls


def stage_fingerprints(stage: str, source: Path = NOTEBOOKS) -> dict:
    """The fingerprints of every part of ``stage``, computed from its solutions."""
    from ..checks.exact import stage_module

    namespace = solution_namespace(stage, source)
    parts = sorted(set(check_calls(stage, source).values()))
    return {part_id: views(part_id, namespace[stage_module(part_id).PARTS[part_id].function]) for part_id in parts}


def write(stage: str, source: Path = NOTEBOOKS) -> Path:
    path = fingerprint_file(stage)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stage_fingerprints(stage, source), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    for name in sys.argv[1:] or stage_names():
        print(f"Wrote {write(name)}")
