"""The notebooks of each edition: the learner's release, the instructor's annotated sources.

- the learner edition holds the nbgrader *release* of every stage (no solution, hidden test,
  model answer or instructor cell), its unanswered exercise cells, and the cells tagged
  ``uses-answers`` that call the learner's functions after the exercises, marked so that their
  ``NotImplementedError`` neither stops the execution nor shows a traceback;
- the instructor edition holds the source notebooks, each solution and test cell folded in a
  dropdown after its exercise, model answers and rubrics in dropdowns, and instructor notes
  as admonitions.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import nbformat

from ..grading.exercise_cells import nbgrader_meta
from ..grading import nbgrader_setup
from ..grading.learner_release import ship_book_pages, to_book_links
from ..grading.preprocessors import INSTRUCTOR_TAG

#: Tag of a teaching cell that calls the learner's own functions (a capstone's summary table, say).
USES_ANSWERS_TAG = "uses-answers"

__all__ = ["USES_ANSWERS_TAG", "unlink_missing_stages", "learner_notebook", "instructor_notebook", "release_notebooks",
           "edition_notebooks"]


def _tag(cell, *tags: str) -> None:
    existing = cell.metadata.setdefault("tags", [])
    existing.extend(t for t in tags if t not in existing)


def _fence(kind: str, title: str, body: str, options: str = "") -> str:
    """A MyST directive around ``body``, with a fence longer than any inside it."""
    ticks = "`" * max([4] + [len(run) + 1 for run in re.findall(r"`{3,}", body)])
    return f"{ticks}{{{kind}}} {title}\n{options}\n{body}\n{ticks}"


STAGE_LINK = re.compile(r"\[([^\]]+)\]\(\.\./(\d\d-[\w-]+)/\2\.ipynb\)")


def unlink_missing_stages(nb, stages: list[str]):
    """Turn links to stages this edition does not hold (a next stage not written yet) into plain text.

    >>> from nbformat.v4 import new_markdown_cell, new_notebook
    >>> nb = new_notebook(cells=[new_markdown_cell("Next: [Stage 4](../04-content/04-content.ipynb).")])
    >>> unlink_missing_stages(nb, ["03-planning"]).cells[0].source
    'Next: *Stage 4* (coming soon).'
    """
    def replace(match: re.Match) -> str:
        return match.group(0) if match.group(2) in stages else f"*{match.group(1)}* (coming soon)"

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = STAGE_LINK.sub(replace, cell.source)
    return nb


def learner_notebook(nb):
    """Mark a released notebook's exercise cells, and those using their answers: they run and fail quietly.

    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> nb = new_notebook(cells=[new_code_cell("table(data)", metadata={"tags": ["uses-answers"]}),
    ...                          new_code_cell("data.head()")])
    >>> [cell.metadata.get("tags", []) for cell in learner_notebook(nb).cells]
    [['uses-answers', 'raises-exception', 'remove-output'], []]
    """
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        uses_answers = USES_ANSWERS_TAG in cell.metadata.get("tags", [])
        if cell.cell_type == "code" and (meta.get("solution") or meta.get("grade") or uses_answers):
            _tag(cell, "raises-exception", "remove-output")
    return nb


def instructor_notebook(nb):
    """Fold a source notebook's answers into dropdowns and show its instructor notes as such."""
    for cell in nb.cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type == "code" and meta.get("solution"):
            _tag(cell, "hide-input")
            cell.metadata["mystnb"] = {"code_prompt_show": "Show the solution", "code_prompt_hide": "Hide the solution"}
        elif cell.cell_type == "code" and meta.get("grade"):
            _tag(cell, "hide-input")
            cell.metadata["mystnb"] = {"code_prompt_show": "Show the tests, hidden tests included",
                                       "code_prompt_hide": "Hide the tests"}
        elif cell.cell_type == "markdown" and meta.get("solution"):
            cell.source = _fence("dropdown", "Model answer and rubric", cell.source, ":color: info")
        elif cell.cell_type == "markdown" and INSTRUCTOR_TAG in cell.metadata.get("tags", []):
            cell.source = _fence("admonition", "For the instructor", cell.source, ":class: tip")
    return nb


def release_notebooks(stages: list[str], notebooks: Path, into: Path, config=None) -> None:
    """Copy nbgrader's release of each stage (made in a throw-away course folder), with the book's pages
    it links to, into ``into``; ``config`` adds nbgrader settings of its own."""
    with tempfile.TemporaryDirectory(prefix="course-book-") as course_dir:
        api = nbgrader_setup.api(course_dir, config=config)
        api.coursedir.source_directory = str(notebooks)
        for name in stages:
            result = api.generate_assignment(name)
            if not result["success"]:
                raise RuntimeError(f"nbgrader could not release {name}:\n{result['log']}\n{result['error']}")
            ship_book_pages(Path(course_dir) / "release" / name)
            shutil.copytree(Path(course_dir) / "release" / name, into / name)


def _links_to_the_books_pages(nb):
    """In the book, a release's links to its own copies of the book's pages go to the book's pages."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = to_book_links(cell.source)
    return nb


def edition_notebooks(edition: str, stages: list[str], notebooks: Path, folder: Path) -> None:
    into = folder / "notebooks"
    into.mkdir()
    if edition == "learner":
        release_notebooks(stages, notebooks, into)
        for name in stages:
            shutil.rmtree(into / name / "book", ignore_errors=True)
    else:
        for name in stages:
            shutil.copytree(notebooks / name, into / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    mark = learner_notebook if edition == "learner" else instructor_notebook
    for name in stages:
        path = into / name / f"{name}.ipynb"
        nb = unlink_missing_stages(mark(nbformat.read(path, as_version=4)), stages)
        nbformat.write(_links_to_the_books_pages(nb) if edition == "learner" else nb, path)

