"""Wires the manager's screens (refund, payouts, balance, settling unknown outcomes) to the services.

Like ``ConsoleController`` for the cashier's screens: the screens only ask (signals) and show (methods);
this module gets the manager's approval (``AccessController.require``), calls the payout and balance
services through ``run_action`` and routes the services' events (through its own ``ServiceBridge``) to
the screens that show them. Call it once the services and the access controller exist::

    manager = install_manager_screens(window, console.controller, console.services, console.access,
                                      console.settings)

Balance is an oversight permission (``Permission.VIEW_BALANCE``), not a money movement: a cashier sees
a "Manager only" panel; "Unlock as manager" asks a manager's PIN (``require``), uses the approval up at
once (``AccessController.use``: the journal records who let whom see the balance, when) and shows the
figures until the screen is left or the console locks.

An unknown outcome (a payment, refund or payout that may or may not have moved money) is settled from
History or Activity: ``SettleDialog`` takes what the manager found and a note, a manager approves
(``Permission.RESOLVE_UNKNOWN``) and ``PayoutService.resolve_unknown`` records it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from babel.dates import format_datetime
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from posapp.config import PROVIDER_LABELS, Settings
from posapp.core.access import Permission
from posapp.core.money import Money, format_money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.reports import DayTotals
from posapp.journal.store import Journal
from posapp.services.common import ActionFailed
from posapp.services.events import OutcomeUnknown, PaymentStarted, StatusChanged
from posapp.services.payouts import PayoutBlocked
from posapp.ui.actions import run_action
from posapp.ui.screens.balance import PERIOD_WEEK, BalanceScreen
from posapp.ui.screens.payout import PayoutRequest, PayoutScreen
from posapp.ui.screens.refund_dialog import RefundDialog
from posapp.ui.screens.settle_dialog import SettleDialog, kind_title
from posapp.ui.widgets.takings_chart import Bar, takings_per_day, takings_per_hour
from posapp.ui.wiring.bridge import ServiceBridge

if TYPE_CHECKING:
    from posapp.services.balance import BalanceReading
    from posapp.services.events import BalanceChanged
    from posapp.services.payments import PaymentServices
    from posapp.ui.main_window import MainWindow
    from posapp.ui.wiring.access import AccessController
    from posapp.ui.wiring.controller import ConsoleController

log = logging.getLogger(__name__)
T = TypeVar("T")

TOTALS_DELAY_MS = 400  # ten payments finishing at once reload the totals once
WEEK_DAYS = 7


def _between(journal: Journal, since: datetime, until: datetime) -> list[Transaction]:
    return list(journal.transactions_between(since, until))


def _local_midnight(moment: datetime) -> datetime:
    local = moment.astimezone()
    return datetime.combine(local.date(), time(), tzinfo=local.tzinfo)


class ManagerScreens(QObject):
    """The refund dialog, the Payouts and Balance screens, and what connects them to the services.

    Signals:
        message(str): a short line for the status bar.
    """

    message = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        controller: ConsoleController,
        services: PaymentServices,
        access: AccessController,
        settings: Settings,
        *,
        journal: Journal | None = None,
        clock: Any = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.services = services
        self.access = access
        self.settings = settings
        self.locale_name = settings.locale
        self._clock = clock or (lambda: datetime.now(UTC))
        self.history = controller.history
        reader = journal or (self.history.journal if self.history is not None else services.journal.journal)
        provider = PROVIDER_LABELS.get(services.gateway.name, services.gateway.name)

        self.payouts = PayoutScreen(reader, settings.currency, settings.locale)
        self.balance = BalanceScreen(settings.currency, settings.locale, provider_label=provider, clock=self._clock)
        window.replace_screen("payouts", self.payouts)
        window.replace_screen("balance", self.balance)
        self.refund_dialog: RefundDialog | None = None
        self.settle_dialog: SettleDialog | None = None
        self.provider_label = provider

        self.bridge = ServiceBridge(services.bus, self)
        self.bridge.status_changed.connect(self._on_status_changed)
        self.bridge.payment_started.connect(self._on_payment_started)
        self.bridge.outcome_unknown.connect(self._on_outcome_unknown)
        self.bridge.balance_changed.connect(self._on_balance_changed)

        self.payouts.payout_requested.connect(self.send_payout)
        self.balance.refresh_requested.connect(self.refresh_balance)
        self.balance.unlock_requested.connect(self.unlock_balance)
        self.balance.period_changed.connect(lambda _: self.reload_takings())
        self.balance.installEventFilter(self)
        self.balance.show_unsupported(not services.balance.supported)
        if services.balance.cached is not None:
            self._show_reading(services.balance.cached)

        if self.history is not None:
            self.history.refund_requested.connect(self.open_refund)
            self.history.settle_requested.connect(self.open_settle)
            self.history.set_actions(refund=True, settle=True)
        controller.activity.settle_requested.connect(self.open_settle)
        controller.activity.set_settle_enabled(True)

        self._tasks: set[asyncio.Task[Any]] = set()
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(TOTALS_DELAY_MS)
        self._totals_timer.timeout.connect(self.reload_today)
        access.user_changed.connect(self._user_changed)
        self._user_changed(access.current_user)

    def close(self) -> None:
        """Stop listening to the services and cancel the reads still running (the console is closing)."""
        self.bridge.close()
        for dialog in (self.refund_dialog, self.settle_dialog):
            if dialog is not None:
                dialog.done(0)
        self._totals_timer.stop()
        for task in list(self._tasks):
            task.cancel()

    def _run(
        self,
        control: QWidget | None,
        action: Callable[[], Coroutine[Any, Any, T]],
        on_success: Callable[[T], None],
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        task = run_action(control, action, on_success=on_success, on_error=on_error)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _open(self, dialog: QDialog, slot: str) -> None:
        """Show ``dialog`` (never ``exec()``) as ``self.<slot>`` until it closes, then delete it."""
        setattr(self, slot, dialog)

        def closed(_: int) -> None:
            if getattr(self, slot) is dialog:
                setattr(self, slot, None)
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()

    def _status(self, text: str) -> None:
        self.message.emit(text)
        self.window.statusBar().showMessage(text, 10_000)

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        return format_datetime(moment, "medium", tzinfo=moment.astimezone().tzinfo, locale=self.locale_name)

    # ------------------------------------------------------------------ refund

    def open_refund(self, app_ref: str) -> None:
        """Open the refund dialog for the payment ``app_ref`` (from History)."""
        if self.refund_dialog is not None:
            self.refund_dialog.raise_()
            self.refund_dialog.activateWindow()
            return
        services = self.services

        async def load() -> tuple[Transaction, Money, str | None]:
            payment = await services.journal.call(Journal.get, app_ref)
            if payment is None or not payment.kind.is_payment:
                raise ActionFailed(
                    QCoreApplication.translate("ManagerScreens", "This is not a payment that can be refunded.")
                )
            if payment.provider != services.gateway.name and payment.kind is not Kind.CASH_PAYMENT:
                raise ActionFailed(
                    QCoreApplication.translate(
                        "ManagerScreens",
                        "This payment was made through {provider}: refund it while {provider} is in use.",
                    ).format(provider=PROVIDER_LABELS.get(payment.provider, payment.provider))
                )
            refundable = await services.payouts.refundable(app_ref)
            payer = await services.payouts.payer_of(payment)
            return payment, refundable, payer

        self._run(None, load, self._show_refund_dialog, lambda exc, text: self._status(text))

    def _show_refund_dialog(self, loaded: tuple[Transaction, Money, str | None]) -> None:
        payment, refundable, payer = loaded
        if self.refund_dialog is not None:
            return
        dialog = RefundDialog(payment, refundable, self.locale_name, payer=payer, parent=self.window)
        dialog.refund_requested.connect(lambda amount, reason: self._refund(dialog, amount, reason))
        self._open(dialog, "refund_dialog")

    def _refund(self, dialog: RefundDialog, amount: Money, reason: str) -> None:
        payment = dialog.payment
        services, access = self.services, self.access
        dialog.set_busy(True)
        summary = QCoreApplication.translate("ManagerScreens", "Refund of payment {ref} ({paid})").format(
            ref=payment.app_ref, paid=format_money(payment.amount, self.locale_name)
        )

        async def act() -> Transaction | None:
            approval = await access.require(Permission.REFUND, amount, summary=summary)
            if approval is None:
                return None
            # By tender: cash from the drawer of whoever is at the till, mobile money through the provider.
            at_till = access.current_user.name if access.current_user is not None else approval.manager
            return await services.sales.refund_tender(payment.app_ref, amount, reason, approval, cashier=at_till)

        def done(refund: Transaction | None) -> None:
            if refund is None:
                dialog.show_error(QCoreApplication.translate("ManagerScreens", "Not approved: nothing was sent."))
                return
            dialog.set_busy(False)
            dialog.show_refund(refund)
            self._refund_changed(refund)

        def failed(exc: BaseException, text: str) -> None:
            recorded = exc.transaction if isinstance(exc, ActionFailed) else None
            if isinstance(exc, PayoutBlocked):
                dialog.show_error(text)  # the earlier refund is what stands in the way: nothing was sent now
            elif recorded is not None and recorded.kind is Kind.REFUND:
                dialog.set_busy(False)
                dialog.show_refund(recorded, text)  # sent and refused: the dialog says why, offers no retry
            else:
                dialog.show_error(text)

        self._run(None, act, done, failed)

    def _refund_changed(self, refund: Transaction, message: str = "") -> None:
        dialog = self.refund_dialog
        if dialog is not None:
            dialog.update_status(refund, message)
        if refund.status is Status.SUCCEEDED and refund.parent_ref and self.history is not None:
            # The journal moved the payment to (partly) refunded with the refund's event, without an event of
            # its own: read it again so History shows it.
            self.history.refresh_transaction(refund.parent_ref)

    # ------------------------------------------------------------------ settle an unknown outcome

    def open_settle(self, app_ref: str) -> None:
        """Open the settle dialog for the UNKNOWN transaction ``app_ref`` (from History or Activity)."""
        if self.settle_dialog is not None:
            self.settle_dialog.raise_()
            self.settle_dialog.activateWindow()
            return
        services = self.services

        async def load() -> Transaction:
            tx = await services.journal.call(Journal.get, app_ref)
            if tx is None or tx.status is not Status.UNKNOWN:
                raise ActionFailed(
                    QCoreApplication.translate("ManagerScreens", "This outcome is known already: nothing to settle.")
                )
            return tx

        self._run(None, load, self._show_settle_dialog, lambda exc, text: self._status(text))

    def _show_settle_dialog(self, tx: Transaction) -> None:
        if self.settle_dialog is not None:
            return
        dialog = SettleDialog(tx, self.locale_name, provider_label=self.provider_label, parent=self.window)
        dialog.settle_requested.connect(lambda status, note: self._settle(dialog, status, note))
        dialog.recheck_requested.connect(lambda: self._recheck_unknown(dialog))
        self._open(dialog, "settle_dialog")

    def _settle(self, dialog: SettleDialog, status: Status, note: str) -> None:
        tx = dialog.transaction
        services, access = self.services, self.access
        summary = QCoreApplication.translate("ManagerScreens", "Settle an unknown outcome: {what} ({ref})").format(
            what=kind_title(tx).format(amount=format_money(tx.amount, self.locale_name)), ref=tx.app_ref
        )

        async def act() -> Transaction | None:
            approval = await access.require(Permission.RESOLVE_UNKNOWN, tx.amount, summary=summary)
            if approval is None:
                return None
            return await services.payouts.resolve_unknown(tx.app_ref, status, approval, note)

        def done(settled: Transaction | None) -> None:
            if settled is None:
                dialog.show_error(QCoreApplication.translate("ManagerScreens", "Not approved: nothing was recorded."))
                return
            dialog.update_status(settled)
            self._settled(settled)

        def failed(exc: BaseException, text: str) -> None:
            current = exc.transaction if isinstance(exc, ActionFailed) else None
            dialog.show_error(text)
            if current is not None:
                dialog.update_status(current)  # settled meanwhile (the provider answered): say so

        self._run(None, act, done, failed)

    def _recheck_unknown(self, dialog: SettleDialog) -> None:
        tracker = self.services.tracker
        app_ref = dialog.transaction.app_ref
        self._run(
            None,
            lambda: tracker.check_now(app_ref),
            dialog.recheck_done,
            lambda exc, text: dialog.recheck_done(None, text),
        )

    def _settled(self, tx: Transaction) -> None:
        if self.history is not None:
            self.history.update_transaction(tx)
            if tx.kind is Kind.REFUND and tx.parent_ref:
                self.history.refresh_transaction(tx.parent_ref)  # a refund that went through changes its payment

    # ------------------------------------------------------------------ payout

    def send_payout(self, request: PayoutRequest) -> None:
        """Confirmed on the Payouts screen: no unknown payout in the way, a manager approves, then send."""
        screen, services, access = self.payouts, self.services, self.access
        screen.set_busy(True)
        summary = screen.confirmation_text(request)

        async def act() -> Transaction | None:
            blocker = await services.payouts.blocking_unknown(request.recipient, request.amount)
            if blocker is not None:
                raise PayoutBlocked(blocker)  # before asking a manager for a PIN that could not be used
            approval = await access.require(Permission.PAYOUT, request.amount, summary=summary)
            if approval is None:
                return None
            return await services.payouts.payout(
                request.amount, request.recipient, request.operator, request.reason, approval
            )

        def done(payout: Transaction | None) -> None:
            if payout is None:
                screen.show_error(QCoreApplication.translate("ManagerScreens", "Not approved: nothing was sent."))
                return
            screen.set_busy(False)
            screen.show_payout(payout)

        def failed(exc: BaseException, text: str) -> None:
            if isinstance(exc, PayoutBlocked):
                screen.show_blocked(exc.blocker, self._when(exc.blocker.created_at))
                return
            recorded = exc.transaction if isinstance(exc, ActionFailed) else None
            if recorded is not None and recorded.kind is Kind.PAYOUT:
                screen.set_busy(False)
                screen.show_payout(recorded, text)
            else:
                screen.show_error(text)

        self._run(None, act, done, failed)

    # ------------------------------------------------------------------ balance

    def _user_changed(self, user: object) -> None:
        may_see = self.access.allowed(Permission.VIEW_BALANCE)
        self.balance.set_locked(not may_see)
        if may_see and self.balance.isVisible():
            self.load_balance_screen()

    def unlock_balance(self) -> None:
        access = self.access

        async def act() -> bool:
            approval = await access.require(
                Permission.VIEW_BALANCE,
                summary=QCoreApplication.translate("ManagerScreens", "See the balance and today's totals"),
            )
            if approval is None:
                return False
            access.use(approval, used_for="balance screen")
            return True

        def done(approved: bool) -> None:
            if approved:
                self.balance.set_locked(False, for_visit=True)
                self.load_balance_screen()

        self._run(self.balance.unlock_button, act, done, lambda exc, text: self.balance.show_unlock_error(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.balance and event.type() == QEvent.Type.Show and not self.balance.locked:
            self.load_balance_screen()
        return False

    def load_balance_screen(self) -> None:
        """Read what the Balance screen shows: the balance if never read, today's totals, the chart."""
        if self.balance.locked:
            return
        if self.services.balance.supported and self.services.balance.cached is None:
            self.refresh_balance()
        self.reload_today()

    def refresh_balance(self) -> None:
        screen = self.balance
        if screen.locked or not self.services.balance.supported:
            return
        screen.set_refreshing(True)

        def done(reading: BalanceReading) -> None:
            screen.set_refreshing(False)
            self._show_reading(reading)

        def failed(exc: BaseException, text: str) -> None:
            screen.set_refreshing(False)
            screen.show_balance_error(text)

        self._run(None, self.services.balance.refresh, done, failed)

    def _show_reading(self, reading: BalanceReading) -> None:
        self.balance.show_reading(reading.balance, reading.read_at)

    def _on_balance_changed(self, event: BalanceChanged) -> None:
        self.balance.show_reading(event.balance, event.read_at)

    def reload_today(self) -> None:
        """Today's totals and the chart, from the journal (on its worker thread)."""
        if self.balance.locked:
            return
        services = self.services
        currency = self.settings.currency

        async def load() -> DayTotals | None:
            rows = await services.balance.today()
            return next((r for r in rows if r.cashier is None and r.currency == currency), None)

        self._run(None, load, self.balance.show_totals, lambda exc, text: self._status(text))
        self.reload_takings()

    def reload_takings(self) -> None:
        if self.balance.locked:
            return
        services = self.services
        now = self._clock()
        today = _local_midnight(now)
        week = self.balance.period == PERIOD_WEEK
        since = today - timedelta(days=WEEK_DAYS - 1) if week else today

        async def load() -> list[Bar]:
            transactions = await services.journal.call(_between, since, today + timedelta(days=1))
            if week:
                return takings_per_day(
                    transactions, today.date(), self.settings.currency, days=WEEK_DAYS, locale=self.locale_name
                )
            return takings_per_hour(transactions, today.date(), self.settings.currency, now=now)

        self._run(None, load, self.balance.show_takings, lambda exc, text: self._status(text))

    def _totals_soon(self) -> None:
        if not self.balance.locked and self.balance.isVisible():
            self._totals_timer.start()

    # ------------------------------------------------------------------ events

    def _money_out_changed(self, tx: Transaction, message: str) -> None:
        if tx.kind is Kind.PAYOUT:
            self.payouts.update_transaction(tx, message)
        elif tx.kind is Kind.REFUND:
            self._refund_changed(tx, message)

    def _on_payment_started(self, event: PaymentStarted) -> None:
        self._money_out_changed(event.transaction, "")

    def _on_status_changed(self, event: StatusChanged) -> None:
        tx = event.transaction
        self._money_out_changed(tx, event.message)
        if self.settle_dialog is not None:
            self.settle_dialog.update_status(tx, event.message)
        if tx.status.is_final or tx.status is Status.UNKNOWN:
            self._totals_soon()

    def _on_outcome_unknown(self, event: OutcomeUnknown) -> None:
        self._money_out_changed(event.transaction, event.reason)
        self._totals_soon()


def install_manager_screens(
    window: MainWindow,
    controller: ConsoleController,
    services: PaymentServices,
    access: AccessController,
    settings: Settings,
) -> ManagerScreens:
    """Put the Payouts and Balance screens in the window and offer refunds from History; see the module docstring."""
    return ManagerScreens(window, controller, services, access, settings)


__all__ = ["ManagerScreens", "install_manager_screens"]
