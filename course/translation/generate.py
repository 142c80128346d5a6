"""A stage's notebook in another language, made from the English notebook and the stage's catalogue.

Every cell keeps its id, type, metadata and place. A markdown cell takes its translation; a
teaching code cell takes the translation of the words it shows (``literals.swap``); the
cells nbgrader grades, locks or clears stay byte-identical. A piece whose translation is
missing or stale stays English, so the notebook always says what the English says; the sync
tests (``course translate check``) fail until it is translated.

>>> import nbformat
>>> from babel.messages.catalog import Catalog
>>> english = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Hello", id="c1"),
...     nbformat.v4.new_code_cell('print("Done", n)', id="c2")])
>>> catalogue = Catalog(locale="fr")
>>> _ = catalogue.add("Hello", "Bonjour", context="c1"), catalogue.add("Done", "Fini", context="c2")
>>> [cell.source for cell in translated_notebook(english, catalogue, "fr").cells]
['Bonjour', 'print("Fini", n)']
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import nbformat

from ..paths import NOTEBOOKS, TRANSLATIONS, stage_in
from . import catalogue as catalogues
from .catalogue import translated_cell
from .literals import literals, swap

__all__ = ["notebook_path", "catalogue_path", "usable", "translated_notebook", "render", "expected", "build"]


def notebook_path(stage: str, notebooks: str | Path = NOTEBOOKS) -> Path:
    """Where the notebook of a stage (in any language) lives."""
    return Path(notebooks) / stage / f"{stage}.ipynb"


def catalogue_path(stage: str, language: str, translations: str | Path = TRANSLATIONS) -> Path:
    """Where the catalogue of the English ``stage`` in ``language`` lives."""
    return Path(translations) / language / f"{stage}.po"


def usable(message) -> bool:
    """Whether an entry can be shown: present, translated and not stale."""
    return message is not None and bool(message.string) and not message.fuzzy


def _translation(catalogue, cell_id: str, text: str) -> str | None:
    message = catalogue.get(text, context=cell_id)
    return message.string if usable(message) else None


def translated_notebook(english, catalogue, language: str):
    """The notebook ``english`` in ``language``, from the translations of ``catalogue``."""
    notebook = copy.deepcopy(english)
    notebook.metadata["course"] = {"language": language}
    for cell in notebook.cells:
        if not translated_cell(cell):
            continue
        if cell.cell_type == "markdown":
            cell.source = _translation(catalogue, cell.id, cell.source) or cell.source
        else:
            texts = {text: _translation(catalogue, cell.id, text) for text, _ in literals(cell.source)}
            cell.source = swap(cell.source, {k: v for k, v in texts.items() if v})
    return notebook


def render(notebook) -> str:
    """A notebook as the course's notebook files hold it."""
    return nbformat.writes(notebook) + "\n"


def expected(stage: str, language: str, notebooks: str | Path = NOTEBOOKS,
             translations: str | Path = TRANSLATIONS) -> str:
    """The text the notebook of ``stage`` in ``language`` must have, given the English and the catalogue."""
    path = catalogue_path(stage, language, translations)
    catalogue = catalogues.read(path)
    if catalogue is None:
        raise SystemExit(f"{path} does not exist: run `course translate refresh {stage}` to start it.")
    english = nbformat.read(notebook_path(stage, notebooks), as_version=4)
    return render(translated_notebook(english, catalogue, language))


def build(stage: str, language: str, notebooks: str | Path = NOTEBOOKS,
          translations: str | Path = TRANSLATIONS) -> Path:
    """Write the notebook of ``stage`` in ``language`` (and copy the other files of its English folder)."""
    text = expected(stage, language, notebooks, translations)
    english_folder, target = Path(notebooks) / stage, notebook_path(stage_in(stage, language), notebooks)
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    for file in english_folder.iterdir():
        if file.is_file() and file.name != f"{stage}.ipynb":
            shutil.copy2(file, target.parent / file.name)
    return target
