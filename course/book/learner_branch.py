"""``course learner-branch``: publish the learners' notebooks on a git branch of their own.

The learner edition's launch buttons (JupyterHub, Binder, Colab) open notebooks from a
repository branch. Opening `main` would hand learners the source notebooks, solutions and
hidden tests included, so the book points them at a branch (``learner`` by default) that
holds the same files as ``main`` except that each stage notebook is nbgrader's release and
the answer keys (``tests/``, ``instructor/``) are left out. Push that branch with the rest.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from ..paths import ROOT, stage_names
from .editions import release_notebooks

__all__ = ["ANSWER_KEYS", "publish_learner_branch"]

#: Folders of the repository that hold answers and never go on the learner branch (a catalogue holds the
#: translated model answers of written exercises).
ANSWER_KEYS = ("tests", "instructor", "translations")


def _git(repo: Path, *args: str, env: dict | None = None) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


def publish_learner_branch(repo: Path = ROOT, branch: str = "learner") -> str | None:
    """Commit the learner files of ``repo``'s HEAD onto ``branch``; return the new commit, or None if unchanged."""
    repo = Path(repo)
    if _git(repo, "status", "--porcelain", "--", "notebooks"):
        raise SystemExit("notebooks/ has uncommitted changes: commit them first, so the learner branch "
                         "matches a commit of the course.")
    notebooks = repo / "notebooks"
    stages = stage_names(notebooks, language=None)  # a translated source holds solutions too
    with tempfile.TemporaryDirectory(prefix="course-learner-branch-") as scratch:
        released = Path(scratch) / "release"
        released.mkdir()
        release_notebooks(stages, notebooks, released)
        # A private index, so the working tree and the real index are never touched.
        env = dict(os.environ, GIT_INDEX_FILE=str(Path(scratch) / "index"))
        _git(repo, "read-tree", "HEAD", env=env)
        _git(repo, "rm", "-r", "-q", "--cached", "--ignore-unmatch", *ANSWER_KEYS, *(f"notebooks/{s}" for s in stages),
             env=env)
        for path in sorted(p for p in released.rglob("*") if p.is_file()):
            blob = _git(repo, "hash-object", "-w", str(path))
            _git(repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},notebooks/{path.relative_to(released)}",
                 env=env)
        tree = _git(repo, "write-tree", env=env)
    ref = f"refs/heads/{branch}"
    parent = subprocess.run(["git", "-C", str(repo), "rev-parse", "-q", "--verify", ref],
                            capture_output=True, text=True).stdout.strip()
    if parent and _git(repo, "rev-parse", f"{parent}^{{tree}}") == tree:
        return None
    head = _git(repo, "rev-parse", "--short", "HEAD")
    commit = _git(repo, "commit-tree", tree, *(["-p", parent] if parent else []),
                  "-m", f"Learner notebooks released from {head}")
    _git(repo, "update-ref", ref, commit)
    return commit
