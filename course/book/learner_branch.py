"""``course learner-branch``: publish the learners' notebooks on a git branch of their own.

The learner edition's launch buttons (JupyterHub, Binder, Colab) open notebooks from a
repository branch. Opening `main` would hand learners the source notebooks, solutions and
hidden tests included, so the book points them at a branch (``learner`` by default) that
holds the same files as ``main`` except that each stage notebook is nbgrader's release and
the answer keys (``tests/``, ``instructor/``) are left out. Push that branch with the rest.

The branch also carries a lean learner environment in ``binder/``, the form Binder reads:
``requirements.txt`` pins what a learner's kernel and ``course check`` need (the package's
dependencies without the book build, nbgrader and JupyterLab, which Binder brings), and
``postBuild`` installs the course itself from the checkout (so its ``data/`` is found).
Each publication is tagged ``learner-<commit>`` (:func:`~course.grading.launch_settings.release_tag`):
a released notebook's install cell for hosted services installs the course from that tag.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import tomllib
from pathlib import Path

from traitlets.config import Config

from ..grading.launch_settings import read_settings, release_tag
from ..paths import ROOT, stage_names
from .editions import release_notebooks

__all__ = ["ANSWER_KEYS", "NOT_FOR_LEARNERS", "KERNEL_TOOLS", "learner_requirements", "publish_learner_branch"]

#: Folders of the repository that hold answers and never go on the learner branch (a catalogue holds the
#: translated model answers of written exercises).
ANSWER_KEYS = ("tests", "instructor", "translations")
#: Dependencies of the package a learner's environment goes without: the book build, the grading
#: run and JupyterLab (Binder and Colab bring their own; own computers install the whole course).
NOT_FOR_LEARNERS = ("jupyter-book", "nbgrader", "jupyterlab")
#: What runs a notebook and ``course check``, which the left-out ones used to bring.
KERNEL_TOOLS = ("ipykernel", "nbclient", "nbformat")
POST_BUILD = "#!/bin/sh\n# Binder runs this from the checkout: the course itself, so it finds its data/.\n" \
             "python -m pip install --no-deps --editable .\n"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def learner_requirements(pyproject: str, constraints: str) -> str:
    """``binder/requirements.txt``: the learner's dependencies, each at the version ``constraints`` pins.

    >>> print(learner_requirements('[project]\\ndependencies = ["pandas>=2", "nbgrader"]',
    ...                            "nbgrader==0.9\\npandas==3.1\\nipykernel==7\\nnbclient==1\\nnbformat==5"))
    # What a learner's kernel needs to run and check the notebooks (written by `course learner-branch`).
    pandas==3.1
    ipykernel==7
    nbclient==1
    nbformat==5
    <BLANKLINE>
    """
    pins = {_name(line): line.strip() for line in constraints.splitlines() if "==" in line}
    wanted = [_name(r) for r in tomllib.loads(pyproject)["project"]["dependencies"]]
    wanted = [name for name in wanted if name not in NOT_FOR_LEARNERS] + list(KERNEL_TOOLS)
    missing = [name for name in wanted if name not in pins]
    if missing:
        raise SystemExit(f"constraints.txt pins no version of {', '.join(missing)}: add them, then publish again.")
    return "\n".join(["# What a learner's kernel needs to run and check the notebooks "
                      "(written by `course learner-branch`).", *(pins[name] for name in wanted), ""])


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
    head = _git(repo, "rev-parse", "HEAD")
    # The install cell of each notebook installs the course from this publication's tag.
    config = Config()
    config.HostedSetupCell.repository = read_settings().repository
    config.HostedSetupCell.ref = release_tag(head)
    with tempfile.TemporaryDirectory(prefix="course-learner-branch-") as scratch:
        released = Path(scratch) / "release"
        released.mkdir()
        release_notebooks(stages, notebooks, released, config)
        binder = Path(scratch) / "binder"
        binder.mkdir()
        (binder / "requirements.txt").write_text(
            learner_requirements(_git(repo, "show", "HEAD:pyproject.toml"), _git(repo, "show", "HEAD:constraints.txt")),
            encoding="utf-8")
        (binder / "postBuild").write_text(POST_BUILD, encoding="utf-8")
        (binder / "runtime.txt").write_text("python-3.11\n", encoding="utf-8")
        # A private index, so the working tree and the real index are never touched.
        env = dict(os.environ, GIT_INDEX_FILE=str(Path(scratch) / "index"))
        _git(repo, "read-tree", "HEAD", env=env)
        _git(repo, "rm", "-r", "-q", "--cached", "--ignore-unmatch", *ANSWER_KEYS, *(f"notebooks/{s}" for s in stages),
             env=env)
        files = [(p, f"notebooks/{p.relative_to(released).as_posix()}") for p in released.rglob("*") if p.is_file()]
        files += [(p, f"binder/{p.name}") for p in binder.iterdir()]
        for path, name in sorted(files, key=lambda pair: pair[1]):
            blob = _git(repo, "hash-object", "-w", str(path))
            mode = "100755" if name == "binder/postBuild" else "100644"
            _git(repo, "update-index", "--add", "--cacheinfo", f"{mode},{blob},{name}", env=env)
        tree = _git(repo, "write-tree", env=env)
    ref = f"refs/heads/{branch}"
    parent = subprocess.run(["git", "-C", str(repo), "rev-parse", "-q", "--verify", ref],
                            capture_output=True, text=True).stdout.strip()
    if parent and _git(repo, "rev-parse", f"{parent}^{{tree}}") == tree:
        _git(repo, "update-ref", f"refs/tags/{release_tag(head)}", parent)
        return None
    commit = _git(repo, "commit-tree", tree, *(["-p", parent] if parent else []),
                  "-m", f"Learner notebooks released from {head[:12]}")
    _git(repo, "update-ref", ref, commit)
    _git(repo, "update-ref", f"refs/tags/{release_tag(head)}", commit)
    return commit
