"""CoolPay, Paiwise and Commerce Layer over real loopback sockets, built through the registry."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.gateways.base import Capability, Gateway, InvalidRequest, OutcomeUnknown, RetryPolicy
from posapp.gateways.registry import PROVIDERS, build_gateway
from posapp.sandbox import commercelayer, coolpay, paiwise
from posapp.sandbox.customer import Fault, FaultRule, ManualClock
from posapp.sandbox.server import SandboxServer

CURRENCY = {"coolpay": "DKK", "paiwise": "SEK", "commercelayer": "EUR"}
CARD = ("coolpay", "paiwise", "commercelayer")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    clock = ManualClock()
    with SandboxServer(
        coolpay=coolpay.CoolPayState(clock=clock, seed=1),
        paiwise=paiwise.PaiwiseState(clock=clock, seed=2),
        commercelayer=commercelayer.CommerceLayerState(clock=clock, seed=3),
    ) as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=5.0) as client:
        yield client


def gateway_for(sandbox: SandboxServer, name: str, http: httpx.AsyncClient, **options: object) -> Gateway:
    account = sandbox.training_credentials(name)
    options.setdefault("retry", RetryPolicy(retries=2, base_delay=0.0))
    if name == "paiwise":
        options.setdefault("auto_capture", False)
    return build_gateway(name, http, account.base_url, account.credentials, **options)


def test_every_provider_has_training_credentials(sandbox: SandboxServer) -> None:
    assert set(PROVIDERS) == {"mycoolpay", "coolpay", "paiwise", "commercelayer"}
    for name in PROVIDERS:
        account = sandbox.training_credentials(name)
        assert account.base_url.startswith(sandbox.base_url) and set(PROVIDERS[name].credential_fields) <= set(
            account.credentials
        )
    with pytest.raises(ValueError, match="unknown provider"):
        build_gateway("nope", httpx.AsyncClient(), "http://x", {})
    with pytest.raises(ValueError, match="needs api_key"):
        build_gateway("paiwise", httpx.AsyncClient(), "http://x", {})


@pytest.mark.parametrize("name", CARD)
async def test_sale_paid_on_the_page_captured_and_refunded_in_part(
    sandbox: SandboxServer, http: httpx.AsyncClient, name: str
) -> None:
    gateway = gateway_for(sandbox, name, http)
    assert Capability.CAPTURE in gateway.capabilities
    currency = CURRENCY[name]
    link = await gateway.create_payment_link(f"loop-{name}", Money(2000, currency), "Loopback sale")
    async with httpx.AsyncClient() as browser:
        page = await browser.get(link.url)
        assert page.status_code == 200 and "<form" in page.text and "20.00" in page.text
        paid = await browser.post(
            link.url, content="action=pay", headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert paid.status_code == 200 and 'id="status"' in paid.text
    authorized = await gateway.status(link.provider_ref)
    assert authorized.status is Status.AUTHORIZED
    capture_amount = None if name == "paiwise" else Money(1500, currency)  # Paiwise captures it all
    captured = await gateway.capture(link.provider_ref, capture_amount)
    assert captured.status is Status.SUCCEEDED and captured.captured is not None
    refundable = captured.refundable
    assert refundable is not None
    with pytest.raises(InvalidRequest):
        await gateway.refund(link.provider_ref, refundable + Money(1, currency), f"loop-r0-{name}")
    part = await gateway.refund(link.provider_ref, Money(500, currency), f"loop-r1-{name}")
    assert part.status is Status.PARTIALLY_REFUNDED and part.refunded == Money(500, currency)


@pytest.mark.parametrize("name", CARD)
async def test_declined_over_the_control_api(sandbox: SandboxServer, http: httpx.AsyncClient, name: str) -> None:
    gateway = gateway_for(sandbox, name, http)
    link = await gateway.create_payment_link(f"decl-{name}", Money(700, CURRENCY[name]), "x")
    base = sandbox.training_credentials(name).base_url
    if name == "coolpay":
        path = f"/_sandbox/payments/{link.provider_ref}/decline"
    elif name == "paiwise":
        path = f"/_sandbox/checkouts/{link.provider_ref}/decline"
    else:
        path = f"/_sandbox/payments/{link.url.rsplit('/', 1)[1]}/decline"
    answer = await http.post(base + path)
    assert answer.status_code == 200, answer.text
    assert (await gateway.status(link.provider_ref)).status is Status.FAILED


@pytest.mark.parametrize(
    ("name", "endpoint"), [("coolpay", "capture"), ("paiwise", "capture"), ("commercelayer", "PATCH orders")]
)
async def test_connection_reset_on_capture_is_unknown(
    sandbox: SandboxServer, http: httpx.AsyncClient, name: str, endpoint: str
) -> None:
    gateway = gateway_for(sandbox, name, http)
    link = await gateway.create_payment_link(f"reset-{name}", Money(900, CURRENCY[name]), "x")
    state = getattr(sandbox, name)
    if name == "coolpay" or name == "paiwise":
        state.pay(link.provider_ref)
    else:
        state.approve(link.url.rsplit("/", 1)[1])
    state.faults.add(FaultRule(Fault.CONNECTION_RESET, endpoint=endpoint))
    with pytest.raises(OutcomeUnknown) as caught:
        await gateway.capture(link.provider_ref)
    assert caught.value.provider_ref == link.provider_ref
    assert (await gateway.status(link.provider_ref)).status is Status.SUCCEEDED  # it did happen


def test_cli_prints_one_line_per_provider() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from posapp.sandbox.server import main; sys.exit(main(['--port', '0']))"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline().strip() for _ in range(5)]
        port = int(lines[0].rsplit(":", 1)[1])
        root = f"http://127.0.0.1:{port}"
        assert lines[1].startswith(f"mycoolpay base={root}/mycoolpay public_key=")
        assert lines[2] == (
            f"coolpay base={root}/coolpay api_key={coolpay.TRAINING_API_KEY} private_key={coolpay.TRAINING_PRIVATE_KEY}"
        )
        assert lines[3] == f"paiwise base={root}/paiwise api_key={paiwise.TRAINING_API_KEY}"
        assert lines[4] == (
            f"commercelayer base={root}/commercelayer client_id={commercelayer.TRAINING_CLIENT_ID} "
            f"client_secret={commercelayer.TRAINING_CLIENT_SECRET}"
        )
        token = httpx.post(
            f"{root}/commercelayer/oauth/token",
            json={
                "grant_type": "client_credentials",
                "client_id": commercelayer.TRAINING_CLIENT_ID,
                "client_secret": commercelayer.TRAINING_CLIENT_SECRET,
            },
        )
        assert token.status_code == 200 and token.json()["expires_in"] == 7200
    finally:
        process.terminate()
        process.wait(timeout=10)
