"""The learner's own commands: `course check` shows only its own lines, `course progress` every stage's verdicts."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import exercise_harness as harness
from course.checks import FAIL_MARK
from course.grading.exercise_cells import FAILED, NOT_ATTEMPTED, PASSED, TO_BE_MARKED
from course.grading.selfcheck import check_notebook
from course.paths import stage_names
from course.workshop import learner_copy, progress

COURSE = Path(sys.executable).parent / "course"


def test_course_check_prints_only_its_own_lines(tmp_path):
    notebook = tmp_path / "mine.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]), notebook)
    done = subprocess.run([COURSE, "check", notebook], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == "", f"the kernel's own messages reach the learner:\n{done.stderr}"
    assert done.stdout.splitlines() == [
        "Running mine.ipynb from the top in a fresh kernel...", "",
        "0 passed, 0 failed, 0 not attempted.", "This notebook has no exercises to check."]


PASSED_STAGE, FAILED_STAGE, BLANK_STAGE = "00-welcome", "01-objectives", "02-audience"


@pytest.fixture(scope="module")
def learner_folder(tmp_path_factory) -> Path:
    """A learner's folder as `course lab` makes it, with three stages: one solved, one with a wrong answer,
    one untouched; the other stages are missing."""
    folder = tmp_path_factory.mktemp("learner")
    learner_copy.fill(folder, stages=[PASSED_STAGE, FAILED_STAGE, BLANK_STAGE])
    for stage, replace in [(PASSED_STAGE, {}), (FAILED_STAGE, dict([harness.answers(FAILED_STAGE).WRONG.popitem()]))]:
        release = folder / stage / f"{stage}.ipynb"
        nbformat.write(harness.submission(stage, release, replace=replace), release)
    return folder


def _verdicts(found) -> dict[str, str]:
    return {exercise.name: exercise.status for exercise in found}


def test_progress_reports_passed_failed_blank_and_missing_stages(learner_folder, monkeypatch):
    stages = {stage.stage: stage for stage in progress.progress(learner_folder)}
    assert list(stages) == stage_names()
    assert {s for s, p in stages.items() if p.state == "missing"} == set(stage_names()) - {
        PASSED_STAGE, FAILED_STAGE, BLANK_STAGE}
    assert set(_verdicts(stages[PASSED_STAGE].exercises).values()) == {PASSED, TO_BE_MARKED}
    failed = _verdicts(stages[FAILED_STAGE].exercises)
    assert list(failed.values()).count(FAILED) == 1 and NOT_ATTEMPTED not in failed.values()
    blank = stages[BLANK_STAGE].exercises
    assert {e.status for e in blank} == {NOT_ATTEMPTED} and any(e.written for e in blank)
    assert "written answer to write" in progress.summary(blank)
    # The untouched release was not run: its verdicts are those its own run gives.
    found, stray = check_notebook(learner_folder / BLANK_STAGE / f"{BLANK_STAGE}.ipynb")
    assert _verdicts(found) == _verdicts(blank) and not stray
    # Asked again, nothing runs: the verdicts are remembered by the notebooks' digests.
    monkeypatch.setattr(progress, "_run", lambda path: pytest.fail(f"{path} ran again"))
    again = {stage.stage: stage for stage in progress.progress(learner_folder)}
    assert {s: _verdicts(p.exercises) for s, p in again.items()} == {
        s: _verdicts(p.exercises) for s, p in stages.items()}


def test_course_progress_command_lists_every_stage(learner_folder):
    progress.progress(learner_folder)
    done = subprocess.run([COURSE, "progress", learner_folder], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    lines = done.stdout.splitlines()
    for stage in stage_names():
        assert sum(line.startswith(f"{stage}: ") for line in lines) == 1, (stage, done.stdout)
    assert f"{FAILED_STAGE}: " in done.stdout and f"{FAIL_MARK} Exercise 1." in done.stdout
    assert any(line.startswith(f"{stage_names()[-1]}: not in this folder") for line in lines)
