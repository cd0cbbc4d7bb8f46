"""The shop view: History across every counter (with a counter filter) and the shop's end of day.

Opened from the status bar's shop link. Every read runs on one worker thread of its own with its own
store connection (never on the GUI thread: a store outside the shop can take a while to answer) and
comes back through a queued signal. When the store cannot be reached the view says since when it is
out of date; this counter's own History and end of day stay exact (its journal is the truth).

Signals:
    loaded(object): a read finished (its result, or the ``StoreError`` that stopped it); tests wait on it.
    refund_requested(object): a manager asked to refund the selected sale of another counter (a ``ShopRow``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import format_money
from posapp.core.transactions import Kind, Status
from posapp.journal.store import HistoryFilter
from posapp.shop.errors import StoreError
from posapp.shop.reads import (
    ShopCursor,
    ShopDay,
    ShopFilter,
    ShopPage,
    ShopRow,
    end_of_day,
    history_page,
    record_report,
)
from posapp.shop.store import ShopStore
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.shop_messages import describe_store_error
from posapp.ui.widgets.status_badge import status_text

log = logging.getLogger(__name__)


def _hhmm(moment: datetime | None) -> str:
    return "--:--" if moment is None else moment.astimezone().strftime("%H:%M")


class _Reader(QObject):
    """Runs reads on one worker thread over one store connection; delivers results as a queued signal."""

    done = Signal(object, object)  # (callback, result or StoreError)

    def __init__(self, connect: Callable[[], ShopStore], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connect = connect
        self._store: ShopStore | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shop-view")
        self.done.connect(lambda callback, result: callback(result))

    def read(self, fn: Callable[[ShopStore], Any], callback: Callable[[Any], None]) -> None:
        self._pool.submit(self._run, fn, callback)

    def _run(self, fn: Callable[[ShopStore], Any], callback: Callable[[Any], None]) -> None:
        try:
            if self._store is None or self._store.closed:
                self._store = self._connect()
            result: Any = fn(self._store)
        except StoreError as exc:
            if self._store is not None:
                self._store.close()
            self._store = None
            result = exc
        except Exception:  # a bug must not kill the worker silently: it is shown as the read's failure
            log.exception("a shop view read failed")
            result = StoreError("The shop view could not be read: an unexpected error (it is in the log).")
        self.done.emit(callback, result)

    def close(self) -> None:
        def close_store() -> None:
            if self._store is not None:
                self._store.close()

        self._pool.submit(close_store)
        self._pool.shutdown(wait=True)


class ShopView(QDialog):
    """History across the shop and the shop's end of day; see the module docstring."""

    loaded = Signal(object)
    refund_requested = Signal(object)

    def __init__(self, link: Any, locale: str, parent: QWidget | None = None, *, manager: str = "") -> None:
        """``manager``: the signed-in manager's name (may record the day's report), "" for a cashier."""
        super().__init__(parent)
        self.setObjectName("shopView")
        self.setWindowTitle(QCoreApplication.translate("ShopView", "The whole shop"))
        self.link = link
        self.money_locale = locale
        self.manager = manager
        self._reader = _Reader(link.connect, self)
        self._cursor: ShopCursor | None = None
        self._counters: list[tuple[str, str]] = []
        self._rows: list[ShopRow] = []

        layout = QVBoxLayout(self)
        self.notice = PlainLabel("")
        self.notice.setObjectName("shopNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        history = QWidget()
        history_layout = QVBoxLayout(history)
        filters = QHBoxLayout()
        self.counter_filter = QComboBox()
        self.counter_filter.setObjectName("shopCounterFilter")
        self.counter_filter.addItem(QCoreApplication.translate("ShopView", "All counters"), "")
        self.search = QLineEdit()
        self.search.setObjectName("shopSearch")
        self.search.setPlaceholderText(QCoreApplication.translate("ShopView", "Search a reference or a phone number"))
        self.refresh_button = QPushButton(QCoreApplication.translate("ShopView", "Show"))
        filters.addWidget(self.counter_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.refresh_button)
        history_layout.addLayout(filters)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("shopHistory")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ShopView", "Time"),
                QCoreApplication.translate("ShopView", "Counter"),
                QCoreApplication.translate("ShopView", "Cashier"),
                QCoreApplication.translate("ShopView", "Amount"),
                QCoreApplication.translate("ShopView", "Status"),
                QCoreApplication.translate("ShopView", "Reference"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        history_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.more_button = QPushButton(QCoreApplication.translate("ShopView", "Show more"))
        self.more_button.setEnabled(False)
        self.refund_button = QPushButton(QCoreApplication.translate("ShopView", "Refund this sale…"))
        self.refund_button.setObjectName("shopRefundButton")
        self.refund_button.setEnabled(False)
        self.refund_button.setVisible(bool(manager))  # a manager refunds; a cashier only looks
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refund_button)
        history_layout.addLayout(buttons)
        self.tabs.addTab(history, QCoreApplication.translate("ShopView", "History"))

        day = QWidget()
        day_layout = QVBoxLayout(day)
        day_row = QHBoxLayout()
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setCalendarPopup(True)
        self.day_button = QPushButton(QCoreApplication.translate("ShopView", "Show the day"))
        self.record_button = QPushButton(QCoreApplication.translate("ShopView", "Record this report"))
        self.record_button.setEnabled(bool(manager))
        day_row.addWidget(self.day_edit)
        day_row.addWidget(self.day_button)
        day_row.addStretch(1)
        day_row.addWidget(self.record_button)
        day_layout.addLayout(day_row)
        self.totals = QTableWidget(0, 5)
        self.totals.setObjectName("shopTotals")
        self.totals.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ShopView", "For"),
                QCoreApplication.translate("ShopView", "Paid"),
                QCoreApplication.translate("ShopView", "Refunds"),
                QCoreApplication.translate("ShopView", "Payouts"),
                QCoreApplication.translate("ShopView", "Net"),
            ]
        )
        self.totals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.totals.verticalHeader().hide()
        day_layout.addWidget(self.totals, 1)
        self.day_notes = PlainLabel("")
        self.day_notes.setObjectName("shopDayNotes")
        self.day_notes.setWordWrap(True)
        day_layout.addWidget(self.day_notes)
        self.tabs.addTab(day, QCoreApplication.translate("ShopView", "End of day"))

        self.refresh_button.clicked.connect(self.show_history)
        self.search.returnPressed.connect(self.show_history)
        self.counter_filter.activated.connect(lambda _index: self.show_history())
        self.more_button.clicked.connect(self.show_more)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refund_button.clicked.connect(self._ask_refund)
        self.day_button.clicked.connect(self.show_day)
        self.record_button.clicked.connect(self.record_day)
        self.resize(900, 600)
        self.show_history()

    # ------------------------------------------------------------ history

    def _filter(self) -> ShopFilter:
        terminal = self.counter_filter.currentData() or ""
        return ShopFilter(HistoryFilter(text=self.search.text()), frozenset({terminal}) if terminal else frozenset())

    def show_history(self) -> None:
        shop_filter = self._filter()
        self._cursor = None
        self.more_button.setEnabled(False)
        self._reader.read(
            lambda store: (store.terminals(), history_page(store, shop_filter)), lambda r: self._history(r, True)
        )

    def show_more(self) -> None:
        if self._cursor is None:
            return
        shop_filter, after = self._filter(), self._cursor
        self._reader.read(
            lambda store: (store.terminals(), history_page(store, shop_filter, after=after)),
            lambda r: self._history(r, False),
        )

    def _history(self, result: Any, fresh: bool) -> None:
        if self._failed(result):
            return
        terminals, page = result
        assert isinstance(page, ShopPage)
        self._update_counters(terminals)
        if fresh:
            self.table.setRowCount(0)
            self._rows = []
        self._rows.extend(page.items)
        for row in page.items:
            tx = row.transaction
            at = tx.created_at.astimezone().strftime("%d/%m %H:%M") if tx.created_at else ""
            values = [at, row.counter, tx.cashier, format_money(tx.amount, self.money_locale), status_text(tx.status),
                      tx.app_ref]  # fmt: skip
            index = self.table.rowCount()
            self.table.insertRow(index)
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(inert(value)))
        self._cursor = page.next
        self.more_button.setEnabled(page.next is not None)
        self.loaded.emit(page)

    def selected_row(self) -> ShopRow | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self._rows[rows.pop()] if len(rows) == 1 and max(rows) < len(self._rows) else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        refundable = (
            row is not None
            and row.terminal_id != self.link.identity.terminal_id  # this counter's own: from its History
            and row.transaction.kind.is_payment
            and row.transaction.kind is not Kind.CASH_PAYMENT  # its cash is in that counter's drawer
            and row.transaction.status in (Status.SUCCEEDED, Status.PARTIALLY_REFUNDED)
        )
        self.refund_button.setEnabled(bool(self.manager) and refundable)

    def _ask_refund(self) -> None:
        row = self.selected_row()
        if row is not None and self.refund_button.isEnabled():
            self.refund_requested.emit(row)

    def _update_counters(self, terminals: list[Any]) -> None:
        counters = [(t.terminal_id, t.name) for t in terminals]
        if counters == self._counters:
            return
        self._counters = counters
        current = self.counter_filter.currentData()
        self.counter_filter.clear()
        self.counter_filter.addItem(QCoreApplication.translate("ShopView", "All counters"), "")
        for terminal_id, name in counters:
            self.counter_filter.addItem(inert(name), terminal_id)
        self.counter_filter.setCurrentIndex(max(self.counter_filter.findData(current), 0))

    # ------------------------------------------------------------ end of day

    def _day(self) -> date:
        return cast(date, self.day_edit.date().toPython())

    def show_day(self) -> None:
        day = self._day()
        self._reader.read(lambda store: end_of_day(store, day), self._shop_day)

    def record_day(self) -> None:
        day, by, terminal = self._day(), f"manager:{self.manager}", self.link.identity.terminal_id

        def record_then_read(store: ShopStore) -> ShopDay:
            record_report(store, day, by=by, terminal_id=terminal)
            return end_of_day(store, day)

        self._reader.read(record_then_read, self._shop_day)

    def _shop_day(self, result: Any) -> None:
        if self._failed(result):
            return
        assert isinstance(result, ShopDay)
        self.totals.setRowCount(0)
        for totals in result.totals:
            label = {
                "shop": QCoreApplication.translate("ShopView", "The whole shop"),
                "counter": QCoreApplication.translate("ShopView", "Counter {name}").format(name=totals.label),
                "cashier": QCoreApplication.translate("ShopView", "Cashier {name}").format(name=totals.label),
            }[totals.scope]
            index = self.totals.rowCount()
            self.totals.insertRow(index)
            cells = [label, *(format_money(m, self.money_locale) for m in (totals.paid, totals.refunds, totals.payouts,
                                                                     totals.net))]  # fmt: skip
            for column, value in enumerate(cells):
                self.totals.setItem(index, column, QTableWidgetItem(inert(value)))
        notes = [
            QCoreApplication.translate("ShopView", "{counter}: up to date at {time}").format(
                counter=c.name, time=_hhmm(c.last_sync_at)
            )
            for c in result.counters
        ]
        if result.late:
            notes.append(
                QCoreApplication.translate("ShopView", "{count} arrived after the report of {time}: {refs}").format(
                    count=len(result.late),
                    time=_hhmm(result.reported_at),
                    refs=", ".join(f"{late.transaction.app_ref} ({late.counter})" for late in result.late[:10]),
                )
            )
        self.day_notes.setText(inert("\n".join(notes)))
        self.loaded.emit(result)

    # ------------------------------------------------------------ offline

    def _failed(self, result: Any) -> bool:
        if not isinstance(result, StoreError):
            self.notice.hide()
            return False
        since = _hhmm(self.link.status.last_synced_at)
        self.notice.setText(
            QCoreApplication.translate(
                "ShopView",
                "The shop view is out of date since {time}: {reason} This counter's own History and end of day "
                "are complete.",
            ).format(time=since, reason=inert(describe_store_error(result)))
        )
        self.notice.show()
        self.loaded.emit(result)
        return True

    def done(self, code: int) -> None:  # noqa: D102 - QDialog's
        self._reader.close()
        super().done(code)


def shop_view_button(
    link: Any, locale: str, window: Any, current_user: Callable[[], Any], on_refund: Callable[[Any], None] | None = None
) -> QPushButton:
    """A flat status-bar button that opens the shop view (``current_user()``: who is signed in, or None;
    ``on_refund(row)``: refund another counter's sale, see ``posapp.ui.shop_refunds``)."""
    button = QPushButton(QCoreApplication.translate("ShopView", "Whole shop"))
    button.setObjectName("shopViewButton")
    button.setFlat(True)

    def open_view() -> None:
        user = current_user()
        manager = user.name if user is not None and getattr(user, "is_manager", False) else ""
        view = ShopView(link, locale, window, manager=manager if on_refund is not None else "")
        if on_refund is not None:
            view.refund_requested.connect(on_refund)
        view.setModal(False)
        view.show()
        button.setProperty("view", view)  # kept alive while open

    button.clicked.connect(open_view)
    return button
