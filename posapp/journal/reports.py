"""End-of-day totals: per local day and per cashier (and for the whole shop), per currency; the drawer count.

A transaction counts on the local day it was created. A payment counts as succeeded when its status is
SUCCEEDED, PARTIALLY_REFUNDED or REFUNDED (it was paid; its refunds are counted apart, as refunds).
Fees are those of succeeded transactions. Net = succeeded payments - refunds - payouts - fees. Cash
tenders are payments of the provider ``cash`` (``DayTotals.cash_paid`` beside ``mobile_paid``); refunds
and payouts handed out of the drawer are counted apart too (``cash_refunds``, ``cash_payouts``).

The drawer (``drawer_counts``), per cashier and day: expected cash = opening float + cash sales - cash
refunds - cash payouts; counted = the day's last count (a recount replaces the count before it);
difference = counted - expected (negative: cash is missing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.drawer import DrawerEvent, DrawerEventType, drawer_events_between
from posapp.journal.store import Journal

PAID = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED, Status.REFUNDED})
SHOP = None  # the cashier key of the all-cashiers totals


@dataclass(slots=True)
class Tally:
    count: int
    amount: Money

    def add(self, amount: Money) -> None:
        self.count += 1
        self.amount = self.amount + amount


@dataclass(slots=True)
class DayTotals:
    """One day's totals for one cashier (``cashier is None``: the whole shop) in one currency."""

    day: date
    cashier: str | None
    currency: str
    payments: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (provider, operator) -> tally
    refunds: Tally | None = None
    payouts: Tally | None = None
    fees: Money | None = None
    failed: int = 0
    canceled: int = 0
    expired: int = 0
    unknown: list[Transaction] = field(default_factory=list)
    cash_refunds: Tally | None = None  # the part of ``refunds`` handed back from the drawer
    cash_payouts: Tally | None = None  # the part of ``payouts`` taken from the drawer

    def __post_init__(self) -> None:
        zero = Money.zero(self.currency)
        self.refunds = self.refunds or Tally(0, zero)
        self.payouts = self.payouts or Tally(0, zero)
        self.fees = self.fees or zero
        self.cash_refunds = self.cash_refunds or Tally(0, zero)
        self.cash_payouts = self.cash_payouts or Tally(0, zero)

    def _paid_where(self, cash: bool) -> Tally:
        total = Tally(0, Money.zero(self.currency))
        for (provider, _), tally in self.payments.items():
            if (provider == CASH) is cash:
                total.count += tally.count
                total.amount = total.amount + tally.amount
        return total

    @property
    def cash_paid(self) -> Tally:
        """The cash tenders: notes and coins taken at the counter."""
        return self._paid_where(True)

    @property
    def mobile_paid(self) -> Tally:
        """The payments a provider moved (QR, push, card)."""
        return self._paid_where(False)

    @property
    def paid(self) -> Tally:
        """All succeeded payments, whatever the provider or operator."""
        total = Tally(0, Money.zero(self.currency))
        for tally in self.payments.values():
            total.count += tally.count
            total.amount = total.amount + tally.amount
        return total

    @property
    def net(self) -> Money:
        assert self.refunds is not None and self.payouts is not None and self.fees is not None
        return self.paid.amount - self.refunds.amount - self.payouts.amount - self.fees

    def add(self, tx: Transaction) -> None:
        assert self.refunds is not None and self.payouts is not None and self.fees is not None
        status = tx.status
        if status is Status.FAILED:
            self.failed += 1
        elif status is Status.CANCELED:
            self.canceled += 1
        elif status is Status.EXPIRED:
            self.expired += 1
        elif status is Status.UNKNOWN:
            self.unknown.append(tx)
        succeeded = status in PAID if tx.kind.is_payment else status is Status.SUCCEEDED
        if not succeeded:
            return
        if tx.kind.is_payment:
            key = (tx.provider, tx.operator or "")
            self.payments.setdefault(key, Tally(0, Money.zero(self.currency))).add(tx.amount)
        elif tx.kind is Kind.REFUND:
            assert self.cash_refunds is not None
            self.refunds.add(tx.amount)
            if tx.provider == CASH:
                self.cash_refunds.add(tx.amount)
        else:
            assert self.cash_payouts is not None
            self.payouts.add(tx.amount)
            if tx.provider == CASH:
                self.cash_payouts.add(tx.amount)
        if tx.fees is not None:
            self.fees = self.fees + tx.fees


def _local_midnight(day: date, tz: tzinfo | None) -> datetime:
    naive = datetime.combine(day, time())
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()


def daily_totals(journal: Journal, first: date, last: date, *, tz: tzinfo | None = None) -> list[DayTotals]:
    """Totals for each local day from ``first`` to ``last`` inclusive, sorted by day, shop first, cashier.

    ``tz`` is the shop's zone (default: the computer's). Days without transactions are left out.
    """
    since = _local_midnight(first, tz)
    until = _local_midnight(last + timedelta(days=1), tz)
    totals: dict[tuple[date, str | None, str], DayTotals] = {}
    for tx in journal.transactions_between(since, until):
        assert tx.created_at is not None
        day = tx.created_at.astimezone(tz).date() if tz is not None else tx.created_at.astimezone().date()
        currency = tx.amount.currency
        for cashier in (SHOP, tx.cashier):
            key = (day, cashier, currency)
            if key not in totals:
                totals[key] = DayTotals(day, cashier, currency)
            totals[key].add(tx)
    return sorted(totals.values(), key=lambda t: (t.day, t.cashier is not None, t.cashier or "", t.currency))


def end_of_day(journal: Journal, day: date, *, tz: tzinfo | None = None) -> list[DayTotals]:
    """The totals of one local day: the shop's first, then each cashier's."""
    return daily_totals(journal, day, day, tz=tz)


def iter_unknown(totals: list[DayTotals]) -> Iterator[Transaction]:
    """The unknown-outcome transactions of the shop rows (each once), for the manager to reconcile."""
    for row in totals:
        if row.cashier is SHOP:
            yield from row.unknown


# ---------------------------------------------------------------------------------------------- the drawer


@dataclass(slots=True)
class DrawerCount:
    """One cashier's drawer on one day, in one currency (module docstring for the figures)."""

    day: date
    cashier: str
    currency: str
    opening_float: Money
    cash_sales: Money
    cash_refunds: Money
    cash_payouts: Money
    counted: Money | None = None
    counted_at: datetime | None = None
    counted_by: str = ""
    pieces: dict[int, int] | None = None  # the last count by note and coin, when it was counted so
    recounts: int = 0  # counts replaced by a later one the same day
    openings: list[DrawerEvent] = field(default_factory=list)  # opened without a sale: who and why

    @property
    def expected(self) -> Money:
        return self.opening_float + self.cash_sales - self.cash_refunds - self.cash_payouts

    @property
    def difference(self) -> Money | None:
        """Counted less expected; None until the drawer is counted."""
        return None if self.counted is None else self.counted - self.expected


def drawer_counts(journal: Journal, day: date, *, tz: tzinfo | None = None, currency: str = "XAF") -> list[DrawerCount]:
    """Each cashier's drawer on the local ``day``, by cashier then currency: float, cash in and out, count.

    A cashier is listed when they had a float, a count, an opening or any cash transaction that day;
    ``currency`` (the shop's) is the row of a cashier who only opened the drawer.
    """
    since = _local_midnight(day, tz)
    until = _local_midnight(day + timedelta(days=1), tz)
    rows: dict[tuple[str, str], DrawerCount] = {}
    openings: dict[str, list[DrawerEvent]] = {}

    def row(cashier: str, currency: str) -> DrawerCount:
        key = (cashier, currency)
        if key not in rows:
            zero = Money.zero(currency)
            rows[key] = DrawerCount(day, cashier, currency, zero, zero, zero, zero)
        return rows[key]

    for tx in journal.transactions_between(since, until):
        if tx.provider != CASH:
            continue
        counted_as = row(tx.cashier, tx.amount.currency)
        if tx.kind is Kind.CASH_PAYMENT and tx.status in PAID:
            counted_as.cash_sales = counted_as.cash_sales + tx.amount
        elif tx.kind is Kind.REFUND and tx.status is Status.SUCCEEDED:
            counted_as.cash_refunds = counted_as.cash_refunds + tx.amount
        elif tx.kind is Kind.PAYOUT and tx.status is Status.SUCCEEDED:
            counted_as.cash_payouts = counted_as.cash_payouts + tx.amount
    for event in drawer_events_between(journal, since, until):
        if event.type is DrawerEventType.OPEN:
            openings.setdefault(event.cashier, []).append(event)
            continue
        assert event.amount is not None
        counted_as = row(event.cashier, event.amount.currency)
        if event.type is DrawerEventType.FLOAT:
            counted_as.opening_float = counted_as.opening_float + event.amount
        else:
            if counted_as.counted is not None:
                counted_as.recounts += 1
            counted_as.counted = event.amount
            counted_as.counted_at = event.at
            counted_as.counted_by = event.actor
            counted_as.pieces = event.pieces
    for cashier, opened in openings.items():
        mine = [r for r in rows.values() if r.cashier == cashier]
        if not mine:
            mine = [row(cashier, currency)]  # opened the drawer, moved no cash
        mine[0].openings.extend(opened)
    return sorted(rows.values(), key=lambda r: (r.cashier, r.currency))
