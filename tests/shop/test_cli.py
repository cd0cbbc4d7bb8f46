"""``posapp shop init``: the command a shop's IT person runs once against their PostgreSQL."""

from __future__ import annotations

import re

import psycopg
import pytest
from psycopg import sql

from posapp.app import main
from posapp.shop.store import ShopStore, StoreRefused
from tests.shop.pg import PostgresServer


@pytest.fixture
def empty_database(pg_server: PostgresServer):  # type: ignore[no-untyped-def]
    name = "cli_shop"
    admin = pg_server.dsn(database="postgres")
    with psycopg.connect(admin, password=pg_server.admin_password, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield pg_server.dsn(database=name)
    with psycopg.connect(admin, password=pg_server.admin_password, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def test_shop_init_sets_up_the_store_and_prints_the_terminals_password_once(
    empty_database: str, pg_server: PostgresServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PGPASSWORD", pg_server.admin_password)
    monkeypatch.delenv("POSAPP_SHOP_TERMINAL_PASSWORD", raising=False)
    assert main(["shop", "init", empty_database]) == 0
    out = capsys.readouterr().out
    assert "applied m001_initial" in out
    password = re.search(r"password: (\S+)", out).group(1)  # type: ignore[union-attr]
    monkeypatch.delenv("PGPASSWORD")
    terminal_dsn = empty_database.replace("admin@", "posapp_terminal@")
    with ShopStore.connect(terminal_dsn, password=password) as store:
        assert store.terminals() == []
    # Run again: brought up to date (nothing to apply) with a new password; the old one stops working.
    monkeypatch.setenv("PGPASSWORD", pg_server.admin_password)
    assert main(["shop", "init", empty_database]) == 0
    assert "applied" not in capsys.readouterr().out
    monkeypatch.delenv("PGPASSWORD")
    with pytest.raises(StoreRefused, match="refused the password"):
        ShopStore.connect(terminal_dsn, password=password)


def test_shop_init_says_why_it_failed(
    empty_database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PGPASSWORD", "wrong")
    assert main(["shop", "init", empty_database]) == 1
    err = capsys.readouterr().err
    assert "refused the password" in err and "wrong" not in err


def test_shop_connect_checks_then_keeps_the_address_password_and_name(
    shop_db, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    import keyring

    from posapp.config import load_settings
    from posapp.journal.store import Journal
    from posapp.shop.identity import terminal_identity
    from posapp.shop.link import store_password
    from tests.shop.conftest import TERMINAL_PASSWORD
    from tests.test_keyring import MemoryKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        monkeypatch.setenv("POSAPP_SHOP_PASSWORD", "not-it")
        assert main(["shop", "connect", shop_db.terminal_dsn, "--name", "Counter 2"]) == 1
        assert "refused the password" in capsys.readouterr().err
        assert load_settings().shop_store == "" and store_password() is None  # nothing changed
        monkeypatch.setenv("POSAPP_SHOP_PASSWORD", TERMINAL_PASSWORD)
        assert main(["shop", "connect", "postgresql://posapp_terminal:pw@host/shop"]) == 1
        assert "Leave the password out of the address" in capsys.readouterr().err
        assert main(["shop", "connect", shop_db.terminal_dsn, "--name", "Counter 2"]) == 0
        assert "Counter 2 is linked to the shop store" in capsys.readouterr().out
        assert load_settings().shop_store == shop_db.terminal_dsn and store_password() == TERMINAL_PASSWORD
        with Journal.open() as journal:
            assert terminal_identity(journal).name == "Counter 2"
        from posapp.config import settings_path

        assert TERMINAL_PASSWORD not in settings_path().read_text()
    finally:
        keyring.set_keyring(before)
