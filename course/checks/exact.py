"""A graded part, defined once: the one-line visible check and the one-line hidden test both come from it.

A test cell of a stage notebook is a docstring and two calls of the same part::

    check_answer("0.1a", posts_per_platform)     # visible: ✔ or a friendly ✘
    ### BEGIN HIDDEN TESTS
    collect_answer("0.1a", posts_per_platform)   # hidden: the results, for the verdict
    ### END HIDDEN TESTS

The :class:`Part` (in the stage's checker module, ``course.checks.stage00`` for ``"0.1a"``) says
which function is called, with which arguments on the tables of one data set (``calls``) and on
small tables built for the statement's special cases (``edges``), and which properties of each
result are compared (``collect``: the :mod:`course.checks.collect` helpers it hands the result to).

1. :func:`check_answer` first runs the part's *slips* on the practice data, which name a common
   mistake when they see one ("divide by reach, not impressions"); then it calls the function on
   the practice data, on the public data sets (seeds 7 and 11) and on the edge tables, and compares
   each property of what it returns with the model solution's fingerprint, shipped in
   ``course/checks/fingerprints/<stage>.json``: every answer the hidden verdict rejects gets a ✘,
   with the property that is off, and never the value expected.
2. :func:`collect_answer` calls the function on the hidden data sets (in a grading run, seeds drawn
   for the course and kept out of the learners' reach; see :func:`hidden_seeds`) and on the edge
   tables, and sends each result out of the kernel; the grading process compares them with the
   model solution's (:mod:`course.grading.verdict`).
"""

from __future__ import annotations

import functools
import importlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..data import load_all, sample
from . import collect
from .fingerprint import fingerprint, records_view
from .primitives import PASS_MARK, Check, CheckFailed, copied

__all__ = ["Part", "PUBLIC_SEEDS", "SEEDS_VARIABLE", "hidden_seeds", "check_answer", "collect_answer", "part",
           "stage_module", "fingerprint_file", "views"]

#: The data sets the visible checks try every function on, beside the practice data; their
#: fingerprints ship with the course.
PUBLIC_SEEDS = (7, 11)
#: In a grading run: the seeds of the hidden data sets, "13,29" (drawn per course by ``course grade``).
SEEDS_VARIABLE = "COURSE_HIDDEN_SEEDS"
PRACTICE = "practice"
EDGES = "edges"
FINGERPRINTS = Path(__file__).resolve().parent / "fingerprints"

# What to say when one property differs ("`f` returns ..."), and the order they are compared in:
# the first that differs is the one said.
_DIFFERENT = {
    "rows": "another number of rows than expected",
    "labels": "other labels (the index) than expected",
    "value": "another value than expected",
    "values": "the right labels, but other values",
    "order": "the right values, but not in the expected order",
}
_WHERE = {
    PRACTICE: "on the practice data",
    EDGES: "on data made for the statement's special cases (a tie, a value exactly at a limit, an empty "
           "group)",
}


def _rank(name: str) -> int:
    prop = name.rpartition(": ")[2]
    order = ["type", "rows", "labels", "value", "values"]
    return order.index(prop) if prop in order else len(order) + (prop == "order")


@dataclass(frozen=True)
class Part:
    """One graded test cell: which function, called how, compared on what."""

    exercise: str
    function: str
    #: The argument tuples to call the function with, given the tables of one data set.
    calls: Callable[[dict[str, pd.DataFrame]], list[tuple]]
    #: Hands one result to the :mod:`.collect` helpers: what the hidden verdict compares, and with
    #: which tolerance (the visible check's fingerprints are made from the same records).
    collect: Callable[[Any], None]
    #: Quick checks on the practice data that name a common mistake, run first.
    slips: Callable[[Check, Callable], None] | None = None
    #: What to look at when a property differs: property -> a short hint.
    hints: dict[str, str] = field(default_factory=dict)
    #: The argument tuples of the calls on small tables built for the statement's special cases.
    edges: Callable[[], list[tuple]] | None = None


def stage_module(part_id: str):
    """The checker module of the stage a part belongs to: "1.2b" -> course.checks.stage01."""
    stage = int(part_id.split(".")[0])
    return importlib.import_module(f"{__package__}.stage{stage:02d}")


def part(part_id: str) -> Part:
    """The :class:`Part` called ``part_id`` ("0.1a", "2.3")."""
    parts = stage_module(part_id).PARTS
    if part_id not in parts:
        raise KeyError(f"No check called {part_id!r}; this stage's checks are {', '.join(parts)}.")
    return parts[part_id]


def fingerprint_file(stage: str) -> Path:
    return FINGERPRINTS / f"{stage}.json"


@functools.cache
def _shipped(stage: str) -> dict:
    return json.loads(fingerprint_file(stage).read_text(encoding="utf-8"))


def hidden_seeds() -> tuple[int, ...]:
    """The seeds of the data sets the hidden tests use: the grading run's (``$COURSE_HIDDEN_SEEDS``), else the
    public ones (an instructor or a test trying the source notebook).

    >>> import os
    >>> os.environ.pop(SEEDS_VARIABLE, None) and None
    >>> hidden_seeds()
    (7, 11)
    """
    configured = os.environ.get(SEEDS_VARIABLE, "").strip()
    return tuple(int(seed) for seed in configured.split(",")) if configured else PUBLIC_SEEDS


def _data_sets(spec: Part, seeds, practice: bool = False) -> Iterator[tuple[str, list[tuple]]]:
    """(name, argument tuples) of each data set a part is tried on, in the order a learner should hear of them."""
    if practice:
        yield PRACTICE, spec.calls(load_all())
    for seed in seeds:
        yield str(seed), spec.calls(sample(seed))
    if spec.edges is not None:
        yield EDGES, spec.edges()


def collect_answer(part_id: str, function: Callable) -> None:
    """The hidden test of ``part_id``: ``function``'s results on the hidden data, sent out for the verdict.

    The function is called on copies, so an answer that changes its tables changes nothing else.
    """
    spec = part(part_id)
    for _, calls in _data_sets(spec, hidden_seeds()):
        for args in calls:
            spec.collect(function(*(copied(a) for a in args)))


def views(part_id: str, function: Callable, check: Check | None = None) -> dict[str, list[dict[str, Any]]]:
    """What ``function`` returns on each public data set, as fingerprinted views: data set -> one per call."""
    spec = part(part_id)
    check = check or Check(spec.exercise)
    found = {}
    for name, calls in _data_sets(spec, PUBLIC_SEEDS, practice=True):
        found[name] = []
        for args in calls:
            result = check.call(function, *args, name=spec.function)
            try:
                with collect.capture() as records:
                    spec.collect(result)
                view = records_view(records)
            except Exception as error:  # a result of an unexpected shape: say so in the learner's terms
                check.fail(f"could not read what `{spec.function}` returns ({type(error).__name__}: {error}). "
                           f"Re-read what the exercise asks it to return.")
            found[name].append(fingerprint(part_id, view))
    return found


def _difference(spec: Part, where: str, name: str, got: dict, wanted: dict) -> str:
    """The learner's words for one property that differs on one data set."""
    if name.rpartition(": ")[2] == "type":
        return f"`{spec.function}` returns a {got.get(name)}; the exercise asks for a {wanted[name]}."
    owner, _, prop = name.rpartition(": ")
    what = _DIFFERENT.get(prop, f"other values than expected in its column {prop.removeprefix('column ')}")
    where_said = _WHERE.get(where, f"on another data set made like the practice data (data set {where})")
    hint = spec.hints.get(name) or spec.hints.get(prop) or "Re-read the statement and the hint."
    return f"{where_said}, `{spec.function}` returns {what}{f' for {owner}' if owner else ''}. {hint}"


def check_answer(part_id: str, function: Callable) -> None:
    """Check the learner's ``function`` for the test cell ``part_id``: ✔ printed, or a friendly ✘.

    In a grading run the ✘ is printed, not raised: the cell's points are the hidden verdict's alone.
    """
    spec = part(part_id)
    check = Check(spec.exercise)
    try:
        if not callable(function):
            check.fail(f"`{spec.function}` should be a function (written with `def`), not a "
                       f"{type(function).__name__}.")
        if spec.slips is not None:
            spec.slips(check, function)
        expected = _shipped(stage_module(part_id).STAGE)[part_id]
        found = views(part_id, function, check)
        for where, got_calls in found.items():
            for got, wanted in zip(got_calls, expected[where]):
                differs = next((name for name in sorted(wanted, key=_rank) if got.get(name) != wanted[name]), None)
                if differs:
                    check.fail(_difference(spec, where, differs, got, wanted))
    except CheckFailed as failure:
        if not os.environ.get("NBGRADER_EXECUTION"):
            raise
        print(failure._render_traceback_()[0])
        return
    print(f"{PASS_MARK} {spec.exercise}{_part_label(part_id)}: right {_tried_on(found)}.")


def _tried_on(found: dict[str, list]) -> str:
    """What the ✔ says the answer was tried on: the data sets where :func:`views` made calls."""
    where = ["on the practice data", "on two other data sets"] if found.get(PRACTICE) else []
    where += ["on the statement's special cases"] if found.get(EDGES) else []
    return " and ".join(where)


def _part_label(part_id: str) -> str:
    letter = part_id.lstrip("0123456789.")
    return f", part {letter}" if letter else ""
