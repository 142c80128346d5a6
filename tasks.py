#!/usr/bin/env python3
"""Set up, build and test the course from a fresh clone, with nothing but Python 3.11 and pip.

    python3 tasks.py build   # make .venv, install the course, build the learner book offline
    python3 tasks.py test    # the same set-up, then the whole test suite
    python3 tasks.py lab     # the same set-up, then JupyterLab on the course
    python3 tasks.py lowest  # .venv-lowest: the lowest versions the course allows of pandas and co.
    sudo python3 tasks.py hub start --learners room.csv   # the same set-up, then a JupyterHub for a room

On Windows, run it with whichever Python command you have (`py tasks.py build` or
`python tasks.py build`); the virtual environment's programs are then in .venv\\Scripts.
Only the standard library is used here: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
#: A second environment with the lowest versions pyproject.toml allows of constraints-lowest.txt's libraries.
LOWEST_VENV = ROOT / ".venv-lowest"
WINDOWS = os.name == "nt"
# Debian packages the book build needs: npm fetches the widget manager and MathJax it serves offline
# (and the tests' accessibility checker). Debian's npm package brings node with it.
BOOK_PACKAGES = {"nodejs": "/usr/bin/node", "npm": "/usr/bin/npm"}
# Debian packages the tests drive: a real browser, the grading sandbox, the PostgreSQL server of the
# hub's gradebook test, and the book build's.
SYSTEM_PACKAGES = {"chromium": "/usr/bin/chromium", "bubblewrap": "/usr/bin/bwrap", "postgresql": "/usr/lib/postgresql",
                   **BOOK_PACKAGES}
# `course hub` runs JupyterHub's proxy, an npm package, from the virtual environment's bin/.
NPM_PACKAGES = {"configurable-http-proxy": "5.3.0"}


def program(name: str, venv: Path = VENV) -> Path:
    """A program of the virtual environment (``python``, ``course``), named as this system names it."""
    return venv / ("Scripts" if WINDOWS else "bin") / (f"{name}.exe" if WINDOWS else name)


def run(*command: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, cwd=ROOT, **kwargs)


def install_python_packages(venv: Path = VENV, lowest: bool = False) -> Path:
    """Create the virtual environment and install the course into it, again only when the dependencies
    changed; return its Python. ``lowest``: constraints-lowest.txt's versions instead of constraints.txt's."""
    python = program("python", venv)
    if not python.exists():
        run(sys.executable, "-m", "venv", venv)
    inputs = [ROOT / "pyproject.toml", ROOT / "constraints.txt"] + [ROOT / "constraints-lowest.txt"] * lowest
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in inputs)).hexdigest()
    stamp = venv / ".installed"
    if stamp.exists() and stamp.read_text() == digest:
        return python
    constraints = ROOT / "constraints.txt"
    if lowest:
        constraints = venv / "constraints.txt"
        constraints.write_text(lowest_constraints())
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "--quiet", "-c", constraints, "-e", ".[test]" if lowest else ".[test,hub]")
    stamp.write_text(digest)
    return python


def _pinned(text: str) -> dict[str, str]:
    """name -> its line, for every ``name==version`` line of a constraints file."""
    return {line.split("==")[0].strip().lower(): line.strip() for line in text.splitlines() if "==" in line}


def lowest_constraints() -> str:
    """constraints.txt with constraints-lowest.txt's lines in place of the same libraries' lines."""
    lowest = _pinned((ROOT / "constraints-lowest.txt").read_text())
    pinned = {**_pinned((ROOT / "constraints.txt").read_text()), **lowest}
    return "\n".join(pinned[name] for name in sorted(pinned)) + "\n"


def install_system_packages(packages: dict[str, str] = SYSTEM_PACKAGES) -> None:
    if WINDOWS:
        if "npm" in packages and not shutil.which("npm"):
            sys.exit("The book build needs Node.js and its npm: install Node.js (nodejs.org), then run this again.")
        return
    missing = [name for name, path in packages.items() if not Path(path).exists()]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(f"The course needs these Debian packages: {' '.join(missing)}. "
                 f"Install them with: sudo apt-get install {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def install_npm_packages() -> None:
    """The npm programs `course hub` runs, into .venv (so .venv/bin has them), at their pinned versions."""
    if WINDOWS:
        return
    for name, version in NPM_PACKAGES.items():
        installed = VENV / "lib" / "node_modules" / name / "package.json"
        if installed.exists() and f'"version": "{version}"' in installed.read_text():
            continue
        run("npm", "install", "--global", "--prefix", VENV, "--no-audit", "--no-fund", "--loglevel=error",
            f"{name}@{version}")


def main(argv: list[str]) -> int:
    task = argv[0] if argv else "build"
    if task not in ("build", "test", "lab", "hub", "lowest"):
        print(__doc__)
        return 2
    if task == "lowest":
        install_python_packages(LOWEST_VENV, lowest=True)
        return 0
    install_python_packages()
    if task == "build":
        install_system_packages(BOOK_PACKAGES)
        run(program("course"), "book", "--edition", "learner", *argv[1:])
    elif task == "test":
        install_system_packages()
        install_npm_packages()
        run(program("python"), "-m", "pytest", *argv[1:])
    elif task == "hub":
        install_system_packages({"bubblewrap": "/usr/bin/bwrap", **BOOK_PACKAGES})
        install_npm_packages()
        run(program("course"), "hub", *argv[1:])
    else:
        run(program("course"), "lab", *argv[1:])
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
