"""Settle an unknown outcome: a manager records whether a payment, refund or payout went through.

An UNKNOWN transaction is one whose request may or may not have moved money (a timeout, an unreadable
answer, a console stopped mid-request). Nothing resends it; it blocks another payout of the same amount
to the same recipient. Once a manager has checked with the provider (its dashboard, its support line)
or with the customer, this dialog records what they found, with a required note, as SUCCEEDED or
FAILED. Nothing is sent to the provider. It can also ask the provider once more (``recheck_requested``):
when the answer is clear the tracker records it and the dialog says there is nothing left to settle.

The dialog only asks and shows; ``posapp.ui.wiring.manager_screens`` gets the manager's approval
(``Permission.RESOLVE_UNKNOWN``) and calls ``PayoutService.resolve_unknown``.
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
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import format_money
from posapp.core.phone import display_phone
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.models.transactions_model import operator_text
from posapp.ui.screens.payout import outcome_kind
from posapp.ui.widgets.fit_dialog import fit_to_content, fix_wrapped_height
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.status_badge import StatusBadge

NOTE_MAX = 160
NOTE_MIN = 4  # "seen" is a note; "ok" is not


def kind_title(tx: Transaction) -> str:
    """``Payment of 1,500 FCFA``, ``Payout of …``, ``Refund of …``."""
    amount_texts = {
        Kind.LINK_PAYMENT: QCoreApplication.translate("SettleDialog", "Payment of {amount}"),
        Kind.PUSH_PAYMENT: QCoreApplication.translate("SettleDialog", "Payment of {amount}"),
        Kind.REFUND: QCoreApplication.translate("SettleDialog", "Refund of {amount}"),
        Kind.PAYOUT: QCoreApplication.translate("SettleDialog", "Payout of {amount}"),
        Kind.CASH_PAYMENT: QCoreApplication.translate("SettleDialog", "Payment of {amount}"),
    }
    return amount_texts[tx.kind]


def choice_texts(kind: Kind) -> tuple[str, str]:
    """What the manager found, in the words of the transaction's kind: (it went through, it did not)."""
    if kind.is_payment:
        return (
            QCoreApplication.translate("SettleDialog", "The customer paid"),
            QCoreApplication.translate("SettleDialog", "The customer did not pay"),
        )
    if kind is Kind.REFUND:
        return (
            QCoreApplication.translate("SettleDialog", "The refund reached the customer"),
            QCoreApplication.translate("SettleDialog", "The refund was not sent"),
        )
    return (
        QCoreApplication.translate("SettleDialog", "The money was sent"),
        QCoreApplication.translate("SettleDialog", "The money was not sent"),
    )


def recorded_text(tx: Transaction) -> str:
    """What a manager's settlement now means, for the next step."""
    went = tx.status is Status.SUCCEEDED
    if tx.kind.is_payment:
        return (
            QCoreApplication.translate("SettleDialog", "Recorded as paid: it counts in today's takings.")
            if went
            else QCoreApplication.translate(
                "SettleDialog", "Recorded as not paid. Ask the customer to pay again if they still owe it."
            )
        )
    return (
        QCoreApplication.translate("SettleDialog", "Recorded as sent: the money left the account.")
        if went
        else QCoreApplication.translate(
            "SettleDialog", "Recorded as not sent: no money left the account. It can be sent again if it is owed."
        )
    )


class SettleDialog(QDialog):
    """An unknown transaction, the two outcomes to choose from and a note; then what was recorded.

    Open it with ``open()`` (never ``exec()``: a nested event loop would stall the qasync loop).

    Signals:
        settle_requested(object, str): ``Status.SUCCEEDED`` or ``Status.FAILED``, and the manager's note.
        recheck_requested(): read the provider's status once more.
    """

    settle_requested = Signal(object, str)
    recheck_requested = Signal()

    def __init__(
        self,
        transaction: Transaction,
        locale: str,
        *,
        provider_label: str = "",
        tz: tzinfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settleDialog")
        self.setWindowTitle(QCoreApplication.translate("SettleDialog", "Settle an unknown outcome"))
        self.setModal(True)
        self.transaction = transaction
        self.locale_name = locale
        self.provider_label = provider_label or transaction.provider
        self.tz = tz
        self.busy = False
        self.settling = False  # the manager asked to record an outcome: a change now is theirs
        self.setMinimumWidth(680)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 22, 28, 22)
        outer.setSpacing(12)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_done())
        self._fill()

    # ------------------------------------------------------------------ pages

    def _build_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = PlainLabel(QCoreApplication.translate("SettleDialog", "Settle an unknown outcome"))
        title.setObjectName("dialogTitle")
        layout.addWidget(title)

        self.card = QFrame()
        self.card.setObjectName("settleTransaction")
        card = QVBoxLayout(self.card)
        card.setContentsMargins(16, 12, 16, 12)
        card.setSpacing(4)
        top = QHBoxLayout()
        self.amount = PlainLabel()
        self.amount.setObjectName("settleAmount")
        self.badge = StatusBadge(Status.UNKNOWN)
        top.addWidget(self.amount)
        top.addStretch(1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.details = PlainLabel()
        self.details.setObjectName("settleDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        card.addLayout(top)
        card.addWidget(self.details)
        layout.addWidget(self.card)

        self.explanation = PlainLabel()
        self.explanation.setObjectName("settleExplanation")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)

        recheck_row = QHBoxLayout()
        self.recheck_button = QPushButton(
            QCoreApplication.translate("SettleDialog", "Ask {provider} again").format(provider=self.provider_label)
        )
        self.recheck_button.setObjectName("settleRecheck")
        self.recheck_button.setProperty("secondary", True)
        give_shortcut(self.recheck_button, "Ctrl+R")
        self.recheck_note = PlainLabel()
        self.recheck_note.setObjectName("fieldCaption")
        self.recheck_note.setWordWrap(True)
        recheck_row.addWidget(self.recheck_button)
        recheck_row.addWidget(self.recheck_note, 1)
        layout.addLayout(recheck_row)

        found_caption = PlainLabel(QCoreApplication.translate("SettleDialog", "What you found"))
        found_caption.setObjectName("fieldCaption")
        layout.addWidget(found_caption)
        went, did_not = choice_texts(self.transaction.kind)
        chips = QHBoxLayout()
        chips.setSpacing(8)
        self.succeeded_button = QPushButton(went)
        self.succeeded_button.setObjectName("settleSucceeded")
        self.failed_button = QPushButton(did_not)
        self.failed_button.setObjectName("settleFailed")
        self._choice = QButtonGroup(self)
        for number, button in enumerate((self.succeeded_button, self.failed_button), 1):
            give_shortcut(button, f"Alt+{number}")
            button.setProperty("chip", True)
            button.setCheckable(True)
            self._choice.addButton(button)
            chips.addWidget(button)
        chips.addStretch(1)
        layout.addLayout(chips)

        note_caption = PlainLabel(QCoreApplication.translate("SettleDialog", "How you know (required)"))
        note_caption.setObjectName("fieldCaption")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("settleNote")
        self.note_edit.setMaxLength(NOTE_MAX)
        self.note_edit.setAccessibleName(QCoreApplication.translate("SettleDialog", "Note"))
        self.note_edit.setAccessibleDescription(
            QCoreApplication.translate("SettleDialog", "Where you saw the outcome, kept in the journal")
        )
        self.note_edit.setPlaceholderText(
            QCoreApplication.translate(
                "SettleDialog", "Seen in the provider's dashboard, confirmed by its support, the customer's SMS..."
            )
        )
        layout.addWidget(note_caption)
        layout.addWidget(self.note_edit)

        self.error = PlainLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.approval_note = PlainLabel(
            QCoreApplication.translate(
                "SettleDialog",
                "A manager approves. Nothing is sent to the provider: the journal records what you found, "
                "who settled it and when.",
            )
        )
        self.approval_note.setObjectName("fieldCaption")
        self.approval_note.setWordWrap(True)
        layout.addWidget(self.approval_note)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(QCoreApplication.translate("SettleDialog", "Cancel"))
        self.cancel_button.setProperty("secondary", True)
        self.settle_button = QPushButton(QCoreApplication.translate("SettleDialog", "Record the outcome"))
        self.settle_button.setObjectName("settleSubmit")
        self.settle_button.setProperty("primary", True)
        self.settle_button.setDefault(True)
        give_shortcut(
            self.settle_button,
            "Return",
            QCoreApplication.translate("SettleDialog", "A manager approves; it is recorded"),
            handled=True,
        )
        give_shortcut(
            self.cancel_button,
            "Esc",
            QCoreApplication.translate("SettleDialog", "Close; nothing is recorded"),
            handled=True,
        )
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.settle_button, 2)
        layout.addLayout(buttons)

        self._choice.buttonToggled.connect(lambda *_: self.error.setText(""))
        self.note_edit.textEdited.connect(lambda _: self.error.setText(""))
        self.note_edit.returnPressed.connect(self.submit)
        self.settle_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.recheck_button.clicked.connect(self._recheck)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        title = PlainLabel(QCoreApplication.translate("SettleDialog", "Outcome recorded"))
        title.setObjectName("dialogTitle")
        self.done_title = title
        layout.addWidget(title)
        self.done_amount = PlainLabel()
        self.done_amount.setObjectName("settleAmount")
        self.done_badge = StatusBadge(Status.UNKNOWN)
        layout.addWidget(self.done_amount)
        layout.addWidget(self.done_badge, 0, Qt.AlignmentFlag.AlignLeft)
        self.outcome_frame = QFrame()
        self.outcome_frame.setObjectName("moneyOutOutcome")
        frame = QVBoxLayout(self.outcome_frame)
        frame.setContentsMargins(16, 12, 16, 12)
        self.done_text = PlainLabel()
        self.done_text.setObjectName("moneyOutExplanation")
        self.done_text.setWordWrap(True)
        frame.addWidget(self.done_text)
        layout.addWidget(self.outcome_frame)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(QCoreApplication.translate("SettleDialog", "Close"))
        self.close_button.setObjectName("settleClose")
        self.close_button.setProperty("secondary", True)
        give_shortcut(self.close_button, "Esc", handled=True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        return page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # The style sheet's fonts arrive with the first show: measure the wrapped lines again, at about
        # the width they will have, or the card would cut the references off.
        for label in (self.details, self.explanation):
            fix_wrapped_height(label, self.minimumWidth() - 90)
        self.card.setMinimumHeight(self.card.sizeHint().height())
        fit_to_content(self)

    # ------------------------------------------------------------------ the transaction

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        zone = self.tz or moment.astimezone().tzinfo
        return format_datetime(moment, "medium", tzinfo=zone, locale=self.locale_name)

    def _counterparty(self) -> str:
        tx = self.transaction
        phone = inert(display_phone(tx.customer))
        operator = operator_text(tx.operator)
        who = f"{phone} ({operator})" if phone and operator else phone or operator
        if not who:
            return ""
        if tx.kind.is_payment:
            return QCoreApplication.translate("SettleDialog", "From {who}").format(who=who)
        return QCoreApplication.translate("SettleDialog", "To {who}").format(who=who)

    def _fill(self) -> None:
        tx = self.transaction
        self.amount.setText(kind_title(tx).format(amount=format_money(tx.amount, self.locale_name)))
        self.badge.set_status(tx.status, tx.kind)
        reference = (
            QCoreApplication.translate("SettleDialog", "{provider} reference: {ref}").format(
                provider=self.provider_label, ref=inert(tx.provider_ref)
            )
            if tx.provider_ref
            else QCoreApplication.translate(
                "SettleDialog", "No {provider} reference: the request may never have reached {provider}."
            ).format(provider=self.provider_label)
        )
        lines = [
            " · ".join(part for part in (self._when(tx.created_at), inert(tx.reason)) if part),
            self._counterparty(),
            QCoreApplication.translate("SettleDialog", "Our reference: {ref}").format(ref=tx.app_ref),
            reference,
        ]
        self.details.setText("\n".join(line for line in lines if line))
        self.explanation.setText(
            QCoreApplication.translate(
                "SettleDialog",
                "The console could not learn whether this went through, so it never sends it again. Look it up "
                "in {provider}'s dashboard or ask its support (give them the references above), then record "
                "what you found.",
            ).format(provider=self.provider_label)
        )
        self.recheck_button.setVisible(bool(tx.provider_ref))

    def chosen(self) -> Status | None:
        if self.succeeded_button.isChecked():
            return Status.SUCCEEDED
        if self.failed_button.isChecked():
            return Status.FAILED
        return None

    def choose(self, status: Status, note: str) -> None:
        """Pick ``status`` and type ``note`` (tests, keyboard users)."""
        (self.succeeded_button if status is Status.SUCCEEDED else self.failed_button).setChecked(True)
        self.note_edit.setText(note)

    def submit(self) -> None:
        if self.busy or self.pages.currentIndex() != 0:
            return
        status = self.chosen()
        if status is None:
            self.error.setText(QCoreApplication.translate("SettleDialog", "Choose what you found."))
            return
        note = " ".join(self.note_edit.text().split())
        if len(note) < NOTE_MIN:
            self.error.setText(
                QCoreApplication.translate("SettleDialog", "Say how you know: the next manager will read it.")
            )
            self.note_edit.setFocus()
            return
        self.error.setText("")
        self.settling = True
        self.set_busy(True)
        self.settle_requested.emit(status, note)

    def _recheck(self) -> None:
        if self.busy:
            return
        self.set_busy(True)
        self.recheck_note.setText(QCoreApplication.translate("SettleDialog", "Asking…"))
        self.recheck_requested.emit()

    def recheck_done(self, transaction: Transaction | None, error: str = "") -> None:
        """The provider was asked again: still unknown (say so), or answered (``update_status`` shows it)."""
        self.set_busy(False)
        if transaction is not None:
            self.update_status(transaction)
        if self.pages.currentIndex() != 0:
            return
        self.recheck_note.setText(
            inert(error)
            or QCoreApplication.translate(
                "SettleDialog", "Still no clear answer from {provider}: check its dashboard."
            ).format(provider=self.provider_label)
        )

    def set_busy(self, busy: bool) -> None:
        """While the approval, the recording or a read runs: nothing can be pressed twice."""
        self.busy = busy
        for widget in (
            self.succeeded_button,
            self.failed_button,
            self.note_edit,
            self.settle_button,
            self.cancel_button,
            self.recheck_button,
        ):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self.busy:  # Escape while the approval runs would hide what happens next
            super().reject()

    def show_error(self, text: str) -> None:
        """Nothing was recorded (not approved, already settled...): say why, stay on the form."""
        self.settling = False
        self.set_busy(False)
        self.error.setText(inert(text))  # may be the provider's words

    # ------------------------------------------------------------------ the outcome

    def update_status(self, transaction: Transaction, message: str = "") -> None:
        """The transaction changed (settled here, or the provider answered): once it is known, say so."""
        if transaction.app_ref != self.transaction.app_ref:
            return
        self.transaction = transaction
        if transaction.status is Status.UNKNOWN:
            return
        self.set_busy(False)
        amount = format_money(transaction.amount, self.locale_name)
        self.done_amount.setText(kind_title(transaction).format(amount=amount))
        self.done_badge.set_status(transaction.status, transaction.kind)
        self.outcome_frame.setProperty("outcome", outcome_kind(transaction.status))
        self.outcome_frame.style().unpolish(self.outcome_frame)
        self.outcome_frame.style().polish(self.outcome_frame)
        if self.settling:
            self.done_title.setText(QCoreApplication.translate("SettleDialog", "Outcome recorded"))
            text = recorded_text(transaction)
        elif transaction.status.is_final:
            self.done_title.setText(QCoreApplication.translate("SettleDialog", "The provider answered"))
            text = QCoreApplication.translate(
                "SettleDialog", "{provider} now gives a clear answer, recorded in the journal: nothing left to settle."
            ).format(provider=self.provider_label)
        else:
            self.done_title.setText(QCoreApplication.translate("SettleDialog", "The provider answered"))
            text = QCoreApplication.translate(
                "SettleDialog",
                "{provider} knows it now: it is still in progress, and the console follows it until it ends. "
                "Nothing left to settle.",
            ).format(provider=self.provider_label)
        self.done_text.setText(f"{text}\n{inert(message)}" if message else text)
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()


__all__ = ["SettleDialog", "choice_texts", "kind_title", "recorded_text"]
