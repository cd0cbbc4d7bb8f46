"""Copies of the journal a merchant can go back to: ``posapp backup``, a daily copy, and a checked restore.

A record of money needs more than a file that survives power cuts: a disk fails, a file gets damaged.
Copies are made with SQLite's online backup API (``Journal.backup``: consistent while the console
writes, checked with ``quick_check`` before it is kept), into ``backups/`` beside the journal, named by
the time they were made (UTC): ``journal-20261202T081500Z.sqlite3``. The ``keep`` newest are kept.

A restore never deletes anything: the journal it replaces (and its ``-wal``/``-shm``) is moved aside as
``journal.sqlite3.replaced-<time>``, the copy is checked first (a SQLite file that passes
``quick_check``, with a schema this posapp knows), and it is written through the backup API to a
partial file that is renamed into place. It needs the journal's lock: no console may be running on it.

API::

    backup_dir(journal_path) -> Path
    make_backup(journal_path, *, folder=None, keep=KEEP, now=None) -> Path    (a connection of its own)
    list_backups(journal_path, *, folder=None) -> list[Path]                  newest first
    backup_due(journal_path, *, every=timedelta(days=1), now=None) -> bool
    check_backup(path) -> None                                                raises BackupError
    restore(backup, journal_path, *, now=None) -> Path                        where the old file went
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from posapp.journal.lock import JournalLock
from posapp.journal.schema import KNOWN, MIGRATION_SET, MIGRATIONS_TABLE, SCHEMA_VERSION
from posapp.journal.store import Journal, JournalError

KEEP = 7
FOLDER = "backups"
_NAME = re.compile(r"journal-(\d{8}T\d{6}Z)\.sqlite3")


class BackupError(JournalError):
    """A backup could not be made, or a file cannot be restored; the message says why."""


def backup_dir(journal_path: str | os.PathLike[str]) -> Path:
    return Path(journal_path).parent / FOLDER


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def made_at(path: Path) -> datetime | None:
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    return datetime.strptime(match[1], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def list_backups(journal_path: str | os.PathLike[str], *, folder: Path | None = None) -> list[Path]:
    """The backups of the journal, newest first."""
    where = folder or backup_dir(journal_path)
    if not where.is_dir():
        return []
    found = [(made, p) for p in where.iterdir() if (made := made_at(p)) is not None and p.is_file()]
    return [p for _, p in sorted(found, reverse=True)]


def backup_due(
    journal_path: str | os.PathLike[str], *, every: timedelta = timedelta(days=1), now: datetime | None = None
) -> bool:
    """Whether the newest backup is older than ``every`` (or there is none)."""
    newest = next(iter(list_backups(journal_path)), None)
    made = made_at(newest) if newest is not None else None
    return made is None or (now or datetime.now(UTC)) - made >= every


def make_backup(
    journal_path: str | os.PathLike[str],
    *,
    folder: Path | None = None,
    keep: int = KEEP,
    now: datetime | None = None,
) -> Path:
    """Copy the journal (while a console may be writing to it) and keep the ``keep`` newest copies."""
    source = Path(journal_path)
    if not source.exists():
        raise BackupError(f"there is no journal at {source} to back up")
    where = folder or backup_dir(source)
    target = where / f"journal-{_stamp(now or datetime.now(UTC))}.sqlite3"
    # A connection of its own: the console's connections go on writing (WAL) and reading meanwhile.
    try:
        with Journal(source) as journal:
            journal.backup(target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"the backup of {source} failed: {exc}") from exc
    for old in list_backups(source, folder=where)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return target


def check_backup(path: str | os.PathLike[str]) -> None:
    """Raise ``BackupError`` unless ``path`` is a whole journal this posapp can open."""
    copy = Path(path)
    if not copy.is_file():
        raise BackupError(f"{copy} is not a file")
    try:
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupError(f"{copy} cannot be opened: {exc}") from exc
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise BackupError(f"{copy} is damaged: {'; '.join(problems[:3])}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        applied = [
            r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,))
        ]
    except sqlite3.Error as exc:
        raise BackupError(f"{copy} is not a posapp journal: {exc}") from exc
    finally:
        conn.close()
    if version > SCHEMA_VERSION or any(name not in KNOWN for name in applied):
        raise BackupError(f"{copy} was written by a newer posapp (journal schema {version})")


def restore(
    backup: str | os.PathLike[str], journal_path: str | os.PathLike[str], *, now: datetime | None = None
) -> Path:
    """Put ``backup`` in place of the journal; returns where the journal it replaced was moved to."""
    source, target = Path(backup), Path(journal_path)
    check_backup(source)
    with JournalLock.acquire(target, details={"what": "restore"}):
        aside = target.with_name(f"{target.name}.replaced-{_stamp(now or datetime.now(UTC))}")
        partial = target.with_name(target.name + ".restoring")
        partial.unlink(missing_ok=True)
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            dest = sqlite3.connect(partial)
            try:
                src.backup(dest)
            finally:
                src.close()
                dest.close()
        except (OSError, sqlite3.Error) as exc:
            partial.unlink(missing_ok=True)
            raise BackupError(f"{source} could not be copied: {exc}") from exc
        for suffix in ("", "-wal", "-shm"):
            current = Path(f"{target}{suffix}")
            if current.exists():
                shutil.move(current, Path(f"{aside}{suffix}"))
        os.replace(partial, target)
    return aside
