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
