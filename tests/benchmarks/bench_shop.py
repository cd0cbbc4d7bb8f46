"""Shop store figures, on a real PostgreSQL started for the run (as in the shop tests).

    .venv/bin/python -m tests.benchmarks shop                 # 100,000-event catch-up, 1,000,000-event shop
    .venv/bin/python -m tests.benchmarks shop -- --quick      # 10,000 and 100,000

- **catch-up**: one terminal's journal of 100,000 events shipped by ``Replicator.sync_once`` into an
  empty store (events/s), against a raw ``executemany`` of the very same rows into a table of the same
  columns without the store's triggers (the ratio is what the gap check and the projection cost);
- **shop-wide History** at 1,000,000 events from 5 terminals over 30 days: the first page, a counter's
  first page, the next page, and searched pages (a phone number, a reference, a term in every row);
  goal < 50 ms;
- **end-of-day** for the shop (shop, counters, cashiers): one day of the 30, and all 1,000,000 events
  as if in one day (the worst case); goal < 200 ms;
- **start-up**: ``posapp --self-test`` time to first paint with and without a shop store configured
  (goal: no difference: the link starts after the first paint), and what starting the link costs then.

PostgreSQL runs with ``fsync=off`` here (a throwaway server): the figures are the engine's and the
driver's, not a disk's. Each read is the median / worst of 15 warm runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from posapp.core.transactions import Status
from posapp.journal.store import HistoryFilter, Journal
from posapp.shop import outbox
from posapp.shop.identity import terminal_identity
from posapp.shop.reads import _PAID, _PAYMENTS, _TOTALS_SQL, ShopFilter, end_of_day, history_page
from posapp.shop.replicator import Replicator
from posapp.shop.store import EVENT_COLUMNS, ShopStore
from tests.shop.conftest import TERMINAL_PASSWORD, create_shop_database
from tests.shop.pg import PostgresServer
from tests.shop.sales import sell_many

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 2, 1, 7, 0, tzinfo=UTC)
DAYS = 30


def timed(fn: Callable[[], Any], repeats: int = 15) -> tuple[float, float]:
    fn()  # warm
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), max(runs)


def catch_up(server: PostgresServer, events: int, folder: Path) -> None:
    shop = create_shop_database(server, "bench_catchup")
    path = folder / "catchup.sqlite3"
    started = time.perf_counter()
    sell_many(path, "C", events // 3)
    print(f"journal of {events:,} events written in {time.perf_counter() - started:.1f} s")
    with Journal(path) as journal:
        tid = terminal_identity(journal).terminal_id
        rows = outbox.events_after(journal, 0, events + 10)
    for batch in (500, 2000):
        fresh = create_shop_database(server, f"bench_catchup_{batch}")
        with fresh.terminal() as store, Journal(path) as journal:
            store.register_terminal(tid, "bench")
            replicator = Replicator(path, lambda s=store: s, batch_size=batch)
            started = time.perf_counter()
            shipped = replicator.sync_once(store, journal)
            elapsed = time.perf_counter() - started
        assert shipped == len(rows), (shipped, len(rows))
        print(
            f"catch-up, batches of {batch}: {shipped:,} events in {elapsed:.2f} s = {shipped / elapsed:,.0f} events/s"
        )
        if batch == 2000:  # the replicator's default
            replicated_rate = shipped / elapsed
    columns = ", ".join(EVENT_COLUMNS)
    with shop.admin() as admin:
        admin.execute(
            "CREATE TABLE bench_raw (terminal_id uuid, seq bigint, app_ref text, at timestamptz, actor text, type text,"
            " status text, provider_ref text, operator text, fees_minor bigint, message text, raw jsonb, kind text,"
            " provider text, amount_minor bigint, currency text, customer text, reason text, parent_ref text,"
            " cashier text, PRIMARY KEY (terminal_id, seq))"
        )
        placeholders = ", ".join(["%s"] * (len(EVENT_COLUMNS) + 1))
        started = time.perf_counter()
        with admin.transaction(), admin.cursor() as cur:  # one transaction, as each replicator batch is
            cur.executemany(
                f"INSERT INTO bench_raw (terminal_id, {columns}) VALUES ({placeholders})", [(tid, *r) for r in rows]
            )
        raw_elapsed = time.perf_counter() - started
    raw_rate = len(rows) / raw_elapsed
    print(f"raw executemany of the same rows (no triggers): {raw_elapsed:.2f} s = {raw_rate:,.0f} events/s")
    print(f"replicator (batches of 2000, its default) / raw executemany: {replicated_rate / raw_rate:.2f}x")


def fill_shop(shop: Any, events: int, terminals: int = 5) -> list[str]:
    """``events`` events from ``terminals`` terminals over DAYS days, written in PostgreSQL by SQL."""
    per_terminal = events // terminals // 3
    tids = []
    with shop.admin() as admin:
        for k in range(terminals):
            tid = f"00000000-0000-4000-8000-{k:012d}"
            tids.append(tid)
            admin.execute("INSERT INTO posapp.terminals (terminal_id, name, last_sync_at) VALUES (%s, %s, now())",
                          (tid, f"Counter {k + 1}"))  # fmt: skip
            for first in range(1, per_terminal + 1, 20_000):
                last = min(first + 19_999, per_terminal)
                admin.execute(
                    """
INSERT INTO posapp.events (terminal_id, seq, app_ref, at, actor, type, status, provider_ref, operator, kind, provider,
    amount_minor, currency, customer, reason, cashier)
SELECT %(tid)s, 3 * (i - 1) + e, 'T' || %(k)s || '-' || i,
    %(start)s + (i::float8 * %(span)s / %(n)s + e) * interval '1 second',
    CASE e WHEN 1 THEN 'cashier:' || (ARRAY['ama', 'kofi', 'esi', 'yaw'])[1 + i %% 4] ELSE 'system' END,
    CASE e WHEN 1 THEN 'intent' WHEN 2 THEN 'sent' ELSE 'status_read' END,
    CASE e WHEN 1 THEN 'created' WHEN 2 THEN 'pending'
        ELSE (CASE WHEN i %% 5 = 0 THEN 'failed' ELSE 'succeeded' END) END,
    CASE WHEN e = 2 THEN 'MCP' || %(k)s || lpad(i::text, 9, '0') END,
    CASE WHEN e = 3 THEN 'CM_MOMO' END,
    CASE WHEN e = 1 THEN 'push_payment' END, CASE WHEN e = 1 THEN 'mycoolpay' END,
    CASE WHEN e = 1 THEN 100 + (i::bigint * 7919) %% 50000 END, CASE WHEN e = 1 THEN 'XAF' END,
    CASE WHEN e = 1 THEN '+237699' || lpad(((i::bigint * 104729 + %(k)s * 7) %% 1000000)::text, 6, '0') END,
    CASE WHEN e = 1 THEN '' END,
    CASE WHEN e = 1 THEN (ARRAY['ama', 'kofi', 'esi', 'yaw'])[1 + i %% 4] END
FROM generate_series(%(first)s::int, %(last)s::int) AS i CROSS JOIN generate_series(1, 3) AS e ORDER BY i, e
""",
                    {"tid": tid, "k": k, "start": START, "span": DAYS * 86400 - 7200, "n": per_terminal,
                     "first": first, "last": last},
                )  # fmt: skip
        admin.execute("ANALYZE")
    return tids


def reads(server: PostgresServer, events: int) -> None:
    shop = create_shop_database(server, "bench_reads")
    started = time.perf_counter()
    tids = fill_shop(shop, events)
    with shop.admin() as admin:
        count = admin.execute("SELECT count(*) FROM posapp.events").fetchone()[0]  # type: ignore[index]
        transactions = admin.execute("SELECT count(*) FROM posapp.transactions").fetchone()[0]  # type: ignore[index]
    print(f"store filled with {count:,} events ({transactions:,} transactions, {len(tids)} terminals, {DAYS} days)"
          f" in {time.perf_counter() - started:.0f} s")  # fmt: skip
    with ShopStore.connect(shop.terminal_dsn, password=TERMINAL_PASSWORD) as store:
        first = history_page(store)
        one = ShopFilter(terminals=frozenset({tids[2]}))

        def searched(text: str, *, terminals: frozenset[str] = frozenset()) -> Callable[[], Any]:
            return lambda: history_page(store, ShopFilter(HistoryFilter(text=text), terminals))

        failed = ShopFilter(HistoryFilter(statuses=frozenset({Status.FAILED})))
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("History first page (50 rows), whole shop", lambda: history_page(store)),
            ("History next page", lambda: history_page(store, after=first.next)),
            ("History first page, one counter", lambda: history_page(store, one)),
            ("History, failed only", lambda: history_page(store, failed)),
            ("History searched: a phone number (699 104 729)", searched("699 104 729")),
            ("History searched: a reference (MCP2000012345)", searched("MCP2000012345")),
            ("History searched: in every row (+237)", searched("+237")),
            ("History searched + one counter (T2-1234)", searched("T2-1234", terminals=one.terminals)),
        ]
        for label, fn in cases:
            median, worst = timed(fn)
            print(f"{label}: {median:.1f} ms median, {worst:.1f} ms worst (goal < 50 ms)")
        day = date(2026, 2, 15)
        median, worst = timed(lambda: end_of_day(store, day, tz=UTC))
        report = end_of_day(store, day, tz=UTC)
        print(f"end-of-day, one day ({report.scope('shop')[0].paid_count:,} paid): {median:.1f} ms median, "
              f"{worst:.1f} ms worst (goal < 200 ms)")  # fmt: skip
        params = {"payments": list(_PAYMENTS), "paid": list(_PAID), "since": START,
                  "until": datetime(2026, 4, 1, tzinfo=UTC)}  # fmt: skip
        median, worst = timed(lambda: store._run(_TOTALS_SQL, params), repeats=5)  # type: ignore[arg-type]
        print(f"end-of-day totals over all {count:,} events at once (worst case): {median:.0f} ms median, "
              f"{worst:.0f} ms worst")  # fmt: skip


def startup(server: PostgresServer, folder: Path, runs: int) -> None:
    shop = create_shop_database(server, "bench_startup")

    def self_test(shop_store: str) -> float:
        home = Path(tempfile.mkdtemp(dir=folder))
        (home / "config").mkdir()
        lines = ['provider = "mycoolpay"', 'public_key = "pk"']
        if shop_store:
            lines.append(f'shop_store = "{shop_store}"')
        (home / "config" / "settings.toml").write_text("\n".join(lines) + "\n")
        out = subprocess.run(
            [sys.executable, "-m", "posapp", "--self-test"], capture_output=True, text=True, cwd=REPO,
            env={**os.environ, "POSAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}, timeout=120,
        )  # fmt: skip
        if out.returncode != 0:
            raise SystemExit(f"self-test failed: {out.stderr[-500:]}")
        return float(out.stdout.split("painted ")[1].split(" ms")[0])

    self_test("")  # warm the disk cache for both
    without: list[float] = []
    with_shop: list[float] = []
    for _ in range(runs):  # alternated, so a slower moment of the machine weighs on both alike
        without.append(self_test(""))
        with_shop.append(self_test(shop.terminal_dsn))
    print(f"first paint, no shop store: {statistics.median(without):.0f} ms median of {runs}")
    print(f"first paint, shop store configured: {statistics.median(with_shop):.0f} ms median of {runs} "
          f"(difference {statistics.median(with_shop) - statistics.median(without):+.0f} ms; goal: none)")  # fmt: skip
    code = "import time; t = time.perf_counter(); import posapp.shop.link; print((time.perf_counter() - t) * 1000)"
    imports = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                                    check=True).stdout) for _ in range(runs)]  # fmt: skip
    print(f"after the first paint, loading the shop link (psycopg included): {statistics.median(imports):.0f} ms")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench_shop")
    parser.add_argument("--quick", action="store_true")
    options = parser.parse_args(argv)
    catchup_events, shop_events, runs = (10_000, 100_000, 3) if options.quick else (100_000, 1_000_000, 9)
    server = PostgresServer.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            catch_up(server, catchup_events, folder)
            reads(server, shop_events)
            startup(server, folder, runs)
    finally:
        server.remove()


if __name__ == "__main__":
    main(sys.argv[1:])
