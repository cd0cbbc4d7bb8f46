"""PaymentServices: the services of one console, built together on one journal, gateway and event bus.

The composition root (``posapp/app.py``) builds one and the UI talks to its parts::

    services = PaymentServices(journal, gateway, settings, bus)      # clock/sleep injectable for tests
    await services.start()          resume unfinished transactions from the journal, start polling
                                    (once per process, first moves start-up objects out of the GC's way;
                                    then ``gc_pacer`` keeps full collections short, see ``GcPacer``)
    services.checkout               CheckoutService: start_link_payment, start_push_payment, submit_otp, cancel
    services.tracker                StatusTracker: check_now, request_check (callbacks), following, connected
    services.payouts                PayoutService: approve, payout, refund, refundable, resolve_unknown
    services.recorder               AnswerRecorder: answers the journal refused, kept and written again
    services.balance                BalanceService: cached, refresh, today
    services.sales                  SaleService: cash, split sales, refunds per tender, the drawer
                                    (``sales.kick_drawer`` is the printer's drawer pulse, set by the app)
    services.journal                SerialJournal: the services' ordered access to the journal
    await services.aclose()         stop polling and drain journal writes; idempotent. The journal itself
                                    (and the HTTP client) belong to the caller, who closes them after.

Every method is a coroutine on the caller's asyncio loop (qasync in the console); events reach the
subscribers of ``bus`` on that same loop. ``offload_journal=False`` keeps journal calls on the loop
(unit tests); the default runs them on one worker thread (see ``serial_journal``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import random
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

from posapp.config import Settings
from posapp.core.transactions import Transaction
from posapp.gateways.base import Gateway
from posapp.journal.store import Journal
from posapp.services.balance import BalanceService
from posapp.services.checkout import CheckoutService
from posapp.services.events import EventBus
from posapp.services.payouts import PayoutService
from posapp.services.recording import AnswerRecorder
from posapp.services.sales import SaleService
from posapp.services.serial_journal import SerialJournal
from posapp.services.tracker import StatusTracker, utc_now

_gc_frozen = False


def freeze_startup_objects() -> None:
    """Keep the garbage collector's full passes off what start-up loaded (once per process).

    A full collection walks every live object, and most are the modules, classes and settings loaded
    at start-up, which live as long as the console: on the development VM one took 30 ms, blocking the
    event loop while 500 payments were followed (tests/benchmarks/bench_tracker.py). Collect once, then
    ``gc.freeze()`` the survivors so later collections walk only what the session creates. Only cyclic
    garbage among frozen objects would never be reclaimed; start-up objects live on anyway.
    """
    global _gc_frozen
    if _gc_frozen:
        return
    _gc_frozen = True
    gc.collect()
    gc.freeze()


class GcPacer:
    """Keeps the garbage collector's full passes off a busy event loop, and still runs them.

    ``freeze_startup_objects`` moved start-up out of the collector's way; what the session creates (the
    followed payments, the HTTP connections, lazily imported modules) then grows the oldest generation
    again, and with 500 payments followed one full pass took 8-15 ms of the loop
    (tests/benchmarks/bench_tracker.py). Every ``freeze_every_s`` the pacer freezes what survived (cheap:
    the generations are spliced onto the frozen one), so full passes stay short. What it froze is only
    ever reclaimed by a full collection of everything: it runs one when nothing is followed (``idle()``),
    at most every ``full_every_s``, or after ``full_at_most_s`` even when busy (a shop that never stops
    does not grow without end); a pause there costs nothing a cashier waits for.
    """

    def __init__(
        self,
        idle: Callable[[], bool],
        *,
        freeze_every_s: float = 30.0,
        full_every_s: float = 600.0,
        full_at_most_s: float = 3600.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.idle = idle
        self.freeze_every_s = freeze_every_s
        self.full_every_s = full_every_s
        self.full_at_most_s = full_at_most_s
        self._sleep = sleep
        self._clock = clock
        self.full_collections = 0

    def step(self, since_full: float) -> bool:
        """One pass: a full collection (True) or a freeze of what survived (False)."""
        if since_full >= self.full_at_most_s or (since_full >= self.full_every_s and self.idle()):
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.full_collections += 1
            return True
        gc.freeze()
        return False

    async def run(self) -> None:
        last_full = self._clock()
        while True:
            await self._sleep(self.freeze_every_s)
            if self.step(self._clock() - last_full):
                last_full = self._clock()


class PaymentServices:
    """Checkout, tracker, payouts and balance over one journal and gateway; see the module docstring."""

    def __init__(
        self,
        journal: Journal,
        gateway: Gateway,
        settings: Settings,
        bus: EventBus,
        *,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
        offload_journal: bool = True,
        lang: str = "fr",
    ) -> None:
        clock = clock or utc_now
        self.settings = settings
        self.bus = bus
        self.gateway = gateway
        self.journal = SerialJournal(journal, offload=offload_journal)
        self.tracker = StatusTracker(self.journal, gateway, bus, settings, clock=clock, sleep=sleep, rng=rng)
        # One keeper of the answers the journal refused, so a payout blocked by a kept refund is seen.
        self.recorder = AnswerRecorder(self.journal, self.tracker, bus, sleep=sleep)
        self.checkout = CheckoutService(
            self.journal, gateway, bus, self.tracker, recorder=self.recorder, clock=clock, lang=lang
        )
        self.payouts = PayoutService(self.journal, gateway, bus, self.tracker, recorder=self.recorder, clock=clock)
        self.balance = BalanceService(self.journal, gateway, bus, clock=clock, sleep=sleep)
        self.sales = SaleService(
            self.journal, self.checkout, self.payouts, bus, clock=clock, currency=settings.currency
        )
        self._started = False
        self.gc_pacer = GcPacer(lambda: not self.tracker.following_any(), sleep=sleep)
        self._gc_task: asyncio.Task[None] | None = None
        self._closed = False

    async def start(self) -> list[Transaction]:
        """Resume what the journal left unfinished and start polling; returns the resumed transactions."""
        if self._closed:
            raise RuntimeError("these services are closed")
        if self._started:
            return self.tracker.following()
        self._started = True
        freeze_startup_objects()
        self.tracker.start()
        self.balance.start()
        self._gc_task = asyncio.get_running_loop().create_task(self.gc_pacer.run(), name="gc-pacer")
        resumed = await self.tracker.resume()
        await self.sales.start()
        return resumed

    async def aclose(self) -> None:
        """Stop following and refreshing, let queued journal writes finish. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self._gc_task is not None:
            self._gc_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._gc_task
        await self.sales.aclose()
        await self.recorder.aclose()
        await self.tracker.aclose()
        await self.balance.aclose()
        await asyncio.to_thread(self.journal.close)
