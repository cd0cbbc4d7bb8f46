"""Puts the Settings screen, receipts and the end-of-day report into the running console.

Called once by the composition root (``app.py``) after the cashier's screens and the access controller
exist::

    wiring = install_settings_screens(window, controller, services, access, settings, journal)
    ...                                      # later, once the services are built (after the first paint)
    wiring.attach(services)                  # auto print follows their status changes
    wiring.settings_screen.provider_changed.connect(rebuild_provider)   # see SettingsScreen

``services`` may be None at first (the console connects to the provider after its first paint); then
call ``attach`` when they exist, and again after rebuilding them on ``provider_changed``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from posapp.config import Settings
from posapp.core.access import Permission
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.services.events import StatusChanged
from posapp.ui.actions import run_action
from posapp.ui.screens.end_of_day import EndOfDayScreen
from posapp.ui.screens.receipts import (
    ReceiptDialog,
    layout_of,
    print_receipt,
    receipt_allowed,
    receipt_facts,
    receipt_printer,
)
from posapp.ui.screens.settings import SettingsScreen
from posapp.ui.wiring.access import AccessController
from posapp.ui.wiring.bridge import ServiceBridge

log = logging.getLogger(__name__)

_PAID = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED, Status.REFUNDED})


def just_succeeded(event: StatusChanged) -> bool:
    """The money of this change has just moved: a payment became paid, or a refund succeeded."""
    tx = event.transaction
    if not receipt_allowed(tx):
        return False
    if tx.kind.is_payment:
        return event.old not in _PAID
    return tx.kind is Kind.REFUND and event.old is not Status.SUCCEEDED


class EndOfDayDialog(QDialog):
    """The end-of-day report in a window of its own, over the console."""

    def __init__(self, screen: EndOfDayScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endOfDayDialog")
        self.setWindowTitle(QCoreApplication.translate("EndOfDayScreen", "End-of-day report"))
        self.report_screen = screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(screen)


class SettingsWiring(QObject):
    """Holds the Settings screen and connects reprints, automatic printing and the end-of-day report."""

    def __init__(
        self,
        window: Any,
        controller: Any,
        services: Any,
        access: AccessController | None,
        settings: Settings,
        journal: Journal,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.access = access
        self.settings = settings
        self.journal = journal
        self.training = settings.training
        self.services: Any = None
        self._status_source: Any = None
        self._own_bridge: ServiceBridge | None = None
        self._auto_printed: set[str] = set()
        self._dialogs: list[QDialog] = []
        # Where automatic printing goes (tests print to a PDF file); None: no printer.
        self.auto_printer: Callable[[Settings], QPrinter | None] = receipt_printer

        users = access.users if access is not None else UserStore(journal)
        self.settings_screen = SettingsScreen(settings, access=access, users=users)
        window.replace_screen("settings", self.settings_screen)
        self.settings_screen.settings_saved.connect(self._settings_saved)
        self.settings_screen.end_of_day_requested.connect(self.open_end_of_day)

        history = getattr(controller, "history", None) or window.screens.get("history")
        self.history = history if hasattr(history, "reprint_requested") else None
        if self.history is not None:
            self.history.reprint_requested.connect(self.reprint)
            self.history.set_actions(reprint=True)
        if services is not None:
            self.attach(services)

    # ------------------------------------------------------------------ services

    def attach(self, services: Any) -> None:
        """Follow ``services``' status changes (auto print); call again after rebuilding them."""
        if self._status_source is not None:
            try:
                self._status_source.status_changed.disconnect(self._on_status_changed)
            except (RuntimeError, TypeError):
                pass
        if self._own_bridge is not None:
            self._own_bridge.close()
            self._own_bridge.deleteLater()
            self._own_bridge = None
        self.services = services
        bridge = getattr(self.controller, "bridge", None)
        if bridge is None or getattr(self.controller, "services", None) is not services:
            self._own_bridge = ServiceBridge(services.bus, self)
            bridge = self._own_bridge
        bridge.status_changed.connect(self._on_status_changed)
        self._status_source = bridge

    def secrets(self) -> Iterable[str]:
        gateway = getattr(self.services, "gateway", None)
        return tuple(getattr(gateway, "secrets", ()) or ())

    def _settings_saved(self, settings: Settings) -> None:
        self.settings = settings
        self.training = settings.training
        if self.controller is not None and hasattr(self.controller, "shop_name"):
            self.controller.shop_name = settings.shop_name
        if self.controller is not None and hasattr(self.controller, "set_largest_sale"):
            from posapp.core.money import Money, exponent

            largest = settings.largest_sale * 10 ** exponent(settings.currency)
            self.controller.set_largest_sale(Money(largest, settings.currency) if largest > 0 else None)

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 10_000)

    # ------------------------------------------------------------------ receipts

    def _on_status_changed(self, event: StatusChanged) -> None:
        if not self.settings.auto_print or not just_succeeded(event):
            return
        tx = event.transaction
        if tx.app_ref in self._auto_printed:
            return
        self._auto_printed.add(tx.app_ref)
        self.auto_print(tx)

    def auto_print(self, transaction: Transaction) -> bool:
        printer = self.auto_printer(self.settings)
        if printer is None:
            self._say(QCoreApplication.translate("ReceiptDialog", "Receipt not printed: no printer is set up."))
            return False
        ok = print_receipt(
            transaction,
            self.settings,
            cashier=transaction.cashier,
            training=self.training,
            layout=layout_of(self.settings),
            printer=printer,
            **receipt_facts(self.journal, transaction.app_ref),
        )
        if not ok:
            self._say(QCoreApplication.translate("ReceiptDialog", "Receipt not printed: the printer did not answer."))
        return ok

    def reprint(self, app_ref: str) -> ReceiptDialog | None:
        """Show the receipt of ``app_ref`` again, marked as a duplicate, to print or save."""
        tx = self.journal.get(app_ref)
        if tx is None or not receipt_allowed(tx):
            self._say(
                QCoreApplication.translate("ReceiptDialog", "Only paid payments and succeeded refunds have a receipt.")
            )
            return None
        dialog = ReceiptDialog(
            tx, self.settings, cashier=tx.cashier, training=self.training, reprint=True, parent=self.window,
            **receipt_facts(self.journal, app_ref),
        )  # fmt: skip
        self._keep(dialog)
        dialog.open()
        return dialog

    def show_receipt(self, transaction: Transaction) -> ReceiptDialog:
        """Offer the receipt of a payment or refund that just succeeded (not a duplicate)."""
        dialog = ReceiptDialog(
            transaction, self.settings, cashier=transaction.cashier, training=self.training, parent=self.window,
            **receipt_facts(self.journal, transaction.app_ref),
        )  # fmt: skip
        self._keep(dialog)
        dialog.open()
        return dialog

    def _keep(self, dialog: QDialog) -> None:
        self._dialogs.append(dialog)

        def forget(_: int) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            dialog.deleteLater()

        dialog.finished.connect(forget)

    # ------------------------------------------------------------------ end of day

    def open_end_of_day(self) -> None:
        """Show the report; a cashier needs a manager's approval (END_OF_DAY_REPORT)."""
        if self.access is None or self.access.allowed(Permission.END_OF_DAY_REPORT):
            self._show_end_of_day()
            return

        async def approve() -> bool:
            assert self.access is not None
            approval = await self.access.require(
                Permission.END_OF_DAY_REPORT,
                summary=QCoreApplication.translate("EndOfDayScreen", "End-of-day report"),
            )
            if approval is None:
                return False
            self.access.use(approval, used_for="end-of-day report")
            return True

        def approved(ok: bool) -> None:
            if ok:
                self._show_end_of_day()

        run_action(self.settings_screen.eod_button, approve, on_success=approved)

    def _show_end_of_day(self) -> EndOfDayDialog:
        screen = EndOfDayScreen(
            self.journal,
            self.settings.locale,
            access=self.access,
            shop_name=self.settings.shop_name,
            training=self.training,
            secrets=self.secrets,
        )
        screen.message.connect(self._say)
        dialog = EndOfDayDialog(screen, self.window)
        size = self.window.size()
        dialog.resize(max(900, int(size.width() * 0.85)), max(620, int(size.height() * 0.9)))
        self._keep(dialog)
        if self.access is not None:
            self.access.locked.connect(dialog.reject)  # the report is not left open for the next person
        dialog.open()
        return dialog


def install_settings_screens(
    window: Any,
    controller: Any,
    services: Any,
    access: AccessController | None,
    settings: Settings,
    journal: Journal,
) -> SettingsWiring:
    """Replace the "settings" placeholder and connect reprints, auto print and the end-of-day report."""
    return SettingsWiring(window, controller, services, access, settings, journal)


__all__ = ["EndOfDayDialog", "SettingsWiring", "install_settings_screens", "just_succeeded"]
