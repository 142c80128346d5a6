"""``course lab``: JupyterLab on the course's notebooks."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lab(args: argparse.Namespace) -> int:
    command = [str(Path(sys.executable).parent / "jupyter-lab"), f"--notebook-dir={ROOT / 'notebooks'}",
               "--ip=127.0.0.1", f"--port={args.port}"]
    if args.no_browser:
        command.append("--no-browser")
    return subprocess.call(command, env=dict(os.environ, COURSE_DATA=str(ROOT / "data")))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lab", help="start JupyterLab on the course",
                       description="Start JupyterLab on this machine (127.0.0.1 only) with the stage notebooks. "
                                   "Stop it with Ctrl+C.")
    p.add_argument("--port", type=int, default=8888, help="port to listen on (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    p.set_defaults(func=_lab)
