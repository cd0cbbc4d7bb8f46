"""The Payouts screen over the real loopback sandbox: confirmation text, approval, live status, blocking unknowns."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status
from posapp.sandbox.customer import Fault, FaultRule
from posapp.ui.screens.payout import PayoutScreen
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import CASHIER, MANAGER, ManagerConsole


@pytest.fixture
def console(qapp: QApplication) -> Iterator[ManagerConsole]:
    h = ManagerConsole()
    yield h
    run_on_qt_loop(qapp, h.close())


def fill(screen: PayoutScreen, recipient: str, amount: str, reason: str, *, wallet: bool = False) -> None:
    QTest.mouseClick(screen.wallet_button if wallet else screen.mobile_button, Qt.MouseButton.LeftButton)
    for edit, text in ((screen.recipient_edit, recipient), (screen.amount_edit, amount), (screen.reason_edit, reason)):
        edit.clear()
        QTest.keyClicks(edit, text)


def visible_buttons(widget: PayoutScreen) -> list[QPushButton]:
    page = widget.pages.currentWidget()
    return [b for b in page.findChildren(QPushButton) if b.isVisible()]


def test_confirmation_says_exactly_who_gets_how_much_then_follows_the_payout(
    qapp: QApplication, console: ManagerConsole
) -> None:
    h = console

    async def scenario() -> None:
        await h.start(CASHIER)
        screen = h.screens.payouts
        h.window.show_screen("payouts")
        fill(screen, "677009900", "5000", "supplier: bread")
        assert screen.operator_combo.currentText() == "MTN MoMo" and "MTN MoMo" in screen.operator_hint.text()
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        assert screen.pages.currentIndex() == 1
        assert screen.confirm_text.text() == "Send 5,000\xa0FCFA to +237\xa06\xa077\xa000\xa099\xa000 (MTN MoMo)?"
        assert screen.confirm_reason.text() == "Reason: supplier: bread"
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        dialog = await h.approve_as_manager()  # Ama is a cashier: Kofi approves that amount
        assert dialog.summary_label.text() == screen.confirm_text.text()
        await wait_until(screen.showing_status, what="the status page")
        payout = screen.transaction
        assert payout is not None and payout.kind is Kind.PAYOUT and payout.operator == "CM_MOMO"
        assert screen.status_to.text() == "To +237 6 77 00 99 00 (MTN MoMo)"
        await wait_until(lambda: screen.badge.status is Status.SUCCEEDED, timeout=10, what="the payout paid")
        assert screen.explanation.text() == "Sent: the recipient has the money."
        assert [b.objectName() for b in visible_buttons(screen)] == ["payoutNew"]
        assert screen.recent_refs()[0] == payout.app_ref
        assert h.status_of(payout.app_ref) is Status.SUCCEEDED
        assert h.approvals() == [("payout", 5000, payout.app_ref)]

        QTest.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
        await h.sign_in(MANAGER)
        fill(screen, "kofi.mensah", "1 000", "float", wallet=True)
        assert not screen.operator_combo.isVisible()
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        assert screen.confirm_text.text() == "Send 1,000\xa0FCFA to kofi.mensah (My-CoolPay wallet)?"
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        await wait_until(screen.showing_status, what="the wallet payout's status")
        await wait_until(lambda: screen.badge.status is Status.SUCCEEDED, timeout=10, what="the wallet payout")
        wallet = screen.transaction
        assert wallet is not None and (wallet.customer, wallet.operator) == ("kofi.mensah", "MCP")
        assert screen.recent_refs()[:2] == [wallet.app_ref, payout.app_ref], "newest first"
        sent = {p["transaction_amount"]: p["transaction_operator"] for p in h.sandbox_payouts()}
        assert sent == {5000: "CM_MOMO", 1000: "MCP"}

    run_on_qt_loop(qapp, scenario())


def test_form_problems_are_explained_before_anything_is_asked(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        screen = h.screens.payouts
        fill(screen, "677009900", "5000", "")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        assert screen.form_error.text() == "Say what the payout is for." and screen.pages.currentIndex() == 0
        fill(screen, "12345", "5000", "x")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        assert screen.form_error.text() == "The number is too short."
        fill(screen, "677009900", "5,5", "x")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        assert "no decimals" in screen.form_error.text()
        fill(screen, "677009900", "5000", "x")
        screen.set_operator("CM_OM")  # editable: a number that moved from MTN to Orange
        assert "looks like a MTN MoMo number" in screen.operator_hint.text()
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        assert screen.confirm_text.text() == "Send 5,000\xa0FCFA to +237\xa06\xa077\xa000\xa099\xa000 (Orange Money)?"
        QTest.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
        assert screen.pages.currentIndex() == 0 and screen.recipient_edit.text() == "677009900"
        assert h.approvals() == [] and h.sandbox_payouts() == []

    run_on_qt_loop(qapp, scenario())


def test_unknown_payout_blocks_the_same_one_until_resolved(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        screen = h.screens.payouts
        h.window.show_screen("payouts")
        h.state.faults.add(FaultRule(Fault.TIMEOUT_AFTER_COMMIT, endpoint="payout"))
        fill(screen, "699009900", "7500", "rent")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: screen.transaction is not None, timeout=15, what="the unknown outcome")
        unknown = screen.transaction
        assert unknown is not None and screen.badge.status is Status.UNKNOWN
        assert "Do not send it again" in screen.explanation.text()
        assert [b.objectName() for b in visible_buttons(screen)] == ["payoutNew"], "nothing sends it again"

        QTest.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
        fill(screen, "6 99 00 99 00", "7 500", "rent, again")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: bool(screen.confirm_error.text()), what="the block")
        text = screen.confirm_error.text()
        assert text.startswith("Not sent: the payout of 7,500\xa0FCFA to this recipient on ")
        assert unknown.app_ref in text and "A manager must resolve it in Activity or History first" in text
        assert screen.confirm_error.property("blocked") is True
        assert screen.send_button.isEnabled(), "another amount or recipient may still be sent from here"
        assert len(h.sandbox_payouts()) == 1 and len(h.approvals()) == 1, "no second PIN asked, nothing sent"

        # Another amount to the same number is not blocked.
        QTest.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
        screen.amount_edit.setText("7 000")
        QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
        await wait_until(screen.showing_status, timeout=10, what="the other payout")
        assert screen.transaction is not None and screen.transaction.amount == Money(7000, "XAF")

    run_on_qt_loop(qapp, scenario())
