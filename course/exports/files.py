"""The cells of an export file, CSV or Excel, as rows of text, whatever its encoding or separator.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     path = pathlib.Path(folder) / "a.csv"
...     _ = path.write_bytes("\\ufeffPost ID;Reach\\r\\n1;\\"1 234\\"\\r\\n".encode("utf-8"))
...     [sheet.rows for sheet in sheets(path)]
[[['\\ufeffPost ID', 'Reach'], ['1', '1 234']]]
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .report import ExportError

__all__ = ["Sheet", "sheets", "CSV_SUFFIXES", "EXCEL_SUFFIXES"]

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
AGAIN = "Download the export again from the platform; the other files are read without it."


@dataclass
class Sheet:
    """The rows of one sheet (a CSV file has one), each a list of texts ("" for an empty cell)."""

    name: str
    rows: list[list[str]]


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows


def _parse(path: Path, text: str, separator: str) -> list[list[str]]:
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True))
    except csv.Error as error:
        raise ExportError(f"{path.name}: the file is cut or damaged ({error}). {AGAIN}") from None
    widths = [len(row) for row in rows if any(cell.strip() for cell in row)]
    if len(widths) > 1 and not text.endswith(("\n", "\r")) and widths[-1] < max(widths[:-1]):
        raise ExportError(f"{path.name}: the file ends in the middle of a row (line {len(rows)}): it was cut "
                          f"while downloading. {AGAIN}")
    return rows


def _csv(path: Path) -> list[Sheet]:
    """The file read with the separator it uses most, then with each other one that reads it cleanly:
    a semicolon file whose post texts hold many commas is still found by its header."""
    data = path.read_bytes()
    if not data.strip():
        raise ExportError(f"{path.name}: the file is empty. {AGAIN}")
    text = _decode(path, data)
    head = "\n".join(text.splitlines()[:20])
    likeliest, *others = sorted([",", ";", "\t"], key=head.count, reverse=True)
    found = [Sheet(path.name, _parse(path, text, likeliest))]
    for separator in others:
        if separator in head:
            try:
                found.append(Sheet(path.name, _parse(path, text, separator)))
            except ExportError:
                continue  # the likeliest reading stands; this one was only a fallback
    return found


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour, value.minute) != (0, 0) else \
            value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _excel(path: Path) -> list[Sheet]:
    try:
        import openpyxl  # only a spreadsheet needs it, so a kernel that reads CSV never loads it
    except ImportError:
        raise ExportError(f"{path.name}: reading Excel files needs openpyxl, which is not installed. Install "
                          "the course again (python3 tasks.py build), or save the sheet as CSV.") from None
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, XML and key errors alike for a broken file
        raise ExportError(f"{path.name}: not a readable Excel file ({type(error).__name__}). {AGAIN}") from None
    try:
        return [Sheet(sheet.title, [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)])
                for sheet in workbook.worksheets]
    finally:
        workbook.close()


def sheets(path: Path) -> list[Sheet]:
    """Every sheet of ``path`` as text; ExportError (naming the file and the fix) when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _csv(path)
    if suffix in EXCEL_SUFFIXES:
        return _excel(path)
    if suffix == ".xls":
        raise ExportError(f"{path.name}: an Excel file of the old kind (.xls). Open it and save it as .xlsx "
                          "or CSV.")
    raise ExportError(f"{path.name}: not a CSV or Excel file. Export the per-post data as CSV (or Excel for "
                      "LinkedIn), or remove the file from the folder.")
