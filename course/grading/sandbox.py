"""A locked-down Python kernel for autograding learners' notebooks.

Learner code runs in a kernel that:

- sees only what it needs (the Python installation, the ``course`` package and its data,
  its own notebook's folder, an empty ``/tmp``): no source notebooks, no hidden tests,
  no other learners' work, no gradebook (bubblewrap);
- has no network (a network namespace; the kernel talks to the grader over local sockets);
- runs as an unprivileged user of its own, one per parallel kernel (setpriv);
- has a memory cap, a process cap and a CPU-time cap (prlimit), and, where the machine allows,
  a resource group of its own that holds its children to the same caps (:mod:`.cgroups`);
- cannot write to its sockets' folder once it has made them, and its /tmp and /dev/shm are
  small in-memory file systems;
- leaves nothing behind: every process it started is gone once its grading ends.

Each protection is probed on the machine first. Where one cannot be had (no bubblewrap,
not running as root, ...) grading still works, and :func:`missing_protections` says in
plain words what is missing. :mod:`course.grading.sandboxed_execute` runs a notebook in
this kernel for nbgrader.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from traitlets import Integer, List, Unicode, default

from ..checks.exact import SEEDS_VARIABLE
from ..data import SAMPLES_VARIABLE
from ..paths import ROOT
from . import cgroups
from .kernel_client import LimitedKernelClient, WakefulChannel  # noqa: F401 (WakefulChannel: the benchmark's)

__all__ = ["KERNEL_NAME", "Protection", "probe", "missing_protections", "sandbox_home", "install_kernelspec",
           "SandboxKernelManager", "processes_of_sandbox_users", "WakefulChannel"]

KERNEL_NAME = "course-sandbox"
#: Kernels run as users FIRST_UID, FIRST_UID + 1, ...: one per kernel alive at a time, so the
#: process cap (counted per user, machine-wide) of one learner never starves another.
FIRST_UID = 61000
UID_SLOTS = 64

#: The longest folder of kernel folders that leaves room for a socket's name: a unix socket's path has at
#: most 107 characters.
SHORT_PATH = 60

_PYTHON_PREFIXES = sorted({sys.prefix, sys.base_prefix})


def sandbox_home() -> Path:
    """The sandbox's private folder (kernelspec, user claims, kernel sockets), outside any repository.

    ``$COURSE_SANDBOX_HOME``, or ``~/.cache/parliament-course/sandbox``.
    """
    home = os.environ.get("COURSE_SANDBOX_HOME")
    return Path(home) if home else Path.home() / ".cache" / "parliament-course" / "sandbox"


# ---------------------------------------------------------------------------------------------
# What this machine offers


@dataclass(frozen=True)
class Protection:
    """One protection of the sandbox: whether this machine gives it, and if not, why and what it costs."""

    name: str
    available: bool
    missing_means: str
    why_missing: str = ""


def _runs(command: list[str]) -> tuple[bool, str]:
    if not shutil.which(command[0]):
        return False, f"the program {command[0]} is not installed"
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        return False, str(error)
    return done.returncode == 0, (done.stderr or done.stdout).strip()[:200]


@cache
def probe() -> dict[str, Protection]:
    """Try each protection once on this machine (a few milliseconds each); the answer is cached."""
    root = os.geteuid() == 0
    not_root = "grading does not run as root, which dropping to an unprivileged user needs"
    bwrap_ok, bwrap_why = _runs(["bwrap", "--ro-bind", "/", "/", "--unshare-pid", "--unshare-ipc",
                                 "--unshare-uts", "--die-with-parent", "--new-session", "true"])
    if bwrap_ok and not root:
        bwrap_ok, bwrap_why = False, not_root
    net_ok, net_why = _runs(["bwrap", "--ro-bind", "/", "/", "--unshare-net", "true"]) if bwrap_ok \
        else (False, "it needs bubblewrap")
    setpriv_ok, setpriv_why = (_runs(["setpriv", f"--reuid={FIRST_UID}", f"--regid={FIRST_UID}",
                                      "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
                                      "--no-new-privs", "true"]) if root else (False, not_root))
    groups_ok, groups_why = cgroups.availability()
    prlimit_ok, prlimit_why = _runs(["prlimit", "--as=2000000000", "--nproc=64", "--cpu=60", "true"])
    found = [
        Protection("private file view", bwrap_ok,
                   "learner code can read every file the grading user can read, including the source "
                   "notebooks with hidden tests, the model solution's results, other learners' work and the "
                   "gradebook", bwrap_why),
        Protection("no network", net_ok, "learner code can open network connections", net_why),
        Protection("unprivileged user", setpriv_ok,
                   "learner code runs with the grader's own rights and can change any of its files",
                   setpriv_why),
        Protection("memory, process and CPU caps", prlimit_ok,
                   "a memory bomb, fork bomb or endless computation can exhaust the machine", prlimit_why),
        Protection("a resource group per kernel", groups_ok,
                   "the processes a kernel starts each get the memory and CPU caps of their own, so together "
                   "they can hold several times what one kernel may", groups_why),
        Protection("cleanup of leftover processes", bwrap_ok or setpriv_ok,
                   "processes started by learner code may keep running after grading",
                   "it needs bubblewrap or an unprivileged user"),
    ]
    return {p.name: p for p in found}


def missing_protections() -> list[str]:
    """One plain sentence per protection this machine cannot give; empty when the sandbox is complete."""
    return [f"Sandbox without {p.name} ({p.why_missing}): {p.missing_means}."
            for p in probe().values() if not p.available]


# ---------------------------------------------------------------------------------------------
# The kernelspec and the launch command


def install_kernelspec(home: Path | None = None) -> Path:
    """Write the sandbox kernelspec into ``home``/kernels (idempotent) and return its folder.

    Interrupts go as messages: a signal cannot reach a kernel inside another process namespace.
    """
    folder = (home or sandbox_home()) / "kernels" / KERNEL_NAME
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (course sandbox)", "language": "python", "interrupt_mode": "message",
            "metadata": {"debugger": False}}
    text = json.dumps(spec, indent=1)
    path = folder / "kernel.json"
    if not path.exists() or path.read_text() != text:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


class _Binds:
    """bwrap arguments, creating each missing parent folder readable (bwrap would make it 0700)."""

    def __init__(self):
        self.args: list[str] = []
        self._made: set[str] = {"/"}
        self.bound: list[Path] = []

    def _parents(self, path: Path) -> None:
        for parent in reversed(path.parents):
            if str(parent) not in self._made:
                self._made.add(str(parent))
                self.args += ["--perms", "0755", "--dir", str(parent)]

    def add(self, kind: str, path: str | Path, target: str | Path | None = None) -> None:
        target = Path(target or path)
        self._parents(target)
        self._made.add(str(target))
        self.args += [kind, str(path), str(target)]
        self.bound.append(target)

    def hide(self, path: str | Path) -> None:
        """Put an empty folder over ``path`` when it lies in a bound folder (elsewhere it is out of sight already)."""
        path = Path(path)
        if path.is_dir() and any(path == b or b in path.parents for b in self.bound):
            self.args += ["--tmpfs", str(path)]


def _claim_uid(home: Path):
    """Take a free sandbox user id for one kernel's life: a lock file held open by the grader."""
    folder = home / "users"
    folder.mkdir(parents=True, exist_ok=True)
    for uid in range(FIRST_UID, FIRST_UID + UID_SLOTS):
        handle = open(folder / f"{uid}.lock", "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        return uid, handle
    raise RuntimeError(f"All {UID_SLOTS} sandbox users are busy: too many kernels at once.")


def processes_of_sandbox_users(uids=range(FIRST_UID, FIRST_UID + UID_SLOTS)) -> list[int]:
    """Process ids owned by the sandbox users (real user id), from /proc."""
    wanted = {str(uid) for uid in uids}
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        match = re.search(r"^Uid:\s+(\d+)", status, flags=re.M)
        if match and match.group(1) in wanted:
            found.append(int(entry.name))
    return found


def _kill_user_processes(uid: int) -> None:
    for _ in range(5):
        pids = processes_of_sandbox_users([uid])
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.05)


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager that starts the course's kernel inside the sandbox, with what this machine offers."""

    memory_mb = Integer(3072, help="address-space cap of each sandboxed process, in MB").tag(config=True)
    processes = Integer(64, help="cap on processes and threads of one sandboxed kernel").tag(config=True)
    cpu_seconds = Integer(600, help="CPU seconds a sandboxed process may use before it is stopped").tag(config=True)
    tmp_mb = Integer(256, help="size of the sandbox's private /tmp and of any file it writes, in MB").tag(config=True)
    shm_mb = Integer(64, help="size of the sandbox's /dev/shm (shared memory, held in the machine's memory), "
                              "in MB").tag(config=True)
    largest_message_mb = Integer(
        64, help="largest single message accepted from the kernel; a bigger one is dropped unread").tag(config=True)
    kernels_folder = Unicode("", help="folder of the kernels' private folders (connection file, sockets, log); "
                                      "default: running/ in the sandbox's home").tag(config=True)
    hidden_paths = List(Unicode(), help="folders the kernel must never read (the model solution's records of the "
                                        "hidden tests), emptied in its view if they lie in a folder it sees"
                        ).tag(config=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("kernel_name", KERNEL_NAME)
        super().__init__(**kwargs)
        self._home = sandbox_home()
        install_kernelspec(self._home)
        self._protections = probe()
        self._uid: int | None = None
        self._uid_claim = None
        self._ipc_dir: str | None = None
        self._group: Path | None = None
        self._stderr_log = None
        kernels = self._home / "running"
        if self.kernels_folder and len(self.kernels_folder) <= SHORT_PATH:
            kernels = Path(self.kernels_folder)
        kernels.mkdir(parents=True, exist_ok=True)
        self._kernel_dir = tempfile.mkdtemp(dir=kernels)
        if self._protections["no network"].available:
            # Sockets in a folder shared with the sandbox: no network is needed to talk to the kernel.
            self._ipc_dir = f"{self._kernel_dir}/ipc"
            os.mkdir(self._ipc_dir)
            self.transport = "ipc"
            self.ip = f"{self._ipc_dir}/kernel"

    @default("kernel_spec_manager")
    def _private_kernel_specs(self) -> KernelSpecManager:
        return KernelSpecManager(kernel_dirs=[str(sandbox_home() / "kernels")])

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        self._release_uid()
        can = {name: p.available for name, p in self._protections.items()}
        if can["unprivileged user"]:
            self._uid, self._uid_claim = _claim_uid(self._home)
            os.chown(self.connection_file, self._uid, self._uid)
            if self._ipc_dir:
                os.chown(self._ipc_dir, self._uid, self._uid)
                os.chmod(self._ipc_dir, 0o700)
            command = ["setpriv", f"--reuid={self._uid}", f"--regid={self._uid}", "--clear-groups",
                       "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--", *command]
        if can["memory, process and CPU caps"]:
            limits = ["prlimit", f"--as={self.memory_mb * 2**20}", f"--cpu={self.cpu_seconds}",
                      f"--fsize={self.tmp_mb * 2**20}"]
            if self._uid is not None:
                # Only meaningful for a user of its own: the cap counts all processes of the user.
                limits.append(f"--nproc={self.processes}")
            command = [*limits, "--", *command]
        if can["private file view"]:
            command = self._bwrap_arguments(can["no network"]) + ["--", *command]
        if can["a resource group per kernel"]:
            self._group = cgroups.make_group(f"kernel-{os.getpid()}-{Path(self._kernel_dir).name}",
                                             self.memory_mb * 2**20, self.processes)
            command = cgroups.joining(self._group, command)
        return command

    def seal_sockets(self) -> None:
        """Close the sockets' folder to the kernel once it has made them: learner code cannot fill it
        (the sockets stay open to the grader)."""
        if self._ipc_dir and self._uid is not None:
            os.chown(self._ipc_dir, os.geteuid(), os.getegid())
            os.chmod(self._ipc_dir, 0o755)

    def _bwrap_arguments(self, no_network: bool) -> list[str]:
        binds = _Binds()
        # /tmp first: a bind made before it under /tmp (a course cloned there, say) would be hidden by it.
        binds.args += ["--dev", "/dev", "--proc", "/proc"]
        # bwrap's /dev/shm would be a folder of the unbounded /dev: an in-memory file system of its own, small.
        binds.args += ["--perms", "1777", "--size", str(self.shm_mb * 2**20), "--tmpfs", "/dev/shm"]
        binds.args += ["--perms", "1777", "--size", str(self.tmp_mb * 2**20), "--tmpfs", "/tmp"]
        binds._made.add("/tmp")
        for system in ("/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc"):
            if os.path.exists(system):
                binds.add("--ro-bind", system)
        for prefix in _PYTHON_PREFIXES:
            binds.add("--ro-bind", prefix)
        # The course package and its data, never the whole repository (notebooks/ has the hidden tests).
        for folder in ("course", "data"):
            if (ROOT / folder).is_dir():
                binds.add("--ro-bind", ROOT / folder)
        binds.add("--ro-bind", self.connection_file)
        cwd = os.getcwd() if self._cwd is None else self._cwd
        binds.add("--ro-bind", cwd)
        # The notebook being graded (it now holds the hidden tests) stays out of the kernel's sight.
        for notebook in Path(cwd).glob("*.ipynb"):
            binds.args += ["--ro-bind", "/dev/null", str(notebook)]
        if self._ipc_dir:
            binds.add("--bind", self._ipc_dir)
        samples = os.environ.get(SAMPLES_VARIABLE)
        if samples:
            binds.add("--ro-bind", samples)
        for hidden in self.hidden_paths:
            binds.hide(hidden)
        return ["bwrap", *binds.args, "--chdir", cwd, "--clearenv",
                "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin",
                "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
                # The kernel imports the very course package the grader runs (its hidden tests' helpers
                # included), even when the environment's own install points at another checkout.
                "--setenv", "PYTHONPATH", str(ROOT),
                "--setenv", "NBGRADER_EXECUTION", os.environ.get("NBGRADER_EXECUTION", "autograde"),
                "--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "MPLBACKEND", "Agg",
                *(["--setenv", SAMPLES_VARIABLE, samples] if samples else []),
                *(["--setenv", SEEDS_VARIABLE, seeds] if (seeds := os.environ.get(SEEDS_VARIABLE)) else []),
                *(["--unshare-net"] if no_network else []),
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session"]

    _cwd: str | None = None

    async def _async_pre_start_kernel(self, **kw):
        self._cwd = kw.get("cwd")
        # What learner code writes straight to the process's stdout/stderr never floods the grader's log.
        kw.setdefault("stdout", subprocess.DEVNULL)
        self._stderr_log = open(f"{self._kernel_dir}/stderr.log", "ab")
        kw.setdefault("stderr", self._stderr_log)
        return await super()._async_pre_start_kernel(**kw)

    @default("client_factory")
    def _limited_client(self):
        return LimitedKernelClient

    def client(self, **kwargs):
        kwargs.setdefault("largest_message_mb", self.largest_message_mb)
        return super().client(**kwargs)

    def _release_uid(self) -> None:
        if self._uid is not None:
            _kill_user_processes(self._uid)
            self._uid_claim.close()
            self._uid, self._uid_claim = None, None

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            self._release_uid()
            if self._group is not None:
                cgroups.remove_group(self._group)
                self._group = None
            if self._stderr_log is not None:
                self._stderr_log.close()
            shutil.rmtree(self._kernel_dir, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources
