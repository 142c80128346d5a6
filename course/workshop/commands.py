"""``course lab``: start JupyterLab on the course."""

from __future__ import annotations

import argparse

__all__ = ["register"]


def _lab(args: argparse.Namespace) -> int:
    from .lab import start_lab

    return start_lab(args.port, open_browser=not args.no_browser)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lab", help="start JupyterLab on the course",
                       description="Start JupyterLab on this machine (127.0.0.1 only) with the stage notebooks. "
                                   "Stop it with Ctrl+C.")
    p.add_argument("--port", type=int, default=8888, help="port to listen on (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    p.set_defaults(func=_lab)
