"""The Sale screen: type the amount, then show a QR code or push the payment to the customer's phone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import Money, exponent
from posapp.core.phone import MobileNumber, PhoneError, parse_mobile
from posapp.ui.core_messages import translate_error
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.amount_input import AmountInput
from posapp.ui.widgets.keypad import Keypad


class SaleScreen(QWidget):
    """Amount on a large display with a keypad, optional reason and phone, and the two ways to be paid.

    Enter pushes to the phone when a phone number is typed, otherwise shows the QR code. Invalid input
    is explained next to its field and blocks nothing else.

    Signals:
        qr_requested(Money, str, object): amount, reason, customer phone (``MobileNumber`` or None).
        push_requested(Money, MobileNumber, str): amount, customer phone, reason.
    """

    qr_requested = Signal(object, str, object)
    push_requested = Signal(object, object, str)

    def __init__(self, currency: str, locale: str, decimal_symbol: str = ",", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.currency = currency
        self.can_show_qr = self.can_push = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(16)

        title = PlainLabel(QCoreApplication.translate("MainWindow", "Sale"))
        title.setObjectName("screenTitle")
        outer.addWidget(title)

        body = QHBoxLayout()
        body.setSpacing(28)
        outer.addLayout(body, 1)

        form = QVBoxLayout()
        form.setSpacing(10)
        body.addLayout(form, 3)

        amount_frame = QFrame()
        amount_frame.setObjectName("amountFrame")
        amount_layout = QVBoxLayout(amount_frame)
        amount_layout.setContentsMargins(20, 12, 20, 12)
        amount_caption = PlainLabel(QCoreApplication.translate("SaleScreen", "Amount"))
        amount_caption.setObjectName("fieldCaption")
        self.amount_input = AmountInput(currency, locale)
        amount_layout.addWidget(amount_caption)
        amount_layout.addWidget(self.amount_input)
        form.addWidget(amount_frame)
        self.amount_error = self._error_label()
        form.addWidget(self.amount_error)

        reason_caption = PlainLabel(QCoreApplication.translate("SaleScreen", "Reason (optional)"))
        reason_caption.setObjectName("fieldCaption")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(120)
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("SaleScreen", "What is being paid for"))
        form.addWidget(reason_caption)
        form.addWidget(self.reason_edit)

        phone_caption = self.phone_caption = PlainLabel(
            QCoreApplication.translate("SaleScreen", "Customer phone (needed for a push)")
        )
        phone_caption.setObjectName("fieldCaption")
        phone_row = QHBoxLayout()
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setMaxLength(24)
        self.phone_edit.setPlaceholderText("6 99 00 99 00")
        self.operator_label = PlainLabel("")
        self.operator_label.setObjectName("operatorLabel")
        self.operator_label.setMinimumWidth(170)
        phone_row.addWidget(self.phone_edit, 1)
        phone_row.addWidget(self.operator_label)
        form.addWidget(phone_caption)
        form.addLayout(phone_row)
        self.phone_error = self._error_label()
        form.addWidget(self.phone_error)
        form.addStretch(1)

        self.keypad = Keypad(decimal_symbol if exponent(currency) else "")
        self.keypad.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.keypad.setMaximumWidth(420)
        body.addWidget(self.keypad, 2)

        actions = QGridLayout()
        actions.setSpacing(16)
        self.qr_button = QPushButton(QCoreApplication.translate("SaleScreen", "Show QR code"))
        self.qr_button.setObjectName("qrButton")
        self.qr_button.setProperty("primary", True)
        self.push_button = QPushButton(QCoreApplication.translate("SaleScreen", "Mobile Money push"))
        self.push_button.setObjectName("pushButton")
        self.push_button.setProperty("primary", True)
        for button in (self.qr_button, self.push_button):
            button.setMinimumHeight(72)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        actions.addWidget(self.qr_button, 0, 0)
        actions.addWidget(self.push_button, 0, 1)
        self.action_error = self._error_label()
        self.action_error.setObjectName("actionError")
        outer.addWidget(self.action_error)
        outer.addLayout(actions)

        self.keypad.key_pressed.connect(self.amount_input.press)
        self.keypad.key_pressed.connect(lambda _: self.amount_input.setFocus())
        self.amount_input.changed.connect(lambda _: self.amount_error.setText(""))
        self.amount_input.submitted.connect(self.submit)
        self.reason_edit.returnPressed.connect(self.submit)
        self.phone_edit.returnPressed.connect(self.submit)
        self.phone_edit.textChanged.connect(self._phone_changed)
        self.qr_button.clicked.connect(self.request_qr)
        self.push_button.clicked.connect(self.request_push)

    @staticmethod
    def _error_label() -> PlainLabel:
        label = PlainLabel("")
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        return label

    # ------------------------------------------------------------------ capabilities and state

    def set_capabilities(self, *, payment_link: bool, push_payment: bool) -> None:
        """Offer only what the provider can do."""
        self.can_show_qr, self.can_push = payment_link, push_payment
        self.qr_button.setVisible(payment_link)
        self.push_button.setVisible(push_payment)
        # A card checkout needs no phone number: the field would only make the cashier ask for one.
        for widget in (self.phone_caption, self.phone_edit, self.operator_label, self.phone_error):
            widget.setVisible(push_payment)

    def show_error(self, message: str) -> None:
        """Why the last action did not start (in the cashier's words); empty hides it."""
        self.action_error.setText(inert(message))  # may be the provider's words

    def reset(self) -> None:
        """Ready for the next customer."""
        self.action_error.setText("")
        self.amount_input.clear()
        self.reason_edit.clear()
        self.phone_edit.clear()
        self.amount_error.setText("")
        self.phone_error.setText("")
        self.amount_input.setFocus()

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)  # type: ignore[arg-type]
        self.amount_input.setFocus()

    # ------------------------------------------------------------------ validation

    def _phone_changed(self, text: str) -> None:
        self.phone_error.setText("")
        if not text.strip():
            self.operator_label.setText("")
            return
        try:
            number = parse_mobile(text)
        except PhoneError:
            self.operator_label.setText("")
            return
        self.operator_label.setText("✓ " + number.operator.display_name)

    def _checked_amount(self) -> Money | None:
        amount = self.amount_input.amount()
        if amount is None:
            self.amount_error.setText(QCoreApplication.translate("SaleScreen", "Type the amount first."))
            self.amount_input.setFocus()
        return amount

    def _checked_phone(self, required: bool) -> tuple[bool, MobileNumber | None]:
        text = self.phone_edit.text()
        if not text.strip():
            if required:
                self.phone_error.setText(
                    QCoreApplication.translate("SaleScreen", "Type the customer's phone number to push the payment.")
                )
                self.phone_edit.setFocus()
                return False, None
            return True, None
        try:
            return True, parse_mobile(text)
        except PhoneError as exc:
            self.phone_error.setText(translate_error(exc))
            self.phone_edit.setFocus()
            return False, None

    # ------------------------------------------------------------------ actions

    def submit(self) -> None:
        """Enter: push when a phone number is typed (and pushes are possible), else show the QR code."""
        if self.phone_edit.text().strip() and self.can_push:
            self.request_push()
        elif self.can_show_qr:
            self.request_qr()
        else:
            self.request_push()

    def request_qr(self) -> None:
        amount = self._checked_amount()
        ok, phone = self._checked_phone(required=False)
        if amount is not None and ok:
            self.qr_requested.emit(amount, self.reason_edit.text().strip(), phone)

    def request_push(self) -> None:
        amount = self._checked_amount()
        ok, phone = self._checked_phone(required=True)
        if amount is not None and ok and phone is not None:
            self.push_requested.emit(amount, phone, self.reason_edit.text().strip())
