"""Reading an export onto the course's ``posts`` columns: :func:`read_export` for one file, :func:`read_exports`
for a folder of them, one account per file (the file's name is the account's ``account_id``)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..schema import FORMATS as COURSE_FORMATS, PLATFORMS, TABLES
from .files import CSV_SUFFIXES, EXCEL_SUFFIXES, Sheet, sheets
from .formats import FORMATS, Format, Recognised, closest, recognise, why_missing
from .headers import normalise
from .report import ExportError, Report
from .values import is_number, parse_count, parse_times

__all__ = ["Export", "ExportFolder", "read_export", "read_exports", "PRIVATE", "COUNTS"]

#: What privacy drops unless asked to keep it: the name of the kind, and the column it is kept in.
PRIVATE = {"text": "post text", "staff": "names of the staff who published", "handles": "@handles",
           "links": "permalinks"}
COUNTS = ("impressions", "reach", "reactions", "comments", "shares", "clicks", "video_views")
HEADER_ROWS = 15  # how far down a sheet the row of column names may be
TOTALS = {"total", "totals", "total général", "total general"}
_NAMED_PLATFORMS = {"facebook": "facebook", "fb": "facebook", "instagram": "instagram", "ig": "instagram",
                    "x": "x", "twitter": "x", "tweets": "x", "youtube": "youtube", "yt": "youtube",
                    "linkedin": "linkedin", "li": "linkedin", "tiktok": "tiktok", "tt": "tiktok"}


class Export(NamedTuple):
    """One file read: the posts-like table and its :class:`~course.exports.report.Report`."""

    table: pd.DataFrame
    report: Report


class ExportFolder(NamedTuple):
    """A folder read: every account's posts in one table, one report per file read, one message per file not read."""

    table: pd.DataFrame
    reports: list[Report]
    problems: list[str]

    def summary(self) -> pd.DataFrame:
        """One row per file read: its format, header language, rows read, posts kept, columns mapped."""
        return pd.DataFrame([{"file": r.file, "format": r.format, "language": r.language, "rows read": r.rows_read,
                              "posts": r.posts, "mapped": ", ".join(c for c in r.mapped)} for r in self.reports])

    def lacking(self, columns) -> list[str]:
        """For each file read that lacks one of ``columns``, the first it lacks and why.

        >>> ExportFolder(pd.DataFrame(), [Report("a.csv", "X", "en", missing={"reach": "X gives no reach"})],
        ...              []).lacking(["reactions", "reach"])
        ['a.csv: no reach (X gives no reach)']
        """
        lines = []
        for report in self.reports:
            absent = [column for column in columns if column in report.missing]
            if absent:
                lines.append(f"{report.file}: no {absent[0]} ({report.missing[absent[0]]})")
        return lines

    def __str__(self) -> str:
        lines = [str(report) for report in self.reports]
        lines += [f"NOT READ {problem}" for problem in self.problems]
        lines.append(f"{len(self.table)} posts from {len(self.reports)} file(s); {len(self.problems)} file(s) "
                     "not read.")
        return "\n".join(lines)


def _find_header(path: Path, found: list[Sheet]) -> tuple[list[list[str]], int, Recognised]:
    for sheet in found:
        for index, row in enumerate(sheet.rows[:HEADER_ROWS]):
            recognised = recognise(row)
            if recognised:
                return sheet.rows, index, recognised
    first = next((row for sheet in found for row in sheet.rows if any(c.strip() for c in row)), None)
    known = "; ".join(fmt.label for fmt in FORMATS)
    if first is None:
        raise ExportError(f"{path.name}: the file holds no cells. Download the export again; the other files "
                          "are read without it.")
    if sum(is_number(cell) for cell in first) >= max(1, len([c for c in first if c.strip()]) // 2):
        raise ExportError(f"{path.name}: no row of column names in its first {HEADER_ROWS} rows (it starts with "
                          "numbers). Put back the row of names the platform wrote (such as \"Post ID\", "
                          "\"Publish time\"), or export the file again.")
    names = ", ".join(f'"{c.strip()}"' for c in first if c.strip())[:160]
    near = closest(first)
    hint = (f" The nearest is {near[0].label}, which also needs " + ", ".join(f'"{n}"' for n in near[1])
            + ": if the file is one, export it again with all its columns.") if near else ""
    raise ExportError(f"{path.name}: its columns ({names}) are those of no export the course reads ({known}).{hint} "
                      "Remove it from the folder, or export the per-post data as the book's page on your own "
                      "accounts says.")


def _hash(text: str) -> str:
    return "h" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


class _Rows:
    """The data rows under a header, with the cell of a field by name and each row's line in the file."""

    def __init__(self, rows: list[list[str]], header: int, recognised: Recognised):
        self.positions = recognised.positions
        self.headers = rows[header]
        self.rows = [(header + 2 + i, row) for i, row in enumerate(rows[header + 1:]) if any(c.strip() for c in row)]

    def cell(self, row: list[str], name: str) -> str:
        position = self.positions.get(name)
        return row[position].strip() if position is not None and position < len(row) else ""

    def first_present(self, names: tuple[str, ...]) -> str | None:
        return next((name for name in names if name in self.positions), None)

    def written(self, name: str) -> str:
        return self.headers[self.positions[name]].replace("\ufeff", "").strip()

    def keep_where(self, report: Report, reason: str, keep) -> None:
        before = len(self.rows)
        self.rows = [(line, row) for line, row in self.rows if keep(row)]
        report.drop(reason, before - len(self.rows))


def _drop_rows(rows: _Rows, fmt: Format, report: Report, decimal: str) -> None:
    counts = [rows.first_present(fmt.columns[c]) for c in COUNTS if c in fmt.columns]
    counts = [name for name in counts if name]
    described = 0  # rows right under the header whose counts are all words: a description of the columns
    for _, row in rows.rows:
        if not counts or not all(rows.cell(row, n) and not is_number(rows.cell(row, n), decimal) for n in counts):
            break
        described += 1
    rows.rows = rows.rows[described:]
    report.drop("description row(s) under the header", described)
    rows.keep_where(report, "\"Total\" row(s), a sum of the others",
                    lambda row: not any(normalise(cell) in TOTALS for cell in row[:2]))
    for value, why in fmt.dropped_types.items():
        rows.keep_where(report, why, lambda row: normalise(rows.cell(row, fmt.type_field)) != value)
    time_field = rows.first_present(fmt.time_fields())
    rows.keep_where(report, "row(s) with no publication time", lambda row: rows.cell(row, time_field))


def _counts(rows: _Rows, fmt: Format, report: Report, decimal: str, table: dict) -> None:
    for column in COUNTS:
        name = rows.first_present(fmt.columns.get(column, ()))
        if name is None:
            continue
        values = []
        for line, row in rows.rows:
            try:
                values.append(parse_count(rows.cell(row, name), decimal))
            except ValueError:
                raise ExportError(f"{report.file}, line {line}, column \"{rows.written(name)}\": "
                                  f"{rows.cell(row, name)!r} is not a count. Correct that cell or download the "
                                  "export again.") from None
        table[column] = pd.array(values, dtype="Int64")
        report.mapped[column] = rows.written(name)


def _private(rows: _Rows, fmt: Format, report: Report, keep: set[str], table: dict) -> None:
    kinds = {"text": fmt.text, "staff": fmt.staff, "handles": fmt.handles, "links": fmt.links}
    for kind, names in kinds.items():
        present = [name for name in names if name in rows.positions]
        if not present:
            continue
        written = ", ".join(f'"{rows.written(name)}"' for name in present)
        if kind in keep:
            table[kind] = [" | ".join(filter(None, (rows.cell(row, n) for n in present))) or None
                           for _, row in rows.rows]
            report.privacy.append(f"kept {PRIVATE[kind]} ({written}) in column '{kind}', as asked")
        else:
            report.privacy.append(f"dropped {PRIVATE[kind]} ({written}); keep=['{kind}'] keeps them")


def _identify(rows: _Rows, fmt: Format, report: Report, table: dict) -> None:
    name = rows.first_present(fmt.columns.get("post_id", ()))
    if name:
        table["post_id"] = [rows.cell(row, name) for _, row in rows.rows]
        report.mapped["post_id"] = rows.written(name)
        return
    link = rows.first_present(fmt.links)
    if link:
        table["post_id"] = [_hash(rows.cell(row, link)) for _, row in rows.rows]
        report.privacy.append(f"post_id is a hash of \"{rows.written(link)}\", so no link is kept in it")
    else:
        table["post_id"] = [f"{report.file}:{line}" for line, _ in rows.rows]
        report.notes.append("post_id is the file's name and the row's line: the export gives no id")


def read_export(path, *, keep=(), timezone: str | None = None, account: str | None = None) -> Export:
    """Read one export file onto the course's ``posts`` columns, with a report of what was done.

    ``keep`` names what privacy would drop and you want kept ("text", "staff", "handles", "links");
    ``timezone`` (such as "Europe/Paris") moves times written in UTC to your local time; ``account``
    is the ``account_id`` given to every post (default: the file's name without its extension).
    Raises :class:`~course.exports.report.ExportError`, naming the file and what to do, when it cannot.
    """
    path = Path(path)
    keep = set(keep)
    unknown = keep - set(PRIVATE)
    if unknown:
        raise ValueError(f"keep takes {sorted(PRIVATE)}, not {sorted(unknown)}")
    rows_of_file, header, recognised = _find_header(path, sheets(path))
    fmt, language = recognised.format, recognised.language
    decimal = "," if language in ("fr", "es") else "."
    report = Report(path.name, fmt.label, language)
    rows = _Rows(rows_of_file, header, recognised)
    report.rows_read = len(rows.rows)
    _drop_rows(rows, fmt, report, decimal)
    if not rows.rows:
        raise ExportError(f"{path.name}: a {fmt.label} export with its column names but no posts. Export a "
                          "period in which the account posted.")
    table: dict = {}
    _identify(rows, fmt, report, table)
    repeated = pd.Series(table["post_id"]).duplicated().sum()
    if repeated or any(name in rows.positions for name in fmt.per_day):
        twice = f" ({repeated} post(s) on more than one row)" if repeated else ""
        raise ExportError(f"{path.name}: a file with a row per day, not one per post{twice}. Export the "
                          "per-post table instead (from YouTube's zip, "
                          "\"Table data.csv\", not \"Chart data.csv\").")
    table["account_id"] = account or path.stem
    table["platform"] = pd.Categorical([fmt.platform] * len(rows.rows), categories=list(PLATFORMS))
    time_field = rows.first_present(fmt.time_fields())
    try:
        times = parse_times([rows.cell(row, time_field) for _, row in rows.rows], language != "en", timezone)
    except ValueError as error:
        raise ExportError(f"{path.name}, column \"{rows.written(time_field)}\": {error}. Export the file again "
                          "without changing its dates.") from None
    table["posted_at"] = times.values.to_numpy()
    report.mapped["posted_at"] = rows.written(time_field)
    report.notes.append(f"dates read as {times.layout}")
    if times.ambiguous:
        report.notes.append("no day in the file is above 12, so the other order of day and month reads it too: "
                            "check one post whose date you know")
    if fmt.day_only or not times.with_hour:
        report.notes.append("the export gives the day only, not the hour: no posting-slot analysis")
    type_field = rows.first_present(fmt.columns.get("format", ()))
    if type_field:
        written = [rows.cell(row, type_field) for _, row in rows.rows]
        formats = [fmt.post_types.get(normalise(value)) for value in written]
        table["format"] = pd.Categorical(formats, categories=list(COURSE_FORMATS))
        report.mapped["format"] = rows.written(type_field)
        unread = sorted({value for value, read in zip(written, formats) if read is None})
        if unread:
            report.notes.append(f"post types the course does not know, left empty: {', '.join(unread)}")
    _counts(rows, fmt, report, decimal, table)
    table["time_known"] = not fmt.day_only and times.with_hour
    _private(rows, fmt, report, keep, table)
    read = (*fmt.columns.values(), fmt.text, fmt.links, fmt.handles, fmt.staff,
            (fmt.type_field,) if fmt.dropped_types else ())
    used = {rows.positions[name] for names in read for name in names if name in rows.positions}
    report.unused = [header.replace("\ufeff", "").strip() for position, header in enumerate(rows.headers)
                     if header.strip() and position not in used]
    order = [c for c in TABLES["posts"].columns if c in table] + ["time_known"] + [k for k in PRIVATE if k in table]
    frame = pd.DataFrame({column: table[column] for column in order})
    report.posts = len(frame)
    report.missing = {c: why_missing(fmt, c) for c in TABLES["posts"].columns if c not in table}
    return Export(frame, report)


def _named_platform(path: Path) -> str | None:
    words = re.split(r"[^a-z0-9]+", path.stem.lower())
    named = {_NAMED_PLATFORMS[word] for word in words if word in _NAMED_PLATFORMS}
    return named.pop() if len(named) == 1 else None


def read_exports(folder, *, keep=(), timezone: str | None = None) -> ExportFolder:
    """Read every export of ``folder``, one account per file, into one table; a file that cannot be read
    gets one message in ``problems`` (naming it and what to do) and the others are read all the same.

    A file whose name names a platform (``facebook``, ``ig``, ``x``, ...) but holds another platform's
    export is left out, so a misplaced file never lands under the wrong account.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder. Give the folder holding your exports.")
    tables, reports, problems, seen = [], [], [], {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))):
        if path.stem in seen:
            problems.append(f"{path.name}: a second file for the account '{path.stem}' (after {seen[path.stem]}). "
                            "Keep one export per account, or rename one of them.")
            continue
        try:
            table, report = read_export(path, keep=keep, timezone=timezone)
        except ExportError as error:
            problems.append(str(error))
            continue
        named, platform = _named_platform(path), table["platform"].iloc[0]
        if named and named != platform:
            problems.append(f"{path.name}: its name says {named}, but it is a {report.format} export. Put the "
                            f"{named} export in its place, or rename the file after the account it is from.")
            continue
        seen[path.stem] = path.name
        tables.append(table)
        reports.append(report)
    return ExportFolder(_combine(tables), reports, problems)


def _combine(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """One table, the columns in the course's order, missing counts as <NA> and the categories kept."""
    if not tables:
        return pd.DataFrame({"post_id": pd.Series(dtype=object), "account_id": pd.Series(dtype=object)})
    # Every column an export can fill is there, empty where no file gave it, so an analysis finds no gap.
    fillable = {"post_id", "account_id", "platform", "posted_at", "format", *COUNTS, "time_known"}
    columns = [c for c in [*TABLES["posts"].columns, "time_known", *PRIVATE]
               if c in fillable or any(c in t for t in tables)]
    combined = pd.concat([t.reindex(columns=columns) for t in tables], ignore_index=True)
    for column in columns:
        if column in COUNTS:
            combined[column] = combined[column].astype("Int64")
        elif column == "platform":
            combined[column] = pd.Categorical(combined[column], categories=list(PLATFORMS))
        elif column == "format":
            combined[column] = pd.Categorical(combined[column], categories=list(COURSE_FORMATS))
    return combined
