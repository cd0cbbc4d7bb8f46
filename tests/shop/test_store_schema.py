"""The shop store's schema and the terminals' role, tried against a real PostgreSQL."""

from __future__ import annotations

import psycopg
import pytest

from posapp.shop.store import GapDetected, ShopStore, StoreRefused, StoreUnreachable, init_store
from tests.shop.conftest import TERMINAL_PASSWORD, ShopDatabase

TID = "0b7e2f4c-1c1d-4c7e-9a55-000000000001"


def _intent(seq: int, ref: str, amount: int = 1000) -> tuple[object, ...]:
    return (seq, ref, "2026-03-02T08:00:00.000000Z", "cashier:ama", "intent", "created", None, None, None, None,
            None, "push_payment", "mycoolpay", amount, "XAF", "+237699112233", "", None, "ama")  # fmt: skip


def _event(seq: int, ref: str, status: str, **fields: object) -> tuple[object, ...]:
    head = (seq, ref, "2026-03-02T08:00:05.000000Z", "system", fields.get("type", "status_read"), status)
    return (*head, fields.get("provider_ref"), None, None, None, fields.get("raw"), *[None] * 8)


@pytest.fixture
def terminal(shop_db: ShopDatabase) -> ShopStore:
    store = shop_db.terminal()
    store.register_terminal(TID, "Counter 1")
    store.ship_events(TID, [_intent(1, "PAY-1"), _event(2, "PAY-1", "succeeded", provider_ref="P1")])
    yield store
    store.close()


def test_init_is_idempotent_and_says_what_it_did(shop_db: ShopDatabase) -> None:
    again = init_store(shop_db.admin_dsn, terminal_password=TERMINAL_PASSWORD,
                       admin_password=shop_db.server.admin_password)  # fmt: skip
    assert not any(line.startswith("applied") for line in again)
    assert "updated role posapp_terminal" in again


def test_init_refuses_a_short_terminal_password(shop_db: ShopDatabase) -> None:
    with pytest.raises(Exception, match="at least 12 characters"):
        init_store(shop_db.admin_dsn, terminal_password="short", admin_password=shop_db.server.admin_password)


@pytest.mark.parametrize("table", ["events", "user_changes", "refund_claims", "day_reports"])
@pytest.mark.parametrize("statement", ["UPDATE posapp.{t} SET terminal_id = terminal_id", "DELETE FROM posapp.{t}",
                                       "TRUNCATE posapp.{t}"])  # fmt: skip
def test_the_terminal_role_cannot_rewrite_history(terminal: ShopStore, table: str, statement: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        terminal.conn.execute(statement.format(t=table))
    assert terminal.conn.execute("SELECT count(*) FROM posapp.events").fetchone() == (2,)


@pytest.mark.parametrize("statement", ["UPDATE posapp.events SET status = 'failed'", "DELETE FROM posapp.events",
                                       "TRUNCATE posapp.events"])  # fmt: skip
def test_even_the_owner_is_refused_by_the_trigger(terminal: ShopStore, shop_db: ShopDatabase, statement: str) -> None:
    with shop_db.admin() as admin, pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
        admin.execute(statement)
    assert terminal.conn.execute("SELECT count(*) FROM posapp.events").fetchone() == (2,)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE posapp.transactions SET status = 'refunded'",
        "INSERT INTO posapp.refund_claims (terminal_id, refund_ref, sale_terminal_id, sale_ref, amount_minor,"
        f" currency, claimed_by) VALUES ('{TID}', 'RF-X', '{TID}', 'PAY-1', 1, 'XAF', 'manager:x')",
        "UPDATE posapp.terminals SET terminal_id = gen_random_uuid()",
        "CREATE TABLE posapp.mine (x int)",
        "CREATE TABLE public.mine (x int)",
        "ALTER TABLE posapp.events DISABLE TRIGGER events_append_only",
    ],
)
def test_the_terminal_role_has_no_other_writes(terminal: ShopStore, statement: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        terminal.conn.execute(statement)


def test_the_projection_follows_the_events_and_a_replay_changes_nothing(terminal: ShopStore) -> None:
    assert terminal.ship_events(TID, [_intent(1, "PAY-1"), _event(2, "PAY-1", "succeeded")]) == 0
    rows = terminal.conn.execute("SELECT app_ref, status, provider_ref, first_seq, last_seq FROM posapp.transactions")
    assert rows.fetchall() == [("PAY-1", "succeeded", "P1", 1, 2)]
    assert terminal.highest_seq(TID) == 2


def test_a_gap_is_refused_by_the_store(terminal: ShopStore) -> None:
    with pytest.raises(GapDetected, match="seq 4 arrived before seq 3"):
        terminal.ship_events(TID, [_event(4, "PAY-1", "refunded")])
    assert terminal.highest_seq(TID) == 2


def test_a_nul_in_a_provider_answer_is_made_storable() -> None:
    from posapp.shop.outbox import _clean, _clean_raw

    assert _clean("a\x00b") == "a\ufffdb"
    assert _clean_raw('{"m": "a\\u0000b"}') == '{"m": "a\\ufffdb"}'


def test_a_wrong_password_is_said_in_words(shop_db: ShopDatabase) -> None:
    with pytest.raises(StoreRefused, match="refused the password") as caught:
        ShopStore.connect(shop_db.terminal_dsn, password="not-the-password")
    assert "not-the-password" not in str(caught.value)


def test_an_unreachable_store_is_said_in_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreUnreachable, match="cannot be reached"):
        ShopStore.connect(f"postgresql://posapp_terminal@/shop?host={tmp_path}", password="x", connect_timeout=1)


def test_a_store_set_up_by_a_newer_posapp_is_refused(terminal: ShopStore, shop_db: ShopDatabase) -> None:
    with shop_db.admin() as admin:
        admin.execute("INSERT INTO posapp.schema_migrations (name) VALUES ('m999_future')")
    with pytest.raises(StoreRefused, match="newer posapp"):
        shop_db.terminal()
    with pytest.raises(StoreRefused, match="newer posapp"):
        init_store(shop_db.admin_dsn, terminal_password=TERMINAL_PASSWORD,
                   admin_password=shop_db.server.admin_password)  # fmt: skip
