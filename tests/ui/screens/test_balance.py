"""The Balance screen over the real loopback sandbox: the balance read and refreshed, today's totals, manager only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.core.money import Money, format_money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import CASHIER, MANAGER, ManagerConsole

LOCALE = "en_CM"


def xaf(amount: int) -> str:
    return format_money(Money(amount, "XAF"), LOCALE)


@pytest.fixture
def console(qapp: QApplication) -> Iterator[ManagerConsole]:
    h = ManagerConsole(balance=100_000)
    yield h
    run_on_qt_loop(qapp, h.close())


def sandbox_balance(h: ManagerConsole) -> int:
    return int(h.state.snapshot()["balance"])


def test_balance_read_then_refreshed_after_a_payout(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        await h.paid_push(5000)
        screen = h.screens.balance
        h.window.show_screen("balance")
        assert not screen.locked
        await wait_until(lambda: screen.balance_text() == xaf(sandbox_balance(h)), what="the balance read")
        assert screen.read_label.text().startswith("Read at ") and "(just now)" in screen.read_label.text()
        await wait_until(lambda: screen.total_texts()["payments"] == xaf(5000), what="today's totals")
        assert screen.total_labels["payments"][0].text() == "× 1"
        await wait_until(lambda: sum(bar.minor for bar in screen.chart.bars) == 5000, what="the chart")
        assert [bar.minor for bar in screen.chart.bars if bar.current] == [5000], "the hour of the sale"
        before = sandbox_balance(h)

        approval = await h.services.payouts.approve(MANAGER, "payout", Money(2000, "XAF"))
        payout = await h.services.payouts.payout(Money(2000, "XAF"), parse_mobile("699009900"), None, "x", approval)
        await wait_until(lambda: h.status_of(payout.app_ref) is Status.SUCCEEDED, timeout=10, what="the payout")
        after = sandbox_balance(h)
        assert after < before - 2000, "the payout and its fees left the account"
        # The balance service reads again after a transaction ends; the screen shows it without a click.
        await wait_until(lambda: screen.balance_text() == xaf(after), timeout=10, what="the refreshed balance")
        await wait_until(lambda: screen.total_texts()["payouts"] == xaf(-2000), what="the payout in the totals")
        assert screen.total_labels["payouts"][0].text() == "× 1"

        h.state.set_balance(123_456)  # money moved elsewhere (the provider's dashboard)
        QTest.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: screen.balance_text() == xaf(123_456), what="the refresh")
        assert screen.refresh_button.isEnabled() and screen.balance_error.text() == ""

        QTest.mouseClick(screen.week_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: len(screen.chart.bars) == 7, what="the week chart")
        assert screen.chart.bars[-1].current and screen.chart.bars[-1].minor == 5000

    run_on_qt_loop(qapp, scenario())


def test_cashier_sees_manager_only_until_a_manager_unlocks_it_for_one_visit(
    qapp: QApplication, console: ManagerConsole
) -> None:
    h = console

    async def scenario() -> None:
        await h.start(CASHIER)
        screen = h.screens.balance
        h.window.show_screen("balance")
        assert screen.locked and screen.pages.currentIndex() == 0
        assert screen.unlock_button.isVisible() and not screen.balance_amount.isVisible()
        QTest.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
        await h.approve_as_manager()
        await wait_until(lambda: not screen.locked, what="the unlock")
        await wait_until(lambda: screen.balance_text() == xaf(sandbox_balance(h)), what="the balance read")
        assert h.approvals() == [("view_balance", None, "balance screen")], "who let whom see it, in the journal"
        h.window.show_screen("sale")
        assert screen.locked, "leaving the screen locks it again"
        h.window.show_screen("balance")
        assert screen.pages.currentIndex() == 0

        await h.sign_in(MANAGER)
        assert not screen.locked and screen.pages.currentIndex() == 1
        h.access.lock()
        assert screen.locked

    run_on_qt_loop(qapp, scenario())
