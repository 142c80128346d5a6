"""What people read after grading: the learner's feedback page, the instructor's report, the export.

A small class on the fixture assignment: one learner hands in full answers (and a chart of
their own), one the blank release, one wrong answers, one nothing; a second stage is released
and nobody hands it in. Screenshots of a feedback page and of the report, taken in Debian's
Chromium, are saved in _build/screenshots/ for a person to look at.
"""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell

import exercise_harness as harness
from course.grading import autograde, nbgrader_setup, release_and_collect, report
from course.grading.exercise_cells import NOT_ATTEMPTED, exercises
from course.grading.preprocessors import CHART_LEFT_OUT
from fixtures import fixture_assignment as fixture

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
UNUSED_STAGE = "fx-later"
LEARNERS = {"ana": "full", "ben": "blank", "cai": "wrong", "dee": "missing"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("readers")
    source, course = base / "source", base / "course"
    fixture.write(source)
    (source / UNUSED_STAGE).mkdir()
    nbformat.write(fixture.notebook(), source / UNUSED_STAGE / f"{UNUSED_STAGE}.ipynb")
    assert not release_and_collect.release(course, source, [fixture.STAGE, UNUSED_STAGE], exchange=False)
    release = course / "release" / fixture.STAGE / f"{fixture.STAGE}.ipynb"
    solutions = harness.solution_cells(fixture.notebook())
    for learner, kind in LEARNERS.items():
        if kind == "missing":
            continue
        nb = harness.answered(release, solutions, replace=fixture.WRONG if kind == "wrong" else None,
                              solved=kind != "blank")
        if kind == "full":
            nb.cells.append(new_code_cell("import plotly.express as px\npx.bar(x=['a', 'b'], y=[1, 2])"))
        folder = course / "submitted" / learner / fixture.STAGE
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{fixture.STAGE}.ipynb")
    with nbgrader_setup.gradebook(course) as gb:  # the class list, as an instructor enters it
        for learner in LEARNERS:
            gb.update_or_create_student(learner)
    assert autograde.grade(course, source, [fixture.STAGE, UNUSED_STAGE], jobs=2)["failed"] == []
    done = subprocess.run([sys.executable, "-m", "course.cli", "feedback", "--course-dir", str(course),
                           "--source", str(source), "--no-exchange"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return {"course": course, "source": source, "feedback": done}


def page(graded, learner: str) -> str:
    return (graded["course"] / "feedback" / learner / fixture.STAGE / f"{fixture.STAGE}.html").read_text()


def summary(graded, learner: str) -> str:
    text = page(graded, learner)
    return text[text.index('<section class="course-feedback-summary"'):text.index("</section>")]


def test_feedback_opens_with_each_exercise_its_points_and_what_to_look_at(graded):
    wrong = summary(graded, "cai")
    assert page(graded, "cai").index("course-feedback-summary") < page(graded, "cai").index("Test cell")
    for exercise in ("Exercise 1.1", "Exercise 1.2", "Exercise 1.3", "Exercise 1.4"):
        assert f"<td>{exercise}</td>" in wrong
    assert "<td>Exercise 1.1</td><td>0 / 2</td>" in wrong and "<td>Exercise 1.2</td><td>2 / 3</td>" in wrong
    assert "Part a: the visible checks pass, but a hidden check does not" in wrong
    assert "best_platform should be one of the platforms in `posts`." in wrong
    assert "? / 2" in wrong and "not marked yet" in wrong
    full = summary(graded, "ana")
    assert "5 of 7 points" not in full and "<td>Exercise 1.3</td><td>2 / 2</td><td>✔" in full


def test_feedback_shows_no_hidden_test_and_no_warning(graded):
    for learner in ("ana", "ben", "cai"):
        text = page(graded, learner)
        assert not [marker for marker in fixture.HIDDEN_MARKERS if marker in text]
    said = graded["feedback"].stdout + graded["feedback"].stderr
    assert "not able to be represented" not in said and "Warning" not in said, said
    assert CHART_LEFT_OUT.strip() in page(graded, "ana")


def test_report_leaves_out_stages_nobody_handed_in_and_counts_answers_to_mark(graded, tmp_path):
    text = report.write_report(graded["course"], tmp_path / "report.html").read_text(encoding="utf-8")
    assert UNUSED_STAGE not in text
    assert "4 learners; 1 stage handed in (fx-basics); 3 submissions, 0 of them late." in text
    stage_row = text[text.index(f"<tr><td>{fixture.STAGE}</td><td>3</td>"):]
    assert stage_row.split("</tr>")[0].count("<td>") == 5 and "<td>2: mark them" in stage_row
    assert "<td>dee</td>" in text and "<td>dee" in stage_row.split("</tr>")[0]
    assert "Exercise 1.2, part a" in text and "ex1_2_by_platform_test_a" not in text
    assert "2 written answers are not marked yet" in text


def test_export_writes_the_points_possible_beside_the_grades(graded, tmp_path):
    out = report.export_csv(graded["course"], tmp_path / "grades.csv")
    with open(out, newline="") as grades, open(report.points_possible_path(out), newline="") as possible:
        header = next(csv.reader(grades))
        rows = list(csv.reader(possible))
    assert header == ["learner", fixture.STAGE, "total", "late"] == rows[0]
    assert rows[1] == ["points possible", "9", "9", ""]


def test_course_check_says_an_empty_written_answer_is_not_answered_yet(graded):
    blank = nbformat.read(graded["course"] / "release" / fixture.STAGE / f"{fixture.STAGE}.ipynb", as_version=4)
    written = [e for e in exercises(blank) if e.written]
    assert [(e.name, e.status) for e in written] == [("Exercise 1.4", NOT_ATTEMPTED)]
    assert "not answered yet" in written[0].messages[0]


def test_screenshots_of_a_feedback_page_and_the_report(graded, browser, tmp_path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report_page = report.write_report(graded["course"], tmp_path / "report.html")
    feedback_page = graded["course"] / "feedback" / "cai" / fixture.STAGE / f"{fixture.STAGE}.html"
    tab = browser.new_page(viewport={"width": 1200, "height": 1400})
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    for name, path in (("feedback", feedback_page), ("report", report_page)):
        tab.goto(path.as_uri())
        tab.wait_for_load_state("load")
        tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000
    assert tab.locator("svg.main-svg").count() >= 2, "the report's charts draw offline"
    assert not [url for url in requests if url.startswith("http")], requests
    tab.close()
