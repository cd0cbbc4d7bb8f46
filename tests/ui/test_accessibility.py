"""Accessible (issue 14, item 8): names and descriptions on the keypad, the QR code, the chart and the badges;
a payment's outcome and a refused key are announced, not only coloured; the style sheet's own colour pairs
are at least 4.5:1 in the light scheme and in the dark one derived from it. (Every control of every screen
is checked in test_layout_fits.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QApplication

import posapp.ui.widgets.announce as announce_module
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status
from posapp.ui.i18n import install_translators
from posapp.ui.resources import resource_path
from posapp.ui.screens.sale import SaleScreen
from posapp.ui.theme import dark_style_sheet
from posapp.ui.widgets.keypad import Keypad
from posapp.ui.widgets.outcome_panel import OutcomePanel
from posapp.ui.widgets.qr_code import QrCodeWidget
from posapp.ui.widgets.status_badge import StatusBadge
from posapp.ui.widgets.takings_chart import Bar, TakingsChart
from tests.helpers.layout_check import contrast


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, str, object]]:
    """What is announced to assistive technology: (object, message, politeness)."""
    events: list[tuple[object, str, object]] = []
    monkeypatch.setattr(
        announce_module,
        "update_accessibility",
        lambda event: events.append((event.object(), event.message(), event.politeness())),
    )
    return events


def names(widget) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name), interface.text(QAccessible.Text.Description)


def test_every_key_of_the_keypad_is_named_and_described(qtbot) -> None:  # type: ignore[no-untyped-def]
    keypad = Keypad(",")
    qtbot.addWidget(keypad)
    for key, button in keypad.buttons.items():
        name, description = names(button)
        assert name and description, key
    assert names(keypad.buttons["backspace"]) == ("Erase", "Erase the last digit (Backspace)")
    assert names(keypad.buttons["clear"]) == ("Clear", "Clear the amount (Esc)")
    assert names(keypad.buttons["00"])[0] == "Double zero"


def test_the_painted_widgets_and_badges_are_named_and_described(qtbot) -> None:  # type: ignore[no-untyped-def]
    qr = QrCodeWidget()
    chart = TakingsChart("XAF", "en_CM")
    badge = StatusBadge(Status.SUCCEEDED, kind=Kind.REFUND)
    for widget in (qr, chart, badge):
        qtbot.addWidget(widget)
    chart.set_bars([Bar("08", 2500)])
    assert all(names(qr)), names(qr)
    assert names(chart)[0] == "Takings chart" and "2,500" in names(chart)[1]
    assert names(badge) == ("Status", "Refunded")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_outcome_is_announced(qtbot, qapp: QApplication, heard, language: str) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, language)
    try:
        panel = OutcomePanel(f"{language}_CM")
        qtbot.addWidget(panel)
        panel.show_outcome(Status.SUCCEEDED, Money(1500, "XAF"))
        panel.show_outcome(Status.FAILED, Money(1500, "XAF"), "Invalid authorization code ! (no tries left)")
    finally:
        install_translators(qapp, "en")
    assert [event[0] for event in heard] == [panel, panel]
    assert all(event[2] is QAccessible.AnnouncementPoliteness.Assertive for event in heard)
    paid, failed = heard[0][1], heard[1][1]
    if language == "en":
        assert paid.startswith("PAID. 1,500\xa0FCFA. The money is received")
        assert failed.startswith("NOT PAID. 1,500\xa0FCFA. The customer's code was wrong")
    else:
        assert paid.startswith("PAYÉ. 1\u202f500\xa0FCFA.")
        assert failed.startswith("NON PAYÉ.")
    assert names(panel)[0] in ("NOT PAID", "NON PAYÉ")


def test_a_refused_key_is_announced_politely(qtbot, heard) -> None:  # type: ignore[no-untyped-def]
    sale = SaleScreen("XAF", "en_CM", ".")
    qtbot.addWidget(sale)
    sale.amount_input.press(".")
    assert heard == [
        (
            sale.amount_input,
            "FCFA amounts have no decimals: “.” was not taken.",
            QAccessible.AnnouncementPoliteness.Polite,
        )
    ]


def _pairs(sheet: str) -> Iterator[tuple[str, str, str]]:
    """(selector, text colour, background) of every rule that sets both."""
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        text = re.search(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{6}|white)", body)
        background = re.search(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{6}|white)", body)
        if text and background:
            yield selector.strip(), text.group(1), background.group(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_style_sheets_own_pairs_are_readable(scheme: str) -> None:
    light = resource_path("styles", "posapp.qss").read_text(encoding="utf-8")
    sheet = dark_style_sheet(light) if scheme == "dark" else light
    pairs = list(_pairs(sheet))
    assert len(pairs) > 30
    poor = [
        f"{selector}: {text} on {background} is {contrast(QColor(text), QColor(background)):.2f}:1"
        for selector, text, background in pairs
        if ":disabled" not in selector and contrast(QColor(text), QColor(background)) < 4.5
    ]
    assert poor == []
