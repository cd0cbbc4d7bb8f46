"""Sales paid by one or several tenders (cash, a QR or push payment, two phones), in the journal.

A sale is written once (``sales``: what is due, who sold it); each tender is an ordinary transaction
(``Kind.CASH_PAYMENT`` with the provider ``CASH``, or a link/push payment) linked to its sale once
(``sale_tenders``), in the same SQLite transaction as the tender's intent. Nothing about a sale's state is
stored: ``sale_state`` computes it from its tenders, whose statuses are the projection of their events, so
``Journal.rebuild_projection`` rebuilds the sales too.

Rules kept here, inside the write that records a tender (so two tenders racing cannot both fit):

- a tender is in the sale's currency and at most what is still open: the amount due less what the
  tenders paid and less what the tenders in flight (created, pending, awaiting a code, unknown) may
  still pay. An unknown mobile part holds its amount until its outcome is known: paying it again in
  cash could make the customer pay twice;
- a voided sale takes no tender.

A cash tender is received in one SQLite transaction (intent, link and ``cash_received`` event), so the
journal never holds a cash tender half received. A cash refund is a ``Kind.REFUND`` of the cash tender,
provider ``CASH``, recorded and succeeded in one transaction: the journal's refund cap (per payment)
caps it per tender, and the tender moves to PARTIALLY_REFUNDED / REFUNDED like any payment.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import (
    _TX_COLUMNS,
    UNFINISHED_STATUSES,
    IntentConflict,
    Journal,
    JournalError,
    _check_actor,
    _parse,
    _stamp,
    _to_transaction,
)

PAID = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED, Status.REFUNDED})
IN_FLIGHT = UNFINISHED_STATUSES


class TenderRefused(JournalError):
    """The tender cannot be recorded: no such sale, voided, another currency, or more than is open."""


@dataclass(frozen=True, slots=True)
class Sale:
    """What is due, as written when the sale was opened."""

    sale_ref: str
    amount: Money
    reason: str = ""
    cashier: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Tender:
    """One part of a sale: its transaction, and for cash what the customer handed over."""

    transaction: Transaction
    given: Money | None = None
    refunded: Money | None = None  # succeeded refunds of this tender

    @property
    def is_cash(self) -> bool:
        return self.transaction.kind is Kind.CASH_PAYMENT

    @property
    def change(self) -> Money | None:
        """The change handed back for a cash tender (given less the tender's amount)."""
        return None if self.given is None else self.given - self.transaction.amount

    @property
    def paid(self) -> bool:
        return self.transaction.status in PAID

    @property
    def in_flight(self) -> bool:
        return self.transaction.status in IN_FLIGHT


@dataclass(frozen=True, slots=True)
class SaleState:
    """A sale and its tenders, oldest first; every figure below is computed from the tenders."""

    sale: Sale
    tenders: tuple[Tender, ...]
    voided: bool = False
    void_reason: str = ""

    def _sum(self, tenders: Iterable[Tender]) -> Money:
        total = Money.zero(self.sale.amount.currency)
        for tender in tenders:
            total = total + tender.transaction.amount
        return total

    @property
    def paid(self) -> Money:
        """What the tenders paid (a refund later does not unpay it: refunds are counted apart)."""
        return self._sum(t for t in self.tenders if t.paid)

    @property
    def in_flight(self) -> Money:
        """What tenders not settled yet (pending, awaiting a code, unknown) may still pay."""
        return self._sum(t for t in self.tenders if t.in_flight)

    @property
    def unpaid(self) -> Money:
        """What is still not paid (the parts in flight included: they are not paid yet)."""
        left = self.sale.amount - self.paid
        return left if left.minor > 0 else Money.zero(left.currency)

    @property
    def open_amount(self) -> Money:
        """What a new tender may cover: not paid and not held by a tender in flight."""
        left = self.sale.amount - self.paid - self.in_flight
        return left if left.minor > 0 else Money.zero(left.currency)

    @property
    def overpaid(self) -> Money:
        """Paid beyond what was due (a canceled link paid late): for a manager to refund."""
        extra = self.paid - self.sale.amount
        return extra if extra.minor > 0 else Money.zero(extra.currency)

    @property
    def is_paid(self) -> bool:
        return self.paid >= self.sale.amount

    @property
    def cash_given(self) -> Money:
        return self._sum_given()

    def _sum_given(self) -> Money:
        total = Money.zero(self.sale.amount.currency)
        for tender in self.tenders:
            if tender.given is not None and tender.paid:
                total = total + tender.given
        return total

    @property
    def change(self) -> Money:
        """The change handed back on the sale's cash tenders."""
        total = Money.zero(self.sale.amount.currency)
        for tender in self.tenders:
            if tender.change is not None and tender.paid:
                total = total + tender.change
        return total

    def tender(self, app_ref: str) -> Tender | None:
        return next((t for t in self.tenders if t.transaction.app_ref == app_ref), None)


# ---------------------------------------------------------------------------------------------- writes


def record_sale(journal: Journal, sale: Sale, actor: str) -> Sale:
    """Write the sale (what is due) once; the same sale again returns it, another with its ref refuses."""
    _check_actor(actor)
    if sale.amount.minor <= 0:
        raise JournalError("a sale is for a positive amount")
    with journal._lock, journal._write() as conn:
        row = conn.execute(
            "SELECT sale_ref, amount_minor, currency, reason, cashier, created_at FROM sales WHERE sale_ref = ?",
            (sale.sale_ref,),
        ).fetchone()
        if row is not None:
            stored = _sale_of(row)
            if (stored.amount, stored.reason, stored.cashier) != (sale.amount, sale.reason, sale.cashier):
                raise IntentConflict(f"{sale.sale_ref} is already recorded with different content")
            return stored
        now = _stamp(journal._clock())
        conn.execute(
            "INSERT INTO sales (sale_ref, amount_minor, currency, reason, cashier, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (sale.sale_ref, sale.amount.minor, sale.amount.currency, sale.reason, sale.cashier, now),
        )
        return dataclasses.replace(sale, created_at=_parse(now))


def record_tender_intent(
    journal: Journal,
    sale_ref: str,
    intent: Transaction,
    actor: str,
    *,
    given: Money | None = None,
    secrets: Iterable[str] = (),
) -> Transaction:
    """The tender's intent and its link to the sale, in one SQLite transaction; ``TenderRefused`` when it
    does not fit (module docstring). Recording the same intent again returns it as stored."""
    with journal._lock, journal.batch():
        return _record_tender(journal, sale_ref, intent, actor, given, tuple(secrets))


def _record_tender(
    journal: Journal, sale_ref: str, intent: Transaction, actor: str, given: Money | None, secrets: tuple[str, ...]
) -> Transaction:
    """``record_tender_intent`` inside the caller's batch."""
    if not intent.kind.is_payment:
        raise TenderRefused(f"a {intent.kind.value} is not a tender")
    existing = journal.get(intent.app_ref)
    if existing is not None:
        if _sale_ref_of(journal, existing.app_ref) != sale_ref:
            raise IntentConflict(f"{intent.app_ref} is already recorded for another sale")
        return journal.record_intent(intent, actor, secrets=secrets)
    state = sale_state(journal, sale_ref)
    _check_fits(state, intent.amount)
    if given is not None and (given.currency != intent.amount.currency or given < intent.amount):
        raise TenderRefused(f"the cash given ({given}) is less than the tender ({intent.amount})")
    tx = journal.record_intent(intent, actor, secrets=secrets)
    conn = journal._live()
    sale_id = conn.execute("SELECT id FROM sales WHERE sale_ref = ?", (sale_ref,)).fetchone()[0]
    tx_id = conn.execute("SELECT id FROM transactions WHERE app_ref = ?", (tx.app_ref,)).fetchone()[0]
    conn.execute(
        "INSERT INTO sale_tenders (sale_id, transaction_id, given_minor, at) VALUES (?, ?, ?, ?)",
        (sale_id, tx_id, None if given is None else given.minor, _stamp(journal._clock())),
    )
    return tx


def receive_cash(journal: Journal, sale_ref: str, intent: Transaction, given: Money, actor: str) -> Transaction:
    """A cash tender received: intent, link to the sale and ``cash_received``, in one SQLite transaction."""
    if intent.kind is not Kind.CASH_PAYMENT or intent.provider != CASH:
        raise TenderRefused("only cash is received at the counter")
    change = given - intent.amount
    with journal._lock, journal.batch():
        stored = journal.get(intent.app_ref)
        if stored is not None and stored.status is not Status.CREATED:
            return stored  # the same tender again (a double tap on a kept reference): received once
        _record_tender(journal, sale_ref, intent, actor, given, ())
        return journal.append_event(
            intent.app_ref,
            type="cash_received",
            status=Status.SUCCEEDED,
            actor=actor,
            message=f"received {given}, change {change}",
        )


def return_cash(journal: Journal, refund: Transaction, actor: str, *, approval_id: int | None = None) -> Transaction:
    """A cash refund of a cash tender, recorded and handed back in one SQLite transaction.

    The journal caps it at what is still refundable on that tender (``RefundRefused`` beyond) and moves the
    tender to PARTIALLY_REFUNDED / REFUNDED. With ``approval_id`` the manager's approval is used up.
    """
    if refund.kind is not Kind.REFUND or refund.provider != CASH:
        raise JournalError("only a cash refund is handed back from the drawer")
    parent = journal.get(refund.parent_ref or "")
    if parent is None or parent.kind is not Kind.CASH_PAYMENT:
        raise TenderRefused(f"{refund.parent_ref} is not a cash tender: its refund goes back the way it was paid")
    with journal._lock, journal.batch():
        stored = journal.get(refund.app_ref)
        if stored is not None and stored.status is not Status.CREATED:
            return stored
        journal.record_intent(refund, actor, approval_id=approval_id)
        return journal.append_event(
            refund.app_ref, type="cash_returned", status=Status.SUCCEEDED, actor=actor, message="handed back in cash"
        )


def pay_out_cash(journal: Journal, payout: Transaction, actor: str, *, approval_id: int | None = None) -> Transaction:
    """Cash taken out of the drawer for a payout (a supplier, a float moved to the safe), in one transaction."""
    if payout.kind is not Kind.PAYOUT or payout.provider != CASH:
        raise JournalError("only a cash payout is taken from the drawer")
    with journal._lock, journal.batch():
        stored = journal.get(payout.app_ref)
        if stored is not None and stored.status is not Status.CREATED:
            return stored
        journal.record_intent(payout, actor, approval_id=approval_id)
        return journal.append_event(
            payout.app_ref, type="cash_paid_out", status=Status.SUCCEEDED, actor=actor, message="paid from the drawer"
        )


def void_sale(journal: Journal, sale_ref: str, actor: str, reason: str) -> SaleState:
    """Mark an unpaid sale voided (nothing more is taken for it). Its cash must have been handed back and no
    mobile part may be paid or in flight: the money is sorted out first, then the sale is voided."""
    _check_actor(actor)
    with journal._lock, journal.batch():
        state = sale_state(journal, sale_ref)
        if state.voided:
            return state
        if state.is_paid:
            raise TenderRefused(f"{sale_ref} is paid: refund its tenders instead of voiding it")
        for tender in state.tenders:
            if tender.in_flight:
                raise TenderRefused(f"{tender.transaction.app_ref} is not settled yet: wait for its outcome")
            kept = tender.transaction.amount - (tender.refunded or Money.zero(tender.transaction.amount.currency))
            if tender.paid and kept.minor > 0:
                raise TenderRefused(
                    f"{tender.transaction.app_ref} paid {kept} that is not handed back yet: refund it first"
                )
        conn = journal._live()
        sale_id = conn.execute("SELECT id FROM sales WHERE sale_ref = ?", (sale_ref,)).fetchone()[0]
        conn.execute(
            "INSERT INTO sale_events (sale_id, at, actor, type, message) VALUES (?, ?, ?, 'voided', ?)",
            (sale_id, _stamp(journal._clock()), actor, reason),
        )
    return sale_state(journal, sale_ref)


def _check_fits(state: SaleState, amount: Money) -> None:
    if state.voided:
        raise TenderRefused(f"{state.sale.sale_ref} was voided")
    if amount.currency != state.sale.amount.currency:
        raise TenderRefused(f"the sale is in {state.sale.amount.currency}, the tender in {amount.currency}")
    open_amount = state.open_amount
    if amount > open_amount:
        held = f" ({state.in_flight} is held by parts not settled yet)" if state.in_flight.minor else ""
        raise TenderRefused(f"at most {open_amount} is still open on {state.sale.sale_ref}{held}")


# ---------------------------------------------------------------------------------------------- reads


def _sale_of(row: tuple[object, ...]) -> Sale:
    sale_ref, amount, currency, reason, cashier, created_at = row
    assert isinstance(amount, int) and isinstance(currency, str) and isinstance(created_at, str)
    return Sale(str(sale_ref), Money(amount, currency), str(reason), str(cashier), _parse(created_at))


def _sale_ref_of(journal: Journal, app_ref: str) -> str | None:
    row = (
        journal._live()
        .execute(
            "SELECT s.sale_ref FROM sale_tenders st JOIN sales s ON s.id = st.sale_id"
            " JOIN transactions t ON t.id = st.transaction_id WHERE t.app_ref = ?",
            (app_ref,),
        )
        .fetchone()
    )
    return None if row is None else str(row[0])


def sale_of(journal: Journal, app_ref: str) -> str | None:
    """The sale a tender belongs to (None for a payment made without a sale)."""
    with journal._lock:
        return _sale_ref_of(journal, app_ref)


def sale_state(journal: Journal, sale_ref: str) -> SaleState:
    """The sale with its tenders as they stand; ``TenderRefused`` when there is no such sale."""
    with journal._lock:
        conn = journal._live()
        row = conn.execute(
            "SELECT id, sale_ref, amount_minor, currency, reason, cashier, created_at FROM sales WHERE sale_ref = ?",
            (sale_ref,),
        ).fetchone()
        if row is None:
            raise TenderRefused(f"no sale {sale_ref} in the journal")
        sale_id, sale = row[0], _sale_of(row[1:])
        columns = ", ".join(f"t.{c}" for c in _TX_COLUMNS.split(", "))
        tenders = conn.execute(
            f"SELECT {columns}, st.given_minor,"
            " (SELECT coalesce(sum(r.amount_minor), 0) FROM transactions r WHERE r.parent_ref = t.app_ref"
            "  AND r.status = 'succeeded')"
            " FROM sale_tenders st JOIN transactions t ON t.id = st.transaction_id"
            " WHERE st.sale_id = ? ORDER BY st.id",
            (sale_id,),
        ).fetchall()
        void = conn.execute(
            "SELECT message FROM sale_events WHERE sale_id = ? AND type = 'voided' ORDER BY id LIMIT 1", (sale_id,)
        ).fetchone()
    currency = sale.amount.currency
    parts = tuple(
        Tender(
            _to_transaction(r[:-2]),
            None if r[-2] is None else Money(r[-2], currency),
            Money(r[-1], currency),
        )
        for r in tenders
    )
    return SaleState(sale, parts, voided=void is not None, void_reason="" if void is None else str(void[0]))


def sales_between(journal: Journal, since: datetime, until: datetime) -> Iterator[SaleState]:
    """Every sale opened in ``[since, until)``, oldest first."""
    with journal._lock:
        refs = [
            r[0]
            for r in journal._live().execute(
                "SELECT sale_ref FROM sales WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",
                (_stamp(since), _stamp(until)),
            )
        ]
    for ref in refs:
        yield sale_state(journal, ref)


def unfinished_tenders(journal: Journal) -> dict[str, str]:
    """The tenders still in flight (created, pending, awaiting a code, unknown), with their sale."""
    statuses = ",".join(f"'{s.value}'" for s in sorted(IN_FLIGHT))
    with journal._lock:
        rows = (
            journal._live()
            .execute(
                "SELECT t.app_ref, s.sale_ref FROM sale_tenders st JOIN sales s ON s.id = st.sale_id"
                f" JOIN transactions t ON t.id = st.transaction_id WHERE t.status IN ({statuses})"
            )
            .fetchall()
        )
    return {str(app_ref): str(sale_ref) for app_ref, sale_ref in rows}


def tenders_given(journal: Journal, app_refs: Iterable[str]) -> dict[str, tuple[str, Money | None]]:
    """For each tender among ``app_refs``: its sale and the cash given (exports, History)."""
    wanted = list(dict.fromkeys(app_refs))
    found: dict[str, tuple[str, Money | None]] = {}
    with journal._lock:
        conn = journal._live()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for app_ref, sale_ref, given, currency in conn.execute(
                "SELECT t.app_ref, s.sale_ref, st.given_minor, t.currency FROM sale_tenders st"
                " JOIN sales s ON s.id = st.sale_id JOIN transactions t ON t.id = st.transaction_id"
                f" WHERE t.app_ref IN ({marks})",
                chunk,
            ):
                found[app_ref] = (sale_ref, None if given is None else Money(given, currency))
    return found


__all__ = [
    "Sale",
    "SaleState",
    "Tender",
    "TenderRefused",
    "pay_out_cash",
    "receive_cash",
    "record_sale",
    "record_tender_intent",
    "return_cash",
    "sale_of",
    "sale_state",
    "sales_between",
    "tenders_given",
    "unfinished_tenders",
    "void_sale",
]
