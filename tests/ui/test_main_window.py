"""The console window: navigation, training banner, translations, first paint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posapp.ui.i18n import install_translators
from posapp.ui.main_window import MainWindow, screen_infos

KEYS = ["sale", "activity", "history", "till", "balance", "payouts", "settings"]


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(win)
    return win


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")


def test_has_every_screen_in_order(window: MainWindow) -> None:
    assert [info.key for info in screen_infos()] == KEYS
    assert list(window.screens) == KEYS
    assert window.current_screen() == "sale"


@pytest.mark.parametrize("key", KEYS)
def test_navigation_button_shows_its_screen(qtbot, window: MainWindow, key: str) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.mouseClick(window.nav_buttons[key], Qt.MouseButton.LeftButton)
    assert window.current_screen() == key
    assert window.nav_buttons[key].isChecked()
    assert sum(b.isChecked() for b in window.nav_buttons.values()) == 1


def test_function_keys_switch_screens(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.current_screen() == "history"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.current_screen() == "sale"


def test_training_banner_shown_only_in_training(qtbot) -> None:  # type: ignore[no-untyped-def]
    training = MainWindow(training=True, provider_label="My-CoolPay")
    live = MainWindow(training=False, provider_label="My-CoolPay")
    qtbot.addWidget(training)
    qtbot.addWidget(live)
    training.show()
    live.show()
    assert training.training_banner.isVisible()
    assert "TRAINING MODE" in training.training_banner.text()
    assert "My-CoolPay" in training.training_banner.text()
    assert not live.training_banner.isVisible()
    assert "My-CoolPay" in live.mode_label.text()


def test_first_paint_is_signalled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()


def test_french_translation_is_used(qtbot, french: None) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(win)
    assert win.nav_buttons["sale"].text() == "Vente"
    assert win.nav_buttons["settings"].text() == "Réglages"
    assert win.training_banner.text().startswith("MODE FORMATION")


def test_replace_screen_swaps_the_placeholder(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    real = QLabel("real history")
    window.replace_screen("history", real)
    assert window.current_screen() == "sale", "replacing another screen does not move the cashier"
    window.show_screen("history")
    assert window.stack.currentWidget() is real
    assert window.current_screen() == "history"
    sale = QLabel("real sale")
    window.replace_screen("sale", sale)
    assert window.current_screen() == "history"
    window.show_screen("sale")
    replacement = QLabel("sale again")
    window.replace_screen("sale", replacement)
    assert window.stack.currentWidget() is replacement, "the screen on display stays on display"


def test_no_text_is_clipped_in_navigation(qtbot, french: None) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    for button in win.nav_buttons.values():
        needed = button.fontMetrics().horizontalAdvance(button.text())
        assert needed < button.width() - 20, f"{button.text()!r} does not fit"
