"""What the services share: the error a refused action raises, references, actors, the double-click guard."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from posapp.core.transactions import Transaction
from posapp.gateways.base import GatewayError
from posapp.journal.faults import Fault, fault_of
from posapp.journal.sales import TenderRefused
from posapp.journal.store import ApprovalError, IntentConflict, JournalError, RefundRefused
from posapp.shop.errors import Worded

T = TypeVar("T")


class ActionFailed(Exception):
    """A cashier's or manager's action did not happen (or ended at once in failure).

    ``template`` is the English sentence with ``{named}`` fields and ``params`` their values (Money,
    Status and plain text kept as they are, so a user interface translates the template and writes the
    amounts in the user's language: ``posapp.ui.service_messages``); ``detail`` is more English for the log
    only. ``message`` (and ``str()``) is the filled-in English, for the log. ``transaction`` is the journal's
    record when one was written (usually FAILED), ``cause`` the error behind it, ``provider_message`` the
    provider's own words to show (may be empty).

    A refusal whose words are its cause's (a gateway's or core's error, the shop store's) has no template
    of its own: ``failed_because`` builds it.
    """

    def __init__(
        self,
        template: str,
        /,
        *,
        transaction: Transaction | None = None,
        cause: Exception | None = None,
        detail: str = "",
        **params: object,
    ) -> None:
        sentence = template.format(**{name: _english(value) for name, value in params.items()}) if params else template
        detail = detail.strip()
        message = f"{sentence} ({detail})" if detail and sentence else sentence or detail
        super().__init__(message)
        self.template = template
        self.params = params
        self.detail = detail
        self.message = message
        self.transaction = transaction
        self.cause = cause
        self.provider_message = cause.provider_message if isinstance(cause, GatewayError) else ""


def _english(value: object) -> str:
    """A field as the log's English writes it: a status by its value (``succeeded``), the rest as ``str()``."""
    return str(value.value) if isinstance(value, Enum) else str(value)


# What the journal's refusals mean for the person at the till; the journal's own English goes to the log.
# Every service check runs before the journal's, so these are met only when something changed meanwhile.
JOURNAL_REFUSALS: dict[type[JournalError], str] = {
    ApprovalError: "The manager's approval cannot be used: it was used already, has expired or was given for "
    "something else. Ask for a new one. Nothing was done.",
    IntentConflict: "This approval was already used for another operation: ask for a new one. Nothing was done.",
    RefundRefused: "This refund cannot be recorded: the payment is not paid, or less than that is left to refund "
    "on it. Nothing was sent.",
    TenderRefused: "This sale cannot take that any more: it was paid or voided meanwhile. Look at the sale again.",
}
JOURNAL_REFUSED = "The journal refused this. Nothing was done."

# Refusals more than one service says.
OVER_REFUND = "Not refunded: at most {left} can still be refunded on this payment."
NO_SUCH_PAYMENT = "There is no such payment in this counter's journal."


def failed_because(cause: Exception, *, transaction: Transaction | None = None) -> ActionFailed:
    """The action's refusal for ``cause``: the journal's in the user's words (``JOURNAL_REFUSALS``), any other
    error (a gateway's, core's, the shop store's, whose refusals are journal errors with words of their own)
    with no template, so its own words are shown."""
    if isinstance(cause, JournalError) and not isinstance(cause, Worded):
        template = next((words for kind, words in JOURNAL_REFUSALS.items() if isinstance(cause, kind)), JOURNAL_REFUSED)
        return ActionFailed(template, transaction=transaction, cause=cause, detail=str(cause))
    words = cause.provider_message or cause.message if isinstance(cause, GatewayError) else str(cause)
    return ActionFailed("", transaction=transaction, cause=cause, detail=words)


class JournalWriteFailed(ActionFailed):
    """The journal could not be written before anything was sent, so nothing was: ``fault`` says why
    (``journal.faults.Fault``: the disk is full, a disk error, the file is busy or read-only)."""

    def __init__(self, fault: Fault, cause: BaseException) -> None:
        super().__init__(
            "Nothing was sent: the journal cannot be written ({fault}).", fault=fault.value.replace("_", " ")
        )
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
