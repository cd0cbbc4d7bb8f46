"""The customer display: a separate window, facing the customer, that mirrors the payment at the till."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from posapp.core.money import format_money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.qr_code import QrCodeWidget


def customer_status(transaction: Transaction) -> tuple[str, str]:
    """(state, what the customer reads) for a payment; ``state`` is waiting / paid / failed / checking.

    Worded for the customer, not the cashier: an unknown outcome is never shown as a failure (the money
    may have moved), only as "checking".
    """
    status = transaction.status
    if status is Status.SUCCEEDED:
        return "paid", QCoreApplication.translate("CustomerDisplay", "Paid — thank you")
    if status is Status.FAILED:
        return "failed", QCoreApplication.translate("CustomerDisplay", "Payment failed")
    if status is Status.CANCELED:
        return "failed", QCoreApplication.translate("CustomerDisplay", "Payment canceled")
    if status is Status.EXPIRED:
        return "failed", QCoreApplication.translate("CustomerDisplay", "Time ran out: payment not made")
    if status in (Status.UNKNOWN, Status.AUTHORIZED):
        return "checking", QCoreApplication.translate("CustomerDisplay", "Checking the payment, please wait")
    if status is Status.AWAITING_OTP:
        return "waiting", QCoreApplication.translate("CustomerDisplay", "Tell the cashier the code you received by SMS")
    if transaction.kind is Kind.PUSH_PAYMENT:
        return "waiting", QCoreApplication.translate("CustomerDisplay", "Confirm the payment on your phone")
    return "waiting", QCoreApplication.translate("CustomerDisplay", "Scan to pay")


class _AmountLabel(FitLabel):
    """The amount in the largest bold font (60 pt down to 12 pt) that shows it whole: a long amount never
    pushes the QR code smaller, and no digit is ever clipped."""

    LARGEST_PT = 60
    SMALLEST_PT = 12

    def __init__(self) -> None:
        super().__init__(self.LARGEST_PT, self.SMALLEST_PT)
        self.setObjectName("customerAmount")


class CustomerDisplay(QWidget):
    """A top-level window for a screen facing the customer: welcome, or the QR code, amount and status.

    ``show_payment`` shows the payment link's QR code (left) with the amount and a customer-worded status
    (right); a push payment (empty ``url``) shows the amount and the instruction only. ``update_status``
    follows the payment on display; ``show_idle`` returns to the shop's welcome. The window is movable
    like any other; ``place_on(screen)`` puts it full screen on a second monitor.
    """

    def __init__(self, locale: str, shop_name: str = "", *, training: bool = False) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.setWindowTitle(QCoreApplication.translate("CustomerDisplay", "Customer display"))
        self.setMinimumSize(640, 400)
        self.locale_name = locale
        self.transaction: Transaction | None = None
        self.url = ""
        self.state = "idle"

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.training_banner = PlainLabel(QCoreApplication.translate("CustomerDisplay", "TRAINING — no real money"))
        self.training_banner.setObjectName("customerTrainingBanner")
        self.training_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training_banner.setVisible(training)
        outer.addWidget(self.training_banner)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        # Idle: the shop's name and a welcome.
        self.idle_page = QWidget()
        idle = QVBoxLayout(self.idle_page)
        idle.setContentsMargins(40, 40, 40, 40)
        self.shop_label = PlainLabel()
        self.shop_label.setObjectName("customerShopName")
        self.welcome = PlainLabel(QCoreApplication.translate("CustomerDisplay", "Welcome"))
        self.welcome.setObjectName("customerWelcome")
        idle.addStretch(1)
        for label in (self.shop_label, self.welcome):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            idle.addWidget(label)
        idle.addStretch(1)
        self.pages.addWidget(self.idle_page)

        # Payment: QR (or the outcome's symbol in its place) beside the amount and the status.
        self.payment_page = QWidget()
        row = QHBoxLayout(self.payment_page)
        row.setContentsMargins(40, 32, 40, 32)
        row.setSpacing(40)
        self.left = QStackedWidget()
        self.qr_frame = QFrame()
        self.qr_frame.setObjectName("customerQrFrame")
        qr_layout = QVBoxLayout(self.qr_frame)
        qr_layout.setContentsMargins(8, 8, 8, 8)
        self.qr = QrCodeWidget()
        qr_layout.addWidget(self.qr)
        self.symbol = PlainLabel()
        self.symbol.setObjectName("customerSymbol")
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.left.addWidget(self.qr_frame)
        self.left.addWidget(self.symbol)
        row.addWidget(self.left, 5)
        side = QVBoxLayout()
        side.setSpacing(20)
        self.amount_caption = PlainLabel(QCoreApplication.translate("CustomerDisplay", "Amount to pay"))
        self.amount_caption.setObjectName("customerCaption")
        self.amount = _AmountLabel()
        self.reason = PlainLabel()
        self.reason.setObjectName("customerReason")
        self.reason.setWordWrap(True)
        self.status_label = PlainLabel()
        self.status_label.setObjectName("customerStatus")
        self.status_label.setWordWrap(True)
        side.addStretch(1)
        side.addWidget(self.amount_caption)
        side.addWidget(self.amount)
        side.addWidget(self.reason)
        side.addSpacing(12)
        side.addWidget(self.status_label)
        side.addStretch(1)
        row.addLayout(side, 4)
        self.pages.addWidget(self.payment_page)

        self.set_shop_name(shop_name)
        self.show_idle()

    def set_shop_name(self, name: str) -> None:
        self.shop_label.setText(inert(name))
        self.shop_label.setVisible(bool(name))

    def set_training(self, training: bool) -> None:
        self.training_banner.setVisible(training)

    def show_idle(self) -> None:
        """The welcome screen between customers (no amount or code of a previous customer stays visible)."""
        self.transaction, self.url, self.state = None, "", "idle"
        self.qr.clear()
        self._set_state("idle")
        self.pages.setCurrentWidget(self.idle_page)

    def show_payment(self, transaction: Transaction, url: str = "") -> None:
        """Show ``transaction``'s amount and status, with ``url`` as a QR code when it is a payment link."""
        self.transaction, self.url = transaction, url
        if url:
            self.qr.set_data(url)
        else:
            self.qr.clear()
        self.amount.setText(format_money(transaction.amount, self.locale_name))
        self.reason.setText(inert(transaction.reason))
        self.reason.setVisible(bool(transaction.reason))
        self.pages.setCurrentWidget(self.payment_page)
        self._show_status(transaction)

    def update_status(self, transaction: Transaction) -> None:
        """Follow a status change of the payment on display (other payments are ignored)."""
        if self.transaction is None or transaction.app_ref != self.transaction.app_ref:
            return
        self.transaction = transaction
        self._show_status(transaction)

    def status_text(self) -> str:
        return self.status_label.text()

    def place_on(self, screen: QScreen) -> None:
        """Full screen on ``screen`` (the monitor facing the customer)."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def _show_status(self, transaction: Transaction) -> None:
        state, text = customer_status(transaction)
        self.status_label.setText(text)
        self.amount_caption.setText(
            QCoreApplication.translate("CustomerDisplay", "Amount paid")
            if state == "paid"
            else QCoreApplication.translate("CustomerDisplay", "Amount to pay")
        )
        if state in ("paid", "failed"):
            # The code must not be scanned again once the payment is over.
            self.symbol.setText("✓" if state == "paid" else "✗")
            self.left.setCurrentWidget(self.symbol)
        elif self.url:
            self.left.setCurrentWidget(self.qr_frame)
        else:
            self.symbol.setText("☎")
            self.left.setCurrentWidget(self.symbol)
        self._set_state(state)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.setProperty("state", state)
        for widget in (self, self.status_label, self.symbol):
            widget.setProperty("state", state)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
