"""What every stage's source notebook shows, cell by cell, as text that two library versions can be compared on.

Run by `test_lowest_versions.py` with each virtual environment's Python (``python notebook_outputs.py OUT``):
the code cells but the test cells run in this process, as ``course.grading.fingerprints.solution_namespace``
runs them, and each cell's printed text and last value are written down: tables as their whole text without
the dtype line (pandas 3 names text ``str``, pandas 2 ``object``) and with one space between columns (their
widths follow the dtypes), charts as their traces' points (plotly 6 and 7 write dates differently), numbers
rounded as the checks round them.
"""
from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_DTYPE_LINE = re.compile(r"\n?(Name: .*, )?dtype: \w+$")
_SPACES = re.compile(r"[ \t]+")


def _text(text: str) -> str:
    return "\n".join(_SPACES.sub(" ", line).strip() for line in _DTYPE_LINE.sub("", text).splitlines())


def shown(value) -> object:
    """What a cell's last value shows, in a form that does not depend on the library's version."""
    import pandas as pd
    import plotly.graph_objects as go

    from course.checks.fingerprint import rounded

    if isinstance(value, (pd.DataFrame, pd.Series)):
        return _text(value.to_string())
    if isinstance(value, go.Figure):
        # A trace's points in any order: the order of a tie in value_counts is not the same in pandas 2 and 3
        # (the axis follows the first trace, so the chart looks the same).
        return [sorted(json.dumps(point) for point in zip(*(_values(trace[key]) for key in ("x", "y", "z")
                                                              if key in trace and trace[key] is not None)))
                for trace in value.data]
    if value is None or isinstance(value, (int, float, str, bool)):
        return rounded(value) if isinstance(value, float) else value
    return type(value).__name__


def _values(values) -> list:
    """A trace's values, each as the checks round it (a table of values row by row, dates as text)."""
    import numpy as np
    import pandas as pd

    from course.checks.fingerprint import rounded

    if isinstance(values, np.ndarray) and values.dtype.kind == "M":
        return [str(pd.Timestamp(v)) for v in values]
    return [_values(v) if hasattr(v, "__len__") and not isinstance(v, str) else
            str(pd.Timestamp(v)) if isinstance(v, (pd.Timestamp, np.datetime64)) else rounded(v) for v in values]


def stage_outputs(stage: str) -> list[list]:
    import nbformat

    from course.grading.exercise_cells import is_test_cell

    import pandas as pd

    pd.set_option("display.max_columns", None, "display.width", 100_000)
    notebook = nbformat.read(ROOT / "notebooks" / stage / f"{stage}.ipynb", as_version=4)
    namespace: dict = {"__name__": f"outputs_of_{stage.replace('-', '_')}"}
    outputs = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or is_test_cell(cell):
            continue
        tree = ast.parse(cell.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(tree, f"<{stage} cell {index}>", "exec"), namespace)  # noqa: S102 (the course's own code)
            value = eval(compile(ast.Expression(last.value), f"<{stage}>", "eval"), namespace) if last else None
        outputs.append([index, _text(printed.getvalue()), shown(value)])
    return outputs


if __name__ == "__main__":
    import IPython.display

    # What a cell (or an explorer, which imports it with the course) displays along the way is written
    # down as a cell's last value is.
    IPython.display.display = lambda *values, **_: print(*(json.dumps(shown(v)) for v in values))
    sys.path.insert(0, str(ROOT))
    from course.paths import stage_names

    Path(sys.argv[1]).write_text(json.dumps({s: stage_outputs(s) for s in stage_names()}, indent=1), encoding="utf-8")
