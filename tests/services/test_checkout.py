"""Checkout: link and push payments, OTP, double clicks, refusals, lost answers, cancel and expiry."""

from __future__ import annotations

import asyncio

import pytest

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.sandbox.customer import Fault, FaultRule, Script
from posapp.services.common import ActionFailed
from posapp.services.events import OtpRequired, OutcomeUnknown, PaymentStarted, StatusChanged

from .conftest import PRIVATE_KEY, Harness

MTN = parse_mobile("677000001")
ORANGE = parse_mobile("699000001")
XAF = Money(1500, "XAF")


def provider_txn(h: Harness, app_ref: str):  # type: ignore[no-untyped-def]
    return next(t for t in h.state.transactions.values() if t.app_ref == app_ref)


async def test_link_payment_is_journaled_then_followed_until_paid(harness: Harness) -> None:
    h = harness
    started = await h.services.checkout.start_link_payment(XAF, "bread", cashier="ama")
    tx = started.transaction
    assert started.url.endswith(f"/payment/checkout/{tx.provider_ref}")
    assert tx.status is Status.PENDING and tx.cashier == "ama"
    assert [e.type for e in h.journal.timeline(tx.app_ref)] == ["intent", "sent"]
    assert isinstance(h.events.events[0], PaymentStarted)
    await h.time.advance(20)  # twenty seconds of "still pending" reads write nothing
    assert [e.type for e in h.journal.timeline(tx.app_ref)] == ["intent", "sent"]
    assert h.services.tracker.reads >= 12  # 3 s to 10 s every second, then every 2.5 s
    h.state.pay_checkout(tx.provider_ref or "", "677000002")
    await h.time.advance(2.5)
    done = h.journal.get(tx.app_ref)
    assert done is not None and done.status is Status.SUCCEEDED and done.operator == "CM_MOMO"
    assert done.fees == Money(23, "XAF")
    assert [e.type for e in h.journal.timeline(tx.app_ref)] == ["intent", "sent", "status_read"]
    changed = h.events.of(StatusChanged)
    assert [e.transaction.status for e in changed] == [Status.PENDING, Status.SUCCEEDED]
    assert not h.services.tracker.is_following(tx.app_ref)
    assert PRIVATE_KEY.encode() not in h.path.read_bytes() + h.path.with_name(h.path.name + "-wal").read_bytes()


async def test_mtn_push_is_pending_with_ussd_and_succeeds(harness: Harness) -> None:
    h = harness
    h.state.scripts.queue_next(Script.pay(after=7))
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, "phone", cashier="ama")
    assert pushed.transaction.status is Status.PENDING and pushed.ussd == "*126#" and not pushed.awaiting_otp
    await h.time.advance(6)
    assert h.journal.get(pushed.transaction.app_ref).status is Status.PENDING  # type: ignore[union-attr]
    await h.time.advance(2)
    assert h.journal.get(pushed.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]


async def test_orange_push_asks_for_the_otp_and_tells_a_wrong_code(harness: Harness) -> None:
    h = harness
    h.state.scripts.queue_next(Script.pay(after=3))
    pushed = await h.services.checkout.start_push_payment(XAF, ORANGE, cashier="ama")
    assert pushed.awaiting_otp and pushed.tries_left == 3
    assert h.events.of(OtpRequired)[-1].tries_left == 3
    app_ref = pushed.transaction.app_ref
    wrong = await h.services.checkout.submit_otp(app_ref, "000000")
    assert not wrong.accepted and wrong.tries_left == 2 and "Invalid authorization code" in wrong.message
    assert h.events.of(OtpRequired)[-1].tries_left == 2
    code = h.state.sms_to(ORANGE.national)[-1].code
    right = await h.services.checkout.submit_otp(app_ref, code)
    assert right.accepted and right.transaction.status is Status.PENDING and right.ussd == "#150*50#"
    await h.time.advance(4)
    assert h.journal.get(app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    text = h.path.read_bytes() + h.path.with_name(h.path.name + "-wal").read_bytes()
    assert code.encode() not in text  # the code never reaches the journal


async def test_three_wrong_codes_fail_the_payment(harness: Harness) -> None:
    h = harness
    pushed = await h.services.checkout.start_push_payment(XAF, ORANGE, cashier="ama")
    outcomes = [await h.services.checkout.submit_otp(pushed.transaction.app_ref, "111111") for _ in range(3)]
    assert [o.tries_left for o in outcomes] == [2, 1, 0]
    assert outcomes[-1].transaction.status is Status.FAILED
    assert provider_txn(h, pushed.transaction.app_ref).status == "FAILED"


async def test_double_click_starts_one_payment(harness: Harness) -> None:
    h = harness
    start = h.services.checkout.start_push_payment
    first, second = await asyncio.gather(start(XAF, MTN, "x", cashier="ama"), start(XAF, MTN, "x", cashier="ama"))
    assert first.transaction.app_ref == second.transaction.app_ref
    again = await start(XAF, MTN, "x", cashier="ama")
    assert again.transaction.app_ref == first.transaction.app_ref
    assert h.transport.count("/payin") == 1
    other = await start(XAF, MTN, "y", cashier="ama")  # another cart
    assert other.transaction.app_ref != first.transaction.app_ref
    await h.time.advance(11)
    later = await start(XAF, MTN, "x", cashier="ama")  # a new sale after the window
    assert later.transaction.app_ref != first.transaction.app_ref


async def test_nothing_sent_fails_and_the_cart_can_be_tried_again(harness: Harness) -> None:
    h = harness
    h.transport.refuse = lambda request: "/payin" in request.url.path
    with pytest.raises(ActionFailed) as failed:
        await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    assert failed.value.transaction is not None and failed.value.transaction.status is Status.FAILED
    h.transport.refuse = lambda request: False
    retried = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    assert retried.transaction.status is Status.PENDING


async def test_refused_push_shows_the_provider_message(harness: Harness) -> None:
    h = harness
    with pytest.raises(ActionFailed) as failed:
        await h.services.checkout.start_push_payment(Money(10, "EUR"), MTN, cashier="ama")
    assert "XAF" in failed.value.message


async def test_lost_answer_is_unknown_and_never_resent(harness: Harness) -> None:
    h = harness
    h.state.faults.add(FaultRule(Fault.HTTP_500, endpoint="payin", commit=True))
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    assert pushed.transaction.status is Status.UNKNOWN
    assert h.events.of(OutcomeUnknown)[-1].transaction.app_ref == pushed.transaction.app_ref
    await h.time.advance(30)
    assert h.transport.count("/payin") == 1


async def test_cancel_stops_waiting_but_a_late_success_wins(harness: Harness) -> None:
    h = harness
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    app_ref = pushed.transaction.app_ref
    canceled = await h.services.checkout.cancel(app_ref, "customer left", cashier="ama")
    assert canceled.status is Status.CANCELED
    assert h.journal.timeline(app_ref)[-1].message == "customer left"
    reads = h.services.tracker.reads
    await h.time.advance(30)
    assert h.services.tracker.reads == reads  # no longer polled every second
    h.state.approve(pushed.transaction.provider_ref or "")
    await h.time.advance(61)
    assert h.journal.get(app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    with pytest.raises(ActionFailed):
        await h.services.checkout.cancel(app_ref, "too late")


async def test_unanswered_payment_expires_and_a_later_success_still_counts(harness: Harness) -> None:
    h = harness
    h.state.timings.expiry = 3600  # the provider waits longer than the console
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    app_ref = pushed.transaction.app_ref
    await h.time.advance(h.settings.payment_expiry_s + 1)
    assert h.journal.get(app_ref).status is Status.EXPIRED  # type: ignore[union-attr]
    assert h.services.tracker.is_following(app_ref)
    h.state.approve(pushed.transaction.provider_ref or "")
    await h.time.advance(61)
    assert h.journal.get(app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    statuses = [e.transaction.status for e in h.events.of(StatusChanged)]
    assert statuses[-2:] == [Status.EXPIRED, Status.SUCCEEDED]
