"""How long a learner's `course check` takes on each stage, answered, and what its exact checks add.

For each stage the learner's release is filled with the solutions, then checked twice in the
same run: once as it is (the one-line exact checks, which call the learner's functions on two
other seeds' data), and once with the visible checks removed (the baseline: the notebook's own
run). Each is printed in seconds; the ratio is the worst stage's checked time over its baseline.

Usage: .venv/bin/python benchmarks/bench_selfcheck.py
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import exercise_harness as harness  # noqa: E402
from course.grading.selfcheck import check_notebook  # noqa: E402
from course.paths import stage_names  # noqa: E402


def seconds(path: Path, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        check_notebook(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    worst = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for stage in stage_names():
            course = harness.Course(Path(scratch) / stage, stage)
            answered = harness.submission(stage, course.release)
            checked = Path(scratch) / f"{stage}.ipynb"
            nbformat.write(answered, checked)
            for cell in answered.cells:
                if harness.nbgrader_meta(cell).get("grade") and cell.cell_type == "code":
                    cell.source = "pass"
            unchecked = Path(scratch) / f"{stage}-unchecked.ipynb"
            nbformat.write(answered, unchecked)
            base, full = seconds(unchecked), seconds(checked)
            worst = max(worst, full / base)
            print(f"{stage:<16} course check {full:5.1f} s; without its checks {base:5.1f} s ({full / base:.2f} x)")
    print(f"ratio: {worst:.2f}")


if __name__ == "__main__":
    main()
