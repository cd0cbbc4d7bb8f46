"""The My-CoolPay gateway against the in-process emulator (httpx.ASGITransport), on a manual clock."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette

from posapp.gateways.base import RetryPolicy
from posapp.gateways.mycoolpay import MyCoolPayGateway
from posapp.sandbox.customer import ManualClock
from posapp.sandbox.mycoolpay import MyCoolPayState, create_app

PUBLIC_KEY = "pk-test-2f1c8a90-5b7e-4c3d-9e8f-0a1b2c3d4e5f"
PRIVATE_KEY = "sk-test-very-secret-1234567890abcdef"
BASE_URL = "http://mycoolpay.test"


class Recorder:
    """Sleeps that do not sleep, and the requests a transport saw."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self.requests: list[httpx.Request] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


class CountingTransport(httpx.AsyncBaseTransport):
    """Forwards to another transport and keeps every request (to prove a POST is sent once)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, recorder: Recorder) -> None:
        self.inner = inner
        self.recorder = recorder

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.recorder.requests.append(request)
        return await self.inner.handle_async_request(request)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def state(clock: ManualClock) -> MyCoolPayState:
    return MyCoolPayState(PUBLIC_KEY, PRIVATE_KEY, clock=clock, seed=7, balance=10_000)


@pytest.fixture
def callbacks() -> list[httpx.Request]:
    return []


@pytest.fixture
async def app(state: MyCoolPayState, callbacks: list[httpx.Request]) -> AsyncIterator[Starlette]:
    def receive(request: httpx.Request) -> httpx.Response:
        callbacks.append(request)
        return httpx.Response(200, text="OK")

    async with httpx.AsyncClient(transport=httpx.MockTransport(receive)) as callback_client:
        yield create_app(state, callback_client=callback_client)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def http(app: Starlette, recorder: Recorder) -> AsyncIterator[httpx.AsyncClient]:
    transport = CountingTransport(httpx.ASGITransport(app=app), recorder)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        yield client


def make_gateway(http: httpx.AsyncClient, recorder: Recorder, **kwargs: object) -> MyCoolPayGateway:
    kwargs.setdefault("retry", RetryPolicy())
    return MyCoolPayGateway(
        http,
        BASE_URL,
        PUBLIC_KEY,
        PRIVATE_KEY,
        sleep=recorder.sleep,
        rng=random.Random(0),
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def gateway(http: httpx.AsyncClient, recorder: Recorder) -> MyCoolPayGateway:
    return make_gateway(http, recorder)


def body_of(request: httpx.Request) -> dict[str, object]:
    return json.loads(request.content)
