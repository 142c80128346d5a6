"""Reading the values of an export: counts as the platforms write them, and their many date forms.

>>> [parse_count(text) for text in ("1,234", "1.2K", "12.0", "-", "")]
[1234, 1200, 12, None, None]
>>> parse_count("3,4 k", decimal=","), parse_count("12\\u00a0345", decimal=",")
(3400, 12345)
>>> times = parse_times(["03/25/2025 22:00", "04/01/2025 09:30"])
>>> times.values.astype(str).tolist(), times.layout, times.with_hour
(['2025-03-25 22:00:00', '2025-04-01 09:30:00'], 'month/day/year hour:minute', True)
>>> parse_times(["Tue, Jul 14, 2026"]).with_hour
False
>>> parse_times(["03/04/2025"]).ambiguous, parse_times(["03/14/2025"]).ambiguous
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["MISSING", "parse_count", "parse_times", "Times", "is_number"]

#: What an export writes for "no value".
MISSING = frozenset({"", "-", "--", "–", "n/a", "na", "null", "none"})
_SUFFIX = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000}
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_count(text, decimal: str = ".") -> int | None:
    """A count written by an export as a whole number, or None when it is missing.

    ``decimal`` is the decimal mark of the file's language ("," in French and Spanish); the other
    mark and spaces are thousands separators. A "1.2K" value is read as 1,200: the export rounded it.
    Raises ValueError for text that is not a number.
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    if isinstance(text, (int, float)):
        return round(text)
    value = str(text).strip()
    if value.casefold() in MISSING:
        return None
    thousands = "," if decimal == "." else "."
    match = re.fullmatch(r"(.*?)\s*([kKmMbB])", value)
    multiplier = 1
    if match:
        value, multiplier = match.group(1), _SUFFIX[match.group(2).lower()]
    value = _SPACES.sub("", value)
    if not match:
        value = value.replace(thousands, "")
    elif decimal == "." and "," in value and "." not in value:
        value = value.replace(",", ".")  # "3,4K" in an English file: a decimal comma all the same
    value = value.replace(decimal, ".")
    if not re.fullmatch(r"\d+(\.\d*)?", value):
        raise ValueError(f"{text!r} is not a count")
    return round(float(value) * multiplier)


def is_number(text, decimal: str = ".") -> bool:
    """Whether ``text`` reads as a count (a missing value does not).

    >>> is_number("1.2K"), is_number("-"), is_number("Lifetime reach of the post")
    (True, False, False)
    """
    try:
        return parse_count(text, decimal) is not None
    except ValueError:
        return False


# The date forms seen in exports, each with what a person calls it; a form with a day first
# comes right after its month-first twin, so the file's language can choose between them.
_LAYOUTS = [
    ("%m/%d/%Y %H:%M", "month/day/year hour:minute"),
    ("%d/%m/%Y %H:%M", "day/month/year hour:minute"),
    ("%m/%d/%Y", "month/day/year"),
    ("%d/%m/%Y", "day/month/year"),
    ("%Y-%m-%d %H:%M %z", "year-month-day hour:minute with its UTC offset"),
    ("%Y-%m-%d %H:%M:%S", "year-month-day hour:minute:second"),
    ("%Y-%m-%d %H:%M", "year-month-day hour:minute"),
    ("%Y-%m-%d", "year-month-day"),
    ("%a, %b %d, %Y", "weekday, month day, year"),
    ("%b %d, %Y", "month day, year"),
]


@dataclass
class Times:
    """A column of dates read in one layout: the values (naive), the layout's name, whether it has hours,
    and whether the other order of day and month would have read them all too."""

    values: pd.Series
    layout: str
    with_hour: bool
    ambiguous: bool = False  # day first and month first both read every value


def parse_times(texts, day_first: bool = False, timezone: str | None = None) -> Times:
    """Read a column of publication times in the one layout that reads all of them.

    Where month/day and day/month both read every value, ``day_first`` (the French and Spanish
    interfaces) decides. Times written with a UTC offset are moved to ``timezone`` if given, else
    kept as written. Raises ValueError, naming a value, when no layout reads them all.
    """
    texts = pd.Series([str(t).strip() for t in texts], dtype=object)
    layouts = list(_LAYOUTS)
    if day_first:
        for month_first in (0, 2):
            layouts[month_first], layouts[month_first + 1] = layouts[month_first + 1], layouts[month_first]
    for position, (pattern, name) in enumerate(layouts):
        parsed = pd.to_datetime(texts, format=pattern, errors="coerce")
        if parsed.notna().all():
            if "%z" in pattern:
                parsed = parsed.dt.tz_convert(timezone) if timezone else parsed.dt.tz_convert("UTC")
                parsed = parsed.dt.tz_localize(None)
            twin = layouts[position ^ 1][0] if position < 4 else None  # its other order of day and month
            ambiguous = twin is not None and bool(pd.to_datetime(texts, format=twin, errors="coerce").notna().all())
            return Times(parsed.astype("datetime64[ns]"), name, "%H" in pattern, ambiguous)
    unread = texts[pd.to_datetime(texts, format="mixed", errors="coerce").isna()]
    example = unread.iloc[0] if len(unread) else texts.iloc[0]
    raise ValueError(f"the publication time {example!r} is in no date layout the course reads "
                     f"({', '.join(name for _, name in _LAYOUTS)})")
