"""A push button whose text is never cut: its font shrinks to the room it has, down to a floor.

"Demande Mobile Money" at the style sheet's 18 pt does not fit the Sale screen's half of a 1024-pixel
window once a third button (cash) shares the row; cut, it read "emande Mobile Mone". The button keeps
the style sheet's size while the text fits and takes the largest size that fits otherwise; its minimum
width is its text at ``smallest_pt``, so a layout never squeezes it below that.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QWidget


class FitButton(QPushButton):
    """A ``QPushButton`` that fits its text by its font size (from the style sheet's down to ``smallest_pt``)."""

    def __init__(self, text: str = "", smallest_pt: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.smallest_pt = smallest_pt
        self._styled_pt = 0  # the style sheet's size, read whenever the style sheet sets the font again
        self._fitting = False

    def _chrome(self) -> int:
        """What the button adds around its text (padding, border, margins) at the current font."""
        return super().sizeHint().width() - QFontMetrics(self.font()).horizontalAdvance(self._plain_text())

    def _plain_text(self) -> str:
        return self.text().replace("&&", "\0").replace("&", "").replace("\0", "&")

    def fit(self) -> None:
        if self._fitting or self.width() <= 0:
            return
        font = self.font()
        if not self._styled_pt:
            self._styled_pt = max(font.pointSize(), self.smallest_pt)
        room = self.width() - self._chrome()
        size = self._styled_pt
        while size > self.smallest_pt:
            font.setPointSize(size)
            if QFontMetrics(font).horizontalAdvance(self._plain_text()) <= room:
                break
            size -= 1
        font.setPointSize(size)
        if font.pointSize() != self.font().pointSize():
            self._fitting = True
            try:
                self.setFont(font)
            finally:
                self._fitting = False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        font = self.font()
        font.setPointSize(self.smallest_pt)
        needed = QFontMetrics(font).horizontalAdvance(self._plain_text()) + self._chrome()
        return QSize(min(hint.width(), needed), hint.height())

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and not self._fitting:
            self._styled_pt = 0  # the style sheet (or a caller) set the font: start again from it
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()
