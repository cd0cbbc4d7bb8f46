"""A word-wrapped label that keeps the height its text needs at its width, whatever layout holds it.

Qt's box layouts ask a word-wrapped label for its height at a width they guess before the label has its
own; inside a row of columns (the Sale screen's fields beside the keypad) the guess is the column's
widest, and a two-line message was given one line and painted over itself. This label asks again at
its real width whenever its text or width changes, and holds that height as its minimum.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from posapp.ui.inert_text import PlainLabel


class WrapLabel(PlainLabel):
    """A ``PlainLabel`` with word wrap whose minimum height follows its text at its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def _hold_height(self) -> None:
        needed = self.heightForWidth(self.width()) if self.text() and self.width() > 0 else 0
        if needed != self.minimumHeight():
            self.setMinimumHeight(max(needed, 0))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self._hold_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._hold_height()


__all__ = ["WrapLabel"]
