"""The console's start-up order: the lock screen paints first, on an open journal; the screens follow it.

The first console is shown and painted without an event loop of asyncio's (``start_first_console``), then
``run_console`` goes on with it on qasync's: the cashier's screens are built under the lock, the services
attached, and after sign-in the keys work on the screens built after the paint.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import posapp.app as app_module
from posapp.app import FirstConsole, parse_args, run_console, start_first_console
from posapp.config import Settings
from posapp.console import Console
from posapp.core.access import ScryptParams
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.ui.i18n import install_translators
from posapp.ui.main_window import MainWindow
from posapp.ui.screens.placeholder import PlaceholderScreen
from posapp.ui.wiring.console import build_cashier_screens, connect_console
from posapp.ui.wiring.controller import SaleFlow
from tests.helpers.qt_async import run_on_qt_loop, wait_until

MANAGER, PIN = "Ama", "4826"


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[None]:
    """The console installs its language and theme on the application; the tests after expect neither."""
    style = qapp.style().name()
    yield
    install_translators(qapp, "en")
    qapp.setStyleSheet("")
    qapp.setStyle(style)


@pytest.fixture
def manager() -> None:
    """A shop with its manager already made (the lock screen asks for a PIN, not a first manager)."""
    with Journal.open() as journal:
        UserStore(journal, params=ScryptParams(n=2**8, r=8, p=1)).create_first_manager(MANAGER, PIN)


def test_the_lock_screen_paints_first_and_the_screens_under_it_follow(
    qapp: QApplication, manager: None, english_after: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_first_paint: dict[str, Any] = {}
    show_console = app_module.show_console

    def show_and_watch(console: Any, options: Any) -> Any:
        shown = show_console(console, options)

        def painted() -> None:
            window = shown.window
            at_first_paint.update(
                journal_open=console.journal is not None and console.journal_lock is not None,
                controller=console.controller,
                sale_screen=window.screens["sale"],
                locked=console.access.is_locked and console.access.lock_screen.isVisible(),
            )

        shown.window.first_painted.connect(painted)
        return shown

    monkeypatch.setattr(app_module, "show_console", show_and_watch)
    options = parse_args([])
    first = start_first_console(qapp, options, time.perf_counter())
    assert isinstance(first, FirstConsole) and first.shown is not None and first.shown.painted
    assert at_first_paint == {
        "journal_open": True,  # before any window: nothing can be sold without it
        "controller": None,
        "sale_screen": at_first_paint["sale_screen"],
        "locked": True,
    }
    assert isinstance(at_first_paint["sale_screen"], PlaceholderScreen), "the Sale screen was built before the paint"
    console = first.console
    window = first.shown.window

    async def scenario() -> int:
        running = asyncio.ensure_future(run_console(options, first))
        await wait_until(lambda: console.controller is not None, 10, "the cashier's screens")
        flow = window.screens["sale"]
        assert isinstance(flow, SaleFlow) and window.screens["activity"] is console.controller.activity
        assert not flow.isEnabled(), "a screen built after the paint is under the lock like the others"
        await wait_until(lambda: console.services is not None and console.manager is not None, 30, "the services")
        lock = console.access.lock_screen
        lock.select_user(MANAGER)
        for digit in PIN:
            QTest.mouseClick(lock.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        QTest.mouseClick(lock.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
        await wait_until(lambda: not console.access.is_locked, 10, "the manager signed in")
        assert flow.isEnabled() and console.controller.cashier == MANAGER
        QTest.keyClick(window, Qt.Key.Key_F2)
        assert window.current_screen() == "activity"
        QTest.keyClick(window, Qt.Key.Key_F1)
        assert window.current_screen() == "sale"
        console.quit_requested.set()
        return await asyncio.wait_for(running, 30)

    assert run_on_qt_loop(qapp, scenario(), timeout=90) == 0
    assert console._closed


class EarlySale:
    """The cashier's screens as the first paint leaves them: built, the services not attached yet."""

    def __init__(self) -> None:
        self.settings = Settings(language="en")
        self.console = Console(self.settings)
        self.console.open_journal()
        self.window = MainWindow(training=True, provider_label="My-CoolPay")
        self.window.resize(1280, 800)
        self.console.controller = build_cashier_screens(self.window, self.settings, self.console.reader)
        self.flow = self.console.controller.flow

    def ask_for_a_qr(self, digits: str) -> None:
        self.window.show()
        self.flow.sale.amount_input.setFocus()
        for digit in digits:
            QTest.keyClick(self.flow.sale.amount_input, digit)
        QTest.keyClick(self.flow.sale.amount_input, Qt.Key.Key_Return)

    async def close(self) -> None:
        await self.console.aclose()
        self.window.close()
        self.window.deleteLater()


@pytest.fixture
def early(qapp: QApplication) -> Iterator[EarlySale]:
    sale = EarlySale()
    yield sale
    run_on_qt_loop(qapp, sale.close())


def test_a_sale_asked_for_before_the_emulators_are_up_waits_for_them(qapp: QApplication, early: EarlySale) -> None:
    async def scenario() -> None:
        early.ask_for_a_qr("2500")
        await asyncio.sleep(0.3)  # the emulators are still starting
        sale = early.flow.sale
        assert sale.action_error.text() == "" and not sale.qr_button.isEnabled(), "refused, or not shown waiting"
        assert early.console.journal is not None and early.console.journal.count() == 0, "nothing sent yet"
        await connect_console(early.console, early.window)
        qr = early.flow.qr
        await wait_until(lambda: early.flow.currentWidget() is qr or bool(sale.action_error.text()), 15, "the QR")
        assert sale.action_error.text() == ""
        recorded = early.console.journal.get(qr.app_ref)
        assert recorded is not None and recorded.amount.minor == 2500

    run_on_qt_loop(qapp, scenario(), timeout=60)


def test_a_sale_waiting_for_an_unreachable_provider_is_refused_in_words(
    qapp: QApplication, early: EarlySale, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def refuse() -> None:
        raise ConnectionError("the emulators did not start")

    monkeypatch.setattr(early.console, "connect_provider", refuse)

    async def scenario() -> None:
        early.ask_for_a_qr("2500")
        await asyncio.sleep(0.1)
        await connect_console(early.console, early.window)
        sale = early.flow.sale
        await wait_until(lambda: bool(sale.action_error.text()), 5, "the refusal")
        assert sale.action_error.text() == "Still connecting to the provider; try again in a moment."
        assert sale.qr_button.isEnabled() and early.flow.currentWidget() is sale
        assert early.console.journal is not None and early.console.journal.count() == 0

    run_on_qt_loop(qapp, scenario(), timeout=30)
