"""The sandbox kernel on its own: what it hides, and the time and output limits of SandboxExecute."""
from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from course.grading import sandbox, sandboxed_execute
from course.paths import ROOT

pytestmark = pytest.mark.skipif(not sandbox.probe()["private file view"].available,
                                reason="needs the bubblewrap sandbox (tasks.py installs it)")


def run(tmp_path, cells: list[str], **settings):
    nb = new_notebook(cells=[new_code_cell(code) for code in cells])
    executed, _ = sandboxed_execute.SandboxExecute(**settings).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    return [[output.get("text") or output.get("ename") for output in cell.outputs] for cell in executed.cells]


def test_this_machine_gives_every_protection():
    assert sandbox.missing_protections() == []


def test_learner_code_runs_as_a_sandbox_user_without_the_repository_or_network(tmp_path):
    outputs = run(tmp_path, [
        "import os\nprint(os.getuid())",
        f"print(sorted(os.listdir({str(ROOT)!r})))",
        "import socket\ntry:\n    socket.create_connection(('1.1.1.1', 53), timeout=2)\nexcept OSError as e:\n"
        "    print(type(e).__name__)",
    ], timeout=30)
    assert sandbox.FIRST_UID <= int(outputs[0][0]) < sandbox.FIRST_UID + sandbox.UID_SLOTS
    assert "notebooks" not in outputs[1][0] and "course" in outputs[1][0]
    assert outputs[2] == ["OSError\n"]


def test_a_notebook_over_its_time_stops_and_says_which_cells_did_not_run(tmp_path):
    outputs = run(tmp_path, ["import time\ntime.sleep(1.5)", "time.sleep(1.5)", "print('late')", "print('later')"],
                  timeout=30, notebook_seconds=2)
    assert outputs[2] == [sandboxed_execute.OUT_OF_TIME] and outputs[3] == [sandboxed_execute.NOT_RUN]


def test_output_past_the_cap_is_dropped_but_a_failing_test_still_fails(tmp_path):
    outputs = run(tmp_path, ["for _ in range(30):\n    print('x' * 100_000)", "print('kept?')", "assert False"],
                  timeout=30, output_mb=1.0)
    assert sandboxed_execute.OUTPUT_CUT in outputs[0] and outputs[1] == []
    assert outputs[2] == ["AssertionError"]
    assert "output" in sandboxed_execute.outcome_problems(nbformat.from_dict({"cells": [
        {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "ex2_1_x"}}, "source": "",
         "outputs": [{"output_type": "error", "ename": sandboxed_execute.OUTPUT_CUT, "evalue": "", "traceback": []}]}]}))[0]


def test_the_hidden_tests_samples_made_ahead_are_seen_and_cannot_be_changed(tmp_path, monkeypatch):
    from course import data

    samples = data.write_samples(tmp_path / "samples", [7])
    monkeypatch.setenv(data.SAMPLES_VARIABLE, str(samples))
    (tmp_path / "work").mkdir()
    outputs = run(tmp_path / "work", [
        "import os\nfrom course.data import sample, SAMPLES_VARIABLE\nprint(os.environ[SAMPLES_VARIABLE])",
        "print(len(sample(7)['posts']))",
        "try:\n    open(os.path.join(os.environ[SAMPLES_VARIABLE], 'seed-7.pickle'), 'wb')\n"
        "except OSError as e:\n    print(type(e).__name__)",
    ], timeout=60)
    assert outputs[0] == [f"{samples}\n"]
    assert outputs[1] == [f"{len(data.sample(7)['posts'])}\n"]
    assert outputs[2] in (["PermissionError\n"], ["OSError\n"])
