"""The outcome of a payment, impossible to misread: a full panel in the outcome's colour, with what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from posapp.core.money import Money, format_money
from posapp.core.transactions import Status
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.provider_messages import Reason, reason_of, same_words, sentence
from posapp.ui.widgets.announce import announce
from posapp.ui.widgets.shortcut import give_shortcut, key_text


def failure_detail(reason: Reason | None) -> str:
    """What to do next after a payment that failed for ``reason`` (a known provider message), or in general."""
    if reason in (Reason.WRONG_CODE, Reason.TOO_MANY_CODES):
        return QCoreApplication.translate(
            "OutcomePanel",
            "The customer's code was wrong too many times. No money was taken: start a new payment if they "
            "still want to pay.",
        )
    if reason is Reason.DECLINED:
        return QCoreApplication.translate(
            "OutcomePanel", "The customer declined on their phone. No money was taken: start again if they want to."
        )
    if reason is Reason.BALANCE:
        return QCoreApplication.translate(
            "OutcomePanel", "The customer's balance is too low. Ask them to top up, or try another way to pay."
        )
    if reason is Reason.NUMBER:
        return QCoreApplication.translate(
            "OutcomePanel", "The provider refused the phone number. Check it with the customer and start again."
        )
    if reason is Reason.KEYS:
        return QCoreApplication.translate(
            "OutcomePanel", "The provider refused the console's keys. No money was taken: call a manager."
        )
    if reason is Reason.EXPIRED:
        return QCoreApplication.translate(
            "OutcomePanel", "The customer did not pay in time. Start a new payment if they still want to pay."
        )
    return QCoreApplication.translate(
        "OutcomePanel", "The payment failed. No money was taken: start a new payment, or try another way to pay."
    )


def outcome_texts(status: Status, message: str = "") -> tuple[str, str, str]:
    """(kind, headline, what to do next) for a finished payment's status and the provider's last message."""
    if status is Status.SUCCEEDED:
        return (
            "success",
            QCoreApplication.translate("OutcomePanel", "PAID"),
            QCoreApplication.translate("OutcomePanel", "The money is received. Hand over the goods."),
        )
    if status is Status.UNKNOWN:
        return (
            "unknown",
            QCoreApplication.translate("OutcomePanel", "OUTCOME UNKNOWN"),
            QCoreApplication.translate(
                "OutcomePanel",
                "Do NOT ask the customer to pay again. posapp keeps checking; see Activity, or call a manager.",
            ),
        )
    if status is Status.EXPIRED:
        return (
            "failure",
            QCoreApplication.translate("OutcomePanel", "NOT PAID: TIME RAN OUT"),
            QCoreApplication.translate(
                "OutcomePanel", "The customer did not pay in time. Start a new payment if they still want to pay."
            ),
        )
    if status is Status.CANCELED:
        return (
            "failure",
            QCoreApplication.translate("OutcomePanel", "CANCELED"),
            QCoreApplication.translate("OutcomePanel", "No money was taken. Start a new payment if needed."),
        )
    return ("failure", QCoreApplication.translate("OutcomePanel", "NOT PAID"), failure_detail(reason_of(message)))


def provider_line(message: str) -> str:
    """The provider's words under the outcome: our sentence when we know it, then theirs (for support)."""
    if not message.strip():
        return ""
    ours = sentence(message)
    words = inert(message.strip())
    if same_words(ours, message):
        return (
            ours
            if ours != message
            else QCoreApplication.translate("OutcomePanel", "Provider: {words}").format(words=words)
        )
    return QCoreApplication.translate("OutcomePanel", "{sentence} Provider: {words}").format(sentence=ours, words=words)


class OutcomePanel(QFrame):
    """Shows PAID / NOT PAID / OUTCOME UNKNOWN with the amount, a detail line and a New sale button.

    Signals:
        new_sale_requested(): the cashier is done with this payment.
    """

    new_sale_requested = Signal()

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locale_name = locale
        self.setObjectName("outcomePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(18)
        self.symbol = PlainLabel()
        self.symbol.setObjectName("outcomeSymbol")
        self.headline = PlainLabel()
        self.headline.setObjectName("outcomeHeadline")
        self.amount = PlainLabel()
        self.amount.setObjectName("outcomeAmount")
        self.detail = PlainLabel()
        self.detail.setObjectName("outcomeDetail")
        self.detail.setWordWrap(True)
        self.message = PlainLabel()
        self.message.setObjectName("outcomeMessage")
        self.message.setWordWrap(True)
        for label in (self.symbol, self.headline, self.amount, self.detail, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.new_sale = QPushButton(QCoreApplication.translate("OutcomePanel", "New sale"))
        self.new_sale.setObjectName("newSaleButton")
        self.new_sale.setProperty("primary", True)
        self.new_sale.setMinimumHeight(72)
        # Enter starts it too (FollowedPaymentScreen.take_key): the key a cashier presses after PAID.
        give_shortcut(self.new_sale, "Ctrl+N")
        self.new_sale.setToolTip(
            QCoreApplication.translate("OutcomePanel", "New sale (Enter or {key})").format(key=key_text("Ctrl+N"))
        )
        self.new_sale.clicked.connect(self.new_sale_requested)
        layout.addStretch(1)
        layout.addWidget(self.symbol)
        layout.addWidget(self.headline)
        layout.addWidget(self.amount)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.new_sale)
        self.kind = ""

    def show_outcome(self, status: Status, amount: Money, message: str = "") -> None:
        """Show the outcome; ``message`` is the provider's last words: our sentence leads, theirs follows."""
        kind, headline, detail = outcome_texts(status, message)
        self.kind = kind
        self.setProperty("outcome", kind)
        self.symbol.setText({"success": "✓", "failure": "✗", "unknown": "?"}[kind])
        self.headline.setText(headline)
        self.amount.setText(format_money(amount, self.locale_name))
        self.detail.setText(detail)
        self.message.setText(provider_line(message))
        self.message.setVisible(bool(message))
        # Heard, not only seen in colour: "PAID. 1,500 FCFA. The money is received. Hand over the goods."
        spoken = ". ".join(part.rstrip(".") for part in (headline, self.amount.text(), detail) if part) + "."
        self.setAccessibleName(headline)
        self.setAccessibleDescription(spoken)
        announce(self, spoken, assertive=True)
        self.style().unpolish(self)
        self.style().polish(self)
        for child in self.findChildren(PlainLabel):
            child.style().unpolish(child)
            child.style().polish(child)
