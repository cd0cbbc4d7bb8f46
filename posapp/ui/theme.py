"""The look of the console: one stylesheet for readability at counter distance."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from posapp.ui.resources import resource_path


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(resource_path("styles", "posapp.qss").read_text(encoding="utf-8"))
