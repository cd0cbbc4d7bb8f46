"""A receipt laid out for a 58 or 80 mm roll and encoded as ESC/POS commands (python-escpos' ``Dummy``).

The receipt arrives as plain text already translated and formatted (``Receipt``: the user interface
builds it in the cashier's language, as for the system printer). This module only places it, line by
line, in the printer's characters per line: the training mark first and last, the shop's name in double
height, the amount in large type, the rows as "label ....... value" (the value under its label when both
do not fit), the QR code of the reference (the printer draws it: GS ( k), then a cut.

Code page: text goes out in one code page chosen once per job (ESC t n), the first of CP858, CP850 and
CP1252 the printer's profile knows, unless the settings name one: French letters (é è ê à ç ô î ù ë ï û
and their capitals) are in all three. Babel's narrow no-break spaces (``1 500 FCFA``), dashes, curly
quotes and the ellipsis become their ASCII look-alikes, direction marks are dropped, a letter the page
lacks loses its accent (``œ`` becomes ``oe``), and only what remains falls back to ``?``.
"""

from __future__ import annotations

import codecs
import textwrap
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from posapp.printing.devices import PrinterConfig, PrinterError, Problem, escpos_modules

PREFERRED_CODEPAGES = ("CP858", "CP850", "CP1252")
QR_DOT_SIZE = {32: 5, 42: 6, 48: 7}  # by characters per line: about half the paper's width

_LOOKALIKES = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space: Babel's French thousands separator
    "\u2007": " ",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2026": "...",
    "\u0153": "oe",
    "\u0152": "OE",
    "\u20ac": "EUR",
    "\u2022": "*",
}


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a receipt says, translated and formatted; ``all_text()`` in printed order."""

    title: str
    amount: str
    status: str = ""
    shop_lines: tuple[str, ...] = ()  # the shop's name first
    rows: tuple[tuple[str, str], ...] = ()  # (label, value)
    qr_data: str = ""
    qr_caption: str = ""
    training: str = ""  # the training mark, "" on a live receipt
    duplicate: str = ""  # "" unless a reprint
    footer: str = ""
    app_ref: str = ""
    lines: tuple[str, ...] = field(default=())  # free lines (a test print) after the rows

    def all_text(self) -> list[str]:
        texts = [self.training, *self.shop_lines, self.title, self.duplicate, self.amount, self.status]
        for label, value in self.rows:
            texts += [label, value]
        texts += [*self.lines, self.qr_caption, self.footer, self.training]
        return [t for t in texts if t]


def python_codec(codepage: str) -> str:
    """Python's codec for an ESC/POS code page name (``CP858`` -> ``cp858``)."""
    name = codepage.strip().lower().replace("_", "-")
    codecs.lookup(name)
    return name


def printable(text: str, codepage: str) -> str:
    """``text`` with only characters ``codepage`` holds (module docstring: look-alikes, then bare letters)."""
    codec = python_codec(codepage)
    out: list[str] = []
    for character in unicodedata.normalize("NFC", text):
        if _encodes(character, codec):
            out.append(character)
            continue
        if character in _LOOKALIKES and _encodes(_LOOKALIKES[character], codec):
            out.append(_LOOKALIKES[character])
            continue
        category = unicodedata.category(character)
        if category in ("Cf", "Cc", "Mn"):
            continue  # direction marks and isolates (inert text), controls: nothing to print
        if category.startswith("Z"):
            out.append(" ")
            continue
        bare = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
        out.append(bare if bare and _encodes(bare, codec) else "?")
    return "".join(out)


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return text.isprintable() or text == " "


def choose_codepage(config: PrinterConfig) -> tuple[str, int]:
    """The code page name and its ESC t number on the configured printer profile."""
    printers = escpos_modules()
    try:
        pages: dict[str, int] = printers.Dummy(profile=config.profile).magic.encoder.codepages
    except KeyError:
        raise PrinterError(Problem.UNSUPPORTED, f"no printer profile named {config.profile!r}") from None
    wanted = (config.codepage.upper(),) if config.codepage else PREFERRED_CODEPAGES
    for name in wanted:
        if name in pages:
            return name, int(pages[name])
    raise PrinterError(Problem.UNSUPPORTED, f"the {config.profile} profile has none of {', '.join(wanted)}")


class _Layout:
    """Writes lines of at most ``columns`` characters to a python-escpos ``Dummy`` printer."""

    def __init__(self, printer: Any, columns: int, codepage: str) -> None:
        self.p = printer
        self.columns = columns
        self.codepage = codepage

    def clean(self, text: str) -> str:
        return " ".join(printable(text, self.codepage).split())

    def centered(self, text: str, *, bold: bool = False, size: str = "normal") -> None:
        text = self.clean(text)
        if not text:
            return
        width = self.columns // 2 if size in ("2x", "2w") else self.columns
        self.p.set(align="center", bold=bold, **_size(size))
        for line in textwrap.wrap(text, width, break_long_words=True) or [""]:
            self.p.textln(line)
        self.p.set(align="left", bold=False, normal_textsize=True)

    def rule(self, character: str = "-") -> None:
        self.p.set(align="left", bold=False, normal_textsize=True)
        self.p.textln(character * self.columns)

    def row(self, label: str, value: str) -> None:
        label, value = self.clean(label), self.clean(value)
        self.p.set(align="left", bold=False, normal_textsize=True)
        if len(label) + 1 + len(value) <= self.columns:
            self.p.textln(label + " " * (self.columns - len(label) - len(value)) + value)
            return
        for line in textwrap.wrap(label, self.columns) or [""]:
            self.p.textln(line)
        for line in textwrap.wrap(value, self.columns, break_long_words=True):
            self.p.textln(line.rjust(self.columns))

    def plain(self, text: str) -> None:
        for line in textwrap.wrap(self.clean(text), self.columns, break_long_words=True) or [""]:
            self.p.textln(line)


def _size(size: str) -> dict[str, bool]:
    if size == "2x":
        return {"double_width": True, "double_height": True}
    if size == "2h":
        return {"double_height": True}
    return {"normal_textsize": True}


def render(receipt: Receipt, config: PrinterConfig, *, kick_drawer: bool = False, cut: bool = True) -> bytes:
    """The ESC/POS bytes of ``receipt`` for ``config``'s paper, profile and code page."""
    printers = escpos_modules()
    name, _ = choose_codepage(config)
    p = printers.Dummy(profile=config.profile)
    columns = config.line_width
    layout = _Layout(p, columns, name)
    p.hw("INIT")
    p.charcode(name)
    if receipt.training:
        layout.rule("*")
        layout.centered(receipt.training, bold=True)
        layout.rule("*")
    for index, line in enumerate(receipt.shop_lines):
        layout.centered(line, bold=index == 0, size="2h" if index == 0 else "normal")
    p.ln()
    layout.centered(receipt.title, bold=True)
    if receipt.duplicate:
        layout.centered(receipt.duplicate, bold=True)
    amount = layout.clean(receipt.amount)
    layout.centered(amount, bold=True, size="2x" if len(amount) <= columns // 2 else "2h")
    layout.centered(receipt.status)
    layout.rule()
    for label, value in receipt.rows:
        layout.row(label, value)
    for line in receipt.lines:
        layout.plain(line)
    if receipt.qr_data:
        layout.rule()
        p.set(align="center")
        p.qr(receipt.qr_data, native=True, size=QR_DOT_SIZE.get(columns, 5 if columns < 42 else 7), ec=1)
        p.ln()
        layout.centered(receipt.qr_caption)
    if receipt.footer:
        p.ln()
        layout.centered(receipt.footer)
    if receipt.training:
        layout.rule("*")
        layout.centered(receipt.training, bold=True)
        layout.rule("*")
    if kick_drawer:
        p.cashdraw(config.drawer_pin)
    if cut:
        p.cut()
    return bytes(p.output)


def drawer_pulse(config: PrinterConfig) -> bytes:
    """The drawer kick alone (ESC p on the configured pin)."""
    p = escpos_modules().Dummy(profile=config.profile)
    p.cashdraw(config.drawer_pin)
    return bytes(p.output)


def sample_receipt(config: PrinterConfig, *, title: str, lines: tuple[str, ...], training: str = "") -> Receipt:
    """The Settings screen's Test print: a receipt that names the paper and shows the accents."""
    ruler = "".join(str(i % 10) for i in range(1, config.line_width + 1))
    return Receipt(
        title=title,
        amount="",
        rows=(),
        lines=(*lines, ruler),
        training=training,
    )
