"""The Activity screen: every unfinished payment with its live status, age and actions, and the connection state.

The screen holds no logic of its own about payments: a controller feeds it from the bridge's signals
(``set_transactions`` at start-up, ``upsert`` on every status change, ``connection_lost`` /
``connection_back``) and acts on the signals it emits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from babel.dates import format_time
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import format_money
from posapp.core.phone import Operator, PhoneError, parse_mobile
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.inert_text import PlainLabel, inert, plain_tooltip
from posapp.ui.provider_messages import with_provider_words
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.status_badge import StatusBadge

# A payment that reaches a final status stays on screen this long, showing its outcome, then leaves.
FINISHED_LINGER_MS = 5000
# The green "Connection back" banner hides itself after this.
CONNECTION_BACK_MS = 4000


def format_age(seconds: float) -> str:
    """``0:07``, ``12:30``; ``1 h 05`` from an hour on (a payment resumed from yesterday stays readable)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return QCoreApplication.translate("ActivityScreen", "{hours} h {minutes:02d}").format(
            hours=hours, minutes=minutes
        )
    return f"{minutes}:{secs:02d}"


def kind_text(kind: Kind) -> str:
    """How a cashier names the way a transaction is paid or sent."""
    return {
        Kind.LINK_PAYMENT: QCoreApplication.translate("ActivityScreen", "QR code"),
        Kind.PUSH_PAYMENT: QCoreApplication.translate("ActivityScreen", "Phone push"),
        Kind.REFUND: QCoreApplication.translate("ActivityScreen", "Refund"),
        Kind.PAYOUT: QCoreApplication.translate("ActivityScreen", "Payout"),
        Kind.CASH_PAYMENT: QCoreApplication.translate("ActivityScreen", "Cash"),
    }[kind]


def customer_text(transaction: Transaction) -> str:
    """The customer's number as people write it, with the operator's name when known."""
    number = transaction.customer or ""
    operator_name = ""
    if transaction.operator:
        try:
            operator_name = Operator(transaction.operator).display_name
        except ValueError:
            operator_name = transaction.operator
    if number:
        try:
            mobile = parse_mobile(number)
        except PhoneError:
            pass  # a wallet identifier (My-CoolPay payout) or a foreign number: shown as it is
        else:
            number = mobile.formatted()
            operator_name = operator_name or mobile.operator.display_name
    number = inert(number)  # a wallet identifier is shown as typed: text from a person
    if number and operator_name:
        return f"{number} ({operator_name})"
    return number or operator_name


def _aware(moment: datetime) -> datetime:
    # The journal stores aware UTC times; a naive one (built by hand) is taken as UTC, not local time.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class ActivityRow(QFrame):
    """One unfinished payment on the Activity screen: amount, customer, status, age, last message, actions."""

    def __init__(
        self, transaction: Transaction, locale: str, first_seen: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activityRow")
        self.locale_name = locale
        self.transaction = transaction
        # The journal's creation time when known; otherwise when this screen first heard of it.
        self.started_at = _aware(transaction.created_at or first_seen)

        grid = QGridLayout(self)
        grid.setContentsMargins(18, 12, 18, 12)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        self.amount = PlainLabel()
        self.amount.setObjectName("activityAmount")
        self.badge = StatusBadge(transaction.status, kind=transaction.kind)
        self.age = PlainLabel()
        self.age.setObjectName("activityAge")
        self.age.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.details = PlainLabel()
        self.details.setObjectName("activityDetails")
        self.details.setWordWrap(True)
        self.message = PlainLabel()
        self.message.setObjectName("activityMessage")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.capture_enabled = False
        self.capture_button = QPushButton(QCoreApplication.translate("ActivityScreen", "Capture…"))
        self.capture_button.setObjectName("captureButton")
        self.capture_button.setToolTip(
            QCoreApplication.translate("ActivityScreen", "Take the money of this authorized card payment (all or part)")
        )
        self.show_qr_button = QPushButton(QCoreApplication.translate("ActivityScreen", "Show QR again"))
        self.recheck_button = QPushButton(QCoreApplication.translate("ActivityScreen", "Re-check now"))
        self.cancel_button = QPushButton(QCoreApplication.translate("ActivityScreen", "Stop following"))
        self.cancel_button.setObjectName("stopFollowingButton")
        self.settle_enabled = False
        self.settle_button = QPushButton(QCoreApplication.translate("ActivityScreen", "Settle…"))
        self.settle_button.setObjectName("settleButton")
        self.settle_button.setToolTip(
            QCoreApplication.translate("ActivityScreen", "A manager records whether it went through")
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.action_buttons = (
            self.settle_button,
            self.capture_button,
            self.show_qr_button,
            self.recheck_button,
            self.cancel_button,
        )
        # The keys act on the row the keyboard is in (Tab moves from row to row).
        row_keys = (
            (
                self.settle_button,
                "Ctrl+S",
                QCoreApplication.translate("ActivityScreen", "A manager records whether it went through"),
            ),
            (
                self.capture_button,
                "Ctrl+K",
                QCoreApplication.translate(
                    "ActivityScreen", "Take the money of this authorized card payment (all or part)"
                ),
            ),
            (
                self.show_qr_button,
                "Ctrl+Q",
                QCoreApplication.translate("ActivityScreen", "Show this payment's QR code again"),
            ),
            (
                self.recheck_button,
                "Ctrl+R",
                QCoreApplication.translate("ActivityScreen", "Ask the provider about it now"),
            ),
            (
                self.cancel_button,
                "Ctrl+X",
                QCoreApplication.translate(
                    "ActivityScreen", "Stop waiting for it (a payment made anyway is still recorded)"
                ),
            ),
        )
        for button, key, what in row_keys:
            button.setProperty("rowAction", True)
            give_shortcut(button, key, what, context=Qt.ShortcutContext.WidgetWithChildrenShortcut, owner=self)
            buttons.addWidget(button)
        self.capture_button.setProperty("primary", True)
        self.settle_button.setProperty("primary", True)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.amount)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        top.addWidget(self.age)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.details, 1, 0, 1, 2)
        grid.addWidget(self.message, 2, 0)
        grid.addLayout(buttons, 2, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        grid.setColumnStretch(0, 1)
        self.set_transaction(transaction, "")

    @property
    def app_ref(self) -> str:
        return self.transaction.app_ref

    def set_transaction(self, transaction: Transaction, message: str) -> None:
        """Show the latest state; an empty ``message`` keeps the last one."""
        self.transaction = transaction
        if transaction.created_at is not None:
            self.started_at = _aware(transaction.created_at)
        self.amount.setText(format_money(transaction.amount, self.locale_name))
        self.badge.set_status(transaction.status, transaction.kind)
        parts = [kind_text(transaction.kind), customer_text(transaction), inert(transaction.reason)]
        self.details.setText("  ·  ".join(part for part in parts if part))
        if message:
            self.message.setText(inert(with_provider_words(message)))  # our sentence, then the provider's words
        elif transaction.status is Status.UNKNOWN and not self.message.text():
            self.message.setText(
                QCoreApplication.translate(
                    "ActivityScreen", "Do not ask the customer to pay again: the outcome is being checked."
                )
            )
        self.message.setToolTip(plain_tooltip(self.message.text()))
        authorized = transaction.status is Status.AUTHORIZED and transaction.kind.is_payment
        self.capture_button.setVisible(self.capture_enabled and authorized)
        # An authorized card payment's page was paid: its QR code has nothing more to offer.
        self.show_qr_button.setVisible(transaction.kind is Kind.LINK_PAYMENT and not authorized)
        if authorized and self.capture_enabled and not message and not self.message.text():
            self.message.setText(
                QCoreApplication.translate(
                    "ActivityScreen", "The card is authorized: capture the payment to receive the money."
                )
            )
        self.settle_button.setVisible(self.settle_enabled and transaction.status is Status.UNKNOWN)
        finished = transaction.status.is_final
        for button in self.action_buttons:
            button.setEnabled(not finished)
        self.setProperty("finished", finished)
        # A payment whose money may have moved stands out until someone resolves it.
        self.setProperty("attention", transaction.status is Status.UNKNOWN)
        self.style().unpolish(self)
        self.style().polish(self)

    def set_capture_enabled(self, enabled: bool) -> None:
        self.capture_enabled = enabled
        self.set_transaction(self.transaction, "")

    def set_settle_enabled(self, enabled: bool) -> None:
        self.settle_enabled = enabled
        self.set_transaction(self.transaction, "")

    def update_age(self, now: datetime) -> None:
        seconds = (now - self.started_at).total_seconds()
        self.age.setText(
            QCoreApplication.translate("ActivityScreen", "Started {age} ago").format(age=format_age(seconds))
        )


class ActivityScreen(QWidget):
    """Every unfinished payment, one card each, with its live status, age, last message and actions.

    A payment that reaches a final status (paid, failed, canceled, expired, refunded) stays on screen
    for ``FINISHED_LINGER_MS`` (5 s) showing that status with its actions disabled, then leaves; one
    that becomes unfinished again meanwhile (an expired payment the provider reports as pending) stays.
    Cards are ordered newest first. ``now`` gives the current time (UTC-aware; injectable for tests).

    Signals:
        show_qr_requested(str): show the QR code of this link payment again (app_ref).
        recheck_requested(str): read this payment's status from the provider now (app_ref).
        cancel_requested(str): stop following this payment (app_ref).
        capture_requested(str): capture this authorized card payment (app_ref); the Capture action is
            only offered after ``set_capture_enabled(True)`` (the provider captures), on AUTHORIZED payments.
        settle_requested(str): a manager records whether this unknown outcome went through (app_ref);
            only offered after ``set_settle_enabled(True)``, on UNKNOWN transactions.
        count_changed(int): the number of unfinished payments on screen changed.
    """

    show_qr_requested = Signal(str)
    recheck_requested = Signal(str)
    cancel_requested = Signal(str)
    capture_requested = Signal(str)
    settle_requested = Signal(str)
    count_changed = Signal(int)

    def __init__(
        self,
        locale: str,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.locale_name = locale
        self._now = now or (lambda: datetime.now(UTC))
        self._rows: dict[str, ActivityRow] = {}
        self._removal_timers: dict[str, QTimer] = {}
        self._lost_since: datetime | None = None
        self._last_count = 0
        self.capture_enabled = False
        self.settle_enabled = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.setSpacing(14)
        title_row = QHBoxLayout()
        title = PlainLabel(QCoreApplication.translate("MainWindow", "Activity"))
        title.setObjectName("screenTitle")
        self.summary = PlainLabel()
        self.summary.setObjectName("activitySummary")
        title_row.addWidget(title)
        title_row.addStretch(1)
        title_row.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(title_row)

        self.banner = PlainLabel()
        self.banner.setObjectName("connectionBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        self.empty_page = empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        self.empty_title = PlainLabel(QCoreApplication.translate("ActivityScreen", "No payment in progress"))
        self.empty_title.setObjectName("activityEmptyTitle")
        self.empty_text = PlainLabel(
            QCoreApplication.translate(
                "ActivityScreen", "Payments waiting for a customer appear here, with their live status."
            )
        )
        self.empty_text.setObjectName("activityEmptyText")
        self.empty_text.setWordWrap(True)
        for label in (self.empty_title, self.empty_text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty_layout.addWidget(label)
        empty_layout.addStretch(2)
        self.pages.addWidget(empty)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("activityScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_widget = QWidget()
        self.list_widget.setObjectName("activityList")
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(12)
        self.list_layout.addStretch(1)
        self.scroll_area.setWidget(self.list_widget)
        self.pages.addWidget(self.scroll_area)

        self.age_timer = QTimer(self)
        self.age_timer.setInterval(1000)
        self.age_timer.timeout.connect(self._tick)
        self.back_timer = QTimer(self)
        self.back_timer.setSingleShot(True)
        self.back_timer.setInterval(CONNECTION_BACK_MS)
        self.back_timer.timeout.connect(self.banner.hide)
        self._refresh_page()

    # ------------------------------------------------------------------ payments

    def set_transactions(self, transactions: Iterable[Transaction]) -> None:
        """Show exactly these payments (finished ones are left out), e.g. the journal's unfinished at start-up."""
        for app_ref in list(self._rows):
            self._remove(app_ref)
        for transaction in transactions:
            if not transaction.status.is_final:
                self._add(transaction, "")
        self._refresh_page()

    def upsert(self, transaction: Transaction, message: str = "") -> None:
        """Add or update one payment; a final status is shown for ``FINISHED_LINGER_MS``, then the card leaves.

        A final status for a payment not on screen is ignored (there is nothing left to follow).
        """
        row = self._rows.get(transaction.app_ref)
        if row is None:
            if transaction.status.is_final:
                return
            self._add(transaction, message)
        else:
            row.set_transaction(transaction, message)
            row.update_age(self._now())
            if transaction.status.is_final:
                self._schedule_removal(transaction.app_ref)
            else:
                self._cancel_removal(transaction.app_ref)
        self._refresh_page()

    def set_capture_enabled(self, enabled: bool) -> None:
        """Offer Capture on authorized payments (the provider authorizes first, then captures)."""
        self.capture_enabled = enabled
        for row in self._rows.values():
            row.set_capture_enabled(enabled)

    def set_settle_enabled(self, enabled: bool) -> None:
        """Offer Settle on payments whose outcome is unknown (a manager records what they found)."""
        self.settle_enabled = enabled
        for row in self._rows.values():
            row.set_settle_enabled(enabled)

    def remove(self, app_ref: str) -> None:
        """Take a payment off the screen at once (e.g. after the controller stopped following it)."""
        self._remove(app_ref)
        self._refresh_page()

    def count(self) -> int:
        """The number of unfinished payments on screen (cards showing a final status are not counted)."""
        return sum(1 for row in self._rows.values() if not row.transaction.status.is_final)

    def row(self, app_ref: str) -> ActivityRow | None:
        return self._rows.get(app_ref)

    def focus_first(self) -> None:
        """The keyboard on the first row's first action, so its keys (Ctrl+R...) work at once."""
        for row in self._ordered_rows():
            button = next((b for b in row.action_buttons if b.isVisibleTo(self) and b.isEnabled()), None)
            if button is not None:
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def app_refs(self) -> list[str]:
        """The payments on screen, top to bottom."""
        return [row.app_ref for row in self._ordered_rows()]

    def _ordered_rows(self) -> list[ActivityRow]:
        rows = []
        for i in range(self.list_layout.count()):
            item = self.list_layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ActivityRow):
                rows.append(widget)
        return rows

    def _add(self, transaction: Transaction, message: str) -> None:
        row = ActivityRow(transaction, self.locale_name, self._now())
        if self.capture_enabled:
            row.set_capture_enabled(True)
        if self.settle_enabled:
            row.set_settle_enabled(True)
        if message:
            row.set_transaction(transaction, message)
        row.update_age(self._now())
        app_ref = transaction.app_ref
        row.show_qr_button.clicked.connect(lambda: self.show_qr_requested.emit(app_ref))
        row.recheck_button.clicked.connect(lambda: self.recheck_requested.emit(app_ref))
        row.cancel_button.clicked.connect(lambda: self.cancel_requested.emit(app_ref))
        row.capture_button.clicked.connect(lambda: self.capture_requested.emit(app_ref))
        row.settle_button.clicked.connect(lambda: self.settle_requested.emit(app_ref))
        self._rows[app_ref] = row
        # Newest first: before the first card that started earlier (the stretch stays last).
        index = sum(1 for other in self._ordered_rows() if other.started_at > row.started_at)
        self.list_layout.insertWidget(index, row)

    def _remove(self, app_ref: str) -> None:
        self._cancel_removal(app_ref)
        row = self._rows.pop(app_ref, None)
        if row is not None:
            self.list_layout.removeWidget(row)
            row.hide()
            row.deleteLater()

    def _schedule_removal(self, app_ref: str) -> None:
        if app_ref in self._removal_timers:
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(FINISHED_LINGER_MS)
        timer.timeout.connect(lambda: self.remove(app_ref))
        self._removal_timers[app_ref] = timer
        timer.start()

    def _cancel_removal(self, app_ref: str) -> None:
        timer = self._removal_timers.pop(app_ref, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()

    def _refresh_page(self) -> None:
        self.pages.setCurrentWidget(self.scroll_area if self._rows else self.empty_page)
        count = self.count()
        self.summary.setText(
            QCoreApplication.translate("ActivityScreen", "{count} in progress").format(count=count) if count else ""
        )
        if self._rows:
            self.age_timer.start()
        else:
            self.age_timer.stop()
        if count != self._last_count:
            self._last_count = count
            self.count_changed.emit(count)

    def _tick(self) -> None:
        now = self._now()
        for row in self._rows.values():
            row.update_age(now)

    # ------------------------------------------------------------------ connection

    def connection_lost(self, reason: str = "", since: datetime | None = None) -> None:
        """Show the red banner; the time is when the connection was first lost (repeats keep it)."""
        self.back_timer.stop()
        if self._lost_since is None:
            self._lost_since = since or self._now()
        local = self._lost_since.astimezone()
        clock = format_time(local, format="short", locale=self.locale_name)
        self.banner.setText(
            QCoreApplication.translate(
                "ActivityScreen", "The provider cannot be reached since {time}; payments are still being checked."
            ).format(time=clock)
        )
        self.banner.setToolTip(plain_tooltip(reason))
        self._set_banner_state("lost")

    def connection_back(self) -> None:
        """Replace the red banner by a short green one that hides itself after ``CONNECTION_BACK_MS``."""
        if self._lost_since is None and not self.banner.isVisible():
            return  # never lost: nothing to announce
        self._lost_since = None
        self.banner.setText(QCoreApplication.translate("ActivityScreen", "Connection back"))
        self.banner.setToolTip("")
        self._set_banner_state("back")
        self.back_timer.start()

    def connection_state(self) -> str:
        """``"lost"``, ``"back"`` (green banner showing) or ``"ok"``."""
        if self.banner.isHidden():
            return "ok"
        return str(self.banner.property("state") or "ok")

    def _set_banner_state(self, state: str) -> None:
        self.banner.setProperty("state", state)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()

    def finishing_refs(self) -> list[str]:
        """Payments showing their final status before they leave the screen."""
        return list(self._removal_timers)
