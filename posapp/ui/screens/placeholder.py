"""A screen that is not built yet: says what it will do, so a trainee knows where things will be."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from posapp.ui.inert_text import PlainLabel


class PlaceholderScreen(QWidget):
    """Shows a screen's title and what it will offer."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        self.title = PlainLabel(title)
        self.title.setObjectName("screenTitle")
        self.text = PlainLabel(text)
        self.text.setObjectName("screenText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.text)
        self.coming = PlainLabel(
            QCoreApplication.translate("PlaceholderScreen", "This screen is coming in a later version.")
        )
        self.coming.setObjectName("screenText")
        self.coming.setWordWrap(True)
        layout.addSpacing(8)
        layout.addWidget(self.coming)
        layout.addStretch(1)
