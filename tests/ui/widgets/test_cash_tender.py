"""The cash tender: notes add up, the change is shown, short cash says what is still to pay."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from posapp.core.money import Money
from posapp.ui.widgets.cash_tender import CashTenderPanel


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


def test_notes_add_up_and_the_change_is_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = CashTenderPanel("XAF", "fr_CM")
    qtbot.addWidget(panel)
    panel.set_due(xaf(7_500))
    assert not panel.take.isEnabled() and panel.change_label.text() == "-"
    assert [b.text() for b in panel.note_buttons] == [
        "500\xa0FCFA", "1\u202f000\xa0FCFA", "2\u202f000\xa0FCFA", "5\u202f000\xa0FCFA", "10\u202f000\xa0FCFA",
    ]  # fmt: skip
    qtbot.mouseClick(panel.note_buttons[3], Qt.MouseButton.LeftButton)  # 5 000
    assert panel.change() is None and "2\u202f500" in panel.rest_label.text()  # short: the rest is said
    qtbot.mouseClick(panel.note_buttons[2], Qt.MouseButton.LeftButton)  # + 2 000
    qtbot.mouseClick(panel.note_buttons[1], Qt.MouseButton.LeftButton)  # + 1 000
    assert panel.given_amount() == xaf(8_000) and panel.change() == xaf(500)
    assert panel.change_label.text() == "500\xa0FCFA" and panel.rest_label.text() == ""
    with qtbot.waitSignal(panel.cash_taken) as taken:
        qtbot.mouseClick(panel.take, Qt.MouseButton.LeftButton)
    assert taken.args == [xaf(8_000)]


def test_typed_cash_and_enter_take_it_and_exact_gives_the_due(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = CashTenderPanel("XAF", "en_CM")
    qtbot.addWidget(panel)
    panel.set_due(xaf(3_500))
    for key in "10000":
        panel.given.press(key)
    assert panel.change() == xaf(6_500)
    with qtbot.waitSignal(panel.cash_taken) as taken:
        qtbot.keyClick(panel.given, Qt.Key.Key_Return)
    assert taken.args == [xaf(10_000)]
    qtbot.mouseClick(panel.exact, Qt.MouseButton.LeftButton)
    assert panel.given_amount() == xaf(3_500) and panel.change() == xaf(0)
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.given_amount() is None and not panel.take.isEnabled()


def test_the_keys_in_the_tooltips_do_what_they_say(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Alt+1.. add the notes shown, F6 gives exactly what is due, Esc clears; each tooltip names its key."""
    panel = CashTenderPanel("XAF", "en_CM")
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)  # window shortcuts need the active window
    panel.set_due(xaf(7_500))
    panel.given.setFocus()
    assert [b.toolTip() for b in panel.note_buttons[:2]] == ["Add a note of 500\xa0FCFA (Alt+1)",
                                                           "Add a note of 1,000\xa0FCFA (Alt+2)"]  # fmt: skip
    assert "(F6)" in panel.exact.toolTip() and "(Esc)" in panel.clear_button.toolTip()
    qtbot.keyClick(panel.given, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # 5 000
    qtbot.keyClick(panel.given, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # + 2 000
    assert panel.given_amount() == xaf(7_000) and panel.change() is None
    qtbot.keyClick(panel.given, Qt.Key.Key_Escape)
    assert panel.given_amount() is None
    qtbot.keyClick(panel.given, Qt.Key.Key_F6)
    assert panel.given_amount() == xaf(7_500) and panel.change() == xaf(0)
