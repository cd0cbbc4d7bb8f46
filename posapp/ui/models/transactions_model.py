"""The journal's transactions as a Qt table model, paged newest first, with live updates.

The model never loads the whole journal: it reads one page (``page_size`` rows) when it is created or
its filter changes, and the next page when the view scrolls to the end (``canFetchMore`` /
``fetchMore``), following the journal's keyset cursor. So a journal of a million transactions opens in
the time of one page. A live status change replaces its row in place (``upsert`` / ``refresh_row``)
and a new payment appears on top, without reloading.

Newest first is served by ``Journal.history_page``. The journal has no oldest-first page query, so
oldest first reads ``Journal.transactions_between`` (oldest first, chunked) and applies the other
filters here (``matches``); each fetch scans at most ``ASCENDING_SCAN_BUDGET`` transactions, so a
rare filter over years of history stays responsive (the next fetch goes on where this one stopped).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, tzinfo
from enum import IntEnum
from typing import Any

from babel.dates import format_skeleton, format_time
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from posapp.core.money import format_money
from posapp.core.phone import Operator, display_phone
from posapp.core.transactions import Kind, Transaction
from posapp.journal.store import HistoryFilter, Journal, PageCursor, searchable
from posapp.ui.inert_text import inert, plain_tooltip
from posapp.ui.widgets.status_badge import COLOURS, status_text

PAGE_SIZE = 100
ASCENDING_SCAN_BUDGET = 20_000
_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 1, 1, tzinfo=UTC)
_PHONE_LIKE = re.compile(r"[\d\s+\-().]+")

_Index = QModelIndex | QPersistentModelIndex


class Columns(IntEnum):
    """The model's columns, in display order (the most useful first: narrow screens show only those)."""

    TIME = 0
    AMOUNT = 1
    STATUS = 2
    CUSTOMER = 3
    REASON = 4
    KIND = 5
    OPERATOR = 6
    PROVIDER = 7
    CASHIER = 8
    APP_REF = 9


# Roles for views and tests; Qt reserves the values below UserRole.
TransactionRole = Qt.ItemDataRole.UserRole + 1  # the row's ``Transaction``
AppRefRole = Qt.ItemDataRole.UserRole + 2  # its ``app_ref`` (str)
StatusRole = Qt.ItemDataRole.UserRole + 3  # its ``Status`` (through a QVariant it arrives as its str value)
CreatedAtRole = Qt.ItemDataRole.UserRole + 4  # its creation time (aware ``datetime``, UTC)


def kind_text(kind: Kind) -> str:
    """What a cashier reads for ``kind``."""
    return {
        Kind.LINK_PAYMENT: QCoreApplication.translate("TransactionsModel", "QR payment"),
        Kind.PUSH_PAYMENT: QCoreApplication.translate("TransactionsModel", "Push payment"),
        Kind.REFUND: QCoreApplication.translate("TransactionsModel", "Refund"),
        Kind.PAYOUT: QCoreApplication.translate("TransactionsModel", "Payout"),
        Kind.CASH_PAYMENT: QCoreApplication.translate("TransactionsModel", "Cash"),
    }[kind]


WALLET = "MCP"  # a payout to a My-CoolPay wallet (phone, username or e-mail) rather than a mobile number


def operator_text(operator: str | None) -> str:
    """The network or wallet as people say it: ``Orange Money``, ``MTN MoMo``, ``My-CoolPay wallet``.

    The journal keeps the operator codes the providers use (My-CoolPay's ``CM_OM``, ``CM_MOMO``, ``MCP``).
    """
    if not operator:
        return ""
    if operator == WALLET:
        return QCoreApplication.translate("TransactionsModel", "My-CoolPay wallet")
    try:
        return Operator(operator).display_name
    except ValueError:
        return {"mtn": "MTN MoMo", "orange": "Orange Money"}.get(operator.lower(), operator)


def column_title(column: Columns) -> str:
    return {
        Columns.TIME: QCoreApplication.translate("TransactionsModel", "Time"),
        Columns.KIND: QCoreApplication.translate("TransactionsModel", "Type"),
        Columns.AMOUNT: QCoreApplication.translate("TransactionsModel", "Amount"),
        Columns.CUSTOMER: QCoreApplication.translate("TransactionsModel", "Customer"),
        Columns.OPERATOR: QCoreApplication.translate("TransactionsModel", "Network"),
        Columns.STATUS: QCoreApplication.translate("TransactionsModel", "Status"),
        Columns.REASON: QCoreApplication.translate("TransactionsModel", "Reason"),
        Columns.PROVIDER: QCoreApplication.translate("TransactionsModel", "Provider"),
        Columns.CASHIER: QCoreApplication.translate("TransactionsModel", "Cashier"),
        Columns.APP_REF: QCoreApplication.translate("TransactionsModel", "Reference"),
    }[column]


def signed_amount_text(transaction: Transaction, locale: str) -> str:
    """The amount in the locale, with a minus sign when the money goes out (refund, payout)."""
    amount = -transaction.amount if transaction.kind.moves_money_out else transaction.amount
    return format_money(amount, locale)


def format_local_time(moment: datetime, locale: str, tz: tzinfo | None = None, *, now: datetime | None = None) -> str:
    """``14:05`` today, ``9 May 14:05`` this year, ``9 May 2025 14:05`` before, in the local time zone."""
    local = moment.astimezone(tz)
    today = (now or datetime.now(UTC)).astimezone(tz)
    clock = format_time(local, "short", locale=locale)
    if local.date() == today.date():
        return clock
    skeleton = "MMMd" if local.year == today.year else "yMMMd"
    return f"{format_skeleton(skeleton, local, locale=locale)} {clock}"


def search_term(text: str) -> str:
    """The search as the journal reads it: spaces collapsed, a phone number compacted to its digits."""
    term = " ".join(text.split())
    if _PHONE_LIKE.fullmatch(term) and sum(c.isdigit() for c in term) >= 3:
        term = "".join(c for c in term if c.isdigit())
    return term


def matches(filters: HistoryFilter, transaction: Transaction) -> bool:
    """Whether the journal's history query would list ``transaction`` under ``filters``.

    Mirrors ``Journal._where`` (the journal has no public predicate): the model needs it to decide
    whether a live new transaction belongs on screen, and for oldest-first pages.
    """
    created = transaction.created_at
    if filters.since is not None and (created is None or created < filters.since):
        return False
    if filters.until is not None and (created is None or created >= filters.until):
        return False
    if filters.statuses and transaction.status not in filters.statuses:
        return False
    if filters.kinds and transaction.kind not in filters.kinds:
        return False
    if filters.providers and transaction.provider not in filters.providers:
        return False
    if filters.cashier is not None and transaction.cashier != filters.cashier:
        return False
    term = search_term(filters.text).casefold()
    if not term:
        return True
    if not searchable(term):
        return False
    fields = (transaction.app_ref, transaction.provider_ref, transaction.parent_ref, transaction.customer)
    return any(term in value.casefold() for value in (*fields, transaction.reason) if value)


def _sort_key(transaction: Transaction) -> datetime:
    return transaction.created_at or _EARLIEST


class TransactionsModel(QAbstractTableModel):
    """The journal's transactions matching a ``HistoryFilter``, paged, newest first by default.

    Rows hold ``Transaction`` values; ``TransactionRole``, ``AppRefRole``, ``StatusRole`` and
    ``CreatedAtRole`` give them to views. Display texts are formatted for ``locale`` (Babel) and the
    local time zone (``tz``; None = the system's), once per row and cached. ``provider_labels`` names
    the providers (``mycoolpay`` → ``My-CoolPay``); ``clock`` says what "today" is (times of today show
    the clock only; rows keep their text until the next reload).
    """

    def __init__(
        self,
        journal: Journal,
        locale: str,
        *,
        tz: tzinfo | None = None,
        page_size: int = PAGE_SIZE,
        filters: HistoryFilter | None = None,
        provider_labels: Mapping[str, str] | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.provider_labels = dict(provider_labels or {})
        self.journal = journal
        self.locale_name = locale
        self.tz = tz
        self.page_size = page_size
        self._filters = filters or HistoryFilter()
        self._order = Qt.SortOrder.DescendingOrder
        self._rows: list[Transaction] = []
        self._row_of: dict[str, int] = {}
        self._texts: dict[str, tuple[str, ...]] = {}
        self._now_cache: datetime | None = None
        self._cursor: PageCursor | None = None
        self._ascending: Iterator[Transaction] | None = None
        self._more = False
        self._bold = QFont()
        self._bold.setBold(True)
        self._load_first_page()

    # ------------------------------------------------------------ state

    @property
    def filters(self) -> HistoryFilter:
        return self._filters

    @property
    def order(self) -> Qt.SortOrder:
        return self._order

    def set_filter(self, filters: HistoryFilter) -> None:
        """Show the transactions matching ``filters``, from the first page."""
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        """Forget the loaded rows and read the first page again."""
        self.beginResetModel()
        self._load_first_page()
        self.endResetModel()

    def _load_first_page(self) -> None:
        self._rows = []
        self._row_of = {}
        self._texts = {}
        self._cursor = None
        self._ascending = None
        self._more = True
        self._rows = self._next_page()
        self._reindex()

    def _reindex(self, start: int = 0) -> None:
        for row in range(start, len(self._rows)):
            self._row_of[self._rows[row].app_ref] = row

    def _next_page(self) -> list[Transaction]:
        if not self._more:
            return []
        if self._order == Qt.SortOrder.DescendingOrder:
            page = self.journal.history_page(self._filters, after=self._cursor, limit=self.page_size)
            self._cursor = page.next
            self._more = page.next is not None
            items = page.items
        else:
            items = self._next_ascending()
        # A transaction already shown (upserted live before its page came) is not listed twice.
        return [tx for tx in items if tx.app_ref not in self._row_of]

    def _next_ascending(self) -> list[Transaction]:
        if self._ascending is None:
            since = self._filters.since or _EARLIEST
            until = self._filters.until or _LATEST
            self._ascending = self.journal.transactions_between(since, until, chunk=self.page_size * 5)
        found: list[Transaction] = []
        for _ in range(ASCENDING_SCAN_BUDGET):
            transaction = next(self._ascending, None)
            if transaction is None:
                self._more = False
                break
            if matches(self._filters, transaction):
                found.append(transaction)
                if len(found) == self.page_size:
                    break
        return found

    def transaction(self, row: int) -> Transaction:
        return self._rows[row]

    def row_of(self, app_ref: str) -> int:
        """The row showing ``app_ref``, or -1 when it is not loaded."""
        return self._row_of.get(app_ref, -1)

    def loaded_refs(self) -> list[str]:
        return [tx.app_ref for tx in self._rows]

    # ------------------------------------------------------------ paging

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 (Qt override)
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 (Qt override)
        if parent.isValid():
            return
        items = self._next_page()
        if not items:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self._rows.extend(items)
        self._reindex(first)
        self.endInsertRows()

    # ------------------------------------------------------------ live changes

    def refresh_row(self, app_ref: str) -> bool:
        """Read ``app_ref`` again from the journal and show its new state; True when it is on screen."""
        transaction = self.journal.get(app_ref)
        return transaction is not None and self.upsert(transaction)

    def upsert(self, transaction: Transaction) -> bool:
        """Update the row of ``transaction``, or insert it in order when it matches the filter.

        A row already shown stays even if its new status no longer matches the filter: rows do not
        vanish under the cashier's eyes; the next reload applies the filter. A new transaction is
        inserted only where the loaded rows reach (older ones arrive with their page). Returns whether
        the transaction is now on screen.
        """
        row = self._row_of.get(transaction.app_ref)
        if row is not None:
            self._rows[row] = transaction
            self._texts.pop(transaction.app_ref, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Columns) - 1))
            return True
        if not matches(self._filters, transaction):
            return False
        position = self._insert_position(transaction)
        if position is None:
            return False
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, transaction)
        self._reindex(position)
        self.endInsertRows()
        return True

    def _insert_position(self, transaction: Transaction) -> int | None:
        key = _sort_key(transaction)
        if self._order == Qt.SortOrder.DescendingOrder:
            # keys are descending: count the rows strictly newer than the new one
            newer = bisect.bisect_left(self._rows, -key.timestamp(), key=lambda tx: -_sort_key(tx).timestamp())
            if newer == len(self._rows) and self._more:
                return None  # older than every loaded row: its page will bring it
            return newer
        position = bisect.bisect_right(self._rows, key, key=_sort_key)
        if position == len(self._rows) and self._more:
            return None
        return position

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt override)
        return 0 if parent.isValid() else len(Columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(Columns(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Columns.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def texts(self, row: int) -> tuple[str, ...]:
        """The display texts of ``row``, one per column (formatted once, then cached)."""
        transaction = self._rows[row]
        cached = self._texts.get(transaction.app_ref)
        if cached is None:
            if not self._texts:
                self._now_cache = None  # "today" moves on: read the clock again when the cache refills
            cached = self._format(transaction)
            self._texts[transaction.app_ref] = cached
        return cached

    def _now(self) -> datetime:
        # read once per page of formatting, not once per row
        if self._now_cache is None:
            self._now_cache = self._clock()
        return self._now_cache

    def _format(self, tx: Transaction) -> tuple[str, ...]:
        created = tx.created_at
        texts = {
            Columns.TIME: ""
            if created is None
            else format_local_time(created, self.locale_name, self.tz, now=self._now()),
            Columns.KIND: kind_text(tx.kind),
            Columns.AMOUNT: signed_amount_text(tx, self.locale_name),
            # A QR payment may have no phone: a dash, not a hole. A wallet identifier is a person's text.
            Columns.CUSTOMER: inert(display_phone(tx.customer)) or "\u2014",
            Columns.OPERATOR: operator_text(tx.operator),
            Columns.STATUS: status_text(tx.status, tx.kind),
            Columns.REASON: inert(tx.reason),
            Columns.PROVIDER: self.provider_labels.get(tx.provider, tx.provider),
            Columns.CASHIER: inert(tx.cashier),
            Columns.APP_REF: tx.app_ref,
        }
        return tuple(texts[column] for column in Columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(row)[column]
        if role == Qt.ItemDataRole.ToolTipRole:  # a tooltip that looks like HTML is shown as HTML
            return plain_tooltip(self.texts(row)[column])
        transaction = self._rows[row]
        if role == TransactionRole:
            return transaction
        if role == AppRefRole:
            return transaction.app_ref
        if role == StatusRole:
            return transaction.status
        if role == CreatedAtRole:
            return transaction.created_at
        if column == Columns.STATUS and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, colour = COLOURS[transaction.status]
            return QBrush(QColor(background if role == Qt.ItemDataRole.BackgroundRole else colour))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Columns.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column in (Columns.AMOUNT, Columns.STATUS):
            return self._bold
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by time (the only order the journal pages in); other columns keep the time order."""
        if column != Columns.TIME or order == self._order:
            return
        self._order = order
        self.reload()


__all__ = [
    "AppRefRole",
    "Columns",
    "CreatedAtRole",
    "PAGE_SIZE",
    "StatusRole",
    "TransactionRole",
    "TransactionsModel",
    "column_title",
    "format_local_time",
    "kind_text",
    "matches",
    "operator_text",
    "WALLET",
    "search_term",
    "signed_amount_text",
]
