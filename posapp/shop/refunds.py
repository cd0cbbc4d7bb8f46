"""The shop store's say on a refund: the refunded total of a sale is capped across every counter.

``ShopRefundGuard`` is handed to the payout service. After the refund's intent is in the journal and
before the request leaves the machine, it asks the store to claim the amount on the sale
(``posapp.claim_refund``: a transaction holding the sale's row lock, so two managers at two counters
claiming the same sale at the same moment are decided one after the other). A claim the store refuses
raises ``ShopRefundRefused`` (a ``RefundRefused``) with the reason in words: the refund is then recorded
FAILED, nothing sent.

Offline, a counter refunds its own sales on its journal's word (it holds every refund it made); a
claim whose answer was lost is asked again under the same refund reference, which the store answers
the same way (a retry never claims twice). A sale the store does not hold yet (not replicated) or does
not see paid yet cannot carry anybody else's claim either: the journal's cap decides.

Runs the store's I/O on a worker thread (``asyncio.to_thread``), never on the Qt loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from posapp.core.money import Money
from posapp.core.transactions import Transaction
from posapp.shop.errors import ShopRefundRefused, StoreError, StoreUnreachable
from posapp.shop.store import RefundClaim, ShopStore

log = logging.getLogger(__name__)

# Reasons the store gives that leave the decision to this counter's journal (see the module docstring).
_JOURNAL_DECIDES = frozenset({"unknown_sale", "not_paid"})


class ShopRefundGuard:
    """Claims each refund on the shop store before it is sent (see the module docstring)."""

    def __init__(self, connect: Callable[[], ShopStore], terminal_id: str, *, attempts: int = 2) -> None:
        self._connect = connect
        self.terminal_id = terminal_id
        self.attempts = attempts
        self.last_claim: RefundClaim | None = None  # what the store said last (tests, the status bar)

    async def __call__(self, refund: Transaction) -> None:
        await asyncio.to_thread(self.claim, refund)

    def claim(self, refund: Transaction) -> None:
        """Worker thread: claim ``refund`` on its sale; ``RefundRefused`` when the store says no."""
        if refund.parent_ref is None:
            raise ShopRefundRefused("Refund {ref} names no sale; nothing was sent.", ref=refund.app_ref)
        claim: RefundClaim | None = None
        for attempt in range(self.attempts):
            try:
                with self._connect() as store:
                    claim = store.claim_refund(
                        terminal_id=self.terminal_id, refund_ref=refund.app_ref, sale_terminal_id=self.terminal_id,
                        sale_ref=refund.parent_ref, amount_minor=refund.amount.minor,
                        currency=refund.amount.currency, claimed_by=refund.cashier or "manager",
                    )  # fmt: skip
                break
            except StoreUnreachable as exc:
                if attempt + 1 < self.attempts:
                    continue
                log.warning("refund %s decided offline on this counter's journal: %s", refund.app_ref, exc)
                return
            except StoreError as exc:
                # The store answered but cannot decide (password, privileges): the manager is told, nothing sent.
                raise ShopRefundRefused(
                    "The shop store cannot approve this refund now; nothing was sent.", detail=str(exc)
                ) from exc
        assert claim is not None
        self.last_claim = claim
        if claim.accepted or claim.reason in _JOURNAL_DECIDES:
            return
        if claim.reason == "over_refund":
            left = Money(claim.left_minor, refund.amount.currency)
            raise ShopRefundRefused(
                "Other refunds of {sale} across the shop leave at most {left} to refund; nothing was sent.",
                sale=refund.parent_ref,
                left=left,
            )
        if claim.reason == "currency":
            raise ShopRefundRefused("{sale} was paid in another currency; nothing was sent.", sale=refund.parent_ref)
        raise ShopRefundRefused(
            "The shop store refused refund {ref}; nothing was sent.", ref=refund.app_ref, detail=claim.reason
        )


__all__ = ["ShopRefundGuard"]
