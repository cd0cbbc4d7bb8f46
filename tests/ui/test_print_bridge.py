"""The print queue's changes reach the GUI thread; receipts print with the system printer's words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread

from posapp.config import Settings
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.printing.devices import Connection, Paper, PrinterConfig
from posapp.printing.queue import JobState, PrintQueue
from posapp.printing.receipt import render
from posapp.ui.i18n import install_translators
from posapp.ui.print_bridge import PrintQueueBridge, printer_receipt
from posapp.ui.screens.receipts import receipt_content
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


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("paper", "columns"), [(Paper.MM58, 32), (Paper.MM80, 48)])
def test_the_consoles_own_receipt_prints_whole_in_both_languages(
    qapp, language: str, paper: Paper, columns: int
) -> None:  # type: ignore[no-untyped-def]
    """The words the console translates for the system printer, laid out for the roll and read back."""
    install_translators(qapp, language)
    try:
        tx = Transaction(app_ref="PAY-20260302-9f3a1c7e2b", kind=Kind.PUSH_PAYMENT, provider="mycoolpay",
                         amount=Money(1_500_000, "XAF"), status=Status.SUCCEEDED, customer="+237699009900",
                         operator="CM_OM", cashier="Amélie", reason="Crème brûlée")  # fmt: skip
        settings = Settings(language=language, shop_name="Boulangerie Étoile d’Akwa")
        content = receipt_content(tx, settings, cashier="Amélie", training=True, locale=f"{language}_CM")
        printed = decode(render(printer_receipt(content), PrinterConfig(paper=paper)))
    finally:
        install_translators(qapp, "en")
    text = printed.text
    assert printed.codepages == [19] and all("?" not in line for line in text)
    for line in printed.lines:
        assert len(line.text) <= (columns // 2 if line.double_width else columns)
    title = "REÇU DE PAIEMENT" if language == "fr" else "PAYMENT RECEIPT"
    assert title == content.title and title in text
    amount = "1 500 000 FCFA" if language == "fr" else "1,500,000 FCFA"
    assert amount in text and "Boulangerie Étoile d'Akwa" in text
    joined = " ".join(t.strip() for t in text)
    assert "Crème brûlée" in joined and "Amélie" in joined and "Orange Money" in joined
    assert content.training.replace("’", "'").replace("—", "-") in text  # the training mark, whole
    assert printed.qr_data == [tx.app_ref] and printed.cuts == 1
