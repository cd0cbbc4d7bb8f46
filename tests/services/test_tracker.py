"""StatusTracker: schedule, read cap, backoff and Retry-After, connection events, resume, on-demand reads."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from posapp.config import PollStep, Settings
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Kind, Status, Transaction
from posapp.gateways.base import StatusReport, Unavailable
from posapp.gateways.mycoolpay import MyCoolPayGateway
from posapp.journal.store import Journal
from posapp.sandbox.customer import Fault, FaultRule, Script
from posapp.sandbox.mycoolpay import MyCoolPayState
from posapp.sandbox.server import SandboxServer
from posapp.services.events import ConnectionBack, ConnectionLost, EventBus, StatusChanged
from posapp.services.payments import PaymentServices

from .conftest import Harness

MTN = parse_mobile("677000001")
XAF = Money(1000, "XAF")


ISSUE_EXAMPLE = (PollStep(15, 1), PollStep(60, 2), PollStep(300, 5), PollStep(float("inf"), 15))


async def test_adaptive_schedule_reads_less_as_the_payment_ages(tmp_path: Path) -> None:
    h = Harness(tmp_path, settings=Settings(poll_schedule=ISSUE_EXAMPLE))
    await h.services.start()
    await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    counts = []
    for seconds in (15, 45, 240):
        before = h.services.tracker.reads
        await h.time.advance(seconds)
        counts.append(h.services.tracker.reads - before)
    assert counts == [13, 22, 48]  # from 3 s every 1 s to 15 s, every 2 s to 1 min, every 5 s to 5 min
    await h.aclose()


async def test_default_schedule(harness: Harness) -> None:
    h = harness
    await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    counts = []
    for seconds in (10, 90, 200):
        before = h.services.tracker.reads
        await h.time.advance(seconds)
        counts.append(h.services.tracker.reads - before)
    # from 3 s every 1 s to 10 s, every 2.5 s to 100 s, every 10 s to 5 min
    assert counts == [8, 36, 20]


async def test_concurrent_reads_are_capped(tmp_path: Path) -> None:
    h = Harness(tmp_path, settings=Settings(max_concurrent_reads=3))
    await h.services.start()
    for i in range(20):
        await h.services.checkout.start_push_payment(Money(100 + i, "XAF"), MTN, cashier="ama")
    h.transport.max_concurrent = 0
    h.state.timings.slow = 0.0
    h.state.faults.add(FaultRule(Fault.SLOW, endpoint="checkStatus", count=100))  # answers wait a loop turn
    await h.time.advance(5)
    assert h.transport.max_concurrent == 3
    await h.aclose()


async def test_connection_lost_and_back(harness: Harness) -> None:
    h = harness
    await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    h.transport.refuse = lambda request: "checkStatus" in request.url.path
    await h.time.advance(30)
    assert len(h.events.of(ConnectionLost)) == 1 and not h.services.tracker.connected
    reads = h.services.tracker.reads
    assert reads < 15  # backed off
    h.transport.refuse = lambda request: False
    await h.time.advance(60)
    assert len(h.events.of(ConnectionBack)) == 1 and h.services.tracker.connected


async def test_retry_after_pauses_every_read(harness: Harness) -> None:
    h = harness
    for i in range(3):
        await h.services.checkout.start_push_payment(Money(100 + i, "XAF"), MTN, cashier="ama")
    inner = h.gateway.status
    calls: list[float] = []

    async def rate_limited(ref: str) -> StatusReport:
        calls.append(h.time.t)
        if len(calls) == 1:
            raise Unavailable("HTTP 429", retry_after=30)
        return await inner(ref)

    h.gateway.status = rate_limited  # type: ignore[method-assign]
    await h.time.advance(40)
    first = calls[0]
    assert all(t == first or t >= first + 30 for t in calls)


async def test_a_cancellation_that_is_not_the_trackers_never_ends_the_following(harness: Harness) -> None:
    """A CancelledError in a read that nobody asks for any more (a cancelled future it awaited, a timeout's
    cancellation delivered after it was taken back) fails that read only: the payment is read again and
    reaches its outcome, and the workers go on; a cancel of a worker itself still ends it."""
    h = harness
    tracker = h.services.tracker
    inner = h.gateway.status
    calls: list[float] = []

    async def cancelled_late(ref: str) -> StatusReport:
        calls.append(h.time.t)
        if len(calls) == 1:
            # What a cancelled future or a timeout's late delivery looks like to the reading task: a
            # CancelledError while nobody asks it to stop (cancelling() is 0 again).
            task = asyncio.current_task()
            assert task is not None
            task.cancel()
            task.uncancel()
            await asyncio.sleep(0)
        return await inner(ref)

    h.gateway.status = cancelled_late  # type: ignore[method-assign]
    first = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    await h.time.advance(3.5)  # the first read, 3 s after the push, is cancelled
    assert len(calls) == 1
    h.state.approve(first.transaction.provider_ref or "")
    await h.time.advance(30)
    assert h.journal.get(first.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]

    # The workers went on: another payment is followed to its outcome.
    second = await h.services.checkout.start_push_payment(Money(999, "XAF"), MTN, cashier="ama")
    h.state.approve(second.transaction.provider_ref or "")
    await h.time.advance(30)
    assert h.journal.get(second.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert all(not worker.done() for worker in tracker._workers)
    # A cancel of a worker itself (the loop shutting down) still ends it, and so does aclose.
    tracker._workers[0].cancel()
    await h.time.advance(0)
    assert tracker._workers[0].done()
    await h.services.aclose()
    assert all(worker.done() for worker in tracker._workers)


async def test_a_restarted_console_resumes_and_finishes(harness: Harness) -> None:
    h = harness
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    services = await h.rebuild()
    assert services.tracker.is_following(pushed.transaction.app_ref)
    h.state.approve(pushed.transaction.provider_ref or "")
    await h.time.advance(2)
    assert h.journal.get(pushed.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert h.events.of(StatusChanged)[-1].transaction.status is Status.SUCCEEDED


async def test_check_now_and_callbacks_read_early(harness: Harness) -> None:
    h = harness
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    await h.time.advance(200)  # reads every 5 s now
    h.state.approve(pushed.transaction.provider_ref or "")
    after = await h.services.tracker.check_now(pushed.transaction.app_ref)
    assert after.status is Status.SUCCEEDED
    second = await h.services.checkout.start_push_payment(Money(999, "XAF"), MTN, cashier="ama")
    await h.time.advance(200)
    h.state.approve(second.transaction.provider_ref or "")
    assert h.services.tracker.request_check(provider_ref=second.transaction.provider_ref)
    await h.time.advance(0)
    assert h.journal.get(second.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]


async def test_a_success_for_another_amount_is_unknown_not_paid(harness: Harness) -> None:
    h = harness
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")

    async def wrong_amount(ref: str) -> StatusReport:
        return StatusReport(Status.SUCCEEDED, "SUCCESS", ref, amount=Money(10, "XAF"))

    h.gateway.status = wrong_amount  # type: ignore[method-assign]
    await h.time.advance(4)
    assert h.journal.get(pushed.transaction.app_ref).status is Status.UNKNOWN  # type: ignore[union-attr]


async def test_real_socket_and_journal_thread(tmp_path: Path) -> None:
    """Loopback uvicorn, real time, journal on its worker thread: a push is followed to success."""
    state = MyCoolPayState(default_script=Script.pay(after=0.3))
    settings = Settings(poll_schedule=(PollStep(1e9, 0.05),))
    with SandboxServer(mycoolpay=state) as sandbox, Journal(tmp_path / "j.sqlite3") as journal:
        async with httpx.AsyncClient() as http:
            gateway = MyCoolPayGateway(http, sandbox.mycoolpay_base_url, state.public_key, state.private_key)
            bus = EventBus()
            done: asyncio.Future[StatusChanged] = asyncio.get_running_loop().create_future()
            bus.subscribe(
                StatusChanged,
                lambda e: done.done() or e.transaction.status is not Status.SUCCEEDED or done.set_result(e),
            )
            services = PaymentServices(journal, gateway, settings, bus)
            services.tracker.first_read_after_s = 0.0
            await services.start()
            pushed = await services.checkout.start_push_payment(XAF, MTN, cashier="ama")
            event = await asyncio.wait_for(done, timeout=10)
            assert event.transaction.app_ref == pushed.transaction.app_ref
            await services.aclose()
            await services.aclose()  # idempotent
            assert journal.get(pushed.transaction.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]


async def test_resume_follows_only_the_active_providers_payments(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """After a switch of provider, another provider's unfinished payment is left for its own gateway."""
    import httpx

    from posapp.config import Settings
    from posapp.core.money import Money
    from posapp.core.transactions import Kind, Status, Transaction
    from posapp.gateways.mycoolpay import MyCoolPayGateway
    from posapp.journal.store import Journal
    from posapp.sandbox.mycoolpay import MyCoolPayState, create_app
    from posapp.services.events import EventBus
    from posapp.services.payments import PaymentServices

    journal = Journal(tmp_path / "j.sqlite3")
    other = Transaction("OTHER-1", Kind.LINK_PAYMENT, "coolpay", Money(100, "XAF"))
    journal.record_intent(other, "cashier")
    journal.append_event("OTHER-1", type="sent", status=Status.PENDING, actor="system", provider_ref="cp-1")
    state = MyCoolPayState()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(create_app(state)), base_url="http://sandbox") as http:
        gateway = MyCoolPayGateway(http, "http://sandbox", state.public_key, state.private_key)
        services = PaymentServices(journal, gateway, Settings(), EventBus(), offload_journal=False)
        resumed = await services.start()
        assert resumed == []
        assert not services.tracker.is_following("OTHER-1")
        await services.aclose()
    assert journal.get("OTHER-1").status is Status.PENDING
    journal.close()


async def test_abandon_unfinished_cancels_only_this_providers(harness: Harness) -> None:
    h = harness
    pushed = await h.services.checkout.start_push_payment(XAF, MTN, cashier="ama")
    other = h.journal.record_intent(
        Transaction("PAY-CP-2", Kind.PUSH_PAYMENT, "coolpay", XAF, customer=MTN.e164), "cashier:ama"
    )
    h.journal.append_event(other.app_ref, type="sent", status=Status.PENDING, actor="system", provider_ref="cp-2")
    abandoned = await h.services.tracker.abandon_unfinished("the training session ended")
    assert [tx.app_ref for tx in abandoned] == [pushed.transaction.app_ref]
    last = h.journal.timeline(pushed.transaction.app_ref)[-1]
    assert (last.type, last.status, last.message) == ("training_ended", Status.CANCELED, "the training session ended")
    assert h.journal.get(other.app_ref).status is Status.PENDING  # type: ignore[union-attr]
    assert [type(e).__name__ for e in h.events.events][-1] == "StatusChanged"


def test_gc_pacer_freezes_survivors_and_collects_all_when_idle() -> None:
    import gc
    import weakref

    from posapp.services.payments import GcPacer

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    idle = [False]
    pacer = GcPacer(lambda: idle[0], full_every_s=600, full_at_most_s=3600)
    try:
        survivor = Cycle()
        alive = weakref.ref(survivor)
        assert not pacer.step(since_full=30)  # busy: survivors are frozen, nothing is collected
        del survivor  # cyclic garbage now, but frozen: full passes walk past it, only a full collection frees it
        gc.collect()
        assert alive() is not None
        idle[0] = True
        assert not pacer.step(since_full=599), "idle, but the last full collection is too recent"
        assert alive() is not None
        assert pacer.step(since_full=600) and pacer.full_collections == 1
        assert alive() is None, "the full collection reclaimed what was frozen"
        idle[0] = False
        assert pacer.step(since_full=3600), "an hour without one: a full collection even when busy"
    finally:
        gc.unfreeze()
