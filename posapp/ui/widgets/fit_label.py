"""A label whose bold font shrinks to show its whole text: an amount is never clipped, whatever the width."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from posapp.ui.inert_text import PlainLabel


class FitLabel(PlainLabel):
    """Shows its text in the largest bold size from ``largest_pt`` down to ``smallest_pt`` that fits.

    The label takes the width its layout gives it (horizontal size policy ``Ignored``) and adapts the
    font to it, so a long amount never squeezes its neighbours. Style sheets must not set its font size:
    a style sheet's font (``QWidget { font-size: 14pt }``) comes back whenever the widget is polished
    again (a dynamic property changed, focus moved), so the fitted size is put back after every font or
    style change, not only after a new text or width.
    """

    def __init__(self, largest_pt: int, smallest_pt: int = 14, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.largest_pt = largest_pt
        self.smallest_pt = smallest_pt
        self._fitting = False
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self.fit_text()

    def fitted_point_size(self) -> int:
        """The largest size in range at which the whole text fits the label's width now."""
        font = self.font()
        font.setBold(True)
        available = self.contentsRect().width() - 4
        size = self.largest_pt
        for size in range(self.largest_pt, self.smallest_pt - 1, -2):
            font.setPointSize(size)
            if QFontMetrics(font).horizontalAdvance(self.text()) <= available:
                break
        return size

    def fit_text(self) -> None:
        if self._fitting:
            return
        font = self.font()
        font.setBold(True)
        font.setPointSize(self.fitted_point_size())
        if font != self.font():
            self._fitting = True
            try:
                self.setFont(font)
            finally:
                self._fitting = False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_text()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_text()
