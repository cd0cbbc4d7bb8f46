"""The customer display: the painted QR decodes to the link; the customer reads the status in plain words."""

from __future__ import annotations

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.screens.customer_display import CustomerDisplay
from tests.helpers.qr import decode_widget

URL = "http://127.0.0.1:5555/mycoolpay/payment/checkout/0b7c2a9e-4f1d-4a57-9d0e-2b8f6c1e3a44"
TX = Transaction("sale-1", Kind.LINK_PAYMENT, "mycoolpay", Money(2500, "XAF"), status=Status.PENDING, reason="Riz")


@pytest.fixture
def display(qtbot) -> CustomerDisplay:  # type: ignore[no-untyped-def]
    window = CustomerDisplay("fr_CM", "Boutique Chez Mama", training=True)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_is_a_window_of_its_own_showing_the_welcome(display: CustomerDisplay) -> None:
    assert display.isWindow()
    assert display.state == "idle"
    assert display.pages.currentWidget() is display.idle_page
    assert display.shop_label.text() == "Boutique Chez Mama"
    assert display.training_banner.isVisible()


def test_qr_decodes_to_exactly_the_link(display: CustomerDisplay) -> None:
    display.show_payment(TX, URL)
    assert decode_widget(display.qr) == [URL]
    assert display.amount.text() == "2\u202f500\u00a0FCFA"
    assert display.status_text() == "Scan to pay"
    assert display.state == "waiting"


@pytest.mark.parametrize(
    ("status", "state", "text"),
    [
        (Status.SUCCEEDED, "paid", "Paid — thank you"),
        (Status.FAILED, "failed", "Payment failed"),
        (Status.CANCELED, "failed", "Payment canceled"),
        (Status.EXPIRED, "failed", "Time ran out: payment not made"),
        (Status.UNKNOWN, "checking", "Checking the payment, please wait"),
    ],
)
def test_status_in_the_customers_words(display: CustomerDisplay, status: Status, state: str, text: str) -> None:
    display.show_payment(TX, URL)
    display.update_status(TX.with_status(status))
    assert (display.state, display.status_text()) == (state, text)
    if state in ("paid", "failed"):
        assert display.left.currentWidget() is display.symbol  # the code cannot be scanned again
    else:
        assert display.left.currentWidget() is display.qr_frame  # an unknown outcome keeps waiting


def test_other_payments_are_ignored(display: CustomerDisplay) -> None:
    display.show_payment(TX, URL)
    other = Transaction("other", Kind.LINK_PAYMENT, "mycoolpay", Money(1, "XAF"), status=Status.SUCCEEDED)
    display.update_status(other)
    assert display.status_text() == "Scan to pay"


def test_push_payment_shows_the_phone_instruction_without_qr(display: CustomerDisplay) -> None:
    push = Transaction("p1", Kind.PUSH_PAYMENT, "mycoolpay", Money(700, "XAF"), status=Status.AWAITING_OTP)
    display.show_payment(push)
    assert display.left.currentWidget() is display.symbol
    assert display.qr.data() == ""
    assert display.status_text() == "Tell the cashier the code you received by SMS"
    display.update_status(push.with_status(Status.PENDING))
    assert display.status_text() == "Confirm the payment on your phone"


def test_idle_forgets_the_previous_customer(display: CustomerDisplay) -> None:
    display.show_payment(TX, URL)
    display.update_status(TX.with_status(Status.SUCCEEDED))
    display.show_idle()
    assert display.pages.currentWidget() is display.idle_page
    assert display.qr.data() == ""
    display.update_status(TX.with_status(Status.SUCCEEDED))  # a late event does not bring it back
    assert display.pages.currentWidget() is display.idle_page


def test_a_long_amount_is_never_clipped(qtbot, display: CustomerDisplay) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics

    display.resize(700, 420)
    big = Transaction("big", Kind.LINK_PAYMENT, "mycoolpay", Money(999_999_999, "XAF"), status=Status.PENDING)
    display.show_payment(big, URL)
    qtbot.waitUntil(lambda: display.amount.width() > 0)
    qtbot.wait(10)
    metrics = QFontMetrics(display.amount.font())
    assert metrics.horizontalAdvance(display.amount.text()) <= display.amount.contentsRect().width()
    assert decode_widget(display.qr) == [URL]
