"""Shop-wide History and end-of-day, read from a real store fed by two counters' journals."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from posapp.core.transactions import Kind, Status
from posapp.journal.reports import end_of_day as journal_end_of_day
from posapp.journal.store import HistoryFilter, Journal
from posapp.shop.identity import name_terminal, terminal_identity
from posapp.shop.reads import ShopFilter, end_of_day, history_page, record_report
from posapp.shop.replicator import Replicator
from posapp.shop.store import ShopStore
from tests.shop.conftest import ShopDatabase
from tests.shop.sales import sell

DAY = date(2026, 3, 2)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def counters(shop_db: ShopDatabase, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Two counters that sold on DAY (and one sale the day before), shipped to the store."""
    store = shop_db.terminal()
    clock = Clock(datetime(2026, 3, 1, 23, 0, tzinfo=UTC))
    journals = {name: Journal(tmp_path / f"{name}.sqlite3", clock=clock) for name in ("Counter 1", "Counter 2")}
    amounts = itertools.count(1000, 250)
    for name, journal in journals.items():
        name_terminal(journal, name)
    sell(journals["Counter 1"], "C1-yesterday", 777, cashier="ama")
    clock.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    for n in range(30):
        name = ("Counter 1", "Counter 2")[n % 2]
        sell(journals[name], f"{name[-1]}-{n}", next(amounts), cashier=("ama", "kofi", "esi")[n % 3],
             paid=n % 7 != 0, customer=f"+2376991{n:05d}")  # fmt: skip
    for journal in journals.values():
        identity = terminal_identity(journal)
        store.register_terminal(identity.terminal_id, identity.name)
        Replicator(journal.path, lambda: store).sync_once(store, journal)
    yield store, journals, clock
    store.close()
    for journal in journals.values():
        journal.close()


def test_history_shows_the_whole_shop_newest_first_and_pages_through_it(counters) -> None:  # type: ignore[no-untyped-def]
    store, journals, _ = counters
    seen: list[str] = []
    page = history_page(store, limit=7)
    while True:
        seen += [row.transaction.app_ref for row in page.items]
        if page.next is None:
            break
        page = history_page(store, after=page.next, limit=7)
    expected = sorted(
        (tx for journal in journals.values() for tx in journal.history_page(limit=500).items),
        key=lambda tx: tx.created_at,
        reverse=True,
    )
    assert seen == [tx.app_ref for tx in expected]
    assert len(seen) == len(set(seen)) == 31


def test_the_counter_filter_and_the_search(counters) -> None:  # type: ignore[no-untyped-def]
    store, journals, _ = counters
    two = terminal_identity(journals["Counter 2"]).terminal_id
    page = history_page(store, ShopFilter(terminals=frozenset({two})), limit=500)
    assert {row.counter for row in page.items} == {"Counter 2"}
    assert [r.transaction.app_ref for r in page.items] == [
        t.app_ref for t in journals["Counter 2"].history_page().items
    ]
    found = history_page(store, ShopFilter(HistoryFilter(text="699 100 013")), limit=50)  # typed with spaces
    assert [row.transaction.app_ref for row in found.items] == ["2-13"]
    failed = history_page(store, ShopFilter(HistoryFilter(statuses=frozenset({Status.FAILED}))), limit=50)
    assert {row.transaction.app_ref for row in failed.items} == {"1-0", "2-7", "1-14", "2-21", "1-28"}
    assert history_page(store, ShopFilter(HistoryFilter(text="100%_"))).items == []


def test_end_of_day_is_the_sum_of_the_counters(counters) -> None:  # type: ignore[no-untyped-def]
    store, journals, _ = counters
    shop_day = end_of_day(store, DAY, tz=UTC)
    (shop,) = shop_day.scope("shop")
    own = {name: journal_end_of_day(journal, DAY, tz=UTC)[0] for name, journal in journals.items()}
    assert shop.paid.minor == sum(t.paid.amount.minor for t in own.values())
    assert shop.paid_count == sum(t.paid.count for t in own.values())
    assert shop.failed == sum(t.failed for t in own.values()) == 5
    by_counter = {t.label: t for t in shop_day.scope("counter")}
    assert {name: t.paid.minor for name, t in by_counter.items()} == {n: t.paid.amount.minor for n, t in own.items()}
    cashiers = {t.label: t.paid.minor for t in shop_day.scope("cashier")}
    assert sum(cashiers.values()) == shop.paid.minor and set(cashiers) == {"ama", "kofi", "esi"}
    assert all(c.last_sync_at is not None for c in shop_day.counters)
    assert shop_day.late == [] and shop_day.reported_at is None
    # the day before holds only the sale made before midnight (the event's time counts, not its arrival)
    assert end_of_day(store, DAY - timedelta(days=1), tz=UTC).scope("shop")[0].paid.minor == 777


def test_cash_taken_at_a_counter_is_in_the_shop_totals(counters) -> None:  # type: ignore[no-untyped-def]
    from posapp.core.money import Money
    from posapp.core.transactions import Transaction
    from posapp.journal.sales import CASH, Sale, receive_cash, record_sale

    store, journals, clock = counters
    one = journals["Counter 1"]
    before = end_of_day(store, DAY, tz=UTC).scope("shop")[0].paid
    clock.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    sale = record_sale(one, Sale(sale_ref="SALE-cash-1", amount=Money(3500, "XAF"), cashier="ama"), "cashier:ama")
    tender = Transaction(app_ref="CASH-1", kind=Kind.CASH_PAYMENT, provider=CASH, amount=Money(3500, "XAF"),
                         cashier="ama")  # fmt: skip
    receive_cash(one, sale.sale_ref, tender, Money(5000, "XAF"), "cashier:ama")
    Replicator(one.path, lambda: store).sync_once(store, one)
    after = end_of_day(store, DAY, tz=UTC)
    assert after.scope("shop")[0].paid.minor == before.minor + 3500
    assert after.scope("shop")[0].paid.minor == sum(
        journal_end_of_day(journal, DAY, tz=UTC)[0].paid.amount.minor for journal in journals.values()
    )


def test_a_sale_arriving_after_the_report_is_shown_late(counters) -> None:  # type: ignore[no-untyped-def]
    store, journals, clock = counters
    one = journals["Counter 1"]
    before = end_of_day(store, DAY, tz=UTC).scope("shop")[0].paid
    record_report(store, DAY, by="manager:kofi", terminal_id=terminal_identity(one).terminal_id)
    clock.now = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    sell(one, "1-offline", 5000)  # sold on DAY at a counter whose link was down at the report
    Replicator(one.path, lambda: store).sync_once(store, one)
    after = end_of_day(store, DAY, tz=UTC)
    assert after.reported_at is not None
    assert [(late.counter, late.transaction.app_ref) for late in after.late] == [("Counter 1", "1-offline")]
    assert after.scope("shop")[0].paid.minor == before.minor + 5000
    assert after.late[0].transaction.kind is Kind.PUSH_PAYMENT


def test_reading_the_shop_needs_only_select(counters, shop_db: ShopDatabase) -> None:  # type: ignore[no-untyped-def]
    with ShopStore.connect(shop_db.terminal_dsn, password="terminal-secret-for-tests") as other:
        assert len(history_page(other, limit=500).items) == 31
