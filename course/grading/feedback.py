"""``course feedback``: feedback pages for learners that reveal no hidden test.

nbgrader's own feedback shows each test cell's full source and traceback, hidden tests and
expected values included. Here nbgrader's ``generate_feedback`` runs with one more
preprocessor, ``course.grading.preprocessors.FriendlyFeedback``, first: each test cell keeps its visible
checks and shows the friendly message of what failed, and nothing else.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import nbgrader_setup

__all__ = ["generate"]


def _api(course_dir: Path, source: Path):
    from nbgrader.converters import GenerateFeedback
    from traitlets.config import Config

    from .preprocessors import FriendlyFeedback

    config = Config()
    config.GenerateFeedback.preprocessors = [
        FriendlyFeedback, *GenerateFeedback.class_traits()["preprocessors"].default()]
    return nbgrader_setup.api(course_dir, source, config)


_worker_api = None  # each feedback worker process builds nbgrader's API once


def _start_worker(course_dir: Path, source: Path) -> None:
    global _worker_api
    nbgrader_setup.quiet_nbgrader()
    _worker_api = _api(course_dir, source)


def _grades(course_dir: Path, stage: str, learner: str) -> tuple[dict, dict]:
    """grade_id -> (score, or None for a written answer not marked yet; points), and grade_id -> comment."""
    grades, comments = {}, {}
    with nbgrader_setup.gradebook(course_dir) as gb:
        notebook = gb.find_submission_notebook(stage, stage, learner)
        for grade in notebook.grades:
            written = grade.cell.cell_type == "markdown" or grade.auto_score is None
            grades[grade.name] = (grade.manual_score if written else grade.score, grade.max_score)
        for comment in notebook.comments:
            if comment.manual_comment:
                comments[comment.name] = comment.manual_comment
    return grades, comments


def _add_summary(course_dir: Path, stage: str, learner: str) -> None:
    import nbformat

    from .feedback_summary import exercise_results, insert_summary, summary_html

    graded = nbformat.read(course_dir / "autograded" / learner / stage / f"{stage}.ipynb", as_version=4)
    page = course_dir / "feedback" / learner / stage / f"{stage}.html"
    summary = summary_html(stage, exercise_results(graded, *_grades(course_dir, stage, learner)))
    page.write_text(insert_summary(page.read_text(encoding="utf-8"), summary), encoding="utf-8")


def _one(stage: str, learner: str, release: bool) -> tuple[str, str, str | None]:
    """Write (and release) one learner's feedback for one stage; return the error, if any."""
    result = _worker_api.generate_feedback(stage, learner)
    if not result["success"]:
        return learner, stage, result.get("error") or result.get("log") or "nbgrader gave no reason"
    _add_summary(Path(_worker_api.coursedir.root), stage, learner)
    if release:
        # Learners on a JupyterHub fetch it with `nbgrader fetch_feedback`; without an exchange it is skipped.
        _worker_api.release_feedback(stage, learner)
    return learner, stage, None


def generate(course_dir: Path, source: Path, stages: list[str], release: bool = True,
             jobs: int | None = None) -> dict:
    """Write feedback/<learner>/<stage>/ for every graded submission of ``stages``; return what happened.

    Feedback only reads the gradebook, so several pages are written at once, one per core.
    """
    course_dir, source = Path(course_dir), Path(source)
    todo = [(stage, p.parent.name) for stage in stages
            for p in sorted((course_dir / "autograded").glob(f"*/{stage}"))]
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=jobs or os.cpu_count() or 1, mp_context=context,
                             initializer=_start_worker, initargs=(course_dir, source)) as pool:
        done = list(pool.map(_one, *zip(*todo), [release] * len(todo))) if todo else []
    return {"written": [(learner, stage) for learner, stage, error in done if error is None],
            "failed": [(learner, stage, error) for learner, stage, error in done if error is not None]}
