"""The end-of-day report as figures ready to show (``build_report``) and as an HTML page to print or save.

``build_report`` only formats what ``posapp.journal.reports.end_of_day`` counted: the screen, the printed
page and the PDF all come from the same ``EndOfDayReport``, so they cannot disagree with each other or
with the journal's totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path

from babel.dates import format_date, format_datetime, format_time
from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from posapp.config import PROVIDER_LABELS
from posapp.core.cash import CASH
from posapp.core.money import format_money
from posapp.core.phone import display_phone
from posapp.core.transactions import Transaction
from posapp.journal.reports import DayTotals, DrawerCount
from posapp.ui.inert_text import inert_html
from posapp.ui.models.transactions_model import kind_text, operator_text


@dataclass(frozen=True, slots=True)
class OperatorLine:
    """The succeeded payments of one provider and network."""

    provider: str
    operator: str
    count: int
    amount: str


@dataclass(frozen=True, slots=True)
class ReportSection:
    """One cashier's day (or the whole shop's) in one currency, formatted."""

    cashier: str | None  # None: the whole shop
    title: str
    currency: str
    lines: tuple[OperatorLine, ...]
    takings_count: int
    takings: str
    refunds_count: int
    refunds: str
    payouts_count: int
    payouts: str
    fees: str
    net: str
    failed: int
    canceled: int
    expired: int
    unknown: int
    cash_count: int = 0  # the takings in cash (notes and coins at the counter), beside mobile money
    cash: str = ""
    mobile_count: int = 0
    mobile: str = ""
    cash_refunds: str = ""  # handed back from the drawer
    cash_payouts: str = ""  # taken from the drawer


@dataclass(frozen=True, slots=True)
class DrawerLine:
    """One cashier's drawer: what it should hold and what was counted."""

    cashier: str
    opening_float: str
    cash_sales: str
    cash_refunds: str
    cash_payouts: str
    expected: str
    counted: str  # "" until counted
    difference: str
    short: bool  # cash is missing
    openings: int  # opened without a sale


@dataclass(frozen=True, slots=True)
class UnknownLine:
    """A transaction whose outcome nobody knows yet: a manager checks it with the provider."""

    app_ref: str
    time: str
    kind: str
    amount: str
    customer: str
    cashier: str
    provider_ref: str


@dataclass(frozen=True, slots=True)
class EndOfDayReport:
    day: date
    day_text: str
    sections: tuple[ReportSection, ...]
    unknown: tuple[UnknownLine, ...] = field(default=())
    drawers: tuple[DrawerLine, ...] = field(default=())

    @property
    def shop(self) -> tuple[ReportSection, ...]:
        """The whole shop's sections (one per currency)."""
        return tuple(s for s in self.sections if s.cashier is None)


def cashier_title(cashier: str | None) -> str:
    if cashier is None:
        return QCoreApplication.translate("EndOfDayScreen", "Whole shop")
    return cashier or QCoreApplication.translate("EndOfDayScreen", "(no cashier)")


def build_report(
    totals: list[DayTotals],
    day: date,
    locale: str,
    *,
    tz: tzinfo | None = None,
    drawers: list[DrawerCount] | None = None,
) -> EndOfDayReport:
    """Format ``end_of_day``'s totals for ``day`` in ``locale`` (shop first, then each cashier), and the
    drawer counts (``journal.reports.drawer_counts``) when given."""
    sections = []
    unknown: list[Transaction] = []
    for row in totals:
        assert row.refunds is not None and row.payouts is not None and row.fees is not None
        lines = tuple(
            OperatorLine(
                provider_text(provider),
                operator_text(operator)
                or ("—" if provider == CASH else QCoreApplication.translate("EndOfDayScreen", "Other")),
                tally.count,
                format_money(tally.amount, locale),
            )
            for (provider, operator), tally in sorted(row.payments.items())
        )
        paid = row.paid
        cash, mobile = row.cash_paid, row.mobile_paid
        assert row.cash_refunds is not None and row.cash_payouts is not None
        sections.append(
            ReportSection(
                cashier=row.cashier,
                title=cashier_title(row.cashier),
                currency=row.currency,
                lines=lines,
                takings_count=paid.count,
                takings=format_money(paid.amount, locale),
                refunds_count=row.refunds.count,
                refunds=format_money(row.refunds.amount, locale),
                payouts_count=row.payouts.count,
                payouts=format_money(row.payouts.amount, locale),
                fees=format_money(row.fees, locale),
                net=format_money(row.net, locale),
                failed=row.failed,
                canceled=row.canceled,
                expired=row.expired,
                unknown=len(row.unknown),
                cash_count=cash.count,
                cash=format_money(cash.amount, locale),
                mobile_count=mobile.count,
                mobile=format_money(mobile.amount, locale),
                cash_refunds=format_money(row.cash_refunds.amount, locale),
                cash_payouts=format_money(row.cash_payouts.amount, locale),
            )
        )
        if row.cashier is None:
            unknown.extend(row.unknown)
    unknown_lines = tuple(
        UnknownLine(
            app_ref=tx.app_ref,
            time=format_time(tx.created_at.astimezone(tz), "short", locale=locale) if tx.created_at else "",
            kind=kind_text(tx.kind),
            amount=format_money(tx.amount, locale),
            customer=display_phone(tx.customer),
            cashier=tx.cashier,
            provider_ref=tx.provider_ref or "",
        )
        for tx in sorted(unknown, key=lambda t: t.created_at or day)
    )
    drawer_lines = tuple(
        DrawerLine(
            cashier=cashier_title(count.cashier),
            opening_float=format_money(count.opening_float, locale),
            cash_sales=format_money(count.cash_sales, locale),
            cash_refunds=format_money(count.cash_refunds, locale),
            cash_payouts=format_money(count.cash_payouts, locale),
            expected=format_money(count.expected, locale),
            counted="" if count.counted is None else format_money(count.counted, locale),
            difference="" if count.difference is None else format_money(count.difference, locale),
            short=count.difference is not None and count.difference.minor < 0,
            openings=len(count.openings),
        )
        for count in drawers or ()
    )
    return EndOfDayReport(
        day, format_date(day, "full", locale=locale), tuple(sections), unknown_lines, drawers=drawer_lines
    )


def provider_text(provider: str) -> str:
    """A provider's name, or Cash for the till's drawer."""
    if provider == CASH:
        return QCoreApplication.translate("EndOfDayScreen", "Cash")
    return PROVIDER_LABELS.get(provider, provider)


def _e(text: object) -> str:
    # Every cell may hold a person's or a provider's text (shop, customer, cashier, reference).
    return inert_html(str(text))


def report_html(
    report: EndOfDayReport,
    *,
    shop_name: str = "",
    training: bool = False,
    printed_at: str = "",
    heading: bool = True,
) -> str:
    """The report as one HTML page (QTextDocument's subset) for the screen, the printer and PDF."""
    out = [
        "<html><head><style>"
        "body { font-family: sans-serif; color: #1b1f24; }"
        "h1 { font-size: 16pt; margin: 0; } h2 { font-size: 13pt; margin-top: 12px; margin-bottom: 4px; }"
        "td, th { padding: 3px 8px; } th { background: #e4e7eb; text-align: left; }"
        ".num { text-align: right; } .net { font-weight: bold; } .warn { color: #b42318; font-weight: bold; }"
        ".training { background: #ffb020; font-weight: bold; padding: 4px; }"
        "</style></head><body>"
    ]
    table = "<table cellspacing='0' border='1' style='border-color: #cbd2d9; border-collapse: collapse;' width='100%'>"
    if training:
        mark = QCoreApplication.translate("EndOfDayScreen", "TRAINING MODE: no real money moved.")
        out.append(f"<p class='training'>{_e(mark)}</p>")
    if heading:  # the screen has its own title; paper needs one
        title = QCoreApplication.translate("EndOfDayScreen", "End-of-day report")
        out.append(f"<h1>{_e(title)}</h1>")
    out.append(f"<p>{_e(shop_name) + ' &middot; ' if shop_name else ''}{_e(report.day_text)}</p>")
    if printed_at:
        printed = QCoreApplication.translate("EndOfDayScreen", "Printed {when}").format(when=printed_at)
        out.append(f"<p>{_e(printed)}</p>")
    if not report.sections:
        nothing = QCoreApplication.translate("EndOfDayScreen", "No transactions on this day.")
        out.append(f"<p>{_e(nothing)}</p>")
    several_currencies = len({s.currency for s in report.sections}) > 1
    heads = (
        QCoreApplication.translate("EndOfDayScreen", "Provider"),
        QCoreApplication.translate("EndOfDayScreen", "Network"),
        QCoreApplication.translate("EndOfDayScreen", "Payments"),
        QCoreApplication.translate("EndOfDayScreen", "Amount"),
    )
    for section in report.sections:
        section_title = section.title + (f" ({section.currency})" if several_currencies else "")
        out.append(f"<h2>{_e(section_title)}</h2>")
        out.append(table)
        out.append(
            f"<tr><th>{_e(heads[0])}</th><th>{_e(heads[1])}</th>"
            f"<th class='num'>{_e(heads[2])}</th><th class='num'>{_e(heads[3])}</th></tr>"
        )
        for line in section.lines:
            out.append(
                f"<tr><td>{_e(line.provider)}</td><td>{_e(line.operator)}</td>"
                f"<td class='num'>{line.count}</td><td class='num'>{_e(line.amount)}</td></tr>"
            )
        rows: list[tuple[str, int | str, str, str]] = [
            (QCoreApplication.translate("EndOfDayScreen", "Takings"), section.takings_count, section.takings, ""),
        ]
        if section.cash_count:
            rows += [
                (
                    QCoreApplication.translate("EndOfDayScreen", "of which in cash"),
                    section.cash_count,
                    section.cash,
                    "",
                ),
                (
                    QCoreApplication.translate("EndOfDayScreen", "of which by mobile money"),
                    section.mobile_count,
                    section.mobile,
                    "",
                ),
            ]
        rows += [
            (
                QCoreApplication.translate("EndOfDayScreen", "Refunds"),
                section.refunds_count,
                f"- {section.refunds}",
                "",
            ),
            (
                QCoreApplication.translate("EndOfDayScreen", "Payouts"),
                section.payouts_count,
                f"- {section.payouts}",
                "",
            ),
            (QCoreApplication.translate("EndOfDayScreen", "Fees"), "", "- " + section.fees, ""),
            (QCoreApplication.translate("EndOfDayScreen", "Net"), "", section.net, "net"),
        ]
        for label, count, amount, css in rows:
            out.append(
                f"<tr class='{css}'><td colspan='2'><b>{_e(label)}</b></td><td class='num'>{count}</td>"
                f"<td class='num {css}'>{_e(amount)}</td></tr>"
            )
        out.append("</table>")
        counts = QCoreApplication.translate(
            "EndOfDayScreen",
            "Failed: {failed} · Canceled: {canceled} · Expired: {expired} · Unknown outcome: {unknown}",
        ).format(failed=section.failed, canceled=section.canceled, expired=section.expired, unknown=section.unknown)
        css = " class='warn'" if section.unknown else ""
        out.append(f"<p{css}>{_e(counts)}</p>")
    if report.drawers:
        out.append(f"<h2>{_e(QCoreApplication.translate('EndOfDayScreen', 'Cash drawers'))}</h2>")
        out.append(table + "<tr>")
        for head in (
            QCoreApplication.translate("EndOfDayScreen", "Cashier"),
            QCoreApplication.translate("EndOfDayScreen", "Opening float"),
            QCoreApplication.translate("EndOfDayScreen", "Cash sales"),
            QCoreApplication.translate("EndOfDayScreen", "Cash refunds"),
            QCoreApplication.translate("EndOfDayScreen", "Paid out"),
            QCoreApplication.translate("EndOfDayScreen", "Expected"),
            QCoreApplication.translate("EndOfDayScreen", "Counted"),
            QCoreApplication.translate("EndOfDayScreen", "Difference"),
        ):
            out.append(f"<th>{_e(head)}</th>")
        out.append("</tr>")
        not_counted = QCoreApplication.translate("EndOfDayScreen", "not counted")
        for d in report.drawers:
            css = " class='num warn'" if d.short else " class='num'"
            out.append(
                f"<tr><td>{_e(d.cashier)}</td><td class='num'>{_e(d.opening_float)}</td>"
                f"<td class='num'>{_e(d.cash_sales)}</td><td class='num'>- {_e(d.cash_refunds)}</td>"
                f"<td class='num'>- {_e(d.cash_payouts)}</td><td class='num'><b>{_e(d.expected)}</b></td>"
                f"<td class='num'>{_e(d.counted or not_counted)}</td><td{css}>{_e(d.difference)}</td></tr>"
            )
        out.append("</table>")
        opened = sum(d.openings for d in report.drawers)
        if opened:
            words = QCoreApplication.translate("EndOfDayScreen", "The drawer was opened {count} times without a sale.")
            out.append(f"<p>{_e(words.format(count=opened))}</p>")
    unknown_title = QCoreApplication.translate("EndOfDayScreen", "Unknown outcomes to reconcile")
    out.append(f"<h2>{_e(unknown_title)}</h2>")
    if not report.unknown:
        none = QCoreApplication.translate("EndOfDayScreen", "None: every transaction of the day has a known outcome.")
        out.append(f"<p>{_e(none)}</p>")
    else:
        advice = QCoreApplication.translate(
            "EndOfDayScreen",
            "Check each one with the provider before the till is closed; do not take the payment again.",
        )
        out.append(f"<p>{_e(advice)}</p>")
        out.append(table + "<tr>")
        for head in (
            QCoreApplication.translate("EndOfDayScreen", "Time"),
            QCoreApplication.translate("EndOfDayScreen", "Type"),
            QCoreApplication.translate("EndOfDayScreen", "Amount"),
            QCoreApplication.translate("EndOfDayScreen", "Customer"),
            QCoreApplication.translate("EndOfDayScreen", "Cashier"),
            QCoreApplication.translate("EndOfDayScreen", "Reference"),
        ):
            out.append(f"<th>{_e(head)}</th>")
        out.append("</tr>")
        for u in report.unknown:
            reference = _e(u.app_ref) + (f"<br/>{_e(u.provider_ref)}" if u.provider_ref else "")
            out.append(
                f"<tr><td>{_e(u.time)}</td><td>{_e(u.kind)}</td><td class='num'>{_e(u.amount)}</td>"
                f"<td>{_e(u.customer)}</td><td>{_e(u.cashier)}</td><td>{reference}</td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "".join(out)


def printed_at_text(moment: datetime, locale: str, tz: tzinfo | None = None) -> str:
    return format_datetime(moment.astimezone(tz), "medium", locale=locale)


def write_report_pdf(page_html: str, path: str | Path) -> Path:
    """The report on A4 pages as a PDF (text stays text)."""
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setResolution(300)
    writer.setCreator("posapp")
    writer.setTitle(QCoreApplication.translate("EndOfDayScreen", "End-of-day report"))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15))
    )
    document = QTextDocument()
    document.setHtml(page_html)
    document.print_(writer)
    return target


def print_report(page_html: str, printer: QPrinter) -> None:
    document = QTextDocument()
    document.setHtml(page_html)
    document.print_(printer)


__all__ = [
    "DrawerLine",
    "EndOfDayReport",
    "OperatorLine",
    "ReportSection",
    "UnknownLine",
    "build_report",
    "print_report",
    "report_html",
    "write_report_pdf",
]
