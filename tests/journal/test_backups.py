"""Backups of the journal: consistent copies while it is written, the newest N kept, a checked restore."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Kind, Transaction
from posapp.journal.backups import (
    BackupError,
    backup_due,
    check_backup,
    list_backups,
    make_backup,
    restore,
)
from posapp.journal.lock import JournalInUse, JournalLock
from posapp.journal.store import Journal

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def intent(i: int) -> Transaction:
    return Transaction(
        app_ref=f"PAY-{i:05d}", kind=Kind.PUSH_PAYMENT, provider="mycoolpay", amount=Money(100 + i, "XAF")
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_is_a_whole_journal_made_while_it_is_written(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        for i in range(200):
            journal.record_intent(intent(i), "cashier:ama")
        copy = make_backup(path, now=T0)  # the console's connection is still open and has written
        journal.record_intent(intent(999), "cashier:ama")
    check_backup(copy)
    with Journal(copy) as restored:
        assert restored.count() == 200 and restored.get("PAY-00999") is None
    assert copy.parent == tmp_path / "backups" and copy.name == "journal-20261201T080000Z.sqlite3"


def test_the_newest_copies_are_kept_and_a_new_one_is_due_after_a_day(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    Journal(path).close()
    assert backup_due(path, now=T0)
    made = [make_backup(path, keep=3, now=T0 + timedelta(days=day)) for day in range(5)]
    assert list_backups(path) == made[:1:-1]  # the three newest, newest first
    assert not backup_due(path, now=T0 + timedelta(days=4, hours=23))
    assert backup_due(path, now=T0 + timedelta(days=5))


def test_restore_puts_the_copy_back_and_keeps_the_damaged_file_aside(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        journal.record_intent(intent(1), "cashier:ama")
    copy = make_backup(path, now=T0)
    with open(path, "r+b") as damaged:
        damaged.write(b"\0" * 4096)  # the first page zeroed: not a database any more
    before = digest(path)
    aside = restore(copy, path, now=T0 + timedelta(hours=1))
    assert digest(aside) == before, "the replaced file is kept as it was"
    with Journal(path) as journal:
        assert journal.get("PAY-00001") is not None and journal.check() == []


def test_restore_refuses_a_damaged_copy_and_a_journal_in_use(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        journal.record_intent(intent(1), "cashier:ama")
    copy = make_backup(path, now=T0)
    before = digest(path)
    with JournalLock.acquire(path), pytest.raises(JournalInUse):
        restore(copy, path)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(copy.read_bytes()[: os.path.getsize(copy) // 2])
    with pytest.raises(BackupError):
        restore(broken, path)
    assert digest(path) == before and not list(tmp_path.glob("journal.sqlite3.replaced-*"))


def test_the_backup_and_restore_commands(posapp_home: Path) -> None:
    env = {**os.environ, "POSAPP_HOME": str(posapp_home), "PYTHONPATH": str(ROOT)}
    journal_path = posapp_home / "data" / "journal.sqlite3"
    with Journal.open() as journal:
        journal.record_intent(intent(7), "cashier:ama")

    def posapp(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "posapp", *args], env=env, capture_output=True, text=True)

    made = posapp("backup")
    assert made.returncode == 0, made.stderr
    (copy,) = list_backups(journal_path)
    assert str(copy) in made.stdout and posapp("backup", "--list").stdout.split() == [str(copy)]
    journal_path.write_bytes(b"not a journal")
    restored = posapp("restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    with Journal(journal_path) as journal:
        assert journal.get("PAY-00007") is not None
