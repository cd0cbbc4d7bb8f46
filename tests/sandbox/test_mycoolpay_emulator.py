"""The My-CoolPay emulator's wire format, control API, scripts and seeded faults (in process, ASGI)."""

from __future__ import annotations

import json
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest

from posapp.sandbox.customer import (
    GZIP_BOMB_PADDING,
    HUGE_BODY_PADDING,
    NETWORK_FAULTS,
    Fault,
    FaultRule,
    ManualClock,
)
from posapp.sandbox.mycoolpay import MyCoolPayState, create_app

PK, SK = "pk-emu", "sk-emu-secret"
API = f"/api/{PK}"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def state(clock: ManualClock) -> MyCoolPayState:
    return MyCoolPayState(PK, SK, clock=clock, seed=3, balance=1000)


@pytest.fixture
async def client(state: MyCoolPayState) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(state))
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as http:
        yield http


async def test_collection_shapes(client: httpx.AsyncClient, state: MyCoolPayState) -> None:
    link = await client.post(f"{API}/paylink", json={"transaction_amount": 100, "app_transaction_ref": "a"})
    assert link.status_code == 201
    assert set(link.json()) == {"status", "transaction_ref", "payment_url"} and link.json()["status"] == "success"

    mtn = await client.post(f"{API}/payin", json={"transaction_amount": 100, "customer_phone_number": "677000001"})
    assert mtn.status_code == 201 and set(mtn.json()) == {"status", "transaction_ref", "action", "ussd"}
    orange = await client.post(f"{API}/payin", json={"transaction_amount": "100", "customer_phone_number": "699009900"})
    assert orange.json() == {
        "status": "success",
        "transaction_ref": orange.json()["transaction_ref"],
        "action": "REQUIRE_OTP",
    }

    wrong = await client.post(
        f"{API}/payin/authorize", json={"transaction_ref": orange.json()["transaction_ref"], "code": "x"}
    )
    assert wrong.status_code == 401 and wrong.json() == {"status": "error", "message": "Invalid authorization code !"}

    status = await client.get(f"{API}/checkStatus/{mtn.json()['transaction_ref']}")
    assert status.status_code == 200
    assert set(status.json()) == {
        "status",
        "app_transaction_ref",
        "operator_transaction_ref",
        "transaction_ref",
        "transaction_type",
        "transaction_amount",
        "transaction_fees",
        "transaction_currency",
        "transaction_operator",
        "transaction_status",
        "transaction_reason",
        "transaction_message",
        "customer_phone_number",
    }
    legacy = await client.post(f"{API}/checkStatus", json={"transaction_ref": mtn.json()["transaction_ref"]})
    assert legacy.json() == status.json()


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        ("payin", {"customer_phone_number": "677000001"}, "transaction_amount is required"),
        ("payin", {"transaction_amount": 100}, "customer_phone_number is required"),
        ("payin", {"transaction_amount": 100, "customer_phone_number": "612345678"}, "Invalid phone number"),
        ("payin", {"transaction_amount": -1, "customer_phone_number": "677000001"}, None),
        ("payin", {"transaction_amount": 10.5, "customer_phone_number": "677000001"}, None),
        ("payin", {"transaction_amount": 100, "customer_phone_number": "677000001", "customer_lang": "de"}, None),
        ("paylink", {"transaction_amount": 100, "transaction_currency": "USD"}, None),
        ("payin/authorize", {"code": "1"}, "transaction_ref is required"),
    ],
)
async def test_validation_errors_are_400_with_a_message(
    client: httpx.AsyncClient, path: str, body: dict[str, object], message: str | None
) -> None:
    answer = await client.post(f"{API}/{path}", json=body)
    assert answer.status_code == 400 and answer.json()["status"] == "error"
    if message:
        assert answer.json()["message"] == message


async def test_keys(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/other/balance", headers={"X-PRIVATE-KEY": SK})).status_code == 401
    assert (await client.get(f"{API}/balance")).status_code == 401
    assert (await client.get(f"{API}/balance", headers={"X-PRIVATE-KEY": "nope"})).status_code == 401
    assert (await client.get(f"{API}/balance", headers={"X-PRIVATE-KEY": SK})).json() == {
        "status": "success",
        "balance": 1000,
    }
    payout = {"transaction_amount": 10, "transaction_operator": "CM_MOMO", "customer_phone_number": "677000001"}
    assert (await client.post(f"{API}/payout", json=payout)).status_code == 401


async def test_payout_recipient_must_match_the_operator(client: httpx.AsyncClient) -> None:
    body = {"transaction_amount": 10, "transaction_operator": "CM_OM", "customer_phone_number": "677000001"}
    answer = await client.post(f"{API}/payout", json=body, headers={"X-PRIVATE-KEY": SK})
    assert answer.status_code == 400


async def test_checkout_page_speaks_the_customer_language(client: httpx.AsyncClient) -> None:
    for lang, word in (("fr", "Payer"), ("en", "Pay")):
        link = await client.post(f"{API}/paylink", json={"transaction_amount": 100, "customer_lang": lang})
        page = await client.get(link.json()["payment_url"])
        assert f'<html lang="{lang}">' in page.text and f">{word}</button>" in page.text
    bad = await client.post(link.json()["payment_url"], data={"phone": "123", "action": "pay"})
    assert bad.status_code == 400 and "Invalid phone number" in bad.text
    assert (await client.get("/payment/checkout/unknown")).status_code == 404


async def test_control_api(client: httpx.AsyncClient, clock: ManualClock) -> None:
    script = await client.post("/_sandbox/scripts", json={"action": "pay", "after": 30, "phone": "+237677000001"})
    assert script.status_code == 200
    push = await client.post(f"{API}/payin", json={"transaction_amount": 100, "customer_phone_number": "677000001"})
    ref = push.json()["transaction_ref"]
    assert (await client.get(f"/_sandbox/transactions/{ref}")).json()["transaction_status"] == "PENDING"
    assert (await client.post("/_sandbox/clock/advance", json={"seconds": 30})).status_code == 200
    assert (await client.get(f"/_sandbox/transactions/{ref}")).json()["transaction_status"] == "SUCCESS"

    otp = await client.post(f"{API}/payin", json={"transaction_amount": 100, "customer_phone_number": "699009900"})
    sms = (await client.get("/_sandbox/sms", params={"phone": "699009900"})).json()
    assert len(sms) == 1 and sms[0]["ref"] == otp.json()["transaction_ref"]
    approve_early = await client.post(f"/_sandbox/transactions/{otp.json()['transaction_ref']}/approve")
    assert approve_early.status_code == 400  # the code has not been given yet

    link = await client.post(f"{API}/paylink", json={"transaction_amount": 100})
    paid = await client.post(
        f"/_sandbox/transactions/{link.json()['transaction_ref']}/pay", json={"phone": "677000001"}
    )
    assert paid.json()["transaction_status"] == "SUCCESS" and paid.json()["transaction_operator"] == "CM_MOMO"

    fault = await client.post("/_sandbox/faults", json={"fault": "http_500", "endpoint": "balance"})
    assert fault.json()["rule"]["commit"] is False
    assert (await client.get(f"{API}/balance", headers={"X-PRIVATE-KEY": SK})).status_code == 500
    faults = (await client.get("/_sandbox/faults")).json()
    assert faults["pending"] == [] and faults["applied"][0]["fault"] == "http_500"

    assert (await client.put("/_sandbox/balance", json={"balance": 5})).status_code == 200
    assert (await client.get(f"{API}/balance", headers={"X-PRIVATE-KEY": SK})).json()["balance"] == 5
    assert (await client.post("/_sandbox/reset")).status_code == 200
    assert (await client.get("/_sandbox/transactions")).json() == []
    assert (await client.get("/_sandbox/nothing")).status_code == 404
    assert (await client.post("/_sandbox/faults", json={"fault": "gremlins"})).status_code == 400


def _campaign(seed: int) -> list[tuple[str, str | None]]:
    state = MyCoolPayState(PK, SK, seed=seed, clock=ManualClock())
    state.faults.randomize(seed, 0.3, endpoints=["checkStatus"])
    return [
        (rule.fault.value if (rule := state.faults.take("checkStatus", f"r{i}")) else "none", None) for i in range(200)
    ]


def test_random_faults_replay_with_the_same_seed() -> None:
    first, again, other = _campaign(42), _campaign(42), _campaign(43)
    assert first == again and first != other
    hits = sum(1 for fault, _ in first if fault != "none")
    assert 30 < hits < 90  # about 30 % of 200


def test_queued_fault_for_one_transaction_only() -> None:
    state = MyCoolPayState(PK, SK, clock=ManualClock())
    state.faults.add(FaultRule(Fault.HTML_ERROR, ref="r-2", count=2))
    assert state.faults.take("checkStatus", "r-1") is None
    assert state.faults.take("checkStatus", "r-2") is not None
    assert state.faults.take("payout", "r-2") is not None
    assert state.faults.take("checkStatus", "r-2") is None


# ------------------------------------------------------------------------------------------ oversized answers


async def _payin_ref(client: httpx.AsyncClient) -> str:
    mtn = await client.post(f"{API}/payin", json={"transaction_amount": 100, "customer_phone_number": "677000001"})
    return str(mtn.json()["transaction_ref"])


async def test_gzip_bomb_is_a_small_valid_gzip_of_the_true_answer_behind_400_mib(
    client: httpx.AsyncClient, state: MyCoolPayState
) -> None:
    ref = await _payin_ref(client)
    honest = (await client.get(f"{API}/checkStatus/{ref}")).json()
    state.faults.add(FaultRule(Fault.GZIP_BOMB, endpoint="checkStatus"))
    async with client.stream("GET", f"{API}/checkStatus/{ref}") as answer:
        assert answer.status_code == 200 and answer.headers["content-encoding"] == "gzip"
        raw = b"".join([chunk async for chunk in answer.aiter_raw()])
    assert 300_000 < len(raw) < 600_000
    # Inflated a MiB at a time: the test itself must not hold 400 MiB.
    inflater, inflated, tail, pending = zlib.decompressobj(16 + zlib.MAX_WBITS), 0, b"", raw
    while pending:
        piece = inflater.decompress(pending, 1 << 20)
        pending = inflater.unconsumed_tail
        inflated += len(piece)
        tail = (tail + piece)[-4096:]
    assert inflater.eof  # the trailer's CRC and length checked out
    assert inflated > GZIP_BOMB_PADDING
    assert tail.endswith(b"}") and b'"padding":"' not in tail
    rest = json.loads('{"padding":"' + tail.decode().lstrip("0"))
    assert {k: v for k, v in rest.items() if k != "padding"} == honest


async def test_huge_body_and_slow_drip_carry_the_true_answer(client: httpx.AsyncClient, state: MyCoolPayState) -> None:
    ref = await _payin_ref(client)
    honest = (await client.get(f"{API}/checkStatus/{ref}")).json()

    state.faults.add(FaultRule(Fault.HUGE_BODY, endpoint="checkStatus"))
    huge = await client.get(f"{API}/checkStatus/{ref}")
    assert len(huge.content) > HUGE_BODY_PADDING and "content-encoding" not in huge.headers
    padded_answer = huge.json()
    assert padded_answer.pop("padding") == "0" * HUGE_BODY_PADDING and padded_answer == honest

    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    state.sleep = record
    state.timings.drip_every, state.timings.drip_for = 0.5, 5.0
    state.faults.add(FaultRule(Fault.SLOW_DRIP, endpoint="checkStatus"))
    dripped = (await client.get(f"{API}/checkStatus/{ref}")).content
    assert dripped.startswith(b" " * 10 + b"{") and waits == [0.5] * 10  # a byte, a wait, ten times
    assert json.loads(dripped) == honest  # only its slowness spoils it


async def test_oversized_answers_of_a_money_moving_request_still_commit(
    client: httpx.AsyncClient, state: MyCoolPayState
) -> None:
    state.faults.add(FaultRule(Fault.HUGE_BODY, endpoint="payin"))
    answer = await client.post(f"{API}/payin", json={"transaction_amount": 100, "customer_phone_number": "677000001"})
    assert answer.status_code == 201 and answer.json()["transaction_ref"] in state.transactions
    assert (await client.get("/_sandbox/faults")).json()["applied"][-1] == {
        "endpoint": "payin",
        "ref": None,
        "fault": "huge_body",
        "committed": True,
    }


def test_random_plans_draw_network_faults_unless_told_otherwise() -> None:
    state = MyCoolPayState(PK, SK, seed=5, clock=ManualClock())
    state.faults.randomize(5, 1.0)
    drawn = {rule.fault for i in range(300) if (rule := state.faults.take("checkStatus", f"r{i}"))}
    assert drawn == set(NETWORK_FAULTS)
    state.faults.randomize(5, 1.0, faults=(Fault.SLOW_DRIP,))
    assert {rule.fault for i in range(20) if (rule := state.faults.take("payin", None))} == {Fault.SLOW_DRIP}
