"""The hidden tests' verdict, reached outside the learner's kernel (course.checks.collect, course.grading.verdict).

The hidden tests only collect the learner's results; the grading process compares them with the
model solution's, with the options of the source. These tests pin the comparison, what the
verdict writes into a test cell, that the old form (an in-kernel comparison) cannot come back
into a stage, and that the sandboxed kernel cannot read the solution's records.
"""
from __future__ import annotations

import json
import re

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

import exercise_harness as harness
from course.checks import collect
from course.grading import exercise_cells, fingerprints, sandbox, sandboxed_execute, verdict
from course.paths import NOTEBOOKS, stage_names
from traitlets.config import Config


def records(*calls) -> list[dict]:
    with collect.capture() as found:
        for helper, args, options in calls:
            helper(*args, **options)
    return found


WANT = records((collect.series, (pd.Series({"a": 1.0, "b": 2.0, "c": 3.0}),), {"order": True, "rtol": 1e-6}),
               (collect.number, (0.25,), {"rtol": 1e-6}),
               (collect.frame, (pd.DataFrame({"n": [1, 2], "rate": [0.5, 0.25]}, index=["x", "y"]), ["n", "rate"]),
                {"index": "text", "rtol": 1e-6}))


@pytest.mark.parametrize("got, differs", [
    (WANT, None),
    (records((collect.series, (pd.Series({"a": 1.0000001, "b": 2.0, "c": 3.0}),), {"rtol": 0}),
             (collect.number, (0.25,), {}),
             (collect.frame, (pd.DataFrame({"n": [1, 2], "rate": [0.5, 0.25]}, index=["x", "y"]), ["n", "rate"]),
              {"index": "text"})),
     None),
    (WANT[:2], verdict.MISSING),
    (WANT + WANT[:1], verdict.MISSING),
    ([WANT[1], WANT[0], WANT[2]], verdict.MISSING),
    ([{"kind": "series"}, *WANT[1:]], verdict.MISSING),
    (["not a record", *WANT[1:]], verdict.MISSING),
    (records((collect.series, (pd.Series({"c": 3.0, "b": 2.0, "a": 1.0}),), {})) + WANT[1:], "order"),
    (records((collect.series, (pd.Series({"a": 1.0, "b": 2.0, "c": 3.1}),), {})) + WANT[1:], "values"),
    (records((collect.series, (pd.Series({"a": 1.0, "b": 2.0, "d": 3.0}),), {})) + WANT[1:], "labels"),
    (records((collect.series, (pd.DataFrame({"a": [1.0]}),), {})) + WANT[1:], "type"),
    (WANT[:1] + records((collect.number, (0.26,), {})) + WANT[2:], "value"),
    (WANT[:1] + records((collect.number, ("0.25",), {})) + WANT[2:], None),
    (WANT[:2] + records((collect.frame, (pd.DataFrame({"n": [1, 2, 3], "rate": [0.5, 0.25, 0]}), ["n", "rate"]), {})),
     "rows"),
    (WANT[:2] + records((collect.frame, (pd.DataFrame({"n": [1, 2], "rate": [0.5, 0.25]}), ["n", "rate"]),
                         {"index": "text"})), "labels"),
    (WANT[:2] + records((collect.frame, (pd.DataFrame({"n": [1, 3], "rate": [0.5, 0.25]}, index=["x", "y"]),
                                         ["n", "rate"]), {"index": "text"})), "column n"),
    (WANT[:2] + records((collect.frame, (pd.DataFrame({"n": [1, 2]}, index=["x", "y"]), ["n", "rate"]),
                         {"index": "text"})), "column rate"),
])
def test_records_are_judged_against_the_solutions_with_its_options(got, differs):
    assert verdict.judge(WANT, got) == differs


def test_a_learners_record_cannot_loosen_the_tolerance_or_the_order():
    loose = json.loads(json.dumps(WANT))
    for record in loose:
        record["options"].update(rtol=1e9, atol=1e9, order=False)
    loose[1]["result"]["value"] = 0.9
    assert verdict.judge(WANT, loose) == "value"
    loose[1]["result"]["value"] = 0.25
    loose[0]["result"]["labels"] = ["c", "b", "a"]
    loose[0]["result"]["values"] = [3.0, 2.0, 1.0]
    assert verdict.judge(WANT, loose) == "order"


def test_months_labels_and_values_read_as_the_old_hidden_tests_did():
    months = pd.period_range("2024-01", periods=3, freq="M")
    want = records((collect.series, (pd.Series([1, 2, 3], index=months),), {"labels": "month", "rtol": 0}))
    by_last_day = records((collect.series, (pd.Series([1.0, 2.0, 3.0], index=months.to_timestamp(how="end")),), {}))
    assert verdict.judge(want, by_last_day) is None
    ranked = records((collect.series, (pd.Series({"x": 3.0, "y": 2.0}),), {"order": False, "decreasing": True}))
    assert verdict.judge(ranked, records((collect.series, (pd.Series({"y": 2.0, "x": 3.0}),), {}))) == "order"
    assert verdict.judge(records((collect.value, ("Instagram",), {})), records((collect.value, ("Instagram",), {}))) is None
    assert verdict.judge(records((collect.value, (True,), {})), records((collect.value, (1,), {}))) == "type"
    nan = records((collect.number, (float("nan"),), {}))
    assert verdict.judge(nan, nan) is None and verdict.judge(nan, records((collect.number, (0.0,), {}))) == "value"


class AlwaysEqual(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


def test_an_object_equal_to_everything_is_sent_as_what_it_is():
    got = records((collect.number, (AlwaysEqual(0.5),), {}), (collect.value, (AlwaysEqual(0.5),), {}))
    assert json.loads(json.dumps(got)) == got
    assert verdict.judge(records((collect.number, (0.25,), {}), (collect.value, (0.25,), {})), got) == "value"


def _test_cell(outputs, grade_id="ex1_1_x_test"):
    cell = new_code_cell('"""Checks x."""\ncheck_answer("1.1", x)\n### BEGIN HIDDEN TESTS\ncollect.number(x())\n'
                         '### END HIDDEN TESTS',
                         metadata={"nbgrader": {"grade": True, "solution": False, "grade_id": grade_id, "points": 2}})
    cell.outputs = outputs
    return cell


def _record(record):
    return new_output("display_data", data={collect.MIME: record, "text/plain": "(a result)"})


PRINTED = new_output("stream", name="stdout", text="✔ Exercise 1.1: right on the practice data.\n")


@pytest.mark.parametrize("outputs, differs, first", [
    ([PRINTED, _record(WANT[1])], None, None),
    ([PRINTED, _record(WANT[1]), new_output("stream", name="stderr", text="a warning")], None, None),
    ([PRINTED], verdict.MISSING, verdict.HIDDEN_MISSING),
    ([PRINTED, _record(WANT[1]), _record(WANT[1])], verdict.MISSING, verdict.HIDDEN_MISSING),
    ([new_output("execute_result", data={"text/plain": "2"}), PRINTED, _record({**WANT[1], "result": {
        "type": "number", "value": 0.3}})], "value", verdict.HIDDEN_FAILED),
    ([PRINTED, new_output("error", ename="KeyError", evalue="'count'", traceback=[])], "stopped", "KeyError"),
])
def test_the_verdict_replaces_a_test_cells_outputs_so_nbgrader_counts_it(outputs, differs, first):
    from nbgrader.utils import determine_grade

    nb = new_notebook(cells=[_test_cell(outputs), _test_cell([PRINTED], "ex1_2_old_form_test")])
    assert verdict.write_verdicts(nb, {"ex1_1_x_test": WANT[1:2], "ex1_2_old_form_test": []}) == {"ex1_1_x_test": differs}
    judged, old = nb.cells
    assert not verdict.records_of(judged) and old.outputs == [PRINTED]
    assert [o.output_type for o in judged.outputs if o.output_type != "error"] == ["stream"]
    assert determine_grade(judged)[0] == (2 if differs is None else 0)
    if first:
        assert judged.outputs[0].ename == first
    status, message = exercise_cells.outcome(judged)
    assert status == (exercise_cells.PASSED if differs is None else exercise_cells.FAILED)
    if first in (verdict.HIDDEN_FAILED, verdict.HIDDEN_MISSING):
        assert message.startswith("Exercise 1.1: the visible checks pass, but ") and "0.3" not in message
        assert ("did not arrive" in message) == (first == verdict.HIDDEN_MISSING)


def test_the_verdict_names_are_those_the_feedback_reads():
    assert {verdict.HIDDEN_FAILED, verdict.HIDDEN_MISSING} == exercise_cells.VERDICT_ERRORS
    problems = sandboxed_execute.outcome_problems(new_notebook(cells=[_test_cell([new_output(
        "error", ename=verdict.HIDDEN_MISSING, evalue="", traceback=[])])]))
    assert problems == ["the results of the hidden tests did not arrive in exercise 1.1"]


@pytest.mark.parametrize("stage", stage_names())
def test_every_hidden_test_is_one_line_of_the_visible_checks_part(stage):
    """A hidden test is one collect_answer call, of the very part and function its visible check names."""
    source = harness.source_notebook(stage)
    for cell in source.cells:
        if not harness.nbgrader_meta(cell).get("grade") or harness.nbgrader_meta(cell).get("solution"):
            continue
        visible = fingerprints.CHECK_CALL.search(harness.visible_part(cell.source))
        assert visible, f"{stage}: a test cell without its one-line visible check"
        part_id, function = visible.groups()
        assert harness.hidden_part(cell.source).strip() == f'collect_answer("{part_id}", {function})', (
            f"{stage} {harness.nbgrader_meta(cell)['grade_id']}: the hidden tests are one line, "
            f'collect_answer("{part_id}", {function}) (notebooks/AUTHORING.md)')


def test_the_solution_records_of_every_stage_are_complete(tmp_path):
    for stage in stage_names():
        found = verdict.expected(tmp_path, NOTEBOOKS, stage)
        assert not verdict.old_form_cells(found) and set(found) == set(harness.test_cells(harness.source_notebook(stage)))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{s}.json" for s in stage_names())


@pytest.mark.skipif(not sandbox.probe()["private file view"].available, reason="needs the bubblewrap sandbox")
def test_the_sandboxed_kernel_cannot_read_the_solution_records(tmp_path):
    """Not when the course folder is out of its view (as by default), nor when it lies in a folder it sees."""
    seen = tmp_path / "work"  # the kernel's own folder: it sees it
    results = seen / "course" / verdict.RESULTS_FOLDER
    results.mkdir(parents=True)
    (results / "00-welcome.json").write_text('{"records": "the solution"}')
    nb = new_notebook(cells=[new_code_cell(
        f"import os\nprint(os.path.exists({str(results / '00-welcome.json')!r}), os.listdir({str(results)!r}))")])
    config = Config()
    config.SandboxKernelManager.hidden_paths = [str(results)]
    executed, _ = sandboxed_execute.SandboxExecute(timeout=60, config=config).preprocess(
        nb, {"metadata": {"path": str(seen)}})
    assert executed.cells[0].outputs[0].text == "False []\n"


def test_in_a_grading_run_a_visible_cross_is_printed_and_the_verdict_alone_scores(monkeypatch, capsys):
    """A visible check that raised would stop the cell before its hidden test, and cost a right answer its points."""
    from course.checks import CheckFailed, check_answer

    every_year = "def posts_per_platform(posts):\n    return posts['platform'].value_counts()\n"
    namespace: dict = {}
    exec(every_year, namespace)  # noqa: S102 (a wrong answer: it forgets to keep 2025)
    with pytest.raises(CheckFailed):
        check_answer("0.1a", namespace["posts_per_platform"])
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    check_answer("0.1a", namespace["posts_per_platform"])
    cross = capsys.readouterr().out
    assert cross.startswith("✘ Exercise 0.1")
    cell = new_code_cell("", metadata={"nbgrader": {"grade": True, "solution": False, "grade_id": "ex0_1_test",
                                                    "points": 1}})
    cell.outputs = [new_output("stream", name="stdout", text=cross)]
    assert exercise_cells.outcome(cell)[0] == exercise_cells.PASSED  # the verdict gave the points
    cell.outputs.insert(0, verdict._error(verdict.HIDDEN_FAILED, "a hidden check does not pass"))
    assert exercise_cells.outcome(cell) == (exercise_cells.FAILED, cross.strip().removeprefix("✘ "))
