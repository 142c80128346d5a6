"""The whole course is there: nine stages, 00 to 08, in the book's table of contents and in `course release`,
each with at least 4 autograded exercises and a written answer.

This test fails until every stage has landed (stages 04-07 are written in parallel): it checks the course
as published, not one stage.
"""
from __future__ import annotations

import nbformat
import pytest

import exercise_harness as harness
from course import cli
from course.book import build
from course.paths import stage_names

STAGE_NUMBERS = [f"{n:02d}" for n in range(9)]

#: The width of the book's code column: no code line of a stage notebook is longer.
CODE_COLUMN = 79


def _autograded_exercises(nb) -> set[str]:
    """The solution cells (code) that at least one autograded test cell checks."""
    solutions = {g: c for g, c in harness.solution_cells(nb).items() if c.cell_type == "code"}
    return {harness.exercise_of(test_id, solutions) for test_id in harness.test_cells(nb)}


@pytest.fixture(scope="module")
def stages():
    return stage_names()


def test_there_are_nine_stages_numbered_00_to_08(stages):
    assert [name[:2] for name in stages] == STAGE_NUMBERS, stages


@pytest.mark.parametrize("edition", ["learner", "instructor"])
def test_every_stage_is_in_the_table_of_contents(stages, edition, tmp_path):
    toc = build.table_of_contents(edition, stages, tmp_path)
    files = [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
    listed = [f.split("/")[1] for f in files if f.startswith("notebooks/")]
    assert listed == stages and [name[:2] for name in listed] == STAGE_NUMBERS, listed


def test_every_stage_has_four_autograded_exercises_and_a_written_one(stages):
    for name in stages:
        source = harness.source_notebook(name)
        assert len(_autograded_exercises(source)) >= 4, f"{name}: at least 4 autograded exercises"
        assert harness.manual_cells(source), f"{name}: a manually graded written answer"


def test_course_release_releases_all_nine_stages_with_their_exercises(stages, tmp_path, capsys):
    course_dir = tmp_path / "course"
    assert cli.main(["release", "--course-dir", str(course_dir), "--no-exchange"]) == 0
    assert f"Released {len(stages)} of {len(stages)} stage(s)" in capsys.readouterr().out
    released = sorted(p.name for p in (course_dir / "release").iterdir() if p.is_dir())
    assert released == stages and [name[:2] for name in released] == STAGE_NUMBERS, released
    for name in stages:
        release = nbformat.read(course_dir / "release" / name / f"{name}.ipynb", as_version=4)
        assert len(_autograded_exercises(release)) >= 4, f"{name}: the release keeps 4 autograded exercises"
        assert harness.manual_cells(release), f"{name}: the release keeps the written answer"
        text = "\n".join(cell.source for cell in release.cells)
        assert "### BEGIN SOLUTION" not in text and "### BEGIN HIDDEN TESTS" not in text, name


@pytest.mark.parametrize("stage", stage_names())
def test_every_code_line_fits_the_book_code_column(stage):
    """Every line of every code cell (teaching code, solutions, test cells and their hidden tests)."""
    too_long = []
    for number, cell in enumerate(harness.source_notebook(stage).cells):
        if cell.cell_type != "code":
            continue
        name = harness.nbgrader_meta(cell).get("grade_id") or cell.get("id")
        for line_number, line in enumerate(cell.source.splitlines(), start=1):
            if len(line) > CODE_COLUMN:
                too_long.append(f"  {stage}.ipynb, cell {number} ({name}), line {line_number}: "
                                f"{len(line)} characters: {line.strip()[:60]}")
    assert not too_long, (f"{len(too_long)} code line(s) longer than {CODE_COLUMN} characters:\n"
                          + "\n".join(too_long))
