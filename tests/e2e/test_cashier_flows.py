"""End to end over the real loopback sandbox: keys typed into the console, the QR read off the screen,
the emulated customer paying on the checkout page as a browser would, the outcome on screen and in the
journal."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.app import Console, build_cashier_screens, connect_console
from posapp.config import Settings
from posapp.core.transactions import Status
from posapp.ui.main_window import MainWindow
from tests.helpers.qr import decode_widget
from tests.helpers.qt_async import run_on_qt_loop, wait_until


class Harness:
    def __init__(self) -> None:
        self.settings = Settings(language="en")
        self.console = Console(self.settings)
        self.console.open_journal()
        self.window = MainWindow(training=True, provider_label="My-CoolPay")
        self.window.resize(1280, 800)
        self.controller = build_cashier_screens(self.window, self.settings)
        self.console.controller = self.controller
        self.flow = self.controller.flow

    async def start(self) -> None:
        self.window.show()
        await connect_console(self.console, self.window)
        assert self.console.services is not None, "the console did not connect to the sandbox"

    def type_amount(self, digits: str) -> None:
        self.flow.sale.amount_input.setFocus()
        for digit in digits:
            QTest.keyClick(self.flow.sale.amount_input, digit)


@pytest.fixture
def harness(qapp: QApplication) -> Iterator[Harness]:
    h = Harness()
    yield h
    run_on_qt_loop(qapp, h.console.aclose())
    h.window.close()
    h.window.deleteLater()


def test_qr_sale_paid_by_the_customer(qapp: QApplication, harness: Harness) -> None:
    async def scenario() -> None:
        await harness.start()
        harness.type_amount("2500")
        QTest.keyClick(harness.flow.sale.amount_input, Qt.Key.Key_Return)
        qr = harness.flow.qr
        await wait_until(
            lambda: harness.flow.currentWidget() is qr or bool(harness.flow.sale.action_error.text()),
            what="the QR screen",
        )
        assert harness.flow.sale.action_error.text() == ""
        sandbox = harness.console.sandbox
        assert sandbox is not None
        issued = [t for t in sandbox.mycoolpay.snapshot()["transactions"]]
        url = decode_widget(qr.qr)
        assert url == [qr.url]
        assert any(url[0].endswith(t["transaction_ref"]) for t in issued), "the QR is the link the sandbox issued"
        async with httpx.AsyncClient() as browser:
            paid = await browser.post(url[0], data={"phone": "699009900", "action": "pay"})
            assert paid.status_code == 200
        await wait_until(qr.showing_outcome, timeout=10, what="the outcome")
        assert qr.outcome.kind == "success"
        journal = harness.console.journal
        assert journal is not None
        recorded = journal.get(qr.app_ref)
        assert recorded is not None
        assert recorded.status is Status.SUCCEEDED

    run_on_qt_loop(qapp, scenario())
