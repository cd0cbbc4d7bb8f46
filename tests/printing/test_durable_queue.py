"""The print queue recorded in the journal (issue 17 item 3): a real SQLite file and a loopback printer.

What the journal holds for each receipt (never its bytes), in the order it happened; a queue built after a
"restart" (a new queue and a new connection on the same file) lists what never printed as stopped or as
possibly printed, sends neither by itself, and prints it exactly once on Retry.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp.journal.prints import (
    JournalPrintLog,
    PrintEventType,
    PrintKind,
    print_events,
    prints_of,
    record_print,
    record_print_event,
    unfinished_prints,
)
from posapp.journal.store import Journal, JournalError
from posapp.printing.devices import Connection, Paper, PrinterConfig, Problem
from posapp.printing.queue import JobState, PrintQueue
from posapp.printing.receipt import Receipt
from tests.helpers.escpos import NetworkPrinter, decode, free_port_nobody_listens_on

SECRET_LOOKING = "sk_live_QZ9x"  # a receipt line that must never reach the journal
RECEIPT = Receipt(
    title="PAYMENT RECEIPT", amount="1,500 FCFA", qr_data="PAY-1", app_ref="PAY-1", rows=(("Note", SECRET_LOOKING),)
)


def config(port: int) -> PrinterConfig:
    return PrinterConfig(connection=Connection.NETWORK, host="127.0.0.1", port=port, paper=Paper.MM58, timeout_s=0.5)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


@pytest.fixture
def printer() -> Iterator[NetworkPrinter]:
    server = NetworkPrinter()
    yield server
    server.close()


def events(journal: Journal, print_id: int) -> list[str]:
    return [e.type.value for e in print_events(journal, print_id)]


def test_every_step_is_recorded_before_the_next_and_the_bytes_never(journal: Journal, printer: NetworkPrinter) -> None:
    refused = config(free_port_nobody_listens_on())
    settings = [refused]
    queue = PrintQueue(lambda: settings[0], retry_after_s=(30.0,), log=JournalPrintLog(journal))
    job = queue.print_receipt(RECEIPT, sale_ref="SALE-1", by="cashier:Ama")
    assert queue.wait_idle(5)
    assert queue.job(job.id).state is JobState.WAITING  # type: ignore[union-attr]
    (record,) = prints_of(journal, "PAY-1")
    assert (record.kind, record.sale_ref, record.actor) == (PrintKind.RECEIPT, "SALE-1", "cashier:Ama")
    assert events(journal, record.id) == ["sending", "failed"]
    assert record.problem == Problem.UNREACHABLE.value
    settings[0] = config(printer.port)
    queue.retry(job.id, by="cashier:Ama")
    assert queue.wait_idle(5) and len(printer.printed()) == 1
    assert events(journal, record.id) == ["sending", "failed", "retried", "sending", "printed"]
    assert [e.actor for e in print_events(journal, record.id)][2] == "cashier:Ama"
    assert unfinished_prints(journal) == []
    queue.close()
    dump = "\n".join(journal._conn.iterdump())
    assert SECRET_LOOKING not in dump and "PAYMENT RECEIPT" not in dump


def test_do_not_print_is_recorded_with_who_and_a_test_page_is_kept_apart(journal: Journal) -> None:
    queue = PrintQueue(
        lambda: config(free_port_nobody_listens_on()), retry_after_s=(30.0,), log=JournalPrintLog(journal)
    )
    job = queue.print_receipt(RECEIPT, by="cashier:Ama")
    assert queue.wait_idle(5)
    # a test page goes through a queue of its own, as the printer settings send it
    tester = PrintQueue(lambda: config(free_port_nobody_listens_on()), retry_after_s=(), log=JournalPrintLog(journal))
    page = tester.test_print(Receipt(title="TEST PRINT", amount=""), by="manager:Kofi")
    assert tester.wait_idle(5)
    tester.close()
    queue.cancel(job.id, by="manager:Kofi")
    queue.close()
    (record,) = prints_of(journal, "PAY-1")
    assert events(journal, record.id) == ["sending", "failed", "canceled"]
    assert print_events(journal, record.id)[-1].actor == "manager:Kofi"
    assert unfinished_prints(journal) == []  # given up: not listed after a restart
    (test,) = unfinished_prints(journal, kinds=(PrintKind.TEST,))  # tried once, never printed
    assert test.actor == "manager:Kofi" and tester.job(page.id).state is JobState.FAILED  # type: ignore[union-attr]


def test_nothing_follows_printed_or_given_up(journal: Journal) -> None:
    record = record_print(journal, PrintKind.DUPLICATE, "PAY-9", actor="cashier:Ama")
    record_print_event(journal, record.id, PrintEventType.SENDING)
    record_print_event(journal, record.id, PrintEventType.PRINTED)
    with pytest.raises(JournalError, match="already printed"):
        record_print_event(journal, record.id, PrintEventType.SENDING)
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        journal._conn.execute("UPDATE print_jobs SET app_ref = 'PAY-10'")
    with pytest.raises(JournalError, match="names the transaction"):
        record_print(journal, PrintKind.RECEIPT, " ", actor="cashier:Ama")
    assert events(journal, record.id) == ["sending", "printed"]


@pytest.mark.parametrize("last", [None, PrintEventType.FAILED, PrintEventType.SENDING])
def test_after_a_restart_what_never_printed_waits_for_the_cashier_and_prints_once_on_retry(
    tmp_path: Path, printer: NetworkPrinter, last: PrintEventType | None
) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as before:  # the console that stopped: its queue's last record is ``last``
        record = record_print(before, PrintKind.RECEIPT, "PAY-1", actor="cashier:Ama", sale_ref="SALE-1")
        if last is PrintEventType.FAILED:
            record_print_event(before, record.id, PrintEventType.SENDING)
        if last is not None:
            record_print_event(before, record.id, last, problem="no_paper" if last is PrintEventType.FAILED else "")
    with Journal(path) as journal:
        (waiting,) = unfinished_prints(journal)
        assert waiting.may_have_printed is (last is PrintEventType.SENDING)
        queue = PrintQueue(lambda: config(printer.port), retry_after_s=(0.05,), log=JournalPrintLog(journal))
        problem = Problem(waiting.problem) if waiting.problem else None
        job = queue.restore(
            waiting.id,
            waiting.app_ref,
            sale_ref=waiting.sale_ref,
            may_have_printed=waiting.may_have_printed,
            problem=problem,
        )
        assert job.state is (JobState.UNCERTAIN if last is PrintEventType.SENDING else JobState.STOPPED)
        queue.start()
        time.sleep(0.3)
        assert queue.wait_idle(5) and printer.printed() == []  # never sent by itself
        assert queue.retry(job.id) is None  # nothing to print without the receipt made again
        queue.retry(job.id, receipt=RECEIPT, by="cashier:Ama")
        assert queue.wait_idle(5)
        (printed,) = printer.printed()
        assert "1,500 FCFA" in "\n".join(decode(printed).text)
        assert queue.retry(job.id, receipt=RECEIPT) is None  # printed: a second Retry sends nothing
        queue.close()
        assert events(journal, record.id)[-3:] == ["retried", "sending", "printed"]
        assert unfinished_prints(journal) == []
