"""Check and repair a submitted notebook before it is graded, saying what was wrong in plain words.

nbgrader's own autograde already restores edited locked cells, changed cell types and changed
points from the gradebook (``OverwriteCells``), clears outputs (``ClearOutput``) and keeps one
cell per duplicated ``grade_id`` (``DeduplicateIds``). It cannot open a notebook that is not
valid JSON, empty, not UTF-8 or in the old format; it skips a notebook with the wrong file
name; it puts deleted cells back only when asked, and then in the wrong place; and it says what
it did only in its log. This module does what nbgrader does not, before nbgrader runs:

- finds the notebook when it has another name (if it is the only one in the folder);
- refuses an empty file, a file over :data:`LARGEST_NOTEBOOK_MB` (checked before reading it),
  or text that is not JSON;
- reads text that is not UTF-8, upgrades the old notebook format (version 3), renumbers
  duplicated or missing cell ids, strips outputs when they are huge (a 50 MB image, say);
- keeps one cell per exercise cell pasted twice (the copies become ordinary cells);
- restores deleted, edited and retyped cells that learners must not change (test cells,
  locked cells) from the released notebook, each in its place, and deleted answer cells.

Each notebook is read in a process bounded in memory, time and depth (:mod:`course.grading.bounded`):
one that cannot be read is refused with the reason, and the others are checked.

The learner's original file is kept in ``intake/<learner>/<stage>/`` of the course folder
before anything is changed; the repaired notebook replaces it in ``submitted/``.
"""

from __future__ import annotations

import copy
import json
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import bounded
from .exercise_cells import exercise_from_id, nbgrader_meta
from .tampering import find_tampering

__all__ = ["Intake", "check_submission", "check_all", "INTAKE_FILE", "LARGEST_NOTEBOOK_MB", "LARGEST_OUTPUTS_MB"]

#: In the course folder: learner -> stage -> what intake repaired or refused, as the last grading found it.
INTAKE_FILE = "intake.json"
#: A notebook file above this size is refused without being read.
LARGEST_NOTEBOOK_MB = 200
#: Outputs above this size in total are stripped (nbgrader clears them anyway; this says so).
LARGEST_OUTPUTS_MB = 5


@dataclass
class Intake:
    """What intake found in one submission: the problems, in words, and whether it can be graded."""

    learner: str
    stage: str
    problems: list[str] = field(default_factory=list)
    gradable: bool = True
    #: Code that replaces what the checks compare with: graded as it is, flagged for the instructor.
    tampering: list[str] = field(default_factory=list)

    def refuse(self, problem: str) -> "Intake":
        self.problems.append(problem)
        self.gradable = False
        return self


def _what(cell) -> str:
    """How an instructor would name a protected cell: 'the test cell of exercise 1.2', ..."""
    meta = nbgrader_meta(cell)
    grade_id = meta.get("grade_id", "")
    if meta.get("grade") and not meta.get("solution"):
        return f"the test cell {grade_id} ({exercise_from_id(grade_id)})"
    if meta.get("solution"):
        return f"the answer cell {grade_id} ({exercise_from_id(grade_id)})"
    return f"the locked cell {grade_id}"


def _find_notebook(folder: Path, stage: str, intake: Intake) -> Path | None:
    expected = folder / f"{stage}.ipynb"
    if any(p.is_symlink() for p in folder.glob("*.ipynb")):
        intake.refuse("a notebook in the submission is a symbolic link: hand in the notebook itself")
        return None
    if expected.is_file():
        return expected
    candidates = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if len(candidates) == 1:
        candidates[0].rename(expected)
        intake.problems.append(f"notebook was named {candidates[0].name}: renamed to {expected.name}")
        return expected
    if not candidates:
        intake.refuse(f"no notebook in the submission (expected {expected.name})")
    else:
        intake.refuse(f"{len(candidates)} notebooks and none named {expected.name} "
                      f"({', '.join(p.name for p in candidates)}): keep only the right one")
    return None


def _read(path: Path, intake: Intake):
    """The notebook as nbformat v4, or None (and the submission refused) when it cannot be read."""
    size = path.stat().st_size
    if size == 0:
        intake.refuse("the notebook file is empty (0 bytes)")
        return None
    if size > LARGEST_NOTEBOOK_MB * 2**20:
        intake.refuse(f"the notebook file is {size / 2**20:.0f} MB, over the {LARGEST_NOTEBOOK_MB} MB limit")
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Notebooks saved by hand in another encoding are almost always Windows-1252 (which reads any byte).
        text = raw.decode("cp1252", errors="replace")
        intake.problems.append("notebook text was not UTF-8: read as Windows-1252 and saved as UTF-8")
    if not text.strip():
        intake.refuse("the notebook file holds only blank space")
        return None
    try:
        content = json.loads(text)
    except json.JSONDecodeError as error:
        intake.refuse(f"notebook is not valid JSON (line {error.lineno}, column {error.colno}): it was cut off "
                      f"or edited outside Jupyter")
        return None
    if not isinstance(content, dict) or "nbformat" not in content:
        intake.refuse("the file is JSON but not a notebook")
        return None
    version = content.get("nbformat")
    ids = [cell.get("id") for cell in content.get("cells", []) if isinstance(cell, dict) and cell.get("id")]
    if len(ids) != len(set(ids)):
        # nbformat renumbers them silently when reading; say so.
        intake.problems.append("duplicated cell ids: renumbered")
    try:
        nb = nbformat.reads(text, as_version=4)
    except (MemoryError, RecursionError):
        raise  # the bounded reader says what they mean
    except Exception as error:  # nbformat raises many kinds for malformed notebooks
        intake.refuse(f"the notebook's structure is broken and cannot be read ({type(error).__name__})")
        return None
    if isinstance(version, int) and version < 4:
        intake.problems.append(f"old notebook format (version {version}): upgraded to version 4")
    return nb


def _renumber_ids(nb) -> None:
    """Give every cell an id of its own (cells of old notebooks have none)."""
    seen = set()
    for cell in nb.cells:
        if not cell.get("id") or cell["id"] in seen:
            cell["id"] = uuid.uuid4().hex[:8]
        seen.add(cell["id"])
    nb.nbformat_minor = max(nb.nbformat_minor, 5)


def _strip_huge_outputs(nb, intake: Intake) -> None:
    size = sum(len(json.dumps(cell.get("outputs", []))) for cell in nb.cells)
    if size > LARGEST_OUTPUTS_MB * 2**20:
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        intake.problems.append(f"outputs of {size / 2**20:.0f} MB removed (grading runs the notebook afresh)")


def _unpaste(nb, release, intake: Intake) -> None:
    """Keep one cell per exercise cell: a copied and pasted cell (JupyterLab copies nbgrader's marks with it)
    would make nbgrader fail. The copy the learner worked in keeps the marks; the others become ordinary cells."""
    stubs = {nbgrader_meta(c).get("grade_id"): c.source for c in (release.cells if release is not None else [])}
    twins: dict[str, list] = {}
    for cell in nb.cells:
        if grade_id := nbgrader_meta(cell).get("grade_id"):
            twins.setdefault(grade_id, []).append(cell)
    for grade_id, cells in twins.items():
        if len(cells) < 2:
            continue
        kept = next((c for c in cells if c.source != stubs.get(grade_id)), cells[0])
        for cell in cells:
            if cell is not kept:
                del cell.metadata["nbgrader"]
        intake.problems.append(f"{_what(kept)} was there {len(cells)} times (a pasted copy): one is graded, "
                               f"the others are kept as ordinary cells")


def _protected(cell) -> bool:
    """Cells a learner must not change: test cells and locked cells (not answers)."""
    meta = nbgrader_meta(cell)
    return bool(meta.get("grade_id")) and not meta.get("solution") and (meta.get("grade") or meta.get("locked"))


def _restore_cells(nb, release, intake: Intake) -> None:
    """Put back deleted cells in their place; restore the type and text of protected cells."""
    by_id = {}
    for cell in nb.cells:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if grade_id and grade_id not in by_id:
            by_id[grade_id] = cell
    cells = list(nb.cells)
    after = -1  # position in ``cells`` of the last cell matched with the release
    for reference in release.cells:
        grade_id = nbgrader_meta(reference).get("grade_id")
        if not grade_id:
            continue
        cell = by_id.get(grade_id)
        if cell is None:
            restored = copy.deepcopy(reference)
            restored["id"] = uuid.uuid4().hex[:8]
            cells.insert(after + 1, restored)
            after += 1
            intake.problems.append(f"{_what(reference)} was deleted: restored")
            continue
        after = next(i for i, c in enumerate(cells) if c is cell)
        if cell.cell_type != reference.cell_type:
            intake.problems.append(f"{_what(reference)} was changed to {cell.cell_type}: type restored")
            cell.cell_type = reference.cell_type
            if reference.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            else:
                cell.pop("outputs", None)
                cell.pop("execution_count", None)
        if _protected(reference):
            if cell.source != reference.source:
                intake.problems.append(f"{_what(reference)} was edited: restored")
                cell.source = reference.source
            cell.metadata["nbgrader"] = copy.deepcopy(reference.metadata["nbgrader"])
    nb.cells = cells


def check_submission(folder: Path, stage: str, release: nbformat.NotebookNode | None, originals: Path,
                     learner: str = "") -> Intake:
    """Check and repair ``folder``/``stage``.ipynb against the released notebook ``release``.

    The file is rewritten only when something was repaired, after its original is copied to ``originals``.
    """
    intake = Intake(learner or folder.parent.name, stage)
    path = _find_notebook(folder, stage, intake)
    if path is None:
        return intake
    nb = _read(path, intake)
    if nb is None:
        return intake
    _renumber_ids(nb)
    _unpaste(nb, release, intake)
    _strip_huge_outputs(nb, intake)
    if release is not None:
        _restore_cells(nb, release, intake)
    intake.tampering = find_tampering(nb)
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as error:
        return intake.refuse(f"the notebook's structure is broken and cannot be repaired ({error.message[:120]})")
    if intake.problems:
        originals.mkdir(parents=True, exist_ok=True)
        kept = originals / path.name
        if not kept.exists():
            shutil.copy2(path, kept)
        nbformat.write(nb, path)
    return intake


def _notebook_name(folder: Path, stage: str) -> str:
    notebooks = sorted(p.name for p in folder.glob("*.ipynb"))
    return f"{stage}.ipynb" if f"{stage}.ipynb" in notebooks or not notebooks else notebooks[0]


def check_all(course_dir: Path, stages: list[str]) -> list[Intake]:
    """Check and repair every submission of ``stages`` in the course folder; return those with problems or tampering."""
    course_dir = Path(course_dir)
    submitted = course_dir / "submitted"
    found = []
    for stage in stages:
        released = course_dir / "release" / stage / f"{stage}.ipynb"
        release = nbformat.read(released, as_version=4) if released.is_file() else None
        for folder in sorted(submitted.glob(f"*/{stage}")):
            if not folder.is_dir():
                continue
            learner = folder.parent.name
            # In a bounded process: a notebook that cannot be read costs its own submission, not the run.
            done, intake = bounded.run(check_submission, folder, stage, release,
                                       course_dir / "intake" / learner / stage, learner)
            if not done:
                intake = Intake(learner, stage).refuse(f"{_notebook_name(folder, stage)}: {intake}; nothing was "
                                                       f"graded: remove that part and hand it in again")
            if intake.problems or intake.tampering:
                found.append(intake)
    return found
