"""A real journal file whose writes fail on demand, as a full disk, a failing disk or a held lock make them fail.

``FaultyJournal`` is the real ``Journal`` (same file, same SQL); while ``failing`` is set, every write
raises the ``sqlite3.OperationalError`` SQLite raises for that fault, before touching the file, and
reads go on (a full disk still reads). ``FaultAfterSend`` wraps a gateway and sets the fault the moment
a money-moving request has been answered (or has failed after it may have left), so the journal write
of the answer is the first to fail: the point between the provider's answer and the journal.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from posapp.journal.faults import Fault
from posapp.journal.store import Journal

SQLITE_ERRORS = {
    Fault.DISK_FULL: (13, "database or disk is full"),
    Fault.DISK_ERROR: (10, "disk I/O error"),
    Fault.BUSY: (5, "database is locked"),
    Fault.READ_ONLY: (8, "attempt to write a readonly database"),
}
MONEY_MOVING = ("create_payment_link", "push_payment", "submit_otp", "capture", "refund", "payout")


def sqlite_error(fault: Fault) -> sqlite3.OperationalError:
    """The error SQLite raises for ``fault``, with its result code as Python 3.11 sets it."""
    code, text = SQLITE_ERRORS[fault]
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


class FaultyJournal(Journal):
    """The journal, whose writes raise ``sqlite_error(failing)`` while ``failing`` is set."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.failing: Fault | None = None
        self.refused: Counter[Fault] = Counter()
        super().__init__(*args, **kwargs)

    def _refuse(self) -> None:
        if self.failing is not None:
            self.refused[self.failing] += 1
            raise sqlite_error(self.failing)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._refuse()
        with super()._write() as conn:
            yield conn

    @contextmanager
    def batch(self) -> Iterator[Journal]:
        self._refuse()
        with super().batch() as journal:
            yield journal


class FaultAfterSend:
    """The real gateway; after a money-moving call returns (or fails once sent), ``decide(name)`` may
    return a fault to set on ``journal``: the answer's journal write is then the first to fail."""

    def __init__(self, inner: Any, journal: Callable[[], FaultyJournal], decide: Callable[[str], Fault | None]):
        self._inner = inner
        self._journal = journal
        self._decide = decide
        self.injected: Counter[tuple[str, Fault]] = Counter()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._inner, name)
        if name not in MONEY_MOVING:
            return attribute

        async def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return await attribute(*args, **kwargs)
            finally:
                fault = self._decide(name)
                if fault is not None:
                    self.injected[(name, fault)] += 1
                    self._journal().failing = fault

        return call
