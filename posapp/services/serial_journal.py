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
    journal                                      the wrapped Journal (for synchronous callers)
    close()                                      stops the worker after the queued calls; idempotent

``offload=False`` runs each call inline on the loop (deterministic unit tests).
A call awaited by a task that is cancelled still runs to completion on the worker (a journal write is
never cut in half); its result is dropped.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Concatenate, ParamSpec, TypeVar

from posapp.journal.store import Journal

P = ParamSpec("P")
T = TypeVar("T")


class SerialJournal:
    """Runs journal calls one at a time on a dedicated thread (or inline), preserving their order."""

    def __init__(self, journal: Journal, *, offload: bool = True) -> None:
        self.journal = journal
        self.offload = offload
        self._executor: ThreadPoolExecutor | None = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal") if offload else None
        )
        self._closed = False

    async def call(self, fn: Callable[Concatenate[Journal, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(journal, *args, **kwargs)``, run after every call made before this one."""
        if self._closed:
            raise RuntimeError("the journal worker is closed")
        if self._executor is None:
            return fn(self.journal, *args, **kwargs)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, functools.partial(fn, self.journal, *args, **kwargs))
        return await future

    def close(self) -> None:
        """Let queued calls finish, then stop the worker thread. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    def __repr__(self) -> str:
        return f"<SerialJournal {self.journal.path} {'thread' if self.offload else 'inline'}>"
