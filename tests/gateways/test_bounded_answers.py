"""Provider answers are bounded: a cap on decoded bytes and one total deadline per call (issue 12, item 3).

Over the real emulators: My-CoolPay in process (httpx.ASGITransport), then every provider over loopback
sockets (``SandboxServer``, uvicorn), and the memory a gzip bomb costs, measured in a child process.
"""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.gateways.base import Gateway, OutcomeUnknown, RetryPolicy, Unavailable, UnreadableAnswer
from posapp.gateways.http import MAX_ANSWER_BYTES
from posapp.gateways.mycoolpay import MyCoolPayGateway
from posapp.gateways.registry import build_gateway
from posapp.sandbox.customer import Fault, FaultRule
from posapp.sandbox.mycoolpay import MyCoolPayState
from posapp.sandbox.server import SandboxServer

from .conftest import CountingTransport, Recorder, make_gateway

log = logging.getLogger(__name__)

MTN = parse_mobile("677000001")
OVERSIZED = [Fault.GZIP_BOMB, Fault.HUGE_BODY]
CURRENCY = {"mycoolpay": "XAF", "coolpay": "DKK", "paiwise": "SEK", "commercelayer": "EUR"}


def xaf(minor: int) -> Money:
    return Money(minor, "XAF")


def test_the_cap_is_far_above_any_documented_answer_and_far_below_the_faults() -> None:
    assert 64 * 1024 <= MAX_ANSWER_BYTES <= 1024 * 1024


# ------------------------------------------------------------------------------------------ in process


@pytest.mark.parametrize("fault", OVERSIZED)
@pytest.mark.parametrize("read", ["status", "balance"])
async def test_an_oversized_answer_to_a_read_is_unreadable_and_not_read_again(
    gateway: MyCoolPayGateway, state: MyCoolPayState, recorder: Recorder, fault: Fault, read: str
) -> None:
    link = await gateway.create_payment_link(f"big-{read}", xaf(500), "x")
    state.faults.add(FaultRule(fault, endpoint="checkStatus" if read == "status" else "balance", count=10))
    before = len(recorder.requests)
    with pytest.raises(UnreadableAnswer) as caught:
        await (gateway.status(link.provider_ref) if read == "status" else gateway.balance())
    assert caught.value.http_status == 200 and caught.value.raw is None
    assert str(MAX_ANSWER_BYTES) in caught.value.message
    assert len(recorder.requests) - before == 1 and recorder.sleeps == []  # refused, not fetched again


@pytest.mark.parametrize("fault", [*OVERSIZED, Fault.SLOW_DRIP])
@pytest.mark.parametrize("endpoint", ["payin", "payout"])
async def test_an_oversized_or_dripping_answer_to_a_money_moving_request_is_unknown(
    http: httpx.AsyncClient, state: MyCoolPayState, recorder: Recorder, fault: Fault, endpoint: str
) -> None:
    gateway = make_gateway(http, recorder, timeout=httpx.Timeout(0.25))
    state.timings.drip_every = 0.02
    state.faults.add(FaultRule(fault, endpoint=endpoint))
    app_ref = f"{fault.value}-{endpoint}"
    if endpoint == "payin":
        call = gateway.push_payment(app_ref, xaf(500), MTN, "x")
    else:
        call = gateway.payout(app_ref, xaf(500), MTN)
    with pytest.raises(OutcomeUnknown):
        await call
    assert [r.method for r in recorder.requests] == ["POST"]
    assert [t.app_ref for t in state.transactions.values()] == [app_ref]  # the provider did it


async def test_a_slow_drip_is_cut_by_one_total_deadline_retries_included(
    http: httpx.AsyncClient, state: MyCoolPayState, recorder: Recorder
) -> None:
    # Every per-read timeout is 0.25 s and a byte comes every 0.02 s, so only the call's deadline
    # (the sum of the timeout's parts: 1 s) can end it; before, each of four attempts had its own.
    gateway = make_gateway(http, recorder, timeout=httpx.Timeout(0.25))
    link = await gateway.create_payment_link("drip-1", xaf(500), "x")
    state.timings.drip_every, state.timings.drip_for = 0.02, 60.0
    state.faults.add(FaultRule(Fault.SLOW_DRIP, endpoint="checkStatus", count=10))
    before = len(recorder.requests)
    started = time.monotonic()
    with pytest.raises(Unavailable):
        await gateway.status(link.provider_ref)
    assert len(recorder.requests) - before == 1 and recorder.sleeps == []
    assert time.monotonic() - started < 10  # not the minute the drip would last


async def test_no_retry_waits_past_the_deadline(
    http: httpx.AsyncClient, state: MyCoolPayState, recorder: Recorder
) -> None:
    gateway = make_gateway(
        http, recorder, timeout=httpx.Timeout(0.25), retry=RetryPolicy(retries=3, base_delay=5.0, max_delay=5.0)
    )
    link = await gateway.create_payment_link("late-1", xaf(500), "x")
    state.faults.add(FaultRule(Fault.HTML_ERROR, endpoint="checkStatus", count=10))
    before = len(recorder.requests)
    with pytest.raises(Unavailable) as caught:
        await gateway.status(link.provider_ref)
    # rng(0) draws a 4.2 s wait: past the 1 s deadline, so the read gives up rather than sleep.
    assert caught.value.http_status == 502
    assert len(recorder.requests) - before == 1 and recorder.sleeps == []


async def test_retries_that_fit_the_deadline_still_happen(
    gateway: MyCoolPayGateway, state: MyCoolPayState, recorder: Recorder
) -> None:
    link = await gateway.create_payment_link("fit-1", xaf(500), "x")
    state.faults.add(FaultRule(Fault.HTTP_500, endpoint="checkStatus", count=2))
    assert (await gateway.status(link.provider_ref)).provider_ref == link.provider_ref
    assert len(recorder.sleeps) == 2


async def test_a_token_fetched_for_a_read_spends_the_reads_deadline() -> None:
    from posapp.gateways.http import ProviderHttp

    seen: list[float | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"ok": True})

    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        outer = ProviderHttp(client, "outer", lambda: (), timeout=httpx.Timeout(1.0))
        inner = ProviderHttp(client, "inner", lambda: (), timeout=httpx.Timeout(100.0))

        async def token_headers() -> dict[str, str]:
            seen.append(inner.deadline_at())
            await inner.read("POST", "http://x/token", "token", headers={})
            return {}

        loop = asyncio.get_running_loop()
        started = loop.time()
        await outer.read("GET", "http://x/orders", "orders", headers=token_headers)
    assert seen[0] is not None and seen[0] - started <= 4.0 + 0.5  # the outer 4 s, not the inner 400 s
    assert inner.deadline_at() is not None  # outside any call: its own


async def test_a_deflate_answer_is_read_within_the_cap(state: MyCoolPayState) -> None:
    import zlib

    from posapp.gateways.http import ProviderHttp

    body = json.dumps({"status": "success", "padding": "x" * 1000}).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["accept-encoding"] == "gzip, deflate"
        encoding = request.url.path.strip("/")
        packed = {"deflate": zlib.compress(body), "raw-deflate": zlib.compress(body)[2:-4], "br": body}[encoding]
        stream = httpx.ByteStream(packed)
        name = "deflate" if encoding == "raw-deflate" else encoding
        return httpx.Response(200, headers={"Content-Encoding": name}, stream=stream)

    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        provider = ProviderHttp(client, "test", lambda: ())
        for encoding in ("deflate", "raw-deflate"):
            response, decoded = await provider.read("GET", f"http://x/{encoding}", "read", headers={})
            assert decoded["status"] == "success" and "content-encoding" not in response.headers
        small = ProviderHttp(client, "test", lambda: (), max_answer_bytes=500)
        with pytest.raises(UnreadableAnswer, match="over 500 bytes"):
            await small.read("GET", "http://x/deflate", "read", headers={})
        with pytest.raises(UnreadableAnswer, match="'br' was not offered"):
            await provider.read("GET", "http://x/br", "read", headers={})


# ------------------------------------------------------------------------------------------ over loopback


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.fixture
def seen() -> Recorder:
    return Recorder()


@pytest.fixture
async def loopback(sandbox: SandboxServer, seen: Recorder) -> AsyncIterator[httpx.AsyncClient]:
    for world in (sandbox.mycoolpay, sandbox.coolpay, sandbox.paiwise, sandbox.commercelayer):
        world.faults.clear()
    transport = CountingTransport(httpx.AsyncHTTPTransport(), seen)
    async with httpx.AsyncClient(transport=transport) as client:
        yield client


def gateway_for(
    sandbox: SandboxServer, name: str, http: httpx.AsyncClient, seen: Recorder, **options: object
) -> Gateway:
    account = sandbox.training_credentials(name)
    options.setdefault("sleep", seen.sleep)
    return build_gateway(name, http, account.base_url, account.credentials, **options)


@pytest.mark.parametrize("fault", OVERSIZED)
@pytest.mark.parametrize("name", ["mycoolpay", "coolpay", "paiwise", "commercelayer"])
async def test_every_gateway_refuses_an_oversized_status_answer_over_a_socket(
    sandbox: SandboxServer, loopback: httpx.AsyncClient, seen: Recorder, name: str, fault: Fault
) -> None:
    gateway = gateway_for(sandbox, name, loopback, seen)
    link = await gateway.create_payment_link(f"sock-{name}-{fault.value}", Money(2000, CURRENCY[name]), "x")
    world = getattr(sandbox, name)
    world.faults.add(FaultRule(fault, count=10))  # whatever the provider calls its status endpoint
    before = len(seen.requests)
    with pytest.raises(UnreadableAnswer):
        await gateway.status(link.provider_ref)
    assert len(seen.requests) - before == 1 and seen.sleeps == []


async def test_commerce_layer_token_answer_is_capped_too(
    sandbox: SandboxServer, loopback: httpx.AsyncClient, seen: Recorder
) -> None:
    gateway = gateway_for(sandbox, "commercelayer", loopback, seen)
    sandbox.commercelayer.faults.add(FaultRule(Fault.GZIP_BOMB, endpoint="token", count=10))
    with pytest.raises(UnreadableAnswer, match="token"):
        await gateway.create_payment_link("sock-cl-token", Money(2000, "EUR"), "x")
    assert [r.url.path for r in seen.requests] == ["/commercelayer/oauth/token"]


async def test_a_slow_drip_over_a_socket_is_cut_by_the_deadline(
    sandbox: SandboxServer, loopback: httpx.AsyncClient, seen: Recorder
) -> None:
    state = sandbox.mycoolpay
    gateway = gateway_for(sandbox, "mycoolpay", loopback, seen, timeout=httpx.Timeout(0.5))
    link = await gateway.create_payment_link("sock-drip", xaf(500), "x")
    saved = state.timings.drip_every, state.timings.drip_for
    state.timings.drip_every, state.timings.drip_for = 0.1, 60.0  # a byte well within every 0.5 s read timeout
    state.faults.add(FaultRule(Fault.SLOW_DRIP, endpoint="checkStatus", count=10))
    try:
        before = len(seen.requests)
        started = time.monotonic()
        with pytest.raises(Unavailable, match="deadline"):
            await gateway.status(link.provider_ref)
        elapsed = time.monotonic() - started
    finally:
        state.timings.drip_every, state.timings.drip_for = saved
    assert len(seen.requests) - before == 1 and seen.sleeps == []
    assert 1.5 < elapsed < 10  # the 2 s deadline cut it, not a read timeout and not the minute of drip


# ------------------------------------------------------------------------------------------ memory

_BOMB_CHILD = textwrap.dedent(
    """
    import asyncio, json, resource, tracemalloc

    import httpx

    from posapp.core.money import Money
    from posapp.gateways.mycoolpay import MyCoolPayGateway
    from posapp.sandbox.customer import Fault, FaultRule, gzip_bomb
    from posapp.sandbox.mycoolpay import TRAINING_PRIVATE_KEY, TRAINING_PUBLIC_KEY
    from posapp.sandbox.server import SandboxServer


    def peak_kib():
        with open("/proc/self/status") as status:
            return int(next(line for line in status if line.startswith("VmHWM:")).split()[1])


    def reset_peak():
        # Linux forgets the high-water mark (VmHWM, ru_maxrss) so far: the peak measured is the read's.
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")


    async def bombed_read(gateway, server, ref):
        server.mycoolpay.faults.add(FaultRule(Fault.GZIP_BOMB, endpoint="checkStatus"))
        try:
            await gateway.status(ref)
            return "accepted"
        except BaseException as exc:
            return type(exc).__name__


    async def main(server):
        async with httpx.AsyncClient() as http:
            gateway = MyCoolPayGateway(http, server.mycoolpay_base_url, TRAINING_PUBLIC_KEY, TRAINING_PRIVATE_KEY)
            link = await gateway.create_payment_link("bomb-1", Money(500, "XAF"), "x")
            await gateway.status(link.provider_ref)  # warm: the connection and every code path
            reset_peak()
            before = peak_kib()
            outcome = await bombed_read(gateway, server, link.provider_ref)
            growth = peak_kib() - before
            tracemalloc.start()
            again = await bombed_read(gateway, server, link.provider_ref)
            traced = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        return {
            "outcome": outcome,
            "again": again,
            "baseline_kib": before,
            "rss_growth_kib": growth,
            "traced_peak_kib": traced // 1024,
        }


    # The emulator compresses its bomb once per process (a second, a few MB): the provider's cost.
    gzip_bomb(b"{}")
    with open("/proc/self/statm") as statm:
        mapped = int(statm.read().split()[0]) * resource.getpagesize()
    # A safety net for a client that would inflate the bomb: 2 GiB of address space more, no further.
    resource.setrlimit(resource.RLIMIT_AS, (mapped + 2 * 1024**3, resource.getrlimit(resource.RLIMIT_AS)[1]))
    with SandboxServer() as server:
        print(json.dumps(asyncio.run(main(server))))
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and limits the address space")
def test_a_gzip_bomb_over_a_socket_is_refused_without_inflating_it() -> None:
    child = subprocess.run(
        [sys.executable, "-c", _BOMB_CHILD],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    log.warning("gzip bomb (~400 KB inflating to 400 MiB) over loopback: %s", figures)
    assert figures["outcome"] == figures["again"] == "UnreadableAnswer"
    # Reading it whole cost GiBs; what is left is the cap, a raw chunk and noise.
    assert figures["rss_growth_kib"] < 64 * 1024
    assert figures["traced_peak_kib"] < 16 * 1024
