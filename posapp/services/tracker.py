"""StatusTracker: follows every unfinished transaction by polling the provider until it is final.

Polling is the source of truth (a shop PC has no public callback URL); a callback only asks for an
early read (``request_check``).

How reads run, with thousands followed: a fixed pool of ``settings.max_concurrent_reads`` worker tasks
makes every read, so no more than that many are ever in flight and no task is created per read. Due
reads wait in one heap (ordered by due time); one scheduler task sleeps until the earliest due time (a
single timer, re-armed only when an earlier read is scheduled) and hands due reads to idle workers. A
worker that finishes takes the next due read itself. Reads that are due but find every worker busy stay
in the heap, oldest first. ``check_now`` goes ahead of the heap. A transaction is never read twice at
once: it is marked while a worker has it, and a check asked for during a read runs right after it. A
read is scheduled from the time it was due (not from when it ended), so the rate is the schedule's.
Nothing on the loop is proportional to the number followed except the ``following()`` listing.

Schedule, per transaction, by the age since the customer was asked (the push, the link, the accepted
OTP): ``settings.poll_schedule`` (default every 1 s to 10 s, 2.5 s to 100 s, 10 s to 5 min, 15 s
after: see ``config.DEFAULT_POLL_SCHEDULE``). Nobody approves a push or pays a link within
``first_read_after_s`` (3 s) of being asked, so the first read waits that long (it saves a tenth of
the reads). A payment still waiting for its OTP is read every ``otp_poll_every_s`` (the OTP answer
tells more than a read). A failed read backs off exponentially (with jitter, at most ``max_backoff_s``) and a
``Retry-After`` pauses every read until it has passed. ``lost_after_failures`` failed reads in a row
publish ``ConnectionLost``; the next good read publishes ``ConnectionBack``.

Expiry: a payment (never a refund or payout: money out is followed until the provider says) still
pending ``settings.payment_expiry_s`` after it was created is read once more, then recorded EXPIRED.
An expired payment, or one the cashier stopped following (``CheckoutService.cancel``), is still read
every ``late_check_every_s`` for ``late_check_for_s``: a late success from the provider wins and is
recorded and published. ``check_now`` reads any transaction with a provider reference on demand.

What is journaled: only changes. A read that finds the same waiting status as the one the tracker
holds does not touch the journal at all (500 payments polled every second would otherwise queue 500
journal calls a second); every other answer goes to the journal, where the decision is taken on the
worker thread against the stored state, so a read racing a cashier's cancel cannot write an illegal
transition (the services that change a followed transaction hand the tracker its new state through
``follow``/``stop_following``). A change is one ``status_read`` event with the provider's redacted
answer, written through ``SerialJournal.call_batched``: changes that arrive together share a commit.
Events are published only after the write is committed (journal first).

A provider answer that contradicts the request (another amount or app_ref on a success) is recorded as
UNKNOWN for a manager, never as a success.

API::

    StatusTracker(journal: SerialJournal, gateway, bus, settings, *, clock=None, sleep=asyncio.sleep,
                  rng=None, late_check_every_s=60, late_check_for_s=3600, otp_poll_every_s=10,
                  lost_after_failures=2, max_backoff_s=60, first_read_after_s=3)
    start()                                  starts the scheduler (idempotent)
    await resume() -> list[Transaction]      journal's unfinished transactions, settled and followed
    await abandon_unfinished(message)        cancel them instead (a training emulator started empty)
    follow(tx, *, asked_at=None, read_now=False)   follow a transaction from its status (again)
    stop_following(app_ref)                  stop reading it
    await check_now(app_ref) -> Transaction  read now; the state after the read
    request_check(*, app_ref=None, provider_ref=None) -> bool   an early read, not awaited (callbacks)
    following() -> list[Transaction]         what is followed now, oldest first (the Activity screen)
    connected: bool                          False between ConnectionLost and ConnectionBack
    reads: int                               status reads made (benchmark, tests)
    await aclose()                           cancels the scheduler and reads; idempotent
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
import random
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from posapp.config import Settings
from posapp.core.transactions import Kind, Status, Transaction, can_transition
from posapp.gateways.base import Gateway, GatewayError, InvalidRequest, StatusReport, Unauthorized, Unavailable
from posapp.journal.store import Journal
from posapp.services.events import ConnectionBack, ConnectionLost, EventBus, OutcomeUnknown, StatusChanged
from posapp.services.serial_journal import SerialJournal

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Sleep = Callable[[float], Awaitable[None]]

ACTOR = "system"
# After these, a late answer is still possible: keep reading slowly for a while.
LATE_STATUSES = frozenset({Status.EXPIRED, Status.CANCELED})
_WAITING = frozenset({Status.PENDING, Status.AWAITING_OTP, Status.AUTHORIZED})


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Change:
    """What one journal decision did: the transaction after it, and the status it left (None: no change)."""

    transaction: Transaction
    old: Status | None = None
    message: str = ""
    # The journal refused the write: ``transaction`` is how it stands in memory until the write lands
    # (``recording.AnswerRecorder``), which has published and followed it already.
    kept: bool = False

    @property
    def changed(self) -> bool:
        return self.old is not None and self.old is not self.transaction.status


def record_change(
    journal: Journal,
    app_ref: str,
    status: Status,
    *,
    type: str,
    actor: str = ACTOR,
    message: str = "",
    secrets: tuple[str, ...] = (),
    **fields: object,
) -> Change:
    """Append ``status`` unless the stored state forbids it (then nothing is written). Worker thread."""
    current = journal.get(app_ref)
    if current is None:
        raise LookupError(f"no transaction {app_ref!r} in the journal")
    if current.status is status or not can_transition(current.status, status):
        return Change(current)
    tx = journal.append_event(
        app_ref,
        type=type,
        status=status,
        actor=actor,
        message=message or None,
        secrets=secrets,
        **fields,  # type: ignore[arg-type]
    )
    return Change(tx, current.status, message)


def apply_report(journal: Journal, app_ref: str, report: StatusReport, secrets: tuple[str, ...]) -> Change:
    """Record what a status read says, when it says something new. Runs on the journal's worker thread."""
    current = journal.get(app_ref)
    if current is None:
        raise LookupError(f"no transaction {app_ref!r} in the journal")
    old, new = current.status, report.status
    mismatch = ""
    if report.app_ref is not None and report.app_ref != app_ref:
        mismatch = f"the provider's answer is about {report.app_ref}, not {app_ref}"
    elif new is Status.SUCCEEDED and report.amount is not None and report.amount != current.amount:
        mismatch = f"the provider reports a success of {report.amount}, not {current.amount}"
    if mismatch:
        if old is Status.UNKNOWN or not can_transition(old, Status.UNKNOWN):
            return Change(current)
        log.warning("%s: %s", app_ref, mismatch)
        return record_change(
            journal, app_ref, Status.UNKNOWN, type="status_mismatch", message=mismatch, raw=report.raw, secrets=secrets
        )
    if new is old:
        return Change(current)
    # A read cannot tell "waiting for the OTP" from "pending", and "still pending" after we expired or
    # stopped following a payment is not news: only a final answer moves those.
    if new is Status.PENDING and old in (Status.AWAITING_OTP, Status.EXPIRED, Status.CANCELED):
        return Change(current)
    if not can_transition(old, new):
        log.warning("%s: the provider says %s but the journal has %s; not recorded", app_ref, new.value, old.value)
        return Change(current)
    tx = journal.append_event(
        app_ref,
        type="status_read",
        status=new,
        actor=ACTOR,
        raw=report.raw,
        provider_ref=report.provider_ref or None,
        fees=report.fees if report.fees is None or report.fees.currency == current.amount.currency else None,
        operator=report.operator,
        message=report.message or report.provider_status or None,
        secrets=secrets,
    )
    return Change(tx, old, report.message)


def expire(journal: Journal, app_ref: str, after_s: float) -> Change:
    """EXPIRED, if the payment is still waiting. Worker thread."""
    current = journal.get(app_ref)
    if current is None:
        raise LookupError(f"no transaction {app_ref!r} in the journal")
    if current.status not in (Status.PENDING, Status.AWAITING_OTP):
        return Change(current)
    minutes = after_s / 60
    return record_change(journal, app_ref, Status.EXPIRED, type="expired", message=f"no answer within {minutes:g} min")


def _cancel_requested() -> bool:
    """Whether someone still asks the current task to stop (``Task.cancelling``, Python 3.11)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


@dataclass(slots=True, eq=False)
class _Followed:
    tx: Transaction
    asked_at: float
    expires_at: float | None
    due: float = 0.0
    token: int = -1  # the heap entry that is current (older entries for it are stale)
    on_schedule: bool = False  # the read in progress was taken from the heap at ``due`` (not on demand)
    late_until: float | None = None
    reading: bool = False
    urgent: bool = False  # waiting in the check_now queue
    again: bool = False  # check_now during a read: read once more right after it
    failures: int = 0
    one_off: bool = False  # read on demand (check_now), not followed
    waiters: list[asyncio.Future[Transaction]] = field(default_factory=list)


def _no_news(held: Status, report: StatusReport, app_ref: str) -> bool:
    """Whether ``apply_report`` would write nothing, judged from the status the tracker holds.

    Only for a read that repeats a waiting status (the common case, hundreds a second): anything else
    goes to the journal to be decided against the stored state.
    """
    if report.app_ref is not None and report.app_ref != app_ref:
        return False
    new = report.status
    if new not in _WAITING:
        return False
    return new is held or (new is Status.PENDING and held in (Status.AWAITING_OTP, Status.EXPIRED, Status.CANCELED))


class StatusTracker:
    """Follows unfinished transactions by adaptive polling; publishes StatusChanged and connection events."""

    def __init__(
        self,
        journal: SerialJournal,
        gateway: Gateway,
        bus: EventBus,
        settings: Settings,
        *,
        clock: Clock | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        late_check_every_s: float = 60.0,
        late_check_for_s: float = 3600.0,
        otp_poll_every_s: float = 10.0,
        lost_after_failures: int = 2,
        max_backoff_s: float = 60.0,
        first_read_after_s: float = 3.0,
    ) -> None:
        self._journal = journal
        self._gateway = gateway
        self._bus = bus
        self._settings = settings
        self._clock = clock or utc_now
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.late_check_every_s = late_check_every_s
        self.late_check_for_s = late_check_for_s
        self.otp_poll_every_s = otp_poll_every_s
        self.lost_after_failures = lost_after_failures
        self.max_backoff_s = max_backoff_s
        self.first_read_after_s = first_read_after_s
        self._items: dict[str, _Followed] = {}
        self._by_provider_ref: dict[str, _Followed] = {}
        self._heap: list[tuple[float, int, _Followed]] = []
        self._urgent: deque[_Followed] = deque()  # check_now: ahead of the heap, not held by a Retry-After
        self._seq = itertools.count()
        self._wake = asyncio.Event()
        self._timer: asyncio.TimerHandle | asyncio.Task[None] | None = None
        self._timer_at = float("inf")
        self._idle: deque[asyncio.Future[_Followed]] = deque()  # one per idle worker, oldest first
        self._workers: list[asyncio.Task[None]] = []
        self._scheduler: asyncio.Task[None] | None = None
        self._paused_until = 0.0
        self._backoff_due: dict[str, float] = {}
        self._failures_in_a_row = 0
        self._closed = False
        self.connected = True
        self.reads = 0

    # ------------------------------------------------------------------------------------ time

    def _now(self) -> float:
        return self._clock().timestamp()

    def _interval(self, item: _Followed, now: float) -> float:
        status = item.tx.status
        if status in LATE_STATUSES:
            return self.late_check_every_s
        if status is Status.AWAITING_OTP:
            return self.otp_poll_every_s
        age = now - item.asked_at
        steps = self._settings.poll_schedule
        for step in steps:
            if age < step.until_s:
                return step.every_s
        return steps[-1].every_s

    def _schedule(self, item: _Followed, due: float) -> None:
        if item.expires_at is not None and item.tx.status in _WAITING and self._now() < item.expires_at:
            due = min(due, item.expires_at)  # one read right at the expiry, then expire
        item.due = due
        item.token = next(self._seq)
        heapq.heappush(self._heap, (due, item.token, item))
        if self._idle and due < self._timer_at:
            self._wake.set()  # earlier than the scheduler's alarm: let it re-arm (busy workers look themselves)

    # ------------------------------------------------------------------------------------ public

    def start(self) -> None:
        """Start the scheduler task and the read workers (once)."""
        if self._closed:
            raise RuntimeError("the tracker is closed")
        self._start_workers()
        if self._scheduler is None:
            self._scheduler = asyncio.get_running_loop().create_task(self._run(), name="status-tracker")

    def _start_workers(self) -> None:
        if self._workers or self._closed:
            return
        loop = asyncio.get_running_loop()
        self._workers = [
            loop.create_task(self._worker(), name=f"status-read-{i}")
            for i in range(max(1, self._settings.max_concurrent_reads))
        ]

    async def resume(self) -> list[Transaction]:
        """Settle what a stopped console left half done and follow every unfinished transaction.

        Call it before anything can start a payment on these services (the console attaches its screens
        after it): a CREATED intent is taken for one a stopped console left behind.

        Only the current gateway's provider's transactions are taken. CREATED means the console stopped
        between writing the intent and recording the answer: whether
        the request left is unknown. A payment link is CANCELED (nobody saw its URL, so nobody can pay
        it); anything else becomes UNKNOWN and is never resent.
        """
        resumed = []
        provider = getattr(self._gateway, "name", "")
        for tx in await self._journal.call(Journal.unfinished):
            if provider and tx.provider != provider:
                # Another provider's payment (the merchant switched providers): only its own gateway can
                # read it, so it waits in the journal until that provider is active again.
                continue
            if tx.status is Status.CREATED:
                tx = await self._settle_interrupted(tx)
            if tx.status.needs_following:
                self.follow(tx, read_now=True)
            resumed.append(tx)
        return resumed

    async def abandon_unfinished(self, message: str) -> list[Transaction]:
        """CANCEL every unfinished transaction of this provider, with ``message``; returns them.

        For a training emulator that started empty: it holds none of the payments an earlier session left
        unfinished, so nothing can ever answer for them (reading them would only fail). Call before
        ``resume``. Never for a real provider.
        """
        provider = getattr(self._gateway, "name", "")
        abandoned = []
        for tx in await self._journal.call(Journal.unfinished):
            if provider and tx.provider != provider:
                continue
            change = await self._journal.call(
                record_change, tx.app_ref, Status.CANCELED, type="training_ended", message=message
            )
            self.publish(change)
            abandoned.append(change.transaction)
        return abandoned

    async def _settle_interrupted(self, tx: Transaction) -> Transaction:
        if tx.kind is Kind.LINK_PAYMENT:
            status, message = Status.CANCELED, "the console stopped before the payment link was shown"
        else:
            status, message = Status.UNKNOWN, "the console stopped before the provider's answer was recorded"
        change = await self._journal.call(record_change, tx.app_ref, status, type="interrupted", message=message)
        self.publish(change)
        return change.transaction

    def follow(self, tx: Transaction, *, asked_at: datetime | None = None, read_now: bool = False) -> None:
        """Follow ``tx`` (it needs a provider reference) from its current status.

        ``asked_at`` (the customer was asked again: an accepted OTP) restarts the fast schedule;
        ``read_now`` reads at once (resume) instead of after the first interval.
        """
        if self._closed or tx.provider_ref is None:
            return
        if not (tx.status.needs_following or tx.status in LATE_STATUSES):
            self._drop(tx.app_ref)
            return
        now = self._now()
        item = self._items.get(tx.app_ref)
        asked = (asked_at or tx.created_at or self._clock()).timestamp()
        created = (tx.created_at or self._clock()).timestamp()
        expires = created + self._settings.payment_expiry_s if tx.kind.is_payment else None
        if item is None:
            item = self._items[tx.app_ref] = _Followed(tx, asked, expires)
        else:
            item.tx, item.one_off = tx, False
            if asked_at is not None:
                item.asked_at = asked
        self._by_provider_ref[tx.provider_ref] = item
        item.late_until = (item.late_until or now + self.late_check_for_s) if tx.status in LATE_STATUSES else None
        if not item.reading:
            due = now if read_now else max(now + self._interval(item, now), item.asked_at + self.first_read_after_s)
            self._schedule(item, due)

    def stop_following(self, app_ref: str) -> None:
        """Stop reading ``app_ref`` (to keep late checks after a cancel, ``follow`` the canceled one)."""
        self._drop(app_ref)

    def following_any(self) -> bool:
        """Whether anything is followed (or read on demand) now."""
        return bool(self._items)

    def following(self) -> list[Transaction]:
        return sorted(
            (item.tx for item in self._items.values()),
            key=lambda tx: (tx.created_at or datetime.min.replace(tzinfo=UTC), tx.app_ref),
        )

    def is_following(self, app_ref: str) -> bool:
        return app_ref in self._items

    async def check_now(self, app_ref: str) -> Transaction:
        """Read ``app_ref``'s status now (after any read in progress); returns the state after it."""
        item = self._items.get(app_ref)
        if item is None:
            tx = await self._journal.call(Journal.get, app_ref)
            if tx is None:
                raise LookupError(f"no transaction {app_ref!r} in the journal")
            if tx.provider_ref is None or self._closed:
                return tx
            item = self._items[app_ref] = _Followed(tx, self._now(), None, one_off=True)
        future: asyncio.Future[Transaction] = asyncio.get_running_loop().create_future()
        item.waiters.append(future)
        if item.reading:
            item.again = True
        elif not item.urgent:
            item.urgent = True
            self._urgent.append(item)
            self._start_workers()  # before start(): the workers serve on-demand reads only
            self._hand_out()
        return await future

    def request_check(self, *, app_ref: str | None = None, provider_ref: str | None = None) -> bool:
        """Read a followed transaction as soon as possible (a callback arrived); False if not followed."""
        item = self._items.get(app_ref) if app_ref else None
        if item is None and provider_ref:
            item = self._by_provider_ref.get(provider_ref)
            if item is None or self._items.get(item.tx.app_ref) is not item or item.tx.provider_ref != provider_ref:
                item = next((i for i in self._items.values() if i.tx.provider_ref == provider_ref), None)
        if item is None:
            return False
        if item.reading:
            item.again = True
        else:
            self._schedule(item, self._now())
        return True

    async def aclose(self) -> None:
        """Cancel the scheduler and every read in progress. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._disarm()
        tasks = [t for t in (self._scheduler, *self._workers) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for item in self._items.values():
            for waiter in item.waiters:
                if not waiter.done():
                    waiter.cancel()
        self._items.clear()
        self._by_provider_ref.clear()
        self._heap.clear()
        self._urgent.clear()

    # ------------------------------------------------------------------------------------ events

    def publish(self, change: Change) -> None:
        if not change.changed:
            return
        assert change.old is not None
        tx = change.transaction
        self._bus.publish(StatusChanged(tx, old=change.old, message=change.message))
        if tx.status is Status.UNKNOWN:
            self._bus.publish(OutcomeUnknown(tx, reason=change.message))

    def _read_succeeded(self) -> None:
        self._failures_in_a_row = 0
        if not self.connected:
            self.connected = True
            self._bus.publish(ConnectionBack())

    def _read_failed(self, reason: str) -> None:
        self._failures_in_a_row += 1
        if self.connected and self._failures_in_a_row >= self.lost_after_failures:
            self.connected = False
            self._bus.publish(ConnectionLost(reason))

    # ------------------------------------------------------------------------------------ loop

    def _take(self, now: float) -> _Followed | None:
        """The next read to make now (check_now first, then the heap, oldest due first), or None.

        Marks it as being read; stale entries (rescheduled, dropped, being read) are discarded here.
        """
        while self._urgent:
            item = self._urgent.popleft()
            if item.urgent and not item.reading and self._items.get(item.tx.app_ref) is item:
                item.urgent, item.reading, item.on_schedule = False, True, False
                return item
        if self._scheduler is None or now < self._paused_until:
            return None
        heap = self._heap
        while heap and heap[0][0] <= now:
            due, token, item = heapq.heappop(heap)
            if item.token != token or item.reading or self._items.get(item.tx.app_ref) is not item:
                continue  # a stale heap entry: rescheduled, dropped or being read
            item.urgent, item.reading, item.on_schedule = False, True, True
            return item
        return None

    def _hand_out(self) -> None:
        """Give ready reads to idle workers (called by the scheduler and by check_now)."""
        if not self._idle:
            return
        now = self._now()
        while self._idle:
            item = self._take(now)
            if item is None:
                return
            worker = self._idle.popleft()
            if worker.done():  # cancelled (aclose)
                item.reading = False
                continue
            worker.set_result(item)

    async def _worker(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            item = self._take(self._now())
            if item is None:
                waiting: asyncio.Future[_Followed] = loop.create_future()
                self._idle.append(waiting)
                if self._urgent or (self._heap and self._heap[0][0] < self._timer_at):
                    # Scheduled while every worker was busy (no alarm was armed for it): arm one now.
                    self._wake.set()
                item = await waiting
            try:
                await self._read(item)
            except asyncio.CancelledError:
                raise
            except Exception:  # a worker must outlive any one read
                log.exception("%s: status read failed", item.tx.app_ref)
                item.reading = False

    async def _run(self) -> None:
        """The scheduler: hands due reads to idle workers, then sleeps until the next due time."""
        while True:
            self._wake.clear()
            self._hand_out()
            deadline: float | None = None
            if self._idle and self._heap:
                deadline = max(self._heap[0][0], self._paused_until)
            self._arm(deadline)
            await self._wake.wait()

    def _arm(self, deadline: float | None) -> None:
        """One alarm at ``deadline`` (clock seconds) that sets ``_wake``; kept when it is already earlier."""
        if deadline is None:
            return
        if self._timer is not None and self._timer_at <= deadline:
            return  # an alarm at least as early is set; it wakes the scheduler, which re-arms
        self._disarm()
        delay = max(deadline - self._now(), 0.0)
        self._timer_at = deadline
        if self._sleep is asyncio.sleep:
            self._timer = asyncio.get_running_loop().call_later(delay, self._alarm)
        else:  # an injected sleep (virtual time in tests)
            self._timer = asyncio.get_running_loop().create_task(self._sleep_then_alarm(delay))

    def _alarm(self) -> None:
        self._timer, self._timer_at = None, float("inf")
        self._wake.set()

    async def _sleep_then_alarm(self, delay: float) -> None:
        await self._sleep(delay)
        self._timer, self._timer_at = None, float("inf")
        self._wake.set()

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._timer_at = None, float("inf")

    async def _read(self, item: _Followed) -> None:
        """One worker's read of ``item`` (marked ``reading`` by ``_take``), then its next due time."""
        item.reading = True
        app_ref = item.tx.app_ref
        try:
            while True:
                item.again = False
                await self._read_once(item)
                if not item.again or self._items.get(app_ref) is not item:
                    break
                item.on_schedule = False
        except asyncio.CancelledError:
            if self._closed or _cancel_requested():
                raise  # aclose, or the loop shutting down: the worker ends
            # Nobody asks for this cancellation any more: a cancelled future the read awaited, or a
            # timeout's cancellation delivered after it was taken back. Let it end the worker and this
            # transaction would stay followed and never be read again. The read failed; read it later.
            log.warning("%s: status read cancelled though nothing cancels it; read again later", app_ref)
            self._back_off(item, None)
        except Exception:  # the journal refused (closed, lost the row): try again later, free the waiters
            log.exception("%s: status read failed", app_ref)
            self._back_off(item, None)
        finally:
            item.reading = False
        for waiter in item.waiters:
            if not waiter.done():
                waiter.set_result(item.tx)
        item.waiters.clear()
        if self._items.get(app_ref) is item and not self._closed:
            self._reschedule(item)

    async def _read_once(self, item: _Followed) -> None:
        tx = item.tx
        assert tx.provider_ref is not None
        now = self._now()
        try:
            self.reads += 1
            report = await self._gateway.status(tx.provider_ref)
        except Unavailable as exc:
            self._read_failed(exc.message)
            self._back_off(item, exc.retry_after)
            now = self._now()
            if item.expires_at is not None and now >= item.expires_at:
                await self._expire(item)
            return
        except Unauthorized as exc:
            self._read_failed(f"the provider refused the keys: {exc.message}")
            self._back_off(item, self.max_backoff_s)
            return
        except InvalidRequest as exc:
            # The provider does not know the reference (yet): not a connection problem; read again later.
            log.warning("%s: status read refused: %s", tx.app_ref, exc.message)
            self._read_succeeded()
            self._back_off(item, None)
            return
        except GatewayError as exc:
            log.warning("%s: status read failed: %s", tx.app_ref, exc.message)
            self._back_off(item, None)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("%s: status read failed", tx.app_ref)
            self._back_off(item, None)
            return
        self._read_succeeded()
        item.failures = 0
        if not _no_news(item.tx.status, report, tx.app_ref):
            secrets = tuple(self._gateway.secrets)
            change = await self._journal.call_batched(apply_report, tx.app_ref, report, secrets)
            item.tx = change.transaction
            self.publish(change)
        if item.expires_at is not None and now >= item.expires_at:
            await self._expire(item)

    async def _expire(self, item: _Followed) -> None:
        if item.tx.status not in (Status.PENDING, Status.AWAITING_OTP):
            return
        change = await self._journal.call_batched(expire, item.tx.app_ref, float(self._settings.payment_expiry_s))
        item.tx = change.transaction
        self.publish(change)

    def _back_off(self, item: _Followed, retry_after: float | None) -> None:
        item.failures += 1
        item.again = False
        now = self._now()
        base = self._interval(item, now) * 2 ** min(item.failures, 10)
        delay = min(self.max_backoff_s, base) * self._rng.uniform(0.5, 1.0)
        if retry_after is not None:
            delay = max(delay, retry_after)
            self._paused_until = max(self._paused_until, now + retry_after)
        self._backoff_due[item.tx.app_ref] = now + delay

    def _reschedule(self, item: _Followed) -> None:
        now = self._now()
        app_ref = item.tx.app_ref
        status = item.tx.status
        if item.one_off and not status.needs_following:
            self._drop(app_ref)  # a check_now of a transaction nobody follows
            return
        if status in LATE_STATUSES:
            if item.late_until is None:
                item.late_until = now + self.late_check_for_s
            if now >= item.late_until:
                self._drop(app_ref)
                return
        elif not status.needs_following:
            self._drop(app_ref)
            return
        item.one_off = False
        backoff = self._backoff_due.pop(app_ref, None)
        if backoff is not None:
            self._schedule(item, backoff)
            return
        interval = self._interval(item, now)
        due = now + interval
        if item.on_schedule and item.due + interval > now:
            # Read on time (not held by a pause or a backlog for a whole interval): keep the cadence
            # from when it was due, so the time a read takes does not stretch the interval.
            due = item.due + interval
        self._schedule(item, due)

    def _drop(self, app_ref: str) -> None:
        item = self._items.pop(app_ref, None)
        self._backoff_due.pop(app_ref, None)
        if item is not None:
            ref = item.tx.provider_ref
            if ref is not None and self._by_provider_ref.get(ref) is item:
                del self._by_provider_ref[ref]
            for waiter in item.waiters:
                if not waiter.done():
                    waiter.set_result(item.tx)
