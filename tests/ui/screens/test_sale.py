"""The Sale screen: amount by keypad or keyboard, validation next to the field, Enter picks the action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from posapp.core.money import Money
from posapp.core.phone import Operator
from posapp.ui.screens.sale import SaleScreen


@pytest.fixture
def sale(qtbot) -> SaleScreen:  # type: ignore[no-untyped-def]
    screen = SaleScreen("XAF", "fr_CM")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_keypad_then_show_qr(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    for key in ["2", "5", "00"]:
        click(qtbot, sale.keypad.buttons[key])
    qtbot.keyClicks(sale.reason_edit, "Riz")
    with qtbot.waitSignal(sale.qr_requested, timeout=1000) as blocker:
        click(qtbot, sale.qr_button)
    amount, reason, phone = blocker.args
    assert amount == Money(2500, "XAF")
    assert reason == "Riz"
    assert phone is None


def test_enter_shows_qr_without_phone(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(sale.amount_input, "700")
    with qtbot.waitSignal(sale.qr_requested, timeout=1000):
        qtbot.keyClick(sale.amount_input, Qt.Key.Key_Return)


def test_enter_in_phone_field_pushes(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(sale.amount_input, "1000")
    qtbot.keyClicks(sale.phone_edit, "677 00 99 00")
    assert "MTN" in sale.operator_label.text()
    with qtbot.waitSignal(sale.push_requested, timeout=1000) as blocker:
        qtbot.keyClick(sale.phone_edit, Qt.Key.Key_Return)
    amount, phone, reason = blocker.args
    assert amount == Money(1000, "XAF")
    assert phone.e164 == "+237677009900"
    assert phone.operator is Operator.MTN
    assert reason == ""


def test_push_without_phone_explains_next_to_the_field(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(sale.amount_input, "1000")
    with qtbot.assertNotEmitted(sale.push_requested):
        click(qtbot, sale.push_button)
    assert "phone number" in sale.phone_error.text()
    assert sale.amount_input.amount() == Money(1000, "XAF"), "nothing else changed"


def test_invalid_phone_blocks_push_and_says_why(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(sale.amount_input, "1000")
    qtbot.keyClicks(sale.phone_edit, "620000000")  # Camtel
    with qtbot.assertNotEmitted(sale.push_requested):
        click(qtbot, sale.push_button)
    assert "Camtel" in sale.phone_error.text()
    qtbot.keyClicks(sale.phone_edit, "1")
    assert sale.phone_error.text() == "", "the error goes away as soon as the cashier edits"


def test_no_amount_blocks_both_actions(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(sale.qr_requested):
        click(qtbot, sale.qr_button)
    assert sale.amount_error.text()
    sale.amount_input.press("5")
    assert sale.amount_error.text() == ""


def test_capabilities_hide_what_the_provider_cannot_do(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    sale.set_capabilities(payment_link=True, push_payment=False)
    assert sale.qr_button.isVisible()
    assert not sale.push_button.isVisible()
    qtbot.keyClicks(sale.amount_input, "300")
    qtbot.keyClicks(sale.phone_edit, "699009900")
    with qtbot.waitSignal(sale.qr_requested, timeout=1000):
        qtbot.keyClick(sale.phone_edit, Qt.Key.Key_Return)


def test_reset_clears_everything(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(sale.amount_input, "300")
    qtbot.keyClicks(sale.phone_edit, "699009900")
    qtbot.keyClicks(sale.reason_edit, "x")
    sale.reset()
    assert sale.amount_input.amount() is None
    assert sale.phone_edit.text() == ""
    assert sale.reason_edit.text() == ""
