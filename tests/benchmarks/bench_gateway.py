"""Status reads per second the My-CoolPay gateway sustains against the loopback sandbox, and one read's latency.

Run: ``.venv/bin/python -m tests.benchmarks.bench_gateway [--seconds 3] [--concurrency 1 10 100]``.
Each of N concurrent payments (MTN pushes left pending) is polled in its own loop for ``--seconds``.
By default the server (uvicorn + emulator) runs in a thread of this process, as in training mode, so
client and server share one GIL; ``--separate-process`` runs ``posapp.sandbox.server.main`` in a child
process instead (and reads its printed addresses, as scripts do).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.gateways.mycoolpay import MyCoolPayGateway
from posapp.sandbox.customer import Script
from posapp.sandbox.mycoolpay import MyCoolPayState
from posapp.sandbox.server import SandboxServer


async def _throughput(gateway: MyCoolPayGateway, refs: list[str], seconds: float) -> tuple[int, float]:
    count = 0
    stop = time.perf_counter() + seconds

    async def poll(ref: str) -> None:
        nonlocal count
        while time.perf_counter() < stop:
            await gateway.status(ref)
            count += 1

    started = time.perf_counter()
    await asyncio.gather(*(poll(ref) for ref in refs))
    return count, time.perf_counter() - started


@contextlib.contextmanager
def _sandbox(separate_process: bool) -> Iterator[tuple[str, str, str]]:
    """(base URL, public key, private key) of a sandbox whose customers never answer."""
    if not separate_process:
        state = MyCoolPayState(default_script=Script.manual(), balance=0)
        with SandboxServer(mycoolpay=state) as sandbox:
            yield sandbox.mycoolpay_base_url, state.public_key, state.private_key
        return
    code = "import sys; from posapp.sandbox.server import main; sys.exit(main([]))"
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        child.stdout.readline()
        fields = dict(part.split("=", 1) for part in child.stdout.readline().split()[1:])
        yield fields["base"], fields["public_key"], fields["private_key"]
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(10)


async def _run(seconds: float, levels: list[int], samples: int, separate_process: bool) -> None:
    with _sandbox(separate_process) as (base_url, public_key, private_key):
        limits = httpx.Limits(max_connections=max(levels), max_keepalive_connections=max(levels))
        async with httpx.AsyncClient(limits=limits) as http:
            gateway = MyCoolPayGateway(http, base_url, public_key, private_key)
            phone = parse_mobile("677000001")
            if separate_process:  # the child's default customer pays after 1 s: keep them pending
                await http.post(f"{base_url}/_sandbox/scripts", json={"action": "manual", "phone": phone.national})
            refs = [
                (await gateway.push_payment(f"bench-{i}", Money(100, "XAF"), phone, "bench")).provider_ref
                for i in range(max(levels))
            ]
            latencies = []
            for _ in range(samples):
                started = time.perf_counter()
                await gateway.status(refs[0])
                latencies.append((time.perf_counter() - started) * 1000)
            latencies.sort()
            p95 = latencies[int(0.95 * (len(latencies) - 1))]
            print(f"one status read over loopback: median {statistics.median(latencies):.2f} ms, p95 {p95:.2f} ms")
            for level in levels:
                count, elapsed = await _throughput(gateway, refs[:level], seconds)
                rate = count / elapsed
                print(f"{level:>4} concurrent payments: {rate:8.0f} status reads/s ({count} in {elapsed:.1f} s)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--samples", type=int, default=300, help="sequential reads for the latency figures")
    parser.add_argument("--separate-process", action="store_true", help="serve the sandbox from a child process")
    args = parser.parse_args(argv)
    where = "a child process" if args.separate_process else "a thread of this process"
    print(f"sandbox in {where}; {args.seconds:g} s per level")
    asyncio.run(_run(args.seconds, args.concurrency, args.samples, args.separate_process))


if __name__ == "__main__":
    main()
