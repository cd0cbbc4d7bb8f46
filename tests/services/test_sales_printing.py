"""A printer that is off, stalls or drops the connection never touches a sale: the cash is in the journal,
the sale paid, the receipt waiting in the print queue; the drawer kick goes through the same printer."""

from __future__ import annotations

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.printing.devices import Connection, PrinterConfig
from posapp.printing.queue import JobState, PrintQueue
from posapp.printing.receipt import Receipt
from tests.helpers.escpos import NetworkPrinter, decode, free_port_nobody_listens_on

from .conftest import Harness


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


@pytest.mark.parametrize("mode", ["refused", "stall", "close_after"])
async def test_a_failing_printer_leaves_the_cash_sale_paid_and_the_receipt_queued(harness: Harness, mode: str) -> None:
    h = harness
    trouble = None if mode == "refused" else NetworkPrinter(mode, close_after_bytes=20)
    port = free_port_nobody_listens_on() if trouble is None else trouble.port
    config = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=port, timeout_s=0.3)
    queue = PrintQueue(lambda: config, retry_after_s=(60.0,))
    h.services.sales.kick_drawer = lambda _why: queue.kick_drawer()
    received = await h.services.sales.cash_sale(xaf(3_500), xaf(5_000), cashier="ama")
    job = queue.print_receipt(
        Receipt(title="PAYMENT RECEIPT", amount="3,500 FCFA", qr_data=received.tender.app_ref,
                app_ref=received.tender.app_ref)
    )  # fmt: skip
    assert received.sale.is_paid  # the outcome stood before the printer was asked anything
    assert queue.wait_idle(10)
    assert h.journal.get(received.tender.app_ref).status is Status.SUCCEEDED  # type: ignore[union-attr]
    waiting = queue.job(job.id)
    assert waiting is not None and waiting.state is JobState.WAITING and waiting.app_ref == received.tender.app_ref
    assert [j.kind.value for j in queue.jobs()] == ["drawer", "receipt"]
    drawer = queue.jobs()[0]
    assert drawer.attempts == 1  # the drawer is asked once, never again later
    if mode != "close_after":  # (a pulse is a few bytes: it may get through before the connection drops)
        assert drawer.state is JobState.FAILED
    queue.close()
    if trouble is not None:
        trouble.close()


async def test_a_cash_sale_opens_the_drawer_through_the_printer(harness: Harness) -> None:
    h = harness
    printer = NetworkPrinter()
    config = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=printer.port, drawer_pin=2)
    queue = PrintQueue(lambda: config)
    h.services.sales.kick_drawer = lambda _why: queue.kick_drawer()
    await h.services.sales.cash_sale(xaf(1_000), xaf(1_000), cashier="ama")
    assert queue.wait_idle(5)
    (pulse,) = printer.printed()
    assert decode(pulse).drawer_pulses == [(0, 50, 50)]
    queue.close()
    printer.close()
