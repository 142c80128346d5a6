"""The French edition stays in step with the English one (structural checks, no notebook runs).

The first tests hold every translated stage to the sync rules of `course.translation.sync`;
the ones after break the sync on purpose, one way at a time, on a copy of stage 00, and
show that the rule meant to catch it does.
"""
from __future__ import annotations

import shutil

import nbformat
import pytest

from course.grading.commands import chosen_stages
from course.paths import NOTEBOOKS, TRANSLATIONS, english_stage, stage_in, stage_names
from course.translation import catalogue as catalogues
from course.translation import sync
from course.translation.commands import translated_stages
from course.translation.generate import build, catalogue_path, expected, notebook_path
from course.translation.literals import LINE_LENGTH, swap

LANGUAGE = "fr"
TRANSLATED = translated_stages(LANGUAGE)
STAGE = "00-welcome"


def _pair(stage, notebooks=NOTEBOOKS):
    return (nbformat.read(notebook_path(stage, notebooks), as_version=4),
            nbformat.read(notebook_path(stage_in(stage, LANGUAGE), notebooks), as_version=4))


def test_each_catalogue_has_its_notebook_and_each_notebook_its_catalogue():
    assert STAGE in TRANSLATED
    assert [english_stage(s) for s in stage_names(language=LANGUAGE)] == TRANSLATED


def test_french_stages_are_neither_counted_twice_nor_lost():
    english, everything = stage_names(), stage_names(language=None)
    assert "00-welcome-fr" not in english and "00-welcome-fr" in everything
    assert sorted(english + stage_names(language=LANGUAGE)) == everything
    assert chosen_stages(None) == english and chosen_stages(["00-welcome-fr"]) == ["00-welcome-fr"]


@pytest.mark.parametrize("stage", TRANSLATED)
def test_regenerating_the_french_notebook_changes_nothing(stage):
    assert sync.regeneration_problems(stage, LANGUAGE, NOTEBOOKS, TRANSLATIONS) == []


@pytest.mark.parametrize("stage", TRANSLATED)
def test_cells_keep_their_ids_order_types_and_metadata(stage):
    assert sync.cell_problems(*_pair(stage)) == []


@pytest.mark.parametrize("stage", TRANSLATED)
def test_code_is_the_englishs_but_for_the_words_it_shows(stage):
    english, french = _pair(stage)
    assert sync.code_problems(english, french) == []
    long_lines = [line for cell in french.cells if cell.cell_type == "code"
                  for line in cell.source.splitlines() if len(line) > LINE_LENGTH]
    assert not long_lines


@pytest.mark.parametrize("stage", TRANSLATED)
def test_graded_cells_have_the_same_nbgrader_metadata_and_checksums(stage):
    assert sync.grading_problems(*_pair(stage)) == []


@pytest.mark.parametrize("stage", TRANSLATED)
def test_catalogue_is_complete_and_current(stage):
    path = catalogue_path(stage, LANGUAGE)
    catalogue = catalogues.read(path)
    assert sync.catalogue_problems(_pair(stage)[0], catalogue, LANGUAGE, path) == []
    # What `course translate refresh` would write is what is committed.
    assert catalogues.dumps(catalogues.refresh(_pair(stage)[0], catalogue, LANGUAGE)) == path.read_text("utf-8")


@pytest.mark.parametrize("stage", TRANSLATED)
def test_translations_quote_the_same_figures_code_and_placeholders(stage):
    path = catalogue_path(stage, LANGUAGE)
    assert sync.figure_problems(catalogues.read(path), LANGUAGE, path) == []


# Breaking the sync on purpose, on a copy of stage 00.

@pytest.fixture
def copy(tmp_path):
    notebooks, translations = tmp_path / "notebooks", tmp_path / "translations"
    for stage in (STAGE, stage_in(STAGE, LANGUAGE)):
        shutil.copytree(NOTEBOOKS / stage, notebooks / stage)
    shutil.copytree(TRANSLATIONS / LANGUAGE, translations / LANGUAGE)
    return notebooks, translations


def _edit(path, change):
    notebook = nbformat.read(path, as_version=4)
    change(notebook)
    nbformat.write(notebook, path)


def _cell(notebook, cell_type, graded=False):
    return next(c for c in notebook.cells if c.cell_type == cell_type and ("nbgrader" in c.metadata) == graded)


def test_a_hand_edit_of_the_french_notebook_is_caught(copy):
    notebooks, translations = copy
    _edit(notebook_path(stage_in(STAGE, LANGUAGE), notebooks),
          lambda nb: setattr(_cell(nb, "markdown"), "source", "Corrigé à la main"))
    assert "is not what the English notebook" in " ".join(sync.problems(STAGE, LANGUAGE, notebooks, translations))


def test_an_english_change_not_carried_over_is_caught_then_marked_stale(copy):
    notebooks, translations = copy
    english = notebook_path(STAGE, notebooks)
    _edit(english, lambda nb: setattr(_cell(nb, "markdown"), "source", _cell(nb, "markdown").source + " More."))
    listed = " ".join(sync.problems(STAGE, LANGUAGE, notebooks, translations))
    assert "have no entry" in listed and "no longer has" in listed and "is not what" in listed
    path = catalogue_path(STAGE, LANGUAGE, translations)
    old = catalogues.read(path)
    catalogues.write(catalogues.refresh(nbformat.read(english, as_version=4), old, LANGUAGE), path)
    build(STAGE, LANGUAGE, notebooks, translations)
    listed = sync.problems(STAGE, LANGUAGE, notebooks, translations)
    assert len(listed) == 1 and "stale (fuzzy)" in listed[0]
    changed = next(m for m in catalogues.messages(catalogues.read(path)) if m.fuzzy)
    # The old translation is kept, with the English it was made from for the translator to compare.
    assert changed.string == old.get(catalogues.previous_english(changed), context=changed.context).string
    # Until it is translated again, the French notebook shows the English that changed.
    french = nbformat.read(notebook_path(stage_in(STAGE, LANGUAGE), notebooks), as_version=4)
    assert _cell(french, "markdown").source.endswith(" More.")
    # English changed back: its translation is current again.
    shutil.copy(NOTEBOOKS / STAGE / f"{STAGE}.ipynb", english)
    catalogues.write(catalogues.refresh(nbformat.read(english, as_version=4), catalogues.read(path), LANGUAGE), path)
    build(STAGE, LANGUAGE, notebooks, translations)
    assert sync.problems(STAGE, LANGUAGE, notebooks, translations) == []


def test_refresh_adds_new_english_empty_drops_removed_english_and_is_stable():
    english = nbformat.read(notebook_path(STAGE), as_version=4)
    catalogue = catalogues.read(catalogue_path(STAGE, LANGUAGE))
    removed = _cell(english, "markdown")
    english.cells.remove(removed)
    english.cells.append(nbformat.v4.new_markdown_cell("A new closing word.", id="new-cell"))
    refreshed = catalogues.refresh(english, catalogue, LANGUAGE)
    assert refreshed.get("A new closing word.", context="new-cell").string == ""
    assert not [m for m in catalogues.messages(refreshed) if m.context == removed.id]
    again = catalogues.refresh(english, refreshed, LANGUAGE)
    assert catalogues.dumps(again) == catalogues.dumps(refreshed)


def test_cells_moved_or_retyped_are_caught():
    english, french = _pair(STAGE)
    moved = nbformat.from_dict(french)
    moved.cells[1], moved.cells[2] = moved.cells[2], moved.cells[1]
    assert sync.cell_problems(english, moved)
    retyped = nbformat.from_dict(french)
    retyped.cells[0].cell_type = "raw"
    assert sync.cell_problems(english, retyped)
    tagged = nbformat.from_dict(french)
    tagged.cells[0].metadata["tags"] = ["instructor"]
    assert sync.cell_problems(english, tagged)


def test_code_changed_beyond_its_words_is_caught_and_words_alone_are_not():
    english, french = _pair(STAGE)
    chart = next(c for c in french.cells if c.source.startswith("charts.bar(") and 'x="platform"' in c.source)
    before = chart.source
    chart.source = before.replace('x="platform"', 'x="format"')
    assert sync.code_problems(english, french)
    chart.source = swap(before, {text: "Un autre titre" for text in ["Platform", "Plateforme"]})
    assert chart.source != before and sync.code_problems(english, french) == []


def test_a_changed_graded_cell_is_caught_by_its_code_and_its_checksum():
    english, french = _pair(STAGE)
    solution = next(c for c in french.cells if c.metadata.get("nbgrader", {}).get("grade") is False)
    solution.source = solution.source.replace("def ", "def  ", 1)
    assert sync.code_problems(english, french) and "checksum" in " ".join(sync.grading_problems(english, french))
    english, french = _pair(STAGE)
    test_cell = next(c for c in french.cells if c.metadata.get("nbgrader", {}).get("points"))
    test_cell.metadata.nbgrader["points"] += 1
    assert "metadata" in " ".join(sync.grading_problems(english, french))


def test_a_written_answer_graded_alike_though_its_model_answer_is_translated():
    english, french = _pair(STAGE)
    written = [c for c in french.cells if c.cell_type == "markdown" and "nbgrader" in c.metadata]
    assert written and all(c.source != e.source for c in written for e in english.cells if e.id == c.id)
    assert sync.grading_problems(english, french) == []


def test_missing_empty_and_stale_entries_are_caught():
    english, _ = _pair(STAGE)
    path = catalogue_path(STAGE, LANGUAGE)
    catalogue = catalogues.read(path)
    first, second, third = catalogues.messages(catalogue)[:3]
    first.string = ""
    second.flags.add("fuzzy")
    catalogue.delete(third.id, context=third.context)
    listed = " ".join(sync.catalogue_problems(english, catalogue, LANGUAGE, path))
    assert "not translated yet" in listed and "stale (fuzzy)" in listed and "have no entry" in listed


@pytest.mark.parametrize("english, french", [
    ("on Facebook it is 3.6 times as high (2,202 people against 611)",
     "sur Facebook, elle est 3,6 fois plus élevée (2\u00a0022 personnes contre 611)"),
    ("29 to 31 December", "du 29 au 30 décembre"),
    ("a rate of 0.0068", "un taux de 0.068"),
])
def test_a_figure_that_differs_is_caught(english, french):
    assert sync.figures(english, "en") != sync.figures(french, "fr")


def test_figures_code_and_placeholders_that_differ_are_caught():
    path = catalogue_path(STAGE, LANGUAGE)
    catalogue = catalogues.read(path)
    with_figure = next(m for m in catalogues.messages(catalogue) if sync.figures(m.id, "en"))
    with_code = next(m for m in catalogues.messages(catalogue) if sync.code_spans(m.id))
    with_placeholder = next(m for m in catalogues.messages(catalogue) if sync.placeholders(m.id))
    assert sync.figure_problems(catalogue, LANGUAGE, path) == []
    with_figure.string = with_figure.string + " (1\u00a0000)"
    with_code.string = with_code.string.replace("`", "'", 2)
    with_placeholder.string = with_placeholder.string.replace("{", "(").replace("}", ")")
    listed = " ".join(sync.figure_problems(catalogue, LANGUAGE, path))
    assert "figures differ" in listed and "`code` differs" in listed and "placeholders differ" in listed


def test_the_generator_writes_a_french_notebook_the_checks_accept(copy):
    notebooks, translations = copy
    target = notebook_path(stage_in(STAGE, LANGUAGE), notebooks)
    target.unlink()
    assert "is missing" in " ".join(sync.problems(STAGE, LANGUAGE, notebooks, translations))
    build(STAGE, LANGUAGE, notebooks, translations)
    assert target.read_text("utf-8") == expected(STAGE, LANGUAGE, notebooks, translations)
    assert sync.problems(STAGE, LANGUAGE, notebooks, translations) == []
