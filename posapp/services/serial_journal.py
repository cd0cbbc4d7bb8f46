"""The journal as the services use it: every call runs on one worker thread, in the order it was made.

The journal is synchronous SQLite with ``synchronous=FULL``: each commit waits for the disk (0.6 ms
median, 5 ms worst on the development VM; tens of milliseconds on a laptop's spinning disk or a busy
SSD). Fifty status changes landing in one tick of the event loop would block it for that long times
fifty, so the services never call the journal on the loop: ``SerialJournal.call`` hands the call to a
single worker thread and awaits its result. One thread keeps the order of writes exactly the order of
calls (a transaction's events can never be reordered), and reads queue behind the writes made before
them, so a service always reads what it wrote. ``tests/benchmarks/bench_tracker.py --inline-journal``
shows the stall this avoids.

API::

    SerialJournal(journal, *, offload=True)
    await call(fn, *args, **kwargs) -> result    fn(journal, *args, **kwargs) on the worker thread
    await call_batched(fn, *args, **kwargs)      the same, possibly committed together with other batched calls
    journal                                      the wrapped Journal (for synchronous callers)
    close()                                      stops the worker after the queued calls; idempotent

``offload=False`` runs each call inline on the loop (deterministic unit tests).

Group commit (``call_batched``): a batched call joins a queue; one drain job on the worker thread runs
everything queued when it starts, inside one ``Journal.batch()`` (one commit, one disk sync), in the
order of the calls. A call made while the worker is idle runs at once (nothing waits for company);
calls made while the worker is busy with a commit share the next one. Order holds across both kinds:
whenever a batched call is queued, a drain job that will run it is already in the worker's queue ahead
of any later ``call``. Each caller's result arrives only after the commit that holds its write (journal
first). A call refused for a reason (``IllegalTransition``, ``LookupError``) gets its exception and
the batch goes on; if the batch as a whole fails (a write failed halfway, the commit failed), it was
rolled back entirely and every call of it runs again on its own, so one bad call never costs another
its write. Only for calls that decide from the stored state (``tracker.apply_report``, ``expire``):
running one again after a rollback must be harmless.
A call awaited by a task that is cancelled still runs to completion on the worker (a journal write is
never cut in half); its result is dropped.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Concatenate, ParamSpec, TypeVar

from posapp.journal.store import Journal

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")
_Queued = tuple[Callable[[], Any], asyncio.AbstractEventLoop, "asyncio.Future[Any]"]


class SerialJournal:
    """Runs journal calls one at a time on a dedicated thread (or inline), preserving their order."""

    def __init__(self, journal: Journal, *, offload: bool = True) -> None:
        self.journal = journal
        self.offload = offload
        self._executor: ThreadPoolExecutor | None = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal") if offload else None
        )
        self._closed = False
        self._lock = threading.Lock()
        self._queued: list[_Queued] = []
        self._drain_pending = False  # a drain job is in the worker's queue and has not taken the queue yet
        self.commits_saved = 0  # batched calls that shared a commit with an earlier one (benchmark, tests)

    async def call(self, fn: Callable[Concatenate[Journal, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(journal, *args, **kwargs)``, run after every call made before this one."""
        if self._closed:
            raise RuntimeError("the journal worker is closed")
        if self._executor is None:
            return fn(self.journal, *args, **kwargs)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, functools.partial(fn, self.journal, *args, **kwargs))
        return await future

    async def call_batched(self, fn: Callable[Concatenate[Journal, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(journal, *args, **kwargs)`` after every call made before it, perhaps sharing a commit."""
        if self._closed:
            raise RuntimeError("the journal worker is closed")
        if self._executor is None:
            return fn(self.journal, *args, **kwargs)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        with self._lock:
            self._queued.append((functools.partial(fn, self.journal, *args, **kwargs), loop, future))
            submit = not self._drain_pending
            self._drain_pending = True
        if submit:
            self._executor.submit(self._drain)
        return await future

    def _drain(self) -> None:
        """Worker thread: run what is queued now, in one commit when there are several."""
        with self._lock:
            calls, self._queued = self._queued, []
            self._drain_pending = False
        if not calls:
            return
        outcomes: list[tuple[bool, Any]]
        if len(calls) == 1:
            outcomes = [_run(calls[0][0])]
        else:
            try:
                with self.journal.batch():
                    outcomes = [_run(fn) for fn, _, _ in calls]
                self.commits_saved += len(calls) - 1
            except Exception:
                log.warning("a batch of %d journal calls was rolled back; running them one by one", len(calls))
                outcomes = [_run(fn) for fn, _, _ in calls]
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Any], bool, Any]]] = {}
        for (_, loop, future), (ok, value) in zip(calls, outcomes, strict=True):
            by_loop.setdefault(loop, []).append((future, ok, value))
        for loop, results in by_loop.items():
            try:
                loop.call_soon_threadsafe(_deliver, results)
            except RuntimeError:  # the loop is closed: nobody waits any more; the writes are done
                pass

    def close(self) -> None:
        """Let queued calls finish, then stop the worker thread. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    def __repr__(self) -> str:
        return f"<SerialJournal {self.journal.path} {'thread' if self.offload else 'inline'}>"


def _run(fn: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        return True, fn()
    except Exception as exc:
        return False, exc


def _deliver(results: list[tuple[asyncio.Future[Any], bool, Any]]) -> None:
    """On the loop: hand every caller of one drain its result (a cancelled caller's is dropped)."""
    for future, ok, value in results:
        if future.done():
            continue
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)
