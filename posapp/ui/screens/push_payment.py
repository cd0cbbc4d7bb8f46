"""Follows a payment pushed to the customer's phone: the number and operator, what the customer must do."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from posapp.core.money import format_money
from posapp.core.phone import MobileNumber, Operator
from posapp.core.transactions import Status, Transaction
from posapp.ui.screens.qr_payment import OUTCOME_STATUSES, format_wait
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.outcome_panel import OutcomePanel
from posapp.ui.widgets.status_badge import StatusBadge


class PushPaymentScreen(QWidget):
    """Shows the pushed payment and what the customer must do (approve, dial the USSD code, read the OTP).

    Signals:
        cancel_requested(str): stop following this payment (app_ref).
        new_sale_requested(): the cashier starts the next sale.
        otp_entry_requested(str): open the code dialog for this payment (app_ref).
    """

    cancel_requested = Signal(str)
    new_sale_requested = Signal()
    otp_entry_requested = Signal(str)

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.locale_name = locale
        self.transaction: Transaction | None = None
        self._started = time.monotonic()
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(self.pages)

        following = QWidget()
        layout = QVBoxLayout(following)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.amount = FitLabel(40, 16)
        self.amount.setObjectName("paymentAmount")
        self.phone = QLabel()
        self.phone.setObjectName("screenTitle")
        self.badge = StatusBadge(Status.PENDING)
        self.waiting_line = QLabel()
        self.waiting_line.setObjectName("waitingLine")
        self.instructions = QLabel()
        self.instructions.setObjectName("instructions")
        self.instructions.setWordWrap(True)
        self.ussd = QLabel()
        self.ussd.setObjectName("ussdCode")
        self.ussd.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.otp_button = QPushButton(QCoreApplication.translate("PushPaymentScreen", "Type the customer's code"))
        self.otp_button.setObjectName("otpButton")
        self.otp_button.setProperty("primary", True)
        self.otp_button.setMinimumHeight(64)
        self.cancel_button = QPushButton(QCoreApplication.translate("PushPaymentScreen", "Cancel payment"))
        self.cancel_button.setProperty("secondary", True)
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
        self.pages.addWidget(following)
        self.outcome = OutcomePanel(locale)
        self.pages.addWidget(self.outcome)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.cancel_button.clicked.connect(self._cancel)
        self.otp_button.clicked.connect(self._ask_otp)
        self.outcome.new_sale_requested.connect(self.new_sale_requested)

    @property
    def app_ref(self) -> str:
        return self.transaction.app_ref if self.transaction else ""

    def show_payment(
        self, transaction: Transaction, phone: MobileNumber, *, ussd: str | None = None, message: str = ""
    ) -> None:
        """Start following a pushed payment."""
        self.transaction = transaction
        operator = Operator(phone.operator).display_name
        self.amount.setText(format_money(transaction.amount, self.locale_name))
        self.phone.setText(f"{phone.formatted()} · {operator}")
        self._started = time.monotonic()
        self._tick()
        self.timer.start()
        self.pages.setCurrentIndex(0)
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
            self.ussd.setText(ussd or "")
        self.ussd.setVisible(bool(self.ussd.text()))
        if message and not awaiting_otp:
            self.instructions.setText(self.instructions.text() + "\n" + message)

    def update_status(self, transaction: Transaction, message: str = "") -> None:
        if self.transaction is None or transaction.app_ref != self.transaction.app_ref:
            return
        self.transaction = transaction
        if transaction.status in OUTCOME_STATUSES and transaction.status is not Status.AUTHORIZED:
            self.timer.stop()
            self.badge.set_status(transaction.status)
            self.outcome.show_outcome(transaction.status, transaction.amount, message)
            self.pages.setCurrentWidget(self.outcome)
            if transaction.status is Status.SUCCEEDED:
                QApplication.beep()
            self.outcome.new_sale.setFocus()
        else:
            self._show_instructions(transaction.status, self.ussd.text() or None)

    def showing_outcome(self) -> bool:
        return self.pages.currentWidget() is self.outcome

    def waited_seconds(self) -> float:
        return time.monotonic() - self._started

    def _tick(self) -> None:
        self.waiting_line.setText(
            QCoreApplication.translate("PushPaymentScreen", "Waiting for {time}").format(
                time=format_wait(self.waited_seconds())
            )
        )

    def _cancel(self) -> None:
        if self.transaction is not None:
            self.cancel_requested.emit(self.transaction.app_ref)

    def _ask_otp(self) -> None:
        if self.transaction is not None:
            self.otp_entry_requested.emit(self.transaction.app_ref)
