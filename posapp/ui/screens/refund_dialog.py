"""Refund a paid payment: how much (all that is left, or part), why, then the refund's live status.

The dialog only asks: it emits ``refund_requested`` and is told what happened (``show_refund``,
``update_status``, ``show_error``); ``posapp.ui.wiring.manager_screens`` gets the manager's approval and calls
the payout service. Once a refund was sent the dialog never offers to send it again: an unknown outcome
may have paid the customer already, and a manager settles it.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from babel.dates import format_datetime
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.cash import CASH
from posapp.core.money import Money, MoneyError, format_money, parse_amount
from posapp.core.phone import display_phone
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.core_messages import translate_error
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.models.transactions_model import operator_text
from posapp.ui.provider_messages import with_provider_words
from posapp.ui.screens.payout import outcome_kind
from posapp.ui.widgets.fit_dialog import fit_to_content, fix_wrapped_height
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.status_badge import StatusBadge

REASON_MAX = 120


class RefundDialog(QDialog):
    """A paid payment, what can still be refunded, the refund form, then the refund's live status.

    Open it with ``open()`` (never ``exec()``: a nested event loop would stall the qasync loop).

    Signals:
        refund_requested(object, str): the amount (``Money``) and the reason; the form was valid.
    """

    refund_requested = Signal(object, str)

    def __init__(
        self,
        payment: Transaction,
        refundable: Money,
        locale: str,
        *,
        payer: str | None = None,
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.setWindowTitle(QCoreApplication.translate("RefundDialog", "Refund"))
        self.setModal(True)
        self.payment = payment
        self.refundable = refundable
        self.locale_name = locale
        self.tz = tz
        self.payer = payer if payer is not None else payment.customer
        self.refund: Transaction | None = None
        self.busy = False
        self.setMinimumWidth(620)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 22, 28, 22)
        outer.setSpacing(12)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_following())
        self._fill_payment()

    # ------------------------------------------------------------------ pages

    def _build_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = PlainLabel(QCoreApplication.translate("RefundDialog", "Refund a payment"))
        title.setObjectName("dialogTitle")
        layout.addWidget(title)

        card = QFrame()
        card.setObjectName("refundPayment")
        self.payment_card = card
        grid = self.payment_grid = QGridLayout(card)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.payment_amount = PlainLabel()
        self.payment_amount.setObjectName("refundPaymentAmount")
        self.payment_details = PlainLabel()
        self.payment_details.setObjectName("refundPaymentDetails")
        self.payment_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.payment_details.setWordWrap(True)  # a reason of 120 characters is read whole
        grid.addWidget(self.payment_amount, 0, 0)
        grid.addWidget(self.payment_details, 1, 0)
        layout.addWidget(card)

        refundable_row = QHBoxLayout()
        refundable_caption = PlainLabel(QCoreApplication.translate("RefundDialog", "Can still be refunded"))
        refundable_caption.setObjectName("fieldCaption")
        self.refundable_label = PlainLabel()
        self.refundable_label.setObjectName("refundableAmount")
        refundable_row.addWidget(refundable_caption)
        refundable_row.addStretch(1)
        refundable_row.addWidget(self.refundable_label)
        layout.addLayout(refundable_row)
        self.already_label = PlainLabel()
        self.already_label.setObjectName("fieldCaption")
        layout.addWidget(self.already_label)

        chips = QHBoxLayout()
        chips.setSpacing(8)
        self.full_button = QPushButton(QCoreApplication.translate("RefundDialog", "All of it"))
        self.partial_button = QPushButton(QCoreApplication.translate("RefundDialog", "Part of it"))
        self._choice = QButtonGroup(self)
        for number, button in enumerate((self.full_button, self.partial_button), 1):
            button.setProperty("chip", True)
            button.setCheckable(True)
            give_shortcut(button, f"Alt+{number}")
            self._choice.addButton(button)
            chips.addWidget(button)
        chips.addStretch(1)
        layout.addLayout(chips)

        amount_caption = PlainLabel(QCoreApplication.translate("RefundDialog", "Amount to refund"))
        amount_caption.setObjectName("fieldCaption")
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("refundAmount")
        self.amount_edit.setMaxLength(24)
        amount_caption.setBuddy(self.amount_edit)
        self.amount_edit.setAccessibleDescription(
            QCoreApplication.translate("RefundDialog", "How much goes back to the payer")
        )
        layout.addWidget(amount_caption)
        layout.addWidget(self.amount_edit)

        reason_caption = PlainLabel(QCoreApplication.translate("RefundDialog", "Reason (required)"))
        reason_caption.setObjectName("fieldCaption")
        self.reason_edit = QLineEdit()
        reason_caption.setBuddy(self.reason_edit)
        self.reason_edit.setAccessibleDescription(
            QCoreApplication.translate("RefundDialog", "Why the money goes back, kept in the journal")
        )
        self.reason_edit.setObjectName("refundReason")
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate("RefundDialog", "Why the money goes back (returned goods, paid twice...)")
        )
        layout.addWidget(reason_caption)
        layout.addWidget(self.reason_edit)

        self.error = PlainLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.approval_note = PlainLabel(
            QCoreApplication.translate(
                "RefundDialog", "A manager approves every refund. Cash goes back from the drawer, in cash."
            )
            if self.payment.kind is Kind.CASH_PAYMENT
            else QCoreApplication.translate(
                "RefundDialog", "A manager approves every refund. The money goes back to the number that paid."
            )
        )
        self.approval_note.setObjectName("fieldCaption")
        self.approval_note.setWordWrap(True)
        layout.addWidget(self.approval_note)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(QCoreApplication.translate("RefundDialog", "Cancel"))
        self.cancel_button.setProperty("secondary", True)
        self.refund_button = QPushButton(QCoreApplication.translate("RefundDialog", "Refund"))
        self.refund_button.setObjectName("refundSubmit")
        self.refund_button.setProperty("primary", True)
        self.refund_button.setDefault(True)
        give_shortcut(
            self.refund_button,
            "Return",
            QCoreApplication.translate("RefundDialog", "A manager approves and it is sent"),
            handled=True,
        )
        give_shortcut(
            self.cancel_button,
            "Esc",
            QCoreApplication.translate("RefundDialog", "Close; nothing is sent"),
            handled=True,
        )
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.refund_button, 2)
        layout.addLayout(buttons)

        self.full_button.toggled.connect(self._full_toggled)
        self.amount_edit.textEdited.connect(self._amount_edited)
        self.reason_edit.textEdited.connect(lambda _: self.error.setText(""))
        self.reason_edit.returnPressed.connect(self.submit)
        self.amount_edit.returnPressed.connect(self.submit)
        self.refund_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        return page

    def _build_following(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        title = PlainLabel(QCoreApplication.translate("RefundDialog", "Refund"))
        title.setObjectName("dialogTitle")
        layout.addWidget(title)
        self.sent_amount = FitLabel(32, 16)
        self.sent_amount.setObjectName("refundSentAmount")
        self.sent_to = PlainLabel()
        self.sent_to.setObjectName("refundSentTo")
        self.sent_to.setWordWrap(True)
        self.badge = StatusBadge(Status.PENDING, kind=Kind.REFUND)
        layout.addWidget(self.sent_amount)
        layout.addWidget(self.sent_to)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.outcome_frame = QFrame()
        self.outcome_frame.setObjectName("moneyOutOutcome")
        frame_layout = QVBoxLayout(self.outcome_frame)
        frame_layout.setContentsMargins(16, 12, 16, 12)
        self.explanation = PlainLabel()
        self.explanation.setObjectName("moneyOutExplanation")
        self.explanation.setWordWrap(True)
        self.provider_message = PlainLabel()
        self.provider_message.setObjectName("moneyOutMessage")
        self.provider_message.setWordWrap(True)
        frame_layout.addWidget(self.explanation)
        frame_layout.addWidget(self.provider_message)
        layout.addWidget(self.outcome_frame)
        self.reference = PlainLabel()
        self.reference.setObjectName("fieldCaption")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reference)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        # Only "Close": a refund that was sent is never offered again from here (see the module docstring).
        self.close_button = QPushButton(QCoreApplication.translate("RefundDialog", "Close"))
        self.close_button.setObjectName("refundClose")
        self.close_button.setProperty("secondary", True)
        give_shortcut(self.close_button, "Esc", handled=True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # The style sheet's fonts arrive with the first show; the layout computed before would cut the
        # payment's last line.
        fix_wrapped_height(self.payment_details, self.minimumWidth() - 90)
        # The height its wrapped lines need at the card's width: the size hint guesses another width.
        self.payment_card.setMinimumHeight(self.payment_grid.totalHeightForWidth(self.minimumWidth() - 56))
        fit_to_content(self)

    # ------------------------------------------------------------------ the payment

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        zone = self.tz or moment.astimezone().tzinfo
        return format_datetime(moment, "medium", tzinfo=zone, locale=self.locale_name)

    def _payer_text(self) -> str:
        phone = inert(display_phone(self.payer))
        operator = operator_text(self.payment.operator)
        if phone and operator:
            return f"{phone} ({operator})"
        return phone or operator

    def _fill_payment(self) -> None:
        payment = self.payment
        self.payment_amount.setText(
            QCoreApplication.translate("RefundDialog", "Payment of {amount}").format(
                amount=format_money(payment.amount, self.locale_name)
            )
        )
        payer = self._payer_text()
        lines = [
            " · ".join(part for part in (self._when(payment.created_at), inert(payment.reason)) if part),
            QCoreApplication.translate("RefundDialog", "Paid by {payer}").format(payer=payer) if payer else "",
            payment.app_ref,
        ]
        self.payment_details.setText("\n".join(line for line in lines if line))
        self.refundable_label.setText(format_money(self.refundable, self.locale_name))
        already = payment.amount - self.refundable
        self.already_label.setText(
            QCoreApplication.translate("RefundDialog", "Already refunded or being refunded: {amount}").format(
                amount=format_money(already, self.locale_name)
            )
            if already.minor > 0
            else ""
        )
        self.already_label.setVisible(already.minor > 0)
        nothing_left = self.refundable.minor <= 0
        self.full_button.setChecked(True)
        self._full_toggled(True)
        for widget in (self.full_button, self.partial_button, self.amount_edit, self.reason_edit, self.refund_button):
            widget.setEnabled(not nothing_left)
        if nothing_left:
            self.error.setText(QCoreApplication.translate("RefundDialog", "Nothing is left to refund on this payment."))

    # ------------------------------------------------------------------ the form

    def _full_toggled(self, full: bool) -> None:
        self.amount_edit.setReadOnly(full)
        self.amount_edit.setProperty("readOnly", full)
        if full:
            self.amount_edit.setText(format_money(self.refundable, self.locale_name))
        else:
            self.amount_edit.clear()
            self.amount_edit.setPlaceholderText(format_money(self.refundable, self.locale_name))
            self.amount_edit.setFocus()
        self.amount_edit.style().unpolish(self.amount_edit)
        self.amount_edit.style().polish(self.amount_edit)
        self.error.setText("")
        self._label_button()

    def choose_partial(self, amount_text: str) -> None:
        """Refund part of the payment: ``amount_text`` as typed by the manager (tests, keyboard users)."""
        self.partial_button.setChecked(True)
        self.amount_edit.setText(amount_text)
        self._amount_edited(amount_text)

    def _amount_edited(self, _text: str) -> None:
        self.error.setText("")
        self._label_button()

    def _parsed(self) -> Money | None:
        try:
            return parse_amount(self.amount_edit.text(), self.refundable.currency, self.locale_name)
        except MoneyError:
            return None

    def _label_button(self) -> None:
        amount = self.refundable if self.full_button.isChecked() else self._parsed()
        self.refund_button.setText(
            QCoreApplication.translate("RefundDialog", "Refund {amount}").format(
                amount=format_money(amount, self.locale_name)
            )
            if amount is not None and 0 < amount.minor <= self.refundable.minor
            else QCoreApplication.translate("RefundDialog", "Refund")
        )

    def checked_amount(self) -> Money | None:
        """The amount to refund, or None with the reason shown under the form."""
        if self.full_button.isChecked():
            return self.refundable
        try:
            amount = parse_amount(self.amount_edit.text(), self.refundable.currency, self.locale_name)
        except MoneyError as exc:
            self.error.setText(translate_error(exc))
            self.amount_edit.setFocus()
            return None
        if amount > self.refundable:
            self.error.setText(
                QCoreApplication.translate("RefundDialog", "At most {amount} can be refunded on this payment.").format(
                    amount=format_money(self.refundable, self.locale_name)
                )
            )
            self.amount_edit.setFocus()
            return None
        return amount

    def submit(self) -> None:
        if not self.refund_button.isEnabled() or self.pages.currentIndex() != 0:
            return
        amount = self.checked_amount()
        if amount is None:
            return
        reason = " ".join(self.reason_edit.text().split())
        if not reason:
            self.error.setText(QCoreApplication.translate("RefundDialog", "Say why the money goes back."))
            self.reason_edit.setFocus()
            return
        self.error.setText("")
        self.refund_requested.emit(amount, reason)

    def set_busy(self, busy: bool) -> None:
        """While the approval and the request run: nothing on the form can be pressed twice."""
        self.busy = busy
        for widget in (self.full_button, self.partial_button, self.amount_edit, self.reason_edit, self.refund_button):
            widget.setEnabled(not busy and self.refundable.minor > 0)
        self.cancel_button.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:  # Escape while the approval or the request runs would hide what happens next
            super().reject()

    def show_error(self, text: str) -> None:
        """The refund did not start (not approved, refused before anything was sent): say why, stay on the form."""
        self.set_busy(False)
        self.error.setText(inert(text))  # may be the provider's words

    # ------------------------------------------------------------------ the refund

    def show_refund(self, refund: Transaction, message: str = "") -> None:
        """The refund was recorded and sent: follow it from now on."""
        self.refund = refund
        self.sent_amount.setText(format_money(refund.amount, self.locale_name))
        to = inert(display_phone(refund.customer))
        operator = operator_text(refund.operator)
        if refund.provider == CASH:
            self.sent_to.setText(QCoreApplication.translate("RefundDialog", "Handed back in cash from the drawer"))
        else:
            self.sent_to.setText(
                QCoreApplication.translate("RefundDialog", "Back to {phone} ({operator})").format(
                    phone=to, operator=operator
                )
                if operator
                else QCoreApplication.translate("RefundDialog", "Back to {phone}").format(phone=to)
            )
        self.reference.setText(refund.app_ref)
        self.pages.setCurrentIndex(1)
        self.update_status(refund, message)

    def update_status(self, refund: Transaction, message: str = "") -> None:
        if self.refund is None or refund.app_ref != self.refund.app_ref:
            return
        self.refund = refund
        status = refund.status
        self.badge.set_status(Status.PENDING if status is Status.CREATED else status)
        kind = outcome_kind(status)
        self.outcome_frame.setProperty("outcome", kind)
        self.outcome_frame.style().unpolish(self.outcome_frame)
        self.outcome_frame.style().polish(self.outcome_frame)
        amount = format_money(refund.amount, self.locale_name)
        if status is Status.SUCCEEDED and refund.provider == CASH:
            text = QCoreApplication.translate(
                "RefundDialog", "Refund recorded: hand {amount} back to the customer from the drawer."
            ).format(amount=amount)
        elif status is Status.SUCCEEDED:
            text = QCoreApplication.translate(
                "RefundDialog", "Refund sent: {amount} went back to the customer."
            ).format(amount=amount)
        elif status is Status.UNKNOWN:
            text = QCoreApplication.translate(
                "RefundDialog",
                "Outcome unknown: the provider gave no clear answer, so the money may already have been sent. "
                "Do not refund this payment again. A manager resolves it in Activity or History once the "
                "provider's status is known.",
            )
        elif status is Status.EXPIRED:
            text = QCoreApplication.translate(
                "RefundDialog",
                "The operator did not confirm in time; the refund may still go through. "
                "Check History before refunding again.",
            )
        elif kind == "failure":
            text = QCoreApplication.translate(
                "RefundDialog", "The refund did not go through. No money left the account."
            )
        else:
            text = QCoreApplication.translate(
                "RefundDialog", "Sent. Waiting for the operator to confirm the transfer; you may close this window."
            )
        self.explanation.setText(text)
        shown = inert(with_provider_words(message)) if kind in ("failure", "unknown") else ""
        self.provider_message.setText(
            QCoreApplication.translate("RefundDialog", "Provider: {message}").format(message=shown) if shown else ""
        )
        self.provider_message.setVisible(bool(shown))

    def showing_outcome(self) -> bool:
        return self.refund is not None and outcome_kind(self.refund.status) != "pending"


__all__ = ["RefundDialog"]
