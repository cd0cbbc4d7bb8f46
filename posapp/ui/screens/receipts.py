"""Receipts of succeeded payments and refunds: painted with QPainter on a roll (58 or 80 mm) or an A4 page.

One painter routine serves every target: the preview on screen, a PDF (``QPdfWriter``), a printer
(``QPrinter``) and a ``QImage`` (tests decode its QR code). The receipt is laid out once in tenths of a
millimetre (``ReceiptLayout`` gives the paper's width, margins and type sizes), then painted scaled to
the target's resolution, so a 203 dpi thermal printer and a 300 dpi PDF show the same receipt.

API::

    receipt_allowed(tx) -> bool                        a paid payment or a succeeded refund
    receipt_content(tx, settings, *, cashier, counter, cash_given, training, locale=None, tz=None,
                    reprint=False) -> ReceiptContent
    receipt_facts(journal, app_ref) -> dict        the counter's name and a cash tender's cash given, as
                                                   keywords for the functions here
    render_receipt_image(content, layout, dpi=203) -> QImage
    save_receipt_pdf(tx, path, layout, settings, *, cashier, training, ...) -> Path
    print_receipt(tx, settings, *, cashier, training, layout, printer=None, ...) -> bool   (no dialog)
    ReceiptDialog(tx, settings, *, cashier, training, ...)    preview with Print / Save as PDF

Text is painted as text (never as a picture of text), so a PDF's text can be searched and read back.
Nothing secret is on a receipt: the references are the app's and the provider's transaction ids.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from enum import StrEnum
from pathlib import Path
from typing import Any

from babel.dates import format_datetime
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posapp.config import PROVIDER_LABELS, Settings
from posapp.core.cash import CASH
from posapp.core.money import Money, format_money
from posapp.core.phone import display_phone
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.sales import tenders_given
from posapp.journal.store import Journal, JournalError
from posapp.shop.identity import terminal_identity
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.models.transactions_model import operator_text
from posapp.ui.widgets.qr_code import QUIET_ZONE, qr_matrix
from posapp.ui.widgets.shortcut import give_shortcut

log = logging.getLogger(__name__)

UNITS_PER_MM = 10  # the layout's unit: a tenth of a millimetre
_PAID = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED, Status.REFUNDED})


class ReceiptLayout(StrEnum):
    """The paper a receipt is laid out for (the value is what ``settings.extra["receipt_layout"]`` holds)."""

    ROLL_58 = "58mm"
    ROLL_80 = "80mm"
    A4 = "a4"

    @property
    def spec(self) -> _LayoutSpec:
        return _SPECS[self]

    @property
    def is_roll(self) -> bool:
        return self is not ReceiptLayout.A4


@dataclass(frozen=True, slots=True)
class _LayoutSpec:
    """Sizes in tenths of a millimetre. A roll's page is as long as its receipt; A4 is 297 mm."""

    paper_width: int
    margin: int  # left and right (roll printers print about 48 mm of 58 and 72 of 80)
    top: int
    body: int  # type sizes (a cap-to-descender height, as a pixel size in layout units)
    small: int
    title: int
    amount: int
    qr: int  # the QR code's side, quiet zone included
    gap: int
    page_height: int | None = None


_SPECS: dict[ReceiptLayout, _LayoutSpec] = {
    ReceiptLayout.ROLL_58: _LayoutSpec(580, 50, 30, 30, 26, 36, 64, 320, 12),
    ReceiptLayout.ROLL_80: _LayoutSpec(800, 40, 40, 34, 28, 42, 80, 380, 14),
    ReceiptLayout.A4: _LayoutSpec(2100, 450, 250, 42, 34, 60, 120, 450, 20, page_height=2970),
}


def layout_text(layout: ReceiptLayout) -> str:
    return {
        ReceiptLayout.ROLL_58: QCoreApplication.translate("ReceiptDialog", "58 mm roll"),
        ReceiptLayout.ROLL_80: QCoreApplication.translate("ReceiptDialog", "80 mm roll"),
        ReceiptLayout.A4: QCoreApplication.translate("ReceiptDialog", "A4 page"),
    }[layout]


def layout_of(settings: Settings) -> ReceiptLayout:
    """The receipt paper chosen in the settings (80 mm when unset or unknown)."""
    try:
        return ReceiptLayout(str(settings.extra.get("receipt_layout", ReceiptLayout.ROLL_80.value)))
    except ValueError:
        return ReceiptLayout.ROLL_80


def receipt_allowed(transaction: Transaction) -> bool:
    """A receipt is for money that moved: a paid payment (even if refunded later) or a succeeded refund."""
    if transaction.kind.is_payment:
        return transaction.status in _PAID
    return transaction.kind is Kind.REFUND and transaction.status is Status.SUCCEEDED


@dataclass(frozen=True, slots=True)
class ReceiptContent:
    """What a receipt says, already translated and formatted; the layouts only place it."""

    title: str
    shop_lines: tuple[str, ...]  # the shop's name first (may be empty)
    amount: str
    status: str
    rows: tuple[tuple[str, str], ...]  # (label, value)
    qr_data: str
    qr_caption: str
    training: str = ""  # the training mark, "" for a live receipt
    duplicate: str = ""  # "" unless this is a reprint
    footer: str = ""
    app_ref: str = ""

    def all_text(self) -> list[str]:
        """Every text painted on the receipt, in order (tests compare it with what a PDF holds)."""
        texts = [self.training, *self.shop_lines, self.title, self.duplicate, self.amount, self.status]
        for label, value in self.rows:
            texts += [label, value]
        texts += [self.qr_caption, self.footer, self.training]
        return [t for t in texts if t]


def receipt_content(
    transaction: Transaction,
    settings: Settings,
    *,
    cashier: str = "",
    counter: str = "",
    cash_given: Money | None = None,
    training: bool | None = None,
    locale: str | None = None,
    tz: tzinfo | None = None,
    reprint: bool = False,
) -> ReceiptContent:
    """The receipt of ``transaction``; ``ValueError`` when it is no receipt's business (see ``receipt_allowed``).

    ``counter`` is the terminal's name (``receipt_facts``); ``cash_given`` what the customer handed over for
    a cash tender, whose receipt then shows the cash given and the change instead of a provider.
    """
    if not receipt_allowed(transaction):
        raise ValueError(f"{transaction.app_ref} is {transaction.status.value}: no receipt")
    locale = locale or settings.locale
    training = settings.training if training is None else training
    tx = transaction
    refund = tx.kind is Kind.REFUND
    title = (
        QCoreApplication.translate("ReceiptDialog", "REFUND RECEIPT")
        if refund
        else QCoreApplication.translate("ReceiptDialog", "PAYMENT RECEIPT")
    )
    status = (
        QCoreApplication.translate("ReceiptDialog", "Refunded to the customer")
        if refund
        else QCoreApplication.translate("ReceiptDialog", "Paid")
    )
    moment = tx.updated_at or tx.created_at
    when = format_datetime(moment.astimezone(tz), "medium", locale=locale) if moment is not None else ""
    rows: list[tuple[str, str]] = []
    if tx.operator:
        rows.append((QCoreApplication.translate("ReceiptDialog", "Network"), operator_text(tx.operator)))
    if tx.customer:
        rows.append((QCoreApplication.translate("ReceiptDialog", "Customer"), inert(display_phone(tx.customer))))
    in_cash = tx.provider == CASH  # the drawer's: no provider, no provider reference
    if in_cash:
        rows.append(
            (
                QCoreApplication.translate("ReceiptDialog", "Handed back in cash")
                if refund
                else QCoreApplication.translate("ReceiptDialog", "Paid in cash"),
                format_money(tx.amount, locale),
            )
        )
        if not refund and cash_given is not None and cash_given.currency == tx.amount.currency:
            rows.append((QCoreApplication.translate("ReceiptDialog", "Cash given"), format_money(cash_given, locale)))
            rows.append(
                (QCoreApplication.translate("ReceiptDialog", "Change"), format_money(cash_given - tx.amount, locale))
            )
    else:
        rows.append(
            (QCoreApplication.translate("ReceiptDialog", "Provider"), PROVIDER_LABELS.get(tx.provider, tx.provider))
        )
    if tx.reason:
        rows.append((QCoreApplication.translate("ReceiptDialog", "For"), inert(tx.reason)))
    rows.append((QCoreApplication.translate("ReceiptDialog", "Date"), when))
    if counter:
        rows.append((QCoreApplication.translate("ReceiptDialog", "Counter"), inert(counter)))
    rows.append((QCoreApplication.translate("ReceiptDialog", "Cashier"), inert(cashier or tx.cashier) or "-"))
    if refund and tx.parent_ref:
        rows.append((QCoreApplication.translate("ReceiptDialog", "Refund of"), tx.parent_ref))
    rows.append((QCoreApplication.translate("ReceiptDialog", "Reference"), tx.app_ref))
    if not in_cash:
        rows.append((QCoreApplication.translate("ReceiptDialog", "Provider ref."), inert(tx.provider_ref) or "-"))
    shop = tuple(inert(line) for line in (settings.shop_name, settings.shop_address, settings.shop_phone) if line)
    return ReceiptContent(
        title=title,
        shop_lines=shop,
        amount=format_money(tx.amount, locale),
        status=status,
        rows=tuple(rows),
        qr_data=tx.app_ref,
        qr_caption=QCoreApplication.translate("ReceiptDialog", "Scan to find this transaction"),
        training=QCoreApplication.translate("ReceiptDialog", "TRAINING - NO REAL MONEY") if training else "",
        duplicate=QCoreApplication.translate("ReceiptDialog", "DUPLICATE") if reprint else "",
        footer=QCoreApplication.translate("ReceiptDialog", "Thank you. Keep this receipt."),
        app_ref=tx.app_ref,
    )


def counter_name(journal: Journal) -> str:
    """This terminal's name as receipts show it ("" when its journal cannot say: the receipt still prints)."""
    try:
        return terminal_identity(journal).name
    except JournalError as exc:
        log.warning("the counter's name cannot be read for a receipt: %s", exc)
        return ""


def receipt_facts(journal: Journal, app_ref: str) -> dict[str, Any]:
    """What the journal adds to ``app_ref``'s receipt: the counter's name and, for a cash tender, the cash
    given; as keywords for ``receipt_content``, ``print_receipt``, ``save_receipt_pdf`` and ``ReceiptDialog``."""
    given = tenders_given(journal, [app_ref]).get(app_ref)
    return {"counter": counter_name(journal), "cash_given": given[1] if given is not None else None}


# ---------------------------------------------------------------------------------------------- layout


@dataclass(frozen=True, slots=True)
class _Text:
    rect: QRectF
    text: str
    font: QFont
    flags: int


@dataclass(frozen=True, slots=True)
class _Rule:
    y: float
    left: float
    right: float
    dashed: bool


@dataclass(frozen=True, slots=True)
class _Box:
    rect: QRectF


@dataclass(frozen=True, slots=True)
class _Qr:
    rect: QRectF
    matrix: list[list[bool]]


_Op = _Text | _Rule | _Box | _Qr


def _font(size: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(size)  # layout units; the painter's scale makes them millimetres on paper
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


_WRAP = int(Qt.TextFlag.TextWordWrap)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
_CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)


class _Flow:
    """Places blocks one under the other across the receipt's width."""

    def __init__(self, spec: _LayoutSpec) -> None:
        self.spec = spec
        self.left = float(spec.margin)
        self.right = float(spec.paper_width - spec.margin)
        self.y = float(spec.top)
        self.ops: list[_Op] = []

    @property
    def width(self) -> float:
        return self.right - self.left

    def text(self, text: str, font: QFont, flags: int = _CENTER, *, left: float | None = None,
             width: float | None = None, advance: bool = True) -> float:  # fmt: skip
        x = self.left if left is None else left
        w = self.width if width is None else width
        bounds = QFontMetricsF(font).boundingRect(QRectF(0, 0, w, 1e6), flags | _WRAP, text)
        height = bounds.height()
        self.ops.append(_Text(QRectF(x, self.y, w, height), text, font, flags | _WRAP))
        if advance:
            self.y += height
        return height

    def gap(self, factor: float = 1.0) -> None:
        self.y += self.spec.gap * factor

    def rule(self, *, dashed: bool = True) -> None:
        self.gap()
        self.ops.append(_Rule(self.y, self.left, self.right, dashed))
        self.gap()

    def boxed(self, text: str, font: QFont) -> None:
        pad = self.spec.gap
        top = self.y
        self.y += pad
        self.text(text, font, _CENTER, left=self.left + pad, width=self.width - 2 * pad)
        self.y += pad
        self.ops.append(_Box(QRectF(self.left, top, self.width, self.y - top)))
        self.gap()

    def row(self, label: str, value: str, spec: _LayoutSpec) -> None:
        """Label at the left and value at the right; the value goes under the label when both do not fit."""
        label_font, value_font = _font(spec.small), _font(spec.body, bold=True)
        label_width = QFontMetricsF(label_font).horizontalAdvance(label)
        value_width = QFontMetricsF(value_font).horizontalAdvance(value)
        room = self.width - label_width - spec.gap * 2
        if value_width <= room:
            # baselines aligned well enough: the label is smaller, so it sits a little lower
            offset = QFontMetricsF(value_font).ascent() - QFontMetricsF(label_font).ascent()
            top = self.y
            self.y += offset
            self.text(label, label_font, _LEFT, width=label_width + 1, advance=False)
            self.y = top
            self.text(value, value_font, _RIGHT, left=self.left + label_width + spec.gap * 2, width=room)
        else:
            self.text(label, label_font, _LEFT)
            self.text(value, value_font, _RIGHT)
        self.y += spec.gap * 0.5

    def qr(self, matrix: list[list[bool]], side: float) -> None:
        side = min(side, self.width)
        self.ops.append(_Qr(QRectF(self.left + (self.width - side) / 2, self.y, side, side), matrix))
        self.y += side


def layout_receipt(content: ReceiptContent, layout: ReceiptLayout) -> tuple[list[_Op], QSizeF]:
    """The painting operations and the page size (layout units) of ``content`` on ``layout``'s paper."""
    spec = layout.spec
    flow = _Flow(spec)
    if content.training:
        flow.boxed(content.training, _font(spec.body, bold=True))
    if content.shop_lines:
        flow.text(content.shop_lines[0], _font(spec.title, bold=True))
        for line in content.shop_lines[1:]:
            flow.text(line, _font(spec.small))
        flow.rule(dashed=False)
    flow.text(content.title, _font(spec.body, bold=True))
    if content.duplicate:
        flow.text(content.duplicate, _font(spec.small, bold=True))
    flow.gap()
    flow.text(content.amount, _font(spec.amount, bold=True))
    flow.text(content.status, _font(spec.body))
    flow.rule()
    for label, value in content.rows:
        flow.row(label, value, spec)
    flow.rule()
    if content.qr_data:
        flow.qr(qr_matrix(content.qr_data), spec.qr)
        flow.text(content.qr_caption, _font(spec.small))
    if content.footer:
        flow.gap()
        flow.text(content.footer, _font(spec.small))
    if content.training:
        flow.gap()
        flow.boxed(content.training, _font(spec.body, bold=True))
    height = spec.page_height or (flow.y + spec.top)
    return flow.ops, QSizeF(spec.paper_width, max(height, flow.y))


def receipt_page_mm(content: ReceiptContent, layout: ReceiptLayout) -> QSizeF:
    """The page a receipt needs, in millimetres (a roll's page is as long as the receipt)."""
    _, size = layout_receipt(content, layout)
    return QSizeF(size.width() / UNITS_PER_MM, size.height() / UNITS_PER_MM)


def paint_receipt(painter: QPainter, content: ReceiptContent, layout: ReceiptLayout, dpi: float) -> QSizeF:
    """Paint ``content`` with its top-left corner at the painter's origin, ``dpi`` device pixels per inch.

    Returns the size painted, in device pixels.
    """
    ops, size = layout_receipt(content, layout)
    scale = dpi / 25.4 / UNITS_PER_MM
    painter.save()
    painter.scale(scale, scale)
    black = QColor(0, 0, 0)
    for op in ops:
        if isinstance(op, _Text):
            painter.setPen(black)
            painter.setFont(op.font)
            painter.drawText(op.rect, op.flags, op.text)
        elif isinstance(op, _Rule):
            pen = QPen(black, 3)
            if op.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(op.left), int(op.y), int(op.right), int(op.y))
        elif isinstance(op, _Box):
            painter.setPen(QPen(black, 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(op.rect)
        else:
            _paint_qr(painter, op)
    painter.restore()
    return QSizeF(size.width() * scale, size.height() * scale)


def _paint_qr(painter: QPainter, op: _Qr) -> None:
    modules = len(op.matrix) + 2 * QUIET_ZONE
    module = op.rect.width() / modules
    origin_x = op.rect.left() + QUIET_ZONE * module
    origin_y = op.rect.top() + QUIET_ZONE * module
    # One path of horizontal runs: no hairline seams between neighbouring modules in PDF viewers.
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(op.matrix):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.addRect(QRectF(origin_x + start * module, origin_y + r * module, (c - start) * module, module))
            else:
                c += 1
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(op.rect, QColor(255, 255, 255))
    painter.fillPath(path, QColor(0, 0, 0))
    painter.restore()


# ---------------------------------------------------------------------------------------------- targets


def render_receipt_image(content: ReceiptContent, layout: ReceiptLayout, dpi: int = 203) -> QImage:
    """The receipt as a white image at ``dpi`` (203 dpi: a thermal printer's resolution)."""
    size_mm = receipt_page_mm(content, layout)
    width = round(size_mm.width() / 25.4 * dpi)
    height = round(size_mm.height() / 25.4 * dpi)
    image = QImage(QSize(width, height), QImage.Format.Format_RGB32)
    image.fill(QColor(255, 255, 255))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint_receipt(painter, content, layout, dpi)
    painter.end()
    return image


def _page_size(content: ReceiptContent, layout: ReceiptLayout) -> QPageSize:
    if layout is ReceiptLayout.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    size = receipt_page_mm(content, layout)
    return QPageSize(size, QPageSize.Unit.Millimeter, f"Receipt {layout.value}", QPageSize.SizeMatchPolicy.ExactMatch)


def write_receipt_pdf(
    content: ReceiptContent, path: str | Path, layout: ReceiptLayout, *, resolution: int = 300
) -> Path:
    """Write ``content`` as a one-page PDF (its text stays text)."""
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setResolution(resolution)
    writer.setTitle(content.title + (f" {content.app_ref}" if content.app_ref else ""))
    writer.setCreator("posapp")
    writer.setPageLayout(
        QPageLayout(_page_size(content, layout), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        paint_receipt(painter, content, layout, writer.resolution())
    finally:
        painter.end()
    return target


def save_receipt_pdf(
    transaction: Transaction,
    path: str | Path,
    layout: ReceiptLayout,
    settings: Settings,
    *,
    cashier: str = "",
    counter: str = "",
    cash_given: Money | None = None,
    training: bool | None = None,
    locale: str | None = None,
    tz: tzinfo | None = None,
    reprint: bool = False,
) -> Path:
    """Save the receipt of ``transaction`` as a PDF on ``layout``'s paper."""
    content = receipt_content(
        transaction, settings, cashier=cashier, counter=counter, cash_given=cash_given, training=training,
        locale=locale, tz=tz, reprint=reprint,
    )  # fmt: skip
    return write_receipt_pdf(content, path, layout)


def receipt_printer(settings: Settings) -> QPrinter | None:
    """The printer named in the settings (``extra["receipt_printer"]``), else the system's default; None if none."""
    name = str(settings.extra.get("receipt_printer", "") or "")
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_content(content: ReceiptContent, printer: QPrinter, layout: ReceiptLayout) -> bool:
    """Paint ``content`` on ``printer`` (page size set for the layout); False when the printer cannot start."""
    printer.setPageLayout(
        QPageLayout(_page_size(content, layout), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    printer.setDocName(content.title + (f" {content.app_ref}" if content.app_ref else ""))
    painter = QPainter()
    if not painter.begin(printer):
        log.warning("the printer %r did not start", printer.printerName())
        return False
    try:
        paint_receipt(painter, content, layout, printer.resolution())
    finally:
        painter.end()
    return True


def print_receipt(
    transaction: Transaction,
    settings: Settings,
    *,
    cashier: str = "",
    counter: str = "",
    cash_given: Money | None = None,
    training: bool | None = None,
    layout: ReceiptLayout | None = None,
    printer: QPrinter | None = None,
    locale: str | None = None,
    tz: tzinfo | None = None,
    reprint: bool = False,
) -> bool:
    """Print the receipt of ``transaction`` without asking (automatic printing); True when it was sent.

    It goes to ``printer``, or the settings' receipt printer, or the default printer; False when there is
    none. Choosing a printer is ``ReceiptDialog.choose_printer``, which opens the system's dialog without
    a nested event loop (a nested loop inside the qasync loop loses other tasks' wake-ups).
    """
    content = receipt_content(
        transaction, settings, cashier=cashier, counter=counter, cash_given=cash_given, training=training,
        locale=locale, tz=tz, reprint=reprint,
    )  # fmt: skip
    printer = printer or receipt_printer(settings)
    if printer is None:
        return False
    return print_content(content, printer, layout or layout_of(settings))


# ---------------------------------------------------------------------------------------------- preview


class ReceiptPreview(QWidget):
    """Paints a receipt as a sheet of paper, as wide as the widget allows (up to about print size)."""

    def __init__(self, content: ReceiptContent, layout: ReceiptLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptPreview")
        self._content = content
        self._layout = layout
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._update_height()

    def set_layout(self, layout: ReceiptLayout) -> None:
        self._layout = layout
        self._update_height()
        self.update()

    def content(self) -> ReceiptContent:
        return self._content

    def _dpi(self, width: int) -> float:
        paper_mm = self._layout.spec.paper_width / UNITS_PER_MM
        # a roll is shown about life size; an A4 page is fitted to the width
        room = max(width - 40, 200)
        natural = 150.0 if self._layout.is_roll else 96.0
        return min(natural, room / paper_mm * 25.4)

    def _update_height(self) -> None:
        size = receipt_page_mm(self._content, self._layout)
        dpi = self._dpi(max(self.width(), 480))
        self.setFixedHeight(round(size.height() / 25.4 * dpi) + 40)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._update_height()

    def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        size = receipt_page_mm(self._content, self._layout)
        dpi = self._dpi(self.width())
        paper_w = size.width() / 25.4 * dpi
        paper_h = size.height() / 25.4 * dpi
        x = (self.width() - paper_w) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRectF(x + 4, 24, paper_w, paper_h), QColor(0, 0, 0, 40))  # a soft shadow
        painter.fillRect(QRectF(x, 20, paper_w, paper_h), QColor(255, 255, 255))
        painter.translate(x, 20)
        paint_receipt(painter, self._content, self._layout, dpi)
        painter.end()


class ReceiptDialog(QDialog):
    """Shows a receipt before it is printed or saved, on the paper chosen (58 mm, 80 mm, A4).

    Signals:
        printed(str): the receipt of this app_ref went to a printer.
        saved(str): the receipt was saved as a PDF at this path.
    """

    printed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        transaction: Transaction,
        settings: Settings,
        *,
        cashier: str = "",
        counter: str = "",
        cash_given: Money | None = None,
        training: bool | None = None,
        locale: str | None = None,
        tz: tzinfo | None = None,
        reprint: bool = False,
        layout: ReceiptLayout | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.setWindowTitle(QCoreApplication.translate("ReceiptDialog", "Receipt"))
        self.transaction = transaction
        self.settings = settings
        self.content = receipt_content(
            transaction, settings, cashier=cashier, counter=counter, cash_given=cash_given, training=training,
            locale=locale, tz=tz, reprint=reprint,
        )  # fmt: skip
        self.layout_choice = layout or layout_of(settings)
        # Where "Save as PDF" writes; tests replace it. Returns "" when the person cancels.
        self.ask_pdf_path: Callable[[str], str] = self._ask_pdf_path
        self._print_dialog: QPrintDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(12)
        top = QHBoxLayout()
        title = PlainLabel(QCoreApplication.translate("ReceiptDialog", "Receipt"))
        title.setObjectName("receiptTitle")
        top.addWidget(title)
        top.addStretch(1)
        self.layout_group = QButtonGroup(self)
        self.layout_buttons: dict[ReceiptLayout, QPushButton] = {}
        for index, choice in enumerate(ReceiptLayout):
            button = QPushButton(layout_text(choice))
            button.setCheckable(True)
            button.setProperty("chip", True)
            button.setObjectName(f"receiptLayout_{choice.value}")
            button.setChecked(choice is self.layout_choice)
            give_shortcut(
                button,
                f"Alt+{index + 1}",
                QCoreApplication.translate("ReceiptDialog", "Lay the receipt out for: {paper}").format(
                    paper=layout_text(choice)
                ),
            )
            self.layout_group.addButton(button, index)
            self.layout_buttons[choice] = button
            top.addWidget(button)
        self.layout_group.idClicked.connect(lambda index: self.set_layout(list(ReceiptLayout)[index]))
        outer.addLayout(top)

        self.preview = ReceiptPreview(self.content, self.layout_choice)
        scroll = QScrollArea()
        scroll.setObjectName("receiptScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview)
        outer.addWidget(scroll, 1)

        self.message = PlainLabel()
        self.message.setObjectName("fieldCaption")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

        buttons = QHBoxLayout()
        self.close_button = QPushButton(QCoreApplication.translate("ReceiptDialog", "Close"))
        self.close_button.setProperty("secondary", True)
        self.close_button.clicked.connect(self.reject)
        self.pdf_button = QPushButton(QCoreApplication.translate("ReceiptDialog", "Save as PDF"))
        self.pdf_button.setObjectName("receiptPdf")
        self.pdf_button.setProperty("secondary", True)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(QCoreApplication.translate("ReceiptDialog", "Print"))
        self.print_button.setObjectName("receiptPrint")
        self.print_button.setProperty("primary", True)
        give_shortcut(self.close_button, "Esc", handled=True)
        give_shortcut(
            self.pdf_button,
            "Ctrl+Shift+S",
            QCoreApplication.translate("ReceiptDialog", "Save the receipt as a PDF file"),
        )
        give_shortcut(self.print_button, "Ctrl+P", QCoreApplication.translate("ReceiptDialog", "Print the receipt"))
        self.print_button.clicked.connect(self.choose_printer)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        outer.addLayout(buttons)
        self.resize(620, 760)

    def set_layout(self, layout: ReceiptLayout) -> None:
        self.layout_choice = layout
        self.layout_buttons[layout].setChecked(True)
        self.preview.set_layout(layout)

    def _ask_pdf_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ReceiptDialog", "Save the receipt as PDF"),
            suggested,
            QCoreApplication.translate("ReceiptDialog", "PDF files (*.pdf)"),
        )
        return path

    def save_pdf(self) -> Path | None:
        path = self.ask_pdf_path(f"receipt-{self.transaction.app_ref}.pdf")
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            written = write_receipt_pdf(self.content, path, self.layout_choice)
        except OSError as exc:
            log.warning("cannot save the receipt: %s", exc)
            self.message.setText(QCoreApplication.translate("ReceiptDialog", "The receipt could not be saved there."))
            return None
        self.message.setText(
            QCoreApplication.translate("ReceiptDialog", "Saved: {path}").format(path=inert(str(written)))
        )
        self.saved.emit(str(written))
        return written

    def choose_printer(self) -> None:
        """Open the system's print dialog (without blocking); the receipt prints when it is accepted."""
        printer = receipt_printer(self.settings) or QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self._print_dialog = dialog
        QDialog.open(dialog)  # window-modal, without a nested event loop

    def print_to(self, printer: QPrinter) -> bool:
        ok = print_content(self.content, printer, self.layout_choice)
        if ok:
            self.message.setText(QCoreApplication.translate("ReceiptDialog", "Sent to the printer."))
            self.printed.emit(self.transaction.app_ref)
        else:
            self.message.setText(QCoreApplication.translate("ReceiptDialog", "The printer did not answer."))
        return ok


__all__ = [
    "ReceiptContent",
    "ReceiptDialog",
    "ReceiptLayout",
    "layout_of",
    "paint_receipt",
    "print_content",
    "print_receipt",
    "receipt_allowed",
    "counter_name",
    "receipt_content",
    "receipt_facts",
    "render_receipt_image",
    "save_receipt_pdf",
    "write_receipt_pdf",
]
