"""`course collect` against hand-ins no honest learner makes (issue 27): links, impostors, backdating.

The exchange's inbound is written as `nbgrader submit` writes it, by real unix users of this
machine (as `course hub` makes them), the test running as root as the grader does.
"""
from __future__ import annotations

import datetime as dt
import os
import pwd
import secrets
import subprocess

import pytest
from nbgrader.utils import parse_utc

from course import cli
from course.grading import nbgrader_setup, release_and_collect
from fixtures import fixture_assignment as fixture

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="making unix users needs root, as `course hub` does")

STAGE = fixture.STAGE
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"  # as `nbgrader submit` writes it


@pytest.fixture(scope="module")
def users():
    """Three learners with accounts on this machine, removed afterwards."""
    tag = secrets.token_hex(2)
    names = {role: f"h{tag}-{role}" for role in ("ana", "bob", "carl")}
    for name in names.values():
        subprocess.run(["useradd", "--no-create-home", "--user-group", name], check=True)
    try:
        yield names
    finally:
        for name in names.values():
            subprocess.run(["userdel", name], capture_output=True)
            subprocess.run(["groupdel", name], capture_output=True)


def hand(inbound, learner: str, owner: str, when: dt.datetime, notebook: str, extra=None) -> str:
    """A hand-in as `nbgrader submit` leaves it, owned by ``owner``; ``extra(folder)`` adds to it."""
    stamp = when.strftime(TIME_FORMAT)
    folder = inbound / f"{learner}+{STAGE}+{stamp}+{secrets.token_hex(4)}"
    folder.mkdir()
    (folder / f"{STAGE}.ipynb").write_text(notebook)
    (folder / "timestamp.txt").write_text(stamp)
    if extra:
        extra(folder)
    account = pwd.getpwnam(owner)
    for path in [folder, *folder.iterdir()]:
        os.lchown(path, account.pw_uid, account.pw_gid)
    return folder.name


def test_collect_refuses_links_impostors_and_backdating_and_keeps_the_honest(tmp_path, users, capsys):
    source = fixture.write(tmp_path / "source")
    course = tmp_path / "course"
    assert release_and_collect.release(course, source, [STAGE]) == []
    inbound = course / "exchange" / nbgrader_setup.COURSE_ID / "inbound"
    inbound.mkdir(parents=True, exist_ok=True)
    released = (course / "release" / STAGE / f"{STAGE}.ipynb").read_text()
    now = dt.datetime.now(dt.timezone.utc)
    ana, bob, carl = users["ana"], users["bob"], users["carl"]
    honest = hand(inbound, ana, ana, now - dt.timedelta(seconds=5), released)
    # Bob hands in as Ana, later than her: nbgrader would take it as hers.
    hand(inbound, ana, bob, now, "{}")
    # Bob's own hand-in points at the source notebook (with its hidden tests) and holds a pipe.
    linked = hand(inbound, bob, bob, now, released, lambda folder: (
        (folder / "answers.txt").symlink_to(source / STAGE / f"{STAGE}.ipynb")))
    piped = hand(inbound, bob, bob, now - dt.timedelta(seconds=2), released,
                 lambda folder: os.mkfifo(folder / "pipe"))
    # Carl's hand-in, a year late, claims a time before the deadline.
    backdated = hand(inbound, carl, carl, now - dt.timedelta(days=365), released)
    hand(inbound, "..", ana, now, released)

    assert cli.main(["collect", "--course-dir", str(course), "--source", str(source)]) == 1
    said = capsys.readouterr().err.splitlines()
    submitted = course / "submitted"
    assert (submitted / ana / STAGE / f"{STAGE}.ipynb").read_text() == released
    assert (submitted / ana / STAGE / "timestamp.txt").read_text() == honest.split("+")[2]
    assert not (submitted / bob).exists() and not (course / STAGE).exists()
    assert sorted(p.name for p in submitted.iterdir()) == sorted([ana, carl])

    def line(*words):
        found = [text for text in said if all(word in text for word in words)]
        assert len(found) == 1, (words, said)
        return found[0]

    assert line(ana, "refused", f"belongs to {bob}, not to {ana}").startswith(f"{ana} {STAGE}")
    assert line(bob, linked, "answers.txt in it is a symbolic link")
    assert line(bob, piped, "pipe in it is not a regular file")
    assert line("'..'", "not a learner's name")
    assert line(carl, backdated, "the later time is recorded")
    recorded = parse_utc((submitted / carl / STAGE / "timestamp.txt").read_text())
    assert abs(recorded - dt.datetime.utcnow()) < dt.timedelta(minutes=2)
    assert not [text for text in said if honest in text]
