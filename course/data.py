"""Load the sample data as typed DataFrames, with one clear error when a file is missing or broken.

>>> posts = load("posts")
>>> str(posts["posted_at"].dtype)
'datetime64[ns]'
>>> posts["platform"].dtype.name
'category'
"""

from __future__ import annotations

import functools
import os
import pickle
from pathlib import Path

import pandas as pd

from .generator import DEFAULT_SEED, generate
from .paths import SHIPPED_DATA
from .schema import TABLES

__all__ = ["DataFileError", "data_dir", "load", "load_all", "sample", "typed", "SAMPLES_VARIABLE", "write_samples"]

#: A folder of samples made ahead (see :func:`write_samples`): the grader's kernels read them instead of
#: generating each seed again, a second or so in every graded notebook.
SAMPLES_VARIABLE = "COURSE_SAMPLES"
REGENERATE = "Regenerate the sample data with `course data` (from the course folder)."


class DataFileError(RuntimeError):
    """A sample-data file is missing or cannot be read; the message names the file and the fix."""


def data_dir() -> Path:
    """The folder holding the sample data: ``$COURSE_DATA`` if set, else the course's ``data/``."""
    configured = os.environ.get("COURSE_DATA")
    if configured:
        return Path(configured)
    return SHIPPED_DATA


def typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give each column of ``df`` the type the data dictionary sets for it."""
    out = df.copy()
    for name, col in TABLES[table].columns.items():
        values = out[name]
        if col.kind in ("date", "datetime"):
            out[name] = pd.to_datetime(values, format="ISO8601").astype("datetime64[ns]")
        elif col.kind == "category":
            out[name] = pd.Categorical(values, categories=list(col.allowed), ordered=col.ordered)
        elif col.kind == "bool":
            if values.dtype != bool:
                out[name] = values.astype(str).str.lower().map({"true": True, "false": False}).astype(bool)
        elif col.kind == "int":
            out[name] = values.astype("int64")
        elif col.kind == "float":
            out[name] = values.astype("float64")
        else:
            out[name] = values.astype(object).where(values.notna(), None)
    return out


def _check_values(raw: pd.DataFrame, table: str, path: Path) -> None:
    """Reject empty required cells and category values outside the dictionary's list."""
    for name, col in TABLES[table].columns.items():
        values = raw[name]
        bad = values.isna() if not col.nullable else pd.Series(False, index=raw.index)
        problem = "is empty"
        if col.kind == "category":
            outside = values.notna() & ~values.isin(col.allowed)
            if outside.any():
                bad, problem = outside, "has a value outside " + ", ".join(col.allowed)
        if bad.any():
            row = int(bad.to_numpy().argmax()) + 2  # +1 for the header, +1 for counting from one
            raise DataFileError(f"{path}: column '{name}' {problem} on line {row}. {REGENERATE}")


def _read(table: str, folder: Path) -> pd.DataFrame:
    path = folder / TABLES[table].filename
    if not path.is_file():
        raise DataFileError(f"{path}: the file is missing. {REGENERATE}")
    expected = list(TABLES[table].columns)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataFileError(f"{path}: the file is not readable CSV ({first_line}). {REGENERATE}") from None
    if list(raw.columns) != expected:
        missing = [c for c in expected if c not in raw.columns]
        detail = f"missing columns {missing}" if missing else f"columns {list(raw.columns)} instead of {expected}"
        raise DataFileError(f"{path}: {detail}. {REGENERATE}")
    _check_values(raw, table, path)
    try:
        return typed(raw, table)
    except (ValueError, TypeError) as error:
        raise DataFileError(f"{path}: a value does not fit its column ({error}). {REGENERATE}") from None


@functools.lru_cache(maxsize=None)
def _cached(table: str, folder: str, stamp: float) -> pd.DataFrame:
    return _read(table, Path(folder))


def load(table: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Load one table of the sample data (see the data dictionary) as a typed DataFrame.

    Each call returns a fresh copy, so changing it never changes what the next call returns.
    """
    if table not in TABLES:
        raise KeyError(f"There is no table '{table}'. The tables are: {', '.join(TABLES)}.")
    folder = Path(folder) if folder is not None else data_dir()
    path = folder / TABLES[table].filename
    stamp = path.stat().st_mtime if path.is_file() else -1.0
    return _cached(table, str(folder), stamp).copy()


def load_all(folder: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Load every table, keyed by table name."""
    return {name: load(name, folder) for name in TABLES}


def _sample_file(folder: str | Path, seed: int) -> Path:
    return Path(folder) / f"seed-{seed}.pickle"


@functools.lru_cache(maxsize=8)
def _sample(seed: int) -> dict[str, pd.DataFrame]:
    made_ahead = os.environ.get(SAMPLES_VARIABLE)
    if made_ahead:
        try:
            with _sample_file(made_ahead, seed).open("rb") as file:
                return pickle.load(file)
        except OSError:  # not made for this seed, or out of this process's sight: generate it
            pass
    return _generated(seed)


def _generated(seed: int) -> dict[str, pd.DataFrame]:
    return {name: typed(df, name) for name, df in generate(seed=seed).items()}


def write_samples(folder: str | Path, seeds) -> Path:
    """Make :func:`sample` of each seed ahead into ``folder`` (read-only files), for processes started with
    ``$COURSE_SAMPLES`` set to it. Only the grader writes them: whoever can write there decides the data.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = write_samples(folder, [7])
    ...     with _sample_file(folder, 7).open("rb") as file:
    ...         pickle.load(file)["posts"].equals(sample(7)["posts"])
    True
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        path = _sample_file(folder, seed)
        with path.open("wb") as file:
            pickle.dump(_generated(seed), file, protocol=pickle.HIGHEST_PROTOCOL)
        path.chmod(0o444)
    return folder


def sample(seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """Every table generated afresh with ``seed``: the same shapes and patterns as the shipped data.

    Tests use it to check a function on data it has never seen.
    """
    return {name: df.copy() for name, df in _sample(seed).items()}
