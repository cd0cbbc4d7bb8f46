"""The Paiwise emulator in the documents' shapes: metaData as a key/value pair array, real UTC timestamps."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from posapp.sandbox import paiwise
from posapp.sandbox.customer import ManualClock
from posapp.sandbox.paiwise import TRAINING_API_KEY, PaiwiseState, create_app

BASE_URL = "http://paiwise.test"
HEADERS = {"Authorization": f"Bearer {TRAINING_API_KEY}"}
PAIWISE_TIME = "%Y-%m-%dT%H:%M:%SZ"
START = datetime(2026, 12, 1, 9, 30, 5, tzinfo=UTC)


def create_fields(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "amount": 3000,
        "currency": "SEK",
        "message": "Lunch",
        "returnUrl": "https://shop.test/ok",
        "returnUrlCancel": "https://shop.test/cancel",
    }
    return {**fields, **changes}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(utc_start=START)


@pytest.fixture
async def http(clock: ManualClock) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(PaiwiseState(clock=clock, seed=5))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
        yield client


@pytest.fixture
async def plain_http() -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(PaiwiseState(clock=ManualClock(), seed=7))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
        yield client


async def call(http: httpx.AsyncClient, verb: str, fields: dict[str, Any]) -> dict[str, Any]:
    answer = await http.post(f"/checkout/{verb}", json=fields, headers=HEADERS)
    assert answer.status_code in (200, 201), answer.text
    body = answer.json()
    assert isinstance(body, dict)
    return body


def documented_checkout_example() -> dict[str, Any]:
    """The checkout object of the emulator's docstring, read as JSON (its "..." are strings already)."""
    doc = paiwise.__doc__ or ""
    example = re.search(r"checkout object \(.*?\)::\n\n(.*?)\n\n", doc, re.S)
    assert example is not None, "the docstring lost its checkout object example"
    return dict(json.loads(example.group(1)))


async def test_metadata_sent_as_the_documented_array_comes_back_as_that_array(plain_http: httpx.AsyncClient) -> None:
    http = plain_http
    pairs = [{"key": "app_ref", "value": "pw-1"}, {"key": "table", "value": "7"}]
    created = await call(http, "create", create_fields(identifier="pw-1", metaData=pairs))
    assert created["metaData"] == pairs
    retrieved = await call(http, "retrieve", {"checkout_id": created["checkout_id"]})
    assert retrieved["metaData"] == pairs

    # The update takes "an object key-value" (the documents); the answer is still the pair array.
    updated = await call(
        http, "update", {"checkout_id": created["checkout_id"], "metaData": {"table": "", "seat": "2"}}
    )
    assert updated["metaData"] == [{"key": "app_ref", "value": "pw-1"}, {"key": "seat", "value": "2"}]

    # Sent as an object, answered in the documents' shape all the same.
    other = await call(http, "create", create_fields(identifier="pw-2", metaData={"app_ref": "pw-2"}))
    assert other["metaData"] == [{"key": "app_ref", "value": "pw-2"}]
    customer = await call(http, "create-customer", {"email": "awa@example.se", "metaData": pairs[:1]})
    assert customer["metaData"] == pairs[:1]

    # The object our docstring defines is the one served: same fields, same kinds of value.
    example = documented_checkout_example()
    assert set(example) == set(created)
    for key, value in example.items():
        assert type(created[key]) is type(value) or created[key] is None or value is None, key


async def test_timestamps_are_the_clock_utc_time(http: httpx.AsyncClient, clock: ManualClock) -> None:
    created = await call(http, "create", create_fields(identifier="pw-time", capture=True))
    assert created["created_at"] == created["updated_at"] == "2026-12-01T09:30:05Z"
    clock.advance(42)
    refunded_at = START + timedelta(seconds=42)
    await http.post(f"/_sandbox/checkouts/{created['checkout_id']}/pay")
    refund = await call(http, "refund", {"checkout_id": created["checkout_id"], "amount": 1000})
    assert refund["created_at"] == "2026-12-01T09:30:05Z"
    assert datetime.strptime(refund["updated_at"], PAIWISE_TIME).replace(tzinfo=UTC) == refunded_at
    assert refund["refunds"][0]["created_at"] == refunded_at.strftime(PAIWISE_TIME)


async def test_the_served_app_answers_the_current_utc_time() -> None:
    app = create_app(PaiwiseState(seed=6))  # the training-mode clock: nothing injected
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
        before = datetime.now(UTC).replace(microsecond=0)
        created = await call(client, "create", create_fields(identifier="pw-now"))
        after = datetime.now(UTC)
    assert before <= datetime.strptime(created["created_at"], PAIWISE_TIME).replace(tzinfo=UTC) <= after
