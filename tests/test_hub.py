"""The workshop room on a real JupyterHub, end to end, with nbgrader's exchange: ``course hub``.

Each round trip starts ``course hub start`` on 127.0.0.1 with an instructor and three learners
(real unix users the test creates), spawns their servers through the hub's REST API, releases
stage 00 with ``course release`` on the hub's course folder, has each learner fetch, answer
(right, partly wrong, blank; the right one also passes the Validate panel, in a kernel of
the learner's own) and submit **through their own server** (nbgrader's server endpoints,
with that learner's own token), then ``course collect``, ``course grade`` and ``course
feedback``; it checks the scores and names in the gradebook, what each learner cannot read,
that each fetches only their own feedback, and that ``course hub stop`` ends every process
(the users are then removed). The second round trip keeps the gradebook in a real PostgreSQL
server that the test starts on a local socket and stops.

Both bound their time (``ROUND_TRIP_SECONDS``) and print their figures (run with ``-s``).

An interrupted room: ``course hub start`` killed after the accounts, after the proxy and after the
hub (``COURSE_HUB_TEST_INTERRUPT``), each followed by ``course hub stop`` and by a new start that
succeeds; a formgrader that exits, named in the error; someone's own account used only if safe.
The tests clean up after themselves even when interrupted (Ctrl-C, SIGTERM, SIGHUP through the
fixtures; a run killed outright is cleaned by the next one), so the file can run twice in a row.
"""
from __future__ import annotations

import contextlib
import glob
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest

from course.grading import nbgrader_setup
from course.paths import ROOT
from course.workshop import hub, limits, processes

STAGE = "00-welcome"
COURSE = nbgrader_setup.COURSE_ID
KINDS = ("correct", "wrong", "blank")
#: One round trip's limit: start, spawn, release, three submissions, collect, grade, feedback, stop.
ROUND_TRIP_SECONDS = 600
MEM_LIMIT, CPU_LIMIT = "1G", 0.5

requests = pytest.importorskip("requests")
needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="a hub with one unix user per learner needs root")


# --------------------------------------------------------------------------- the clear errors

def test_preflight_names_the_fix_for_each_thing_missing(monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(hub.os, "geteuid", lambda: 1000)
        monkeypatch.setattr(hub, "proxy_program", lambda: None)
        problems = hub.preflight(port)
    text = "\n".join(problems)
    assert "must run as root" in text and "sudo" in text
    assert "configurable-http-proxy" in text and "npm install" in text
    assert f"Port {port} on 127.0.0.1 is in use" in text and "--port" in text


@pytest.mark.parametrize("module, name", [("jupyterhub", "JupyterHub"), ("nbgitpuller", "nbgitpuller")])
def test_a_missing_hub_part_is_named_with_its_install_command(monkeypatch, module, name):
    monkeypatch.setitem(sys.modules, module, None)  # importing it now fails
    assert any(f"{name} is not installed" in p and ".[hub]" in p for p in hub.preflight(0))


def test_the_command_says_why_it_cannot_start(tmp_path, monkeypatch, capsys):
    from course.cli import main

    (tmp_path / "room.csv").write_text("username,name\nana,Ana Silva\n")
    monkeypatch.setattr(hub.os, "geteuid", lambda: 1000)
    assert main(["hub", "start", "--learners", str(tmp_path / "room.csv"), "--root", str(tmp_path / "r")]) == 1
    assert "must run as root" in capsys.readouterr().err


def test_the_hubs_failure_is_told_by_the_failing_part_not_by_the_proxy():
    """The log as the reported room had it: the service's own line among the proxy's noise."""
    log = "\n".join([
        "[I 2026-12-07 22:57:04.621 JupyterHub service:436] Starting service 'formgrader-x': ['/usr/bin/bwrap']",
        "bwrap: Can't chdir to /tmp/gone/homes/grader-x: No such file or directory",
        "22:57:04.675 [ConfigProxy] error: 404 GET /hub/api/",
        "[I 2026-12-07 22:57:04.676 JupyterHub log:192] 200 GET /hub/error/404?url=%2Fhub%2Fapi%2F (@127.0.0.1)",
        "[C 2026-12-07 22:57:05.624 JupyterHub app:3808] Service formgrader-x exited with status 1",
        "22:57:05.700 [ConfigProxy] error: 503 GET /hub/api/ connect ECONNREFUSED 127.0.0.1:52195",
        "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {",
        "  code: 'ECONNREFUSED',", "}"])
    assert hub.hub_failure(log) == ("Service formgrader-x exited with status 1:\n"
                                    "  bwrap: Can't chdir to /tmp/gone/homes/grader-x: No such file or directory")


def test_learners_come_from_a_csv_with_their_names(tmp_path):
    (tmp_path / "room.csv").write_text("username,name,email\nana,Ana Silva,ana@example.org\nben,Ben,\n")
    assert hub.read_people(tmp_path / "room.csv") == [hub.Person("ana", "Ana", "Silva", "ana@example.org"),
                                                       hub.Person("ben", "Ben")]
    assert hub.read_people("ina,olu") == [hub.Person("ina"), hub.Person("olu")]
    with pytest.raises(hub.HubError, match="Not a valid unix user name: Ana Silva"):
        hub.read_people("Ana Silva")


def test_roles_follow_nbgraders_multiple_classes_demo():
    from course.workshop.hub_config import hub_roles

    roles = {r["name"]: r for r in hub_roles(COURSE, "grader", ["ana"], ["ina"])}
    assert f"access:services!service={COURSE}" in roles[f"formgrade-{COURSE}"]["scopes"]
    assert roles[f"formgrade-{COURSE}"]["groups"] == [f"formgrade-{COURSE}"]
    assert not any(s.startswith("access:services") for s in roles[f"nbgrader-{COURSE}"]["scopes"])
    assert "list:services" in roles[f"nbgrader-{COURSE}"]["scopes"]
    assert roles["server"]["scopes"] == ["inherit"]


def test_the_kubernetes_values_carry_the_groups_and_roles_tested_here():
    """Zero to JupyterHub's values are configuration only, but their nbgrader set-up is the tested one."""
    import yaml

    from course.workshop.hub_config import hub_roles

    values = yaml.safe_load((ROOT / "deploy" / "zero-to-jupyterhub" / "values.yaml").read_text())
    config = values["hub"]["config"]["JupyterHub"]
    tested = {r["name"]: r for r in hub_roles(COURSE, f"grader-{COURSE}", [], [])}
    for role in config["load_roles"]:
        assert role == tested[role["name"]], role["name"]
    assert set(config["load_groups"]) == {f"nbgrader-{COURSE}", f"formgrade-{COURSE}"}
    assert f"grader-{COURSE}" in config["load_groups"][f"formgrade-{COURSE}"]["users"]
    assert COURSE in values["hub"]["services"]
    nbgrader_config = values["singleuser"]["extraFiles"]["nbgrader-config"]["stringData"]
    assert "path_includes_course = True" in nbgrader_config and "JupyterHubAuthPlugin" in nbgrader_config


# --------------------------------------------------------------------------- a real PostgreSQL

@contextlib.contextmanager
def postgresql(base: Path, grader: str):
    """Debian's PostgreSQL on a unix socket in ``base``, peer authentication only; yields the gradebook URL.

    root (who runs the grading commands) and the grader account (the formgrader) connect as the
    role ``gradebook``; no one else can.
    """
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    assert found, "PostgreSQL is not installed: sudo apt-get install postgresql (python3 tasks.py test does it)"
    bin_dir = Path(found[-1]).parent
    data, sock = base / "data", base / "socket"
    base.mkdir()
    sock.mkdir()
    shutil.chown(base, "postgres")
    shutil.chown(sock, "postgres")
    os.chmod(base, 0o755)

    def as_postgres(*command, **kwargs):
        return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, command)], check=True,
                              capture_output=True, text=True, cwd=base, **kwargs)

    as_postgres(bin_dir / "initdb", "-D", data, "--auth-local=peer", "--auth-host=reject", "-U", "postgres")
    (data / "pg_hba.conf").write_text("local all postgres peer\nlocal gradebook gradebook peer map=graders\n")
    (data / "pg_ident.conf").write_text(f"graders root gradebook\ngraders {grader} gradebook\n")
    as_postgres(bin_dir / "pg_ctl", "-D", data, "-l", base / "postgres.log", "-w", "-t", "60", "start",
                "-o", f"-k {sock} -c listen_addresses=''")
    try:
        psql = [bin_dir / "psql", "-h", sock, "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c"]
        as_postgres(*psql, "CREATE ROLE gradebook LOGIN")
        as_postgres(*psql, "CREATE DATABASE gradebook OWNER gradebook")
        yield f"postgresql+psycopg2://gradebook@/gradebook?host={sock}", sock
    finally:
        as_postgres(bin_dir / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")


# --------------------------------------------------------------------------- the round trip

class Budget:
    """The round trip's time limit: an alarm that ends a stuck step, and the figures measured."""

    def __init__(self, seconds: int):
        self.seconds, self.started, self.figures = seconds, time.monotonic(), {}

    def __enter__(self):
        def expired(*_):
            raise TimeoutError(f"the hub's round trip took more than {self.seconds} s")
        self.previous = signal.signal(signal.SIGALRM, expired)
        signal.alarm(self.seconds)
        return self

    def __exit__(self, *_):
        signal.alarm(0)
        signal.signal(signal.SIGALRM, self.previous)

    def mark(self, name: str) -> None:
        self.figures[name] = round(time.monotonic() - self.started, 1)


def course_command(*args: str, env: dict | None = None) -> str:
    """A grading command as an instructor types it (as root, on the hub's course folder)."""
    result = subprocess.run([sys.executable, "-m", "course.cli", *args], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=300)
    assert result.returncode == 0, f"course {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def as_learner(name: str, *command: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", name, "--", *command], capture_output=True, text=True, timeout=60)


class Hub:
    """The room's REST API, as the test (the hub's admin service) and as each user with their token."""

    def __init__(self, state: dict, room: hub.Room):
        self.url = state["url"].rstrip("/")
        self.admin = {"Authorization": f"token {room.admin_token()}"}
        self.tokens: dict[str, str] = {}

    def api(self, method: str, path: str, **kwargs):
        return requests.request(method, f"{self.url}/hub/api{path}", headers=self.admin, timeout=60, **kwargs)

    def spawn(self, names: list[str], seconds: float) -> None:
        for name in names:
            assert self.api("POST", f"/users/{name}/server").status_code in (201, 202)
        deadline = time.monotonic() + seconds
        waiting = set(names)
        while waiting:
            for name in sorted(waiting):
                model = self.api("GET", f"/users/{name}").json()
                server = model.get("servers", {}).get("")
                if server and server.get("ready"):
                    waiting.discard(name)
                elif not model.get("pending") and not server:
                    pytest.fail(f"{name}'s server did not start")
            assert time.monotonic() < deadline, f"servers not ready after {seconds} s: {sorted(waiting)}"
            time.sleep(0.5)

    def token(self, name: str) -> str:
        if name not in self.tokens:
            reply = self.api("POST", f"/users/{name}/tokens", json={"note": "test", "expires_in": 3600})
            assert reply.status_code == 201, reply.text
            self.tokens[name] = reply.json()["token"]
        return self.tokens[name]

    def as_user(self, name: str, method: str, path: str, **kwargs):
        headers = {"Authorization": f"token {self.token(name)}"}
        return requests.request(method, f"{self.url}{path}", headers=headers, timeout=120, **kwargs)

    def nbgrader(self, name: str, action: str) -> dict:
        """One of nbgrader's assignment-list actions (fetch, submit, fetch_feedback) on ``name``'s own server."""
        reply = self.as_user(name, "POST", f"/user/{name}/assignments/{action}",
                             data={"course_id": COURSE, "assignment_id": STAGE})
        assert reply.status_code == 200, reply.text
        body = reply.json()
        assert body["success"], body["value"]
        return body


def answer(hub_api: Hub, name: str, kind: str, scratch: Path) -> float:
    """Open the fetched notebook through ``name``'s server, answer it as ``kind``, save it back; the expected score."""
    from fixtures import simulated_class as simulated

    path = f"{COURSE}/{STAGE}/{STAGE}.ipynb"
    reply = hub_api.as_user(name, "GET", f"/user/{name}/api/contents/{path}", params={"content": 1})
    assert reply.status_code == 200, reply.text
    fetched = scratch / f"{name}.ipynb"
    nbformat.write(nbformat.from_dict(reply.json()["content"]), fetched)
    # "wrong": one exercise answered wrongly, the rest right, so that its score stands apart from the blank one.
    notebook, expected = simulated.variants(STAGE, fetched)["partly" if kind == "wrong" else kind]
    reply = hub_api.as_user(name, "PUT", f"/user/{name}/api/contents/{path}",
                            json={"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(notebook))})
    assert reply.status_code == 200, reply.text
    return expected


def round_trip(tmp: Path, db: str | None = None, pg_socket: Path | None = None) -> dict:
    tag = secrets.token_hex(2)
    learners = [hub.Person(f"h{tag}-{kind}", kind.title(), f"Learner{tag}") for kind in KINDS]
    instructor = hub.Person(f"h{tag}-teach", "Ina", "Instructor")
    kind_of = {p.username: kind for p, kind in zip(learners, KINDS)}
    names = [p.username for p in learners]
    room = hub.Room(tmp / "room")
    port = hub._free_port()
    state = None
    with Budget(ROUND_TRIP_SECONDS) as budget:
        try:
            state = hub.start(learners, [instructor], room.root, port, tmp / "homes", MEM_LIMIT, CPU_LIMIT, db)
            budget.mark("hub started")
            api = Hub(state, room)
            api.spawn([*names, instructor.username], seconds=240)
            budget.mark("all servers spawned")
            check_servers(api, state, names, instructor.username)

            course_command("release", STAGE, "--course-dir", str(room.course))
            budget.mark("released")
            expected, scratch = {}, tmp / "scratch"
            scratch.mkdir()
            for name in names:
                listed = api.as_user(name, "GET", f"/user/{name}/assignments", params={"course_id": COURSE}).json()
                assert [a["assignment_id"] for a in listed["value"]] == [STAGE], listed
                api.nbgrader(name, "fetch")
                # The fetched stage brings the book's pages its links point to (book/glossary.md, ...).
                page = api.as_user(name, "GET", f"/user/{name}/api/contents/{COURSE}/{STAGE}/book/glossary.md")
                assert page.status_code == 200, page.text
                expected[name] = answer(api, name, kind_of[name], scratch)
                if kind_of[name] == "correct":  # the Validate panel runs it in a kernel of the learner's own
                    check_validate(api, name)
                api.nbgrader(name, "submit")
            budget.mark("fetched, answered, submitted")

            out = course_command("collect", STAGE, "--course-dir", str(room.course))
            assert f"{STAGE}: 3 submission(s)" in out
            grade = ["grade", STAGE, "--course-dir", str(room.course), "--jobs", "2"]
            print(course_command(*grade, *(["--db-url", db] if db else [])))
            course_command("feedback", STAGE, "--course-dir", str(room.course))
            budget.mark("collected, graded, feedback written")

            check_gradebook(room, learners, expected)
            check_isolation(api, room, names, pg_socket)
            check_feedback(api, names)
            budget.mark("checked")
        except BaseException:
            print(f"The hub's log ends with:\n{hub._log_tail(room, 150)}")
            if os.environ.get("COURSE_HUB_TEST_KEEP"):  # for a look at what went wrong
                shutil.copytree(room.root, os.environ["COURSE_HUB_TEST_KEEP"], symlinks=True, dirs_exist_ok=True)
            raise
        finally:
            if state is None and room.state_file.exists():  # start failed: remove whom it created
                hub.stop(room.root, remove_users=True)
            if state is not None:
                running = processes.room_processes(hub.status(room.root) or state, room.root)
                result = hub.stop(room.root, remove_users=True)
                budget.mark("stopped")
                assert not result["left"] and not [p for p in running if processes.alive(p)]
                assert not processes.room_processes(state, room.root)
                assert not [n for n in [*names, instructor.username, state["grader"]] if _exists(n)]
                assert not [n for n in [*names, instructor.username, state["grader"]] if _group_exists(n)]
                assert (ROOT / "notebooks").stat().st_mode & 0o005  # the repository is open again
    # stop keeps the work: each learner's notebook in their home, the course folder with its submissions.
    assert all((tmp / "homes" / n / COURSE / STAGE / f"{STAGE}.ipynb").is_file() for n in names)
    assert len(list((room.course / "autograded").glob(f"*/{STAGE}/{STAGE}.ipynb"))) == 3
    return budget.figures


def _exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def _group_exists(name: str) -> bool:
    import grp

    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def check_servers(api: Hub, state: dict, learners: list[str], instructor: str) -> None:
    """Each server runs as its own user, within the limits; the panels and the formgrader go to the right people."""
    import psutil

    for name in [*learners, instructor]:
        pid = api.api("GET", f"/users/{name}").json()["servers"][""]["state"]["pid"]
        uids = {p.uids().real for p in [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]}
        assert pwd.getpwnam(name).pw_uid in uids and uids <= {0, pwd.getpwnam(name).pw_uid}
        if not state["limits_unavailable"]:
            assert f"course-hub-{name}" in Path(f"/proc/{pid}/cgroup").read_text()
            assert limits.limits_of(name) == {"memory": limits.parse_bytes(MEM_LIMIT), "cpus": CPU_LIMIT}
    learner = learners[0]
    assert api.as_user(learner, "GET", f"/user/{learner}/formgrader").status_code == 404
    # nbgitpuller, which the book's JupyterHub button opens, answers (a pull without a repository is refused).
    assert api.as_user(learner, "GET", f"/user/{learner}/git-pull").status_code == 400
    assert api.as_user(learner, "GET", f"/services/{COURSE}/formgrader").status_code == 403
    assert api.as_user(learner, "GET", f"/user/{learners[1]}/api/contents").status_code in (403, 404)
    page = api.as_user(instructor, "GET", f"/services/{COURSE}/formgrader")
    assert page.status_code == 200 and "formgrader" in page.text.lower()
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]  # opened in a tab of its own
    # The instructors' course list links to the course's formgrader service; learners have no such panel.
    graders = api.as_user(instructor, "GET", f"/user/{instructor}/formgraders").json()
    assert graders["success"] and [(g["course_id"], g["kind"]) for g in graders["value"]] == [(COURSE, "jupyterhub")]
    assert api.as_user(learner, "GET", f"/user/{learner}/formgraders").status_code == 404


def check_validate(api: Hub, name: str) -> None:
    """The course's package and data are in the learner's server: their notebook runs there and passes."""
    reply = api.as_user(name, "POST", f"/user/{name}/assignments/validate",
                        data={"path": f"{COURSE}/{STAGE}/{STAGE}.ipynb"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["success"], body["value"]
    assert not body["value"].get("failed") and not body["value"].get("type_changed"), body["value"]


def check_gradebook(room: hub.Room, learners: list[hub.Person], expected: dict[str, float]) -> None:
    with nbgrader_setup.gradebook(room.course) as gb:
        for person in learners:
            student = gb.find_student(person.username)
            assert (student.first_name, student.last_name) == (person.first_name, person.last_name)
            submission = gb.find_submission(STAGE, person.username)
            assert submission.score == pytest.approx(expected[person.username]), person.username
    scores = [expected[p.username] for p in learners]
    assert scores[0] > scores[1] > scores[2] == 0  # right, wrong, blank
    settings = json.loads((room.course / nbgrader_setup.SETTINGS_FILE).read_text())
    assert settings["exchange"] == str(room.exchange)


def check_isolation(api: Hub, room: hub.Room, names: list[str], pg_socket: Path | None) -> None:
    """A learner cannot reach another's submission, the source notebook, the gradebook or others' feedback."""
    other, snoop = names[0], names[1]
    inbound = room.exchange / COURSE / "inbound"
    submissions = [p for p in inbound.iterdir() if p.name.startswith(f"{other}+")]
    assert submissions
    assert as_learner(snoop, "ls", str(inbound)).returncode != 0  # nbgrader's names there cannot be guessed
    assert as_learner(snoop, "ls", str(room.exchange / COURSE / "feedback")).returncode != 0
    for path in [room.course / "submitted" / other / STAGE / f"{STAGE}.ipynb",
                 room.course / "source" / STAGE / f"{STAGE}.ipynb",
                 ROOT / "notebooks" / STAGE / f"{STAGE}.ipynb",
                 room.course / "gradebook.db", room.course / nbgrader_setup.SETTINGS_FILE,
                 Path(pwd.getpwnam(other).pw_dir) / COURSE / STAGE / f"{STAGE}.ipynb"]:
        assert path.exists() or path.name == "gradebook.db", path
        reading = as_learner(snoop, "cat", str(path))
        assert reading.returncode != 0 and "Permission denied" in reading.stderr, path
    if pg_socket is not None:
        connecting = as_learner(snoop, "psql", "-h", str(pg_socket), "-U", "gradebook", "-d", "gradebook", "-c",
                                "SELECT 1")
        assert connecting.returncode != 0 and "authentication failed" in connecting.stderr
    # Through the learner's own server: the contents API stays inside their home.
    reply = api.as_user(snoop, "GET", f"/user/{snoop}/api/contents/../{other}")
    assert reply.status_code in (400, 403, 404)


def check_feedback(api: Hub, names: list[str]) -> None:
    for name in names:
        api.nbgrader(name, "fetch_feedback")
        listed = api.as_user(name, "GET", f"/user/{name}/assignments", params={"course_id": COURSE}).json()["value"]
        submitted = [a for a in listed if a["status"] == "submitted"]
        assert submitted and all(s["student_id"] == name for s in submitted), submitted
        home = Path(pwd.getpwnam(name).pw_dir)
        pages = list(home.glob(f"{COURSE}/{STAGE}/feedback/*/{STAGE}.html"))
        assert len(pages) == 1, pages
        text = pages[0].read_text(encoding="utf-8")
        assert all(f"{n}" not in text for n in names if n != name)


SCRATCH = "course-hub-test-"  #: the prefix of these tests' folders in /tmp


def clean_scratch(folder: Path) -> None:
    """Leave nothing of a test's rooms in ``folder``: their processes, the accounts made for them, the folder."""
    import psutil

    from course.workshop.room import room_of

    for state_file in folder.glob("*/hub/state.json"):
        with contextlib.suppress(Exception):
            hub.stop(state_file.parent.parent, remove_users=True)
    inside = str(folder) + "/"
    doomed = {pid for pid, root in processes.marks().items() if root.startswith(inside)}
    for process in psutil.process_iter(["cmdline"]):  # a PostgreSQL server of the test, say
        with contextlib.suppress(psutil.Error, TypeError):
            if any(inside in part for part in process.info["cmdline"]):
                doomed.add(process.pid)
    doomed.discard(os.getpid())
    for pid in doomed:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    for entry in pwd.getpwall():
        if room_of(entry) and str(room_of(entry)).startswith(inside):
            subprocess.run(["userdel", "--force", entry.pw_name], capture_output=True)
            subprocess.run(["groupdel", entry.pw_name], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module", autouse=True)
def no_leftovers():
    """These tests clean up even when interrupted: Ctrl-C, a closed terminal (SIGHUP) or SIGTERM end the run
    through the fixtures' clean-up, and what a run killed outright left (its folder names a pytest process
    that has ended) is cleaned before this one starts."""
    if os.geteuid() != 0:
        yield
        return
    for folder in Path("/tmp").glob(f"{SCRATCH}*"):
        owner = folder / "pytest.pid"
        if not owner.is_file() or not processes.alive(int(owner.read_text() or 0)):
            clean_scratch(folder)

    def interrupted(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")
    previous = {sig: signal.signal(sig, interrupted) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@pytest.fixture
def scratch_room():
    """A folder every user can pass through (pytest's tmp folders are root's only), cleaned up afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH, dir="/tmp"))
    os.chmod(folder, 0o755)
    (folder / "pytest.pid").write_text(str(os.getpid()))
    try:
        yield folder
    finally:
        clean_scratch(folder)


@needs_root
def test_a_workshop_room_round_trip_on_jupyterhub(scratch_room):
    figures = round_trip(scratch_room)
    print(f"\nhub round trip (SQLite gradebook): {json.dumps(figures)}")
    assert figures["stopped"] < ROUND_TRIP_SECONDS


@needs_root
def test_the_same_round_trip_with_a_postgresql_gradebook(scratch_room):
    grader = f"grader-{COURSE}"[:32]
    with postgresql(scratch_room / "postgres", grader) as (url, sock):
        figures = round_trip(scratch_room, url, sock)
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.connect() as db:  # the scores are on the server, not in a file
            assert db.execute(text("SELECT count(*) FROM submitted_assignment")).scalar() == 3
        engine.dispose()
    assert not (scratch_room / "room" / "course" / "gradebook.db").exists()
    print(f"\nhub round trip (PostgreSQL gradebook): {json.dumps(figures)}")


# --------------------------------------------------------------------------- an interrupted room

GRADER = f"grader-{COURSE}"[:32]
#: Where `start` is killed: accounts made (nothing started); the proxy up (the hub dies with start: the
#: proxy is orphaned); the hub up (start dies before it records that; the hub keeps running).
STEPS = ("accounts", "proxy", "hub")


def hub_command(action: str, root: Path, *args: str, interrupt: str | None = None) -> subprocess.CompletedProcess:
    """``course hub <action>`` as typed; ``interrupt``: the step at which ``start`` is killed (SIGKILL)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("COURSE_HUB_TEST_INTERRUPT", None)
    if interrupt:
        env["COURSE_HUB_TEST_INTERRUPT"] = interrupt
    return subprocess.run([sys.executable, "-m", "course.cli", "hub", action, "--root", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=240)


def room_left(room: hub.Room) -> set[int]:
    """The room's processes still running."""
    return {p for p in processes.room_processes(room.read_state(), room.root) if processes.alive(p)}


def repository_open() -> bool:
    from course.workshop.room import CLOSED_REPOSITORY, INSTRUCTOR_ONLY

    recorded = json.loads(CLOSED_REPOSITORY.read_text()) if CLOSED_REPOSITORY.is_file() else {}
    return str(ROOT) not in recorded and all((ROOT / name).stat().st_mode & 0o005 for name in INSTRUCTOR_ONLY
                                             if (ROOT / name).is_dir())


def _formgrader_is_up(state: dict, room: hub.Room) -> bool:
    reply = requests.get(f"{state['url']}hub/api/services/{COURSE}", timeout=30,
                         headers={"Authorization": f"token {room.admin_token()}"})
    return reply.status_code == 200


@needs_root
def test_an_interrupted_start_is_stopped_and_started_again(scratch_room):
    """A start killed at each step is followed by a `stop` that ends all it left, and by a new `start` that
    succeeds: the hub and the formgrader answer, after it ended what the killed start left (once after the
    room's folder and the accounts' homes were removed too, as in the reported room). A start killed after the
    hub answered counts as one that succeeded: it is killed only once the hub and the formgrader answer,
    so the sequence needs three hubs, not six."""
    if _exists(GRADER):
        pytest.skip(f"{GRADER} exists on this machine (another room's): this test makes and removes its own")
    tag = secrets.token_hex(2)
    learners, instructor = [f"i{tag}-ana", f"i{tag}-ben"], f"i{tag}-ina"
    names = [*learners, instructor, GRADER]
    room, homes, port = hub.Room(scratch_room / "room"), scratch_room / "homes", hub._free_port()
    start = ["--learners", ",".join(learners), "--instructors", instructor, "--port", str(port),
             "--home-base", str(homes)]
    began = time.monotonic()

    def killed_at(step: str) -> set[int]:
        """`course hub start` killed at ``step``; what it left running."""
        killed = hub_command("start", room.root, *start, interrupt=step)
        assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
        state, left = room.read_state(), room_left(room)
        assert all(_exists(n) for n in names) and set(state["created_users"]) == set(names)
        if step == "accounts":
            assert state["pid"] is None and not left
        else:
            assert left and processes.alive(state["pid"]) == (step == "hub"), (step, state["pid"], left)
            assert not repository_open()
        if step == "proxy":  # the hub died with start: its orphaned proxy holds the room's port
            assert not hub._port_free(port)
        return left

    def stopped(left: set[int]) -> None:
        """`course hub stop` ends what a killed start left; the accounts and their work are kept."""
        done = hub_command("stop", room.root)
        assert done.returncode == 0, done.stdout + done.stderr
        assert not room_left(room) and not [p for p in left if processes.alive(p)]
        assert room.read_state()["pid"] is None and repository_open() and hub._port_free(port)
        assert all(_exists(n) for n in names)

    def came_up(left: set[int]) -> None:
        """The hub and its formgrader answer, what the killed start before left has ended, each home is right."""
        state = room.read_state()
        assert processes.alive(state["pid"]) and _formgrader_is_up(state, room)
        assert not [p for p in left if processes.alive(p)]
        for name in names:
            entry = pwd.getpwnam(name)
            home = Path(entry.pw_dir).stat()
            assert (home.st_uid, home.st_mode & 0o777) == (entry.pw_uid, 0o700), name
            assert Path(entry.pw_dir).parent == homes, name

    stopped(killed_at("accounts"))          # killed after the accounts, then stop
    killed_at("accounts")
    after_hub = killed_at("hub")
    came_up(set())                          # killed after the accounts, then a start that succeeds
    stopped(after_hub)                      # killed after the hub, then stop
    stopped(killed_at("proxy"))             # killed after the proxy, then stop
    after_proxy = killed_at("proxy")
    shutil.rmtree(room.root)                # the reported room: its folder and the accounts' temporary
    shutil.rmtree(homes)                    # homes removed since; its orphaned proxy still runs
    after_hub = killed_at("hub")
    came_up(after_proxy)                    # killed after the proxy, then a start that succeeds
    started = hub_command("start", room.root, *start)
    assert started.returncode == 0, started.stdout + started.stderr
    came_up(after_hub)                      # killed after the hub, then a start that succeeds
    assert hub.status(room.root)["seconds_to_start"] > 0
    done = hub_command("stop", room.root, "--remove-users")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not room_left(room) and repository_open()
    assert not [n for n in names if _exists(n)] and not [n for n in names if _group_exists(n)]
    print(f"\ninterrupted starts: {time.monotonic() - began:.1f} s")


@needs_root
def test_a_hub_that_does_not_come_up_names_the_failing_service(scratch_room):
    """The formgrader service exits (here: a configuration left in the grader account's home stops it): the
    error is the hub's line naming the service and the service's own words, not the proxy's noise; the
    failed start leaves no process behind."""
    if _exists(GRADER):
        pytest.skip(f"{GRADER} exists on this machine (another room's): this test makes and removes its own")
    learner = f"f{secrets.token_hex(2)}-ana"
    room, homes = hub.Room(scratch_room / "room"), scratch_room / "homes"
    start = ["--learners", learner, "--port", str(hub._free_port()), "--home-base", str(homes)]
    assert hub_command("start", room.root, *start, interrupt="accounts").returncode == -signal.SIGKILL
    grader = pwd.getpwnam(GRADER)
    config = Path(grader.pw_dir) / ".jupyter" / "jupyter_server_config.py"
    config.parent.mkdir()
    config.write_text('raise SystemExit("this configuration is not for a formgrader")\n')
    for path in (config.parent, config):
        os.chown(path, grader.pw_uid, grader.pw_gid)
    failed = hub_command("start", room.root, *start)
    assert failed.returncode == 1
    error = failed.stderr
    assert f"Service {COURSE} exited with status 1" in error, error
    assert "this configuration is not for a formgrader" in error, error
    assert not any(noise in error for noise in ("ConfigProxy", "ECONNREFUSED", "404", "Traceback")), error
    assert len(error.splitlines()) <= 4, error
    assert not room_left(room) and repository_open()
    stopped = hub_command("stop", room.root, "--remove-users")
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert not _exists(GRADER) and not _exists(learner)


@needs_root
def test_an_account_the_course_did_not_make_is_used_only_if_it_is_safe(scratch_room):
    """Someone's own account: refused in one line when its home is missing or open to others, or when it is
    a system account; accepted when its home is its own and closed. Nothing is made before the refusal."""
    from course.workshop.room import check_accounts

    name = f"o{secrets.token_hex(2)}-own"
    home = scratch_room / "own" / name
    subprocess.run(["useradd", "--no-create-home", "--home-dir", str(home), "--user-group", name], check=True)
    try:
        room = hub.Room(scratch_room / "room")
        for people, words in (([hub.Person(name)], [name, "was not made by `course hub`", f"{home} does not exist"]),
                              ([hub.Person("daemon")], ["daemon", "system account"])):
            with pytest.raises(hub.HubError) as refused:
                hub.start(people, [], room.root, hub._free_port(), scratch_room / "homes")
            assert len(str(refused.value).splitlines()) == 1 and all(w in str(refused.value) for w in words)
        assert not room.state_file.exists() and not (scratch_room / "homes").exists()
        home.mkdir(parents=True)
        os.chown(home, pwd.getpwnam(name).pw_uid, pwd.getpwnam(name).pw_gid)
        os.chmod(home, 0o755)
        with pytest.raises(hub.HubError, match=f"open to others .mode 755.: close it .chmod 700 {home}."):
            check_accounts([hub.Person(name)], set())
        os.chmod(home, 0o700)
        check_accounts([hub.Person(name)], set())
    finally:
        subprocess.run(["userdel", name], capture_output=True)
        subprocess.run(["groupdel", name], capture_output=True)
