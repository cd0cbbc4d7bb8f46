"""A manager at counter B refunds, from the shop view, a sale counter A took: dialog, approval, store, payout."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from posapp.core.money import Money
from posapp.core.transactions import Kind
from posapp.journal.store import Journal
from posapp.shop.identity import TerminalIdentity, name_terminal, terminal_identity
from posapp.shop.replicator import LinkStatus, Replicator
from posapp.ui.screens.shop_view import ShopView
from posapp.ui.shop_refunds import ShopRefunds
from tests.helpers.qt_async import run_on_qt_loop, wait_until
from tests.services.conftest import Harness
from tests.shop.conftest import ShopDatabase
from tests.shop.sales import sell


@dataclass
class Link:
    connect: Any
    identity: TerminalIdentity
    status: LinkStatus = field(default_factory=LinkStatus)
    refunds: Any = None


def test_refund_another_counters_sale_from_the_shop_view(qapp, tmp_path: Path, shop_db: ShopDatabase) -> None:  # type: ignore[no-untyped-def]
    a = Journal(tmp_path / "a.sqlite3")
    name_terminal(a, "Counter A")
    sell(a, "PAY-A", 2000, customer="+237677000001")
    (tmp_path / "b").mkdir()
    b = Harness(tmp_path / "b")
    with shop_db.terminal() as store:
        for journal in (a, b.journal):
            identity = terminal_identity(journal)
            store.register_terminal(identity.terminal_id, identity.name)
        Replicator(a.path, lambda: store).sync_once(store, a)
    link = Link(shop_db.terminal, terminal_identity(b.journal))

    async def scenario() -> None:
        await b.services.start()
        try:
            payouts = b.services.payouts

            def approve(amount: Money, _summary: str) -> Any:
                return payouts.approve("kofi", "payout", amount)

            link.refunds = ShopRefunds(None, payouts, link, approve, "en_CM")  # type: ignore[arg-type]
            view = ShopView(link, "en_CM", manager="kofi")
            view.refund_requested.connect(link.refunds.open_refund)
            await wait_until(lambda: view.table.rowCount() == 1, what="the shop's history")
            assert not view.refund_button.isEnabled()  # nothing selected yet
            view.table.selectRow(0)
            assert view.refund_button.isEnabled()
            view.refund_button.click()
            await wait_until(lambda: link.refunds.dialog is not None, what="the refund dialog")
            dialog = link.refunds.dialog
            assert dialog.refundable == Money(2000, "XAF")
            dialog.partial_button.click()
            dialog.amount_edit.setText("1500")
            dialog.reason_edit.setText("wrong size")
            sent_before = b.transport.count("/payout")
            dialog.submit()
            await wait_until(lambda: dialog.refund is not None, what="the refund sent")
            assert dialog.refund.kind is Kind.PAYOUT and b.transport.count("/payout") == sent_before + 1
            view.done(0)
            dialog.done(0)
        finally:
            await b.aclose()

    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)  # closing the dialogs must not end the loop under the test
    try:
        run_on_qt_loop(qapp, scenario())
    finally:
        qapp.setQuitOnLastWindowClosed(quits)
    a.close()
    with shop_db.admin() as admin:
        assert admin.execute("SELECT sale_ref, amount_minor FROM posapp.refund_claims").fetchall() == [("PAY-A", 1500)]


def test_a_cashier_sees_no_refund_button(qtbot, tmp_path: Path, shop_db: ShopDatabase) -> None:  # type: ignore[no-untyped-def]
    with Journal(tmp_path / "b.sqlite3") as journal:
        view = ShopView(Link(shop_db.terminal, terminal_identity(journal)), "en_CM")
    qtbot.addWidget(view)
    assert not view.refund_button.isVisibleTo(view)
    view.done(0)


def test_another_counters_cash_tender_is_not_offered_for_refund(qtbot, tmp_path: Path, shop_db: ShopDatabase) -> None:  # type: ignore[no-untyped-def]
    """Its cash is in that counter's drawer (and its refunds in that counter's journal only)."""
    from posapp.core.cash import CASH
    from posapp.core.transactions import Transaction
    from posapp.journal import sales

    with Journal(tmp_path / "a.sqlite3") as a, Journal(tmp_path / "b.sqlite3") as b:
        name_terminal(a, "Counter A")
        sales.record_sale(a, sales.Sale("SALE-A", Money(3_000, "XAF"), cashier="ama"), "cashier:ama")
        cash = Transaction("CASH-A", Kind.CASH_PAYMENT, CASH, Money(3_000, "XAF"), cashier="ama")
        sales.receive_cash(a, "SALE-A", cash, Money(5_000, "XAF"), "cashier:ama")
        sell(a, "PAY-A", 2000, customer="+237677000001")
        with shop_db.terminal() as store:
            for journal in (a, b):
                identity = terminal_identity(journal)
                store.register_terminal(identity.terminal_id, identity.name)
            Replicator(a.path, lambda: store).sync_once(store, a)
        view = ShopView(Link(shop_db.terminal, terminal_identity(b)), "en_CM", manager="kofi")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=10_000)
    offered = {}
    for row in range(2):
        view.table.selectRow(row)
        selected = view.selected_row()
        assert selected is not None
        offered[selected.transaction.app_ref] = view.refund_button.isEnabled()
    assert offered == {"CASH-A": False, "PAY-A": True}
    view.done(0)
