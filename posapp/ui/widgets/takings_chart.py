"""A bar chart of takings (per hour of a day, or per day of a week), painted with QPainter.

No chart library: a few rectangles, grid lines and labels are all a manager needs to see when the
shop is busy. The geometry is computed apart from the painting (``bar_rects``), so tests check the
bars' sizes and values instead of pixels.

Takings are the payments that were paid (``SUCCEEDED``, ``PARTIALLY_REFUNDED``, ``REFUNDED``: the money
came in; refunds are counted apart, as refunds), on the local hour or day they were created, like the
end-of-day totals (``posapp.journal.reports``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from babel.dates import format_date
from babel.numbers import format_compact_decimal
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from posapp.core.money import Money, exponent, format_money
from posapp.core.transactions import Transaction
from posapp.journal.reports import PAID

# Hours always shown on the day chart (a shop's usual day); hours with takings outside it are added.
DAY_FIRST_HOUR = 7
DAY_LAST_HOUR = 20
GRID_STEPS = 4

_BAR = QColor("#0b6bcb")
_BAR_CURRENT = QColor("#b54708")
_GRID = QColor("#e4e7eb")
_BACKGROUND = QColor("#ffffff")
_AXIS = QColor("#9aa5b1")
_TEXT = QColor("#3e4c59")


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label under the axis, the amount in minor units, whether it is now (drawn apart)."""

    label: str
    minor: int
    current: bool = False


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def _paid_in(transactions: Iterable[Transaction], currency: str) -> Iterable[tuple[Transaction, datetime]]:
    for tx in transactions:
        if tx.kind.is_payment and tx.status in PAID and tx.amount.currency == currency and tx.created_at is not None:
            yield tx, tx.created_at


def takings_per_hour(
    transactions: Iterable[Transaction],
    day: date,
    currency: str,
    *,
    tz: tzinfo | None = None,
    now: datetime | None = None,
) -> list[Bar]:
    """One bar per hour of ``day`` (07:00-20:00, widened to every hour that took money)."""
    per_hour: dict[int, int] = {}
    for tx, created in _paid_in(transactions, currency):
        local = _local(created, tz)
        if local.date() == day:
            per_hour[local.hour] = per_hour.get(local.hour, 0) + tx.amount.minor
    first = min([DAY_FIRST_HOUR, *per_hour])
    last = max([DAY_LAST_HOUR, *per_hour])
    current_hour = _local(now, tz).hour if now is not None and _local(now, tz).date() == day else None
    return [Bar(f"{hour:02d}", per_hour.get(hour, 0), hour == current_hour) for hour in range(first, last + 1)]


def takings_per_day(
    transactions: Iterable[Transaction],
    last_day: date,
    currency: str,
    *,
    days: int = 7,
    locale: str = "en",
    tz: tzinfo | None = None,
) -> list[Bar]:
    """One bar per day for the ``days`` days ending with ``last_day`` (today is drawn apart)."""
    first_day = last_day - timedelta(days=days - 1)
    per_day: dict[date, int] = {}
    for tx, created in _paid_in(transactions, currency):
        local_day = _local(created, tz).date()
        if first_day <= local_day <= last_day:
            per_day[local_day] = per_day.get(local_day, 0) + tx.amount.minor
    bars = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        label = format_date(day, "EEE d", locale=locale)
        bars.append(Bar(label, per_day.get(day, 0), day == last_day))
    return bars


def nice_ceiling(value: float) -> float:
    """The smallest round number (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8 × 10^k) at least ``value``.

    Each divides by ``GRID_STEPS`` (4) into round grid values, and the tallest bar fills most of the height.
    """
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover (the loop always returns)


class TakingsChart(QWidget):
    """Vertical bars of takings with a value axis; ``set_bars`` replaces what is shown."""

    LEFT_AXIS_MIN = 48
    BOTTOM_LABELS = 28
    TOP_MARGIN = 26  # room for the value over the tallest bar
    RIGHT_MARGIN = 8

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("takingsChart")
        self.currency = currency
        self.locale_name = locale
        self._exponent = exponent(currency)
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(QCoreApplication.translate("TakingsChart", "Takings chart"))

    # ------------------------------------------------------------------ data

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = list(bars)
        total = sum(bar.minor for bar in self._bars)
        # Read out as a table would be: the total, then each period that took money.
        taken = "; ".join(f"{bar.label}: {self._money(bar.minor)}" for bar in self._bars if bar.minor)
        self.setAccessibleDescription(
            QCoreApplication.translate("TakingsChart", "{total} in all. {periods}").format(
                total=self._money(total),
                periods=taken or QCoreApplication.translate("TakingsChart", "Nothing taken yet."),
            )
        )
        self.update()

    def scale_max(self) -> int:
        """The value (minor units) at the top of the value axis."""
        highest = max((bar.minor for bar in self._bars), default=0)
        unit = 10**self._exponent
        return max(round(nice_ceiling(highest / unit) * unit), 1) if highest > 0 else unit

    # ------------------------------------------------------------------ geometry

    def _font(self, point_size: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(point_size)
        font.setBold(bold)
        return font

    def _axis_font(self) -> QFont:
        return self._font(10)

    def _value_font(self) -> QFont:
        return self._font(9, bold=True)

    def plot_rect(self) -> QRectF:
        """Where the bars stand: inside the axes."""
        metrics = QFontMetricsF(self._axis_font())
        widest = max(metrics.horizontalAdvance(self._compact(self.scale_max())), metrics.horizontalAdvance("0"))
        left = max(float(self.LEFT_AXIS_MIN), widest + 12)
        bottom = max(float(self.BOTTOM_LABELS), metrics.height() + 10)
        return QRectF(
            left,
            float(self.TOP_MARGIN),
            max(self.width() - left - self.RIGHT_MARGIN, 1.0),
            max(self.height() - self.TOP_MARGIN - bottom, 1.0),
        )

    def slot_width(self) -> float:
        return self.plot_rect().width() / len(self._bars) if self._bars else 0.0

    def bar_rects(self) -> list[QRectF]:
        """One rectangle per bar, in order; a bar of nothing has no height (it stands on the axis)."""
        plot = self.plot_rect()
        if not self._bars:
            return []
        slot = plot.width() / len(self._bars)
        width = max(slot * 0.7, 1.0)
        top = self.scale_max()
        rects = []
        for index, bar in enumerate(self._bars):
            height = plot.height() * bar.minor / top
            x = plot.left() + index * slot + (slot - width) / 2
            rects.append(QRectF(x, plot.bottom() - height, width, height))
        return rects

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(640, 260)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(320, 160)

    # ------------------------------------------------------------------ painting

    def _money(self, minor: int) -> str:
        return format_money(Money(minor, self.currency), self.locale_name)

    def _compact(self, minor: int) -> str:
        major = minor / 10**self._exponent
        return format_compact_decimal(major, locale=self.locale_name, fraction_digits=1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), _BACKGROUND)
        plot = self.plot_rect()
        top = self.scale_max()
        painter.setFont(self._axis_font())
        metrics = QFontMetricsF(self._axis_font())
        for step in range(GRID_STEPS + 1):
            y = plot.bottom() - plot.height() * step / GRID_STEPS
            painter.setPen(QPen(_AXIS if step == 0 else _GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(_TEXT)
            label = self._compact(round(top * step / GRID_STEPS))
            box = QRectF(0, y - metrics.height() / 2, plot.left() - 8, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        if not self._bars:
            return
        slot = plot.width() / len(self._bars)
        widest_label = max(metrics.horizontalAdvance(bar.label) for bar in self._bars)
        # Labels every n-th bar when they would overlap (24 hours on a narrow screen).
        every = max(1, math.ceil((widest_label + 6) / slot))
        value_metrics = QFontMetricsF(self._value_font())
        for index, (bar, rect) in enumerate(zip(self._bars, self.bar_rects(), strict=True)):
            if bar.minor > 0:
                painter.fillRect(rect, _BAR_CURRENT if bar.current else _BAR)
            if index % every == 0 or bar.current:
                painter.setPen(_TEXT)
                painter.setFont(self._font(10, bold=bar.current))
                below = QRectF(plot.left() + index * slot - slot, plot.bottom() + 4, slot * 3, metrics.height())
                painter.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label)
            if bar.minor > 0:
                text = self._compact(bar.minor)
                if value_metrics.horizontalAdvance(text) <= slot - 2:
                    painter.setPen(_TEXT)
                    painter.setFont(self._value_font())
                    over = QRectF(
                        rect.center().x() - slot / 2,
                        rect.top() - value_metrics.height() - 2,
                        slot,
                        value_metrics.height(),
                    )
                    painter.drawText(over, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self._axis_font())
        if all(bar.minor == 0 for bar in self._bars):
            painter.setPen(_TEXT)
            painter.setFont(self._font(13))
            painter.drawText(
                plot,
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("TakingsChart", "Nothing taken yet in this period."),
            )

    def total(self) -> Money:
        return Money(sum(bar.minor for bar in self._bars), self.currency)


__all__ = ["Bar", "TakingsChart", "nice_ceiling", "takings_per_day", "takings_per_hour"]
