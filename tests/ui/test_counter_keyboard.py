"""Keyboard first at the counter: where the keys go after sign-in and after a sale, Enter, Tab, a scanner.

The real console window with the cashier's screens and the lock over them, offscreen; keys are sent as
QTest key events to whatever widget has the focus (the real-window test does the same under X).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from posapp.config import Settings
from posapp.core.access import Role, ScryptParams
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.ui.main_window import MainWindow
from posapp.ui.widgets.shortcut import shortcut_of
from posapp.ui.wiring.access import AccessController
from posapp.ui.wiring.console import build_cashier_screens, connect_window_to_access
from tests.journal.conftest import Clock

FAST = ScryptParams(n=2**8, r=8, p=1)


class Counter:
    def __init__(self, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        self.journal = Journal(tmp_path / "journal.sqlite3", clock=Clock())
        self.users = UserStore(self.journal, params=FAST)
        self.users.create_first_manager("Kofi", "5831")
        self.users.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
        self.window = MainWindow(training=True, provider_label="My-CoolPay")
        qtbot.addWidget(self.window)
        self.controller = build_cashier_screens(self.window, Settings(language="en"), None)
        self.flow = self.controller.flow
        self.sale = self.flow.sale
        self.access = AccessController(self.users, host=self.window.centralWidget(), locale="en_CM", idle_minutes=0)
        connect_window_to_access(self.window, self.access)
        self.window.resize(1366, 768)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        self.access.start()

    def sign_in(self, qtbot, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
        self.access.lock_screen.select_user(name)
        with qtbot.waitSignal(self.access.unlocked, timeout=3000):
            self.type(pin)
            self.type_key(Qt.Key.Key_Return)

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard"
        return widget

    def type(self, text: str) -> None:
        for char in text:
            QTest.keyClick(self.focused(), char)
            QTest.qWait(20)  # a hand's pace

    def type_key(self, key: Qt.Key) -> None:
        QTest.keyClick(self.focused(), key)


@pytest.fixture
def counter(qtbot, tmp_path: Path) -> Iterator[Counter]:  # type: ignore[no-untyped-def]
    c = Counter(qtbot, tmp_path)
    yield c
    c.access.idle.uninstall()
    c.journal.close()


def test_after_sign_in_the_digits_go_to_the_amount(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Ama", "2749")
    assert counter.focused() is counter.sale.amount_input
    counter.type("1500")
    assert counter.sale.amount_input.amount() == Money(1500, "XAF")
    assert counter.sale.phone_edit.text() == ""


def test_after_a_lock_and_a_switch_of_user_the_amount_has_the_keyboard(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Ama", "2749")
    qtbot.mouseClick(counter.sale.phone_edit, Qt.MouseButton.LeftButton)
    QTest.keyClick(counter.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Lock
    assert counter.access.is_locked
    assert counter.access.lock_screen.selected is not None and counter.access.lock_screen.selected.name == "Ama"
    with qtbot.waitSignal(counter.access.unlocked, timeout=3000):
        counter.type("2749")
        counter.type_key(Qt.Key.Key_Return)
    assert counter.focused() is counter.sale.amount_input
    qtbot.mouseClick(counter.window.switch_user_button, Qt.MouseButton.LeftButton)
    assert counter.access.is_locked
    assert counter.access.lock_screen.selected is None, "shift change: the next cashier touches their name"


def test_digits_typed_anywhere_on_the_sale_screen_reach_the_amount(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Ama", "2749")
    counter.window.nav_buttons["history"].setFocus()  # tabbed into the navigation
    counter.type("15")
    assert counter.sale.amount_input.amount() == Money(15, "XAF")
    counter.sale.qr_button.setFocus()
    counter.type("00")
    assert counter.sale.amount_input.amount() == Money(1500, "XAF")
    assert counter.focused() is counter.sale.amount_input
    counter.sale.phone_edit.setFocus()
    counter.type("699009900")
    assert counter.sale.phone_edit.text() == "699009900", "a field that takes digits keeps them"
    assert counter.sale.amount_input.amount() == Money(1500, "XAF")


def test_enter_starts_the_default_payment_or_the_focused_button(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Ama", "2749")
    counter.type("700")
    with qtbot.waitSignal(counter.sale.qr_requested, timeout=1000):
        counter.type_key(Qt.Key.Key_Return)
    counter.sale.reason_edit.setFocus()
    with qtbot.waitSignal(counter.sale.qr_requested, timeout=1000):
        counter.type_key(Qt.Key.Key_Enter)
    counter.sale.phone_edit.setFocus()
    counter.type("699009900")
    with qtbot.waitSignal(counter.sale.push_requested, timeout=1000), qtbot.assertNotEmitted(counter.sale.qr_requested):
        counter.type_key(Qt.Key.Key_Return)
    counter.sale.push_button.setFocus()
    with qtbot.waitSignal(counter.sale.push_requested, timeout=1000):
        counter.type_key(Qt.Key.Key_Return)


def test_on_the_outcome_enter_starts_a_new_sale_with_the_keyboard_on_the_amount(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Ama", "2749")
    counter.type("1500")
    tx = Transaction("QR-KEYS-1", Kind.LINK_PAYMENT, "mycoolpay", Money(1500, "XAF"))
    counter.controller._show_qr(tx, "https://example.test/pay/1")
    counter.flow.qr.update_status(
        Transaction("QR-KEYS-1", Kind.LINK_PAYMENT, "mycoolpay", Money(1500, "XAF"), status=Status.SUCCEEDED)
    )
    assert counter.flow.qr.showing_outcome()
    assert counter.focused() is counter.flow.qr.outcome.new_sale
    counter.type_key(Qt.Key.Key_Return)
    assert counter.flow.currentWidget() is counter.sale
    assert counter.sale.amount_input.amount() is None
    assert counter.focused() is counter.sale.amount_input


def test_tab_follows_the_reading_order(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Ama", "2749")
    order = [counter.focused()]
    for _ in range(4):
        counter.type_key(Qt.Key.Key_Tab)
        order.append(counter.focused())
    sale = counter.sale
    assert order == [sale.amount_input, sale.reason_edit, sale.phone_edit, sale.qr_button, sale.push_button]


def test_a_scanners_burst_never_reaches_the_amount(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Ama", "2749")
    now = [100.0]
    counter.sale.amount_input.scan_guard._clock = lambda: now[0]

    def key(char: str | Qt.Key, after: float) -> None:
        now[0] += after
        QTest.keyClick(counter.focused(), char)

    for digit in "1500":
        key(digit, 0.25)  # a hand
    with qtbot.assertNotEmitted(counter.sale.qr_requested), qtbot.assertNotEmitted(counter.sale.push_requested):
        for index, char in enumerate("4006381333931"):  # an EAN-13 scanned a moment later, 4 ms apart
            key(char, 0.6 if index == 0 else 0.004)
        key(Qt.Key.Key_Return, 0.004)
    assert counter.sale.amount_input.amount() == Money(1500, "XAF"), "what the hand typed is kept"
    assert "scanner" in counter.sale.amount_error.text()
    counter.sale.qr_button.setFocus()  # the scan comes while a button has the keyboard: the same
    with qtbot.assertNotEmitted(counter.sale.qr_requested):
        for index, char in enumerate("96385074"):
            key(char, 0.6 if index == 0 else 0.003)
        key(Qt.Key.Key_Return, 0.003)
    assert counter.sale.amount_input.amount() == Money(1500, "XAF")
    with qtbot.waitSignal(counter.sale.qr_requested, timeout=1000):
        key(Qt.Key.Key_Return, 0.8)  # the cashier's own Enter, later


def cashier_buttons(window: MainWindow) -> list[QAbstractButton]:
    """The buttons of the navigation and of the page on show that a cashier can press now."""
    return [
        button
        for button in window.findChildren(QAbstractButton)
        if button.isVisibleTo(window) and button.isEnabled() and not button.property("keypad")
    ]


def test_every_action_says_its_key_and_the_key_presses_it(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    counter.sign_in(qtbot, "Kofi", "5831")
    pages = {
        "sale": lambda: counter.flow.show_sale(),
        "qr": lambda: counter.controller._show_qr(
            Transaction("QR-KEYS-2", Kind.LINK_PAYMENT, "mycoolpay", Money(900, "XAF")), "https://example.test/2"
        ),
        "outcome": lambda: counter.flow.qr.update_status(
            Transaction("QR-KEYS-2", Kind.LINK_PAYMENT, "mycoolpay", Money(900, "XAF"), status=Status.FAILED)
        ),
    }
    seen: set[str] = set()
    for page, show in pages.items():
        show()
        for button in cashier_buttons(counter.window):
            key = shortcut_of(button)
            name = button.objectName() or button.text()
            assert key, f"{page}: {name} has no shortcut"
            assert f"({key})" in button.toolTip() or key in button.toolTip(), f"{page}: {name}'s tooltip hides {key}"
            seen.add(name)
    assert {"qrButton", "pushButton", "cancelButton", "newSaleButton", "nav_lock", "nav_sale"} <= seen
    counter.flow.show_sale()
    counter.type("900")
    with qtbot.waitSignal(counter.sale.qr_requested, timeout=1000):
        QTest.keyClick(counter.window, Qt.Key.Key_F9)
    with qtbot.waitSignal(counter.access.locked, timeout=1000):
        QTest.keyClick(counter.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def _dialogs(parent: QWidget) -> list[tuple[str, QWidget]]:
    from posapp.core.money import Money
    from posapp.core.transactions import Kind, Status, Transaction
    from posapp.ui.screens.capture_dialog import CaptureDialog
    from posapp.ui.screens.otp_dialog import OtpDialog
    from posapp.ui.screens.receipts import ReceiptDialog
    from posapp.ui.screens.refund_dialog import RefundDialog
    from posapp.ui.screens.settle_dialog import SettleDialog

    paid = Transaction("PAY-ESC-1", Kind.PUSH_PAYMENT, "mycoolpay", Money(1500, "XAF"), status=Status.SUCCEEDED)
    unknown = Transaction("PO-ESC-1", Kind.PAYOUT, "mycoolpay", Money(700, "XAF"), status=Status.UNKNOWN)
    return [
        ("code", OtpDialog("+237 6 99 00 99 00", 3, parent)),
        ("capture", CaptureDialog(Money(1500, "XAF"), "en_CM", parent=parent)),
        ("refund", RefundDialog(paid, Money(1500, "XAF"), "en_CM", parent=parent)),
        ("settle", SettleDialog(unknown, "en_CM", provider_label="My-CoolPay", parent=parent)),
        ("receipt", ReceiptDialog(paid, Settings(language="en"), parent=parent)),
    ]


def test_esc_cancels_every_dialog(qtbot, counter: Counter) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    counter.sign_in(qtbot, "Kofi", "5831")
    for name, dialog in _dialogs(counter.window):
        assert isinstance(dialog, QDialog)
        dialog.open()
        qtbot.waitUntil(dialog.isVisible)
        dialog.activateWindow()
        qtbot.waitUntil(lambda dialog=dialog: QApplication.activeWindow() is dialog)
        with qtbot.waitSignal(dialog.finished, timeout=2000) as finished:
            QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert finished.args == [QDialog.DialogCode.Rejected.value], name
        assert not dialog.isVisible(), name
        dialog.deleteLater()
