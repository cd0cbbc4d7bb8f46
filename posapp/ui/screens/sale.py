"""The Sale screen: type the amount, then show a QR code or push the payment to the customer's phone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import Money, exponent, format_money
from posapp.core.phone import MobileNumber, PhoneError, parse_mobile
from posapp.ui.core_messages import translate_error
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.amount_input import AmountInput
from posapp.ui.widgets.announce import announce
from posapp.ui.widgets.fit_button import FitButton
from posapp.ui.widgets.keypad import Keypad
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.wrap_label import WrapLabel

QR_KEY = "F9"
PUSH_KEY = "F10"
CASH_KEY = "F6"


class SaleScreen(QWidget):
    """Amount on a large display with a keypad, optional reason and phone, and the two ways to be paid.

    Keyboard first: whenever the screen shows, the amount has the focus; digits typed anywhere on it
    but in the reason or phone field go to the amount; Enter pushes to the phone when a phone number is
    typed, otherwise shows the QR code (Enter on a focused button presses that button). Invalid input
    is explained next to its field and blocks nothing else; an amount outside the provider's or the
    shop's limits is refused before anything is sent.

    Signals:
        qr_requested(Money, str, object): amount, reason, customer phone (``MobileNumber`` or None).
        push_requested(Money, MobileNumber, str): amount, customer phone, reason.
        cash_requested(Money, str, object): amount, reason, customer phone (kept for a push of the rest
            when the cash does not cover the amount); the Cash button shows once the till is set up.
    """

    qr_requested = Signal(object, str, object)
    push_requested = Signal(object, object, str)
    cash_requested = Signal(object, str, object)

    def __init__(self, currency: str, locale: str, decimal_symbol: str = ",", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.currency = currency
        self.locale_name = locale
        self.can_show_qr = self.can_push = True
        self.minimum: Money | None = None
        self._minimum_why = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 16, 28, 16)
        outer.setSpacing(10)

        title = PlainLabel(QCoreApplication.translate("MainWindow", "Sale"))
        title.setObjectName("screenTitle")
        outer.addWidget(title)

        # The amount across the whole width, above the fields and the keypad: the customer reads it from
        # the other side of the counter, at 60 pt on every screen size.
        amount_frame = QFrame()
        amount_frame.setObjectName("amountFrame")
        amount_layout = QVBoxLayout(amount_frame)
        amount_layout.setContentsMargins(16, 4, 16, 4)
        amount_layout.setSpacing(0)
        amount_caption = PlainLabel(QCoreApplication.translate("SaleScreen", "Amount"))
        amount_caption.setObjectName("fieldCaption")
        self.amount_input = AmountInput(currency, locale)
        self.amount_input.setAccessibleDescription(
            QCoreApplication.translate(
                "SaleScreen", "The amount the customer pays. Type digits; Enter starts the payment."
            )
        )
        amount_layout.addWidget(amount_caption)
        amount_layout.addWidget(self.amount_input)
        outer.addWidget(amount_frame)
        self.amount_error = self._error_label()
        self.amount_error.setAccessibleName(QCoreApplication.translate("SaleScreen", "Amount problem"))
        outer.addWidget(self.amount_error)

        body = QHBoxLayout()
        body.setSpacing(24)
        outer.addLayout(body, 1)

        form = QVBoxLayout()
        form.setSpacing(6)
        body.addLayout(form, 3)

        reason_caption = PlainLabel(QCoreApplication.translate("SaleScreen", "Reason (optional)"))
        reason_caption.setObjectName("fieldCaption")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(120)
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("SaleScreen", "What is being paid for"))
        self.reason_edit.setAccessibleName(QCoreApplication.translate("SaleScreen", "Reason (optional)"))
        self.reason_edit.setAccessibleDescription(
            QCoreApplication.translate("SaleScreen", "What is being paid for; shown to the customer")
        )
        reason_caption.setBuddy(self.reason_edit)
        form.addWidget(reason_caption)
        form.addWidget(self.reason_edit)

        phone_caption = self.phone_caption = PlainLabel(
            QCoreApplication.translate("SaleScreen", "Customer phone (needed for a push)")
        )
        phone_caption.setObjectName("fieldCaption")
        phone_caption.setWordWrap(True)
        phone_row = QHBoxLayout()
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setMaxLength(24)
        self.phone_edit.setPlaceholderText("6 99 00 99 00")
        self.phone_edit.setAccessibleName(QCoreApplication.translate("SaleScreen", "Customer phone"))
        self.phone_edit.setAccessibleDescription(
            QCoreApplication.translate("SaleScreen", "The customer's mobile-money number, needed for a push")
        )
        phone_caption.setBuddy(self.phone_edit)
        self.operator_label = PlainLabel("")
        self.operator_label.setObjectName("operatorLabel")
        self.operator_label.setMinimumWidth(150)
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
        self.qr_button = FitButton(QCoreApplication.translate("SaleScreen", "Show QR code"))
        self.qr_button.setObjectName("qrButton")
        self.qr_button.setProperty("primary", True)
        give_shortcut(self.qr_button, QR_KEY)
        self.push_button = FitButton(QCoreApplication.translate("SaleScreen", "Mobile Money push"))
        self.push_button.setObjectName("pushButton")
        self.push_button.setProperty("primary", True)
        give_shortcut(self.push_button, PUSH_KEY)
        self.cash_button = QPushButton(QCoreApplication.translate("SaleScreen", "Cash"))
        self.cash_button.setObjectName("cashButton")
        self.cash_button.setProperty("primary", True)
        give_shortcut(self.cash_button, CASH_KEY)
        self.cash_button.hide()  # until the till is set up (posapp.ui.till)
        for button in (self.qr_button, self.push_button, self.cash_button):
            button.setMinimumHeight(64)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        actions.addWidget(self.qr_button, 0, 0)
        actions.addWidget(self.push_button, 0, 1)
        # Cash stands under the fields, where the form leaves room: three buttons in a row would cut the
        # push button's French words at 1024 px.
        form.addWidget(self.cash_button)
        self.action_error = self._error_label()
        self.action_error.setObjectName("actionError")
        outer.addWidget(self.action_error)
        outer.addLayout(actions)

        # Reading order: the amount, the reason, the phone, then the two ways to be paid.
        for first, second in (
            (self.amount_input, self.reason_edit),
            (self.reason_edit, self.phone_edit),
            (self.phone_edit, self.qr_button),
            (self.qr_button, self.push_button),
            (self.push_button, self.cash_button),
        ):
            QWidget.setTabOrder(first, second)

        self.keypad.key_pressed.connect(self.amount_input.press)
        self.keypad.key_pressed.connect(lambda _: self.amount_input.setFocus())
        self._refusal_shown = False
        self._shown_amount: Money | None = None
        self.amount_input.changed.connect(self._amount_changed)
        self.amount_input.refused.connect(self._amount_refused)
        self.amount_input.submitted.connect(self.submit)
        self.phone_edit.textChanged.connect(self._phone_changed)
        self.qr_button.clicked.connect(self.request_qr)
        self.push_button.clicked.connect(self.request_push)
        self.cash_button.clicked.connect(self.request_cash)

    @staticmethod
    def _error_label() -> PlainLabel:
        label = WrapLabel("")
        label.setObjectName("fieldError")
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

    def set_cash_enabled(self, enabled: bool) -> None:
        """Offer cash (the till is set up: its cash page takes it from here)."""
        self.cash_button.setVisible(enabled)

    def set_limits(
        self,
        *,
        minimum: Money | None = None,
        minimum_why: str = "",
        maximum: Money | None = None,
        maximum_why: str = "",
    ) -> None:
        """The smallest and largest amount a payment may have here, and whose limit each is (in words).

        The maximum is enforced as the cashier types (a key that would pass it is refused and said);
        the minimum when the payment is started.
        """
        self.minimum, self._minimum_why = minimum, minimum_why
        self.amount_input.set_maximum(maximum, maximum_why)

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
        self.focus_first()

    def focus_first(self) -> None:
        """Put the keyboard on the amount (after sign-in, after a sale, whenever the screen shows)."""
        self.amount_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.focus_first()

    # ------------------------------------------------------------------ keyboard

    def take_key(self, event: QKeyEvent) -> bool:
        """A key typed on this screen that no field took (a button had the focus, or the navigation):
        digits and the amount's keys go to the amount, Enter starts the payment. False: not ours."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                return False
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and focused.isVisible() and self.isAncestorOf(focused):
                focused.click()
            else:
                self.amount_input.type_key(event)  # a scanner's burst ends here too
            return True
        if self.amount_input.type_key(event):
            self.focus_first()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if not self.take_key(event):
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ validation

    def _amount_refused(self, reason: str) -> None:
        self.amount_error.setText(reason)
        self._refusal_shown = True
        announce(self.amount_input, reason)

    def _amount_changed(self, amount: Money | None) -> None:
        """A key not taken stays said while the cashier types on (it is read after the burst of typing);
        an erased digit or any other word about the amount goes away with the change."""
        before, self._shown_amount = self._shown_amount, amount
        shrank = amount is None or (before is not None and amount < before)
        if shrank or not self._refusal_shown:
            self.amount_error.setText("")
            self._refusal_shown = False

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
        self._refusal_shown = False
        if amount is None:
            self.amount_error.setText(QCoreApplication.translate("SaleScreen", "Type the amount first."))
        elif self.minimum is not None and amount < self.minimum:
            self.amount_error.setText(
                QCoreApplication.translate("SaleScreen", "{amount} is less than {limit}, {why}.").format(
                    amount=format_money(amount, self.locale_name),
                    limit=format_money(self.minimum, self.locale_name),
                    why=self._minimum_why,
                )
            )
            amount = None
        elif self.amount_input.maximum is not None and amount > self.amount_input.maximum:
            # Typed before the limit was known (the provider connected meanwhile): refused all the same.
            self.amount_error.setText(
                QCoreApplication.translate("SaleScreen", "{amount} is more than {limit}, {why}.").format(
                    amount=format_money(amount, self.locale_name),
                    limit=format_money(self.amount_input.maximum, self.locale_name),
                    why=self.amount_input.maximum_why,
                )
            )
            amount = None
        if amount is None:
            self.focus_first()
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

    def request_cash(self) -> None:
        """Cash for the amount: no provider's minimum applies, the phone is kept for a push of the rest."""
        amount = self.amount_input.amount()
        self._refusal_shown = False
        if amount is None:
            self.amount_error.setText(QCoreApplication.translate("SaleScreen", "Type the amount first."))
            self.focus_first()
            return
        ok, phone = self._checked_phone(required=False)
        if ok:
            self.cash_requested.emit(amount, self.reason_edit.text().strip(), phone)
