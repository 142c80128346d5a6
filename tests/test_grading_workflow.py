"""The instructor's grading workflow end to end, on a simulated class of 30 learners.

Every stage that exists (plus the small fixture assignment) is released, each learner's
notebooks arrive as a zip from a learning platform, and the class is graded once, in
parallel, for all the assertions of this module: exact totals, the CSV, feedback that reveals
no hidden test, the report, and a re-run that grades only what changed and keeps a manual grade.
To stay quick, the whole class hands in the small fixture stage, and each real stage gets one
learner of each kind (correct, blank, partly right, wrong, hard-coded, late, missing).
"""
from __future__ import annotations

import csv
import html
from pathlib import Path

import nbformat
import pytest

import exercise_harness as harness
from course.grading import autograde, feedback, nbgrader_setup, release_and_collect, report
from fixtures import fixture_assignment as fixture
from fixtures import simulated_class as simulated

LEARNERS = simulated.learners(30)
kind_of = simulated.kind_of


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A released, imported and graded class, with what each learner should have scored."""
    base = tmp_path_factory.mktemp("grading")
    source, course = base / "source", base / "course"
    stages = simulated.write_source(source)
    simulated.pin_hidden_seeds(course)
    assert not release_and_collect.release(course, source, stages, due=simulated.DUE)
    upload, expected, late = simulated.platform_zip(course, stages, LEARNERS, base / "from-the-platform.zip",
                                                    few_on_real_stages=True)
    imported = release_and_collect.import_submissions(upload, course, source, stages)
    first_grading = autograde.grade(course, source, stages, jobs=2)
    return {"source": source, "course": course, "stages": stages, "expected": expected, "late": late,
            "imported": imported, "first": first_grading}


def read_csv(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="") as f:
        return {row["learner"]: row for row in csv.DictReader(f)}


def test_the_class_has_every_kind_of_learner_on_every_stage(graded):
    stages = graded["stages"]
    assert len(stages) > 1 and fixture.STAGE in stages
    for s, stage in enumerate(stages):
        handed_in = {kind_of(i, s) for i, learner in enumerate(LEARNERS)
                     if graded["expected"][learner][stage] is not None}
        assert handed_in == set(simulated.KINDS) - {"missing"}, stage
    assert all(graded["expected"][learner][fixture.STAGE] is not None
               for i, learner in enumerate(LEARNERS) if kind_of(i, stages.index(fixture.STAGE)) != "missing")


def test_import_places_every_notebook_and_reports_the_rest(graded):
    submitted = sum(score is not None for scores in graded["expected"].values() for score in scores.values())
    assert len(graded["imported"].imported) == submitted
    placed = {(learner, stage) for learner, stage, _ in graded["imported"].imported}
    assert placed == {(l, s) for l, scores in graded["expected"].items() for s, v in scores.items() if v is not None}
    unmatched = dict(graded["imported"].unmatched)
    assert set(unmatched) == {"README.ipynb", f"{graded['stages'][0]}.ipynb"}
    assert "no stage" in unmatched["README.ipynb"] and "learner" in unmatched[f"{graded['stages'][0]}.ipynb"]


def test_every_submission_is_graded_in_one_parallel_run(graded):
    assert graded["first"]["failed"] == []
    assert graded["first"]["graded"] == len(graded["imported"].imported)


def test_csv_has_each_learners_exact_score_per_stage_and_total(graded, tmp_path):
    rows = read_csv(report.export_csv(graded["course"], tmp_path / "grades.csv"))
    assert list(next(iter(rows.values()))) == ["learner", *graded["stages"], "total", "late"]
    assert set(rows) == set(LEARNERS)
    for learner, scores in graded["expected"].items():
        for stage, score in scores.items():
            got = rows[learner][stage]
            assert (got == "" if score is None else float(got) == pytest.approx(score)), (learner, stage, got, score)
        assert float(rows[learner]["total"]) == pytest.approx(sum(v or 0 for v in scores.values()))
        assert rows[learner]["late"].split() == graded["late"][learner]


def test_feedback_reveals_no_hidden_test_nor_expected_value(graded):
    result = feedback.generate(graded["course"], graded["source"], graded["stages"])
    assert result["failed"] == []
    assert len(result["written"]) == len(graded["imported"].imported)
    for stage in graded["stages"]:
        secrets = simulated.hidden_lines(stage) + (list(fixture.HIDDEN_MARKERS) if stage == fixture.STAGE else [])
        assert secrets, f"{stage} has hidden tests to keep secret"
        for page in (graded["course"] / "feedback").glob(f"*/{stage}/{stage}.html"):
            text = page.read_text(encoding="utf-8")
            leaks = [s for s in secrets if s in text or html.escape(s) in text or html.escape(s, quote=False) in text]
            assert not leaks, f"{page} shows hidden tests: {leaks[:3]}"
    wrong = next(l for i, l in enumerate(LEARNERS)
                 if kind_of(i, graded["stages"].index(fixture.STAGE)) == "wrong")
    page = (graded["course"] / "feedback" / wrong / fixture.STAGE / f"{fixture.STAGE}.html").read_text()
    assert "best_platform should be one of the platforms in" in page
    assert "a hidden check does not" in page


def test_report_is_one_offline_page_with_the_charts_and_who_is_behind(graded, tmp_path):
    page = report.write_report(graded["course"], tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("plotly-graph-div") >= 2
    assert '<script src="http' not in page and "cdn.plot.ly/plotly" not in page.split("<body>")[0]
    exercises = report.exercise_table(graded["course"])
    fixture_rows = exercises[exercises["stage"] == fixture.STAGE].set_index("test")
    assert set(fixture_rows.index) == set(fixture.AUTOGRADED)
    assert "best_platform should be one of the platforms" in fixture_rows.loc["ex1_3_best_test", "most_common_failure"]
    behind = [l for l, scores in graded["expected"].items() if None in scores.values()]
    assert all(f"<td>{learner}</td>" in page for learner in behind)


def test_regrading_grades_only_what_changed_and_keeps_a_manual_grade(graded, tmp_path):
    course, source, stages = graded["course"], graded["source"], graded["stages"]
    learner = next(l for i, l in enumerate(LEARNERS) if kind_of(i, stages.index(fixture.STAGE)) == "correct")
    with nbgrader_setup.gradebook(course) as gb:
        grade = gb.find_grade("ex1_4_advice", fixture.STAGE, fixture.STAGE, learner)
        grade.manual_score = 1.5
        gb.db.commit()
    assert autograde.grade(course, source, stages, jobs=2)["graded"] == 0

    notebook = course / "submitted" / learner / fixture.STAGE / f"{fixture.STAGE}.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if harness.nbgrader_meta(cell).get("grade_id") == "ex1_3_best":
            cell.source = fixture.WRONG["ex1_3_best"]
    nbformat.write(nb, notebook)
    again = autograde.grade(course, source, stages, jobs=2)
    assert again["graded"] == 1 and again["failed"] == []
    rows = read_csv(report.export_csv(course, tmp_path / "grades.csv"))
    full = sum(fixture.AUTOGRADED.values())
    assert float(rows[learner][fixture.STAGE]) == full - fixture.AUTOGRADED["ex1_3_best_test"] + 1.5
