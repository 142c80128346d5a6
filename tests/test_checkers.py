"""The visible checks tell the truth: on every answer of the proof set, each test cell's one-line
check says ✘ exactly when its hidden tests reject the answer, and ✔ for every correct alternative.

This runs in one process, per answer and per test cell (the solution's notebook state, the
answer's function on top); `test_exercises.py` keeps the whole-notebook runs with real nbgrader
and `course check`. The hidden tests' verdict is reached as in grading: they collect the answer's
results on data sets of other seeds than the visible checks', which
:func:`course.grading.verdict.judge` compares with the model solution's.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
from unittest import mock

import pytest

import exercise_harness as harness
from fixtures import simulated_class as simulated
import mutants
from course.checks import CheckFailed, collect
from course.checks.exact import SEEDS_VARIABLE, fingerprint_file
from course.grading import fingerprints, verdict
from course.paths import stage_names

STAGES = [s for s in stage_names() if fingerprints.check_calls(s)]
#: The hidden tests run on other data sets than the visible checks' public ones, as in a grading run
#: (where the course draws its own): the two must still agree.
HIDDEN_SEEDS = ",".join(map(str, simulated.PROVEN_SEEDS))


@pytest.fixture(scope="module", autouse=True)
def hidden_data_sets():
    with mock.patch.dict(os.environ, {SEEDS_VARIABLE: HIDDEN_SEEDS}):
        yield


@pytest.fixture(scope="module", params=STAGES)
def stage(request, hidden_data_sets):
    source = harness.source_notebook(request.param)
    tests = {harness.nbgrader_meta(c)["grade_id"]: c.source for c in source.cells
             if harness.nbgrader_meta(c).get("grade") and not harness.nbgrader_meta(c).get("solution")}
    return {"name": request.param, "namespace": fingerprints.solution_namespace(request.param), "tests": tests,
            "solutions": harness.solution_cells(source), "expected": verdict.source_records(source, name=request.param)}


def _fails(code: str, namespace: dict) -> str | None:
    """Run ``code`` in ``namespace``; return why it failed, or None."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)  # noqa: S102 (the course's own test cells)
    except CheckFailed as failure:
        return str(failure)
    except Exception as error:  # a hidden test's assertion, or the answer's own error
        return f"{type(error).__name__}: {error}"
    return None


def _hidden_fails(stage, test_id: str, source: str, namespace: dict) -> str | None:
    """Run the hidden tests of ``source``, which collect; return what differs from the solution's, or None."""
    with collect.capture() as records:
        stopped = _fails(harness.hidden_part(source), namespace)
    if stopped:
        return stopped
    differs = verdict.judge(stage["expected"][test_id], records)
    return differs and verdict.describe(differs, records, stage["expected"][test_id])


def _verdicts(stage, grade_id: str, code: str) -> dict[str, tuple[str | None, str | None]]:
    """Each test cell of the exercise -> (why its visible check fails, why its hidden tests fail)."""
    verdicts = {}
    for test_id, source in stage["tests"].items():
        if harness.exercise_of(test_id, stage["solutions"]) != grade_id:
            continue
        namespace = dict(stage["namespace"])
        exec(code, namespace)  # noqa: S102 (an answer of the proof set)
        verdicts[test_id] = (_fails(harness.visible_part(source), namespace),
                             _hidden_fails(stage, test_id, source, namespace))
    return verdicts


def test_every_test_cell_is_one_line_of_visible_check(stage):
    calls = fingerprints.check_calls(stage["name"])
    for test_id, source in stage["tests"].items():
        lines = [line for line in harness.visible_part(source).strip().splitlines()]
        assert len(lines) == 2 and lines[0].startswith('"""') and test_id in calls, (
            f"{test_id}: a docstring and one check_answer(...) line, then the hidden tests")


def test_shipped_fingerprints_are_the_solutions(stage):
    shipped = json.loads(fingerprint_file(stage["name"]).read_text(encoding="utf-8"))
    assert shipped == fingerprints.stage_fingerprints(stage["name"]), (
        f"run: python -m course.grading.fingerprints {stage['name']}")


def test_the_solution_passes_every_visible_and_hidden_check(stage):
    for grade_id, cell in stage["solutions"].items():
        if cell.cell_type == "code":
            for test_id, (visible, hidden) in _verdicts(stage, grade_id, cell.source).items():
                assert visible is None and hidden is None, (test_id, visible, hidden)


def test_every_bad_answer_gets_a_cross_where_the_hidden_tests_reject_it(stage):
    for kind, grade_id, code in harness.bad_answers(stage["name"]):
        verdicts = _verdicts(stage, grade_id, code)
        assert any(hidden for _, hidden in verdicts.values()), f"a {kind} answer to {grade_id} earns full marks"
        for test_id, (visible, hidden) in verdicts.items():
            assert bool(visible) == bool(hidden), (
                f"{kind} answer to {grade_id}, {test_id}: visible check {'✘ ' + visible if visible else '✔'}, "
                f"hidden tests {'fail: ' + hidden if hidden else 'pass'}\n{code}")


def test_every_correct_alternative_gets_a_tick(stage):
    alternatives = harness.good_answers(stage["name"])
    functions = [g for g, c in stage["solutions"].items() if c.cell_type == "code"]
    for grade_id in functions:
        assert sum(g == grade_id for _, g, _ in alternatives) >= 2, f"{grade_id}: at least two correct alternatives"
    for _, grade_id, code in alternatives:
        for test_id, (visible, hidden) in _verdicts(stage, grade_id, code).items():
            assert visible is None and hidden is None, (test_id, visible, hidden, code)


def test_every_one_token_mutant_of_a_solution_loses_points_or_is_explained(stage):
    """Each mutant (tests/mutants.py) is rejected by the hidden verdict with a ✘ from the visible check, or
    is listed in the proof set's EQUIVALENT_MUTANTS with the reason it gives the same results."""
    equivalent = getattr(harness.answers(stage["name"]), "EQUIVALENT_MUTANTS", {})
    surviving, disagreeing, killed_though_listed = [], [], []
    for grade_id, cell in stage["solutions"].items():
        if cell.cell_type != "code":
            continue
        for mutant in mutants.mutants(cell.source):
            verdicts = _verdicts(stage, grade_id, mutant.source)
            killed = any(hidden for _, hidden in verdicts.values())
            listed = mutant.name in equivalent.get(grade_id, {})
            if not killed and not listed:
                surviving.append(f"{grade_id}: {mutant.name}")
            if killed and listed:
                killed_though_listed.append(f"{grade_id}: {mutant.name}")
            disagreeing += [f"{test_id}: {mutant.name} (visible {visible}, hidden {hidden})"
                            for test_id, (visible, hidden) in verdicts.items() if bool(visible) != bool(hidden)]
    assert not surviving, "mutants that earn full marks (add an edge table, or explain them):\n" + "\n".join(surviving)
    assert not killed_though_listed, "listed as equivalent, yet rejected:\n" + "\n".join(killed_though_listed)
    assert not disagreeing, "the visible check and the verdict disagree:\n" + "\n".join(disagreeing)
