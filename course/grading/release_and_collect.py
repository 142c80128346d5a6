"""``course release``, ``course collect`` and ``course import``: get notebooks to learners and back.

Release is nbgrader's own ``generate_assignment`` and ``release_assignment``; collect reads the
exchange's inbound as nbgrader's ``collect`` does, refusing what a learner could not have handed
in honestly (:mod:`course.grading.hand_in`). Import takes a folder or a zip of submitted notebooks (a download from a learning
platform, say), works out whose each file is and for which stage, puts it where nbgrader expects
it (``submitted/<learner>/<stage>/``) and lists every file it could not place, with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from . import nbgrader_setup
from .learner_release import ship_book_pages

__all__ = ["release", "collect", "CollectResult", "import_submissions", "ImportResult"]

_SKIP = ("__MACOSX", ".ipynb_checkpoints")


def release(course_dir: Path, source: Path, stages: list[str], due: str | None = None,
            exchange: bool = True) -> list[str]:
    """Make the learner version of each stage (and put it in the exchange); return the problems."""
    api = nbgrader_setup.api(course_dir, source)
    problems = []
    for stage in stages:
        result = api.generate_assignment(stage)
        if not result["success"]:
            problems.append(f"{stage}: {result.get('error') or result.get('log')}")
            continue
        # The release carries the book's pages it links to: fetched on the hub, it has no repository around it.
        try:
            ship_book_pages(Path(course_dir) / "release" / stage)
        except FileNotFoundError as error:
            problems.append(str(error))
            continue
        if due:
            with nbgrader_setup.gradebook(course_dir) as gb:
                gb.update_or_create_assignment(stage, duedate=due)
        if exchange:
            result = api.release_assignment(stage)
            if not result["success"]:
                problems.append(f"{stage} (exchange): {result.get('error') or result.get('log')}")
    return problems


@dataclass
class CollectResult:
    counts: dict[str, int] = field(default_factory=dict)             # stage -> submissions collected
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # (learner, stage, why)
    corrected: list[tuple[str, str, str]] = field(default_factory=list)  # (learner, stage, which time)


def collect(course_dir: Path, source: Path, stages: list[str]) -> CollectResult:
    """Collect each learner's latest hand-in of each stage from the exchange's inbound (:mod:`.hand_in`)."""
    from traitlets.config import Config

    from .hand_in import collect_stage

    exchange = Path(nbgrader_setup.configure(Config(), course_dir, source).Exchange.root)
    inbound = exchange / nbgrader_setup.COURSE_ID / "inbound"
    submitted = Path(course_dir) / "submitted"
    submitted.mkdir(parents=True, exist_ok=True)
    result = CollectResult()
    for stage in stages:
        refused, corrected = collect_stage(inbound, submitted, stage)
        result.refused += [(learner, stage, why) for learner, why in refused]
        result.corrected += [(learner, stage, why) for learner, why in corrected]
        result.counts[stage] = len(list(submitted.glob(f"*/{stage}/{stage}.ipynb")))
    return result


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _grade_ids(path: Path) -> set[str]:
    try:
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (ValueError, UnicodeDecodeError):
        return set()
    return {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in cells} - {None}


@dataclass
class ImportResult:
    imported: list[tuple[str, str, str]] = field(default_factory=list)  # (learner, stage, file)
    unmatched: list[tuple[str, str]] = field(default_factory=list)      # (file, why)


def _match(relative: Path, stage_ids: dict[str, set[str]], path: Path) -> tuple[str | None, str | None, str]:
    """(learner, stage, why not) for one file, from its path and, failing that, its exercises."""
    text = relative.as_posix().lower()
    named = [s for s in stage_ids if s.lower() in text]
    if len(named) > 1:
        named = [max(named, key=len)]
    if not named:
        ids = _grade_ids(path)
        named = [s for s, known in stage_ids.items() if ids and ids & known]
    if len(named) != 1:
        return None, None, ("its name and its exercises match no stage" if not named
                            else f"it could be any of {', '.join(named)}")
    stage = named[0]
    # A folder per learner (learner/stage.ipynb or learner/stage/stage.ipynb) or the name in the file name.
    parts = [p for p in relative.parts[:-1] if _slug(p) != _slug(stage)]
    name = parts[0] if parts else re.sub(re.escape(stage), "", relative.stem, flags=re.I)
    learner = _slug(name)
    if not learner:
        return None, stage, "there is no learner's name in its path"
    return learner, stage, ""


def import_submissions(path: Path, course_dir: Path, source: Path, stages: list[str]) -> ImportResult:
    """Copy every notebook in the folder or zip ``path`` to submitted/<learner>/<stage>/."""
    result = ImportResult()
    stage_ids = {s: _grade_ids(Path(source) / s / f"{s}.ipynb") for s in stages}
    with tempfile.TemporaryDirectory() as scratch:
        if zipfile.is_zipfile(path):
            folder = Path(scratch)
            with zipfile.ZipFile(path) as archive:
                archive.extractall(folder)
                for info in archive.infolist():  # keep each file's time: it says whether it was late
                    stamp = dt.datetime(*info.date_time).timestamp()
                    target = folder / info.filename
                    if target.is_file():
                        os.utime(target, (stamp, stamp))
        else:
            folder = Path(path)
        chosen: dict[tuple[str, str], Path] = {}
        for file in sorted(folder.rglob("*.ipynb")):
            relative = file.relative_to(folder)
            if any(part in _SKIP or part.startswith(".") for part in relative.parts):
                continue
            learner, stage, why = _match(relative, stage_ids, file)
            if why:
                result.unmatched.append((str(relative), why))
                continue
            earlier = chosen.get((learner, stage))
            if earlier is not None:
                older, newer = sorted([earlier, file], key=lambda p: p.stat().st_mtime)
                result.unmatched.append((str(older.relative_to(folder)),
                                         f"{newer.relative_to(folder)} is a later file for {learner}/{stage}"))
                file = newer
            chosen[(learner, stage)] = file
        for (learner, stage), file in sorted(chosen.items()):
            target = Path(course_dir) / "submitted" / learner / stage
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target / f"{stage}.ipynb")
            when = dt.datetime.fromtimestamp(file.stat().st_mtime, dt.timezone.utc)
            (target / "timestamp.txt").write_text(when.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
            result.imported.append((learner, stage, str(file.relative_to(folder))))
    return result
