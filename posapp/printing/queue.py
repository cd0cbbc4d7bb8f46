"""The print queue: receipts and drawer kicks sent to the ESC/POS printer on one thread of their own.

A sale's outcome never waits for paper. ``print_receipt`` only queues the receipt and returns; the print
thread lays it out, sends it (``devices.send``) and moves the job through its states, telling
``listener`` (from the print thread: a user interface hands it to its own thread) each time:

    QUEUED -> PRINTING -> PRINTED
                       -> WAITING (it did not print: tried again after ``retry_after_s[n]``) -> PRINTING ...
                       -> FAILED  (the tries are used up: the receipt waits for the cashier's Retry)

While the printer is down (a job just failed) other receipts wait for the same next try instead of each
waiting out its own timeout. A drawer kick goes ahead of receipts and is tried once: a drawer that opens
minutes later, when the printer comes back, would open with nobody at the till. ``retry`` sends a
waiting or failed receipt again at once; ``cancel`` drops it. A reprint is a new receipt (marked as a
duplicate by whoever builds it).

Jobs live in memory; with a ``PrintLog`` (the journal's ``JournalPrintLog``) each receipt and test page is
also recorded, journal first, by the print thread itself (never on the caller's thread, so a user
interface never waits for the disk): queued (which transaction and sale, receipt, duplicate or test, who)
before anything of it is sent, ``sending`` before its bytes leave, then ``printed`` or ``failed`` with
the problem, and the cashier's ``retried`` and ``canceled``. The bytes are never recorded. After a restart
``restore`` lists what the journal says never printed, as

    STOPPED   (not printed when the console stopped)            -> Retry or Do not print
    UNCERTAIN (being sent when the console stopped: it may have printed; check the paper) -> the same

and neither is ever sent again by itself: only the cashier's Retry (with the receipt made again from the
journal: ``retry(job_id, receipt=...)``) sends it.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from posapp.printing.devices import PrinterConfig, PrinterError, Problem, send
from posapp.printing.receipt import Receipt, drawer_pulse, render

log = logging.getLogger(__name__)

RETRY_AFTER_S = (5.0, 20.0, 60.0)
KEEP_FINISHED = 200


class JobKind(StrEnum):
    RECEIPT = "receipt"
    TEST = "test"  # the Settings screen's Test print: tried once, its outcome shown there
    DRAWER = "drawer"


class JobState(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    WAITING = "waiting"  # did not print; tried again at ``next_try_at``
    FAILED = "failed"  # did not print; waits for the cashier's Retry (a drawer kick: given up)
    CANCELED = "canceled"
    STOPPED = "stopped"  # from before a restart: it did not print; waits for the cashier
    UNCERTAIN = "uncertain"  # from before a restart: it was being sent, so it may have printed

    @property
    def unprinted(self) -> bool:
        return self not in (JobState.PRINTED, JobState.CANCELED)

    @property
    def retriable(self) -> bool:
        return self in (JobState.WAITING, JobState.FAILED, JobState.STOPPED, JobState.UNCERTAIN)


@dataclass(frozen=True, slots=True)
class PrintJob:
    """One job as it stands (a copy: the queue's own changes are not seen through it)."""

    id: int
    kind: JobKind
    receipt: Receipt | None
    state: JobState = JobState.QUEUED
    kick_drawer: bool = False
    attempts: int = 0
    problem: Problem | None = None
    detail: str = ""
    queued_at: float = 0.0
    next_try_at: float | None = None
    printed_at: float | None = None
    app_ref: str = ""  # the transaction the receipt is of
    sale_ref: str | None = None
    actor: str = "system"  # who asked for it
    duplicate: bool = False  # a reprint (made again as a duplicate after a restart)
    record_id: int | None = None  # its row in the journal (``PrintLog.queued``), once recorded

    def __post_init__(self) -> None:
        if not self.app_ref and self.receipt is not None:  # a receipt's job is of the receipt's transaction
            object.__setattr__(self, "app_ref", self.receipt.app_ref)

    @property
    def journal_kind(self) -> str:
        if self.kind is JobKind.TEST:
            return "test"
        return "duplicate" if self.duplicate else "receipt"


Listener = Callable[[PrintJob], None]


class PrintLog(Protocol):
    """Where the queue records its receipts (``posapp.journal.prints.JournalPrintLog``); called on the print thread."""

    def queued(self, kind: str, app_ref: str, sale_ref: str | None, actor: str) -> int: ...

    def happened(
        self, record_id: int, what: str, *, actor: str = "system", problem: str = "", detail: str = ""
    ) -> None: ...


class PrintQueue:
    """Sends receipts and drawer kicks on its own thread; see the module docstring."""

    def __init__(
        self,
        config: Callable[[], PrinterConfig],
        *,
        listener: Listener | None = None,
        retry_after_s: Sequence[float] = RETRY_AFTER_S,
        sender: Callable[[PrinterConfig, bytes], None] = send,
        clock: Callable[[], float] = time.monotonic,
        keep_finished: int = KEEP_FINISHED,
        log: PrintLog | None = None,
    ) -> None:
        self._config = config
        self._log = log
        self._outbox: list[Callable[[], None]] = []  # records for the print thread to write, in order
        self.listener = listener
        self.retry_after_s = tuple(retry_after_s)
        self._send = sender
        self._clock = clock
        self._keep = keep_finished
        self._jobs: dict[int, PrintJob] = {}
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._hold_until = 0.0  # the printer just failed: receipts wait for the next try
        self._thread: threading.Thread | None = None
        self._closed = False
        self._busy = False

    # ------------------------------------------------------------------------------------ asking

    def start(self) -> None:
        with self._cond:
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
                self._thread.start()

    def print_receipt(
        self, receipt: Receipt, *, kick_drawer: bool = False, sale_ref: str | None = None, by: str = "system"
    ) -> PrintJob:
        """Queue ``receipt`` (and the drawer pulse after it) asked for by ``by``; returns at once."""
        return self._add(JobKind.RECEIPT, receipt, kick_drawer, sale_ref=sale_ref, actor=by)

    def test_print(self, receipt: Receipt, *, by: str = "system") -> PrintJob:
        return self._add(JobKind.TEST, receipt, False, actor=by)

    def kick_drawer(self) -> PrintJob:
        """Open the cash drawer (ahead of any receipt; tried once; not recorded: the journal's drawer
        events say who opened it and why)."""
        return self._add(JobKind.DRAWER, None, True)

    def restore(
        self,
        record_id: int,
        app_ref: str,
        *,
        sale_ref: str | None = None,
        duplicate: bool = False,
        actor: str = "system",
        may_have_printed: bool = False,
        problem: Problem | None = None,
        detail: str = "",
    ) -> PrintJob:
        """List a receipt the journal says never printed before a restart; it waits for the cashier."""
        state = JobState.UNCERTAIN if may_have_printed else JobState.STOPPED
        with self._cond:
            job = self._put(
                PrintJob(next(self._ids), JobKind.RECEIPT, None, state=state, problem=problem, detail=detail,
                         queued_at=self._clock(), app_ref=app_ref, sale_ref=sale_ref, actor=actor,
                         duplicate=duplicate, record_id=record_id)
            )  # fmt: skip
        self._tell(job)
        return job

    def retry(self, job_id: int, *, receipt: Receipt | None = None, by: str = "system") -> PrintJob | None:
        """Send a receipt that did not print again now (``receipt``: made again, for one restored without
        it); None when there is no such job to retry."""
        with self._cond:
            job = self._jobs.get(job_id)
            if job is None or job.kind is JobKind.DRAWER or not job.state.retriable:
                return None
            receipt = receipt or job.receipt
            if receipt is None:
                return None
            job = self._put(
                dataclasses.replace(job, state=JobState.QUEUED, next_try_at=None, attempts=0, receipt=receipt)
            )
            self._note(job_id, "retried", actor=by)
            self._hold_until = 0.0
            self._cond.notify_all()
        self._tell(job)
        self.start()
        return job

    def cancel(self, job_id: int, *, by: str = "system") -> PrintJob | None:
        """Drop a receipt that has not printed ("Do not print"; not one being printed now)."""
        with self._cond:
            job = self._jobs.get(job_id)
            if job is None or not job.state.unprinted or job.state is JobState.PRINTING:
                return None
            job = self._put(dataclasses.replace(job, state=JobState.CANCELED, next_try_at=None))
            self._note(job_id, "canceled", actor=by)
            self._cond.notify_all()
        self._tell(job)
        self.start()
        return job

    def jobs(self) -> list[PrintJob]:
        """Every job kept, oldest first."""
        with self._cond:
            return sorted(self._jobs.values(), key=lambda j: j.id)

    def job(self, job_id: int) -> PrintJob | None:
        with self._cond:
            return self._jobs.get(job_id)

    def unprinted(self) -> list[PrintJob]:
        """Receipts not printed yet (queued, printing, waiting, failed), oldest first."""
        return [j for j in self.jobs() if j.kind is not JobKind.DRAWER and j.state.unprinted]

    def wait_idle(self, timeout: float) -> bool:
        """Block until nothing is due or being printed (tests, shutdown); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._busy or self._outbox or self._due(self._clock()) is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    def close(self, timeout: float = 10.0) -> None:
        """Stop after the job being printed and the records not written yet; what is unprinted stays
        listed (and in the journal). Idempotent."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    # ------------------------------------------------------------------------------------ the thread

    def _add(
        self, kind: JobKind, receipt: Receipt | None, kick: bool, *, sale_ref: str | None = None, actor: str = "system"
    ) -> PrintJob:
        with self._cond:
            if self._closed:
                raise RuntimeError("the print queue is closed")
            job = self._put(
                PrintJob(next(self._ids), kind, receipt, kick_drawer=kick, queued_at=self._clock(),
                         sale_ref=sale_ref, actor=actor, duplicate=bool(receipt is not None and receipt.duplicate))
            )  # fmt: skip
            if kind is not JobKind.DRAWER and self._log is not None:
                self._outbox.append(functools.partial(self._record_queued, job.id))
            self._forget_old()
            self._cond.notify_all()
        self._tell(job)
        self.start()
        return job

    def _put(self, job: PrintJob) -> PrintJob:
        self._jobs[job.id] = job
        return job

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if not j.state.unprinted]
        for job in sorted(finished, key=lambda j: j.id)[: max(len(finished) - self._keep, 0)]:
            del self._jobs[job.id]

    def _due(self, now: float) -> PrintJob | None:
        """The next job to send now, if any: drawer kicks first, then receipts oldest first."""
        queued = sorted(self._jobs.values(), key=lambda j: j.id)
        for job in queued:
            if job.kind is JobKind.DRAWER and job.state is JobState.QUEUED:
                return job
        if now < self._hold_until:
            return None
        for job in queued:
            if job.state is JobState.QUEUED:
                return job
            if job.state is JobState.WAITING and job.next_try_at is not None and job.next_try_at <= now:
                return job
        return None

    def _next_wake(self) -> float | None:
        times = [j.next_try_at for j in self._jobs.values() if j.state is JobState.WAITING and j.next_try_at]
        if any(j.state is JobState.QUEUED for j in self._jobs.values()) and self._hold_until:
            times.append(self._hold_until)
        return min(times) if times else None

    def _run(self) -> None:
        while True:
            records: list[Callable[[], None]] = []
            job: PrintJob | None = None
            with self._cond:
                while True:
                    if self._outbox:  # journal first: what was asked is recorded before anything is sent
                        records, self._outbox = self._outbox, []
                        break
                    if self._closed:
                        self._busy = False
                        self._cond.notify_all()
                        return
                    now = self._clock()
                    job = self._due(now)
                    if job is not None:
                        break
                    wake = self._next_wake()
                    self._cond.wait(None if wake is None else max(min(wake - now, 1.0), 0.01))
                self._busy = True
                if job is not None:
                    job = self._put(dataclasses.replace(job, state=JobState.PRINTING, attempts=job.attempts + 1))
            if job is None:
                for record in records:
                    self._write(record)
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
                continue
            if job.kind is not JobKind.DRAWER:
                self._write(functools.partial(self._record, job.id, "sending"))  # before a byte leaves
            self._tell(job)
            finished = self._attempt(job)
            with self._cond:
                if self._jobs.get(job.id, job).state is JobState.PRINTING:
                    self._put(finished)
                else:
                    finished = self._jobs[job.id]
            if finished.kind is not JobKind.DRAWER:
                if finished.state is JobState.PRINTED:
                    self._write(functools.partial(self._record, job.id, "printed"))
                else:
                    problem = finished.problem.value if finished.problem is not None else ""
                    self._write(
                        functools.partial(self._record, job.id, "failed", problem=problem, detail=finished.detail)
                    )
            with self._cond:
                self._busy = False
                self._cond.notify_all()
            self._tell(finished)

    # ------------------------------------------------------------------------------------ the record

    def _note(self, job_id: int, what: str, *, actor: str) -> None:
        """(Under the lock) an event for the print thread to record after what is recorded already."""
        if self._log is not None:
            self._outbox.append(functools.partial(self._record, job_id, what, actor=actor))

    def _record_queued(self, job_id: int) -> None:
        assert self._log is not None
        with self._cond:
            job = self._jobs.get(job_id)
        if job is None:
            return
        record_id = self._log.queued(job.journal_kind, job.app_ref, job.sale_ref, job.actor)
        with self._cond:
            current = self._jobs.get(job_id)
            if current is not None:
                self._put(dataclasses.replace(current, record_id=record_id))

    def _record(self, job_id: int, what: str, *, actor: str = "system", problem: str = "", detail: str = "") -> None:
        with self._cond:
            job = self._jobs.get(job_id)
        if self._log is None or job is None or job.record_id is None:
            return
        self._log.happened(job.record_id, what, actor=actor, problem=problem, detail=detail)

    def _write(self, record: Callable[[], None]) -> None:
        """One record, on the print thread. A journal that cannot be written never stops a receipt: the
        customer still gets it, and the log says what the journal is missing."""
        try:
            record()
        except Exception:
            log.exception("the print queue could not record a job in the journal")

    def _attempt(self, job: PrintJob) -> PrintJob:
        config = self._config()
        try:
            if job.kind is JobKind.DRAWER:
                data = drawer_pulse(config)
            else:
                assert job.receipt is not None
                data = render(job.receipt, config, kick_drawer=job.kick_drawer)
            self._send(config, data)
        except PrinterError as exc:
            return self._failed(job, exc.problem, exc.detail)
        except Exception as exc:  # a bug in the layout or the library: the receipt waits; the sale stands
            log.exception("print job %d could not be sent", job.id)
            return self._failed(job, Problem.UNREACHABLE, f"{type(exc).__name__}: {exc}")
        log.info("print job %d (%s %s) printed", job.id, job.kind.value, job.app_ref)
        return dataclasses.replace(job, state=JobState.PRINTED, problem=None, detail="", printed_at=self._clock())

    def _failed(self, job: PrintJob, problem: Problem, detail: str) -> PrintJob:
        log.warning("print job %d (%s %s) did not print: %s %s", job.id, job.kind.value, job.app_ref, problem, detail)
        retries = () if job.kind is not JobKind.RECEIPT else self.retry_after_s
        if problem is Problem.NOT_CONFIGURED or job.attempts > len(retries):
            return dataclasses.replace(job, state=JobState.FAILED, problem=problem, detail=detail, next_try_at=None)
        next_try = self._clock() + retries[job.attempts - 1]
        with self._cond:
            self._hold_until = max(self._hold_until, next_try)
        return dataclasses.replace(job, state=JobState.WAITING, problem=problem, detail=detail, next_try_at=next_try)

    def _tell(self, job: PrintJob) -> None:
        if self.listener is None:
            return
        try:
            self.listener(job)
        except Exception:
            log.exception("the print queue's listener failed on job %d", job.id)
