"""The sandbox over real loopback sockets: the full flows of the issue, faults that need a socket, the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.gateways.base import InvalidCode, OutcomeUnknown, RetryPolicy, Unavailable
from posapp.gateways.mycoolpay import MyCoolPayGateway
from posapp.sandbox.customer import Fault, FaultRule, ManualClock, Script
from posapp.sandbox.mycoolpay import TRAINING_PRIVATE_KEY, TRAINING_PUBLIC_KEY, MyCoolPayState
from posapp.sandbox.server import SandboxServer

ORANGE = parse_mobile("699009900")
MTN = parse_mobile("677000001")


class CallbackInbox:
    """Receives the emulator's callbacks (through its injected client) and signals each arrival."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.arrived = threading.Event()

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.arrived.set()
        return httpx.Response(200, text="OK")


@pytest.fixture(scope="module")
def inbox() -> CallbackInbox:
    return CallbackInbox()


@pytest.fixture(scope="module")
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture(scope="module")
def sandbox(clock: ManualClock, inbox: CallbackInbox) -> Iterator[SandboxServer]:
    state = MyCoolPayState(clock=clock, seed=11, balance=50_000, callback_url="https://merchant.test/cb")
    callback_client = httpx.AsyncClient(transport=httpx.MockTransport(inbox.handle))
    with SandboxServer(mycoolpay=state, callback_client=callback_client) as server:
        yield server


@pytest.fixture
async def gateway(sandbox: SandboxServer) -> AsyncIterator[MyCoolPayGateway]:
    sandbox.mycoolpay.faults.clear()
    sandbox.mycoolpay.scripts.clear()

    async def no_sleep(seconds: float) -> None:
        return None

    async with httpx.AsyncClient() as http:
        yield MyCoolPayGateway(
            http,
            sandbox.mycoolpay_base_url,
            TRAINING_PUBLIC_KEY,
            TRAINING_PRIVATE_KEY,
            timeout=httpx.Timeout(5.0),
            retry=RetryPolicy(retries=3),
            sleep=no_sleep,
        )


async def test_full_flows_over_loopback(
    sandbox: SandboxServer, gateway: MyCoolPayGateway, clock: ManualClock, inbox: CallbackInbox
) -> None:
    state = sandbox.mycoolpay
    start = await gateway.balance()
    assert start == Money(50_000, "XAF")

    # paylink -> the customer pays on the checkout page (a browser's form POST) -> SUCCESS with fees
    link = await gateway.create_payment_link("loop-1", Money(2000, "XAF"), "Bic pen", lang="en")
    async with httpx.AsyncClient() as browser:
        page = await browser.get(link.url)
        assert page.status_code == 200 and "<form" in page.text
        paid = await browser.post(
            link.url,
            content="phone=677000001&action=pay",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert paid.status_code == 200 and "SUCCESS" in paid.text
    report = await gateway.status(link.provider_ref)
    assert report.status is Status.SUCCEEDED and report.fees == Money(30, "XAF")

    # payin Orange -> REQUIRE_OTP -> wrong OTP 401 -> right OTP -> SUCCESS
    push = await gateway.push_payment("loop-2", Money(1000, "XAF"), ORANGE, "Bread")
    assert push.status is Status.AWAITING_OTP
    with pytest.raises(InvalidCode):
        await gateway.submit_otp(push.provider_ref, "wrong")
    code = state.sms_to(ORANGE.e164)[-1].code
    assert (await gateway.submit_otp(push.provider_ref, code)).status is Status.PENDING
    clock.advance(1)
    orange = await gateway.status(push.provider_ref)
    assert orange.status is Status.SUCCEEDED and orange.fees == Money(20, "XAF")

    # payin MTN -> PENDING -> declined on the phone -> FAILED
    state.scripts.queue_next(Script.manual())
    mtn = await gateway.push_payment("loop-3", Money(1500, "XAF"), MTN, "Milk")
    assert mtn.status is Status.PENDING and mtn.ussd
    async with httpx.AsyncClient(base_url=sandbox.mycoolpay_base_url) as control:
        declined = await control.post(f"/_sandbox/transactions/{mtn.provider_ref}/decline")
        assert declined.status_code == 200 and declined.json()["transaction_status"] == "FAILED"
    assert (await gateway.status(mtn.provider_ref)).status is Status.FAILED

    # payout 202 -> SUCCESS
    payout = await gateway.payout("loop-4", Money(5000, "XAF"), MTN, reason="refund")
    assert payout.status is Status.PENDING
    clock.advance(state.timings.payout_settle)
    paid_out = await gateway.status(payout.provider_ref)
    assert paid_out.status is Status.SUCCEEDED and paid_out.fees == Money(75, "XAF")

    # balance: + (2000 - 30) + (1000 - 20) - (5000 + 75)
    assert await gateway.balance() == start + Money(2000 - 30 + 1000 - 20 - 5000 - 75, "XAF")

    # callbacks: one per finished transaction, each verifying with the documented formula
    for _ in range(200):
        if len(inbox.requests) >= 4:
            break
        inbox.arrived.clear()
        inbox.arrived.wait(0.1)
    refs = {json.loads(r.content)["transaction_ref"] for r in inbox.requests}
    assert refs == {link.provider_ref, push.provider_ref, mtn.provider_ref, payout.provider_ref}
    assert len(inbox.requests) == 4
    for request in inbox.requests:
        hint = gateway.verify_callback(dict(request.headers), request.content)
        assert hint.provider_ref in refs


async def test_connection_reset_mid_answer(sandbox: SandboxServer, gateway: MyCoolPayGateway) -> None:
    state = sandbox.mycoolpay
    state.faults.add(FaultRule(Fault.CONNECTION_RESET, endpoint="payin"))
    with pytest.raises(OutcomeUnknown) as caught:
        await gateway.push_payment("reset-1", Money(100, "XAF"), MTN, "x")
    assert "ProtocolError" in str(caught.value) or "ReadError" in str(caught.value)
    committed = [t for t in state.transactions.values() if t.app_ref == "reset-1"]
    assert len(committed) == 1  # the provider did take the payment

    state.faults.add(FaultRule(Fault.CONNECTION_RESET, endpoint="checkStatus", count=4))
    with pytest.raises(Unavailable):
        await gateway.status(committed[0].ref)
    state.faults.add(FaultRule(Fault.CONNECTION_RESET, endpoint="checkStatus", count=1))
    assert (await gateway.status(committed[0].ref)).provider_ref == committed[0].ref


async def test_timeout_after_commit_over_a_socket(sandbox: SandboxServer) -> None:
    state = sandbox.mycoolpay
    state.timings.hang = 1.0
    state.faults.add(FaultRule(Fault.TIMEOUT_AFTER_COMMIT, endpoint="payout"))
    async with httpx.AsyncClient() as http:
        gateway = MyCoolPayGateway(
            http, sandbox.mycoolpay_base_url, TRAINING_PUBLIC_KEY, TRAINING_PRIVATE_KEY, timeout=httpx.Timeout(0.1)
        )
        with pytest.raises(OutcomeUnknown):
            await gateway.payout("hang-1", Money(100, "XAF"), MTN)
    assert any(t.app_ref == "hang-1" for t in state.transactions.values())


def test_server_picks_a_free_port_and_stops_cleanly() -> None:
    with SandboxServer() as first, SandboxServer() as second:
        assert first.port != second.port
        answer = httpx.get(first.mycoolpay_base_url + "/_sandbox/state")
        assert answer.status_code == 200 and answer.json()["public_key"] == TRAINING_PUBLIC_KEY
        url = first.mycoolpay_base_url + "/_sandbox/state"
    first.stop()  # a second stop is harmless
    with pytest.raises(httpx.ConnectError):
        httpx.get(url)


def test_cli_prints_the_addresses_and_stops_on_sigterm() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from posapp.sandbox.server import main; sys.exit(main(['--port', '0']))"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "0"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        second = process.stdout.readline().strip()
        assert first.startswith("sandbox listening on http://127.0.0.1:")
        port = int(first.rsplit(":", 1)[1])
        base = f"http://127.0.0.1:{port}/mycoolpay"
        assert second == f"mycoolpay base={base} public_key={TRAINING_PUBLIC_KEY} private_key={TRAINING_PRIVATE_KEY}"
        answer = httpx.get(f"{base}/api/{TRAINING_PUBLIC_KEY}/balance", headers={"X-PRIVATE-KEY": TRAINING_PRIVATE_KEY})
        assert answer.json() == {"status": "success", "balance": 100000}
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
