"""JupyterLab on the course's notebooks, on this machine only (127.0.0.1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..paths import NOTEBOOKS, SHIPPED_DATA

__all__ = ["start_lab"]


def start_lab(port: int = 8888, open_browser: bool = True) -> int:
    """Run JupyterLab on ``notebooks/`` until it is stopped; return its exit status."""
    command = [str(Path(sys.executable).parent / "jupyter-lab"), f"--notebook-dir={NOTEBOOKS}",
               "--ip=127.0.0.1", f"--port={port}"]
    if not open_browser:
        command.append("--no-browser")
    return subprocess.call(command, env=dict(os.environ, COURSE_DATA=str(SHIPPED_DATA)))
