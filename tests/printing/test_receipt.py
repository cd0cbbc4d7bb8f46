"""Receipts as ESC/POS bytes, read back as a printer would: text, code page, sizes, QR, cut and drawer pulse,
on 58 and 80 mm paper in English and French."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from babel.dates import format_datetime

from posapp.core.money import Money, format_money
from posapp.printing.devices import Connection, Paper, PrinterConfig, PrinterError, Problem, load_config
from posapp.printing.receipt import Receipt, drawer_pulse, printable, render, sample_receipt
from tests.helpers.escpos import decode

APP_REF = "PAY-20260302-9f3a1c7e2b"
WHEN = datetime(2026, 3, 2, 8, 5, tzinfo=UTC)


def receipt(language: str) -> Receipt:
    """What the user interface hands over: translated, formatted with Babel (its narrow no-break spaces)."""
    locale = f"{language}_CM"
    amount = format_money(Money(1_500_000, "XAF"), locale)
    if language == "fr":
        return Receipt(
            title="REÇU DE PAIEMENT",
            amount=amount,
            status="Payé",
            shop_lines=("Boulangerie Étoile d’Akwa", "Rue Joss, Douala"),
            rows=(
                ("Réseau", "MTN MoMo"),
                ("Fournisseur", "My-CoolPay"),
                ("Pour", "Pain, café et crème brûlée"),
                ("Date", format_datetime(WHEN, "medium", locale=locale)),
                ("Caissière", "Amélie Ngo Bassôg"),
                ("Référence", APP_REF),
                ("Réf. fournisseur", "MCP-7f0e2c44-91d3-4a9b-b7e4-0a7e5d3c2f11"),
            ),
            qr_data=APP_REF,
            qr_caption="Scannez pour retrouver cette opération",
            training="FORMATION — CE N’EST PAS UN REÇU",
            footer="Merci. Conservez ce reçu.",
            app_ref=APP_REF,
        )
    return Receipt(
        title="PAYMENT RECEIPT",
        amount=amount,
        status="Paid",
        shop_lines=("Boulangerie Étoile d’Akwa", "Rue Joss, Douala"),
        rows=(
            ("Network", "MTN MoMo"),
            ("Provider", "My-CoolPay"),
            ("For", "Bread, coffee and crème brûlée"),
            ("Date", format_datetime(WHEN, "medium", locale=locale)),
            ("Cashier", "Amélie Ngo Bassôg"),
            ("Reference", APP_REF),
            ("Provider ref.", "MCP-7f0e2c44-91d3-4a9b-b7e4-0a7e5d3c2f11"),
        ),
        qr_data=APP_REF,
        qr_caption="Scan to find this transaction",
        training="TRAINING — NOT A RECEIPT",
        footer="Thank you. Keep this receipt.",
        app_ref=APP_REF,
    )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("paper", "columns"), [(Paper.MM58, 32), (Paper.MM80, 48)])
def test_a_receipt_reads_back_whole_in_its_width_and_language(language: str, paper: Paper, columns: int) -> None:
    config = PrinterConfig(paper=paper)
    printed = decode(render(receipt(language), config))
    text = printed.text
    assert printed.inits == 1 and printed.codepages == [19]  # ESC t 19: CP858 on the default profile
    for line in printed.lines:
        assert len(line.text) <= (columns // 2 if line.double_width else columns), line
        assert "?" not in line.text
    training = "FORMATION - CE N'EST PAS UN REÇU" if language == "fr" else "TRAINING - NOT A RECEIPT"
    content = [t for t in text if t.strip()]
    marks = [i for i, t in enumerate(content) if t == training]
    assert marks == [1, len(content) - 2]  # first and last, between rules of stars
    assert printed.find(training).bold
    title = "REÇU DE PAIEMENT" if language == "fr" else "PAYMENT RECEIPT"
    assert printed.find(title).bold and printed.find(title).align == 1
    amount = printed.find("FCFA")
    assert amount.text == ("1 500 000 FCFA" if language == "fr" else "1,500,000 FCFA")
    assert amount.double_height and amount.double_width == (len(amount.text) <= columns // 2) and amount.bold
    shop = printed.find("Boulangerie")
    assert shop.text == "Boulangerie Étoile d'Akwa" and shop.double_height and shop.bold
    cashier = "Caissière" if language == "fr" else "Cashier"
    row = printed.find(cashier)
    assert row.text.startswith(cashier) and row.text.endswith("Amélie Ngo Bassôg") and len(row.text) == columns
    reference = printed.find(APP_REF)
    assert reference.text.endswith(APP_REF)
    long_ref = "MCP-7f0e2c44-91d3-4a9b-b7e4-0a7e5d3c2f11"  # 40 characters: under its label on 58 mm
    joined = "".join(t.strip() for t in text)
    assert long_ref in joined
    assert ("crème brûlée" in joined) and ("2 mars 2026" if language == "fr" else "2 Mar 2026") in joined
    assert printed.qr_data == [APP_REF] and printed.qr_printed == 1
    assert printed.cuts == 1 and printed.drawer_pulses == []


def test_the_drawer_pulse_goes_on_the_configured_pin() -> None:
    with_kick = decode(render(receipt("en"), PrinterConfig(drawer_pin=5), kick_drawer=True))
    assert with_kick.drawer_pulses == [(1, 50, 50)] and with_kick.cuts == 1  # ESC p 1: pin 5
    assert decode(drawer_pulse(PrinterConfig())).drawer_pulses == [(0, 50, 50)]  # pin 2
    assert decode(drawer_pulse(PrinterConfig())).lines == []


def test_a_printer_without_cp858_gets_cp850_and_the_same_french() -> None:
    printed = decode(render(receipt("fr"), PrinterConfig(profile="ZJ-5870", paper=Paper.MM58)))
    assert printed.codepages == [2]  # ESC t 2: CP850
    assert "REÇU DE PAIEMENT" in printed.text and "?" not in "".join(printed.text)
    with pytest.raises(PrinterError) as refused:
        render(receipt("fr"), PrinterConfig(profile="no-such-printer"))
    assert refused.value.problem is Problem.UNSUPPORTED


def test_printable_keeps_accents_and_replaces_only_what_the_page_lacks() -> None:
    assert printable("Élève à l’école — œuvre…", "CP858") == "Élève à l'école - oeuvre..."
    assert printable("1\u202f500\u00a0FCFA", "CP850") == "1 500 FCFA"
    assert printable("\u2067مرحبا\u2069 ok", "CP858") == "????? ok"  # isolates dropped, no Arabic on CP858
    assert printable("20 €", "CP858") == "20 €" and printable("20 €", "CP850") == "20 EUR"


def test_the_test_print_shows_the_width_ruler() -> None:
    config = PrinterConfig(paper=Paper.MM58)
    printed = decode(render(sample_receipt(config, title="Test print", lines=("Réglages: 58 mm",)), config))
    assert "12345678901234567890123456789012" in printed.text and "Réglages: 58 mm" in printed.text


def test_printer_settings_round_trip_and_bad_ones_are_no_printer() -> None:
    config = PrinterConfig(connection=Connection.NETWORK, host="192.0.2.10", paper=Paper.MM58, columns=42)
    assert PrinterConfig.from_dict(config.to_dict()) == config and config.line_width == 42
    assert load_config({"receipt_printer": {"connection": "network", "host": ""}}) == PrinterConfig()
    assert load_config({"receipt_printer": {"connection": "fax"}}) == PrinterConfig()
    assert load_config({}) == PrinterConfig() and not PrinterConfig().enabled
    with pytest.raises(ValueError, match="pin 2 or pin 5"):
        PrinterConfig(drawer_pin=3)
