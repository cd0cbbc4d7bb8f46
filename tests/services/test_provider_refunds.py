"""Refunds through the card providers' own refund APIs (CoolPay, Paiwise, Commerce Layer), over their emulators."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from posapp.core.transactions import Kind, Status
from posapp.sandbox.customer import Fault
from posapp.services.common import ActionFailed
from posapp.services.events import OutcomeUnknown
from posapp.services.payouts import PayoutBlocked

from .card_harness import CARD_PROVIDERS, REFUND_ENDPOINTS, CardHarness, open_card


@pytest.fixture(params=CARD_PROVIDERS)
async def card(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[CardHarness]:
    async with open_card(tmp_path, request.param) as h:
        yield h


async def captured_payment(h: CardHarness) -> tuple[str, int]:
    """A payment of 50.00 authorized, then captured: 30.00 (all of it on Paiwise). (app_ref, captured minor)."""
    app_ref = await h.authorized_payment(5000)
    part = None if h.provider == "paiwise" else h.money(3000)
    outcome = await h.services.checkout.capture(app_ref, part, cashier="ama")
    assert outcome.transaction.status is Status.SUCCEEDED
    assert outcome.captured is not None
    return app_ref, outcome.captured.minor


async def test_captured_in_part_then_refunded_in_part(card: CardHarness) -> None:
    h = card
    app_ref, captured = await captured_payment(h)
    payouts = h.services.payouts
    assert await payouts.provider_refundable(app_ref) == h.money(captured)
    approval = await payouts.approve("kofi", "refund", h.money(1000))
    refund = await payouts.refund(app_ref, h.money(1000), "customer returned an item", approval)
    assert refund.kind is Kind.REFUND and refund.parent_ref == app_ref and refund.status is Status.SUCCEEDED
    assert refund.customer is None, "a card refund goes back to the card, not to a phone"
    assert h.sent("refund") == 1 and h.sent("payout") == 0
    assert h.journal.get(app_ref).status is Status.PARTIALLY_REFUNDED  # type: ignore[union-attr]
    assert h.journal.approval(approval.id).used_for == refund.app_ref  # type: ignore[union-attr]
    assert [e.type for e in h.journal.timeline(refund.app_ref)] == ["intent", "sent"]
    assert await payouts.provider_refundable(app_ref) == h.money(captured - 1000)
    again = await payouts.refund(app_ref, h.money(1000), "customer returned an item", approval)  # the same click
    assert again.app_ref == refund.app_ref and h.sent("refund") == 1


async def test_refund_above_the_refundable_amount_is_refused(card: CardHarness) -> None:
    h = card
    app_ref, captured = await captured_payment(h)
    payouts = h.services.payouts
    first = await payouts.approve("kofi", "refund", h.money(1000))
    await payouts.refund(app_ref, h.money(1000), "part", first)
    left = captured - 1000
    too_much = h.money(left + 500)
    approval = await payouts.approve("kofi", "refund", too_much)
    with pytest.raises(ActionFailed, match="at most") as refused:
        await payouts.refund(app_ref, too_much, "too much", approval)
    assert str(h.money(left)) in str(refused.value)
    assert h.sent("refund") == 1, "refused before anything was sent"
    assert h.journal.approval(approval.id).used_at is None, "the approval is still usable"  # type: ignore[union-attr]
    rest = await payouts.approve("kofi", "refund", h.money(left))
    last = await payouts.refund(app_ref, h.money(left), "the rest", rest)
    assert last.status is Status.SUCCEEDED
    # everything captured is refunded: the payment is REFUNDED even when less than authorized was captured
    assert h.journal.get(app_ref).status is Status.REFUNDED  # type: ignore[union-attr]
    assert await payouts.provider_refundable(app_ref) == h.money(0)


async def test_the_provider_refusing_a_refund_fails_it(tmp_path: Path) -> None:
    async with open_card(tmp_path, "coolpay") as h:
        app_ref, _ = await captured_payment(h)
        h.state.decline_next("refund")
        approval = await h.services.payouts.approve("kofi", "refund", h.money(500))
        with pytest.raises(ActionFailed) as refused:
            await h.services.payouts.refund(app_ref, h.money(500), "x", approval)
        assert refused.value.transaction is not None and refused.value.transaction.status is Status.FAILED
        assert h.journal.get(app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
        assert await h.services.payouts.provider_refundable(app_ref) == h.money(3000), (
            "a failed refund frees its amount"
        )


async def test_declined_payment_cannot_be_refunded(card: CardHarness) -> None:
    h = card
    link = await h.services.checkout.start_link_payment(h.money(900), "", cashier="ama")
    if h.provider == "paiwise":
        h.state.decline(link.transaction.provider_ref)
    else:
        await h.customer_acts(link.url, "decline")
    await h.time.advance(4)
    assert h.journal.get(link.transaction.app_ref).status is Status.FAILED  # type: ignore[union-attr]
    approval = await h.services.payouts.approve("kofi", "refund", h.money(900))
    with pytest.raises(ActionFailed):
        await h.services.payouts.refund(link.transaction.app_ref, h.money(900), "", approval)
    assert h.sent("refund") == 0


async def test_unknown_refund_is_not_resent_and_blocks_the_same_refund(card: CardHarness) -> None:
    h = card
    app_ref, captured = await captured_payment(h)
    payouts = h.services.payouts
    endpoint = REFUND_ENDPOINTS[h.provider]
    h.fault(Fault.HTTP_500, endpoint, commit=True)
    approval = await payouts.approve("kofi", "refund", h.money(1000))
    refund = await payouts.refund(app_ref, h.money(1000), "lost answer", approval)
    assert refund.status is Status.UNKNOWN and refund.provider_ref is None
    assert [e for e in h.events.of(OutcomeUnknown) if e.transaction.app_ref == refund.app_ref]
    assert not h.services.tracker.is_following(refund.app_ref), "the payment's status is no refund's status"
    assert h.sent("refund") == 1
    # while it is unknown, its amount is reserved and the same refund is blocked
    assert await payouts.provider_refundable(app_ref) <= h.money(captured - 1000)
    second = await payouts.approve("kofi", "refund", h.money(1000))
    with pytest.raises(PayoutBlocked):
        await payouts.refund(app_ref, h.money(1000), "again", second)
    assert h.sent("refund") == 1
    # a manager checks with the provider and settles it
    resolve = await payouts.approve("kofi", "resolve", h.money(1000))
    settled = await payouts.resolve_unknown(refund.app_ref, Status.SUCCEEDED, resolve, "seen on the provider's site")
    assert settled.status is Status.SUCCEEDED
    assert h.journal.get(app_ref).status is Status.PARTIALLY_REFUNDED  # type: ignore[union-attr]


async def test_concurrent_double_click_sends_one_refund(card: CardHarness) -> None:
    h = card
    app_ref, _ = await captured_payment(h)
    approval = await h.services.payouts.approve("kofi", "refund", h.money(700))
    refund = h.services.payouts.refund
    first, second = await asyncio.gather(
        refund(app_ref, h.money(700), "x", approval), refund(app_ref, h.money(700), "x", approval)
    )
    assert first.app_ref == second.app_ref and h.sent("refund") == 1
