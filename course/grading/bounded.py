"""Read what a learner handed in inside a child process bounded in memory, time and depth.

A notebook is text a learner wrote: brackets nested a hundred thousand deep stop Python's JSON
reader and the tampering check with a ``RecursionError``, and a few megabytes of nested lists
take most of a gigabyte once read. :func:`run` does such a step in a process of its own, forked
from the caller (so it starts at once), with its address space capped at what the caller holds
plus ``memory_mb``: whatever the file does, the caller gets the result or a sentence saying why
there is none, and goes on with the next file.

>>> run(sum, [1, 2, 3])
(True, 6)
>>> run(sorted, 5)[0]
False
"""

from __future__ import annotations

import multiprocessing
import resource
import sys

__all__ = ["run", "MEMORY_MB", "SECONDS", "DEPTH"]

#: Memory a step may take beyond what the calling process holds, in MB (a notebook with a 50 MB
#: image takes about 100).
MEMORY_MB = 384
#: Wall-clock seconds a step may take.
SECONDS = 60
#: Python's own recursion limit in the step (its default): deeper nesting is refused, never a crash.
DEPTH = 1000


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _step(connection, memory_mb: int, function, args) -> None:
    """In the child: bound it, do the step, send back (True, result) or (False, why)."""
    sys.setrecursionlimit(DEPTH)
    try:
        limit = _address_space() + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        outcome = (True, function(*args))
    except RecursionError:
        outcome = (False, "it is nested too deeply to be read (brackets or an expression thousands of levels deep)")
    except MemoryError:
        outcome = (False, f"reading it needs more than {memory_mb} MB of memory")
    except Exception as error:  # whatever the file made the step raise is this file's problem only
        outcome = (False, f"reading it failed ({type(error).__name__}: {str(error)[:200]})")
    try:
        connection.send(outcome)
    except (MemoryError, RecursionError):
        connection.send((False, "what was read is too big to send back"))


def run(function, *args, memory_mb: int = MEMORY_MB, seconds: float = SECONDS) -> tuple[bool, object]:
    """``function(*args)`` in a bounded child process: (True, its result) or (False, why it has none)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_step, args=(send, memory_mb, function, args), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(seconds):
            return False, f"reading it took more than {seconds:g} seconds"
        try:
            return receive.recv()
        except (EOFError, OSError):
            child.join(5)
            return False, f"it stopped the process reading it (exit code {child.exitcode})"
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
