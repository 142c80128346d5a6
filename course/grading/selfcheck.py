"""A learner's self-check (``course check NOTEBOOK``): run the notebook as the grader will, read each exercise.

It runs the notebook from top to bottom in a fresh kernel, then reads each exercise as passed,
failed or not attempted with :mod:`course.grading.exercise_cells`, whose messages never show
hidden tests or expected values. Unlike nbgrader's own ``validate``, the command exits with 1
when an exercise fails, so it can also guard a notebook in a script.
"""

from __future__ import annotations

from pathlib import Path

from .exercise_cells import NOT_ATTEMPTED_ERRORS, Exercise, exercises, is_test_cell

__all__ = ["kernel_config", "check_notebook"]


def kernel_config():
    """The configuration of the fresh kernel: its connection encrypted where the kernel supports it.

    Over TCP without encryption, ipykernel prints a warning on every start, which the learner
    would read above the check's own lines; with the manager's CurveZMQ keys it has nothing to
    warn about (a jupyter_client without that setting ignores it).

    >>> kernel_config().KernelManager.transport_encryption
    'auto'
    """
    from traitlets.config import Config

    return Config({"KernelManager": {"transport_encryption": "auto"}})


def check_notebook(path: Path, timeout: int = 120) -> tuple[list[Exercise], list[str]]:
    """Execute the notebook at ``path`` in a fresh kernel; return (exercises, errors outside the checks)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3", config=kernel_config(),
                   resources={"metadata": {"path": str(Path(path).resolve().parent)}}).execute()
    stray = [f"cell {i + 1} stopped with {o.get('ename')}: {o.get('evalue')}"
             for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and not is_test_cell(cell)
             for o in cell.get("outputs", []) if o.get("output_type") == "error"
             and o.get("ename") not in NOT_ATTEMPTED_ERRORS]
    return exercises(nb), stray
