"""The amount display: keypad and keyboard typing, currency decimals, limits, fitting text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from posapp.core.money import Money
from posapp.ui.widgets.amount_input import AmountInput
from posapp.ui.widgets.keypad import Keypad


@pytest.fixture
def xaf(qtbot) -> AmountInput:  # type: ignore[no-untyped-def]
    widget = AmountInput("XAF", "fr_CM")
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def eur(qtbot) -> AmountInput:  # type: ignore[no-untyped-def]
    widget = AmountInput("EUR", "fr_FR")
    qtbot.addWidget(widget)
    return widget


def test_keyboard_digits_backspace_and_escape(qtbot, xaf: AmountInput) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(xaf, "1500")
    assert xaf.amount() == Money(1500, "XAF")
    assert xaf.text() == "1\u202f500\u00a0FCFA"
    qtbot.keyClick(xaf, Qt.Key.Key_Backspace)
    assert xaf.amount() == Money(150, "XAF")
    qtbot.keyClick(xaf, Qt.Key.Key_Escape)
    assert xaf.amount() is None


def test_numpad_keys_type_digits(qtbot, xaf: AmountInput) -> None:  # type: ignore[no-untyped-def]
    for key, text in ((Qt.Key.Key_2, "2"), (Qt.Key.Key_5, "5")):
        qtbot.keyClick(xaf, key, Qt.KeyboardModifier.KeypadModifier)
        assert text in xaf.text()
    assert xaf.amount() == Money(25, "XAF")


def test_enter_submits(qtbot, xaf: AmountInput) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(xaf, "10")
    with qtbot.waitSignal(xaf.submitted, timeout=1000):
        qtbot.keyClick(xaf, Qt.Key.Key_Return)


def test_xaf_has_no_decimals(xaf: AmountInput) -> None:
    for key in "12":
        xaf.press(key)
    assert xaf.press(".") is False
    xaf.press("5")
    assert xaf.amount() == Money(125, "XAF")


def test_eur_takes_two_decimals_at_most(eur: AmountInput) -> None:
    for key in ["1", "2", ".", "5"]:
        assert eur.press(key)
    assert eur.amount() == Money(1250, "EUR")
    assert eur.press("0")
    assert eur.press("9") is False
    assert eur.amount() == Money(1250, "EUR")
    assert eur.press(".") is False
    eur.press("backspace")
    eur.press("backspace")
    eur.press("backspace")  # removes the decimal point itself
    eur.press("3")
    assert eur.amount() == Money(12300, "EUR")


def test_no_leading_zeros_and_zero_is_no_amount(xaf: AmountInput) -> None:
    xaf.press("0")
    xaf.press("00")
    assert xaf.amount() is None
    xaf.press("7")
    xaf.press("00")
    assert xaf.amount() == Money(700, "XAF")


def test_twelve_digits_at_most(xaf: AmountInput) -> None:
    for _ in range(15):
        xaf.press("9")
    assert xaf.amount() == Money(999_999_999_999, "XAF")


def test_changed_signal_reports_the_amount(qtbot, xaf: AmountInput) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(xaf.changed, timeout=1000) as blocker:
        xaf.press("4")
    assert blocker.args == [Money(4, "XAF")]


def test_set_amount_round_trips(eur: AmountInput) -> None:
    eur.set_amount(Money(1005, "EUR"))
    assert eur.amount() == Money(1005, "EUR")
    eur.press("backspace")
    assert eur.amount() == Money(1000, "EUR")


def test_large_amount_shrinks_to_fit_never_clips(qtbot, xaf: AmountInput) -> None:  # type: ignore[no-untyped-def]
    xaf.resize(380, 100)
    xaf.show()
    for _ in range(12):
        xaf.press("8")
    needed = xaf.fontMetrics().horizontalAdvance(xaf.text())
    assert needed <= xaf.contentsRect().width()
    assert xaf.font().pointSize() < AmountInput.LARGEST_PT


def test_keypad_sends_keys(qtbot) -> None:  # type: ignore[no-untyped-def]
    keypad = Keypad(decimal_symbol=",")
    amount = AmountInput("EUR", "fr_FR")
    qtbot.addWidget(keypad)
    qtbot.addWidget(amount)
    keypad.key_pressed.connect(amount.press)
    for key in ["1", "00", ".", "5"]:
        qtbot.mouseClick(keypad.buttons[key], Qt.MouseButton.LeftButton)
    assert amount.amount() == Money(10050, "EUR")
    qtbot.mouseClick(keypad.buttons["clear"], Qt.MouseButton.LeftButton)
    assert amount.amount() is None
    assert keypad.buttons["."].text() == ","


def test_keypad_without_decimals_has_no_decimal_key(qtbot) -> None:  # type: ignore[no-untyped-def]
    keypad = Keypad(decimal_symbol="")
    qtbot.addWidget(keypad)
    assert "." not in keypad.buttons
