"""The journal's schema, as sqlite-utils migrations applied in order on open.

Each migration runs in its own transaction together with its record in ``_sqlite_migrations``. A
migration is never edited once released: a change of schema is a new function appended here (its name
goes at the end of ``KNOWN``). ``PRAGMA user_version`` mirrors the number of applied migrations so that
an older posapp can see, before touching anything, that a newer one wrote the file.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlite_utils import Database, Migrations

from posapp.journal.schema import KNOWN, MIGRATION_SET, MIGRATIONS_TABLE, SCHEMA_VERSION

migrations = Migrations(MIGRATION_SET)
assert Migrations.migrations_table == MIGRATIONS_TABLE, "sqlite-utils moved its migrations table"

__all__ = ["KNOWN", "SCHEMA_VERSION", "migrations"]

_SEARCHED = ("app_ref", "provider_ref", "parent_ref", "customer", "reason")


@migrations()
def m001_initial(db: Database) -> None:
    """Transactions (write-once intent + projection), append-only events, text search, approvals."""
    searched = ", ".join(_SEARCHED)
    new_values = ", ".join(f"new.{c}" for c in _SEARCHED)
    old_values = ", ".join(f"old.{c}" for c in _SEARCHED)
    # sqlite-utils' executescript runs the statements inside the migration's transaction (the plain
    # sqlite3 one would commit first), so the schema and its record commit together or not at all.
    db.executescript(
        f"""
        CREATE TABLE transactions (
            id INTEGER PRIMARY KEY,
            app_ref TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            provider TEXT NOT NULL,
            amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
            currency TEXT NOT NULL,
            customer TEXT,
            reason TEXT NOT NULL DEFAULT '',
            parent_ref TEXT REFERENCES transactions(app_ref),
            cashier TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            -- the projection of the events: rebuild_projection() recomputes these
            status TEXT NOT NULL,
            provider_ref TEXT,
            operator TEXT,
            fees_minor INTEGER,
            updated_at TEXT NOT NULL
        );
        -- history pages are newest first on (created_at, id); the rowid rides at the end of each index
        CREATE INDEX transactions_created ON transactions(created_at);
        CREATE INDEX transactions_status ON transactions(status, created_at);
        CREATE INDEX transactions_parent ON transactions(parent_ref) WHERE parent_ref IS NOT NULL;

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            transaction_id INTEGER NOT NULL REFERENCES transactions(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL,
            status TEXT NOT NULL,
            provider_ref TEXT,
            operator TEXT,
            fees_minor INTEGER,
            message TEXT,
            raw TEXT
        );
        CREATE INDEX events_transaction ON events(transaction_id);

        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'journal events are append-only: UPDATE refused'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'journal events are append-only: DELETE refused'); END;
        CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions
        BEGIN SELECT RAISE(ABORT, 'journal transactions are never deleted'); END;
        CREATE TRIGGER transactions_intent_frozen
        BEFORE UPDATE OF id, app_ref, kind, provider, amount_minor, currency, customer, reason, parent_ref,
                         cashier, created_at ON transactions
        BEGIN SELECT RAISE(ABORT, 'a recorded intent cannot change'); END;

        -- trigram index: substring search over refs, phone and reason without scanning the table
        CREATE VIRTUAL TABLE transactions_search USING fts5(
            {searched}, content='transactions', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER transactions_search_insert AFTER INSERT ON transactions BEGIN
            INSERT INTO transactions_search(rowid, {searched}) VALUES (new.id, {new_values});
        END;
        CREATE TRIGGER transactions_search_update AFTER UPDATE OF provider_ref ON transactions
        WHEN old.provider_ref IS NOT new.provider_ref BEGIN
            INSERT INTO transactions_search(transactions_search, rowid, {searched})
                VALUES ('delete', old.id, {old_values});
            INSERT INTO transactions_search(rowid, {searched}) VALUES (new.id, {new_values});
        END;

        CREATE TABLE approvals (
            id INTEGER PRIMARY KEY,
            manager TEXT NOT NULL,
            operation TEXT NOT NULL,
            amount_minor INTEGER,
            currency TEXT,
            approved_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by TEXT,
            used_for TEXT
        );
        CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
        BEGIN SELECT RAISE(ABORT, 'approvals are never deleted'); END;
        CREATE TRIGGER approvals_single_use BEFORE UPDATE ON approvals
        WHEN old.used_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'approval already used'); END;
        CREATE TRIGGER approvals_frozen
        BEFORE UPDATE OF id, manager, operation, amount_minor, currency, approved_at, expires_at ON approvals
        BEGIN SELECT RAISE(ABORT, 'a recorded approval cannot change'); END;
        """
    )


@migrations()
def m002_users(db: Database) -> None:
    """Users with their role, PIN hash and lockout state; an append-only audit of what happened to them."""
    db.executescript(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,  -- the name casefolded: "Ama" and "ama" are one user
            role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
            -- hashlib.scrypt of the PIN: scheme, parameters ("n=16384,r=8,p=1,dklen=32"), salt, key
            pin_scheme TEXT NOT NULL,
            pin_params TEXT NOT NULL,
            pin_salt BLOB NOT NULL,
            pin_hash BLOB NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TRIGGER users_no_delete BEFORE DELETE ON users
        BEGIN SELECT RAISE(ABORT, 'users are disabled, never deleted'); END;
        CREATE TRIGGER users_frozen BEFORE UPDATE OF id, name, name_key, created_at ON users
        BEGIN SELECT RAISE(ABORT, 'a user keeps their name'); END;

        CREATE TABLE user_events (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL,
            detail TEXT
        );
        CREATE INDEX user_events_user ON user_events(user_id);
        CREATE TRIGGER user_events_no_update BEFORE UPDATE ON user_events
        BEGIN SELECT RAISE(ABORT, 'user events are append-only: UPDATE refused'); END;
        CREATE TRIGGER user_events_no_delete BEFORE DELETE ON user_events
        BEGIN SELECT RAISE(ABORT, 'user events are append-only: DELETE refused'); END;
        """
    )


@migrations()
def m003_terminal(db: Database) -> None:
    """This journal's terminal: a stable random id, born with the journal, and a name given on first run.

    The journal is the terminal's source of truth, so its identity lives in it (a backup restored on a new
    PC is the same terminal; a copied settings file is not). The shop store keys every shipped event by
    ``(terminal_id, events.id)``: ids are never reused (events are never deleted), so ``events.id`` is the
    terminal's sequence and no second counter can drift from it.
    """
    db.executescript(
        """
        CREATE TABLE terminal (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            terminal_id TEXT NOT NULL,
            name TEXT,  -- NULL until named on first run
            created_at TEXT NOT NULL
        );
        CREATE TRIGGER terminal_id_frozen BEFORE UPDATE OF id, terminal_id, created_at ON terminal
        BEGIN SELECT RAISE(ABORT, 'a terminal keeps its id'); END;
        CREATE TRIGGER terminal_no_delete BEFORE DELETE ON terminal
        BEGIN SELECT RAISE(ABORT, 'a terminal keeps its id'); END;
        """
    )
    created = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
    db.execute("INSERT INTO terminal (id, terminal_id, created_at) VALUES (1, ?, ?)", [str(uuid.uuid4()), created])


@migrations()
def m004_till(db: Database) -> None:
    """The till: sales paid by several tenders, and the cash drawer's float, counts and manual openings.

    A sale is one record (what is due) with tenders: each tender is an ordinary transaction (a cash
    payment, a QR or push payment) linked to it once, so its status is the projection of its own events
    and the sale's state (paid, unpaid part, parts in flight) is computed from its tenders, never stored.
    All four tables are append-only: a voided sale is a ``sale_events`` row, a recount a new count.
    """
    db.executescript(
        """
        CREATE TABLE sales (
            id INTEGER PRIMARY KEY,
            sale_ref TEXT NOT NULL UNIQUE,
            amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
            currency TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            cashier TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX sales_created ON sales(created_at);
        CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales
        BEGIN SELECT RAISE(ABORT, 'a recorded sale cannot change'); END;
        CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
        BEGIN SELECT RAISE(ABORT, 'sales are never deleted'); END;

        CREATE TABLE sale_tenders (
            id INTEGER PRIMARY KEY,
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            transaction_id INTEGER NOT NULL UNIQUE REFERENCES transactions(id),
            -- cash: what the customer handed over (the change is given_minor - the tender's amount)
            given_minor INTEGER CHECK (given_minor IS NULL OR given_minor > 0),
            at TEXT NOT NULL
        );
        CREATE INDEX sale_tenders_sale ON sale_tenders(sale_id);
        CREATE TRIGGER sale_tenders_no_update BEFORE UPDATE ON sale_tenders
        BEGIN SELECT RAISE(ABORT, 'a recorded tender cannot change'); END;
        CREATE TRIGGER sale_tenders_no_delete BEFORE DELETE ON sale_tenders
        BEGIN SELECT RAISE(ABORT, 'tenders are never deleted'); END;

        CREATE TABLE sale_events (
            id INTEGER PRIMARY KEY,
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('voided')),
            message TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX sale_events_sale ON sale_events(sale_id);
        CREATE TRIGGER sale_events_no_update BEFORE UPDATE ON sale_events
        BEGIN SELECT RAISE(ABORT, 'sale events are append-only: UPDATE refused'); END;
        CREATE TRIGGER sale_events_no_delete BEFORE DELETE ON sale_events
        BEGIN SELECT RAISE(ABORT, 'sale events are append-only: DELETE refused'); END;

        CREATE TABLE drawer_events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            cashier TEXT NOT NULL,  -- whose drawer: the shift the float, count or opening belongs to
            type TEXT NOT NULL CHECK (type IN ('float', 'count', 'open')),
            amount_minor INTEGER CHECK (amount_minor IS NULL OR amount_minor >= 0),
            currency TEXT,
            pieces TEXT,  -- a count by note and coin, as JSON {"10000": 2, "500": 3}; NULL for a total
            reason TEXT NOT NULL DEFAULT '',
            CHECK ((type = 'open') = (amount_minor IS NULL)),
            CHECK ((amount_minor IS NULL) = (currency IS NULL))
        );
        CREATE INDEX drawer_events_at ON drawer_events(at);
        CREATE TRIGGER drawer_events_no_update BEFORE UPDATE ON drawer_events
        BEGIN SELECT RAISE(ABORT, 'drawer events are append-only: UPDATE refused'); END;
        CREATE TRIGGER drawer_events_no_delete BEFORE DELETE ON drawer_events
        BEGIN SELECT RAISE(ABORT, 'drawer events are append-only: DELETE refused'); END;
        """
    )


@migrations()
def m005_recovery_codes(db: Database) -> None:
    """Managers' recovery codes: each hashed like a PIN (scrypt with its own salt), good once.

    A code is never deleted: using it, or making new codes (which ends the unused ones), stamps
    ``ended_at`` and ``ended`` once; a trigger refuses to bring an ended code back or to change its hash.
    """
    db.executescript(
        """
        CREATE TABLE recovery_codes (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            code_scheme TEXT NOT NULL,
            code_params TEXT NOT NULL,
            code_salt BLOB NOT NULL,
            code_hash BLOB NOT NULL,
            created_at TEXT NOT NULL,
            ended_at TEXT,  -- NULL while the code may still be used
            ended TEXT CHECK (ended IN ('used', 'replaced')),
            CHECK ((ended_at IS NULL) = (ended IS NULL))
        );
        CREATE INDEX recovery_codes_unused ON recovery_codes(user_id) WHERE ended_at IS NULL;
        CREATE TRIGGER recovery_codes_no_delete BEFORE DELETE ON recovery_codes
        BEGIN SELECT RAISE(ABORT, 'recovery codes are ended, never deleted'); END;
        CREATE TRIGGER recovery_codes_once BEFORE UPDATE ON recovery_codes
        WHEN old.ended_at IS NOT NULL OR new.code_hash IS NOT old.code_hash OR new.code_salt IS NOT old.code_salt
            OR new.user_id IS NOT old.user_id
        BEGIN SELECT RAISE(ABORT, 'a recovery code is used or replaced once, and keeps its hash'); END;
        """
    )


@migrations()
def m006_print_queue(db: Database) -> None:
    """The receipt printer's queue: each receipt asked for, and what became of it.

    A queued receipt is a ``print_jobs`` row (which transaction and sale, receipt, duplicate or test,
    who, when); never its bytes: it is made again from the journal when it prints after a restart. Its
    fate is a list of ``print_events`` (sending, printed, failed with why, retried, canceled). Both are
    append-only, and a trigger refuses anything after ``printed`` or ``canceled``: a receipt is printed
    or given up once. A job whose last event is ``sending`` may have printed when the console stopped.
    """
    db.executescript(
        """
        CREATE TABLE print_jobs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('receipt', 'duplicate', 'test')),
            app_ref TEXT NOT NULL DEFAULT '',  -- the transaction the receipt is of ('' for a test page)
            sale_ref TEXT,
            actor TEXT NOT NULL,
            queued_at TEXT NOT NULL
        );
        CREATE TRIGGER print_jobs_no_update BEFORE UPDATE ON print_jobs
        BEGIN SELECT RAISE(ABORT, 'a queued receipt cannot change'); END;
        CREATE TRIGGER print_jobs_no_delete BEFORE DELETE ON print_jobs
        BEGIN SELECT RAISE(ABORT, 'queued receipts are never deleted'); END;

        CREATE TABLE print_events (
            id INTEGER PRIMARY KEY,
            print_id INTEGER NOT NULL REFERENCES print_jobs(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('sending', 'printed', 'failed', 'retried', 'canceled')),
            problem TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX print_events_job ON print_events(print_id);
        CREATE TRIGGER print_events_no_update BEFORE UPDATE ON print_events
        BEGIN SELECT RAISE(ABORT, 'print events are append-only: UPDATE refused'); END;
        CREATE TRIGGER print_events_no_delete BEFORE DELETE ON print_events
        BEGIN SELECT RAISE(ABORT, 'print events are append-only: DELETE refused'); END;
        CREATE TRIGGER print_events_once BEFORE INSERT ON print_events
        WHEN EXISTS (SELECT 1 FROM print_events WHERE print_id = new.print_id AND type IN ('printed', 'canceled'))
        BEGIN SELECT RAISE(ABORT, 'this receipt was already printed or given up'); END;
        """
    )
