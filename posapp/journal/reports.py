"""End-of-day totals: per local day and per cashier (and for the whole shop), per currency.

A transaction counts on the local day it was created. A payment counts as succeeded when its status is
SUCCEEDED, PARTIALLY_REFUNDED or REFUNDED (it was paid; its refunds are counted apart, as refunds).
Fees are those of succeeded transactions. Net = succeeded payments - refunds - payouts - fees.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
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

    def __post_init__(self) -> None:
        zero = Money.zero(self.currency)
        self.refunds = self.refunds or Tally(0, zero)
        self.payouts = self.payouts or Tally(0, zero)
        self.fees = self.fees or zero

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
            self.refunds.add(tx.amount)
        else:
            self.payouts.add(tx.amount)
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
