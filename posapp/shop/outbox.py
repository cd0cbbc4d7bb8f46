"""The terminal's outbox: its journal's events and users' changes after a given seq, as the store takes them.

Nothing is copied into a second table: the journal's ``events`` (append-only, ids never reused) are the
outbox, and the store's highest ``seq`` says where shipping resumes. Text is made acceptable to
PostgreSQL on the way (it refuses NUL characters, which SQLite and JSON allow): a provider's odd answer
must not block a terminal's replication for ever.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from posapp.journal.store import Journal

_EVENTS_SQL = (
    "SELECT e.id, t.app_ref, e.at, e.actor, e.type, e.status, e.provider_ref, e.operator, e.fees_minor, e.message,"
    " e.raw, i.kind, i.provider, i.amount_minor, i.currency, i.customer, i.reason, i.parent_ref, i.cashier"
    " FROM events e JOIN transactions t ON t.id = e.transaction_id"
    " LEFT JOIN transactions i ON i.id = e.transaction_id AND e.type = 'intent'"
    " WHERE e.id > ? ORDER BY e.id LIMIT ?"
)
_USER_CHANGES_SQL = (
    "SELECT ue.id, ue.at, ue.actor, ue.type, u.name, u.name_key, u.role, u.disabled, u.pin_scheme, u.pin_params,"
    " u.pin_salt, u.pin_hash FROM user_events ue JOIN users u ON u.id = ue.user_id"
    " WHERE ue.id > ? ORDER BY ue.id LIMIT ?"
)


def _clean(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def _clean_raw(raw: str | None) -> str | None:
    # JSON's \u0000 is valid JSON but PostgreSQL's jsonb refuses it.
    if raw is None or "\\u0000" not in raw:
        return _clean(raw)
    return raw.replace("\\u0000", "\\ufffd")


def _conn(journal: Journal) -> sqlite3.Connection:
    return journal._live()


def last_event_seq(journal: Journal) -> int:
    with journal._lock:
        return int(_conn(journal).execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0])


def last_user_seq(journal: Journal) -> int:
    with journal._lock:
        return int(_conn(journal).execute("SELECT coalesce(max(id), 0) FROM user_events").fetchone()[0])


def events_after(journal: Journal, seq: int, limit: int) -> list[Sequence[Any]]:
    """Up to ``limit`` events after ``seq``, oldest first, in ``store.EVENT_COLUMNS`` order."""
    with journal._lock:
        rows = _conn(journal).execute(_EVENTS_SQL, (seq, limit)).fetchall()
    return [(*(_clean(v) for v in row[:10]), _clean_raw(row[10]), *(_clean(v) for v in row[11:])) for row in rows]


def user_changes_after(journal: Journal, seq: int, limit: int) -> list[Sequence[Any]]:
    """Users' changes after ``seq`` with the user's state now (``store.USER_CHANGE_COLUMNS`` order)."""
    with journal._lock:
        rows = _conn(journal).execute(_USER_CHANGES_SQL, (seq, limit)).fetchall()
    return [(*row[:7], bool(row[7]), row[8], row[9], bytes(row[10]), bytes(row[11])) for row in rows]


__all__ = ["events_after", "last_event_seq", "last_user_seq", "user_changes_after"]
