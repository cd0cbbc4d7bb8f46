"""CommerceLayerGateway against the Commerce Layer emulator in process (httpx.ASGITransport)."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.gateways.base import (
    CallbackRejected,
    Capability,
    Gateway,
    InvalidRequest,
    NotFound,
    OutcomeUnknown,
    RetryPolicy,
    Unauthorized,
    Unavailable,
    UnreadableAnswer,
)
from posapp.gateways.commercelayer import CommerceLayerGateway, webhook_signature
from posapp.sandbox.commercelayer import CommerceLayerState, create_app
from posapp.sandbox.customer import Fault, FaultRule, ManualClock, Script

from .card_helpers import Recorder, answer, asgi_client, expect_error, generic_broken, mock_client

CLIENT_ID = "cl-client-id-test"
CLIENT_SECRET = "cl-client-secret-test-0123456789"
WEBHOOK_SECRET = "cl-webhook-secret-test"
BASE_URL = "http://commercelayer.test"
MEDIA = "application/vnd.api+json"


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


class WallClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def state(clock: ManualClock) -> CommerceLayerState:
    return CommerceLayerState(CLIENT_ID, CLIENT_SECRET, webhook_secret=WEBHOOK_SECRET, clock=clock, seed=4)


@pytest.fixture
def hooks() -> list[httpx.Request]:
    return []


@pytest.fixture
async def app(state: CommerceLayerState, hooks: list[httpx.Request]) -> AsyncIterator[Starlette]:
    def receive(request: httpx.Request) -> httpx.Response:
        hooks.append(request)
        return httpx.Response(200)

    async with httpx.AsyncClient(transport=httpx.MockTransport(receive)) as client:
        yield create_app(state, callback_client=client)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def http(app: Starlette, recorder: Recorder) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(app, recorder, BASE_URL) as client:
        yield client


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


def make_gateway(http: httpx.AsyncClient, recorder: Recorder, wall: WallClock, **kwargs: Any) -> CommerceLayerGateway:
    return CommerceLayerGateway(
        http,
        BASE_URL,
        CLIENT_ID,
        kwargs.pop("client_secret", CLIENT_SECRET),
        webhook_secret=WEBHOOK_SECRET,
        sleep=recorder.sleep,
        rng=random.Random(0),
        clock=wall,
        **kwargs,
    )


@pytest.fixture
def gateway(http: httpx.AsyncClient, recorder: Recorder, wall: WallClock) -> CommerceLayerGateway:
    return make_gateway(http, recorder, wall)


def test_declares_what_it_can_do(gateway: CommerceLayerGateway) -> None:
    assert isinstance(gateway, Gateway)
    assert Capability.CAPTURE | Capability.REFUND | Capability.CALLBACKS in gateway.capabilities
    assert CLIENT_SECRET in gateway.secrets


async def test_sale_through_3ds_captured_in_part_and_refunded_in_part(
    gateway: CommerceLayerGateway, http: httpx.AsyncClient, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("cl-sale-1", eur(1250), "Shoes", lang="fr_CM")
    paths = [(r.method, r.url.path) for r in recorder.requests]
    assert paths == [
        ("POST", "/oauth/token"),
        ("POST", "/api/orders"),
        ("POST", "/api/line_items"),
        ("POST", "/api/checkout_com_payments"),
    ]
    for request in recorder.requests[1:]:
        assert request.headers["Accept"] == MEDIA and request.headers["Content-Type"] == MEDIA
    assert link.url.endswith("/3ds/" + link.url.rsplit("/", 1)[1])

    assert (await gateway.status(link.provider_ref)).status is Status.PENDING
    page = await http.get(link.url)
    assert "12.50 EUR" in page.text and "3-D Secure" in page.text
    approved = await http.post(link.url, data={"action": "pay"})
    assert "AUTHORIZED" in approved.text
    report = await gateway.status(link.provider_ref)
    assert report.status is Status.AUTHORIZED and report.provider_status == "authorized"
    assert report.app_ref == "cl-sale-1" and report.amount == eur(1250)

    captured = await gateway.capture(link.provider_ref, eur(1000))
    assert captured.status is Status.SUCCEEDED and captured.provider_status == "partially_paid"
    assert captured.captured == eur(1000)
    assert any(r.method == "PATCH" and r.url.path.startswith("/api/authorizations/") for r in recorder.requests)

    part = await gateway.refund(link.provider_ref, eur(300), "cl-refund-1")
    assert part.status is Status.PARTIALLY_REFUNDED and part.refundable == eur(700)
    with pytest.raises(InvalidRequest) as caught:
        await gateway.refund(link.provider_ref, eur(701), "cl-refund-2")
    assert caught.value.http_status == 422 and "refundable" in caught.value.provider_message
    rest = await gateway.refund(link.provider_ref, eur(700), "cl-refund-3")
    assert rest.status is Status.REFUNDED
    patch = recorder.requests[-1]
    assert patch.url.path == f"/api/orders/{link.provider_ref}"
    assert json.loads(patch.content)["data"]["attributes"] == {"_refund": True}
    assert [r.url.path for r in recorder.requests].count("/oauth/token") == 1  # the token was cached


async def test_full_capture_uses_the_order_trigger_and_cancel_voids(
    gateway: CommerceLayerGateway, state: CommerceLayerState, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("cl-full", eur(500), "x")
    state.approve(link.url.rsplit("/", 1)[1])
    report = await gateway.capture(link.provider_ref)
    assert report.status is Status.SUCCEEDED and report.provider_status == "paid"
    assert json.loads(recorder.requests[-1].content)["data"]["attributes"] == {"_capture": True}

    other = await gateway.create_payment_link("cl-void", eur(500), "x")
    state.approve(other.url.rsplit("/", 1)[1])
    voided = await gateway.cancel(other.provider_ref)
    assert voided.status is Status.CANCELED and voided.provider_status == "voided"


async def test_declined_and_expired_3ds(
    gateway: CommerceLayerGateway, state: CommerceLayerState, http: httpx.AsyncClient, clock: ManualClock
) -> None:
    link = await gateway.create_payment_link("cl-decl", eur(500), "x")
    await http.post(link.url, data={"action": "decline"})
    report = await gateway.status(link.provider_ref)
    assert report.status is Status.FAILED and report.provider_status == "unpaid"
    with pytest.raises(InvalidRequest):
        await gateway.capture(link.provider_ref)

    state.scripts.queue_next(Script.walk_away())
    gone = await gateway.create_payment_link("cl-gone", eur(500), "x")
    clock.advance(state.timings.expiry)
    assert (await gateway.status(gone.provider_ref)).status is Status.FAILED


async def test_auto_capture_reads_paid(gateway: CommerceLayerGateway, state: CommerceLayerState) -> None:
    state.auto_capture = True
    state.scripts.queue_next(Script.pay(after=0))
    link = await gateway.create_payment_link("cl-auto", eur(500), "x")
    assert (await gateway.status(link.provider_ref)).status is Status.SUCCEEDED


async def test_token_cached_until_expiry_and_refreshed_once_on_401(
    gateway: CommerceLayerGateway, state: CommerceLayerState, wall: WallClock, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("cl-token", eur(500), "x")
    await gateway.status(link.provider_ref)
    assert gateway.tokens_fetched == 1
    wall.now += 7200 - 59  # within the margin: the cached token is not used any more
    await gateway.status(link.provider_ref)
    assert gateway.tokens_fetched == 2
    state.revoke_tokens()  # the provider expired it early: one 401, one new token, the call repeated
    assert (await gateway.status(link.provider_ref)).status is Status.PENDING
    assert gateway.tokens_fetched == 3 and state.tokens_issued == 3
    statuses = [r.url.path for r in recorder.requests[-3:]]
    assert statuses == [f"/api/orders/{link.provider_ref}", "/oauth/token", f"/api/orders/{link.provider_ref}"]


async def test_wrong_secret_is_unauthorized(http: httpx.AsyncClient, recorder: Recorder, wall: WallClock) -> None:
    wrong = make_gateway(http, recorder, wall, client_secret="nope")
    with pytest.raises(Unauthorized):
        await wrong.status("abc")


async def test_media_types_are_enforced(http: httpx.AsyncClient, gateway: CommerceLayerGateway) -> None:
    link = await gateway.create_payment_link("cl-media", eur(500), "x")
    token = gateway._token
    plain = await http.get(f"/api/orders/{link.provider_ref}", headers={"Authorization": f"Bearer {token}"})
    assert plain.status_code == 406 and plain.json()["errors"][0]["code"] == "NOT_ACCEPTABLE"
    wrong_body = await http.post(
        "/api/orders", json={"data": {}}, headers={"Authorization": f"Bearer {token}", "Accept": MEDIA}
    )
    assert wrong_body.status_code == 415
    with pytest.raises(NotFound) as caught:
        await gateway.status("nothere")
    assert caught.value.raw["errors"][0]["title"] == "Record not found"  # "code" is masked like any code
    with pytest.raises(InvalidRequest, match="reference has already been taken"):
        await gateway.create_payment_link("cl-media", eur(500), "x")


async def test_trigger_failure_is_unknown_and_sent_once(
    gateway: CommerceLayerGateway, state: CommerceLayerState, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("cl-fault", eur(500), "x")
    state.approve(link.url.rsplit("/", 1)[1])
    state.faults.add(FaultRule(Fault.CONNECTION_RESET, endpoint="PATCH orders"))
    before = len(recorder.requests)
    with pytest.raises(OutcomeUnknown) as caught:
        await gateway.capture(link.provider_ref)
    assert caught.value.provider_ref == link.provider_ref and len(recorder.requests) == before + 1
    state.faults.add(FaultRule(Fault.HTTP_500, endpoint="GET orders", count=2))
    assert (await gateway.status(link.provider_ref)).status is Status.SUCCEEDED


async def test_webhook_signature_verifies_and_tampering_is_rejected(
    gateway: CommerceLayerGateway, state: CommerceLayerState, app: Starlette, hooks: list[httpx.Request]
) -> None:
    state.webhook_url = "https://merchant.test/hooks"
    link = await gateway.create_payment_link("cl-hook", eur(500), "x")
    state.approve(link.url.rsplit("/", 1)[1])
    await app.state.emulator.deliver_callbacks()
    assert len(hooks) == 1
    hook = hooks[0]
    assert hook.headers["X-CommerceLayer-Signature"] == webhook_signature(hook.content, WEBHOOK_SECRET)
    hint = gateway.verify_callback(dict(hook.headers), hook.content)
    assert hint.provider_ref == link.provider_ref and hint.app_ref == "cl-hook"
    tampered = hook.content.replace(b'"authorized"', b'"paid"')
    assert tampered != hook.content
    with pytest.raises(CallbackRejected):
        gateway.verify_callback(dict(hook.headers), tampered)
    with pytest.raises(CallbackRejected):
        gateway.verify_callback({}, hook.content)


# ------------------------------------------------------------------------------------------ malformed answers

REF = "ordAbc1234"


def order(payment_status: str = "paid", transactions: list[tuple[str, int, bool]] | None = None, **changes: Any) -> str:
    attributes: dict[str, Any] = {
        "status": "placed",
        "payment_status": payment_status,
        "currency_code": "EUR",
        "total_amount_cents": 1000,
        "reference": "cl-1",
    }
    data: dict[str, Any] = {"id": REF, "type": "orders", "attributes": attributes}
    for key, value in changes.items():
        if value is ...:
            attributes.pop(key)
        else:
            attributes[key] = value
    spec = [("authorizations", 1000, True), ("captures", 1000, True)] if transactions is None else transactions
    included = [
        {"id": f"t{i}", "type": kind, "attributes": {"amount_cents": cents, "succeeded": ok}}
        for i, (kind, cents, ok) in enumerate(spec)
    ]
    return json.dumps({"data": data, "included": included})


SHAPED = [
    ("unknown payment status", answer(200, order("settled"))),
    ("payment status missing", answer(200, order().replace('"payment_status": "paid", ', ""))),
    ("another order", answer(200, json.dumps({**json.loads(order()), "data": {"id": "other", "type": "orders"}}))),
    ("not an order", answer(200, order().replace('"type": "orders"', '"type": "skus"'))),
    ("paid without capture", answer(200, order("paid", [("authorizations", 1000, True)]))),
    (
        "paid with a failed capture",
        answer(200, order("paid", [("authorizations", 1000, True), ("captures", 1000, False)])),
    ),
    (
        "captured more than authorized",
        answer(200, order("paid", [("authorizations", 10, True), ("captures", 1000, True)])),
    ),
    ("refunded without refunds", answer(200, order("refunded"))),
    ("amount text", answer(200, order("paid", [("authorizations", 1000, True), ("captures", "1000", True)]))),  # type: ignore[list-item]
    ("succeeded text", answer(200, order().replace('"succeeded": true', '"succeeded": "true"'))),
    ("unknown currency", answer(200, order(currency_code="ZZZ"))),
    ("included object", answer(200, json.dumps({**json.loads(order()), "included": {}}))),
    ("jsonapi errors on 200", answer(200, '{"errors": [{"title": "x", "status": "500"}]}')),
]


async def call(endpoint: str, response: httpx.Response) -> Any:
    async def no_sleep(seconds: float) -> None:
        return None

    token = httpx.Response(200, json={"access_token": "tok", "token_type": "bearer", "expires_in": 7200})

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return token
        return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        gateway = CommerceLayerGateway(
            http, BASE_URL, CLIENT_ID, CLIENT_SECRET, sleep=no_sleep, retry=RetryPolicy(retries=1)
        )
        if endpoint == "status":
            return await gateway.status(REF)
        if endpoint == "capture":
            return await gateway.capture(REF)
        return await gateway.create_payment_link("cl-1", eur(1000), "x")


EXPECTED = {"status": UnreadableAnswer, "capture": OutcomeUnknown, "create": Unavailable}
CASES = [(e, n, r) for e in EXPECTED for n, r in generic_broken(order()) + (SHAPED if e != "create" else [])]


@pytest.mark.parametrize(("endpoint", "name", "response"), CASES, ids=[f"{e}-{n}" for e, n, _ in CASES])
async def test_broken_answers_never_read_as_success(endpoint: str, name: str, response: httpx.Response) -> None:
    expected: type = EXPECTED[endpoint]
    if endpoint == "status" and response.status_code >= 500:
        expected = Unavailable
    await expect_error(lambda: call(endpoint, response), expected, name)


@pytest.mark.parametrize(
    "token",
    [
        answer(200, "{}"),
        answer(200, '{"access_token": "", "token_type": "bearer", "expires_in": 7200}'),
        answer(200, '{"access_token": "t", "token_type": "mac", "expires_in": 7200}'),
        answer(200, '{"access_token": "t", "token_type": "bearer", "expires_in": "7200"}'),
        answer(200, "<html>"),
    ],
)
async def test_broken_token_answers_are_unavailable(token: httpx.Response) -> None:
    async with mock_client(token) as http:
        gateway = CommerceLayerGateway(http, BASE_URL, CLIENT_ID, CLIENT_SECRET, retry=RetryPolicy(retries=0))
        with pytest.raises(Unavailable):
            await gateway.status(REF)


async def test_the_good_order_reads_as_a_success() -> None:
    assert (await call("status", answer(200, order()))).status is Status.SUCCEEDED
