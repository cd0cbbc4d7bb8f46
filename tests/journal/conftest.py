"""Journal fixtures: a real SQLite file in tmp_path and a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import Journal


class Clock:
    """A UTC clock that advances one second per reading, unless moved."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def move(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(tmp_path: Path, clock: Clock) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3", clock=clock) as j:
        yield j


def payment(ref: str = "POS-1", amount: int = 5000, currency: str = "XAF", **fields: object) -> Transaction:
    values: dict[str, object] = {
        "app_ref": ref,
        "kind": Kind.PUSH_PAYMENT,
        "provider": "mycoolpay",
        "amount": Money(amount, currency),
        "customer": "+237699123456",
        "operator": "mtn",
        "reason": "sale",
        "cashier": "ama",
    }
    values.update(fields)
    return Transaction(**values)  # type: ignore[arg-type]


def paid(journal: Journal, ref: str = "POS-1", amount: int = 5000, **fields: object) -> Transaction:
    journal.record_intent(payment(ref, amount, **fields), "cashier:ama")
    journal.append_event(ref, type="sent", status=Status.PENDING, actor="system", provider_ref=f"MCP-{ref}")
    return journal.append_event(ref, type="status_read", status=Status.SUCCEEDED, actor="system")


def refund(ref: str, parent: str, amount: int) -> Transaction:
    return Transaction(
        app_ref=ref, kind=Kind.REFUND, provider="mycoolpay", amount=Money(amount, "XAF"), parent_ref=parent
    )
