"""Payouts and refunds: single-use approvals, sent once, unknown blocks, manager resolution, refund caps."""

from __future__ import annotations

import asyncio

import pytest

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Kind, Status, Transaction
from posapp.gateways.base import OutcomeUnknown as GatewayOutcomeUnknown
from posapp.gateways.base import StatusReport
from posapp.sandbox.customer import Fault, FaultRule, Script
from posapp.services.common import ActionFailed
from posapp.services.events import OutcomeUnknown
from posapp.services.payouts import PayoutBlocked

from .conftest import Harness

MTN = parse_mobile("677000001")
ORANGE = parse_mobile("699000001")
XAF = Money(2000, "XAF")


async def paid_push(h: Harness, amount: Money = XAF) -> str:
    h.state.scripts.queue_next(Script.pay(after=1))
    pushed = await h.services.checkout.start_push_payment(amount, MTN, "sale", cashier="ama")
    await h.time.advance(4)
    assert h.journal.get(pushed.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    return pushed.transaction.app_ref


async def test_payout_is_sent_once_and_followed_to_success(harness: Harness) -> None:
    h = harness
    approval = await h.services.payouts.approve("kofi", "payout", XAF)
    tx = await h.services.payouts.payout(XAF, MTN, None, "salary", approval)
    assert tx.status is Status.PENDING and tx.operator == "CM_MOMO" and tx.customer == MTN.e164
    await h.time.advance(4)
    assert h.journal.get(tx.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert h.journal.approval(approval.id).used_for == tx.app_ref  # type: ignore[union-attr]
    again = await h.services.payouts.payout(XAF, MTN, None, "salary", approval)  # the same click again
    assert again.app_ref == tx.app_ref and h.transport.count("/payout") == 1
    with pytest.raises(ActionFailed):  # the approval cannot serve another payout
        await h.services.payouts.payout(XAF, ORANGE, None, "other", approval)


async def test_concurrent_double_click_sends_one_post(harness: Harness) -> None:
    h = harness
    approval = await h.services.payouts.approve("kofi", "payout", XAF)
    pay = h.services.payouts.payout
    first, second = await asyncio.gather(pay(XAF, MTN, None, "x", approval), pay(XAF, MTN, None, "x", approval))
    assert first.app_ref == second.app_ref and h.transport.count("/payout") == 1


async def test_approval_for_another_amount_is_refused(harness: Harness) -> None:
    h = harness
    approval = await h.services.payouts.approve("kofi", "payout", Money(100, "XAF"))
    with pytest.raises(ActionFailed, match="approval"):
        await h.services.payouts.payout(XAF, MTN, None, "x", approval)
    assert h.transport.count("/payout") == 0


async def test_unknown_blocks_the_same_payout_until_a_manager_resolves_it(harness: Harness) -> None:
    h = harness
    h.state.faults.add(FaultRule(Fault.CONNECTION_RESET, endpoint="payout"))
    approval = await h.services.payouts.approve("kofi", "payout", XAF)
    tx = await h.services.payouts.payout(XAF, MTN, None, "x", approval)
    assert tx.status is Status.UNKNOWN
    assert h.events.of(OutcomeUnknown)[-1].transaction.app_ref == tx.app_ref
    await h.time.advance(60)
    assert h.transport.count("/payout") == 1  # never resent
    second = await h.services.payouts.approve("kofi", "payout", XAF)
    with pytest.raises(PayoutBlocked):
        await h.services.payouts.payout(XAF, MTN, None, "again", second)
    assert (await h.services.payouts.blocking_unknown(MTN, XAF)) is not None
    other = await h.services.payouts.approve("kofi", "payout", Money(2500, "XAF"))
    assert (await h.services.payouts.payout(Money(2500, "XAF"), MTN, None, "other", other)).status is Status.PENDING
    resolve = await h.services.payouts.approve("kofi", "resolve", XAF)
    resolved = await h.services.payouts.resolve_unknown(tx.app_ref, Status.SUCCEEDED, resolve, "seen on dashboard")
    assert resolved.status is Status.SUCCEEDED
    with pytest.raises(ActionFailed):
        await h.services.payouts.resolve_unknown(tx.app_ref, Status.FAILED, resolve)
    third = await h.services.payouts.approve("kofi", "payout", XAF)
    assert (await h.services.payouts.payout(XAF, MTN, None, "again", third)).status is Status.PENDING


async def test_unknown_with_a_reference_is_resolved_by_status_reads(harness: Harness) -> None:
    h = harness
    inner = h.gateway.payout

    async def lost_answer(*args: object, **kwargs: object) -> StatusReport:
        report = await inner(*args, **kwargs)  # type: ignore[arg-type]
        raise GatewayOutcomeUnknown("unreadable", provider_ref=report.provider_ref)

    h.gateway.payout = lost_answer  # type: ignore[method-assign]
    approval = await h.services.payouts.approve("kofi", "payout", XAF)
    tx = await h.services.payouts.payout(XAF, MTN, None, "x", approval)
    assert tx.status is Status.UNKNOWN and tx.provider_ref
    await h.time.advance(5)
    assert h.journal.get(tx.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]


async def test_refund_goes_to_the_payer_and_is_capped(harness: Harness) -> None:
    h = harness
    payment = await paid_push(h)
    assert await h.services.payouts.refundable(payment) == XAF
    approval = await h.services.payouts.approve("kofi", "refund", Money(500, "XAF"))
    refund = await h.services.payouts.refund(payment, Money(500, "XAF"), "damaged", approval)
    assert refund.parent_ref == payment and refund.customer == MTN.e164 and refund.operator == "CM_MOMO"
    sandbox = next(t for t in h.state.transactions.values() if t.app_ref == refund.app_ref)
    assert (sandbox.type, sandbox.phone, sandbox.operator) == ("PAYOUT", MTN.national, "CM_MOMO")
    await h.time.advance(4)
    assert h.journal.get(payment).status is Status.PARTIALLY_REFUNDED  # type: ignore[union-attr]
    big = await h.services.payouts.approve("kofi", "refund", XAF)
    with pytest.raises(ActionFailed, match="at most 1500 XAF"):
        await h.services.payouts.refund(payment, XAF, "too much", big)


async def test_refund_of_a_link_payment_uses_the_number_that_paid(harness: Harness) -> None:
    h = harness
    link = await h.services.checkout.start_link_payment(XAF, "sale", cashier="ama")
    h.state.pay_checkout(link.transaction.provider_ref or "", ORANGE.national)
    await h.time.advance(4)
    approval = await h.services.payouts.approve("kofi", "refund", XAF)
    refund = await h.services.payouts.refund(link.transaction.app_ref, XAF, "returned", approval)
    assert refund.customer == ORANGE.e164 and refund.operator == "CM_OM"


async def test_another_providers_payment_is_never_refunded_through_this_one(harness: Harness) -> None:
    h = harness
    other = h.journal.record_intent(
        Transaction("PAY-CP-1", Kind.PUSH_PAYMENT, "coolpay", XAF, customer=MTN.e164, reason="card sale"), "cashier:ama"
    )
    h.journal.append_event(other.app_ref, type="sent", status=Status.PENDING, actor="system", provider_ref="cp-1")
    h.journal.append_event(other.app_ref, type="status_read", status=Status.SUCCEEDED, actor="system")
    approval = await h.services.payouts.approve("kofi", "refund", XAF)
    with pytest.raises(ActionFailed, match="paid through coolpay, not mycoolpay"):
        await h.services.payouts.refund(other.app_ref, XAF, "returned", approval)
    assert h.transport.count("/payout") == 0
    assert h.journal.approval(approval.id).used_at is None  # type: ignore[union-attr]
    assert h.journal.get(other.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
