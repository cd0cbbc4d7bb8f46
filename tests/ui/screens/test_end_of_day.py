"""End-of-day report: the numbers are the journal's, the CSV export is a manager's; wiring of reports and receipts."""

# ruff: noqa: F811  (fixtures imported from other test modules are used as arguments)
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posapp.config import Settings
from posapp.core.access import Role, ScryptParams
from posapp.core.money import Money, format_money
from posapp.core.transactions import Kind, Status
from posapp.journal.reports import end_of_day
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.services.events import StatusChanged
from posapp.ui.idle import IdleWatcher
from posapp.ui.main_window import MainWindow
from posapp.ui.screens.end_of_day import EndOfDayScreen
from posapp.ui.wiring.access import AccessController
from posapp.ui.wiring.settings import install_settings_screens, just_succeeded
from tests.helpers.qt_async import run_on_qt_loop, wait_until
from tests.journal.conftest import Clock, paid, payment, refund
from tests.test_keyring import MemoryKeyring, memory_keyring, use_keyring  # noqa: F401
from tests.ui.test_access import sign_in
from tests.ui.test_idle import FakeClock, FakeTimer

DOUALA = timezone(timedelta(hours=1))
DAY = date(2026, 3, 2)
LOCALE = "en_CM"


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    clock = Clock()
    with Journal(tmp_path / "journal.sqlite3", clock=clock) as j:
        paid(j, "A1", 10_000, cashier="ama", operator="mtn")
        j.append_event("A1", type="status_read", status="succeeded", actor="system", fees=Money(200, "XAF"))
        paid(j, "A2", 5_000, cashier="ama", operator="orange")
        paid(j, "B1", 3_000, cashier="bello", operator="mtn", provider="paiwise")
        j.record_intent(refund("R1", "A1", 4_000), "manager")
        j.append_event("R1", type="status_read", status="succeeded", actor="system")
        j.record_intent(payment("B2", 700, cashier="bello"), "cashier")
        j.append_event("B2", type="status_read", status="failed", actor="system")
        j.record_intent(payment("B4", 900, cashier="bello"), "cashier")
        j.append_event("B4", type="sent", status="unknown", actor="system")
        j.record_intent(payment("P1", 2_000, kind=Kind.PAYOUT, cashier="ama"), "manager")
        j.append_event("P1", type="status_read", status="succeeded", actor="system", fees=Money(50, "XAF"))
        clock.move(days=1)
        paid(j, "NEXT", 99_999)  # another day
        yield j


@pytest.fixture
def users(journal: Journal) -> UserStore:
    store = UserStore(journal, params=ScryptParams(n=2**8, r=8, p=1))
    store.create_first_manager("Kofi", "5831")
    store.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
    return store


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    return win


@pytest.fixture
def access(users: UserStore, window: MainWindow) -> Iterator[AccessController]:
    idle = IdleWatcher(5, clock=FakeClock(), timer=FakeTimer())
    controller = AccessController(users, host=window.centralWidget(), locale=LOCALE, idle=idle)
    controller.start()
    yield controller
    idle.uninstall()


def eod_screen(qtbot, journal: Journal, access: AccessController | None = None) -> EndOfDayScreen:  # type: ignore[no-untyped-def]
    screen = EndOfDayScreen(
        journal, LOCALE, access=access, tz=DOUALA, clock=lambda: datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    )
    qtbot.addWidget(screen)
    screen.resize(1024, 700)
    return screen


def test_the_numbers_are_the_journals(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    screen = eod_screen(qtbot, journal)
    assert screen.day() == DAY
    totals = end_of_day(journal, DAY, tz=DOUALA)
    report = screen.report
    assert report is not None and len(report.sections) == len(totals)
    for section, row in zip(report.sections, totals, strict=True):
        assert section.cashier == row.cashier
        assert (section.takings_count, section.takings) == (row.paid.count, format_money(row.paid.amount, LOCALE))
        assert row.refunds is not None and row.payouts is not None and row.fees is not None
        assert (section.refunds_count, section.refunds) == (row.refunds.count, format_money(row.refunds.amount, LOCALE))
        assert (section.payouts_count, section.payouts) == (row.payouts.count, format_money(row.payouts.amount, LOCALE))
        assert section.fees == format_money(row.fees, LOCALE) and section.net == format_money(row.net, LOCALE)
        assert (section.failed, section.unknown) == (row.failed, len(row.unknown))
        assert [(line.count, line.amount) for line in section.lines] == [
            (t.count, format_money(t.amount, LOCALE)) for _, t in sorted(row.payments.items())
        ]
    shop = report.sections[0]
    assert shop.title == "Whole shop" and shop.takings == format_money(Money(18_000, "XAF"), LOCALE)
    assert shop.net == format_money(Money(18_000 - 4_000 - 2_000 - 250, "XAF"), LOCALE)
    assert [u.app_ref for u in report.unknown] == ["B4"]
    assert screen.card_values["net"].text() == shop.net and screen.card_values["unknown"].text() == "1"
    text = screen.browser.toPlainText()
    assert "B4" in text and "Unknown outcomes to reconcile" in text
    assert "MTN MoMo" in text and "Orange Money" in text and "Paiwise" in text
    screen.previous_button.click()
    assert screen.day() == date(2026, 3, 1) and screen.report.sections == ()  # type: ignore[union-attr]
    assert screen.next_button.isEnabled()
    screen.today_button.click()
    assert not screen.next_button.isEnabled()  # no report of the future


def test_report_pdf(qtbot, journal: Journal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_receipts import pdf_text

    screen = eod_screen(qtbot, journal)
    screen.ask_pdf_path = lambda suggested: str(tmp_path / suggested)
    written = screen.save_pdf()
    assert written is not None and written.name == "end-of-day-2026-03-02.pdf"
    text = pdf_text(written.read_bytes())
    assert "End-of-day report" in text and "Whole shop" in text and "B4" in text
    assert "11,750 FCFA" in text


def test_csv_export_is_a_managers(
    qtbot, qapp: QApplication, journal: Journal, access: AccessController, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    screen = eod_screen(qtbot, journal, access)
    target = tmp_path / "day.csv"
    screen.ask_csv_path = lambda suggested: str(target)
    sign_in(qtbot, access, "Ama", "2749")
    assert screen.csv_button.text() == "Export CSV (manager)"

    async def refused_then_approved() -> tuple[object, object]:
        asked = asyncio.ensure_future(screen.export_csv())
        await wait_until(lambda: access.approval_dialog is not None, what="approval dialog")
        access.approval_dialog.reject()  # type: ignore[union-attr]
        first = await asked
        asked = asyncio.ensure_future(screen.export_csv())
        await wait_until(lambda: access.approval_dialog is not None, what="approval dialog")
        dialog = access.approval_dialog
        assert dialog is not None
        for digit in "5831":
            qtbot.mouseClick(dialog.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
        return first, await asked

    first, second = run_on_qt_loop(qapp, refused_then_approved())
    assert first is None and second == target
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + 7 and not any("NEXT" in r for r in rows)  # the chosen day only
    used = [a for a in journal.db.query("select operation, used_by from approvals")]  # type: ignore[attr-defined]
    assert {"operation": "export", "used_by": "cashier:Ama"} in used


def test_csv_export_without_access_is_refused(qtbot, journal: Journal, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    screen = eod_screen(qtbot, journal)
    screen.ask_csv_path = lambda suggested: pytest.fail("asked where to write without a manager")  # type: ignore[arg-type, return-value]
    assert run_on_qt_loop(qapp, screen.export_csv()) is None


# ---------------------------------------------------------------------------------------------- wiring


def test_wiring_replaces_settings_reprints_and_auto_prints(
    qtbot,
    window: MainWindow,
    journal: Journal,
    access: AccessController,
    tmp_path: Path,
    memory_keyring,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from posapp.ui.screens.history import HistoryScreen
    from tests.ui.test_receipts import pdf_text

    history = HistoryScreen(journal, LOCALE)
    window.replace_screen("history", history)
    settings = Settings(shop_name="Boutique Ngono", auto_print=True)
    wiring = install_settings_screens(window, None, None, access, settings, journal)
    assert window.screens["settings"] is wiring.settings_screen
    assert history._reprint_allowed

    sign_in(qtbot, access, "Ama", "2749")
    dialog = wiring.reprint("A2")
    assert dialog is not None and dialog.content.duplicate and dialog.content.app_ref == "A2"
    dialog.reject()
    assert wiring.reprint("B4") is None  # unknown outcome: no receipt
    assert "Only paid payments" in window.statusBar().currentMessage()

    printed: list[Path] = []

    def pdf_printer(_settings: Settings) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printed.append(tmp_path / f"auto-{len(printed)}.pdf")
        printer.setOutputFileName(str(printed[-1]))
        return printer

    wiring.auto_printer = pdf_printer
    a1 = journal.get("A1")
    assert a1 is not None
    succeeded = StatusChanged(transaction=a1, old=Status.PENDING)
    assert just_succeeded(succeeded)
    wiring._on_status_changed(succeeded)
    wiring._on_status_changed(succeeded)  # the same success twice: one receipt
    wiring._on_status_changed(StatusChanged(transaction=a1, old=Status.SUCCEEDED))  # a later refund of it
    assert len(printed) == 1 and "A1" in pdf_text(printed[0].read_bytes())


def test_a_training_export_says_so_in_its_name(
    qtbot, qapp: QApplication, journal: Journal, access: AccessController, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    suggested: list[str] = []
    for training in (False, True):
        screen = EndOfDayScreen(
            journal, LOCALE, access=access, tz=DOUALA, training=training,
            clock=lambda: datetime(2026, 3, 2, 20, 0, tzinfo=UTC),
        )  # fmt: skip
        qtbot.addWidget(screen)
        screen.ask_csv_path = lambda name: suggested.append(name) or str(tmp_path / name)  # type: ignore[func-returns-value]
        if access.is_locked:
            sign_in(qtbot, access, "Kofi", "5831")
        run_on_qt_loop(qapp, screen.export_csv())
    assert suggested == ["posapp-2026-03-02.csv", "posapp-training-2026-03-02.csv"]
