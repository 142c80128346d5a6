"""``course grade``: autograde every submission in parallel, safely, resumably, with progress.

How it stays safe with nbgrader's SQLite gradebook, which must have one writer at a time:

1. **Plan.** One job per submission (``submitted/<learner>/<stage>/``) whose fingerprint (its
   files and the stage's source notebook) differs from the last successful grading, as
   recorded in ``grading-state.json``. Everything else is left as it is, so a re-run grades
   only what is new or changed.
2. **Workers.** Each job runs :func:`run_submission` in a process of its own (forked from a
   warmed-up server, one fresh process per submission). It does only what must run in parallel:
   nbgrader's own sanitizing preprocessors (clear outputs, deduplicate ids, restore the
   kernelspec and the locked and test cells), reading a read-only snapshot of the gradebook
   taken once per run, then the execution of the learner's code in the sandbox kernel of
   :mod:`course.grading.sandbox` (no view of the gradebook, sources or other learners, no network,
   capped memory, processes, time and output). No worker opens the real gradebook or writes
   to any.
3. **One writer.** The main process merges each result as it arrives: it runs nbgrader's
   ``autograde`` again in the real course folder, with execution replaced by
   ``course.grading.preprocessors.ReplayExecution``, which takes the outputs the worker produced.
   So nbgrader itself records scores, comments, timestamps and late penalties, and keeps every manual grade.

Before all that, :mod:`course.grading.intake` checks and repairs each submission (wrong file
name, old format, deleted or edited test cells, ...), and the gradebook is backed up (``course grade --restore``
puts the last backup back).

With a PostgreSQL gradebook (``--db-url``, for several graders at once) the plan is the same: the
workers read a SQLite snapshot copied from it, and nbgrader writes to the server. Backing that
gradebook up is the database server's business (``pg_dump``); ``--restore`` is for SQLite only.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import nbformat

from .. import data
from ..checks.exact import SEEDS_VARIABLE
from . import intake, nbgrader_setup, verdict
from .backups import (  # noqa: F401 (used through this module)
    STATE_FILE, BACKUPS, backup_gradebook, restore_gradebook, snapshot)
from .progress import Progress
from .tampering import record_findings, record_tampering

__all__ = ["Job", "plan", "grade", "run_submission", "STATE_FILE"]

# Imported once by the server that forks the workers, so each worker starts warm.
# The course package first: it keeps a slow import out of everything loaded after it (see course/__init__.py).
#: How often a submission is tried when its worker process dies under it.
TRIES = 3
WORKER_PRELOAD = ["course", "nbgrader.converters", "nbgrader.preprocessors", "course.grading.autograde",
                  "course.grading.sandboxed_execute", "course.grading.preprocessors"]


@dataclass(frozen=True)
class Job:
    """One submission to grade, and where its worker does the work."""

    stage: str
    learner: str
    submitted: Path
    workspace: Path
    gradebook_snapshot: Path
    source: Path
    fingerprint: str
    #: The course folder's records of the model solution's hidden tests (:mod:`course.grading.verdict`).
    results: Path
    #: The hidden tests' samples, made ahead once for the run (:func:`course.data.write_samples`).
    samples: Path
    #: The stage's release: the only files of the submission other than its notebook that grading copies.
    release: Path


def _fingerprint(submitted: Path, source_notebook: Path) -> str:
    digest = hashlib.sha256(source_notebook.read_bytes())
    for path in sorted(p for p in submitted.rglob("*") if p.is_file() and not p.is_symlink()):
        digest.update(str(path.relative_to(submitted)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_state(course_dir: Path) -> dict[str, str]:
    path = course_dir / STATE_FILE
    return json.loads(path.read_text()) if path.exists() else {}


def _key(stage: str, learner: str) -> str:
    return f"{stage}/{learner}"


def _graded(course_dir: Path, stage: str, learner: str) -> bool:
    return (course_dir / "autograded" / learner / stage / f"{stage}.ipynb").is_file()


def plan(course_dir: Path, source: Path, stages: list[str], workspace: Path,
         force: bool = False) -> list[Job]:
    """The submissions of ``stages`` that are new or changed since they were last graded."""
    state = _read_state(course_dir)
    jobs = []
    submitted_root = course_dir / "submitted"
    learners = sorted(p.name for p in submitted_root.iterdir() if p.is_dir()) if submitted_root.is_dir() else []
    for stage in stages:
        source_notebook = source / stage / f"{stage}.ipynb"
        for learner in learners:
            submitted = submitted_root / learner / stage
            if not (submitted / f"{stage}.ipynb").is_file():
                continue
            fingerprint = _fingerprint(submitted, source_notebook)
            if not force and state.get(_key(stage, learner)) == fingerprint and _graded(course_dir, stage, learner):
                continue
            jobs.append(Job(stage, learner, submitted, workspace / learner / stage, workspace / "gradebook.db",
                            source, fingerprint, course_dir / verdict.RESULTS_FOLDER, workspace / "samples",
                            course_dir / "release" / stage))
    return jobs


def _snapshot_url(snapshot: Path) -> str:
    """A read-only address of the run's gradebook snapshot: workers may read it, never write it."""
    return f"sqlite:///file:{snapshot}?mode=ro&uri=true"


def _copy_other_files(folder: Path, build: Path, ignore: list[str], only: Path | None = None) -> None:
    """Copy a stage folder's regular files other than notebooks into ``build``, as nbgrader's autograde does.

    No link is followed; with ``only``, a file is copied only if that folder (the release) has it too:
    a submission brings nothing into the kernel's folder that the release did not give.
    """
    from nbgrader.utils import find_all_files

    for name in find_all_files(str(folder), [*ignore, "*.ipynb"]):
        relative = Path(name).relative_to(folder)
        inside = [folder / Path(*relative.parts[:depth]) for depth in range(1, len(relative.parts) + 1)]
        if any(path.is_symlink() for path in inside) or not Path(name).is_file():
            continue
        if only is not None and not (only / relative).is_file():
            continue
        target = build / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        shutil.copyfile(name, target, follow_symlinks=False)


def run_submission(job: Job, limits: dict | None = None) -> dict:
    """Prepare one submission as nbgrader's autograde does, and run it in the sandbox (runs in a worker).

    The notebook goes through nbgrader's own sanitizing preprocessors (outputs cleared, ids
    deduplicated, kernelspec and locked and test cells restored from the gradebook), reading the
    run's gradebook snapshot read-only, then runs in the sandbox kernel with the submission's and
    the stage's other files beside it. The executed notebook is left where
    :class:`course.grading.preprocessors.ReplayExecution` takes it; scores are recorded by the main process.
    ``limits`` are the keyword arguments of :func:`course.grading.sandboxed_execute.configure` (time limits).
    """
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.utils import setenv
    from traitlets.config import Config

    from . import sandboxed_execute
    from .preprocessors import HiddenVerdict, executed_path

    nbgrader_setup.quiet_nbgrader()
    started = time.perf_counter()
    config = nbgrader_setup.configure(Config(), job.workspace, job.source)
    config = sandboxed_execute.configure(config, **(limits or {}))
    config.HiddenVerdict.results = str(job.results)
    config.HiddenVerdict.source = str(job.source)
    # The solution's records stay out of the kernel's sight even if the course folder lies in a folder it sees.
    config.SandboxKernelManager.hidden_paths = [str(job.results)]
    # In the run's own folder, which goes when the run ends, even if this worker is killed.
    config.SandboxKernelManager.kernels_folder = str(job.workspace.parent.parent / "kernels")
    os.environ[data.SAMPLES_VARIABLE] = str(job.samples)  # this worker grades this one submission, then ends
    build = job.workspace
    shutil.rmtree(build, ignore_errors=True)  # what a worker killed under this submission left
    build.mkdir(parents=True)
    ignore = CourseDirectory(config=config).ignore
    _copy_other_files(job.submitted, build, ignore, only=job.release)
    _copy_other_files(job.source / job.stage, build, ignore)

    nb = nbformat.read(job.submitted / f"{job.stage}.ipynb", as_version=4)
    resources = {"unique_key": job.stage, "metadata": {"path": str(build)},
                 "nbgrader": {"student": job.learner, "assignment": job.stage, "notebook": job.stage,
                              "db_url": _snapshot_url(job.gradebook_snapshot)}}
    for step in Autograde.class_traits()["sanitize_preprocessors"].default():
        nb, resources = step(config=config)(nb, resources)
    prepared = time.perf_counter()
    with setenv(NBGRADER_EXECUTION="autograde"):
        nb, resources = sandboxed_execute.SandboxExecute(config=config)(nb, resources)
    executed = time.perf_counter()
    nb, resources = HiddenVerdict(config=config)(nb, resources)
    nbformat.write(nb, executed_path(build.parent.parent, job.learner, job.stage, job.stage))
    return {"success": True, "log": "", "problems": sandboxed_execute.outcome_problems(nb),
            "seconds": {"prepare": prepared - started, "execute": executed - prepared,
                        "verdict": time.perf_counter() - executed}}


def _merger(course_dir: Path, source: Path, workspace: Path):
    """nbgrader's API for the real course folder, recording results instead of executing."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    from .preprocessors import ReplayExecution

    config = Config()
    config.Autograde.autograde_preprocessors = [
        ReplayExecution if p is Execute else p for p in Autograde.class_traits()["autograde_preprocessors"].default()]
    config.ReplayExecution.workspace = str(workspace)
    return nbgrader_setup.api(course_dir, source, config)


def _prepare_gradebook(course_dir: Path, source: Path, stages: list[str]) -> None:
    """Make sure every stage is in the gradebook (autograde needs its cells), generating it if need be."""
    from nbgrader.api import MissingEntry

    with nbgrader_setup.gradebook(course_dir) as gb:
        missing = []
        for stage in stages:
            try:
                gb.find_assignment(stage)
            except MissingEntry:
                missing.append(stage)
    if missing:
        api = nbgrader_setup.api(course_dir, source)
        for stage in missing:
            result = api.generate_assignment(stage)
            if not result["success"]:
                raise SystemExit(f"Could not prepare {stage} for grading:\n{result.get('error') or result.get('log')}")


def _expected_results(course_dir: Path, source: Path, stages: list[str]) -> dict[str, list[str]]:
    """Run each stage's source once (or take its cached records): what the model solution's hidden tests emit.

    Done here, before the workers start, so they only read the records. Returns the test cells
    still of the old form (comparing in the learner's kernel), by stage.
    """
    in_kernel = {}
    for stage in stages:
        try:
            records = verdict.expected(course_dir / verdict.RESULTS_FOLDER, source, stage)
        except verdict.VerdictError as error:
            raise SystemExit(f"Could not grade {stage}: {error}") from error
        if old := verdict.old_form_cells(records):
            in_kernel[stage] = old
    return in_kernel


def _scores(course_dir: Path, stage: str, learner: str) -> tuple[float, float]:
    with nbgrader_setup.gradebook(course_dir) as gb:
        submission = gb.find_submission(stage, learner)
        return submission.score, submission.max_score


def in_words(error: BaseException) -> str:
    """What went wrong, for the instructor: the kind of error, its message and where it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (in {Path(frames[-1].filename).name}, line {frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {str(error)[:500]}{where}"


def _run_safely(job: Job, limits: dict | None) -> dict:
    """:func:`run_submission` in a worker, any failure returned in words: an error that cannot travel back
    to the main process whole would break the pool and leave every submission after it ungraded."""
    try:
        return run_submission(job, limits)
    except BaseException as error:  # noqa: B036 (whatever it was, it is this submission's)
        return {"success": False, "log": f"grading stopped: {in_words(error)}"}


def _outcomes(todo: list[Job], jobs: int, limits: dict | None):
    """(job, outcome) as each submission's worker ends; a pool broken by a worker that died is rebuilt and
    the submissions it had not finished are tried again (up to TRIES times each)."""
    tries = dict.fromkeys(todo, 0)
    pending = list(todo)
    while pending:
        with _worker_pool(jobs) as pool:
            futures = {pool.submit(_run_safely, job, limits): job for job in pending}
            pending = []
            for future in as_completed(futures):
                job = futures[future]
                try:
                    yield job, future.result()
                except BrokenProcessPool:
                    tries[job] += 1
                    if tries[job] < TRIES:
                        pending.append(job)
                    else:
                        yield job, {"success": False, "log": f"its grading process died {TRIES} times (killed "
                                                             f"from outside, or out of memory)"}
                except Exception as error:
                    yield job, {"success": False, "log": in_words(error)}


def _worker_pool(jobs: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, max_tasks_per_child=1)


def grade(course_dir: Path, source: Path, stages: list[str], jobs: int | None = None,
          force: bool = False, limits: dict | None = None) -> dict:
    """Autograde what is new or changed in ``stages``; return counts and the failures.

    ``limits``: the sandbox's time limits, as keyword arguments of :func:`course.grading.sandboxed_execute.configure`.
    The hidden tests use the course's own hidden data sets (:func:`course.grading.verdict.course_seeds`), for
    the model solution's run here and for every worker's kernel.
    """
    seeds = verdict.course_seeds(course_dir)
    with mock.patch.dict(os.environ, {SEEDS_VARIABLE: ",".join(map(str, seeds))}):
        return _grade(Path(course_dir), Path(source), stages, seeds, jobs, force, limits)


def _grade(course_dir: Path, source: Path, stages: list[str], seeds: tuple[int, ...], jobs: int | None,
           force: bool, limits: dict | None) -> dict:
    seconds = dict.fromkeys(("checking", "model solutions", "sample data", "prepare", "execute", "verdict",
                             "recording"), 0.0)
    clock = time.perf_counter()
    _prepare_gradebook(course_dir, source, stages)
    state = _read_state(course_dir)
    checked = intake.check_all(course_dir, stages)
    refused = {(i.learner, i.stage): i.problems for i in checked if not i.gradable}
    repaired = {(i.learner, i.stage): i.problems for i in checked if i.gradable and i.problems}
    tampering = record_tampering(course_dir, stages, checked)
    record_findings(course_dir, intake.INTAKE_FILE, stages, {(i.learner, i.stage): i.problems for i in checked})
    seconds["checking"] = time.perf_counter() - clock
    clock = time.perf_counter()
    in_kernel = _expected_results(course_dir, source, stages)
    seconds["model solutions"] = time.perf_counter() - clock
    with tempfile.TemporaryDirectory(prefix="course-grade-") as scratch:
        workspace = Path(scratch)
        todo = [job for job in plan(course_dir, source, stages, workspace, force)
                if (job.learner, job.stage) not in refused]
        failed = [(learner, stage, "; ".join(problems)) for (learner, stage), problems in sorted(refused.items())]
        if not todo:
            return {"graded": 0, "failed": failed, "skipped_all": not failed, "tampering": tampering,
                    "in_kernel": in_kernel, "seconds": seconds}
        backup_gradebook(course_dir)
        snapshot(course_dir, workspace / "gradebook.db")
        clock = time.perf_counter()
        data.write_samples(workspace / "samples", seeds)
        seconds["sample data"] = time.perf_counter() - clock
        merger = _merger(course_dir, source, workspace)
        progress = Progress(len(todo))
        remaining = {learner: sum(1 for j in todo if j.learner == learner) for learner in {j.learner for j in todo}}
        lines: dict[str, list[str]] = {learner: [] for learner in remaining}
        for job, outcome in _outcomes(todo, jobs or os.cpu_count() or 1, limits):
            for step, spent in outcome.get("seconds", {}).items():
                seconds[step] += spent
            clock = time.perf_counter()
            if outcome["success"]:
                try:
                    merged = merger.autograde(job.stage, job.learner)
                except Exception as error:  # nbgrader's own recording failed: this submission only
                    merged = {"success": False, "error": in_words(error)}
                outcome = {"success": merged["success"], "log": merged.get("error") or merged.get("log") or "",
                           "problems": outcome.get("problems", [])}
            progress.step()
            if outcome["success"]:
                state[_key(job.stage, job.learner)] = job.fingerprint
                (course_dir / STATE_FILE).write_text(json.dumps(state, indent=1, sort_keys=True))
                score, most = _scores(course_dir, job.stage, job.learner)
                notes = repaired.get((job.learner, job.stage), []) + outcome.get("problems", [])
                look = tampering.get((job.learner, job.stage))
                lines[job.learner].append(f"{job.stage} {score:g}/{most:g}"
                                          + (f" ({'; '.join(notes)})" if notes else "")
                                          + (f" ⚠ look at it: {'; '.join(look)}" if look else ""))
            else:
                failed.append((job.learner, job.stage, outcome["log"]))
                lines[job.learner].append(f"{job.stage} NOT GRADED")
            seconds["recording"] += time.perf_counter() - clock
            remaining[job.learner] -= 1
            if not remaining[job.learner]:
                progress.say(f"{job.learner:<24} " + " · ".join(sorted(lines[job.learner])))
        progress.close()
    return {"graded": len(todo) - len(failed) + len(refused), "failed": failed, "skipped_all": False,
            "tampering": tampering, "in_kernel": in_kernel, "seconds": seconds}
