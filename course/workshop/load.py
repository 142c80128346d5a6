"""A room under load: simulated learners who do, through the hub, what their browsers do.

Each learner logs in on the hub's login page (the room's PAM accounts), starts a server, opens
JupyterLab (the hub's OAuth round trip), fetches a stage from the Assignments list, opens the
notebook, runs every code cell through a kernel's websocket with a pause between cells, saves
the notebook and hands it in. :func:`run_room` starts a room with ``course hub start``, runs one
learner alone (the baseline), then the whole room with arrivals spread over a few minutes, and
reads each learner's control group for the memory and CPU their server and kernel used.

Used by ``benchmarks/bench_room.py`` (a room of 30) and ``tests/test_room_load.py`` (a small room,
and the faults a room has).
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import ROOT

__all__ = ["Learner", "Browser", "answers_of", "run_learner", "summary", "run_room", "MemorySampler"]


@dataclass
class Learner:
    """One simulated learner: who, and what happened to them (seconds since they arrived)."""

    name: str
    password: str
    arrives_after: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)
    cell_seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def answers_of(stage: str) -> dict[str, str]:
    """Each solution cell's grade_id -> the model solution's code (markers dropped): what a learner types in."""
    import nbformat

    from ..grading.exercise_cells import nbgrader_meta

    source = nbformat.read(ROOT / "notebooks" / stage / f"{stage}.ipynb", as_version=4)
    return {nbgrader_meta(c)["grade_id"]: "\n".join(line for line in c.source.splitlines()
                                                     if "### BEGIN SOLUTION" not in line
                                                     and "### END SOLUTION" not in line)
            for c in source.cells if nbgrader_meta(c).get("solution") and c.cell_type == "code"}


class Browser:
    """A learner's browser on the hub: its cookies, and the XSRF token each part of the site wants back."""

    def __init__(self, url: str, name: str):
        import httpx

        self.url, self.name = url.rstrip("/"), name
        self.client = httpx.AsyncClient(base_url=self.url, timeout=300)

    def _xsrf(self, path: str) -> dict[str, str]:
        for cookie in self.client.cookies.jar:
            if cookie.name == "_xsrf" and path.startswith(cookie.path.rstrip("/") + "/"):
                return {"X-XSRFToken": cookie.value}
        return {}

    async def request(self, method: str, path: str, follow: bool = False, **kwargs):
        reply = await self.client.request(method, path, headers=self._xsrf(path), follow_redirects=follow, **kwargs)
        if reply.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {reply.status_code} {reply.text[:200]}")
        return reply

    async def log_in(self, password: str) -> None:
        await self.request("GET", "/hub/login")
        reply = await self.request("POST", "/hub/login", data={
            "username": self.name, "password": password, **{"_xsrf": self._xsrf("/hub/").get("X-XSRFToken", "")}})
        if reply.status_code != 302:
            raise RuntimeError(f"logging in as {self.name} gave {reply.status_code}")

    async def start_server(self, timeout: float = 300) -> None:
        """Ask for the server, wait until it answers, and open JupyterLab (the hub's OAuth round trip)."""
        await self.request("POST", f"/hub/api/users/{self.name}/server")
        deadline = time.monotonic() + timeout
        while True:
            model = (await self.request("GET", f"/hub/api/users/{self.name}")).json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                break
            if not model.get("pending") and not server:
                raise RuntimeError(f"{self.name}'s server did not start")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{self.name}'s server not ready after {timeout:.0f} s")
            await asyncio.sleep(0.5)
        await self.request("GET", f"/user/{self.name}/lab", follow=True)

    def server(self, path: str) -> str:
        return f"/user/{self.name}{path}"

    async def assignment(self, action: str, course: str, stage: str) -> None:
        """nbgrader's Assignments list: fetch or submit, on the learner's own server."""
        body = (await self.request("POST", self.server(f"/assignments/{action}"),
                                   data={"course_id": course, "assignment_id": stage})).json()
        if not body.get("success"):
            raise RuntimeError(f"{action}: {body.get('value')}")

    async def kernel(self, path: str) -> str:
        reply = await self.request("POST", self.server("/api/sessions"), json={
            "path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}})
        return reply.json()["kernel"]["id"]

    async def channels(self, kernel_id: str):
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        cookies = "; ".join(f"{c.name}={c.value}" for c in self.client.cookies.jar)
        url = self.url.replace("http", "ws", 1) + self.server(f"/api/kernels/{kernel_id}/channels")
        return await websocket_connect(HTTPRequest(url, headers={"Cookie": cookies}), max_message_size=1 << 28)

    async def close(self) -> None:
        await self.client.aclose()


async def execute(socket, code: str, session: str, timeout: float = 300) -> str | None:
    """Run ``code`` in the kernel behind ``socket``; the error's name, or None when it ran."""
    msg_id = uuid.uuid4().hex
    await socket.write_message(json.dumps({
        "header": {"msg_id": msg_id, "username": "learner", "session": session, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    deadline = time.monotonic() + timeout
    while True:
        message = await asyncio.wait_for(socket.read_message(), max(1.0, deadline - time.monotonic()))
        if message is None:
            raise RuntimeError("the kernel's websocket closed")
        if isinstance(message, bytes):
            continue
        reply = json.loads(message)
        if reply.get("parent_header", {}).get("msg_id") == msg_id and reply.get("msg_type") == "execute_reply":
            content = reply["content"]
            return None if content.get("status") == "ok" else content.get("ename", "error")


async def run_learner(url: str, learner: Learner, course: str, stage: str, answers: dict[str, str],
                      think: float, rng: random.Random) -> Learner:
    """One learner's session, from the login page to the hand-in; failures are recorded, never raised."""
    import nbformat

    await asyncio.sleep(learner.arrives_after)
    started = time.monotonic()

    def mark(step: str) -> None:
        learner.steps[step] = round(time.monotonic() - started, 2)

    browser = Browser(url, learner.name)
    try:
        await browser.log_in(learner.password)
        mark("logged in")
        await browser.start_server()
        mark("server ready")
        await browser.assignment("fetch", course, stage)
        path = f"{course}/{stage}/{stage}.ipynb"
        opened = (await browser.request("GET", browser.server(f"/api/contents/{path}"),
                                        params={"content": 1})).json()["content"]
        nb = nbformat.from_dict(opened)
        for cell in nb.cells:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if grade_id in answers:
                cell.source = answers[grade_id]
        mark("fetched")
        kernel = await browser.kernel(path)
        socket = await browser.channels(kernel)
        session = uuid.uuid4().hex
        for number, cell in enumerate(nb.cells, 1):
            if cell.cell_type != "code":
                continue
            clock = time.monotonic()
            error = await execute(socket, cell.source, session)
            learner.cell_seconds.append(time.monotonic() - clock)
            if error and error not in ("NotAttempted",):
                learner.failures.append(f"cell {number}: {error}")
            await asyncio.sleep(rng.expovariate(1 / think) if think else 0)
        socket.close()
        mark("ran every cell")
        await browser.request("PUT", browser.server(f"/api/contents/{path}"),
                              json={"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(nb))})
        await browser.assignment("submit", course, stage)
        mark("handed in")
    except Exception as error:  # a load run reports every failure and goes on with the others
        learner.failures.append(f"{type(error).__name__}: {error}")
    finally:
        await browser.close()
    return learner


class MemorySampler:
    """Samples, every second, the resident memory of each learner's processes (server and kernels) and of
    the whole machine's used memory; keeps the peaks. Control groups' own peaks are not read: some
    machines (containers) report none."""

    def __init__(self, names: list[str], interval: float = 1.0):
        import pwd
        import threading

        self.uids = {pwd.getpwnam(name).pw_uid: name for name in names}
        self.peak_mb = dict.fromkeys(names, 0.0)
        self.cpu_seconds = dict.fromkeys(names, 0.0)
        self.machine_peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def _sample(self) -> None:
        import psutil

        resident = dict.fromkeys(self.peak_mb, 0.0)
        cpu = dict.fromkeys(self.peak_mb, 0.0)
        for process in psutil.process_iter(["uids", "memory_info", "cpu_times"]):
            name = self.uids.get(process.info["uids"].real if process.info["uids"] else None)
            if name and process.info["memory_info"]:
                resident[name] += process.info["memory_info"].rss / 2**20
                cpu[name] += process.info["cpu_times"].user + process.info["cpu_times"].system
        for name in resident:
            self.peak_mb[name] = max(self.peak_mb[name], resident[name])
            self.cpu_seconds[name] = max(self.cpu_seconds[name], cpu[name])
        self.machine_peak_mb = max(self.machine_peak_mb, psutil.virtual_memory().used / 2**20)

    def _run(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self._sample()

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._sample()
        self._stop.set()
        self._thread.join()

    def usage(self, names: list[str]) -> dict[str, dict[str, float]]:
        return {name: {"peak_mb": self.peak_mb[name], "cpu_seconds": self.cpu_seconds[name]} for name in names}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


def summary(learners: list[Learner], usage: dict[str, dict], wall: float) -> dict:
    """The figures of one run: readiness, cell latency, memory, CPU, failures."""
    cells = [s for learner in learners for s in learner.cell_seconds]
    ready = [learner.arrives_after + learner.steps["server ready"] for learner in learners
             if "server ready" in learner.steps]
    peaks = [u["peak_mb"] for u in usage.values() if u.get("peak_mb")]
    cpu = [u["cpu_seconds"] for u in usage.values() if u.get("cpu_seconds") is not None]
    return {
        "learners": len(learners),
        "failures": [f"{learner.name}: {f}" for learner in learners for f in learner.failures],
        "seconds_until_all_ready": round(max(ready), 1) if ready else None,
        "seconds_wall": round(wall, 1),
        "seconds_per_learner_median": round(statistics.median(
            [learner.steps.get("handed in", float("nan")) for learner in learners]), 1),
        "cell_seconds": {"median": round(statistics.median(cells), 3) if cells else None,
                         "p95": round(_percentile(cells, 0.95), 3), "worst": round(max(cells), 3) if cells else None,
                         "cells": len(cells)},
        "peak_mb_per_learner": {"median": round(statistics.median(peaks)) if peaks else None,
                                "worst": round(max(peaks)) if peaks else None},
        "peak_mb_total": round(sum(peaks)) if peaks else None,
        "cpu_seconds_per_learner": round(statistics.median(cpu), 1) if cpu else None,
    }


def course_command(*args: str) -> str:
    """A grading command as the instructor types it on the hub's machine (as root)."""
    done = subprocess.run([sys.executable, "-m", "course.cli", *args], capture_output=True, text=True, timeout=900)
    if done.returncode:
        raise RuntimeError(f"course {' '.join(args)}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def run_room(learners: int, stage: str = "01-objectives", spread: float = 120.0, think: float = 2.0,
             mem_limit: str = "1G", cpu_limit: float = 1.0, root: Path | None = None, seed: int = 1) -> dict:
    """Start a room of ``learners`` (plus one who runs alone first: the baseline), run them, stop the room.

    Returns {"alone": figures of the one learner alone, "room": figures of the whole room, "ratio": ...}.
    """
    import secrets
    import tempfile

    from ..grading.nbgrader_setup import COURSE_ID
    from . import hub
    from .room import Person

    rng = random.Random(seed)
    tag = secrets.token_hex(2)
    people = [Person(f"ld{tag}-{i:02d}", "Learner", str(i)) for i in range(learners + 1)]
    with tempfile.TemporaryDirectory(prefix="course-room-load-") as scratch:
        base = Path(root or scratch)
        base.chmod(0o755)  # the room's accounts go through it to their homes and the course folder
        room = hub.Room(base / "room")
        try:
            state = hub.start(people, [Person(f"ld{tag}-teach", "Ina")], room.root, hub._free_port(),
                              base / "homes", mem_limit, cpu_limit)
            passwords = json.loads((room.state / "passwords.json").read_text())
            course_command("release", stage, "--course-dir", str(room.course))
            answers = answers_of(stage)
            everyone = [Learner(p.username, passwords[p.username]) for p in people]
            alone, crowd = everyone[0], everyone[1:]
            for learner in crowd:
                learner.arrives_after = rng.uniform(0, spread)

            async def session(group: list[Learner]) -> None:
                await asyncio.gather(*(run_learner(state["url"], one, COURSE_ID, stage, answers, think,
                                                   random.Random(rng.random())) for one in group))

            with MemorySampler([alone.name]) as sampler:
                clock = time.monotonic()
                asyncio.run(session([alone]))
                alone_wall = time.monotonic() - clock
            alone_figures = summary([alone], sampler.usage([alone.name]), alone_wall)
            with MemorySampler([one.name for one in crowd]) as sampler:
                clock = time.monotonic()
                asyncio.run(session(crowd))
                room_wall = time.monotonic() - clock
            figures = {"alone": alone_figures,
                       "room": summary(crowd, sampler.usage([one.name for one in crowd]), room_wall)}
            figures["machine_peak_used_mb"] = round(sampler.machine_peak_mb)
            figures["ratio_room_to_alone"] = round(
                figures["room"]["seconds_per_learner_median"] / figures["alone"]["seconds_per_learner_median"], 2)
            figures["hub_seconds_to_start"] = round(state.get("seconds_to_start", 0), 1)
            return figures
        finally:
            if room.state_file.exists():
                hub.stop(room.root, remove_users=True)
