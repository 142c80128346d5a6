"""The learner's own folder: the released notebooks of every stage, and never a file of theirs overwritten.

``course lab`` fills the folder from nbgrader's release of each stage (no solution, no hidden
test, no instructor note; the same release ``course release`` makes, with the pages of the
book the notebook links to in the stage's ``book/`` folder), and the ungraded notebook on the learner's own
accounts in ``your-accounts/``. A record in ``.course/copies.json`` remembers, for every file
it wrote, which release it was and what it wrote, so that on a later start:

- a missing file is copied;
- a file that is still exactly as written is brought up to a newer release;
- a file the learner changed is never touched: a newer release goes beside it
  (``00-welcome-new-release.ipynb``) and :func:`fill` says so.

Releases are made once per version of a stage's sources and kept in ``.course/releases/``, so
starting again is quick.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from ..paths import NOTEBOOKS, ROOT, stage_names

__all__ = ["default_learner_dir", "fill", "release_folders", "RECORD"]

#: Where, inside the learner's folder, the course keeps its record and its cached releases.
STATE = ".course"
RECORD = f"{STATE}/copies.json"
#: The ungraded notebook on the learner's own accounts and its page (in book/), copied to ``your-accounts/``.
BOOK_EXTRAS = ("your-accounts.ipynb", "your-accounts-exports.md")
#: The code that shapes a release: a change to it makes new releases too.
RELEASE_CODE = ("grading/preprocessors.py", "grading/nbgrader_setup.py", "grading/learner_release.py")


def default_learner_dir() -> Path:
    """The learner's folder unless told otherwise: ``$COURSE_LEARNER_DIR`` or ``~/parliament-course-notebooks``."""
    return Path(os.environ.get("COURSE_LEARNER_DIR") or Path.home() / "parliament-course-notebooks")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _source_digest(stage_folder: Path) -> str:
    """One digest for a stage's source folder, the code that turns it into a release and what its install
    cell installs (the launch settings' repository, at the tag of this commit)."""
    from ..grading.launch_settings import read_settings, release_ref

    launch = read_settings()
    digest = hashlib.sha256(f"{launch.repository}@{release_ref(settings=launch)}".encode()
                            if launch.configured else b"")
    package = Path(__file__).resolve().parent.parent
    files = sorted(p for p in stage_folder.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts)
    for path in [*files, *(package / code for code in RELEASE_CODE)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def release_folders(stages: list[str], cache: Path, notebooks: Path = NOTEBOOKS) -> dict[str, Path]:
    """nbgrader's release of each stage, made in a throw-away course folder unless ``cache`` has it."""
    wanted = {stage: cache / f"{stage}-{_source_digest(notebooks / stage)}" for stage in stages}
    missing = [stage for stage, folder in wanted.items() if not folder.is_dir()]
    if missing:
        from ..grading import nbgrader_setup
        from ..grading.learner_release import ship_book_pages

        nbgrader_setup.quiet_nbgrader()
        with tempfile.TemporaryDirectory(prefix="course-lab-") as course_dir:
            api = nbgrader_setup.api(course_dir, notebooks)
            for stage in missing:
                result = api.generate_assignment(stage)
                if not result["success"]:
                    raise RuntimeError(f"nbgrader could not release {stage}:\n{result.get('log')}\n{result.get('error')}")
                ship_book_pages(Path(course_dir) / "release" / stage)
                for old in cache.glob(f"{stage}-*"):  # an older release of the stage is no longer needed
                    shutil.rmtree(old, ignore_errors=True)
                cache.mkdir(parents=True, exist_ok=True)
                shutil.copytree(Path(course_dir) / "release" / stage, wanted[stage])
    return wanted


def _beside(target: Path, written: set[str]) -> Path:
    """A free name next to ``target`` for a newer release (or one the course wrote and nobody changed)."""
    for n in range(1, 100):
        name = f"{target.stem}-new-release{'' if n == 1 else f'-{n}'}{target.suffix}"
        candidate = target.with_name(name)
        if not candidate.exists() or _digest(candidate) in written:
            return candidate
    raise RuntimeError(f"too many new releases next to {target}: tidy its folder")


def _place(source: Path, target: Path, key: str, record: dict, folder: Path) -> str | None:
    """Copy ``source`` to ``target`` unless that would overwrite the learner's work; return a message, if any."""
    new = _digest(source)
    known = record.get(key, {})
    shown = target.relative_to(folder).as_posix()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        record[key] = {"release": new, "written": [new]}
        return None
    if known.get("release") == new:
        return None
    current = _digest(target)
    if current == new:
        record[key] = {"release": new, "written": known.get("written", []) + [new]}
        return None
    if current in known.get("written", []):  # untouched since the course wrote it: bring it up to date
        shutil.copyfile(source, target)
        record[key] = {"release": new, "written": known["written"] + [new]}
        return f"{shown}: updated to the new release (you had not changed it)."
    beside = _beside(target, set(known.get("written", [])))
    shutil.copyfile(source, beside)
    record[key] = {"release": new, "written": known.get("written", []) + [new]}
    return (f"{shown}: a new release is in {beside.relative_to(folder).as_posix()}; "
            f"your own copy is untouched (bring your answers over when you are ready).")


def fill(folder: Path, stages: list[str] | None = None, notebooks: Path = NOTEBOOKS) -> list[str]:
    """Put the learner notebooks of ``stages`` (every stage by default) in ``folder``; return what to tell the learner."""
    folder = Path(folder).expanduser().resolve()
    stages = stage_names(notebooks) if stages is None else stages
    state = folder / STATE
    state.mkdir(parents=True, exist_ok=True)
    record_file = folder / RECORD
    record = json.loads(record_file.read_text(encoding="utf-8")) if record_file.is_file() else {}
    messages = []
    for stage, release in release_folders(stages, state / "releases", notebooks).items():
        for source in sorted(p for p in release.rglob("*") if p.is_file()):
            relative = Path(stage) / source.relative_to(release)
            message = _place(source, folder / relative, relative.as_posix(), record, folder)
            if message:
                messages.append(message)
    for page in BOOK_EXTRAS:
        relative = Path("your-accounts") / page
        message = _place(ROOT / "book" / page, folder / relative, relative.as_posix(), record, folder)
        if message:
            messages.append(message)
    record_file.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return messages
