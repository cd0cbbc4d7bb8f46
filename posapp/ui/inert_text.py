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

Bidi, decided: embeddings and overrides (U+202A-U+202E) are removed, and so are isolate controls
(U+2066-U+2069) except first-strong isolates that are closed; then text left with right-to-left letters
outside an isolate is wrapped in a first-strong isolate (FSI ... PDI, U+2068/U+2069). Removing is needed
because an override inside an isolate still reverses the text itself (an RLO before ``0005`` shows
``5000``), and a stray PDI or isolate opener would unbalance ours; nobody means one in a reason or a
name. Isolating is needed because a real name in Arabic script (northern Cameroon) is legitimate and
must stay readable, yet its letters would otherwise pull our neighbouring digits and punctuation into
their run, or turn the direction of a whole line that starts with the name. Text without right-to-left
letters is returned without the isolate, so what a person typed in French or English is shown, copied
and compared unchanged. Raw provider answers, kept for support, show the controls and right-to-left
letters as ``\\uXXXX`` escapes instead (``inert_raw``): there the exact code points matter more than
the glyphs.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # Qt's namespace functions of QtGui (convertFromPlainText)
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

FSI, PDI = "\u2068", "\u2069"
_EMBEDDINGS_AND_OVERRIDES = re.compile("[\u202a-\u202e]")
_ISOLATE_CONTROLS = frozenset("\u2066\u2067\u2068\u2069")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})


def _paired_isolates_only(text: str) -> str:
    """``text`` without its isolate controls, except first-strong isolates (FSI) closed by their PDI.

    Those are kept so that ``inert`` of a sentence that already holds an ``inert`` part leaves that
    part isolated; an LRI or RLI would force a direction on the person's own words, and an unpaired
    control would reach into our text.
    """
    if not _ISOLATE_CONTROLS.intersection(text):
        return text
    keep = [char not in _ISOLATE_CONTROLS for char in text]
    opened: list[int] = []  # the FSIs' positions; -1 for an LRI or RLI, which a PDI closes too
    for position, char in enumerate(text):
        if char == FSI:
            opened.append(position)
        elif char in ("\u2066", "\u2067"):
            opened.append(-1)
        elif char == PDI and opened:
            start = opened.pop()
            if start >= 0:
                keep[start] = keep[position] = True
    return "".join(char for char, kept in zip(text, keep, strict=True) if kept)


def _right_to_left_outside_isolates(text: str) -> bool:
    depth = 0
    for char in text:
        if char == FSI:
            depth += 1
        elif char == PDI:
            depth -= 1
        elif depth == 0 and unicodedata.bidirectional(char) in _RIGHT_TO_LEFT:
            return True
    return False


def inert(text: str | None) -> str:
    """A person's or a provider's ``text``, ready to sit in a line of ours (see the module docstring).

    Applying it again changes nothing, so a sink that may be given a provider's words (an error line)
    can pass through it a sentence of ours that already holds an ``inert`` part.
    """
    if not text:
        return ""
    if text.isascii():  # no bidi control, no right-to-left letter: most of what is typed at a till
        return text
    cleaned = _paired_isolates_only(_EMBEDDINGS_AND_OVERRIDES.sub("", text))
    return f"{FSI}{cleaned}{PDI}" if _right_to_left_outside_isolates(cleaned) else cleaned


def inert_html(text: str | None) -> str:
    """``inert(text)`` escaped for our own HTML: shown literally, markup and entities included."""
    import html  # its entity tables load with the first HTML we write, not before the first paint

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

    def showMessage(self, text: str, timeout: int | None = 0) -> None:  # noqa: N802 (Qt override)
        super().showMessage(inert(text), timeout or 0)


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
