"""ShopStore: one synchronous psycopg connection to the shop's PostgreSQL, and everything said through it.

Only ever used from a worker thread (the replicator's, or ``asyncio.to_thread`` for a one-off read):
psycopg's async mode needs a selector event loop, which qasync on Windows is not. Every statement has
a deadline (``statement_timeout``) and the connection has TCP keepalives, so a store that went away
fails the call in seconds instead of hanging the worker.

API::

    init_store(admin_dsn, *, terminal_password, role="posapp_terminal", admin_password=None) -> list[str]
    ShopStore.connect(dsn, *, password=None, connect_timeout=5, statement_timeout_ms=15_000) -> ShopStore
    register_terminal(terminal_id, name)          highest_seq(terminal_id) / highest_user_seq(terminal_id)
    ship_events(terminal_id, rows) -> int         ship_user_changes(terminal_id, rows) -> int
    mark_synced(terminal_id, last_seq)            terminals() -> list[TerminalInfo]
    user_changes_after(arrival) -> list[UserChange]
    claim_refund(...) -> RefundClaim              find_payment(app_ref) -> list[ShopTransaction]
    close()

Shop-wide reads (History, end-of-day) are in ``reads.py`` over the same connection.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from posapp.shop.errors import GapDetected, StoreError, StoreRefused, StoreUnreachable
from posapp.shop.schema import DEFAULT_TERMINAL_ROLE, KNOWN, MIGRATIONS, MIGRATIONS_TABLE, grants_sql

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 15_000
_ADVISORY_MIGRATE = 0x706F7361  # "posa": one migrator at a time

EVENT_COLUMNS = (
    "seq", "app_ref", "at", "actor", "type", "status", "provider_ref", "operator", "fees_minor", "message", "raw",
    "kind", "provider", "amount_minor", "currency", "customer", "reason", "parent_ref", "cashier",
)  # fmt: skip
_EVENT_TYPES = (
    "bigint", "text", "timestamptz", "text", "text", "text", "text", "text", "bigint", "text", "jsonb",
    "text", "text", "bigint", "text", "text", "text", "text", "text",
)  # fmt: skip
USER_CHANGE_COLUMNS = (
    "seq", "at", "actor", "type", "name", "name_key", "role", "disabled", "pin_scheme", "pin_params", "pin_salt",
    "pin_hash",
)  # fmt: skip
_USER_CHANGE_TYPES = (
    "bigint", "timestamptz", "text", "text", "text", "text", "text", "boolean", "text", "text", "bytea", "bytea",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TerminalInfo:
    terminal_id: str
    name: str
    last_sync_at: datetime | None
    last_seq: int


@dataclass(frozen=True, slots=True)
class UserChange:
    """A user's state after one change on one terminal (PIN material included: for the local copy)."""

    terminal_id: str
    seq: int
    arrival: int
    at: datetime
    actor: str
    type: str
    name: str
    name_key: str
    role: str
    disabled: bool
    pin_scheme: str
    pin_params: str
    pin_salt: bytes
    pin_hash: bytes


@dataclass(frozen=True, slots=True)
class RefundClaim:
    """The store's answer to a refund claim: accepted, or why not, and what is left on the sale."""

    accepted: bool
    left_minor: int
    reason: str  # ok, already_claimed, claim_conflict, unknown_sale, not_paid, currency, over_refund


def describe(dsn: str) -> str:
    """The store's address as shown to people: host, port and database, never a password."""
    try:
        parts = conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "(an address that cannot be read)"
    host = parts.get("host") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"{parts.get('dbname') or parts.get('user') or ''}@{host}{port}"


def check_address(dsn: str) -> dict[str, Any]:
    """The parts of a store address, or ``StoreError`` saying what is wrong with it."""
    example = "postgresql://posapp_terminal@server/shop"
    if not dsn.strip():
        raise StoreError("Enter the shop store's address, such as {example}.", example=example)
    try:
        parts = conninfo_to_dict(dsn.strip())
    except psycopg.ProgrammingError:
        raise StoreError("The shop store's address cannot be read; it looks like {example}.", example=example) from None
    if parts.get("password"):
        raise StoreError("Leave the password out of the address: it is kept in the computer's key store.")
    if not parts.get("dbname"):
        raise StoreError("The shop store's address needs the database name at the end (…/shop).")
    return dict(parts)


def _connect(
    dsn: str, password: str | None, *, connect_timeout: float, statement_timeout_ms: int
) -> psycopg.Connection:
    extra: dict[str, Any] = {
        "connect_timeout": max(int(connect_timeout), 1),
        "application_name": "posapp",
        # A cut cable or a store that vanished is noticed within about 20 s, not after the OS's hours.
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 2,
        "options": f"-c statement_timeout={int(statement_timeout_ms)} -c idle_in_transaction_session_timeout=60000",
    }
    if password is not None:
        extra["password"] = password
    try:
        return psycopg.connect(make_conninfo(dsn, **extra), autocommit=True)
    except psycopg.OperationalError as exc:
        raise _plain_error(exc, dsn) from None


# libpq's words (it gives no code for a failure before the server answers) -> what a manager is told.
_CONNECT_PROBLEMS: tuple[tuple[re.Pattern[str], type[StoreError], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind, template)
    for pattern, kind, template in (
        (r"pg_hba\.conf", StoreRefused,
         "The shop store {where} does not accept connections from this computer: its administrator must allow "
         "it."),
        (r"password authentication failed|no password supplied|password is required", StoreRefused,
         "The shop store {where} refused the password: check it in Settings."),
        (r"does not support SSL", StoreRefused,
         "The shop store {where} does not offer a secure (TLS) connection, and its address asks for one."),
        (r"certificate|SSL", StoreRefused,
         "The shop store {where} could not be proven to be the right server (TLS): check its certificate files "
         "and that the address names the server as its certificate does."),
        (r"role .* does not exist", StoreRefused,
         "The shop store {where} does not know the user named in the address: check the address in Settings."),
        (r"database .* does not exist", StoreRefused, "The shop store {where} has no such database."),
        (r"connection refused", StoreUnreachable,
         "The shop store {where} cannot be reached: nothing answers there (is PostgreSQL running?)."),
        (r"could not translate host name|name or service not known|nodename nor servname", StoreUnreachable,
         "The shop store {where} cannot be reached: its computer's name is not known on this network."),
        (r"timeout expired|timed out|statement timeout", StoreUnreachable,
         "The shop store {where} cannot be reached: it did not answer in time."),
        (r"server closed the connection|connection is lost|connection is closed|terminating connection"
         r"|consuming input failed|connection reset|broken pipe", StoreUnreachable,
         "The shop store {where} cannot be reached: the connection was cut."),
    )
)  # fmt: skip


def _plain_error(exc: psycopg.Error, dsn: str) -> StoreError:
    """psycopg's error in words for a manager, without the address's secrets (the driver's text as detail)."""
    detail = " ".join(str(exc).split()) or type(exc).__name__
    where = describe(dsn)
    for pattern, kind, template in _CONNECT_PROBLEMS:
        if pattern.search(detail):
            return kind(template, where=where, detail=detail)
    return StoreUnreachable("The shop store {where} cannot be reached.", where=where, detail=detail)


def init_store(
    admin_dsn: str,
    *,
    terminal_password: str,
    role: str = DEFAULT_TERMINAL_ROLE,
    admin_password: str | None = None,
) -> list[str]:
    """Create or migrate the schema and the terminals' role (``posapp shop init``); returns what it did."""
    if len(terminal_password) < 12:
        raise StoreError("The terminals' password needs at least {count} characters.", count=12)
    done: list[str] = []
    with _connect(admin_dsn, admin_password, connect_timeout=CONNECT_TIMEOUT_S, statement_timeout_ms=0) as conn:
        conn.autocommit = False
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_ADVISORY_MIGRATE,))
                conn.execute("CREATE SCHEMA IF NOT EXISTS posapp")
                conn.execute(
                    f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name text PRIMARY KEY,"
                    " applied_at timestamptz NOT NULL DEFAULT clock_timestamp())"
                )
                applied = [r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY applied_at")]
                _refuse_newer(applied)
                for migration in MIGRATIONS:
                    if migration.name in applied:
                        continue
                    conn.execute(migration.sql.encode())
                    conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name) VALUES (%s)", (migration.name,))
                    done.append(f"applied {migration.name}")
                exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
                verb = "ALTER" if exists else "CREATE"
                conn.execute(
                    sql.SQL("{} ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD {}").format(
                        sql.SQL(verb), sql.Identifier(role), sql.Literal(terminal_password)
                    )
                )
                done.append(f"{'updated' if exists else 'created'} role {role}")
                database = conn.execute("SELECT current_database()").fetchone()
                assert database is not None
                conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                    sql.Identifier(database[0]), sql.Identifier(role)))  # fmt: skip
                conn.execute(grants_sql(sql.Identifier(role).as_string(conn)).encode())
                done.append(f"granted {role} INSERT and SELECT on the events")
        except psycopg.Error as exc:
            raise StoreRefused("The shop store could not be set up.", detail=str(exc)) from None
    return done


def _refuse_newer(applied: Sequence[str]) -> None:
    unknown = [name for name in applied if name not in KNOWN]
    if unknown:
        raise StoreRefused(
            "The shop store was set up by a newer posapp (it has {migrations}): update posapp on this terminal "
            "to use it.",
            migrations=", ".join(unknown),
        )


class ShopStore:
    """One connection to the shop store; not thread-safe: one worker thread uses it."""

    def __init__(self, conn: psycopg.Connection, dsn: str) -> None:
        self.conn = conn
        self.where = describe(dsn)
        self._dsn = dsn

    @classmethod
    def connect(
        cls,
        dsn: str,
        *,
        password: str | None = None,
        connect_timeout: float = CONNECT_TIMEOUT_S,
        statement_timeout_ms: int = STATEMENT_TIMEOUT_MS,
    ) -> ShopStore:
        """Connect and check that the store was set up by ``posapp shop init`` for this posapp."""
        conn = _connect(dsn, password, connect_timeout=connect_timeout, statement_timeout_ms=statement_timeout_ms)
        store = cls(conn, dsn)
        try:
            applied = [r[0] for r in store._run(f"SELECT name FROM {MIGRATIONS_TABLE}")]
        except StoreRefused as exc:
            conn.close()
            raise StoreRefused(
                "The shop store {where} is not set up for posapp: run 'posapp shop init' there.",
                where=store.where,
                detail=str(exc),
            ) from None
        except BaseException:
            conn.close()
            raise
        _refuse_newer(applied)
        if set(applied) != set(KNOWN):
            conn.close()
            raise StoreRefused(
                "The shop store {where} was set up by an older posapp: run 'posapp shop init' there again to bring "
                "it up to date.",
                where=store.where,
            )
        return store

    def close(self) -> None:
        self.conn.close()

    @property
    def closed(self) -> bool:
        return bool(self.conn.closed)

    def __enter__(self) -> ShopStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self, query: Any, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """One statement in its own transaction (autocommit), with psycopg's errors in words."""
        try:
            cur = self.conn.execute(query, params)
            return cur.fetchall() if cur.description is not None else []
        except psycopg.Error as exc:
            raise self._error(exc) from None

    def _error(self, exc: psycopg.Error) -> StoreError:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, psycopg.errors.IntegrityConstraintViolation) and "gap in the" in str(exc):
            return GapDetected(
                "The shop store refused this counter's events: one before them is missing there. Nothing after "
                "the gap is sent.",
                detail=first,
            )
        if isinstance(exc, psycopg.OperationalError | psycopg.errors.QueryCanceled | psycopg.InterfaceError):
            return _plain_error(exc, self._dsn)
        if isinstance(exc, psycopg.errors.InsufficientPrivilege):
            return StoreRefused(
                "The shop store {where} does not let this counter do that: run 'posapp shop init' there again.",
                where=self.where,
                detail=first,
            )
        return StoreRefused("The shop store {where} refused the request.", where=self.where, detail=first)

    # ------------------------------------------------------------ terminals

    def register_terminal(self, terminal_id: str, name: str) -> None:
        self._run(
            "INSERT INTO posapp.terminals (terminal_id, name) VALUES (%s, %s)"
            " ON CONFLICT (terminal_id) DO UPDATE SET name = EXCLUDED.name WHERE terminals.name <> EXCLUDED.name",
            (terminal_id, name),
        )

    def mark_synced(self, terminal_id: str, last_seq: int) -> None:
        self._run(
            "UPDATE posapp.terminals SET last_sync_at = clock_timestamp(), last_seq = %s WHERE terminal_id = %s",
            (last_seq, terminal_id),
        )

    def terminals(self) -> list[TerminalInfo]:
        rows = self._run("SELECT terminal_id::text, name, last_sync_at, last_seq FROM posapp.terminals ORDER BY name")
        return [TerminalInfo(*row) for row in rows]

    # ------------------------------------------------------------ the outbox

    def highest_seq(self, terminal_id: str) -> int:
        """The highest event seq the store holds for the terminal (0: none); the replicator resumes after it."""
        rows = self._run("SELECT coalesce(max(seq), 0) FROM posapp.events WHERE terminal_id = %s", (terminal_id,))
        return int(rows[0][0])

    def highest_user_seq(self, terminal_id: str) -> int:
        rows = self._run("SELECT coalesce(max(seq), 0) FROM posapp.user_changes WHERE terminal_id = %s", (terminal_id,))
        return int(rows[0][0])

    def ship_events(self, terminal_id: str, rows: Sequence[Sequence[Any]]) -> int:
        """Insert events (columns ``EVENT_COLUMNS``) in one statement; returns how many were new."""
        return self._ship("events", EVENT_COLUMNS, _EVENT_TYPES, terminal_id, rows)

    def ship_user_changes(self, terminal_id: str, rows: Sequence[Sequence[Any]]) -> int:
        return self._ship("user_changes", USER_CHANGE_COLUMNS, _USER_CHANGE_TYPES, terminal_id, rows)

    def _ship(
        self, table: str, columns: Sequence[str], types: Sequence[str], terminal_id: str, rows: Sequence[Sequence[Any]]
    ) -> int:
        if not rows:
            return 0
        # One INSERT … SELECT FROM unnest(arrays): one round trip per batch. ORDER BY seq keeps each row's
        # predecessor inserted before it (the store's gap trigger sees earlier rows of the same statement).
        arrays = [list(column) for column in zip(*rows, strict=True)]
        selects = ", ".join(f"%s::{'text' if kind == 'jsonb' else kind}[]" for kind in types)
        names = ", ".join(columns)
        casts = ", ".join(
            f"u.{c}::jsonb" if kind == "jsonb" else f"u.{c}" for c, kind in zip(columns, types, strict=True)
        )
        query = (
            f"INSERT INTO posapp.{table} (terminal_id, {names}) SELECT %s, {casts}"
            f" FROM unnest({selects}) AS u({names}) ORDER BY u.seq ON CONFLICT (terminal_id, seq) DO NOTHING"
        )
        try:
            cur = self.conn.execute(query.encode(), [terminal_id, *arrays])
        except psycopg.Error as exc:
            raise self._error(exc) from None
        return max(cur.rowcount, 0)

    def user_changes_after(self, arrival: int) -> list[UserChange]:
        rows = self._run(
            "SELECT terminal_id::text, seq, arrival, at, actor, type, name, name_key, role, disabled, pin_scheme,"
            " pin_params, pin_salt, pin_hash FROM posapp.user_changes WHERE arrival > %s ORDER BY arrival",
            (arrival,),
        )
        return [
            UserChange(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], bytes(r[12]), bytes(r[13])
            )
            for r in rows
        ]

    # ------------------------------------------------------------ refunds across counters

    def payer_phone(self, terminal_id: str, app_ref: str) -> str | None:
        """The number that paid a sale: the push's, or what the provider reported for a link payment."""
        rows = self._run(
            "SELECT customer FROM posapp.transactions WHERE terminal_id = %s AND app_ref = %s", (terminal_id, app_ref)
        )
        if rows and rows[0][0]:
            return str(rows[0][0])
        rows = self._run(
            "SELECT raw ->> 'customer_phone_number' FROM posapp.events WHERE terminal_id = %s AND app_ref = %s"
            " AND raw ? 'customer_phone_number' ORDER BY seq DESC LIMIT 1",
            (terminal_id, app_ref),
        )
        return str(rows[0][0]) if rows and rows[0][0] else None

    def refundable(self, sale_terminal_id: str, sale_ref: str) -> int | None:
        """What may still be refunded on a paid sale across the shop (minor units), None when not refundable."""
        rows = self._run(
            "SELECT amount_minor - posapp.refund_reserved(terminal_id, app_ref) FROM posapp.transactions"
            " WHERE terminal_id = %s AND app_ref = %s AND kind IN ('link_payment', 'push_payment')"
            " AND status IN ('succeeded', 'partially_refunded')",
            (sale_terminal_id, sale_ref),
        )
        return max(int(rows[0][0]), 0) if rows else None

    def claim_refund(
        self,
        *,
        terminal_id: str,
        refund_ref: str,
        sale_terminal_id: str,
        sale_ref: str,
        amount_minor: int,
        currency: str,
        claimed_by: str,
    ) -> RefundClaim:
        """Claim ``amount_minor`` of a sale for a refund, decided by the store under a lock on the sale."""
        rows = self._run(
            "SELECT accepted, left_minor, reason FROM posapp.claim_refund(%s, %s, %s, %s, %s, %s, %s)",
            (terminal_id, refund_ref, sale_terminal_id, sale_ref, amount_minor, currency, claimed_by),
        )
        accepted, left, reason = rows[0]
        return RefundClaim(bool(accepted), int(left), str(reason))


__all__ = [
    "EVENT_COLUMNS",
    "GapDetected",
    "RefundClaim",
    "ShopStore",
    "StoreError",
    "StoreRefused",
    "StoreUnreachable",
    "TerminalInfo",
    "USER_CHANGE_COLUMNS",
    "UserChange",
    "check_address",
    "describe",
    "init_store",
]
