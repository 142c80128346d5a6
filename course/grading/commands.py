"""The grading commands an instructor runs, and the learner's ``course check``.

Each command reads its options, calls the module of its concern and says what happened in
plain words. Those modules (and nbgrader) are imported only when their command runs, so
``course --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..paths import NOTEBOOKS, stage_names
from . import nbgrader_setup

__all__ = ["register", "add_course_options", "chosen_stages"]

#: ``course grade --restore`` with no value: the backup made before the last run.
LATEST = "latest"


def add_course_options(parser: argparse.ArgumentParser) -> None:
    """The options every instructor command shares: where the working folder and the sources are."""
    parser.add_argument("--course-dir", type=Path, default=None,
                        help=f"the working course folder (release/, submitted/, autograded/, feedback/, the "
                             f"gradebook); default $COURSE_DIR or {Path('~') / 'parliament-course'}")
    parser.add_argument("--source", type=Path, default=None,
                        help="the folder of source notebooks, one folder per stage (default: the course's notebooks/)")
    parser.add_argument("--db-url", default=None, metavar="URL",
                        help="the gradebook's database, such as postgresql://grader@/course?host=/run/postgresql "
                             "for several graders at once (default: $COURSE_DB_URL, the db_url of the folder's "
                             f"{nbgrader_setup.SETTINGS_FILE}, or SQLite: gradebook.db in the course folder)")


def chosen_stages(requested: list[str] | None, source: str | os.PathLike | None = None) -> list[str]:
    """The stages a command works on: those asked for (checked to exist, in any language), or all the English ones."""
    known = stage_names(source, language=None)
    unknown = [s for s in requested or [] if s not in known]
    if unknown:
        raise SystemExit(f"No such stage: {', '.join(unknown)}. The stages are: {', '.join(known) or 'none yet'}.")
    return list(requested) if requested else stage_names(source)


def _course_dir(args: argparse.Namespace) -> Path:
    if getattr(args, "db_url", None):
        os.environ["COURSE_DB_URL"] = args.db_url  # every part of the run (and its workers) reads it
    return Path(args.course_dir or nbgrader_setup.default_course_dir())


def _keeping_owner(command):
    """Run an instructor command; run as root on a folder someone else owns (the grader account of
    ``course hub``), hand what it wrote to that owner, so the formgrader can still write the folder."""
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        finally:
            folder = Path(args.course_dir or nbgrader_setup.default_course_dir())
            if hasattr(os, "geteuid") and os.geteuid() == 0 and folder.is_dir() and folder.stat().st_uid != 0:
                owner = folder.stat()
                for path in [folder, *folder.rglob("*")]:
                    if path.lstat().st_uid == 0:
                        os.lchown(path, owner.st_uid, owner.st_gid)
    run.__doc__ = command.__doc__
    return run


def _source(args: argparse.Namespace) -> Path:
    return Path(args.source or nbgrader_setup.settings(_course_dir(args)).get("source") or NOTEBOOKS)


def _release(args: argparse.Namespace) -> int:
    from .release_and_collect import release

    nbgrader_setup.quiet_nbgrader()
    course_dir, source = _course_dir(args), _source(args)
    stages = chosen_stages(args.stages, source)
    problems = release(course_dir, source, stages, args.due, not args.no_exchange)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"Released {len(stages) - len(problems)} of {len(stages)} stage(s): the learner versions are in "
          f"{course_dir / 'release'}" + ("" if args.no_exchange else " and in the exchange") + ".")
    return 1 if problems else 0


def _collect(args: argparse.Namespace) -> int:
    from .release_and_collect import collect

    nbgrader_setup.quiet_nbgrader()
    course_dir, source = _course_dir(args), _source(args)
    result = collect(course_dir, source, chosen_stages(args.stages, source))
    for learner, stage, why in result.refused + result.corrected:
        print(f"{learner} {stage}: {why}", file=sys.stderr)
    for stage, count in result.counts.items():
        print(f"{stage}: {count} submission(s) in {course_dir / 'submitted'}")
    return 1 if result.refused else 0


def _import(args: argparse.Namespace) -> int:
    from .release_and_collect import import_submissions

    nbgrader_setup.quiet_nbgrader()
    course_dir, source = _course_dir(args), _source(args)
    if not Path(args.path).exists():
        print(f"Nothing at {args.path}.", file=sys.stderr)
        return 2
    result = import_submissions(Path(args.path), course_dir, source, chosen_stages(None, source))
    for learner, stage, file in result.imported:
        print(f"  {learner:<24} {stage:<18} from {file}")
    print(f"Imported {len(result.imported)} notebook(s) into {course_dir / 'submitted'}.")
    if result.unmatched:
        print(f"\nCould not place {len(result.unmatched)} file(s); rename them as "
              f"<learner>/<stage>.ipynb and import again:", file=sys.stderr)
        for file, why in result.unmatched:
            print(f"  {file}: {why}", file=sys.stderr)
    return 1 if result.unmatched else 0


def _grade(args: argparse.Namespace) -> int:
    from .autograde import grade, restore_gradebook
    from .sandbox import missing_protections

    nbgrader_setup.quiet_nbgrader()
    course_dir = _course_dir(args)
    if args.restore:
        restored = restore_gradebook(course_dir, None if args.restore == LATEST else args.restore)
        print(f"Restored the gradebook of {restored.name} (from {restored}).")
        return 0
    source = _source(args)
    stages = chosen_stages(args.stages, source)
    for missing in missing_protections():
        print(missing, file=sys.stderr)
    started = time.perf_counter()
    result = grade(course_dir, source, stages, args.jobs, args.force,
                   {"cell_seconds": args.cell_timeout, "notebook_seconds": args.notebook_timeout})
    if result["skipped_all"]:
        print("Nothing new to grade: every submission is graded already (use --force to grade again).")
        return 0
    for learner, stage, log in result["failed"]:
        print(f"\nCould not grade {learner}/{stage}: {log.strip()[-2000:]}", file=sys.stderr)
    for stage, cells in sorted(result.get("in_kernel", {}).items()):
        print(f"Warning: the hidden tests of {stage} ({', '.join(cells)}) still compare in the learner's kernel, "
              f"where learner code can fake their verdict: convert them as notebooks/AUTHORING.md says.",
              file=sys.stderr)
    if result["tampering"]:
        print("\nLook at these submissions: their code replaces what the checks compare with (the hidden tests "
              "are judged outside the learner's kernel, so it gains no points there; the scores are recorded as "
              "graded, nothing was added or taken away):")
        for (learner, stage), found in sorted(result["tampering"].items()):
            print(f"  {learner} {stage}: {'; '.join(found)}")
    spent = result["seconds"]
    print(f"Where the time went: the workers spent {spent['execute']:.0f} s running notebooks in the sandbox, "
          f"{spent['prepare']:.0f} s preparing them and {spent['verdict']:.0f} s judging hidden tests; this process "
          f"{spent['recording']:.0f} s recording scores, {spent['checking']:.0f} s checking submissions, "
          f"{spent['model solutions']:.0f} s on the model solutions and {spent['sample data']:.0f} s making the "
          f"test data.")
    print(f"Graded {result['graded']} submission(s) in {time.perf_counter() - started:.0f} s"
          + (f"; {len(result['failed'])} could not be graded: " + ", ".join(f"{learner}/{stage}" for learner, stage, _
                                                                             in result["failed"]) + "."
             if result["failed"] else "."))
    return 1 if result["failed"] else 0


def _feedback(args: argparse.Namespace) -> int:
    from .feedback import generate

    nbgrader_setup.quiet_nbgrader()
    course_dir = _course_dir(args)
    source = _source(args)
    result = generate(course_dir, source, chosen_stages(args.stages, source), not args.no_exchange,
                      args.jobs)
    for learner, stage, log in result["failed"]:
        print(f"Could not write feedback for {learner}/{stage}:\n{log.strip()[-1500:]}", file=sys.stderr)
    print(f"Wrote {len(result['written'])} feedback page(s) in {Path(course_dir) / 'feedback'} "
          f"(one HTML file per learner and stage).")
    return 1 if result["failed"] else 0


def _export(args: argparse.Namespace) -> int:
    from .report import export_csv

    course_dir = _course_dir(args)
    out = export_csv(course_dir, Path(args.out) if args.out else course_dir / "grades.csv")
    print(f"Wrote the grades to {out}.")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .report import write_report

    course_dir = _course_dir(args)
    out = write_report(course_dir, Path(args.out) if args.out else course_dir / "report.html")
    print(f"Wrote the report to {out}: open it in a browser (it works offline).")
    return 0


def _check(args: argparse.Namespace) -> int:
    from ..checks import FAIL_MARK, PASS_MARK
    from .exercise_cells import FAILED, NOT_ATTEMPTED, PASSED, TO_BE_MARKED
    from .selfcheck import check_notebook

    path = Path(args.notebook)
    if not path.is_file():
        print(f"No notebook at {path}.", file=sys.stderr)
        return 2
    print(f"Running {path.name} from the top in a fresh kernel...", flush=True)
    found, stray = check_notebook(path)
    marks = {PASSED: PASS_MARK, FAILED: FAIL_MARK, NOT_ATTEMPTED: "…", TO_BE_MARKED: "✎"}
    for exercise in found:
        print(f"{marks[exercise.status]} {exercise.name}: {exercise.status}")
        for message in exercise.messages if exercise.status != PASSED else []:
            print(f"    {message}")
    for problem in stray:
        print(f"{FAIL_MARK} {problem}")
    counts = {s: sum(e.status == s for e in found) for s in (PASSED, FAILED, NOT_ATTEMPTED)}
    print(f"\n{counts[PASSED]} passed, {counts[FAILED]} failed, {counts[NOT_ATTEMPTED]} not attempted"
          + (f", {len(stray)} other error(s)" if stray else "") + ".")
    if not found:
        print("This notebook has no exercises to check.")
    return 1 if counts[FAILED] or stray else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "release", help="make the learner versions of the stages",
        description="Make the learner version of each stage (no solutions, no hidden tests, no instructor "
                    "notes) in the course folder's release/, record its exercises in the gradebook, and put "
                    "it in the nbgrader exchange so learners on a JupyterHub can fetch it.")
    p.add_argument("stages", nargs="*", metavar="STAGE", help="stages to release (default: all)")
    p.add_argument("--due", help="due date and time, such as '2026-05-04 17:00 UTC'; later submissions are marked late")
    p.add_argument("--no-exchange", action="store_true", help="only make the learner versions")
    add_course_options(p)
    p.set_defaults(func=_keeping_owner(_release))

    p = sub.add_parser(
        "collect", help="gather submissions from the exchange",
        description="Gather the notebooks learners submitted through the nbgrader exchange (on a JupyterHub) "
                    "into the course folder's submitted/<learner>/<stage>/, ready for `course grade`.")
    p.add_argument("stages", nargs="*", metavar="STAGE", help="stages to collect (default: all)")
    add_course_options(p)
    p.set_defaults(func=_keeping_owner(_collect))

    p = sub.add_parser(
        "import", help="gather submissions from a folder or a zip",
        description="Gather submitted notebooks from a folder or a zip (a download from a learning platform, "
                    "say) into the course folder's submitted/<learner>/<stage>/. The learner comes from the "
                    "folder or file name (alice/01-objectives.ipynb, alice_01-objectives.ipynb), the stage "
                    "from the name or the notebook's exercises. Files it cannot place are listed with the "
                    "reason, and the command then ends with an error status.")
    p.add_argument("path", metavar="PATH", help="a folder or a .zip file of notebooks")
    add_course_options(p)
    p.set_defaults(func=_keeping_owner(_import))

    p = sub.add_parser(
        "grade", help="autograde submissions in parallel",
        description="Autograde the submissions in the course folder's submitted/<learner>/<stage>/ with "
                    "nbgrader, several at a time (one per processor core by default), with a progress bar "
                    "and one line per learner. Run it again at any time: it grades only submissions that "
                    "are new or changed, and it never touches grades you gave by hand. Learners' code runs "
                    "in a sandbox; each run first backs the gradebook up (undo a run with --restore).")
    p.add_argument("stages", nargs="*", metavar="STAGE", help="stages to grade (default: all)")
    p.add_argument("--jobs", type=int, default=None,
                   help=f"how many submissions to grade at once (default: the number of cores, {os.cpu_count()})")
    p.add_argument("--force", action="store_true", help="grade every submission again, even unchanged ones")
    p.add_argument("--cell-timeout", type=int, default=120, metavar="SECONDS",
                   help="time one cell may run before it is stopped and marked as timed out (default 120)")
    p.add_argument("--notebook-timeout", type=int, default=900, metavar="SECONDS",
                   help="time a whole notebook may run; cells after it are not run (default 900)")
    p.add_argument("--restore", nargs="?", const=LATEST, metavar="BACKUP",
                   help="put back the gradebook as it was before the last run (or before the run of BACKUP, a "
                        "folder name in backups/) and stop; every run backs the gradebook up first")
    add_course_options(p)
    p.set_defaults(func=_keeping_owner(_grade))

    p = sub.add_parser(
        "feedback", help="write feedback pages for learners",
        description="Write a feedback page (HTML) for every graded submission: the learner's notebook with "
                    "their score per exercise and, for each check that failed, a friendly message saying "
                    "what to look at. The hidden tests and expected values are never shown. The pages go "
                    "to the course folder's feedback/<learner>/<stage>/ and, on a JupyterHub, to the "
                    "exchange, where learners fetch them.")
    p.add_argument("stages", nargs="*", metavar="STAGE", help="stages to write feedback for (default: all)")
    p.add_argument("--no-exchange", action="store_true", help="only write the pages; do not release them")
    p.add_argument("--jobs", type=int, default=None,
                   help=f"how many pages to write at once (default: the number of cores, {os.cpu_count()})")
    add_course_options(p)
    p.set_defaults(func=_keeping_owner(_feedback))

    p = sub.add_parser(
        "export", help="export the grades as CSV",
        description="Write the grades as a CSV file: one row per learner, one column per stage (points, "
                    "empty when not submitted), then the total and the stages submitted late. Grades given "
                    "by hand in the formgrader are included.")
    p.add_argument("--out", help="the CSV file to write (default: grades.csv in the course folder)")
    add_course_options(p)
    p.set_defaults(func=_keeping_owner(_export))

    p = sub.add_parser(
        "report", help="write the instructor's report",
        description="Write the instructor's report, one HTML page that works offline: the score distribution "
                    "of each stage, how many learners got each exercise and the most common failing check, "
                    "and the learners who are behind.")
    p.add_argument("--out", help="the HTML file to write (default: report.html in the course folder)")
    add_course_options(p)
    p.set_defaults(func=_keeping_owner(_report))

    p = sub.add_parser(
        "check", help="check your own notebook's exercises",
        description="Run your notebook from the top in a fresh Python session, as the grader will, and list "
                    "every exercise as passed, failed or not attempted, with a hint of what to look at. "
                    "It never shows the hidden tests. It ends with an error status if any exercise fails.")
    p.add_argument("notebook", metavar="NOTEBOOK", help="the notebook to check, such as 01-objectives.ipynb")
    p.set_defaults(func=_check)
