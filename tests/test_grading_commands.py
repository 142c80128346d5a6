"""The grading commands' parts that need no class: help texts, matching imported files, reading
a test cell's outcome, and the learner's self-check on the small fixture assignment."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_output

import exercise_harness as harness
from course import cli
from course.grading import commands, exercise_cells, nbgrader_setup, release_and_collect
from fixtures import fixture_assignment as fixture

COMMANDS = ["release", "collect", "import", "grade", "feedback", "export", "report", "check"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    assert len(text.split("options:")[0]) > 250, f"`course {command} --help` says too little"
    if command != "check":
        assert "--course-dir" in text


def test_grade_takes_stages_and_jobs():
    args = cli.build_parser().parse_args(["grade", "fx-basics", "--jobs", "3", "--course-dir", "/tmp/c"])
    assert (args.stages, args.jobs, str(args.course_dir)) == (["fx-basics"], 3, "/tmp/c")


def test_an_unknown_stage_is_refused_with_the_list(tmp_path):
    fixture.write(tmp_path)
    with pytest.raises(SystemExit, match="No such stage: 99-nothing. The stages are: fx-basics"):
        commands.chosen_stages(["99-nothing"], tmp_path)


def _test_cell(outputs, source='check = Check("Exercise 2.1")\ncheck.done()\n### BEGIN HIDDEN TESTS\nassert x == 42\n'
                                 '### END HIDDEN TESTS'):
    cell = new_code_cell(source, metadata={"nbgrader": {"grade": True, "solution": False, "grade_id": "ex2_1_x_test"}})
    cell.outputs = outputs
    return cell


def _error(ename, evalue):
    return new_output("error", ename=ename, evalue=evalue, traceback=["hidden line: assert x == 42"])


@pytest.mark.parametrize("outputs, status, says", [
    ([new_output("stream", name="stdout", text="✔ Exercise 2.1: the visible checks pass.\n")], "passed", "passed"),
    ([_error("NotAttempted", "Exercise 2.1 is not answered yet: give `x` a value.")], "not attempted", "give `x`"),
    ([_error("NotImplementedError", "")], "not attempted", "raise NotImplementedError()"),
    ([_error("CheckFailed", "Exercise 2.1: the rate should be between 0 and 1, but it is 3.")], "failed", "but it is 3"),
    ([new_output("stream", name="stdout", text="✔ Exercise 2.1: the visible checks pass.\n"),
      _error("AssertionError", "expected 42, got 41")], "failed", "a hidden check does not"),
])
def test_a_test_cells_outcome_never_quotes_a_hidden_test(outputs, status, says):
    got_status, message = exercise_cells.outcome(_test_cell(outputs))
    assert got_status == status and says in message
    assert "42" not in message and "assert" not in message


def test_feedback_source_keeps_the_visible_checks_only():
    shown = exercise_cells.without_hidden_tests(_test_cell([]).source)
    assert 'Check("Exercise 2.1")' in shown and "assert x == 42" not in shown


def _release(tmp_path):
    source = fixture.write(tmp_path / "source")
    api = nbgrader_setup.api(tmp_path / "course", source)
    assert api.generate_assignment(fixture.STAGE)["success"]
    return source, tmp_path / "course" / "release" / fixture.STAGE / f"{fixture.STAGE}.ipynb"


def test_import_finds_learner_and_stage_and_lists_what_it_cannot_place(tmp_path):
    source, release = _release(tmp_path)
    notebook = release.read_text()
    upload = tmp_path / "upload.zip"
    with zipfile.ZipFile(upload, "w") as archive:
        archive.writestr("Ana Lopez_fx-basics.ipynb", notebook)
        archive.writestr("ben/fx-basics/fx-basics.ipynb", notebook)
        archive.writestr("carl/renamed copy (2).ipynb", notebook)  # the stage found from its exercises
        archive.writestr("fx-basics.ipynb", notebook)
        archive.writestr("dora/shopping list.ipynb", nbformat.writes(nbformat.v4.new_notebook()))
        archive.writestr("__MACOSX/ben/._fx-basics.ipynb", "")
    result = release_and_collect.import_submissions(upload, tmp_path / "course", source, [fixture.STAGE])
    assert sorted((learner, stage) for learner, stage, _ in result.imported) == [
        ("ana-lopez", "fx-basics"), ("ben", "fx-basics"), ("carl", "fx-basics")]
    assert dict(result.unmatched) == {"fx-basics.ipynb": "there is no learner's name in its path",
                                      "dora/shopping list.ipynb": "its name and its exercises match no stage"}
    assert (tmp_path / "course" / "submitted" / "ana-lopez" / "fx-basics" / "timestamp.txt").is_file()


def test_self_check_lists_each_exercise_and_fails_on_a_wrong_answer(tmp_path, capsys):
    _, release = _release(tmp_path)
    nb = nbformat.read(release, as_version=4)
    solutions = harness.solution_cells(fixture.notebook())
    answers = {"ex1_1_total": harness.SOLUTION_REGION.sub("", solutions["ex1_1_total"].source),
               "ex1_3_best": fixture.WRONG["ex1_3_best"]}
    for cell in nb.cells:
        grade_id = harness.nbgrader_meta(cell).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    mine = tmp_path / "mine.ipynb"
    nbformat.write(nb, mine)
    assert cli.main(["check", str(mine)]) == 1
    out = capsys.readouterr().out
    assert "✔ Exercise 1.1: passed" in out
    assert "… Exercise 1.2: not attempted" in out
    assert "✘ Exercise 1.3: failed" in out and "best_platform should be one of the platforms" in out
    assert "… Exercise 1.4: not attempted" in out and "Exercise 1.4 is not answered yet" in out
    assert "1 passed, 1 failed, 2 not attempted" in out
    assert not any(marker in out for marker in fixture.HIDDEN_MARKERS)


def test_self_check_says_a_written_answer_is_to_be_marked_once_written(tmp_path, capsys):
    _, release = _release(tmp_path)
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        if harness.nbgrader_meta(cell).get("grade_id") == "ex1_4_advice":
            cell.source = "Post more on Instagram, where our posts get the most likes."
    mine = tmp_path / "mine.ipynb"
    nbformat.write(nb, mine)
    cli.main(["check", str(mine)])
    assert "✎ Exercise 1.4: to be marked" in capsys.readouterr().out


def test_self_check_passes_a_notebook_with_no_failure(tmp_path, capsys):
    _, release = _release(tmp_path)
    assert cli.main(["check", str(release)]) == 0
    assert "0 passed, 0 failed, 4 not attempted" in capsys.readouterr().out


def test_release_to_the_exchange_then_collect_what_a_learner_submitted(tmp_path):
    source = fixture.write(tmp_path / "source")
    course = tmp_path / "course"
    assert release_and_collect.release(course, source, [fixture.STAGE]) == []
    released = course / "exchange" / nbgrader_setup.COURSE_ID / "outbound" / fixture.STAGE / f"{fixture.STAGE}.ipynb"
    assert released.is_file()
    home = tmp_path / "home" / nbgrader_setup.COURSE_ID
    shutil.copytree(released.parent, home / fixture.STAGE)
    subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "submit", fixture.STAGE, "--course", nbgrader_setup.COURSE_ID,
                    f"--Exchange.root={course / 'exchange'}", "--Exchange.path_includes_course=True"],
                   cwd=home.parent, check=True, capture_output=True)
    assert release_and_collect.collect(course, source, [fixture.STAGE]).counts == {fixture.STAGE: 1}
    assert len(list((course / "submitted").glob(f"*/{fixture.STAGE}/timestamp.txt"))) == 1
