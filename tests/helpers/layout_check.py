"""Checks every screen and dialog of the tour as a counter shows it: text that does not fit, widgets on top
of each other, parts cut off, controls without an accessible name or description, text below 4.5:1.

``python -m tests.helpers.layout_check WIDTHxHEIGHT [LANG ...]`` runs the tour (``posapp.ui.tour``) with the
window filling an offscreen screen of that size and prints one JSON line per problem; the screen, and
``QT_SCALE_FACTOR`` when set, come from the environment, so ``tests/ui/test_layout_fits.py`` starts it
once per size and scale. Each check compares what a widget needs with what it has, in the widget's own
terms: a label's text advance or height for its width, a button's size hint, an item view's cells.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# A pixel of rounding is not a clipped letter.
SLACK = 1
# WCAG 2.1's minimum contrast for text (1.4.3), asked of every text here, large or not.
MIN_CONTRAST = 4.5


def screen_config(width: int, height: int) -> str:
    """An offscreen screen of ``width`` x ``height`` (logical pixels times the scale factor)."""
    folder = Path(tempfile.mkdtemp(prefix="posapp-screen-"))
    config = folder / "screen.json"
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "counter",
                        "x": 0,
                        "y": 0,
                        "width": round(width * scale),
                        "height": round(height * scale),
                        "logicalDpi": 96,
                        "physicalDpi": 96,
                    }
                ]
            }
        )
    )
    return f"offscreen:configfile={config}"


def _visible_widgets(top: Any) -> Iterator[Any]:
    from PySide6.QtWidgets import QWidget

    for widget in top.findChildren(QWidget):
        if widget.isVisibleTo(top) and not widget.isWindow() and widget.width() > 0 and widget.height() > 0:
            yield widget


def _name(widget: Any) -> str:
    parts = []
    current = widget
    while current is not None and len(parts) < 4:
        parts.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _in_layout(layout: Any, widget: Any) -> bool:
    if layout is None:
        return False
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget:
            return True
        if item.layout() is not None and _in_layout(item.layout(), widget):
            return True
    return False


def _inside_scroll_area(widget: Any) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    current = widget.parentWidget()
    while current is not None:
        if isinstance(current, QAbstractScrollArea):
            return True
        current = current.parentWidget()
    return False


def text_problems(top: Any) -> Iterator[str]:
    """Labels, buttons, combo boxes and item views whose text does not fit the room they have."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLabel,
        QStyle,
        QStyleOptionComboBox,
        QStyleOptionViewItem,
        QTabBar,
        QToolButton,
    )

    for widget in _visible_widgets(top):
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            room = widget.contentsRect()
            metrics = QFontMetrics(widget.font())
            if widget.textFormat() == Qt.TextFormat.RichText:
                continue  # our markup (links); its size is the document's, checked by its height below
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + SLACK:
                    yield f"{_name(widget)}: {widget.text()!r} needs {needed} px high, has {widget.height()}"
                words = re.split(r"[\s\u200b]+", widget.text())  # Qt breaks lines at spaces and zero-width ones
                longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
                if longest > room.width() + SLACK:
                    yield f"{_name(widget)}: a word of {widget.text()!r} is wider ({longest}) than {room.width()} px"
            else:
                for line in widget.text().splitlines():
                    if metrics.horizontalAdvance(line) > room.width() + SLACK:
                        yield (
                            f"{_name(widget)}: {line!r} needs {metrics.horizontalAdvance(line)} px, has {room.width()}"
                        )
                if metrics.height() * len(widget.text().splitlines()) > room.height() + SLACK:
                    yield f"{_name(widget)}: {widget.text()!r} is cut vertically ({room.height()} px high)"
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() + SLACK:
                yield f"{_name(widget)}: button {widget.text()!r} needs {hint.width()} px, has {widget.width()}"
        elif isinstance(widget, QComboBox) and widget.currentText():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
            )
            advance = QFontMetrics(widget.font()).horizontalAdvance(widget.currentText())
            if advance > field.width() + SLACK:
                yield f"{_name(widget)}: {widget.currentText()!r} needs {advance} px, has {field.width()}"
        if isinstance(widget, QTabBar):
            arrows = [b for b in widget.findChildren(QToolButton) if b.isVisibleTo(widget)]
            if arrows:
                yield f"{_name(widget)}: the tabs do not fit ({widget.width()} px): some hide behind scroll arrows"
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            viewport = widget.viewport().rect()
            delegate = widget.itemDelegate()
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                for column in range(model.columnCount(QModelIndex())):
                    index = model.index(row, column)
                    cell = widget.visualRect(index)
                    if not cell.isValid() or not viewport.intersects(cell) or not index.data():
                        continue
                    option = QStyleOptionViewItem()
                    option.initFrom(widget)
                    option.font = widget.font()
                    option.rect = cell
                    needed = delegate.sizeHint(option, index).width()
                    if needed > cell.width() + SLACK:
                        yield f"{_name(widget)}: cell {index.data()!r} needs {needed} px, has {cell.width()}"


def overlap_problems(top: Any) -> Iterator[str]:
    """Widgets laid out by the same layout that cover each other, and widgets cut by their parent's edge."""
    from PySide6.QtWidgets import QAbstractScrollArea, QStackedWidget, QWidget

    for widget in _visible_widgets(top):
        parent = widget.parentWidget()
        if parent is None or isinstance(parent, QAbstractScrollArea) or _inside_scroll_area(widget):
            continue
        if not _in_layout(parent.layout(), widget):
            continue  # laid over on purpose (the lock screen), or a stacked page
        if not parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(widget.geometry()):
            yield f"{_name(widget)}: cut off by its parent ({widget.geometry().getRect()} in {parent.rect().getRect()})"
        if isinstance(parent, QStackedWidget):
            continue
        for sibling in parent.findChildren(QWidget, options=_direct()):
            if sibling is widget or not sibling.isVisibleTo(top) or sibling.isWindow():
                continue
            if id(sibling) < id(widget) or not _in_layout(parent.layout(), sibling):
                continue
            shared = widget.geometry().intersected(sibling.geometry())
            if shared.width() > SLACK and shared.height() > SLACK:
                yield f"{_name(widget)} and {_name(sibling)} overlap ({shared.getRect()})"


def _direct() -> Any:
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def accessibility_problems(top: Any) -> Iterator[str]:
    """Controls (and the painted QR code, chart and badges) without an accessible name and description."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QTabBar,
        QTextEdit,
    )

    from posapp.ui.widgets.qr_code import QrCodeWidget
    from posapp.ui.widgets.status_badge import StatusBadge
    from posapp.ui.widgets.takings_chart import TakingsChart

    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QTabBar,
        QTextEdit,
        QrCodeWidget,
        TakingsChart,
        StatusBadge,
    )
    for widget in _visible_widgets(top):
        if not isinstance(widget, kinds):
            continue
        if type(widget).__name__ in ("QScrollBar", "QHeaderView") or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts of a view
        if isinstance(widget.parentWidget(), QTabBar):
            continue  # the tab bar's own scroll arrows (Qt's, named and described by Qt's style)
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None:
            yield f"{_name(widget)}: no accessible interface"
            continue
        name = interface.text(QAccessible.Text.Name).strip()
        description = interface.text(QAccessible.Text.Description).strip()
        if not name:
            yield f"{_name(widget)}: no accessible name"
        if not description:
            yield f"{_name(widget)}: no accessible description ({name!r})"


def key_problems(top: Any) -> Iterator[str]:
    """Buttons of ours whose tooltip does not say the key that presses them (issue 14: keyboard first).

    Not asked of the keypads' keys (the digit keys themselves), the training phone's buttons (the
    customer's, not the cashier's) and the buttons of Qt's own dialogs and views (Esc and Enter there).
    """
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDialogButtonBox, QMessageBox, QRadioButton

    from posapp.ui.screens.training_phone import TrainingPhonePanel
    from posapp.ui.widgets.shortcut import shortcut_of

    for widget in _visible_widgets(top):
        if not isinstance(widget, QAbstractButton) or not widget.isEnabled() or widget.property("keypad"):
            continue
        if isinstance(widget, QCheckBox | QRadioButton):
            continue  # a field's choice, reached with Tab and Space like a field, not an action
        if widget.objectName().startswith("qt_") or type(widget).__name__ != "QPushButton" and not widget.text():
            continue
        ancestors = []
        current = widget.parentWidget()
        while current is not None:
            ancestors.append(current)
            current = current.parentWidget()
        if any(isinstance(a, TrainingPhonePanel | QDialogButtonBox | QMessageBox) for a in ancestors):
            continue
        key = shortcut_of(widget)
        if not key:
            yield f"{_name(widget)}: {widget.text()!r} has no key"
        elif key not in widget.toolTip():
            yield f"{_name(widget)}: {widget.text()!r}'s tooltip does not say {key}"


def _luminance(colour: Any) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(first: Any, second: Any) -> float:
    """WCAG's contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def colours_of(image: Any) -> Any:
    """How many pixels of each colour ``image`` (RGB32) has."""
    from collections import Counter

    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = bytes(image.constBits())[: stride * height]
    rows = b"".join(raw[y * stride : y * stride + width * 4] for y in range(height))
    return Counter(memoryview(rows).cast("I"))


def text_contrast(image: Any) -> tuple[float, Any, Any] | None:
    """The contrast of the text painted in ``image`` on its background: (ratio, text colour, background).

    The background is the commonest colour; the text, the colour farthest from it in contrast among those
    covering a few pixels at least (glyphs' cores; their anti-aliased edges are in between).
    """
    from PySide6.QtGui import QColor

    counts = colours_of(image)
    if len(counts) < 2:
        return None
    background_rgb, _ = counts.most_common(1)[0]
    background = QColor.fromRgb(background_rgb)
    enough = 3  # a short text ("vm") has few ink pixels; a border many: both count, the text wins on contrast
    candidates = [QColor.fromRgb(rgb) for rgb, count in counts.items() if count >= enough and rgb != background_rgb]
    if not candidates:
        return None
    text = max(candidates, key=lambda colour: contrast(colour, background))
    return contrast(text, background), text, background


def contrast_problems(top: Any, picture: Any) -> Iterator[str]:
    """Text below 4.5:1 on what is painted behind it, measured on the pixels the window shows.

    Each label, button and field with text is cut out of the window's picture: the style sheet's colours
    for every state (checked, hover, disabled...), whatever painted the background (the widget's rule, a
    card's, the window's), are all in the pixels.
    """
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

    image = picture.toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio = picture.devicePixelRatio() or 1
    for widget in _visible_widgets(top):
        if not widget.isEnabled():
            continue  # WCAG exempts inactive controls
        if isinstance(widget, QLabel):
            shown = widget.text() if not widget.pixmap() else ""
        elif isinstance(widget, QAbstractButton):
            shown = widget.text()
        elif isinstance(widget, QLineEdit):
            shown = widget.text() or widget.placeholderText()
        else:
            continue
        if not shown.strip() or not any(ch.isalnum() for ch in shown):
            continue
        visible = widget.visibleRegion().boundingRect()  # within scroll areas: only what is on show
        if visible.isEmpty():
            continue
        origin = widget.mapTo(top, visible.topLeft())
        area = QRect(
            int(origin.x() * ratio),
            int(origin.y() * ratio),
            int(visible.width() * ratio),
            int(visible.height() * ratio),
        )
        found = text_contrast(image.copy(area.intersected(image.rect())))
        if found is not None and found[0] < MIN_CONTRAST:
            value, text, background = found
            yield f"{_name(widget)}: text {text.name()} on {background.name()} is {value:.2f}:1 ({shown!r})"


def check(name: str, widget: Any, picture: Any) -> list[dict[str, str]]:
    """Every problem of the window or dialog ``widget`` as the tour step ``name`` shows it."""
    # No processEvents here: the tour's coroutine is running on the qasync loop, and a nested loop would
    # enter the services' tasks from inside it. The tour lets the loop run before each step.
    shown = widget.grab()
    found: list[dict[str, str]] = []
    for kind, problems in (
        ("fit", text_problems(widget)),
        ("overlap", overlap_problems(widget)),
        ("accessibility", accessibility_problems(widget)),
        ("keys", key_problems(widget)),
        ("contrast", contrast_problems(widget, shown)),
    ):
        found.extend({"step": name, "kind": kind, "problem": problem} for problem in problems)
    return found


def main(argv: list[str]) -> int:
    size, *languages = argv
    width, height = (int(part) for part in size.split("x"))
    os.environ["QT_QPA_PLATFORM"] = screen_config(width, height)
    os.environ.setdefault("POSAPP_HOME", tempfile.mkdtemp(prefix="posapp-layout-"))
    from posapp.ui.tour import TOUR_LANGUAGES, run_tour

    found: list[dict[str, str]] = []

    def observe(name: str, widget: Any, picture: Any) -> None:
        found.extend(check(name, widget, picture))

    scheme = os.environ.get("POSAPP_COLOR_SCHEME", "")
    code = run_tour(observe, tuple(languages) or TOUR_LANGUAGES, size=None, dark=scheme == "dark" if scheme else None)
    for problem in found:
        sys.stdout.write(json.dumps(problem, ensure_ascii=False) + "\n")
    sys.stdout.write(json.dumps({"done": code}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
