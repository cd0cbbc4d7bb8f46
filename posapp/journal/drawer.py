"""The cash drawer in the journal: each shift's opening float, the counts at its end, and manual openings.

``drawer_events`` is append-only. A count is a total or a count by note and coin (its pieces are kept
beside the total they make); a recount is a new count, and the last one of a cashier's day is the one the
end-of-day report compares with the cash expected (``reports.drawer_counts``). Opening the drawer without
a sale ("Open drawer") is recorded with who asked and why.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from posapp.core.cash import count_total
from posapp.core.money import Money
from posapp.journal.store import Journal, JournalError, _check_actor, _parse, _stamp

MAX_REASON = 200


class DrawerEventType(StrEnum):
    FLOAT = "float"  # the cash put in the drawer at the start of a shift
    COUNT = "count"  # what was counted in it at the end
    OPEN = "open"  # opened without a sale


@dataclass(frozen=True, slots=True)
class DrawerEvent:
    id: int
    at: datetime
    actor: str
    cashier: str
    type: DrawerEventType
    amount: Money | None = None
    pieces: dict[int, int] | None = None
    reason: str = ""


def _clean_reason(reason: str) -> str:
    text = " ".join(reason.split())
    if len(text) > MAX_REASON:
        raise JournalError(f"a drawer note is at most {MAX_REASON} characters")
    return text


def _append(
    journal: Journal,
    *,
    type: DrawerEventType,
    actor: str,
    cashier: str,
    amount: Money | None,
    pieces: Mapping[int, int] | None,
    reason: str,
) -> DrawerEvent:
    _check_actor(actor)
    cashier = " ".join(cashier.split())
    if not cashier:
        raise JournalError("a drawer event names the cashier whose drawer it is")
    if amount is not None and amount.minor < 0:
        raise JournalError("a drawer holds zero or more")
    reason = _clean_reason(reason)
    stored_pieces = None if pieces is None else {int(k): int(v) for k, v in sorted(pieces.items(), reverse=True)}
    pieces_json = None if stored_pieces is None else json.dumps({str(k): v for k, v in stored_pieces.items()})
    with journal._lock, journal._write() as conn:
        now = _stamp(journal._clock())
        cur = conn.execute(
            "INSERT INTO drawer_events (at, actor, cashier, type, amount_minor, currency, pieces, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now,
                actor,
                cashier,
                type.value,
                None if amount is None else amount.minor,
                None if amount is None else amount.currency,
                pieces_json,
                reason,
            ),
        )
        return DrawerEvent(int(cur.lastrowid or 0), _parse(now), actor, cashier, type, amount, stored_pieces, reason)


def record_float(journal: Journal, cashier: str, amount: Money, actor: str, reason: str = "") -> DrawerEvent:
    """The opening float of ``cashier``'s drawer (zero is a float too: an empty drawer)."""
    return _append(
        journal, type=DrawerEventType.FLOAT, actor=actor, cashier=cashier, amount=amount, pieces=None, reason=reason
    )


def record_count(
    journal: Journal,
    cashier: str,
    actor: str,
    *,
    total: Money | None = None,
    pieces: Mapping[int, int] | None = None,
    currency: str | None = None,
    reason: str = "",
) -> DrawerEvent:
    """A count of ``cashier``'s drawer: a ``total``, or ``pieces`` by note and coin of ``currency``.

    When both are given they must agree (``CashError`` from ``core.cash`` for a bad count).
    """
    if pieces is not None:
        if currency is None:
            currency = total.currency if total is not None else None
        if currency is None:
            raise JournalError("a count by note and coin names its currency")
        counted = count_total(pieces, currency)
        if total is not None and total != counted:
            raise JournalError(f"the pieces make {counted}, not {total}")
        total = counted
        pieces = {value: number for value, number in pieces.items() if number}
    if total is None:
        raise JournalError("a count is a total or a count by note and coin")
    return _append(
        journal, type=DrawerEventType.COUNT, actor=actor, cashier=cashier, amount=total, pieces=pieces, reason=reason
    )


def record_opening(journal: Journal, cashier: str, actor: str, reason: str) -> DrawerEvent:
    """The drawer opened without a sale: who (``actor``), on whose shift, and why."""
    if not " ".join(reason.split()):
        raise JournalError("opening the drawer without a sale needs a reason")
    return _append(
        journal, type=DrawerEventType.OPEN, actor=actor, cashier=cashier, amount=None, pieces=None, reason=reason
    )


def drawer_events_between(journal: Journal, since: datetime, until: datetime) -> Iterator[DrawerEvent]:
    """Every drawer event in ``[since, until)``, oldest first."""
    with journal._lock:
        rows = (
            journal._live()
            .execute(
                "SELECT id, at, actor, cashier, type, amount_minor, currency, pieces, reason FROM drawer_events"
                " WHERE at >= ? AND at < ? ORDER BY at, id",
                (_stamp(since), _stamp(until)),
            )
            .fetchall()
        )
    for id_, at, actor, cashier, type_, amount, currency, pieces, reason in rows:
        yield DrawerEvent(
            id=id_,
            at=_parse(at),
            actor=actor,
            cashier=cashier,
            type=DrawerEventType(type_),
            amount=None if amount is None else Money(amount, currency),
            pieces=None if pieces is None else {int(k): int(v) for k, v in json.loads(pieces).items()},
            reason=reason,
        )


__all__ = [
    "DrawerEvent",
    "DrawerEventType",
    "drawer_events_between",
    "record_count",
    "record_float",
    "record_opening",
]
