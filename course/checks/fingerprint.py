"""Fingerprints of an answer: what a hidden test compares, reduced to hashes that reveal no value.

A *view* turns the records a hidden test sends of what a function returned
(:mod:`course.checks.collect`) into a few named properties (its type, its labels, their
order, its values), each in a canonical, rounded form; :func:`fingerprint` hashes each
property. Comparing a learner's fingerprint with the model solution's, property by property,
says which one is off without ever showing the expected values. Because the view is made
from the records, the visible check compares exactly what the hidden verdict compares.

>>> fingerprint("0.1a", {"type": "Series", "values": [3, 2]})["type"]
'Series'
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["SIGNIFICANT_DIGITS", "rounded", "label", "month_label", "record_view", "records_view", "fingerprint"]

#: Values are compared to this many significant digits: a float answer computed another way still
#: matches, as in the hidden tests (which allow a relative error of a millionth).
SIGNIFICANT_DIGITS = 6
#: Values smaller than this count as zero (a difference of two shares that should cancel out).
ZERO = 1e-9
#: A float computed another way differs from the model's by far less than this (relative). A rate of
#: two whole numbers can land exactly halfway between two roundings (77 / 1280 = 0.06015625), where
#: such a hair decides the rounding; nudging every value this much away from zero first sends both
#: sides of the halfway point the same way.
HAIR = 1e-9


def rounded(value: Any) -> Any:
    """A JSON-ready canonical form of one value: whole numbers stay exact, floats are rounded.

    >>> rounded(3.0), rounded(0.123456789), rounded(1e-17), rounded(float("nan")), rounded(True)
    (3, 0.123457, 0, 'NaN', True)

    A value exactly halfway rounds the same way as the same value computed another way:

    >>> halfway = 77 / 1280
    >>> rounded(halfway) == rounded(halfway * (1 - 1e-15)) == rounded(halfway * (1 + 1e-15)) == 0.0601563
    True
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return "NaN"
    if abs(number) < ZERO:
        return 0
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return float(f"{number * (1 + HAIR):.{SIGNIFICANT_DIGITS}g}")


def label(value: Any) -> str:
    """A label as a hidden test compares it: a number without '.0', anything else as its text.

    >>> label(3.0), label("x"), label(pd.Timestamp("2024-01-01"))
    ('3', 'x', '2024-01-01 00:00:00')
    """
    if isinstance(value, (str, pd.Timestamp, pd.Period)):
        return str(value)
    return str(rounded(value))


def month_label(value: Any) -> str:
    """A month, whether labelled by a period, its first day or its last day.

    >>> month_label(pd.Timestamp("2024-01-31")), month_label(pd.Period("2024-01", "M"))
    ('2024-01', '2024-01')
    """
    try:
        return str(pd.Period(value, freq="M"))
    except (TypeError, ValueError):
        return label(value)


def _read(how: str | None) -> Callable[[Any], str]:
    return month_label if how == "month" else label


def _sorted_pairs(labels: list, values: list) -> list[tuple]:
    return sorted(zip(labels, values), key=lambda pair: pair[0])


def _series_view(result: dict, options: dict) -> dict[str, Any]:
    read = _read(options.get("labels"))
    labels = [read(k) for k in result["labels"]]
    pairs = _sorted_pairs(labels, [rounded(v) for v in result["values"]])
    view: dict[str, Any] = {"labels": [k for k, _ in pairs], "values": [v for _, v in pairs]}
    if options.get("order"):
        view["order"] = labels
    if options.get("decreasing"):
        numbers = result["values"]
        view["order"] = all(isinstance(v, (int, float)) for v in numbers) and all(
            a >= b for a, b in zip(numbers, numbers[1:]))
    return view


def _frame_view(result: dict, options: dict) -> dict[str, Any]:
    view: dict[str, Any] = {"rows": result["rows"]}
    if options.get("index") is not None:
        view["labels"] = [_read(options["index"])(k) for k in result["labels"]]
    for name in options.get("columns", []):
        column = result["columns"].get(name)
        view[f"column {name}"] = None if column is None else [rounded(v) for v in column]
    return view


def _labels_view(result: dict, options: dict) -> dict[str, Any]:
    labels = [label(k) for k in result["labels"]]
    return {"labels": sorted(labels), **({"order": labels} if options.get("order") else {})}


_VIEWS = {
    "series": _series_view,
    "frame": _frame_view,
    "number": lambda result, options: {"value": rounded(result["value"])},
    "labels": _labels_view,
    "value": lambda result, options: {"value": result["value"]},
}


def record_view(record: dict) -> dict[str, Any]:
    """The properties a hidden test's record is judged on, each in its canonical, rounded form.

    The same properties, in the same words, as the verdict outside the kernel compares
    (:func:`course.grading.verdict.judge`): a series' labels, its values label by label, its
    order when the record asks for one; a frame's rows, index and named columns; one value.

    >>> import pandas as pd
    >>> from course.checks import collect
    >>> with collect.capture() as records:
    ...     collect.series(pd.Series({"x": 2, "facebook": 3}), order=False)
    >>> record_view(records[0])
    {'type': 'Series', 'labels': ['facebook', 'x'], 'values': [3, 2]}
    >>> with collect.capture() as records:
    ...     collect.number(0.1 + 0.2)
    ...     collect.number("0.3")
    >>> record_view(records[0]) == record_view(records[1])
    True
    """
    result, options = record["result"], record["options"]
    view: dict[str, Any] = {"type": result["type"]}
    if set(result) > {"type"}:  # what the helper read of a result of the expected kind
        view.update(_VIEWS[record["kind"]](result, options))
    return view


def records_view(records: list[dict]) -> dict[str, Any]:
    """The properties of every record one call of a function made, named after the record when it has a name.

    >>> import pandas as pd
    >>> from course.checks import collect
    >>> with collect.capture() as records:
    ...     collect.labels(pd.Series({"a": 1}))
    ...     collect.number(1.5, name="the median")
    >>> sorted(records_view(records))
    ['labels', 'the median: type', 'the median: value', 'type']
    """
    view: dict[str, Any] = {}
    for record in records:
        name = record["options"].get("name")
        for prop, value in record_view(record).items():
            view[f"{name}: {prop}" if name else prop] = value
    return view


def fingerprint(part: str, view: dict[str, Any]) -> dict[str, str]:
    """Hash each property of ``view`` (its type stays readable: the statement names it anyway)."""
    hashed = {}
    for name, value in view.items():
        if name == "type":
            hashed[name] = value
            continue
        text = json.dumps([part, name, value], sort_keys=True, separators=(",", ":"))
        hashed[name] = hashlib.sha256(text.encode()).hexdigest()[:20]
    return hashed
