"""The Balance screen: the provider balance and when it was read, today's totals, and a chart of takings.

For a manager only (``Permission.VIEW_BALANCE``): anyone else sees a "Manager only" panel and can ask a
manager to unlock it for this visit. The screen only shows and asks (``refresh_requested``,
``unlock_requested``, ``period_changed``); ``posapp.ui.wiring.manager_screens`` reads the services.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo

from babel.dates import format_time
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import Money, format_money
from posapp.journal.reports import DayTotals
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.shortcut import give_shortcut
from posapp.ui.widgets.takings_chart import Bar, TakingsChart

PERIOD_DAY = "day"
PERIOD_WEEK = "week"


def ago_text(seconds: float) -> str:
    """``just now``, ``4 min ago``, ``2 h ago``: how old a reading is."""
    if seconds < 60:
        return QCoreApplication.translate("BalanceScreen", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("BalanceScreen", "{minutes} min ago").format(minutes=int(seconds // 60))
    return QCoreApplication.translate("BalanceScreen", "{hours} h ago").format(hours=int(seconds // 3600))


class BalanceScreen(QWidget):
    """Provider balance with its reading time and a refresh, today's totals and the takings chart.

    Signals:
        refresh_requested(): read the provider balance now.
        unlock_requested(): someone who may not see the balance asks a manager to unlock it.
        period_changed(str): the chart should show ``"day"`` (per hour) or ``"week"`` (per day).
    """

    refresh_requested = Signal()
    unlock_requested = Signal()
    period_changed = Signal(str)

    def __init__(
        self,
        currency: str,
        locale: str,
        *,
        provider_label: str = "",
        tz: tzinfo | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.currency = currency
        self.locale_name = locale
        self.tz = tz
        self._clock = clock or (lambda: datetime.now(UTC))
        self.read_at: datetime | None = None
        self.locked = True
        self.unlocked_for_visit = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(12)
        title = PlainLabel(QCoreApplication.translate("MainWindow", "Balance"))
        title.setObjectName("screenTitle")
        outer.addWidget(title)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_locked())
        self.content = self._build_content(provider_label)
        self.pages.addWidget(self.content)

        self._ticker = QTimer(self)
        self._ticker.setInterval(30_000)
        self._ticker.timeout.connect(self._show_age)
        self._ticker.start()
        self.set_locked(True)

    # ------------------------------------------------------------------ manager only

    def _build_locked(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        card = QFrame()
        card.setObjectName("managerOnly")
        card.setFixedWidth(520)  # a fixed width lets the wrapped text take the height it needs
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        card_layout.setSpacing(12)
        heading = PlainLabel(QCoreApplication.translate("BalanceScreen", "Manager only"))
        heading.setObjectName("managerOnlyTitle")
        text = PlainLabel(
            QCoreApplication.translate(
                "BalanceScreen",
                "The balance and the day's totals are for managers. A manager can unlock them here with their "
                "PIN; they lock again when you leave this screen.",
            )
        )
        text.setObjectName("managerOnlyText")
        text.setWordWrap(True)
        self.unlock_button = QPushButton(QCoreApplication.translate("BalanceScreen", "Unlock as manager"))
        self.unlock_button.setObjectName("balanceUnlock")
        self.unlock_button.setProperty("primary", True)
        give_shortcut(
            self.unlock_button, "Ctrl+M", QCoreApplication.translate("BalanceScreen", "A manager types their PIN")
        )
        self.unlock_error = PlainLabel("")
        self.unlock_error.setObjectName("fieldError")
        self.unlock_error.setWordWrap(True)
        card_layout.addWidget(heading)
        card_layout.addWidget(text)
        card_layout.addWidget(self.unlock_error)
        card_layout.addWidget(self.unlock_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self._locked_text = text
        self.unlock_button.clicked.connect(self.unlock_requested)
        return page

    def set_locked(self, locked: bool, *, for_visit: bool = False) -> None:
        """Show the "Manager only" panel (True) or the figures; ``for_visit``: until the screen is left."""
        self.locked = locked
        self.unlocked_for_visit = not locked and for_visit
        self.show_unlock_error("")
        self.pages.setCurrentIndex(0 if locked else 1)

    def show_unlock_error(self, text: str) -> None:
        self.unlock_error.setText(inert(text))  # may be the provider's words
        self.unlock_error.setVisible(bool(text))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # A wrapped label in a fixed-width card: give it the height its text needs at that width.
        text = self._locked_text
        text.setMinimumHeight(text.heightForWidth(text.width() if text.width() > 0 else 460))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        if self.unlocked_for_visit and not event.spontaneous():
            self.set_locked(True)  # a manager's unlock lasts one visit: the next person at the till sees nothing

    # ------------------------------------------------------------------ content

    def _card(self, name: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setObjectName(name)
        card.setProperty("card", True)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(6)
        return card, layout

    def _build_content(self, provider_label: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        top = QHBoxLayout()
        top.setSpacing(14)
        layout.addLayout(top)

        balance_card, balance_layout = self._card("balanceCard")
        self.balance_caption = PlainLabel(
            QCoreApplication.translate("BalanceScreen", "Balance at {provider}").format(provider=provider_label)
            if provider_label
            else QCoreApplication.translate("BalanceScreen", "Balance at the provider")
        )
        self.balance_caption.setObjectName("sectionTitle")
        self.balance_amount = FitLabel(36, 16)
        self.balance_amount.setObjectName("balanceAmount")
        self.balance_amount.setMinimumHeight(60)
        self.read_label = PlainLabel()
        self.read_label.setObjectName("balanceReadAt")
        self.read_label.setWordWrap(True)
        self.balance_error = PlainLabel("")
        self.balance_error.setObjectName("fieldError")
        self.balance_error.setWordWrap(True)
        self.refresh_button = QPushButton(QCoreApplication.translate("BalanceScreen", "Refresh"))
        self.refresh_button.setObjectName("balanceRefresh")
        self.refresh_button.setProperty("secondary", True)
        give_shortcut(
            self.refresh_button,
            "Ctrl+R",
            QCoreApplication.translate("BalanceScreen", "Ask the provider for the balance"),
        )
        balance_layout.addWidget(self.balance_caption)
        balance_layout.addWidget(self.balance_amount)
        balance_layout.addWidget(self.read_label)
        balance_layout.addWidget(self.balance_error)
        balance_layout.addStretch(1)
        balance_layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        top.addWidget(balance_card, 3)
        self.refresh_button.clicked.connect(self.refresh_requested)

        totals_card, totals_layout = self._card("totalsCard")
        totals_title = PlainLabel(QCoreApplication.translate("BalanceScreen", "Today"))
        totals_title.setObjectName("sectionTitle")
        totals_layout.addWidget(totals_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.total_labels: dict[str, tuple[PlainLabel, PlainLabel]] = {}
        rows = [
            ("payments", QCoreApplication.translate("BalanceScreen", "Payments received")),
            ("refunds", QCoreApplication.translate("BalanceScreen", "Refunds")),
            ("payouts", QCoreApplication.translate("BalanceScreen", "Payouts")),
            ("fees", QCoreApplication.translate("BalanceScreen", "Fees")),
            ("net", QCoreApplication.translate("BalanceScreen", "Net")),
        ]
        for row, (key, text) in enumerate(rows):
            if key == "net":
                rule = QFrame()
                rule.setObjectName("totalsRule")
                rule.setFixedHeight(2)
                grid.addWidget(rule, row, 0, 1, 3)
                row += 1
            name = PlainLabel(text)
            count = PlainLabel()
            amount = PlainLabel()
            for label in (name, count, amount):
                label.setProperty("totalRow", key)
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name.setMinimumWidth(name.sizeHint().width())  # the row's name is never cut; the balance card gives way
            grid.addWidget(name, row, 0)
            grid.addWidget(count, row, 1)
            grid.addWidget(amount, row, 2)
            self.total_labels[key] = (count, amount)
        grid.setColumnStretch(0, 1)
        totals_layout.addLayout(grid)
        self.unknown_note = PlainLabel("")
        self.unknown_note.setObjectName("totalsUnknown")
        self.unknown_note.setWordWrap(True)
        totals_layout.addWidget(self.unknown_note)
        totals_layout.addStretch(1)
        top.addWidget(totals_card, 5)

        chart_card, chart_layout = self._card("chartCard")
        chart_head = QHBoxLayout()
        chart_title = PlainLabel(QCoreApplication.translate("BalanceScreen", "Takings"))
        chart_title.setObjectName("sectionTitle")
        self.chart_total = PlainLabel()
        self.chart_total.setObjectName("chartTotal")
        chart_head.addWidget(chart_title)
        chart_head.addWidget(self.chart_total)
        chart_head.addStretch(1)
        self.day_button = QPushButton(QCoreApplication.translate("BalanceScreen", "Today, per hour"))
        self.week_button = QPushButton(QCoreApplication.translate("BalanceScreen", "Last 7 days"))
        self._period = QButtonGroup(self)
        for number, button in enumerate((self.day_button, self.week_button), 1):
            button.setProperty("chip", True)
            button.setCheckable(True)
            give_shortcut(button, f"Alt+{number}")
            self._period.addButton(button)
            chart_head.addWidget(button)
        self.day_button.setChecked(True)
        chart_layout.addLayout(chart_head)
        self.chart = TakingsChart(self.currency, self.locale_name)
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        chart_layout.addWidget(self.chart, 1)
        layout.addWidget(chart_card, 1)
        self._period.buttonToggled.connect(self._period_toggled)
        self.show_totals(None)
        self.show_unsupported(False)
        return page

    # ------------------------------------------------------------------ balance

    def show_unsupported(self, unsupported: bool) -> None:
        """The provider reports no balance: say so instead of an empty figure."""
        self.refresh_button.setVisible(not unsupported)
        if unsupported:
            self.balance_amount.setText("\u2014")
            self.read_label.setText(
                QCoreApplication.translate("BalanceScreen", "This provider does not report a balance.")
            )
        elif self.read_at is None:
            self.balance_amount.setText("\u2014")
            self.read_label.setText(QCoreApplication.translate("BalanceScreen", "Not read yet."))

    def show_reading(self, balance: Money, read_at: datetime) -> None:
        self.balance_amount.setText(format_money(balance, self.locale_name))
        self.read_at = read_at
        self.balance_error.setText("")
        self._show_age()

    def _show_age(self) -> None:
        if self.read_at is None:
            return
        zone = self.tz or self.read_at.astimezone().tzinfo
        clock = format_time(self.read_at, "short", tzinfo=zone, locale=self.locale_name)
        seconds = max((self._clock() - self.read_at).total_seconds(), 0.0)
        self.read_label.setText(
            QCoreApplication.translate("BalanceScreen", "Read at {time} ({ago})").format(
                time=clock, ago=ago_text(seconds)
            )
        )

    def set_refreshing(self, refreshing: bool) -> None:
        self.refresh_button.setEnabled(not refreshing)
        self.refresh_button.setText(
            QCoreApplication.translate("BalanceScreen", "Reading...")
            if refreshing
            else QCoreApplication.translate("BalanceScreen", "Refresh")
        )

    def show_balance_error(self, text: str) -> None:
        """The last read failed: the figure shown (if any) is the last good one, with its time."""
        self.balance_error.setText(
            QCoreApplication.translate("BalanceScreen", "Not refreshed: {reason}").format(reason=inert(text))
            if text
            else ""
        )

    def balance_text(self) -> str:
        return self.balance_amount.text()

    # ------------------------------------------------------------------ totals and chart

    def show_totals(self, totals: DayTotals | None) -> None:
        """Today's shop totals (None: nothing recorded today)."""
        zero = Money.zero(self.currency)
        if totals is None:
            totals = DayTotals(self._clock().date(), None, self.currency)
        assert totals.refunds is not None and totals.payouts is not None and totals.fees is not None
        paid = totals.paid
        values: dict[str, tuple[int | None, Money]] = {
            "payments": (paid.count, paid.amount),
            "refunds": (totals.refunds.count, -totals.refunds.amount if totals.refunds.amount else zero),
            "payouts": (totals.payouts.count, -totals.payouts.amount if totals.payouts.amount else zero),
            "fees": (None, -totals.fees if totals.fees else zero),
            "net": (None, totals.net),
        }
        for key, (count, amount) in values.items():
            count_label, amount_label = self.total_labels[key]
            count_label.setText("" if count is None else f"× {count}")
            amount_label.setText(format_money(amount, self.locale_name))
        unknown = len(totals.unknown)
        self.unknown_note.setText(
            QCoreApplication.translate(
                "BalanceScreen", "{count} with an unknown outcome, not counted: see Activity or History."
            ).format(count=unknown)
            if unknown
            else ""
        )
        self.unknown_note.setVisible(bool(unknown))

    def total_texts(self) -> dict[str, str]:
        """The amounts of the totals as shown (tests, the tour)."""
        return {key: amount.text() for key, (_count, amount) in self.total_labels.items()}

    @property
    def period(self) -> str:
        return PERIOD_WEEK if self.week_button.isChecked() else PERIOD_DAY

    def set_period(self, period: str) -> None:
        (self.week_button if period == PERIOD_WEEK else self.day_button).setChecked(True)

    def _period_toggled(self, button: QPushButton, checked: bool) -> None:
        if checked:
            self.period_changed.emit(self.period)

    def show_takings(self, bars: Sequence[Bar]) -> None:
        self.chart.set_bars(bars)
        self.chart_total.setText(format_money(self.chart.total(), self.locale_name))


__all__ = ["PERIOD_DAY", "PERIOD_WEEK", "BalanceScreen", "ago_text"]
