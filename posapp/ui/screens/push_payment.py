"""Follows a payment pushed to the customer's phone: the number and operator, what the customer must do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from posapp.core.money import format_money
from posapp.core.phone import MobileNumber, Operator
from posapp.core.transactions import Status, Transaction
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.provider_messages import with_provider_words
from posapp.ui.screens.followed_payment import FollowedPaymentScreen
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.status_badge import StatusBadge

CANCEL_PAYMENT_KEY = "Ctrl+X"


class PushPaymentScreen(FollowedPaymentScreen):
    """Shows the pushed payment and what the customer must do (approve, dial the USSD code, read the OTP).

    Signals:
        cancel_requested(str): stop following this payment (app_ref).
        new_sale_requested(): the cashier starts the next sale.
        otp_entry_requested(str): open the code dialog for this payment (app_ref).
    """

    otp_entry_requested = Signal(str)

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(locale, parent)

        following = QWidget()
        layout = QVBoxLayout(following)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.amount = FitLabel(40, 16)
        self.amount.setObjectName("paymentAmount")
        self.phone = PlainLabel()
        self.phone.setObjectName("screenTitle")
        self.badge = StatusBadge(Status.PENDING)
        self.instructions = PlainLabel()
        self.instructions.setObjectName("instructions")
        self.instructions.setWordWrap(True)
        self.ussd = PlainLabel()
        self.ussd.setObjectName("ussdCode")
        self.ussd.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.otp_button = QPushButton(QCoreApplication.translate("PushPaymentScreen", "Type the customer's code"))
        self.otp_button.setObjectName("otpButton")
        self.otp_button.setProperty("primary", True)
        self.otp_button.setMinimumHeight(64)
        self.cancel_button = QPushButton(QCoreApplication.translate("PushPaymentScreen", "Cancel payment"))
        self.cancel_button.setProperty("secondary", True)
        give_shortcut(self.otp_button, "Ctrl+O")
        give_shortcut(self.cancel_button, CANCEL_PAYMENT_KEY)
        layout.addWidget(self.amount)
        layout.addWidget(self.phone)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.waiting_line)
        layout.addSpacing(10)
        layout.addWidget(self.instructions)
        layout.addWidget(self.ussd)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.otp_button, 2)
        layout.addLayout(buttons)
        self.add_following_page(following)

        self.cancel_button.clicked.connect(self._cancel)
        self.otp_button.clicked.connect(self._ask_otp)

    def show_payment(
        self, transaction: Transaction, phone: MobileNumber, *, ussd: str | None = None, message: str = ""
    ) -> None:
        """Start following a pushed payment."""
        operator = Operator(phone.operator).display_name
        self.amount.setText(format_money(transaction.amount, self.locale_name))
        self.phone.setText(f"{phone.formatted()} · {operator}")
        self.start_following(transaction)
        self._show_instructions(transaction.status, ussd, message)

    def _show_instructions(self, status: Status, ussd: str | None, message: str = "") -> None:
        self.badge.set_status(Status.PENDING if status is Status.CREATED else status)
        awaiting_otp = status is Status.AWAITING_OTP
        self.otp_button.setVisible(awaiting_otp)
        if awaiting_otp:
            self.instructions.setText(
                QCoreApplication.translate(
                    "PushPaymentScreen", "The customer received a code by SMS. Ask them to read it out, then type it."
                )
            )
            self.ussd.setText("")
        else:
            self.instructions.setText(
                QCoreApplication.translate(
                    "PushPaymentScreen",
                    "The customer confirms the payment on their phone with their PIN. If nothing appears, they dial:",
                )
                if ussd
                else QCoreApplication.translate(
                    "PushPaymentScreen", "The customer confirms the payment on their phone with their PIN."
                )
            )
            self.ussd.setText(inert(ussd))  # the code the provider gave
        self.ussd.setVisible(bool(self.ussd.text()))
        if message and not awaiting_otp:
            self.instructions.setText(self.instructions.text() + "\n" + inert(with_provider_words(message)))

    def update_status(self, transaction: Transaction, message: str = "") -> None:
        if not self.follows(transaction):
            return
        if self.show_outcome_if_final(transaction, message):
            self.badge.set_status(transaction.status)
        else:
            self._show_instructions(transaction.status, self.ussd.text() or None)

    def waiting_text(self, waited: str) -> str:
        return QCoreApplication.translate("PushPaymentScreen", "Waiting for {time}").format(time=waited)

    def _ask_otp(self) -> None:
        if self.transaction is not None:
            self.otp_entry_requested.emit(self.transaction.app_ref)
