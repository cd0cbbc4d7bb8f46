"""The cashier UI under load: launch to a usable Sale screen, and the event loop while 100 payments are
followed live (status polling, journal writes, Activity and History updates) in one console.

Prints (a) the median time from process start to a Sale screen that takes keys (``--self-test`` wall
time, which includes building every screen), and (b) the longest and p99 stall of the qasync loop,
measured by a 10 ms ticker task, while 100 link payments are followed and then paid by the emulated
customer in waves. The History screen's first paint at 1,000,000 rows is ``bench_history``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time

TICK_S = 0.010


def launch_times(runs: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="posapp-bench-ui-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POSAPP_HOME": home}
        times = []
        for _ in range(runs + 1):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "posapp", "--self-test"], env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        return times[1:]  # the first run creates the journal


async def follow_many(payments: int) -> tuple[float, float, int]:

    from posapp.core.money import Money
    from posapp.core.transactions import Status
    from posapp.sandbox.customer import Script
    from posapp.sandbox.mycoolpay import MyCoolPayState
    from posapp.sandbox.server import SandboxServer
    from posapp.services.events import StatusChanged
    from tests.e2e.test_cashier_flows import Harness
    from tests.helpers.qt_async import wait_until

    sandbox = await asyncio.to_thread(SandboxServer(mycoolpay=MyCoolPayState(default_script=Script.manual())).start)
    harness = Harness(sandbox)
    stalls: list[float] = []
    stop = asyncio.Event()

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        last = loop.time()
        while not stop.is_set():
            await asyncio.sleep(TICK_S)
            now = loop.time()
            stalls.append(max(0.0, now - last - TICK_S))
            last = now

    try:
        await harness.start()
        services = harness.console.services
        refs = []
        for i in range(payments):
            started = await services.checkout.start_link_payment(Money(100 + i, "XAF"), f"bench {i}", cashier="bench")
            refs.append(started.transaction.app_ref)
        paid: set[str] = set()
        wanted = set(refs)
        services.bus.subscribe(
            StatusChanged,
            lambda event: paid.add(event.transaction.app_ref) if event.transaction.status is Status.SUCCEEDED else None,
        )
        watch = asyncio.create_task(ticker())
        harness.window.show_screen("activity")
        provider_refs = [t["transaction_ref"] for t in sandbox.mycoolpay.snapshot()["transactions"]]
        for wave in range(5):
            await asyncio.sleep(2.0)
            # The customers pay from their phones: in another thread, so only the console's work is measured.
            await asyncio.to_thread(
                lambda refs=provider_refs[wave::5]: [sandbox.mycoolpay.pay_checkout(r, "699009900") for r in refs]
            )
        # Watch the events, not the journal: reading it here would wait behind the services' disk syncs.
        await wait_until(lambda: wanted <= paid, timeout=120, what="every payment")
        stop.set()
        await watch
        return max(stalls), statistics.quantiles(stalls, n=100)[98], len(stalls)
    finally:
        await harness.close()
        await asyncio.to_thread(sandbox.stop)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench_ui")
    parser.add_argument("--payments", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    options = parser.parse_args(argv or [])
    runs = 2 if options.quick else options.runs
    payments = 20 if options.quick else options.payments
    times = launch_times(runs)
    print(f"launch to a usable Sale screen (--self-test wall time): median {statistics.median(times) * 1000:.0f} ms")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["POSAPP_HOME"] = tempfile.mkdtemp(prefix="posapp-bench-ui-")
    from PySide6.QtWidgets import QApplication

    from tests.helpers.qt_async import run_on_qt_loop

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # as the console does: closing a window is not quitting
    longest, p99, ticks = run_on_qt_loop(app, follow_many(payments), timeout=300)  # type: ignore[arg-type]
    print(f"{payments} payments followed live: longest loop stall {longest * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms")
    print(f"  ({ticks} ticks of {TICK_S * 1000:.0f} ms; target: no stall over 20 ms)")


if __name__ == "__main__":
    main(sys.argv[1:])
