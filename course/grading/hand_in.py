"""``course collect``'s own reading of the exchange's inbound: what a learner handed in, and only that.

nbgrader's collect believes the folder names in the inbound: a folder named after a classmate is
collected as theirs, a symbolic link in it is followed with the grader's rights (the source
notebook, another learner's work or the gradebook end up in the learner's submission), and the
time in the name and in ``timestamp.txt`` is recorded as it is written. Here each hand-in
(``<learner>+<stage>+<time>+<random>``) is copied to ``submitted/<learner>/<stage>/`` only if:

- it holds nothing but folders and regular files (no link, pipe or device; no hard link);
- its owner is the learner it names, where owners mean something: the learner is a user of
  this machine (as on ``course hub``), or the folder belongs to another user than the grader;
- its learner's name is a plain name (no ``..``, no path).

A claimed time (folder name or ``timestamp.txt``) earlier than the file system's (the last
change of the folder or a file in it, which no learner can set back) is replaced by the file
system's. Every refusal and correction is one line naming the learner and the reason.

>>> safe_name("ana-lopez"), safe_name(".."), safe_name("a/b")
(True, False, False)
"""

from __future__ import annotations

import datetime as dt
import os
import pwd
import re
import shutil
import stat
import tempfile
from pathlib import Path

from nbgrader.utils import parse_utc

__all__ = ["collect_stage", "safe_name", "TIME_FORMAT", "SUBMIT_SECONDS"]

#: How nbgrader writes a hand-in's time in ``timestamp.txt``.
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"
#: How much earlier than the file system a claimed time may be: the time ``nbgrader submit``
#: takes between reading the clock and finishing its copy.
SUBMIT_SECONDS = 60


class Refused(Exception):
    """A hand-in that is not collected; the message says why, in a learner's words."""


def safe_name(name: str) -> bool:
    """Whether ``name`` can be a learner's folder: letters, digits, ``._@-``, not starting with a dot."""
    return bool(re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._@-]*", name))


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"user id {uid}"


def _expected_owner(learner: str, owner: int) -> int | None:
    """The user id the hand-in must belong to, or None where owners mean nothing (no such user, the grader's own)."""
    try:
        return pwd.getpwnam(learner).pw_uid
    except KeyError:
        return None if owner in (0, os.geteuid()) else -1


def _copy_regular(source_fd: int, target: Path, owner: int | None, changed: list[float]) -> None:
    """Copy the folder open as ``source_fd`` into ``target``, following no link; raise Refused on anything else."""
    target.mkdir(exist_ok=True)
    for name in sorted(os.listdir(source_fd)):
        info = os.stat(name, dir_fd=source_fd, follow_symlinks=False)
        changed.append(info.st_ctime)
        if owner is not None and info.st_uid != owner:
            raise Refused(f"{name} in it belongs to {_user_name(info.st_uid)}")
        if stat.S_ISDIR(info.st_mode):
            inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=source_fd)
            try:
                _copy_regular(inner, target / name, owner, changed)
            finally:
                os.close(inner)
            continue
        if stat.S_ISLNK(info.st_mode):
            raise Refused(f"{name} in it is a symbolic link")
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"{name} in it is not a regular file")
        if info.st_nlink > 1:
            raise Refused(f"{name} in it is a hard link to another file")
        # Opened without following a link: a file swapped for one after the look above is refused too.
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=source_fd)
        with open(fd, "rb") as source, open(target / name, "wb") as copy:
            if not stat.S_ISREG(os.fstat(source.fileno()).st_mode):
                raise Refused(f"{name} in it is not a regular file")
            shutil.copyfileobj(source, copy)


def _utc(text: str) -> dt.datetime:
    """A time as nbgrader writes it, read as an aware time in UTC."""
    return parse_utc(text).replace(tzinfo=dt.timezone.utc)


def _claimed(name: str, folder_fd: int) -> list[dt.datetime]:
    """The times a hand-in claims: in its folder's name, and in its ``timestamp.txt``."""
    times = [_utc(name.rsplit("+", 3)[2])]
    try:
        fd = os.open("timestamp.txt", os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder_fd)
        with open(fd, encoding="utf-8", errors="replace") as file:
            times.append(_utc(file.read(200).strip()))
    except (OSError, ValueError, OverflowError):
        pass
    return times


def _take(inbound: Path, name: str, learner: str, staging: Path) -> tuple[dt.datetime, str]:
    """Copy one hand-in into ``staging``; return the time to record and what was corrected (or raise Refused)."""
    try:
        fd = os.open(inbound / name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        raise Refused("it is a symbolic link or not a folder") from None
    try:
        info = os.fstat(fd)
        owner = _expected_owner(learner, info.st_uid)
        if owner == -1:
            raise Refused(f"the folder belongs to {_user_name(info.st_uid)}, another learner")
        if owner is not None and info.st_uid != owner:
            raise Refused(f"the folder belongs to {_user_name(info.st_uid)}, not to {learner}")
        changed = [info.st_ctime]
        _copy_regular(fd, staging, owner, changed)
        try:
            claimed = _claimed(name, fd)
        except (ValueError, OverflowError):
            raise Refused("the time in its name cannot be read") from None
    finally:
        os.close(fd)
    handed_in = dt.datetime.fromtimestamp(max(changed), dt.timezone.utc)
    if min(claimed) < handed_in - dt.timedelta(seconds=SUBMIT_SECONDS):
        return handed_in, (f"claimed {min(claimed):%Y-%m-%d %H:%M} but handed in at {handed_in:%Y-%m-%d %H:%M} "
                           f"UTC: the later time is recorded")
    return claimed[-1], ""


def _existing_time(folder: Path) -> dt.datetime | None:
    try:
        return _utc((folder / "timestamp.txt").read_text(encoding="utf-8").strip())
    except (OSError, ValueError, OverflowError):
        return None


def collect_stage(inbound: Path, submitted: Path, stage: str) -> tuple[list, list]:
    """Copy each learner's latest acceptable hand-in of ``stage``.

    Returns the hand-ins refused and the times corrected, each as (learner, what was wrong).
    """
    said: list[tuple[str, str]] = []
    corrected: list[tuple[str, str]] = []
    by_learner: dict[str, list[tuple[dt.datetime, str]]] = {}
    for entry in sorted(os.listdir(inbound)) if inbound.is_dir() else []:
        parts = entry.rsplit("+", 3)
        if len(parts) < 3 or parts[1] != stage:
            continue
        if not safe_name(parts[0]):
            said.append((parts[0], f"hand-in {entry} refused: {parts[0]!r} is not a learner's name"))
            continue
        try:
            when = _utc(parts[2])
        except (ValueError, OverflowError):
            said.append((parts[0], f"hand-in {entry} refused: the time in its name cannot be read"))
            continue
        by_learner.setdefault(parts[0], []).append((when, entry))
    for learner, entries in sorted(by_learner.items()):
        for _, entry in sorted(entries, reverse=True, key=lambda item: item[0]):
            with tempfile.TemporaryDirectory(dir=submitted.parent) as scratch:
                staging = Path(scratch) / stage
                try:
                    when, correction = _take(inbound, entry, learner, staging)
                except Refused as why:
                    said.append((learner, f"hand-in {entry} refused: {why}"))
                    continue
                if correction:
                    corrected.append((learner, f"hand-in {entry}: {correction}"))
                target = submitted / learner / stage
                existing = _existing_time(target) if target.is_dir() else None
                if existing is not None and existing >= when:
                    break  # what is collected already is as recent
                (staging / "timestamp.txt").write_text(when.strftime(TIME_FORMAT), encoding="utf-8")
                shutil.rmtree(target, ignore_errors=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                staging.rename(target)
            break
    return said, corrected
