"""Shop-wide reads: History across every counter (with a counter filter) and the shop's end-of-day report.

Both read the store's projection ``posapp.transactions`` (folded from the shipped events by the store
itself). A transaction counts on the local day it was created at its counter (the event's own time,
not when it reached the store): a counter that was offline all morning still reports its morning.
What reached the store after that day was last reported is listed as **late** beside the totals, so a
report printed at closing and one made later can be told apart instead of silently disagreeing.

API::

    history_page(store, filters=ShopFilter(), *, after=None, limit=50) -> ShopPage    newest first
    end_of_day(store, day, *, tz=None) -> ShopDay     totals for the shop, each counter, each cashier
    record_report(store, day, *, by, terminal_id)     "the day was reported now" (later arrivals are late)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import HistoryFilter, _search_term
from posapp.shop.store import ShopStore, TerminalInfo

MAX_PAGE = 500
# Every kind a sale is paid with: QR, push and cash (the till keeps cash in the same journal).
_PAYMENTS = tuple(kind.value for kind in Kind if kind.is_payment)
_PAID = (Status.SUCCEEDED.value, Status.PARTIALLY_REFUNDED.value, Status.REFUNDED.value)
_COLUMNS = (
    "t.terminal_id::text, t.app_ref, t.kind, t.provider, t.amount_minor, t.currency, t.status, t.provider_ref,"
    " t.customer, t.operator, t.reason, t.parent_ref, t.cashier, t.fees_minor, t.created_at, t.updated_at"
)


@dataclass(frozen=True, slots=True)
class ShopFilter:
    """History's filters (as for one journal) and the counters to show (empty: every counter)."""

    history: HistoryFilter = field(default_factory=HistoryFilter)
    terminals: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, order=True)
class ShopCursor:
    created_at: datetime
    terminal_id: str
    app_ref: str


@dataclass(frozen=True, slots=True)
class ShopRow:
    terminal_id: str
    counter: str  # the counter's name
    transaction: Transaction


@dataclass(frozen=True, slots=True)
class ShopPage:
    items: list[ShopRow]
    next: ShopCursor | None = None


def _to_transaction(row: tuple[Any, ...]) -> Transaction:
    return Transaction(
        app_ref=row[1], kind=Kind(row[2]), provider=row[3], amount=Money(row[4], row[5]), status=Status(row[6]),
        provider_ref=row[7], customer=row[8], operator=row[9], reason=row[10], parent_ref=row[11], cashier=row[12],
        fees=None if row[13] is None else Money(row[13], row[5]), created_at=row[14], updated_at=row[15],
    )  # fmt: skip


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _where(filters: ShopFilter) -> tuple[list[str], list[Any]]:
    history = filters.history
    clauses: list[str] = []
    params: list[Any] = []
    if history.since is not None:
        clauses.append("t.created_at >= %s")
        params.append(history.since)
    if history.until is not None:
        clauses.append("t.created_at < %s")
        params.append(history.until)
    for column, values in (
        ("kind", sorted(Kind(k).value for k in history.kinds)),
        ("provider", sorted(history.providers)),
        ("status", sorted(Status(s).value for s in history.statuses)),
    ):
        if values:
            clauses.append(f"t.{column} = ANY(%s)")
            params.append(values)
    if filters.terminals:
        clauses.append("t.terminal_id = ANY(%s::uuid[])")
        params.append(sorted(filters.terminals))
    if history.cashier is not None:
        clauses.append("t.cashier = %s")
        params.append(history.cashier)
    term = _search_term(history.text)
    if term:
        clauses.append("t.search LIKE %s")
        params.append(_like(term))
    return clauses, params


def _names(store: ShopStore) -> dict[str, str]:
    return {t.terminal_id: t.name for t in store.terminals()}


def history_page(
    store: ShopStore, filters: ShopFilter | None = None, *, after: ShopCursor | None = None, limit: int = 50
) -> ShopPage:
    """One page of the whole shop's history, newest first; pass ``page.next`` back as ``after``."""
    if not 1 <= limit <= MAX_PAGE:
        raise ValueError(f"limit must be within 1..{MAX_PAGE}")
    clauses, params = _where(filters or ShopFilter())
    if after is not None:
        clauses.append("(t.created_at, t.terminal_id, t.app_ref) < (%s, %s::uuid, %s)")
        params.extend([after.created_at, after.terminal_id, after.app_ref])
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store._run(
        f"SELECT {_COLUMNS} FROM posapp.transactions t{where}"
        " ORDER BY t.created_at DESC, t.terminal_id DESC, t.app_ref DESC LIMIT %s",
        [*params, limit + 1],
    )
    names = _names(store)
    items = [ShopRow(r[0], names.get(r[0], r[0][:8]), _to_transaction(r)) for r in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return ShopPage(items, None if last is None else ShopCursor(last[14], last[0], last[1]))


# ---------------------------------------------------------------- end of day


@dataclass(frozen=True, slots=True)
class Totals:
    """One scope's figures in one currency: the shop (``scope='shop'``), a counter, or a cashier."""

    scope: str  # shop, counter, cashier
    key: str  # "" for the shop; the terminal id for a counter; the cashier's name
    label: str
    currency: str
    paid_count: int
    paid: Money
    refunds_count: int
    refunds: Money
    payouts_count: int
    payouts: Money
    fees: Money
    failed: int
    canceled: int
    expired: int
    unknown: int

    @property
    def net(self) -> Money:
        return self.paid - self.refunds - self.payouts - self.fees


@dataclass(frozen=True, slots=True)
class LateArrival:
    terminal_id: str
    counter: str
    transaction: Transaction
    arrived_at: datetime


@dataclass(frozen=True, slots=True)
class ShopDay:
    day: date
    totals: list[Totals]  # the shop first, then each counter, then each cashier; by currency
    counters: list[TerminalInfo]  # with each one's last-synchronised time
    reported_at: datetime | None  # the last time this day was reported (None: never)
    late: list[LateArrival]  # reached the store after ``reported_at``

    def scope(self, scope: str) -> list[Totals]:
        return [t for t in self.totals if t.scope == scope]


def _midnight(day: date, tz: tzinfo | None) -> datetime:
    naive = datetime.combine(day, time())
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


_SUCCEEDED = (
    "((t.kind = ANY(%(payments)s) AND t.status = ANY(%(paid)s)) OR (t.kind <> ALL(%(payments)s)"
    " AND t.status = 'succeeded'))"
)
_TOTALS_SQL = f"""
SELECT grouping(t.terminal_id), grouping(t.cashier), t.terminal_id::text, t.cashier, t.currency,
    count(*) FILTER (WHERE t.kind = ANY(%(payments)s) AND t.status = ANY(%(paid)s)),
    coalesce(sum(t.amount_minor) FILTER (WHERE t.kind = ANY(%(payments)s) AND t.status = ANY(%(paid)s)), 0),
    count(*) FILTER (WHERE t.kind = 'refund' AND t.status = 'succeeded'),
    coalesce(sum(t.amount_minor) FILTER (WHERE t.kind = 'refund' AND t.status = 'succeeded'), 0),
    count(*) FILTER (WHERE t.kind = 'payout' AND t.status = 'succeeded'),
    coalesce(sum(t.amount_minor) FILTER (WHERE t.kind = 'payout' AND t.status = 'succeeded'), 0),
    coalesce(sum(t.fees_minor) FILTER (WHERE {_SUCCEEDED}), 0),
    count(*) FILTER (WHERE t.status = 'failed'),
    count(*) FILTER (WHERE t.status = 'canceled'),
    count(*) FILTER (WHERE t.status = 'expired'),
    count(*) FILTER (WHERE t.status = 'unknown')
FROM posapp.transactions t
WHERE t.created_at >= %(since)s AND t.created_at < %(until)s
GROUP BY GROUPING SETS ((t.currency), (t.currency, t.terminal_id), (t.currency, t.cashier))
"""


def end_of_day(store: ShopStore, day: date, *, tz: tzinfo | None = None) -> ShopDay:
    """The shop's day: totals for the shop, each counter and each cashier, and what arrived late."""
    since, until = _midnight(day, tz), _midnight(day + timedelta(days=1), tz)
    params = {"payments": list(_PAYMENTS), "paid": list(_PAID), "since": since, "until": until}
    counters = store.terminals()
    names = {c.terminal_id: c.name for c in counters}
    totals: list[Totals] = []
    for row in store._run(_TOTALS_SQL, params):  # type: ignore[arg-type]
        by_terminal, by_cashier, terminal_id, cashier, currency = row[:5]
        if by_terminal and by_cashier:
            scope, key, label = "shop", "", ""
        elif not by_terminal:
            scope, key, label = "counter", terminal_id, names.get(terminal_id, terminal_id[:8])
        else:
            scope, key, label = "cashier", cashier, cashier
        m = [Money(int(v), currency) for v in (row[6], row[8], row[10], row[11])]  # sum() of bigint is numeric
        totals.append(Totals(scope, key, label, currency, row[5], m[0], row[7], m[1], row[9], m[2], m[3],
                             row[12], row[13], row[14], row[15]))  # fmt: skip
    order = {"shop": 0, "counter": 1, "cashier": 2}
    totals.sort(key=lambda t: (order[t.scope], t.label.casefold(), t.key, t.currency))
    reported = store._run("SELECT max(reported_at) FROM posapp.day_reports WHERE day = %s", (day,))[0][0]
    late: list[LateArrival] = []
    if reported is not None:
        rows = store._run(
            f"SELECT {_COLUMNS}, t.last_received_at FROM posapp.transactions t WHERE t.created_at >= %s"
            " AND t.created_at < %s AND t.last_received_at > %s ORDER BY t.last_received_at, t.terminal_id, t.app_ref",
            (since, until, reported),
        )
        late = [LateArrival(r[0], names.get(r[0], r[0][:8]), _to_transaction(r), r[16]) for r in rows]
    return ShopDay(day, totals, counters, reported, late)


def record_report(store: ShopStore, day: date, *, by: str, terminal_id: str) -> datetime:
    """Note that ``day`` was reported now; what reaches the store after this shows as late."""
    rows = store._run(
        "INSERT INTO posapp.day_reports (day, reported_by, terminal_id) VALUES (%s, %s, %s) RETURNING reported_at",
        (day, by, terminal_id),
    )
    return rows[0][0]


__all__ = [
    "LateArrival",
    "ShopCursor",
    "ShopDay",
    "ShopFilter",
    "ShopPage",
    "ShopRow",
    "Totals",
    "end_of_day",
    "history_page",
    "record_report",
]
