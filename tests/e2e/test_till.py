"""The till end to end over the real loopback sandbox and a loopback "network printer": a cash sale with
change, the drawer kicked and the receipt printed; a split sale (cash, then a push for the rest) paid
only once the push is; a failed push bringing the sale back to what is still to pay."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.config import Settings
from posapp.console import Console
from posapp.core.transactions import Kind, Status
from posapp.journal import sales
from posapp.printing.devices import SETTINGS_KEY, Connection, PrinterConfig
from posapp.ui.main_window import MainWindow
from posapp.ui.wiring.console import build_cashier_screens, connect_console
from tests.helpers.escpos import NetworkPrinter, decode
from tests.helpers.qt_async import run_on_qt_loop, wait_until


class Harness:
    def __init__(self) -> None:
        self.printer = NetworkPrinter()
        printer = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=self.printer.port)
        self.settings = Settings(language="en", extra={SETTINGS_KEY: printer.to_dict()})
        self.console = Console(self.settings)
        self.console.open_journal()
        self.window = MainWindow(training=True, provider_label="My-CoolPay")
        self.window.resize(1280, 800)
        self.controller = build_cashier_screens(self.window, self.settings, self.console.reader)
        self.controller.cashier = "ama"
        self.console.controller = self.controller
        self.flow = self.controller.flow

    async def start(self) -> None:
        self.window.show()
        await connect_console(self.console, self.window)
        assert self.console.till is not None

    def type_amount(self, digits: str) -> None:
        self.flow.sale.amount_input.setFocus()
        for digit in digits:
            QTest.keyClick(self.flow.sale.amount_input, digit)

    def printed(self) -> list[list[str]]:
        return [decode(job).text for job in self.printer.printed()]

    async def close(self) -> None:
        await self.console.aclose()
        self.window.close()
        self.window.deleteLater()
        self.printer.close()


@pytest.fixture
def harness(qapp: QApplication) -> Iterator[Harness]:
    h = Harness()
    yield h
    run_on_qt_loop(qapp, h.close())


def test_a_cash_sale_gives_change_kicks_the_drawer_and_prints(qapp: QApplication, harness: Harness) -> None:
    async def scenario() -> None:
        await harness.start()
        sale, page = harness.flow.sale, harness.console.till.cash_page
        assert sale.cash_button.isVisible()
        harness.type_amount("3500")
        QTest.mouseClick(sale.cash_button, Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: harness.flow.currentWidget() is page or bool(sale.action_error.text()), what="the cash page"
        )
        assert sale.action_error.text() == ""
        assert page.tender.due_label.text() == "3,500\xa0FCFA"
        QTest.mouseClick(page.tender.note_buttons[3], Qt.MouseButton.LeftButton)  # a 5 000 note
        QTest.keyClick(page.tender.given, Qt.Key.Key_Return)
        await wait_until(lambda: page.pages.currentWidget() is page.done_page, what="paid")
        assert page.change_amount.text() == "1,500\xa0FCFA"
        journal = harness.console.journal
        assert journal is not None
        (tender,) = [t for t in journal.history_page().items if t.kind is Kind.CASH_PAYMENT]
        assert tender.status is Status.SUCCEEDED and tender.amount.minor == 3_500
        await wait_until(lambda: len(harness.printer.printed()) == 2, what="the drawer kick and the receipt")
        kick, receipt = (decode(job) for job in harness.printer.printed())
        assert kick.drawer_pulses == [(0, 50, 50)] and kick.lines == []
        text = receipt.text
        assert "PAYMENT RECEIPT" in text and "3,500 FCFA" in text and receipt.qr_data == [tender.app_ref]
        assert any(line.startswith("Given") and line.endswith("5,000 FCFA") for line in text)
        assert any(line.startswith("Change") and line.endswith("1,500 FCFA") for line in text)
        QTest.keyClick(page, Qt.Key.Key_Return)  # Enter on the outcome: the next sale
        await wait_until(lambda: harness.flow.currentWidget() is sale, what="a new sale")
        history = harness.controller.history
        assert history is not None
        history.reprint_requested.emit(tender.app_ref)  # History's Reprint receipt
        await wait_until(lambda: len(harness.printer.printed()) == 3, what="the duplicate")
        duplicate = decode(harness.printer.printed()[2]).text
        assert "DUPLICATE" in duplicate  # the whole sale again, the change included
        assert any(line.startswith("Change") and line.endswith("1,500 FCFA") for line in duplicate)

    run_on_qt_loop(qapp, scenario())


def test_a_split_sale_is_paid_when_the_push_for_the_rest_is(qapp: QApplication, harness: Harness) -> None:
    async def scenario() -> None:
        await harness.start()
        sale, page = harness.flow.sale, harness.console.till.cash_page
        harness.type_amount("7500")
        QTest.keyClicks(sale.phone_edit, "677000001")
        QTest.mouseClick(sale.cash_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: harness.flow.currentWidget() is page, what="the cash page")
        for digit in "2500":
            page.tender.given.press(digit)
        QTest.mouseClick(page.tender.take, Qt.MouseButton.LeftButton)
        await wait_until(lambda: page.pages.currentWidget() is page.rest_page, what="still to pay")
        assert page.rest_amount.text() == "5,000\xa0FCFA" and page.push_button.isEnabled()
        sale_ref = harness.console.till.sale_ref
        QTest.mouseClick(page.push_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: harness.flow.currentWidget() is harness.flow.push, what="the push screen")
        journal = harness.console.journal
        assert journal is not None
        state = sales.sale_state(journal, sale_ref)
        assert not state.is_paid and state.in_flight.minor == 5_000
        push = state.tenders[-1].transaction
        await wait_until(lambda: len(harness.printer.printed()) == 1, what="the drawer kick")
        assert decode(harness.printer.printed()[0]).drawer_pulses  # the drawer, no receipt before it is paid
        sandbox = harness.console.sandbox
        assert sandbox is not None
        sandbox.mycoolpay.approve(push.provider_ref or "")
        await wait_until(lambda: sales.sale_state(journal, sale_ref).is_paid, timeout=30, what="the push paid")
        await wait_until(lambda: len(harness.printer.printed()) == 2, what="the sale's receipt")
        text = decode(harness.printer.printed()[1]).text
        assert any(line.startswith("Cash") and line.endswith("2,500 FCFA") for line in text)
        assert any(line.startswith("MTN MoMo") and line.endswith("5,000 FCFA") for line in text)
        assert "7,500 FCFA" in text

    run_on_qt_loop(qapp, scenario())


def test_a_failed_push_brings_the_sale_back_to_what_is_still_to_pay(qapp: QApplication, harness: Harness) -> None:
    async def scenario() -> None:
        await harness.start()
        sale, page = harness.flow.sale, harness.console.till.cash_page
        harness.type_amount("4000")
        QTest.keyClicks(sale.phone_edit, "677000001")
        QTest.mouseClick(sale.cash_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: harness.flow.currentWidget() is page, what="the cash page")
        for digit in "1000":
            page.tender.given.press(digit)
        QTest.mouseClick(page.tender.take, Qt.MouseButton.LeftButton)
        await wait_until(lambda: page.pages.currentWidget() is page.rest_page, what="still to pay")
        QTest.mouseClick(page.push_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: harness.flow.currentWidget() is harness.flow.push, what="the push screen")
        journal = harness.console.journal
        assert journal is not None
        push = sales.sale_state(journal, harness.console.till.sale_ref).tenders[-1].transaction
        sandbox = harness.console.sandbox
        assert sandbox is not None
        sandbox.mycoolpay.decline(push.provider_ref or "")
        await wait_until(lambda: harness.flow.currentWidget() is page, timeout=30, what="back to the sale")
        assert page.rest_amount.text() == "3,000\xa0FCFA" and "was not paid" in page.rest_note.text()
        assert page.cash_button.isEnabled()

    run_on_qt_loop(qapp, scenario())
