"""Every message core can show a cashier is in the translation catalogue, and translates with its fields."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import posapp.core
from posapp.core.money import MoneyError, parse_amount
from posapp.core.phone import PhoneError, parse_mobile
from posapp.ui.core_messages import TEMPLATES, translate_error
from posapp.ui.i18n import install_translators

CORE = Path(posapp.core.__file__).parent
ERRORS = {"MoneyError", "PhoneError", "CashError"}  # CurrencyMismatch is a programming error, not for cashiers


def raised_templates() -> set[str]:
    found = set()
    for module in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ERRORS and node.args:
                first = node.args[0]
                assert isinstance(first, ast.Constant), f"{module.name}:{node.lineno}: use a template, not an f-string"
                found.add(first.value)
    return found


def test_every_core_template_is_listed_for_translation() -> None:
    missing = raised_templates() - set(TEMPLATES)
    assert not missing, f"add to posapp/ui/core_messages.py: {sorted(missing)}"


def test_errors_keep_their_english_text() -> None:
    with pytest.raises(MoneyError) as caught:
        parse_amount("10,5", "XAF", "fr_CM")
    assert str(caught.value) == "XAF amounts have no decimals."
    assert translate_error(caught.value) == "XAF amounts have no decimals."


@pytest.fixture
def french(qapp: QApplication):  # type: ignore[no-untyped-def]
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")


def test_french_translation_fills_the_fields(french: None) -> None:
    with pytest.raises(MoneyError) as money:
        parse_amount("10,5", "XAF", "fr_CM")
    assert translate_error(money.value) == "Les montants en XAF n’ont pas de décimales."
    with pytest.raises(PhoneError) as phone:
        parse_mobile("620000000")
    assert "Camtel" in translate_error(phone.value)
    assert translate_error(phone.value).startswith("Le mobile money")
