"""Capturing authorized card payments over the CoolPay, Paiwise and Commerce Layer emulators."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.sandbox.customer import Fault
from posapp.services.common import ActionFailed
from posapp.services.events import OutcomeUnknown, StatusChanged

from .card_harness import CAPTURE_ENDPOINTS, CARD_PROVIDERS, CardHarness, open_card
from .conftest import Harness


@pytest.fixture(params=CARD_PROVIDERS)
async def card(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[CardHarness]:
    async with open_card(tmp_path, request.param) as h:
        yield h


async def test_authorization_captured_in_part(card: CardHarness) -> None:
    h = card
    app_ref = await h.authorized_payment(5000)
    before = h.sent("capture")
    if h.provider == "paiwise":
        # Paiwise captures the whole reservation or nothing: a part is refused before anything is sent.
        with pytest.raises(ActionFailed, match="partial capture"):
            await h.services.checkout.capture(app_ref, h.money(3000), cashier="ama")
        assert h.journal.get(app_ref).status is Status.AUTHORIZED  # type: ignore[union-attr]
        assert h.events_of(app_ref)[-2:] == ["capture_requested", "capture_refused"]
        outcome = await h.services.checkout.capture(app_ref, cashier="ama")
        assert outcome.captured == h.money(5000)
        assert outcome.message == f"captured {h.money(5000)}"
    else:
        outcome = await h.services.checkout.capture(app_ref, h.money(3000), cashier="ama")
        assert outcome.captured == h.money(3000)
        assert outcome.message == f"captured {h.money(3000)} of the {h.money(5000)} authorized"
    assert not outcome.outcome_unknown
    assert outcome.transaction.status is Status.SUCCEEDED
    assert h.sent("capture") - before == 1, "the capture is sent once"
    events = h.journal.timeline(app_ref)
    assert [e.type for e in events][-2:] == ["capture_requested", "captured"]
    assert events[-2].actor == "cashier:ama" and events[-1].status is Status.SUCCEEDED
    assert events[-1].raw is not None, "the provider's answer is kept"
    changed = [e for e in h.events.of(StatusChanged) if e.transaction.app_ref == app_ref]
    assert changed[-1].old is Status.AUTHORIZED and changed[-1].transaction.status is Status.SUCCEEDED
    # the tracker agrees later: nothing more is written
    await h.time.advance(30)
    assert h.journal.get(app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    # and it cannot be captured twice
    with pytest.raises(ActionFailed, match="succeeded"):
        await h.services.checkout.capture(app_ref, cashier="ama")


async def test_capture_is_refused_unless_authorized_and_within_the_authorization(card: CardHarness) -> None:
    h = card
    link = await h.services.checkout.start_link_payment(h.money(2000), "Waiting", cashier="ama")
    with pytest.raises(ActionFailed, match="pending"):
        await h.services.checkout.capture(link.transaction.app_ref, cashier="ama")
    app_ref = await h.authorized_payment(2000)
    with pytest.raises(ActionFailed, match="at most"):
        await h.services.checkout.capture(app_ref, h.money(2001), cashier="ama")
    with pytest.raises(ActionFailed):
        await h.services.checkout.capture(app_ref, h.money(0), cashier="ama")
    assert h.sent("capture") == 0
    assert "capture_requested" not in h.events_of(app_ref), "nothing is journaled for a refusal of ours"


async def test_declined_payment_is_failed_and_cannot_be_captured(card: CardHarness) -> None:
    h = card
    link = await h.services.checkout.start_link_payment(h.money(1200), "Declined card", cashier="ama")
    # The card is declined on the page (Paiwise's page only lets the customer cancel: the control's decline).
    if h.provider == "paiwise":
        h.state.decline(link.transaction.provider_ref)
    else:
        answer = await h.customer_acts(link.url, "decline")
        assert answer.status_code == 200
    await h.time.advance(4)
    tx = h.journal.get(link.transaction.app_ref)
    assert tx is not None and tx.status is Status.FAILED
    with pytest.raises(ActionFailed, match="failed"):
        await h.services.checkout.capture(tx.app_ref, cashier="ama")
    assert h.sent("capture") == 0


async def test_double_click_sends_one_capture(card: CardHarness) -> None:
    h = card
    app_ref = await h.authorized_payment(4000)
    capture = h.services.checkout.capture
    results = await asyncio.gather(
        capture(app_ref, cashier="ama"), capture(app_ref, cashier="ama"), return_exceptions=True
    )
    succeeded = [r for r in results if not isinstance(r, BaseException)]
    assert len(succeeded) == 1 and isinstance(results[1], ActionFailed)
    assert h.sent("capture") == 1
    assert h.events_of(app_ref).count("capture_requested") == 1


async def test_lost_answer_keeps_the_payment_followed_and_never_resends(card: CardHarness) -> None:
    h = card
    app_ref = await h.authorized_payment(5000)
    endpoint = "PATCH orders" if h.provider == "commercelayer" else CAPTURE_ENDPOINTS[h.provider]
    h.fault(Fault.HTTP_500, endpoint, commit=True)  # the provider captured, then answered 500
    outcome = await h.services.checkout.capture(app_ref, cashier="ama")
    assert outcome.outcome_unknown and outcome.transaction.status is Status.AUTHORIZED
    assert h.events_of(app_ref)[-2:] == ["capture_requested", "capture_no_answer"]
    assert [e for e in h.events.of(OutcomeUnknown) if e.transaction.app_ref == app_ref]
    assert h.services.tracker.is_following(app_ref)
    await h.time.advance(20)  # the tracker reads the payment: captured after all
    assert h.journal.get(app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert h.sent("capture") == 1


async def test_lost_answer_of_a_capture_that_did_not_happen_allows_one_more(tmp_path: Path) -> None:
    async with open_card(tmp_path, "coolpay") as h:
        app_ref = await h.authorized_payment(5000)
        h.fault(Fault.HTTP_500, "capture", commit=False)
        first = await h.services.checkout.capture(app_ref, h.money(1000), cashier="ama")
        assert first.outcome_unknown
        # Asked again: the status is read first; nothing was captured, so the capture is sent (once more).
        second = await h.services.checkout.capture(app_ref, h.money(1000), cashier="ama")
        assert second.transaction.status is Status.SUCCEEDED and second.captured == h.money(1000)
        types = h.events_of(app_ref)
        assert types[-5:] == [
            "capture_requested",
            "capture_no_answer",
            "capture_checked",
            "capture_requested",
            "captured",
        ]
        assert h.sent("capture") == 2


async def test_acquirer_refusal_leaves_it_authorized(tmp_path: Path) -> None:
    async with open_card(tmp_path, "coolpay") as h:
        app_ref = await h.authorized_payment(5000)
        h.state.decline_next("capture")
        with pytest.raises(ActionFailed) as refused:
            await h.services.checkout.capture(app_ref, cashier="ama")
        assert refused.value.provider_message
        assert h.journal.get(app_ref).status is Status.AUTHORIZED  # type: ignore[union-attr]
        assert h.events_of(app_ref)[-1] == "capture_refused"
        again = await h.services.checkout.capture(app_ref, cashier="ama")  # a refusal may be tried again
        assert again.transaction.status is Status.SUCCEEDED


async def test_mobile_money_has_nothing_to_capture(harness: Harness) -> None:
    link = await harness.services.checkout.start_link_payment(Money(100, "XAF"), "", cashier="ama")
    with pytest.raises(ActionFailed, match="no capture"):
        await harness.services.checkout.capture(link.transaction.app_ref, cashier="ama")
