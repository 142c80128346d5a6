"""The processes of a workshop room: found by the mark each carries, and ended.

Every process ``course hub start`` starts carries ``COURSE_HUB_ROOM=<room folder>`` in its
environment, and so do their children (the proxy, the services, the learners' servers and their
kernels): a room's processes are found by that mark even when the hub that started them has died.
"""

from __future__ import annotations

import os
import pwd
import signal
import time
from pathlib import Path

__all__ = ["alive", "marks", "marked", "end", "end_abandoned_rooms", "room_processes"]


def alive(pid: int) -> bool:
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


def marks() -> dict[int, str]:
    """Each process that carries a room's mark (``COURSE_HUB_ROOM=<root>``), with that room's folder."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                for variable in (entry / "environ").read_bytes().split(b"\0"):
                    if variable.startswith(b"COURSE_HUB_ROOM="):
                        found[int(entry.name)] = variable.split(b"=", 1)[1].decode(errors="replace")
            except OSError:
                pass
    return found


def marked(root: Path) -> set[int]:
    """The processes of the room in ``root``, found by their mark, even when the hub that started them died."""
    return {pid for pid, marked in marks().items() if marked == str(root)}


def end_abandoned_rooms() -> list[int]:
    """End the processes of rooms whose folder is gone (interrupted, then removed): no `stop` can reach them,
    and their proxy may hold the port this room needs. Returns their pids."""
    abandoned = [pid for pid, root in marks().items()
                 if not (Path(root) / "hub" / "state.json").is_file() and pid != os.getpid()]
    end(abandoned)
    return abandoned


def end(pids) -> None:
    """Ask each process to end, give them 5 seconds, then kill those still alive."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            if alive(pid):
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
        grace = time.monotonic() + 5
        while any(alive(p) for p in pids) and time.monotonic() < grace:
            time.sleep(0.1)


def room_processes(state: dict, root: Path | None = None) -> set[int]:
    """Every process the room started: those with its mark (the hub, the proxy, the services, the
    servers and their kernels, even orphaned), the hub's descendants, and whatever the accounts the
    course made for it run (someone's own account's other processes are left alone)."""
    import psutil

    if root is None and state.get("state"):
        root = Path(state["state"]).parent
    found = marked(Path(root)) if root else set()
    for pid in [state.get("pid"), *found]:
        try:
            if pid:
                found |= {pid, *(p.pid for p in psutil.Process(pid).children(recursive=True))}
        except psutil.NoSuchProcess:
            pass
    found = {pid for pid in found if pid == state.get("pid") or alive(pid)}
    uids = set()
    for name in state.get("created_users", []):
        try:
            uids.add(pwd.getpwnam(name).pw_uid)
        except KeyError:
            pass
    for process in psutil.process_iter(["uids"]):
        try:
            if process.info["uids"] and process.info["uids"].real in uids:
                found.add(process.pid)
        except psutil.Error:
            pass
    found.discard(os.getpid())
    return found
