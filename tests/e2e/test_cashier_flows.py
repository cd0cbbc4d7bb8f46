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

from posapp.config import Settings
from posapp.console import Console
from posapp.core.transactions import Status
from posapp.sandbox.customer import Script
from posapp.sandbox.mycoolpay import MyCoolPayState
from posapp.sandbox.server import SandboxServer
from posapp.ui.main_window import MainWindow
from posapp.ui.wiring.console import build_cashier_screens, connect_console
from tests.helpers.qr import decode_widget
from tests.helpers.qt_async import run_on_qt_loop, wait_until


class Harness:
    def __init__(self, sandbox: SandboxServer | None = None) -> None:
        self.settings = Settings(language="en")
        self.console = Console(self.settings, sandbox=sandbox)
        self.console.open_journal()
        self.window = MainWindow(training=True, provider_label="My-CoolPay")
        self.window.resize(1280, 800)
        self.controller = build_cashier_screens(self.window, self.settings, self.console.reader)
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

    def type_phone_and_enter(self, phone: str) -> None:
        QTest.keyClicks(self.flow.sale.phone_edit, phone)
        QTest.keyClick(self.flow.sale.phone_edit, Qt.Key.Key_Return)

    @property
    def state(self) -> MyCoolPayState:
        assert self.console.sandbox is not None
        return self.console.sandbox.mycoolpay

    async def close(self) -> None:
        await self.console.aclose()
        self.window.close()
        self.window.deleteLater()


@pytest.fixture
def harness(qapp: QApplication) -> Iterator[Harness]:
    h = Harness()
    yield h
    run_on_qt_loop(qapp, h.close())


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


def test_push_with_wrong_then_right_otp(qapp: QApplication, harness: Harness) -> None:
    async def scenario() -> None:
        await harness.start()
        harness.type_amount("1500")
        harness.type_phone_and_enter("6 99 00 99 00")
        push = harness.flow.push
        await wait_until(lambda: harness.controller.otp_dialog is not None, what="the code dialog")
        dialog = harness.controller.otp_dialog
        assert harness.flow.currentWidget() is push
        assert "Orange Money" in push.phone.text()
        sms = harness.state.sms_to("699009900")
        assert len(sms) == 1
        wrong = "0000" if sms[0].code != "0000" else "1111"
        QTest.keyClicks(dialog.code, wrong)
        QTest.keyClick(dialog.code, Qt.Key.Key_Return)
        await wait_until(lambda: bool(dialog.error.text()), what="the refusal")
        assert "2" in dialog.tries.text()
        assert harness.controller.otp_dialog is dialog, "a wrong code keeps the dialog open"
        QTest.keyClicks(dialog.code, sms[0].code)
        QTest.keyClick(dialog.code, Qt.Key.Key_Return)
        await wait_until(lambda: harness.controller.otp_dialog is None, what="the dialog to close")
        ref = push.transaction.provider_ref
        assert ref
        harness.state.approve(ref)  # the customer confirms on the emulated phone
        await wait_until(push.showing_outcome, timeout=10, what="the outcome")
        assert push.outcome.kind == "success"
        assert harness.console.journal.get(push.app_ref).status is Status.SUCCEEDED

    run_on_qt_loop(qapp, scenario())


def test_declined_push_shows_failure(qapp: QApplication, harness: Harness) -> None:
    async def scenario() -> None:
        await harness.start()
        harness.type_amount("700")
        harness.type_phone_and_enter("677009900")
        push = harness.flow.push
        await wait_until(lambda: harness.flow.currentWidget() is push, what="the push screen")
        assert push.ussd.text(), "the customer is told the USSD code to dial"
        harness.state.decline(push.transaction.provider_ref)
        await wait_until(push.showing_outcome, timeout=10, what="the outcome")
        assert push.outcome.kind == "failure"
        assert harness.console.journal.get(push.app_ref).status is Status.FAILED

    run_on_qt_loop(qapp, scenario())


def test_console_closed_mid_payment_resumes_and_finishes(qapp: QApplication) -> None:
    sandbox = SandboxServer(mycoolpay=MyCoolPayState(default_script=Script.manual())).start()
    try:

        async def first_session() -> str:
            first = Harness(sandbox)
            await first.start()
            first.type_amount("3000")
            QTest.keyClick(first.flow.sale.amount_input, Qt.Key.Key_Return)
            await wait_until(lambda: first.flow.currentWidget() is first.flow.qr, what="the QR screen")
            app_ref = first.flow.qr.app_ref
            await first.close()  # the console goes away while the customer is paying
            return app_ref

        app_ref = run_on_qt_loop(qapp, first_session())
        pending = [t for t in sandbox.mycoolpay.snapshot()["transactions"] if t["transaction_status"] != "SUCCESS"]
        assert len(pending) == 1
        sandbox.mycoolpay.pay_checkout(pending[0]["transaction_ref"], "699009900")

        async def second_session() -> None:
            second = Harness(sandbox)
            await second.start()
            journal = second.console.journal
            await wait_until(
                lambda: journal.get(app_ref).status is Status.SUCCEEDED, timeout=15, what="the resumed payment"
            )
            await second.close()

        run_on_qt_loop(qapp, second_session())
    finally:
        sandbox.stop()
