"""A real full disk between the provider's answer and the journal write, over the real loopback sandbox.

The journal lives on a 16 MiB tmpfs; the sandbox takes the payout, then holds its answer for a second
(``Fault.TIMEOUT_AFTER_COMMIT`` with a short hang) while the disk is filled. The answer cannot be
written: the Payouts screen must say the outcome is not known and that nothing must be paid again, the
console's banner must say why, a second payout of the same amount to the same number must be refused,
and once space is back the answer lands and the provider holds one payout. Needs root (``mount -t
tmpfs``); skips with the reason elsewhere.
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.core.transactions import Status
from posapp.sandbox.customer import Fault, FaultRule
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import MANAGER, ManagerConsole
from .test_payout import fill


@contextlib.contextmanager
def small_disk(where: Path, size: str = "16m") -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({mounted.stderr.strip() or 'not root'}): needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill_disk(folder: Path) -> Path:
    """Write a file until the disk is full; returns it (delete it to free the space)."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:  # unbuffered: no write is left for close() to fail on
        for size in (1 << 16, 1 << 10, 1):
            with contextlib.suppress(OSError):
                while True:
                    out.write(b"\0" * size)
    return filler


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with small_disk(tmp_path / "small-disk") as where:
        monkeypatch.setenv("POSAPP_HOME", str(where))
        yield where


def test_a_full_disk_after_the_payout_was_sent_never_pays_twice(qapp: QApplication, disk: Path) -> None:
    h = ManagerConsole()
    filled: list[Path] = []

    async def scenario() -> None:
        await h.start(MANAGER)
        screen = h.screens.payouts
        h.window.show_screen("payouts")
        # The provider takes the payout, then answers a second later: within the gateway's 1.5 s wait.
        h.state.timings.hang = 1.0
        h.state.faults.add(FaultRule(Fault.TIMEOUT_AFTER_COMMIT, endpoint="payout"))

        def fill_when_taken() -> None:  # the provider has the payout; its answer is a second away
            for _ in range(200):
                if h.sandbox_payouts():
                    filled.append(fill_disk(disk))

                    return
                threading.Event().wait(0.02)

        filler = threading.Thread(target=fill_when_taken)
        filler.start()
        fill(screen, "677009900", "500", "bread")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: screen.transaction is not None, timeout=15, what="the payout's outcome")
        filler.join()
        payout = screen.transaction
        assert payout is not None and filled, "the disk was filled while the provider answered"
        assert screen.badge.status is Status.UNKNOWN
        assert "Do not send it again" in screen.explanation.text()
        banner = h.window.journal_banner
        assert banner.isVisible() and "the disk that holds it is full" in banner.text()
        assert "do not repeat that payment, refund or payout" in banner.text()
        assert h.status_of(payout.app_ref) is Status.CREATED  # only the intent is on the disk

        # Space comes back; before the kept answer lands, the same payout is asked for again.
        filled[0].unlink()
        QTest.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
        fill(screen, "677009900", "500", "bread, again")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: bool(screen.confirm_error.text()), timeout=10, what="the block")
        assert screen.confirm_error.text().startswith("Not sent: the payout of 500\xa0FCFA to this recipient")

        await wait_until(lambda: not banner.isVisible(), timeout=40, what="the answer written")
        await wait_until(lambda: h.status_of(payout.app_ref) is Status.SUCCEEDED, timeout=20, what="the payout paid")
        assert len(h.sandbox_payouts()) == 1, "one payout at the provider"

    try:
        run_on_qt_loop(qapp, scenario())
    finally:
        for leftover in filled:
            leftover.unlink(missing_ok=True)
        run_on_qt_loop(qapp, h.close())
