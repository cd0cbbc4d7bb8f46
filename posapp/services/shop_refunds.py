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

from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.phone import PhoneError, parse_mobile
from posapp.core.transactions import Status, Transaction
from posapp.gateways.base import Capability
from posapp.journal.store import Approval
from posapp.services.common import ActionFailed, failed_because
from posapp.services.payouts import PayoutBlocked, PayoutService, app_ref_for
from posapp.shop.errors import ShopRefundRefused, StoreError, StoreUnreachable
from posapp.shop.reads import ShopRow
from posapp.shop.store import RefundClaim, ShopStore

T = TypeVar("T")

# The store's reasons for refusing a claim, as the manager is told them (templates the console translates).
CLAIM_REFUSALS = {
    "over_refund": "Not refunded: refunds across the shop leave at most {left} to refund on {ref}. Nothing was sent.",
    "not_paid": "Not refunded: the shop store does not see {ref} as paid. Nothing was sent.",
    "unknown_sale": "Not refunded: the shop store does not hold {ref}. Nothing was sent.",
}
CLAIM_REFUSED = "Not refunded: the shop store refused. Nothing was sent."
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
    ref = payment.app_ref
    if sale.terminal_id == own_terminal:
        raise _refused("{ref} was taken at this counter: refund it from History.", ref=ref)
    if not payment.kind.is_payment or payment.status not in _PAID:
        raise _refused("{ref} is not a paid sale.", transaction=payment, ref=ref)
    if payment.provider == CASH:
        # Its cash is in that counter's drawer and its refunds in that counter's journal alone: only there is
        # the cap of a cash tender known (the store does not claim cash), and only there is the cash.
        raise _refused(
            "{ref} was paid in cash at {counter}: it is handed back from that counter's drawer.",
            transaction=payment,
            ref=ref,
            counter=sale.counter,
        )
    gateway = payouts._gateway
    if payment.provider != gateway.name:
        raise _refused(
            "{ref} was paid through {provider}, not {current}: only it can refund it.",
            transaction=payment,
            ref=ref,
            provider=payment.provider,
            current=gateway.name,
        )
    if gateway.capabilities & Capability.REFUND:
        raise _refused(
            "{ref} is a card payment: refund it at {counter}.", transaction=payment, ref=ref, counter=sale.counter
        )
    if amount.currency != payment.amount.currency or amount.minor <= 0 or amount > payment.amount:
        raise _refused(
            "A refund of {ref} is between 1 and {amount}.", transaction=payment, ref=ref, amount=payment.amount
        )
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
        raise _refused("The number that paid {ref} is not known: refund it as a payout.", ref=ref)
    try:
        phone = parse_mobile(phone_text)
    except PhoneError as exc:
        raise _refused(
            "The payer's number {phone} cannot receive a refund.", phone=phone_text, detail=str(exc)
        ) from None
    # Checked before the claim: a claim whose payout is then blocked would hold its amount for nothing.
    blocker = await payouts.blocking_unknown(phone, amount)
    if blocker is not None:
        raise PayoutBlocked(blocker)
    answer = await _ask_store(claim, sale.counter)
    if not answer.accepted:
        left = Money(answer.left_minor, amount.currency)
        why = CLAIM_REFUSALS.get(answer.reason, CLAIM_REFUSED)
        raise _refused(why, transaction=payment, detail=answer.reason, ref=ref, left=left)
    note = f"Refund of {payment.app_ref} ({sale.counter})" + (f": {reason}" if reason else "")
    return await payouts.payout(amount, phone, None, note, approval)


async def _ask_store(question: Callable[[], T], counter: str) -> T:
    """``question()`` on a worker thread, the store's failures in the manager's words."""
    try:
        return await asyncio.to_thread(question)
    except StoreUnreachable as exc:
        raise _refused(
            "A sale of {counter} is refunded only while the shop store can be reached. Nothing was sent; the "
            "customer can be refunded at that counter.",
            counter=counter,
            detail=str(exc),
        ) from None
    except StoreError as exc:
        raise _refused("The shop store cannot approve this refund now. Nothing was sent.", detail=str(exc)) from None


def _refused(
    template: str, *, transaction: Transaction | None = None, detail: str = "", **params: object
) -> ActionFailed:
    """The action's refusal, its words a template the console translates (``ShopRefundRefused`` as the cause)."""
    words = ShopRefundRefused(template, detail=detail, **params)
    return failed_because(words, transaction=transaction)


__all__ = ["refund_other_counter"]
