"""The print queue survives the console (issue 17 item 3), with real processes, a real journal file and real
loopback printers.

A console in a process of its own takes a cash sale and queues its receipt for a printer that refuses the
connection (or takes it and never answers, so the receipt is being sent), and is killed with ``kill -9``.
The next console's Till lists the receipt as not printed (or as may have printed), sends nothing by itself,
and prints it once, made again from the journal, when the cashier presses Retry; a third start lists
nothing and prints nothing. The journal says each step.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.journal.prints import print_events, prints_of, unfinished_prints
from posapp.printing.devices import SETTINGS_KEY, Connection, PrinterConfig
from posapp.ui.till import install_till
from tests.helpers.escpos import NetworkPrinter, decode, free_port_nobody_listens_on
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import CASHIER, ManagerConsole

ROOT = Path(__file__).resolve().parents[3]


def killed_with_a_receipt_queued(home: Path, port: int, mode: str) -> tuple[str, str]:
    """Run the console process until its receipt is where ``mode`` says, then kill -9 it."""
    env = {**os.environ, "POSAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.printing_console", str(port), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().split()
        assert line[:1] == ["ready"], process.stderr.read() if process.stderr else line
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    return line[1], line[2]


@pytest.fixture
def printer() -> Iterator[NetworkPrinter]:
    server = NetworkPrinter()
    yield server
    server.close()


def restarted(printer: NetworkPrinter) -> ManagerConsole:
    h = ManagerConsole()
    config = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=printer.port, timeout_s=2.0)
    h.settings = h.settings.replace(extra={SETTINGS_KEY: config.to_dict()})
    h.console.settings = h.settings
    h.console.access = h.access
    h.access.user_changed.connect(lambda user: setattr(h.controller, "cashier", user.name if user else ""))
    return h


@pytest.mark.parametrize(
    ("mode", "shown"),
    [("refused", "Not printed: the console stopped"), ("stall", "May have printed: check the printer")],
)
def test_a_receipt_queued_when_the_console_was_killed_waits_and_prints_once_on_retry(
    qapp: QApplication, posapp_home: Path, printer: NetworkPrinter, mode: str, shown: str
) -> None:
    stalling = NetworkPrinter("stall") if mode == "stall" else None
    port = stalling.port if stalling is not None else free_port_nobody_listens_on()
    try:
        app_ref, sale_ref = killed_with_a_receipt_queued(posapp_home, port, mode)
    finally:
        if stalling is not None:
            stalling.close()
    h = restarted(printer)

    async def scenario() -> None:
        (record,) = prints_of(h.journal, app_ref)
        assert record.sale_ref == sale_ref and record.actor == "cashier:Ama"
        assert [e.type.value for e in print_events(h.journal, record.id)] == (
            ["sending"] if mode == "stall" else ["sending", "failed"]
        )
        await h.start(CASHIER)
        till = install_till(h.console, h.window)
        assert till is not None
        panel = till.printer_panel
        await wait_until(lambda: panel.queue_list.count() == 1, what="the receipt from before listed")
        item = panel.queue_list.item(0)
        assert item.text().startswith(f"{app_ref}: {shown}")
        assert "did not print: see Till" in h.window.statusBar().currentMessage()
        await asyncio.sleep(0.5)  # the queue's thread had time to send it, if it were to by itself
        assert printer.printed() == []
        h.window.show_screen("till")
        panel.queue_list.setCurrentRow(0)
        assert panel.retry_button.isEnabled() and panel.cancel_button.isEnabled()
        QTest.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: panel.queue_list.count() == 0, what="the receipt printed")
        assert till.queue.wait_idle(5)
        (paper,) = printer.printed()
        text = " ".join(" ".join(line.split()) for line in decode(paper).text)
        assert "3,500" in text and "Cash" in text and "DUPLICATE" not in text  # made again from the journal
        events = print_events(h.journal, record.id)
        assert [e.type.value for e in events][-3:] == ["retried", "sending", "printed"]
        assert events[-3].actor == f"cashier:{CASHIER}"
        assert unfinished_prints(h.journal) == []
        till.close()
        again = install_till(h.console, h.window)  # a third start: nothing waits, nothing prints
        assert again is not None
        await wait_until(lambda: again.queue.wait_idle(0.1), what="the third queue idle")
        await asyncio.sleep(0.5)  # its restore ran (it reads the journal on the journal thread)
        assert again.printer_panel.queue_list.count() == 0 and len(printer.printed()) == 1
        again.close()

    try:
        run_on_qt_loop(qapp, scenario())
    finally:
        run_on_qt_loop(qapp, h.close())
