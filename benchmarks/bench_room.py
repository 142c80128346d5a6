"""A room of N learners on this machine's hub, each a real unix user with a server and a kernel.

    sudo .venv/bin/python benchmarks/bench_room.py [--learners 30] [--stage 01-objectives]
        [--spread 120] [--think 2] [--json FILE]

One learner runs the stage alone first (the baseline); then the whole room arrives over
``--spread`` seconds and runs it (log in, start a server, fetch, run every cell with a pause of
about ``--think`` seconds, save, hand in). Prints the time until every learner's server is
ready, cell latency (median, 95th percentile, worst), peak memory per learner (server and
kernels, from their control groups) and in total, CPU seconds per learner, failures, and the
ratio of a learner's time in the room to the baseline's.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course.workshop.load import run_room  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--stage", default="01-objectives")
    parser.add_argument("--spread", type=float, default=120.0, help="seconds over which learners arrive")
    parser.add_argument("--think", type=float, default=2.0, help="mean pause between two cells, in seconds")
    parser.add_argument("--memory", default="1G", help="each learner's memory cap")
    parser.add_argument("--cpus", type=float, default=1.0, help="each learner's CPU quota")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("A room's learners are unix users: run it as root (sudo).", file=sys.stderr)
        return 1
    figures = run_room(args.learners, args.stage, args.spread, args.think, args.memory, args.cpus)
    figures["machine"] = {"cores": os.cpu_count(), "memory_gb": round(os.sysconf("SC_PAGE_SIZE")
                                                                    * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}
    text = json.dumps(figures, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 1 if figures["room"]["failures"] or figures["alone"]["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
