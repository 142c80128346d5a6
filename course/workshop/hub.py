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

An interrupted room (``start`` killed at any step, by a power cut or a closed terminal) is
taken up again: ``stop`` ends what that start left running (every process of the room carries
``COURSE_HUB_ROOM=<room>`` in its environment, so an orphaned proxy or service is found too)
and ``start`` first ends what is left of an interrupted start, then starts afresh. Before
anything is made, ``start`` checks every account it will use: an account the course made
(its comment ends with :data:`~course.workshop.room.COURSE_MARK`) gets its home back when that
is gone, owned by it, 0700; someone else's account is used only if it is a person's (not a
system account) with a home of its own closed to others, else ``start`` refuses it in one line.
When the hub does not come up, the error says why in the words of the part that failed (the
formgrader service's or a spawner's own error line), not the proxy's.
"""

from __future__ import annotations

import fcntl
import grp
import importlib
import json
import os
import pwd
import re
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
from .processes import alive, end, end_abandoned_rooms, room_processes
from .room import (HubError, Person, Room, _config_dirs, _ensure_user, _lock_repository, _prepare_course, _run,
                   _write, check_accounts, open_repository, python_wrapper, read_people, repository_modes,
                   room_of)

__all__ = ["DEFAULT_ROOT", "Person", "Room", "HubError", "read_people", "preflight", "start", "stop", "status"]


def _venv_program(name: str) -> Path:
    return Path(sys.executable).parent / name


def proxy_program() -> Path | None:
    """configurable-http-proxy: in this environment's bin/ (where the set-up puts it) or on PATH."""
    own = _venv_program("configurable-http-proxy")
    found = own if own.exists() else shutil.which("configurable-http-proxy")
    return Path(found) if found else None


def _port_free(port: int) -> bool:
    """Whether nothing listens on ``port`` (connections of a server just stopped, in TIME_WAIT, do not count:
    the proxy binds as this does, with SO_REUSEADDR)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
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
    for module, name, purpose in (("jupyterhub", "JupyterHub", ""),
                                  ("nbgitpuller", "nbgitpuller", " (the book's JupyterHub launch button opens it)")):
        try:
            importlib.import_module(module)
        except ImportError:
            problems.append(f"{name} is not installed in this environment{purpose}. Install the course's hub "
                            "part: pip install -c constraints.txt -e '.[hub]' (python3 tasks.py hub does it).")
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


def _log_tail(room: Room, lines: int = 30) -> str:
    log = room.state / "jupyterhub.log"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.is_file() else "(no log)"


_HUB_LOG_LINE = re.compile(r"^\[([DIWEC]) \d{4}-\d\d-\d\d [\d:.]+ (\S+)[^\]]*\] ?(.*)$")
_PROXY_NOISE = re.compile(r"\[ConfigProxy\]|ECONNREFUSED|ECONNRESET|^Traceback \(most recent call last\)")


def hub_failure(log: str) -> str:
    """Why the hub did not come up, from its log: the hub's own error and the failing part's own words.

    The log mixes the hub's lines, the proxy's (which, while the hub is down, repeat 404 and
    ECONNREFUSED: noise) and the raw output of the services and spawners it started (``bwrap:
    Can't chdir ...``, a traceback's last line). The cause is the hub's critical or error line
    (``Service <name> exited with status 1``) with the last lines that part wrote itself.
    """
    hub_errors, own = [], []
    for line in log.splitlines():
        match = _HUB_LOG_LINE.match(line)
        if match:
            level, name, message = match.groups()
            if level in "EC" and not _PROXY_NOISE.search(message):
                (hub_errors if name == "JupyterHub" else own).append(message if name == "JupyterHub" else line)
        elif line.strip() and not line[0].isspace() and line.strip() not in "{}" and not _PROXY_NOISE.search(line):
            own.append(line.strip())
    own = list(dict.fromkeys(own))[-3:]
    if not hub_errors and not own:
        return "the hub's log names no error"
    criticals = [e for e in hub_errors if "exited with status" in e or "Cannot connect" in e] or hub_errors
    return "; ".join(criticals[-2:]) + (":\n  " + "\n  ".join(own) if own else "")


def _interrupt_here(step: str, hub: subprocess.Popen | None = None) -> None:
    """For the tests of an interrupted room: with ``COURSE_HUB_TEST_INTERRUPT=<step>``, ``start`` dies at
    that step as a power cut or a closed terminal would end it: "accounts" (made, nothing started),
    "proxy" (the proxy runs; the hub dies with start, its proxy and services are orphaned), "hub"
    (the hub answers; start dies before it records that, and the hub keeps running)."""
    if os.environ.get("COURSE_HUB_TEST_INTERRUPT") != step:
        return
    if step == "proxy" and hub is not None:
        hub.kill()
        hub.wait(10)
    os.kill(os.getpid(), signal.SIGKILL)


def status(root: Path = DEFAULT_ROOT) -> dict:
    """The running room's state (empty when no hub runs from ``root``)."""
    room = Room(Path(root))
    state = room.read_state()
    return state if state.get("pid") and alive(state["pid"]) else {}


def start(learners: list[Person], instructors: list[Person], root: Path = DEFAULT_ROOT, port: int = 8000,
          home_base: Path = Path("/home"), mem_limit: str | None = "2G", cpu_limit: float | None = 1.0,
          db_url: str | None = None, timeout: float = 90) -> dict:
    """Create the room's users and start its hub in the background; return the room's state.

    What an earlier, interrupted start of this room left is ended first; a room whose hub runs is refused.
    """
    room = Room(Path(root).resolve())
    problems = [p for p in preflight(port) if not p.startswith(f"Port {port} ")]  # the port: once leftovers end
    if problems:
        raise HubError("The hub cannot start:\n- " + "\n- ".join(problems))
    names = [p.username for p in learners + instructors]
    if not learners:
        raise HubError("No learners: give a CSV file with a 'username' column to --learners.")
    if len(set(names)) != len(names):
        raise HubError(f"Someone is listed twice: {', '.join(sorted({n for n in names if names.count(n) > 1}))}.")
    for folder, mode in ((room.root, 0o755), (room.state, 0o700), (room.config, 0o755)):
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, mode)
    lock = open(room.state / "start.lock", "w")  # held while start runs; a killed start lets go of it
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise HubError(f"Another `course hub start` is setting up {room.root}: wait for it, or stop it.") from None
    try:
        return _start(room, learners, instructors, port, home_base, mem_limit, cpu_limit, db_url, timeout)
    finally:
        lock.close()


def _start(room: Room, learners: list[Person], instructors: list[Person], port: int, home_base: Path,
           mem_limit: str | None, cpu_limit: float | None, db_url: str | None, timeout: float) -> dict:
    from ..grading.nbgrader_setup import COURSE_ID
    from . import limits

    previous = room.read_state()
    if status(room.root) and "seconds_to_start" in previous:
        raise HubError(f"A hub already runs from {room.root} (pid {previous['pid']}): "
                       f"`course hub stop --root {room.root}` first.")
    if previous:  # whatever an earlier start left, a whole room or an interrupted one: end its processes
        stop(room.root)
        previous = room.read_state()
    end_abandoned_rooms()
    problems = preflight(port)
    if problems:
        raise HubError("The hub cannot start:\n- " + "\n- ".join(problems))
    grader_name = f"grader-{COURSE_ID}"[:32]
    created_users = list(previous.get("created_users", []))
    passwords_file = room.state / "passwords.json"
    known = json.loads(passwords_file.read_text()) if passwords_file.is_file() else {}
    passwords: dict[str, str] = {}
    check_accounts([Person(grader_name), *learners, *instructors], {grader_name, *created_users})

    # The hub's groups nbgrader-<course> and formgrade-<course> are too long for unix group names (32
    # characters): the course folder's unix group is the grader account's own, with the instructors in it.
    def record() -> None:  # after each account: a start killed at any moment leaves whom it made to `stop`
        if passwords:
            _write(passwords_file, json.dumps({**known, **passwords}, indent=1), 0o600)
        _write(room.state_file, json.dumps({**previous, "pid": None, "created_users": created_users,
                                            "grader": grader_name, "home_base": str(home_base)}, indent=1), 0o600)

    previous.pop("seconds_to_start", None)
    try:
        grader = _ensure_user(Person(grader_name, "Grader"), room.root, home_base, created_users, passwords,
                              set(known), {grader_name})
        record()
        for person in learners + instructors:
            _ensure_user(person, room.root, home_base, created_users, passwords, set(known))
            record()
    finally:
        record()
    _interrupt_here("accounts")
    staff_gid = grader.pw_gid
    for person in instructors:
        _run("usermod", "--append", "--groups", grp.getgrgid(staff_gid).gr_name, person.username)
    _prepare_course(room, grader, staff_gid, learners, db_url)
    if not room.admin_token_file.is_file():
        _write(room.admin_token_file, secrets.token_hex(32), 0o600)

    why_no_limits = limits.unavailable() if (mem_limit or cpu_limit) else None
    environment = {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
                   "PYTHONPATH": str(ROOT), "COURSE_DATA": str(SHIPPED_DATA),
                   # the room's mark: every process it starts carries it (stop finds them by it)
                   "COURSE_HUB_ROOM": str(room.root)}
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

    # The open modes are recorded before the folders are closed: a start killed in between leaves
    # what `stop` needs to open them again.
    modes = previous.get("repository_modes") or repository_modes()
    state = {**settings, "pid": None, "created_users": created_users, "repository_modes": modes,
             "url": f"http://127.0.0.1:{port}/", "home_base": str(home_base)}
    _write(room.state_file, json.dumps(state, indent=1), 0o600)
    _lock_repository(modes)
    for stale in ("proxy.pid", "jupyterhub.pid"):  # its process has ended (stop above): the pid may be reused
        (room.state / stale).unlink(missing_ok=True)
    log_path = room.state / "jupyterhub.log"
    offset = log_path.stat().st_size if log_path.is_file() else 0
    log = open(log_path, "ab")
    started = time.monotonic()
    hub = subprocess.Popen([str(_venv_program("jupyterhub")), "-f", str(room.state / "jupyterhub_config.py")],
                           cwd=room.state, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                           env={**os.environ, **environment, "PYTHONPATH": str(ROOT)}, start_new_session=True)
    log.close()
    state.update(pid=hub.pid, started=time.time())
    _write(room.state_file, json.dumps(state, indent=1), 0o600)
    api = f"http://127.0.0.1:{port}/hub/api/"
    while (answer := _get(api)) != 200 or _get(f"{api}services/{COURSE_ID}", room.admin_token()) != 200:
        if answer:  # the proxy answers (for a hub that may not yet)
            _interrupt_here("proxy", hub)
        if hub.poll() is not None or time.monotonic() - started > timeout:
            with open(log_path, "rb") as f:
                f.seek(offset)
                why = hub_failure(f.read().decode(errors="replace"))
            ended = "exited" if hub.poll() is not None else f"did not answer within {timeout:.0f} s"
            stop(room.root)
            raise HubError(f"JupyterHub did not start ({ended}): {why}\n(the hub's whole log: {log_path})")
        time.sleep(0.25)
    _interrupt_here("hub")
    state["seconds_to_start"] = time.monotonic() - started
    _write(room.state_file, json.dumps(state, indent=1), 0o600)
    return state


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
    pid = state.get("pid")  # None when start was interrupted before the hub was started
    processes = room_processes(state, room.root)
    if pid and alive(pid):
        os.kill(pid, signal.SIGTERM)  # the hub stops the servers, the services and the proxy
    deadline = time.monotonic() + timeout
    while pid and alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    processes |= room_processes(state, room.root)
    end(processes)
    if pid:
        try:
            os.waitpid(pid, os.WNOHANG)  # reap the hub when this process started it
        except (ChildProcessError, OSError):
            pass
    left = sorted(p for p in processes if alive(p))
    if not left:  # their processes have ended: a pid left in them could be another's by the next start
        for stale in ("proxy.pid", "jupyterhub.pid"):
            (room.state / stale).unlink(missing_ok=True)
    for name in state.get("learners", []) + state.get("instructors", []):
        limits.release(name)
    if state.get("repository_modes"):
        open_repository(state["repository_modes"])
    removed = []
    if remove_users:
        # and an account this room's start made but was killed before it could write it down
        marked = [e.pw_name for e in pwd.getpwall() if room_of(e) == room.root]
        state["created_users"] = list(dict.fromkeys([*state.get("created_users", []), *marked]))
        for name in state["created_users"]:
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
