"""The book's parts that need no build: the table of contents, the edition's notebook marks, the renderer."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import plotly.graph_objects as go

from course.book import build, editions, renderer
from course.charts import BOOK_BUILD_VARIABLE
from course.paths import stage_names

FIXTURE = Path(__file__).parent / "fixtures" / "book" / "90-sample" / "90-sample.ipynb"


def _files(toc: dict) -> list[str]:
    found = []
    for part in toc["parts"]:
        for chapter in part["chapters"]:
            found.append(chapter["file"])
            found += [section["file"] for section in chapter.get("sections", [])]
    return found


def test_toc_lists_every_stage_in_order_after_the_set_up(tmp_path):
    stages = stage_names()
    toc = build.table_of_contents("learner", stages, tmp_path)
    files = _files(toc)
    assert [f for f in files if f.startswith("notebooks/")] == [f"notebooks/{s}/{s}" for s in stages]
    assert stages and files.index("book/setup") < files.index(f"notebooks/{stages[0]}/{stages[0]}")
    assert not any("instructor" in f or "planted" in f for f in files)


def test_instructor_toc_adds_the_guide_and_the_grading_page_only_when_it_exists(tmp_path):
    without = _files(build.table_of_contents("instructor", ["00-welcome"], tmp_path))
    assert "book/instructor-guide" in without and "book/planted-truths" in without
    assert "book/instructor-grading" not in without
    (tmp_path / "instructor-grading.md").write_text("# Grading\n")
    assert "book/instructor-grading" in _files(build.table_of_contents("instructor", ["00-welcome"], tmp_path))


def test_learner_marks_let_exercise_cells_fail_quietly():
    nb = editions.learner_notebook(nbformat.read(FIXTURE, as_version=4))
    for cell in nb.cells:
        exercise = cell.cell_type == "code" and "nbgrader" in cell.metadata
        tags = set(cell.metadata.get("tags", []))
        assert ({"raises-exception", "remove-output"} <= tags) == exercise, cell.source[:60]


def test_instructor_marks_fold_answers_and_label_notes():
    nb = editions.instructor_notebook(nbformat.read(FIXTURE, as_version=4))
    folded = [c.metadata["mystnb"]["code_prompt_show"] for c in nb.cells if "hide-input" in c.metadata.get("tags", [])]
    assert folded == ["Show the solution", "Show the tests, hidden tests included"]
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "{dropdown} Model answer and rubric" in markdown
    assert "{admonition} For the instructor" in markdown


def test_stage_facts_read_the_title_cell():
    facts = build.stage_facts(FIXTURE)
    assert facts == {"title": "Stage 90: A sample stage for the book's tests",
                     "summary": "A small stage in the house style, used by the book's tests while the real stages "
                                "are written.", "teaching": "5", "exercises": "10"}


def test_book_renderer_emits_html_that_uses_the_shared_plotly():
    bundle = renderer.BookRenderer().to_mimebundle(go.Figure(go.Bar(x=["a"], y=[1]), layout_title_text="T").to_dict())
    assert list(bundle) == ["text/html"]
    html = bundle["text/html"]
    assert "Plotly.newPlot" in html and 'aria-label="T"' in html
    described = html.split('aria-describedby="')[1].split('"')[0]
    assert f'<p id="{described}">T. Values: a 1.</p>' in html, "the chart's data as text, for screen readers"
    assert len(html) < 20_000, "plotly.js must not be inlined"
    assert "<script src" not in html and "mathjax" not in html.lower()


def _default_renderer(**env: str) -> str:
    code = "import course.charts, plotly.io as pio; print(pio.renderers.default)"
    environment = {k: v for k, v in os.environ.items() if k != BOOK_BUILD_VARIABLE}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**environment, **env}).stdout.strip()


def test_book_mode_switches_the_renderer_only_in_book_builds():
    assert _default_renderer(**{BOOK_BUILD_VARIABLE: "1"}) == renderer.RENDERER_NAME
    assert _default_renderer() != renderer.RENDERER_NAME


def test_the_committed_data_dictionary_is_the_schemas():
    """The page the notebooks link to (in the book and in JupyterLab) says what course/schema.py says."""
    assert build.DATA_DICTIONARY.read_text(encoding="utf-8") == build.data_dictionary_markdown(), (
        'refresh it: python -c "from course.book.build import write_data_dictionary; write_data_dictionary()"')
