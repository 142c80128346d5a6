"""What the outside verdict of the hidden tests costs per submission, against the in-kernel way, in one run.

Usage: .venv/bin/python benchmarks/bench_verdict.py [--learners 3] [--jobs N] [--before COMMIT]

The same class (per stage: the model solution, then the proof set's wrong and hard-coded answers,
round-robin) is graded twice with the real `course grade`, from identical submissions:

- in-kernel: the stages' source notebooks as they were before hidden tests collected (at
  ``--before``, from git), whose hidden tests compute the expected values and compare in the
  learner's kernel (what `course grade` does for a stage of the old form: no verdict step);
- outside: today's sources, whose hidden tests only collect, with the verdict reached in the
  grading process; the model solution's records are computed inside the timed run (once per
  stage, then cached in the course folder), so their cost is counted.

It also prints the parts of the outside verdict measured alone: running each stage's source once
for its records (cold, then cached) and judging one executed notebook (``write_verdicts``). The
last line is `ratio: X`, the outside run's seconds per submission over the in-kernel run's.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import nbformat  # noqa: E402

import exercise_harness as harness  # noqa: E402
from course.checks import collect  # noqa: E402
from course.grading import release_and_collect, verdict  # noqa: E402
from course.paths import NOTEBOOKS, stage_names  # noqa: E402

#: The last commit whose hidden tests compared in the learner's kernel.
BEFORE = "aed94d3"


def old_source(commit: str, stage: str) -> str | None:
    done = subprocess.run(["git", "show", f"{commit}:notebooks/{stage}/{stage}.ipynb"], cwd=ROOT,
                          capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def answers_of(stage: str, learners: int) -> list[tuple[str, dict]]:
    module = harness.answers(stage)
    kinds = [("solution", {}), ("wrong", module.WRONG), ("hardcoded", module.HARDCODED)]
    return [(f"{kinds[i % 3][0]}-{i}", kinds[i % 3][1]) for i in range(learners)]


def prepare(course: Path, source: Path, stages: list[str], learners: int) -> int:
    assert not release_and_collect.release(course, source, stages, exchange=False)
    count = 0
    for stage in stages:
        release = course / "release" / stage / f"{stage}.ipynb"
        for learner, replace in answers_of(stage, learners):
            folder = course / "submitted" / learner / stage
            folder.mkdir(parents=True)
            nbformat.write(harness.submission(stage, release, replace=replace), folder / f"{stage}.ipynb")
            count += 1
    return count


def grade(course: Path, source: Path, jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "course.cli", "grade", "--course-dir", str(course), "--source", str(source),
                    "--jobs", str(jobs)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=3, help="learners per stage")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--before", default=BEFORE, help="a commit whose hidden tests compare in the kernel")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-verdict-") as scratch:
        base = Path(scratch)
        stages = [s for s in stage_names() if old_source(args.before, s)]
        old, new = base / "old-source", base / "new-source"
        for stage in stages:
            (old / stage).mkdir(parents=True)
            (old / stage / f"{stage}.ipynb").write_text(old_source(args.before, stage))
            (new / stage).mkdir(parents=True)
            (new / stage / f"{stage}.ipynb").write_bytes((NOTEBOOKS / stage / f"{stage}.ipynb").read_bytes())
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

        in_kernel, outside = base / "in-kernel", base / "outside"
        submissions = prepare(in_kernel, old, stages, args.learners)
        prepare(outside, new, stages, args.learners)
        for stage in stages:  # today's in-kernel grading runs no source: give it its (empty) records beforehand
            verdict.expected(in_kernel / verdict.RESULTS_FOLDER, old, stage)
        print(f"{args.learners} learners x {len(stages)} stages ({', '.join(stages)}): {submissions} submissions, "
              f"{os.cpu_count()} cores, --jobs {args.jobs}")

        cold = {}
        with tempfile.TemporaryDirectory() as results:
            for stage in stages:
                started = time.perf_counter()
                records = verdict.expected(results, new, stage)
                cold[stage] = time.perf_counter() - started
                assert not verdict.old_form_cells(records)
        print("records of the model solution (source run once per stage, in the grading process): "
              + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in cold.items()))

        seconds_in = grade(in_kernel, old, args.jobs)
        seconds_out = grade(outside, new, args.jobs)
        per_in, per_out = seconds_in / submissions, seconds_out / submissions
        print(f"course grade, in-kernel hidden tests: {seconds_in:.1f} s, {per_in:.2f} s per submission")
        print(f"course grade, outside verdict:        {seconds_out:.1f} s, {per_out:.2f} s per submission "
              f"(records computed in the run)")

        judged, count = 0.0, 0
        for stage in stages:  # the solution's own records, as its executed notebook holds them
            records = verdict.expected(outside / verdict.RESULTS_FOLDER, new, stage)
            nb = harness.source_notebook(stage)
            for cell in nb.cells:
                if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") in records:
                    cell.outputs = [nbformat.v4.new_output("display_data", data={collect.MIME: r}) for r in
                                    records[cell.metadata["nbgrader"]["grade_id"]]]
            nb = nbformat.reads(nbformat.writes(nb), as_version=4)
            started = time.perf_counter()
            assert set(verdict.write_verdicts(nb, records).values()) == {None}
            judged += time.perf_counter() - started
            count += 1
        print(f"judging one executed notebook (write_verdicts, records cached): {1000 * judged / max(count, 1):.1f} ms")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"outside / in-kernel, per submission: {per_out / per_in:.2f}")
        print(f"ratio: {per_out / per_in:.2f}")


if __name__ == "__main__":
    main()
