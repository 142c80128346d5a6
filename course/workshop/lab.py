"""JupyterLab on the course, on this machine only (127.0.0.1), for a learner or for the instructor.

A learner's JupyterLab (``course lab``) opens the learner's own folder (see
:mod:`course.workshop.learner_copy`): the released notebooks, never the sources. It has
nbgrader's learner panels (the assignment list, and Validate on each notebook); the
instructor's (formgrader, create assignment, course list) are switched off, in the page and
on the server. ``course lab --instructor`` opens the working course folder with them all.

Each server gets a configuration folder of its own, put first on ``JUPYTER_CONFIG_PATH``, so
nothing is written to the user's or the environment's Jupyter settings:

- ``labconfig/page_config.json`` lists the JupyterLab plugins the page must not load
  (``disabledExtensions``, which JupyterLab reads from every config folder);
- ``nbgrader_config.py`` gives nbgrader's panels the course's settings and exchange.

The kernel is the course's Python (the one running ``course``), with the sample data and the
package on its paths; plotly's and ipywidgets' JupyterLab extensions come with their packages.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from ..paths import NOTEBOOKS, ROOT, SHIPPED_DATA

__all__ = ["start_lab", "lab_command", "INSTRUCTOR_PLUGINS", "INSTRUCTOR_SERVER_EXTENSIONS", "LEARNER_PLUGINS"]

#: nbgrader's JupyterLab plugins only an instructor uses: a learner's page does not load them.
INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                      "@jupyter/nbgrader:course-list")
#: Plugins no course server loads: JupyterLab's news asks to reach the internet (a workshop room may have none).
OFFLINE_PLUGINS = ("@jupyterlab/apputils-extension:announcements",)
#: nbgrader's JupyterLab plugins a learner uses.
LEARNER_PLUGINS = ("@jupyter/nbgrader:assignment-list", "@jupyter/nbgrader:validate-assignment")
#: nbgrader's server extensions behind the instructor's panels: a learner's server does not run them.
INSTRUCTOR_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list")


def _nbgrader_config(course_dir: Path, exchange: Path, instructor: bool, cache: Path | None = None) -> str:
    lines = [
        "# Written by `course lab` for this server only.",
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from course.grading.nbgrader_setup import configure",
        f"configure(get_config(), {str(course_dir)!r}, {str(NOTEBOOKS)!r})  # noqa: F821",
        f"get_config().Exchange.root = {str(exchange)!r}  # noqa: F821",
    ]
    if not instructor:
        # A learner fetches a stage into its own folder, <stage>/, where `course lab` puts it too.
        lines.append("get_config().Exchange.path_includes_course = False  # noqa: F821")
    if cache:  # what this learner submitted, kept with the learner's folder
        lines.append(f"get_config().Exchange.cache = {str(cache)!r}  # noqa: F821")
    return "\n".join(lines) + "\n"


def _own_exchange(exchange: Path, releases: dict[str, Path]) -> None:
    """A learner's exchange holding every stage's release, for the assignment list when there is no instructor."""
    from ..grading.nbgrader_setup import COURSE_ID

    outbound = exchange / COURSE_ID / "outbound"
    for stage, release in releases.items():
        if (outbound / stage).is_dir():
            shutil.rmtree(outbound / stage)
        shutil.copytree(release, outbound / stage)
    for other in ("inbound", "feedback"):
        (exchange / COURSE_ID / other).mkdir(parents=True, exist_ok=True)


def lab_command(root: Path, port: int, token: str, instructor: bool, open_browser: bool) -> list[str]:
    """The ``jupyter lab`` command line of a course server."""
    command = [str(Path(sys.executable).parent / "jupyter-lab"), f"--ServerApp.root_dir={root}",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}", "--MappingKernelManager.default_kernel_name=python3",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if not instructor:
        command += [f"--ServerApp.jpserver_extensions={name}=False" for name in INSTRUCTOR_SERVER_EXTENSIONS]
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # a container's only user: Jupyter refuses root otherwise
        command.append("--ServerApp.allow_root=True")
    return command


def _stop(signum, frame) -> None:
    raise SystemExit(128 + signum)


def start_lab(port: int = 8888, open_browser: bool = True, instructor: bool = False,
              folder: Path | None = None, course_dir: Path | None = None) -> int:
    """Run JupyterLab on the course until it is stopped; return its exit status.

    A learner's server opens ``folder`` (the learner's own, filled with the released notebooks),
    the instructor's the working course folder ``course_dir``.
    """
    from ..grading.nbgrader_setup import default_course_dir
    from . import learner_copy

    course_dir = Path(course_dir or default_course_dir()).expanduser().resolve()
    config_dir = Path(tempfile.mkdtemp(prefix="course-lab-config-"))
    try:
        if instructor:
            root = course_dir
            root.mkdir(parents=True, exist_ok=True)
            exchange = Path(os.environ.get("COURSE_EXCHANGE") or course_dir / "exchange")
            disabled = OFFLINE_PLUGINS
            print(f"JupyterLab for the instructor, on the course folder {root}")
        else:
            root = Path(folder or learner_copy.default_learner_dir()).expanduser().resolve()
            print(f"Putting the learner notebooks in {root} ...", flush=True)
            for message in learner_copy.fill(root):
                print("  " + message)
            exchange = Path(os.environ.get("COURSE_EXCHANGE") or course_dir / "exchange")
            if not exchange.is_dir():  # no instructor on this machine: an exchange of the learner's own
                exchange = root / learner_copy.STATE / "exchange"
                _own_exchange(exchange, learner_copy.release_folders(
                    learner_copy.stage_names(), root / learner_copy.STATE / "releases"))
            disabled = OFFLINE_PLUGINS + INSTRUCTOR_PLUGINS
        (config_dir / "labconfig").mkdir()
        (config_dir / "labconfig" / "page_config.json").write_text(
            json.dumps({"disabledExtensions": {name: True for name in disabled}}, indent=1), encoding="utf-8")
        (config_dir / "nbgrader_config.py").write_text(_nbgrader_config(
            course_dir, exchange, instructor, None if instructor else root / learner_copy.STATE / "nbgrader-cache"),
                                                       encoding="utf-8")
        token = os.environ.get("COURSE_LAB_TOKEN") or secrets.token_hex(24)
        env = dict(os.environ, COURSE_DATA=os.environ.get("COURSE_DATA") or str(SHIPPED_DATA),
                   JUPYTER_CONFIG_PATH=os.pathsep.join(filter(None, [str(config_dir),
                                                                     os.environ.get("JUPYTER_CONFIG_PATH")])),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        print(f"Open JupyterLab at http://127.0.0.1:{port}/lab?token={token}", flush=True)
        print("Stop it with Ctrl+C.", flush=True)
        command = lab_command(root, port, token, instructor, open_browser)
        # Stopped by a signal (Ctrl+C, or `kill`), `course lab` stops its server before it goes.
        signal.signal(signal.SIGTERM, _stop)
        with subprocess.Popen(command, env=env, cwd=root) as server:
            try:
                return server.wait()
            except (KeyboardInterrupt, SystemExit):
                server.terminate()
                try:
                    return server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()
                    return server.wait()
    finally:
        shutil.rmtree(config_dir, ignore_errors=True)
