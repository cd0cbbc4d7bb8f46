"""The end-of-day report: a chosen day's takings, refunds, payouts, fees and net per cashier and network.

The figures come from ``posapp.journal.reports.end_of_day`` (formatted by ``ui/screens/reports_render.py``);
the unknown outcomes of the day are listed for a manager to reconcile. Print and Save as PDF put the
same page on paper; Export CSV is a manager's (``Permission.EXPORT``, approval used up at once).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from posapp.core.access import Permission
from posapp.journal.export import export_csv, export_drawer_csv
from posapp.journal.reports import drawer_counts, end_of_day
from posapp.journal.store import Journal
from posapp.ui.actions import ask_save_path, run_action
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.screens.reports_render import (
    EndOfDayReport,
    build_report,
    print_report,
    printed_at_text,
    report_html,
    write_report_pdf,
)
from posapp.ui.widgets.shortcut import give_shortcut

if TYPE_CHECKING:
    from posapp.ui.wiring.access import AccessController  # only named here: the wiring uses the screens

log = logging.getLogger(__name__)


def local_day_bounds(day: date, tz: tzinfo | None) -> tuple[datetime, datetime]:
    """Local midnight of ``day`` and of the next day (the computer's zone when ``tz`` is None)."""

    def midnight(d: date) -> datetime:
        naive = datetime.combine(d, time())
        return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()

    return midnight(day), midnight(day + timedelta(days=1))


class EndOfDayScreen(QWidget):
    """One day's report with Print, Save as PDF and (manager) Export CSV.

    Signals:
        message(str): something to tell the person (saved where, refused...), for the status bar.
        exported(str): the CSV was written at this path.
    """

    message = Signal(str)
    exported = Signal(str)

    def __init__(
        self,
        journal: Journal,
        locale: str,
        *,
        access: AccessController | None = None,
        tz: tzinfo | None = None,
        clock: Callable[[], datetime] | None = None,
        shop_name: str = "",
        training: bool = False,
        secrets: Callable[[], Iterable[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.journal = journal
        self.locale_name = locale
        self.access = access
        self.tz = tz
        self.shop_name = shop_name
        self.training = training
        self._clock = clock or (lambda: datetime.now(UTC))
        self._secrets = secrets or (lambda: ())
        self.report: EndOfDayReport | None = None
        self.html = ""
        # Where files go; tests replace these. Each returns "" when the person cancels.
        self.ask_pdf_path: Callable[[str], str] = self._ask_pdf_path
        self.ask_csv_path: Callable[[str], str | Awaitable[str]] = self._ask_csv_path
        self._print_dialog: QPrintDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(12)

        title_row = QHBoxLayout()
        title = PlainLabel(QCoreApplication.translate("EndOfDayScreen", "End-of-day report"))
        title.setObjectName("screenTitle")
        title_row.addWidget(title)
        title_row.addStretch(1)
        self.previous_button = QPushButton("‹")
        self.previous_button.setObjectName("eodPrevious")
        self.previous_button.setAccessibleName(QCoreApplication.translate("EndOfDayScreen", "Previous day"))
        self.next_button = QPushButton("›")
        self.next_button.setObjectName("eodNext")
        self.next_button.setAccessibleName(QCoreApplication.translate("EndOfDayScreen", "Next day"))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("eodDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.today_button = QPushButton(QCoreApplication.translate("EndOfDayScreen", "Today"))
        self.today_button.setProperty("chip", True)
        give_shortcut(self.previous_button, "Ctrl+Left", QCoreApplication.translate("EndOfDayScreen", "Previous day"))
        give_shortcut(self.next_button, "Ctrl+Right", QCoreApplication.translate("EndOfDayScreen", "Next day"))
        give_shortcut(self.today_button, "Ctrl+Home", QCoreApplication.translate("EndOfDayScreen", "Today's report"))
        self.date_edit.setAccessibleName(QCoreApplication.translate("EndOfDayScreen", "Day"))
        self.date_edit.setAccessibleDescription(QCoreApplication.translate("EndOfDayScreen", "The day of the report"))
        for widget in (self.previous_button, self.date_edit, self.next_button, self.today_button):
            title_row.addWidget(widget)
        outer.addLayout(title_row)

        self.cards = QFrame()
        self.cards.setObjectName("eodCards")
        grid = QGridLayout(self.cards)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(18)
        self.card_values: dict[str, PlainLabel] = {}
        captions = {
            "takings": QCoreApplication.translate("EndOfDayScreen", "Takings"),
            "refunds": QCoreApplication.translate("EndOfDayScreen", "Refunds"),
            "payouts": QCoreApplication.translate("EndOfDayScreen", "Payouts"),
            "fees": QCoreApplication.translate("EndOfDayScreen", "Fees"),
            "net": QCoreApplication.translate("EndOfDayScreen", "Net"),
            "unknown": QCoreApplication.translate("EndOfDayScreen", "Unknown"),
        }
        for column, (key, caption) in enumerate(captions.items()):
            label = PlainLabel(caption)
            label.setObjectName("eodCardCaption")
            value = PlainLabel()
            value.setObjectName("eodCardValue")
            value.setProperty("card", key)
            grid.addWidget(label, 0, column)
            grid.addWidget(value, 1, column)
            grid.setColumnStretch(column, 1)
            self.card_values[key] = value
        outer.addWidget(self.cards)

        self.browser = QTextBrowser()
        self.browser.setAccessibleName(QCoreApplication.translate("EndOfDayScreen", "Report"))
        self.browser.setAccessibleDescription(
            QCoreApplication.translate("EndOfDayScreen", "The day's totals and every transaction of the day")
        )
        self.browser.setObjectName("eodReport")
        self.browser.setOpenLinks(False)
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # tables are 100% wide
        outer.addWidget(self.browser, 1)

        buttons = QHBoxLayout()
        self.status_label = PlainLabel()
        self.status_label.setObjectName("fieldCaption")
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.status_label, 1)
        self.print_button = QPushButton(QCoreApplication.translate("EndOfDayScreen", "Print"))
        self.print_button.setObjectName("eodPrint")
        self.pdf_button = QPushButton(QCoreApplication.translate("EndOfDayScreen", "Save as PDF"))
        self.pdf_button.setObjectName("eodPdf")
        self.csv_button = QPushButton()
        self.csv_button.setObjectName("eodCsv")
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setProperty("secondary", True)
            buttons.addWidget(button)
        give_shortcut(self.print_button, "Ctrl+P", QCoreApplication.translate("EndOfDayScreen", "Print the report"))
        give_shortcut(
            self.pdf_button,
            "Ctrl+Shift+S",
            QCoreApplication.translate("EndOfDayScreen", "Save the report as a PDF file"),
        )
        give_shortcut(
            self.csv_button,
            "Ctrl+Shift+E",
            QCoreApplication.translate("EndOfDayScreen", "The day's transactions as a CSV file"),
        )
        outer.addLayout(buttons)

        self.previous_button.clicked.connect(lambda: self.set_day(self.day() - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.set_day(self.day() + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.set_day(self.today()))
        self.date_edit.dateChanged.connect(lambda _: self.refresh())
        self.print_button.clicked.connect(self.choose_printer)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button.clicked.connect(self.export_clicked)
        if access is not None:
            # A method, not a lambda: Qt drops the connection when the report is closed and deleted, and a
            # later sign-out (Lock, Switch user) must not reach its deleted buttons.
            access.user_changed.connect(self._user_changed)
        self._update_csv_label()
        self.set_day(self.today())

    # ------------------------------------------------------------------ day

    def today(self) -> date:
        return self._clock().astimezone(self.tz).date()

    def day(self) -> date:
        day = self.date_edit.date().toPython()
        assert isinstance(day, date)
        return day

    def set_day(self, day: date) -> None:
        if self.day() == day:
            self.refresh()
        else:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))  # refreshes through dateChanged
        self.next_button.setEnabled(day < self.today())

    def refresh(self) -> None:
        """Count the chosen day again from the journal."""
        day = self.day()
        totals = end_of_day(self.journal, day, tz=self.tz)
        currency = totals[0].currency if totals else "XAF"
        drawers = drawer_counts(self.journal, day, tz=self.tz, currency=currency)
        self.report = build_report(totals, day, self.locale_name, tz=self.tz, drawers=drawers)
        self.html = report_html(self.report, shop_name=self.shop_name, training=self.training, heading=False)
        self.browser.setHtml(self.html)
        shop = self.report.shop
        first = shop[0] if shop else None
        values = {
            "takings": first.takings if first else "-",
            "refunds": first.refunds if first else "-",
            "payouts": first.payouts if first else "-",
            "fees": first.fees if first else "-",
            "net": first.net if first else "-",
            "unknown": str(len(self.report.unknown)),
        }
        for key, text in values.items():
            self.card_values[key].setText(text)
        warn = bool(self.report.unknown)
        self.card_values["unknown"].setProperty("warn", warn)
        self.card_values["unknown"].style().polish(self.card_values["unknown"])
        self.next_button.setEnabled(day < self.today())

    def _printed_html(self) -> str:
        assert self.report is not None
        return report_html(
            self.report,
            shop_name=self.shop_name,
            training=self.training,
            printed_at=printed_at_text(self._clock(), self.locale_name, self.tz),
        )

    # ------------------------------------------------------------------ print, PDF

    def _ask_pdf_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("EndOfDayScreen", "Save the report as PDF"),
            suggested,
            QCoreApplication.translate("EndOfDayScreen", "PDF files (*.pdf)"),
        )
        return path

    async def _ask_csv_path(self, suggested: str) -> str:
        # Asked from inside the export coroutine: never a nested event loop there (see ask_save_path).
        return await ask_save_path(
            self,
            QCoreApplication.translate("EndOfDayScreen", "Export the day as CSV"),
            suggested,
            QCoreApplication.translate("EndOfDayScreen", "CSV files (*.csv)"),
        )

    def _say(self, text: str) -> None:
        self.status_label.setText(inert(text))  # holds a path the person chose
        self.message.emit(text)

    def save_pdf(self) -> Path | None:
        path = self.ask_pdf_path(f"end-of-day-{self.day().isoformat()}.pdf")
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        written = write_report_pdf(self._printed_html(), path)
        self._say(QCoreApplication.translate("EndOfDayScreen", "Report saved: {path}").format(path=written))
        return written

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        self._print_dialog = dialog
        QDialog.open(dialog)  # window-modal, without a nested event loop

    def print_to(self, printer: QPrinter) -> None:
        print_report(self._printed_html(), printer)
        self._say(QCoreApplication.translate("EndOfDayScreen", "Report sent to the printer."))

    # ------------------------------------------------------------------ CSV (manager)

    def _user_changed(self, _user: object) -> None:
        self._update_csv_label()

    def _update_csv_label(self) -> None:
        needs = self.access is None or not self.access.allowed(Permission.EXPORT)
        self.csv_button.setText(
            QCoreApplication.translate("EndOfDayScreen", "Export CSV (manager)")
            if needs
            else QCoreApplication.translate("EndOfDayScreen", "Export CSV")
        )

    def export_clicked(self) -> None:
        run_action(self.csv_button, self.export_csv)

    async def export_csv(self) -> Path | None:
        """Ask a manager's approval, then where to write, then write the chosen day's transactions."""
        if self.access is None:
            self._say(QCoreApplication.translate("EndOfDayScreen", "Exporting needs a manager."))
            return None
        day = self.day()
        approval = await self.access.require(Permission.EXPORT, summary=f"CSV {day.isoformat()}")
        if approval is None:
            self._say(QCoreApplication.translate("EndOfDayScreen", "Export canceled: no manager approved it."))
            return None
        self.access.use(approval, used_for=f"csv export {day.isoformat()}")
        # A training export says so in its name: it must never be taken for the shop's books.
        path = self.ask_csv_path(f"posapp-{'training-' if self.training else ''}{day.isoformat()}.csv")
        if inspect.isawaitable(path):
            path = await path
        if not path:
            return None
        since, until = local_day_bounds(day, self.tz)
        rows = export_csv(self.journal, path, since, until, tz=self.tz, secrets=tuple(self._secrets()))
        log.info("exported %d transactions of %s", rows, day.isoformat())
        # The drawer count beside it, in a file of its own (its columns are not a transaction's).
        target = Path(path)
        drawer_path = target.with_name(f"{target.stem}-drawer{target.suffix or '.csv'}")
        if drawer_counts(self.journal, day, tz=self.tz):
            export_drawer_csv(self.journal, drawer_path, day, day, tz=self.tz)
            log.info("exported the drawer count of %s to %s", day.isoformat(), drawer_path)
        self._say(
            QCoreApplication.translate("EndOfDayScreen", "{rows} transactions exported to {path}").format(
                rows=rows, path=path
            )
        )
        self.exported.emit(str(path))
        return Path(path)
