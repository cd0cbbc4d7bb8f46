"""A screen that is not built yet: says what it will do, so a trainee knows where things will be."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from posapp.ui.inert_text import PlainLabel


class PlaceholderScreen(QWidget):
    """Shows a screen's title and what it will offer.

    Its words are laid out when it is first shown: the console's first paint (the lock screen over the
    window) would otherwise lay out the wrapped words of seven screens nobody sees then, and the real
    screens replace most of them right after it.
    """

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._words: tuple[str, str] | None = (title, text)
        self.title: PlainLabel | None = None
        self.text: PlainLabel | None = None
        self.coming: PlainLabel | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        if self._words is not None:
            self._build(*self._words)
            self._words = None
        super().showEvent(event)

    def _build(self, title: str, text: str) -> None:
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
