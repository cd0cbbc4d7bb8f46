"""The takings chart: which transactions make which bars, and the bars' geometry (not pixels)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from PySide6.QtGui import QImage

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.widgets.takings_chart import (
    DAY_FIRST_HOUR,
    DAY_LAST_HOUR,
    Bar,
    TakingsChart,
    nice_ceiling,
    takings_per_day,
    takings_per_hour,
)

DOUALA = timezone(timedelta(hours=1))  # Africa/Douala, no daylight saving
DAY = date(2026, 3, 2)
_refs = iter(range(1, 1000))


def tx(
    hour: int,
    amount: int,
    status: Status = Status.SUCCEEDED,
    kind: Kind = Kind.PUSH_PAYMENT,
    day: date = DAY,
    minute: int = 10,
) -> Transaction:
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=DOUALA)
    return Transaction(
        app_ref=f"T-{next(_refs)}",
        kind=kind,
        provider="mycoolpay",
        amount=Money(amount, "XAF"),
        status=status,
        parent_ref="T-0" if kind is Kind.REFUND else None,
        created_at=local.astimezone(UTC),
    )


KNOWN = [
    tx(8, 1500),
    tx(8, 2500, Status.PARTIALLY_REFUNDED),  # paid, then partly refunded: it was taken
    tx(9, 500, Status.FAILED),  # never paid
    tx(9, 700, Status.UNKNOWN),  # not known to be paid
    tx(12, 6000, Status.REFUNDED),
    tx(12, 1000, kind=Kind.REFUND),  # money out, not takings
    tx(13, 900, kind=Kind.PAYOUT),
    tx(14, 3000, kind=Kind.LINK_PAYMENT),
    tx(22, 800),  # late: widens the day
    tx(10, 9999, day=DAY - timedelta(days=1)),  # yesterday
]


def test_per_hour_counts_only_paid_payments_of_the_day() -> None:
    now = datetime(2026, 3, 2, 14, 30, tzinfo=DOUALA)
    bars = takings_per_hour(KNOWN, DAY, "XAF", tz=DOUALA, now=now)
    assert [bar.label for bar in bars] == [f"{h:02d}" for h in range(DAY_FIRST_HOUR, 23)]
    values = {bar.label: bar.minor for bar in bars if bar.minor}
    assert values == {"08": 4000, "12": 6000, "14": 3000, "22": 800}
    assert [bar.label for bar in bars if bar.current] == ["14"]
    assert DAY_LAST_HOUR < 22  # the late sale widened the day past the usual close


def test_per_day_covers_the_last_seven_days_with_today_last() -> None:
    bars = takings_per_day(KNOWN, DAY, "XAF", days=7, locale="en", tz=DOUALA)
    assert len(bars) == 7
    assert [bar.minor for bar in bars] == [0, 0, 0, 0, 0, 9999, 13800]
    assert bars[-1].current and not any(bar.current for bar in bars[:-1])
    assert bars[-1].label == "Mon 2" and bars[-2].label == "Sun 1"


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [(0, 1), (1, 1), (7, 8), (13, 16), (2100, 2400), (4000, 4000), (5500, 6000), (54500, 60000), (8100, 10000)],
)
def test_nice_ceiling(value: float, ceiling: float) -> None:
    assert nice_ceiling(value) == ceiling


def test_bar_geometry_follows_the_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = TakingsChart("XAF", "en_CM")
    qtbot.addWidget(chart)
    chart.resize(700, 300)
    chart.set_bars([Bar("08", 4000), Bar("09", 0), Bar("10", 1000), Bar("11", 3000, current=True)])
    assert chart.scale_max() == 4000
    plot = chart.plot_rect()
    rects = chart.bar_rects()
    assert len(rects) == 4
    for rect, value in zip(rects, (4000, 0, 1000, 3000), strict=True):
        assert rect.bottom() == pytest.approx(plot.bottom())
        assert rect.height() == pytest.approx(plot.height() * value / 4000)
        assert plot.left() <= rect.left() and rect.right() <= plot.right()
    assert len({round(rect.width(), 6) for rect in rects}) == 1, "every bar has the same width"
    lefts = [rect.left() for rect in rects]
    assert lefts == sorted(lefts) and lefts[1] - lefts[0] == pytest.approx(plot.width() / 4)
    assert rects[1].height() == 0
    assert chart.total() == Money(8000, "XAF")

    chart.resize(350, 200)  # the bars follow the widget's size
    narrow = chart.bar_rects()
    assert narrow[0].height() == pytest.approx(chart.plot_rect().height())
    assert narrow[0].width() < rects[0].width()


def test_paints_bars_and_empty_state_without_warnings(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = TakingsChart("XAF", "fr_CM")
    qtbot.addWidget(chart)
    chart.resize(640, 260)
    for bars in ([], [Bar(f"{h:02d}", 0) for h in range(7, 21)], takings_per_hour(KNOWN, DAY, "XAF", tz=DOUALA)):
        chart.set_bars(bars)
        image = QImage(chart.size(), QImage.Format.Format_ARGB32)
        image.fill(0)
        chart.render(image)
        assert not image.isNull() and image.pixelColor(0, 0).alpha() > 0, "the chart painted its background"
    empty = TakingsChart("XAF", "en_CM")
    qtbot.addWidget(empty)
    assert empty.bar_rects() == [] and empty.scale_max() == 1
