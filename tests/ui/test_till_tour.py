"""The till's tour steps, on the training console over the loopback sandbox: each picture is taken, in
English and French, at 1024x768, and nothing in it is cut or wider than the window."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from posapp.config import Settings
from posapp.console import Console
from posapp.ui.i18n import install_translators
from posapp.ui.main_window import MainWindow
from posapp.ui.till import tour_till
from posapp.ui.wiring.console import build_cashier_screens, connect_console
from tests.helpers.qt_async import run_on_qt_loop


def cut_texts(root: QWidget) -> list[str]:
    """Visible buttons whose words do not fit them, and widgets that stick out of the window."""
    problems = []
    window = root.window()
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 0:
            continue
        right = widget.mapTo(window, widget.rect().topRight()).x()
        if right > window.width() + 1:
            problems.append(f"{widget.objectName() or type(widget).__name__} sticks out ({right} > {window.width()})")
        if isinstance(widget, QAbstractButton) and not isinstance(widget, QLabel) and widget.text():
            needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            if needed > widget.contentsRect().width():
                problems.append(f"{widget.objectName()}: {widget.text()!r} needs {needed} px of {widget.width()}")
    return problems


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_tills_tour_pictures_fit_1024x768(qapp: QApplication, themed: QApplication, language: str,
                                              tmp_path: Path) -> None:  # fmt: skip
    install_translators(qapp, language)
    settings = Settings(language=language)
    console = Console(settings)
    console.open_journal()
    window = MainWindow(training=True, provider_label="My-CoolPay")
    window.resize(1024, 768)
    controller = build_cashier_screens(window, settings, console.reader)
    controller.cashier = "Amélie"
    console.controller = controller
    names: list[str] = []
    problems: list[str] = []

    def shot(name: str, widget: Any = None) -> None:
        target = widget or window
        target.grab().save(str(tmp_path / f"{language}_{name}.png"))
        names.append(name)
        problems.extend(f"[{language} {name}] {p}" for p in cut_texts(target))

    async def settle() -> None:
        await asyncio.sleep(0.05)  # the qasync loop lays out and paints meanwhile

    async def scenario() -> None:
        window.show()
        await connect_console(console, window)
        await tour_till(console, window, shot, settle)
        await console.aclose()

    try:
        run_on_qt_loop(qapp, scenario(), timeout=60)
    finally:
        window.close()
        window.deleteLater()
        install_translators(qapp, "en")
    assert names == ["sale_cash", "cash_tender", "cash_split_rest", "cash_paid", "till", "drawer_count",
                     "opening_float"]  # fmt: skip
    assert problems == []
