"""A stage's catalogue: the translation of each piece of English text of its notebook.

One gettext file per stage and language, ``translations/fr/00-welcome.po``, which any PO
editor (Poedit, Lokalize, a text editor) opens. Each entry is keyed by the cell's id
(``msgctxt``) and holds the English it translates in full (``msgid``, the digest a sync
test compares with the notebook) and the translation (``msgstr``). When the English of a
cell changes, ``refresh`` keeps the old translation but flags it ``fuzzy`` (stale), with the
English it was made from in its translator comments (``# | ...`` lines), so the translator sees
what changed. (Babel neither reads back nor cleanly writes gettext's own ``#| msgid`` lines.)

>>> import nbformat
>>> cell = nbformat.v4.new_markdown_cell("Hello", id="c1")
>>> notebook = nbformat.v4.new_notebook(cells=[cell])
>>> catalogue = refresh(notebook, None, "fr")
>>> [(m.context, m.id, m.string) for m in messages(catalogue)]
[('c1', 'Hello', '')]
>>> catalogue.get("Hello", context="c1").string = "Bonjour"
>>> cell.source = "Hello!"
>>> [(m.id, m.string, m.fuzzy, previous_english(m)) for m in messages(refresh(notebook, catalogue, "fr"))]
[('Hello!', 'Bonjour', True, 'Hello')]
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from .literals import literals

__all__ = ["PROJECT", "PREVIOUS", "translated_cell", "pieces", "messages", "previous_english", "refresh",
           "read", "write", "dumps"]

PROJECT = "Social media for parliaments"
# Refreshing an unchanged catalogue must change nothing, so its header carries no clock time.
_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
#: The translator comment above the English a stale entry's translation was made from.
PREVIOUS = "English before it changed:"
_HEADER = ("# A stage notebook of the course, translated (text under CC BY 4.0). Edit only the\n"
           "# msgstr lines, then run `course translate refresh`, which also adds, flags (fuzzy)\n"
           "# and drops entries as the English changes. See notebooks/TRANSLATING.md.")


def translated_cell(cell) -> bool:
    """Whether a cell has text to translate: any markdown cell, and any code cell nbgrader does not
    grade, lock or clear (those stay byte-identical, so the two languages grade alike)."""
    flags = cell.metadata.get("nbgrader", {})
    if cell.cell_type == "markdown":
        return bool(cell.source.strip())
    return cell.cell_type == "code" and not any(flags.get(k) for k in ("grade", "solution", "locked"))


def pieces(notebook) -> list[tuple[str, str, str]]:
    """The English to translate, in the notebook's order: (cell id, text, a note for the translator)."""
    found = []
    for cell in notebook.cells:
        if not translated_cell(cell):
            continue
        if cell.cell_type == "markdown":
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            found.append((cell.id, cell.source, f"written answer {grade_id}" if grade_id else "markdown cell"))
            continue
        seen = set()
        for text, _ in literals(cell.source):
            if text not in seen and text.strip():
                seen.add(text)
                found.append((cell.id, text, "text shown by a code cell (keep every {placeholder})"))
    return found


def messages(catalogue: Catalog) -> list[Message]:
    """The catalogue's entries, without its header."""
    return [m for m in catalogue if m.id]


def _new(language: str) -> Catalog:
    return Catalog(locale=language, project=PROJECT, version="1", fuzzy=False, header_comment=_HEADER,
                   creation_date=_DATE, revision_date=_DATE, msgid_bugs_address="the course's issue tracker",
                   last_translator="the course's translators", language_team=language)


def previous_english(message: Message) -> str | None:
    """The English a stale entry's translation was made from (kept in its translator comments)."""
    if PREVIOUS not in message.user_comments:
        return None
    lines: list[str] = []
    for comment in message.user_comments[message.user_comments.index(PREVIOUS) + 1:]:
        if comment.startswith("+ ") and lines:
            lines[-1] += " " + comment[2:]
        elif comment == "|" or comment.startswith("| "):
            lines.append(comment[2:])
    return "\n".join(lines)


def _comment_lines(english: str) -> list[str]:
    """``english`` as translator comments: ``| `` starts a line, ``+ `` goes on with it (Babel cuts
    longer comments at 76 characters and could not give them back)."""
    found = []
    for line in english.split("\n"):
        words, chunk, mark = line.split(" "), [], "|"
        for word in words:
            if chunk and len(" ".join(chunk + [word])) > 68:
                found.append(f"{mark} {' '.join(chunk)}")
                chunk, mark = [], "+"
            chunk.append(word)
        found.append(f"{mark} {' '.join(chunk)}".rstrip())
    return found


def _notes(message: Message) -> list[str]:
    """A translator's own comments on an entry, without the English kept for a stale one."""
    return message.user_comments[:message.user_comments.index(PREVIOUS)] \
        if PREVIOUS in message.user_comments else list(message.user_comments)


def refresh(notebook, old: Catalog | None, language: str) -> Catalog:
    """The catalogue of ``notebook`` in ``language``: ``old``'s translations of the English that did not
    change, stale (fuzzy) ones for English that changed, empty entries for new English; entries of
    English that is gone are dropped."""
    old_entries = messages(old) if old is not None else []
    current = {(cell_id, text) for cell_id, text, _ in pieces(notebook)}
    # Entries whose English changed: the translation a changed cell had, in the order they came.
    left = [m for m in old_entries if (m.context, m.id) not in current]
    catalogue = _new(language)
    for cell_id, text, note in pieces(notebook):
        same = old.get(text, context=cell_id) if old is not None else None
        before = next((m for m in left if m.context == cell_id), None) if same is None else None
        string, fuzzy, notes, previous = "", False, [], None
        if same is not None:
            string, fuzzy, notes = same.string, same.fuzzy, _notes(same)
            previous = previous_english(same) if fuzzy else None
        elif before is not None and before.string:
            left.remove(before)
            previous = (previous_english(before) if before.fuzzy else None) or before.id
            # English changed back to what was translated: the translation is current again.
            string, fuzzy, notes = before.string, previous != text, _notes(before)
            previous = previous if fuzzy else None
        if previous is not None:  # the English the translation was made from, for the translator to compare
            notes += [PREVIOUS, *_comment_lines(previous)]
        catalogue.add(text, string, context=cell_id, auto_comments=[note], user_comments=notes,
                      flags={"fuzzy"} if fuzzy else ())
    return catalogue


def read(path: str | Path) -> Catalog | None:
    """The catalogue at ``path``, or None where there is none yet."""
    path = Path(path)
    if not path.is_file():
        return None
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def dumps(catalogue: Catalog) -> str:
    """The catalogue as its file holds it."""
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, sort_output=False, include_previous=True)
    return buffer.getvalue().decode("utf-8")


def write(catalogue: Catalog, path: str | Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(catalogue), encoding="utf-8")
