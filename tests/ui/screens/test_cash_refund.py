"""Refunds by tender from History: a split sale's cash part is handed back from the drawer (no payout),
capped at that tender; its mobile part goes back to the payer's number through the provider."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.core.cash import CASH
from posapp.core.money import Money, format_money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Kind, Status
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import MANAGER, ManagerConsole
from .test_refund_dialog import open_refund

LOCALE = "en_CM"


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


@pytest.fixture
def console(qapp: QApplication) -> Iterator[ManagerConsole]:
    h = ManagerConsole()
    yield h
    run_on_qt_loop(qapp, h.close())


def test_each_tender_of_a_split_sale_is_refunded_its_own_way(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        sales = h.services.sales
        sale = await sales.open_sale(xaf(6_000), cashier=MANAGER)
        cash = await sales.pay_cash(sale.sale.sale_ref, xaf(2_000), cashier=MANAGER)
        pushed = await sales.pay_by_push(sale.sale.sale_ref, parse_mobile("677009900"), cashier=MANAGER)
        h.state.approve(pushed.transaction.provider_ref or "")
        await wait_until(lambda: h.status_of(pushed.transaction.app_ref) is Status.SUCCEEDED, timeout=10, what="paid")

        dialog = await open_refund(h, cash.tender.app_ref)
        assert dialog.refundable_label.text() == format_money(xaf(2_000), LOCALE)  # the tender, not the sale
        assert "from the drawer" in dialog.approval_note.text()
        QTest.keyClicks(dialog.reason_edit, "returned the bread")
        QTest.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.refund is not None, what="the cash refund")
        assert dialog.sent_to.text() == "Handed back in cash from the drawer"
        assert dialog.badge.status is Status.SUCCEEDED and "from the drawer" in dialog.explanation.text()
        refund = dialog.refund
        assert refund is not None and refund.provider == CASH and refund.kind is Kind.REFUND
        assert refund.parent_ref == cash.tender.app_ref and refund.amount == xaf(2_000)
        assert h.status_of(cash.tender.app_ref) is Status.REFUNDED
        assert h.sandbox_payouts() == []  # cash never goes through the provider
        QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: h.screens.refund_dialog is None, what="the dialog closed")

        mobile = await open_refund(h, pushed.transaction.app_ref)
        assert mobile.refundable_label.text() == format_money(xaf(4_000), LOCALE)
        QTest.keyClicks(mobile.reason_edit, "paid twice")
        QTest.mouseClick(mobile.refund_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: mobile.refund is not None, what="the mobile refund")
        assert mobile.sent_to.text().startswith("Back to +237 6 77 00 99 00")
        await wait_until(lambda: mobile.badge.status is Status.SUCCEEDED, timeout=10, what="the payout")
        assert [p["transaction_amount"] for p in h.sandbox_payouts()] == [4000]

    run_on_qt_loop(qapp, scenario())
