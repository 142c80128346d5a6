"""Hostile and broken submissions graded in one batch beside honest learners (issue 6).

The class: honest learners of the fixture assignment and of a real stage, and one learner per
case of tests/hostile/cases.py (endless loop, memory and fork bombs, attacks on the gradebook,
the sources and the network, broken files, tampered test cells, ...). One ``course grade`` run
grades them all; the tests then check every honest score exactly, every hostile outcome, the
gradebook, the sources and that no process is left behind.
"""
from __future__ import annotations

import copy
import hashlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

import exercise_harness as harness
from course.grading import autograde, nbgrader_setup, release_and_collect, sandbox
from course.grading.report import write_report
from fixtures import fixture_assignment as fixture
from hostile.cases import CASES, FULL, SUCCEEDED, TAMPERING, damage

REAL_STAGE = "00-welcome"
MARKER = "4242"  # how long the attackers' leftover processes would sleep: how we find them
#: Tables nbgrader writes when it grades; every other table must come out of grading unchanged.
GRADING_TABLES = {"grade", "comment", "submitted_assignment", "submitted_notebook", "student"}

pytestmark = pytest.mark.skipif(not sandbox.probe()["private file view"].available,
                                reason="the hostile batch needs the bubblewrap sandbox (tasks.py installs it)")


def answered(release: Path, solutions: dict, before: dict | None = None, replace: dict | None = None):
    """The release with every solution filled in, code put ``before`` some answers, some answers replaced."""
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        grade_id = harness.nbgrader_meta(cell).get("grade_id")
        if grade_id in (replace or {}):
            cell.source = replace[grade_id]
        elif grade_id in solutions:
            cell.source = harness.SOLUTION_REGION.sub("", solutions[grade_id].source)
            if grade_id in (before or {}):
                cell.source = before[grade_id] + "\n" + cell.source
    return nb


def tables(gradebook: Path) -> dict[str, list]:
    with sqlite3.connect(gradebook) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: sorted(db.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(str(path).encode() + path.read_bytes())
    return sha.hexdigest()


def leftover_processes(marker: str = MARKER) -> list[str]:
    """Command lines of the attackers' processes still running (found by their distinctive sleep)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and command.startswith("sleep ") and marker in command:
            found.append(command)
    return found


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    source, course = base / "source", base / "course"
    fixture.write(source)
    (source / REAL_STAGE).mkdir()
    nbformat.write(harness.source_notebook(REAL_STAGE), source / REAL_STAGE / f"{REAL_STAGE}.ipynb")
    stages = [fixture.STAGE, REAL_STAGE]
    assert not release_and_collect.release(course, source, stages, exchange=False)

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    values = {"course": course, "source": source, "port": listener.getsockname()[1], "marker": MARKER}

    expected: dict[tuple[str, str], float | None] = {}
    fixture_release = course / "release" / fixture.STAGE / f"{fixture.STAGE}.ipynb"
    solutions = harness.solution_cells(fixture.notebook())
    honest = {"honest-right": ({}, FULL), "honest-blank": (None, 0.0),
              "honest-wrong": (fixture.WRONG, FULL - 5), "honest-partly": (fixture.HALF_RIGHT, FULL - 2)}
    for learner, (replace, score) in honest.items():
        folder = course / "submitted" / learner / fixture.STAGE
        folder.mkdir(parents=True)
        nb = nbformat.read(fixture_release, as_version=4) if replace is None else \
            answered(fixture_release, solutions, replace=replace)
        nbformat.write(nb, folder / f"{fixture.STAGE}.ipynb")
        expected[learner, fixture.STAGE] = score
    real_source = harness.source_notebook(REAL_STAGE)
    real_tests, real_solutions = harness.test_cells(real_source), harness.solution_cells(real_source)
    wrong = harness.answers(REAL_STAGE).WRONG
    real_release = course / "release" / REAL_STAGE / f"{REAL_STAGE}.ipynb"
    for learner, replace in (("honest-right", {}), ("honest-wrong", wrong)):
        folder = course / "submitted" / learner / REAL_STAGE
        folder.mkdir(parents=True)
        nbformat.write(answered(real_release, real_solutions, replace=replace), folder / f"{REAL_STAGE}.ipynb")
        expected[learner, REAL_STAGE] = sum(points for test, points in real_tests.items()
                                            if harness.exercise_of(test, real_solutions) not in replace)
    for learner, (before, _) in TAMPERING.items():  # wrong answers, and code that may hide it
        folder = course / "submitted" / learner / REAL_STAGE
        folder.mkdir(parents=True)
        nb = answered(real_release, real_solutions, replace=wrong)
        for cell in nb.cells:
            cell.source = before.get(harness.nbgrader_meta(cell).get("grade_id"), "") + cell.source
        nbformat.write(nb, folder / f"{REAL_STAGE}.ipynb")
    for case in CASES:
        folder = course / "submitted" / case.learner / fixture.STAGE
        folder.mkdir(parents=True)
        before = {k: v.format(**values) for k, v in case.before.items()}
        damage(case.damage, answered(fixture_release, solutions, before, case.replace), folder, fixture.STAGE,
               source)
        expected[case.learner, fixture.STAGE] = case.expected

    source_digest = digest(source)
    before = tables(course / "gradebook.db")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "course.cli", "grade", "--course-dir", str(course),
                           "--source", str(source), "--jobs", "2", "--cell-timeout", "10", "--notebook-timeout", "60"],
                          capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    try:
        connection = listener.accept()
    except BlockingIOError:
        connection = None
    listener.close()
    return {"course": course, "source": source, "expected": expected, "done": done, "before": before,
            "after": tables(course / "gradebook.db"), "seconds": seconds, "connection": connection,
            "source_changed": digest(source) != source_digest}


def score(course: Path, learner: str, stage: str) -> float:
    with nbgrader_setup.gradebook(course) as gb:
        return gb.find_submission(stage, learner).score


def report_of(batch, learner: str) -> str:
    """What ``course grade`` said about one learner (their summary line, or why they were not graded)."""
    text = batch["done"].stdout + batch["done"].stderr
    return "\n".join(line for line in text.splitlines() if learner in line)


def test_the_batch_finishes_and_exits_non_zero_listing_what_could_not_be_graded(batch):
    done = batch["done"]
    print(f"graded the batch in {batch['seconds']:.0f} s")
    assert done.returncode == 1, done.stdout + done.stderr
    ungraded = sorted(learner for (learner, _), expected in batch["expected"].items() if expected is None)
    for missing in sandbox.missing_protections():  # a resource group per kernel, on some machines
        assert missing in done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert "could not be graded" in last
    assert all(f"{learner}/{fixture.STAGE}" in last for learner in ungraded), last


def test_every_honest_learner_gets_their_exact_score(batch):
    honest = {key: value for key, value in batch["expected"].items() if key[0].startswith("honest")}
    assert {REAL_STAGE, fixture.STAGE} <= {stage for _, stage in honest}
    assert {key: score(batch["course"], *key) for key in honest} == honest


@pytest.mark.parametrize("case", CASES, ids=[case.learner for case in CASES])
def test_every_hostile_submission_gets_a_clear_outcome(batch, case):
    said = report_of(batch, case.learner)
    assert case.outcome in said, said
    if case.expected is None:
        assert "Could not grade" in said
        return
    assert score(batch["course"], case.learner, fixture.STAGE) == case.expected, said
    graded = nbformat.read(batch["course"] / "autograded" / case.learner / fixture.STAGE / f"{fixture.STAGE}.ipynb",
                           as_version=4)
    printed = [output.get("text", "") for cell in graded.cells for output in cell.get("outputs", [])]
    assert not [text for text in printed if SUCCEEDED in text]


def test_tampering_is_flagged_for_the_instructor_and_graded_as_it_is(batch):
    """Each kind of replacement is named, with learner and exercise, in `course grade` and the report."""
    said = batch["done"].stdout
    look_at = said.split("Look at these submissions")[1]
    report = report_page(batch)
    for learner, (_, finding) in TAMPERING.items():
        assert finding in report_of(batch, learner) and f"{learner} {REAL_STAGE}: " in look_at, said
        assert f"<td>{learner}</td><td>{REAL_STAGE}</td>" in report and finding in report
        assert score(batch["course"], learner, REAL_STAGE) is not None
    honest = [line for line in said.splitlines() if line.startswith("honest")]
    assert honest and not [line for line in honest if "look at it" in line]


def report_page(batch) -> str:
    return write_report(batch["course"], batch["course"] / "report.html").read_text(encoding="utf-8")


def test_no_attack_reached_the_gradebook_sources_package_or_network(batch):
    unchanged = {name for name in batch["before"] if name not in GRADING_TABLES}
    assert {name: batch["after"][name] for name in unchanged} == {name: batch["before"][name] for name in unchanged}
    with sqlite3.connect(batch["course"] / "gradebook.db") as db:
        assert db.execute("SELECT COUNT(*) FROM grade WHERE extra_credit > 0").fetchone()[0] == 0
    assert not batch["source_changed"]
    assert batch["connection"] is None


def test_no_process_is_left_behind(batch):
    assert leftover_processes() == []


def restore(course: Path, backup: str) -> None:
    done = subprocess.run([sys.executable, "-m", "course.cli", "grade", "--restore", backup,
                           "--course-dir", str(course)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_run_backs_the_gradebook_up_and_restore_puts_it_back(batch):
    course = batch["course"]
    backups = sorted((course / autograde.BACKUPS).iterdir())
    assert backups, "no backup made"
    assert tables(backups[-1] / "gradebook.db") == batch["before"]
    graded = autograde.backup_gradebook(course)
    restore(course, backups[-1].name)
    assert tables(course / "gradebook.db") == batch["before"]
    restore(course, graded.name)
    assert tables(course / "gradebook.db") == batch["after"]


def wait_until_no_leftovers(marker: str, seconds: float = 5) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := leftover_processes(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _kill_tree(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def test_a_killed_run_resumes_without_skipping_or_double_counting(tmp_path):
    source, course = tmp_path / "source", tmp_path / "course"
    fixture.write(source)
    assert not release_and_collect.release(course, source, [fixture.STAGE], exchange=False)
    release = course / "release" / fixture.STAGE / f"{fixture.STAGE}.ipynb"
    solutions = harness.solution_cells(fixture.notebook())
    learners = [f"learner-{i}" for i in range(4)]
    for learner in learners:
        folder = course / "submitted" / learner / fixture.STAGE
        folder.mkdir(parents=True)
        slow = "import subprocess, time\nsubprocess.Popen(['sleep', '4243'])\ntime.sleep(2)"
        nbformat.write(answered(release, solutions, before={"ex1_1_total": slow}), folder / f"{fixture.STAGE}.ipynb")
    command = [sys.executable, "-m", "course.cli", "grade", "--course-dir", str(course), "--source", str(source),
               "--jobs", "1"]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, start_new_session=True)
    first = run.stdout.readline()  # the first learner is graded and recorded
    _kill_tree(run)
    assert first.startswith("learner-")
    assert wait_until_no_leftovers(marker="4243") == []
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert len([line for line in again.stdout.splitlines() if line.startswith("learner-")]) == 3
    with nbgrader_setup.gradebook(course) as gb:
        assert {learner: gb.find_submission(fixture.STAGE, learner).score for learner in learners} == \
            dict.fromkeys(learners, FULL)
    with sqlite3.connect(course / "gradebook.db") as db:
        assert db.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()[0] == len(learners)


def _kernel_of(learner: str) -> tuple[int, list[str]] | None:
    """(pid, command line) of the sandbox (bwrap) running ``learner``'s notebook, if one runs now."""
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().decode().split("\0")
        except (OSError, UnicodeDecodeError):
            continue
        if entry.name.isdigit() and Path(command[0]).name == "bwrap" and f"/{learner}/" in " ".join(command):
            return int(entry.name), command
    return None


def test_a_pasted_cell_and_a_killed_worker_stop_no_one(tmp_path):
    """A pasted answer cell is repaired and said so; a worker killed under a submission is replaced and the
    submission graded again; the kernels' folders go with the run's folder."""
    source, course = tmp_path / "source", tmp_path / "course"
    fixture.write(source)
    assert not release_and_collect.release(course, source, [fixture.STAGE], exchange=False)
    release = course / "release" / fixture.STAGE / f"{fixture.STAGE}.ipynb"
    solutions = harness.solution_cells(fixture.notebook())
    learners = {"a-honest": {}, "b-pasted": {}, "c-slow": {"ex1_1_total": "import time\ntime.sleep(3)"},
                "d-honest": {}}
    for learner, before in learners.items():
        folder = course / "submitted" / learner / fixture.STAGE
        folder.mkdir(parents=True)
        nb = answered(release, solutions, before=before)
        if learner == "b-pasted":  # JupyterLab's copy and paste keeps the cell's nbgrader marks
            at = next(i for i, c in enumerate(nb.cells) if harness.nbgrader_meta(c).get("grade_id") == "ex1_1_total")
            twin = copy.deepcopy(nb.cells[at])
            twin["id"] = "pasted"
            nb.cells.insert(at + 1, twin)
        nbformat.write(nb, folder / f"{fixture.STAGE}.ipynb")
    run = subprocess.Popen([sys.executable, "-m", "course.cli", "grade", "--course-dir", str(course), "--source",
                            str(source), "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 600  # a loaded machine first runs the model solutions and makes the data
    while (kernel := _kernel_of("c-slow")) is None and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    assert kernel is not None, "c-slow's kernel never started"
    worker, command = kernel
    while "bwrap" in (Path("/proc") / str(worker) / "comm").read_text():  # up to the worker that started it
        worker = int((Path("/proc") / str(worker) / "stat").read_text().rsplit(")", 1)[1].split()[1])
    os.kill(worker, signal.SIGKILL)
    out, err = run.communicate(timeout=600)
    assert run.returncode == 0, out + err
    with nbgrader_setup.gradebook(course) as gb:
        assert {learner: gb.find_submission(fixture.STAGE, learner).score for learner in learners} == \
            dict.fromkeys(learners, FULL)
    said = next(line for line in out.splitlines() if line.startswith("b-pasted"))
    assert "ex1_1_total (exercise 1.1) was there 2 times (a pasted copy)" in said
    assert "a pasted copy" in write_report(course, course / "report.html").read_text(encoding="utf-8")
    sockets = [Path(path) for path in command if path.endswith("/ipc")]
    run_folder = Path(tempfile.gettempdir()) / sockets[0].relative_to(tempfile.gettempdir()).parts[0]
    assert run_folder.name.startswith("course-grade-"), f"the kernel's folder is not the run's: {sockets}"
    assert not run_folder.exists()


def test_manual_grades_and_comments_survive_a_regrade(batch):
    course, learner = batch["course"], "honest-partly"
    with nbgrader_setup.gradebook(course) as gb:
        grade = gb.find_grade("ex1_4_advice", fixture.STAGE, fixture.STAGE, learner)
        grade.manual_score = 1.5
        comment = gb.find_comment("ex1_4_advice", fixture.STAGE, fixture.STAGE, learner)
        comment.manual_comment = "Good idea; say which posts."
        gb.db.commit()
    notebook = course / "submitted" / learner / fixture.STAGE / f"{fixture.STAGE}.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("print('one more try')"))
    nbformat.write(nb, notebook)
    done = subprocess.run([sys.executable, "-m", "course.cli", "grade", "--course-dir", str(course),
                           "--source", str(batch["source"]), fixture.STAGE], capture_output=True, text=True)
    assert done.stdout.startswith(learner), done.stdout + done.stderr
    with nbgrader_setup.gradebook(course) as gb:
        assert gb.find_grade("ex1_4_advice", fixture.STAGE, fixture.STAGE, learner).manual_score == 1.5
        assert gb.find_comment("ex1_4_advice", fixture.STAGE, fixture.STAGE, learner).manual_comment == \
            "Good idea; say which posts."
        assert gb.find_submission(fixture.STAGE, learner).score == FULL - 2 + 1.5
