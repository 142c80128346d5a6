"""A workshop room's pieces, for ``course hub``: its people, folders, unix users and configuration.

:mod:`course.workshop.hub` starts and stops the room; everything it sets up before JupyterHub
starts is here: the class list read from a CSV, one unix user per person with a home of their
own, the course folder closed to learners (with its own copy of the source notebooks), the
exchange, the Jupyter configuration of each kind of server, and the view of Python a server
needs where that Python sits in a folder other users cannot enter.
"""

from __future__ import annotations

import csv
import json
import os
import pwd
import re
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..paths import NOTEBOOKS, ROOT, SHIPPED_DATA

__all__ = ["HubError", "Person", "Room", "read_people", "python_wrapper", "as_user", "INSTRUCTOR_ONLY", "COURSE_MARK",
           "made_by_course", "room_of", "check_accounts"]

#: Folders of the repository that show solutions: closed to other users while a room runs.
INSTRUCTOR_ONLY = ["notebooks", "instructor", "tests", "_build"]
_USER_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")


class HubError(RuntimeError):
    """Why the hub cannot start or stop, in words that name the fix."""


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""


def read_people(value: str | os.PathLike) -> list[Person]:
    """People from a CSV file (a ``username`` column; ``name`` or ``first_name`` and ``last_name``;
    ``email``), or from a comma-separated list of user names."""
    path = Path(value)
    if path.suffix.lower() == ".csv" or path.is_file():
        if not path.is_file():
            raise HubError(f"No file {path}: give a CSV file with a 'username' column (and 'name', 'email').")
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        if rows and "username" not in rows[0]:
            raise HubError(f"{path} has no 'username' column; its columns are: {', '.join(rows[0])}.")
        people = []
        for row in rows:
            first, last = (row.get("first_name") or "").strip(), (row.get("last_name") or "").strip()
            if not (first or last) and row.get("name"):
                first, _, last = row["name"].strip().partition(" ")
            people.append(Person(row["username"].strip(), first, last, (row.get("email") or "").strip()))
    else:
        people = [Person(name.strip()) for name in str(value).split(",") if name.strip()]
    bad = [p.username for p in people if not _USER_NAME.fullmatch(p.username)]
    if bad:
        raise HubError(f"Not a valid unix user name: {', '.join(bad)} (lower-case letters, digits, - and _, "
                       f"starting with a letter, at most 32 characters).")
    return people


@dataclass(frozen=True)
class Room:
    root: Path

    @property
    def state(self) -> Path:
        return self.root / "hub"

    @property
    def course(self) -> Path:
        return self.root / "course"

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def config(self) -> Path:
        return self.root / "config"

    @property
    def state_file(self) -> Path:
        return self.state / "state.json"

    @property
    def admin_token_file(self) -> Path:
        return self.state / "admin-token"

    def read_state(self) -> dict:
        return json.loads(self.state_file.read_text()) if self.state_file.is_file() else {}

    def admin_token(self) -> str:
        return self.admin_token_file.read_text().strip()


def _closed_to_others(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that other users cannot pass through, if any."""
    for folder in [*reversed(Path(path).parents), Path(path)]:
        if folder.is_dir() and not folder.stat().st_mode & 0o001:
            return folder
    return None


def python_wrapper() -> list[str]:
    """A bubblewrap command that shows a server this environment's Python, when others cannot reach it.

    Where Python lives under a folder closed to other users (such as a pyenv build in /root), a
    learner's server could not even start. The wrapper gives the server a view of the machine in
    which that folder is an empty one holding only Python's own folders, read-only: nothing
    else of it is shown. Empty when every user can run this environment's Python as it is.
    """
    wanted = sorted({Path(p).resolve() for p in (sys.base_prefix, sys.prefix, ROOT, SHIPPED_DATA)})
    closed = {p: _closed_to_others(p) for p in wanted}
    closed = {p: c for p, c in closed.items() if c is not None}
    if not closed:
        return []
    command = [shutil.which("bwrap") or "bwrap", "--dev-bind", "/", "/"]
    for folder in sorted(set(closed.values())):
        command += ["--tmpfs", str(folder)]
    made = set(closed.values())
    for path in sorted(closed):
        for parent in reversed(path.parents):  # bwrap would make the folders on the way 0700: unreadable
            if parent not in made and closed[path] in parent.parents:
                command += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        command += ["--ro-bind", str(path), str(path)]
    return command


def as_user(wrapper: list[str], user: pwd.struct_passwd, command: list[str]) -> list[str]:
    """``command`` inside ``wrapper``, dropped to ``user`` (uid, group, supplementary groups) by setpriv."""
    return [*wrapper, "--chdir", user.pw_dir, "--", shutil.which("setpriv") or "setpriv", f"--reuid={user.pw_uid}",
            f"--regid={user.pw_gid}", "--init-groups", "--", *command]


def _run(*command: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise HubError(f"{' '.join(command)} failed: {result.stderr.strip() or result.stdout.strip()}")


#: The last field of the comment (GECOS) of every account ``course hub`` makes, followed by " for <the room's
#: folder>": how it knows its own accounts, and which room each is.
COURSE_MARK = "made by course hub"


def _uid_range() -> tuple[int, int]:
    """The uids of people's accounts on this machine (``UID_MIN``..``UID_MAX`` of /etc/login.defs)."""
    found = {"UID_MIN": 1000, "UID_MAX": 60000}
    try:
        for line in Path("/etc/login.defs").read_text().splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] in found and parts[1].isdigit():
                found[parts[0]] = int(parts[1])
    except OSError:
        pass
    return found["UID_MIN"], found["UID_MAX"]


def made_by_course(entry: pwd.struct_passwd) -> bool:
    """Whether ``course hub start`` made this account (its comment's last field starts with :data:`COURSE_MARK`)."""
    return entry.pw_gecos.split(",")[-1].startswith(COURSE_MARK)


def room_of(entry: pwd.struct_passwd) -> Path | None:
    """The folder of the room whose ``start`` made this account (None: not made by the course, or unknown)."""
    mark = entry.pw_gecos.split(",")[-1]
    return Path(mark[len(COURSE_MARK) + 5:]) if mark.startswith(f"{COURSE_MARK} for /") else None


def _comment(person: Person, root: Path) -> str:
    name = " ".join(part for part in (person.first_name, person.last_name) if part)
    mark = f"{COURSE_MARK} for {root}" if not re.search(r"[,:=\n]", str(root)) else COURSE_MARK
    return f"{re.sub(r'[,:=]', ' ', name)},,,,{mark}"  # full name, 3 empty fields, the mark


def _owner_name(uid: int) -> str | None:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return None


def _account_problem(entry: pwd.struct_passwd, ours: bool) -> str | None:
    """Why an existing account cannot be a room's, in one line with its fix (None: it can be)."""
    name, home = entry.pw_name, Path(entry.pw_dir)
    low, high = _uid_range()
    if not low <= entry.pw_uid <= high:
        return (f"The account {name} exists and is a system account of this machine (uid {entry.pw_uid}), not a "
                f"person's: a server cannot run as it. Choose another user name.")
    if ours:
        if home.is_symlink() or (home.exists() and not home.is_dir()):
            return (f"The account {name}'s home {home} is not a folder: remove it (the account's home is then "
                    f"made again) or choose another user name.")
        if home.is_dir() and home.stat().st_uid != entry.pw_uid and _owner_name(home.stat().st_uid):
            return (f"The account {name}'s home {home} belongs to {_owner_name(home.stat().st_uid)}: give it back "
                    f"(chown -R {name}: {home}) or choose another user name.")
        return None
    fix = "remove the account (userdel), or choose another user name"
    if not home.is_dir() or home.is_symlink():
        return (f"The account {name} exists, was not made by `course hub`, and its home {home} does not exist: "
                f"give it a home of its own, {fix}.")
    if home.stat().st_uid != entry.pw_uid:
        return (f"The account {name} exists, was not made by `course hub`, and its home {home} belongs to "
                f"{_owner_name(home.stat().st_uid) or home.stat().st_uid}: give it its own home, {fix}.")
    if home.stat().st_mode & 0o027:
        return (f"The account {name} exists, was not made by `course hub`, and its home {home} is open to others "
                f"(mode {home.stat().st_mode & 0o777:o}): close it (chmod 700 {home}), {fix}.")
    return None


def _make_home(entry: pwd.struct_passwd, home: Path) -> None:
    """Make ``home`` for ``entry``: /etc/skel's files, the account's own, 0700. Every folder on the way must
    be root's and closed to others' writing (a sticky one such as /tmp aside), or another user could swap it."""
    for folder in reversed(home.parents):
        if not folder.exists():
            folder.mkdir(mode=0o755)
        info = folder.lstat()
        shared = info.st_mode & 0o1000 or not info.st_mode & 0o022
        if not folder.is_dir() or folder.is_symlink() or info.st_uid != 0 or not shared:
            raise HubError(f"Cannot make {entry.pw_name}'s home {home}: {folder} on the way is not a folder of "
                           f"root's closed to others. Choose another --home-base.")
    home.mkdir(mode=0o700, exist_ok=True)
    if Path("/etc/skel").is_dir():
        shutil.copytree("/etc/skel", home, symlinks=True, dirs_exist_ok=True)
    for path in [home, *home.rglob("*")]:
        os.lchown(path, entry.pw_uid, entry.pw_gid)
    os.chmod(home, 0o700)


def _repair_home(entry: pwd.struct_passwd, home_base: Path) -> pwd.struct_passwd:
    """The home of an account of the course's, as a room needs it: there, the account's own, 0700.

    A home that is gone (a temporary folder removed after an interrupted room) is made again under
    ``home_base``; one left by an account of the same name removed earlier (its owner has no account
    any more) is handed to this one, with the work in it.
    """
    home = Path(entry.pw_dir)
    if not home.exists():
        home = home_base / entry.pw_name
        if Path(entry.pw_dir) != home:
            _run("usermod", "--home", str(home), entry.pw_name)
        if not home.exists():
            _make_home(entry, home)
        entry = pwd.getpwnam(entry.pw_name)
    info = home.stat()
    if info.st_uid != entry.pw_uid:
        if _owner_name(info.st_uid):
            raise HubError(f"The account {entry.pw_name}'s home {home} belongs to {_owner_name(info.st_uid)}: "
                           f"give it back (chown -R {entry.pw_name}: {home}) or choose another user name.")
        for path in [home, *home.rglob("*")]:
            if path.lstat().st_uid == info.st_uid:
                os.lchown(path, entry.pw_uid, entry.pw_gid)
    os.chmod(home, 0o700)  # a learner's work is theirs alone
    return entry


def check_accounts(people: list[Person], ours: set[str]) -> None:
    """Refuse, before anything is made, an existing account a room cannot use (see :func:`_account_problem`)."""
    for person in people:
        try:
            entry = pwd.getpwnam(person.username)
        except KeyError:
            continue
        problem = _account_problem(entry, made_by_course(entry) or person.username in ours)
        if problem:
            raise HubError(problem)


def _ensure_user(person: Person, root: Path, home_base: Path, created: list[str], passwords: dict[str, str],
                 known_passwords: set[str] = frozenset(), ours: set[str] = frozenset()) -> pwd.struct_passwd:
    """The account of ``person`` for the room in ``root``, made if missing, with a home of its own (see
    :func:`_repair_home`).

    ``created``: the accounts this room made, to which a new one is added (``stop --remove-users``
    removes them), and one the course made for a room whose folder is gone (interrupted, then
    removed: no `stop` can reach it any more); an account of another room that still exists is used
    and left to that room. ``passwords``: the passwords set now, for new accounts and the course's
    accounts whose password this room does not know. ``ours``: names that are the course's even
    without its mark (the grader account made by an older version).
    """
    try:
        entry = pwd.getpwnam(person.username)
    except KeyError:
        entry = None
    if entry is None:
        home_base.mkdir(parents=True, exist_ok=True)
        _run("useradd", "--create-home", "--base-dir", str(home_base), "--shell", "/bin/bash", "--user-group",
             "--comment", _comment(person, root), person.username)
        created.append(person.username)
        entry = pwd.getpwnam(person.username)
    elif not (made_by_course(entry) or person.username in created or person.username in ours):
        return entry  # someone's own account, checked by check_accounts: used as it is
    elif person.username not in created:
        home_room = room_of(entry)
        if home_room is None or home_room == root or not Room(home_room).state_file.is_file():
            _run("usermod", "--comment", _comment(person, root), person.username)
            created.append(person.username)  # the course's, left by a room now gone: this room's now
    entry = _repair_home(entry, home_base)
    if person.username in created and person.username not in known_passwords:  # another room's: its own
        password = secrets.token_urlsafe(9)
        subprocess.run(["chpasswd"], input=f"{person.username}:{password}\n", text=True, check=True)
        passwords[person.username] = password
    return entry


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)


def _server_config(disabled_server: list[str], disabled_lab: list[str], nbgrader_config: str) -> dict[str, str]:
    server = {"ServerApp": {"jpserver_extensions": {f"nbgrader.server_extensions.{e}": False for e in disabled_server}}}
    page = {"disabledExtensions": {f"@jupyter/nbgrader:{e}": True for e in disabled_lab}}
    return {"jupyter_server_config.json": json.dumps(server, indent=1),
            "labconfig/page_config.json": json.dumps(page, indent=1),
            "nbgrader_config.py": nbgrader_config}


def _config_dirs(room: Room, course_id: str) -> dict[str, str]:
    """The Jupyter configuration of each kind of server: which nbgrader panels, which exchange."""
    exchange = (f"from nbgrader.auth import JupyterHubAuthPlugin\nc = get_config()\n"
                f"c.Exchange.root = {str(room.exchange)!r}\nc.Exchange.path_includes_course = True\n"
                f"c.Authenticator.plugin_class = JupyterHubAuthPlugin\n")
    grader = (f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
              f"from course.grading.nbgrader_setup import configure\n"
              f"from nbgrader.auth import JupyterHubAuthPlugin\nc = get_config()\n"
              f"configure(c, {str(room.course)!r})\n"
              f"c.Authenticator.plugin_class = JupyterHubAuthPlugin\n")
    kinds = {
        # Learners: the assignment list and validate; no formgrader, no course list, no assignment creation.
        "learner": _server_config(["formgrader", "course_list"], ["formgrader", "course-list", "create-assignment"],
                                  exchange),
        # Instructors: the same, and the course list, which links to the formgrader service of the course.
        "instructor": _server_config(["formgrader"], ["formgrader", "create-assignment"], exchange),
        # The grader account's server is the formgrader service, on the course folder.
        "grader": _server_config(["assignment_list", "course_list"], ["assignment-list", "course-list"], grader),
    }
    dirs = {}
    for kind, files in kinds.items():
        for name, text in files.items():
            _write(room.config / kind / name, text)
        os.chmod(room.config / kind, 0o755)
        dirs[kind] = str(room.config / kind)
    return dirs


#: The repository's open modes while a room has it closed, kept outside every room's folder: a room
#: interrupted and then removed with its folder must not make the closed modes look like the open ones.
CLOSED_REPOSITORY = Path("/var/lib/course-hub/closed-repository.json")


def repository_modes() -> dict[str, int]:
    """The open modes of the repository's folders that show solutions (to restore once the room stops):
    their modes now, or those recorded when a room closed them and never opened them again."""
    recorded = json.loads(CLOSED_REPOSITORY.read_text()) if CLOSED_REPOSITORY.is_file() else {}
    if str(ROOT) in recorded:
        return {name: int(mode) for name, mode in recorded[str(ROOT)].items()}
    return {name: (ROOT / name).stat().st_mode & 0o7777 for name in INSTRUCTOR_ONLY if (ROOT / name).is_dir()}


def _lock_repository(modes: dict[str, int]) -> None:
    """Close the repository's folders that show solutions to other users (``modes``: their open modes,
    recorded first)."""
    recorded = json.loads(CLOSED_REPOSITORY.read_text()) if CLOSED_REPOSITORY.is_file() else {}
    _write(CLOSED_REPOSITORY, json.dumps({**recorded, str(ROOT): modes}, indent=1), 0o600)
    for name, mode in modes.items():
        if (ROOT / name).is_dir():
            os.chmod(ROOT / name, mode & ~0o007)


def open_repository(modes: dict[str, int]) -> None:
    """Give the repository's folders back their open ``modes`` and forget the record."""
    for name, mode in modes.items():
        if (ROOT / name).is_dir():
            os.chmod(ROOT / name, mode)
    recorded = json.loads(CLOSED_REPOSITORY.read_text()) if CLOSED_REPOSITORY.is_file() else {}
    if recorded.pop(str(ROOT), None) is not None:
        if recorded:
            _write(CLOSED_REPOSITORY, json.dumps(recorded, indent=1), 0o600)
        else:
            CLOSED_REPOSITORY.unlink()


def _prepare_course(room: Room, grader: pwd.struct_passwd, staff_gid: int, people: list[Person],
                    db_url: str | None) -> None:
    from ..grading import nbgrader_setup

    room.course.mkdir(parents=True, exist_ok=True)
    os.chmod(room.course, 0o2770)
    source = room.course / "source"
    if not source.exists():
        shutil.copytree(NOTEBOOKS, source, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*.md"))
    settings = {**nbgrader_setup.settings(room.course), "exchange": str(room.exchange), "source": str(source)}
    if db_url:
        settings["db_url"] = db_url
    _write(room.course / nbgrader_setup.SETTINGS_FILE, json.dumps(settings, indent=1) + "\n", 0o640)
    with nbgrader_setup.gradebook(room.course) as gb:  # the class list, with each learner's own name
        for person in people:
            gb.update_or_create_student(person.username, first_name=person.first_name or None,
                                        last_name=person.last_name or None, email=person.email or None)
    for path in [room.course, *room.course.rglob("*")]:
        os.lchown(path, grader.pw_uid, staff_gid)
    room.exchange.mkdir(parents=True, exist_ok=True)
    os.chown(room.exchange, 0, staff_gid)
    os.chmod(room.exchange, 0o2775)


