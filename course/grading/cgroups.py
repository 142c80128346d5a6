"""A resource group (cgroup v2) per sandboxed kernel, so the processes it starts share its caps.

``prlimit`` caps each process on its own: a kernel that starts children can hold their memory
and CPU time on top of its own. Where the machine has a cgroup v2 hierarchy with the memory,
pids and cpu controllers and grading runs as root, each kernel runs in a group of its own under
``course-sandbox/`` of that hierarchy, with a cap on the memory, the processes and the CPU of
everything in it; the group is emptied and removed when the kernel ends. :func:`availability`
says whether this machine allows it, and why not.

>>> joining(Path("/sys/fs/cgroup/course-sandbox/kernel-1"), ["python", "-V"])[:2]
['sh', '-c']
"""

from __future__ import annotations

import os
import time
from functools import cache
from pathlib import Path

__all__ = ["availability", "make_group", "joining", "remove_group", "PARENT", "CONTROLLERS"]

#: The group, at the top of the hierarchy, that holds one group per running kernel.
PARENT = "course-sandbox"
CONTROLLERS = ("memory", "pids", "cpu")


def hierarchy() -> Path | None:
    """Where the machine's cgroup v2 hierarchy is mounted (None when it has none)."""
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return None
    found = [line.split()[1] for line in mounts if line.split()[2:3] == ["cgroup2"]]
    return Path(found[0]) if found else None


def _parent(mount: Path) -> Path:
    """The group of the kernels' groups, with the controllers handed down to them."""
    wanted = " ".join(f"+{name}" for name in CONTROLLERS)
    (mount / "cgroup.subtree_control").write_text(wanted)
    parent = mount / PARENT
    parent.mkdir(exist_ok=True)
    (parent / "cgroup.subtree_control").write_text(wanted)
    return parent


@cache
def availability() -> tuple[bool, str]:
    """(whether each kernel can have a group of its own here, and if not why), probed once."""
    if os.geteuid() != 0:
        return False, "grading does not run as root, which making resource groups needs"
    mount = hierarchy()
    if mount is None:
        return False, "this machine has no cgroup v2 hierarchy"
    offered = set((mount / "cgroup.controllers").read_text().split())
    missing = [name for name in CONTROLLERS if name not in offered]
    if missing:
        return False, (f"its cgroup v2 hierarchy ({mount}) offers no {', '.join(missing)} controller (cgroup v1 "
                       f"holds them, or they are not delegated)")
    try:
        probe = _parent(mount) / f"probe-{os.getpid()}"
        probe.mkdir(exist_ok=True)
        probe.rmdir()
    except OSError as error:
        return False, f"a group cannot be made in {mount} ({error.strerror})"
    return True, ""


def make_group(name: str, memory_bytes: int, processes: int, cpus: float = 1.0) -> Path:
    """A new group for one kernel: memory (no swap), processes and CPU capped."""
    group = _parent(hierarchy()) / name
    group.mkdir()
    (group / "memory.max").write_text(str(memory_bytes))
    if (group / "memory.swap.max").exists():
        (group / "memory.swap.max").write_text("0")
    (group / "pids.max").write_text(str(processes))
    (group / "cpu.max").write_text(f"{int(cpus * 100_000)} 100000")
    return group


def joining(group: Path, command: list[str]) -> list[str]:
    """``command``, started inside ``group``: a shell moves itself into the group, then becomes the command."""
    return ["sh", "-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', str(group), *command]


def remove_group(group: Path) -> None:
    """End every process left in ``group`` and remove it."""
    if not group.is_dir():
        return
    if (group / "cgroup.kill").exists():
        (group / "cgroup.kill").write_text("1")
    deadline = time.monotonic() + 5
    while (group / "cgroup.procs").read_text().strip() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        group.rmdir()
    except OSError:
        pass  # a process that would not end keeps it; the next kernel's group has another name
