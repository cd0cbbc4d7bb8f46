"""Wires the screens to the payment services: the cashier's actions go down, the services' events come up.

Screens know nothing of services: they emit requests (``qr_requested``, ``cancel_requested``...) and
offer methods to show things. The controller runs each request through ``run_action`` and routes the
bridge's signals (status changes, OTP asked, connection lost) to every screen that shows the payment.
Services may arrive after the window (the sandbox starts after the first paint): until ``attach`` is
called, an action says the console is still connecting and changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from posapp.core.money import Money, format_money
from posapp.core.phone import MobileNumber, parse_mobile
from posapp.core.transactions import Kind, Status, Transaction
from posapp.gateways.base import Capability
from posapp.services.events import (
    ConnectionBack,
    ConnectionLost,
    Event,
    JournalUnwritable,
    JournalWritable,
    OtpRequired,
    OutcomeUnknown,
    PaymentStarted,
    StatusChanged,
)
from posapp.ui.actions import journal_unwritable_text, run_action
from posapp.ui.provider_messages import with_provider_words
from posapp.ui.screens.activity import ActivityScreen
from posapp.ui.screens.capture_dialog import WHOLE_CAPTURE_ONLY, CaptureDialog
from posapp.ui.screens.customer_display import CustomerDisplay
from posapp.ui.screens.otp_dialog import OtpDialog
from posapp.ui.screens.push_payment import PushPaymentScreen
from posapp.ui.screens.qr_payment import QrPaymentScreen
from posapp.ui.screens.sale import SaleScreen
from posapp.ui.wiring.bridge import ServiceBridge

if TYPE_CHECKING:
    from posapp.services.payments import PaymentServices
    from posapp.ui.main_window import MainWindow
    from posapp.ui.screens.history import HistoryScreen

log = logging.getLogger(__name__)


def payment_url_from_timeline(events: list[Any]) -> str:
    """The payment link recorded with a link payment's events (the provider's answer to the paylink)."""
    for event in reversed(events):
        raw = getattr(event, "raw", None)
        if isinstance(raw, dict):
            for key in ("payment_url", "url", "redirect_uri"):
                value = raw.get(key)
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
    return ""


# How long a request made before the services are attached waits for them (the training emulators start in
# about a second after the first paint).
SERVICES_WAIT_S = 30.0


def _loop_running() -> bool:
    """Whether an event loop runs to wait on (not when the screens are driven without one)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _still_connecting(on_error: Callable[[BaseException, str], None]) -> None:
    on_error(
        RuntimeError("not connected"),
        QCoreApplication.translate("Controller", "Still connecting to the provider; try again in a moment."),
    )


class SaleFlow(QStackedWidget):
    """The Sale navigation slot: the sale form, then the QR or push screen of the payment in progress."""

    def __init__(self, currency: str, locale: str, decimal_symbol: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sale = SaleScreen(currency, locale, decimal_symbol)
        self.qr = QrPaymentScreen(locale)
        self.push = PushPaymentScreen(locale)
        for page in (self.sale, self.qr, self.push):
            self.addWidget(page)

    def show_sale(self) -> None:
        self.setCurrentWidget(self.sale)
        self.sale.reset()

    def focus_first(self) -> None:
        """The keyboard goes to the page on show: the amount, or the outcome's New sale."""
        page = self.currentWidget()
        focus_first = getattr(page, "focus_first", None)
        if callable(focus_first):
            focus_first()

    def take_key(self, event: QKeyEvent) -> bool:
        """A key no widget took goes to the page on show (see ``MainWindow``)."""
        take_key = getattr(self.currentWidget(), "take_key", None)
        return bool(callable(take_key) and take_key(event))


class ConsoleController(QObject):
    """Connects the window's screens with ``PaymentServices`` through a ``ServiceBridge``.

    Signals:
        message(str): a short line for the status bar.
    """

    message = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        flow: SaleFlow,
        activity: ActivityScreen,
        *,
        history: HistoryScreen | None = None,
        locale: str,
        training: bool,
        shop_name: str = "",
        cashier: str = "",
        largest_sale: Money | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.flow = flow
        self.activity = activity
        self.history = history
        self.locale = locale
        self.training = training
        self.shop_name = shop_name
        self.cashier = cashier
        self.largest_sale = largest_sale
        self.customer_display: CustomerDisplay | None = None
        self.services: PaymentServices | None = None
        # A request made before the services are attached (signed in before the training emulators were
        # up) waits for them: woken by attach() or provider_unreachable().
        self._services_changed: asyncio.Event | None = None
        self._unreachable = False
        self._waiting: set[asyncio.Task[None]] = set()
        self.bridge: ServiceBridge | None = None
        self.otp_dialog: OtpDialog | None = None
        self.capture_dialog: CaptureDialog | None = None
        self._phones: dict[str, MobileNumber] = {}
        self._urls: dict[str, str] = {}
        self.listeners: list[Callable[[Event], None]] = []
        flow.sale.qr_requested.connect(self.start_link_payment)
        flow.sale.push_requested.connect(self.start_push_payment)
        for screen in (flow.qr, flow.push):
            screen.cancel_requested.connect(self.cancel_payment)
            screen.new_sale_requested.connect(self.new_sale)
        flow.push.otp_entry_requested.connect(self.ask_otp)
        flow.qr.customer_display_requested.connect(self.show_customer_display)
        activity.recheck_requested.connect(self.recheck)
        activity.cancel_requested.connect(self.cancel_payment)
        activity.show_qr_requested.connect(self.show_qr_again)
        activity.capture_requested.connect(self.capture_payment)
        if history is not None:
            history.recheck_requested.connect(self.recheck)
            history.capture_requested.connect(self.capture_payment)

    # ------------------------------------------------------------------ services

    def attach(self, services: PaymentServices) -> None:
        """Start using ``services``: route their events to the screens and offer what the provider can do.

        Attaching again (the provider changed) replaces the previous services' bridge.
        """
        if self.bridge is not None:
            self.bridge.close()
            self.bridge.deleteLater()
        self.services = services
        self._unreachable = False
        if self._services_changed is not None:
            self._services_changed.set()
        self.bridge = ServiceBridge(services.bus, self)
        self.bridge.status_changed.connect(self._on_status_changed)
        self.bridge.otp_required.connect(self._on_otp_required)
        self.bridge.outcome_unknown.connect(self._on_outcome_unknown)
        self.bridge.connection_lost.connect(self._on_connection_lost)
        self.bridge.connection_back.connect(self._on_connection_back)
        self.bridge.payment_started.connect(self._on_payment_started)
        self.bridge.journal_unwritable.connect(self._on_journal_unwritable)
        self.bridge.journal_writable.connect(self._on_journal_writable)
        capabilities = services.gateway.capabilities
        self.flow.sale.set_capabilities(
            payment_link=bool(capabilities & Capability.PAYMENT_LINK),
            push_payment=bool(capabilities & Capability.PUSH_PAYMENT),
        )
        self.apply_limits()
        # Without mobile money the link opens a card checkout (CoolPay, Paiwise, Commerce Layer).
        self.flow.qr.set_card_checkout(not capabilities & Capability.PUSH_PAYMENT)
        can_capture = bool(capabilities & Capability.CAPTURE)
        self.activity.set_capture_enabled(can_capture)
        if self.history is not None:
            self.history.set_capture_enabled(can_capture)
        self.window.set_connection_text(QCoreApplication.translate("Controller", "Connected"))
        self.activity.set_transactions(services.tracker.following())

    def set_largest_sale(self, largest_sale: Money | None) -> None:
        """The shop's largest sale changed in Settings."""
        self.largest_sale = largest_sale
        self.apply_limits()

    def apply_limits(self) -> None:
        """Tell the Sale screen the smallest and largest payment: the provider's, and the shop's maximum."""
        from posapp.gateways.registry import PROVIDERS

        sale = self.flow.sale
        currency = sale.currency
        minimum = maximum = None
        minimum_why = maximum_why = ""
        if self.services is not None:
            name = self.services.gateway.name
            info = PROVIDERS.get(name)
            if info is not None:
                limits = info.limits(currency)
                label = info.label
                if limits.minimum_minor > 1:
                    minimum = Money(limits.minimum_minor, currency)
                    minimum_why = QCoreApplication.translate(
                        "Controller", "the smallest payment {provider} takes"
                    ).format(provider=label)
                if limits.maximum_minor is not None:
                    maximum = Money(limits.maximum_minor, currency)
                    maximum_why = QCoreApplication.translate(
                        "Controller", "the largest payment {provider} takes"
                    ).format(provider=label)
        shop = self.largest_sale
        if shop is not None and shop.currency == currency and (maximum is None or shop < maximum):
            maximum = shop
            maximum_why = QCoreApplication.translate("Controller", "the shop's largest sale (Settings)")
        sale.set_limits(minimum=minimum, minimum_why=minimum_why, maximum=maximum, maximum_why=maximum_why)

    def _notify(self, event: Event) -> None:
        for listener in list(self.listeners):
            listener(event)

    def _run(
        self,
        control: QWidget | None,
        action: Callable[[PaymentServices], Coroutine[Any, Any, Any]],
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        services = self.services
        if services is None and not self._unreachable and _loop_running():
            waiting = asyncio.ensure_future(self._run_when_attached(control, action, on_success, on_error))
            self._waiting.add(waiting)
            waiting.add_done_callback(self._waiting.discard)
            return
        if services is None:
            _still_connecting(on_error)
            return
        run_action(control, lambda: action(services), on_success=on_success, on_error=on_error)

    def provider_unreachable(self) -> None:
        """The services could not be started: requests waiting for them are refused, as later ones are."""
        self._unreachable = True
        if self._services_changed is not None:
            self._services_changed.set()

    async def _run_when_attached(
        self,
        control: QWidget | None,
        action: Callable[[PaymentServices], Coroutine[Any, Any, Any]],
        on_success: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        """Run the request once the services are attached (its control disabled meanwhile, as while it runs)."""
        if self._services_changed is None:
            self._services_changed = asyncio.Event()
        if control is not None:
            control.setEnabled(False)
        try:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(SERVICES_WAIT_S):
                    while self.services is None and not self._unreachable:
                        self._services_changed.clear()
                        await self._services_changed.wait()
        finally:
            if control is not None:
                with contextlib.suppress(RuntimeError):  # the widget was deleted meanwhile
                    control.setEnabled(True)
        if self.services is None:
            _still_connecting(on_error)
            return
        self._run(control, action, on_success, on_error)

    # ------------------------------------------------------------------ sale

    def start_link_payment(self, amount: Money, reason: str, phone: MobileNumber | None) -> None:
        sale = self.flow.sale
        sale.show_error("")

        def shown(result: Any) -> None:
            self._urls[result.transaction.app_ref] = result.url
            self._show_qr(result.transaction, result.url)

        self._run(
            sale.qr_button,
            lambda s: s.checkout.start_link_payment(amount, reason, phone, cashier=self.cashier),
            shown,
            lambda exc, text: sale.show_error(text),
        )

    def start_push_payment(self, amount: Money, phone: MobileNumber, reason: str) -> None:
        sale = self.flow.sale
        sale.show_error("")

        def shown(result: Any) -> None:
            tx = result.transaction
            self._phones[tx.app_ref] = phone
            self.flow.push.show_payment(tx, phone, ussd=result.ussd, message=result.message)
            self.flow.setCurrentWidget(self.flow.push)
            if tx.status is Status.UNKNOWN:
                self.flow.push.update_status(tx)
            elif result.awaiting_otp:
                self.ask_otp(tx.app_ref, tries_left=result.tries_left)

        self._run(
            sale.push_button,
            lambda s: s.checkout.start_push_payment(amount, phone, reason, cashier=self.cashier),
            shown,
            lambda exc, text: sale.show_error(text),
        )

    def _show_qr(self, transaction: Transaction, url: str) -> None:
        self.flow.qr.show_payment(transaction, url)
        self.flow.setCurrentWidget(self.flow.qr)
        self.window.show_screen("sale")
        if self.customer_display is not None:
            self.customer_display.show_payment(transaction, url)

    def new_sale(self) -> None:
        self.close_otp_dialog()
        self.flow.show_sale()
        if self.customer_display is not None:
            self.customer_display.show_idle()

    def show_customer_display(self) -> None:
        """Open (or raise) the customer-facing window, showing the payment on screen."""
        if self.customer_display is None:
            self.customer_display = CustomerDisplay(self.locale, self.shop_name, training=self.training)
            self.customer_display.resize(800, 800)
        display = self.customer_display
        if self.flow.currentWidget() is self.flow.qr and self.flow.qr.transaction is not None:
            display.show_payment(self.flow.qr.transaction, self.flow.qr.url)
        display.show()
        display.raise_()

    def recheck(self, app_ref: str) -> None:
        self._run(
            None,
            lambda s: s.tracker.check_now(app_ref),
            lambda tx: self._show_status(tx, ""),
            lambda exc, text: self.message.emit(text),
        )

    def show_qr_again(self, app_ref: str) -> None:
        """Show a link payment's QR code again (from Activity), even after a restart."""

        async def load(services: PaymentServices) -> tuple[Transaction, str]:
            from posapp.journal.store import Journal

            tx = await services.journal.call(Journal.get, app_ref)
            if tx is None:
                raise LookupError(app_ref)
            url = self._urls.get(app_ref) or payment_url_from_timeline(
                await services.journal.call(Journal.timeline, app_ref)
            )
            return tx, url

        def shown(result: tuple[Transaction, str]) -> None:
            tx, url = result
            if not url:
                self.message.emit(QCoreApplication.translate("Controller", "This payment has no link to show."))
                return
            self._urls[app_ref] = url
            self._show_qr(tx, url)

        self._run(None, load, shown, lambda exc, text: self.message.emit(text))

    def cancel_payment(self, app_ref: str) -> None:
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("Controller", "Cancel this payment?"),
            QCoreApplication.translate(
                "Controller", "Stop waiting for this payment? If the customer pays anyway, posapp will still record it."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(
            None,
            lambda s: s.checkout.cancel(app_ref, "canceled by the cashier", cashier=self.cashier),
            lambda tx: self._show_status(tx, ""),
            lambda exc, text: self.message.emit(text),
        )

    # ------------------------------------------------------------------ capture

    def capture_payment(self, app_ref: str) -> None:
        """Ask how much of an authorized card payment to capture (all or part), then capture it once."""
        if self.capture_dialog is not None:
            self.capture_dialog.raise_()
            return

        async def load(services: PaymentServices) -> Transaction:
            from posapp.journal.store import Journal

            tx = await services.journal.call(Journal.get, app_ref)
            if tx is None:
                raise LookupError(app_ref)
            return tx

        def loaded(tx: Transaction) -> None:
            if tx.status is not Status.AUTHORIZED:
                self._show_status(tx, "")
                self.message.emit(
                    QCoreApplication.translate("Controller", "This payment is no longer waiting for a capture.")
                )
                return
            if self.capture_dialog is not None:
                return
            provider = self.services.gateway.name if self.services is not None else ""
            self._open_capture_dialog(tx, partial=provider not in WHOLE_CAPTURE_ONLY)

        self._run(None, load, loaded, lambda exc, text: self.message.emit(text))

    def _open_capture_dialog(self, tx: Transaction, *, partial: bool) -> CaptureDialog:
        dialog = CaptureDialog(tx.amount, self.locale, partial=partial, parent=self.window)
        self.capture_dialog = dialog
        app_ref = tx.app_ref

        def submitted(amount: Money | None) -> None:
            dialog.set_busy(True)

            def done(outcome: Any) -> None:
                self.close_capture_dialog()
                text = self._capture_text(outcome, tx.amount)
                self._show_status(outcome.transaction, text)
                self.message.emit(text)

            def failed(exc: BaseException, text: str) -> None:
                dialog.set_busy(False)
                dialog.show_error(text)

            self._run(None, lambda s: s.checkout.capture(app_ref, amount, cashier=self.cashier), done, failed)

        dialog.capture_submitted.connect(submitted)
        dialog.finished.connect(lambda _: setattr(self, "capture_dialog", None))
        dialog.open()
        return dialog

    def _capture_text(self, outcome: Any, authorized: Money) -> str:
        if outcome.outcome_unknown:
            return QCoreApplication.translate(
                "Controller",
                "No clear answer from the provider about the capture. Do not capture again: posapp keeps checking.",
            )
        captured = outcome.captured
        if captured is not None and captured != authorized:
            return QCoreApplication.translate(
                "Controller", "Captured {captured} of the {authorized} authorized."
            ).format(captured=format_money(captured, self.locale), authorized=format_money(authorized, self.locale))
        return QCoreApplication.translate("Controller", "Captured {amount}.").format(
            amount=format_money(captured or authorized, self.locale)
        )

    def close_capture_dialog(self) -> None:
        if self.capture_dialog is not None:
            dialog, self.capture_dialog = self.capture_dialog, None
            dialog.accept()
            dialog.deleteLater()

    # ------------------------------------------------------------------ OTP

    def ask_otp(self, app_ref: str, tries_left: int = 3) -> None:
        if self.otp_dialog is not None:
            self.otp_dialog.raise_()
            return
        phone = self._phones.get(app_ref)
        dialog = OtpDialog(phone.formatted() if phone else "", tries_left, self.window)
        self.otp_dialog = dialog

        def submitted(code: str) -> None:
            dialog.set_busy(True)

            def done(outcome: Any) -> None:
                dialog.set_busy(False)
                if outcome.accepted or outcome.tries_left <= 0 or outcome.transaction.status.is_final:
                    self.close_otp_dialog()
                    self._show_status(outcome.transaction, outcome.message)
                else:
                    # Our sentence in the cashier's language; the provider's own words (often English) after it.
                    refused = with_provider_words(
                        outcome.message, QCoreApplication.translate("Controller", "The code is not right.")
                    )
                    dialog.show_refused(refused, outcome.tries_left)

            def failed(exc: BaseException, text: str) -> None:
                dialog.set_busy(False)
                dialog.show_refused(text, tries_left)

            self._run(None, lambda s: s.checkout.submit_otp(app_ref, code), done, failed)

        dialog.code_submitted.connect(submitted)
        dialog.finished.connect(lambda _: setattr(self, "otp_dialog", None))
        dialog.open()

    def close_otp_dialog(self) -> None:
        if self.otp_dialog is not None:
            dialog, self.otp_dialog = self.otp_dialog, None
            dialog.accept()
            dialog.deleteLater()

    # ------------------------------------------------------------------ events

    def _show_status(self, tx: Transaction, message: str) -> None:
        self.flow.qr.update_status(tx, message)
        self.flow.push.update_status(tx, message)
        self.activity.upsert(tx, message)
        if self.history is not None:
            self.history.update_transaction(tx)
        if self.customer_display is not None:
            self.customer_display.update_status(tx)
        ended = tx.status.is_final or tx.status is Status.UNKNOWN
        if tx.app_ref == self.flow.push.app_ref and ended:
            self.close_otp_dialog()

    def _on_payment_started(self, event: PaymentStarted) -> None:
        self.activity.upsert(event.transaction)
        if self.history is not None:
            self.history.update_transaction(event.transaction)
        self._notify(event)

    def _on_status_changed(self, event: StatusChanged) -> None:
        self._show_status(event.transaction, event.message)
        self._notify(event)

    def _on_otp_required(self, event: OtpRequired) -> None:
        if event.transaction.app_ref == self.flow.push.app_ref:
            self.flow.push.update_status(event.transaction, event.message)
        self._notify(event)

    def _on_outcome_unknown(self, event: OutcomeUnknown) -> None:
        self._show_status(event.transaction, event.reason)
        self.message.emit(QCoreApplication.translate("Controller", "A payment's outcome is unknown: see Activity."))
        self._notify(event)

    def _on_journal_unwritable(self, event: JournalUnwritable) -> None:
        self.window.show_journal_problem(journal_unwritable_text(event.fault))
        self._notify(event)

    def _on_journal_writable(self, event: JournalWritable) -> None:
        self.window.show_journal_problem("")
        self.message.emit(
            QCoreApplication.translate("Controller", "The journal is written again: every answer it missed is in it.")
        )
        self._notify(event)

    def _on_connection_lost(self, event: ConnectionLost) -> None:
        self.window.set_connection_text(QCoreApplication.translate("Controller", "Provider not reachable"))
        self.activity.connection_lost(event.reason, since=event.at)
        self._notify(event)

    def _on_connection_back(self, event: ConnectionBack) -> None:
        self.window.set_connection_text(QCoreApplication.translate("Controller", "Connected"))
        self.activity.connection_back()
        self._notify(event)

    # ------------------------------------------------------------------ helpers for other screens

    def payment_url(self, app_ref: str) -> str:
        return self._urls.get(app_ref, "")

    def remember(self, transaction: Transaction, url: str = "") -> None:
        if url:
            self._urls[transaction.app_ref] = url
        if transaction.kind is Kind.PUSH_PAYMENT and transaction.customer:
            try:
                self._phones[transaction.app_ref] = parse_mobile(transaction.customer)
            except ValueError:
                pass
