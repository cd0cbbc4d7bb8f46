"""A small typed event bus: the only way services tell the UI (or anything else) what changed.

Subscribers are plain callables registered for one event type (or for every event). ``publish`` calls
them in order of subscription; a subscriber that raises is logged and the others still run, so a broken
screen cannot stop the tracker from recording a payment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from posapp.core.money import Money
from posapp.core.transactions import Status, Transaction

log = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Event:
    """Base of every event; ``at`` is when it was published (UTC)."""

    at: datetime = field(default_factory=_now, kw_only=True)


@dataclass(frozen=True, slots=True)
class PaymentStarted(Event):
    """A payment, refund or payout was recorded and sent (or is about to be)."""

    transaction: Transaction


@dataclass(frozen=True, slots=True)
class StatusChanged(Event):
    """A transaction moved to a new status (``old`` is where it was)."""

    transaction: Transaction
    old: Status
    message: str = ""


@dataclass(frozen=True, slots=True)
class OtpRequired(Event):
    """The operator asks for the one-time code the customer received by SMS."""

    transaction: Transaction
    message: str
    tries_left: int


@dataclass(frozen=True, slots=True)
class OutcomeUnknown(Event):
    """A money-moving request got no readable answer: it will not be resent; a manager may need to act."""

    transaction: Transaction
    reason: str


@dataclass(frozen=True, slots=True)
class BalanceChanged(Event):
    """The provider balance was read."""

    balance: Money
    read_at: datetime


@dataclass(frozen=True, slots=True)
class ConnectionLost(Event):
    """The provider could not be reached; status reads go on with backoff."""

    reason: str


@dataclass(frozen=True, slots=True)
class ConnectionBack(Event):
    """The provider answers again after a ``ConnectionLost``."""


@dataclass(frozen=True, slots=True)
class JournalUnwritable(Event):
    """The journal refused a write after a request was sent (``fault``: ``disk_full``, ``disk_error``,
    ``busy``, ``read_only``...); the answer is kept and written again until it lands."""

    fault: str
    transaction: Transaction | None = None


@dataclass(frozen=True, slots=True)
class JournalWritable(Event):
    """Every answer kept after a ``JournalUnwritable`` is in the journal now."""


E = TypeVar("E", bound=Event)
Subscriber = Callable[[Any], None]


class EventBus:
    """Delivers published events to the callables subscribed to their type (or to every event)."""

    def __init__(self) -> None:
        self._subscribers: list[tuple[type[Event], Subscriber]] = []

    def subscribe(self, event_type: type[E], callback: Callable[[E], None]) -> Callable[[], None]:
        """Call ``callback`` with every published event of ``event_type`` (or a subclass).

        Returns a function that unsubscribes it.
        """
        entry: tuple[type[Event], Subscriber] = (event_type, callback)
        self._subscribers.append(entry)

        def unsubscribe() -> None:
            if entry in self._subscribers:
                self._subscribers.remove(entry)

        return unsubscribe

    def publish(self, event: Event) -> None:
        for event_type, callback in list(self._subscribers):
            if isinstance(event, event_type):
                try:
                    callback(event)
                except Exception:
                    log.exception("subscriber %r failed on %s", callback, type(event).__name__)

    def __len__(self) -> int:
        return len(self._subscribers)
