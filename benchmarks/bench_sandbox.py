"""Added seconds per submission of the grading sandbox: the same notebooks run by nbgrader's Execute
in a plain kernel and in the sandbox kernel (bubblewrap, unprivileged user, limits), alternately,
in the same run. Prints the median seconds of each and ends with ``ratio: sandboxed / plain``.

    .venv/bin/python benchmarks/bench_sandbox.py [ROUNDS]
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from nbgrader.preprocessors import Execute  # noqa: E402

from course.grading import sandbox, sandboxed_execute  # noqa: E402
from exercise_harness import SOLUTION_REGION, solution_cells  # noqa: E402
from fixtures import fixture_assignment as fixture  # noqa: E402


def submission():
    """The fixture assignment answered right, as a learner would hand it in (solutions in place)."""
    nb = fixture.notebook()
    for cell in solution_cells(nb).values():
        cell.source = SOLUTION_REGION.sub("", cell.source)
    return nb


def seconds(kind, nb, folder: str) -> float:
    started = time.perf_counter()
    kind(timeout=60).preprocess(nbformat.from_dict(nb), {"metadata": {"path": folder}})
    return time.perf_counter() - started


def main(rounds: int) -> None:
    for line in sandbox.missing_protections():
        print(line)
    nb = submission()
    times = {Execute: [], sandboxed_execute.SandboxExecute: []}
    with tempfile.TemporaryDirectory() as folder:
        for kind in times:  # warm-up: first imports and the page cache
            seconds(kind, nb, folder)
        for _ in range(rounds):
            for kind in times:
                times[kind].append(seconds(kind, nb, folder))
    plain, boxed = statistics.median(times[Execute]), statistics.median(times[sandboxed_execute.SandboxExecute])
    print(f"{rounds} rounds of the fixture submission (median seconds per submission)")
    print(f"plain kernel:     {plain:.3f} s")
    print(f"sandboxed kernel: {boxed:.3f} s")
    print(f"added by the sandbox: {boxed - plain:+.3f} s per submission")
    print(f"ratio: {boxed / plain:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
