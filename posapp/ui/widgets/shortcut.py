"""Keyboard shortcuts on buttons, always said in the button's tooltip and to assistive technology.

A cashier who has learnt a key never needs the mouse: every action's button gets a key sequence here,
and its tooltip ends with the key in the platform's words (``Show QR code (F9)``, ``Ctrl+X``), so the
keys can be discovered by hovering. The shortcut is a ``QShortcut`` child of the button: Qt fires it
only while the button is visible and enabled, so a key of a screen that is not shown does nothing, and
two screens may use the same key. It clicks at once (``QAbstractButton.setShortcut`` animates the
click and presses 100 ms later).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtGui import Qt as GuiQt  # Qt's namespace functions of QtGui (mightBeRichText)
from PySide6.QtWidgets import QAbstractButton, QWidget

from posapp.ui.inert_text import plain_tooltip

# The property under which a button records the key that presses it (shown by ``shortcut_of``).
SHORTCUT_KEY = "shortcutKey"


def key_text(sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """The key sequence as the platform writes it (``Ctrl+X``, ``F9``, ``Enter``)."""
    if not isinstance(sequence, QKeySequence):
        sequence = QKeySequence(sequence)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def with_key(text: str, sequence: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """``text`` followed by its key in brackets: ``Show QR code (F9)``."""
    return f"{text} ({key_text(sequence)})"


def give_shortcut(
    button: QAbstractButton,
    sequence: QKeySequence | QKeySequence.StandardKey | str,
    tooltip: str = "",
    *,
    handled: bool = False,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    owner: QWidget | None = None,
) -> None:
    """Let ``sequence`` press ``button`` and say so in its tooltip (``tooltip``, else the button's text).

    ``handled``: the key is handled by the screen or dialog (Enter, Esc), not by a Qt shortcut; it is
    only recorded and shown. ``context`` and ``owner``: a key of one of several rows (Activity's) works
    only while the keyboard is in that row (``WidgetWithChildrenShortcut`` on the row).
    """
    if not handled:
        keys = sequence if isinstance(sequence, QKeySequence) else QKeySequence(sequence)
        shortcut = QShortcut(keys, owner or button)
        shortcut.setContext(context)
        shortcut.setAutoRepeat(False)
        shortcut.activated.connect(button.click)
    button.setProperty(SHORTCUT_KEY, key_text(sequence))
    if owner is not None and not handled:
        # A row's key acts only while its button can: the shortcut of a hidden or disabled button is off.
        shortcut.activated.disconnect(button.click)
        shortcut.activated.connect(lambda: button.click() if button.isVisible() and button.isEnabled() else None)
    what = tooltip or button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    # The words may hold a person's name (a user's button): one that looks like markup is shown as plain text.
    tooltip_text = with_key(what, sequence)
    button.setToolTip(plain_tooltip(tooltip_text) if GuiQt.mightBeRichText(tooltip_text) else tooltip_text)
    if not button.accessibleDescription():
        button.setAccessibleDescription(with_key(what, sequence))


def shortcut_of(button: QAbstractButton) -> str:
    """The key that presses ``button``, as the platform writes it ("" when none)."""
    recorded = button.property(SHORTCUT_KEY)
    if recorded:
        return str(recorded)
    return button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


__all__ = ["SHORTCUT_KEY", "give_shortcut", "key_text", "shortcut_of", "with_key"]
