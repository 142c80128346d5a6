"""Backups of a SQLite gradebook and the grading state, taken before each grading run, and their restore."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from . import nbgrader_setup

__all__ = ["STATE_FILE", "BACKUPS", "BACKUPS_KEPT", "backup_gradebook", "restore_gradebook",
           "snapshot"]

#: The grading state of ``course grade``, backed up with the gradebook.
STATE_FILE = "grading-state.json"
BACKUPS = "backups"
#: How many gradebook backups ``course grade`` keeps (the oldest are removed).
BACKUPS_KEPT = 20


def sqlite_gradebook(course_dir: Path) -> Path | None:
    """The gradebook's file when it is SQLite (None for a database server such as PostgreSQL)."""
    url = nbgrader_setup.db_url(course_dir)
    return Path(url.removeprefix("sqlite:///")) if nbgrader_setup.is_sqlite(url) else None


def backup_gradebook(course_dir: Path) -> Path | None:
    """Copy the gradebook and the grading state to ``backups/<time>/``; keep the latest BACKUPS_KEPT.

    Nothing is done for a gradebook on a database server (its own backups cover it).
    """
    gradebook = sqlite_gradebook(course_dir)
    if gradebook is None or not gradebook.is_file():
        return None
    folder = course_dir / BACKUPS / time.strftime("%Y-%m-%d_%H-%M-%S")
    while folder.exists():
        folder = folder.with_name(folder.name + "+")
    folder.mkdir(parents=True)
    with sqlite3.connect(gradebook) as db, sqlite3.connect(folder / "gradebook.db") as copy:
        db.backup(copy)  # consistent even if another program has the gradebook open
    if (course_dir / STATE_FILE).is_file():
        shutil.copy2(course_dir / STATE_FILE, folder / STATE_FILE)
    for old in sorted((course_dir / BACKUPS).iterdir())[:-BACKUPS_KEPT]:
        shutil.rmtree(old)
    return folder


def restore_gradebook(course_dir: Path, name: str | None = None) -> Path:
    """Put back the gradebook (and grading state) of the backup ``name``, the latest by default."""
    gradebook = sqlite_gradebook(course_dir)
    if gradebook is None:
        raise SystemExit("The gradebook is on a database server: restore it with that server's own tools "
                         "(PostgreSQL: pg_restore or psql from your pg_dump backup).")
    backups = sorted(p for p in (course_dir / BACKUPS).glob("*") if (p / "gradebook.db").is_file()) \
        if (course_dir / BACKUPS).is_dir() else []
    chosen = [p for p in backups if p.name == name] if name else backups[-1:]
    if not chosen:
        raise SystemExit(f"No gradebook backup {name or ''} in {course_dir / BACKUPS}. "
                         f"Backups: {', '.join(p.name for p in backups) or 'none'}.")
    with sqlite3.connect(chosen[0] / "gradebook.db") as db, sqlite3.connect(gradebook) as live:
        db.backup(live)
    state = chosen[0] / STATE_FILE
    if state.is_file():
        shutil.copy2(state, course_dir / STATE_FILE)
    else:
        (course_dir / STATE_FILE).unlink(missing_ok=True)
    return chosen[0]


def snapshot(course_dir: Path, snapshot: Path) -> None:
    """The gradebook as it is before a grading run, for its workers to read while the main process writes.

    A SQLite copy either way: of the file, or of every table of a gradebook on a database server.
    """
    from nbgrader.api import Gradebook

    gradebook = sqlite_gradebook(course_dir)
    if gradebook is not None:
        with sqlite3.connect(gradebook) as db, sqlite3.connect(snapshot) as copy:
            db.backup(copy)
    else:
        _copy_tables(nbgrader_setup.db_url(course_dir), f"sqlite:///{snapshot}")
    # nbgrader's sanitizing steps open the gradebook without a course id: have that course in it.
    Gradebook(f"sqlite:///{snapshot}").close()


def _copy_tables(source_url: str, target_url: str) -> None:
    """Copy every table of nbgrader's gradebook (and its schema version) from one database to another."""
    from nbgrader.api import Base
    from sqlalchemy import create_engine, insert, select, text

    source, target = create_engine(source_url), create_engine(target_url)
    try:
        Base.metadata.create_all(target)
        with source.connect() as read, target.begin() as write:
            for table in Base.metadata.sorted_tables:
                rows = [dict(row._mapping) for row in read.execute(select(table))]
                if rows:
                    write.execute(insert(table), rows)
            write.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            for (version,) in read.execute(text("SELECT version_num FROM alembic_version")):
                write.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": version})
    finally:
        source.dispose()
        target.dispose()
