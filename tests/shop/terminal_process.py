"""One counter terminal in its own process, for the multi-process shop tests.

    python -m tests.shop.terminal_process sell JOURNAL PREFIX COUNT [--offline-until FILE]
    python -m tests.shop.terminal_process replicate JOURNAL [--batch N]
    python -m tests.shop.terminal_process claim JOURNAL SALE_TERMINAL SALE_REF AMOUNT REFUND_REF

The store's address comes from ``SHOP_DSN`` and its password from ``SHOP_PASSWORD`` (never argv).
``sell`` sells COUNT sales while its replicator runs (offline while FILE does not exist), then waits
until the store holds all of them and prints ``synced``. ``replicate`` prints ``started`` and ships
until synced. ``claim`` asks the store for a refund claim and prints ``accepted``/``refused REASON``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from posapp.journal.store import Journal
from posapp.shop.identity import terminal_identity
from posapp.shop.replicator import Replicator
from posapp.shop.store import ShopStore, StoreUnreachable
from tests.shop.sales import sell


def _say(line: str) -> None:
    """One line to the test reading this process's stdout, at once."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _connect(offline_until: Path | None = None) -> ShopStore:
    if offline_until is not None and not offline_until.exists():
        raise StoreUnreachable("the counter's network cable is out (test)")
    return ShopStore.connect(os.environ["SHOP_DSN"], password=os.environ["SHOP_PASSWORD"])


def _wait_synced(replicator: Replicator, journal: Journal, timeout: float = 120) -> None:
    from posapp.shop.outbox import last_event_seq

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = replicator.status
        if status.store_seq == last_event_seq(journal) and status.waiting == 0 and status.last_synced_at is not None:
            return
        replicator.wake()
        time.sleep(0.05)
    raise SystemExit(f"not synced: {replicator.status}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    selling = commands.add_parser("sell")
    selling.add_argument("journal", type=Path)
    selling.add_argument("prefix")
    selling.add_argument("count", type=int)
    selling.add_argument("--offline-until", type=Path)
    replicating = commands.add_parser("replicate")
    replicating.add_argument("journal", type=Path)
    replicating.add_argument("--batch", type=int, default=500)
    claiming = commands.add_parser("claim")
    for name in ("journal", "sale_terminal", "sale_ref", "amount", "refund_ref"):
        claiming.add_argument(name)
    options = parser.parse_args(argv)

    if options.command == "claim":
        with Journal(options.journal) as journal, _connect() as store:
            me = terminal_identity(journal)
            store.register_terminal(me.terminal_id, me.name)
            _say("ready")
            sys.stdin.readline()  # every racer waits here, then all claim at once
            claim = store.claim_refund(terminal_id=me.terminal_id, refund_ref=options.refund_ref,
                                       sale_terminal_id=options.sale_terminal, sale_ref=options.sale_ref,
                                       amount_minor=int(options.amount), currency="XAF",
                                       claimed_by="manager:test")  # fmt: skip
        _say("accepted" if claim.accepted else f"refused {claim.reason} {claim.left_minor}")
        return 0

    with Journal(options.journal) as journal:
        if options.command == "sell":
            offline = options.offline_until
            replicator = Replicator(options.journal, lambda: _connect(offline), interval_s=0.05, batch_size=20)
            replicator.start()
            for n in range(options.count):
                sell(journal, f"{options.prefix}-{n}", 100 + n * 7, cashier=("ama", "kofi")[n % 2], paid=n % 5 != 0)
                replicator.wake()
                time.sleep(0.005)
            _say("sold")
        else:
            replicator = Replicator(options.journal, _connect, interval_s=0.05, batch_size=options.batch)
            replicator.start()
            _say("started")
        try:
            _wait_synced(replicator, journal)
        finally:
            replicator.stop()
    _say("synced")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
