"""Recording the provider's answer to a request that may have moved money, even when the journal fails then.

Journal first means the intent is written before the request leaves. The answer is written after it
came back, and that write can fail: the disk filled up while the provider took its time, a disk error,
another process held the file past the busy timeout. Raising then would leave the transaction CREATED,
unfollowed and forgotten, and the cashier told "try again": the same payout or push paid twice. So
every answer is written through ``AnswerRecorder.record``:

- the write is tried at once; when it lands, the caller goes on as usual;
- when the journal refuses it for a fault of the disk or the file (``journal.faults.fault_of``), the
  transaction is **UNKNOWN in memory at once**: ``StatusChanged``/``OutcomeUnknown`` are published (the
  screens say the outcome is not known yet and that nothing must be paid again), the tracker follows it
  when the answer carried the provider's reference, ``JournalUnwritable`` says why, and the write is
  kept and tried again (0.5 s, doubling, at most every 30 s) until it lands; then the transaction's real
  state is published and ``JournalWritable`` follows once nothing is left;
- meanwhile the journal still holds the intent in CREATED, which blocks another payout or refund of the
  same amount to the same recipient (``payouts``), and a console killed before the write lands settles
  it as UNKNOWN at its next start (``StatusTracker.resume``): never sent again.

A kept write must be harmless when it lands late: ``record_answer`` applies the answer's status only if
the transaction is still where it was when the request left (a status read may have moved it on since),
and otherwise keeps the answer as a fact in the timeline, so the provider's words are never lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from posapp.core.money import Money
from posapp.core.transactions import Status, Transaction
from posapp.journal.faults import Fault, fault_of
from posapp.journal.store import Journal
from posapp.services.events import EventBus, JournalUnwritable, JournalWritable
from posapp.services.serial_journal import SerialJournal
from posapp.services.tracker import Change, StatusTracker, record_change

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
FIRST_RETRY_S = 0.5
MAX_RETRY_S = 30.0


def record_answer(
    journal: Journal,
    app_ref: str,
    status: Status,
    *,
    sent_from: Status,
    type: str,
    actor: str = "system",
    message: str = "",
    secrets: tuple[str, ...] = (),
    **fields: Any,
) -> Change:
    """The provider's answer to a request sent while the transaction was ``sent_from``. Worker thread.

    Still there: the answer's ``status`` (as ``record_change``). Moved on since (a status read landed
    first, a manager settled it): the answer is kept as an event in the current status.
    """
    current = journal.get(app_ref)
    if current is None:
        raise LookupError(f"no transaction {app_ref!r} in the journal")
    if current.status is sent_from:
        return record_change(
            journal, app_ref, status, type=type, actor=actor, message=message, secrets=secrets, **fields
        )
    tx = journal.append_event(
        app_ref,
        type=type,
        status=current.status,
        actor=actor,
        message=message or None,
        secrets=secrets,
        **fields,
    )
    return Change(tx)


@dataclass(slots=True)
class _Kept:
    """A write the journal refused, kept until it lands."""

    transaction: Transaction  # as shown meanwhile (UNKNOWN)
    write: Callable[[Journal], Change]
    fault: Fault
    attempts: int = 1


class AnswerRecorder:
    """Writes answers to money-moving requests; keeps and retries those the journal refuses (module docstring)."""

    def __init__(
        self,
        journal: SerialJournal,
        tracker: StatusTracker,
        bus: EventBus,
        *,
        sleep: Sleep = asyncio.sleep,
        first_retry_s: float = FIRST_RETRY_S,
        max_retry_s: float = MAX_RETRY_S,
    ) -> None:
        self._journal = journal
        self._tracker = tracker
        self._bus = bus
        self._sleep = sleep
        self.first_retry_s = first_retry_s
        self.max_retry_s = max_retry_s
        self._kept: dict[str, _Kept] = {}
        self._retrying: asyncio.Task[None] | None = None
        self._closed = False

    async def record(
        self,
        tx: Transaction,
        write: Callable[[Journal], Change],
        *,
        provider_ref: str | None = None,
        shown: Status | None = Status.UNKNOWN,
        instead: Callable[[Journal], Change] | None = None,
    ) -> Change:
        """Run ``write`` on the journal; if the disk or the file refuses it, see the module docstring.

        ``tx`` is the transaction as it was when the request left; ``provider_ref`` what the answer told
        (so the tracker can read it meanwhile); ``shown`` the status it has in memory until the write
        lands: UNKNOWN when money may have moved, the answer's own status when it certainly did not
        (a refusal), None to leave it where it is (a fact about it, not a change). ``instead`` is the
        write to keep when it differs from the first try (a payment link nobody was shown: CANCELED).
        """
        try:
            return await self._journal.call(write)
        except Exception as exc:
            fault = fault_of(exc)
            if fault is None:
                raise
            return self._keep(tx, instead or write, fault, provider_ref, tx.status if shown is None else shown)

    def _keep(
        self, tx: Transaction, write: Callable[[Journal], Change], fault: Fault, provider_ref: str | None, shown: Status
    ) -> Change:
        log.error("%s: the answer could not be written to the journal (%s); kept, retrying", tx.app_ref, fault.value)
        previous = self._kept.get(tx.app_ref)
        if previous is not None:
            # A later answer about the same transaction: both must land, in order.
            first = previous.write

            def both(journal: Journal) -> Change:
                first(journal)
                return write(journal)

            previous.write = both
            return Change(previous.transaction, kept=True)
        memory = dataclasses.replace(tx, status=shown, provider_ref=provider_ref or tx.provider_ref)
        self._kept[tx.app_ref] = _Kept(memory, write, fault)
        message = (
            f"the provider's answer could not be written to the journal ({fault.value.replace('_', ' ')}): "
            "its outcome is not known yet; nothing must be paid again"
        )
        change = Change(memory, tx.status, message, kept=True)
        self._tracker.publish(change)
        if memory.provider_ref is not None and shown is Status.UNKNOWN:
            self._tracker.follow(memory, read_now=False)
        self._bus.publish(JournalUnwritable(fault.value, transaction=memory))
        self._start_retrying()
        return change

    # ------------------------------------------------------------------------------------ retries

    def kept(self) -> list[Transaction]:
        """The transactions whose answer is not in the journal yet, as shown meanwhile."""
        return [item.transaction for item in self._kept.values()]

    def blocking(self, customer: str | None, amount: Money) -> Transaction | None:
        """A money-out kept in memory to ``customer`` for ``amount`` (the journal holds it as CREATED too)."""
        for item in self._kept.values():
            tx = item.transaction
            if tx.kind.moves_money_out and tx.customer == customer and tx.amount == amount:
                return tx
        return None

    def _start_retrying(self) -> None:
        if self._closed:
            return
        if self._retrying is None or self._retrying.done():
            self._retrying = asyncio.get_running_loop().create_task(self._retry(), name="journal-answer-retry")

    async def _retry(self) -> None:
        delay = self.first_retry_s
        while self._kept:
            await self._sleep(delay)
            delay = self.first_retry_s if await self.flush() else min(delay * 2, self.max_retry_s)

    async def flush(self) -> bool:
        """Try every kept write once, oldest first; True when they all landed."""
        for app_ref, item in list(self._kept.items()):
            try:
                change = await self._journal.call(item.write)
            except Exception as exc:
                fault = fault_of(exc)
                if fault is None:
                    # Not a disk fault any more: the write itself is refused. Keep nothing that cannot land.
                    log.exception("%s: the kept answer was refused by the journal; dropped", app_ref)
                    self._kept.pop(app_ref, None)
                    continue
                item.attempts += 1
                item.fault = fault
                return False
            self._kept.pop(app_ref, None)
            log.info("%s: the kept answer is in the journal after %d tries", app_ref, item.attempts)
            landed = Change(change.transaction, item.transaction.status, change.message)
            self._tracker.publish(landed)
            self._tracker.follow(change.transaction)
        if not self._kept:
            self._bus.publish(JournalWritable())
        return not self._kept

    async def aclose(self) -> None:
        """Stop retrying after one last try. What is still kept stays CREATED in the journal: the next
        console settles it as UNKNOWN at start (it is never sent again)."""
        if self._closed:
            return
        self._closed = True
        if self._retrying is not None:
            self._retrying.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._retrying
        if self._kept:
            with contextlib.suppress(Exception):
                await self.flush()
        for app_ref in self._kept:
            log.error("%s: closing with its answer still not in the journal; it will be unknown at next start", app_ref)
