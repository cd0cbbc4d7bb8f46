"""A recognisable private key, used through whole flows at DEBUG log level, appears nowhere it must not:
logs, the journal file and its WAL, the CSV export, receipts, or any text a screen shows."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from posapp.app import configure_logging
from posapp.config import log_dir
from posapp.console import secret_filter
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.journal.export import export_csv
from posapp.sandbox.customer import Script
from posapp.sandbox.mycoolpay import MyCoolPayState
from posapp.sandbox.server import SandboxServer
from posapp.ui.screens.receipts import ReceiptLayout, save_receipt_pdf
from tests.e2e.test_cashier_flows import Harness
from tests.helpers.qt_async import run_on_qt_loop, wait_until

CANARY = "CANARY-private-key-7c1f9e2a4b"


def visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        shown = isinstance(widget, QLabel | QAbstractButton) or (
            isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Normal
        )
        if shown:
            texts.append(widget.text())
        texts.append(widget.toolTip())
    return texts


def test_private_key_leaks_nowhere(qapp: QApplication, posapp_home: Path, tmp_path: Path) -> None:
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    level_before = root.level
    configure_logging(logging.DEBUG)
    state = MyCoolPayState(private_key=CANARY, default_script=Script.manual())
    sandbox = SandboxServer(mycoolpay=state).start()
    harness = Harness(sandbox)
    try:

        async def flows() -> str:
            await harness.start()
            services = harness.console.services
            # a QR sale paid on the checkout page
            harness.type_amount("2500")
            QTest.keyClick(harness.flow.sale.amount_input, Qt.Key.Key_Return)
            await wait_until(lambda: harness.flow.currentWidget() is harness.flow.qr)
            async with httpx.AsyncClient() as browser:
                await browser.post(harness.flow.qr.url, data={"phone": "699009900", "action": "pay"})
            await wait_until(harness.flow.qr.showing_outcome, timeout=10)
            paid = harness.flow.qr.app_ref
            # a payout and a refund (both send X-PRIVATE-KEY)
            approval = await services.payouts.approve("manager:Kofi", "payout", Money(1000, "XAF"))
            payout = await services.payouts.payout(
                Money(1000, "XAF"), parse_mobile("677009900"), None, "supplier", approval
            )
            refund_ok = await services.payouts.approve("manager:Kofi", "refund", Money(500, "XAF"))
            await services.payouts.refund(paid, Money(500, "XAF"), "damaged goods", refund_ok)
            await wait_until(lambda: harness.console.journal.get(payout.app_ref).status is Status.SUCCEEDED, timeout=15)
            harness.window.show_screen("history")
            await wait_until(lambda: True)
            for screen in harness.window.screens.values():
                assert all(CANARY not in text for text in visible_texts(screen))
            return paid

        paid_ref = run_on_qt_loop(qapp, flows())
        journal = harness.console.journal
        assert journal is not None
        now = datetime.now(UTC)
        export = tmp_path / "export.csv"
        export_csv(journal, export, now - timedelta(days=1), now + timedelta(days=1))
        receipt = tmp_path / "receipt.pdf"
        save_receipt_pdf(journal.get(paid_ref), receipt, ReceiptLayout.ROLL_80, harness.settings, cashier="Ama")
        run_on_qt_loop(qapp, harness.close())
        for handler in logging.getLogger().handlers:
            handler.flush()
        places = [
            *sorted(log_dir().glob("posapp.log*")),
            *sorted((posapp_home / "data").glob("journal.sqlite3*")),
            export,
            receipt,
        ]
        assert any(p.name.startswith("posapp.log") and p.stat().st_size > 0 for p in places), "DEBUG logs written"
        for place in places:
            assert CANARY.encode() not in place.read_bytes(), f"the private key leaked into {place.name}"
        # the logs did record the provider traffic, with the public key redacted from the URLs
        text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in places if "log" in p.name)
        assert "payout" in text
        assert state.public_key not in text
    finally:
        sandbox.stop()
        for handler in list(root.handlers):
            if handler not in handlers_before:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level_before)
        secret_filter.secrets.clear()
