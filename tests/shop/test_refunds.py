"""Refunds capped across the shop: the store's claim under a lock on the sale, and the payout service's hook."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.journal.store import Journal
from posapp.services.common import ActionFailed
from posapp.shop.identity import terminal_identity
from posapp.shop.refunds import ShopRefundGuard
from posapp.shop.replicator import Replicator
from posapp.shop.store import ShopStore
from tests.services.conftest import Harness
from tests.services.test_payouts import XAF, paid_push
from tests.shop.conftest import TERMINAL_PASSWORD, ShopDatabase
from tests.shop.sales import sell

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
async def counter_a(tmp_path: Path, shop_db: ShopDatabase) -> AsyncIterator[Harness]:
    h = Harness(tmp_path)
    await h.services.start()
    tid = terminal_identity(h.journal).terminal_id
    with shop_db.terminal() as store:
        store.register_terminal(tid, "Counter A")
    h.services.payouts.refund_guard = ShopRefundGuard(shop_db.terminal, tid)
    yield h
    await h.aclose()


def replicate(h: Harness, shop_db: ShopDatabase) -> None:
    with shop_db.terminal() as store:
        Replicator(h.path, lambda: store).sync_once(store, h.journal)


def other_counter_claims(shop_db: ShopDatabase, sale_terminal: str, sale_ref: str, amount: int) -> bool:
    other = str(uuid.uuid4())
    with shop_db.terminal() as store:
        store.register_terminal(other, "Counter B")
        claim = store.claim_refund(
            terminal_id=other, refund_ref="RF-B-1", sale_terminal_id=sale_terminal, sale_ref=sale_ref,
            amount_minor=amount, currency="XAF", claimed_by="manager:esi",
        )  # fmt: skip
    return claim.accepted


async def test_a_refund_is_capped_by_what_other_counters_refunded(counter_a: Harness, shop_db: ShopDatabase) -> None:
    h = counter_a
    payment = await paid_push(h)
    replicate(h, shop_db)
    assert other_counter_claims(shop_db, terminal_identity(h.journal).terminal_id, payment, 1500)
    approval = await h.services.payouts.approve("kofi", "refund", Money(1000, "XAF"))
    payouts_before = h.transport.count("/payout")
    with pytest.raises(ActionFailed, match="at most 500 XAF") as refused:
        await h.services.payouts.refund(payment, Money(1000, "XAF"), "damaged", approval)
    assert h.transport.count("/payout") == payouts_before  # nothing left the machine
    assert refused.value.transaction is not None
    assert h.journal.get(refused.value.transaction.app_ref).status is Status.FAILED  # type: ignore[union-attr]
    small = await h.services.payouts.approve("kofi", "refund", Money(500, "XAF"))
    refund = await h.services.payouts.refund(payment, Money(500, "XAF"), "damaged", small)
    assert refund.status in (Status.PENDING, Status.SUCCEEDED) and h.transport.count("/payout") == payouts_before + 1


async def test_a_refund_claims_the_sale_before_it_is_sent(counter_a: Harness, shop_db: ShopDatabase) -> None:
    h = counter_a
    payment = await paid_push(h)
    replicate(h, shop_db)
    approval = await h.services.payouts.approve("kofi", "refund", XAF)
    await h.services.payouts.refund(payment, XAF, "all of it", approval)
    # the other counter now finds nothing left to refund
    assert not other_counter_claims(shop_db, terminal_identity(h.journal).terminal_id, payment, 1)


async def test_offline_a_counter_refunds_its_own_sale(counter_a: Harness, tmp_path: Path) -> None:
    h = counter_a
    payment = await paid_push(h)
    tid = terminal_identity(h.journal).terminal_id
    dead = f"postgresql://posapp_terminal@/shop?host={tmp_path}"
    guard = ShopRefundGuard(lambda: ShopStore.connect(dead, password="x", connect_timeout=1), tid)
    h.services.payouts.refund_guard = guard
    approval = await h.services.payouts.approve("kofi", "refund", XAF)
    refund = await h.services.payouts.refund(payment, XAF, "store down", approval)
    assert refund.status is not Status.FAILED and guard.last_claim is None


async def test_a_store_that_refuses_the_terminal_refuses_the_refund(counter_a: Harness, shop_db: ShopDatabase) -> None:
    h = counter_a
    payment = await paid_push(h)
    tid = terminal_identity(h.journal).terminal_id
    h.services.payouts.refund_guard = ShopRefundGuard(
        lambda: ShopStore.connect(shop_db.terminal_dsn, password="wrong-password"), tid
    )
    approval = await h.services.payouts.approve("kofi", "refund", XAF)
    with pytest.raises(ActionFailed, match="cannot approve this refund now"):
        await h.services.payouts.refund(payment, XAF, "x", approval)


@pytest.mark.slow
def test_the_cross_counter_refund_race(shop_db: ShopDatabase, tmp_path: Path) -> None:
    """Six counter processes claim 400 of one 1,000 sale at the same moment: at most two win."""
    sale_path = tmp_path / "sale.sqlite3"
    with Journal(sale_path) as journal, shop_db.terminal() as store:
        sell(journal, "PAY-RACE", 1000)
        sale_terminal = terminal_identity(journal).terminal_id
        store.register_terminal(sale_terminal, "Counter A")
        Replicator(sale_path, lambda: store).sync_once(store, journal)
    env = {**os.environ, "SHOP_DSN": shop_db.terminal_dsn, "SHOP_PASSWORD": TERMINAL_PASSWORD}
    racers = []
    for n in range(6):
        path = tmp_path / f"racer{n}.sqlite3"
        Journal(path).close()
        racers.append(subprocess.Popen(
            [sys.executable, "-m", "tests.shop.terminal_process", "claim", str(path), sale_terminal, "PAY-RACE",
             "400", f"RF-{n}"],
            cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))  # fmt: skip
    for proc in racers:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", proc.stderr
    for proc in racers:  # release them all together
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    answers = [proc.communicate(timeout=60)[0].strip() for proc in racers]
    assert answers.count("accepted") == 2
    assert sorted(a for a in answers if a != "accepted") == ["refused over_refund 200"] * 4  # every loser told why
    with shop_db.admin() as admin:
        claimed = admin.execute("SELECT sum(amount_minor) FROM posapp.refund_claims").fetchone()[0]
    assert claimed == 800 <= 1000
