"""How fast `course grade` grades a class, against plain serial `nbgrader autograde`.

Usage: .venv/bin/python benchmarks/bench_grading.py [--learners 30] [--jobs N] [--floor-sample 12]

A simulated class (every kind of learner, every stage that exists; the small fixture
assignment when no stage exists yet) is released and imported once, then graded twice from
identical copies of the course folder, in the same run:

- baseline: `nbgrader autograde STAGE`, one stage after the other (nbgrader grades serially);
- this: `course grade --jobs N`.

The floor is what no grader can beat on these cores: starting a plain kernel and executing one
graded notebook (hidden tests included), measured on a sample of the submissions, times the
number of submissions, divided by the number of cores. Its kernel client looks at its sockets
every half second as the sandbox's does, so a missed pyzmq wake-up (which can hold a cell until
its timeout) is not counted as execution time. The last line is `ratio: X`, the
baseline's time over this command's.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import nbformat  # noqa: E402
from jupyter_client.asynchronous import AsyncKernelClient  # noqa: E402
from jupyter_client.manager import AsyncKernelManager  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from traitlets import Type  # noqa: E402

from course.grading import release_and_collect  # noqa: E402
from course.grading.sandbox import WakefulChannel  # noqa: E402
from course.paths import stage_names  # noqa: E402
from fixtures import simulated_class as simulated  # noqa: E402


def timed(command: list[str], env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


class WakefulClient(AsyncKernelClient):
    shell_channel_class = Type(WakefulChannel)
    iopub_channel_class = Type(WakefulChannel)
    control_channel_class = Type(WakefulChannel)


class LocalKernelManager(AsyncKernelManager):
    """A plain kernel on local sockets, as the sandbox uses: no "running over TCP" warning from each kernel."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.transport = "ipc"
        self.ip = f"{tempfile.gettempdir()}/bench-kernel-{uuid.uuid4().hex}"
        self.client_factory = WakefulClient


def floor_per_submission(course: Path, sample: int) -> tuple[float, int]:
    """Mean seconds to start a kernel and execute one autograded notebook, over a spread-out sample."""
    notebooks = sorted(course.glob("autograded/*/*/*.ipynb"))
    chosen = notebooks[:: max(1, len(notebooks) // sample)][:sample]
    total = 0.0
    for path in chosen:
        nb = nbformat.read(path, as_version=4)
        started = time.perf_counter()
        NotebookClient(nb, timeout=300, allow_errors=True, kernel_name="python3", kernel_manager_class=LocalKernelManager,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        total += time.perf_counter() - started
    return total / len(chosen), len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--floor-sample", type=int, default=12)
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as scratch:
        base = Path(scratch)
        source, prepared = base / "source", base / "prepared"
        stages = simulated.write_source(source, with_fixture=not stage_names())
        release_and_collect.release(prepared, source, stages, due=simulated.DUE, exchange=False)
        upload, _, _ = simulated.platform_zip(prepared, stages, simulated.learners(args.learners),
                                                     base / "class.zip")
        release_and_collect.import_submissions(upload, prepared, source, stages)
        submissions = len(list(prepared.glob("submitted/*/*/*.ipynb")))
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"{args.learners} learners x {len(stages)} stages ({', '.join(stages)}): {submissions} submissions, "
              f"{os.cpu_count()} cores, --jobs {args.jobs}")

        serial, ours = base / "serial", base / "ours"
        shutil.copytree(prepared, serial)
        shutil.copytree(prepared, ours)
        env = dict(os.environ, COURSE_DIR=str(serial), COURSE_SOURCE=str(source),
                   PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
        baseline = sum(timed([str(bin_dir / "nbgrader"), "autograde", stage], env) for stage in stages)
        print(f"plain serial nbgrader autograde: {baseline:.1f} s")

        this = timed([str(bin_dir / "course"), "grade", "--jobs", str(args.jobs), "--course-dir", str(ours),
                      "--source", str(source)])
        print(f"course grade --jobs {args.jobs}:      {this:.1f} s")

        per_submission, sampled = floor_per_submission(ours, args.floor_sample)
        floor = per_submission * submissions / (os.cpu_count() or 1)
        print(f"floor: {per_submission:.2f} s per submission (kernel start + execution, mean of {sampled}) "
              f"x {submissions} / {os.cpu_count()} cores = {floor:.1f} s")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"course grade / floor: {this / floor:.2f} (target <= 1.5)")
        print(f"speed-up over serial nbgrader: {baseline / this:.2f}x (target >= 1.8)")
        print(f"ratio: {baseline / this:.2f}")


if __name__ == "__main__":
    main()
