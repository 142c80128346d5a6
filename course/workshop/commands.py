"""``course lab``: start JupyterLab on the course."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["register"]


def _lab(args: argparse.Namespace) -> int:
    from .lab import start_lab

    return start_lab(args.port, open_browser=not args.no_browser, instructor=args.instructor,
                     folder=args.folder, course_dir=args.course_dir)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lab", help="start JupyterLab on the course",
                       description="Start JupyterLab on this machine (127.0.0.1 only) and print its address with "
                                   "its token. A learner's JupyterLab opens the learner's own folder, filled with "
                                   "the released notebooks (never the sources with solutions); work already there "
                                   "is never overwritten, a newer release goes beside it. Stop it with Ctrl+C.")
    p.add_argument("--port", type=int, default=8888, help="port to listen on (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    p.add_argument("--folder", type=Path, default=None,
                   help="the learner's folder (default $COURSE_LEARNER_DIR or ~/parliament-course-notebooks)")
    p.add_argument("--instructor", action="store_true",
                   help="the instructor's JupyterLab: the working course folder, with nbgrader's formgrader "
                        "and create-assignment panels")
    p.add_argument("--course-dir", type=Path, default=None,
                   help="the working course folder (default $COURSE_DIR or ~/parliament-course); a learner's "
                        "assignment list uses its exchange when there is one")
    p.set_defaults(func=_lab)
