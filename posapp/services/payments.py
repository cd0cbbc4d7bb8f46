"""PaymentServices: the services of one console, built together on one journal, gateway and event bus.

The composition root (``posapp/app.py``) builds one and the UI talks to its parts::

    services = PaymentServices(journal, gateway, settings, bus)      # clock/sleep injectable for tests
    await services.start()          resume unfinished transactions from the journal, start polling
                                    (once per process, first moves start-up objects out of the GC's way)
    services.checkout               CheckoutService: start_link_payment, start_push_payment, submit_otp, cancel
    services.tracker                StatusTracker: check_now, request_check (callbacks), following, connected
    services.payouts                PayoutService: approve, payout, refund, refundable, resolve_unknown
    services.balance                BalanceService: cached, refresh, today
    services.journal                SerialJournal: the services' ordered access to the journal
    await services.aclose()         stop polling and drain journal writes; idempotent. The journal itself
                                    (and the HTTP client) belong to the caller, who closes them after.

Every method is a coroutine on the caller's asyncio loop (qasync in the console); events reach the
subscribers of ``bus`` on that same loop. ``offload_journal=False`` keeps journal calls on the loop
(unit tests); the default runs them on one worker thread (see ``serial_journal``).
"""

from __future__ import annotations

import asyncio
import gc
import random
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
        self.checkout = CheckoutService(self.journal, gateway, bus, self.tracker, clock=clock, lang=lang)
        self.payouts = PayoutService(self.journal, gateway, bus, self.tracker, clock=clock)
        self.balance = BalanceService(self.journal, gateway, bus, clock=clock, sleep=sleep)
        self._started = False
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
        return await self.tracker.resume()

    async def aclose(self) -> None:
        """Stop following and refreshing, let queued journal writes finish. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        await self.tracker.aclose()
        await self.balance.aclose()
        await asyncio.to_thread(self.journal.close)
