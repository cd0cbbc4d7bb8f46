"""The till: sales paid in cash, by QR or push, or split between several tenders; the drawer's float and count.

Journal first, as for every payment. A sale is opened with what is due (``open_sale``); each tender then
pays a part of it:

- **cash** (``pay_cash``): what the customer handed over pays at most what is still open; the rest is the
  change. The tender is written and received in one SQLite transaction (``journal.sales.receive_cash``),
  never sent to a provider, and only then is the drawer kicked open (``kick_drawer``, the printer's pulse);
- **QR or push** (``pay_by_link``, ``pay_by_push``): ``CheckoutService`` starts it as any payment, its
  intent linked to the sale in the same transaction, so the discipline of ``recording.AnswerRecorder``
  holds for that part (an answer the journal refused is kept and written again; an unknown push is never
  sent again). A failed part leaves its amount open; an unknown or pending part holds its amount until
  its outcome is known, so it is never paid twice.

The sale is paid when its tenders cover it (``SaleState.is_paid``); ``SaleChanged`` is published with the
sale's state each time a tender is added or one of its tenders changes status.

Refunds name their tender (``refund_tender``): a cash tender's is handed back from the drawer (recorded
and succeeded at once, the drawer kicked), a mobile tender's goes through ``PayoutService.refund`` (a
payout to the payer, or the provider's refund); each is capped at what is left on that tender.

The drawer, per cashier: ``record_float`` at the start of a shift, ``count_drawer`` at its end (a total
or by note and coin), ``open_drawer`` without a sale (recorded with who and why, then kicked), and
``pay_out_cash`` for money taken out of it. The end-of-day figures are ``journal.reports.drawer_counts``.

API (``cashier`` is the signed-in user's name; actors are journaled as ``cashier:<name>``/``manager:<name>``)::

    SaleService(journal: SerialJournal, checkout, payouts, bus, *, clock=None, kick_drawer=None, currency="XAF")
    await start()                               know the unfinished tenders of an earlier session
    await open_sale(amount, reason="", *, cashier) -> SaleState
    await state(sale_ref) -> SaleState          await sale_of(app_ref) -> str | None
    await pay_cash(sale_ref, given, *, cashier, amount=None) -> CashReceived
    await cash_sale(amount, given, reason="", *, cashier) -> CashReceived
    await pay_by_link(sale_ref, amount=None, customer=None, *, cashier) -> LinkPayment
    await pay_by_push(sale_ref, phone, amount=None, *, cashier) -> PushPayment
    await refundable(tender_ref) -> Money
    await refund_tender(tender_ref, amount, reason, approval, *, cashier) -> Transaction
    await void(sale_ref, reason, *, cashier) -> SaleState
    await pay_out_cash(amount, reason, approval, *, cashier) -> Transaction
    await record_float(cashier, amount, *, by) -> DrawerEvent
    await count_drawer(cashier, *, by, total=None, pieces=None, currency=None, note="") -> DrawerEvent
    await open_drawer(cashier, reason, *, by) -> DrawerEvent
    await aclose()
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from posapp.core.cash import CASH, CashError, applied_and_change
from posapp.core.money import Money
from posapp.core.phone import MobileNumber
from posapp.core.transactions import Kind, Transaction
from posapp.journal import drawer, sales
from posapp.journal.drawer import DrawerEvent
from posapp.journal.sales import Sale, SaleState, TenderRefused
from posapp.journal.store import Approval, ApprovalError, Journal, JournalError, RefundRefused
from posapp.services.checkout import CheckoutService, LinkPayment, PushPayment
from posapp.services.common import (
    NO_SUCH_PAYMENT,
    OVER_REFUND,
    ActionFailed,
    actor,
    before_sending,
    failed_because,
    new_app_ref,
)
from posapp.services.events import Event, EventBus, PaymentStarted, StatusChanged
from posapp.services.payouts import PayoutService, app_ref_for
from posapp.services.serial_journal import SerialJournal
from posapp.services.tracker import utc_now

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# Kicks the cash drawer open (the printer's pulse), saying why: "cash" (cash taken or handed back) or
# "open" (opened without a sale); it must not block: the print queue runs it.
DrawerKick = Callable[[str], None]


# A tender not settled yet holds its part of the sale: nothing else is taken for it, and the sale is not voided.
IN_FLIGHT = "A payment of {amount} on this sale is not settled yet: wait for its outcome."


@dataclass(frozen=True, slots=True)
class SaleChanged(Event):
    """A sale's state after a tender was added or one of its tenders changed status."""

    state: SaleState


@dataclass(frozen=True, slots=True)
class DrawerChanged(Event):
    """A float, count or opening of the drawer was recorded."""

    event: DrawerEvent


@dataclass(frozen=True, slots=True)
class CashReceived:
    """A cash tender received: ``change`` goes back to the customer; ``sale`` is the state after it."""

    tender: Transaction
    given: Money
    change: Money
    sale: SaleState


class SaleService:
    """Sales with cash and mobile tenders, their refunds, and the drawer; see the module docstring."""

    def __init__(
        self,
        journal: SerialJournal,
        checkout: CheckoutService,
        payouts: PayoutService,
        bus: EventBus,
        *,
        clock: Clock | None = None,
        kick_drawer: DrawerKick | None = None,
        currency: str = "XAF",
    ) -> None:
        self._journal = journal
        self.currency = currency  # the shop's: a count by note and coin is in it unless told otherwise
        self._checkout = checkout
        self._payouts = payouts
        self._bus = bus
        self._clock = clock or utc_now
        self.kick_drawer = kick_drawer
        self._tasks: set[asyncio.Task[None]] = set()
        self._locks: dict[str, asyncio.Lock] = {}
        # The mobile tenders of this session (and those resumed unfinished) with their sale: a status
        # change of any other payment costs no journal read.
        self._tender_sales: dict[str, str] = {}
        self._unsubscribe = bus.subscribe(StatusChanged, self._on_status_changed)
        self._closed = False

    # ------------------------------------------------------------------------------------ sales

    async def open_sale(self, amount: Money, reason: str = "", *, cashier: str) -> SaleState:
        """Write what is due; the tenders come after."""
        if amount.minor <= 0:
            raise ActionFailed("A sale is for an amount above zero.")
        sale = Sale(new_app_ref("SALE", self._clock()), amount, " ".join(reason.split()), cashier)
        await before_sending(self._journal.call(sales.record_sale, sale, actor("cashier", cashier)))
        return await self.state(sale.sale_ref)

    async def state(self, sale_ref: str) -> SaleState:
        try:
            return await self._journal.call(sales.sale_state, sale_ref)
        except TenderRefused as exc:
            raise ActionFailed("This sale is not in this counter's journal.", cause=exc, detail=sale_ref) from None

    async def sale_of(self, app_ref: str) -> str | None:
        """The sale a payment is a tender of (None for a payment made alone)."""
        return await self._journal.call(sales.sale_of, app_ref)

    def _lock(self, sale_ref: str) -> asyncio.Lock:
        return self._locks.setdefault(sale_ref, asyncio.Lock())

    async def pay_cash(self, sale_ref: str, given: Money, *, cashier: str, amount: Money | None = None) -> CashReceived:
        """Take ``given`` in cash toward the sale (toward ``amount`` of it when the rest is paid otherwise).

        What is applied is at most what is still open; the change is the rest of ``given``.
        """
        async with self._lock(sale_ref):
            state = await self.state(sale_ref)
            due = _check_tender(state, amount)
            try:
                applied, change = applied_and_change(due, given)
            except CashError as exc:
                raise failed_because(exc) from None
            intent = Transaction(
                app_ref=new_app_ref("CASH", self._clock()),
                kind=Kind.CASH_PAYMENT,
                provider=CASH,
                amount=applied,
                reason=state.sale.reason,
                cashier=cashier,
            )
            try:
                tender = await before_sending(
                    self._journal.call(sales.receive_cash, sale_ref, intent, given, actor("cashier", cashier))
                )
            except TenderRefused as exc:
                raise failed_because(exc) from None
            self._bus.publish(PaymentStarted(tender))
            self._bus.publish(StatusChanged(tender, old=intent.status, message="received in cash"))
            self._kick("cash")
            after = await self.state(sale_ref)
        self._bus.publish(SaleChanged(after))
        return CashReceived(tender, given, change, after)

    async def cash_sale(self, amount: Money, given: Money, reason: str = "", *, cashier: str) -> CashReceived:
        """A sale paid all in cash: opened and paid at once (``ActionFailed`` when ``given`` is short)."""
        if given.currency == amount.currency and given < amount:
            raise ActionFailed(
                "The cash given, {given}, does not cover {amount}: take the rest another way.",
                given=given,
                amount=amount,
            )
        state = await self.open_sale(amount, reason, cashier=cashier)
        return await self.pay_cash(state.sale.sale_ref, given, cashier=cashier)

    async def _mobile_amount(self, sale_ref: str, amount: Money | None) -> tuple[SaleState, Money]:
        state = await self.state(sale_ref)
        return state, _check_tender(state, amount)

    async def pay_by_link(
        self, sale_ref: str, amount: Money | None = None, customer: MobileNumber | None = None, *, cashier: str
    ) -> LinkPayment:
        """A QR payment of ``amount`` (default: all that is open) as a tender of the sale."""
        async with self._lock(sale_ref):
            state, wanted = await self._mobile_amount(sale_ref, amount)
            started = await self._checkout.start_link_payment(
                wanted, state.sale.reason, customer, cashier=cashier, sale_ref=sale_ref
            )
            self._tender_sales[started.transaction.app_ref] = sale_ref
        self._publish_later(sale_ref)
        return started

    async def pay_by_push(
        self, sale_ref: str, phone: MobileNumber, amount: Money | None = None, *, cashier: str
    ) -> PushPayment:
        """A push of ``amount`` (default: all that is open) to ``phone`` as a tender of the sale."""
        async with self._lock(sale_ref):
            state, wanted = await self._mobile_amount(sale_ref, amount)
            pushed = await self._checkout.start_push_payment(
                wanted, phone, state.sale.reason, cashier=cashier, sale_ref=sale_ref
            )
            self._tender_sales[pushed.transaction.app_ref] = sale_ref
        self._publish_later(sale_ref)
        return pushed

    async def void(self, sale_ref: str, reason: str, *, cashier: str) -> SaleState:
        """Give up an unpaid sale whose paid parts were handed back (``ActionFailed`` otherwise)."""
        if not " ".join(reason.split()):
            raise ActionFailed("Say why the sale is voided.")
        async with self._lock(sale_ref):
            _check_voidable(await self.state(sale_ref))
            try:
                state = await before_sending(
                    self._journal.call(sales.void_sale, sale_ref, actor("cashier", cashier), reason)
                )
            except TenderRefused as exc:
                raise failed_because(exc) from None
        self._bus.publish(SaleChanged(state))
        return state

    # ------------------------------------------------------------------------------------ refunds

    async def refundable(self, tender_ref: str) -> Money:
        """What may still be refunded on one tender."""
        return await self._payouts.refundable(tender_ref)

    async def refund_tender(
        self, tender_ref: str, amount: Money, reason: str, approval: Approval, *, cashier: str
    ) -> Transaction:
        """Refund ``amount`` of one tender the way it was paid: cash from the drawer, a mobile part through
        the provider (``PayoutService.refund``); capped at what is left on that tender."""
        payment = await self._journal.call(Journal.get, tender_ref)
        if payment is None or not payment.kind.is_payment:
            raise ActionFailed(NO_SUCH_PAYMENT, detail=tender_ref)
        if payment.kind is not Kind.CASH_PAYMENT:
            return await self._payouts.refund(tender_ref, amount, reason, approval)
        left = await self.refundable(tender_ref)
        if amount > left:
            raise ActionFailed(OVER_REFUND, transaction=payment, left=left)
        refund = Transaction(
            app_ref=app_ref_for("RFC", approval),
            kind=Kind.REFUND,
            provider=CASH,
            amount=amount,
            reason=" ".join(reason.split()),
            parent_ref=tender_ref,
            cashier=cashier,  # whose drawer the cash leaves
        )
        try:
            tx = await before_sending(
                self._journal.call(
                    sales.return_cash, refund, actor("manager", approval.manager), approval_id=approval.id
                )
            )
        except (ApprovalError, RefundRefused, JournalError) as exc:
            raise failed_because(exc) from None
        self._bus.publish(PaymentStarted(tx))
        self._bus.publish(StatusChanged(tx, old=refund.status, message="handed back in cash"))
        self._kick("cash")
        return tx

    async def pay_out_cash(self, amount: Money, reason: str, approval: Approval, *, cashier: str) -> Transaction:
        """Cash taken out of ``cashier``'s drawer for a payout; a manager's ``payout`` approval is used up."""
        if not " ".join(reason.split()):
            raise ActionFailed("Say what the cash is paid out for.")
        payout = Transaction(
            app_ref=app_ref_for("POC", approval),
            kind=Kind.PAYOUT,
            provider=CASH,
            amount=amount,
            reason=" ".join(reason.split()),
            cashier=cashier,
        )
        try:
            tx = await before_sending(
                self._journal.call(
                    sales.pay_out_cash, payout, actor("manager", approval.manager), approval_id=approval.id
                )
            )
        except (ApprovalError, JournalError) as exc:
            raise failed_because(exc) from None
        self._bus.publish(PaymentStarted(tx))
        self._kick("cash")
        return tx

    # ------------------------------------------------------------------------------------ the drawer

    async def record_float(self, cashier: str, amount: Money, *, by: str) -> DrawerEvent:
        """The opening float of ``cashier``'s shift; ``by`` is the journal actor (``cashier:ama``)."""
        if amount.minor < 0:
            raise ActionFailed("The opening float is zero or more.")
        return await self._drawer(drawer.record_float, cashier, amount, by)

    async def count_drawer(
        self,
        cashier: str,
        *,
        by: str,
        total: Money | None = None,
        pieces: Mapping[int, int] | None = None,
        currency: str | None = None,
        note: str = "",
    ) -> DrawerEvent:
        """The count of ``cashier``'s drawer: a total, or by note and coin."""
        if pieces is not None and currency is None:
            currency = total.currency if total is not None else self.currency
        return await self._drawer(
            drawer.record_count, cashier, by, total=total, pieces=pieces, currency=currency, reason=note
        )

    async def open_drawer(self, cashier: str, reason: str, *, by: str) -> DrawerEvent:
        """Open the drawer without a sale: recorded first (who and why), then kicked."""
        event = await self._drawer(drawer.record_opening, cashier, by, reason)
        self._kick("open")
        return event

    async def _drawer(self, write: Callable[..., DrawerEvent], *args: object, **kwargs: object) -> DrawerEvent:
        try:
            event = await before_sending(self._journal.call(write, *args, **kwargs))
        except (CashError, JournalError) as exc:
            raise failed_because(exc) from None
        self._bus.publish(DrawerChanged(event))
        return event

    def _kick(self, why: str) -> None:
        if self.kick_drawer is None:
            return
        try:
            self.kick_drawer(why)
        except Exception:  # a broken printer never undoes a recorded payment
            log.exception("the cash drawer could not be kicked")

    # ------------------------------------------------------------------------------------ events

    async def start(self) -> None:
        """Know the unfinished mobile tenders left by an earlier session, to tell their sales' changes."""
        self._tender_sales.update(await self._journal.call(sales.unfinished_tenders))

    def _on_status_changed(self, event: StatusChanged) -> None:
        sale_ref = self._tender_sales.get(event.transaction.app_ref)
        if sale_ref is None or self._closed:
            return
        self._spawn(self._publish_state(sale_ref))

    def _publish_later(self, sale_ref: str) -> None:
        self._spawn(self._publish_state(sale_ref))

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            task = asyncio.get_running_loop().create_task(coro)
        except RuntimeError:  # no loop any more: the console is closing
            coro.close()
            return
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish_state(self, sale_ref: str) -> None:
        try:
            state = await self._journal.call(sales.sale_state, sale_ref)
        except Exception:
            log.exception("the state of sale %s could not be read", sale_ref)
            return
        self._bus.publish(SaleChanged(state))

    async def aclose(self) -> None:
        """Stop following tenders' changes; idempotent."""
        if self._closed:
            return
        self._closed = True
        self._unsubscribe()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


def _check_tender(state: SaleState, amount: Money | None) -> Money:
    """What a new tender of ``amount`` (None: all that is open) takes; refused in words when the sale cannot take it.

    The journal checks the same when it records the tender; asked first, the person at the till reads why.
    """
    if state.voided:
        raise ActionFailed("This sale was voided: nothing more is taken for it.")
    if amount is not None and amount.currency != state.sale.amount.currency:
        raise ActionFailed(
            "This sale is in {currency}, not {other}.", currency=state.sale.amount.currency, other=amount.currency
        )
    if state.open_amount.minor <= 0:
        if state.in_flight.minor:
            raise ActionFailed(IN_FLIGHT, amount=state.in_flight)
        raise ActionFailed("Nothing is left to pay on this sale.")
    if amount is not None and amount.minor <= 0:
        raise ActionFailed("Enter an amount above zero.")
    if amount is not None and amount > state.open_amount:
        raise ActionFailed("Not taken: at most {amount} is still to pay on this sale.", amount=state.open_amount)
    return state.open_amount if amount is None else amount


def _check_voidable(state: SaleState) -> None:
    """Refuse in words what ``journal.sales.void_sale`` refuses: a paid sale, a part in flight, a paid part kept."""
    if state.voided:
        return
    if state.is_paid:
        raise ActionFailed("This sale is paid: refund its payments instead of voiding it.")
    for tender in state.tenders:
        paid = tender.transaction.amount
        if tender.in_flight:
            raise ActionFailed(IN_FLIGHT, amount=paid)
        kept = paid - (tender.refunded or Money.zero(paid.currency))
        if tender.paid and kept.minor > 0:
            raise ActionFailed(
                "Not voided: {amount} paid on this sale is not handed back yet. Refund it first.", amount=kept
            )
