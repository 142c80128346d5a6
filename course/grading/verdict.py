"""The verdict of the hidden tests, reached outside the learner's kernel.

In the learner's kernel a hidden test only *collects*: it calls the learner's function on other
seeds' data and emits each result as a record (:mod:`course.checks.collect`). Here, in the
grading process, the same hidden tests run once per stage on the model solution of the source
notebook (:func:`source_records`, cached in the course folder by :func:`expected`); then each
executed test cell's records are compared with the solution's (:func:`judge`): the same number,
in the same order, of the same kinds, each within the tolerance the *source* gives (whatever the
learner's record says). :func:`write_verdicts` writes the verdict into the executed notebook
before nbgrader records the scores: a test cell that passes keeps only what it printed; one that
fails gets an error saying which property differs (never a value); one whose records did not
arrive (missing, duplicated, forged, reordered) gets an error saying so, and scores nothing.

A test cell of the source whose hidden tests emit no record is of the old form (the comparison
in the learner's kernel): it is left as it is, and :func:`expected` names it so ``course grade``
can warn the instructor.

>>> from course.checks import collect
>>> import pandas as pd
>>> with collect.capture() as want:
...     collect.series(pd.Series({"a": 1.0, "b": 2.0}), order=False, rtol=1e-6)
>>> with collect.capture() as got:
...     collect.series(pd.Series({"b": 2.0000001, "a": 1.0}), order=True, rtol=0)
>>> judge(want, got) is None  # the source asks for any order and a relative error of 1e-6
True
>>> with collect.capture() as got:
...     collect.series(pd.Series({"a": 1.0, "c": 2.0}))
>>> judge(want, got)
'labels'
>>> print(describe("labels", got, want))
a hidden check does not pass: on another data set made like the practice data (one the course keeps for grading), or on data made for the statement's special cases, what your answer returns has other labels (the index) than expected. Re-read the statement and the hint.
>>> judge(want, got + got)
'missing'
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import os
import re
import secrets
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_output

from ..checks import collect
from ..checks.exact import PUBLIC_SEEDS, SEEDS_VARIABLE
from ..checks.fingerprint import label, month_label
from ..paths import ROOT
from .exercise_cells import is_test_cell, nbgrader_meta

__all__ = ["RESULTS_FOLDER", "SEEDS_FILE", "course_seeds", "HIDDEN_FAILED", "HIDDEN_MISSING", "MISSING", "VerdictError", "records_of",
           "source_records", "expected", "judge", "describe", "write_verdicts", "old_form_cells"]

#: In the course folder (outside source/ and release/, never in the sandbox's view): the solution's records.
RESULTS_FOLDER = "hidden-results"
#: In the course folder too: the seeds of this course's hidden data sets, drawn at its first grading run.
SEEDS_FILE = "hidden-seeds.json"
#: Seeds a hidden data set never uses: the practice data's and those whose fingerprints ship.
_PUBLIC = {2025, *PUBLIC_SEEDS}
#: Error names the verdict writes into a test cell.
HIDDEN_FAILED = "HiddenTestFailed"
HIDDEN_MISSING = "HiddenResultsMissing"
MISSING = "missing"
MISSING_MESSAGE = ("the results of the hidden tests did not arrive (the test cell was changed, stopped before "
                   "them, or sent results of its own), so it scores nothing.")
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", flags=re.S)

# What to say when one property differs: "... what your answer returns has <this>".
_DIFFERENT = {
    "rows": "another number of rows than expected",
    "labels": "other labels (the index) than expected",
    "value": "another value than expected",
    "values": "the right labels, but other values",
    "order": "the right values, but not in the expected order",
}


class VerdictError(RuntimeError):
    """The source notebook's own hidden tests cannot give the expected results (an authoring error)."""


def records_of(cell) -> list[dict]:
    """The hidden tests' records among a cell's outputs, in order."""
    return [o["data"][collect.MIME] for o in cell.get("outputs", [])
            if o.get("output_type") in ("display_data", "execute_result") and collect.MIME in o.get("data", {})]


# ---------------------------------------------------------------------------------------------
# The expected records: the source's hidden tests on the model solution, in this process


def source_records(nb, folder: str | os.PathLike | None = None, name: str = "source") -> dict[str, list[dict]]:
    """Run the source notebook ``nb`` in this process, cell after cell; return each test cell's records.

    A test cell's visible part runs too (its hidden tests may use what it computed), but a visible
    check that fails does not stop the run; a hidden test that fails on the model solution does.
    """
    namespace: dict = {"__name__": "hidden_results_of_" + re.sub(r"\W", "_", name)}
    found: dict[str, list[dict]] = {}
    with contextlib.chdir(folder or os.getcwd()), contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            if not is_test_cell(cell):
                exec(compile(cell.source, f"<{name}>", "exec"), namespace)  # noqa: S102 (the course's own code)
                continue
            grade_id = nbgrader_meta(cell)["grade_id"]
            visible, _, hidden = cell.source.partition("### BEGIN HIDDEN TESTS")
            with contextlib.suppress(Exception):
                exec(compile(visible, f"<{name}:{grade_id}>", "exec"), namespace)  # noqa: S102
            with collect.capture() as records:
                try:
                    exec(compile(hidden, f"<{name}:{grade_id} hidden>", "exec"), namespace)  # noqa: S102
                except Exception as error:
                    raise VerdictError(f"{name}: the hidden tests of {grade_id} fail on the model solution "
                                       f"({type(error).__name__}: {error})") from error
            found[grade_id] = records
    return found


def course_seeds(course_dir: str | os.PathLike) -> tuple[int, ...]:
    """The seeds of the course's hidden data sets: drawn at random the first time, then kept in its folder.

    No learner can see them ahead (they are not in the package, and the course folder stays out of the
    sandbox), so an answer that searches the shipped fingerprints of the public data sets earns nothing.
    """
    path = Path(course_dir) / SEEDS_FILE
    try:
        seeds = tuple(int(seed) for seed in json.loads(path.read_text(encoding="utf-8"))["seeds"])
        if len(seeds) == len(PUBLIC_SEEDS) and not _PUBLIC & set(seeds):
            return seeds
    except (OSError, ValueError, KeyError, TypeError):
        pass
    draw = secrets.SystemRandom()
    seeds = tuple(draw.sample(sorted(set(range(100, 100_000)) - _PUBLIC), len(PUBLIC_SEEDS)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"seeds": seeds}) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return seeds


def _key(source_notebook: Path) -> str:
    """What the expected records depend on: the source notebook, the course package (data, checks) and the
    hidden data sets' seeds."""
    digest = hashlib.sha256(Path(source_notebook).read_bytes())
    digest.update(os.environ.get(SEEDS_VARIABLE, "").encode())
    for path in sorted((ROOT / "course").rglob("*.py")):
        digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()


def expected(results: str | os.PathLike, source: str | os.PathLike, stage: str) -> dict[str, list[dict]]:
    """The model solution's records of ``stage``, from ``results/<stage>.json`` or computed (and saved) now.

    ``results`` is the course folder's :data:`RESULTS_FOLDER`; ``source`` the folder of source notebooks.
    """
    notebook = Path(source) / stage / f"{stage}.ipynb"
    key = _key(notebook)
    path = Path(results) / f"{stage}.json"
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("key") == key:
            return saved["records"]
    except (OSError, ValueError):
        pass
    records = source_records(nbformat.read(notebook, as_version=4), notebook.parent, stage)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(json.dumps({"key": key, "records": records}), encoding="utf-8")
    os.replace(partial, path)
    return records


def old_form_cells(records: dict[str, list[dict]]) -> list[str]:
    """Test cells whose hidden tests emit nothing: they still compare in the learner's kernel."""
    return sorted(grade_id for grade_id, found in records.items() if not found)


# ---------------------------------------------------------------------------------------------
# Comparing


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same(got: Any, want: Any, rtol: float, atol: float) -> bool:
    if _number(got) and _number(want):
        return math.isclose(got, want, rel_tol=rtol, abs_tol=atol)
    if isinstance(got, bool) or isinstance(want, bool):
        return got is want
    return got == want


def _all_same(got: list, want: list, rtol: float, atol: float) -> bool:
    return len(got) == len(want) and all(_same(g, w, rtol, atol) for g, w in zip(got, want))


def _reader(how: str | None):
    return month_label if how == "month" else label


def _series(got: dict, want: dict, options: dict) -> str | None:
    read = _reader(options.get("labels"))
    rtol, atol = options.get("rtol", 0.0), options.get("atol", 0.0)
    got_labels, want_labels = [read(k) for k in got.get("labels", [])], [read(k) for k in want["labels"]]
    if len(got_labels) != len(got.get("values", [])) or sorted(got_labels) != sorted(want_labels):
        return "labels"
    got_pairs = sorted(zip(got_labels, got["values"]), key=lambda pair: pair[0])
    want_pairs = sorted(zip(want_labels, want["values"]), key=lambda pair: pair[0])
    if not _all_same([v for _, v in got_pairs], [v for _, v in want_pairs], rtol, atol):
        return "values"
    if options.get("order") and got_labels != want_labels:
        return "order"
    if options.get("decreasing"):
        numbers = got["values"]
        if not all(_number(v) for v in numbers) or any(a < b for a, b in zip(numbers, numbers[1:])):
            return "order"
    return None


def _frame(got: dict, want: dict, options: dict) -> str | None:
    rtol, atol = options.get("rtol", 0.0), options.get("atol", 0.0)
    if got.get("rows") != want["rows"]:
        return "rows"
    if options.get("index") is not None:
        read = _reader(options["index"])
        if [read(k) for k in got.get("labels") or []] != [read(k) for k in want["labels"]]:
            return "labels"
    columns = got.get("columns") or {}
    for name in options.get("columns", []):
        column = columns.get(name)
        if not isinstance(column, list) or not _all_same(column, want["columns"][name], rtol, atol):
            return f"column {name}"
    return None


def _one(got: dict, want: dict, kind: str, options: dict) -> str | None:
    if got.get("type") != want.get("type"):
        return "type"
    if kind == "series":
        return _series(got, want, options)
    if kind == "frame":
        return _frame(got, want, options)
    if kind == "number":
        return None if _same(got.get("value"), want.get("value"), options.get("rtol", 0.0),
                             options.get("atol", 0.0)) else "value"
    if kind == "labels":
        got_labels, want_labels = [label(k) for k in got.get("labels", [])], [label(k) for k in want["labels"]]
        if sorted(got_labels) != sorted(want_labels):
            return "labels"
        return "order" if options.get("order") and got_labels != want_labels else None
    if kind == "value":
        return None if got.get("value") == want.get("value") and json.dumps(got.get("value")) == json.dumps(
            want.get("value")) else "value"
    return MISSING


def judge(want: list[dict], got: list[dict]) -> str | None:
    """None when the learner's records ``got`` match the solution's ``want``; else what differs.

    :data:`MISSING` when they do not line up (another number of records, or other kinds in another
    order); otherwise the first property that differs ("labels", "values", "column engagement", ...).
    Options (tolerance, order) are always the solution's: a learner's record cannot loosen them.
    """
    if len(got) != len(want):
        return MISSING
    for got_record, want_record in zip(got, want):
        if not isinstance(got_record, dict) or got_record.get("kind") != want_record["kind"] or \
                not isinstance(got_record.get("result"), dict):
            return MISSING
        try:
            differs = _one(got_record["result"], want_record["result"], want_record["kind"], want_record["options"])
        except (TypeError, KeyError, AttributeError):
            differs = MISSING  # a record of another shape than the helpers make: not the hidden tests' own
        if differs and differs != MISSING and want_record["options"].get("name"):
            return f"{want_record['options']['name']}: {differs}"
        if differs:
            return differs
    return None


def describe(differs: str, got: list[dict], want: list[dict]) -> str:
    """The learner's words for what differs (never a value)."""
    if differs == MISSING:
        return MISSING_MESSAGE
    if differs.rpartition(": ")[2] == "type":
        got_type, want_type = next((str(g["result"].get("type"))[:40], w["result"]["type"]) for g, w in zip(got, want)
                                   if g["result"].get("type") != w["result"]["type"])
        what = f"is a {got_type}; the exercise asks for a {want_type}"
    else:
        owner, _, prop = differs.rpartition(": ")
        what = "has " + _DIFFERENT.get(prop, f"other values than expected in its column {prop.removeprefix('column ')}")
        what += f" for {owner}" if owner else ""
    return (f"a hidden check does not pass: on another data set made like the practice data (one the course "
            f"keeps for grading), or on data made for the statement's special cases, what your answer returns "
            f"{what}. Re-read the statement and the hint.")


# ---------------------------------------------------------------------------------------------
# Writing the verdict into an executed notebook


def _error(name: str, message: str):
    return new_output("error", ename=name, evalue=message, traceback=[f"{name}: {message}"])


def write_verdicts(nb, records: dict[str, list[dict]]) -> dict[str, str | None]:
    """Judge every test cell of the executed ``nb`` whose source emits records; return grade_id -> what differs.

    A judged cell keeps what it printed on stdout; every record, result and stderr output goes. An
    error the kernel raised (a visible check that failed, an answer that stopped) stays, first; else
    the verdict's own error comes first when the records differ, so nbgrader counts zero whatever else
    the cell shows. Cells of the old form (no record in the source) are left as they are.
    """
    verdicts = {}
    for cell in nb.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if not is_test_cell(cell) or not records.get(grade_id):
            continue
        want, got = records[grade_id], records_of(cell)
        outputs = cell.get("outputs", [])
        errors = [o for o in outputs if o.get("output_type") == "error"]
        printed = [o for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stdout"]
        if errors:
            verdicts[grade_id] = "stopped"
            cell.outputs = errors[:1] + printed
            continue
        differs = judge(want, got)
        verdicts[grade_id] = differs
        if differs is None:
            cell.outputs = printed
        else:
            cell.outputs = [_error(HIDDEN_MISSING if differs == MISSING else HIDDEN_FAILED,
                                   describe(differs, got, want))] + printed
    return verdicts
