"""``course hub start`` and ``course hub stop``: a JupyterHub for one workshop room, on 127.0.0.1.

The room lives in one folder (``--root``, default ``/srv/parliament-hub``)::

    hub/       the hub's own state, root's only: its database, secrets, settings, log, pid
    config/    the Jupyter configuration of learners', instructors' and the grader's servers
    course/    the course folder the grading commands work on (owned by the grader account,
               group formgrade-<course>, closed to learners): the source notebooks, release/,
               submitted/, autograded/, feedback/, the gradebook, course-settings.json
    exchange/  nbgrader's exchange (path_includes_course): released stages, submissions, feedback

``start`` creates one unix user per learner and instructor (and the grader account
``grader-<course>``) with a home of their own, writes the configuration
(:mod:`course.workshop.hub_config`), starts JupyterHub (which starts configurable-http-proxy,
the formgrader service and, when asked, each learner's server) in the background, and waits
until it answers. ``stop`` ends every process it started (the hub, the proxy, the servers,
their kernels, anything the room's users left running) and keeps the users' work: their
homes and the course folder stay. ``stop --remove-users`` also deletes the accounts ``start``
created, with their unix groups (their homes are still kept).
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ..paths import ROOT, SHIPPED_DATA
from .commands import HUB_ROOT as DEFAULT_ROOT
from .room import (HubError, Person, Room, _config_dirs, _ensure_user, _lock_repository, _prepare_course, _run,
                   _write, python_wrapper, read_people)

__all__ = ["DEFAULT_ROOT", "Person", "Room", "HubError", "read_people", "preflight", "start", "stop", "status"]


def _venv_program(name: str) -> Path:
    return Path(sys.executable).parent / name


def proxy_program() -> Path | None:
    """configurable-http-proxy: in this environment's bin/ (where the set-up puts it) or on PATH."""
    own = _venv_program("configurable-http-proxy")
    found = own if own.exists() else shutil.which("configurable-http-proxy")
    return Path(found) if found else None


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preflight(port: int) -> list[str]:
    """Everything that stops the hub from starting here, each with its fix (empty: all is well)."""
    problems = []
    if os.geteuid() != 0:
        problems.append("`course hub start` must run as root: it creates a unix user per learner and runs each "
                        "learner's server as that user. Run it with sudo (sudo .venv/bin/course hub start ...).")
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        problems.append("JupyterHub is not installed in this environment. Install the course's hub part: "
                        "pip install -c constraints.txt -e '.[hub]' (python3 tasks.py test does it).")
    if proxy_program() is None:
        problems.append("configurable-http-proxy (from npm) is missing. Install it with: npm install --global "
                        f"--prefix {Path(sys.executable).parent.parent} configurable-http-proxy@5 "
                        "(python3 tasks.py hub does it; npm comes with Debian's npm package).")
    if not shutil.which("node"):
        problems.append("Node.js is missing (configurable-http-proxy runs on it): sudo apt-get install nodejs npm")
    for program, package in (("useradd", "passwd"), ("userdel", "passwd"), ("chpasswd", "passwd")):
        if not shutil.which(program):
            problems.append(f"`{program}` is missing: sudo apt-get install {package}")
    if python_wrapper() and not (shutil.which("bwrap") and shutil.which("setpriv")):
        problems.append(f"This environment's Python ({sys.base_prefix}) is in a folder other users cannot enter, "
                        "so learners' servers could not start. Install bubblewrap (sudo apt-get install "
                        "bubblewrap), which shows them that Python alone, or install the course in a Python "
                        "outside it (a virtual environment made with /usr/bin/python3, say).")
    if not _port_free(port):
        problems.append(f"Port {port} on 127.0.0.1 is in use. Stop what uses it (ss -ltnp 'sport = :{port}' "
                        f"shows it) or choose another port with --port.")
    return problems


def _get(url: str, token: str | None = None, timeout: float = 5) -> int:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie has ended
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _log_tail(room: Room, lines: int = 30) -> str:
    log = room.state / "jupyterhub.log"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.is_file() else "(no log)"


def status(root: Path = DEFAULT_ROOT) -> dict:
    """The running room's state (empty when no hub runs from ``root``)."""
    room = Room(Path(root))
    state = room.read_state()
    return state if state.get("pid") and _alive(state["pid"]) else {}


def start(learners: list[Person], instructors: list[Person], root: Path = DEFAULT_ROOT, port: int = 8000,
          home_base: Path = Path("/home"), mem_limit: str | None = "2G", cpu_limit: float | None = 1.0,
          db_url: str | None = None, timeout: float = 90) -> dict:
    """Create the room's users and start its hub in the background; return the room's state."""
    from ..grading.nbgrader_setup import COURSE_ID
    from . import limits

    room = Room(Path(root).resolve())
    if status(room.root):
        raise HubError(f"A hub already runs from {room.root} (pid {room.read_state()['pid']}): "
                       f"`course hub stop --root {room.root}` first.")
    problems = preflight(port)
    if problems:
        raise HubError("The hub cannot start:\n- " + "\n- ".join(problems))
    names = [p.username for p in learners + instructors]
    if not learners:
        raise HubError("No learners: give a CSV file with a 'username' column to --learners.")
    if len(set(names)) != len(names):
        raise HubError(f"Someone is listed twice: {', '.join(sorted({n for n in names if names.count(n) > 1}))}.")
    grader_name = f"grader-{COURSE_ID}"[:32]
    previous = room.read_state()
    created_users = list(previous.get("created_users", []))
    passwords: dict[str, str] = {}

    for folder, mode in ((room.root, 0o755), (room.state, 0o700), (room.config, 0o755)):
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, mode)
    # The hub's groups nbgrader-<course> and formgrade-<course> are too long for unix group names (32
    # characters): the course folder's unix group is the grader account's own, with the instructors in it.
    try:
        grader = _ensure_user(Person(grader_name, "Grader"), home_base, created_users, passwords)
        for person in learners + instructors:
            _ensure_user(person, home_base, created_users, passwords)
    finally:  # whatever happens next, `stop --remove-users` knows whom start created
        _write(room.state_file, json.dumps({**previous, "pid": None, "created_users": created_users,
                                            "home_base": str(home_base)}, indent=1), 0o600)
    staff_gid = grader.pw_gid
    for person in instructors:
        _run("usermod", "--append", "--groups", grp.getgrgid(staff_gid).gr_name, person.username)
    _prepare_course(room, grader, staff_gid, learners, db_url)
    if passwords:
        known = json.loads((room.state / "passwords.json").read_text()) if (room.state / "passwords.json").is_file() else {}
        _write(room.state / "passwords.json", json.dumps({**known, **passwords}, indent=1), 0o600)
    if not room.admin_token_file.is_file():
        _write(room.admin_token_file, secrets.token_hex(32), 0o600)

    why_no_limits = limits.unavailable() if (mem_limit or cpu_limit) else None
    environment = {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
                   "PYTHONPATH": str(ROOT), "COURSE_DATA": str(SHIPPED_DATA)}
    settings = {"course_id": COURSE_ID, "grader": grader_name, "state": str(room.state),
                "course_dir": str(room.course), "port": port, "hub_port": _free_port(),
                "proxy_api_port": _free_port(), "formgrader_port": _free_port(),
                "proxy": str(proxy_program()), "singleuser": str(_venv_program("jupyterhub-singleuser")),
                "learners": [p.username for p in learners], "instructors": [p.username for p in instructors],
                "environment": environment, "config_dirs": _config_dirs(room, COURSE_ID),
                "mem_limit": mem_limit, "cpu_limit": cpu_limit, "limits_unavailable": why_no_limits,
                "admin_token_file": str(room.admin_token_file), "wrapper": python_wrapper()}
    _write(room.state / "settings.json", json.dumps(settings, indent=1), 0o600)
    _write(room.state / "jupyterhub_config.py",
           "# Written by `course hub start`: the room's settings are in settings.json beside this file.\n"
           "from course.workshop.hub_config import apply\n"
           f"apply(get_config(), {str(room.state / 'settings.json')!r})  # noqa: F821\n", 0o600)

    repository_modes = previous.get("repository_modes") or _lock_repository()
    log = open(room.state / "jupyterhub.log", "ab")
    started = time.monotonic()
    hub = subprocess.Popen([str(_venv_program("jupyterhub")), "-f", str(room.state / "jupyterhub_config.py")],
                           cwd=room.state, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                           env={**os.environ, **environment, "PYTHONPATH": str(ROOT)}, start_new_session=True)
    log.close()
    state = {**settings, "pid": hub.pid, "created_users": created_users,
             "repository_modes": repository_modes, "url": f"http://127.0.0.1:{port}/",
             "home_base": str(home_base), "started": time.time()}
    _write(room.state_file, json.dumps(state, indent=1), 0o600)
    api = f"http://127.0.0.1:{port}/hub/api/"
    while _get(api) != 200 or _get(f"{api}services/{COURSE_ID}", room.admin_token()) != 200:
        if hub.poll() is not None or time.monotonic() - started > timeout:
            stop(room.root)
            raise HubError(f"JupyterHub did not start (see {room.state / 'jupyterhub.log'}):\n{_log_tail(room)}")
        time.sleep(0.25)
    state["seconds_to_start"] = time.monotonic() - started
    _write(room.state_file, json.dumps(state, indent=1), 0o600)
    return state


def _room_processes(state: dict) -> set[int]:
    """Every process the room started: the hub's descendants and whatever its users run."""
    import psutil

    found = set()
    try:
        hub = psutil.Process(state["pid"])
        found |= {hub.pid, *(p.pid for p in hub.children(recursive=True))}
    except psutil.NoSuchProcess:
        pass
    for process in psutil.process_iter():  # the hub's session: the proxy, even once the hub has died
        try:
            if int(Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[3]) == state["pid"]:
                found.add(process.pid)
        except (OSError, ValueError, IndexError):
            pass
    uids = set()
    for name in [*state.get("learners", []), *state.get("instructors", []), state.get("grader")]:
        try:
            uids.add(pwd.getpwnam(name).pw_uid)
        except (KeyError, TypeError):
            pass
    for process in psutil.process_iter(["uids"]):
        try:
            if process.info["uids"] and process.info["uids"].real in uids:
                found.add(process.pid)
        except psutil.Error:
            pass
    return found


def stop(root: Path = DEFAULT_ROOT, remove_users: bool = False, timeout: float = 30) -> dict:
    """End every process of the room; keep the users' homes and the course folder.

    ``remove_users``: also delete the unix accounts ``start`` created, and their groups (homes are kept).
    Returns what was done.
    """
    from . import limits

    room = Room(Path(root).resolve())
    if os.geteuid() != 0:
        raise HubError("`course hub stop` must run as root, as start did (sudo .venv/bin/course hub stop).")
    state = room.read_state()
    if not state:
        raise HubError(f"No hub was started from {room.root} (no {room.state_file}).")
    processes = _room_processes(state) if state.get("pid") else set()
    if state.get("pid") and _alive(state["pid"]):
        os.kill(state["pid"], signal.SIGTERM)  # the hub stops the servers, the services and the proxy
    deadline = time.monotonic() + timeout
    while state.get("pid") and _alive(state["pid"]) and time.monotonic() < deadline:
        time.sleep(0.2)
    processes |= _room_processes(state) if state.get("pid") else set()
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in processes:
            if _alive(pid):
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
        grace = time.monotonic() + 5
        while any(_alive(p) for p in processes) and time.monotonic() < grace:
            time.sleep(0.1)
    try:
        os.waitpid(state.get("pid", 0), os.WNOHANG)  # reap the hub when this process started it
    except (ChildProcessError, OSError):
        pass
    left = sorted(p for p in processes if _alive(p))
    for name in state.get("learners", []) + state.get("instructors", []):
        limits.release(name)
    for name, mode in (state.get("repository_modes") or {}).items():
        if (ROOT / name).is_dir():
            os.chmod(ROOT / name, mode)
    removed = []
    if remove_users:
        for name in state.get("created_users", []):
            # --force: a server's process that has just ended may still be listed for a moment.
            if subprocess.run(["userdel", "--force", name], capture_output=True).returncode == 0:
                removed.append(name)
        for name in removed:  # a private group keeps going while others are in it (the grader's)
            subprocess.run(["groupdel", name], capture_output=True)
        state["created_users"] = [name for name in state.get("created_users", []) if name not in removed]
    state.update(pid=None, repository_modes=None)
    _write(room.state_file, json.dumps(state, indent=1), 0o600)
    return {"stopped": len(processes) - len(left), "left": left, "removed_users": removed,
            "homes": state.get("home_base"), "course_dir": str(room.course)}
