"""The push screen and the code dialog: what the customer must do, tries left, the provider's message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.screens.otp_dialog import OtpDialog
from posapp.ui.screens.push_payment import PushPaymentScreen

ORANGE = parse_mobile("699009900")
MTN = parse_mobile("677009900")


@pytest.fixture
def screen(qtbot) -> PushPaymentScreen:  # type: ignore[no-untyped-def]
    widget = PushPaymentScreen("en_CM")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_pending_push_shows_number_operator_and_ussd(screen: PushPaymentScreen) -> None:
    tx = Transaction("p1", Kind.PUSH_PAYMENT, "mycoolpay", Money(700, "XAF"), status=Status.PENDING)
    screen.show_payment(tx, MTN, ussd="*126#")
    assert "+237 6 77 00 99 00" in screen.phone.text()
    assert "MTN MoMo" in screen.phone.text()
    assert screen.ussd.text() == "*126#"
    assert not screen.otp_button.isVisible()


def test_awaiting_otp_offers_the_code_entry(qtbot, screen: PushPaymentScreen) -> None:  # type: ignore[no-untyped-def]
    tx = Transaction("p2", Kind.PUSH_PAYMENT, "mycoolpay", Money(700, "XAF"), status=Status.AWAITING_OTP)
    screen.show_payment(tx, ORANGE)
    assert "Orange Money" in screen.phone.text()
    assert screen.otp_button.isVisible()
    assert "code" in screen.instructions.text()
    with qtbot.waitSignal(screen.otp_entry_requested, timeout=1000) as blocker:
        qtbot.mouseClick(screen.otp_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["p2"]
    screen.update_status(tx.with_status(Status.PENDING))
    assert not screen.otp_button.isVisible()
    screen.update_status(tx.with_status(Status.SUCCEEDED))
    assert screen.showing_outcome()
    assert screen.outcome.kind == "success"


def test_declined_push_shows_failure_with_message(screen: PushPaymentScreen) -> None:
    tx = Transaction("p3", Kind.PUSH_PAYMENT, "mycoolpay", Money(700, "XAF"), status=Status.PENDING)
    screen.show_payment(tx, MTN, ussd="*126#")
    screen.update_status(tx.with_status(Status.FAILED), "The customer declined the payment")
    assert screen.outcome.kind == "failure"
    assert screen.outcome.message.text() == "The customer declined the payment.", "our sentence (the same words)"
    assert "declined" in screen.outcome.detail.text()


def test_otp_dialog_submits_digits_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OtpDialog("+237 6 99 00 99 00", tries_left=3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "12ab34")
    assert dialog.code.text() == "1234"
    with qtbot.waitSignal(dialog.code_submitted, timeout=1000) as blocker:
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert blocker.args == ["1234"]


def test_otp_dialog_refuses_short_codes_and_shows_provider_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OtpDialog("+237 6 99 00 99 00", tries_left=3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code, "12")
    with qtbot.assertNotEmitted(dialog.code_submitted):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.error.text()
    dialog.show_refused("Invalid authorization code !", 2)
    assert dialog.error.text() == "Invalid authorization code !"
    assert "2" in dialog.tries.text()
    assert dialog.code.text() == ""


def test_enter_while_checking_never_cancels_the_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OtpDialog("+237 6 99 00 99 00", tries_left=3)
    qtbot.addWidget(dialog)
    dialog.code_submitted.connect(lambda code: dialog.set_busy(True))  # as the controller does
    dialog.show()
    qtbot.keyClicks(dialog.code, "1234")
    with qtbot.assertNotEmitted(dialog.rejected):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
