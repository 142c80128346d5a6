"""The book's commands: ``course book`` builds an edition, ``course learner-branch`` publishes the learners' notebooks.

The build modules are imported only when their command runs, so ``course --help`` stays fast.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from . import EDITIONS

__all__ = ["register"]


def _book(args: argparse.Namespace) -> int:
    from .build import build

    started = time.perf_counter()
    try:
        html = build(args.edition, Path(args.out) if args.out else None)
    except (subprocess.CalledProcessError, RuntimeError) as error:
        print(f"The {args.edition} edition did not build: {error}", file=sys.stderr)
        return 1
    print(f"Built the {args.edition} edition in {time.perf_counter() - started:.0f} s. "
          f"Open {html / 'index.html'} in a browser (it works offline).")
    return 0


def _learner_branch(args: argparse.Namespace) -> int:
    from .learner_branch import publish_learner_branch

    from ..grading.launch_settings import read_settings, release_ref

    branch = args.branch or read_settings().learner_branch
    commit = publish_learner_branch(branch=branch)
    tag = release_ref()
    if commit is None:
        print(f"The {branch} branch is up to date (tag {tag}).")
    else:
        print(f"Published the learners' notebooks on branch {branch} ({commit[:10]}), tagged {tag}. "
              f"Push both (git push origin {branch} {tag}) so the book's launch buttons and the "
              f"notebooks' install cell find them.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("book", help="build the book, offline",
                       description="Build the course as a web book with Jupyter Book. The learner edition has "
                                   "no solutions; the instructor edition adds them with rubrics and notes.")
    p.add_argument("--edition", choices=EDITIONS, default="learner", help="which edition (default: learner)")
    p.add_argument("--out", help="build folder (default: _build/EDITION)")
    p.set_defaults(func=_book)

    p = sub.add_parser(
        "learner-branch", help="publish the learners' notebooks on a branch for launch buttons",
        description="Commit, on a separate git branch, the course as learners may see it: every stage "
                    "notebook replaced by its nbgrader release (no solutions, no hidden tests, no "
                    "instructor notes) and the answer keys (tests/, instructor/) left out, with the lean "
                    "environment Binder builds (binder/), tagged learner-<commit>. The learner "
                    "edition's JupyterHub, Binder and Colab buttons open notebooks from this branch. "
                    "Your working folder and index are not touched.")
    p.add_argument("--branch", help="branch to publish to (default: learner_branch of deploy/launch.toml, learner)")
    p.set_defaults(func=_learner_branch)
