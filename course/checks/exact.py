"""The one-line visible check under an exercise: exact, friendly, and revealing no expected value.

A test cell's visible part is a single call, such as ``check_answer("0.1a", posts_per_platform)``:

1. the *slips* of that part (in the stage's checker module, ``course.checks.stage00`` for
   ``"0.1a"``) try the function on the practice data and name a common mistake when they see
   one ("divide by reach, not impressions");
2. then the function runs on the data the course generates with the seeds the hidden tests use,
   and each property of what it returns (its type, labels, order, values) is compared with the
   model solution's fingerprint, shipped in ``course/checks/fingerprints/<stage>.json``. So
   every answer the hidden tests reject gets a ✘, with the property that is off, and never the
   value expected.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..data import sample
from .fingerprint import fingerprint
from .primitives import PASS_MARK, Check

__all__ = ["Part", "HIDDEN_TEST_SEEDS", "check_answer", "part", "stage_module", "fingerprint_file", "views"]

#: The seeds of the data the hidden tests (and so the visible checks) try every function on.
HIDDEN_TEST_SEEDS = (7, 11)
FINGERPRINTS = Path(__file__).resolve().parent / "fingerprints"

# What to say when one property differs ("`f` returns ..."), and the order they are compared in:
# the first that differs is the one said.
_DIFFERENT = {
    "rows": "another number of rows than expected",
    "labels": "other labels (the index) than expected",
    "value": "another number than expected",
    "values": "the right labels, but other values",
    "order": "the right values, but not in the expected order",
}


def _rank(name: str) -> int:
    order = ["type", "rows", "labels", "value", "values"]
    return order.index(name) if name in order else len(order) + (name == "order")


@dataclass(frozen=True)
class Part:
    """The visible check of one test cell: which function, called how, compared on what."""

    exercise: str
    function: str
    #: The argument tuples to call the function with, given the tables of one seed.
    calls: Callable[[dict[str, pd.DataFrame]], list[tuple]]
    #: The properties a hidden test compares, from what the function returned (see :mod:`.fingerprint`).
    view: Callable[[Any], dict[str, Any]]
    #: Quick checks on the practice data that name a common mistake, run first.
    slips: Callable[[Check, Callable], None] | None = None
    #: What to look at when a property differs: property -> a short hint.
    hints: dict[str, str] = field(default_factory=dict)


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


def views(part_id: str, function: Callable, check: Check | None = None) -> dict[str, list[dict[str, Any]]]:
    """What ``function`` returns on each hidden-test seed's data, as fingerprinted views: seed -> one per call."""
    spec = part(part_id)
    check = check or Check(spec.exercise)
    found = {}
    for seed in HIDDEN_TEST_SEEDS:
        found[str(seed)] = []
        for args in spec.calls(sample(seed)):
            result = check.call(function, *args, name=spec.function)
            try:
                view = spec.view(result)
            except Exception as error:  # a result of an unexpected shape: say so in the learner's terms
                check.fail(f"could not read what `{spec.function}` returns ({type(error).__name__}: {error}). "
                           f"Re-read what the exercise asks it to return.")
            found[str(seed)].append(fingerprint(part_id, view))
    return found


def check_answer(part_id: str, function: Callable) -> None:
    """Check the learner's ``function`` for the test cell ``part_id``: ✔ printed, or a friendly CheckFailed."""
    spec = part(part_id)
    check = Check(spec.exercise)
    if not callable(function):
        check.fail(f"`{spec.function}` should be a function (written with `def`), not a {type(function).__name__}.")
    if spec.slips is not None:
        spec.slips(check, function)
    expected = _shipped(stage_module(part_id).STAGE)[part_id]
    for seed, got_calls in views(part_id, function, check).items():
        for got, wanted in zip(got_calls, expected[seed]):
            for name in sorted(wanted, key=_rank):
                if got.get(name) == wanted[name]:
                    continue
                if name == "type":
                    check.fail(f"`{spec.function}` returns a {got.get('type')}; the exercise asks for a {wanted[name]}.")
                what = _DIFFERENT.get(name, f"other values than expected in its column {name.removeprefix('column ')}")
                check.fail(f"on data made with another seed ({seed}), `{spec.function}` returns {what}. "
                           + spec.hints.get(name, "Re-read the statement and the hint."))
    print(f"{PASS_MARK} {spec.exercise}{_part_label(part_id)}: right on the practice data and on two other data sets.")


def _part_label(part_id: str) -> str:
    letter = part_id.lstrip("0123456789.")
    return f", part {letter}" if letter else ""
