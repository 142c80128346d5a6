"""A learner's progress (``course progress``): every stage of their folder, read as ``course check`` reads it.

Each stage's notebook (``<folder>/<stage>/<stage>.ipynb``, where ``course lab`` puts it) gets the
verdicts of :func:`course.grading.selfcheck.check_notebook`, the same run in a fresh kernel, with
three ways to spend less time than one stage's check:

- a notebook still exactly as ``course lab`` wrote it (its digest is in the folder's record) is
  not run: every exercise of a release stops at its ``raise NotImplementedError()``, so its
  verdicts are read from the notebook with that error in each test cell;
- a notebook whose verdicts are remembered (``.course/progress.json``, by the digest of the
  notebook and of the course's checks) is not run again;
- the others run at the same time, one kernel each.

>>> summary([Exercise("Exercise 1.1"), Exercise("Exercise 1.2", status=FAILED),
...          Exercise("Exercise 1.3", status=NOT_ATTEMPTED, written=True)])
'1 passed, 1 failed, 0 not attempted, 1 written answer to write'
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..grading.exercise_cells import FAILED, NOT_ATTEMPTED, PASSED, Exercise, exercises, is_test_cell
from ..paths import stage_names
from .learner_copy import RECORD, STATE

__all__ = ["StageProgress", "progress", "summary", "CACHE"]

#: The verdicts remembered between runs, inside the learner's folder.
CACHE = f"{STATE}/progress.json"
_STAGE_FOLDER = re.compile(r"^\d\d-[\w-]+$")
_CHECKS = Path(__file__).resolve().parent.parent / "checks"


@dataclass
class StageProgress:
    stage: str
    #: "checked", "missing" (no notebook in the folder) or "unreadable".
    state: str = "checked"
    exercises: list[Exercise] = field(default_factory=list)
    #: Errors outside the checks, as ``course check`` lists them.
    stray: list[str] = field(default_factory=list)
    message: str = ""


def summary(found: list[Exercise]) -> str:
    """One line of counts: passed, failed, not attempted (autograded) and written answers not yet written."""
    graded = [e for e in found if not e.written]
    counts = {s: sum(e.status == s for e in graded) for s in (PASSED, FAILED, NOT_ATTEMPTED)}
    to_write = sum(e.written and e.status == NOT_ATTEMPTED for e in found)
    line = f"{counts[PASSED]} passed, {counts[FAILED]} failed, {counts[NOT_ATTEMPTED]} not attempted"
    return line + (f", {to_write} written answer{'s' * (to_write != 1)} to write" if to_write else "")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _checks_digest() -> str:
    """The course's checks and fingerprints: a new version of them may give other verdicts."""
    files = sorted(p for p in _CHECKS.rglob("*") if p.suffix in (".py", ".json"))
    return _digest(b"".join(p.name.encode() + p.read_bytes() for p in files))


def _as_written_by_the_course(folder: Path, key: str, digest: str) -> bool:
    record_file = folder / RECORD
    if not record_file.is_file():
        return False
    record = json.loads(record_file.read_text(encoding="utf-8"))
    return digest in record.get(key, {}).get("written", [])


def _untouched_release(path: Path) -> StageProgress:
    """The verdicts of a release nobody answered: each test cell stops at the unanswered function."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if is_test_cell(cell):
            cell.outputs = [nbformat.v4.new_output("error", ename="NotImplementedError", evalue="", traceback=[])]
    return StageProgress(path.parent.name, exercises=exercises(nb))


def _run(path: Path) -> StageProgress:
    from ..grading.selfcheck import check_notebook

    found, stray = check_notebook(path)
    return StageProgress(path.parent.name, exercises=found, stray=stray)


def _stages(folder: Path) -> list[str]:
    """The course's stages, and any other stage folder the learner's folder has."""
    theirs = [p.name for p in folder.iterdir() if p.is_dir() and _STAGE_FOLDER.match(p.name)] if folder.is_dir() else []
    return sorted(set(stage_names()) | set(theirs))


def progress(folder: Path, jobs: int | None = None) -> list[StageProgress]:
    """Every stage of the learner's ``folder``, in order, with its exercises' verdicts."""
    folder = Path(folder).expanduser().resolve()
    cache_file = folder / CACHE
    cache = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.is_file() else {}
    checks = _checks_digest()
    results: dict[str, StageProgress] = {}
    to_run: dict[str, tuple[Path, str]] = {}
    for stage in _stages(folder):
        path, key = folder / stage / f"{stage}.ipynb", f"{stage}/{stage}.ipynb"
        if not path.is_file():
            results[stage] = StageProgress(stage, "missing", message="not in this folder yet (`course lab` puts it there)")
            continue
        digest = _digest(path.read_bytes())
        with_checks = _digest(f"{digest} {checks}".encode())
        remembered = cache.get(key, {})
        try:
            if remembered.get("digest") == with_checks:
                results[stage] = StageProgress(stage, exercises=[Exercise(**e) for e in remembered["exercises"]],
                                               stray=remembered["stray"])
            elif _as_written_by_the_course(folder, key, digest):
                results[stage] = _untouched_release(path)
            else:
                to_run[stage] = (path, with_checks)
        except (ValueError, KeyError, TypeError):  # not a notebook (a broken save), or a cache of another version
            to_run[stage] = (path, with_checks)
    with ThreadPoolExecutor(max_workers=max(1, jobs or os.cpu_count() or 1)) as pool:
        running = {stage: pool.submit(_run, path) for stage, (path, _) in to_run.items()}
        for stage, future in running.items():
            try:
                results[stage] = future.result()
            except Exception as error:  # one unreadable notebook: say so, and report the others
                results[stage] = StageProgress(stage, "unreadable", message=(
                    f"{to_run[stage][0]} could not be read ({type(error).__name__}: {error}); open it in "
                    f"JupyterLab to repair it, or rename it and run `course lab` for a fresh copy"))
                continue
            cache[f"{stage}/{stage}.ipynb"] = {"digest": to_run[stage][1], "stray": results[stage].stray,
                                               "exercises": [dataclasses.asdict(e) for e in results[stage].exercises]}
    if to_run and folder.is_dir():
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [results[stage] for stage in sorted(results)]
