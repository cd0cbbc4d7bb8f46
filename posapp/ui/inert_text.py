"""Text from a person or a provider, shown as what it is: never as markup, never reordering our own words.

A reason typed at the till, a user's or the shop's name, a provider's message or reference reaches the
screen inside our sentences. Qt reads a string as HTML whenever it looks like HTML (a ``QLabel`` left in
its default ``AutoText`` format, every tooltip, a message box), and the string's bidi controls reorder
the rest of the line. So, in ``posapp.ui``:

- every label is a ``PlainLabel`` (``Qt.TextFormat.PlainText``); the few that show our own markup are a
  ``RichLabel`` and take a person's text through ``inert_html``. ruff refuses a bare ``QLabel`` in
  ``posapp/ui`` (TID251), so a new label cannot quietly guess its format;
- a person's or a provider's text goes through ``inert`` before it joins a line of ours, ``inert_html``
  before it joins our markup (History's details, the end-of-day report), ``button_text`` before it is a
  button's label (``&`` marks a shortcut there), ``plain_tooltip`` before it is a tooltip;
- the status bar is an ``InertStatusBar``, message boxes come from ``plain_message_box``.

Bidi, decided: the explicit controls (embeddings, overrides, isolates: U+202A-U+202E, U+2066-U+2069)
are removed, and text left with right-to-left letters is wrapped in a first-strong isolate (FSI ...
PDI, U+2068/U+2069). Removing is needed because an override inside an isolate still reverses the text
itself (``‮0005`` reads ``5000``), and a stray PDI or isolate opener would unbalance ours; nobody means
one in a reason or a name. Isolating is needed because a real name in Arabic script (northern Cameroon)
is legitimate and must stay readable, yet its letters would otherwise pull our neighbouring digits and
punctuation into their run, or turn the direction of a whole line that starts with the name. Text
without right-to-left letters is returned without the isolate, so what a person typed in French or
English is shown, copied and compared unchanged. Raw provider answers, kept for support, show the
controls and right-to-left letters as ``\\uXXXX`` escapes instead (``inert_raw``): there the exact code
points matter more than the glyphs.
"""

from __future__ import annotations

import html
import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt's namespace functions of QtGui (convertFromPlainText)
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

FSI, PDI = "\u2068", "\u2069"
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})


def _has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text)


def inert(text: str | None) -> str:
    """A person's or a provider's ``text``, ready to sit in a line of ours (see the module docstring)."""
    if not text:
        return ""
    cleaned = _BIDI_CONTROLS.sub("", text)
    return f"{FSI}{cleaned}{PDI}" if _has_right_to_left(cleaned) else cleaned


def inert_html(text: str | None) -> str:
    """``inert(text)`` escaped for our own HTML: shown literally, markup and entities included."""
    return html.escape(inert(text))


def inert_raw(text: str) -> str:
    """A raw answer (JSON) with its bidi controls and right-to-left letters written as ``\\uXXXX`` escapes.

    Inside a JSON string that is the same character; outside one these characters cannot occur.
    """
    return "".join(
        f"\\u{ord(char):04x}"
        if _BIDI_CONTROLS.match(char) or unicodedata.bidirectional(char) in _RIGHT_TO_LEFT
        else char
        for char in text
    )


def button_text(text: str | None) -> str:
    """``inert(text)`` for a button, where ``&`` would mark a keyboard shortcut and vanish."""
    return inert(text).replace("&", "&&")


def plain_tooltip(text: str | None) -> str:
    """A tooltip showing ``text`` literally: Qt shows every tooltip that looks like HTML as HTML."""
    shown = inert(text)
    return GuiQt.convertFromPlainText(shown) if shown else ""


class PlainLabel(QLabel):
    """A label that shows its text as plain text, whatever it looks like."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if text:  # a subclass's setText may need its own attributes, set after this
            self.setText(text)


class RichLabel(QLabel):
    """A label of our own markup (a link); a person's or a provider's text in it goes through ``inert_html``."""

    def __init__(self, markup: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        if markup:
            self.setText(markup)


class InertStatusBar(QStatusBar):
    """A status bar whose messages (often a provider's words) cannot reorder or spoof themselves."""

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 (Qt override)
        super().showMessage(inert(text), timeout)


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    *,
    informative: str = "",
) -> QMessageBox:
    """A message box whose texts are plain (the static ``QMessageBox.warning(...)`` guess rich text).

    Show it with ``open()``, not ``exec()``: a nested event loop would stall the qasync loop.
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the informative text follows this format
    if informative:
        box.setInformativeText(informative)
    return box


__all__ = [
    "FSI",
    "PDI",
    "InertStatusBar",
    "PlainLabel",
    "RichLabel",
    "button_text",
    "inert",
    "inert_html",
    "inert_raw",
    "plain_message_box",
    "plain_tooltip",
]
