"""``course feedback``: feedback pages for learners that reveal no hidden test.

nbgrader's own feedback shows each test cell's full source and traceback, hidden tests and
expected values included. Here nbgrader's ``generate_feedback`` runs with one more
preprocessor, ``course.grading_ext.FriendlyFeedback``, first: each test cell keeps its visible
checks and shows the friendly message of what failed, and nothing else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import grading

__all__ = ["generate"]


def _api(course_dir: Path, source: Path):
    from nbgrader.converters import GenerateFeedback
    from traitlets.config import Config

    from .grading_ext import FriendlyFeedback

    config = Config()
    config.GenerateFeedback.preprocessors = [
        FriendlyFeedback, *GenerateFeedback.class_traits()["preprocessors"].default()]
    return grading.api(course_dir, source, config)


def generate(course_dir: Path, source: Path, stages: list[str], release: bool = True) -> dict:
    """Write feedback/<learner>/<stage>/ for every graded submission of ``stages``; return what happened."""
    api = _api(Path(course_dir), Path(source))
    written, failed = [], []
    for stage in stages:
        learners = sorted(p.parent.name for p in (Path(course_dir) / "autograded").glob(f"*/{stage}"))
        for learner in learners:
            result = api.generate_feedback(stage, learner)
            if not result["success"]:
                failed.append((learner, stage, result.get("error") or result.get("log") or ""))
                continue
            written.append((learner, stage))
            if release:
                # Learners on a JupyterHub fetch it with `nbgrader fetch_feedback`; without an exchange it is skipped.
                api.release_feedback(stage, learner)
    return {"written": written, "failed": failed}


def _feedback(args: argparse.Namespace) -> int:
    grading.quiet_nbgrader()
    course_dir = args.course_dir or grading.default_course_dir()
    source = args.source or grading.SOURCE
    result = generate(course_dir, source, grading.chosen_stages(args.stages, source), not args.no_exchange)
    for learner, stage, log in result["failed"]:
        print(f"Could not write feedback for {learner}/{stage}:\n{log.strip()[-1500:]}", file=sys.stderr)
    print(f"Wrote {len(result['written'])} feedback page(s) in {Path(course_dir) / 'feedback'} "
          f"(one HTML file per learner and stage).")
    return 1 if result["failed"] else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "feedback", help="write feedback pages for learners",
        description="Write a feedback page (HTML) for every graded submission: the learner's notebook with "
                    "their score per exercise and, for each check that failed, a friendly message saying "
                    "what to look at. The hidden tests and expected values are never shown. The pages go "
                    "to the course folder's feedback/<learner>/<stage>/ and, on a JupyterHub, to the "
                    "exchange, where learners fetch them.")
    p.add_argument("stages", nargs="*", metavar="STAGE", help="stages to write feedback for (default: all)")
    p.add_argument("--no-exchange", action="store_true", help="only write the pages; do not release them")
    grading.add_course_options(p)
    p.set_defaults(func=_feedback)
