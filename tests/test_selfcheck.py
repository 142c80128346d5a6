"""The learner's own commands: `course check` shows only its own lines, `course progress` every stage's verdicts."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

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
