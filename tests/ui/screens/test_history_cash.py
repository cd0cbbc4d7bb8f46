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


def split_sale(journal: Journal) -> None:
    """A sale of 7 500 FCFA: 2 500 by push (paid), then 5 000 in cash for a 10 000 note, then 1 000 of the cash
    handed back."""
    sales.record_sale(journal, sales.Sale("SALE-2", Money(7_500, "XAF"), cashier="ama"), "cashier:ama")
    push = Transaction("PUSH-2", Kind.PUSH_PAYMENT, "mycoolpay", Money(2_500, "XAF"), customer="+237677009900",
                       operator="CM_MOMO", cashier="ama")  # fmt: skip
    sales.record_tender_intent(journal, "SALE-2", push, "cashier:ama")
    journal.append_event("PUSH-2", type="sent", status="pending", actor="cashier:ama", provider_ref="MCP-2")
    journal.append_event("PUSH-2", type="status", status="succeeded", actor="system")
    cash = Transaction("CASH-2", Kind.CASH_PAYMENT, CASH, Money(5_000, "XAF"), cashier="ama")
    sales.receive_cash(journal, "SALE-2", cash, Money(10_000, "XAF"), "cashier:ama")
    refund = Transaction("RFC-2", Kind.REFUND, CASH, Money(1_000, "XAF"), parent_ref="CASH-2", cashier="ama")
    sales.return_cash(journal, refund, "manager:mgr")


def test_a_tenders_details_show_its_whole_sale_from_any_of_its_tenders(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 5, 9, 14, 30, tzinfo=UTC)
    with Journal(tmp_path / "journal.sqlite3", clock=lambda: now) as journal:
        split_sale(journal)
        journal.record_intent(Transaction("QR-9", Kind.LINK_PAYMENT, "mycoolpay", Money(900, "XAF")), "cashier")
        screen = HistoryScreen(journal, "en_CM", tz=ZoneInfo("Africa/Douala"), clock=lambda: now)
        qtbot.addWidget(screen)
        screen.show()
        details = {}
        for ref in ("CASH-2", "PUSH-2", "RFC-2", "QR-9"):
            assert screen.select(ref)
            details[ref] = " ".join(screen.detail_plain_text().split())
    cash, push = details["CASH-2"], details["PUSH-2"]
    for text in (cash, push, details["RFC-2"]):
        assert "Sale SALE-2" in text and "Sale total 7,500 FCFA" in text and "Paid 7,500 FCFA" in text
        assert "cash given 10,000 FCFA, change 5,000 FCFA" in text and "1,000 FCFA refunded" in text
        assert "Push payment · MTN MoMo" in text and "2,500 FCFA · Paid · PUSH-2" in text
    assert "Cash (this one)" in cash and "(this one)" not in cash.replace("Cash (this one)", "")
    assert "MTN MoMo (this one)" in push
    assert "Cash (this one)" in details["RFC-2"]  # a cash refund shows the tender it hands back
    assert "Sale total" not in details["QR-9"]  # a payment made alone has no sale


def test_the_sale_in_the_details_is_in_french(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from posapp.ui.i18n import install_translators

    now = datetime(2026, 5, 9, 14, 30, tzinfo=UTC)
    install_translators(qapp, "fr")
    try:
        with Journal(tmp_path / "journal.sqlite3", clock=lambda: now) as journal:
            split_sale(journal)
            screen = HistoryScreen(journal, "fr_CM", tz=ZoneInfo("Africa/Douala"), clock=lambda: now)
            qtbot.addWidget(screen)
            screen.show()
            assert screen.select("CASH-2")
            text = " ".join(screen.detail_plain_text().replace("\u202f", " ").replace("\xa0", " ").split())
            screen.grab().save(str(tmp_path / "history_fr.png"))
    finally:
        install_translators(qapp, "en")
    assert "Vente SALE-2" in text and "Total de la vente 7 500 FCFA" in text
    assert "espèces reçues 10 000 FCFA, monnaie 5 000 FCFA" in text and "Espèces (celui-ci)" in text
