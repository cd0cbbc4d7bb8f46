"""Malformed answers: nothing broken may read as success, and each maps to the error class that says what to do."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.gateways.base import GatewayError, OutcomeUnknown, RetryPolicy, Unavailable
from posapp.gateways.mycoolpay import MyCoolPayGateway

from .card_helpers import HTML_502, answer
from .conftest import PRIVATE_KEY, PUBLIC_KEY

REF = "18ac6335-2bdd-4b95-944e-ef029c49c5b5"
MTN = parse_mobile("677000001")

GOOD_STATUS = {
    "status": "success",
    "app_transaction_ref": "order_123",
    "operator_transaction_ref": "MP200618.1634.A34527",
    "transaction_ref": REF,
    "transaction_type": "PAYIN",
    "transaction_amount": 100,
    "transaction_fees": 2,
    "transaction_currency": "XAF",
    "transaction_operator": "CM_OM",
    "transaction_status": "SUCCESS",
    "transaction_reason": "Bic pen",
    "transaction_message": None,
    "customer_phone_number": "699009900",
}


def with_status(**changes: Any) -> str:
    body = dict(GOOD_STATUS)
    for key, value in changes.items():
        if value is ...:
            body.pop(key)
        else:
            body[key] = value
    return json.dumps(body)


# Broken answers to a 2xx-expecting call; each is (name, response).
BROKEN: list[tuple[str, httpx.Response]] = [
    ("html 502", answer(502, HTML_502, "text/html")),
    ("html 200", answer(200, HTML_502, "text/html")),
    ("empty 200", answer(200, b"")),
    ("empty 201", answer(201, b"")),
    ("empty 500", answer(500, b"")),
    ("null", answer(200, "null")),
    ("list", answer(200, "[]")),
    ("string", answer(200, '"success"')),
    ("truncated", answer(200, with_status()[:40])),
    ("not utf-8", answer(200, b"\xff\xfe\x00{")),
    ("status only", answer(200, '{"status": "success"}')),
    ("status error on 200", answer(200, '{"status": "error", "message": "nope"}')),
    ("status missing", answer(200, with_status(status=...))),
    ("status lowercase", answer(200, with_status(status="SUCCESS"))),
    ("unknown transaction status", answer(200, with_status(transaction_status="PAID"))),
    ("lowercase transaction status", answer(200, with_status(transaction_status="success"))),
    ("transaction status missing", answer(200, with_status(transaction_status=...))),
    ("transaction status number", answer(200, with_status(transaction_status=1))),
    ("transaction status true", answer(200, with_status(transaction_status=True))),
    ("ref missing", answer(200, with_status(transaction_ref=...))),
    ("ref of another payment", answer(200, with_status(transaction_ref="someone-else"))),
    ("ref number", answer(200, with_status(transaction_ref=12))),
    ("amount missing on success", answer(200, with_status(transaction_amount=...))),
    ("amount text", answer(200, with_status(transaction_amount="abc"))),
    ("amount boolean", answer(200, with_status(transaction_amount=True))),
    ("amount object", answer(200, with_status(transaction_amount={"v": 1}))),
    ("amount with decimals in XAF", answer(200, with_status(transaction_amount=100.5))),
    ("amount NaN", answer(200, with_status()[:-1] + ', "transaction_amount": NaN}')),
    ("negative fees", answer(200, with_status(transaction_fees=-2))),
    ("fees text", answer(200, with_status(transaction_fees="two"))),
    ("unknown currency", answer(200, with_status(transaction_currency="ZZZ"))),
    ("operator number", answer(200, with_status(transaction_operator=5))),
    ("303 redirect", httpx.Response(303, headers={"Location": "https://login.example"})),
    ("204 no content", httpx.Response(204)),
    ("extra fields and wrong status", answer(200, with_status(transaction_status="REFUNDED", extra={"a": [1]}))),
]


def gateway_over(handler: Callable[[httpx.Request], httpx.Response], http: httpx.AsyncClient) -> MyCoolPayGateway:
    async def no_sleep(seconds: float) -> None:
        return None

    return MyCoolPayGateway(
        http,
        "http://mycoolpay.test",
        PUBLIC_KEY,
        PRIVATE_KEY,
        sleep=no_sleep,
        rng=random.Random(0),
        retry=RetryPolicy(retries=1),
    )


async def call(endpoint: str, response: httpx.Response) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        gateway = gateway_over(handler, http)
        if endpoint == "status":
            return await gateway.status(REF)
        if endpoint == "balance":
            return await gateway.balance()
        if endpoint == "payin":
            return await gateway.push_payment("a-1", Money(100, "XAF"), MTN, "x")
        if endpoint == "otp":
            return await gateway.submit_otp(REF, "123456")
        if endpoint == "payout":
            return await gateway.payout("a-1", Money(100, "XAF"), MTN)
        return await gateway.create_payment_link("a-1", Money(100, "XAF"), "x")


# What each call must raise for a broken answer: reads are retried later, money-moving requests are
# unknown, a link nobody received is as good as never created.
EXPECTED: dict[str, type[GatewayError]] = {
    "status": Unavailable,
    "balance": Unavailable,
    "payin": OutcomeUnknown,
    "otp": OutcomeUnknown,
    "payout": OutcomeUnknown,
    "paylink": Unavailable,
}


GENERIC = {
    "html 502",
    "html 200",
    "empty 200",
    "empty 201",
    "empty 500",
    "null",
    "list",
    "string",
    "truncated",
    "not utf-8",
    "status only",
    "status error on 200",
    "status missing",
    "303 redirect",
    "204 no content",
}
CASES = [
    (endpoint, name, response)
    for endpoint in EXPECTED
    for name, response in BROKEN
    if name in GENERIC or endpoint == "status"  # status-shaped bodies are broken only as status answers
]


@pytest.mark.parametrize(("endpoint", "name", "response"), CASES, ids=[f"{e}-{n}" for e, n, _ in CASES])
async def test_broken_answers_never_read_as_success(endpoint: str, name: str, response: httpx.Response) -> None:
    with pytest.raises(GatewayError) as caught:
        await call(endpoint, response)
    assert isinstance(caught.value, EXPECTED[endpoint]), f"{name}: {type(caught.value).__name__}"


@pytest.mark.parametrize(
    "body",
    [
        {"status": "success", "transaction_ref": "r-1", "transaction_status": "PAID"},
        {"status": "success", "transaction_ref": "r-1", "transaction_status": 3},
        {"status": "success", "transaction_ref": "", "message": "ok"},
        {"status": "success", "transaction_ref": ["r-1"]},
        {"status": "success", "message": "Successful transaction !"},
    ],
)
async def test_broken_payout_answers_are_unknown(body: dict[str, Any]) -> None:
    with pytest.raises(OutcomeUnknown):
        await call("payout", answer(200, json.dumps(body)))


async def test_status_error_body_on_a_2xx_payout_is_not_a_success() -> None:
    with pytest.raises(GatewayError):
        await call("payout", answer(200, '{"status": "error", "message": "nope"}'))


@pytest.mark.parametrize("code", [201, 203, 204, 206, 301, 302])
async def test_payout_with_an_unexpected_success_code_is_unknown(code: int) -> None:
    body = '{"status": "success", "message": "?", "transaction_ref": "r-1"}'
    with pytest.raises(GatewayError):
        await call("payout", answer(code, body))


async def test_429_on_a_read_honours_retry_after_then_gives_up() -> None:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "7"}, json={"status": "error", "message": "slow down"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        gateway = MyCoolPayGateway(http, "http://x", PUBLIC_KEY, PRIVATE_KEY, sleep=sleep, rng=random.Random(1))
        with pytest.raises(Unavailable) as caught:
            await gateway.status(REF)
    assert caught.value.retry_after == 7.0 and sleeps == [7.0, 7.0, 7.0]


async def test_retry_after_longer_than_the_cap_is_handed_to_the_caller() -> None:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, headers={"Retry-After": "3600"}, text="maintenance")

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        gateway = MyCoolPayGateway(http, "http://x", PUBLIC_KEY, PRIVATE_KEY, sleep=sleep)
        with pytest.raises(Unavailable) as caught:
            await gateway.balance()
    assert caught.value.retry_after == 3600.0 and sleeps == []


@pytest.mark.parametrize(
    "error",
    [httpx.ReadTimeout("t"), httpx.RemoteProtocolError("reset"), httpx.ReadError("reset"), httpx.WriteError("w")],
)
async def test_network_failure_after_sending_is_unknown_for_posts_and_retried_for_reads(error: Exception) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        raise error

    async def sleep(seconds: float) -> None:
        return None

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        gateway = MyCoolPayGateway(http, "http://x", PUBLIC_KEY, PRIVATE_KEY, sleep=sleep)
        with pytest.raises(OutcomeUnknown):
            await gateway.payout("n-1", Money(100, "XAF"), MTN)
        assert calls == ["POST"]
        with pytest.raises(Unavailable):
            await gateway.status(REF)
        assert calls == ["POST"] + ["GET"] * 4


async def test_connection_refused_before_sending_is_unavailable_even_for_a_payout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        gateway = MyCoolPayGateway(http, "http://x", PUBLIC_KEY, PRIVATE_KEY)
        with pytest.raises(Unavailable) as caught:
            await gateway.payout("n-2", Money(100, "XAF"), MTN)
    assert not isinstance(caught.value, OutcomeUnknown)


# ------------------------------------------------------------------------------------------ hypothesis

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**12) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)
field_values = st.one_of(
    json_values,
    st.sampled_from(
        ["SUCCESS", "PENDING", "FAILED", "CANCELED", "CREATED", "success", "PAID", "", REF, "XAF", "CM_OM"]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    drop=st.sets(st.sampled_from(sorted(GOOD_STATUS))),
    changes=st.dictionaries(st.sampled_from([*sorted(GOOD_STATUS), "extra"]), field_values, max_size=4),
    code=st.sampled_from([200, 200, 200, 201, 202, 400, 404, 500, 502]),
)
async def test_mutated_status_answers_read_as_success_only_when_they_say_so(
    drop: set[str], changes: dict[str, Any], code: int
) -> None:
    body = {k: v for k, v in GOOD_STATUS.items() if k not in drop}
    body.update(changes)
    try:
        report = await call("status", answer(code, json.dumps(body)))
    except GatewayError:
        return
    assert 200 <= code < 300
    says_success = (
        body.get("status") == "success"
        and body.get("transaction_status") == "SUCCESS"
        and body.get("transaction_ref") == REF
    )
    if report.status is Status.SUCCEEDED:
        assert says_success
        assert isinstance(report.amount, Money) and report.amount.minor >= 0
    assert report.provider_ref == REF
    assert report.status in (Status.SUCCEEDED, Status.PENDING, Status.FAILED, Status.CANCELED)


@settings(max_examples=100, deadline=None)
@given(body=json_values, code=st.sampled_from([200, 201, 202, 500, 502]))
async def test_arbitrary_payout_answers_are_never_a_success_without_a_reference(body: Any, code: int) -> None:
    try:
        report = await call("payout", answer(code, json.dumps(body)))
    except (OutcomeUnknown, Unavailable, GatewayError):
        return
    assert isinstance(body, dict) and body.get("status") == "success"
    assert isinstance(body.get("transaction_ref"), str) and body["transaction_ref"]
    assert report.status is (Status.SUCCEEDED if code == 200 else Status.PENDING)
