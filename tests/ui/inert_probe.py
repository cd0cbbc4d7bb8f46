"""Hostile text from people and providers, and a walk over widgets that reports any place that renders it.

Each hostile string carries a token (``ZRSN``, ``ZCSH``...) so the walk knows whose text it is looking
at, markup Qt would render if it guessed rich text (``<b>``, ``<span style>``, ``<img>``, ``<a href>``,
an entity) and a right-to-left override. Wherever a token is displayed, the whole string must be
displayed literally (markup as characters), with its bidi controls gone, and no strong right-to-left
character may stand outside a first-strong isolate (U+2068 ... U+2069): otherwise it could reorder the
rest of our line.

The expectations are written here, not taken from ``posapp.ui.inert_text``: the walk judges what a
person would see from what Qt does with each widget's text (its text format, tooltip rules, mnemonics).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable

from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

RLO, PDF, LRO, RLI, FSI, PDI = "\u202e", "\u202c", "\u202d", "\u2067", "\u2068", "\u2069"

# A refund or sale reason typed at the till (120 characters at most).
REASON = f'<span style="font-size:30pt;color:green">ZRSN OK</span> <b>b</b> <img src="x.png"> &lt;i&gt; {RLO}321'
# A cashier's and a manager's name (40 characters at most, no control characters).
CASHIER = f"<b>ZCSH</b> <i>Ama</i> &amp; {RLO}ti"
MANAGER = f"<u>ZMGR</u> Kofi <a href='x'>m</a>{RLO}"
# The shop's name, with Arabic letters: a real name in that script must stay readable, isolated.
SHOP = f"<h1>ZSHP</h1> Boutique السلام {RLO}<img src='x'> &lt;"
# What the provider says when a payment or a transfer fails.
PROVIDER = f'<b>ZPRV</b> refused <span style="font-size:40pt">!</span> <a href="https://x.example">see</a> {RLO}ok'
# A wallet identifier as the journal may hold it (a provider's answer, an older version).
CUSTOMER = f"<b>ZCUS</b>&lt;wallet&gt;{LRO}42"
# What a manager writes when settling an unknown outcome.
NOTE = f"<s>ZNOT</s> checked {RLI}with the provider"

HOSTILE: dict[str, str] = {
    "ZRSN": REASON,
    "ZCSH": CASHIER,
    "ZMGR": MANAGER,
    "ZSHP": SHOP,
    "ZPRV": PROVIDER,
    "ZCUS": CUSTOMER,
    "ZNOT": NOTE,
}
TOKEN = re.compile("|".join(HOSTILE))

_EXPLICIT_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_OVERRIDES = re.compile("[\u202a-\u202e\u2066\u2067]")
_ESCAPED_BIDI = re.compile(r"\\u(202[a-e]|206[6-9])")


def without_bidi_controls(text: str) -> str:
    return _EXPLICIT_BIDI.sub("", text)


def html_as_shown(markup: str) -> str:
    """What a rich-text label, tooltip or text browser shows for ``markup``."""
    document = QTextDocument()
    document.setHtml(markup)
    return document.toPlainText()


def label_as_shown(label: QLabel) -> str:
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)):
        return html_as_shown(text)
    if fmt == Qt.TextFormat.MarkdownText:
        document = QTextDocument()
        document.setMarkdown(text)
        return document.toPlainText()
    return text


def tooltip_as_shown(tip: str) -> str:
    """A tooltip is always rich-text guessed (``QToolTip`` shows it in an auto-format label)."""
    return html_as_shown(tip) if QtGui.Qt.mightBeRichText(tip) else tip


def mnemonic_as_shown(text: str) -> str:
    """A button shows ``&x`` as an underlined x and ``&&`` as one ampersand."""
    return re.sub(r"&(.)", r"\1", text)


def bidi_problems(shown: str) -> list[str]:
    """Overrides, unbalanced isolates, and strong right-to-left letters outside an isolate."""
    problems = []
    if _OVERRIDES.search(shown):
        problems.append("holds a bidi override, embedding or isolate opener other than FSI")
    depth = 0
    for char in shown:
        if char == FSI:
            depth += 1
        elif char == PDI:
            depth -= 1
            if depth < 0:
                problems.append("closes an isolate it did not open")
                depth = 0
        elif depth == 0 and unicodedata.bidirectional(char) in ("R", "AL", "AN"):
            problems.append(f"has right-to-left text outside an isolate ({char!r})")
            break
    if depth:
        problems.append("leaves an isolate open")
    return problems


def text_problems(where: str, shown: str) -> list[str]:
    problems = [f"{where}: {p}: {shown!r}" for p in bidi_problems(shown)]
    # Bidi is judged above; here, whether markup was rendered. A raw answer shows JSON, where a quote is
    # written \" and a bidi control may be written as its \uXXXX escape: both are characters, not markup.
    plain = _ESCAPED_BIDI.sub("", without_bidi_controls(shown))
    for token in set(TOKEN.findall(plain)):
        expected = without_bidi_controls(HOSTILE[token])
        if expected not in plain and json.dumps(expected, ensure_ascii=False)[1:-1] not in plain:
            problems.append(f"{where}: renders {token}'s text instead of showing it: {shown!r}")
    return problems


def _describe(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None and len(names) < 4:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def _model_problems(where: str, model: QAbstractItemModel | None, rows: int = 200) -> list[str]:
    problems: list[str] = []
    if model is None:
        return problems
    for row in range(min(model.rowCount(), rows)):
        for column in range(model.columnCount()):
            index = model.index(row, column, QModelIndex())
            shown = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(shown, str):
                problems += text_problems(f"{where}[{row},{column}]", shown)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                problems += text_problems(f"{where}[{row},{column}] tooltip", tooltip_as_shown(tip))
    return problems


def widget_problems(widget: QWidget) -> list[str]:
    """What is wrong with how this one widget shows text (its children are walked separately)."""
    where = _describe(widget)
    problems: list[str] = []
    if isinstance(widget, QLabel):
        if widget.textFormat() == Qt.TextFormat.AutoText and widget.text():
            problems.append(f"{where}: a label left to guess rich text: {widget.text()!r}")
        problems += text_problems(where, label_as_shown(widget))
    elif isinstance(widget, QAbstractButton):
        problems += text_problems(where, mnemonic_as_shown(widget.text()))
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        problems += text_problems(where, widget.toPlainText())
    elif isinstance(widget, QLineEdit) and widget.isReadOnly():
        problems += text_problems(where, widget.text())
    elif isinstance(widget, QComboBox | QAbstractItemView) and not isinstance(widget, QHeaderView):
        problems += _model_problems(where, widget.model())  # a header shows the model's titles, not its rows
    if widget.toolTip():
        problems += text_problems(f"{where} tooltip", tooltip_as_shown(widget.toolTip()))
    if widget.isWindow():
        problems += text_problems(f"{where} window title", widget.windowTitle())
    if isinstance(widget, QMainWindow):
        problems += text_problems(f"{where} status bar", widget.statusBar().currentMessage())
    return problems


def inert_problems(roots: Iterable[QWidget]) -> list[str]:
    """Every place under ``roots`` (the roots included) that renders hostile text or lets it reorder ours."""
    problems: list[str] = []
    seen: set[int] = set()
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if id(widget) in seen:
                continue
            seen.add(id(widget))
            problems += widget_problems(widget)
    return problems


def tokens_shown(roots: Iterable[QWidget]) -> set[str]:
    """The hostile tokens displayed somewhere under ``roots`` (the walk must actually meet the text)."""
    found: set[str] = set()
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            texts = [widget.toolTip()]
            if isinstance(widget, QLabel):
                texts.append(label_as_shown(widget))
            elif isinstance(widget, QAbstractButton | QLineEdit):
                texts.append(widget.text())
            elif isinstance(widget, QTextEdit | QPlainTextEdit):
                texts.append(widget.toPlainText())
            elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
                model = widget.model()
                for row in range(min(model.rowCount(), 200) if model is not None else 0):
                    for column in range(model.columnCount()):
                        value = model.data(model.index(row, column, QModelIndex()))
                        texts.append(value if isinstance(value, str) else "")
            for text in texts:
                found.update(TOKEN.findall(text))
    return found
