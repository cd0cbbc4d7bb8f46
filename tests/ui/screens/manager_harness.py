"""A real console for the manager screens' tests: journal file, loopback sandbox, services, access, window.

Like ``tests/e2e/test_cashier_flows.Harness``, with two differences that keep the tests fast: the gateway
waits 1.5 s for an answer (so a ``TIMEOUT_AFTER_COMMIT`` fault becomes an unknown outcome quickly) and
statuses are polled every quarter second. Users: manager Kofi (PIN 5831), cashier Ama (PIN 2749).
"""

from __future__ import annotations

import httpx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from posapp.config import PollStep, Settings
from posapp.console import Console
from posapp.core.access import Role, ScryptParams
from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.core.transactions import Status, Transaction
from posapp.gateways.registry import build_gateway
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.sandbox.customer import Script
from posapp.sandbox.mycoolpay import MyCoolPayState, Timings
from posapp.sandbox.server import SandboxServer
from posapp.services.payments import PaymentServices
from posapp.ui.main_window import MainWindow
from posapp.ui.screens.approval_dialog import ManagerApprovalDialog
from posapp.ui.wiring.access import AccessController
from posapp.ui.wiring.console import build_cashier_screens
from posapp.ui.wiring.manager_screens import ManagerScreens, install_manager_screens
from tests.helpers.qt_async import wait_until

FAST_PINS = ScryptParams(n=2**8, r=8, p=1)
MANAGER, MANAGER_PIN = "Kofi", "5831"
CASHIER, CASHIER_PIN = "Ama", "2749"
ANSWER_WITHIN = httpx.Timeout(connect=2.0, read=1.5, write=2.0, pool=2.0)


class ManagerConsole:
    def __init__(self, *, balance: int = 100_000) -> None:
        self.sandbox = SandboxServer(
            mycoolpay=MyCoolPayState(
                default_script=Script.manual(), balance=balance, timings=Timings(payout_settle=0.5, hang=4.0)
            )
        ).start()
        self.settings = Settings(language="en", poll_schedule=(PollStep(120, 0.25), PollStep(float("inf"), 1)))
        self.console = Console(self.settings, sandbox=self.sandbox)
        self.console.open_journal()
        self.window = MainWindow(training=True, provider_label="My-CoolPay")
        self.window.resize(1280, 800)
        self.controller = build_cashier_screens(self.window, self.settings, self.console.reader)
        self.console.controller = self.controller
        assert self.console.journal is not None
        self.users = UserStore(self.console.journal, params=FAST_PINS)  # as install_access does
        self.users.create_first_manager(MANAGER, MANAGER_PIN)
        self.users.add_user(CASHIER, Role.CASHIER, CASHIER_PIN, by=f"manager:{MANAGER}")
        self.access = AccessController(
            self.users, host=self.window.centralWidget(), locale=self.settings.locale, idle_minutes=60
        )
        self.manager: ManagerScreens | None = None

    @property
    def state(self) -> MyCoolPayState:
        return self.sandbox.mycoolpay

    @property
    def journal(self) -> Journal:
        """The console's second connection, the one screens read (the services write through the other)."""
        assert self.console.reader is not None
        return self.console.reader

    @property
    def services(self) -> PaymentServices:
        assert self.console.services is not None
        return self.console.services

    @property
    def screens(self) -> ManagerScreens:
        assert self.manager is not None
        return self.manager

    async def start(self, user: str = MANAGER) -> None:
        self.window.show()
        self.console.http = httpx.AsyncClient()
        account = self.sandbox.training_credentials("mycoolpay")
        self.console.gateway = build_gateway(
            "mycoolpay", self.console.http, account.base_url, dict(account.credentials), timeout=ANSWER_WITHIN
        )
        await self.console.start_services()
        self.controller.attach(self.console.services)
        self.access.start()
        await self.sign_in(user)
        self.manager = install_manager_screens(self.window, self.controller, self.services, self.access, self.settings)

    async def sign_in(self, name: str) -> None:
        pin = MANAGER_PIN if name == MANAGER else CASHIER_PIN
        if not self.access.is_locked:
            self.access.lock()
        screen = self.access.lock_screen
        screen.select_user(name)
        for digit in pin:
            QTest.mouseClick(screen.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        QTest.mouseClick(screen.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
        await wait_until(lambda: not self.access.is_locked, what=f"{name} signed in")

    async def approve_as_manager(self) -> ManagerApprovalDialog:
        """A cashier asked: the manager types their PIN in the approval dialog."""
        await wait_until(lambda: self.access.approval_dialog is not None, what="the approval dialog")
        dialog = self.access.approval_dialog
        assert dialog is not None
        for digit in MANAGER_PIN:
            QTest.mouseClick(dialog.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        QTest.mouseClick(dialog.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
        return dialog

    async def paid_push(self, amount: int, phone: str = "677009900") -> Transaction:
        """A push payment the emulated customer approved, succeeded in the journal."""
        started = await self.services.checkout.start_push_payment(
            Money(amount, "XAF"), parse_mobile(phone), "sale", cashier=CASHIER
        )
        ref = started.transaction.app_ref
        assert started.transaction.provider_ref
        self.state.approve(started.transaction.provider_ref)
        await wait_until(lambda: self.status_of(ref) is Status.SUCCEEDED, what="the paid payment")
        tx = self.journal.get(ref)
        assert tx is not None
        return tx

    def status_of(self, app_ref: str) -> Status | None:
        tx = self.journal.get(app_ref)
        return tx.status if tx is not None else None

    def sandbox_payouts(self) -> list[dict[str, object]]:
        return [t for t in self.state.snapshot()["transactions"] if t.get("transaction_type") == "PAYOUT"]

    def approvals(self) -> list[tuple[object, ...]]:
        return list(self.journal.db.execute("SELECT operation, amount_minor, used_for FROM approvals").fetchall())

    async def close(self) -> None:
        if self.manager is not None:
            dialog = self.manager.refund_dialog
            if dialog is not None:
                dialog.busy = False
                dialog.reject()
            self.manager.close()
        self.access.idle.uninstall()
        await self.console.aclose()
        self.window.close()
        self.window.deleteLater()
        self.sandbox.stop()
