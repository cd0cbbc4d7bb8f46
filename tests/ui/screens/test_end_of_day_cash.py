"""The end-of-day report with the till: cash beside mobile money, each cashier's drawer with its
difference, and the drawer count exported beside the day's CSV."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from posapp.core.access import Role, ScryptParams
from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.transactions import Kind, Transaction
from posapp.journal import drawer, sales
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.ui.idle import IdleWatcher
from posapp.ui.main_window import MainWindow
from posapp.ui.screens.end_of_day import EndOfDayScreen
from posapp.ui.wiring.access import AccessController
from tests.helpers.qt_async import run_on_qt_loop
from tests.journal.conftest import Clock, paid
from tests.ui.test_access import sign_in
from tests.ui.test_idle import FakeClock, FakeTimer

DOUALA = timezone(timedelta(hours=1))


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3", clock=Clock()) as j:
        drawer.record_float(j, "ama", xaf(20_000), "manager:Kofi")
        sales.record_sale(j, sales.Sale("S1", xaf(3_500), cashier="ama"), "cashier:ama")
        tender = Transaction("C1", Kind.CASH_PAYMENT, CASH, xaf(3_500), cashier="ama")
        sales.receive_cash(j, "S1", tender, xaf(5_000), "cashier:ama")
        paid(j, "M1", 9_000, cashier="ama", operator="CM_MOMO")
        drawer.record_count(j, "ama", "manager:Kofi", total=xaf(23_000))  # 500 missing
        yield j


def test_cash_beside_mobile_money_and_the_drawer_with_its_difference(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    screen = EndOfDayScreen(journal, "en_CM", tz=DOUALA, clock=lambda: datetime(2026, 3, 2, 20, 0, tzinfo=UTC))
    qtbot.addWidget(screen)
    report = screen.report
    assert report is not None
    shop = report.shop[0]
    assert (shop.cash_count, shop.cash, shop.mobile_count, shop.mobile) == (
        1, "3,500\xa0FCFA", 1, "9,000\xa0FCFA",
    )  # fmt: skip
    assert [(line.provider, line.operator) for line in shop.lines] == [("Cash", "—"), ("My-CoolPay", "MTN MoMo")]
    (ama,) = report.drawers
    assert (ama.cashier, ama.expected, ama.counted, ama.difference, ama.short) == (
        "ama", "23,500\xa0FCFA", "23,000\xa0FCFA", "-500\xa0FCFA", True,
    )  # fmt: skip
    text = screen.browser.toPlainText()
    assert "of which in cash" in text and "Cash drawers" in text and "-500" in text


def test_the_export_writes_the_drawer_count_beside_the_days_csv(
    qtbot, qapp: QApplication, journal: Journal, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    users = UserStore(journal, params=ScryptParams(n=2**8, r=8, p=1))
    users.create_first_manager("Kofi", "5831")
    users.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    window.show()
    idle = IdleWatcher(5, clock=FakeClock(), timer=FakeTimer())
    access = AccessController(users, host=window.centralWidget(), locale="en_CM", idle=idle)
    access.start()
    try:
        sign_in(qtbot, access, "Kofi", "5831")
        screen = EndOfDayScreen(
            journal, "en_CM", access=access, tz=DOUALA, clock=lambda: datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
        )
        qtbot.addWidget(screen)
        target = tmp_path / "day.csv"
        screen.ask_csv_path = lambda suggested: str(target)
        assert run_on_qt_loop(qapp, screen.export_csv()) == target
        rows = (tmp_path / "day-drawer.csv").read_text(encoding="utf-8-sig").splitlines()
        assert rows[0].startswith("day,cashier,currency,opening_float")
        assert rows[1].startswith("2026-03-02,ama,XAF,20000,3500,0,0,23500,23000,-500,")
        day_rows = target.read_text(encoding="utf-8-sig").splitlines()
        assert any(",cash_payment,succeeded,cash," in r and r.endswith(",S1,5000,1500") for r in day_rows)
    finally:
        idle.uninstall()
