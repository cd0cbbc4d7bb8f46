"""Services over the in-process My-CoolPay emulator, on virtual time shared by the sandbox, journal and tracker."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import random
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from posapp.config import Settings
from posapp.gateways.base import RetryPolicy
from posapp.gateways.mycoolpay import MyCoolPayGateway
from posapp.journal.store import Journal
from posapp.sandbox.customer import Script
from posapp.sandbox.mycoolpay import MyCoolPayState, create_app
from posapp.services.events import Event, EventBus
from posapp.services.payments import PaymentServices

PUBLIC_KEY = "pk-services-test-0000"
PRIVATE_KEY = "sk-services-test-SECRET-9999"
BASE_URL = "http://mycoolpay.test"


async def settle(rounds: int = 60) -> None:
    """Let every ready task run (everything is on the loop: inline journal, ASGI transport)."""
    for _ in range(rounds):
        await asyncio.sleep(0)


class VirtualTime:
    """One clock for the sandbox (``now()`` seconds), the journal and services (``utc()``) and their sleeps."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)) -> None:
        self.start = start
        self.t = 0.0
        self._timers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def now(self) -> float:
        return 1000.0 + self.t

    def utc(self) -> datetime:
        return self.start + timedelta(seconds=self.t)

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._timers, (self.t + max(seconds, 0.0), next(self._seq), future))
        await future

    async def advance(self, seconds: float, step: float | None = None) -> None:
        """Move time forward, waking each sleeper at its deadline and letting the loop settle."""
        target = self.t + seconds
        await settle()
        while self._timers and self._timers[0][0] <= target:
            deadline, _, future = heapq.heappop(self._timers)
            if future.done():
                continue
            self.t = max(self.t, deadline)
            future.set_result(None)
            await settle()
        self.t = target
        await settle()


class Recorder:
    """Every event published on the bus, and a way to wait for one."""

    def __init__(self, bus: EventBus) -> None:
        self.events: list[Event] = []
        self._waiters: list[tuple[Callable[[Event], bool], asyncio.Future[Event]]] = []
        bus.subscribe(Event, self._on_event)

    def _on_event(self, event: Event) -> None:
        self.events.append(event)
        for check, future in list(self._waiters):
            if not future.done() and check(event):
                future.set_result(event)

    def of(self, kind: type[Any]) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]


class CountingTransport(httpx.AsyncBaseTransport):
    """Forwards to the emulator; counts requests per path and can refuse to connect (nothing sent)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[httpx.Request] = []
        self.refuse: Callable[[httpx.Request], bool] = lambda request: False
        self.concurrent = 0
        self.max_concurrent = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.refuse(request):
            raise httpx.ConnectError("connection refused", request=request)
        self.requests.append(request)
        self.concurrent += 1
        self.max_concurrent = max(self.max_concurrent, self.concurrent)
        try:
            return await self.inner.handle_async_request(request)
        finally:
            self.concurrent -= 1

    def count(self, fragment: str) -> int:
        return sum(1 for r in self.requests if fragment in r.url.path)


class Harness:
    """A sandbox, a gateway, a journal file and the services over them; ``rebuild()`` simulates a restart."""

    def __init__(self, tmp_path: Path, *, settings: Settings | None = None, seed: int = 7) -> None:
        self.time = VirtualTime()
        self.path = tmp_path / "journal.sqlite3"
        self.settings = settings or Settings()
        self.state = MyCoolPayState(
            PUBLIC_KEY,
            PRIVATE_KEY,
            clock=self.time,
            seed=seed,
            balance=10_000_000,
            default_script=Script.manual(),
            sleep=self.time.sleep,
        )
        self.app = create_app(self.state)
        self.transport = CountingTransport(httpx.ASGITransport(app=self.app))
        self.http = httpx.AsyncClient(transport=self.transport, base_url=BASE_URL)
        self.rng = random.Random(seed)
        self.gateway = self.make_gateway()
        self.journal = Journal(self.path, clock=self.time.utc)
        self.bus = EventBus()
        self.events = Recorder(self.bus)
        self.services = self.make_services()

    def make_gateway(self, **kwargs: Any) -> MyCoolPayGateway:
        kwargs.setdefault("retry", RetryPolicy(retries=1, base_delay=0.5))
        return MyCoolPayGateway(
            self.http,
            BASE_URL,
            PUBLIC_KEY,
            PRIVATE_KEY,
            sleep=self.time.sleep,
            rng=random.Random(0),
            clock=self.time.now,
            **kwargs,
        )

    def make_services(self) -> PaymentServices:
        return PaymentServices(
            self.journal,
            self.gateway,
            self.settings,
            self.bus,
            clock=self.time.utc,
            sleep=self.time.sleep,
            rng=random.Random(1),
            offload_journal=False,
        )

    async def rebuild(self) -> PaymentServices:
        """Drop the services and the journal connection as a killed console would; build new ones."""
        await self.services.aclose()
        self.journal.close()
        self.journal = Journal(self.path, clock=self.time.utc)
        self.bus = EventBus()
        self.events = Recorder(self.bus)
        self.services = self.make_services()
        await self.services.start()
        return self.services

    async def aclose(self) -> None:
        await self.services.aclose()
        self.journal.close()
        await self.http.aclose()


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    h = Harness(tmp_path)
    await h.services.start()
    yield h
    await h.aclose()
