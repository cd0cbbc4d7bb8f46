"""Sales written to a real journal the way the services write them (intent, sent, status read)."""

from __future__ import annotations

import random
from pathlib import Path

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import Journal


def sell(journal: Journal, ref: str, amount: int, *, cashier: str = "ama", paid: bool = True,
         customer: str = "+237699112233") -> Transaction:  # fmt: skip
    tx = Transaction(app_ref=ref, kind=Kind.PUSH_PAYMENT, provider="mycoolpay", amount=Money(amount, "XAF"),
                     customer=customer, cashier=cashier)  # fmt: skip
    journal.record_intent(tx, f"cashier:{cashier}")
    journal.append_event(ref, type="sent", status=Status.PENDING, actor="system", provider_ref=f"P-{ref}",
                         raw={"status": "PENDING", "transaction_ref": f"P-{ref}"})  # fmt: skip
    return journal.append_event(ref, type="status_read", status=Status.SUCCEEDED if paid else Status.FAILED,
                                actor="system", operator="CM_MOMO")  # fmt: skip


def sell_many(path: Path, prefix: str, count: int, *, seed: int = 0) -> int:
    """``count`` sales in a journal file; returns the sum of the paid ones."""
    rng = random.Random(seed)
    total = 0
    with Journal(path) as journal:
        for start in range(0, count, 500):
            with journal.batch():  # one commit per 500 sales: a big journal is made in seconds
                for n in range(start, min(start + 500, count)):
                    amount = rng.randrange(100, 50_000)
                    paid = rng.random() < 0.8
                    sell(journal, f"{prefix}-{n}", amount, cashier=rng.choice(["ama", "kofi", "esi"]), paid=paid)
                    total += amount if paid else 0
    return total


def paid_total(path: Path) -> int:
    """What the terminal's own journal says it was paid (succeeded payments)."""
    with Journal(path) as journal:
        row = (
            journal._live()
            .execute(
                "SELECT coalesce(sum(amount_minor), 0) FROM transactions WHERE kind LIKE '%payment' AND status IN"
                " ('succeeded', 'partially_refunded', 'refunded')"
            )
            .fetchone()
        )
    return int(row[0])


def journal_events(path: Path) -> list[tuple[int, str, str, str]]:
    with Journal(path) as journal:
        rows = (
            journal._live()
            .execute(
                "SELECT e.id, t.app_ref, e.type, e.status FROM events e JOIN transactions t ON t.id = e.transaction_id"
                " ORDER BY e.id"
            )
            .fetchall()
        )
    return [tuple(r) for r in rows]
