"""Memory and CPU limits for one learner's server, with the kernel's control groups.

JupyterHub's ``LocalProcessSpawner`` only passes ``mem_limit`` and ``cpu_limit`` on as
environment variables; nothing enforces them. Here each learner's server (and so every kernel
and program it starts) is put in a control group of its own, ``course-hub-<user>``, with the
memory cap and the CPU quota set: cgroup v2 where the machine has it, else cgroup v1's ``memory``
and ``cpu`` hierarchies.

>>> parse_bytes("2G"), parse_bytes("512M"), parse_bytes(1024)
(2147483648, 536870912, 1024)
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["CGROUP_ROOT", "parse_bytes", "unavailable", "confine", "release", "limits_of"]

CGROUP_ROOT = Path("/sys/fs/cgroup")
PREFIX = "course-hub-"
_PERIOD = 100_000  # microseconds of a CPU quota period


def parse_bytes(value: str | int) -> int:
    """``"2G"`` -> bytes (K, M, G, T: powers of 1024), as JupyterHub reads ``mem_limit``."""
    if isinstance(value, int):
        return value
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)B?\s*", str(value), re.I)
    if not found:
        raise ValueError(f"Not a memory size: {value!r} (write it like 2G or 512M)")
    return int(float(found[1]) * 1024 ** " KMGT".index(found[2].upper() or " "))


def _v2() -> bool:
    return (CGROUP_ROOT / "cgroup.controllers").is_file()


def _own_v1(controller: str) -> Path:
    """This process's cgroup in a v1 hierarchy (new groups go under it)."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(","):
            return CGROUP_ROOT / controller / path.lstrip("/")
    return CGROUP_ROOT / controller


def _groups(name: str) -> dict[str, Path]:
    if _v2():
        return {"v2": CGROUP_ROOT / "course-hub" / f"{PREFIX}{name}"}
    return {c: _own_v1(c) / f"{PREFIX}{name}" for c in ("memory", "cpu")}


def unavailable() -> str | None:
    """Why limits cannot be enforced on this machine, or None when they can."""
    if os.geteuid() != 0:
        return "limits need root"
    try:
        for path in _groups("probe").values():
            path.mkdir(parents=True, exist_ok=True)
            path.rmdir()
    except OSError as error:
        return f"the control groups cannot be written ({error})"
    if _v2():
        controllers = (CGROUP_ROOT / "cgroup.controllers").read_text().split()
        missing = {"memory", "cpu"} - set(controllers)
        if missing:
            return f"the cgroup v2 controllers {', '.join(sorted(missing))} are not enabled"
    elif not all((CGROUP_ROOT / c).is_dir() for c in ("memory", "cpu")):
        return "neither cgroup v2 nor the v1 memory and cpu hierarchies are mounted"
    return None


def confine(pid: int, name: str, memory: int | None, cpus: float | None) -> list[Path]:
    """Put process ``pid`` (and all it starts from now on) under ``name``'s limits; return the groups."""
    groups = _groups(name)
    if "v2" in groups:
        top = groups["v2"].parent
        top.mkdir(exist_ok=True)
        for parent in (CGROUP_ROOT, top):
            (parent / "cgroup.subtree_control").write_text("+memory +cpu")
        group = groups["v2"]
        group.mkdir(exist_ok=True)
        if memory:
            (group / "memory.max").write_text(str(memory))
            (group / "memory.swap.max").exists() and (group / "memory.swap.max").write_text("0")
        if cpus:
            (group / "cpu.max").write_text(f"{int(cpus * _PERIOD)} {_PERIOD}")
        (group / "cgroup.procs").write_text(str(pid))
        return [group]
    for group in groups.values():
        group.mkdir(exist_ok=True)
    if memory:
        (groups["memory"] / "memory.limit_in_bytes").write_text(str(memory))
    if cpus:
        (groups["cpu"] / "cpu.cfs_period_us").write_text(str(_PERIOD))
        (groups["cpu"] / "cpu.cfs_quota_us").write_text(str(int(cpus * _PERIOD)))
    for group in groups.values():
        (group / "cgroup.procs").write_text(str(pid))
    return list(groups.values())


def limits_of(name: str) -> dict[str, float | None]:
    """The memory cap (bytes) and CPU count set for ``name`` (None where none is set)."""
    groups = _groups(name)
    if "v2" in groups:
        group = groups["v2"]
        memory = (group / "memory.max").read_text().strip()
        quota, period = (group / "cpu.max").read_text().split()
        return {"memory": None if memory == "max" else int(memory),
                "cpus": None if quota == "max" else int(quota) / int(period)}
    memory = int((groups["memory"] / "memory.limit_in_bytes").read_text())
    quota = int((groups["cpu"] / "cpu.cfs_quota_us").read_text())
    period = int((groups["cpu"] / "cpu.cfs_period_us").read_text())
    return {"memory": None if memory >= 2 ** 62 else memory, "cpus": None if quota < 0 else quota / period}


def release(name: str) -> None:
    """Remove ``name``'s groups once its processes are gone (a group still in use stays)."""
    for group in _groups(name).values():
        try:
            group.rmdir()
        except OSError:
            pass
