"""How fast the course grades a class, against plain serial `nbgrader autograde` and the floor.

Usage: .venv/bin/python benchmarks/bench_grading.py [--learners 30] [--stages S ...] [--jobs N]
                                                    [--baseline-learners K] [--floor-per-stage 2]

A simulated class (every kind of learner: correct, blank, partly right, wrong, hard-coding, late;
everyone hands in every stage, so 30 learners and nine stages make 270 submissions) goes through
what an instructor runs, each command timed as a whole process: `course release`, `course import`
of the platform's zip, `course grade` and `course feedback`. In the same run:

- baseline: plain `nbgrader autograde STAGE`, one stage after the other (nbgrader grades one
  submission at a time), on an identical copy of the imported course, given the model solution's
  results `course grade` computed (once per stage, a cost of the run). With --baseline-learners K
  it grades only the first K learners' submissions and is scaled up to the whole class (each
  learner hands in every stage, so the sample has every stage in the same proportion);
- floor: what no grader can beat on these cores: starting a plain kernel and executing one graded
  notebook (hidden tests included), timed on a few submissions of each stage, times the number of
  that stage's submissions, summed and divided by the number of cores. Its kernel client looks at
  its sockets every half second as the sandbox's does, so a missed pyzmq wake-up is not counted.

Targets: `course grade` at least 2.5 times faster than the baseline and at most 1.3 times the
floor; the whole run (release, import, grade, feedback) under 15 minutes. Where a target is
missed, the lines under "where the time goes" say why. The last line is `ratio: X`, the
baseline's time over `course grade`'s.
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

from course.grading import verdict  # noqa: E402
from course.grading.sandbox import WakefulChannel  # noqa: E402
from course.paths import stage_names  # noqa: E402
from fixtures import simulated_class as simulated  # noqa: E402

TARGET_SPEED_UP, TARGET_FLOOR, TARGET_WHOLE_RUN = 2.5, 1.3, 15 * 60


def timed(command: list[str], env: dict | None = None, allowed: tuple[int, ...] = (0,)) -> tuple[float, list[str]]:
    """Seconds the command took, and its lines of output; an exit status not ``allowed`` stops the benchmark."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode not in allowed:
        raise SystemExit(f"{' '.join(command[:2])} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started, done.stdout.splitlines()


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


def execution_seconds(path: Path) -> float:
    """Start a plain kernel and execute one notebook in its folder."""
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(nb, timeout=300, allow_errors=True, kernel_name="python3", kernel_manager_class=LocalKernelManager,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - started


def floor_by_stage(course: Path, stages: list[str], per_stage: int) -> dict[str, tuple[float, int]]:
    """stage -> (mean seconds to execute one of its graded notebooks, over a spread of learners; submissions)."""
    found = {}
    for stage in stages:
        notebooks = sorted(course.glob(f"autograded/*/{stage}/{stage}.ipynb"))
        chosen = notebooks[:: max(1, len(notebooks) // per_stage)][:per_stage]
        found[stage] = (sum(execution_seconds(p) for p in chosen) / len(chosen), len(notebooks))
    return found


def keep_only(course: Path, learners: list[str]) -> int:
    """Remove every other learner's submissions from a copy of the course; return the submissions left."""
    for folder in (course / "submitted").iterdir():
        if folder.name not in learners:
            shutil.rmtree(folder)
    return len(list(course.glob("submitted/*/*/*.ipynb")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--stages", nargs="*", help="stages to use (default: every stage)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--baseline-learners", type=int, default=None,
                        help="grade only this many learners with plain nbgrader, and scale up (default: all)")
    parser.add_argument("--floor-per-stage", type=int, default=2)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    bin_dir = Path(sys.executable).parent
    course_command = [str(bin_dir / "course")]
    names = simulated.learners(args.learners)
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as scratch:
        base = Path(scratch)
        source, ours = base / "source", base / "ours"
        stages = simulated.write_source(source, with_fixture=not stage_names())
        stages = [s for s in stages if not args.stages or s in args.stages]
        where = ["--course-dir", str(ours), "--source", str(source)]
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

        phases = {}
        phases["release"], _ = timed([*course_command, "release", *stages, "--due", simulated.DUE, *where])
        upload, _, _ = simulated.platform_zip(ours, stages, names, base / "class.zip", everyone_submits=True)
        # The platform's zip has two files no one can place, as real ones do: `course import` says so with status 1.
        phases["import"], _ = timed([*course_command, "import", str(upload), *where], allowed=(0, 1))
        submissions = len(list(ours.glob("submitted/*/*/*.ipynb")))
        print(f"{args.learners} learners x {len(stages)} stages: {submissions} submissions, {cores} cores, "
              f"--jobs {args.jobs}")
        serial = base / "serial"
        shutil.copytree(ours, serial)
        phases["grade"], said = timed([*course_command, "grade", *stages, "--jobs", str(args.jobs), *where])
        print("\n".join(f"  course grade: {line}" for line in said if line.startswith(("Where", "Graded"))))
        phases["feedback"], _ = timed([*course_command, "feedback", *stages, "--jobs", str(args.jobs), *where])
        whole = sum(phases.values())
        for phase, seconds in phases.items():
            print(f"course {phase:<9} {seconds:7.1f} s")
        print(f"whole run:       {whole:7.1f} s ({whole / 60:.1f} min; target under {TARGET_WHOLE_RUN // 60} min)")

        sampled = keep_only(serial, names[:args.baseline_learners or len(names)])
        # The model solution's results, run once per stage, are a cost of the run, not of a submission: the
        # baseline starts with them, so scaling its time up scales only what each submission costs.
        shutil.copytree(ours / verdict.RESULTS_FOLDER, serial / verdict.RESULTS_FOLDER)
        env = dict(os.environ, COURSE_DIR=str(serial), COURSE_SOURCE=str(source),
                   PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
        measured = sum(timed([str(bin_dir / "nbgrader"), "autograde", stage], env)[0] for stage in stages)
        baseline = measured * submissions / sampled
        print(f"plain serial nbgrader autograde: {measured:.1f} s for {sampled} submissions"
              + (f", {baseline:.1f} s scaled to {submissions}" if sampled != submissions else ""))

        by_stage = floor_by_stage(ours, stages, args.floor_per_stage)
        floor = sum(mean * count for mean, count in by_stage.values()) / cores
        print(f"floor: {floor:.1f} s (plain kernel, per submission: "
              + ", ".join(f"{stage[:2]} {mean:.1f} s" for stage, (mean, _) in by_stage.items()) + f"; / {cores} cores)")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

        speed_up, to_floor = baseline / phases["grade"], phases["grade"] / floor
        print(f"speed-up over serial nbgrader: {speed_up:.2f}x (target >= {TARGET_SPEED_UP})")
        print(f"course grade / floor: {to_floor:.2f} (target <= {TARGET_FLOOR})")
        missed = [name for name, ok in (("speed-up", speed_up >= TARGET_SPEED_UP), ("floor", to_floor <= TARGET_FLOOR),
                                         ("whole run", whole < TARGET_WHOLE_RUN)) if not ok]
        print("where the time goes: " + ("every target met" if not missed else f"missed: {', '.join(missed)}"))
        print(f"  per submission: course grade {phases['grade'] * cores / submissions:.2f} core-seconds, "
              f"plain kernel {floor * cores / submissions:.2f}, plain nbgrader {baseline / submissions:.2f}; "
              f"feedback {phases['feedback'] * cores / submissions:.2f}")
        print(f"ratio: {speed_up:.2f}")


if __name__ == "__main__":
    main()
