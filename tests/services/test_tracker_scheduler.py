"""StatusTracker's scheduler: a fixed pool of readers, due order, one read at a time per payment, batched writes."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from posapp.config import Settings
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.gateways.base import StatusReport
from posapp.journal.store import Journal
from posapp.services.serial_journal import SerialJournal
from posapp.services.tracker import record_change

from .conftest import Harness

MTN = parse_mobile("677000001")


class SlowReads:
    """Wraps the gateway's status read: each takes ``seconds`` of virtual time; records what overlaps."""

    def __init__(self, h: Harness, seconds: float) -> None:
        self.h = h
        self.seconds = seconds
        self.inner = h.gateway.status
        self.calls: list[str] = []
        self.in_flight: Counter[str] = Counter()
        self.peak = 0
        self.peak_per_ref = 0
        self.peak_tasks = 0
        h.gateway.status = self  # type: ignore[method-assign,assignment]

    async def __call__(self, ref: str) -> StatusReport:
        self.calls.append(ref)
        self.in_flight[ref] += 1
        self.peak = max(self.peak, sum(self.in_flight.values()))
        self.peak_per_ref = max(self.peak_per_ref, self.in_flight[ref])
        self.peak_tasks = max(self.peak_tasks, len(asyncio.all_tasks()))
        try:
            await self.h.time.sleep(self.seconds)
            return await self.inner(ref)
        finally:
            self.in_flight[ref] -= 1


async def _push(h: Harness, n: int, *, spacing: float = 0.0) -> list[str]:
    refs = []
    for i in range(n):
        pushed = await h.services.checkout.start_push_payment(Money(100 + i, "XAF"), MTN, cashier="ama")
        refs.append(pushed.transaction.provider_ref or "")
        if spacing:
            await h.time.advance(spacing)
    return refs


async def test_a_fixed_pool_reads_a_burst_without_a_task_per_read(tmp_path: Path) -> None:
    h = Harness(tmp_path, settings=Settings(max_concurrent_reads=4))
    await h.services.start()
    await _push(h, 60)  # all first due at the same instant
    slow = SlowReads(h, 0.25)
    tasks_before = len(asyncio.all_tasks())
    await h.time.advance(8)
    assert slow.peak == 4  # the cap, reached
    assert slow.peak_tasks <= tasks_before + 1  # the 4 readers existed already; at most the alarm is new
    assert len(slow.calls) >= 60 and slow.peak_per_ref == 1
    await h.aclose()


async def test_a_backlog_is_read_in_due_order(tmp_path: Path) -> None:
    h = Harness(tmp_path, settings=Settings(max_concurrent_reads=1))
    await h.services.start()
    refs = await _push(h, 5, spacing=0.1)  # first due at 3.0, 3.1, ... 3.4
    slow = SlowReads(h, 0.5)  # one reader, 0.5 s a read: always behind
    await h.time.advance(10)
    assert slow.calls[:10] == refs + refs  # oldest due first, round after round
    assert slow.peak == 1
    await h.aclose()


async def test_one_read_at_a_time_per_payment(tmp_path: Path) -> None:
    h = Harness(tmp_path, settings=Settings(max_concurrent_reads=4))
    await h.services.start()
    [ref] = await _push(h, 1)
    app_ref = h.services.tracker.following()[0].app_ref
    slow = SlowReads(h, 1.5)
    await h.time.advance(3.5)  # the first read (at 3 s) is in progress
    assert slow.calls == [ref]
    checks = [asyncio.ensure_future(h.services.tracker.check_now(app_ref)) for _ in range(3)]
    for _ in range(3):
        assert h.services.tracker.request_check(provider_ref=ref)
        assert h.services.tracker.request_check(app_ref=app_ref)
    await h.time.advance(1.5)  # the first read ends at 4.5 s; one more read follows for all the asks
    assert slow.calls == [ref, ref]
    h.state.approve(ref)
    await h.time.advance(1.5)
    for check in checks:
        assert check.done()
    assert [c.result().status for c in checks] == [Status.SUCCEEDED] * 3  # the read after the asks saw it
    assert slow.peak_per_ref == 1 and len(slow.calls) == 2
    assert not h.services.tracker.is_following(app_ref)
    await h.aclose()


async def test_check_now_goes_ahead_of_a_backlog(tmp_path: Path) -> None:
    h = Harness(tmp_path, settings=Settings(max_concurrent_reads=1))
    await h.services.start()
    refs = await _push(h, 10)
    last = h.services.tracker.following()[-1]
    slow = SlowReads(h, 1.0)
    await h.time.advance(3.5)  # one read in progress, nine due and waiting
    check = asyncio.ensure_future(h.services.tracker.check_now(last.app_ref))
    await h.time.advance(2)
    assert check.done()
    assert slow.calls[:2] == [refs[0], last.provider_ref]
    await h.aclose()


async def test_a_still_pending_read_does_not_touch_the_journal(harness: Harness) -> None:
    h = harness
    await _push(h, 3)
    calls: list[str] = []
    journal = h.services.journal
    inner_call, inner_batched = journal.call, journal.call_batched

    async def call(fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(fn.__name__)
        return await inner_call(fn, *args, **kwargs)

    async def call_batched(fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(fn.__name__)
        return await inner_batched(fn, *args, **kwargs)

    journal.call, journal.call_batched = call, call_batched  # type: ignore[method-assign]
    reads = h.services.tracker.reads
    await h.time.advance(20)
    assert h.services.tracker.reads - reads >= 3 * 12 and calls == []
    h.state.approve(h.services.tracker.following()[0].provider_ref or "")
    await h.time.advance(2.5)
    assert calls == ["apply_report"]


async def test_batched_journal_calls_share_a_commit_in_order(harness: Harness) -> None:
    h = harness
    await _push(h, 3)
    app_refs = [tx.app_ref for tx in h.services.tracker.following()]
    serial = SerialJournal(h.journal)  # on its own worker thread
    release = threading.Event()
    order: list[str] = []

    def blocker(journal: Journal) -> None:
        release.wait(5)
        order.append("blocker")

    def after(journal: Journal) -> None:
        order.append("after")

    def write(journal: Journal, app_ref: str) -> Any:
        order.append(app_ref)
        return record_change(journal, app_ref, Status.FAILED, type="test")

    busy = asyncio.ensure_future(serial.call(blocker))
    await asyncio.sleep(0.05)
    batched = [asyncio.ensure_future(serial.call_batched(write, ref)) for ref in [*app_refs[:2], "PAY-missing"]]
    batched.append(asyncio.ensure_future(serial.call_batched(write, app_refs[2])))
    later = asyncio.ensure_future(serial.call(after))
    await asyncio.sleep(0.05)
    release.set()
    await asyncio.wait_for(asyncio.gather(busy, later, *batched, return_exceptions=True), 5)
    assert order == ["blocker", app_refs[0], app_refs[1], "PAY-missing", app_refs[2], "after"]
    assert serial.commits_saved == 3  # four calls, one commit
    assert isinstance(batched[2].exception(), LookupError)  # refused: the batch went on
    for future, app_ref in zip([batched[0], batched[1], batched[3]], app_refs, strict=True):
        assert future.result().changed
        assert h.journal.get(app_ref).status is Status.FAILED  # type: ignore[union-attr]
    serial.close()


async def test_check_now_before_start_reads_at_once(tmp_path: Path) -> None:
    h = Harness(tmp_path)  # services not started: nothing is polled, an on-demand read still happens
    pushed = await h.services.checkout.start_push_payment(Money(500, "XAF"), MTN, cashier="ama")
    h.state.approve(pushed.transaction.provider_ref or "")
    after = await asyncio.wait_for(h.services.tracker.check_now(pushed.transaction.app_ref), 5)
    assert after.status is Status.SUCCEEDED and h.services.tracker.reads == 1
    await h.aclose()
