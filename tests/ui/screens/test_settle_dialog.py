"""Settling an unknown outcome over the real loopback sandbox: from History or Activity, approved, recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status, Transaction
from posapp.sandbox.customer import Fault, FaultRule
from posapp.services.tracker import record_change
from posapp.ui.screens.settle_dialog import SettleDialog
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .manager_harness import CASHIER, MANAGER, ManagerConsole

RECIPIENT = "699009900"


@pytest.fixture
def console(qapp: QApplication) -> Iterator[ManagerConsole]:
    h = ManagerConsole()
    yield h
    run_on_qt_loop(qapp, h.close())


async def unknown_payout(h: ManagerConsole, amount: int) -> Transaction:
    """A payout the provider executed while its answer was lost: UNKNOWN, with no provider reference."""
    h.state.faults.add(FaultRule(Fault.TIMEOUT_AFTER_COMMIT, endpoint="payout"))
    approval = await h.services.payouts.approve(MANAGER, "payout", Money(amount, "XAF"))
    tx = await h.services.payouts.payout(Money(amount, "XAF"), parse_mobile(RECIPIENT), None, "rent", approval)
    assert tx.status is Status.UNKNOWN and tx.provider_ref is None
    return tx


async def open_from_history(h: ManagerConsole, app_ref: str) -> SettleDialog:
    history = h.controller.history
    assert history is not None
    h.window.show_screen("history")
    history.refresh_transaction(app_ref)
    await wait_until(lambda: history.select(app_ref), what="the row in History")
    row = history.table.visualRect(history.model.index(history.model.row_of(app_ref), 0))
    QTest.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=row.center())  # a tap opens it
    await wait_until(history.settle_button.isVisible, what="Settle offered")
    QTest.mouseClick(history.settle_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: h.screens.settle_dialog is not None, what="the settle dialog")
    dialog = h.screens.settle_dialog
    assert dialog is not None
    return dialog


def test_a_manager_settles_an_unknown_payout_from_history_and_it_no_longer_blocks(
    qapp: QApplication, console: ManagerConsole
) -> None:
    h = console

    async def scenario() -> None:
        await h.start(CASHIER)
        payout = await unknown_payout(h, 7500)
        approvals = len(h.approvals())
        assert await h.services.payouts.blocking_unknown(parse_mobile(RECIPIENT), payout.amount) is not None
        dialog = await open_from_history(h, payout.app_ref)
        assert dialog.amount.text() == "Payout of 7,500\xa0FCFA"
        details = dialog.details.text()
        assert "To +237 6 99 00 99 00 (Orange Money)" in details and payout.app_ref in details
        assert "No My-CoolPay reference: the request may never have reached My-CoolPay." in details
        assert not dialog.recheck_button.isVisible(), "nothing to ask the provider about without its reference"
        assert [dialog.succeeded_button.text(), dialog.failed_button.text()] == [
            "The money was sent",
            "The money was not sent",
        ]

        # Bad input: said plainly, nothing asked, nothing recorded.
        QTest.mouseClick(dialog.settle_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == "Choose what you found."
        QTest.mouseClick(dialog.succeeded_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == "", "choosing clears the complaint"
        QTest.keyClicks(dialog.note_edit, "ok")
        QTest.mouseClick(dialog.settle_button, Qt.MouseButton.LeftButton)
        assert dialog.error.text() == "Say how you know: the next manager will read it."
        assert h.access.approval_dialog is None and len(h.approvals()) == approvals

        # A cashier asks; the manager declines at first: nothing is recorded.
        dialog.note_edit.setText("seen as paid in the My-CoolPay dashboard")
        QTest.mouseClick(dialog.settle_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: h.access.approval_dialog is not None, what="the approval dialog")
        approval_dialog = h.access.approval_dialog
        assert approval_dialog is not None and not dialog.settle_button.isEnabled()
        QTest.mouseClick(approval_dialog.cancel_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: bool(dialog.error.text()), what="not approved")
        assert dialog.error.text() == "Not approved: nothing was recorded."
        assert h.status_of(payout.app_ref) is Status.UNKNOWN and dialog.settle_button.isEnabled()

        QTest.mouseClick(dialog.settle_button, Qt.MouseButton.LeftButton)
        await h.approve_as_manager()
        await wait_until(lambda: dialog.pages.currentIndex() == 1, what="the outcome recorded")
        assert dialog.done_title.text() == "Outcome recorded"
        assert dialog.done_text.text() == "Recorded as sent: the money left the account."
        assert dialog.done_badge.status is Status.SUCCEEDED

        assert h.status_of(payout.app_ref) is Status.SUCCEEDED
        last = h.journal.timeline(payout.app_ref)[-1]
        assert (last.type, last.actor, last.message) == (
            "resolved",
            f"manager:{MANAGER}",
            "seen as paid in the My-CoolPay dashboard",
        )
        assert ("resolve", 7500, payout.app_ref) in h.approvals()
        assert len(h.sandbox_payouts()) == 1, "settling sends nothing"
        assert await h.services.payouts.blocking_unknown(parse_mobile(RECIPIENT), payout.amount) is None
        history = h.controller.history
        assert history is not None
        await wait_until(lambda: not history.settle_button.isVisible(), what="History shows it settled")
        assert history.detail_badge.status is Status.SUCCEEDED

        QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: h.screens.settle_dialog is None, what="the dialog closed")

    run_on_qt_loop(qapp, scenario())


def test_asking_the_provider_again_from_activity_ends_it_when_the_provider_knows(
    qapp: QApplication, console: ManagerConsole
) -> None:
    h = console

    async def scenario() -> None:
        await h.start(MANAGER)
        started = await h.services.checkout.start_push_payment(
            Money(3000, "XAF"), parse_mobile("677009900"), "sale", cashier=CASHIER
        )
        tx = started.transaction
        assert tx.provider_ref
        # The tracker stops and the payment turns unknown (as after a contradicting answer).
        h.services.tracker.stop_following(tx.app_ref)
        change = await h.services.journal.call(
            record_change, tx.app_ref, Status.UNKNOWN, type="status_mismatch", message="the answer did not match"
        )
        h.services.tracker.publish(change)
        activity = h.controller.activity
        h.window.show_screen("activity")
        await wait_until(lambda: activity.row(tx.app_ref) is not None, what="the Activity card")
        row = activity.row(tx.app_ref)
        assert row is not None
        await wait_until(lambda: row.badge.status is Status.UNKNOWN, what="unknown on Activity")
        await wait_until(row.settle_button.isVisible, what="Settle offered on the card")
        QTest.mouseClick(row.settle_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: h.screens.settle_dialog is not None, what="the settle dialog")
        dialog = h.screens.settle_dialog
        assert dialog is not None
        assert dialog.amount.text() == "Payment of 3,000\xa0FCFA"
        assert dialog.succeeded_button.text() == "The customer paid"
        assert f"My-CoolPay reference: {tx.provider_ref}" in dialog.details.text()

        # The provider knows it and it is still waiting for the customer: nothing to settle, followed again.
        QTest.mouseClick(dialog.recheck_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.pages.currentIndex() == 1, what="the provider's answer")
        assert h.status_of(tx.app_ref) is Status.PENDING
        assert dialog.done_title.text() == "The provider answered"
        assert "still in progress, and the console follows it until it ends" in dialog.done_text.text()
        assert h.services.tracker.is_following(tx.app_ref)

        h.state.approve(tx.provider_ref)  # the customer approves: the tracker sees it, the dialog says so
        await wait_until(lambda: h.status_of(tx.app_ref) is Status.SUCCEEDED, what="the payment paid")
        await wait_until(lambda: dialog.done_badge.status is Status.SUCCEEDED, what="the dialog shows it")
        assert "clear answer, recorded in the journal: nothing left to settle" in dialog.done_text.text()
        assert [e.type for e in h.journal.timeline(tx.app_ref)][-1] == "status_read", "no manager recorded it"
        assert not any(op == "resolve" for op, *_ in h.approvals())

    run_on_qt_loop(qapp, scenario())


def test_the_form_fits_its_text_on_a_small_screen(qtbot, themed) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from posapp.core.transactions import Kind

    tx = Transaction(
        "PO-20261121-0001", Kind.PAYOUT, "mycoolpay", Money(7500, "XAF"), customer="+237699009900",
        operator="CM_OM", reason="Rent", cashier="Kofi", status=Status.UNKNOWN, created_at=datetime.now(UTC),
    )  # fmt: skip
    dialog = SettleDialog(tx, "en", provider_label="My-CoolPay")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    # Nothing overlaps: every line of the references shows, and the explanation starts below the card.
    assert dialog.details.height() >= dialog.details.heightForWidth(dialog.details.width())
    assert dialog.card.geometry().bottom() < dialog.explanation.geometry().top()
    assert dialog.explanation.height() >= dialog.explanation.heightForWidth(dialog.explanation.width())
    assert dialog.note_edit.geometry().bottom() < dialog.settle_button.geometry().top()
