"""A sale taken at counter A refunded at counter B: the shop store decides first, then the money goes out once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import HistoryFilter, Journal, RefundRefused
from posapp.services.common import ActionFailed
from posapp.services.shop_refunds import refund_other_counter
from posapp.shop.identity import name_terminal, terminal_identity
from posapp.shop.reads import ShopFilter, ShopRow, history_page
from posapp.shop.refunds import ShopRefundGuard
from posapp.shop.replicator import Replicator
from posapp.shop.store import ShopStore
from tests.services.conftest import Harness
from tests.shop.conftest import ShopDatabase
from tests.shop.sales import sell

PAYER = "+237677000001"  # MTN


@pytest.fixture
async def shop(tmp_path: Path, shop_db: ShopDatabase) -> AsyncIterator[tuple[Harness, Journal, ShopRow]]:
    """Counter A sold 2,000 XAF (replicated); counter B is a console with its services (the harness)."""
    a = Journal(tmp_path / "a.sqlite3")
    name_terminal(a, "Counter A")
    sell(a, "PAY-A", 2000, customer=PAYER)
    (tmp_path / "b").mkdir()
    b = Harness(tmp_path / "b")
    await b.services.start()
    with shop_db.terminal() as store:
        for journal in (a, b.journal):
            identity = terminal_identity(journal)
            store.register_terminal(identity.terminal_id, identity.name)
        Replicator(a.path, lambda: store).sync_once(store, a)
        (row,) = history_page(store, ShopFilter(HistoryFilter(text="PAY-A"))).items
    yield b, a, row
    await b.aclose()
    a.close()


def b_terminal(b: Harness) -> str:
    return terminal_identity(b.journal).terminal_id


async def test_counter_b_refunds_counter_as_sale_within_what_was_paid(shop, shop_db: ShopDatabase) -> None:  # type: ignore[no-untyped-def]
    b, a, row = shop
    approval = await b.services.payouts.approve("kofi", "payout", Money(1500, "XAF"))
    sent_before = b.transport.count("/payout")
    tx = await refund_other_counter(b.services.payouts, shop_db.terminal, b_terminal(b), row, Money(1500, "XAF"),
                                    "wrong size", approval)  # fmt: skip
    assert tx.kind is Kind.PAYOUT and tx.customer == PAYER and "Refund of PAY-A (Counter A)" in tx.reason
    assert b.transport.count("/payout") == sent_before + 1
    with shop_db.admin() as admin:
        claims = admin.execute("SELECT refund_ref, sale_ref, amount_minor FROM posapp.refund_claims").fetchall()
    assert claims == [(tx.app_ref, "PAY-A", 1500)]
    # more than what is left: refused by the store, nothing sent, nothing recorded at B
    again = await b.services.payouts.approve("kofi", "payout", Money(1000, "XAF"))
    with pytest.raises(ActionFailed, match="at most 500 XAF"):
        await refund_other_counter(b.services.payouts, shop_db.terminal, b_terminal(b), row, Money(1000, "XAF"),
                                   "again", again)  # fmt: skip
    assert b.transport.count("/payout") == sent_before + 1
    assert b.journal.get(f"PO-{again.approved_at:%Y%m%dT%H%M%S%f}-{again.id}") is None
    # counter A, refunding its own sale, is capped by B's refund too
    guard = ShopRefundGuard(shop_db.terminal, terminal_identity(a).terminal_id)
    own = a.record_intent(
        Transaction(
            app_ref="RF-A-1", kind=Kind.REFUND, provider="mycoolpay", amount=Money(1000, "XAF"), customer=PAYER,
            parent_ref="PAY-A", cashier="esi",
        ),
        "manager:esi",
    )  # fmt: skip
    with pytest.raises(RefundRefused, match="at most 500 XAF"):
        guard.claim(own)


async def test_offline_another_counters_sale_is_not_refunded(shop, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    b, _, row = shop
    dead = f"postgresql://posapp_terminal@/shop?host={tmp_path}"
    approval = await b.services.payouts.approve("kofi", "payout", Money(500, "XAF"))
    sent_before = b.transport.count("/payout")
    with pytest.raises(ActionFailed, match="only while the shop store can be reached") as refused:
        await refund_other_counter(b.services.payouts, lambda: ShopStore.connect(dead, password="x"), b_terminal(b),
                                   row, Money(500, "XAF"), "", approval)  # fmt: skip
    assert "Nothing was sent" in str(refused.value) and b.transport.count("/payout") == sent_before


async def test_own_sales_and_bad_amounts_are_refused_before_asking_anybody(shop, shop_db: ShopDatabase) -> None:  # type: ignore[no-untyped-def]
    b, a, row = shop
    approval = await b.services.payouts.approve("kofi", "payout", Money(500, "XAF"))
    with pytest.raises(ActionFailed, match="taken at this counter"):
        await refund_other_counter(b.services.payouts, shop_db.terminal, row.terminal_id, row, Money(500, "XAF"),
                                   "", approval)  # fmt: skip
    with pytest.raises(ActionFailed, match="between 1 and 2000 XAF"):
        await refund_other_counter(b.services.payouts, shop_db.terminal, b_terminal(b), row, Money(2500, "XAF"),
                                   "", approval)  # fmt: skip
    assert row.transaction.status is Status.SUCCEEDED
