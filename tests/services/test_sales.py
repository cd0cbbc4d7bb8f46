"""The till over the real My-CoolPay emulator: cash sales, split sales, partial failures, refunds per tender,
the drawer count, and the journal's projections rebuilding the same sales from the events."""

from __future__ import annotations

from datetime import date

import pytest

from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Kind, Status
from posapp.journal import reports, sales
from posapp.journal.export import csv_text, write_drawer_csv
from posapp.sandbox.customer import Fault, FaultRule, Script
from posapp.services.common import ActionFailed
from posapp.services.sales import SaleChanged

from .conftest import Harness

MTN = parse_mobile("677000001")
MTN_2 = parse_mobile("677000002")


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


def money_calls(h: Harness) -> list[str]:
    """What was asked of the provider about payments (the balance service reads the balance by itself)."""
    return [r.url.path for r in h.transport.requests if not r.url.path.endswith("/balance")]


def kicks(h: Harness) -> list[str]:
    kicked: list[str] = []
    h.services.sales.kick_drawer = lambda why: kicked.append(why)
    return kicked


async def test_cash_sale_gives_change_is_journaled_and_never_reaches_the_provider(harness: Harness) -> None:
    h = harness
    kicked = kicks(h)
    received = await h.services.sales.cash_sale(xaf(3_500), xaf(5_000), "bread", cashier="ama")
    assert received.change == xaf(1_500) and received.tender.amount == xaf(3_500)
    tender = h.journal.get(received.tender.app_ref)
    assert tender is not None and tender.kind is Kind.CASH_PAYMENT and tender.provider == CASH
    assert tender.status is Status.SUCCEEDED and tender.cashier == "ama"
    assert [e.type for e in h.journal.timeline(tender.app_ref)] == ["intent", "cash_received"]
    assert received.sale.is_paid and received.sale.unpaid == xaf(0) and received.sale.change == xaf(1_500)
    assert money_calls(h) == []  # cash never leaves the console
    assert kicked == ["cash"]  # the drawer opens only once the cash is in the journal
    await h.time.advance(30)
    assert money_calls(h) == []  # and the tracker never reads it


async def test_short_cash_pays_part_and_leaves_the_rest_open(harness: Harness) -> None:
    h = harness
    sale = await h.services.sales.open_sale(xaf(10_000), cashier="ama")
    part = await h.services.sales.pay_cash(sale.sale.sale_ref, xaf(2_000), cashier="ama")
    assert part.change == xaf(0) and not part.sale.is_paid and part.sale.unpaid == xaf(8_000)
    rest = await h.services.sales.pay_cash(sale.sale.sale_ref, xaf(10_000), cashier="ama")
    assert rest.tender.amount == xaf(8_000) and rest.change == xaf(2_000) and rest.sale.is_paid
    with pytest.raises(ActionFailed, match="Nothing is left"):
        await h.services.sales.pay_cash(sale.sale.sale_ref, xaf(500), cashier="ama")
    with pytest.raises(ActionFailed):
        await h.services.sales.cash_sale(xaf(1_000), xaf(500), cashier="ama")
    assert h.journal.count() == 2  # the refused ones wrote nothing


async def test_split_cash_and_push_is_paid_only_when_the_push_succeeds(harness: Harness) -> None:
    h = harness
    h.state.scripts.queue_next(Script.pay(after=5))
    sale = await h.services.sales.open_sale(xaf(7_500), "groceries", cashier="ama")
    ref = sale.sale.sale_ref
    cash = await h.services.sales.pay_cash(ref, xaf(5_000), cashier="ama", amount=xaf(2_500))
    assert cash.change == xaf(2_500) and cash.sale.open_amount == xaf(5_000)
    pushed = await h.services.sales.pay_by_push(ref, MTN, cashier="ama")
    assert pushed.transaction.amount == xaf(5_000) and pushed.transaction.status is Status.PENDING
    waiting = await h.services.sales.state(ref)
    assert not waiting.is_paid and waiting.in_flight == xaf(5_000) and waiting.open_amount == xaf(0)
    with pytest.raises(ActionFailed, match="not settled yet"):  # the push holds its part: never paid twice
        await h.services.sales.pay_cash(ref, xaf(5_000), cashier="ama")
    await h.time.advance(8)
    paid = await h.services.sales.state(ref)
    assert paid.is_paid and [t.transaction.status for t in paid.tenders] == [Status.SUCCEEDED, Status.SUCCEEDED]
    assert h.transport.count("/payin") == 1
    changes = [e.state for e in h.events.of(SaleChanged) if e.state.sale.sale_ref == ref]
    assert changes[-1].is_paid and not changes[0].is_paid


async def test_a_failed_push_leaves_its_part_unpaid_and_another_tender_can_take_it(harness: Harness) -> None:
    h = harness
    h.state.scripts.queue_next(Script.decline(after=4))
    sale = await h.services.sales.open_sale(xaf(6_000), cashier="ama")
    ref = sale.sale.sale_ref
    await h.services.sales.pay_cash(ref, xaf(1_000), cashier="ama")
    await h.services.sales.pay_by_push(ref, MTN, cashier="ama")
    await h.time.advance(8)
    after = await h.services.sales.state(ref)
    assert [t.transaction.status for t in after.tenders] == [Status.SUCCEEDED, Status.FAILED]
    assert not after.is_paid and after.unpaid == xaf(5_000) and after.open_amount == xaf(5_000)
    h.state.scripts.queue_next(Script.pay(after=4))
    await h.services.sales.pay_by_push(ref, MTN_2, cashier="ama")  # a second phone pays the part
    await h.time.advance(8)
    assert (await h.services.sales.state(ref)).is_paid


async def test_an_unknown_push_keeps_the_sale_unpaid_and_holds_its_part(harness: Harness) -> None:
    h = harness
    h.state.faults.add(FaultRule(Fault.HTTP_500, endpoint="payin", commit=True))
    sale = await h.services.sales.open_sale(xaf(4_000), cashier="ama")
    ref = sale.sale.sale_ref
    pushed = await h.services.sales.pay_by_push(ref, MTN, cashier="ama")
    assert pushed.transaction.status is Status.UNKNOWN
    state = await h.services.sales.state(ref)
    assert not state.is_paid and state.unpaid == xaf(4_000) and state.in_flight == xaf(4_000)
    for attempt in (
        h.services.sales.pay_cash(ref, xaf(4_000), cashier="ama"),
        h.services.sales.pay_by_push(ref, MTN_2, cashier="ama"),
    ):
        with pytest.raises(ActionFailed, match="not settled yet"):
            await attempt
    assert h.transport.count("/payin") == 1


async def test_a_tender_over_what_is_open_is_refused_and_nothing_is_sent(harness: Harness) -> None:
    h = harness
    sale = await h.services.sales.open_sale(xaf(3_000), cashier="ama")
    with pytest.raises(ActionFailed, match="at most 3000 XAF"):
        await h.services.sales.pay_by_push(sale.sale.sale_ref, MTN, xaf(3_500), cashier="ama")
    assert money_calls(h) == [] and h.journal.count() == 0


async def test_refunds_go_back_the_way_each_tender_was_paid_capped_per_tender(harness: Harness) -> None:
    h = harness
    kicked = kicks(h)
    h.state.scripts.queue_next(Script.pay(after=4))
    sale = await h.services.sales.open_sale(xaf(10_000), cashier="ama")
    ref = sale.sale.sale_ref
    cash = await h.services.sales.pay_cash(ref, xaf(4_000), cashier="ama")
    pushed = await h.services.sales.pay_by_push(ref, MTN, cashier="ama")
    await h.time.advance(8)
    assert (await h.services.sales.state(ref)).is_paid
    cash_ref, push_ref = cash.tender.app_ref, pushed.transaction.app_ref

    approval = await h.services.payouts.approve("mgr", "refund", xaf(4_500))
    with pytest.raises(ActionFailed, match="at most 4000 XAF"):  # the cash tender holds 4 000, not the sale's 10 000
        await h.services.sales.refund_tender(cash_ref, xaf(4_500), "too much", approval, cashier="ama")
    approval = await h.services.payouts.approve("mgr", "refund", xaf(1_500))
    back = await h.services.sales.refund_tender(cash_ref, xaf(1_500), "returned an item", approval, cashier="ama")
    assert back.provider == CASH and back.status is Status.SUCCEEDED and back.parent_ref == cash_ref
    assert h.journal.get(cash_ref).status is Status.PARTIALLY_REFUNDED  # type: ignore[union-attr]
    assert await h.services.sales.refundable(cash_ref) == xaf(2_500)
    assert h.transport.count("/payout") == 0 and kicked == ["cash", "cash"]

    approval = await h.services.payouts.approve("mgr", "refund", xaf(6_000))
    mobile = await h.services.sales.refund_tender(push_ref, xaf(6_000), "all of it", approval, cashier="ama")
    assert mobile.provider == "mycoolpay" and mobile.customer == MTN.e164 and h.transport.count("/payout") == 1
    await h.time.advance(10)
    assert h.journal.get(push_ref).status is Status.REFUNDED  # type: ignore[union-attr]
    approval = await h.services.payouts.approve("mgr", "refund", xaf(100))
    with pytest.raises(ActionFailed):
        await h.services.sales.refund_tender(push_ref, xaf(100), "again", approval, cashier="ama")
    assert h.transport.count("/payout") == 1


async def test_void_needs_the_cash_handed_back_first(harness: Harness) -> None:
    h = harness
    sale = await h.services.sales.open_sale(xaf(5_000), cashier="ama")
    ref = sale.sale.sale_ref
    cash = await h.services.sales.pay_cash(ref, xaf(2_000), cashier="ama")
    with pytest.raises(ActionFailed, match="not handed back"):
        await h.services.sales.void(ref, "customer left", cashier="ama")
    approval = await h.services.payouts.approve("mgr", "refund", xaf(2_000))
    await h.services.sales.refund_tender(cash.tender.app_ref, xaf(2_000), "customer left", approval, cashier="ama")
    voided = await h.services.sales.void(ref, "customer left", cashier="ama")
    assert voided.voided and voided.void_reason == "customer left"
    with pytest.raises(ActionFailed, match="voided"):
        await h.services.sales.pay_cash(ref, xaf(5_000), cashier="ama")


async def test_drawer_count_expected_counted_and_difference_per_cashier(harness: Harness) -> None:
    h = harness
    s = h.services.sales
    await s.record_float("ama", xaf(20_000), by="manager:mgr")
    await s.record_float("bob", xaf(10_000), by="manager:mgr")
    await s.cash_sale(xaf(3_500), xaf(5_000), cashier="ama")
    sold = await s.cash_sale(xaf(7_000), xaf(10_000), cashier="ama")
    await s.cash_sale(xaf(2_000), xaf(2_000), cashier="bob")
    h.state.scripts.queue_next(Script.pay(after=3))
    mobile = await s.open_sale(xaf(9_000), cashier="ama")
    await s.pay_by_push(mobile.sale.sale_ref, MTN, cashier="ama")  # mobile money: not in the drawer
    await h.time.advance(6)
    approval = await h.services.payouts.approve("mgr", "refund", xaf(1_000))
    await s.refund_tender(sold.tender.app_ref, xaf(1_000), "broken", approval, cashier="ama")
    approval = await h.services.payouts.approve("mgr", "payout", xaf(2_500))
    await s.pay_out_cash(xaf(2_500), "delivery of water", approval, cashier="ama")
    await s.open_drawer("ama", "change for the market", by="cashier:ama")
    await s.count_drawer("ama", by="manager:mgr", pieces={10_000: 2, 5_000: 1, 1_000: 1, 500: 1})  # 26 500
    await s.count_drawer("ama", by="manager:mgr", pieces={10_000: 2, 5_000: 1, 1_000: 2})  # a recount: 27 000
    await s.count_drawer("bob", by="manager:mgr", total=xaf(11_500))
    with pytest.raises(ActionFailed):
        await s.count_drawer("bob", by="manager:mgr", pieces={300: 1}, currency="XAF")

    day = date(2026, 3, 2)
    counts = {c.cashier: c for c in reports.drawer_counts(h.journal, day)}
    ama, bob = counts["ama"], counts["bob"]
    assert (ama.opening_float, ama.cash_sales, ama.cash_refunds, ama.cash_payouts) == (
        xaf(20_000), xaf(10_500), xaf(1_000), xaf(2_500),
    )  # fmt: skip
    assert ama.expected == xaf(27_000) and ama.counted == xaf(27_000) and ama.difference == xaf(0)
    assert ama.recounts == 1 and ama.pieces == {10_000: 2, 5_000: 1, 1_000: 2}
    assert [e.reason for e in ama.openings] == ["change for the market"]
    assert bob.expected == xaf(12_000) and bob.difference == xaf(-500)  # 500 missing

    shop = next(t for t in reports.end_of_day(h.journal, day) if t.cashier is None)
    assert shop.cash_paid.amount == xaf(12_500) and shop.mobile_paid.amount == xaf(9_000)
    assert shop.cash_refunds.amount == xaf(1_000) and shop.cash_payouts.amount == xaf(2_500)

    import io

    out = io.StringIO()
    assert write_drawer_csv(h.journal, out, day, day) == 2
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("2026-03-02,ama,XAF,20000,10500,1000,2500,27000,27000,0,")
    assert lines[2].startswith("2026-03-02,bob,XAF,10000,2000,0,0,12000,11500,-500,")


async def test_export_names_each_tenders_sale_and_the_cash_given(harness: Harness) -> None:
    h = harness
    received = await h.services.sales.cash_sale(xaf(3_500), xaf(5_000), cashier="ama")
    text = csv_text(h.journal, h.time.start, h.time.utc() + h.time.utc().resolution * 10**6)
    header, row = text.splitlines()[:2]
    assert header.endswith("refund_of,sale_ref,cash_given,change")
    assert row.endswith(f",{received.sale.sale.sale_ref},5000,1500") and ",cash_payment,succeeded,cash," in row


async def test_projections_rebuild_the_same_sales_and_drawer_from_the_events(harness: Harness) -> None:
    h = harness
    s = h.services.sales
    await s.record_float("ama", xaf(5_000), by="cashier:ama")
    h.state.scripts.queue_next(Script.pay(after=3))
    sale = await s.open_sale(xaf(8_000), cashier="ama")
    ref = sale.sale.sale_ref
    cash = await s.pay_cash(ref, xaf(3_000), cashier="ama")
    await s.pay_by_push(ref, MTN, cashier="ama")
    await h.time.advance(6)
    approval = await h.services.payouts.approve("mgr", "refund", xaf(1_000))
    await s.refund_tender(cash.tender.app_ref, xaf(1_000), "x", approval, cashier="ama")
    day = date(2026, 3, 2)
    before_sale = sales.sale_state(h.journal, ref)
    before_drawer = reports.drawer_counts(h.journal, day)
    before_rows = h.journal.projection_snapshot()
    assert h.journal.rebuild_projection(dry_run=True) == []
    # Spoil the projection as a bug would (the events stay as they are), then rebuild it from them.
    h.journal._live().execute("UPDATE transactions SET status = 'failed', updated_at = '2000-01-01T00:00:00Z'")
    assert sales.sale_state(h.journal, ref) != before_sale
    drifted = h.journal.rebuild_projection()
    assert len(drifted) == len(before_rows)
    assert h.journal.projection_snapshot() == before_rows
    assert sales.sale_state(h.journal, ref) == before_sale and before_sale.is_paid
    assert reports.drawer_counts(h.journal, day) == before_drawer


async def test_a_split_sale_left_pending_is_told_paid_after_a_restart(harness: Harness) -> None:
    h = harness
    sale = await h.services.sales.open_sale(xaf(2_000), cashier="ama")
    ref = sale.sale.sale_ref
    await h.services.sales.pay_cash(ref, xaf(500), cashier="ama")
    pushed = await h.services.sales.pay_by_push(ref, MTN, cashier="ama")
    services = await h.rebuild()  # the console was killed while the customer looked at the phone
    h.state.approve(pushed.transaction.provider_ref or "")
    await h.time.advance(5)
    told = [e.state for e in h.events.of(SaleChanged)]
    assert told and told[-1].sale.sale_ref == ref and told[-1].is_paid
    assert (await services.sales.state(ref)).is_paid
