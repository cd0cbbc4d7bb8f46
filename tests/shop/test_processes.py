"""Several terminal processes, each on its own POSAPP_HOME, against one real PostgreSQL, with faults.

Whatever happens (a terminal offline for a while, a terminal killed with SIGKILL mid-batch, PostgreSQL
stopped and restarted mid-batch, the connection cut mid-transaction), the store ends up holding the
union of the journals, every event exactly once, and the shop's totals are the sum of the counters'.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from posapp.journal.store import Journal
from posapp.shop.identity import terminal_identity
from posapp.shop.replicator import LinkState, Replicator
from tests.shop.conftest import TERMINAL_PASSWORD, ShopDatabase
from tests.shop.pg import PostgresServer
from tests.shop.sales import journal_events, paid_total, sell_many
from tests.shop.test_replicator import store_events, wait_for

REPO = Path(__file__).resolve().parents[2]


def terminal_process(shop: ShopDatabase, home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "POSAPP_HOME": str(home), "SHOP_DSN": shop.terminal_dsn, "SHOP_PASSWORD": TERMINAL_PASSWORD}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.shop.terminal_process", *args],
        cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def journal_of(home: Path) -> Path:
    return home / "data" / "journal.sqlite3"


def new_terminal(tmp_path: Path, name: str) -> Path:
    home = tmp_path / name
    (home / "data").mkdir(parents=True)
    Journal(journal_of(home)).close()
    return home


def tid(home: Path) -> str:
    with Journal(journal_of(home)) as journal:
        return terminal_identity(journal).terminal_id


def assert_store_holds_exactly(shop: ShopDatabase, homes: list[Path]) -> None:
    for home in homes:
        assert store_events(shop, tid(home)) == journal_events(journal_of(home))
    with shop.admin() as admin:
        total_events = admin.execute("SELECT count(*) FROM posapp.events").fetchone()[0]
        shop_paid = admin.execute(
            "SELECT coalesce(sum(amount_minor), 0) FROM posapp.transactions WHERE kind LIKE '%payment'"
            " AND status IN ('succeeded', 'partially_refunded', 'refunded')"
        ).fetchone()[0]
    assert total_events == sum(len(journal_events(journal_of(h))) for h in homes)
    assert shop_paid == sum(paid_total(journal_of(h)) for h in homes)


@pytest.mark.slow
def test_three_counters_one_offline_for_a_while(shop_db: ShopDatabase, tmp_path: Path) -> None:
    homes = [new_terminal(tmp_path, f"counter{n}") for n in range(3)]
    cable = tmp_path / "cable-plugged-in"
    procs = [
        terminal_process(shop_db, home, "sell", str(journal_of(home)), f"C{n}", "60",
                         *(["--offline-until", str(cable)] if n == 2 else []))
        for n, home in enumerate(homes)
    ]  # fmt: skip
    try:
        assert procs[2].stdout is not None and procs[2].stdout.readline().strip() == "sold"
        for proc in procs[:2]:
            assert proc.wait(120) == 0, proc.stderr.read() if proc.stderr else ""
        # the offline counter sold everything; the store has nothing of it yet
        assert store_events(shop_db, tid(homes[2])) == []
        cable.touch()
        assert procs[2].wait(120) == 0, procs[2].stderr.read() if procs[2].stderr else ""
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert_store_holds_exactly(shop_db, homes)


@pytest.mark.slow
def test_a_terminal_killed_mid_batch_resumes_without_loss_or_double(shop_db: ShopDatabase, tmp_path: Path) -> None:
    home = new_terminal(tmp_path, "counter")
    sell_many(journal_of(home), "K", 4000)  # 12,000 events
    for _ in range(3):
        proc = terminal_process(shop_db, home, "replicate", str(journal_of(home)), "--batch", "200")
        assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
        with shop_db.admin() as admin:
            before = admin.execute("SELECT count(*) FROM posapp.events").fetchone()[0]
            wait_for(lambda b=before: admin.execute("SELECT count(*) FROM posapp.events").fetchone()[0] > b, 60)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with shop_db.admin() as admin:
        shipped = admin.execute("SELECT count(*) FROM posapp.events").fetchone()[0]
    assert 0 < shipped < 12_000, "the kills all landed after the end: the test proved nothing"
    proc = terminal_process(shop_db, home, "replicate", str(journal_of(home)))
    assert proc.wait(120) == 0, proc.stderr.read() if proc.stderr else ""
    assert_store_holds_exactly(shop_db, [home])


@pytest.mark.slow
def test_postgresql_stopped_and_restarted_mid_batch(
    shop_db: ShopDatabase, pg_server: PostgresServer, tmp_path: Path
) -> None:
    home = new_terminal(tmp_path, "counter")
    sell_many(journal_of(home), "R", 4000)
    replicator = Replicator(journal_of(home), shop_db.terminal, interval_s=0.05, batch_size=100)
    replicator.start()
    try:
        wait_for(lambda: replicator.status.store_seq > 0)
        pg_server.stop()
        wait_for(lambda: replicator.status.state is LinkState.OFFLINE)
        assert replicator.status.waiting > 0
        time.sleep(0.5)
        pg_server.restart()
        wait_for(lambda: replicator.status.last_synced_at is not None, 90)
    finally:
        replicator.stop()
        if pg_server.process is None:
            pg_server.restart()
    assert_store_holds_exactly(shop_db, [home])


@pytest.mark.slow
def test_connection_cut_mid_transaction_again_and_again(shop_db: ShopDatabase, tmp_path: Path) -> None:
    home = new_terminal(tmp_path, "counter")
    sell_many(journal_of(home), "X", 4000)
    replicator = Replicator(journal_of(home), shop_db.terminal, interval_s=0.05, batch_size=300)
    replicator.start()
    cuts = 0
    try:
        with shop_db.admin() as admin:
            while replicator.status.last_synced_at is None and cuts < 4:
                # cut the terminal's connection while its INSERT runs, then let it make progress again
                killed = admin.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'posapp'"
                    " AND state = 'active' AND query LIKE 'INSERT INTO posapp.events%%'"
                ).fetchone()[0]
                if killed:
                    cuts += killed
                    resumed_from = replicator.status.store_seq
                    wait_for(
                        lambda r=resumed_from: replicator.status.store_seq > r or bool(replicator.status.last_synced_at)
                    )
                time.sleep(0.005)
        wait_for(lambda: replicator.status.last_synced_at is not None, 120)
    finally:
        replicator.stop()
    assert cuts > 0, "no INSERT was ever caught running: the test proved nothing"
    assert_store_holds_exactly(shop_db, [home])
