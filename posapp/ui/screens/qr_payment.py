"""Shows one payment as a QR code of its payment link and follows its status until the outcome."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import format_money
from posapp.core.transactions import Status, Transaction
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.screens.followed_payment import FollowedPaymentScreen
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.qr_code import QrCodeWidget
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.status_badge import StatusBadge

CANCEL_PAYMENT_KEY = "Ctrl+X"


def breakable(address: str) -> str:
    """``address`` with zero-width break opportunities after its separators: a link has no spaces, and a
    word-wrapped label would otherwise run it past the column's edge. Copying uses the link itself."""
    after_separators = re.sub(r"([/?&=_.-])", "\\1\u200b", address)
    return re.sub(r"([^/?&=_.\u200b-]{12})(?=[^\u200b])", "\\1\u200b", after_separators)  # long tokens too


class QrPaymentScreen(FollowedPaymentScreen):
    """The payment link as a large QR code, the amount, a live status line and the time waiting.

    Signals:
        cancel_requested(str): stop following this payment (app_ref).
        new_sale_requested(): the cashier starts the next sale.
        customer_display_requested(): show the QR on the customer-facing window.
    """

    customer_display_requested = Signal()

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(locale, parent)
        self.url = ""

        waiting = QWidget()
        row = QHBoxLayout(waiting)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(32)
        qr_frame = QFrame()
        qr_frame.setObjectName("qrFrame")
        qr_layout = QVBoxLayout(qr_frame)
        qr_layout.setContentsMargins(8, 8, 8, 8)
        self.qr = QrCodeWidget()
        qr_layout.addWidget(self.qr)
        qr_frame.setMinimumWidth(260)
        row.addWidget(qr_frame, 1)

        # The QR code gets every pixel the side column does not need: the column is capped, its buttons stacked.
        side_widget = QWidget()
        side_widget.setMinimumWidth(260)
        side_widget.setMaximumWidth(340)
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(14)
        row.addWidget(side_widget)
        self.amount = FitLabel(40, 16)
        self.amount.setObjectName("paymentAmount")
        self.reason = PlainLabel()
        self.reason.setObjectName("screenText")
        self.reason.setWordWrap(True)
        self.badge = StatusBadge(Status.PENDING)
        self.card_checkout = False
        self.instructions = PlainLabel()
        self.instructions.setObjectName("instructions")
        self.instructions.setWordWrap(True)
        self.link = PlainLabel()
        self.link.setObjectName("linkText")
        self.link.setWordWrap(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(QCoreApplication.translate("QrPaymentScreen", "Copy link"))
        self.copy_button.setProperty("secondary", True)
        self.display_button = QPushButton(QCoreApplication.translate("QrPaymentScreen", "Customer screen"))
        self.display_button.setProperty("secondary", True)
        self.cancel_button = QPushButton(QCoreApplication.translate("QrPaymentScreen", "Cancel payment"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setProperty("secondary", True)
        give_shortcut(self.copy_button, "Ctrl+C")
        give_shortcut(self.display_button, "Ctrl+D")
        give_shortcut(self.cancel_button, CANCEL_PAYMENT_KEY)
        side.addWidget(self.amount)
        side.addWidget(self.reason)
        side.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.waiting_line)
        side.addWidget(self.instructions)
        side.addStretch(1)
        side.addWidget(self.link)
        side.addWidget(self.copy_button)
        side.addWidget(self.display_button)
        side.addWidget(self.cancel_button)
        self.add_following_page(waiting)

        self.copy_button.clicked.connect(self.copy_link)
        self.display_button.clicked.connect(self.customer_display_requested)
        self.cancel_button.clicked.connect(self._cancel)
        self._show_instructions(Status.PENDING)

    def set_card_checkout(self, card: bool) -> None:
        """The link opens a card checkout page (a card provider: no mobile money) rather than a wallet's."""
        self.card_checkout = card
        self._show_instructions(self.transaction.status if self.transaction is not None else Status.PENDING)

    def _show_instructions(self, status: Status) -> None:
        if status is Status.AUTHORIZED:
            text = QCoreApplication.translate(
                "QrPaymentScreen",
                "The card is authorized, but no money is taken yet: capture the payment in Activity.",
            )
        elif self.card_checkout:
            text = QCoreApplication.translate(
                "QrPaymentScreen",
                "Ask the customer to scan this code with their phone and pay by card on the page that opens.",
            )
        else:
            text = QCoreApplication.translate(
                "QrPaymentScreen", "Ask the customer to scan this code with their phone and pay."
            )
        self.instructions.setText(text)
        self.instructions.setProperty("attention", status is Status.AUTHORIZED)
        self.instructions.style().unpolish(self.instructions)
        self.instructions.style().polish(self.instructions)

    def show_payment(self, transaction: Transaction, url: str) -> None:
        """Start showing ``transaction``: its link as a QR code, amount, status and time waiting."""
        self.transaction = transaction
        self.url = url
        self.qr.set_data(url)
        self.amount.setText(format_money(transaction.amount, self.locale_name))
        self.qr.setAccessibleDescription(
            QCoreApplication.translate(
                "QrPaymentScreen", "The QR code of a payment of {amount}: the customer scans it with their phone"
            ).format(amount=format_money(transaction.amount, self.locale_name))
        )
        self.reason.setText(inert(transaction.reason))
        self.reason.setVisible(bool(transaction.reason))
        self.link.setText(breakable(inert(url)))  # the provider's link, wrapped anywhere in the side column
        self.badge.set_status(Status.PENDING if transaction.status is Status.CREATED else transaction.status)
        self._show_instructions(transaction.status)
        self.start_following(transaction)

    def update_status(self, transaction: Transaction, message: str = "") -> None:
        """Follow a status change of the payment on screen (others are ignored)."""
        if not self.follows(transaction):
            return
        self.badge.set_status(transaction.status)
        self._show_instructions(transaction.status)
        self.show_outcome_if_final(transaction, message)

    def waiting_text(self, waited: str) -> str:
        return QCoreApplication.translate("QrPaymentScreen", "Waiting for {time}").format(time=waited)

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.url)
