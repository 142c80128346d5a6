"""The sandbox kernel on its own: what it hides, and the time and output limits of SandboxExecute."""
from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from course.grading import cgroups, sandbox, sandboxed_execute
from course.paths import ROOT

pytestmark = pytest.mark.skipif(not sandbox.probe()["private file view"].available,
                                reason="needs the bubblewrap sandbox (tasks.py installs it)")


def run(tmp_path, cells: list[str], **settings):
    nb = new_notebook(cells=[new_code_cell(code) for code in cells])
    executed, _ = sandboxed_execute.SandboxExecute(**settings).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    return [[output.get("text") or output.get("ename") for output in cell.outputs] for cell in executed.cells]


def test_this_machine_gives_every_protection_and_names_any_resource_group_it_cannot_make():
    """Every protection; a resource group per kernel only where the machine's cgroup v2 has the controllers
    (a container's or a VM's hierarchy may not): then `course grade` says so, with the reason."""
    missing = sandbox.missing_protections()
    assert [line for line in missing if "resource group per kernel" not in line] == []
    available, why = cgroups.availability()
    assert available == (not missing)
    if missing:
        assert why and why in missing[0] and "together they can hold several times" in missing[0]


FILL = """import os
def fill(folder, chunks=12):  # 96 MB, 8 at a time
    written = 0
    try:
        with open(os.path.join(folder, 'filler'), 'wb') as file:
            for _ in range(chunks):
                file.write(b'0' * 2**23)
                file.flush()
                written += 8
    except OSError as error:
        return f'{written} MB, then {type(error).__name__}'
    finally:
        try:
            os.remove(os.path.join(folder, 'filler'))
        except OSError:
            pass
    return f'{written} MB'
"""


def test_learner_code_cannot_fill_the_sockets_folder_or_shared_memory(tmp_path):
    outputs = run(tmp_path, [
        FILL,
        "import ipykernel.connect, json\n"
        "sockets = os.path.dirname(json.load(open(ipykernel.connect.get_connection_file()))['ip'])\n"
        "print(fill(sockets))",
        "print(fill('/dev/shm'))",
    ], timeout=60)
    assert outputs[1] == ["0 MB, then PermissionError\n"], outputs
    written, _, error = outputs[2][0].partition(" MB, then ")
    assert error == "OSError\n" and int(written) <= sandbox.SandboxKernelManager.shm_mb.default_value, outputs


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
