"""Fingerprints of an answer: what a hidden test compares, reduced to hashes that reveal no value.

A *view* turns what a function returned into a few named properties (its type, its labels,
their order, its values), each in a canonical, rounded form; :func:`fingerprint` hashes each
property. Comparing a learner's fingerprint with the model solution's, property by property,
says which one is off without ever showing the expected values.

>>> import pandas as pd
>>> by_label(pd.Series({"x": 2, "facebook": 3}))
{'type': 'Series', 'labels': ['facebook', 'x'], 'values': [3, 2]}
>>> by_label(pd.Series([0.1 + 0.2], index=["a"]))["values"] == by_label(pd.Series([0.3], index=["a"]))["values"]
True
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

__all__ = ["SIGNIFICANT_DIGITS", "rounded", "label", "month_label", "by_label", "in_order", "number", "columns",
           "fingerprint"]

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


def _kind(result: Any) -> str:
    if isinstance(result, pd.DataFrame):
        return "DataFrame"
    if isinstance(result, pd.Series):
        return "Series"
    if isinstance(result, (int, float, np.integer, np.floating)) and not isinstance(result, (bool, np.bool_)):
        return "number"
    return type(result).__name__


def by_label(result: Any, label: Callable[[Any], str] = label) -> dict[str, Any]:
    """A Series compared label by label, whatever the order of its rows."""
    view: dict[str, Any] = {"type": _kind(result)}
    if view["type"] != "Series":
        return view
    pairs = sorted((label(k), rounded(v)) for k, v in result.items())
    view["labels"] = [k for k, _ in pairs]
    view["values"] = [v for _, v in pairs]
    return view


def in_order(result: Any, label: Callable[[Any], str] = label) -> dict[str, Any]:
    """A Series compared label by label, then in the order of its rows."""
    view = by_label(result, label)
    if view["type"] == "Series":
        view["order"] = [label(k) for k in result.index]
    return view


def number(result: Any) -> dict[str, Any]:
    """A single number, read as the hidden tests read it: anything ``float()`` accepts but a table.

    >>> number(0.1 + 0.2) == number("0.3"), number(pd.Series([0.3]))
    (True, {'type': 'Series'})
    """
    if isinstance(result, (pd.Series, pd.DataFrame)):
        return {"type": _kind(result)}
    try:
        return {"type": "number", "value": rounded(float(result))}
    except (TypeError, ValueError):
        return {"type": _kind(result)}


def columns(result: Any, names: list[str], index: Callable[[Any], str] | None = None) -> dict[str, Any]:
    """A DataFrame compared row by row on the columns ``names`` (and on its index labels, read by ``index``)."""
    view: dict[str, Any] = {"type": _kind(result)}
    if view["type"] != "DataFrame":
        return view
    view["rows"] = len(result)
    if index is not None:
        view["labels"] = [index(k) for k in result.index]
    for name in names:
        view[f"column {name}"] = [rounded(v) for v in result[name]] if name in result.columns else None
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
