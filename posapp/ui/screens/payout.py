"""The Payouts screen: send money to a mobile-money number or a My-CoolPay wallet, with a manager's approval.

Three steps on one page: the form (recipient, amount, reason), a confirmation that says exactly who gets
how much, then the payout's live status. Beside them, the recent payouts from the journal. The screen
only asks (``payout_requested``); ``posapp.ui.wiring.manager_screens`` checks that no unknown payout blocks it,
gets the approval and calls the payout service. A payout that was sent is never offered again from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import Money, MoneyError, format_money, parse_amount
from posapp.core.phone import MobileNumber, Operator, PhoneError, display_phone, parse_mobile
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import HistoryFilter, Journal
from posapp.ui.core_messages import translate_error
from posapp.ui.inert_text import PlainLabel, inert, plain_tooltip
from posapp.ui.models.transactions_model import WALLET, Columns, TransactionRole, TransactionsModel, operator_text
from posapp.ui.provider_messages import with_provider_words
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.status_badge import COLOURS, StatusBadge

RECENT_COUNT = 20
REASON_MAX = 120
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_USERNAME = re.compile(r"^[\w.\-]{3,64}$")
_PHONE_LIKE = re.compile(r"^[\d\s+\-().]+$")


def outcome_kind(status: Status) -> str:
    """How a refund or payout stands, for colours: ``pending``, ``success``, ``failure`` or ``unknown``."""
    if status is Status.SUCCEEDED:
        return "success"
    if status is Status.UNKNOWN:
        return "unknown"
    if status in (Status.FAILED, Status.CANCELED, Status.EXPIRED):
        return "failure"
    return "pending"


@dataclass(frozen=True, slots=True)
class PayoutRequest:
    """What the form says: who (a ``MobileNumber``, or a wallet's phone/username/e-mail), operator, how much, why."""

    amount: Money
    recipient: MobileNumber | str
    operator: str
    reason: str

    def recipient_text(self) -> str:
        if isinstance(self.recipient, MobileNumber):
            return self.recipient.formatted()
        return inert(display_phone(self.recipient) if self.recipient.startswith("+") else self.recipient)


class _RecentPayouts(QIdentityProxyModel):
    """The journal's payouts, three lines each: amount and status; recipient; time and network.

    The status colour is the row's swatch; the reason and reference are its tooltip.
    """

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source = self.sourceModel()
        tx = source.index(index.row(), Columns.TIME).data(TransactionRole)
        if index.column() != Columns.TIME or not isinstance(tx, Transaction):
            return super().data(index, role)
        texts = [source.index(index.row(), column).data() for column in Columns]
        recipient = inert(display_phone(tx.customer) or tx.customer)
        if role == Qt.ItemDataRole.DisplayRole:
            lines = (
                f"{texts[Columns.AMOUNT]} · {texts[Columns.STATUS]}",
                recipient,
                f"{texts[Columns.TIME]} · {operator_text(tx.operator)}",
            )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{recipient} ({operator_text(tx.operator)})\n{inert(tx.reason)}\n{tx.app_ref}")
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(COLOURS[tx.status][0] if tx.status is not Status.SUCCEEDED else "#067647")
        if role in (Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole):
            return None
        return super().data(index, role)


class PayoutScreen(QWidget):
    """Payout form, confirmation and live status, with the recent payouts beside them.

    Signals:
        payout_requested(object): a confirmed ``PayoutRequest``.
    """

    payout_requested = Signal(object)

    def __init__(self, journal: Journal, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.currency = currency
        self.locale_name = locale
        self.request: PayoutRequest | None = None
        self.transaction: Transaction | None = None
        self._detected: MobileNumber | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(12)
        title = PlainLabel(QCoreApplication.translate("MainWindow", "Payouts"))
        title.setObjectName("screenTitle")
        outer.addWidget(title)

        body = QHBoxLayout()
        body.setSpacing(20)
        outer.addLayout(body, 1)
        self.pages = QStackedWidget()
        self.pages.setObjectName("payoutSteps")
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_confirm())
        self.pages.addWidget(self._build_status())
        self.pages.setMinimumWidth(420)
        body.addWidget(self.pages, 5)
        body.addWidget(self._build_recent(journal), 4)
        self._mode_changed()

    # ------------------------------------------------------------------ form

    def _build_form(self) -> QWidget:
        page = QFrame()
        page.setObjectName("payoutCard")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)

        chips = QHBoxLayout()
        chips.setSpacing(8)
        self.mobile_button = QPushButton(QCoreApplication.translate("PayoutScreen", "Mobile money"))
        self.wallet_button = QPushButton(QCoreApplication.translate("PayoutScreen", "My-CoolPay"))
        self.wallet_button.setToolTip(QCoreApplication.translate("PayoutScreen", "My-CoolPay wallet"))
        self._mode = QButtonGroup(self)
        for number, (button, what) in enumerate(
            (
                (self.mobile_button, QCoreApplication.translate("PayoutScreen", "To a mobile-money number")),
                (self.wallet_button, QCoreApplication.translate("PayoutScreen", "To a My-CoolPay wallet")),
            ),
            1,
        ):
            button.setProperty("chip", True)
            button.setCheckable(True)
            give_shortcut(button, f"Alt+{number}", what)
            self._mode.addButton(button)
            chips.addWidget(button)
        chips.addStretch(1)
        self.mobile_button.setChecked(True)
        layout.addLayout(chips)

        self.recipient_caption = PlainLabel()
        self.recipient_caption.setObjectName("fieldCaption")
        layout.addWidget(self.recipient_caption)
        recipient_row = QHBoxLayout()
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setObjectName("payoutRecipient")
        self.recipient_edit.setMaxLength(80)
        self.recipient_caption.setBuddy(self.recipient_edit)
        self.recipient_edit.setAccessibleDescription(
            QCoreApplication.translate("PayoutScreen", "Who receives the money: check it with them")
        )
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("payoutOperator")
        self.operator_combo.setAccessibleName(QCoreApplication.translate("PayoutScreen", "Network"))
        self.operator_combo.setToolTip(
            QCoreApplication.translate("PayoutScreen", "The recipient's mobile-money network")
        )
        for operator in (Operator.ORANGE, Operator.MTN):
            self.operator_combo.addItem(operator.display_name, operator.value)
        self.operator_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.operator_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        recipient_row.addWidget(self.recipient_edit, 1)
        recipient_row.addWidget(self.operator_combo)
        layout.addLayout(recipient_row)
        self.operator_hint = PlainLabel("")
        self.operator_hint.setObjectName("operatorHint")
        self.operator_hint.setWordWrap(True)
        layout.addWidget(self.operator_hint)

        amount_caption = PlainLabel(QCoreApplication.translate("PayoutScreen", "Amount"))
        amount_caption.setObjectName("fieldCaption")
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("payoutAmount")
        self.amount_edit.setMaxLength(24)
        amount_caption.setBuddy(self.amount_edit)
        self.amount_edit.setAccessibleDescription(QCoreApplication.translate("PayoutScreen", "How much to send"))
        self.amount_edit.setPlaceholderText(format_money(Money.from_major(5000, self.currency), self.locale_name))
        layout.addWidget(amount_caption)
        layout.addWidget(self.amount_edit)

        reason_caption = PlainLabel(QCoreApplication.translate("PayoutScreen", "Reason (required)"))
        reason_caption.setObjectName("fieldCaption")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("payoutReason")
        self.reason_edit.setMaxLength(REASON_MAX)
        reason_caption.setBuddy(self.reason_edit)
        self.reason_edit.setAccessibleDescription(
            QCoreApplication.translate("PayoutScreen", "What the payout is for, kept in the journal")
        )
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate("PayoutScreen", "Supplier, salary advance, cash withdrawal...")
        )
        layout.addWidget(reason_caption)
        layout.addWidget(self.reason_edit)

        self.form_error = PlainLabel("")
        self.form_error.setObjectName("fieldError")
        self.form_error.setWordWrap(True)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        self.continue_button = QPushButton(QCoreApplication.translate("PayoutScreen", "Continue"))
        self.continue_button.setObjectName("payoutContinue")
        self.continue_button.setProperty("primary", True)
        give_shortcut(
            self.continue_button,
            "Ctrl+Return",
            QCoreApplication.translate("PayoutScreen", "Check the payout before sending"),
        )
        self.continue_button.setMinimumHeight(60)
        layout.addWidget(self.continue_button)

        self._mode.buttonToggled.connect(lambda *_: self._mode_changed())
        self.recipient_edit.textChanged.connect(self._recipient_changed)
        self.operator_combo.currentIndexChanged.connect(lambda _: self._show_operator_hint())
        for edit in (self.recipient_edit, self.amount_edit, self.reason_edit):
            edit.textEdited.connect(lambda _: self.form_error.setText(""))
            edit.returnPressed.connect(self.review)
        self.continue_button.clicked.connect(self.review)
        return page

    def _mode_changed(self) -> None:
        wallet = self.wallet_button.isChecked()
        self.operator_combo.setVisible(not wallet)
        self.recipient_caption.setText(
            QCoreApplication.translate("PayoutScreen", "Wallet: phone number, username or e-mail")
            if wallet
            else QCoreApplication.translate("PayoutScreen", "Recipient's mobile-money number")
        )
        self.recipient_edit.setPlaceholderText(
            "6 77 00 99 00 · kofi.mensah · kofi@example.cm" if wallet else "6 77 00 99 00"
        )
        self.form_error.setText("")
        self._recipient_changed(self.recipient_edit.text())

    def _recipient_changed(self, text: str) -> None:
        self._detected = None
        if not self.wallet_button.isChecked() and text.strip():
            try:
                self._detected = parse_mobile(text)
            except PhoneError:
                pass
        if self._detected is not None:
            index = self.operator_combo.findData(self._detected.operator.value)
            self.operator_combo.blockSignals(True)
            self.operator_combo.setCurrentIndex(index)
            self.operator_combo.blockSignals(False)
        self._show_operator_hint()

    def _show_operator_hint(self) -> None:
        detected = self._detected
        if self.wallet_button.isChecked() or detected is None:
            self.operator_hint.setText("")
            self.operator_hint.setProperty("warning", False)
        elif self.operator_combo.currentData() == detected.operator.value:
            self.operator_hint.setText(
                QCoreApplication.translate("PayoutScreen", "✓ {operator} number").format(
                    operator=detected.operator.display_name
                )
            )
            self.operator_hint.setProperty("warning", False)
        else:
            self.operator_hint.setText(
                QCoreApplication.translate(
                    "PayoutScreen",
                    "This looks like a {detected} number, but {chosen} is chosen. Keep it only if the number "
                    "moved to {chosen}.",
                ).format(detected=detected.operator.display_name, chosen=self.operator_combo.currentText())
            )
            self.operator_hint.setProperty("warning", True)
        self.operator_hint.style().unpolish(self.operator_hint)
        self.operator_hint.style().polish(self.operator_hint)

    def set_operator(self, operator: str) -> None:
        """Choose the network by hand (``CM_OM``/``CM_MOMO``), e.g. for a number that moved operator."""
        self.operator_combo.setCurrentIndex(self.operator_combo.findData(operator))

    def _fail(self, text: str, widget: QWidget) -> None:
        self.form_error.setText(text)
        widget.setFocus()

    def checked_request(self) -> PayoutRequest | None:
        """The form as a ``PayoutRequest``, or None with the first problem shown."""
        text = self.recipient_edit.text().strip()
        recipient: MobileNumber | str
        if self.wallet_button.isChecked():
            if not text:
                self._fail(
                    QCoreApplication.translate("PayoutScreen", "Type the wallet's phone number, username or e-mail."),
                    self.recipient_edit,
                )
                return None
            if _PHONE_LIKE.match(text):
                try:
                    recipient = parse_mobile(text).e164
                except PhoneError as exc:
                    self._fail(translate_error(exc), self.recipient_edit)
                    return None
            elif "@" in text:
                if not _EMAIL.match(text):
                    self._fail(
                        QCoreApplication.translate("PayoutScreen", "This e-mail address is not complete."),
                        self.recipient_edit,
                    )
                    return None
                recipient = text
            elif _USERNAME.match(text):
                recipient = text
            else:
                self._fail(
                    QCoreApplication.translate(
                        "PayoutScreen", "A username has 3 to 64 letters, digits, dots, dashes or underscores."
                    ),
                    self.recipient_edit,
                )
                return None
            operator = WALLET
        else:
            try:
                recipient = parse_mobile(text)
            except PhoneError as exc:
                self._fail(translate_error(exc), self.recipient_edit)
                return None
            operator = str(self.operator_combo.currentData())
        try:
            amount = parse_amount(self.amount_edit.text(), self.currency, self.locale_name)
        except MoneyError as exc:
            self._fail(translate_error(exc), self.amount_edit)
            return None
        reason = " ".join(self.reason_edit.text().split())
        if not reason:
            self._fail(QCoreApplication.translate("PayoutScreen", "Say what the payout is for."), self.reason_edit)
            return None
        return PayoutRequest(amount, recipient, operator, reason)

    def review(self) -> None:
        """Continue: check the form, then ask for confirmation."""
        request = self.checked_request()
        if request is None:
            return
        self.request = request
        self.confirm_text.setText(self.confirmation_text(request))
        self.confirm_reason.setText(
            QCoreApplication.translate("PayoutScreen", "Reason: {reason}").format(reason=inert(request.reason))
        )
        self.confirm_error.setText("")
        self.confirm_error.setProperty("blocked", False)
        self.confirm_error.setContentsMargins(0, 0, 0, 0)
        self.confirm_error.style().unpolish(self.confirm_error)
        self.confirm_error.style().polish(self.confirm_error)
        self.confirm_note.show()
        self.send_button.setText(
            QCoreApplication.translate("PayoutScreen", "Send {amount}").format(
                amount=format_money(request.amount, self.locale_name)
            )
        )
        self.set_busy(False)
        self.pages.setCurrentIndex(1)
        self.send_button.setFocus()

    def confirmation_text(self, request: PayoutRequest) -> str:
        """``Send 5 000 FCFA to +237 6 77 00 99 00 (MTN MoMo)?``"""
        # The number is read digit by digit against the recipient's: it never breaks over two lines.
        return QCoreApplication.translate("PayoutScreen", "Send {amount} to {recipient} ({operator})?").format(
            amount=format_money(request.amount, self.locale_name),
            recipient=request.recipient_text().replace(" ", "\u00a0"),
            operator=operator_text(request.operator),
        )

    # ------------------------------------------------------------------ confirmation

    def _build_confirm(self) -> QWidget:
        page = QFrame()
        page.setObjectName("payoutConfirm")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(12)
        caption = PlainLabel(QCoreApplication.translate("PayoutScreen", "Check before sending"))
        caption.setObjectName("fieldCaption")
        self.confirm_text = PlainLabel()
        self.confirm_text.setObjectName("payoutConfirmText")
        self.confirm_text.setWordWrap(True)
        self.confirm_reason = PlainLabel()
        self.confirm_reason.setObjectName("payoutConfirmReason")
        self.confirm_reason.setWordWrap(True)
        note = PlainLabel(
            QCoreApplication.translate(
                "PayoutScreen",
                "A manager approves with their PIN. Money sent cannot be taken back: check the number with the "
                "recipient.",
            )
        )
        note.setObjectName("payoutNote")
        note.setWordWrap(True)
        self.confirm_note = note
        self.confirm_error = PlainLabel("")
        self.confirm_error.setObjectName("payoutBlocked")
        self.confirm_error.setWordWrap(True)
        self.confirm_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(caption)
        layout.addWidget(self.confirm_text)
        layout.addWidget(self.confirm_reason)
        layout.addWidget(note)
        layout.addWidget(self.confirm_error)
        layout.addStretch(1)
        # One above the other: "Send 1,250,000 FCFA" keeps the whole width of a narrow column.
        self.send_button = QPushButton(QCoreApplication.translate("PayoutScreen", "Send"))
        self.send_button.setObjectName("payoutSend")
        self.send_button.setProperty("primary", True)
        self.send_button.setMinimumHeight(60)
        self.back_button = QPushButton(QCoreApplication.translate("PayoutScreen", "Back to the form"))
        self.back_button.setProperty("secondary", True)
        give_shortcut(
            self.send_button,
            "Ctrl+Return",
            QCoreApplication.translate("PayoutScreen", "A manager approves and it is sent"),
        )
        give_shortcut(
            self.back_button, "Ctrl+Backspace", QCoreApplication.translate("PayoutScreen", "Change the payout")
        )
        layout.addWidget(self.send_button)
        layout.addWidget(self.back_button)
        self.back_button.clicked.connect(self.edit)
        self.send_button.clicked.connect(self.confirm)
        return page

    def edit(self) -> None:
        """Back to the form, as it was typed."""
        self.pages.setCurrentIndex(0)
        self.recipient_edit.setFocus()

    def confirm(self) -> None:
        if self.request is not None and self.pages.currentIndex() == 1 and self.send_button.isEnabled():
            self.confirm_error.setText("")
            self.payout_requested.emit(self.request)

    def set_busy(self, busy: bool) -> None:
        self.send_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """The payout did not start (not approved, blocked, refused before sending): say why on the confirmation."""
        self.set_busy(False)
        self.confirm_error.setText(inert(text))  # may be the provider's words
        self.confirm_error.setProperty("blocked", False)
        self.confirm_error.setContentsMargins(0, 0, 0, 0)
        self.confirm_error.style().unpolish(self.confirm_error)
        self.confirm_error.style().polish(self.confirm_error)

    def show_blocked(self, blocker: Transaction, when: str) -> None:
        """An earlier payout of the same amount to the same recipient is not finished or has an unknown outcome."""
        self.set_busy(False)
        if blocker.status is Status.UNKNOWN:
            text = QCoreApplication.translate(
                "PayoutScreen",
                "Not sent: the payout of {amount} to this recipient on {when} has an unknown outcome and may "
                "already have been paid. A manager must resolve it in Activity or History first ({ref}).",
            )
        else:
            text = QCoreApplication.translate(
                "PayoutScreen",
                "Not sent: the payout of {amount} to this recipient on {when} is not finished yet and may already "
                "have been paid. Wait for its outcome in Activity; nothing must be paid twice ({ref}).",
            )
        self.confirm_error.setText(
            text.format(amount=format_money(blocker.amount, self.locale_name), when=when, ref=blocker.app_ref)
        )
        self.confirm_error.setProperty("blocked", True)
        self.confirm_note.hide()  # the block is what matters now; a narrow screen has no room for both
        self.confirm_error.setContentsMargins(12, 10, 12, 10)
        self.confirm_error.style().unpolish(self.confirm_error)
        self.confirm_error.style().polish(self.confirm_error)

    # ------------------------------------------------------------------ status

    def _build_status(self) -> QWidget:
        page = QFrame()
        page.setObjectName("payoutCard")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        self.status_amount = FitLabel(36, 16)
        self.status_amount.setObjectName("payoutStatusAmount")
        self.status_to = PlainLabel()
        self.status_to.setObjectName("payoutStatusTo")
        self.status_to.setWordWrap(True)
        self.badge = StatusBadge(Status.PENDING, kind=Kind.PAYOUT)
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
        self.status_ref = PlainLabel()
        self.status_ref.setObjectName("fieldCaption")
        self.status_ref.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_amount)
        layout.addWidget(self.status_to)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.outcome_frame)
        layout.addWidget(self.status_ref)
        layout.addStretch(1)
        # Only "New payout" (an empty form): a payout that was sent is never offered again from here.
        self.new_button = QPushButton(QCoreApplication.translate("PayoutScreen", "New payout"))
        self.new_button.setObjectName("payoutNew")
        self.new_button.setProperty("secondary", True)
        give_shortcut(
            self.new_button, "Ctrl+N", QCoreApplication.translate("PayoutScreen", "An empty form for the next payout")
        )
        self.new_button.clicked.connect(self.reset)
        layout.addWidget(self.new_button)
        return page

    def show_payout(self, transaction: Transaction, message: str = "") -> None:
        """The payout was recorded and sent: follow it."""
        self.transaction = transaction
        self.status_amount.setText(format_money(transaction.amount, self.locale_name))
        recipient = inert(display_phone(transaction.customer) or transaction.customer)
        self.status_to.setText(
            QCoreApplication.translate("PayoutScreen", "To {recipient} ({operator})").format(
                recipient=recipient, operator=operator_text(transaction.operator)
            )
        )
        self.status_ref.setText(transaction.app_ref)
        self.pages.setCurrentIndex(2)
        self.update_transaction(transaction, message)

    def update_transaction(self, transaction: Transaction, message: str = "") -> None:
        """A payout changed: its row in the recent list, and the status page when it is the one shown."""
        if transaction.kind is Kind.PAYOUT:
            self.recent_model.upsert(transaction)
        if self.transaction is None or transaction.app_ref != self.transaction.app_ref:
            return
        self.transaction = transaction
        status = transaction.status
        self.badge.set_status(Status.PENDING if status is Status.CREATED else status)
        kind = outcome_kind(status)
        self.outcome_frame.setProperty("outcome", kind)
        self.outcome_frame.style().unpolish(self.outcome_frame)
        self.outcome_frame.style().polish(self.outcome_frame)
        if status is Status.SUCCEEDED:
            text = QCoreApplication.translate("PayoutScreen", "Sent: the recipient has the money.")
        elif status is Status.UNKNOWN:
            text = QCoreApplication.translate(
                "PayoutScreen",
                "Outcome unknown: the provider gave no clear answer, so the money may already have been sent. "
                "Do not send it again. A manager resolves it in Activity or History once the provider's status "
                "is known; until then the same amount cannot be sent to this recipient.",
            )
        elif status is Status.EXPIRED:
            text = QCoreApplication.translate(
                "PayoutScreen", "The operator did not confirm in time; the payout may still go through."
            )
        elif kind == "failure":
            text = QCoreApplication.translate(
                "PayoutScreen", "The payout did not go through. No money left the account."
            )
        else:
            text = QCoreApplication.translate("PayoutScreen", "Sent. Waiting for the operator to confirm the transfer.")
        self.explanation.setText(text)
        shown = inert(with_provider_words(message)) if kind in ("failure", "unknown") else ""
        self.provider_message.setText(
            QCoreApplication.translate("PayoutScreen", "Provider: {message}").format(message=shown) if shown else ""
        )
        self.provider_message.setVisible(bool(shown))

    def showing_status(self) -> bool:
        return self.pages.currentIndex() == 2

    def reset(self) -> None:
        """An empty form for the next payout."""
        self.request = None
        self.transaction = None
        for edit in (self.recipient_edit, self.amount_edit, self.reason_edit):
            edit.clear()
        self.form_error.setText("")
        self.confirm_error.setText("")
        self.badge.set_status(Status.PENDING)
        self.pages.setCurrentIndex(0)
        self.recipient_edit.setFocus()

    # ------------------------------------------------------------------ recent payouts

    def _build_recent(self, journal: Journal) -> QWidget:
        panel = QFrame()
        panel.setObjectName("payoutRecent")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        caption = PlainLabel(QCoreApplication.translate("PayoutScreen", "Recent payouts"))
        caption.setObjectName("sectionTitle")
        layout.addWidget(caption)
        self.recent_model = TransactionsModel(
            journal, self.locale_name, page_size=RECENT_COUNT, filters=HistoryFilter(kinds=frozenset({Kind.PAYOUT}))
        )
        self.recent_proxy = _RecentPayouts(self)
        self.recent_proxy.setSourceModel(self.recent_model)
        # A list of short lines, not a table: the column beside the form is too narrow for five columns.
        self.recent_list = QListView()
        self.recent_list.setObjectName("payoutRecentList")
        self.recent_list.setModel(self.recent_proxy)
        self.recent_list.setModelColumn(Columns.TIME)
        self.recent_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.recent_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.setUniformItemSizes(True)
        self.recent_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent_empty = PlainLabel(
            QCoreApplication.translate("PayoutScreen", "No payouts yet. Each one appears here as soon as it is sent.")
        )
        self.recent_empty.setObjectName("payoutRecentEmpty")
        self.recent_empty.setWordWrap(True)
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.recent_list, 1)
        layout.addWidget(self.recent_empty, 1)
        for signal in (self.recent_model.rowsInserted, self.recent_model.modelReset):
            signal.connect(self._recent_count_changed)
        self._recent_count_changed()
        return panel

    def _recent_count_changed(self, *_: object) -> None:
        empty = self.recent_model.rowCount() == 0
        self.recent_list.setVisible(not empty)
        self.recent_empty.setVisible(empty)

    def recent_refs(self) -> list[str]:
        """The app refs of the recent payouts, as listed (newest first)."""
        return self.recent_model.loaded_refs()

    def reload_recent(self) -> None:
        self.recent_model.reload()


__all__ = ["PayoutRequest", "PayoutScreen", "outcome_kind"]
