"""Guards against a Qt binding that leaks or drops references on every event a Python widget handles.

PySide6 6.12.0 decremented ``None``'s reference count on each call of a Python override of a void
virtual (paintEvent, resizeEvent): after a few thousand repaints the interpreter aborted with
"deallocating None". The console paints all day, so this is checked, not assumed.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget


class Painted(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        QPainter(self).end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)


def test_python_overrides_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = Painted()
    qtbot.addWidget(widget)
    widget.resize(100, 100)
    widget.show()
    qtbot.waitExposed(widget)
    before = sys.getrefcount(None)
    for i in range(500):
        widget.resize(100 + i % 2, 100)
        widget.repaint()
    after = sys.getrefcount(None)
    # Other code may hold a few more or fewer references; a binding bug loses one per event (~1000).
    assert before - after < 50, f"None lost {before - after} references over 1000 widget events"
