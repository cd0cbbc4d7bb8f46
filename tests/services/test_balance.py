"""Balance: read on demand with its time, refreshed (debounced) after finished transactions; today's totals."""

from __future__ import annotations

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.sandbox.customer import Script
from posapp.services.events import BalanceChanged

from .conftest import Harness

MTN = parse_mobile("677000001")


async def test_refresh_on_demand_and_after_finished_payments(harness: Harness) -> None:
    h = harness
    reading = await h.services.balance.refresh()
    assert reading.balance == Money(10_000_000, "XAF") and reading.read_at == h.time.utc()
    assert h.services.balance.cached == reading
    for i in range(3):
        h.state.scripts.queue_next(Script.pay(after=4))
        await h.services.checkout.start_push_payment(Money(1000 + i, "XAF"), MTN, cashier="ama")
    await h.time.advance(10)
    readings = h.events.of(BalanceChanged)
    assert len(readings) == 2  # three payments finishing together cost one read
    assert readings[-1].balance > reading.balance


async def test_today_totals_from_the_journal(harness: Harness) -> None:
    h = harness
    h.state.scripts.queue_next(Script.pay(after=1))
    await h.services.checkout.start_push_payment(Money(1000, "XAF"), MTN, cashier="ama")
    await h.time.advance(5)
    shop = (await h.services.balance.today())[0]
    assert shop.cashier is None and shop.paid.amount == Money(1000, "XAF") and shop.paid.count == 1
