"""The replicator against a real PostgreSQL: in order, exactly once, resuming, offline, users shop-wide."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from posapp.core.access import Role, ScryptParams
from posapp.journal.store import Journal
from posapp.journal.users import LoginOutcome, UserStore
from posapp.shop.identity import name_terminal, terminal_identity
from posapp.shop.replicator import LinkState, Replicator
from posapp.shop.store import ShopStore, StoreRefused
from tests.shop.conftest import ShopDatabase
from tests.shop.sales import journal_events, sell, sell_many

FAST = ScryptParams(n=2**4, r=8, p=1)


def store_events(shop: ShopDatabase, terminal_id: str) -> list[tuple[int, str, str, str]]:
    with shop.admin() as admin:
        rows = admin.execute(
            "SELECT seq, app_ref, type, status FROM posapp.events WHERE terminal_id = %s ORDER BY seq", (terminal_id,)
        ).fetchall()
    return [tuple(r) for r in rows]


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def tid_of(path: Path) -> str:
    with Journal(path) as journal:
        return terminal_identity(journal).terminal_id


def test_two_terminals_ship_every_event_exactly_once(shop_db: ShopDatabase, tmp_path: Path) -> None:
    paths = [tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"]
    paid = [sell_many(path, f"T{n}", 120, seed=n) for n, path in enumerate(paths)]
    with shop_db.terminal() as store:
        for path in paths:
            with Journal(path) as journal:
                store.register_terminal(terminal_identity(journal).terminal_id, path.stem)
                replicator = Replicator(path, lambda: store, batch_size=50)
                assert replicator.sync_once(store, journal) == 360
                assert replicator.sync_once(store, journal) == 0  # a replay inserts nothing
    for path, expected in zip(paths, paid, strict=True):
        assert store_events(shop_db, tid_of(path)) == journal_events(path)
        with shop_db.admin() as admin:
            total = admin.execute(
                "SELECT sum(amount_minor) FROM posapp.transactions WHERE terminal_id = %s AND status = 'succeeded'",
                (tid_of(path),),
            ).fetchone()[0]
        assert total == expected


def test_the_thread_follows_new_sales_and_says_it_is_connected(shop_db: ShopDatabase, tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Journal(path) as journal:
        name_terminal(journal, "Counter 1")
        seen = []
        replicator = Replicator(path, shop_db.terminal, interval_s=0.05, on_status=seen.append)
        replicator.start()
        try:
            sell(journal, "PAY-1", 1500)
            replicator.wake()
            wait_for(lambda: replicator.status.store_seq == 3 and replicator.status.last_synced_at is not None)
            status = replicator.status
            assert status.state is LinkState.CONNECTED and status.last_synced_at is not None
            assert status.last_error is None
        finally:
            replicator.stop()
    assert replicator.status.state is LinkState.STOPPED
    with shop_db.terminal() as store:
        (counter,) = store.terminals()
    assert (counter.name, counter.last_seq) == ("Counter 1", 3)
    assert counter.last_sync_at is not None


def test_offline_the_counter_keeps_selling_and_catches_up(shop_db: ShopDatabase, tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    reachable = {"yes": False}

    def connect() -> ShopStore:
        if not reachable["yes"]:
            return ShopStore.connect(f"postgresql://posapp_terminal@/shop?host={tmp_path}", password="x")
        return shop_db.terminal()

    with Journal(path) as journal:
        replicator = Replicator(path, connect, interval_s=0.05)
        replicator.start()
        try:
            for n in range(5):
                sell(journal, f"PAY-{n}", 1000 + n)
            replicator.wake()
            wait_for(lambda: replicator.status.state is LinkState.OFFLINE and replicator.status.waiting == 15)
            assert "cannot be reached" in (replicator.status.last_error or "")
            reachable["yes"] = True
            replicator.wake()
            wait_for(lambda: replicator.status.state is LinkState.CONNECTED and replicator.status.waiting == 0, 40)
        finally:
            replicator.stop()
    assert store_events(shop_db, tid_of(path)) == journal_events(path)


def test_a_wrong_password_is_reported_and_selling_goes_on(shop_db: ShopDatabase, tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Journal(path) as journal:
        replicator = Replicator(
            path, lambda: ShopStore.connect(shop_db.terminal_dsn, password="a-wrong-password"), interval_s=0.05
        )
        replicator.start()
        try:
            sell(journal, "PAY-1", 1000)
            wait_for(lambda: replicator.status.state is LinkState.REFUSED)
            assert "refused the password" in (replicator.status.last_error or "")
            assert "a-wrong-password" not in (replicator.status.last_error or "")
            sell(journal, "PAY-2", 2000)  # the journal takes sales whatever the store says
            assert journal.get("PAY-2") is not None
        finally:
            replicator.stop()


def test_a_store_ahead_of_the_journal_stops_shipping_and_says_why(shop_db: ShopDatabase, tmp_path: Path) -> None:
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    sell_many(old, "A", 2)
    with Journal(old) as journal:
        journal.backup(new)
        sell(journal, "A-late", 500)
    with shop_db.terminal() as store, Journal(old) as journal:
        store.register_terminal(terminal_identity(journal).terminal_id, "old")
        Replicator(old, lambda: store).sync_once(store, journal)
    # restored from the backup: 3 events fewer than the store already holds
    with (
        shop_db.terminal() as store,
        Journal(new) as journal,
        pytest.raises(StoreRefused, match="older than what it already sent"),
    ):
        Replicator(new, lambda: store).sync_once(store, journal)


def test_a_gap_in_the_journal_is_reported_not_papered_over(shop_db: ShopDatabase, tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    sell_many(path, "A", 3)
    with Journal(path) as journal:
        conn = journal._live()
        conn.execute("DROP TRIGGER events_no_delete")  # damage it by hand, as a disk fault or a person could
        conn.execute("DELETE FROM events WHERE id = 4")
        with shop_db.terminal() as store:
            store.register_terminal(terminal_identity(journal).terminal_id, "a")
            replicator = Replicator(path, lambda: store, batch_size=2)
            with pytest.raises(StoreRefused, match="has no event 4"):
                replicator.sync_once(store, journal)
            assert store.highest_seq(terminal_identity(journal).terminal_id) == 3


def test_a_pin_changed_at_one_counter_works_at_the_other_even_offline(
    shop_db: ShopDatabase, pg_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a_path, b_path = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    with Journal(a_path) as a, Journal(b_path) as b, shop_db.terminal() as store:
        a_users, b_users = UserStore(a, params=FAST), UserStore(b, params=FAST)
        a_users.create_first_manager("Kofi", "5831")
        a_users.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
        for path, journal in ((a_path, a), (b_path, b)):
            store.register_terminal(terminal_identity(journal).terminal_id, path.stem)
        a_rep, b_rep = Replicator(a_path, lambda: store), Replicator(b_path, lambda: store)
        a_rep.sync_once(store, a)
        b_rep.sync_once(store, b)
        assert b_users.verify_pin("Ama", "2749").ok and b_users.get("Kofi").role is Role.MANAGER
        a_users.change_pin("Ama", "8462", by="manager:Kofi")
        a_rep.sync_once(store, a)
        b_rep.sync_once(store, b)
        b_rep.sync_once(store, b)  # b's own audit of the sync is shipped; nothing echoes back to a
        a_rep.sync_once(store, a)
        assert [e.type for e in a_users.audit("Ama")] == ["created", "pin_changed"]
        assert [e.type for e in b_users.audit("Ama")][-1] == "shop_synced"
    pg_server.stop()
    try:
        with Journal(b_path) as b:  # the store is gone: b signs Ama in from its local copy
            b_users = UserStore(b, params=FAST)
            assert b_users.verify_pin("Ama", "2749").outcome is LoginOutcome.WRONG_PIN
            assert b_users.verify_pin("Ama", "8462").ok
    finally:
        pg_server.restart()
