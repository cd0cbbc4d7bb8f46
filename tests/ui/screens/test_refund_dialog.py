"""Refunds from History over the real loopback sandbox: partial then full, the cap, a refusal, an unknown outcome."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from posapp.core.money import Money, format_money
from posapp.core.transactions import Status
from posapp.sandbox.customer import Fault, FaultRule, Script
from posapp.sandbox.mycoolpay import MESSAGES
from posapp.ui.screens.refund_dialog import RefundDialog
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import CASHIER, MANAGER, ManagerConsole

LOCALE = "en_CM"


def xaf(amount: int) -> str:
    return format_money(Money(amount, "XAF"), LOCALE)


@pytest.fixture
def console(qapp: QApplication) -> Iterator[ManagerConsole]:
    h = ManagerConsole()
    yield h
    run_on_qt_loop(qapp, h.close())


async def open_refund(h: ManagerConsole, payment_ref: str) -> RefundDialog:
    """Select the payment in History and press its Refund button."""
    history = h.controller.history
    assert history is not None
    h.window.show_screen("history")
    tx = h.journal.get(payment_ref)
    history.show_transaction(tx)
    assert history.refund_button.isVisible(), "History offers the refund of a paid payment"
    QTest.mouseClick(history.refund_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: h.screens.refund_dialog is not None, what="the refund dialog")
    dialog = h.screens.refund_dialog
    assert dialog is not None
    await wait_until(dialog.isVisible, what="the dialog on screen")
    return dialog


def visible_buttons(dialog: RefundDialog) -> list[QPushButton]:
    return [button for button in dialog.findChildren(QPushButton) if button.isVisible()]


def test_partial_refund_asked_by_a_cashier_then_the_rest_by_the_manager(
    qapp: QApplication, console: ManagerConsole
) -> None:
    h = console

    async def scenario() -> None:
        await h.start(CASHIER)
        payment = await h.paid_push(5000)
        dialog = await open_refund(h, payment.app_ref)
        assert dialog.refundable_label.text() == xaf(5000)
        assert "+237 6 77 00 99 00 (MTN MoMo)" in dialog.payment_details.text()
        dialog.choose_partial("2 000")
        assert dialog.refund_button.text() == f"Refund {xaf(2000)}"
        QTest.keyClicks(dialog.reason_edit, "one item returned")
        QTest.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
        approval = await h.approve_as_manager()  # Ama is a cashier: Kofi types his PIN
        assert approval.amount_label.text() == xaf(2000)
        await wait_until(lambda: dialog.refund is not None, what="the refund sent")
        assert dialog.sent_to.text() == "Back to +237 6 77 00 99 00 (MTN MoMo)"
        await wait_until(lambda: dialog.badge.status is Status.SUCCEEDED, timeout=10, what="the refund paid out")
        assert "went back to the customer" in dialog.explanation.text()
        assert visible_buttons(dialog) == [dialog.close_button]
        assert h.status_of(payment.app_ref) is Status.PARTIALLY_REFUNDED
        history = h.controller.history
        assert history is not None
        assert history.model.transaction(history.model.row_of(payment.app_ref)).status is Status.PARTIALLY_REFUNDED
        first_ref = dialog.reference.text()
        QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: h.screens.refund_dialog is None, what="the dialog closed")

        await h.sign_in(MANAGER)  # a signed-in manager approves by being signed in: no PIN dialog
        again = await open_refund(h, payment.app_ref)
        assert again.refundable_label.text() == xaf(3000)
        assert xaf(2000) in again.already_label.text()
        assert again.full_button.isChecked() and again.refund_button.text() == f"Refund {xaf(3000)}"
        QTest.keyClicks(again.reason_edit, "customer changed their mind")
        QTest.keyClick(again.reason_edit, Qt.Key.Key_Return)
        await wait_until(lambda: again.badge.status is Status.SUCCEEDED, timeout=10, what="the second refund")
        assert h.access.approval_dialog is None
        assert h.status_of(payment.app_ref) is Status.REFUNDED
        refunds = [p for p in h.sandbox_payouts() if p["transaction_operator"] == "CM_MOMO"]
        assert sorted(p["transaction_amount"] for p in refunds) == [2000, 3000]
        assert sorted(h.approvals()) == sorted([("refund", 2000, first_ref), ("refund", 3000, again.reference.text())])

    run_on_qt_loop(qapp, scenario())


def test_more_than_refundable_is_refused_and_nothing_is_asked(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        payment = await h.paid_push(5000)
        dialog = await open_refund(h, payment.app_ref)
        dialog.choose_partial("6 000")
        QTest.keyClicks(dialog.reason_edit, "too much")
        with_signal: list[object] = []
        dialog.refund_requested.connect(lambda *args: with_signal.append(args))
        QTest.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == f"At most {xaf(5000)} can be refunded on this payment."
        assert with_signal == [] and dialog.refund is None
        dialog.choose_partial("2 000")
        dialog.reason_edit.clear()
        QTest.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == "Say why the money goes back."
        assert with_signal == []
        assert h.approvals() == [] and h.sandbox_payouts() == []

    run_on_qt_loop(qapp, scenario())


def test_refund_refused_by_the_operator_says_why(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        payment = await h.paid_push(3000)
        dialog = await open_refund(h, payment.app_ref)
        QTest.keyClicks(dialog.reason_edit, "returned")
        h.state.scripts.queue_next(Script.decline())  # the operator refuses the transfer at once
        QTest.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.refund is not None, what="the refusal")
        assert dialog.badge.status is Status.FAILED
        assert dialog.explanation.text() == "The refund did not go through. No money left the account."
        said = dialog.provider_message.text()
        assert any(words in said for words in MESSAGES["payout_refused"].values()), said
        assert visible_buttons(dialog) == [dialog.close_button]
        assert h.status_of(payment.app_ref) is Status.SUCCEEDED

    run_on_qt_loop(qapp, scenario())


def test_unknown_outcome_is_shown_as_such_with_no_way_to_pay_again(qapp: QApplication, console: ManagerConsole) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        payment = await h.paid_push(4000)
        dialog = await open_refund(h, payment.app_ref)
        QTest.keyClicks(dialog.reason_edit, "paid twice")
        # The provider executes the payout, then its answer never arrives in time.
        h.state.faults.add(FaultRule(Fault.TIMEOUT_AFTER_COMMIT, endpoint="payout"))
        QTest.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.refund is not None, timeout=15, what="the unknown outcome")
        assert dialog.badge.status is Status.UNKNOWN and dialog.badge.text() == "Outcome unknown"
        assert dialog.outcome_frame.property("outcome") == "unknown"
        text = dialog.explanation.text()
        assert "Do not refund this payment again" in text and "A manager resolves it in Activity or History" in text
        assert visible_buttons(dialog) == [dialog.close_button], "no button sends it again"
        assert len(h.sandbox_payouts()) == 1, "the sandbox did take it: unknown is not failed"
        refund = dialog.refund
        assert refund is not None and h.status_of(refund.app_ref) is Status.UNKNOWN
        QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: h.screens.refund_dialog is None, what="the dialog closed")

        again = await open_refund(h, payment.app_ref)  # the unknown refund still holds its amount
        assert again.refundable_label.text() == xaf(0)
        assert not again.refund_button.isEnabled()
        assert again.error.text() == "Nothing is left to refund on this payment."

    run_on_qt_loop(qapp, scenario())


def test_the_form_fits_its_text_on_a_counter_screen(qtbot, themed) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from posapp.core.transactions import Kind, Status, Transaction
    from posapp.ui.screens.refund_dialog import RefundDialog

    paid = Transaction(
        "PAY-20261121-0001", Kind.PUSH_PAYMENT, "mycoolpay", Money(7500, "XAF"), customer="+237699009900",
        operator="CM_OM", reason="Rice 25 kg, oil 5 L and a reason long enough to wrap", cashier="Ama",
        status=Status.SUCCEEDED, created_at=datetime.now(UTC),
    )  # fmt: skip
    dialog = RefundDialog(paid, Money(7500, "XAF"), "en")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    # On an 800-pixel-high screen the card used to cover the "Can still be refunded" line under it.
    assert dialog.payment_card.geometry().bottom() < dialog.refundable_label.geometry().top()
    assert dialog.reason_edit.geometry().bottom() < dialog.refund_button.geometry().top()
