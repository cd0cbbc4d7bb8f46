"""The print queue against a loopback "network printer" (a TCP server on 127.0.0.1 taking the bytes): every
receipt reaches it; a printer that refuses, stalls, closes mid-receipt, is offline or out of paper leaves
the receipt waiting with its state, tried again, and printed once the printer is back."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from posapp.printing.devices import Connection, Paper, PrinterConfig, Problem
from posapp.printing.queue import JobKind, JobState, PrintJob, PrintQueue
from posapp.printing.receipt import Receipt
from tests.helpers.escpos import NetworkPrinter, decode, free_port_nobody_listens_on

RECEIPT = Receipt(title="REÇU DE PAIEMENT", amount="1 500 FCFA", qr_data="PAY-1", app_ref="PAY-1")


class Settings:
    """The printer's settings as the console holds them: changed while the queue runs."""

    def __init__(self, port: int) -> None:
        self.config = PrinterConfig(
            connection=Connection.NETWORK, host="127.0.0.1", port=port, paper=Paper.MM58, timeout_s=0.5
        )

    def __call__(self) -> PrinterConfig:
        return self.config


@pytest.fixture
def printer() -> Iterator[NetworkPrinter]:
    server = NetworkPrinter()
    yield server
    server.close()


def settled(queue: PrintQueue, job_id: int, timeout: float = 5.0) -> PrintJob:
    """The job once it is printed, failed for good or canceled (it may wait for retries before that)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = queue.job(job_id)
        if job is not None and job.state in (JobState.PRINTED, JobState.FAILED, JobState.CANCELED):
            return job
        time.sleep(0.01)
    raise AssertionError(f"job {job_id} is still {queue.job(job_id)}")


def make_queue(settings: Settings, seen: list[PrintJob] | None = None) -> PrintQueue:
    queue = PrintQueue(settings, retry_after_s=(0.05, 0.05), listener=seen.append if seen is not None else None)
    queue.start()
    return queue


def test_a_receipt_reaches_the_network_printer_checked_before_and_after(printer: NetworkPrinter) -> None:
    seen: list[PrintJob] = []
    queue = make_queue(Settings(printer.port), seen)
    job = queue.print_receipt(RECEIPT)
    assert queue.wait_idle(5)
    assert queue.job(job.id).state is JobState.PRINTED  # type: ignore[union-attr]
    assert [j.state for j in seen] == [JobState.QUEUED, JobState.PRINTING, JobState.PRINTED]
    (sent,) = printer.printed()
    printed = decode(sent)
    assert printed.status_queries == [1, 4, 1, 4]  # online and paper, before and after the receipt
    assert "REÇU DE PAIEMENT" in printed.text and printed.qr_data == ["PAY-1"] and printed.cuts == 1
    queue.close()


@pytest.mark.parametrize(
    ("mode", "problem", "receipt_sent"),
    [
        ("stall", Problem.NOT_ANSWERING, False),
        ("close_after", Problem.DISCONNECTED, True),
        ("offline", Problem.OFFLINE, False),
        ("no_paper", Problem.NO_PAPER, False),
    ],
)
def test_a_printer_in_trouble_leaves_the_receipt_waiting(mode: str, problem: Problem, receipt_sent: bool) -> None:
    trouble = NetworkPrinter(mode, close_after_bytes=40)
    settings = Settings(trouble.port)
    queue = PrintQueue(settings, retry_after_s=(30.0,))
    job = queue.print_receipt(RECEIPT)
    assert job.state is JobState.QUEUED  # returned before the printer was even asked: a sale never waits
    assert queue.wait_idle(10)
    waiting = queue.job(job.id)
    assert waiting is not None and waiting.state is JobState.WAITING and waiting.problem is problem
    assert waiting.attempts == 1 and waiting.next_try_at is not None
    if mode != "stall":
        sent = trouble.printed()[0]
        assert (b"\x1bt" in sent) is receipt_sent  # offline or out of paper: the receipt was not sent at all
    assert queue.unprinted() == [waiting]
    trouble.close()
    good = NetworkPrinter()
    settings.config = settings.config.with_changes(port=good.port)
    assert queue.retry(job.id) is not None and queue.wait_idle(5)
    assert queue.job(job.id).state is JobState.PRINTED and len(good.printed()) == 1  # type: ignore[union-attr]
    queue.close()
    good.close()


def test_a_refused_connection_is_tried_again_then_waits_for_the_cashier(printer: NetworkPrinter) -> None:
    settings = Settings(free_port_nobody_listens_on())
    queue = make_queue(settings)
    first = queue.print_receipt(RECEIPT)
    second = queue.print_receipt(RECEIPT)
    for job_id in (first.id, second.id):
        gave_up = settled(queue, job_id)
        assert gave_up.state is JobState.FAILED and gave_up.problem is Problem.UNREACHABLE
        assert gave_up.attempts == 3  # the first try and two retries
    settings.config = settings.config.with_changes(port=printer.port)
    queue.retry(first.id)
    queue.retry(second.id)
    assert queue.wait_idle(5) and len(printer.printed()) == 2
    assert queue.unprinted() == []
    queue.close()


def test_the_drawer_kick_goes_first_and_is_never_retried(printer: NetworkPrinter) -> None:
    settings = Settings(free_port_nobody_listens_on())
    queue = PrintQueue(settings, retry_after_s=(30.0,))
    receipt = queue.print_receipt(RECEIPT)
    kick = queue.kick_drawer()
    assert queue.wait_idle(5)
    failed = queue.job(kick.id)
    assert failed is not None and failed.kind is JobKind.DRAWER and failed.state is JobState.FAILED
    assert queue.retry(kick.id) is None  # a drawer opening minutes later would open with nobody there
    assert queue.job(receipt.id).state is JobState.WAITING  # type: ignore[union-attr]
    settings.config = settings.config.with_changes(port=printer.port)
    again = queue.kick_drawer()
    assert queue.wait_idle(5) and queue.job(again.id).state is JobState.PRINTED  # type: ignore[union-attr]
    pulse = decode(printer.printed()[0])
    assert pulse.drawer_pulses == [(0, 50, 50)] and pulse.lines == []
    assert queue.unprinted()[0].id == receipt.id  # the receipt still waits for its own try
    queue.close()


def test_no_printer_configured_fails_at_once_and_cancel_drops_a_receipt() -> None:
    queue = PrintQueue(lambda: PrinterConfig(), retry_after_s=(0.05,))
    job = queue.print_receipt(RECEIPT)
    assert queue.wait_idle(5)
    assert queue.job(job.id).problem is Problem.NOT_CONFIGURED  # type: ignore[union-attr]
    canceled = queue.cancel(job.id)
    assert canceled is not None and canceled.state is JobState.CANCELED and queue.unprinted() == []
    queue.close()
    with pytest.raises(RuntimeError):
        queue.print_receipt(RECEIPT)
