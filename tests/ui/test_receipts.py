"""Receipts: rendered to PDF in every layout and read back; the QR code decodes to the transaction ref.

How the content is checked, without poppler or a PDF library: Qt writes each font with a ToUnicode map
(glyph id -> characters) and the page's text as glyph ids. ``pdf_text`` reads both back, so the check
is of the characters really in the PDF, whatever font the machine has. The QR code is checked on the
same painting rendered to an image, decoded with zxing like a phone would.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from posapp.config import Settings
from posapp.core.cash import CASH
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal import sales
from posapp.journal.store import Journal
from posapp.shop.identity import name_terminal
from posapp.ui.i18n import install_translators
from posapp.ui.screens.receipts import (
    ReceiptDialog,
    ReceiptLayout,
    print_receipt,
    receipt_allowed,
    receipt_content,
    receipt_facts,
    render_receipt_image,
    save_receipt_pdf,
)
from tests.helpers.qr import decode_image

# ---------------------------------------------------------------------------------------------- PDF text

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"<<(.*?)>>\s*stream\r?\n(.*?)\r?\nendstream", re.S)


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if match is None:
        return b""
    head, raw = match.groups()
    return zlib.decompress(raw) if b"/FlateDecode" in head else raw


def _unicode_map(cmap: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst, array in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])", block
        ):
            codes = range(int(lo, 16), int(hi, 16) + 1)
            if dst:
                table.update({code: chr(int(dst, 16) + i) for i, code in enumerate(codes)})
            else:
                targets = re.findall(rb"<([0-9A-Fa-f]+)>", array)
                table.update(
                    {
                        code: bytes.fromhex(t.decode()).decode("utf-16-be")
                        for code, t in zip(codes, targets, strict=False)
                    }
                )
    return table


def pdf_text(data: bytes) -> str:
    """The text of a PDF written by Qt: each text object's glyphs mapped back through its font's ToUnicode."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}
    maps = {
        number: _unicode_map(_stream(objects[int(ref.group(1))]))
        for number, body in objects.items()
        if b"/Type /Font" in body and (ref := re.search(rb"/ToUnicode\s+(\d+) 0 R", body))
    }
    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for resources in re.findall(rb"/Font\s*<<(.*?)>>", body, re.S):
            for name, number in re.findall(rb"/(\w+)\s+(\d+) 0 R", resources):
                if int(number) in maps:
                    fonts[name] = maps[int(number)]
    runs = []
    for body in objects.values():
        content = _stream(body) if b"stream" in body and b"/Type /Font" not in body else b""
        for block in re.findall(rb"\nBT\n(.*?)\nET", content, re.S):
            glyphs: dict[int, str] = {}
            text = []
            for token in re.finditer(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>\s*Tj", block):
                if token.group(1):
                    glyphs = fonts.get(token.group(1), {})
                    continue
                hexa = token.group(2).decode()
                text += [glyphs.get(int(hexa[i : i + 4], 16), "\ufffd") for i in range(0, len(hexa), 4)]
            runs.append("".join(text))
    return normalise(" ".join(runs))


def normalise(text: str) -> str:
    """Compatibility forms (ligatures, narrow spaces) folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# ---------------------------------------------------------------------------------------------- fixtures

SETTINGS = Settings(
    shop_name="Boutique Ngono", shop_address="Rue 1.234, Bonapriso, Douala", shop_phone="+237 6 99 00 11 22"
)


def paid(**changes: object) -> Transaction:
    values: dict[str, object] = {
        "app_ref": "POS-20260302-A1B2C3",
        "kind": Kind.PUSH_PAYMENT,
        "provider": "mycoolpay",
        "amount": Money(15000, "XAF"),
        "status": Status.SUCCEEDED,
        "provider_ref": "MCP-998877",
        "customer": "+237699123456",
        "operator": "CM_MOMO",
        "reason": "2 sacs de riz",
        "cashier": "Ama",
        "created_at": datetime(2026, 3, 2, 9, 15, tzinfo=UTC),
        "updated_at": datetime(2026, 3, 2, 9, 16, tzinfo=UTC),
    }
    values.update(changes)
    return Transaction(**values)  # type: ignore[arg-type]


EXPECTED = [
    "Boutique Ngono",
    "Rue 1.234, Bonapriso, Douala",
    "PAYMENT RECEIPT",
    "15 000 FCFA",  # fr_CM: a narrow no-break space, folded by normalise
    "MTN MoMo",
    "+237 6 99 12 34 56",
    "POS-20260302-A1B2C3",
    "MCP-998877",
    "Ama",
    "2 mars 2026",
]


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_receipt_pdf_holds_the_receipt_in_every_layout(qapp, tmp_path: Path, layout: ReceiptLayout) -> None:  # type: ignore[no-untyped-def]
    path = save_receipt_pdf(paid(), tmp_path / "r.pdf", layout, SETTINGS, cashier="Ama", training=False, locale="fr_CM")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for expected in EXPECTED:
        assert normalise(expected) in text, (expected, text)
    assert "TRAINING" not in text and "DUPLICATE" not in text
    width_pt = float(re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data).group(1))  # type: ignore[union-attr]
    assert width_pt == pytest.approx({"58mm": 164, "80mm": 227, "a4": 595}[layout.value], abs=1.5)


@pytest.mark.parametrize("layout", list(ReceiptLayout))
def test_the_receipt_qr_code_decodes_to_the_transaction_ref(qapp, layout: ReceiptLayout) -> None:  # type: ignore[no-untyped-def]
    content = receipt_content(paid(), SETTINGS, cashier="Ama", training=True, locale="en_CM")
    assert decode_image(render_receipt_image(content, layout, dpi=203)) == ["POS-20260302-A1B2C3"]


def test_training_and_reprints_are_marked(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = save_receipt_pdf(
        paid(), tmp_path / "t.pdf", ReceiptLayout.ROLL_80, SETTINGS, training=True, reprint=True, locale="en_CM"
    )
    text = pdf_text(path.read_bytes())
    assert text.count("TRAINING - NO REAL MONEY") == 2 and "DUPLICATE" in text
    assert "15,000 FCFA" in text and "Ama" in text  # the seller when no cashier is given


def test_refund_receipt(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    refund = paid(app_ref="RF-1", kind=Kind.REFUND, parent_ref="POS-20260302-A1B2C3", amount=Money(5000, "XAF"))
    path = save_receipt_pdf(refund, tmp_path / "f.pdf", ReceiptLayout.ROLL_58, SETTINGS, training=False, locale="en_CM")
    text = pdf_text(path.read_bytes())
    assert "REFUND RECEIPT" in text and "5,000 FCFA" in text and "Refund of POS-20260302-A1B2C3" in text


@pytest.mark.parametrize(
    ("tx", "allowed"),
    [
        (paid(), True),
        (paid(status=Status.PARTIALLY_REFUNDED), True),
        (paid(status=Status.PENDING), False),
        (paid(status=Status.UNKNOWN), False),
        (paid(kind=Kind.PAYOUT), False),
        (paid(kind=Kind.REFUND, parent_ref="X", status=Status.FAILED), False),
    ],
)
def test_only_money_that_moved_gets_a_receipt(qapp, tx: Transaction, allowed: bool) -> None:  # type: ignore[no-untyped-def]
    assert receipt_allowed(tx) is allowed
    if not allowed:
        with pytest.raises(ValueError, match="no receipt"):
            receipt_content(tx, SETTINGS)


def test_printing_without_a_dialog_goes_to_the_given_printer(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_receipt(paid(), SETTINGS, cashier="Ama", layout=ReceiptLayout.ROLL_58, printer=printer)
    assert printer.pageLayout().orientation() is QPageLayout.Orientation.Portrait
    assert "POS-20260302-A1B2C3" in pdf_text((tmp_path / "printed.pdf").read_bytes())


def test_dialog_previews_each_layout_and_saves_a_pdf(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ReceiptDialog(paid(), SETTINGS, cashier="Ama", training=True, locale="en_CM", reprint=True)
    qtbot.addWidget(dialog)
    dialog.show()
    for layout in ReceiptLayout:
        dialog.layout_buttons[layout].click()
        assert dialog.layout_choice is layout
        assert decode_image(dialog.preview.grab().toImage()) == ["POS-20260302-A1B2C3"]
    dialog.ask_pdf_path = lambda suggested: str(tmp_path / suggested.removesuffix(".pdf"))
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.pdf_button.click()
    assert saved.args == [str(tmp_path / "receipt-POS-20260302-A1B2C3.pdf")]
    assert "DUPLICATE" in pdf_text(Path(saved.args[0]).read_bytes())


# ---------------------------------------------------------------------------------------------- the till's cash


def cash_tender(journal_path: Path, given: int = 20_000) -> tuple[Journal, Transaction]:
    """A cash sale of 15 000 FCFA in a real journal, on a counter named by its manager."""
    journal = Journal(journal_path)
    name_terminal(journal, "Comptoir Bonapriso")
    sales.record_sale(journal, sales.Sale("S-1", Money(15_000, "XAF"), cashier="Ama"), "cashier:Ama")
    intent = Transaction(app_ref="CSH-1", kind=Kind.CASH_PAYMENT, provider=CASH, amount=Money(15_000, "XAF"),
                         cashier="Ama")  # fmt: skip
    tx = sales.receive_cash(journal, "S-1", intent, Money(given, "XAF"), "cashier:Ama")
    return journal, tx


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_cash_tenders_receipt_shows_the_cash_given_and_the_change_at_its_counter(
    qapp, tmp_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    journal, tx = cash_tender(tmp_path / "journal.sqlite3")
    install_translators(qapp, language)
    try:
        facts = receipt_facts(journal, tx.app_ref)
        path = save_receipt_pdf(tx, tmp_path / "c.pdf", ReceiptLayout.ROLL_80, SETTINGS, cashier="Ama",
                                training=False, locale=f"{language}_CM", **facts)  # fmt: skip
    finally:
        install_translators(qapp, "en")
        journal.close()
    text = pdf_text(path.read_bytes())
    words = {
        "en": ("Paid in cash 15,000 FCFA", "Cash given 20,000 FCFA", "Change 5,000 FCFA", "Counter Comptoir Bonapriso",
               "Provider"),
        "fr": ("Payé en espèces 15 000 FCFA", "Espèces reçues 20 000 FCFA", "Monnaie rendue 5 000 FCFA",
               "Caisse Comptoir Bonapriso", "Fournisseur"),
    }[language]  # fmt: skip
    *shown, provider = words
    for expected in shown:
        assert normalise(expected) in text, (expected, text)
    assert provider not in text and "cash" not in text.replace("Paid in cash", "")  # no "Provider: cash"
    assert "Cashier Ama" in text or "Caissier Ama" in text


def test_a_cash_refunds_receipt_says_it_was_handed_back_from_the_drawer(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journal, tx = cash_tender(tmp_path / "journal.sqlite3")
    refund = Transaction(app_ref="RFC-1", kind=Kind.REFUND, provider=CASH, amount=Money(4_000, "XAF"),
                         parent_ref=tx.app_ref, cashier="Ama")  # fmt: skip
    refunded = sales.return_cash(journal, refund, "manager:Mgr")
    content = receipt_content(refunded, SETTINGS, training=False, locale="en_CM", **receipt_facts(journal, "RFC-1"))
    journal.close()
    rows = dict(content.rows)
    assert rows["Handed back in cash"] == "4,000\xa0FCFA" and rows["Counter"] == "Comptoir Bonapriso"
    assert "Provider" not in rows and "Provider ref." not in rows and "Cash given" not in rows
