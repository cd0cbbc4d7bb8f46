"""The replicator: a worker thread that ships this terminal's journal to the shop store and pulls users back.

Selling never waits for it: it reads the journal through its own SQLite connection (WAL lets it read
while the services write) and talks to PostgreSQL on its own thread, never on the Qt loop.

One pass (``sync_once``):

1. ask the store for the highest ``seq`` it holds for this terminal (so a crash, a kill -9, a store
   restart or a cut connection at any point resumes exactly there: no local "sent" marker can disagree);
2. ship the events after it in batches (``INSERT … ON CONFLICT DO NOTHING``: a batch whose answer was
   lost is harmless to send again), then the users' changes the same way;
3. pull the other counters' user changes and apply them to the local copy (``users_sync``);
4. record the terminal's last-synchronised time.

A gap is reported, never papered over: the store refuses an event whose predecessor it lacks
(``GapDetected``), and a store holding more of this terminal than its journal (a journal restored
from an old backup, or two PCs with one journal's copy) stops shipping with that said in words.

After a failure the replicator waits and tries again (1 s, doubling to 30 s while unreachable; 60 s
after a refusal such as a wrong password); ``wake()`` asks for a pass now (after a sale).

API::

    Replicator(journal_path, connect, *, batch_size=500, interval_s=2.0, on_status=None)
    start() / stop(timeout=10)     wake()      status -> LinkStatus     sync_once(store) -> int
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from posapp.journal.store import Journal
from posapp.shop import outbox
from posapp.shop.errors import GapDetected, StoreError, StoreRefused, StoreUnreachable
from posapp.shop.identity import terminal_identity
from posapp.shop.store import ShopStore
from posapp.shop.users_sync import apply_shop_users

log = logging.getLogger(__name__)

BATCH_SIZE = 2000  # 14,000 events/s at catch-up against 9,000 with 500 (bench_shop)
MAX_BACKOFF_S = 30.0
REFUSED_RETRY_S = 60.0


class LinkState(StrEnum):
    STARTING = "starting"
    CONNECTED = "connected"  # the last pass reached the store
    OFFLINE = "offline"  # the store cannot be reached; selling goes on, events wait
    REFUSED = "refused"  # the store answered no (password, privileges, not set up, a gap)
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """What the status bar says about the shop link."""

    state: LinkState = LinkState.STARTING
    waiting: int = 0  # events of this journal the store does not hold yet (as of the last pass)
    last_error: str | None = None  # in English, with the driver's detail: for the log
    problem: StoreError | None = None  # the same as an error: a user interface says it in its language
    last_synced_at: datetime | None = None  # the last time every event was in the store
    store_seq: int = 0
    shipped: int = 0  # events this replicator inserted since it started


class Replicator:
    """Ships one journal's events to the shop store on a worker thread (see the module docstring)."""

    def __init__(
        self,
        journal_path: str | Path,
        connect: Callable[[], ShopStore],
        *,
        batch_size: int = BATCH_SIZE,
        interval_s: float = 2.0,
        on_status: Callable[[LinkStatus], None] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.journal_path = Path(journal_path)
        self._connect = connect
        self.batch_size = batch_size
        self.interval_s = interval_s
        self._on_status = on_status
        self._clock = clock or (lambda: datetime.now(UTC))
        self._status = LinkStatus()
        self._status_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._user_cursor = 0
        self._journal: Journal | None = None
        self._store: ShopStore | None = None

    # ------------------------------------------------------------ control

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="shop-replicator", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Ask for a pass now (something was written to the journal)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the batch under way, close the connections; idempotent."""
        self._stopping.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the shop replicator did not stop within %.0f s", timeout)
        self._set(state=LinkState.STOPPED)

    @property
    def status(self) -> LinkStatus:
        with self._status_lock:
            return self._status

    def _set(self, **changes: object) -> None:
        with self._status_lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status = self._status
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                log.exception("the shop status listener failed")

    # ------------------------------------------------------------ the thread

    def _run(self) -> None:
        delay = 0.0
        try:
            self._journal = Journal(self.journal_path)
            while not self._stopping.is_set():
                delay = self._pass(delay)
                self._wake.wait(delay)
                self._wake.clear()
        except Exception:
            log.exception("the shop replicator stopped on an error")
            problem = StoreError("The shop link stopped on an unexpected error (it is in the log).")
            self._set(state=LinkState.REFUSED, last_error=str(problem), problem=problem)
        finally:
            self._close_store()
            if self._journal is not None:
                self._journal.close()

    def _pass(self, previous_delay: float) -> float:
        """One attempt; returns how long to wait before the next."""
        assert self._journal is not None
        progress_from = self.status.store_seq
        try:
            if self._store is None or self._store.closed:
                self._store = self._connect()
                identity = terminal_identity(self._journal)
                self._store.register_terminal(identity.terminal_id, identity.name)
            self.sync_once(self._store, self._journal)
            return self.interval_s
        except StoreUnreachable as exc:
            self._close_store()
            self._set(state=LinkState.OFFLINE, last_error=str(exc), problem=exc, waiting=self._waiting_guess())
            if self.status.store_seq > progress_from:
                return 1.0  # it was shipping until the cut: the store is there, try again soon
            return min(max(previous_delay * 2, 1.0), MAX_BACKOFF_S)
        except StoreRefused as exc:
            self._close_store()
            log.warning("shop store: %s", exc)
            self._set(state=LinkState.REFUSED, last_error=str(exc), problem=exc, waiting=self._waiting_guess())
            return REFUSED_RETRY_S
        except StoreError as exc:
            self._close_store()
            self._set(state=LinkState.OFFLINE, last_error=str(exc), problem=exc)
            return MAX_BACKOFF_S

    def _waiting_guess(self) -> int:
        if self._journal is None:
            return self.status.waiting
        return max(outbox.last_event_seq(self._journal) - self.status.store_seq, 0)

    def _close_store(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except Exception:
                pass

    # ------------------------------------------------------------ one pass

    def sync_once(self, store: ShopStore, journal: Journal | None = None) -> int:
        """Ship everything the store lacks, pull users, mark the terminal synced; returns events inserted."""
        journal = journal or self._journal
        assert journal is not None
        identity = terminal_identity(journal)
        tid = identity.terminal_id
        inserted = 0
        store_seq = store.highest_seq(tid)
        local_seq = outbox.last_event_seq(journal)
        if store_seq > local_seq:
            raise StoreRefused(
                "The shop store holds {held} events of this counter but its journal only {local}: this journal is "
                "older than what it already sent (restored from a backup?). Nothing more is sent until a manager "
                "sorts it out.",
                held=store_seq,
                local=local_seq,
            )
        self._set(store_seq=store_seq, waiting=local_seq - store_seq)
        while store_seq < local_seq and not self._stopping.is_set():
            rows = outbox.events_after(journal, store_seq, self.batch_size)
            contiguous = _contiguous(rows, store_seq)
            if contiguous:
                inserted += store.ship_events(tid, rows[:contiguous])
            if contiguous < len(rows) or not rows:
                found = rows[contiguous][0] if contiguous < len(rows) else None
                missing = store_seq + contiguous + 1
                raise GapDetected(
                    "This counter's journal has no event {missing} (the next one is {found}): the journal is "
                    "damaged, and nothing after the gap is sent.",
                    missing=missing,
                    found=found if found is not None else "-",
                )
            store_seq = int(rows[-1][0])
            local_seq = max(local_seq, outbox.last_event_seq(journal))
            self._set(state=LinkState.CONNECTED, store_seq=store_seq, waiting=local_seq - store_seq,
                      shipped=self.status.shipped + inserted, last_error=None)  # fmt: skip
        self._ship_users(store, journal, tid)
        self._pull_users(store, journal, tid)
        if store_seq >= local_seq:
            store.mark_synced(tid, store_seq)
            self._set(state=LinkState.CONNECTED, last_synced_at=self._clock(), waiting=0, last_error=None)
        return inserted

    def _ship_users(self, store: ShopStore, journal: Journal, tid: str) -> None:
        store_seq = store.highest_user_seq(tid)
        local_seq = outbox.last_user_seq(journal)
        if store_seq > local_seq:
            raise StoreRefused(
                "The shop store holds {held} user changes of this counter but its journal only {local}.",
                held=store_seq,
                local=local_seq,
            )
        while store_seq < local_seq and not self._stopping.is_set():
            rows = outbox.user_changes_after(journal, store_seq, self.batch_size)
            contiguous = _contiguous(rows, store_seq)
            if contiguous:
                store.ship_user_changes(tid, rows[:contiguous])
            if contiguous < len(rows) or not rows:
                raise GapDetected(
                    "This counter's journal has no user change {missing}: it is damaged, and nothing after the gap "
                    "is sent.",
                    missing=store_seq + contiguous + 1,
                )
            store_seq = int(rows[-1][0])

    def _pull_users(self, store: ShopStore, journal: Journal, tid: str) -> None:
        changes = store.user_changes_after(0 if self._user_cursor == 0 else self._user_cursor)
        if not changes:
            return
        if self._user_cursor == 0:
            relevant = changes
        else:
            # The newest-wins rule needs every change of a user seen, not only the new ones.
            keys = {c.name_key for c in changes}
            relevant = [c for c in store.user_changes_after(0) if c.name_key in keys]
        names = {t.terminal_id: t.name for t in store.terminals()}
        apply_shop_users(journal, relevant, tid, names)
        self._user_cursor = max(c.arrival for c in changes)


def _contiguous(rows: Sequence[Sequence[Any]], after: int) -> int:
    """How many of ``rows`` (ordered by seq) follow ``after`` without a hole."""
    for index, row in enumerate(rows):
        if row[0] != after + 1 + index:
            return index
    return len(rows)


__all__ = ["LinkState", "LinkStatus", "Replicator"]
