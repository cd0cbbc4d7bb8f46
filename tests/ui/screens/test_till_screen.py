"""The Till screen over the real services: the drawer's figures, the opening float and the count, Open
drawer recorded with who and why and kicked through a loopback network printer, as configured."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.core.money import Money
from posapp.journal.drawer import DrawerEventType, drawer_events_between
from posapp.printing.devices import SETTINGS_KEY, Connection, PrinterConfig
from posapp.ui.till import install_till
from tests.helpers.escpos import NetworkPrinter, decode
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import CASHIER, MANAGER, ManagerConsole


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


@pytest.fixture
def printer() -> Iterator[NetworkPrinter]:
    server = NetworkPrinter()
    yield server
    server.close()


@pytest.fixture
def console(qapp: QApplication, printer: NetworkPrinter) -> Iterator[ManagerConsole]:
    h = ManagerConsole()
    config = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=printer.port, open_drawer_by="manager")
    h.settings = h.settings.replace(extra={SETTINGS_KEY: config.to_dict()})
    h.console.settings = h.settings
    h.console.access = h.access
    h.access.user_changed.connect(lambda user: setattr(h.controller, "cashier", user.name if user else ""))
    yield h
    run_on_qt_loop(qapp, h.close())


def openings(h: ManagerConsole) -> list[tuple[str, str, str]]:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    events = drawer_events_between(h.journal, now - timedelta(days=1), now + timedelta(days=1))
    return [(e.actor, e.cashier, e.reason) for e in events if e.type is DrawerEventType.OPEN]


def test_open_drawer_is_a_managers_here_recorded_then_kicked(
    qapp: QApplication, console: ManagerConsole, printer: NetworkPrinter
) -> None:
    h = console

    async def scenario() -> None:
        await h.start(CASHIER)
        till = install_till(h.console, h.window)
        assert till is not None
        h.window.show_screen("till")
        QTest.keyClicks(till.screen.reason, "change for the market")
        QTest.mouseClick(till.screen.open_button, Qt.MouseButton.LeftButton)
        assert "Only a manager" in till.screen.message.text() and openings(h) == []
        await h.sign_in(MANAGER)
        QTest.mouseClick(till.screen.open_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: openings(h) != [], what="the opening recorded")
        assert openings(h) == [(f"manager:{MANAGER}", MANAGER, "change for the market")]
        await wait_until(lambda: len(printer.printed()) == 1, what="the drawer kicked")
        assert decode(printer.printed()[0]).drawer_pulses == [(0, 50, 50)]
        QTest.mouseClick(till.screen.open_button, Qt.MouseButton.LeftButton)  # the reason was used: asked again
        assert till.screen.message.text() == "Say why the drawer is opened." and len(openings(h)) == 1
        till.close()

    run_on_qt_loop(qapp, scenario())


def test_the_float_a_cash_sale_and_the_count_show_on_the_till(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        till = install_till(h.console, h.window)
        assert till is not None
        opening = till.ask_float()
        assert opening is not None
        for digit in "10000":
            opening.amount.press(digit)
        QTest.mouseClick(opening.confirm, Qt.MouseButton.LeftButton)
        await wait_until(lambda: not opening.isVisible(), what="the float saved")
        await h.services.sales.cash_sale(xaf(2_500), xaf(5_000), cashier=MANAGER)
        await wait_until(lambda: "expected 12,500" in till.screen.drawer_summary.text(), what="the figures")
        count = till.ask_count()
        assert count is not None and count.expected.text() == "12,500\xa0FCFA"
        count.set_pieces({10_000: 1, 2_000: 1})
        QTest.mouseClick(count.confirm, Qt.MouseButton.LeftButton)
        await wait_until(lambda: "Counted 12,000" in till.screen.drawer_summary.text(), what="the count")
        assert "difference -500" in till.screen.drawer_summary.text()
        row = till.drawer_count(MANAGER)
        assert row is not None and row.day == date.today() and row.pieces == {10_000: 1, 2_000: 1}
        till.close()

    run_on_qt_loop(qapp, scenario())


def test_the_receipt_printer_names_the_counter_and_the_cashier(
    qapp: QApplication, console: ManagerConsole, printer: NetworkPrinter
) -> None:
    """Issue 16/17: the ESC/POS receipt of a sale, and its reprint from History, say which counter took it."""
    from posapp.shop.identity import name_terminal

    h = console
    name_terminal(h.journal, "Comptoir Akwa 2")

    async def scenario() -> None:
        await h.start(MANAGER)
        till = install_till(h.console, h.window)
        assert till is not None
        received = await h.services.sales.cash_sale(xaf(2_500), xaf(5_000), cashier=MANAGER)
        await wait_until(lambda: any(decode(b).text for b in printer.printed()), what="the receipt printed")
        receipt = next(decode(b) for b in printer.printed() if decode(b).text)
        joined = " ".join(" ".join(line.split()) for line in receipt.text)
        assert "Counter Comptoir Akwa 2" in joined and f"Cashier {MANAGER}" in joined
        name_terminal(h.journal, "Comptoir Akwa 3")  # renamed while running: the next receipt says so
        tender = received.sale.tenders[0].transaction.app_ref
        before = len(printer.printed())
        assert till.reprint(tender) is not None
        await wait_until(lambda: len(printer.printed()) > before, what="the duplicate printed")
        duplicate = " ".join(" ".join(line.split()) for line in decode(printer.printed()[-1]).text)
        assert "DUPLICATE" in duplicate and "Counter Comptoir Akwa 3" in duplicate
        till.close()

    run_on_qt_loop(qapp, scenario())
