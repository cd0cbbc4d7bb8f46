"""SIGKILL a journal writer at random moments and check what survives (used by the test and the soak).

A "fork server" child is started with ``sys.executable``; it imports the journal once and, for each
round, forks a writer that opens the journal, commits intents and events and prints each committed
``app_ref event_count`` line with one ``os.write`` (atomic on a pipe). The parent reads a random number
of lines, kills the writer with SIGKILL, then opens the journal and checks it. Forking saves the ~0.3 s
interpreter start per kill that would otherwise make 200 kills cost a minute on two cores.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, random, sys
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import Journal

def write(path, seed):
    rng = random.Random(seed)
    journal = Journal(path)
    n = 0
    while True:
        n += 1
        ref = f"R{seed}-{n}"
        tx = Transaction(app_ref=ref, kind=Kind.PUSH_PAYMENT, provider="mycoolpay",
                         amount=Money(rng.randrange(100, 10_000), "XAF"), customer="+237699000000")
        if rng.random() < 0.2:
            with journal.batch():
                journal.record_intent(tx, "cashier:test")
                journal.append_event(ref, type="sent", status=Status.PENDING, actor="system",
                                     raw={"status": "PENDING", "private_key": "k"}, provider_ref=f"P{ref}")
            os.write(1, f"{ref} 2\n".encode())
        else:
            journal.record_intent(tx, "cashier:test")
            os.write(1, f"{ref} 1\n".encode())
            journal.append_event(ref, type="sent", status=Status.PENDING, actor="system",
                                 raw={"status": "PENDING"}, provider_ref=f"P{ref}")
            os.write(1, f"{ref} 2\n".encode())
        journal.append_event(ref, type="status_read", status=Status.SUCCEEDED, actor="system")
        os.write(1, f"{ref} 3\n".encode())

for line in sys.stdin:
    path, seed = line.split()
    pid = os.fork()
    if pid == 0:
        try:
            write(path, int(seed))
        finally:
            os._exit(1)
    os.write(1, f"pid {pid}\n".encode())
    os.waitpid(pid, 0)
    os.write(1, b"reaped\n")
"""


@dataclass
class KillResult:
    kills: int = 0
    checked_ids: int = 0
    fresh_files: int = 0


def _check(path: Path, committed: dict[str, int]) -> None:
    from posapp.journal.store import Journal

    with Journal(path) as journal:
        problems = journal.check()
        assert problems == [], problems
        counts = dict(
            journal.db.conn.execute(
                "SELECT t.app_ref, count(e.id) FROM transactions t JOIN events e ON e.transaction_id = t.id"
                " GROUP BY t.id"
            ).fetchall()
        )
        for ref, events in committed.items():
            assert counts.get(ref, 0) >= events, f"{ref}: {events} events printed as committed, {counts.get(ref)}"
        assert journal.rebuild_projection(dry_run=True) == []


def kill_rounds(directory: Path, kills: int, *, seed: int = 0, files: int = 8) -> KillResult:
    """Kill ``kills`` writers; every ``files``-th round starts a fresh file (kills during creation too)."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    server = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=REPO,
        env=env,
        bufsize=0,
    )
    assert server.stdin is not None and server.stdout is not None
    result = KillResult()
    committed: dict[str, int] = {}
    path = directory / "journal-0.sqlite3"
    try:
        for round_ in range(kills):
            if round_ % files == 0:
                path = directory / f"journal-{round_}.sqlite3"
                committed = {}
                result.fresh_files += 1
            server.stdin.write(f"{path} {round_}\n".encode())
            server.stdin.flush()
            line = server.stdout.readline().decode()
            assert line.startswith("pid "), line
            pid = int(line.split()[1])
            # 0 waits for nothing: the kill lands while the file is being opened or migrated
            wanted = 0 if round_ % files == 0 and rng.random() < 0.5 else rng.randrange(1, 40)
            seen = 0
            while seen < wanted:
                ref, events = server.stdout.readline().decode().split()
                committed[ref] = max(committed.get(ref, 0), int(events))
                seen += 1
            os.kill(pid, signal.SIGKILL)
            for raw in iter(server.stdout.readline, b""):
                text = raw.decode().strip()
                if text == "reaped":
                    break
                ref, events = text.split()
                committed[ref] = max(committed.get(ref, 0), int(events))
            result.kills += 1
            _check(path, committed)
            result.checked_ids += len(committed)
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    return result
