"""Journal figures: append throughput against raw sqlite3, query times at 1M transactions, file size.

    .venv/bin/python -m tests.benchmarks.bench_journal              # full size (1,000,000 transactions)
    .venv/bin/python -m tests.benchmarks.bench_journal --rows 50000 # quick run
    .venv/bin/python -m tests.benchmarks.bench_journal --soak 2000  # also: 2000 SIGKILLs of a writer

Throughput: the journal and raw ``sqlite3`` write the same rows (intent + events, same schema, same
pragmas: WAL, synchronous=FULL, foreign keys) into fresh files, committing every event and then in
batches of 1,000 events. Raw sqlite3 skips what the journal adds: reading the current state, checking
the transition, redacting and serialising the raw answer, building the returned Transaction.

Queries: the big journal is filled with raw SQL through the journal's own schema (the same rows the
journal writes, much faster than going through Python); each query is timed through the Journal API,
warm, and reported as median / worst of the repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import HistoryFilter, Journal, connect

RAW_ANSWER = {"status": "PENDING", "transaction_ref": "MCP-0", "private_key": "pk-secret", "amount": 1000}
REASONS = ["sale", "groceries", "phone credit", "school fees", "market stall", "taxi", "pharmacy", "rent"]


def _fresh(directory: Path, name: str) -> Path:
    path = directory / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def _tx(i: int) -> Transaction:
    return Transaction(
        app_ref=f"POS-{i:09d}",
        kind=Kind.LINK_PAYMENT,
        provider="mycoolpay",
        amount=Money(1000 + i % 5000, "XAF"),
        customer=f"+2376{i * 7919 % 10**8:08d}",
        reason=REASONS[i % len(REASONS)],
        cashier="ama",
    )


# ---------------------------------------------------------------- throughput


def journal_writes(path: Path, transactions: int, batch: int) -> float:
    """Events per second through the Journal API; ``batch`` events per commit (1 = every event)."""
    with Journal(path) as journal:
        per_batch = max(1, batch // 3)  # three events per transaction

        def write(i: int) -> None:
            tx = _tx(i)
            journal.record_intent(tx, "cashier:ama")
            journal.append_event(
                tx.app_ref, type="sent", status=Status.PENDING, actor="system", provider_ref=f"MCP-{i}", raw=RAW_ANSWER
            )
            journal.append_event(tx.app_ref, type="status_read", status=Status.SUCCEEDED, actor="system")

        start = time.perf_counter()
        if batch == 1:
            for i in range(transactions):
                write(i)
        else:
            for first in range(0, transactions, per_batch):
                with journal.batch():
                    for i in range(first, min(first + per_batch, transactions)):
                        write(i)
        return 3 * transactions / (time.perf_counter() - start)


def raw_writes(path: Path, transactions: int, batch: int) -> float:
    """Events per second writing the same rows with plain sqlite3 and the same pragmas and batching."""
    Journal(path).close()  # the same schema, created by the journal
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    raw = json.dumps(RAW_ANSWER)
    batch = 3 * max(1, batch // 3) if batch > 1 else 1  # whole transactions per commit, as the journal does

    def stamp() -> str:
        return datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"

    def intent(tx: Transaction) -> int:
        now = stamp()
        cur = conn.execute(
            "INSERT INTO transactions (app_ref, kind, provider, amount_minor, currency, customer, reason,"
            " parent_ref, cashier, created_at, status, provider_ref, operator, fees_minor, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (tx.app_ref, tx.kind.value, tx.provider, tx.amount.minor, tx.amount.currency, tx.customer,
             tx.reason, None, tx.cashier, now, "created", None, None, None, now),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO events (transaction_id, at, actor, type, status) VALUES (?, ?, ?, 'intent', 'created')",
            (cur.lastrowid, now, "cashier:ama"),
        )
        return int(cur.lastrowid or 0)

    def event(tid: int, type_: str, status: str, ref: str | None, answer: str | None) -> None:
        at = stamp()
        conn.execute(
            "INSERT INTO events (transaction_id, at, actor, type, status, provider_ref, raw)"
            " VALUES (?, ?, 'system', ?, ?, ?, ?)",
            (tid, at, type_, status, ref, answer),
        )
        conn.execute(
            "UPDATE transactions SET status = ?, provider_ref = coalesce(?, provider_ref), updated_at = ? WHERE id = ?",
            (status, ref, at, tid),
        )

    start = time.perf_counter()
    events = pending = 0

    def committed() -> None:
        nonlocal events, pending
        events += 1
        pending += 1
        if pending >= batch:
            conn.execute("COMMIT")
            conn.execute("BEGIN IMMEDIATE")
            pending = 0

    conn.execute("BEGIN IMMEDIATE")
    for i in range(transactions):
        tid = intent(_tx(i))
        committed()
        event(tid, "sent", "pending", f"MCP-{i}", raw)
        committed()
        event(tid, "status_read", "succeeded", None, None)
        committed()
    conn.execute("COMMIT")
    conn.close()
    return events / (time.perf_counter() - start)


def throughput(directory: Path, per_event: int, batched: int) -> None:
    print("append throughput (events/s, synchronous=FULL, same schema and rows):")
    for label, transactions, batch in (("commit every event", per_event, 1), ("batches of 1000", batched, 1000)):
        # alternate runs so a neighbour's load hits both sides alike; keep the best of each
        journal_rates, raw_rates = [], []
        for attempt in range(2):
            raw_rates.append(raw_writes(_fresh(directory, f"raw-{batch}-{attempt}.sqlite3"), transactions, batch))
            journal_rates.append(
                journal_writes(_fresh(directory, f"journal-{batch}-{attempt}.sqlite3"), transactions, batch)
            )
        j, r = max(journal_rates), max(raw_rates)
        print(f"  {label:<20} journal {j:9.0f}   raw sqlite3 {r:9.0f}   ratio {j / r:.2f}x (target >= 0.5x)")


# ---------------------------------------------------------------- the big journal


def fill(path: Path, rows: int, seed: int = 7) -> dict[str, str]:
    """``rows`` transactions over a year with their events, through the journal's schema; returns probes."""
    Journal(path).close()
    rng = random.Random(seed)
    conn = connect(path)
    start_day = datetime(2025, 1, 1, tzinfo=UTC)
    step = timedelta(days=365) / rows
    probes: dict[str, str] = {}
    payments: list[tuple[str, int]] = []
    tx_rows: list[tuple[object, ...]] = []
    ev_rows: list[tuple[object, ...]] = []

    def flush() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO transactions (id, app_ref, kind, provider, amount_minor, currency, customer, reason,"
            " parent_ref, cashier, created_at, status, provider_ref, operator, fees_minor, updated_at)"
            " VALUES (?, ?, ?, ?, ?, 'XAF', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            tx_rows,
        )
        conn.executemany(
            "INSERT INTO events (transaction_id, at, actor, type, status, provider_ref, operator, fees_minor, raw)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ev_rows,
        )
        conn.execute("COMMIT")
        tx_rows.clear()
        ev_rows.clear()

    for i in range(1, rows + 1):
        created = start_day + step * i
        at = created.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
        later = (created + timedelta(seconds=40)).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
        roll = rng.random()
        provider = "mycoolpay" if rng.random() < 0.7 else "paiwise"
        operator = rng.choice(("orange", "mtn"))
        cashier = rng.choice(("ama", "bello", "chantal", "didier"))
        parent_ref = None
        if roll < 0.03 and payments:
            kind = "refund"
            parent_ref, paid = payments[rng.randrange(len(payments))]
            amount = max(1, paid // 4)
        elif roll < 0.05:
            kind, amount = "payout", rng.randrange(5_000, 200_000)
        else:
            kind, amount = rng.choice(("link_payment", "push_payment")), rng.randrange(100, 100_000)
        fate = rng.random()
        if i > rows - 60 and fate < 0.5:  # the recent, still followed ones
            status = rng.choice(("created", "pending", "awaiting_otp", "unknown"))
        else:
            status = (
                "succeeded" if fate < 0.88 else "failed" if fate < 0.94 else "canceled" if fate < 0.97 else "expired"
            )
        app_ref = f"POS-{i:09d}"
        provider_ref = (
            None if status == "created" else f"{'MCP' if provider == 'mycoolpay' else 'PW'}{rng.getrandbits(48):014d}"
        )
        fees = amount * 2 // 100 if status == "succeeded" else None
        customer = f"+2376{rng.randrange(10**8):08d}"
        reason = rng.choice(REASONS) + (f" #{rng.randrange(1000)}" if rng.random() < 0.3 else "")
        tx_rows.append(
            (i, app_ref, kind, provider, amount, customer, reason, parent_ref, cashier, at, status,
             provider_ref, operator, fees, later if status != "created" else at)
        )  # fmt: skip
        ev_rows.append((i, at, f"cashier:{cashier}", "intent", "created", None, None, None, None))
        if status != "created":
            answer = json.dumps({"status": "PENDING", "transaction_ref": provider_ref, "private_key": "***"})
            ev_rows.append((i, at, "system", "sent", "pending", provider_ref, operator, None, answer))
            if status != "pending":
                ev_rows.append((i, later, "system", "status_read", status, None, None, fees, None))
        if kind in ("link_payment", "push_payment") and status == "succeeded" and len(payments) < 100_000:
            payments.append((app_ref, amount))
        if i == rows // 3:
            probes["provider_ref"] = provider_ref or ""
            probes["phone"] = customer[-7:]
            probes["app_ref"] = app_ref
        if len(tx_rows) >= 10_000:
            flush()
    if tx_rows:
        flush()
    conn.close()
    probes["week_start"] = (start_day + timedelta(days=120)).isoformat()
    return probes


def timed(call: Callable[[], object], repeats: int = 15) -> tuple[float, float]:
    call()  # warm
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def queries(path: Path, rows: int, probes: dict[str, str]) -> None:
    with Journal(path) as journal:
        first = journal.history_page()
        week = datetime.fromisoformat(probes["week_start"])
        cases: list[tuple[str, Callable[[], object], float]] = [
            ("first history page (50)", lambda: journal.history_page(), 20),
            ("next page (keyset cursor)", lambda: journal.history_page(after=first.next), 20),
            (
                "filter status=failed",
                lambda: journal.history_page(HistoryFilter(statuses=frozenset({Status.FAILED}))),
                20,
            ),
            (
                "filter status in {failed,canceled,expired}",
                lambda: journal.history_page(
                    HistoryFilter(statuses=frozenset({Status.FAILED, Status.CANCELED, Status.EXPIRED}))
                ),
                20,
            ),
            ("filter kind=refund", lambda: journal.history_page(HistoryFilter(kinds=frozenset({Kind.REFUND}))), 20),
            (
                "filter provider=paiwise",
                lambda: journal.history_page(HistoryFilter(providers=frozenset({"paiwise"}))),
                20,
            ),
            (
                "filter a week 4 months ago + payout",
                lambda: journal.history_page(
                    HistoryFilter(since=week, until=week + timedelta(days=7), kinds=frozenset({Kind.PAYOUT}))
                ),
                20,
            ),
            (
                "search provider ref (exact)",
                lambda: journal.history_page(HistoryFilter(text=probes["provider_ref"])),
                20,
            ),
            ("search app ref part", lambda: journal.history_page(HistoryFilter(text=probes["app_ref"][-7:])), 20),
            ("search phone digits", lambda: journal.history_page(HistoryFilter(text=probes["phone"])), 20),
            ("search '237' (every phone)", lambda: journal.history_page(HistoryFilter(text="237")), 20),
            ("search reason 'school'", lambda: journal.history_page(HistoryFilter(text="school")), 20),
            (
                "search 'pharmacy' + status=failed",
                lambda: journal.history_page(HistoryFilter(text="pharmacy", statuses=frozenset({Status.FAILED}))),
                20,
            ),
            ("unfinished()", journal.unfinished, 10),
            (
                "count(status=failed) (info)",
                lambda: journal.count(HistoryFilter(statuses=frozenset({Status.FAILED}))),
                0,
            ),
        ]
        print(f"queries at {rows:,} transactions (ms, median / worst of 15, warm):")
        for label, call, target in cases:
            median, worst = timed(call)
            verdict = "" if not target else ("ok" if median < target else "OVER TARGET") + f" (< {target} ms)"
            print(f"  {label:<44} {median:7.2f} / {worst:7.2f}  {verdict}")
        print(f"  unfinished transactions listed: {len(journal.unfinished())}")
    size = path.stat().st_size
    events = sqlite3.connect(path).execute("SELECT count(*) FROM events").fetchone()[0]
    print(
        f"file size: {size / 1e6:.1f} MB for {rows:,} transactions and {events:,} events"
        f" ({size / rows:.0f} B/transaction)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="transactions in the big journal")
    parser.add_argument("--per-event", type=int, default=1000, help="transactions written committing every event")
    parser.add_argument("--batched", type=int, default=10_000, help="transactions written in batches of 1000")
    parser.add_argument("--soak", type=int, default=0, help="also SIGKILL a journal writer this many times")
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: a temp dir)")
    args = parser.parse_args(argv)
    directory = args.dir or Path(tempfile.mkdtemp(prefix="bench-journal-"))
    directory.mkdir(parents=True, exist_ok=True)
    print(f"sqlite {sqlite3.sqlite_version}, python {sys.version.split()[0]}, {os.cpu_count()} cpu, in {directory}")
    throughput(directory, args.per_event, args.batched)
    big = _fresh(directory, "big.sqlite3")
    start = time.perf_counter()
    probes = fill(big, args.rows)
    print(f"filled {args.rows:,} transactions in {time.perf_counter() - start:.0f} s")
    queries(big, args.rows, probes)
    if args.soak:
        from tests.journal.crash_harness import kill_rounds

        start = time.perf_counter()
        result = kill_rounds(directory / "soak", args.soak, seed=11)
        print(
            f"soak: {result.kills} SIGKILLs in {time.perf_counter() - start:.0f} s, {result.checked_ids} committed ids"
            f" all present, integrity ok after every kill, {result.fresh_files} kills during creation of a file"
        )


if __name__ == "__main__":
    main()
