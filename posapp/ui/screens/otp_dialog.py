"""Asks for the one-time code the customer received by SMS, with the tries left and the provider's message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.shortcut import give_shortcut


class OtpDialog(QDialog):
    """A numeric code field; Enter submits. The dialog stays open until the code is accepted or canceled.

    Signals:
        code_submitted(str): the cashier typed a code and pressed Enter / Confirm.
    """

    code_submitted = Signal(str)

    def __init__(self, phone_text: str, tries_left: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("otpDialog")
        self.setWindowTitle(QCoreApplication.translate("OtpDialog", "Code from the customer's SMS"))
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(14)
        intro = PlainLabel(
            QCoreApplication.translate(
                "OtpDialog", "The customer ({phone}) received a code by SMS. Type the code they read out."
            ).format(phone=phone_text)
        )
        intro.setWordWrap(True)
        intro.setObjectName("instructions")
        self.code = QLineEdit()
        self.code.setObjectName("otpCode")
        self.code.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), self))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setPlaceholderText("• • • •")
        self.code.setAccessibleName(QCoreApplication.translate("OtpDialog", "Code"))
        self.error = PlainLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.tries = PlainLabel("")
        self.tries.setObjectName("fieldCaption")
        self.confirm = QPushButton(QCoreApplication.translate("OtpDialog", "Confirm code"))
        self.confirm.setProperty("primary", True)
        self.cancel = QPushButton(QCoreApplication.translate("OtpDialog", "Cancel"))
        self.cancel.setProperty("secondary", True)
        # Enter submits through the code field only: QDialog would otherwise "click" the next default
        # button, which is Cancel while Confirm is disabled during the check.
        for button in (self.confirm, self.cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm, 1)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(self.error)
        layout.addWidget(self.tries)
        layout.addLayout(buttons)
        give_shortcut(self.confirm, "Return", QCoreApplication.translate("OtpDialog", "Send the code"), handled=True)
        give_shortcut(
            self.cancel, "Esc", QCoreApplication.translate("OtpDialog", "Close; the payment goes on"), handled=True
        )
        self.code.setAccessibleDescription(
            QCoreApplication.translate("OtpDialog", "The code the customer reads out from their SMS")
        )
        self.confirm.clicked.connect(self.submit)
        self.code.returnPressed.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        self.set_tries_left(tries_left)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # handled by the code field's returnPressed; never by a dialog button
            return
        super().keyPressEvent(event)

    def set_tries_left(self, tries_left: int) -> None:
        self.tries.setText(QCoreApplication.translate("OtpDialog", "Tries left: {count}").format(count=tries_left))

    def submit(self) -> None:
        code = self.code.text().strip()
        if len(code) < 4:
            self.error.setText(QCoreApplication.translate("OtpDialog", "The code has at least 4 digits."))
            return
        self.error.setText("")
        self.code_submitted.emit(code)

    def show_refused(self, message: str, tries_left: int) -> None:
        """The provider refused the code: say why, keep the dialog open for another try."""
        # The provider's words, often quoted in our sentence by the controller.
        self.error.setText(inert(message) or QCoreApplication.translate("OtpDialog", "The code is not right."))
        self.set_tries_left(tries_left)
        self.code.clear()
        self.code.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.confirm.setEnabled(not busy)
        self.code.setEnabled(not busy)
