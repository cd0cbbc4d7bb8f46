"""The History screen: every past payment, refund and payout, with filters, search and a detail pane."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from babel.dates import format_datetime, format_time
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from posapp.config import PROVIDER_LABELS
from posapp.core.cash import CASH
from posapp.core.money import Money, format_money
from posapp.core.phone import Operator, display_phone
from posapp.core.transactions import TRANSITIONS, Kind, Status, Transaction
from posapp.journal.sales import SaleState, sale_of, sale_state
from posapp.journal.store import Event, HistoryFilter, Journal
from posapp.ui.inert_text import PlainLabel, inert, inert_html, inert_raw
from posapp.ui.models.transactions_model import (
    WALLET,
    Columns,
    TransactionRole,
    TransactionsModel,
    column_title,
    format_local_time,
    kind_text,
    operator_text,
    signed_amount_text,
)
from posapp.ui.provider_messages import with_provider_words
from posapp.ui.theme import code_background, muted_text
from posapp.ui.widgets.shortcut import give_shortcut, with_key
from posapp.ui.widgets.status_badge import StatusBadge, status_text

SEARCH_DELAY_MS = 250


# Columns shown first when the table is narrow; the others appear as the screen gets wider.
# Columns in the order they are given room: the first three always, the next ones while they fit.
COLUMN_PRIORITY = tuple(Columns)
DETAIL_MIN_WIDTH = 420  # beside the table; below this the details take the table's place
ESSENTIAL_COLUMNS = 3  # time, amount, status: always shown
_REFUNDABLE = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED})
_CELL_PADDING = 28
_REASON_MIN_WIDTH = 180


def status_choices() -> list[tuple[str, frozenset[Status]]]:
    """The status filter's choices: groups a cashier thinks in, not the journal's eleven statuses."""
    return [
        (QCoreApplication.translate("HistoryScreen", "All statuses"), frozenset()),
        (QCoreApplication.translate("HistoryScreen", "Paid"), frozenset({Status.SUCCEEDED})),
        (
            QCoreApplication.translate("HistoryScreen", "In progress"),
            frozenset({Status.CREATED, Status.PENDING, Status.AWAITING_OTP, Status.AUTHORIZED}),
        ),
        (QCoreApplication.translate("HistoryScreen", "Outcome unknown"), frozenset({Status.UNKNOWN})),
        (
            QCoreApplication.translate("HistoryScreen", "Not paid (failed, canceled, expired)"),
            frozenset({Status.FAILED, Status.CANCELED, Status.EXPIRED}),
        ),
        (
            QCoreApplication.translate("HistoryScreen", "Refunded"),
            frozenset({Status.REFUNDED, Status.PARTIALLY_REFUNDED}),
        ),
    ]


def kind_choices() -> list[tuple[str, frozenset[Kind]]]:
    return [
        (QCoreApplication.translate("HistoryScreen", "All types"), frozenset()),
        (
            QCoreApplication.translate("HistoryScreen", "Payments"),
            frozenset({Kind.LINK_PAYMENT, Kind.PUSH_PAYMENT, Kind.CASH_PAYMENT}),
        ),
        (kind_text(Kind.LINK_PAYMENT), frozenset({Kind.LINK_PAYMENT})),
        (kind_text(Kind.PUSH_PAYMENT), frozenset({Kind.PUSH_PAYMENT})),
        (kind_text(Kind.CASH_PAYMENT), frozenset({Kind.CASH_PAYMENT})),
        (kind_text(Kind.REFUND), frozenset({Kind.REFUND})),
        (kind_text(Kind.PAYOUT), frozenset({Kind.PAYOUT})),
    ]


def event_type_text(type_: str) -> str:
    """An event type of the journal in words (unknown types are shown as they are, spaced)."""
    known = {
        "intent": QCoreApplication.translate("HistoryScreen", "Recorded"),
        "sent": QCoreApplication.translate("HistoryScreen", "Sent to the provider"),
        "status_read": QCoreApplication.translate("HistoryScreen", "Status read"),
        "otp_requested": QCoreApplication.translate("HistoryScreen", "Code asked"),
        "otp_submitted": QCoreApplication.translate("HistoryScreen", "Code typed"),
        "otp_accepted": QCoreApplication.translate("HistoryScreen", "Code accepted"),
        "otp_refused": QCoreApplication.translate("HistoryScreen", "Code refused"),
        "otp_refused_other": QCoreApplication.translate("HistoryScreen", "Code refused"),
        "otp_no_answer": QCoreApplication.translate("HistoryScreen", "No answer to the code"),
        # A payment's own timeline: one of its refunds went through (not the Refund button).
        "refund": QCoreApplication.translate("HistoryScreen", "Refund", "timeline: a refund of this payment"),
        "resolved": QCoreApplication.translate("HistoryScreen", "Settled by a manager"),
        "canceled": QCoreApplication.translate("HistoryScreen", "Canceled"),
        "expired": QCoreApplication.translate("HistoryScreen", "Expired"),
        "no_answer": QCoreApplication.translate("HistoryScreen", "No answer from the provider"),
        "not_sent": QCoreApplication.translate("HistoryScreen", "Not sent"),
        "refused": QCoreApplication.translate("HistoryScreen", "Refused by the provider"),
        "interrupted": QCoreApplication.translate("HistoryScreen", "Interrupted"),
        "status_mismatch": QCoreApplication.translate("HistoryScreen", "Answer did not match"),
        "capture_requested": QCoreApplication.translate("HistoryScreen", "Capture asked"),
        "captured": QCoreApplication.translate("HistoryScreen", "Captured"),
        "capture_checked": QCoreApplication.translate("HistoryScreen", "Capture checked"),
        "capture_no_answer": QCoreApplication.translate("HistoryScreen", "No answer to the capture"),
        "capture_refused": QCoreApplication.translate("HistoryScreen", "Capture refused"),
        "capture_not_sent": QCoreApplication.translate("HistoryScreen", "Capture not sent"),
        "training_ended": QCoreApplication.translate("HistoryScreen", "Training session ended"),
    }
    return known.get(type_, type_.replace("_", " "))


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def actor_text(actor: str) -> str:
    role, _, name = actor.partition(":")
    name = inert(name)
    if role == "cashier":
        return (
            QCoreApplication.translate("HistoryScreen", "cashier {name}").format(name=name).strip()
            if name
            else QCoreApplication.translate("HistoryScreen", "cashier")
        )
    if role == "manager":
        return (
            QCoreApplication.translate("HistoryScreen", "manager {name}").format(name=name).strip()
            if name
            else QCoreApplication.translate("HistoryScreen", "manager")
        )
    return QCoreApplication.translate("HistoryScreen", "posapp")


class _ResizeWatcher(QObject):
    """Calls back when the watched widget changes size (the table's columns follow its width)."""

    def __init__(self, watched: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self._callback()
        return False


class HistoryScreen(QWidget):
    """Every transaction of the journal, newest first, with filters, search and the selected one's details.

    The table pages rows from the journal as it scrolls. Live changes come in through
    ``update_transaction`` (or ``refresh_transaction``): a visible row changes in place, a new payment
    appears on top. Actions are only asked for, by signal; a controller carries them out.

    Signals:
        recheck_requested(str): read the provider's status of this transaction now (app_ref).
        refund_requested(str): start a refund of this payment (app_ref); only offered after
            ``set_actions(refund=True)``, for paid or partly refunded payments.
        reprint_requested(str): print this transaction's receipt again (app_ref); only offered after
            ``set_actions(reprint=True)``.
        settle_requested(str): record what a manager found about an unknown outcome (app_ref); only
            offered after ``set_actions(settle=True)``, for transactions whose outcome is unknown.
        capture_requested(str): capture this authorized card payment (app_ref); only offered after
            ``set_capture_enabled(True)`` (the provider authorizes, then captures), on AUTHORIZED payments.
    """

    recheck_requested = Signal(str)
    refund_requested = Signal(str)
    reprint_requested = Signal(str)
    capture_requested = Signal(str)
    settle_requested = Signal(str)

    def __init__(
        self,
        journal: Journal,
        locale: str,
        *,
        providers: Mapping[str, str] | None = None,
        tz: tzinfo | None = None,
        clock: Callable[[], datetime] | None = None,
        search_delay_ms: int = SEARCH_DELAY_MS,
        page_size: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.journal = journal
        self.locale_name = locale
        self.tz = tz
        self.providers = dict(providers if providers is not None else PROVIDER_LABELS)
        self.providers.setdefault(CASH, QCoreApplication.translate("HistoryScreen", "Cash"))  # the till's drawer
        self._clock = clock or (lambda: datetime.now(UTC))
        self._refund_allowed = False
        self._reprint_allowed = False
        self._settle_allowed = False
        self._shown: Transaction | None = None
        self._column_widths: dict[Columns, int] = {}
        self.narrow = False  # the details take the table's place instead of standing beside it
        self._detail_open = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(10)

        title_row = QHBoxLayout()
        title = PlainLabel(QCoreApplication.translate("MainWindow", "History"))
        title.setObjectName("screenTitle")
        self.count_label = PlainLabel()
        self.count_label.setObjectName("historyCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        title_row.addWidget(title)
        title_row.addStretch(1)
        title_row.addWidget(self.count_label)
        outer.addLayout(title_row)

        self.filter_bar = QWidget()
        self.filter_bar.setLayout(self._build_filters())
        outer.addWidget(self.filter_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(10)
        outer.addWidget(self.splitter, 1)

        kwargs: dict[str, Any] = {} if page_size is None else {"page_size": page_size}
        self.model = TransactionsModel(
            journal,
            locale,
            tz=tz,
            clock=self._clock,
            filters=self.current_filter(),
            provider_labels=self.providers,
            **kwargs,
        )
        self.table_pages = QStackedWidget()
        self.table = self._build_table()
        self.table_pages.addWidget(self.table)
        self.empty_page = self._build_empty_page()
        self.table_pages.addWidget(self.empty_page)
        self.splitter.addWidget(self.table_pages)
        self.detail = self._build_detail()
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(search_delay_ms)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.range_group.idClicked.connect(self._range_chosen)
        for combo in (self.status_combo, self.kind_combo, self.provider_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.from_date.dateChanged.connect(self.apply_filters)
        self.to_date.dateChanged.connect(self.apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self.empty_clear_button.clicked.connect(self.clear_filters)
        self.recheck_button.clicked.connect(self._emit_for_shown(self.recheck_requested))
        self.refund_button.clicked.connect(self._emit_for_shown(self.refund_requested))
        self.reprint_button.clicked.connect(self._emit_for_shown(self.reprint_requested))
        self.settle_button.clicked.connect(self._emit_for_shown(self.settle_requested))
        self.capture_button.clicked.connect(self._emit_for_shown(self.capture_requested))
        self.model.modelReset.connect(self._model_changed)
        self.model.rowsInserted.connect(self._model_changed)
        self._longest: dict[Columns, str] = {}
        self.model.dataChanged.connect(lambda top, bottom, *_: self._rows_changed(top.row(), bottom.row()))
        self.model.rowsInserted.connect(lambda _parent, first, last: self._rows_changed(first, last))
        self.model.modelReset.connect(self._listing_reset)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.table.clicked.connect(self._row_opened)
        self.table.activated.connect(self._row_opened)
        self.back_button.clicked.connect(self.close_detail)
        # the viewport, not the table: the table's resize event comes before its viewport has the new size
        self._resize_watcher = _ResizeWatcher(self.table.viewport(), self._fit_columns)
        self._splitter_watcher = _ResizeWatcher(self.splitter, self._update_layout_mode)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.detail, self.close_detail)

        self._model_changed()
        self.show_transaction(None)

    # ------------------------------------------------------------ building

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("historySearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            QCoreApplication.translate("HistoryScreen", "Search: reference, phone or reason")
        )
        self.search_edit.setAccessibleName(QCoreApplication.translate("HistoryScreen", "Search"))
        self.search_edit.setToolTip(
            with_key(
                QCoreApplication.translate("HistoryScreen", "Search by reference, phone number or reason"), "Ctrl+F"
            )
        )
        self.clear_button = QPushButton(QCoreApplication.translate("HistoryScreen", "Clear filters"))
        self.clear_button.setProperty("secondary", True)
        self.clear_button.setObjectName("historyClear")
        give_shortcut(
            self.clear_button,
            "Ctrl+Shift+Backspace",
            QCoreApplication.translate("HistoryScreen", "Show every transaction again"),
        )
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.clear_button)
        grid.addLayout(search_row, 0, 0)

        range_row = QHBoxLayout()
        range_row.setSpacing(6)
        self.range_group = QButtonGroup(self)
        self.range_group.setExclusive(True)
        self.range_buttons: dict[str, QPushButton] = {}
        for number, (key, text) in enumerate(
            (
                ("today", QCoreApplication.translate("HistoryScreen", "Today")),
                ("7days", QCoreApplication.translate("HistoryScreen", "7 days")),
                ("30days", QCoreApplication.translate("HistoryScreen", "30 days")),
                ("all", QCoreApplication.translate("HistoryScreen", "All")),
                ("dates", QCoreApplication.translate("HistoryScreen", "Dates…")),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(f"range_{key}")
            button.setProperty("chip", True)
            button.setCheckable(True)
            give_shortcut(
                button,
                f"Alt+{number + 1}",
                QCoreApplication.translate("HistoryScreen", "Show this period: {period}").format(period=text),
            )
            self.range_group.addButton(button, number)
            self.range_buttons[key] = button
            range_row.addWidget(button)
        self.range_buttons["all"].setChecked(True)
        self.from_label = PlainLabel(QCoreApplication.translate("HistoryScreen", "From"))
        self.to_label = PlainLabel(QCoreApplication.translate("HistoryScreen", "to"))
        qlocale = QLocale(self.locale_name)
        today = self._today()
        self.from_date = self._date_edit(qlocale, today - timedelta(days=6), "historyFrom")
        self.to_date = self._date_edit(qlocale, today, "historyTo")
        for widget in (self.from_label, self.from_date, self.to_label, self.to_date):
            range_row.addWidget(widget)
        range_row.addStretch(1)
        grid.addLayout(range_row, 1, 0)

        combo_row = QHBoxLayout()
        combo_row.setSpacing(10)
        self.status_combo = self._combo("historyStatus", status_choices())
        self.kind_combo = self._combo("historyKind", kind_choices())
        self.provider_combo = self._combo(
            "historyProvider",
            [(QCoreApplication.translate("HistoryScreen", "All providers"), frozenset())]
            + [(label, frozenset({key})) for key, label in self.providers.items()],
        )
        for combo in (self.status_combo, self.kind_combo, self.provider_combo):
            combo_row.addWidget(combo, 1)
        grid.addLayout(combo_row, 2, 0)
        self._show_dates(False)
        return grid

    def _date_edit(self, qlocale: QLocale, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setLocale(qlocale)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(qlocale.dateFormat(QLocale.FormatType.ShortFormat))
        first = name == "historyFrom"
        edit.setAccessibleName(
            QCoreApplication.translate("HistoryScreen", "First day")
            if first
            else QCoreApplication.translate("HistoryScreen", "Last day")
        )
        edit.setToolTip(
            QCoreApplication.translate("HistoryScreen", "The first day shown")
            if first
            else QCoreApplication.translate("HistoryScreen", "The last day shown")
        )
        return edit

    @staticmethod
    def _combo(name: str, choices: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        what = {
            "historyStatus": (
                QCoreApplication.translate("HistoryScreen", "Status"),
                QCoreApplication.translate("HistoryScreen", "Show only the transactions of this status"),
            ),
            "historyKind": (
                QCoreApplication.translate("HistoryScreen", "Type"),
                QCoreApplication.translate("HistoryScreen", "Show only payments, refunds or payouts"),
            ),
            "historyProvider": (
                QCoreApplication.translate("HistoryScreen", "Provider"),
                QCoreApplication.translate("HistoryScreen", "Show only one provider's transactions"),
            ),
        }.get(name)
        if what is not None:
            combo.setAccessibleName(what[0])
            combo.setToolTip(what[1])
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for text, value in choices:
            combo.addItem(text, value)
        return combo

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("historyTable")
        table.setAccessibleName(QCoreApplication.translate("HistoryScreen", "Transactions"))
        table.setAccessibleDescription(
            QCoreApplication.translate(
                "HistoryScreen", "Every payment, refund and payout, newest first; Enter opens one"
            )
        )
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setShowGrid(False)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(48, QFontMetrics(table.font()).height() + 24))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Columns.TIME, Qt.SortOrder.DescendingOrder)
        header.setMinimumSectionSize(40)
        return table

    def _build_empty_page(self) -> QWidget:
        page = QFrame()
        page.setObjectName("historyEmpty")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        self.empty_label = PlainLabel()
        self.empty_label.setObjectName("historyEmptyText")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_clear_button = QPushButton(QCoreApplication.translate("HistoryScreen", "Clear filters"))
        self.empty_clear_button.setProperty("secondary", True)
        give_shortcut(
            self.empty_clear_button,
            "Ctrl+Shift+Backspace",
            QCoreApplication.translate("HistoryScreen", "Show every transaction again"),
            handled=True,  # the filters' own button holds the key; both are never on show together
        )
        layout.addWidget(self.empty_label)
        layout.addSpacing(12)
        layout.addWidget(self.empty_clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _build_detail(self) -> QFrame:
        pane = QFrame()
        pane.setObjectName("historyDetail")
        pane.setMinimumWidth(DETAIL_MIN_WIDTH)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        self.detail_placeholder = PlainLabel(
            QCoreApplication.translate("HistoryScreen", "Choose a line to see its details and its timeline.")
        )
        self.detail_placeholder.setObjectName("historyPlaceholder")
        self.detail_placeholder.setWordWrap(True)
        self.detail_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.detail_placeholder, 1)

        self.detail_body = QWidget()
        body = QVBoxLayout(self.detail_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        self.detail_amount = PlainLabel()
        self.detail_amount.setObjectName("historyAmount")
        self.detail_amount.setWordWrap(True)
        self.detail_badge = StatusBadge()
        self.detail_badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.recheck_button = QPushButton(QCoreApplication.translate("HistoryScreen", "Re-check status"))
        self.recheck_button.setObjectName("recheckButton")
        self.recheck_button.setProperty("secondary", True)
        self.refund_button = QPushButton(
            QCoreApplication.translate("HistoryScreen", "Refund", "button: refund this payment")
        )
        self.refund_button.setObjectName("refundButton")
        self.refund_button.setProperty("secondary", True)
        self.reprint_button = QPushButton(QCoreApplication.translate("HistoryScreen", "Reprint receipt"))
        self.reprint_button.setObjectName("reprintButton")
        self.reprint_button.setProperty("secondary", True)
        self._capture_allowed = False
        self.capture_button = QPushButton(QCoreApplication.translate("HistoryScreen", "Capture…"))
        self.capture_button.setObjectName("captureButton")
        self.capture_button.setProperty("primary", True)
        self.capture_button.setVisible(False)
        # An unknown outcome needs a manager more than anything else on the pane: it stands above the rest.
        self.settle_button = QPushButton(QCoreApplication.translate("HistoryScreen", "Settle the outcome…"))
        self.settle_button.setObjectName("settleButton")
        self.settle_button.setProperty("primary", True)
        self.settle_button.setVisible(False)
        for button, key, what in (
            (
                self.recheck_button,
                "Ctrl+R",
                QCoreApplication.translate("HistoryScreen", "Ask the provider about it now"),
            ),
            (self.refund_button, "Ctrl+U", QCoreApplication.translate("HistoryScreen", "Give money back to the payer")),
            (self.reprint_button, "Ctrl+P", QCoreApplication.translate("HistoryScreen", "Print the receipt again")),
            (
                self.capture_button,
                "Ctrl+K",
                QCoreApplication.translate("HistoryScreen", "Take the money of this authorized card payment"),
            ),
            (
                self.settle_button,
                "Ctrl+S",
                QCoreApplication.translate("HistoryScreen", "A manager records whether it went through"),
            ),
        ):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            give_shortcut(button, key, what)
        self.detail_text = QTextBrowser()
        self.detail_text.setObjectName("historyDetailText")
        self.detail_text.setOpenLinks(False)
        # Raw answers hold long tokens (URLs, refs) without spaces: they must wrap, never widen the pane.
        self.detail_text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.detail_text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail_text.setAccessibleName(QCoreApplication.translate("HistoryScreen", "Details"))
        self.detail_text.setAccessibleDescription(
            QCoreApplication.translate("HistoryScreen", "The transaction's details and everything that happened to it")
        )
        self.back_button = QPushButton(QCoreApplication.translate("HistoryScreen", "← Back to the list"))
        self.back_button.setObjectName("historyBack")
        self.back_button.setProperty("secondary", True)
        give_shortcut(self.back_button, "Esc", handled=True)  # the detail pane's own Esc shortcut
        self.back_button.setVisible(False)
        # Beside the table the pane is narrow: its parts stack. Alone (narrow screens) they stand in rows.
        self.detail_head = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.detail_head.setSpacing(10)
        self.detail_head.addWidget(self.detail_amount)
        self.detail_head.addWidget(self.detail_badge, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.detail_head.addStretch(1)
        body.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        body.addLayout(self.detail_head)
        body.addWidget(self.capture_button)
        body.addWidget(self.settle_button)
        self.detail_actions = QGridLayout()
        self.detail_actions.setSpacing(8)
        body.addLayout(self.detail_actions)
        self._place_actions()
        body.addWidget(self.detail_text, 1)
        layout.addWidget(self.detail_body, 1)
        return pane

    # ------------------------------------------------------------ filters

    def _today(self) -> date:
        return self._clock().astimezone(self.tz).date()

    def _local_midnight(self, day: date) -> datetime:
        # the zone's offset on that day (a fixed-offset local zone from astimezone() would be wrong across DST)
        naive = datetime.combine(day, time())
        if self.tz is not None:
            return naive.replace(tzinfo=self.tz)
        return naive.astimezone()

    def current_range(self) -> str:
        checked = self.range_group.checkedButton()
        return next((key for key, button in self.range_buttons.items() if button is checked), "all")

    def current_filter(self) -> HistoryFilter:
        """The filter the controls describe (dates in the local time zone)."""
        since: datetime | None = None
        until: datetime | None = None
        today = self._today()
        choice = self.current_range()
        if choice in ("today", "7days", "30days"):
            days = {"today": 0, "7days": 6, "30days": 29}[choice]
            since = self._local_midnight(today - timedelta(days=days))
        elif choice == "dates":
            first, last = sorted((_day(self.from_date.date()), _day(self.to_date.date())))
            since = self._local_midnight(first)
            until = self._local_midnight(last + timedelta(days=1))
        return HistoryFilter(
            since=since,
            until=until,
            statuses=self.status_combo.currentData() or frozenset(),
            kinds=self.kind_combo.currentData() or frozenset(),
            providers=self.provider_combo.currentData() or frozenset(),
            text=self.search_edit.text().strip(),
        )

    def choose_range(self, key: str) -> None:
        """Choose a date range: ``today``, ``7days``, ``30days``, ``all`` or ``dates`` (the date fields)."""
        self.range_buttons[key].setChecked(True)
        self._range_chosen()

    def _range_chosen(self, *_: object) -> None:
        self._show_dates(self.current_range() == "dates")
        self.apply_filters()

    def _show_dates(self, visible: bool) -> None:
        for widget in (self.from_label, self.from_date, self.to_label, self.to_date):
            widget.setVisible(visible)

    def set_search_text(self, text: str) -> None:
        """Type ``text`` in the search box; the search runs after the debounce delay."""
        self.search_edit.setText(text)

    def clear_filters(self) -> None:
        """Back to every transaction, newest first."""
        widgets = (self.search_edit, self.status_combo, self.kind_combo, self.provider_combo, self.range_group)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search_edit.clear()
            for combo in (self.status_combo, self.kind_combo, self.provider_combo):
                combo.setCurrentIndex(0)
            self.range_buttons["all"].setChecked(True)
            self._show_dates(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        """Show what the filters and search ask for now (the search's debounce is skipped)."""
        self._search_timer.stop()
        filters = self.current_filter()
        if filters == self.model.filters:
            return
        selected = self._shown.app_ref if self._shown else None
        self.close_detail()
        self.model.set_filter(filters)
        if selected is not None:
            self.select(selected)

    def _show_count(self, *_: object) -> None:
        """How many rows match: exact once every page is loaded, else "100+" (rows loaded so far).

        Not ``Journal.count``: at a million transactions it takes 300-450 ms for a broad search or
        filter (it must visit every match), against 1-3 ms for a page.
        """
        loaded = self.model.rowCount()
        number = QLocale(self.locale_name).toString(loaded)
        if self.model.canFetchMore(QModelIndex()):
            text = QCoreApplication.translate("HistoryScreen", "{count}+ transactions")
        else:
            # no plural forms: without an English .qm, Qt's "%n item(s)" would show its brackets
            text = (
                QCoreApplication.translate("HistoryScreen", "1 transaction")
                if loaded == 1
                else QCoreApplication.translate("HistoryScreen", "{count} transactions")
            )
        self.count_label.setText(text.format(count=number))

    # ------------------------------------------------------------ table

    def _model_changed(self, *_: object) -> None:
        self._show_count()
        empty = self.model.rowCount() == 0
        if empty:
            unfiltered = self.model.filters == HistoryFilter()
            self.empty_label.setText(
                QCoreApplication.translate(
                    "HistoryScreen",
                    "No payments yet. Every payment, refund and payout appears here as soon as it starts.",
                )
                if unfiltered
                else QCoreApplication.translate("HistoryScreen", "Nothing matches these filters or this search.")
            )
            self.empty_clear_button.setVisible(not unfiltered)
        self.table_pages.setCurrentWidget(self.empty_page if empty else self.table)
        if self._shown is not None and self.model.row_of(self._shown.app_ref) < 0:
            self.show_transaction(None)

    def _column_width(self, column: Columns) -> int:
        width = self._column_widths.get(column)
        if width is not None:
            return width
        header_font = self.table.horizontalHeader().font()
        header_font.setBold(True)
        normal, bold = QFontMetrics(self.table.font()), QFontMetrics(header_font)
        samples: list[str] = []
        metrics = normal
        now = self._clock()
        if column == Columns.TIME:
            # What is listed: a day of today's sales needs only the hours, which leaves room for a big amount.
            samples = self._loaded_texts(column) or [
                format_local_time(datetime(now.year - 1, 9, 30, 23, 59, tzinfo=UTC), self.locale_name, self.tz)
            ]
        elif column == Columns.AMOUNT:
            # Room for any amount below ten million, and for the longest amount listed (up to the 12 digits the
            # console holds): never cut to "100,000,000,0…".
            samples = [format_money(Money(-9_999_999, "XAF"), self.locale_name), *self._loaded_texts(column)]
            metrics = bold
        elif column == Columns.STATUS:
            samples = [status_text(status, kind) for status in Status for kind in (None, Kind.REFUND, Kind.PAYOUT)]
            metrics = bold
        elif column == Columns.CUSTOMER:
            samples = ["+237 6 99 00 99 00"]  # as the model shows a number (formatted)
        elif column == Columns.KIND:
            samples = [kind_text(kind) for kind in Kind]
        elif column == Columns.OPERATOR:
            samples = [operator_text(operator) for operator in (*Operator, WALLET)]
        elif column == Columns.APP_REF:
            samples = ["PAY-20260302-9f3a1c7e2b"]
        elif column == Columns.PROVIDER:
            samples = list(self.providers.values())
        elif column == Columns.CASHIER:
            samples = ["chantal"]
        elif column == Columns.REASON:
            return _REASON_MIN_WIDTH
        width = max(
            [bold.horizontalAdvance(column_title(column))] + [metrics.horizontalAdvance(text) for text in samples]
        )
        width += _CELL_PADDING
        self._column_widths[column] = width
        return width

    def _loaded_texts(self, column: Columns) -> list[str]:
        """The longest text of ``column`` among the rows loaded so far (kept as rows come and change)."""
        longest = self._longest.get(column)
        return [longest] if longest else []

    def _measure_rows(self, first: int, last: int) -> bool:
        """Note the longest texts of rows ``first``..``last``; True when one of them is longer than before."""
        model = self.model
        grew = False
        for column in (Columns.TIME, Columns.AMOUNT):
            metrics = self.table.fontMetrics()
            held = self._longest.get(column, "")
            for row in range(first, last + 1):
                text = str(model.index(row, column).data() or "")
                if metrics.horizontalAdvance(text) > metrics.horizontalAdvance(held):
                    held, grew = text, True
            self._longest[column] = held
        return grew

    def _rows_changed(self, first: int, last: int) -> None:
        """Rows came or changed: a column sized by what it shows is measured again when a text grew."""
        if self._measure_rows(first, last):
            self._refit_content_columns()

    def _listing_reset(self) -> None:
        """New filters or a search: everything listed is measured again."""
        self._longest = {}
        self._measure_rows(0, self.model.rowCount() - 1)
        self._refit_content_columns()

    def _refit_content_columns(self) -> None:
        for column in (Columns.TIME, Columns.AMOUNT):
            self._column_widths.pop(column, None)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Show the most useful columns that fit the table's width; the reason takes what is left."""
        available = self.table.viewport().width()
        shown: list[Columns] = []
        used = 0
        for number, column in enumerate(COLUMN_PRIORITY):
            width = self._column_width(column)
            if used + width > available and number >= ESSENTIAL_COLUMNS:
                break
            shown.append(column)
            used += width
        for column in Columns:
            self.table.setColumnHidden(column, column not in shown)
        spare = max(available - used, 0)
        for column in shown:
            width = self._column_width(column)
            if column == Columns.REASON:
                width += spare
                spare = 0
            self.table.setColumnWidth(column, width)
        if spare:  # no reason column: give the room to the customer (phone numbers and names)
            last = Columns.CUSTOMER if Columns.CUSTOMER in shown else shown[-1]
            self.table.setColumnWidth(last, self._column_width(last) + spare)

    def _essential_width(self) -> int:
        columns = sum(self._column_width(column) for column in COLUMN_PRIORITY[:ESSENTIAL_COLUMNS])
        return columns + self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()

    def _update_layout_mode(self) -> None:
        """Side by side when the table's first columns and the details both fit, else one at a time."""
        needed = self._essential_width() + self.splitter.handleWidth() + self.detail.minimumWidth()
        narrow = self.splitter.width() < needed
        # side by side, the table keeps room for its first columns; the details get the rest
        self.table_pages.setMinimumWidth(0 if narrow else self._essential_width())
        if narrow != self.narrow:
            self.narrow = narrow
            self._detail_open = False
        self._apply_layout_mode()

    def _apply_layout_mode(self) -> None:
        alone = self.narrow and self._detail_open
        self.back_button.setVisible(self.narrow)
        self.table_pages.setVisible(not alone)
        self.detail.setVisible(not self.narrow or self._detail_open)
        self.filter_bar.setVisible(not alone)  # the details get the whole height
        self.count_label.setVisible(not alone)
        self.detail_head.setDirection(
            QBoxLayout.Direction.LeftToRight if self.narrow else QBoxLayout.Direction.TopToBottom
        )
        self._place_actions()

    def _place_actions(self) -> None:
        """The action buttons in one row when the details stand alone, else re-check above the others."""
        buttons = (self.recheck_button, self.refund_button, self.reprint_button)
        for button in buttons:
            self.detail_actions.removeWidget(button)
        if self.narrow:
            for column, button in enumerate(buttons):
                self.detail_actions.addWidget(button, 0, column)
        else:
            self.detail_actions.addWidget(self.recheck_button, 0, 0, 1, 2)
            self.detail_actions.addWidget(self.refund_button, 1, 0)
            self.detail_actions.addWidget(self.reprint_button, 1, 1)

    def _row_opened(self, index: QModelIndex) -> None:
        if index.isValid() and self.narrow:
            self._detail_open = True
            self._apply_layout_mode()

    def close_detail(self) -> None:
        """Back to the list when the details took its place (narrow screens)."""
        if self.narrow and self._detail_open:
            self._detail_open = False
            self._apply_layout_mode()
            self.table.setFocus()

    def shown_columns(self) -> list[Columns]:
        return [column for column in Columns if not self.table.isColumnHidden(column)]

    def _header_clicked(self, section: int) -> None:
        header = self.table.horizontalHeader()
        if section != Columns.TIME:
            # only time orders the history; put the indicator back where it belongs
            header.setSortIndicator(Columns.TIME, self.model.order)
            return
        self.set_order(
            Qt.SortOrder.AscendingOrder
            if self.model.order == Qt.SortOrder.DescendingOrder
            else Qt.SortOrder.DescendingOrder
        )

    def set_order(self, order: Qt.SortOrder) -> None:
        """Newest first (``DescendingOrder``, the default) or oldest first."""
        selected = self._shown.app_ref if self._shown else None
        self.model.sort(Columns.TIME, order)
        self.table.horizontalHeader().setSortIndicator(Columns.TIME, order)
        if selected is not None:
            self.select(selected)

    def select(self, app_ref: str) -> bool:
        """Select the row of ``app_ref`` when it is loaded, and show its details."""
        row = self.model.row_of(app_ref)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, Columns.TIME))
        self.table.scrollTo(self.model.index(row, Columns.TIME))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_transaction(current.data(TransactionRole) if current.isValid() else None)

    # ------------------------------------------------------------ live changes and actions

    def update_transaction(self, transaction: Transaction) -> None:
        """A transaction changed (or started): update its row, and the details when it is shown."""
        self.model.upsert(transaction)
        if self._shown is not None and self._shown.app_ref == transaction.app_ref:
            self.show_transaction(transaction)

    def refresh_transaction(self, app_ref: str) -> None:
        """Read ``app_ref`` again from the journal and show its new state."""
        transaction = self.journal.get(app_ref)
        if transaction is not None:
            self.update_transaction(transaction)

    def set_actions(
        self, *, refund: bool | None = None, reprint: bool | None = None, settle: bool | None = None
    ) -> None:
        """Offer (True) or hide (False) the refund, reprint and settle buttons; None leaves one as it is.

        All are hidden by default; whoever installs the action turns its button on.
        """
        if refund is not None:
            self._refund_allowed = refund
        if reprint is not None:
            self._reprint_allowed = reprint
        if settle is not None:
            self._settle_allowed = settle
        self._update_buttons()

    def set_capture_enabled(self, enabled: bool) -> None:
        """Offer Capture on authorized payments (a provider that authorizes, then captures); hidden by default."""
        self._capture_allowed = enabled
        self._update_buttons()

    def _emit_for_shown(self, signal: Any) -> Callable[[], None]:
        def emit() -> None:
            if self._shown is not None:
                signal.emit(self._shown.app_ref)

        return emit

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _update_buttons(self) -> None:
        tx = self._shown
        # nothing can follow these statuses (core's table), so reading the provider again is pointless
        self.recheck_button.setEnabled(tx is not None and bool(TRANSITIONS.get(tx.status)))
        self.refund_button.setVisible(
            self._refund_allowed and tx is not None and tx.kind.is_payment and tx.status in _REFUNDABLE
        )
        self.reprint_button.setVisible(self._reprint_allowed and tx is not None)
        self.settle_button.setVisible(self._settle_allowed and tx is not None and tx.status is Status.UNKNOWN)
        self.capture_button.setVisible(
            self._capture_allowed and tx is not None and tx.kind.is_payment and tx.status is Status.AUTHORIZED
        )

    def show_transaction(self, transaction: Transaction | None) -> None:
        """Fill the detail pane with ``transaction`` and its timeline (None: the placeholder)."""
        self._shown = transaction
        self.detail_placeholder.setVisible(transaction is None)
        self.detail_body.setVisible(transaction is not None)
        self._update_buttons()
        if transaction is None:
            self.detail_text.clear()
            return
        self.detail_amount.setText(signed_amount_text(transaction, self.locale_name))
        self.detail_badge.set_status(transaction.status, transaction.kind)
        scroll = self.detail_text.verticalScrollBar()
        keep = scroll.value() if self.detail_text.property("app_ref") == transaction.app_ref else 0
        self.detail_text.setHtml(
            self._detail_html(transaction, self.journal.timeline(transaction.app_ref), self._sale_of(transaction))
        )
        self.detail_text.setProperty("app_ref", transaction.app_ref)
        scroll.setValue(keep)

    def detail_plain_text(self) -> str:
        return self.detail_text.toPlainText()

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        return format_datetime(moment, "medium", tzinfo=self._zone(moment), locale=self.locale_name)

    def _zone(self, moment: datetime) -> tzinfo | None:
        return self.tz or moment.astimezone().tzinfo

    def _sale_of(self, tx: Transaction) -> SaleState | None:
        """The sale ``tx`` is a tender of (a cash refund: the sale of the tender it hands back), else None."""
        sale_ref = sale_of(self.journal, tx.app_ref)
        if sale_ref is None and tx.kind is Kind.REFUND and tx.parent_ref:
            sale_ref = sale_of(self.journal, tx.parent_ref)
        return sale_state(self.journal, sale_ref) if sale_ref is not None else None

    def _tender_words(self, tender_tx: Transaction) -> str:
        if tender_tx.kind is Kind.CASH_PAYMENT:
            return QCoreApplication.translate("HistoryScreen", "Cash")
        way = operator_text(tender_tx.operator) or self.providers.get(tender_tx.provider, tender_tx.provider)
        return f"{kind_text(tender_tx.kind)} · {way}" if way else kind_text(tender_tx.kind)

    def _sale_html(self, tx: Transaction, state: SaleState) -> str:
        """The sale a tender belongs to: its total, what is paid and still to pay, and every tender (a cash
        tender with the cash given and the change), the shown one marked."""

        def money(amount: Money) -> str:
            # Qt's rich text breaks lines at Babel's narrow no-break space (French thousands): "1 | 000 FCFA".
            return format_money(amount, self.locale_name).replace("\u202f", "\u00a0")

        rows: list[tuple[str, str]] = [
            (QCoreApplication.translate("HistoryScreen", "Sale total"), money(state.sale.amount)),
            (QCoreApplication.translate("HistoryScreen", "Paid"), money(state.paid)),
        ]
        if state.unpaid.minor:
            rows.append((QCoreApplication.translate("HistoryScreen", "Still to pay"), money(state.unpaid)))
        if state.voided:
            rows.append((QCoreApplication.translate("HistoryScreen", "Voided"), inert(state.void_reason)))
        cells = "".join(
            f'<tr><td class="label">{html.escape(label)}</td><td>{html.escape(value)}</td></tr>'
            for label, value in rows
        )
        tenders = []
        for tender in state.tenders:
            part = tender.transaction
            line = [money(part.amount), status_text(part.status, part.kind), part.app_ref]
            if tender.given is not None:
                line.append(
                    QCoreApplication.translate("HistoryScreen", "cash given {given}, change {change}").format(
                        given=money(tender.given), change=money(tender.change or Money.zero(part.amount.currency))
                    )
                )
            if tender.refunded is not None and tender.refunded.minor:
                line.append(
                    QCoreApplication.translate("HistoryScreen", "{amount} refunded").format(
                        amount=money(tender.refunded)
                    )
                )
            shown = part.app_ref in (tx.app_ref, tx.parent_ref)
            label = self._tender_words(part)
            if shown:
                label = QCoreApplication.translate("HistoryScreen", "{tender} (this one)").format(tender=label)
            tenders.append(
                f'<tr><td class="label">{html.escape(label)}</td><td>{"<b>" if shown else ""}'
                f"{html.escape(' · '.join(line))}{'</b>' if shown else ''}</td></tr>"
            )
        heading = QCoreApplication.translate("HistoryScreen", "Sale {ref}").format(ref=state.sale.sale_ref)
        tenders_heading = QCoreApplication.translate("HistoryScreen", "Tenders")
        return (
            f"<h3>{html.escape(heading)}</h3><table>{cells}</table>"
            f'<p class="event"><b>{html.escape(tenders_heading)}</b></p><table>{"".join(tenders)}</table>'
        )

    def _detail_html(self, tx: Transaction, events: list[Event], sale: SaleState | None = None) -> str:
        fields: list[tuple[str, str]] = [
            (QCoreApplication.translate("HistoryScreen", "Type"), kind_text(tx.kind)),
            (QCoreApplication.translate("HistoryScreen", "Created"), self._when(tx.created_at)),
            (QCoreApplication.translate("HistoryScreen", "Customer"), inert(display_phone(tx.customer))),
            (QCoreApplication.translate("HistoryScreen", "Network"), operator_text(tx.operator)),
            (QCoreApplication.translate("HistoryScreen", "Reason"), inert(tx.reason)),
            (
                QCoreApplication.translate("HistoryScreen", "Fees"),
                format_money(tx.fees, self.locale_name) if tx.fees is not None else "",
            ),
            (QCoreApplication.translate("HistoryScreen", "Refund of"), tx.parent_ref or ""),
            (QCoreApplication.translate("HistoryScreen", "Reference"), tx.app_ref),
            (QCoreApplication.translate("HistoryScreen", "Provider"), self.providers.get(tx.provider, tx.provider)),
            (QCoreApplication.translate("HistoryScreen", "Provider reference"), inert(tx.provider_ref)),
            (QCoreApplication.translate("HistoryScreen", "Cashier"), inert(tx.cashier)),
            (QCoreApplication.translate("HistoryScreen", "Last change"), self._when(tx.updated_at)),
        ]
        rows = "".join(
            f'<tr><td class="label">{html.escape(label)}</td><td>{html.escape(value)}</td></tr>'
            for label, value in fields
            if value
        )
        # Outside the f-string: pyside6-lupdate does not read calls inside one, and the heading stayed English.
        timeline = QCoreApplication.translate("HistoryScreen", "Timeline")
        parts = [
            f"<style>td {{ padding: 3px 10px 3px 0; vertical-align: top; }} td.label {{ color: {muted_text()}; }}"
            f" pre {{ font-size: 11pt; background: {code_background()}; white-space: pre-wrap; }}"
            f" p.event {{ margin-top: 10px; margin-bottom: 2px; }} span.meta {{ color: {muted_text()}; }}</style>",
            f"<table>{rows}</table>",
            self._sale_html(tx, sale) if sale is not None else "",
            f"<h3>{html.escape(timeline)}</h3>",
        ]
        for event in events:
            zone = self._zone(event.at)
            clock = format_time(event.at, "medium", tzinfo=zone, locale=self.locale_name)
            same_day = tx.created_at is not None and (
                tx.created_at.astimezone(zone).date() == event.at.astimezone(zone).date()
            )
            when = clock if same_day else self._when(event.at)
            meta = [actor_text(event.actor)]
            if event.provider_ref:
                meta.append(inert(event.provider_ref))
            if event.fees is not None:
                meta.append(
                    QCoreApplication.translate("HistoryScreen", "fees {amount}").format(
                        amount=format_money(event.fees, self.locale_name)
                    )
                )
            message = f"<br/>{inert_html(with_provider_words(event.message))}" if event.message else ""
            parts.append(
                f'<p class="event"><b>{html.escape(when)}</b> · {html.escape(event_type_text(event.type))} · '
                f"<b>{html.escape(status_text(event.status, tx.kind))}</b><br/>"
                f'<span class="meta">{html.escape(" · ".join(meta))}</span>{message}</p>'
            )
            if event.raw is not None:
                answer = json.dumps(event.raw, indent=2, ensure_ascii=False, sort_keys=True, default=str)
                parts.append(f"<pre>{html.escape(inert_raw(answer))}</pre>")
        return "".join(parts)


__all__ = ["HistoryScreen", "PROVIDER_LABELS", "kind_choices", "status_choices"]
