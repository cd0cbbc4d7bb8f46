"""Refunds of a split sale's tenders with the shop store reachable (issue 17 item 5, issue 16's cap).

Each tender is capped on its own: the mobile part by the shop store across every counter (a claim another
counter made counts), the cash part by this counter's journal, which holds all of it (the cash is in this
counter's drawer, so no other counter refunds it: the shop view does not offer it, and
``refund_other_counter`` says why and claims nothing). Real sandbox over ASGI, a real PostgreSQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status
from posapp.sandbox.customer import Script
from posapp.services.common import ActionFailed
from posapp.services.shop_refunds import refund_other_counter
from posapp.shop.identity import terminal_identity
from posapp.shop.reads import ShopFilter, history_page
from posapp.shop.refunds import ShopRefundGuard
from posapp.ui.actions import describe_error
from posapp.ui.i18n import install_translators
from tests.services.conftest import Harness
from tests.shop.conftest import ShopDatabase
from tests.shop.test_refunds import other_counter_claims, replicate

MTN = parse_mobile("677009900")
OTHER_COUNTER = "0b7e2f4c-1c1d-4c7e-9a55-00000000000b"


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


@pytest.fixture
async def counter_a(tmp_path: Path, shop_db: ShopDatabase) -> AsyncIterator[Harness]:
    h = Harness(tmp_path)
    await h.services.start()
    tid = terminal_identity(h.journal).terminal_id
    with shop_db.terminal() as store:
        store.register_terminal(tid, "Counter A")
        store.register_terminal(OTHER_COUNTER, "Counter B")
    h.services.payouts.refund_guard = ShopRefundGuard(shop_db.terminal, tid)
    yield h
    await h.aclose()


async def split_sale(h: Harness) -> tuple[str, str]:
    """6 000 FCFA: 2 000 in cash, 4 000 pushed to a phone and paid; returns (cash tender, push tender)."""
    h.state.scripts.queue_next(Script.pay(after=3))
    sale = await h.services.sales.open_sale(xaf(6_000), "two bags", cashier="ama")
    cash = await h.services.sales.pay_cash(sale.sale.sale_ref, xaf(2_000), cashier="ama")
    pushed = await h.services.sales.pay_by_push(sale.sale.sale_ref, MTN, cashier="ama")
    await h.time.advance(6)
    assert (await h.services.sales.state(sale.sale.sale_ref)).is_paid
    return cash.tender.app_ref, pushed.transaction.app_ref


def claims(shop_db: ShopDatabase) -> int:
    with shop_db.admin() as admin:
        row = admin.execute("SELECT count(*) FROM posapp.refund_claims").fetchone()
    assert row is not None
    return int(row[0])


async def test_each_tender_is_capped_the_mobile_part_across_the_shop_the_cash_part_by_its_drawer(
    qapp: QApplication, counter_a: Harness, shop_db: ShopDatabase
) -> None:
    h = counter_a
    cash_ref, push_ref = await split_sale(h)
    replicate(h, shop_db)
    tid = terminal_identity(h.journal).terminal_id
    assert other_counter_claims(shop_db, tid, push_ref, 3_000)  # counter B refunded 3 000 of the push

    payouts_before = h.transport.count("/payout")
    approval = await h.services.payouts.approve("kofi", "refund", xaf(2_000))
    with pytest.raises(ActionFailed, match="at most 1000 XAF") as refused:
        await h.services.sales.refund_tender(push_ref, xaf(2_000), "damaged", approval, cashier="ama")
    assert h.transport.count("/payout") == payouts_before  # nothing left the machine
    assert refused.value.transaction is not None
    assert h.journal.get(refused.value.transaction.app_ref).status is Status.FAILED  # type: ignore[union-attr]
    install_translators(qapp, "fr")
    try:
        said = describe_error(refused.value)
    finally:
        install_translators(qapp, "en")
    assert said.startswith(f"D’autres remboursements de {push_ref} dans la boutique laissent au plus 1000 XAF")

    claims_before = claims(shop_db)
    # Counter B, with the store reachable, cannot hand back this counter's cash: told why, nothing claimed.
    with shop_db.terminal() as store:
        rows = history_page(store, ShopFilter(terminals=frozenset({tid}))).items
    cash_row = next(r for r in rows if r.transaction.app_ref == cash_ref)
    approval = await h.services.payouts.approve("kofi", "payout", xaf(500))
    with pytest.raises(ActionFailed, match="paid in cash at Counter A") as elsewhere:
        await refund_other_counter(
            h.services.payouts, shop_db.terminal, OTHER_COUNTER, cash_row, xaf(500), "", approval
        )
    assert "drawer" in describe_error(elsewhere.value)
    assert claims(shop_db) == claims_before and h.transport.count("/payout") == payouts_before

    # The cash part: the store holds no claim on cash and never needs one; this journal caps it.
    approval = await h.services.payouts.approve("kofi", "refund", xaf(2_000))
    back = await h.services.sales.refund_tender(cash_ref, xaf(2_000), "returned", approval, cashier="ama")
    assert back.provider == CASH and back.status is Status.SUCCEEDED
    approval = await h.services.payouts.approve("kofi", "refund", xaf(1))
    with pytest.raises(ActionFailed, match="at most 0 XAF"):
        await h.services.sales.refund_tender(cash_ref, xaf(1), "again", approval, cashier="ama")
    assert claims(shop_db) == claims_before and h.transport.count("/payout") == payouts_before
