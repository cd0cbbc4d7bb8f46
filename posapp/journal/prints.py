"""The receipt printer's queue in the journal (``m006_print_queue``): what was asked to print, and what became of it.

The print queue (``posapp.printing.queue``) lives in memory on its own thread; this is what survives it.
Each receipt queued is a ``print_jobs`` row (its transaction and sale, receipt / duplicate / test, who,
when), never the receipt's bytes: after a restart the receipt is made again from the journal. Its fate is
appended as ``print_events``: ``sending`` before the bytes leave, then ``printed``, or ``failed`` with the
problem; ``retried`` and ``canceled`` ("Do not print") with who asked. Nothing follows ``printed`` or
``canceled`` (a trigger refuses it), so a receipt is printed or given up at most once.

At start-up ``unfinished_prints`` lists the receipts still waiting from before: last event ``sending``
means the console stopped while the printer was being sent the receipt, so it may have printed (the
cashier checks the paper; nothing resends it by itself); anything else means it did not print.

``JournalPrintLog`` is what the print queue is given to record its jobs (``posapp.printing.queue.PrintLog``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from posapp.journal.store import Journal, JournalError, _check_actor, _parse, _stamp

MAX_DETAIL = 300  # a printer's or the OS's words about a failure: enough to read, never a receipt


class PrintKind(StrEnum):
    RECEIPT = "receipt"
    DUPLICATE = "duplicate"  # a reprint, marked as such on paper
    TEST = "test"  # the printer settings' test page


class PrintEventType(StrEnum):
    SENDING = "sending"
    PRINTED = "printed"
    FAILED = "failed"
    RETRIED = "retried"
    CANCELED = "canceled"


FINISHED = frozenset({PrintEventType.PRINTED, PrintEventType.CANCELED})


@dataclass(frozen=True, slots=True)
class PrintRecord:
    """A queued receipt as the journal holds it, with its last event (None: never tried)."""

    id: int
    kind: PrintKind
    app_ref: str
    sale_ref: str | None
    actor: str
    queued_at: datetime
    last: PrintEventType | None = None
    problem: str = ""  # the last failure's problem (``printing.devices.Problem`` value), if any
    detail: str = ""

    @property
    def may_have_printed(self) -> bool:
        """The console stopped while this receipt was being sent: only the paper says whether it printed."""
        return self.last is PrintEventType.SENDING


@dataclass(frozen=True, slots=True)
class PrintEvent:
    id: int
    print_id: int
    at: datetime
    actor: str
    type: PrintEventType
    problem: str = ""
    detail: str = ""


def _clean(text: str) -> str:
    return " ".join(text.split())[:MAX_DETAIL]


def record_print(
    journal: Journal, kind: PrintKind | str, app_ref: str, *, actor: str, sale_ref: str | None = None
) -> PrintRecord:
    """A receipt queued: recorded before any of it is sent."""
    kind = PrintKind(kind)
    _check_actor(actor)
    app_ref = app_ref.strip()
    if kind is not PrintKind.TEST and not app_ref:
        raise JournalError("a receipt names the transaction it is of")
    with journal._lock, journal._write() as conn:
        now = _stamp(journal._clock())
        cur = conn.execute(
            "INSERT INTO print_jobs (kind, app_ref, sale_ref, actor, queued_at) VALUES (?, ?, ?, ?, ?)",
            (kind.value, app_ref, sale_ref, actor, now),
        )
        return PrintRecord(int(cur.lastrowid or 0), kind, app_ref, sale_ref, actor, _parse(now))


def record_print_event(
    journal: Journal,
    print_id: int,
    type: PrintEventType | str,
    *,
    actor: str = "system",
    problem: str = "",
    detail: str = "",
) -> PrintEvent:
    """What happened to queued receipt ``print_id``; ``JournalError`` after it was printed or given up."""
    type = PrintEventType(type)
    _check_actor(actor)
    problem, detail = _clean(problem), _clean(detail)
    with journal._lock, journal._write() as conn:
        now = _stamp(journal._clock())
        try:
            cur = conn.execute(
                "INSERT INTO print_events (print_id, at, actor, type, problem, detail) VALUES (?, ?, ?, ?, ?, ?)",
                (print_id, now, actor, type.value, problem, detail),
            )
        except Exception as exc:  # sqlite3.IntegrityError from the triggers or the foreign key
            raise JournalError(f"print job {print_id}: {exc}") from exc
        return PrintEvent(int(cur.lastrowid or 0), print_id, _parse(now), actor, type, problem, detail)


def _last(column: str) -> str:
    return f"(SELECT e.{column} FROM print_events e WHERE e.print_id = j.id ORDER BY e.id DESC LIMIT 1)"


def _records(journal: Journal, where: str, params: list[object]) -> list[PrintRecord]:
    with journal._lock:
        rows = (
            journal._live()
            .execute(
                "SELECT j.id, j.kind, j.app_ref, j.sale_ref, j.actor, j.queued_at,"
                f" {_last('type')}, {_last('problem')}, {_last('detail')}"
                f" FROM print_jobs j WHERE {where} ORDER BY j.id",
                params,
            )
            .fetchall()
        )
    return [
        PrintRecord(
            id=id_,
            kind=PrintKind(kind),
            app_ref=app_ref,
            sale_ref=sale_ref,
            actor=actor,
            queued_at=_parse(queued_at),
            last=None if last is None else PrintEventType(last),
            problem=problem or "",
            detail=detail or "",
        )
        for id_, kind, app_ref, sale_ref, actor, queued_at, last, problem, detail in rows
    ]


def unfinished_prints(
    journal: Journal, *, kinds: tuple[PrintKind, ...] = (PrintKind.RECEIPT, PrintKind.DUPLICATE)
) -> list[PrintRecord]:
    """Receipts of ``kinds`` queued and neither printed nor given up, oldest first (a test page is not
    listed by default: it was of settings typed then, which a restart does not have)."""
    marks = ", ".join("?" for _ in kinds)
    return _records(
        journal,
        f"j.kind IN ({marks}) AND NOT EXISTS (SELECT 1 FROM print_events f"
        " WHERE f.print_id = j.id AND f.type IN ('printed', 'canceled'))",
        [k.value for k in kinds],
    )


def prints_of(journal: Journal, app_ref: str) -> list[PrintRecord]:
    """Every receipt queued for ``app_ref`` whatever became of it, oldest first."""
    return _records(journal, "j.app_ref = ?", [app_ref])


def print_events(journal: Journal, print_id: int) -> list[PrintEvent]:
    """Everything that happened to queued receipt ``print_id``, oldest first."""
    with journal._lock:
        rows = (
            journal._live()
            .execute(
                "SELECT id, print_id, at, actor, type, problem, detail FROM print_events WHERE print_id = ?"
                " ORDER BY id",
                (print_id,),
            )
            .fetchall()
        )
    return [
        PrintEvent(id_, job, _parse(at), actor, PrintEventType(type_), problem, detail)
        for id_, job, at, actor, type_, problem, detail in rows
    ]


class JournalPrintLog:
    """The print queue's record in the journal (``posapp.printing.queue.PrintLog``), called from the print thread."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def queued(self, kind: str, app_ref: str, sale_ref: str | None, actor: str) -> int:
        return record_print(self.journal, kind, app_ref, actor=actor, sale_ref=sale_ref).id

    def happened(
        self, record_id: int, what: str, *, actor: str = "system", problem: str = "", detail: str = ""
    ) -> None:
        record_print_event(self.journal, record_id, what, actor=actor, problem=problem, detail=detail)


__all__ = [
    "FINISHED",
    "JournalPrintLog",
    "PrintEvent",
    "PrintEventType",
    "PrintKind",
    "PrintRecord",
    "print_events",
    "prints_of",
    "record_print",
    "record_print_event",
    "unfinished_prints",
]
