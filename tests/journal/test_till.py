"""The till in the journal (a real SQLite file): sales and tenders written atomically, append-only tables,
a cash refund capped per tender, and a journal of the previous schema migrated in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal import drawer, sales
from posapp.journal.schema import SCHEMA_VERSION
from posapp.journal.store import IntentConflict, Journal, RefundRefused

from .conftest import Clock


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


def cash(app_ref: str, amount: int) -> Transaction:
    return Transaction(app_ref=app_ref, kind=Kind.CASH_PAYMENT, provider=CASH, amount=xaf(amount), cashier="ama")


def test_a_tender_that_does_not_fit_leaves_nothing(journal: Journal) -> None:
    sales.record_sale(journal, sales.Sale("S-1", xaf(1_000)), "cashier:ama")
    with pytest.raises(sales.TenderRefused, match="at most 1000 XAF"):
        sales.receive_cash(journal, "S-1", cash("C-1", 1_500), xaf(2_000), "cashier:ama")
    assert journal.get("C-1") is None and journal.count() == 0  # the intent rolled back with the refusal
    tx = sales.receive_cash(journal, "S-1", cash("C-2", 1_000), xaf(2_000), "cashier:ama")
    assert tx.status is Status.SUCCEEDED
    again = sales.receive_cash(journal, "S-1", cash("C-2", 1_000), xaf(2_000), "cashier:ama")
    assert again == tx and len(journal.timeline("C-2")) == 2  # a double tap receives it once
    state = sales.sale_state(journal, "S-1")
    assert state.is_paid and state.tenders[0].change == xaf(1_000)
    with pytest.raises(IntentConflict):
        sales.record_sale(journal, sales.Sale("S-1", xaf(9_999)), "cashier:ama")


def test_the_till_tables_are_append_only(journal: Journal) -> None:
    sales.record_sale(journal, sales.Sale("S-1", xaf(1_000)), "cashier:ama")
    sales.receive_cash(journal, "S-1", cash("C-1", 1_000), xaf(1_000), "cashier:ama")
    drawer.record_float(journal, "ama", xaf(5_000), "manager:mgr")
    conn = journal._live()
    for statement in (
        "UPDATE sales SET amount_minor = 1",
        "DELETE FROM sales",
        "UPDATE sale_tenders SET given_minor = 99999",
        "DELETE FROM sale_tenders",
        "UPDATE drawer_events SET amount_minor = 0",
        "DELETE FROM drawer_events",
    ):
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(statement)
    assert sales.sale_state(journal, "S-1").tenders[0].given == xaf(1_000)


def test_a_cash_refund_is_capped_by_its_tender(journal: Journal) -> None:
    sales.record_sale(journal, sales.Sale("S-1", xaf(3_000)), "cashier:ama")
    sales.receive_cash(journal, "S-1", cash("C-1", 1_000), xaf(1_000), "cashier:ama")
    sales.receive_cash(journal, "S-1", cash("C-2", 2_000), xaf(2_000), "cashier:ama")

    def refund(ref: str, amount: int) -> Transaction:
        return Transaction(
            app_ref=ref, kind=Kind.REFUND, provider=CASH, amount=xaf(amount), parent_ref="C-1", cashier="ama"
        )

    with pytest.raises(RefundRefused):
        sales.return_cash(journal, refund("R-1", 1_500), "manager:mgr")  # the sale holds 3 000; C-1 only 1 000
    assert journal.get("R-1") is None
    assert sales.return_cash(journal, refund("R-2", 1_000), "manager:mgr").status is Status.SUCCEEDED
    assert journal.get("C-1").status is Status.REFUNDED  # type: ignore[union-attr]
    assert journal.get("C-2").status is Status.SUCCEEDED  # type: ignore[union-attr]


def test_a_journal_of_the_previous_schema_gains_the_till(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path, clock=clock) as old:
        old.record_intent(
            Transaction(app_ref="QR-1", kind=Kind.LINK_PAYMENT, provider="mycoolpay", amount=xaf(100)), "cashier"
        )
        conn = old._live()
        for table in ("drawer_events", "sale_events", "sale_tenders", "sales"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_till'")
        conn.execute("PRAGMA user_version = 3")
    with Journal(path, clock=clock) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION and migrated.get("QR-1") is not None
        sales.record_sale(migrated, sales.Sale("S-1", xaf(100)), "cashier:ama")
        assert sales.sale_state(migrated, "S-1").unpaid == xaf(100)
