"""Size a dialog to what its content needs, once the style sheet's fonts are known.

``QWidget.adjustSize()`` stops a window at two thirds of the screen: on a counter's 1024x768 or 1280x800
screen a form taller than that was squeezed below its layout's needs, and its parts overlapped (the
payment card over the line under it). ``fit_to_content`` asks for the whole size hint, within the
screen's available area. Call it from ``showEvent`` after fixing the minimum heights of word-wrapped
labels (their height depends on the width, which the first layout does not know yet).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fix_wrapped_height(label: QWidget, width: int) -> None:
    """Give a word-wrapped ``label`` the height its text needs at ``width`` (its final width, or close)."""
    label.setMinimumHeight(label.heightForWidth(max(label.width(), width)))


def fit_to_content(window: QWidget) -> None:
    """Resize ``window`` to its size hint (never smaller than now), within the screen's available area."""
    layout = window.layout()
    if layout is not None:
        layout.activate()
    wanted = window.sizeHint().expandedTo(window.minimumSizeHint())
    screen = window.screen()
    room = screen.availableGeometry().size() if screen is not None else wanted
    window.resize(
        min(max(window.width(), wanted.width()), room.width()),
        min(max(window.height(), wanted.height()), room.height()),
    )


__all__ = ["fit_to_content", "fix_wrapped_height"]
