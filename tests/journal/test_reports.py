"""End-of-day totals per day and per cashier."""

from __future__ import annotations

from datetime import UTC, date, timedelta, timezone

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status
from posapp.journal.reports import daily_totals, end_of_day, iter_unknown
from posapp.journal.store import Journal
from tests.journal.conftest import Clock, paid, payment, refund

DOUALA = timezone(timedelta(hours=1))


def test_end_of_day_totals(journal: Journal, clock: Clock) -> None:
    paid(journal, "A1", 10_000, cashier="ama", operator="mtn")
    journal.append_event("A1", type="status_read", status="succeeded", actor="system", fees=Money(200, "XAF"))
    paid(journal, "A2", 5_000, cashier="ama", operator="orange")
    paid(journal, "B1", 3_000, cashier="bello", operator="mtn", provider="paiwise")
    journal.record_intent(refund("R1", "A1", 4_000), "manager")
    journal.append_event("R1", type="status_read", status="succeeded", actor="system")
    journal.record_intent(payment("B2", 700, cashier="bello"), "cashier")
    journal.append_event("B2", type="status_read", status="failed", actor="system")
    journal.record_intent(payment("B3", 800, cashier="bello"), "cashier")
    journal.append_event("B3", type="status_read", status="canceled", actor="system")
    journal.record_intent(payment("B4", 900, cashier="bello"), "cashier")
    journal.append_event("B4", type="sent", status="unknown", actor="system")
    journal.record_intent(payment("P1", 2_000, kind=Kind.PAYOUT, cashier="ama"), "manager")
    journal.append_event("P1", type="status_read", status="succeeded", actor="system", fees=Money(50, "XAF"))
    clock.move(days=1)
    paid(journal, "NEXT", 99_999)  # another day

    shop, manager, ama, bello = end_of_day(journal, date(2026, 3, 2), tz=DOUALA)
    assert [r.cashier for r in (shop, manager, ama, bello)] == [None, "", "ama", "bello"]
    assert {k: (t.count, t.amount.minor) for k, t in shop.payments.items()} == {
        ("mycoolpay", "mtn"): (1, 10_000),  # refunded in part, still a paid payment
        ("mycoolpay", "orange"): (1, 5_000),
        ("paiwise", "mtn"): (1, 3_000),
    }
    assert (shop.paid.count, shop.paid.amount) == (3, Money(18_000, "XAF"))
    assert shop.refunds is not None and (shop.refunds.count, shop.refunds.amount.minor) == (1, 4_000)
    assert shop.payouts is not None and (shop.payouts.count, shop.payouts.amount.minor) == (1, 2_000)
    assert shop.fees == Money(250, "XAF")
    assert shop.net == Money(18_000 - 4_000 - 2_000 - 250, "XAF")
    assert (shop.failed, shop.canceled, [t.app_ref for t in shop.unknown]) == (1, 1, ["B4"])
    assert (ama.paid.amount.minor, ama.net.minor) == (15_000, 12_750)
    assert (bello.paid.amount.minor, bello.failed, bello.canceled, bello.net.minor) == (3_000, 1, 1, 3_000)
    assert manager.net == Money(-4_000, "XAF")
    assert sum(r.net.minor for r in (manager, ama, bello)) == shop.net.minor
    assert [t.app_ref for t in iter_unknown([shop, manager, ama, bello])] == ["B4"]
    assert journal.get("A1").status is Status.PARTIALLY_REFUNDED  # type: ignore[union-attr]


def test_daily_totals_split_days_in_the_shop_zone(journal: Journal, clock: Clock) -> None:
    clock.move(hours=15)  # 23:00:01 UTC: already the 3rd in Douala
    paid(journal, "LATE", 1_000)
    clock.move(hours=2)
    paid(journal, "NEXT", 2_000)
    rows = daily_totals(journal, date(2026, 3, 1), date(2026, 3, 5), tz=DOUALA)
    shops = [(r.day, r.paid.amount.minor) for r in rows if r.cashier is None]
    assert shops == [(date(2026, 3, 3), 3_000)]
    utc_rows = daily_totals(journal, date(2026, 3, 1), date(2026, 3, 5), tz=UTC)
    assert [(r.day, r.paid.amount.minor) for r in utc_rows if r.cashier is None] == [
        (date(2026, 3, 2), 1_000),
        (date(2026, 3, 3), 2_000),
    ]
