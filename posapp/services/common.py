"""What the services share: the error a refused action raises, references, actors, the double-click guard."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from posapp.core.transactions import Transaction
from posapp.gateways.base import GatewayError
from posapp.journal.faults import Fault, fault_of

T = TypeVar("T")


class ActionFailed(Exception):
    """A cashier's or manager's action did not happen (or ended at once in failure).

    ``transaction`` is the journal's record when one was written (usually FAILED), ``cause`` the
    gateway error behind it, ``provider_message`` the provider's own words to show (may be empty).
    """

    def __init__(self, message: str, *, transaction: Transaction | None = None, cause: Exception | None = None):
        super().__init__(message)
        self.message = message
        self.transaction = transaction
        self.cause = cause
        self.provider_message = cause.provider_message if isinstance(cause, GatewayError) else ""


class JournalWriteFailed(ActionFailed):
    """The journal could not be written before anything was sent, so nothing was: ``fault`` says why
    (``journal.faults.Fault``: the disk is full, a disk error, the file is busy or read-only)."""

    def __init__(self, fault: Fault, cause: BaseException) -> None:
        super().__init__(f"the journal cannot be written ({fault.value.replace('_', ' ')}): nothing was sent")
        self.fault = fault
        self.journal_cause = cause


async def before_sending(write: Awaitable[T]) -> T:
    """Await a journal write that must land before a request leaves; a disk fault is ``JournalWriteFailed``."""
    try:
        return await write
    except Exception as exc:
        fault = fault_of(exc)
        if fault is None:
            raise
        raise JournalWriteFailed(fault, exc) from exc


def new_app_ref(prefix: str, now: datetime) -> str:
    """A fresh, unique reference sent to the provider: ``PAY-20260302-9f3a1c7e2b``."""
    return f"{prefix}-{now:%Y%m%d}-{secrets.token_hex(5)}"


def actor(role: str, name: str) -> str:
    """The journal's actor text: ``cashier:ama``, or the bare role without a name."""
    name = " ".join(name.split())
    return f"{role}:{name}" if name else role


@dataclass(slots=True)
class _Entry:
    future: asyncio.Future[Any]
    started: float


class DoubleClickGuard(Generic[T]):
    """The same request started again within ``window_s`` (or while still running) shares the first result.

    A request that failed is forgotten at once, so trying again after a refusal starts anew.
    """

    def __init__(self, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._entries: dict[Hashable, _Entry] = {}

    async def run(self, key: Hashable, start: Callable[[], Awaitable[T]]) -> T:
        now = self._clock()
        for old_key, entry in list(self._entries.items()):
            if entry.future.done() and now - entry.started > self.window_s:
                del self._entries[old_key]
        running = self._entries.get(key)
        if running is not None:
            result: T = await asyncio.shield(running.future)
            return result
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._entries[key] = _Entry(future, now)
        try:
            result = await start()
        except BaseException as exc:
            self._entries.pop(key, None)
            if isinstance(exc, Exception):
                future.set_exception(exc)
                future.exception()  # retrieved: no "never retrieved" warning when nobody else waited
            else:
                future.cancel()
            raise
        future.set_result(result)
        return result
