"""Whether a translated stage is in step with the English one: each check lists what is wrong.

``problems(stage, language)`` runs them all for ``course translate check`` and the test suite;
each check is a function of its own, so a test can break one thing on purpose and see it caught.

The figures a text quotes are read the way each language writes them:

>>> figures("2,202 people against 611 (3.6 times), 29 to 31 December, see `.head(10)`", "en")
['2202', '29', '3.6', '31', '611']
>>> figures("2\\u00a0202 personnes contre 611 (3,6 fois), du 29 au 31 décembre, voir `.head(10)`", "fr")
['2202', '29', '3.6', '31', '611']
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import nbformat

from ..paths import LANGUAGES, NOTEBOOKS, ROOT, TRANSLATIONS, stage_in
from . import catalogue as catalogues
from .catalogue import messages, translated_cell
from .generate import catalogue_path, expected, notebook_path
from .literals import literals, outside_literals

__all__ = ["figures", "code_spans", "placeholders", "cell_problems", "code_problems", "grading_problems",
           "catalogue_problems", "figure_problems", "regeneration_problems", "problems"]

_CODE = re.compile(r"`[^`\n]*`")
_NOT_TEXT = re.compile(r"\]\([^)\s]*\)|<[^>\n]*>")  # link targets and HTML tags quote no figure
_PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")
# A figure is a number standing alone (not part of a name such as MEM03-X). English groups
# thousands with commas and marks decimals with a point; French groups with a no-break space
# and marks decimals with a comma (a point stays, as in an exercise's number, "0.1").
_FIGURE = {
    "en": re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\w)"),
    "fr": re.compile(r"(?<![\w.,])(\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+)([.,]\d+)?(?!\w)"),
}


def figures(text: str, language: str) -> list[str]:
    """The figures ``text`` quotes outside code, link targets and tags, as plain numbers, sorted."""
    prose = _NOT_TEXT.sub(" ", _CODE.sub(" ", text))
    found = []
    for whole, decimals in _FIGURE[language].findall(prose):
        digits = re.sub(r"\D", "", whole) + ("." + decimals[1:] if decimals else "")
        found.append(format(Decimal(digits).normalize(), "f"))
    return sorted(found)


def code_spans(text: str) -> Counter:
    """The `code` a text quotes, which reads the same in every language."""
    return Counter(_CODE.findall(text))


def placeholders(text: str) -> Counter:
    """The ``{placeholders}`` of a text an f-string or a message fills in.

    >>> sorted(placeholders("Posts per month on {platform}, {{not one}}"))
    ['{platform}']
    """
    return Counter(_PLACEHOLDER.findall(text))


def _shown(path: Path) -> str:
    """A path as a maintainer types it: from the checkout when it lies inside."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _entry(message) -> str:
    """An entry as a translator finds it: its cell, and the start of its English."""
    start = message.id.strip().splitlines()[0]
    return f"cell {message.context} ({start[:40]}{'...' if len(start) > 40 else ''})"


def cell_problems(english, translated) -> list[str]:
    """Cells must have the same ids, types and metadata, in the same order."""
    shape = [(c.id, c.cell_type) for c in english.cells]
    if shape != [(c.id, c.cell_type) for c in translated.cells]:
        return ["its cells' ids, order or types differ from the English notebook's"]
    return [f"cell {e.id}: its metadata differ from the English cell's" for e, t in
            zip(english.cells, translated.cells) if e.metadata != t.metadata]


def code_problems(english, translated) -> list[str]:
    """Code cells must be identical, but for the words a teaching cell shows."""
    found = []
    for e, t in zip(english.cells, translated.cells):
        if e.cell_type != "code" or e.id != t.id:
            continue
        if not translated_cell(e) and e.source != t.source:
            found.append(f"cell {e.id}: an nbgrader cell's code differs from the English")
        elif translated_cell(e) and (outside_literals(e.source) != outside_literals(t.source)
                                     or len(literals(e.source)) != len(literals(t.source))):
            found.append(f"cell {e.id}: its code differs from the English beyond the words it shows")
    return found


def _checksums(notebook) -> dict[str, str]:
    """nbgrader's checksum of each graded or solution cell, as its release computes it (solutions cleared)."""
    from nbgrader.preprocessors import ClearSolutions
    from nbgrader.utils import compute_checksum, is_grade, is_solution

    cleared, _ = ClearSolutions().preprocess(copy.deepcopy(notebook), {})
    return {cell.metadata.nbgrader["grade_id"]: compute_checksum(cell)
            for cell in cleared.cells if is_grade(cell) or is_solution(cell)}


def grading_problems(english, translated) -> list[str]:
    """Every graded cell must carry the same nbgrader metadata and checksum in both languages."""
    def graded(notebook):
        return {c.metadata["nbgrader"].get("grade_id", c.id): c.metadata["nbgrader"]
                for c in notebook.cells if "nbgrader" in c.metadata}

    found = [f"{grade_id}: its nbgrader metadata differ from the English cell's"
             for grade_id in sorted(set(graded(english)) | set(graded(translated)))
             if graded(english).get(grade_id) != graded(translated).get(grade_id)]
    ours, theirs = _checksums(english), _checksums(translated)
    return found + [f"{grade_id}: its nbgrader checksum differs from the English cell's"
                    for grade_id in sorted(set(ours) | set(theirs)) if ours.get(grade_id) != theirs.get(grade_id)]


def catalogue_problems(english, catalogue, language: str, path: Path) -> list[str]:
    """The catalogue must hold one translated, current entry for each piece of English, and nothing else."""
    if catalogue is None:
        return [f"{_shown(path)} is missing: run `course translate refresh`"]
    found = []
    wanted = {(cell_id, text) for cell_id, text, _ in catalogues.pieces(english)}
    held = {(m.context, m.id) for m in messages(catalogue)}
    if wanted - held:
        found.append(f"{_shown(path)}: {len(wanted - held)} piece(s) of English have no entry (cells "
                     f"{', '.join(sorted({c for c, _ in wanted - held}))}): run `course translate refresh`")
    if held - wanted:
        found.append(f"{_shown(path)}: {len(held - wanted)} entries translate English the notebook no longer has "
                     f"(cells {', '.join(sorted({c for c, _ in held - wanted}))}): run `course translate refresh`")
    for message in messages(catalogue):
        if not message.string:
            found.append(f"{_shown(path)}: {_entry(message)}: not translated yet")
        elif message.fuzzy:
            found.append(f"{_shown(path)}: {_entry(message)}: stale (fuzzy): its English changed; update the "
                         f"translation, then remove the fuzzy flag")
    return found


def figure_problems(catalogue, language: str, path: Path) -> list[str]:
    """Each translation must quote the English's figures and placeholders, no more, no fewer, and all its code."""
    found = []
    for message in messages(catalogue):
        if not message.string:
            continue
        if figures(message.id, LANGUAGES[0]) != figures(message.string, language):
            found.append(f"{_shown(path)}: {_entry(message)}: figures differ: English "
                         f"{figures(message.id, LANGUAGES[0])}, translation {figures(message.string, language)}")
        missing = code_spans(message.id) - code_spans(message.string)
        if missing:  # a translation may quote more code (a coded value it explains), never change it
            found.append(f"{_shown(path)}: {_entry(message)}: `code` differs: the translation lacks "
                         f"{', '.join(sorted(missing))}")
        if placeholders(message.id) != placeholders(message.string):
            found.append(f"{_shown(path)}: {_entry(message)}: placeholders differ: English "
                         f"{sorted(placeholders(message.id))}, translation {sorted(placeholders(message.string))}")
    return found


def regeneration_problems(stage: str, language: str, notebooks: Path, translations: Path) -> list[str]:
    """The committed notebook must be exactly what the English and the catalogue make."""
    path = notebook_path(stage_in(stage, language), notebooks)
    if not path.is_file():
        return [f"{_shown(path)} is missing: run `course translate build {stage}`"]
    if path.read_text(encoding="utf-8") != expected(stage, language, notebooks, translations):
        catalogue = _shown(catalogue_path(stage, language, translations))
        return [f"{_shown(path)} is not what the English notebook and {catalogue} make: run "
                f"`course translate build {stage}` (a change made by hand belongs in the catalogue)"]
    return []


def problems(stage: str, language: str, notebooks: str | Path = NOTEBOOKS,
             translations: str | Path = TRANSLATIONS) -> list[str]:
    """Everything that keeps the English ``stage`` and its edition in ``language`` from being in step."""
    notebooks, translations = Path(notebooks), Path(translations)
    path = catalogue_path(stage, language, translations)
    catalogue = catalogues.read(path)
    english = nbformat.read(notebook_path(stage, notebooks), as_version=4)
    found = catalogue_problems(english, catalogue, language, path)
    if catalogue is None:
        return found
    found += figure_problems(catalogue, language, path)
    found += regeneration_problems(stage, language, notebooks, translations)
    translated_path = notebook_path(stage_in(stage, language), notebooks)
    if translated_path.is_file():
        translated = nbformat.read(translated_path, as_version=4)
        found += cell_problems(english, translated) + code_problems(english, translated)
        found += grading_problems(english, translated)
    return found
