"""The drawer count: the expected cash, a count by note and coin or a total, the difference in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from posapp.core.money import Money
from posapp.journal.reports import DrawerCount
from posapp.ui.screens.drawer_count import DrawerCountDialog, OpeningFloatDialog


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


def count() -> DrawerCount:
    return DrawerCount(date(2026, 3, 2), "ama", "XAF", xaf(20_000), xaf(10_500), xaf(1_000), xaf(2_500))


def test_a_count_by_note_and_coin_shows_what_is_missing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DrawerCountDialog(count(), "en_CM")
    qtbot.addWidget(dialog)
    assert dialog.expected.text() == "27,000\xa0FCFA"
    dialog.set_pieces({10_000: 2, 5_000: 1, 1_000: 1, 500: 1})
    assert dialog.counted.text() == "26,500\xa0FCFA" and dialog.difference.text() == "-500\xa0FCFA"
    assert dialog.verdict.text() == "500\xa0FCFA is missing from the drawer."
    dialog.spins[500].setValue(2)
    assert dialog.verdict.text() == "The drawer holds exactly what is expected."
    dialog.note.setText("  counted   twice ")
    with qtbot.waitSignal(dialog.count_submitted) as saved:
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert saved.args == [{10_000: 2, 5_000: 1, 1_000: 1, 500: 2}, xaf(27_000), "counted twice"]


def test_a_total_count_and_an_extra(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DrawerCountDialog(count(), "en_CM")
    qtbot.addWidget(dialog)
    dialog.by_total.setChecked(True)
    assert dialog.pieces_box.isHidden() and not dialog.total.isHidden()
    for key in "28000":
        dialog.total.press(key)
    assert dialog.verdict.text() == "The drawer holds 1,000\xa0FCFA more than expected."
    with qtbot.waitSignal(dialog.count_submitted) as saved:
        dialog.submit()
    assert saved.args == [None, xaf(28_000), ""]


def test_the_opening_float_adds_notes(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OpeningFloatDialog("ama", "XAF", "en_CM")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.float_submitted) as empty:
        dialog.submit()
    assert empty.args == [xaf(0)]  # an empty drawer is a float too
    for key in "15000":
        dialog.amount.press(key)
    with qtbot.waitSignal(dialog.float_submitted) as saved:
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert saved.args == [xaf(15_000)]


def test_the_sale_screen_offers_cash_once_the_till_is_set_up(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMainWindow

    from posapp.ui.screens.sale import SaleScreen

    window = QMainWindow()
    qtbot.addWidget(window)
    sale = SaleScreen("XAF", "en_CM")
    window.setCentralWidget(sale)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts fire in the active window
    assert sale.cash_button.isHidden()  # no dead button before the till is there
    sale.set_cash_enabled(True)
    assert sale.cash_button.toolTip() == "Cash (F6)"
    with qtbot.assertNotEmitted(sale.cash_requested):
        QTest.keyClick(window, Qt.Key.Key_F6)  # nothing typed: said, nothing opened
    assert sale.amount_error.text() == "Type the amount first."
    for digit in "900":
        sale.amount_input.press(digit)
    with qtbot.waitSignal(sale.cash_requested) as asked:
        QTest.keyClick(window, Qt.Key.Key_F6)
    assert asked.args == [xaf(900), "", None]
