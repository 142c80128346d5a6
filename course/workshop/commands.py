"""``course lab``, ``course progress`` and ``course hub``: where learners work."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register", "HUB_ROOT"]

#: The default folder of a workshop room (``course hub --root``).
HUB_ROOT = Path("/srv/parliament-hub")


def _lab(args: argparse.Namespace) -> int:
    from .lab import start_lab

    return start_lab(args.port, open_browser=not args.no_browser, instructor=args.instructor,
                     folder=args.folder, course_dir=args.course_dir)


def _progress(args: argparse.Namespace) -> int:
    import time

    from ..checks import FAIL_MARK, PASS_MARK
    from ..grading.exercise_cells import FAILED, NOT_ATTEMPTED, PASSED
    from .learner_copy import default_learner_dir
    from .progress import progress, summary

    folder = Path(args.folder or default_learner_dir()).expanduser()
    if not folder.is_dir():
        print(f"No folder at {folder}: start `course lab` to make it, or name your folder: "
              f"course progress FOLDER.", file=sys.stderr)
        return 2
    print(f"Checking every stage in {folder}, as `course check` does...", flush=True)
    started = time.monotonic()
    stages = progress(folder, jobs=args.jobs)
    marks = {PASSED: PASS_MARK, FAILED: FAIL_MARK, NOT_ATTEMPTED: "…"}
    for stage in stages:
        if stage.state != "checked":
            print(f"{stage.stage}: {stage.message}.")
            continue
        print(f"{stage.stage}: {summary(stage.exercises)}.")
        for exercise in stage.exercises:
            if exercise.written:
                said = "not written yet" if exercise.status == NOT_ATTEMPTED else "written, marked by your instructor"
                print(f"    {'…' if exercise.status == NOT_ATTEMPTED else '✎'} {exercise.name}: {said}")
            else:
                print(f"    {marks[exercise.status]} {exercise.name}: {exercise.status}")
        for problem in stage.stray:
            print(f"    {FAIL_MARK} {problem}")
    print(f"\nChecked in {time.monotonic() - started:.0f} s. For what to look at in a stage, run "
          f"`course check` on its notebook.")
    return 0


def _hub_start(args: argparse.Namespace) -> int:
    from .hub import HubError, read_people, start

    try:
        learners = read_people(args.learners)
        instructors = read_people(args.instructors) if args.instructors else []
        state = start(learners, instructors, args.root, args.port, args.home_base,
                      args.mem_limit or None, args.cpu_limit or None, args.db_url)
    except HubError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"The room's hub runs at {state['url']} ({len(learners)} learner(s), {len(instructors)} instructor(s); "
          f"started in {state['seconds_to_start']:.1f} s).")
    print(f"Passwords of the accounts just created: {Path(args.root) / 'hub' / 'passwords.json'} (root only).")
    print(f"The formgrader (instructors only): {state['url']}services/{state['course_id']}/formgrader, in a tab "
          f"of its own.")
    print(f"Grade with the usual commands on the room's course folder, as root: "
          f"course release --course-dir {state['course_dir']}, then collect, grade, feedback.")
    if state.get("limits_unavailable"):
        print(f"Memory and CPU limits are NOT enforced: {state['limits_unavailable']}.", file=sys.stderr)
    print(f"Stop it with: course hub stop --root {args.root}")
    return 0


def _hub_stop(args: argparse.Namespace) -> int:
    from .hub import HubError, stop

    try:
        result = stop(args.root, remove_users=args.remove_users)
    except HubError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Stopped {result['stopped']} process(es)."
          + (f" Still running: {', '.join(map(str, result['left']))}." if result["left"] else ""))
    if result["removed_users"]:
        print(f"Removed the accounts {', '.join(result['removed_users'])}.")
    print(f"The learners' work is kept: their homes in {result['homes']}, the course folder {result['course_dir']}.")
    return 1 if result["left"] else 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lab", help="start JupyterLab on the course",
                       description="Start JupyterLab on this machine (127.0.0.1 only) and print its address with "
                                   "its token. A learner's JupyterLab opens the learner's own folder, filled with "
                                   "the released notebooks (never the sources with solutions); work already there "
                                   "is never overwritten, a newer release goes beside it. Stop it with Ctrl+C.")
    p.add_argument("--port", type=int, default=8888, help="port to listen on (default 8888)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    p.add_argument("--folder", type=Path, default=None,
                   help="the learner's folder (default $COURSE_LEARNER_DIR or ~/parliament-course-notebooks)")
    p.add_argument("--instructor", action="store_true",
                   help="the instructor's JupyterLab: the working course folder, with nbgrader's formgrader "
                        "and create-assignment panels")
    p.add_argument("--course-dir", type=Path, default=None,
                   help="the working course folder (default $COURSE_DIR or ~/parliament-course); a learner's "
                        "assignment list uses its exchange when there is one")
    p.set_defaults(func=_lab)

    p = sub.add_parser("progress", help="your progress: every stage's exercises, checked",
                       description="Check every stage's notebook in your folder as `course check` does and list, "
                                   "stage by stage, the exercises passed, failed and not attempted, and the written "
                                   "answers not yet written. Notebooks you have not changed are not run again.")
    p.add_argument("folder", nargs="?", type=Path, default=None, metavar="FOLDER",
                   help="your folder of notebooks (default: the one `course lab` opens, $COURSE_LEARNER_DIR "
                        "or ~/parliament-course-notebooks)")
    p.add_argument("--jobs", type=int, default=None,
                   help="how many notebooks to run at once (default: the number of cores)")
    p.set_defaults(func=_progress)

    hub = sub.add_parser("hub", help="a JupyterHub for a workshop room (one unix user per learner)",
                         description="Run a JupyterHub for one workshop room on 127.0.0.1, with nbgrader's "
                                     "exchange and formgrader. Needs root.")
    actions = hub.add_subparsers(dest="action", metavar="ACTION", required=True, help="start or stop")
    p = actions.add_parser("start", help="create the room's users and start the hub in the background",
                           description="Create a unix user for each learner and instructor (and the grader "
                                       "account), set up nbgrader's exchange and the room's course folder, and "
                                       "start JupyterHub in the background, with a memory and CPU limit per "
                                       "learner's server. Learners get the assignment list and validate panels; "
                                       "instructors also get the formgrader, as a service of the hub.")
    p.add_argument("--learners", required=True, metavar="FILE.csv",
                   help="the learners: a CSV file with a 'username' column, and 'name' (or 'first_name' and "
                        "'last_name') and 'email' if you have them")
    p.add_argument("--instructors", metavar="FILE.csv|NAMES",
                   help="the instructors: a CSV file like --learners, or user names separated by commas")
    p.add_argument("--root", type=Path, default=HUB_ROOT,
                   help=f"the room's folder: hub state, course folder, exchange (default {HUB_ROOT})")
    p.add_argument("--port", type=int, default=8000, help="the hub's port on 127.0.0.1 (default 8000)")
    p.add_argument("--home-base", type=Path, default=Path("/home"),
                   help="where new users' homes are made (default /home)")
    p.add_argument("--mem-limit", default="2G", help="memory of each learner's server, kernels included "
                                                     "(default 2G; 0 for none)")
    p.add_argument("--cpu-limit", type=float, default=1.0,
                   help="processor cores of each learner's server (default 1; 0 for none)")
    p.add_argument("--db-url", default=None, metavar="URL",
                   help="a PostgreSQL gradebook for several graders at once (default: SQLite in the course folder)")
    p.set_defaults(func=_hub_start)
    p = actions.add_parser("stop", help="stop the hub and every process it started; keep the users' work",
                           description="Stop the hub, the proxy, the formgrader, every learner's server and "
                                       "kernel, and anything the room's users left running, also after a "
                                       "`start` that was interrupted. Homes and the course folder are kept.")
    p.add_argument("--root", type=Path, default=HUB_ROOT, help=f"the room's folder (default {HUB_ROOT})")
    p.add_argument("--remove-users", action="store_true",
                   help="also delete the unix accounts and groups `start` created (their homes are kept)")
    p.set_defaults(func=_hub_stop)
