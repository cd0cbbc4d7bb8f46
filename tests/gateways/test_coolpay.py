"""CoolPayGateway against the CoolPay emulator in process (httpx.ASGITransport), on a manual clock."""

from __future__ import annotations

import base64
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
    Declined,
    Gateway,
    InvalidRequest,
    NotFound,
    OutcomeUnknown,
    RetryPolicy,
    Unauthorized,
    Unavailable,
    UnreadableAnswer,
)
from posapp.gateways.coolpay import CoolPayGateway, checksum, order_id_for
from posapp.sandbox.coolpay import CoolPayState, create_app
from posapp.sandbox.customer import Fault, FaultRule, ManualClock, Script

from .card_helpers import Recorder, answer, asgi_client, expect_error, generic_broken, mock_client

API_KEY = "cp-api-key-test-0123456789"
PRIVATE_KEY = "cp-private-key-test-abcdef"
BASE_URL = "http://coolpay.test"


def dkk(minor: int) -> Money:
    return Money(minor, "DKK")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def state(clock: ManualClock) -> CoolPayState:
    return CoolPayState(API_KEY, PRIVATE_KEY, clock=clock, seed=5)


@pytest.fixture
def callbacks() -> list[httpx.Request]:
    return []


@pytest.fixture
async def app(state: CoolPayState, callbacks: list[httpx.Request]) -> AsyncIterator[Starlette]:
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
    async with asgi_client(app, recorder, BASE_URL) as client:
        yield client


def make_gateway(http: httpx.AsyncClient, recorder: Recorder, **kwargs: Any) -> CoolPayGateway:
    return CoolPayGateway(
        http,
        BASE_URL,
        kwargs.pop("api_key", API_KEY),
        PRIVATE_KEY,
        sleep=recorder.sleep,
        rng=random.Random(0),
        **kwargs,
    )


@pytest.fixture
def gateway(http: httpx.AsyncClient, recorder: Recorder) -> CoolPayGateway:
    return make_gateway(http, recorder)


async def pay_on_page(http: httpx.AsyncClient, url: str, action: str = "pay") -> httpx.Response:
    page = await http.get(url)
    assert page.status_code == 200 and "<form" in page.text
    return await http.post(url, data={"action": action, "card": "4571000000000001"})


# ------------------------------------------------------------------------------------------ sale


def test_declares_capture_refund_cancel(gateway: CoolPayGateway) -> None:
    assert isinstance(gateway, Gateway)
    wanted = Capability.PAYMENT_LINK | Capability.CAPTURE | Capability.REFUND | Capability.CANCEL
    assert wanted in gateway.capabilities and Capability.PUSH_PAYMENT not in gateway.capabilities
    assert API_KEY in gateway.secrets and PRIVATE_KEY in gateway.secrets


async def test_sale_authorized_captured_in_part_and_refunded_in_part(
    gateway: CoolPayGateway, http: httpx.AsyncClient, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("sale-0001", dkk(1000), "Coffee beans", lang="en")
    create, put = recorder.requests[0], recorder.requests[1]
    assert create.headers["Accept-Version"] == "v10"
    assert base64.b64decode(create.headers["Authorization"].split()[1]).decode() == f":{API_KEY}"
    assert json.loads(create.content)["order_id"] == "sale-0001"
    assert put.method == "PUT" and json.loads(put.content) == {"amount": 1000, "auto_capture": False, "language": "en"}

    before = await gateway.status(link.provider_ref)
    assert before.status is Status.PENDING and before.provider_status == "initial" and before.amount == dkk(1000)

    paid = await pay_on_page(http, link.url)
    assert "AUTHORIZED" in paid.text
    authorized = await gateway.status(link.provider_ref)
    assert authorized.status is Status.AUTHORIZED and authorized.provider_status == "new"
    assert authorized.captured == dkk(0) and authorized.app_ref == "sale-0001"

    captured = await gateway.capture(link.provider_ref, dkk(600))
    assert captured.status is Status.SUCCEEDED and captured.captured == dkk(600) and captured.amount == dkk(1000)
    assert "synchronized" in str(recorder.requests[-1].url)

    part = await gateway.refund(link.provider_ref, dkk(200), "refund-1")
    assert part.status is Status.PARTIALLY_REFUNDED and part.refunded == dkk(200) and part.refundable == dkk(400)

    with pytest.raises(InvalidRequest) as caught:
        await gateway.refund(link.provider_ref, dkk(401), "refund-2")
    assert "exceeds the refundable amount" in caught.value.provider_message and caught.value.http_status == 400

    rest = await gateway.refund(link.provider_ref, dkk(400), "refund-3")
    assert rest.status is Status.REFUNDED and rest.refundable == dkk(0)


async def test_auto_capture_reads_succeeded_at_once(http: httpx.AsyncClient, recorder: Recorder) -> None:
    gateway = make_gateway(http, recorder, auto_capture=True)
    link = await gateway.create_payment_link("auto-0001", dkk(2500), "x")
    await pay_on_page(http, link.url)
    report = await gateway.status(link.provider_ref)
    assert report.status is Status.SUCCEEDED and report.captured == dkk(2500) and report.provider_status == "processed"


async def test_declined_card_fails(gateway: CoolPayGateway, http: httpx.AsyncClient) -> None:
    link = await gateway.create_payment_link("decl-0001", dkk(500), "x")
    page = await pay_on_page(http, link.url, action="decline")
    assert "DECLINED" in page.text
    report = await gateway.status(link.provider_ref)
    assert report.status is Status.FAILED and report.provider_status == "rejected"
    with pytest.raises(InvalidRequest):
        await gateway.capture(link.provider_ref)


async def test_scripted_customer_pays_after_a_delay(
    gateway: CoolPayGateway, state: CoolPayState, clock: ManualClock
) -> None:
    state.scripts.queue_next(Script.pay(after=10))
    link = await gateway.create_payment_link("script-01", dkk(500), "x")
    assert (await gateway.status(link.provider_ref)).status is Status.PENDING
    clock.advance(10)
    assert (await gateway.status(link.provider_ref)).status is Status.AUTHORIZED
    assert (await gateway.capture(link.provider_ref)).captured == dkk(500)


async def test_cancel_voids_the_authorization(gateway: CoolPayGateway, state: CoolPayState) -> None:
    link = await gateway.create_payment_link("void-0001", dkk(500), "x")
    state.pay(link.provider_ref)
    report = await gateway.cancel(link.provider_ref)
    assert report.status is Status.CANCELED and report.provider_status == "processed"


async def test_asynchronous_capture_is_202_then_settles(
    http: httpx.AsyncClient, recorder: Recorder, state: CoolPayState, clock: ManualClock
) -> None:
    gateway = make_gateway(http, recorder, synchronized=False)
    link = await gateway.create_payment_link("async-001", dkk(800), "x")
    state.pay(link.provider_ref)
    report = await gateway.capture(link.provider_ref, dkk(800))
    assert report.status is Status.AUTHORIZED and report.provider_status == "pending"
    ops = report.raw["operations"]
    assert ops[-1]["type"] == "capture" and ops[-1]["pending"] is True and ops[-1]["qp_status_code"] is None
    clock.advance(state.timings.operation_settle)
    assert (await gateway.status(link.provider_ref)).status is Status.SUCCEEDED


async def test_acquirer_refusing_a_capture_is_declined(gateway: CoolPayGateway, state: CoolPayState) -> None:
    link = await gateway.create_payment_link("refuse-01", dkk(500), "x")
    state.pay(link.provider_ref)
    state.decline_next("capture")
    with pytest.raises(Declined) as caught:
        await gateway.capture(link.provider_ref, dkk(500))
    assert caught.value.provider_message == "Rejected test operation"
    assert (await gateway.status(link.provider_ref)).status is Status.AUTHORIZED


async def test_capture_above_the_authorization_is_refused(gateway: CoolPayGateway, state: CoolPayState) -> None:
    link = await gateway.create_payment_link("over-0001", dkk(500), "x")
    state.pay(link.provider_ref)
    with pytest.raises(InvalidRequest, match="exceeds the authorized amount"):
        await gateway.capture(link.provider_ref, dkk(501))


# ------------------------------------------------------------------------------------------ order_id & errors


async def test_duplicate_order_id_is_the_documented_validation_error(gateway: CoolPayGateway) -> None:
    await gateway.create_payment_link("dup-0001", dkk(500), "x")
    with pytest.raises(InvalidRequest) as caught:
        await gateway.create_payment_link("dup-0001", dkk(500), "x")
    assert caught.value.http_status == 400
    assert caught.value.raw == {
        "message": "Validation error",
        "errors": {"order_id": ["has already been taken"]},
        "error_code": None,
    }
    assert caught.value.provider_message == "Validation error: order_id has already been taken"


async def test_long_app_ref_travels_as_a_digest_and_comes_back(gateway: CoolPayGateway, recorder: Recorder) -> None:
    app_ref = "7d4c2b1a-0e9f-4d3c-8b7a-6f5e4d3c2b1a"
    link = await gateway.create_payment_link(app_ref, dkk(500), "x")
    sent = json.loads(recorder.requests[0].content)
    assert sent["order_id"] == order_id_for(app_ref) and len(sent["order_id"]) == 20
    assert (await gateway.status(link.provider_ref)).app_ref == app_ref
    with pytest.raises(InvalidRequest):
        await gateway.create_payment_link(app_ref, dkk(500), "x")


async def test_wrong_key_is_unauthorized_and_version_is_required(
    http: httpx.AsyncClient, recorder: Recorder, gateway: CoolPayGateway
) -> None:
    wrong = make_gateway(http, recorder, api_key="not-the-key")
    with pytest.raises(Unauthorized):
        await wrong.create_payment_link("key-0001", dkk(500), "x")
    headers = {"Authorization": "Basic " + base64.b64encode(f":{API_KEY}".encode()).decode()}
    missing = await http.post("/payments", json={"order_id": "ver-0001", "currency": "DKK"}, headers=headers)
    assert missing.status_code == 400 and set(missing.json()) == {"message", "errors", "error_code"}
    with pytest.raises(NotFound):
        await gateway.status("123")


async def test_capture_failure_is_unknown_sent_once_and_status_is_retried(
    gateway: CoolPayGateway, state: CoolPayState, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("fault-001", dkk(500), "x")
    state.pay(link.provider_ref)
    state.faults.add(FaultRule(Fault.HTTP_500, endpoint="capture", commit=True))
    before = len(recorder.requests)
    with pytest.raises(OutcomeUnknown) as caught:
        await gateway.capture(link.provider_ref, dkk(500))
    assert caught.value.provider_ref == link.provider_ref and len(recorder.requests) == before + 1
    state.faults.add(FaultRule(Fault.HTML_ERROR, endpoint="get", count=2))
    assert (await gateway.status(link.provider_ref)).status is Status.SUCCEEDED
    assert len(recorder.sleeps) == 2


async def test_link_creation_failure_is_unavailable(gateway: CoolPayGateway, state: CoolPayState) -> None:
    state.faults.add(FaultRule(Fault.CONNECTION_RESET, endpoint="link"))
    with pytest.raises(Unavailable) as caught:
        await gateway.create_payment_link("reset-001", dkk(500), "x")
    assert not isinstance(caught.value, OutcomeUnknown)


# ------------------------------------------------------------------------------------------ callbacks


async def test_callback_checksum_verifies_and_tampering_is_rejected(
    gateway: CoolPayGateway, state: CoolPayState, app: Starlette, callbacks: list[httpx.Request]
) -> None:
    state.callback_url = "https://merchant.test/cb"
    link = await gateway.create_payment_link("cb-000001", dkk(500), "x")
    state.pay(link.provider_ref)
    await app.state.emulator.deliver_callbacks()
    assert len(callbacks) == 1
    request = callbacks[0]
    assert request.headers["CoolPay-Checksum-Sha256"] == checksum(request.content, PRIVATE_KEY)
    hint = gateway.verify_callback(dict(request.headers), request.content)
    assert hint.provider_ref == link.provider_ref and hint.app_ref == "cb-000001"

    tampered = request.content.replace(b'"accepted": true', b'"accepted": false')
    assert tampered != request.content
    with pytest.raises(CallbackRejected):
        gateway.verify_callback(dict(request.headers), tampered)
    with pytest.raises(CallbackRejected):
        gateway.verify_callback({}, request.content)
    forged = {"CoolPay-Checksum-Sha256": checksum(request.content, "another-key")}
    with pytest.raises(CallbackRejected):
        gateway.verify_callback(forged, request.content)
    other = {"QuickPay-Checksum-Sha256": checksum(b"[]", PRIVATE_KEY)}
    with pytest.raises(CallbackRejected):
        gateway.verify_callback(other, b"[]")


# ------------------------------------------------------------------------------------------ malformed answers

REF = "100000123"
GOOD_PAYMENT: dict[str, Any] = {
    "id": 100000123,
    "order_id": "sale-0001",
    "accepted": True,
    "type": "Payment",
    "currency": "DKK",
    "state": "processed",
    "variables": {},
    "link": {"url": "http://x/pay/t", "amount": 1000},
    "operations": [
        {"id": 1, "type": "authorize", "amount": 1000, "pending": False, "qp_status_code": "20000"},
        {"id": 2, "type": "capture", "amount": 1000, "pending": False, "qp_status_code": "20000"},
    ],
    "balance": 1000,
}


def payment(**changes: Any) -> str:
    body = json.loads(json.dumps(GOOD_PAYMENT))
    for key, value in changes.items():
        if value is ...:
            body.pop(key)
        else:
            body[key] = value
    return json.dumps(body)


def op(**changes: Any) -> list[dict[str, Any]]:
    ops = json.loads(json.dumps(GOOD_PAYMENT["operations"]))
    ops[1].update(changes)
    return ops


SHAPED: list[tuple[str, httpx.Response]] = [
    ("unknown state", answer(200, payment(state="paid"))),
    ("state missing", answer(200, payment(state=...))),
    ("another payment", answer(200, payment(id=999))),
    ("id as text", answer(200, payment(id="100000123"))),
    ("accepted missing", answer(200, payment(accepted=...))),
    ("operations missing", answer(200, payment(operations=...))),
    ("operations object", answer(200, payment(operations={}))),
    ("capture amount text", answer(200, payment(operations=op(amount="1000")))),
    ("capture amount float", answer(200, payment(operations=op(amount=1000.0)))),
    ("capture amount negative", answer(200, payment(operations=op(amount=-5)))),
    ("pending text", answer(200, payment(operations=op(pending="false")))),
    ("unknown operation", answer(200, payment(operations=op(type="payout")))),
    ("status code number", answer(200, payment(operations=op(qp_status_code=20000)))),
    ("captured in initial", answer(200, payment(state="initial"))),
    ("captured but not accepted", answer(200, payment(accepted=False))),
    ("more captured than authorized", answer(200, payment(operations=op(amount=5000)))),
    ("processed without capture", answer(200, payment(operations=op(qp_status_code="40000")))),
    ("unknown currency", answer(200, payment(currency="ZZZ"))),
]


async def call(endpoint: str, response: httpx.Response) -> Any:
    async def no_sleep(seconds: float) -> None:
        return None

    async with mock_client(response) as http:
        gateway = CoolPayGateway(http, BASE_URL, API_KEY, PRIVATE_KEY, sleep=no_sleep, retry=RetryPolicy(retries=1))
        if endpoint == "status":
            return await gateway.status(REF)
        if endpoint == "capture":
            return await gateway.capture(REF, dkk(1000))
        if endpoint == "refund":
            return await gateway.refund(REF, dkk(100), "r-1")
        return await gateway.create_payment_link("link-0001", dkk(1000), "x")


EXPECTED = {"status": UnreadableAnswer, "capture": OutcomeUnknown, "refund": OutcomeUnknown, "link": Unavailable}
CASES = [
    (endpoint, name, response)
    for endpoint in EXPECTED
    for name, response in generic_broken(payment()) + (SHAPED if endpoint != "link" else [])
]


@pytest.mark.parametrize(("endpoint", "name", "response"), CASES, ids=[f"{e}-{n}" for e, n, _ in CASES])
async def test_broken_answers_never_read_as_success(endpoint: str, name: str, response: httpx.Response) -> None:
    expected: type = EXPECTED[endpoint]
    if endpoint == "status" and response.status_code >= 500:
        expected = Unavailable
    await expect_error(lambda: call(endpoint, response), expected, name)


async def test_the_good_payment_reads_as_a_success() -> None:
    report = await call("status", answer(200, payment()))
    assert report.status is Status.SUCCEEDED and report.captured == dkk(1000)


async def test_404_and_429_map_to_not_found_and_unavailable() -> None:
    not_found = answer(404, '{"message": "Not found: No Payment with id 1", "errors": null, "error_code": null}')
    await expect_error(lambda: call("refund", not_found), NotFound, "404")
    busy = httpx.Response(429, headers={"Retry-After": "3"}, json={"message": "slow down"})
    await expect_error(lambda: call("status", busy), Unavailable, "429")
