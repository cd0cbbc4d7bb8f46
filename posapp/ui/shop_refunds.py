"""Refunding another counter's sale from the shop view: the refund dialog, a manager's approval, the store's say.

The flow is the refund dialog's (amount, reason), with what is still refundable across the shop and the
payer's number read from the store first. On "Refund", a manager approves a payout of that amount (a
signed-in manager by being signed in), then ``posapp.services.shop_refunds.refund_other_counter``
claims it in the shop store and only then sends it. Whatever stops it is said in the dialog; a refund
that went out is shown as it stands (followed like any payout).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from posapp.core.money import Money, format_money
from posapp.core.transactions import Transaction
from posapp.journal.store import Approval
from posapp.services.shop_refunds import refund_other_counter
from posapp.shop.reads import ShopRow
from posapp.shop.store import ShopStore
from posapp.ui.actions import run_action
from posapp.ui.screens.refund_dialog import RefundDialog

Approve = Callable[[Money, str], Awaitable[Approval | None]]


class ShopRefunds:
    """Opens the refund dialog for a ``ShopRow`` of another counter and runs the refund."""

    def __init__(self, window: QWidget, payouts: Any, link: Any, approve: Approve, locale: str) -> None:
        self.window = window
        self.payouts = payouts
        self.link = link
        self.approve = approve
        self.locale = locale
        self.dialog: RefundDialog | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    def _run(self, action: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Any, str], None]) -> None:
        task = run_action(None, action, on_success=done, on_error=failed)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def open_refund(self, row: ShopRow) -> None:
        """Read what is refundable and who paid from the store, then show the refund dialog."""
        connect: Callable[[], ShopStore] = self.link.connect
        payment = row.transaction

        def read() -> tuple[int | None, str | None]:
            with connect() as store:
                return store.refundable(row.terminal_id, payment.app_ref), store.payer_phone(
                    row.terminal_id, payment.app_ref
                )

        async def load() -> tuple[int | None, str | None]:
            return await asyncio.to_thread(read)

        def show(loaded: tuple[int | None, str | None]) -> None:
            left, payer = loaded
            if left is None:
                self._say(QCoreApplication.translate("ShopRefunds", "This sale cannot be refunded any more."))
                return
            dialog = RefundDialog(payment, Money(left, payment.amount.currency), self.locale, payer=payer,
                                  parent=self.window)  # fmt: skip
            dialog.refund_requested.connect(lambda amount, reason: self._refund(dialog, row, amount, reason))
            self.dialog = dialog
            dialog.finished.connect(lambda _code: dialog.deleteLater())
            dialog.open()

        def failed(exc: BaseException, text: str) -> None:
            self._say(text)  # describe_error says a store error in words (posapp.ui.shop_messages)

        self._run(load, show, failed)

    def _refund(self, dialog: RefundDialog, row: ShopRow, amount: Money, reason: str) -> None:
        payment = row.transaction
        dialog.set_busy(True)
        summary = QCoreApplication.translate("ShopRefunds", "Refund of {ref} ({paid}) taken at {counter}").format(
            ref=payment.app_ref, paid=format_money(payment.amount, self.locale), counter=row.counter
        )

        async def act() -> Transaction | None:
            approval = await self.approve(amount, summary)
            if approval is None:
                return None
            return await refund_other_counter(
                self.payouts, self.link.connect, self.link.identity.terminal_id, row, amount, reason, approval
            )

        def done(refund: Transaction | None) -> None:
            if refund is None:
                dialog.show_error(QCoreApplication.translate("ShopRefunds", "Not approved: nothing was sent."))
                return
            dialog.set_busy(False)
            dialog.show_refund(refund)

        self._run(act, done, lambda _exc, text: dialog.show_error(text))

    def _say(self, text: str) -> None:
        window: Any = self.window
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10_000)
