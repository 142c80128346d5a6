"""Friendly self-checks for exercises: immediate feedback that never gives the answer away.

A visible test cell builds a :class:`Check` for its exercise, runs a few checks on the
learner's answer, and ends with :meth:`Check.done`. A failed check raises
:class:`CheckFailed` (an ``AssertionError``, so nbgrader counts it) with a message that says
what to look at; an unanswered exercise raises :class:`NotAttempted`.

>>> check = Check("Exercise 0.1")
>>> check.rate(0.25, "the share of posts with video")
>>> check.done()
✔ Exercise 0.1: the visible checks pass. The hidden tests will check the values.
>>> check.rate(1.5, "the share of posts with video")
Traceback (most recent call last):
...
course.checks.primitives.CheckFailed: Exercise 0.1: the share of posts with video should be between 0 and 1, but it is 1.5. A percentage? Leave out the * 100 (charts show percentages; functions return shares). Or did you divide by the right total?
>>> check.rate(-0.5, "the change")
Traceback (most recent call last):
...
course.checks.primitives.CheckFailed: Exercise 0.1: the change should be between 0 and 1, but it is -0.5. Did you divide by the right total?
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

__all__ = ["Check", "CheckFailed", "NotAttempted", "PASS_MARK", "FAIL_MARK", "copied"]

PASS_MARK = "✔"
FAIL_MARK = "✘"


def copied(argument: Any) -> Any:
    """A copy of an argument a learner's function may change (a table, or a dict or list of them).

    >>> tables = {"posts": pd.DataFrame({"reach": [1]})}
    >>> copied(tables)["posts"] is tables["posts"], copied(3)
    (False, 3)
    """
    if isinstance(argument, (pd.DataFrame, pd.Series)):
        return argument.copy()
    if isinstance(argument, dict):
        return {key: copied(value) for key, value in argument.items()}
    if isinstance(argument, list):
        return [copied(value) for value in argument]
    return argument


class CheckFailed(AssertionError):
    """A visible check failed; the message is written for the learner.

    In a notebook the learner sees only that message after a ✘, not a traceback through the
    course's code (IPython shows what ``_render_traceback_`` returns); the error itself, its
    name and message are unchanged, so nbgrader still counts the cell as failed.

    >>> CheckFailed("Exercise 0.1: look at the year.")._render_traceback_()
    ['✘ Exercise 0.1: look at the year.']
    """

    def _render_traceback_(self) -> list[str]:
        return [f"{FAIL_MARK} {self}"]


class NotAttempted(NotImplementedError):
    """The exercise still holds ``raise NotImplementedError()``; shown in a notebook as its message alone."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


class Check:
    """The visible checks of one exercise, named like ``"Exercise 1.2"``."""

    def __init__(self, exercise: str):
        self.exercise = exercise

    def fail(self, message: str) -> None:
        raise CheckFailed(f"{self.exercise}: {message}")

    def that(self, condition: bool, message: str) -> None:
        """Fail with ``message`` unless ``condition`` holds."""
        if not condition:
            self.fail(message)

    def call(self, function: Callable, *args: Any, name: str | None = None) -> Any:
        """Call the learner's function on copies of ``args`` and return what it returns."""
        label = name or getattr(function, "__name__", "your function")
        if not callable(function):
            self.fail(f"`{label}` should be a function (written with `def`), not a {type(function).__name__}.")
        try:
            return function(*(copied(a) for a in args))
        except NotImplementedError:
            raise NotAttempted(f"{self.exercise} is not answered yet: replace `raise NotImplementedError()` "
                               f"with your code.") from None
        except Exception as error:  # the learner's code failed: say how, not where in our code
            self.fail(f"`{label}` stopped with {type(error).__name__}: {error}")

    def answered(self, value: Any, name: str) -> None:
        """Fail kindly when a value is still the ``...`` or ``None`` placeholder."""
        if value is ... or value is None:
            raise NotAttempted(f"{self.exercise} is not answered yet: give `{name}` a value.")

    def kind(self, value: Any, expected: type | tuple[type, ...], what: str) -> None:
        if not isinstance(value, expected):
            names = " or ".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
            self.fail(f"{what} should be a {names}, but it is a {type(value).__name__}.")

    def frame(self, value: Any, columns: Iterable[str] = (), what: str = "the result", min_rows: int = 1) -> None:
        """A DataFrame with at least these columns and rows."""
        self.kind(value, pd.DataFrame, what)
        missing = [c for c in columns if c not in value.columns]
        if missing:
            self.fail(f"{what} should have the column(s) {', '.join(missing)}; it has {', '.join(map(str, value.columns))}.")
        if len(value) < min_rows:
            self.fail(f"{what} has {len(value)} rows; expected at least {min_rows}. Did a filter remove everything?")

    def series(self, value: Any, what: str = "the result", index: Iterable | None = None) -> None:
        """A Series, optionally indexed by exactly these labels (in any order)."""
        self.kind(value, pd.Series, what)
        if index is not None:
            wanted, got = {str(i) for i in index}, {str(i) for i in value.index}
            if got != wanted:
                extra, missing = sorted(got - wanted), sorted(wanted - got)
                detail = "; ".join(filter(None, [f"unexpected {extra}" if extra else "",
                                                 f"missing {missing}" if missing else ""]))
                self.fail(f"{what} should have one value for each of {sorted(wanted)} ({detail}).")
        if value.isna().any():
            self.fail(f"{what} has empty (NaN) values. Check for a division by zero or a missing group.")

    def number(self, value: Any, what: str, low: float | None = None, high: float | None = None) -> None:
        """A single number, optionally within ``[low, high]``."""
        if isinstance(value, (pd.Series, pd.DataFrame)):
            self.fail(f"{what} should be a single number, but it is a {type(value).__name__}. "
                      f"Did you forget to pick one value or to aggregate?")
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{what} should be a number, but it is {value!r}.")
        if number != number:
            self.fail(f"{what} is NaN (not a number). Check for a division by zero or an empty selection.")
        if (low is not None and number < low) or (high is not None and number > high):
            self.fail(f"{what} should be between {low} and {high}, but it is {number:g}.")

    def rate(self, value: Any, what: str) -> None:
        """A share or rate, between 0 and 1 (for a Series: every value)."""
        values = value if isinstance(value, pd.Series) else pd.Series([value])
        try:
            numbers = values.astype(float)
        except (TypeError, ValueError):
            self.fail(f"{what} should be numbers between 0 and 1.")
        outside = (numbers < 0) | (numbers > 1)
        if outside.any():
            worst = numbers[outside].iloc[0]
            # A share times 100, as the teaching cells show them, is the likeliest slip: say it first.
            percent = (" A percentage? Leave out the * 100 (charts show percentages; functions return shares). Or"
                       if numbers.between(0, 100).all() else "")
            self.fail(f"{what} should be between 0 and 1, but it is {worst:g}.{percent or ''} "
                      f"{'did' if percent else 'Did'} you divide by the right total?")

    def text(self, value: Any, what: str, min_words: int = 5) -> None:
        """A written answer of at least ``min_words`` words."""
        self.answered(value, what)
        self.kind(value, str, what)
        if len(value.split()) < min_words:
            self.fail(f"{what} is very short; write at least {min_words} words.")

    def done(self) -> None:
        print(f"{PASS_MARK} {self.exercise}: the visible checks pass. The hidden tests will check the values.")
