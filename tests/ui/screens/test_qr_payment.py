"""The QR payment screen: the painted code decodes to the link, status follows, outcome is unmistakable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.screens.followed_payment import format_wait
from posapp.ui.screens.qr_payment import QrPaymentScreen
from tests.helpers.qr import decode_widget

URL = "http://127.0.0.1:5555/mycoolpay/payment/checkout/0b7c2a9e-4f1d-4a57-9d0e-2b8f6c1e3a44"
TX = Transaction("sale-1", Kind.LINK_PAYMENT, "mycoolpay", Money(2500, "XAF"), reason="Riz")


@pytest.fixture
def screen(qtbot) -> QrPaymentScreen:  # type: ignore[no-untyped-def]
    widget = QrPaymentScreen("fr_CM")
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_payment(TX, URL)
    return widget


def test_painted_qr_decodes_to_exactly_the_link(screen: QrPaymentScreen) -> None:
    assert decode_widget(screen.qr) == [URL]
    assert screen.amount.text() == "2\u202f500\u00a0FCFA"
    assert screen.link.text().replace("\u200b", "") == URL, "shown whole, with break opportunities"


def test_qr_stays_readable_when_small(qtbot, screen: QrPaymentScreen) -> None:  # type: ignore[no-untyped-def]
    screen.resize(700, 420)
    qtbot.wait(10)
    assert screen.qr.code_rect().width() >= 160
    assert decode_widget(screen.qr) == [URL]


def test_success_shows_paid_panel(qtbot, screen: QrPaymentScreen) -> None:  # type: ignore[no-untyped-def]
    screen.update_status(TX.with_status(Status.PENDING))
    assert not screen.showing_outcome()
    screen.update_status(TX.with_status(Status.SUCCEEDED))
    assert screen.showing_outcome()
    assert screen.outcome.kind == "success"
    assert screen.outcome.headline.text() == "PAID"
    assert not screen.timer.isActive()
    with qtbot.waitSignal(screen.new_sale_requested, timeout=1000):
        qtbot.mouseClick(screen.outcome.new_sale, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("status", "kind"), [(Status.FAILED, "failure"), (Status.EXPIRED, "failure"), (Status.UNKNOWN, "unknown")]
)
def test_failure_and_unknown_never_look_paid(screen: QrPaymentScreen, status: Status, kind: str) -> None:
    screen.update_status(TX.with_status(status), "The customer declined the payment")
    assert screen.outcome.kind == kind
    assert screen.outcome.headline.text() != "PAID"
    assert screen.outcome.detail.text()


def test_other_payments_do_not_change_this_screen(screen: QrPaymentScreen) -> None:
    other = Transaction("other", Kind.LINK_PAYMENT, "mycoolpay", Money(1, "XAF"), status=Status.SUCCEEDED)
    screen.update_status(other)
    assert not screen.showing_outcome()


def test_cancel_asks_for_this_payment(qtbot, screen: QrPaymentScreen) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(screen.cancel_requested, timeout=1000) as blocker:
        qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["sale-1"]


def test_copy_link_puts_it_on_the_clipboard(qtbot, screen: QrPaymentScreen) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    qtbot.mouseClick(screen.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == URL


def test_waiting_time_format() -> None:
    assert format_wait(0) == "0:00"
    assert format_wait(75.9) == "1:15"
    assert format_wait(3600) == "60:00"
