"""The merchant's balance at the provider (cached with the time it was read) and today's totals.

The balance is read on demand (``refresh``) and again after every transaction that reaches a final
status (debounced: ten payments finishing in one second cost one read). Each read publishes
``BalanceChanged``. A failed read keeps the last reading (``cached`` says when it was read) and
raises to the caller of ``refresh``; the automatic refresh only logs. Today's totals come from the
journal (``journal.reports``), computed on the journal's worker thread.

API::

    BalanceService(journal: SerialJournal, gateway, bus, *, clock=None, sleep=asyncio.sleep,
                   debounce_s=1.0, tz=None)
    supported: bool                          the gateway can read a balance (Capability.BALANCE)
    cached -> BalanceReading | None          (balance: Money, read_at: datetime), the last good read
    await refresh() -> BalanceReading        reads now; gateway errors propagate
    await today() -> list[DayTotals]         the shop's row first, then one per cashier
    start() / await aclose()                 follow finished transactions (bus) / stop; idempotent
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from posapp.core.money import Money
from posapp.gateways.base import Capability, Gateway, GatewayError
from posapp.journal.reports import DayTotals, end_of_day
from posapp.services.events import BalanceChanged, EventBus, StatusChanged
from posapp.services.serial_journal import SerialJournal
from posapp.services.tracker import utc_now

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class BalanceReading:
    balance: Money
    read_at: datetime


class BalanceService:
    """Cached provider balance and today's journal totals; see the module docstring."""

    def __init__(
        self,
        journal: SerialJournal,
        gateway: Gateway,
        bus: EventBus,
        *,
        clock: Clock | None = None,
        sleep: Sleep = asyncio.sleep,
        debounce_s: float = 1.0,
        tz: tzinfo | None = None,
    ) -> None:
        self._journal = journal
        self._gateway = gateway
        self._bus = bus
        self._clock = clock or utc_now
        self._sleep = sleep
        self.debounce_s = debounce_s
        self.tz = tz
        self.cached: BalanceReading | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._pending: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._closed = False

    @property
    def supported(self) -> bool:
        return bool(self._gateway.capabilities & Capability.BALANCE)

    async def refresh(self) -> BalanceReading:
        """Read the balance now (one read at a time) and publish ``BalanceChanged``."""
        async with self._lock:
            balance = await self._gateway.balance()
            reading = BalanceReading(balance, self._clock())
            self.cached = reading
        self._bus.publish(BalanceChanged(balance, read_at=reading.read_at))
        return reading

    async def today(self) -> list[DayTotals]:
        """Today's totals (local day of ``tz``, the computer's by default)."""
        now = self._clock()
        day = now.astimezone(self.tz).date() if self.tz is not None else now.astimezone().date()
        return await self._journal.call(end_of_day, day, tz=self.tz)

    def start(self) -> None:
        if self._unsubscribe is None and not self._closed and self.supported:
            self._unsubscribe = self._bus.subscribe(StatusChanged, self._on_status)

    def _on_status(self, event: StatusChanged) -> None:
        if not event.transaction.status.is_final or self._closed:
            return
        if self._pending is None or self._pending.done():
            self._pending = asyncio.get_running_loop().create_task(self._refresh_soon())

    async def _refresh_soon(self) -> None:
        await self._sleep(self.debounce_s)
        try:
            await self.refresh()
        except GatewayError as exc:
            log.info("balance not refreshed: %s", exc.message)

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._pending is not None:
            self._pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._pending
