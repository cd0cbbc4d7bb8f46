"""History with the till's tenders: a cash tender and its cash refund read as cash, and filter as cash."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.transactions import Kind, Transaction
from posapp.journal import sales
from posapp.journal.store import Journal
from posapp.ui.models.transactions_model import Columns
from posapp.ui.screens.history import HistoryScreen


def test_cash_tenders_show_as_cash_and_filter_as_cash(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 5, 9, 14, 30, tzinfo=UTC)
    with Journal(tmp_path / "journal.sqlite3", clock=lambda: now) as journal:
        sales.record_sale(journal, sales.Sale("SALE-1", Money(3_000, "XAF")), "cashier:ama")
        cash = Transaction("CASH-1", Kind.CASH_PAYMENT, CASH, Money(3_000, "XAF"), cashier="ama")
        sales.receive_cash(journal, "SALE-1", cash, Money(5_000, "XAF"), "cashier:ama")
        journal.record_intent(Transaction("QR-1", Kind.LINK_PAYMENT, "mycoolpay", Money(900, "XAF")), "cashier")
        screen = HistoryScreen(journal, "en_CM", tz=ZoneInfo("Africa/Douala"), clock=lambda: now)
        qtbot.addWidget(screen)
        screen.show()
        model = screen.model
        row = model.loaded_refs().index("CASH-1")
        assert model.index(row, Columns.PROVIDER).data() == "Cash"
        screen.kind_combo.setCurrentIndex(screen.kind_combo.findText("Cash"))
        assert model.loaded_refs() == ["CASH-1"]
        screen.kind_combo.setCurrentIndex(0)
        screen.provider_combo.setCurrentIndex(screen.provider_combo.findText("Cash"))
        assert model.loaded_refs() == ["CASH-1"]
