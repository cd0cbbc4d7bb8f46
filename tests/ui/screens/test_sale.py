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


# ---------------------------------------------------------------------------------------------- issue 14


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_typed_amount_stays_large_in_every_state(qtbot, themed, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Under the console's style sheet, at each screen size: empty, typed, refused, cleared, focus elsewhere."""
    from PySide6.QtGui import QFontMetrics

    from posapp.ui.main_window import MainWindow

    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    screen = SaleScreen("XAF", "en_CM", ".")
    window.replace_screen("sale", screen)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    amount = screen.amount_input
    reason_height = QFontMetrics(screen.reason_edit.font()).capHeight()

    def check(state: str) -> None:
        metrics = QFontMetrics(amount.font())
        assert metrics.capHeight() >= 36, f"{state}: capitals {metrics.capHeight()} px high at {size}"
        assert metrics.capHeight() >= 2 * reason_height, f"{state}: not the largest text on the screen"
        assert metrics.horizontalAdvance(amount.text()) <= amount.contentsRect().width(), f"{state}: clipped"

    check("empty")
    for key in "1500":
        qtbot.keyClick(amount, key)
    assert amount.text() == "1,500\xa0FCFA"
    check("typed")
    qtbot.keyClick(amount, ",")  # refused (no decimals): the style is polished again
    check("after a refused key")
    qtbot.mouseClick(screen.reason_edit, Qt.MouseButton.LeftButton)
    check("focus in the reason")
    qtbot.mouseClick(screen.keypad.buttons["clear"], Qt.MouseButton.LeftButton)
    assert amount.amount() is None
    check("cleared")
    for key in "1000000":
        amount.press(key)
    check("the shop's largest sale")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1000000000000", "At most 12 digits: “0” was not taken."),
        ("1,5", "FCFA amounts have no decimals: “,” was not taken."),
        ("-5", "An amount cannot be negative: “-” was not taken."),
        ("2a0", "Only digits make an amount: “a” was not taken."),
    ],
)
def test_a_key_not_taken_is_said(qtbot, sale: SaleScreen, typed: str, said: str) -> None:  # type: ignore[no-untyped-def]
    amount = sale.amount_input
    expected = "".join(ch for ch in typed if ch.isdigit())[:12].lstrip("0")
    with qtbot.waitSignal(amount.refused, timeout=1000) as refused:
        for key in typed:
            qtbot.keyClick(amount, key)
            qtbot.wait(40)  # a hand's pace: a scanner's burst is undone (see below)
    assert refused.args == [said]
    assert sale.amount_error.text() == said, "said next to the amount"
    assert amount.amount() == Money(int(expected), "XAF"), "the refused key changed nothing"
    amount.press("backspace")
    assert sale.amount_error.text() == "", "the word goes away with the next key taken"


def test_double_zero_is_taken_whole_or_not_at_all(sale: SaleScreen) -> None:
    amount = sale.amount_input
    for _ in range(11):
        amount.press("9")
    assert amount.press("00") is False
    assert amount.amount() == Money(99_999_999_999, "XAF")


def test_the_shops_largest_sale_is_refused_as_typed(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    sale.set_limits(maximum=Money(1_000_000, "XAF"), maximum_why="the shop's largest sale")
    amount = sale.amount_input
    for key in "100000":
        assert amount.press(key)
    assert amount.press("0") is True, "1 000 000 is the largest sale itself"
    assert amount.press("0") is False
    assert amount.amount() == Money(1_000_000, "XAF")
    assert sale.amount_error.text() == (
        "10\u202f000\u202f000\xa0FCFA is more than 1\u202f000\u202f000\xa0FCFA, the shop's largest sale:"
        " “0” was not taken."
    )
    with qtbot.waitSignal(sale.qr_requested, timeout=1000) as shown:
        click(qtbot, sale.qr_button)
    assert shown.args[0] == Money(1_000_000, "XAF")


def test_an_amount_outside_the_limits_is_refused_before_any_request(qtbot, sale: SaleScreen) -> None:  # type: ignore[no-untyped-def]
    for key in "2500":
        sale.amount_input.press(key)
    # The limits arrive after the amount was typed (the provider connected meanwhile).
    sale.set_limits(maximum=Money(2000, "XAF"), maximum_why="the shop's largest sale")
    with qtbot.assertNotEmitted(sale.qr_requested), qtbot.assertNotEmitted(sale.push_requested):
        click(qtbot, sale.qr_button)
        qtbot.keyClicks(sale.phone_edit, "699009900")
        click(qtbot, sale.push_button)
    assert "is more than" in sale.amount_error.text()
    sale.set_limits(minimum=Money(5000, "XAF"), minimum_why="the smallest payment My-CoolPay takes")
    with qtbot.assertNotEmitted(sale.qr_requested):
        click(qtbot, sale.qr_button)
    assert sale.amount_error.text() == (
        "2\u202f500\xa0FCFA is less than 5\u202f000\xa0FCFA, the smallest payment My-CoolPay takes."
    )


def test_the_shops_largest_sale_comes_from_the_settings(qtbot) -> None:  # type: ignore[no-untyped-def]
    from posapp.config import ConfigError, Settings
    from posapp.ui.main_window import MainWindow
    from posapp.ui.wiring.console import build_cashier_screens

    with pytest.raises(ConfigError, match="largest_sale"):
        Settings().replace(largest_sale=-1)
    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    controller = build_cashier_screens(window, Settings(language="en", largest_sale=5000), None)
    amount = controller.flow.sale.amount_input
    for key in "5000":
        assert amount.press(key)
    assert amount.press("0") is False
    assert "the shop's largest sale" in controller.flow.sale.amount_error.text()
    controller.set_largest_sale(None)  # 0 saved in Settings: no shop limit
    assert amount.press("0") is True
