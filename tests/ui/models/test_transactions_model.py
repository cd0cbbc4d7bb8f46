"""The transactions model pages the journal by keyset, filters, and follows live changes in place."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, Qt

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import HistoryFilter, Journal
from posapp.ui.models.transactions_model import (
    AppRefRole,
    Columns,
    StatusRole,
    TransactionRole,
    TransactionsModel,
    format_local_time,
    matches,
)

DOUALA = ZoneInfo("Africa/Douala")
START = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
ROWS = 250
REASONS = ("Riz 5 kg", "school fees", "Pharmacie", "taxi", "phone credit")


class Clock:
    """The journal's clock: each reading moves one minute on, so every row has its own time."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def journal(tmp_path: Path, clock: Clock) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3", clock=clock) as opened:
        with opened.batch():
            for i in range(ROWS):
                tx = Transaction(
                    app_ref=f"PAY-{i:04d}",
                    kind=Kind.PUSH_PAYMENT if i % 2 else Kind.LINK_PAYMENT,
                    provider="paiwise" if i % 5 == 0 else "mycoolpay",
                    amount=Money(1000 + i, "XAF"),
                    customer=f"+23769900{i:04d}",
                    reason=REASONS[i % len(REASONS)],
                    cashier="ama",
                )
                opened.record_intent(tx, "cashier:ama")
                status = Status.FAILED if i % 7 == 0 else Status.SUCCEEDED
                opened.append_event(tx.app_ref, type="sent", status=Status.PENDING, actor="system")
                opened.append_event(tx.app_ref, type="status_read", status=status, actor="system")
        yield opened


def every_ref(journal: Journal, filters: HistoryFilter | None = None) -> list[str]:
    refs: list[str] = []
    page = journal.history_page(filters, limit=500)
    refs += [tx.app_ref for tx in page.items]
    while page.next is not None:
        page = journal.history_page(filters, after=page.next, limit=500)
        refs += [tx.app_ref for tx in page.items]
    return refs


def fetch_all(model: TransactionsModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_opens_with_the_first_page_only(journal: Journal) -> None:
    model = TransactionsModel(journal, "en_CM", page_size=100)
    assert model.rowCount() == 100
    assert model.columnCount() == len(Columns)
    assert model.canFetchMore(QModelIndex())
    assert model.loaded_refs() == every_ref(journal)[:100]


def test_fetch_more_appends_the_next_pages_in_order_without_duplicates(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    model = TransactionsModel(journal, "en_CM", page_size=100)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore(QModelIndex())
    assert inserted.args[1:] == [100, 199]
    assert model.rowCount() == 200
    fetch_all(model)
    refs = model.loaded_refs()
    assert refs == every_ref(journal)
    assert len(refs) == len(set(refs)) == ROWS
    assert not model.canFetchMore(QModelIndex())
    times = [model.index(row, 0).data(TransactionRole).created_at for row in range(model.rowCount())]
    assert times == sorted(times, reverse=True)


def test_oldest_first_pages_too(journal: Journal) -> None:
    model = TransactionsModel(journal, "en_CM", page_size=100)
    model.sort(Columns.TIME, Qt.SortOrder.AscendingOrder)
    assert model.order == Qt.SortOrder.AscendingOrder
    assert model.rowCount() == 100
    assert model.loaded_refs()[0] == "PAY-0000"
    fetch_all(model)
    assert model.loaded_refs() == list(reversed(every_ref(journal)))


def test_sorting_by_another_column_keeps_the_time_order(journal: Journal) -> None:
    model = TransactionsModel(journal, "en_CM", page_size=100)
    before = model.loaded_refs()
    model.sort(Columns.AMOUNT, Qt.SortOrder.AscendingOrder)
    assert model.loaded_refs() == before


@pytest.mark.parametrize(
    "filters",
    [
        HistoryFilter(statuses=frozenset({Status.FAILED})),
        HistoryFilter(kinds=frozenset({Kind.PUSH_PAYMENT}), providers=frozenset({"paiwise"})),
        HistoryFilter(text="699 00 01"),  # a phone typed with spaces
        HistoryFilter(text="SCHOOL"),
        HistoryFilter(text="pay-012"),
        HistoryFilter(since=START + timedelta(hours=2), until=START + timedelta(hours=5)),
        HistoryFilter(text="taxi", statuses=frozenset({Status.FAILED, Status.SUCCEEDED})),
    ],
)
def test_filters_and_search_show_what_the_journal_finds(journal: Journal, filters: HistoryFilter) -> None:
    model = TransactionsModel(journal, "en_CM", page_size=50)
    model.set_filter(filters)
    fetch_all(model)
    expected = every_ref(journal, filters)
    assert expected, "the case must match something"
    assert model.loaded_refs() == expected
    # the model's own predicate (used for live rows) agrees with the journal's query
    everything = [journal.get(ref) for ref in every_ref(journal)]
    assert [tx.app_ref for tx in everything if tx and matches(filters, tx)] == expected


def test_set_filter_resets_the_model(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    model = TransactionsModel(journal, "en_CM", page_size=100)
    fetch_all(model)
    with qtbot.waitSignal(model.modelReset):
        model.set_filter(HistoryFilter(text="nothing like this"))
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_roles_and_display(journal: Journal) -> None:
    model = TransactionsModel(journal, "fr_CM", tz=DOUALA, page_size=100)
    newest = journal.get("PAY-0249")
    assert newest is not None
    index = model.index(0, Columns.AMOUNT)
    assert index.data(TransactionRole) == newest
    assert index.data(AppRefRole) == "PAY-0249"
    assert Status(index.data(StatusRole)) is Status.SUCCEEDED
    assert index.data() == "1\u202f249\u00a0FCFA"
    assert model.index(0, Columns.STATUS).data() == "Paid"
    assert model.index(0, Columns.KIND).data() == "Push payment"
    assert model.index(0, Columns.PROVIDER).data() == "mycoolpay"
    assert model.headerData(Columns.TIME, Qt.Orientation.Horizontal) == "Time"
    # created at 12:10 UTC, shown in Douala's time (UTC+1), with its date since it is not today
    assert newest.created_at is not None
    assert model.index(0, Columns.TIME).data() == format_local_time(newest.created_at, "fr_CM", DOUALA)
    assert model.index(0, Columns.TIME).data().endswith(newest.created_at.astimezone(DOUALA).strftime("%H:%M"))


def test_local_time_today_shows_the_clock_only() -> None:
    moment = datetime(2026, 5, 9, 13, 5, tzinfo=UTC)
    now = datetime(2026, 5, 9, 18, 0, tzinfo=UTC)
    assert format_local_time(moment, "en_CM", DOUALA, now=now) == "14:05"
    assert format_local_time(moment, "en_CM", DOUALA, now=now + timedelta(days=3)) == "9 May 14:05"
    assert format_local_time(moment, "fr_CM", DOUALA, now=now + timedelta(days=365)) == "9 mai 2026 14:05"


def test_refunds_and_payouts_show_money_going_out(journal: Journal) -> None:
    refund = journal.record_intent(
        Transaction("REF-1", Kind.REFUND, "mycoolpay", Money(500, "XAF"), parent_ref="PAY-0001"), "manager:bo"
    )
    model = TransactionsModel(journal, "en_CM")
    assert model.loaded_refs()[0] == refund.app_ref
    assert model.index(0, Columns.AMOUNT).data().startswith("-")


def test_a_live_status_change_updates_its_row_in_place(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    tx = journal.record_intent(
        Transaction("LIVE-1", Kind.PUSH_PAYMENT, "mycoolpay", Money(2500, "XAF"), customer="+237677000000"),
        "cashier:ama",
    )
    model = TransactionsModel(journal, "en_CM", page_size=100)
    assert model.row_of("LIVE-1") == 0
    assert model.index(0, Columns.STATUS).data() == "Starting"
    journal.append_event("LIVE-1", type="sent", status=Status.PENDING, actor="system")
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.refresh_row("LIVE-1")
    assert changed.args[0].row() == changed.args[1].row() == 0
    assert model.index(0, Columns.STATUS).data() == "Waiting for the customer"
    paid = journal.append_event("LIVE-1", type="status_read", status=Status.SUCCEEDED, actor="system")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.rowsInserted):
        model.upsert(paid)
    assert Status(model.index(0, Columns.STATUS).data(StatusRole)) is Status.SUCCEEDED
    assert model.rowCount() == 100
    assert model.loaded_refs().count("LIVE-1") == 1
    assert tx.app_ref == "LIVE-1"


def test_a_new_payment_appears_on_top(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    model = TransactionsModel(journal, "en_CM", page_size=100)
    fresh = journal.record_intent(
        Transaction("NEW-1", Kind.LINK_PAYMENT, "mycoolpay", Money(900, "XAF"), reason="taxi"), "cashier:ama"
    )
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        assert model.upsert(fresh)
    assert inserted.args[1:] == [0, 0]
    assert model.loaded_refs()[:2] == ["NEW-1", "PAY-0249"]
    fetch_all(model)
    refs = model.loaded_refs()
    assert len(refs) == len(set(refs)) == ROWS + 1


def test_a_new_payment_outside_the_filter_stays_out(journal: Journal) -> None:
    model = TransactionsModel(journal, "en_CM", filters=HistoryFilter(statuses=frozenset({Status.FAILED})))
    fresh = journal.record_intent(
        Transaction("NEW-2", Kind.LINK_PAYMENT, "mycoolpay", Money(900, "XAF")), "cashier:ama"
    )
    assert not model.upsert(fresh)
    assert model.row_of("NEW-2") == -1


def test_a_row_older_than_the_loaded_pages_waits_for_its_page(journal: Journal) -> None:
    model = TransactionsModel(journal, "en_CM", page_size=100)
    old = journal.get("PAY-0003")
    assert old is not None
    assert not model.upsert(old.with_status(Status.SUCCEEDED) if old.status is not Status.SUCCEEDED else old)
    assert model.row_of("PAY-0003") == -1
    fetch_all(model)
    assert model.loaded_refs().count("PAY-0003") == 1
    assert model.loaded_refs() == every_ref(journal)


def test_empty_journal(tmp_path: Path) -> None:
    with Journal(tmp_path / "empty.sqlite3") as empty:
        model = TransactionsModel(empty, "en_CM")
        assert model.rowCount() == 0
        assert not model.canFetchMore(QModelIndex())
        assert model.index(0, 0).data() is None


def test_networks_are_named_as_people_say_them() -> None:
    from posapp.ui.models.transactions_model import operator_text

    # The journal keeps My-CoolPay's operator codes; nobody at a counter says "CM_OM".
    assert [operator_text(code) for code in ("CM_OM", "CM_MOMO", "MCP", "orange", None)] == [
        "Orange Money",
        "MTN MoMo",
        "My-CoolPay wallet",
        "Orange Money",
        "",
    ]
