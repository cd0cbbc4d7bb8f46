"""The journal: an append-only SQLite record of every money movement, and the queries over it.

One SQLite file (``data_dir()/journal.sqlite3`` by default) opened through ``sqlite_utils.Database``.
Every connection the journal makes goes through ``connect()``, which sets WAL mode, ``synchronous=FULL``
and foreign keys and checks that SQLite took them. Migrations (``migrations.py``) apply on open; a file
written by a newer posapp is refused with ``SchemaTooNew`` before anything in it changes.

Tables:

- ``events`` — append-only (triggers refuse UPDATE and DELETE): transaction, time (UTC), actor, type,
  status, provider ref / operator / fees when the provider told them, a message, and the provider's raw
  answer as JSON with secrets removed (``core.redact``), at most ``MAX_RAW_JSON_BYTES`` of it.
- ``transactions`` — one row per ``app_ref``: the intent's columns are write-once (a trigger refuses
  changing them), the rest (status, provider ref, operator, fees, updated_at) is the projection of the
  events, updated in the same SQLite transaction as each event; ``rebuild_projection()`` recomputes it.
- ``approvals`` — single-use manager approvals (who, when, operation, amount).

Public API (all times are aware ``datetime``; the journal stamps times itself, in UTC)::

    Journal(path, *, clock=None)            Journal.open(path=None)     close(); context manager
    record_intent(tx, actor, *, approval_id=None, secrets=()) -> Transaction
    append_event(app_ref, *, type, status, actor, raw=None, provider_ref=None, fees=None,
                 message=None, operator=None, secrets=()) -> Transaction
    batch()                                  context manager: many writes, one commit
    get(app_ref) -> Transaction | None       timeline(app_ref) -> list[Event]
    unfinished() -> list[Transaction]        oldest first: CREATED and the statuses the tracker follows
    history_page(filters=None, *, after=None, limit=50) -> Page     newest first, keyset cursor
    count(filters=None) -> int               transactions_between(since, until) -> Iterator[Transaction]
    refundable_amount(app_ref) -> Money      rebuild_projection(*, dry_run=False) -> list[str]
    record_approval(manager, operation, amount=None, *, valid_for=...) -> Approval
    consume_approval(approval_id, *, operation, amount, used_by, used_for=None) -> Approval
    backup(path) -> Path                     check() -> list[str]   (empty when healthy)

Actors are ``"system"``, ``"cashier"``, ``"manager"``, optionally followed by ``:name``
(``"cashier:ama"``). Event types are short snake_case words chosen by the services (``sent``,
``status_read``, ``otp_requested``, ``otp_submitted``, ``resolved``...); ``intent`` is written by
``record_intent`` and ``refund`` by the journal itself: when a refund reaches SUCCEEDED, its payment
moves to PARTIALLY_REFUNDED / REFUNDED in the same SQLite transaction.

Refunds reserve money from their payment as soon as their intent is recorded: every refund not FAILED
or CANCELED counts against the amount paid (an expired or unknown refund may still go through).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from posapp.config import data_dir
from posapp.core.money import Money
from posapp.core.redact import redact, redact_text
from posapp.core.transactions import (
    FOLLOWED_STATUSES,
    Kind,
    Status,
    Transaction,
    can_transition,
    check_transition,
)
from posapp.journal.schema import KNOWN, MIGRATION_SET, MIGRATIONS_TABLE, SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

JOURNAL_FILE = "journal.sqlite3"
# Training mode's payments, refunds and payouts: never in the merchant's books (see ``Journal.open``).
TRAINING_JOURNAL_FILE = "training-journal.sqlite3"
BUSY_TIMEOUT_MS = 10_000
MAX_PAGE = 500
# A text search matching at most this many transactions is served from the trigram index and sorted;
# a broader one (a country code, a common word) scans the history newest first, where matches are dense.
SEARCH_SORT_LIMIT = 2000
# The most of a provider's raw answer an event keeps, as UTF-8 JSON. Documented answers are a few KB;
# a bigger one is stored as ``{"truncated": true, "bytes": <its size>, "head": "<its first characters>"}``
# (still JSON, still redacted), so a runaway answer never swells the journal or its backups.
MAX_RAW_JSON_BYTES = 16 * 1024

UNFINISHED_STATUSES = frozenset(FOLLOWED_STATUSES | {Status.CREATED})
# Refunds in these statuses certainly moved no money: they stop reserving the payment's amount.
_REFUND_RELEASED = frozenset({Status.FAILED, Status.CANCELED})
_REFUNDABLE_PAYMENT = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED})

# dict lookups: calling an Enum by value costs about a microsecond, several times per event
_STATUS = {s.value: s for s in Status}
_KIND = {k.value: k for k in Kind}

_ACTOR = re.compile(r"(system|cashier|manager)(:\S.*)?")
_EVENT_TYPE = re.compile(r"[a-z][a-z0-9_]{0,39}")
_PHONE_LIKE = re.compile(r"[\d\s+\-().]+")
_SEARCHED = ("app_ref", "provider_ref", "parent_ref", "customer", "reason")


class JournalError(Exception):
    """The journal refuses an operation or cannot be used; the message says why."""


class SchemaTooNew(JournalError):
    """The file was written by a newer posapp; it is left untouched."""


class UnknownTransaction(JournalError):
    """No transaction has this app_ref."""


class IntentConflict(JournalError):
    """An intent with this app_ref exists with different content."""


class RefundRefused(JournalError):
    """The refund cannot be recorded: its payment is missing, not paid, or would be over-refunded."""


class ApprovalError(JournalError):
    """The approval does not exist, was used, expired, or was given for something else."""


# ---------------------------------------------------------------- values handed out


@dataclass(frozen=True, slots=True)
class Event:
    """One line of a transaction's timeline."""

    id: int
    app_ref: str
    at: datetime
    actor: str
    type: str
    status: Status
    provider_ref: str | None = None
    operator: str | None = None
    fees: Money | None = None
    message: str | None = None
    raw: Any = None


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """What the history screen asks for; empty fields do not filter.

    ``since`` is inclusive and ``until`` exclusive, on the creation time. ``text`` looks for a part of
    the app ref, provider ref, refunded payment's ref, phone number (typed with or without spaces) or
    reason, ignoring case.
    """

    since: datetime | None = None
    until: datetime | None = None
    statuses: frozenset[Status] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    providers: frozenset[str] = frozenset()
    cashier: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True, order=True)
class PageCursor:
    """Where the next history page starts (opaque to callers: pass ``Page.next`` back as ``after``)."""

    created_at: str
    id: int


@dataclass(frozen=True, slots=True)
class Page:
    items: list[Transaction]
    next: PageCursor | None = None  # None on the last page


@dataclass(frozen=True, slots=True)
class Approval:
    """A manager's single-use approval of one operation (``refund``, ``payout``, ``export``...)."""

    id: int
    manager: str
    operation: str
    amount: Money | None
    approved_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    used_by: str | None = None
    used_for: str | None = None


# ---------------------------------------------------------------- connections and time


def connect(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open ``path`` the way every journal connection must be: WAL, ``synchronous=FULL``, foreign keys.

    ``synchronous`` and ``foreign_keys`` belong to a connection, not to the file, so they are set on each
    one; each setting is read back because SQLite ignores what it cannot do (WAL on some network shares).
    Transactions are explicit (``isolation_level=None``): the journal says BEGIN IMMEDIATE itself.
    """
    conn = sqlite3.connect(
        os.fspath(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        sync = conn.execute("PRAGMA synchronous").fetchone()[0]
        fks = conn.execute("PRAGMA foreign_keys").fetchone()[0]
        if str(mode).lower() != "wal" or sync != 2 or fks != 1:
            raise JournalError(
                f"{path}: SQLite refused the journal's safety settings "
                f"(journal_mode={mode}, synchronous={sync}, foreign_keys={fks}); use a local disk"
            )
    except BaseException:
        conn.close()
        raise
    return conn


def connect_read_only(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open ``path`` to read only, for a journal that cannot be opened to write (History and export).

    ``mode=ro`` still reads the write-ahead log; where even that is refused (a read-only folder with no
    ``-shm`` file beside the journal), ``immutable=1`` reads the main file as it is.
    """
    uri = Path(path).resolve().as_uri()  # percent-encoded: a folder name may hold '?' or '#'
    last: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as exc:
            last = exc
    assert last is not None
    raise last


def _stamp(moment: datetime) -> str:
    """A UTC time as sortable text: ``2026-05-09T07:35:25.123456Z``."""
    if moment.tzinfo is None:
        raise ValueError("the journal needs aware datetimes (with a time zone)")
    # isoformat is several times faster than strftime, and this runs for every event
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


@functools.lru_cache(maxsize=4096)  # a transaction's created_at is parsed again at each of its events
def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@functools.lru_cache(maxsize=256)
def _check_actor(actor: str) -> None:
    if not isinstance(actor, str) or not _ACTOR.fullmatch(actor):
        raise JournalError(f"actor must be system, cashier or manager (optionally ':name'), not {actor!r}")


@functools.lru_cache(maxsize=256)
def _check_event_type(type_: str) -> None:
    if not isinstance(type_, str) or not _EVENT_TYPE.fullmatch(type_) or type_ in ("intent", "refund"):
        raise JournalError(f"bad event type {type_!r}: snake_case, and not 'intent' or 'refund'")


# ---------------------------------------------------------------- rows


_TX_COLUMNS = (
    "id, app_ref, kind, provider, amount_minor, currency, status, provider_ref, customer, operator, "
    "reason, parent_ref, cashier, fees_minor, created_at, updated_at"
)
_EVENT_COLUMNS = "id, status, provider_ref, operator, fees_minor, at"


def _to_transaction(row: Sequence[Any]) -> Transaction:
    (_, app_ref, kind, provider, amount, currency, status, provider_ref, customer, operator) = row[:10]
    (reason, parent_ref, cashier, fees, created_at, updated_at) = row[10:]
    return Transaction(
        app_ref=app_ref,
        kind=_KIND[kind],
        provider=provider,
        amount=Money(amount, currency),
        status=_STATUS[status],
        provider_ref=provider_ref,
        customer=customer,
        operator=operator,
        reason=reason,
        parent_ref=parent_ref,
        cashier=cashier,
        fees=None if fees is None else Money(fees, currency),
        created_at=_parse(created_at),
        updated_at=_parse(updated_at),
    )


def _intent_of(tx: Transaction) -> tuple[Any, ...]:
    """What makes two intents the same: the request, not where it stands or when it was written."""
    return (tx.kind, tx.provider, tx.amount, tx.customer, tx.reason, tx.parent_ref, tx.cashier)


def _search_term(text: str) -> str:
    """The part a user typed, phone numbers compacted to their digits (``699 12 34 56`` → ``699123456``)."""
    term = " ".join(text.split())
    if _PHONE_LIKE.fullmatch(term) and sum(c.isdigit() for c in term) >= 3:
        term = "".join(c for c in term if c.isdigit())
    return term


def _searchable(term: str) -> bool:
    """False when ``term`` holds a control character (SQLite's FTS and LIKE stop a string at NUL: the
    search failed or matched everything) or half a surrogate pair (not text): such a search finds nothing."""
    return not any(unicodedata.category(c) in ("Cc", "Cs") for c in term)


def searchable(text: str) -> bool:
    """Whether a History search for ``text`` can find anything (the UI's live filter asks the same)."""
    return _searchable(_search_term(text))


def _capped_raw(raw_json: str) -> str:
    """``raw_json`` as stored: whole up to ``MAX_RAW_JSON_BYTES``, else the marker that says it was cut."""
    size = len(raw_json.encode("utf-8"))
    if size <= MAX_RAW_JSON_BYTES:
        return raw_json

    def marker(length: int) -> str:
        return json.dumps({"truncated": True, "bytes": size, "head": raw_json[:length]}, ensure_ascii=False)

    # The longest head that fits once escaped again (a quote or a control character grows): a bisection.
    fits, too_long = 0, MAX_RAW_JSON_BYTES + 1
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if len(marker(middle).encode("utf-8")) <= MAX_RAW_JSON_BYTES:
            fits = middle
        else:
            too_long = middle
    return marker(fits)


def _fts_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# ---------------------------------------------------------------- the journal


class Journal:
    """The SQLite journal of one console: intents, events, their projection, queries and approvals."""

    def __init__(
        self, path: str | os.PathLike[str], *, clock: Callable[[], datetime] | None = None, read_only: bool = False
    ) -> None:
        """``read_only``: no migration, no write (SQLite refuses them): History and export of a journal
        that cannot be opened to write (a read-only folder, a newer posapp's file)."""
        self.path = Path(path)
        self._clock = clock or _utc_now
        self._lock = threading.RLock()
        self._in_batch = False
        self._batch_spoiled = False
        self._closed = False
        self.read_only = read_only
        conn = connect_read_only(self.path) if read_only else connect(self.path)
        self._conn = conn
        self._db: Database | None = None
        try:
            if not read_only:
                self._migrate()
        except BaseException:
            conn.close()
            raise

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, training: bool = False, **kwargs: Any) -> Journal:
        """Open (or create) the journal, by default ``journal.sqlite3`` in the data dir.

        ``training``: the training journal (``training-journal.sqlite3``) instead. Training payments are
        kept apart from the merchant's books: they never reach the live History, totals or exports, and
        a live provider can never be asked to refund one.
        """
        name = TRAINING_JOURNAL_FILE if training else JOURNAL_FILE
        target = Path(path) if path is not None else data_dir() / name
        target.parent.mkdir(parents=True, exist_ok=True)
        return cls(target, **kwargs)

    def close(self) -> None:
        """Close the connection; safe to call twice. The last connection to close folds the WAL in."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Journal {self.path}>"

    # ------------------------------------------------------------ schema

    @property
    def db(self) -> Database:
        """The connection as a ``sqlite_utils.Database`` (loaded on first use: migrations, tests)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn)
        return self._db

    def _schema_state(self) -> tuple[int, list[str]]:
        """(user_version, applied migration names) read with plain SQL, as sqlite-utils records them."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        has_table = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
        ).fetchone()
        applied = (
            [
                row[0]
                for row in self._conn.execute(
                    f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,)
                )
            ]
            if has_table
            else []
        )
        return int(version), applied

    def _conn_of_db(self) -> sqlite3.Connection:
        return self._conn

    def _refuse_newer(self, version: int, applied: list[str]) -> None:
        unknown = [name for name in applied if name not in KNOWN]
        if version > SCHEMA_VERSION or unknown:
            raise SchemaTooNew(
                f"{self.path} was written by a newer posapp (journal schema {version}, "
                f"this posapp knows {SCHEMA_VERSION}{'; unknown: ' + ', '.join(unknown) if unknown else ''}). "
                "It was left untouched: update posapp to open it."
            )

    def _migrate(self) -> None:
        version, applied = self._schema_state()
        self._refuse_newer(version, applied)
        if len(applied) == len(KNOWN):
            return
        conn = self._conn_of_db()
        # IMMEDIATE: two consoles opening a fresh file at once must not both create the schema.
        conn.execute("BEGIN IMMEDIATE")
        try:
            version, applied = self._schema_state()
            self._refuse_newer(version, applied)
            from posapp.journal.migrations import migrations

            migrations.apply(self.db)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------ transactions of SQLite

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: its own IMMEDIATE transaction, or a part of the ``batch()`` transaction."""
        conn = self._live()
        if self._in_batch:
            # No savepoint per write: copying every touched page into a sub-journal halved batch
            # throughput. Writes validate before their first statement, so a refusal leaves nothing;
            # a failure after it spoils the whole batch, which then rolls back.
            before = conn.total_changes
            try:
                yield conn
            except BaseException:
                if conn.total_changes != before:
                    self._batch_spoiled = True
                raise
            return
        # IMMEDIATE takes the write lock first: a deferred transaction that reads then writes can fail
        # with SQLITE_BUSY when another process (a second console) wrote meanwhile.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def batch(self) -> Iterator[Journal]:
        """Group many writes into one commit (imports, the benchmark).

        A write refused for a reason (``IllegalTransition``, ``IntentConflict``...) leaves nothing and
        the batch goes on; a write that failed halfway, or an exception leaving the block, rolls back the
        whole batch (``JournalError`` in the first case).
        """
        with self._lock:
            if self._in_batch:
                raise JournalError("batches do not nest")
            conn = self._live()
            conn.execute("BEGIN IMMEDIATE")
            self._in_batch = True
            self._batch_spoiled = False
            try:
                yield self
                if self._batch_spoiled:
                    raise JournalError("a write failed halfway through the batch; the whole batch was rolled back")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._in_batch = False

    def _live(self) -> sqlite3.Connection:
        if self._closed:
            raise JournalError("the journal is closed")
        return self._conn

    # ------------------------------------------------------------ writes

    def record_intent(
        self,
        tx: Transaction,
        actor: str,
        *,
        approval_id: int | None = None,
        secrets: Iterable[str] = (),
    ) -> Transaction:
        """Write ``tx`` in status CREATED before anything is sent; returns it as stored.

        Recording the same intent again returns the stored transaction (wherever it stands now); the
        same ``app_ref`` with different content raises ``IntentConflict``. A refund must name a paid
        payment of the same currency and fit in its ``refundable_amount`` (``RefundRefused``). With
        ``approval_id``, the manager's approval for ``tx.kind`` and ``tx.amount`` is used up in the
        same SQLite transaction. ``secrets`` are cut out of the reason.
        """
        _check_actor(actor)
        if tx.status is not Status.CREATED:
            raise JournalError(f"an intent is recorded in status created, not {tx.status.value}")
        known = tuple(secrets)
        if known:
            tx = dataclasses.replace(tx, reason=redact_text(tx.reason, known))
        with self._lock, self._write() as conn:
            row = conn.execute(f"SELECT {_TX_COLUMNS} FROM transactions WHERE app_ref = ?", (tx.app_ref,)).fetchone()
            if row is not None:
                stored = _to_transaction(row)
                if _intent_of(stored) != _intent_of(tx):
                    raise IntentConflict(f"{tx.app_ref} is already recorded with different content")
                return stored
            if tx.kind is Kind.REFUND:
                self._check_refund(conn, tx)
            if tx.fees is not None and tx.fees.currency != tx.amount.currency:
                raise JournalError("fees must be in the transaction's currency")
            if approval_id is not None:
                self._consume(conn, approval_id, tx.kind.value, tx.amount, actor, tx.app_ref)
            now = _stamp(self._clock())
            fees = None if tx.fees is None else tx.fees.minor
            cur = conn.execute(
                "INSERT INTO transactions (app_ref, kind, provider, amount_minor, currency, customer, reason,"
                " parent_ref, cashier, created_at, status, provider_ref, operator, fees_minor, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    tx.app_ref,
                    tx.kind.value,
                    tx.provider,
                    tx.amount.minor,
                    tx.amount.currency,
                    tx.customer,
                    tx.reason,
                    tx.parent_ref,
                    tx.cashier,
                    now,
                    Status.CREATED.value,
                    tx.provider_ref,
                    tx.operator,
                    fees,
                    now,
                ),
            )
            conn.execute(
                "INSERT INTO events (transaction_id, at, actor, type, status, provider_ref, operator, fees_minor)"
                " VALUES (?, ?, ?, 'intent', ?, ?, ?, ?)",
                (cur.lastrowid, now, actor, Status.CREATED.value, tx.provider_ref, tx.operator, fees),
            )
            return _to_transaction(
                (cur.lastrowid, tx.app_ref, tx.kind.value, tx.provider, tx.amount.minor, tx.amount.currency,
                 Status.CREATED.value, tx.provider_ref, tx.customer, tx.operator, tx.reason, tx.parent_ref,
                 tx.cashier, fees, now, now)
            )  # fmt: skip

    def _check_refund(self, conn: sqlite3.Connection, tx: Transaction) -> None:
        parent = conn.execute(
            "SELECT kind, status, amount_minor, currency FROM transactions WHERE app_ref = ?", (tx.parent_ref,)
        ).fetchone()
        if parent is None:
            raise RefundRefused(f"refund {tx.app_ref}: no payment {tx.parent_ref} in the journal")
        kind, status, amount, currency = parent
        if not Kind(kind).is_payment:
            raise RefundRefused(f"refund {tx.app_ref}: {tx.parent_ref} is a {kind}, not a payment")
        if currency != tx.amount.currency:
            raise RefundRefused(f"refund {tx.app_ref}: payment is in {currency}, refund in {tx.amount.currency}")
        if Status(status) not in _REFUNDABLE_PAYMENT:
            raise RefundRefused(f"refund {tx.app_ref}: payment {tx.parent_ref} is {status}, not paid")
        left = amount - self._reserved_by_refunds(conn, tx.parent_ref or "")
        if tx.amount.minor > left:
            raise RefundRefused(
                f"refund {tx.app_ref}: {tx.amount} is more than the {Money(max(left, 0), currency)} "
                f"still refundable on {tx.parent_ref}"
            )

    @staticmethod
    def _reserved_by_refunds(conn: sqlite3.Connection, parent_ref: str) -> int:
        released = ",".join(f"'{s.value}'" for s in sorted(_REFUND_RELEASED))
        row = conn.execute(
            "SELECT coalesce(sum(amount_minor), 0) FROM transactions"
            f" WHERE parent_ref = ? AND status NOT IN ({released})",
            (parent_ref,),
        ).fetchone()
        return int(row[0])

    def append_event(
        self,
        app_ref: str,
        *,
        type: str,
        status: Status | str,
        actor: str,
        raw: Any = None,
        provider_ref: str | None = None,
        fees: Money | None = None,
        message: str | None = None,
        operator: str | None = None,
        secrets: Iterable[str] = (),
    ) -> Transaction:
        """Append one event and move the projection, in one SQLite transaction; returns the new state.

        The status change is checked against core's table (``IllegalTransition``); staying in the same
        status is allowed ("status read, still pending"). ``raw`` (the provider's answer, JSON-like) and
        ``message`` are stored with secret keys masked and every string of ``secrets`` cut out; a raw
        answer over ``MAX_RAW_JSON_BYTES`` is stored as the marker that says it was cut.
        ``provider_ref``, ``operator`` and ``fees`` update the transaction when given.
        """
        new_status = status if isinstance(status, Status) else Status(status)
        _check_actor(actor)
        _check_event_type(type)
        known = tuple(secrets)
        raw_json = None if raw is None else _capped_raw(json.dumps(redact(raw, known), ensure_ascii=False, default=str))
        if message is not None:
            message = redact_text(message, known)
        with self._lock, self._write() as conn:
            row = conn.execute(f"SELECT {_TX_COLUMNS} FROM transactions WHERE app_ref = ?", (app_ref,)).fetchone()
            if row is None:
                raise UnknownTransaction(f"no transaction {app_ref!r} in the journal")
            old_status = _STATUS[row[6]]
            check_transition(old_status, new_status, app_ref)
            if fees is not None and fees.currency != row[5]:
                raise JournalError(f"fees in {fees.currency} for a {row[5]} transaction")
            now = self._append(conn, row[0], now=None, actor=actor, type=type, status=new_status,
                               provider_ref=provider_ref, operator=operator, fees=fees, message=message,
                               raw=raw_json)  # fmt: skip
            # The new state, folded the same way as in the UPDATE (not read back: this is the hot path).
            state = list(row)
            state[6] = new_status.value
            state[7] = provider_ref if provider_ref is not None else row[7]
            state[9] = operator if operator is not None else row[9]
            state[13] = fees.minor if fees is not None else row[13]
            state[15] = now
            tx = _to_transaction(state)
            if tx.kind is Kind.REFUND and new_status is Status.SUCCEEDED and old_status is not Status.SUCCEEDED:
                self._mark_refunded(conn, tx, now)
            return tx

    def _append(
        self,
        conn: sqlite3.Connection,
        transaction_id: int,
        *,
        now: str | None,
        actor: str,
        type: str,
        status: Status,
        provider_ref: str | None = None,
        operator: str | None = None,
        fees: Money | None = None,
        message: str | None = None,
        raw: str | None = None,
    ) -> str:
        stamp = now or _stamp(self._clock())
        fees_minor = None if fees is None else fees.minor
        conn.execute(
            "INSERT INTO events (transaction_id, at, actor, type, status, provider_ref, operator, fees_minor,"
            " message, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (transaction_id, stamp, actor, type, status.value, provider_ref, operator, fees_minor, message, raw),
        )
        # Same folding rule as rebuild_projection(): last status, last non-null ref / operator / fees.
        conn.execute(
            "UPDATE transactions SET status = ?, provider_ref = coalesce(?, provider_ref),"
            " operator = coalesce(?, operator), fees_minor = coalesce(?, fees_minor), updated_at = ?"
            " WHERE id = ?",
            (status.value, provider_ref, operator, fees_minor, stamp, transaction_id),
        )
        return stamp

    def _mark_refunded(self, conn: sqlite3.Connection, refund: Transaction, now: str) -> None:
        parent = conn.execute(
            "SELECT id, status, amount_minor FROM transactions WHERE app_ref = ?", (refund.parent_ref,)
        ).fetchone()
        parent_id, parent_status, paid = parent
        refunded = conn.execute(
            "SELECT coalesce(sum(amount_minor), 0) FROM transactions WHERE parent_ref = ? AND status = ?",
            (refund.parent_ref, Status.SUCCEEDED.value),
        ).fetchone()[0]
        target = Status.REFUNDED if refunded >= paid else Status.PARTIALLY_REFUNDED
        if not can_transition(Status(parent_status), target):
            # The provider's word stands for the refund; the payment's odd state is for a manager to see.
            log.warning("refund %s succeeded but payment %s is %s", refund.app_ref, refund.parent_ref, parent_status)
            return
        self._append(
            conn,
            parent_id,
            now=now,
            actor="system",
            type="refund",
            status=target,
            message=f"refund {refund.app_ref} of {refund.amount} succeeded",
        )

    # ------------------------------------------------------------ approvals

    def record_approval(
        self,
        manager: str,
        operation: str,
        amount: Money | None = None,
        *,
        valid_for: timedelta = timedelta(minutes=10),
    ) -> Approval:
        """Record that ``manager`` approved one ``operation`` (of ``amount`` when given)."""
        if not manager or not operation:
            raise ApprovalError("an approval names its manager and operation")
        now = self._clock()
        with self._lock, self._write() as conn:
            cur = conn.execute(
                "INSERT INTO approvals (manager, operation, amount_minor, currency, approved_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    manager,
                    operation,
                    None if amount is None else amount.minor,
                    None if amount is None else amount.currency,
                    _stamp(now),
                    _stamp(now + valid_for),
                ),
            )
            approval_id = int(cur.lastrowid or 0)
        return self.approval(approval_id)  # type: ignore[return-value]

    def approval(self, approval_id: int) -> Approval | None:
        with self._lock:
            row = (
                self._live()
                .execute(
                    "SELECT id, manager, operation, amount_minor, currency, approved_at, expires_at, used_at,"
                    " used_by, used_for FROM approvals WHERE id = ?",
                    (approval_id,),
                )
                .fetchone()
            )
        if row is None:
            return None
        amount = None if row[3] is None else Money(row[3], row[4])
        return Approval(
            id=row[0],
            manager=row[1],
            operation=row[2],
            amount=amount,
            approved_at=_parse(row[5]),
            expires_at=_parse(row[6]),
            used_at=None if row[7] is None else _parse(row[7]),
            used_by=row[8],
            used_for=row[9],
        )

    def consume_approval(
        self,
        approval_id: int,
        *,
        operation: str,
        amount: Money | None,
        used_by: str,
        used_for: str | None = None,
    ) -> Approval:
        """Use up an approval for ``operation`` of ``amount``; a second use raises ``ApprovalError``."""
        with self._lock:
            with self._write() as conn:
                self._consume(conn, approval_id, operation, amount, used_by, used_for)
            return self.approval(approval_id)  # type: ignore[return-value]

    def _consume(
        self,
        conn: sqlite3.Connection,
        approval_id: int,
        operation: str,
        amount: Money | None,
        used_by: str,
        used_for: str | None,
    ) -> None:
        row = conn.execute(
            "SELECT operation, amount_minor, currency, expires_at, used_at FROM approvals WHERE id = ?",
            (approval_id,),
        ).fetchone()
        if row is None:
            raise ApprovalError(f"no approval {approval_id}")
        approved_operation, minor, currency, expires_at, used_at = row
        if used_at is not None:
            raise ApprovalError(f"approval {approval_id} was already used")
        if approved_operation != operation:
            raise ApprovalError(f"approval {approval_id} is for {approved_operation}, not {operation}")
        if minor is not None and (amount is None or (amount.minor, amount.currency) != (minor, currency)):
            raise ApprovalError(f"approval {approval_id} is for {Money(minor, currency)}, not {amount}")
        now = _stamp(self._clock())
        if now >= expires_at:
            raise ApprovalError(f"approval {approval_id} has expired")
        conn.execute(
            "UPDATE approvals SET used_at = ?, used_by = ?, used_for = ? WHERE id = ?",
            (now, used_by, used_for, approval_id),
        )

    # ------------------------------------------------------------ reads

    def get(self, app_ref: str) -> Transaction | None:
        with self._lock:
            row = (
                self._live().execute(f"SELECT {_TX_COLUMNS} FROM transactions WHERE app_ref = ?", (app_ref,)).fetchone()
            )
        return None if row is None else _to_transaction(row)

    def timeline(self, app_ref: str) -> list[Event]:
        """The transaction's events, oldest first (empty when there is no such transaction)."""
        with self._lock:
            rows = (
                self._live()
                .execute(
                    "SELECT e.id, e.at, e.actor, e.type, e.status, e.provider_ref, e.operator, e.fees_minor,"
                    " e.message, e.raw, t.currency FROM transactions t JOIN events e ON e.transaction_id = t.id"
                    " WHERE t.app_ref = ? ORDER BY e.id",
                    (app_ref,),
                )
                .fetchall()
            )
        return [
            Event(
                id=r[0],
                app_ref=app_ref,
                at=_parse(r[1]),
                actor=r[2],
                type=r[3],
                status=Status(r[4]),
                provider_ref=r[5],
                operator=r[6],
                fees=None if r[7] is None else Money(r[7], r[10]),
                message=r[8],
                raw=None if r[9] is None else json.loads(r[9]),
            )
            for r in rows
        ]

    def unfinished(self) -> list[Transaction]:
        """Transactions to resume at start-up, oldest first: CREATED and every status the tracker follows."""
        statuses = ",".join(f"'{s.value}'" for s in sorted(UNFINISHED_STATUSES))
        with self._lock:
            rows = (
                self._live()
                .execute(f"SELECT {_TX_COLUMNS} FROM transactions WHERE status IN ({statuses}) ORDER BY created_at, id")
                .fetchall()
            )
        return [_to_transaction(r) for r in rows]

    def refundable_amount(self, app_ref: str) -> Money:
        """What may still be refunded on a payment: paid amount minus every refund not failed/canceled."""
        with self._lock:
            conn = self._live()
            row = conn.execute(
                "SELECT kind, status, amount_minor, currency FROM transactions WHERE app_ref = ?", (app_ref,)
            ).fetchone()
            if row is None:
                raise UnknownTransaction(f"no transaction {app_ref!r} in the journal")
            kind, status, amount, currency = row
            if not Kind(kind).is_payment or Status(status) not in _REFUNDABLE_PAYMENT:
                return Money.zero(currency)
            return Money(max(amount - self._reserved_by_refunds(conn, app_ref), 0), currency)

    def _where(self, filters: HistoryFilter) -> tuple[list[str], list[Any], bool]:
        """Conditions on ``t`` for every filter but the statuses; True when a text search narrowed the ids."""
        clauses: list[str] = []
        params: list[Any] = []
        if filters.since is not None:
            clauses.append("t.created_at >= ?")
            params.append(_stamp(filters.since))
        if filters.until is not None:
            clauses.append("t.created_at < ?")
            params.append(_stamp(filters.until))
        for column, values in (
            ("kind", sorted(Kind(k).value for k in filters.kinds)),
            ("provider", sorted(filters.providers)),
        ):
            if values:
                clauses.append(f"t.{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        if filters.cashier is not None:
            clauses.append("t.cashier = ?")
            params.append(filters.cashier)
        term = _search_term(filters.text)
        if not term:
            return clauses, params, False
        if not _searchable(term):
            clauses.append("0")
            return clauses, params, True
        candidates = self._search_candidates(term) if len(term) >= 3 else None
        if candidates is not None:
            # ints read from the database, so safe to inline; a literal list lets SQLite see how few
            clauses.append(f"t.id IN ({','.join(map(str, candidates))})")
        # The trigram index gives candidates; LIKE keeps those holding the term in one field. Without
        # candidates (term too short, or so common that matches are dense) it scans newest first.
        clauses.append("(" + " OR ".join(f"t.{c} LIKE ? ESCAPE '\\'" for c in _SEARCHED) + ")")
        params.extend([_like_pattern(term)] * len(_SEARCHED))
        return clauses, params, candidates is not None

    def _search_candidates(self, term: str) -> list[int] | None:
        """Ids of the transactions that may hold ``term``, or None when there are too many to sort.

        First up to three non-overlapping trigrams from the end of the term, ANDed: refs and phones
        share their beginnings (``MCP``, ``POS-0``, ``+2376``) and differ at the end, and intersecting
        three lists without positions is much cheaper than the whole phrase (15 digit trigrams with
        positions took 40 ms at a million rows). When that leaves too many, the exact phrase decides
        between "few matches" and "dense matches". Candidates are then checked with LIKE.
        """
        conn = self._live()
        sql = "SELECT rowid FROM transactions_search WHERE transactions_search MATCH ? LIMIT ?"
        tail = [term[max(end - 3, 0) : end] for end in range(len(term), 2, -3)][:3]
        for query in (
            " AND ".join(_fts_string(t) for t in tail),
            _fts_string(term),
        ):
            rows = conn.execute(sql, (query, SEARCH_SORT_LIMIT + 1)).fetchall()
            if len(rows) <= SEARCH_SORT_LIMIT:
                return [r[0] for r in rows]
        return None

    def _history_sql(
        self, filters: HistoryFilter, after: PageCursor | None, limit: int | None
    ) -> tuple[str, list[Any]]:
        clauses, params, narrowed = self._where(filters)
        if after is not None:
            clauses.append("(t.created_at, t.id) < (?, ?)")
            params.extend([after.created_at, after.id])
        statuses = sorted(Status(s).value for s in filters.statuses)
        columns = ", ".join(f"t.{c}" for c in _TX_COLUMNS.split(", "))
        order = " ORDER BY t.created_at DESC, t.id DESC" if limit is not None else ""
        tail = " LIMIT ?" if limit is not None else ""
        tail_params = [limit] if limit is not None else []
        if narrowed or len(statuses) <= 1:
            if statuses:
                clauses.append(f"t.status IN ({','.join('?' * len(statuses))})")
                params.extend(statuses)
            where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
            return f"SELECT {columns} FROM transactions t{where}{order}{tail}", [*params, *tail_params]
        # Several statuses: SQLite cannot merge the (status, created_at) ranges in order, so each status
        # gets its own ordered, limited branch and only their union is sorted.
        branches = []
        branch_params: list[Any] = []
        for status in statuses:
            where = " AND ".join(["t.status = ?", *clauses])
            branches.append(f"SELECT * FROM (SELECT {columns} FROM transactions t WHERE {where}{order}{tail})")
            branch_params.extend([status, *params, *tail_params])
        outer_order = " ORDER BY created_at DESC, id DESC" if limit is not None else ""
        return " UNION ALL ".join(branches) + outer_order + tail, [*branch_params, *tail_params]

    def history_page(
        self, filters: HistoryFilter | None = None, *, after: PageCursor | None = None, limit: int = 50
    ) -> Page:
        """One page of history, newest first; pass ``page.next`` as ``after`` for the following one."""
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be within 1..{MAX_PAGE}")
        with self._lock:
            sql, params = self._history_sql(filters or HistoryFilter(), after, limit + 1)
            rows = self._live().execute(sql, params).fetchall()
        items = [_to_transaction(r) for r in rows[:limit]]
        last = rows[limit - 1] if len(rows) > limit else None
        return Page(items, None if last is None else PageCursor(last[14], last[0]))

    def count(self, filters: HistoryFilter | None = None) -> int:
        """How many transactions match (for "1–50 of 1 234"); a broad text search counts by scanning."""
        with self._lock:
            sql, params = self._history_sql(filters or HistoryFilter(), None, None)
            return int(self._live().execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])

    def transactions_between(self, since: datetime, until: datetime, *, chunk: int = 1000) -> Iterator[Transaction]:
        """Every transaction created in ``[since, until)``, oldest first, read in chunks (export, totals)."""
        high = _stamp(until)
        cursor: tuple[str, int] = (_stamp(since), 0)
        while True:
            with self._lock:
                rows = (
                    self._live()
                    .execute(
                        f"SELECT {_TX_COLUMNS} FROM transactions WHERE (created_at, id) > (?, ?) AND created_at < ?"
                        " ORDER BY created_at, id LIMIT ?",
                        (*cursor, high, chunk),
                    )
                    .fetchall()
                )
            for row in rows:
                yield _to_transaction(row)
            if len(rows) < chunk:
                return
            cursor = (rows[-1][14], rows[-1][0])

    # ------------------------------------------------------------ projection

    def rebuild_projection(self, *, dry_run: bool = False) -> list[str]:
        """Recompute every transaction's state from its events; returns the app_refs that differed.

        With ``dry_run`` nothing is written: a non-empty answer means the projection drifted (a bug).
        """
        drifted: list[str] = []
        with self._lock, self._write() as conn:
            current = conn.execute(
                "SELECT id, app_ref, status, provider_ref, operator, fees_minor, updated_at FROM transactions"
                " ORDER BY id"
            )
            events = conn.execute(f"SELECT transaction_id, {_EVENT_COLUMNS} FROM events ORDER BY transaction_id, id")
            pending = next(events, None)
            fixes: list[tuple[Any, ...]] = []
            for tx_id, app_ref, *stored in current:
                state: list[Any] = [None, None, None, None, None]
                while pending is not None and pending[0] < tx_id:
                    pending = next(events, None)  # events of no transaction cannot exist (foreign key)
                while pending is not None and pending[0] == tx_id:
                    _, _, status, provider_ref, operator, fees_minor, at = pending
                    state[0] = status
                    state[1] = provider_ref if provider_ref is not None else state[1]
                    state[2] = operator if operator is not None else state[2]
                    state[3] = fees_minor if fees_minor is not None else state[3]
                    state[4] = at
                    pending = next(events, None)
                if state[0] is None:
                    raise JournalError(f"{app_ref} has no events; the journal is damaged")
                if state != stored:
                    drifted.append(app_ref)
                    fixes.append((*state, tx_id))
            if not dry_run and fixes:
                conn.executemany(
                    "UPDATE transactions SET status = ?, provider_ref = ?, operator = ?, fees_minor = ?,"
                    " updated_at = ? WHERE id = ?",
                    fixes,
                )
        if drifted:
            log.warning("projection drifted for %d transaction(s): %s", len(drifted), ", ".join(drifted[:20]))
        return drifted

    def projection_snapshot(self) -> list[tuple[Any, ...]]:
        """Every transaction row as stored (tests compare it before and after a rebuild)."""
        with self._lock:
            return self._live().execute(f"SELECT {_TX_COLUMNS} FROM transactions ORDER BY id").fetchall()

    # ------------------------------------------------------------ maintenance

    def backup(self, path: str | os.PathLike[str]) -> Path:
        """Copy the live journal to ``path`` with SQLite's online backup API; returns ``path``.

        Written to ``path.partial`` first and renamed, so ``path`` is always a whole, consistent journal.
        """
        target = Path(path)
        if target.resolve() == self.path.resolve():
            raise JournalError("a backup cannot overwrite the journal itself")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        dest = connect(partial)
        try:
            with self._lock:
                self._live().backup(dest)
            problems = [r[0] for r in dest.execute("PRAGMA quick_check").fetchall()]
            if problems != ["ok"]:
                raise JournalError(f"the backup failed its check: {'; '.join(problems[:5])}")
        finally:
            dest.close()
        os.replace(partial, target)
        return target

    def check(self) -> list[str]:
        """SQLite's integrity and foreign-key checks; an empty list means the file is healthy."""
        with self._lock:
            conn = self._live()
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
            problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
        return problems

    def pragmas(self) -> Mapping[str, Any]:
        """The safety settings of this connection, as SQLite reports them."""
        with self._lock:
            conn = self._live()
            return {
                name: conn.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "foreign_keys")
            }


__all__ = [
    "Approval",
    "ApprovalError",
    "Event",
    "HistoryFilter",
    "IntentConflict",
    "Journal",
    "JournalError",
    "Page",
    "PageCursor",
    "RefundRefused",
    "SchemaTooNew",
    "UNFINISHED_STATUSES",
    "UnknownTransaction",
    "connect",
]
