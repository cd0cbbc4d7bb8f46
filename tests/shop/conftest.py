"""A real PostgreSQL for the shop tests: one server per session, a fresh database per test.

The server runs from Debian's binaries in a temp folder, on a Unix socket only, as ``nobody`` when the
tests run as root (see ``pg.py``); where it cannot start, the tests that need it skip and say why.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql

from posapp.shop.store import ShopStore, init_store
from tests.shop.pg import PostgresServer, PostgresUnavailable

TERMINAL_ROLE = "posapp_terminal"
TERMINAL_PASSWORD = "terminal-secret-for-tests"
_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer.start()
    except PostgresUnavailable as exc:
        pytest.skip(f"needs a PostgreSQL server, which cannot start here: {exc}")
    try:
        yield server
    finally:
        server.remove()


@dataclass
class ShopDatabase:
    """One freshly initialised shop store database, and how to reach it as admin or as a terminal."""

    server: PostgresServer
    name: str

    @property
    def admin_dsn(self) -> str:
        return self.server.dsn(database=self.name)

    @property
    def terminal_dsn(self) -> str:
        return self.server.dsn(TERMINAL_ROLE, self.name)

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.admin_dsn, password=self.server.admin_password, autocommit=True)

    def terminal(self, **kwargs: object) -> ShopStore:
        return ShopStore.connect(self.terminal_dsn, password=TERMINAL_PASSWORD, **kwargs)  # type: ignore[arg-type]


def create_shop_database(server: PostgresServer, name: str | None = None) -> ShopDatabase:
    name = name or f"shop_{next(_names)}"
    with psycopg.connect(server.dsn(database="postgres"), password=server.admin_password, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    shop = ShopDatabase(server, name)
    init_store(shop.admin_dsn, terminal_password=TERMINAL_PASSWORD, admin_password=server.admin_password)
    return shop


@pytest.fixture
def shop_db(pg_server: PostgresServer) -> Iterator[ShopDatabase]:
    shop = create_shop_database(pg_server)
    yield shop
    if pg_server.process is None:  # a test stopped the server and failed before starting it again
        pg_server.restart()
    with psycopg.connect(pg_server.dsn(database="postgres"), password=pg_server.admin_password,
                         autocommit=True) as conn:  # fmt: skip
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(shop.name)))
