"""The print queue's changes reach the GUI thread; receipts print with the system printer's words."""

from __future__ import annotations

from PySide6.QtCore import QThread

from posapp.config import Settings
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.printing.devices import Connection, PrinterConfig
from posapp.printing.queue import JobState, PrintQueue
from posapp.ui.print_bridge import PrintQueueBridge, printer_receipt
from posapp.ui.receipts import receipt_content
from tests.helpers.escpos import NetworkPrinter, decode


def test_a_receipt_printed_on_its_thread_is_told_on_the_gui_thread(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    printer = NetworkPrinter()
    bridge = PrintQueueBridge()
    threads: list[bool] = []
    states: list[JobState] = []
    bridge.job_changed.connect(lambda job: (threads.append(QThread.currentThread() is qapp.thread()),
                                            states.append(job.state)))  # fmt: skip
    config = PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=printer.port)
    queue = PrintQueue(lambda: config, listener=bridge.listener)
    tx = Transaction(app_ref="PAY-20260302-abc", kind=Kind.PUSH_PAYMENT, provider="mycoolpay",
                     amount=Money(1500, "XAF"), status=Status.SUCCEEDED, customer="+237677000001",
                     operator="CM_MOMO", cashier="ama")  # fmt: skip
    content = receipt_content(tx, Settings(shop_name="Boutique Élise"), cashier="ama", training=True)
    queue.print_receipt(printer_receipt(content))
    qtbot.waitUntil(lambda: JobState.PRINTED in states, timeout=5000)
    assert all(threads) and states[-1] is JobState.PRINTED
    printed = decode(printer.printed()[0])
    assert content.title in printed.text and "Boutique Élise" in printed.text
    assert printed.qr_data == [tx.app_ref] and any(content.training.replace("—", "-") in t for t in printed.text)
    queue.close()
    printer.close()
