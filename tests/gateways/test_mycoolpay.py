"""MyCoolPayGateway: every call's success and error shapes, against the emulator in process."""

from __future__ import annotations

import json
import logging
from decimal import Decimal

import httpx
import pytest
from starlette.applications import Starlette

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.gateways.base import (
    Capability,
    Customer,
    Gateway,
    GatewayError,
    InvalidCode,
    InvalidRequest,
    NotFound,
    NotSupported,
    OutcomeUnknown,
    Unauthorized,
    Unavailable,
)
from posapp.gateways.mycoolpay import MyCoolPayGateway, callback_signature, number_text
from posapp.sandbox.customer import Fault, FaultRule, ManualClock, Script
from posapp.sandbox.mycoolpay import MyCoolPayState, sign_callback

from .conftest import BASE_URL, PRIVATE_KEY, PUBLIC_KEY, Recorder, body_of, make_gateway

ORANGE = parse_mobile("699009900")
MTN = parse_mobile("677000001")


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


# ------------------------------------------------------------------------------------------ signature


def test_worked_signature_example_from_the_specs() -> None:
    ref = "18ac6335-2bdd-4b95-944e-ef029c49c5b5"
    expected = "16db2623ad7e611a0b7dbcc68ec79b3e"
    assert callback_signature(ref, "PAYIN", 100, "XAF", "CM_OM", "my_private_key") == expected
    assert callback_signature(ref, "PAYIN", Decimal("100.00"), "XAF", "CM_OM", "my_private_key") == expected
    # The emulator signs with its own code; both must agree with the documented example.
    assert sign_callback(ref, "PAYIN", Decimal("100.0"), "XAF", "CM_OM", "my_private_key") == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [(100, "100"), (Decimal("100.0"), "100"), (Decimal("100.50"), "100.5"), ("1E+2", "100"), (0, "0"), (2.5, "2.5")],
)
def test_numbers_are_written_without_non_significant_zeros(value: object, text: str) -> None:
    assert number_text(value) == text


def test_gateway_declares_what_it_can_do(gateway: MyCoolPayGateway) -> None:
    assert isinstance(gateway, Gateway)
    assert Capability.PUSH_PAYMENT | Capability.OTP | Capability.PAYOUT in gateway.capabilities
    assert Capability.REFUND not in gateway.capabilities
    assert PRIVATE_KEY in gateway.secrets


async def test_capture_and_refund_are_not_supported(gateway: MyCoolPayGateway) -> None:
    with pytest.raises(NotSupported):
        await gateway.capture("ref")
    with pytest.raises(NotSupported):
        await gateway.refund("ref", xaf(100), "r-1")


# ------------------------------------------------------------------------------------------ paylink


async def test_paylink_checkout_paid_by_the_customer_reads_success_with_fees(
    gateway: MyCoolPayGateway, http: httpx.AsyncClient, state: MyCoolPayState, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("order-1", xaf(1000), "Bic pen", Customer(name="Awa"), lang="en_CM")
    sent = body_of(recorder.requests[-1])
    assert sent["transaction_amount"] == 1000 and sent["customer_lang"] == "en"
    assert sent["app_transaction_ref"] == "order-1" and sent["customer_name"] == "Awa"
    assert link.url.endswith(f"/payment/checkout/{link.provider_ref}")

    before = await gateway.status(link.provider_ref)
    assert before.status is Status.PENDING and before.provider_status == "CREATED" and before.fees is None

    page = await http.get(link.url)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "1000 XAF" in page.text and "Bic pen" in page.text and 'name="phone"' in page.text
    paid = await http.post(link.url, data={"phone": "+237 6 99 00 99 00", "action": "pay"})
    assert paid.status_code == 200 and "SUCCESS" in paid.text

    report = await gateway.status(link.provider_ref)
    assert report.status is Status.SUCCEEDED and report.provider_status == "SUCCESS"
    assert report.fees == xaf(20) and report.operator == "CM_OM" and report.amount == xaf(1000)
    assert report.app_ref == "order-1"
    assert await gateway.balance() == xaf(10_000 + 1000 - 20)


async def test_paylink_declined_on_the_checkout_page_is_canceled(
    gateway: MyCoolPayGateway, http: httpx.AsyncClient
) -> None:
    link = await gateway.create_payment_link("order-2", xaf(500), "x")
    await http.post(link.url, data={"action": "decline"})
    assert (await gateway.status(link.provider_ref)).status is Status.CANCELED


async def test_paylink_nobody_pays_is_canceled_at_expiry(gateway: MyCoolPayGateway, clock: ManualClock) -> None:
    link = await gateway.create_payment_link("order-3", xaf(500), "x")
    clock.advance(299)
    assert (await gateway.status(link.provider_ref)).status is Status.PENDING
    clock.advance(2)
    assert (await gateway.status(link.provider_ref)).status is Status.CANCELED


async def test_duplicate_app_ref_is_an_invalid_request_with_the_providers_message(gateway: MyCoolPayGateway) -> None:
    await gateway.create_payment_link("dup", xaf(500), "x")
    with pytest.raises(InvalidRequest) as caught:
        await gateway.create_payment_link("dup", xaf(500), "x")
    assert caught.value.http_status == 400
    assert caught.value.provider_message == "app_transaction_ref already used !"


async def test_validation_error_is_invalid_request(gateway: MyCoolPayGateway) -> None:
    with pytest.raises(InvalidRequest, match="positive"):
        await gateway.create_payment_link("zero", xaf(0), "x")


async def test_eur_paylink_sends_an_exact_decimal_amount(gateway: MyCoolPayGateway, recorder: Recorder) -> None:
    await gateway.create_payment_link("eur-1", Money(1050, "EUR"), "x")
    assert b'"transaction_amount": 10.50' in recorder.requests[-1].content


async def test_unknown_public_key_is_unauthorized(http: httpx.AsyncClient, recorder: Recorder) -> None:
    wrong = MyCoolPayGateway(http, BASE_URL, "not-our-key", PRIVATE_KEY, sleep=recorder.sleep)
    with pytest.raises(Unauthorized):
        await wrong.create_payment_link("k-1", xaf(500), "x")
    with pytest.raises(Unauthorized):
        await wrong.status("anything")


# ------------------------------------------------------------------------------------------ payin


async def test_orange_payin_requires_otp_wrong_then_right_code(
    gateway: MyCoolPayGateway, state: MyCoolPayState, clock: ManualClock
) -> None:
    push = await gateway.push_payment("p-1", xaf(500), ORANGE, "Bread")
    assert push.status is Status.AWAITING_OTP and push.ussd is None
    sms = state.sms_to("+237699009900")
    assert len(sms) == 1 and sms[0].code in sms[0].text and sms[0].ref == push.provider_ref

    with pytest.raises(InvalidCode) as caught:
        await gateway.submit_otp(push.provider_ref, "000000" if sms[0].code != "000000" else "111111")
    assert caught.value.http_status == 401
    assert caught.value.provider_message == "Invalid authorization code !"

    report = await gateway.submit_otp(push.provider_ref, sms[0].code)
    assert report.status is Status.PENDING and report.provider_status == "PENDING"
    clock.advance(1)  # the default customer confirms after one second
    final = await gateway.status(push.provider_ref)
    assert final.status is Status.SUCCEEDED and final.fees == xaf(10) and final.operator == "CM_OM"


async def test_three_wrong_codes_fail_the_payment(gateway: MyCoolPayGateway) -> None:
    push = await gateway.push_payment("p-2", xaf(500), ORANGE, "x")
    for _ in range(3):
        with pytest.raises(InvalidCode):
            await gateway.submit_otp(push.provider_ref, "not-the-code")
    assert (await gateway.status(push.provider_ref)).status is Status.FAILED
    with pytest.raises(InvalidRequest):
        await gateway.submit_otp(push.provider_ref, "123456")


async def test_scripted_wrong_otp_refuses_even_the_right_code_once(
    gateway: MyCoolPayGateway, state: MyCoolPayState
) -> None:
    state.scripts.queue_next(Script.wrong_otp_then_pay(times=1))
    push = await gateway.push_payment("p-3", xaf(500), ORANGE, "x")
    code = state.sms_to(ORANGE.national)[-1].code
    with pytest.raises(InvalidCode):
        await gateway.submit_otp(push.provider_ref, code)
    assert (await gateway.submit_otp(push.provider_ref, code)).status is Status.PENDING


async def test_mtn_payin_pending_with_ussd_then_declined_on_the_phone(
    gateway: MyCoolPayGateway, state: MyCoolPayState, recorder: Recorder
) -> None:
    state.scripts.for_phone(MTN.national, Script.manual())
    push = await gateway.push_payment("p-4", xaf(700), MTN, "x", lang="en")
    assert body_of(recorder.requests[-1])["customer_phone_number"] == "677000001"
    assert push.status is Status.PENDING and push.ussd == "*126#"
    assert (await gateway.status(push.provider_ref)).status is Status.PENDING
    state.decline(push.provider_ref)
    report = await gateway.status(push.provider_ref)
    assert report.status is Status.FAILED and report.message == "The customer declined the payment"


async def test_customer_who_never_answers_expires(
    gateway: MyCoolPayGateway, state: MyCoolPayState, clock: ManualClock
) -> None:
    state.scripts.queue_next(Script.walk_away())
    push = await gateway.push_payment("p-5", xaf(700), MTN, "x")
    clock.advance(state.timings.expiry)
    assert (await gateway.status(push.provider_ref)).status is Status.FAILED


async def test_payin_refuses_other_currencies_before_sending(gateway: MyCoolPayGateway, recorder: Recorder) -> None:
    with pytest.raises(InvalidRequest):
        await gateway.push_payment("p-6", Money(100, "EUR"), MTN, "x")
    assert recorder.requests == []


# ------------------------------------------------------------------------------------------ payout & balance


async def test_payout_202_then_success_and_balance_moves(
    gateway: MyCoolPayGateway, state: MyCoolPayState, clock: ManualClock, recorder: Recorder
) -> None:
    report = await gateway.payout("out-1", xaf(1000), MTN, reason="refund")
    assert report.status is Status.PENDING and report.message == "Transaction in progress..."
    request = recorder.requests[-1]
    assert request.headers["X-PRIVATE-KEY"] == PRIVATE_KEY
    assert body_of(request)["transaction_operator"] == "CM_MOMO"
    assert await gateway.balance() == xaf(10_000 - 1000 - 15)
    clock.advance(state.timings.payout_settle)
    done = await gateway.status(report.provider_ref)
    assert done.status is Status.SUCCEEDED and done.fees == xaf(15)


async def test_payout_to_a_wallet_answers_200(gateway: MyCoolPayGateway, recorder: Recorder) -> None:
    report = await gateway.payout("out-2", xaf(300), "awa@example.cm", operator="MCP")
    assert report.status is Status.SUCCEEDED and report.message == "Successful transaction !"
    assert body_of(recorder.requests[-1])["customer_email"] == "awa@example.cm"


async def test_declined_payout_gives_the_money_back(
    gateway: MyCoolPayGateway, state: MyCoolPayState, clock: ManualClock
) -> None:
    state.scripts.queue_next(Script.decline(after=5))
    report = await gateway.payout("out-3", xaf(1000), ORANGE)
    clock.advance(5)
    assert (await gateway.status(report.provider_ref)).status is Status.FAILED
    assert await gateway.balance() == xaf(10_000)


async def test_payout_above_the_balance_is_refused(gateway: MyCoolPayGateway) -> None:
    with pytest.raises(InvalidRequest) as caught:
        await gateway.payout("out-4", xaf(10_000), ORANGE)
    assert caught.value.provider_message == "Insufficient balance !"


async def test_payout_and_balance_need_the_private_key(http: httpx.AsyncClient, recorder: Recorder) -> None:
    wrong = MyCoolPayGateway(http, BASE_URL, PUBLIC_KEY, "wrong-private-key", sleep=recorder.sleep)
    with pytest.raises(Unauthorized):
        await wrong.payout("out-5", xaf(100), ORANGE)
    with pytest.raises(Unauthorized):
        await wrong.balance()


async def test_status_of_an_unknown_reference_is_not_found(gateway: MyCoolPayGateway) -> None:
    with pytest.raises(NotFound):
        await gateway.status("00000000-0000-4000-8000-000000000000")


# ------------------------------------------------------------------------------------------ retries & once


async def test_status_read_retries_5xx_with_backoff(
    gateway: MyCoolPayGateway, state: MyCoolPayState, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("r-1", xaf(500), "x")
    state.faults.add(FaultRule(Fault.HTTP_500, endpoint="checkStatus", count=1))
    state.faults.add(FaultRule(Fault.HTML_ERROR, endpoint="checkStatus", count=1))
    assert (await gateway.status(link.provider_ref)).status is Status.PENDING
    assert len(recorder.sleeps) == 2
    assert 0 <= recorder.sleeps[0] <= 0.25 and 0 <= recorder.sleeps[1] <= 0.5


async def test_status_read_gives_up_after_three_retries(
    gateway: MyCoolPayGateway, state: MyCoolPayState, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("r-2", xaf(500), "x")
    state.faults.add(FaultRule(Fault.HTML_ERROR, endpoint="checkStatus", count=10))
    before = len(recorder.requests)
    with pytest.raises(Unavailable) as caught:
        await gateway.status(link.provider_ref)
    assert caught.value.http_status == 502
    assert len(recorder.requests) - before == 4 and len(recorder.sleeps) == 3


@pytest.mark.parametrize("fault", [Fault.HTTP_500, Fault.HTML_ERROR, Fault.CONNECTION_RESET])
@pytest.mark.parametrize("endpoint", ["payin", "payout"])
async def test_money_moving_posts_are_sent_once_and_unknown_on_failure(
    gateway: MyCoolPayGateway, state: MyCoolPayState, recorder: Recorder, fault: Fault, endpoint: str
) -> None:
    state.faults.add(FaultRule(fault, endpoint=endpoint))
    if endpoint == "payin":
        call = gateway.push_payment("once-1", xaf(500), MTN, "x")
    else:
        call = gateway.payout("once-1", xaf(500), MTN)
    with pytest.raises(OutcomeUnknown):
        await call
    assert [r.method for r in recorder.requests] == ["POST"]
    assert recorder.sleeps == []


async def test_paylink_failure_is_unavailable_not_unknown(gateway: MyCoolPayGateway, state: MyCoolPayState) -> None:
    state.faults.add(FaultRule(Fault.HTTP_500, endpoint="paylink", commit=True))
    with pytest.raises(Unavailable):
        await gateway.create_payment_link("pl-1", xaf(500), "x")
    assert len(state.transactions) == 1  # it was created, but nobody can ever pay it


async def test_timeout_after_commit_is_outcome_unknown_and_the_payout_happened(
    http: httpx.AsyncClient, recorder: Recorder, state: MyCoolPayState
) -> None:
    gateway = make_gateway(http, recorder, timeout=httpx.Timeout(0.05))
    state.faults.add(FaultRule(Fault.TIMEOUT_AFTER_COMMIT, endpoint="payout"))
    with pytest.raises(OutcomeUnknown):
        await gateway.payout("slow-1", xaf(500), MTN)
    assert [t.app_ref for t in state.transactions.values()] == ["slow-1"]
    assert len(recorder.requests) == 1


async def test_slow_answer_within_the_timeout_is_fine(
    gateway: MyCoolPayGateway, state: MyCoolPayState, recorder: Recorder
) -> None:
    state.sleep = recorder.sleep  # the emulator's delay is recorded, not waited
    state.faults.add(FaultRule(Fault.SLOW, endpoint="payin"))
    push = await gateway.push_payment("slow-2", xaf(500), MTN, "x")
    assert push.status is Status.PENDING and recorder.sleeps == [state.timings.slow]


# ------------------------------------------------------------------------------------------ callbacks


async def test_callback_is_sent_once_and_verifies_as_a_hint(
    gateway: MyCoolPayGateway, state: MyCoolPayState, app: Starlette, callbacks: list[httpx.Request]
) -> None:
    state.callback_url = "https://merchant.test/cb/secret-path"
    push = await gateway.push_payment("cb-1", xaf(500), MTN, "x")
    state.approve(push.provider_ref)
    await app.state.emulator.deliver_callbacks()
    await gateway.status(push.provider_ref)
    await app.state.emulator.deliver_callbacks()
    assert len(callbacks) == 1
    body = callbacks[0].content
    hint = gateway.verify_callback(dict(callbacks[0].headers), body)
    assert hint.provider_ref == push.provider_ref and hint.app_ref == "cb-1"
    assert not hasattr(hint, "status")
    data = json.loads(body)
    assert data["application"] == PUBLIC_KEY and data["transaction_status"] == "SUCCESS"
    assert PRIVATE_KEY not in json.dumps(hint.raw)


@pytest.mark.parametrize(
    "tamper",
    [
        {"transaction_amount": 5000},
        {"transaction_operator": "CM_OM"},
        {"application": "someone-else"},
        {"signature": "0" * 32},
        {"signature": None},
        {"transaction_amount": "abc"},
    ],
)
def test_forged_callbacks_are_rejected(gateway: MyCoolPayGateway, tamper: dict[str, object]) -> None:
    from posapp.gateways.base import CallbackRejected

    body = {
        "application": PUBLIC_KEY,
        "transaction_ref": "18ac6335",
        "transaction_type": "PAYIN",
        "transaction_amount": 100,
        "transaction_currency": "XAF",
        "transaction_operator": "CM_MOMO",
        "transaction_status": "SUCCESS",
    }
    body["signature"] = callback_signature("18ac6335", "PAYIN", 100, "XAF", "CM_MOMO", PRIVATE_KEY)
    assert gateway.verify_callback({}, json.dumps(body).encode()).provider_ref == "18ac6335"
    body.update(tamper)
    with pytest.raises(CallbackRejected) as caught:
        gateway.verify_callback({}, json.dumps(body).encode())
    assert PRIVATE_KEY not in str(caught.value)


@pytest.mark.parametrize("raw", [b"", b"not json", b"[]", b"null", b'{"application": 1}', b"\xff\xfe"])
def test_unreadable_callbacks_are_rejected(gateway: MyCoolPayGateway, raw: bytes) -> None:
    from posapp.gateways.base import CallbackRejected

    with pytest.raises(CallbackRejected):
        gateway.verify_callback({}, raw)


# ------------------------------------------------------------------------------------------ redaction


async def test_no_key_leaks_into_errors_raw_or_logs(
    gateway: MyCoolPayGateway, state: MyCoolPayState, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="posapp.gateways")
    errors: list[GatewayError] = []
    results: list[object] = []
    results.append(await gateway.payout("leak-1", xaf(100), MTN))
    results.append(await gateway.balance())
    state.faults.add(FaultRule(Fault.HTML_ERROR, endpoint="payout"))
    state.faults.add(FaultRule(Fault.HTTP_500, endpoint="balance", count=4))
    for call in (
        gateway.payout("leak-2", xaf(100), MTN),
        gateway.balance(),
        gateway.payout("leak-3", xaf(10**6), MTN),
        gateway.status("nope"),
    ):
        try:
            results.append(await call)
        except GatewayError as exc:
            errors.append(exc)
    assert len(errors) == 4
    texts = [str(e) for e in errors] + [json.dumps(e.raw, default=str) for e in errors]
    texts += [repr(r) for r in results] + [r.getMessage() for r in caplog.records]
    assert caplog.records, "requests are logged"
    for text in texts:
        assert PRIVATE_KEY not in text
    for record in caplog.records:
        assert PUBLIC_KEY not in record.getMessage()


async def test_private_key_echoed_by_the_provider_is_redacted(recorder: Recorder) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"status": "error", "message": f"bad key {PRIVATE_KEY}", "private_key": "x"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(echo)) as http:
        gateway = make_gateway(http, recorder)
        with pytest.raises(InvalidRequest) as caught:
            await gateway.payout("echo-1", xaf(100), MTN)
    error = caught.value
    assert PRIVATE_KEY not in str(error) and PRIVATE_KEY not in error.provider_message
    assert PRIVATE_KEY not in json.dumps(error.raw)
