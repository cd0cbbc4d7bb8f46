"""A journal that cannot be opened: refused untouched, explained in a window, restored or read read-only.

Each way a journal file goes wrong is made for real (a newer posapp's schema, a truncated file, flipped
bytes, a zeroed page, a read-only folder, a full disk), opened by a console, and must be refused with
the file unchanged and the right words; the window then restores the last backup (the console is built
again on it) or opens the journal read-only for History after a manager's PIN.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.app import EXIT_JOURNAL_PROBLEM, journal_problem
from posapp.config import Settings
from posapp.console import Console
from posapp.core.access import ScryptParams
from posapp.core.money import Money
from posapp.core.transactions import Kind, Transaction
from posapp.journal.backups import make_backup
from posapp.journal.diagnose import Problem, diagnose
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.ui.read_only import ReadOnlySignIn, ReadOnlyWindow
from posapp.ui.screens.startup_problem import StartupProblemDialog
from tests.helpers.qt_async import run_on_qt_loop, wait_until

ROOT = Path(__file__).resolve().parents[3]
PIN = "5831"


def journal_path(home: Path) -> Path:
    return home / "data" / "journal.sqlite3"


def live() -> Settings:
    return Settings(provider="mycoolpay", public_key="pk_live_test", language="en")


def a_journal(home: Path) -> Path:
    path = journal_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    with Journal(path) as journal:
        journal.record_intent(
            Transaction(app_ref="PAY-1", kind=Kind.PUSH_PAYMENT, provider="mycoolpay", amount=Money(1500, "XAF")),
            "cashier:ama",
        )
        UserStore(journal, params=ScryptParams(n=2**8, r=8, p=1)).create_first_manager("Kofi", PIN)
    return path


def newer_schema(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 99")


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def flipped(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(100, 400):
        data[i] ^= 0xFF  # the first page's b-tree: the schema itself
    path.write_bytes(bytes(data))


def zeroed_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[0:4096] = bytes(4096)
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (newer_schema, Problem.TOO_NEW),
        (truncated, Problem.DAMAGED),
        (flipped, Problem.DAMAGED),
        (zeroed_page, Problem.DAMAGED),
    ],
    ids=["newer-schema", "truncated", "flipped-bytes", "zeroed-page"],
)
def test_a_spoiled_journal_is_refused_untouched_and_explained(
    posapp_home: Path, spoil: Callable[[Path], None], problem: Problem
) -> None:
    path = a_journal(posapp_home)
    spoil(path)
    before = digest(path)
    console = Console(live())
    with pytest.raises(Exception) as refused:  # noqa: PT011 - each spoiled file fails its own way
        console.open_journal()
    found = diagnose(refused.value, console.journal_path())
    assert found.problem is problem, found
    assert digest(path) == before, "nothing in it was changed"
    assert console.journal is None and console.journal_lock is None, "the lock is let go for the next try"
    assert found.readable is (problem is Problem.TOO_NEW), "a newer posapp's journal can still be read"


@contextlib.contextmanager
def tmpfs(where: Path, size: str = "16m") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs needs root: cannot make a read-only folder or a full disk for root here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_read_only_folder_is_refused_and_can_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        monkeypatch.setenv("POSAPP_HOME", str(disk))
        path = a_journal(disk)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)  # as a read-only share would be
        before = digest(path)
        console = Console(live())
        with pytest.raises(Exception) as refused:  # noqa: PT011 - SQLite's or the file system's error
            console.open_journal()
        found = diagnose(refused.value, console.journal_path())
        assert found.problem is Problem.READ_ONLY and found.readable
        assert digest(path) == before


def test_a_full_disk_at_start_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with tmpfs(tmp_path / "disk", size="1m") as disk:
        monkeypatch.setenv("POSAPP_HOME", str(disk))
        with open(disk / "filler", "wb", buffering=0) as out, contextlib.suppress(OSError):
            while True:
                out.write(b"\0" * 4096)
        console = Console(live())
        with pytest.raises(Exception) as refused:  # noqa: PT011 - SQLite's or the file system's error
            console.open_journal()
        assert diagnose(refused.value, console.journal_path()).problem is Problem.DISK_FULL


def options() -> argparse.Namespace:
    return argparse.Namespace(self_test=False)


def dialog_on_screen(qapp: QApplication) -> StartupProblemDialog | None:
    return next((w for w in qapp.topLevelWidgets() if isinstance(w, StartupProblemDialog) and w.isVisible()), None)


def test_the_window_restores_the_last_backup(themed: QApplication, posapp_home: Path, tmp_path: Path) -> None:
    qapp = themed
    path = a_journal(posapp_home)
    make_backup(path)
    zeroed_page(path)
    console = Console(live())

    async def scenario() -> int:
        try:
            console.open_journal()
        except Exception as exc:
            problem = asyncio.ensure_future(journal_problem(console, exc, options()))
        await wait_until(lambda: dialog_on_screen(qapp) is not None, what="the problem window")
        dialog = dialog_on_screen(qapp)
        assert dialog is not None
        assert dialog.headline.text() == "The journal file is damaged"
        assert str(path) in dialog.file.text() and dialog.unchanged.text() == "Nothing in it was changed."
        assert "restore the last backup (made " in dialog.todo.text()
        assert "posapp.log" in dialog.log.text()
        assert dialog.restore_button.isVisible() and not dialog.raise_button.isVisible()
        dialog.grab().save(str(tmp_path / "journal_damaged.png"))
        QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert "Payments made after it are not in it" in dialog.confirm.text()
        QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return await problem

    assert run_on_qt_loop(qapp, scenario()) == 0
    assert console.restart_with is not None, "the console is built again, on the restored journal"
    with Journal(path) as journal:
        assert journal.get("PAY-1") is not None
    assert list(path.parent.glob("journal.sqlite3.replaced-*")), "the damaged file is kept aside"


def test_a_newer_journal_opens_read_only_for_history(themed: QApplication, posapp_home: Path, tmp_path: Path) -> None:
    qapp = themed
    path = a_journal(posapp_home)
    newer_schema(path)
    before = digest(path)
    console = Console(live())
    qapp.setQuitOnLastWindowClosed(False)  # as run_console does: closing a window is not quitting

    async def scenario() -> int:
        try:
            console.open_journal()
        except Exception as exc:
            session = asyncio.ensure_future(journal_problem(console, exc, options()))
        await wait_until(lambda: dialog_on_screen(qapp) is not None, what="the problem window")
        dialog = dialog_on_screen(qapp)
        assert dialog is not None and dialog.read_only_button.isVisible()
        assert dialog.headline.text() == "This journal was written by a newer posapp"
        QTest.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)

        def sign_in() -> ReadOnlySignIn | None:
            return next((w for w in qapp.topLevelWidgets() if isinstance(w, ReadOnlySignIn) and w.isVisible()), None)

        await wait_until(lambda: sign_in() is not None, what="the manager's PIN")
        pad = sign_in()
        assert pad is not None
        QTest.keyClicks(pad.pin, "0000")
        QTest.keyClick(pad.pin, Qt.Key.Key_Return)
        assert "4 tries left" in pad.error.text()
        QTest.keyClicks(pad.pin, PIN)
        QTest.keyClick(pad.pin, Qt.Key.Key_Return)

        def window() -> ReadOnlyWindow | None:
            return next((w for w in qapp.topLevelWidgets() if isinstance(w, ReadOnlyWindow) and w.isVisible()), None)

        await wait_until(lambda: window() is not None, what="the read-only History")
        shown = window()
        assert shown is not None
        await wait_until(lambda: shown.history.model.rowCount() == 1, what="the payment in History")
        assert "No payment can be taken here" in shown.banner.text()
        shown.grab().save(str(tmp_path / "read_only.png"))
        shown.close()
        return await session

    try:
        assert run_on_qt_loop(qapp, scenario()) == EXIT_JOURNAL_PROBLEM
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert digest(path) == before, "read-only: nothing was written"


def test_the_console_shows_the_problem_instead_of_exiting(posapp_home: Path) -> None:
    """The real app in its own process: it stays up with the window (it used to exit within 12 s)."""
    path = a_journal(posapp_home)
    truncated(path)
    env = {**os.environ, "POSAPP_HOME": str(posapp_home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    app = subprocess.Popen([sys.executable, "-m", "posapp"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        log = posapp_home / "logs" / "posapp.log"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "cannot open the journal" not in (
            log.read_text() if log.exists() else ""
        ):
            assert app.poll() is None, app.communicate()[1][-2000:]
            time.sleep(0.2)
        time.sleep(1)
        assert app.poll() is None, "the console waits for the person with the problem on screen"
    finally:
        app.send_signal(signal.SIGTERM)
        code = app.wait(timeout=30)
    assert code == EXIT_JOURNAL_PROBLEM
