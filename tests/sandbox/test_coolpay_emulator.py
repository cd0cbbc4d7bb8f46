"""The CoolPay emulator as a QuickPay v10 client sees it: real timestamps, callbacks under both names."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from posapp.gateways.base import CallbackRejected
from posapp.gateways.coolpay import CoolPayGateway
from posapp.sandbox.coolpay import TRAINING_API_KEY, TRAINING_PRIVATE_KEY, CoolPayState, create_app
from posapp.sandbox.customer import ManualClock

BASE_URL = "http://coolpay.test"
# What QuickPay's own Python client sends with every call (quickpay_api_client/api.py).
QUICKPAY_HEADERS = {
    "Accept-Version": "v10",
    "Authorization": "Basic " + base64.b64encode(f":{TRAINING_API_KEY}".encode()).decode(),
    "content-type": "application/json",
}
QUICKPAY_TIME = "%Y-%m-%dT%H:%M:%SZ"  # as QuickPay v10 writes created_at: 2021-02-17T13:32:35Z


def moment(text: str) -> datetime:
    return datetime.strptime(text, QUICKPAY_TIME).replace(tzinfo=UTC)


@pytest.fixture
def callbacks() -> list[httpx.Request]:
    return []


async def client_for(state: CoolPayState, callbacks: list[httpx.Request]) -> tuple[httpx.AsyncClient, object]:
    def receive(request: httpx.Request) -> httpx.Response:
        callbacks.append(request)
        return httpx.Response(200)

    app = create_app(state, callback_client=httpx.AsyncClient(transport=httpx.MockTransport(receive)))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL), app


@pytest.fixture
async def pinned(
    callbacks: list[httpx.Request],
) -> AsyncIterator[tuple[CoolPayState, ManualClock, httpx.AsyncClient]]:
    clock = ManualClock(utc_start=datetime(2026, 12, 1, 9, 30, 5, tzinfo=UTC))
    state = CoolPayState(clock=clock, seed=3, callback_url="https://merchant.test/cb")
    http, _ = await client_for(state, callbacks)
    async with http:
        yield state, clock, http


async def test_the_served_app_answers_the_current_utc_time() -> None:
    state = CoolPayState(seed=1)  # the training-mode clock: nothing injected
    http, _ = await client_for(state, [])
    async with http:
        before = datetime.now(UTC).replace(microsecond=0)
        created = await http.post(
            "/payments", json={"order_id": "now-0001", "currency": "dkk"}, headers=QUICKPAY_HEADERS
        )
        after = datetime.now(UTC)
    assert created.status_code == 201 and created.headers["content-type"] == "application/json"
    payment = created.json()
    for key in ("created_at", "updated_at"):
        assert before <= moment(payment[key]) <= after, (key, payment[key])


async def test_timestamps_follow_an_injected_clock(pinned: tuple[CoolPayState, ManualClock, httpx.AsyncClient]) -> None:
    state, clock, http = pinned
    created = (
        await http.post("/payments", json={"order_id": "clk-0001", "currency": "DKK"}, headers=QUICKPAY_HEADERS)
    ).json()
    assert created["created_at"] == "2026-12-01T09:30:05Z"
    await http.put(f"/payments/{created['id']}/link", json={"amount": 1000}, headers=QUICKPAY_HEADERS)
    clock.advance(95)
    state.pay(created["id"])
    paid = (await http.get(f"/payments/{created['id']}", headers=QUICKPAY_HEADERS)).json()
    assert paid["created_at"] == "2026-12-01T09:30:05Z"
    assert paid["updated_at"] == "2026-12-01T09:31:40Z"
    assert [op["created_at"] for op in paid["operations"]] == ["2026-12-01T09:31:40Z"]
    clock.advance(3600)
    captured = await http.post(
        f"/payments/{created['id']}/capture?synchronized", json={"amount": 1000}, headers=QUICKPAY_HEADERS
    )
    capture = captured.json()["operations"][-1]
    assert capture["type"] == "capture" and moment(capture["created_at"]) == datetime(
        2026, 12, 1, 9, 30, 5, tzinfo=UTC
    ) + timedelta(seconds=95 + 3600)


async def test_a_callback_carries_the_checksum_under_both_names(callbacks: list[httpx.Request]) -> None:
    state = CoolPayState(clock=ManualClock(), seed=4, callback_url="https://merchant.test/cb")
    http, _ = await client_for(state, callbacks)
    async with http:
        created = (
            await http.post("/payments", json={"order_id": "cb-00001", "currency": "DKK"}, headers=QUICKPAY_HEADERS)
        ).json()
        await http.put(f"/payments/{created['id']}/link", json={"amount": 500}, headers=QUICKPAY_HEADERS)
        state.pay(created["id"])
        await http.get(f"/payments/{created['id']}", headers=QUICKPAY_HEADERS)  # the answer sends the callback
    assert len(callbacks) == 1
    callback = callbacks[0]
    expected = hmac.new(TRAINING_PRIVATE_KEY.encode(), callback.content, hashlib.sha256).hexdigest()
    assert callback.headers["CoolPay-Checksum-Sha256"] == expected
    assert callback.headers["QuickPay-Checksum-Sha256"] == expected  # what a QuickPay v10 client reads
    assert callback.headers["QuickPay-Resource-Type"] == callback.headers["CoolPay-Resource-Type"] == "Payment"
    assert json.loads(callback.content)["id"] == created["id"]

    async with httpx.AsyncClient() as unused:
        gateway = CoolPayGateway(unused, BASE_URL, TRAINING_API_KEY, TRAINING_PRIVATE_KEY)
        for name in ("CoolPay-Checksum-Sha256", "QuickPay-Checksum-Sha256"):
            only_one = {"Content-Type": "application/json", name: expected}
            assert gateway.verify_callback(only_one, callback.content).provider_ref == str(created["id"])
        both_one_forged = {"CoolPay-Checksum-Sha256": expected, "QuickPay-Checksum-Sha256": "0" * 64}
        with pytest.raises(CallbackRejected):
            gateway.verify_callback(both_one_forged, callback.content)
