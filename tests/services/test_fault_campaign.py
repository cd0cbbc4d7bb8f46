"""Seeded fault campaigns: payouts and refunds (and payments) under faults at every point, with simulated kills.

Faults: refused connection (nothing sent), 5xx before commit, 5xx after commit, HTML 502, connection reset
after commit (answer lost), read timeout after commit, and the console killed between the journal
write and the POST or between the POST and recording the answer (the services and the journal
connection are dropped and rebuilt on the same file). Reads (``checkStatus``) suffer faults too.

Invariants: the sandbox never holds two payouts for one intent (and no intent was POSTed twice); no
sandbox payout lacks a journal row; every intent ends SUCCEEDED, FAILED or UNKNOWN; nothing the journal
shows as SUCCEEDED is not SUCCESS at the sandbox, and nothing it shows as FAILED moved money.
"""

from __future__ import annotations

import json
import logging
import random
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from posapp.core.money import Money
from posapp.core.phone import MobileNumber, parse_mobile
from posapp.core.transactions import Kind, Status
from posapp.sandbox.customer import Fault, Script
from posapp.services.common import ActionFailed

from .conftest import Harness

log = logging.getLogger(__name__)

SEED = 20260302
PAYOUTS_AND_REFUNDS = 1000
FAULT_RATE = 0.2
KILL_RATE = 0.03
RECIPIENTS = [parse_mobile(f"6770000{i:02d}") for i in range(12)] + [parse_mobile(f"6990000{i:02d}") for i in range(8)]
AMOUNTS = [Money(a, "XAF") for a in range(100, 10_001, 100)]
SANDBOX_FAULTS = (Fault.HTTP_500, Fault.HTML_ERROR, Fault.CONNECTION_RESET, Fault.TIMEOUT_AFTER_COMMIT)


class SimulatedKill(BaseException):
    """The console process dies here (not an Exception: nothing in the services may catch it)."""


class KillingGateway:
    """The real gateway, with seeded kills right before or right after a money-moving request."""

    def __init__(self, inner: Any, rng: random.Random, kill_rate: float) -> None:
        self._inner = inner
        self._rng = rng
        self.kill_rate = kill_rate
        self.kills: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def _maybe_kill(self, where: str) -> None:
        if self._rng.random() < self.kill_rate:
            self.kills[where] += 1
            raise SimulatedKill(where)

    async def _killable(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        self._maybe_kill("after_intent_before_post")
        try:
            result = await call(*args, **kwargs)
        except Exception:
            self._maybe_kill("after_post_before_record")
            raise
        self._maybe_kill("after_post_before_record")
        return result

    async def payout(self, *args: Any, **kwargs: Any) -> Any:
        return await self._killable(self._inner.payout, *args, **kwargs)

    async def push_payment(self, *args: Any, **kwargs: Any) -> Any:
        return await self._killable(self._inner.push_payment, *args, **kwargs)


def campaign_harness(tmp_path: Path, kill_rate: float) -> tuple[Harness, KillingGateway, random.Random]:
    rng = random.Random(SEED)
    h = Harness(tmp_path, seed=SEED)
    h.state.timings.hang = 3600.0  # a timeout fault holds the answer "forever" (virtual time)
    # A short real-time deadline, so a held answer times out at once.
    killing = KillingGateway(h.make_gateway(timeout=httpx.Timeout(0.01)), rng, kill_rate)
    h.gateway = killing  # type: ignore[assignment]
    h.services = h.make_services()
    return h, killing, rng


def refuse_some_posts(h: Harness, rng: random.Random) -> None:
    """Nothing sent: the connection is refused for some money-moving POSTs."""
    h.transport.refuse = lambda request: request.method == "POST" and rng.random() < FAULT_RATE / 4


def posted_app_refs(h: Harness, endpoint: str) -> Counter[str]:
    refs: Counter[str] = Counter()
    for request in h.transport.requests:
        if request.method == "POST" and request.url.path.endswith(endpoint):
            refs[json.loads(request.content)["app_transaction_ref"]] += 1
    return refs


async def resolve_one_unknown(h: Harness) -> None:
    """A manager checks the provider's dashboard (the sandbox) and settles the oldest unknown."""
    unknown = [tx for tx in h.journal.unfinished() if tx.kind.moves_money_out and tx.status is Status.UNKNOWN]
    if not unknown:
        return
    tx = unknown[0]
    held = next((t for t in h.state.transactions.values() if t.app_ref == tx.app_ref), None)
    if held is not None and held.status not in ("SUCCESS", "FAILED"):
        return  # still in progress at the provider
    status = Status.SUCCEEDED if held is not None and held.status == "SUCCESS" else Status.FAILED
    approval = await h.services.payouts.approve("kofi", "resolve", tx.amount)
    await h.services.payouts.resolve_unknown(tx.app_ref, status, approval, "checked on the dashboard")


async def drain(h: Harness) -> None:
    """No more faults; time enough for every payout to settle and every read to happen."""
    h.state.faults.clear()
    h.transport.refuse = lambda request: False
    for _ in range(12):
        await h.time.advance(30)


@pytest.mark.slow
async def test_payouts_and_refunds_under_faults_and_kills(tmp_path: Path) -> None:
    h, killing, rng = campaign_harness(tmp_path, KILL_RATE)
    await h.services.start()
    # Paid payments to refund, made before the faults start.
    payments: list[tuple[str, MobileNumber]] = []
    for i in range(40):
        phone = RECIPIENTS[i % len(RECIPIENTS)]
        h.state.scripts.queue_next(Script.pay(after=1))
        killing.kill_rate = 0.0
        pushed = await h.services.checkout.start_push_payment(Money(5000, "XAF"), phone, f"sale {i}", cashier="ama")
        payments.append((pushed.transaction.app_ref, phone))
        if phone.operator.value == "CM_OM":
            code = h.state.sms_to(phone.national)[-1].code
            await h.services.checkout.submit_otp(pushed.transaction.app_ref, code)
    await h.time.advance(3)
    assert all(h.journal.get(ref).status is Status.SUCCEEDED for ref, _ in payments)  # type: ignore[union-attr]

    killing.kill_rate = KILL_RATE
    refuse_some_posts(h, rng)
    h.state.faults.randomize(SEED, FAULT_RATE, SANDBOX_FAULTS, endpoints=["payout", "checkStatus"])
    outcomes: Counter[str] = Counter()
    intents = 0
    attempt = 0
    while intents < PAYOUTS_AND_REFUNDS:
        attempt += 1
        payouts = h.services.payouts
        before = h.journal.count()
        try:
            if rng.random() < 0.3:
                ref, _ = rng.choice(payments)
                amount = Money(rng.choice((100, 200, 300, 500)), "XAF")
                if (await payouts.refundable(ref)) < amount:
                    outcomes["refund_not_refundable"] += 1
                    continue
                approval = await payouts.approve("kofi", "refund", amount)
                tx = await payouts.refund(ref, amount, "campaign", approval)
            else:
                amount = rng.choice(AMOUNTS)
                approval = await payouts.approve("kofi", "payout", amount)
                tx = await payouts.payout(amount, rng.choice(RECIPIENTS), None, "campaign", approval)
            outcomes[tx.status.value] += 1
        except SimulatedKill as kill:
            outcomes[f"killed_{kill}"] += 1
            await h.rebuild()
        except ActionFailed as exc:
            outcomes[type(exc).__name__] += 1
        intents += h.journal.count() - before
        if attempt % 25 == 0:
            await h.time.advance(2)
        if attempt % 40 == 0:
            await resolve_one_unknown(h)
    killing.kill_rate = 0.0
    await drain(h)

    money_out = [tx for tx in h.journal.transactions_between(h.time.start, h.time.utc()) if tx.kind.moves_money_out]
    assert len(money_out) >= PAYOUTS_AND_REFUNDS
    sandbox = {t.app_ref: t for t in h.state.transactions.values() if t.type == "PAYOUT"}
    posted = posted_app_refs(h, "/payout")
    journal_refs = {tx.app_ref for tx in money_out}
    # 1. never two payouts for one intent (the sandbox also refuses a reused app_ref: check we never sent one)
    assert max(posted.values()) == 1
    # 2. no payout at the sandbox without a journal row
    assert set(sandbox) <= journal_refs
    # 3. every intent ends succeeded, failed or unknown
    final = Counter(tx.status for tx in money_out)
    assert set(final) <= {Status.SUCCEEDED, Status.FAILED, Status.UNKNOWN}, final
    for tx in money_out:
        held = sandbox.get(tx.app_ref)
        # 4. nothing shown as succeeded that the sandbox does not hold as SUCCESS; nothing failed moved money
        if tx.status is Status.SUCCEEDED:
            assert held is not None and held.status == "SUCCESS", tx
        if tx.status is Status.FAILED:
            assert held is None or held.status == "FAILED", tx
    # Refunds never exceed what was paid.
    for ref, _ in payments:
        refunded = sum(t.amount.minor for t in money_out if t.parent_ref == ref and t.status is Status.SUCCEEDED)
        assert refunded <= 5000
    applied = Counter(f.fault for f in h.state.faults.applied)
    assert all(applied[f] > 0 for f in SANDBOX_FAULTS), applied
    assert killing.kills["after_intent_before_post"] > 0 and killing.kills["after_post_before_record"] > 0
    assert outcomes["PayoutBlocked"] > 0
    log.warning("campaign: %d intents, final %s, outcomes %s", len(money_out), dict(final), dict(outcomes))
    log.warning("faults applied %s, kills %s", dict(applied), dict(killing.kills))


@pytest.mark.slow
async def test_payments_resume_after_kills_and_reach_the_provider_status(tmp_path: Path) -> None:
    h, killing, rng = campaign_harness(tmp_path, 0.1)
    refuse_some_posts(h, rng)
    await h.services.start()
    h.state.faults.randomize(SEED, FAULT_RATE, SANDBOX_FAULTS, endpoints=["payin", "checkStatus"])
    started: list[str] = []
    for i in range(150):
        phone = RECIPIENTS[i % 12]  # MTN: no OTP
        action = rng.random()
        h.state.scripts.queue_next(
            Script.pay(after=rng.uniform(1, 40)) if action < 0.7 else Script.decline(after=rng.uniform(1, 40))
        )
        try:
            pushed = await h.services.checkout.start_push_payment(Money(100 + i, "XAF"), phone, "sale", cashier="ama")
            started.append(pushed.transaction.app_ref)
        except SimulatedKill:
            await h.rebuild()
        except ActionFailed:
            pass
        if rng.random() < 0.05:
            await h.rebuild()  # killed while following payments
        await h.time.advance(rng.uniform(0, 2))
    await drain(h)
    sandbox = {t.app_ref: t for t in h.state.transactions.values()}
    payments = [tx for tx in h.journal.transactions_between(h.time.start, h.time.utc()) if tx.kind is Kind.PUSH_PAYMENT]
    assert len(payments) >= 150
    expected = {"SUCCESS": Status.SUCCEEDED, "FAILED": Status.FAILED, "CANCELED": Status.CANCELED}
    statuses: Counter[Status] = Counter()
    for tx in payments:
        statuses[tx.status] += 1
        held = sandbox.get(tx.app_ref)
        if tx.provider_ref is not None:  # the answer was recorded: the tracker must reach the provider's status
            assert held is not None and expected[held.status] is tx.status, (tx, held and held.status)
        else:
            assert tx.status in (Status.UNKNOWN, Status.FAILED), tx
            if tx.status is Status.FAILED:
                assert held is None or held.status != "SUCCESS"
    assert max(posted_app_refs(h, "/payin").values()) == 1
    assert statuses[Status.SUCCEEDED] > 50 and statuses[Status.UNKNOWN] > 0
    log.warning("payments: %s, kills %s", dict(statuses), dict(killing.kills))
