"""Every planted truth is there to be found, on the shipped data and on other seeds."""
from __future__ import annotations

import pytest

import planted
from course.data import sample

SEEDS = [7, 11]


@pytest.mark.parametrize("check", planted.ALL, ids=lambda c: c.__name__)
def test_truth_holds_on_the_shipped_data(shipped, check):
    truth = check(shipped)
    assert truth.detected, f"{truth.name}: {truth.finding}"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("check", planted.ALL, ids=lambda c: c.__name__)
def test_truth_holds_on_other_seeds(seed, check):
    truth = check(sample(seed))
    assert truth.detected, f"seed {seed}: {truth.name}: {truth.finding}"


def test_answer_file_is_up_to_date(shipped):
    assert planted.ANSWER_FILE.read_text(encoding="utf-8") == planted.answer_file(shipped), (
        "instructor/planted-truths.md is stale: run `python tests/planted.py`")


def test_a_measurement_can_fail(shipped):
    flat = {name: df.copy() for name, df in shipped.items()}
    flat["ab_tests"].loc[flat["ab_tests"]["variant"] == "B", "clicks"] = (
        flat["ab_tests"].loc[flat["ab_tests"]["variant"] == "A", "clicks"].to_numpy())
    assert not planted.ab_tests(flat).detected
