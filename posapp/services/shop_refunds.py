"""Refunding a sale another counter took: decided by the shop store before anything leaves this machine.

The customer comes back to whichever counter; the sale is in another terminal's journal, so only the
shop store can say what is still refundable. The refund's claim is written there first
(``posapp.claim_refund``: a PostgreSQL transaction holding the sale's row lock, so two managers at two
counters refunding the same sale at the same moment refund at most what was paid). Only an accepted
claim is followed by the money going out, through the payout service (intent first, sent once).

In this counter's journal the refund is a payout to the payer (its reason names the sale and its
counter): the journal's refunds must name a payment of its own, and this one is not. The store links
it to the sale through the claim, whose reference is the payout's.

Offline there is no cross-counter refund: the other counter's journal holds the truth and cannot be
asked; the manager is told so, and nothing is sent.

API::

    await refund_other_counter(payouts, connect, own_terminal, sale, amount, reason, approval) -> Transaction
        approval: a manager's approval for operation "payout" of ``amount``
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from posapp.core.money import Money
from posapp.core.phone import PhoneError, parse_mobile
from posapp.core.transactions import Status, Transaction
from posapp.gateways.base import Capability
from posapp.journal.store import Approval
from posapp.services.common import ActionFailed
from posapp.services.payouts import PayoutBlocked, PayoutService, app_ref_for
from posapp.shop.reads import ShopRow
from posapp.shop.store import RefundClaim, ShopStore, StoreError, StoreUnreachable

T = TypeVar("T")
_PAID = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED})


async def refund_other_counter(
    payouts: PayoutService,
    connect: Callable[[], ShopStore],
    own_terminal: str,
    sale: ShopRow,
    amount: Money,
    reason: str,
    approval: Approval,
) -> Transaction:
    """Refund ``amount`` of another counter's ``sale`` to its payer; see the module docstring."""
    payment = sale.transaction
    if sale.terminal_id == own_terminal:
        raise ActionFailed(f"{payment.app_ref} was taken at this counter: refund it from History")
    if not payment.kind.is_payment or payment.status not in _PAID:
        raise ActionFailed(f"{payment.app_ref} is not a paid sale", transaction=payment)
    gateway = payouts._gateway
    if payment.provider != gateway.name:
        raise ActionFailed(
            f"{payment.app_ref} was paid through {payment.provider}, not {gateway.name}: only it can refund it",
            transaction=payment,
        )
    if gateway.capabilities & Capability.REFUND:
        raise ActionFailed(f"{payment.app_ref} is a card payment: refund it at {sale.counter}", transaction=payment)
    if amount.currency != payment.amount.currency or amount.minor <= 0 or amount > payment.amount:
        raise ActionFailed(f"a refund of {payment.app_ref} is between 1 and {payment.amount}", transaction=payment)
    refund_ref = app_ref_for("PO", approval)  # what payout() will call it: the claim names it
    who = f"manager:{approval.manager}"

    def read_phone() -> str | None:
        with connect() as store:
            return store.payer_phone(sale.terminal_id, payment.app_ref)

    def claim() -> RefundClaim:
        with connect() as store:
            return store.claim_refund(
                terminal_id=own_terminal, refund_ref=refund_ref, sale_terminal_id=sale.terminal_id,
                sale_ref=payment.app_ref, amount_minor=amount.minor, currency=amount.currency, claimed_by=who,
            )  # fmt: skip

    phone_text = await _ask_store(read_phone, sale.counter)
    if phone_text is None:
        raise ActionFailed(f"the number that paid {payment.app_ref} is not known: refund it as a payout")
    try:
        phone = parse_mobile(phone_text)
    except PhoneError as exc:
        raise ActionFailed(f"the payer's number {phone_text} cannot receive a refund: {exc}") from None
    # Checked before the claim: a claim whose payout is then blocked would hold its amount for nothing.
    blocker = await payouts.blocking_unknown(phone, amount)
    if blocker is not None:
        raise PayoutBlocked(blocker)
    answer = await _ask_store(claim, sale.counter)
    if not answer.accepted:
        left = Money(answer.left_minor, amount.currency)
        why = {
            "over_refund": f"refunds across the shop leave at most {left} to refund on {payment.app_ref}",
            "not_paid": f"the shop store does not see {payment.app_ref} as paid",
            "unknown_sale": f"the shop store does not hold {payment.app_ref}",
        }.get(answer.reason, f"the shop store refused ({answer.reason})")
        raise ActionFailed(f"Not refunded: {why}. Nothing was sent.", transaction=payment)
    note = f"Refund of {payment.app_ref} ({sale.counter})" + (f": {reason}" if reason else "")
    return await payouts.payout(amount, phone, None, note, approval)


async def _ask_store(question: Callable[[], T], counter: str) -> T:
    """``question()`` on a worker thread, the store's failures in the manager's words."""
    try:
        return await asyncio.to_thread(question)
    except StoreUnreachable as exc:
        raise ActionFailed(
            f"A sale of {counter} is refunded only while the shop store can be reached ({exc}). "
            "Nothing was sent; the customer can be refunded at that counter."
        ) from None
    except StoreError as exc:
        raise ActionFailed(f"The shop store cannot approve this refund now: {exc} Nothing was sent.") from None


__all__ = ["refund_other_counter"]
