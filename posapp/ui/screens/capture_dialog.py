"""Asks how much of an authorized card payment to capture: all of it, or a part (the rest is released)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import Money, MoneyError, currency_label, format_money, parse_amount
from posapp.ui.core_messages import translate_error
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.shortcut import give_shortcut

# Providers whose API captures the whole authorization or nothing (see posapp.gateways.paiwise).
WHOLE_CAPTURE_ONLY = frozenset({"paiwise"})


class CaptureDialog(QDialog):
    """The authorized amount, a choice between the whole of it and a part, and the Capture button.

    The dialog stays open while the capture runs (``set_busy``) and after a refusal (``show_error``);
    the controller closes it when the capture is done.

    Signals:
        capture_submitted(object): ``None`` for the whole amount, else the ``Money`` to capture.
    """

    capture_submitted = Signal(object)

    def __init__(self, authorized: Money, locale: str, *, partial: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureDialog")
        self.authorized = authorized
        self.locale_name = locale
        self.setWindowTitle(QCoreApplication.translate("CaptureDialog", "Capture the card payment"))
        self.setModal(True)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        amount_text = format_money(authorized, locale)
        title = PlainLabel(QCoreApplication.translate("CaptureDialog", "Capture the card payment"))
        title.setObjectName("captureTitle")
        title.setWordWrap(True)
        self.amount = PlainLabel(amount_text)
        self.amount.setObjectName("captureAuthorized")
        # The application's style sheet sizes every QLabel: these two say so themselves.
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.amount.setStyleSheet("font-size: 28pt; font-weight: bold;")
        intro = PlainLabel(
            QCoreApplication.translate(
                "CaptureDialog",
                "The customer's card is authorized for this amount. Capturing takes the money; "
                "whatever is not captured goes back to the customer.",
            )
        )
        intro.setObjectName("instructions")
        intro.setWordWrap(True)
        self.whole = QRadioButton(
            QCoreApplication.translate("CaptureDialog", "The whole amount ({amount})").format(amount=amount_text)
        )
        self.whole.setObjectName("captureWhole")
        self.part = QRadioButton(QCoreApplication.translate("CaptureDialog", "Only part of it:"))
        self.part.setObjectName("capturePart")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.whole)
        self.choice.addButton(self.part)
        self.whole.setChecked(True)
        self.part_amount = QLineEdit()
        self.part_amount.setObjectName("captureAmount")
        self.part_amount.setPlaceholderText(authorized.major_str())
        self.part_amount.setAccessibleName(QCoreApplication.translate("CaptureDialog", "Amount to capture"))
        self.part_amount.setEnabled(False)
        part_row = QHBoxLayout()
        part_row.setSpacing(12)
        part_row.addWidget(self.part)
        part_row.addWidget(self.part_amount, 1)
        part_row.addWidget(PlainLabel(currency_label(authorized.currency, locale)))
        self.error = PlainLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.confirm = QPushButton(QCoreApplication.translate("CaptureDialog", "Capture"))
        self.confirm.setObjectName("captureConfirm")
        self.confirm.setProperty("primary", True)
        self.cancel = QPushButton(QCoreApplication.translate("CaptureDialog", "Not now"))
        self.cancel.setProperty("secondary", True)
        for button in (self.confirm, self.cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
            button.setMinimumHeight(48)
        give_shortcut(self.whole, "Alt+1", QCoreApplication.translate("CaptureDialog", "Capture the whole amount"))
        give_shortcut(self.part, "Alt+2", QCoreApplication.translate("CaptureDialog", "Capture only part of it"))
        give_shortcut(
            self.confirm, "Return", QCoreApplication.translate("CaptureDialog", "Take the money now"), handled=True
        )
        give_shortcut(
            self.cancel, "Esc", QCoreApplication.translate("CaptureDialog", "Close; nothing is captured"), handled=True
        )
        self.part_amount.setAccessibleDescription(QCoreApplication.translate("CaptureDialog", "How much of it to take"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm, 1)
        layout.addWidget(title)
        layout.addWidget(self.amount)
        layout.addWidget(intro)
        layout.addWidget(self.whole)
        layout.addLayout(part_row)
        if not partial:
            self.part.setEnabled(False)
            note = PlainLabel(
                QCoreApplication.translate("CaptureDialog", "This provider only captures the whole amount.")
            )
            note.setObjectName("fieldCaption")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.part.toggled.connect(self._part_toggled)
        self.part_amount.textChanged.connect(lambda _: self.error.setText(""))
        self.part_amount.returnPressed.connect(self.submit)
        self.confirm.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if not self.part_amount.hasFocus():
                self.submit()
            return
        super().keyPressEvent(event)

    def _part_toggled(self, checked: bool) -> None:
        self.part_amount.setEnabled(checked)
        self.error.setText("")
        if checked:
            self.part_amount.setFocus()

    def choose_part(self, text: str) -> None:
        """Choose a partial capture of ``text`` (as the cashier would type it)."""
        self.part.setChecked(True)
        self.part_amount.setText(text)

    def chosen_amount(self) -> tuple[bool, Money | None]:
        """(valid, amount): ``None`` is the whole amount; an invalid choice is explained in ``error``."""
        if self.whole.isChecked():
            return True, None
        text = self.part_amount.text().strip()
        if not text:
            self.error.setText(QCoreApplication.translate("CaptureDialog", "Type the amount to capture."))
            return False, None
        try:
            amount = parse_amount(text, self.authorized.currency, self.locale_name)
        except MoneyError as exc:
            self.error.setText(translate_error(exc))
            return False, None
        if amount.minor <= 0 or self.authorized < amount:
            self.error.setText(
                QCoreApplication.translate("CaptureDialog", "Capture at most {amount}.").format(
                    amount=format_money(self.authorized, self.locale_name)
                )
            )
            return False, None
        return True, None if amount == self.authorized else amount

    def submit(self) -> None:
        valid, amount = self.chosen_amount()
        if valid:
            self.error.setText("")
            self.capture_submitted.emit(amount)

    def show_error(self, message: str) -> None:
        self.error.setText(inert(message))  # may be the provider's words

    def set_busy(self, busy: bool) -> None:
        self.confirm.setEnabled(not busy)
        self.whole.setEnabled(not busy)
        self.part_amount.setEnabled(not busy and self.part.isChecked())
