"""A provider's answer the journal cannot record: unknown at once, never paid twice, written when the disk is back.

Over the real My-CoolPay emulator and a real journal file whose writes fail (``FaultyJournal``) from the
moment the provider answered: the disk filled up, a disk error, the file held past the busy timeout.
"""

from __future__ import annotations

import pytest

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.journal.faults import Fault
from posapp.sandbox.customer import Script
from posapp.services.checkout import PaymentBlocked
from posapp.services.common import ActionFailed, JournalWriteFailed
from posapp.services.events import JournalUnwritable, JournalWritable, OutcomeUnknown, StatusChanged
from posapp.services.payouts import PayoutBlocked
from tests.helpers.journal_faults import FaultAfterSend, FaultyJournal

from .conftest import Harness

MTN = parse_mobile("677000001")
ORANGE = parse_mobile("699000001")
XAF = Money(500, "XAF")
FAULTS = [Fault.DISK_FULL, Fault.DISK_ERROR, Fault.BUSY]


class FaultyHarness(Harness):
    """The services' harness on a ``FaultyJournal``; ``fail_after(name, fault)`` arms one fault."""

    def __init__(self, tmp_path, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(tmp_path, **kwargs)
        self.journal.close()
        self.journal = FaultyJournal(self.path, clock=self.time.utc)
        self.armed: dict[str, Fault] = {}
        self.gateway = FaultAfterSend(
            self.make_gateway(), lambda: self.journal, lambda name: self.armed.pop(name, None)
        )  # type: ignore[assignment]
        self.services = self.make_services()

    def fail_after(self, call: str, fault: Fault) -> None:
        self.armed[call] = fault

    def disk_back(self) -> None:
        self.journal.failing = None

    async def rebuild(self):  # type: ignore[no-untyped-def]
        await self.services.aclose()
        self.journal.close()
        self.journal = FaultyJournal(self.path, clock=self.time.utc)
        self.services = self.make_services()
        await self.services.start()
        return self.services


@pytest.fixture
async def h(tmp_path):  # type: ignore[no-untyped-def]
    harness = FaultyHarness(tmp_path)
    await harness.services.start()
    yield harness
    harness.disk_back()
    await harness.aclose()


def sandbox_payouts(h: Harness) -> list[object]:
    return [t for t in h.state.transactions.values() if t.type == "PAYOUT"]


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_payout_whose_answer_cannot_be_written_is_unknown_blocks_a_repeat_and_lands_later(
    h: FaultyHarness, fault: Fault
) -> None:
    approval = await h.services.payouts.approve("kofi", "payout", XAF)
    h.fail_after("payout", fault)
    tx = await h.services.payouts.payout(XAF, MTN, None, "salary", approval)
    # At once: unknown in memory, told to the screens, nothing in the journal but the intent.
    assert tx.status is Status.UNKNOWN and tx.provider_ref
    assert h.journal.get(tx.app_ref).status is Status.CREATED  # type: ignore[union-attr]
    assert any(e.transaction.app_ref == tx.app_ref for e in h.events.of(OutcomeUnknown))
    assert h.events.of(JournalUnwritable)[-1].fault == fault.value
    # While the disk refuses writes, nothing else can be approved, so nothing else can be sent.
    with pytest.raises(JournalWriteFailed):
        await h.services.payouts.approve("kofi", "payout", XAF)
    h.disk_back()
    # The disk is back but the kept answer has not landed yet: a second approval is still blocked.
    second = await h.services.payouts.approve("kofi", "payout", XAF)
    with pytest.raises(PayoutBlocked):
        await h.services.payouts.payout(XAF, MTN, None, "salary again", second)
    await h.time.advance(1)
    landed = h.journal.get(tx.app_ref)
    assert landed is not None and landed.status is not Status.CREATED and landed.provider_ref == tx.provider_ref
    assert "sent" in [e.type for e in h.journal.timeline(tx.app_ref)]
    assert h.events.of(JournalWritable)
    await h.time.advance(10)
    assert h.journal.get(tx.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert len(sandbox_payouts(h)) == 1 and h.transport.count("/payout") == 1
    # Once the first is known to have paid, the manager may pay the same person again, knowingly.
    third = await h.services.payouts.approve("kofi", "payout", XAF)
    assert (await h.services.payouts.payout(XAF, MTN, None, "bonus", third)).status is Status.PENDING


async def test_a_refund_whose_answer_cannot_be_written_is_unknown_and_capped(h: FaultyHarness) -> None:
    h.state.scripts.queue_next(Script.pay(after=1))
    paid = await h.services.checkout.start_push_payment(Money(2000, "XAF"), MTN, "sale", cashier="ama")
    await h.time.advance(4)
    approval = await h.services.payouts.approve("kofi", "refund", XAF)
    h.fail_after("payout", Fault.DISK_FULL)
    refund = await h.services.payouts.refund(paid.transaction.app_ref, XAF, "returned", approval)
    assert refund.status is Status.UNKNOWN
    h.disk_back()
    again = await h.services.payouts.approve("kofi", "refund", XAF)
    with pytest.raises(PayoutBlocked):
        await h.services.payouts.refund(paid.transaction.app_ref, XAF, "returned twice", again)
    await h.time.advance(12)
    assert h.journal.get(refund.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert h.journal.get(paid.transaction.app_ref).status is Status.PARTIALLY_REFUNDED  # type: ignore[union-attr]
    assert len(sandbox_payouts(h)) == 1


@pytest.mark.parametrize("fault", FAULTS)
async def test_a_push_whose_answer_cannot_be_written_is_followed_and_never_pushed_again(
    h: FaultyHarness, fault: Fault
) -> None:
    h.state.scripts.queue_next(Script.pay(after=5))
    h.fail_after("push_payment", fault)
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, "sale", cashier="ama")
    assert pushed.transaction.status is Status.UNKNOWN
    with pytest.raises((PaymentBlocked, JournalWriteFailed)):
        await h.services.checkout.start_push_payment(XAF, MTN, "sale, again", cashier="ama")
    h.disk_back()
    with pytest.raises(PaymentBlocked):  # the journal holds it CREATED until the kept answer lands
        await h.services.checkout.start_push_payment(XAF, MTN, "sale, a third time", cashier="ama")
    await h.time.advance(10)
    assert h.journal.get(pushed.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    succeeded = [e for e in h.events.of(StatusChanged) if e.transaction.status is Status.SUCCEEDED]
    assert [e.transaction.app_ref for e in succeeded] == [pushed.transaction.app_ref]
    assert h.transport.count("/payin") == 1


async def test_an_accepted_otp_whose_answer_cannot_be_written_is_unknown_then_paid(h: FaultyHarness) -> None:
    h.state.scripts.queue_next(Script.pay(after=1))
    pushed = await h.services.checkout.start_push_payment(XAF, ORANGE, "sale", cashier="ama")
    assert pushed.awaiting_otp
    code = h.state.sms_to(ORANGE.national)[-1].code
    h.fail_after("submit_otp", Fault.DISK_FULL)
    outcome = await h.services.checkout.submit_otp(pushed.transaction.app_ref, code)
    assert not outcome.accepted and outcome.transaction.status is Status.UNKNOWN
    h.disk_back()
    await h.time.advance(12)
    assert h.journal.get(pushed.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert "otp_accepted" in [e.type for e in h.journal.timeline(pushed.transaction.app_ref)]
    assert h.transport.count("/payin/authorize") == 1


async def test_a_payment_link_whose_answer_cannot_be_written_is_never_shown(h: FaultyHarness) -> None:
    h.fail_after("create_payment_link", Fault.DISK_FULL)
    with pytest.raises(ActionFailed, match="not shown"):
        await h.services.checkout.start_link_payment(XAF, "sale", cashier="ama")
    h.disk_back()
    await h.time.advance(1)
    (tx,) = list(h.journal.transactions_between(h.time.start, h.time.utc()))
    assert tx.status is Status.CANCELED and tx.provider_ref  # recorded as never shown, with the provider's ref


async def test_intent_on_a_full_disk_sends_nothing(h: FaultyHarness) -> None:
    h.journal.failing = Fault.DISK_FULL
    with pytest.raises(JournalWriteFailed) as refused:
        await h.services.checkout.start_push_payment(XAF, MTN, "sale", cashier="ama")
    assert refused.value.fault is Fault.DISK_FULL
    assert h.transport.count("/payin") == 0


async def test_a_console_killed_before_the_kept_answer_lands_settles_it_unknown(h: FaultyHarness) -> None:
    approval = await h.services.payouts.approve("kofi", "payout", XAF)
    h.fail_after("payout", Fault.DISK_FULL)
    tx = await h.services.payouts.payout(XAF, MTN, None, "salary", approval)
    assert tx.status is Status.UNKNOWN
    # The console stops while the disk is still full: the kept answer cannot land and goes with it.
    await h.services.aclose()
    h.journal.close()
    h.journal = FaultyJournal(h.path, clock=h.time.utc)  # the disk is back for the next console
    h.services = h.make_services()
    await h.services.start()
    assert h.journal.get(tx.app_ref).status is Status.UNKNOWN  # type: ignore[union-attr]
    second = await h.services.payouts.approve("kofi", "payout", XAF)
    with pytest.raises(PayoutBlocked):
        await h.services.payouts.payout(XAF, MTN, None, "salary again", second)
    assert h.transport.count("/payout") == 1


# ---------------------------------------------------------------- card providers: capture and refund


@pytest.fixture
async def card(tmp_path):  # type: ignore[no-untyped-def]
    from .card_harness import CardHarness

    h = CardHarness(tmp_path, "coolpay")
    h.journal.close()
    h.journal = FaultyJournal(tmp_path / "journal.sqlite3", clock=h.time.utc)
    armed: dict[str, Fault] = {}
    h.armed = armed  # type: ignore[attr-defined]
    h.gateway = FaultAfterSend(h.gateway, lambda: h.journal, lambda name: armed.pop(name, None))  # type: ignore[assignment]
    h.services = type(h.services)(
        h.journal,
        h.gateway,
        h.services.settings,
        h.bus,
        clock=h.time.utc,
        sleep=h.time.sleep,
        offload_journal=False,
    )
    await h.services.start()
    yield h
    h.journal.failing = None
    await h.aclose()


async def test_a_capture_whose_answer_cannot_be_written_is_never_sent_again(card) -> None:  # type: ignore[no-untyped-def]
    h = card
    app_ref = await h.authorized_payment(5000)
    h.armed["capture"] = Fault.DISK_ERROR
    outcome = await h.services.checkout.capture(app_ref, cashier="ama")
    assert outcome.outcome_unknown and outcome.captured is None
    assert outcome.transaction.status is Status.UNKNOWN
    h.journal.failing = None
    # Asked again before the kept answer landed: a status read shows it captured, nothing is sent.
    again = await h.services.checkout.capture(app_ref, cashier="ama")
    assert again.transaction.status is Status.SUCCEEDED and again.captured == h.money(5000)
    await h.time.advance(5)
    assert h.journal.get(app_ref).status is Status.SUCCEEDED
    assert "captured" in [e.type for e in h.journal.timeline(app_ref)]
    assert h.sent("capture") == 1


async def test_a_provider_refund_whose_answer_cannot_be_written_blocks_the_same_refund(card) -> None:  # type: ignore[no-untyped-def]
    h = card
    app_ref = await h.authorized_payment(5000)
    await h.services.checkout.capture(app_ref, cashier="ama")
    payouts = h.services.payouts
    approval = await payouts.approve("kofi", "refund", h.money(1000))
    h.armed["refund"] = Fault.BUSY
    refund = await payouts.refund(app_ref, h.money(1000), "returned", approval)
    assert refund.status is Status.UNKNOWN
    h.journal.failing = None
    again = await payouts.approve("kofi", "refund", h.money(1000))
    with pytest.raises(PayoutBlocked):
        await payouts.refund(app_ref, h.money(1000), "returned again", again)
    await h.time.advance(2)
    assert h.journal.get(refund.app_ref).status is Status.SUCCEEDED
    assert h.journal.get(app_ref).status is Status.PARTIALLY_REFUNDED
    assert h.sent("refund") == 1
