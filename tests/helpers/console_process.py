"""A console in a process of its own, holding its journal with requests in flight (two-process tests).

``python -m tests.helpers.console_process`` opens a training console on ``POSAPP_HOME`` (journal lock,
journal, its own emulator, the services), starts a payment link (its QR would be on screen) and a
payout whose answer the emulator holds for an hour, prints ``ready <link app_ref> <payout app_ref>`` and
waits until it is killed. Nothing here is a fake: it is the console's composition root without widgets.
"""

from __future__ import annotations

import asyncio
import sys

from posapp.config import Settings
from posapp.console import Console
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.sandbox.customer import Fault, FaultRule


async def main() -> None:
    console = Console(Settings())
    console.open_journal()
    await console.connect_provider()
    await console.start_services()
    assert console.sandbox is not None and console.services is not None
    console.sandbox.mycoolpay.timings.hang = 3600.0
    console.sandbox.mycoolpay.faults.add(FaultRule(Fault.TIMEOUT_AFTER_COMMIT, endpoint="payout"))
    link = await console.services.checkout.start_link_payment(Money(1500, "XAF"), "sale on screen", cashier="ama")
    payouts = console.services.payouts
    approval = await payouts.approve("kofi", "payout", Money(500, "XAF"))
    sending = asyncio.ensure_future(payouts.payout(Money(500, "XAF"), parse_mobile("677000001"), None, "x", approval))
    for _ in range(200):
        if any(t.type == "PAYOUT" for t in console.sandbox.mycoolpay.transactions.values()):
            break
        await asyncio.sleep(0.05)
    payout_ref = next(t.app_ref for t in console.sandbox.mycoolpay.transactions.values() if t.type == "PAYOUT")
    print("ready", link.transaction.app_ref, payout_ref, flush=True)  # noqa: T201 - the parent test reads it
    await sending  # held for an hour: the test kills this process long before


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
