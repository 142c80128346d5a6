"""What a hidden test sends out of the learner's kernel: the learner's results, never a verdict.

A hidden test calls the learner's function on other seeds' data and hands each result to one
of these helpers, which turns it into plain JSON (numbers, texts, lists: never pickle) and
emits it as an output of the test cell, under the course's own MIME type (only in a grading
run, where nbgrader sets ``NBGRADER_EXECUTION``: the book and an instructor trying the source
get no such outputs; a learner who unsets it only loses the records). Nothing here
compares: the grading process reads these records and compares them with what the model
solution's hidden tests emitted (:mod:`course.grading.verdict`), with the options (tolerances,
order) the *source* notebook gives, so no code in the learner's kernel can change a verdict.

>>> import pandas as pd
>>> with capture() as records:
...     series(pd.Series({"x": 2, "facebook": 3.5}), order=False, rtol=0)
...     number(0.25)
>>> [r["kind"] for r in records], records[0]["result"], records[1]["options"]
(['series', 'number'], {'type': 'Series', 'labels': ['x', 'facebook'], 'values': [2.0, 3.5]}, {'rtol': 1e-06, 'atol': 0.0})
"""

from __future__ import annotations

import contextlib
import datetime
import math
import numbers
import os
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["MIME", "series", "frame", "number", "labels", "value", "capture"]

#: The MIME type of a hidden test's record in a cell's outputs.
MIME = "application/vnd.parliament-course.hidden-result+json"
VERSION = 1
#: Longest text kept of one label or value: a record stays small whatever the learner returns.
LONGEST_TEXT = 200

_sink: list | None = None


@contextlib.contextmanager
def capture() -> Iterator[list[dict]]:
    """Collect the records into a list instead of emitting them (the grading process's run of the source)."""
    global _sink
    previous, _sink = _sink, []
    try:
        yield _sink
    finally:
        _sink = previous


def _emit(kind: str, options: dict, result: dict) -> None:
    record = {"version": VERSION, "kind": kind, "options": options, "result": result}
    if _sink is not None:
        _sink.append(record)
        return
    if not os.environ.get("NBGRADER_EXECUTION"):
        return  # not a grading run (the book, an instructor trying the source): nothing to send
    from IPython.display import display

    display({MIME: record, "text/plain": f"(a result for the hidden tests: {kind} of {result['type']})"}, raw=True)


def _type(result: Any) -> str:
    import pandas as pd

    if isinstance(result, pd.DataFrame):
        return "DataFrame"
    if isinstance(result, pd.Series):
        return "Series"
    if isinstance(result, bool) or type(result).__name__ == "bool_":
        return "bool"
    if isinstance(result, str):
        return "str"
    if isinstance(result, numbers.Real):
        return "number"
    return type(result).__name__


def _text(value: Any) -> str:
    return str(value)[:LONGEST_TEXT]


def plain(value: Any) -> Any:
    """One value as JSON: a bool, a number, a text, or None; NaN and infinities as texts.

    >>> plain(3), plain(2.5), plain(float("nan")), plain(True), plain("x")
    (3, 2.5, 'NaN', True, 'x')
    """
    if value is None or isinstance(value, str):
        return value if value is None else value[:LONGEST_TEXT]
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, (datetime.date, datetime.datetime)) or type(value).__name__ in ("Timestamp", "Period"):
        return _text(value)
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return _text(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    return number


def _values(values: Iterable) -> list:
    return [plain(v) for v in values]


def _tolerance(rtol: float, atol: float) -> dict:
    return {"rtol": float(rtol), "atol": float(atol)}


def _named(options: dict, name: str | None) -> dict:
    """``name`` says which part of an answer a record holds ("the median"), in messages; none by default."""
    return {**options, "name": name} if name else options


def series(result: Any, *, order: bool = True, labels: str = "text", decreasing: bool = False,
           rtol: float = 1e-6, atol: float = 0.0, name: str | None = None) -> None:
    """A Series, compared label by label (``order=False``) or also in the order of its rows.

    ``labels="month"`` reads each label as its month (a period, a first or a last day);
    ``decreasing=True`` also asks the values to go from the largest to the smallest.
    """
    options = _named({"order": bool(order), "labels": labels, "decreasing": bool(decreasing),
                      **_tolerance(rtol, atol)}, name)
    found = {"type": _type(result)}
    if found["type"] == "Series":
        found["labels"] = _values(result.index)
        found["values"] = _values(result.to_numpy())
    _emit("series", options, found)


def frame(result: Any, columns: list[str], *, index: str | None = None, rtol: float = 1e-6,
          atol: float = 0.0, name: str | None = None) -> None:
    """A DataFrame compared row by row, in order, on ``columns`` (and on its index labels unless ``index`` is None)."""
    options = _named({"columns": list(columns), "index": index, **_tolerance(rtol, atol)}, name)
    found: dict[str, Any] = {"type": _type(result)}
    if found["type"] == "DataFrame":
        found["rows"] = int(len(result))
        found["labels"] = _values(result.index) if index is not None else None
        found["columns"] = {name: (_values(result[name].to_numpy()) if name in result.columns else None)
                            for name in columns}
    _emit("frame", options, found)


def number(result: Any, *, rtol: float = 1e-6, atol: float = 0.0, name: str | None = None) -> None:
    """A single number, read as ``float()`` reads it (a table is not a number)."""
    found: dict[str, Any] = {"type": _type(result)}
    if found["type"] not in ("Series", "DataFrame"):
        try:
            found = {"type": "number", "value": plain(float(result))}
        except (TypeError, ValueError, OverflowError):
            pass
    _emit("number", _named(_tolerance(rtol, atol), name), found)


def labels(result: Any, *, order: bool = False, name: str | None = None) -> None:
    """The labels (the index) of a Series or a DataFrame, as a set unless ``order=True``."""
    found: dict[str, Any] = {"type": _type(result)}
    if found["type"] in ("Series", "DataFrame"):
        found["labels"] = _values(result.index)
    _emit("labels", _named({"order": bool(order)}, name), found)


def value(result: Any, *, name: str | None = None) -> None:
    """A text, a yes/no, a whole number, or a list of them, compared exactly."""
    if isinstance(result, (list, tuple)):
        found = {"type": "list", "value": _values(result)}
    else:
        found = {"type": _type(result), "value": plain(result)}
    _emit("value", _named({}, name), found)
