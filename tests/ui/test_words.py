"""Every word right in both languages (issue 14, item 6): the outcome after wrong codes, providers' messages
in the cashier's language with their own words kept, badges of money going out, the payout's number on one
line, History's timeline, the training phone's title, Qt's own dialogs, End of day in the navigation."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QFileDialog, QGroupBox, QLabel, QMessageBox

import posapp.sandbox.mycoolpay as mycoolpay_emulator
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status
from posapp.ui.i18n import install_translators
from posapp.ui.provider_messages import Reason, known, with_provider_words
from posapp.ui.widgets.outcome_panel import OutcomePanel
from posapp.ui.widgets.status_badge import StatusBadge


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")


def test_not_paid_after_the_last_wrong_code_speaks_of_the_code(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = OutcomePanel("en_CM")
    qtbot.addWidget(panel)
    # What the checkout service journals and shows once the third code is refused.
    panel.show_outcome(Status.FAILED, Money(1500, "XAF"), "Invalid authorization code ! (no tries left)")
    assert panel.headline.text() == "NOT PAID"
    assert "code was wrong" in panel.detail.text() and "balance" not in panel.detail.text()
    assert panel.message.text() == (
        "The code was wrong too many times. Provider: Invalid authorization code ! (no tries left)"
    ), "the provider's words are kept"
    panel.show_outcome(Status.FAILED, Money(1500, "XAF"), "Le client a refusé le paiement")
    assert "declined" in panel.detail.text()


def test_the_outcome_in_french_translates_the_provider(qtbot, french: None) -> None:  # type: ignore[no-untyped-def]
    panel = OutcomePanel("fr_CM")
    qtbot.addWidget(panel)
    panel.show_outcome(Status.FAILED, Money(1500, "XAF"), "Invalid authorization code ! (no tries left)")
    assert panel.headline.text() == "NON PAYÉ"
    assert panel.detail.text().startswith("Le code du client était faux trop de fois.")
    assert panel.message.text() == (
        "Le code était faux trop de fois. Prestataire : Invalid authorization code ! (no tries left)"
    )


def test_a_known_provider_message_reads_in_french_with_its_words_after(french: None) -> None:
    assert with_provider_words("Invalid authorization code !") == (
        "Le code n’est pas bon. (prestataire : Invalid authorization code !)"
    )
    assert with_provider_words("Insufficient balance !").startswith("Le solde du compte est insuffisant")
    assert with_provider_words("Something new the provider says") == "Something new the provider says"


def _literal_messages(module: object) -> set[str]:
    """The error messages an emulator answers with: ApiError(status, "literal") and MESSAGES' texts."""
    source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ApiError" and len(node.args) == 2:
            message = node.args[1]
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                found.add(message.value)
    for key, texts in mycoolpay_emulator.MESSAGES.items():
        if key != "sms":
            found.update(texts.values())
    return found


def test_every_message_of_the_mycoolpay_emulator_is_known() -> None:
    """The emulator answers as My-CoolPay does: each of its messages gets a sentence of ours."""
    messages = _literal_messages(mycoolpay_emulator)
    assert "Invalid authorization code !" in messages and len(messages) > 20
    unknown = sorted(message for message in messages if known(message) is None)
    assert unknown == []
    assert known("Transaction in progress...") is not None
    assert known("Invalid authorization code !")[1] is Reason.WRONG_CODE  # type: ignore[index]


@pytest.mark.parametrize(
    ("kind", "status", "english", "french_text"),
    [
        (Kind.REFUND, Status.PENDING, "Being sent", "Envoi en cours"),
        (Kind.PAYOUT, Status.PENDING, "Being sent", "Envoi en cours"),
        (Kind.REFUND, Status.SUCCEEDED, "Refunded", "Remboursé"),
        (Kind.PAYOUT, Status.SUCCEEDED, "Sent", "Envoyé"),
        (Kind.PUSH_PAYMENT, Status.PENDING, "Waiting for the customer", "En attente du client"),
        (Kind.LINK_PAYMENT, Status.SUCCEEDED, "Paid", "Payé"),
    ],
)
def test_badges_of_money_going_out(qtbot, qapp, kind: Kind, status: Status, english: str, french_text: str) -> None:  # type: ignore[no-untyped-def]
    badge = StatusBadge(status, kind=kind)
    qtbot.addWidget(badge)
    assert badge.text() == english
    install_translators(qapp, "fr")
    try:
        badge.set_status(status, kind)
        assert badge.text() == french_text
    finally:
        install_translators(qapp, "en")


def test_history_timeline_and_the_training_phone_title_are_french(qtbot, french: None, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from posapp.core.transactions import Transaction
    from posapp.journal.store import Journal
    from posapp.ui.main_window import MainWindow
    from posapp.ui.screens.history import HistoryScreen

    with Journal(tmp_path / "journal.sqlite3") as journal:
        journal.record_intent(Transaction("QR-W-1", Kind.LINK_PAYMENT, "mycoolpay", Money(900, "XAF")), "cashier:ama")
        history = HistoryScreen(journal, "fr_CM")
        qtbot.addWidget(history)
        tx = journal.get("QR-W-1")
        assert tx is not None
        html = history._detail_html(tx, journal.timeline("QR-W-1"))
        assert "Chronologie" in html and "Timeline" not in html
    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    window.set_training_phone(QLabel("phone"))
    assert window.training_dock is not None
    assert window.training_dock.windowTitle() == "Téléphone du client (formation)"


def _dialog_texts(widget) -> list[str]:  # type: ignore[no-untyped-def]
    texts: list[str] = []
    for child in widget.findChildren(QLabel):
        texts.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        texts.append(child.text())
    for child in widget.findChildren(QGroupBox):
        texts.append(child.title())
    for child in widget.findChildren(QComboBox):
        texts.extend(child.itemText(i) for i in range(child.count()))
    return [text for text in texts if any(ch.isalpha() for ch in text)]


def test_qts_own_dialogs_read_french(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """The message box's buttons, the save-file dialog and the print dialog posapp opens, in French."""
    printer = QPrinter()
    shown: dict[str, dict[str, list[str]]] = {}
    for language in ("en", "fr"):
        install_translators(qapp, language)
        try:
            box = QMessageBox()
            box.setStandardButtons(
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel
            )
            files = QFileDialog(None, "posapp", "", "CSV (*.csv)")
            files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            printing = QPrintDialog(printer)
            for dialog in (box, files, printing):
                qtbot.addWidget(dialog)
                dialog.show()
            QTest.qWait(20)
            shown[language] = {
                "box": [b.text() for b in box.buttons()],
                "files": _dialog_texts(files),
                "print": _dialog_texts(printing),
            }
            for dialog in (box, files, printing):
                dialog.close()
        finally:
            install_translators(qapp, "en")
    assert sorted(shown["fr"]["box"]) == ["&Non", "&Oui", "Annuler"]
    # The same words in both languages where French writes them so; a file filter is no word of Qt's.
    same_in_french = {"Pages", "&Options >>", "CSV (*.csv)"}
    for dialog in ("files", "print"):
        english = set(shown["en"][dialog])
        left = [
            text
            for text in shown["fr"][dialog]
            if text in english and text not in same_in_french and not text.startswith("/")  # a folder's path
        ]
        assert left == [], f"English left in the {dialog} dialog"


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_payout_check_step_keeps_the_number_on_one_line(qtbot, themed, tmp_path: Path, size) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextLayout, QTextOption

    from posapp.core.phone import parse_mobile
    from posapp.journal.store import Journal
    from posapp.ui.main_window import MainWindow
    from posapp.ui.screens.payout import PayoutScreen

    with Journal(tmp_path / "journal.sqlite3") as journal:
        window = MainWindow(training=True, provider_label="My-CoolPay")
        qtbot.addWidget(window)
        screen = PayoutScreen(journal, "XAF", "en_CM")
        window.replace_screen("payouts", screen)
        window.resize(*size)
        window.show()
        window.show_screen("payouts")
        number = parse_mobile("677009900")
        screen.recipient_edit.setText("677009900")
        screen.amount_edit.setText("1250000")
        screen.reason_edit.setText("Rent")
        screen.review()
        QTest.qWait(20)
        assert screen.pages.currentIndex() == 1, "the check step shows"
        label = screen.confirm_text
        # Lay the label's text out at its width as Qt does, and find the number within one line.
        layout = QTextLayout(label.text(), label.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(label.contentsRect().width())
            lines.append(label.text()[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        digits = "".join(ch for ch in number.formatted() if ch.isdigit())
        assert any(digits in "".join(ch for ch in line if ch.isdigit()) for line in lines), lines


def test_end_of_day_has_a_navigation_entry(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from posapp.ui.main_window import MainWindow

    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    window.show()
    assert window.end_of_day_button.isVisible()
    with qtbot.waitSignal(window.end_of_day_requested, timeout=1000):
        qtbot.mouseClick(window.end_of_day_button, Qt.MouseButton.LeftButton)
