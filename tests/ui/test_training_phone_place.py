"""The training phone never covers the console (issue 14, item 5): docked beside it where both fit, a page
of its own where they do not, never floating; hidden and shown from the navigation, and so it stays after
the console is rebuilt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QWidget

from posapp.config import Settings
from posapp.ui.main_window import MainWindow
from posapp.ui.screens.lock import PinPad
from posapp.ui.screens.training_phone import TrainingPhonePanel
from posapp.ui.wiring.console import build_cashier_screens


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def console_controls(window: MainWindow, controller) -> list[QWidget]:  # type: ignore[no-untyped-def]
    sale = controller.flow.sale
    return [
        sale.amount_input,
        sale.keypad.buttons["backspace"],
        sale.keypad.buttons["clear"],
        sale.qr_button,
        sale.push_button,
        *window.nav_buttons.values(),
    ]


@pytest.fixture
def window(qtbot, themed):  # type: ignore[no-untyped-def]
    win = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(win)
    win.controller = build_cashier_screens(win, Settings(language="en"), None)
    return win


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_phone_never_covers_the_console(qtbot, window, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    panel = TrainingPhonePanel([], "en_CM", poll_ms=0)
    window.set_training_phone(panel)
    QTest.qWait(30)
    dock = window.training_dock
    assert dock is not None and not dock.isFloating()
    assert not dock.features() & (
        QDockWidget.DockWidgetFeature.DockWidgetFloatable | QDockWidget.DockWidgetFeature.DockWidgetMovable
    ), "without a window manager a floating phone could not be moved: it never floats"
    window.show_training_phone(True)
    QTest.qWait(30)
    assert panel.isVisible(), "shown when asked"
    if window.training_phone_docked:
        phone = global_rect(dock)
        for control in console_controls(window, window.controller):
            area = global_rect(control)
            assert not area.intersects(phone), f"{control.objectName()} under the phone at {size}"
            assert global_rect(window.centralWidget()).contains(area), f"{control.objectName()} cut at {size}"
        assert panel.width() >= 280, "the phone stays usable beside the console"
    else:
        # Too narrow for both: the phone has the page, and the Sale screen is whole again one key away.
        assert size[0] < 1200 and window.current_screen() == "training_phone"
        QTest.keyClick(window, Qt.Key.Key_F1)
        assert window.current_screen() == "sale" and not panel.isVisible()
        for control in console_controls(window, window.controller):
            assert global_rect(window.centralWidget()).contains(global_rect(control))


def test_the_pin_pad_is_never_under_the_phone(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from posapp.journal.store import Journal
    from posapp.journal.users import UserStore
    from posapp.ui.wiring.access import AccessController
    from tests.ui.test_access import FAST

    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.set_training_phone(TrainingPhonePanel([], "en_CM", poll_ms=0))
    with TemporaryDirectory() as folder, Journal(Path(folder) / "journal.sqlite3") as journal:
        users = UserStore(journal, params=FAST)
        users.create_first_manager("Kofi", "5831")
        access = AccessController(users, host=window.centralWidget(), idle_minutes=0)
        access.start()
        QTest.qWait(30)
        pad = access.lock_screen.entry.pad
        assert isinstance(pad, PinPad)
        ok = global_rect(pad.buttons["enter"])
        assert window.training_dock is not None
        assert not ok.intersects(global_rect(window.training_dock))
        assert global_rect(window.centralWidget()).contains(ok)
        access.idle.uninstall()


def test_hidden_and_shown_from_the_navigation_and_so_it_stays(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    window.resize(1920, 1080)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.set_training_phone(TrainingPhonePanel([], "en_CM", poll_ms=0))
    assert window.training_phone_button.isVisible() and window.training_phone_button.isChecked()
    assert window.training_dock is not None and window.training_dock.isVisible()
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not window.training_dock.isVisible() and not window.training_phone_button.isChecked()
    # The console is rebuilt (a provider switch): the phone comes back hidden, as the trainee left it.
    window.set_training_phone(None)
    assert not window.training_phone_button.isVisible()
    window.set_training_phone(TrainingPhonePanel([], "en_CM", poll_ms=0))
    assert window.training_dock is not None and not window.training_dock.isVisible()
    qtbot.mouseClick(window.training_phone_button, Qt.MouseButton.LeftButton)
    assert window.training_dock.isVisible() and window.training_phone_button.isChecked()


def test_a_narrow_window_gives_the_phone_a_page_and_a_wide_one_docks_it_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = TrainingPhonePanel([], "en_CM", poll_ms=0)
    window.set_training_phone(panel)
    assert not window.training_phone_docked
    qtbot.mouseClick(window.training_phone_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "training_phone" and panel.isVisible()
    qtbot.mouseClick(window.nav_buttons["sale"], Qt.MouseButton.LeftButton)
    assert window.current_screen() == "sale" and not window.training_phone_button.isChecked()
    window.resize(1920, 1080)
    QTest.qWait(30)
    assert window.training_phone_docked and panel.isVisible()
