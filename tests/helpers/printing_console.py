"""A console in a process of its own with a receipt in its print queue, to be killed (``kill -9``) there.

``python -m tests.helpers.printing_console <port> <refused|stall>`` opens a training console on
``POSAPP_HOME`` (journal lock, journal, its emulator, the services), takes a cash sale, and queues its
receipt for the network printer on 127.0.0.1:<port> through the queue recorded in the journal, as the
till does. ``refused``: nobody listens there; once the first try failed (and the queue waits an hour to
try again) it prints ``ready <app_ref> <sale_ref>``. ``stall``: the printer there takes the connection
and never answers; it prints ``ready ...`` while the receipt is being sent. Then it waits to be killed.
"""

from __future__ import annotations

import asyncio
import sys
import threading

from posapp.config import Settings
from posapp.console import Console
from posapp.core.money import Money
from posapp.journal.prints import JournalPrintLog
from posapp.printing.devices import Connection, PrinterConfig
from posapp.printing.queue import JobState, PrintJob, PrintQueue
from posapp.printing.receipt import Receipt


async def main(port: int, mode: str) -> None:
    console = Console(Settings())
    console.open_journal()
    await console.connect_provider()
    await console.start_services()
    assert console.services is not None
    received = await console.services.sales.cash_sale(Money(3_500, "XAF"), Money(5_000, "XAF"), cashier="Ama")
    app_ref, sale_ref = received.tender.app_ref, received.sale.sale.sale_ref
    config = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=port, timeout_s=120.0)
    there = threading.Event()
    awaited = JobState.PRINTING if mode == "stall" else JobState.WAITING

    def listen(job: PrintJob) -> None:
        if job.state is awaited:
            there.set()

    queue = PrintQueue(
        lambda: config, listener=listen, retry_after_s=(3600.0,), log=JournalPrintLog(console.services.journal.journal)
    )
    queue.print_receipt(
        Receipt(title="PAYMENT RECEIPT", amount="3,500 FCFA", qr_data=app_ref, app_ref=app_ref),
        sale_ref=sale_ref,
        by="cashier:Ama",
    )
    assert await asyncio.to_thread(there.wait, 60), "the receipt never got there"
    print("ready", app_ref, sale_ref, flush=True)  # noqa: T201 - the parent test reads it
    await asyncio.sleep(3600)  # the test kills this process long before


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
    sys.exit(0)
