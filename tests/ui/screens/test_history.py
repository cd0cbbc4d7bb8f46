"""The History screen: filters, search, empty state, detail pane with the timeline, live rows, actions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from posapp.core.money import Money, format_money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import Journal
from posapp.ui.models.transactions_model import Columns
from posapp.ui.screens.history import HistoryScreen, event_type_text

DOUALA = ZoneInfo("Africa/Douala")
NOW = datetime(2026, 5, 9, 14, 30, tzinfo=UTC)  # 15:30 in Douala
CHECKOUT = "https://my-coolpay.com/payment/checkout/0b7c2a9e-4f1d-4a57-9d0e-2b8f6c1e3a44?lang=fr&source=posapp"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def fill_demo(journal: Journal, clock: Clock, *, filler: int = 40) -> None:
    """A day of a small shop: paid, pending, failed, unknown, a refund and a payout, and older days."""

    def at(delta: timedelta) -> None:
        clock.now = NOW - delta

    for i in range(filler):  # the days before: a payment every ~5 hours
        at(timedelta(days=2, hours=5 * i))
        ref = f"PAY-202605{(NOW - timedelta(days=2, hours=5 * i)).day:02d}-a{i:09x}"
        tx = journal.record_intent(
            Transaction(
                ref,
                Kind.LINK_PAYMENT if i % 3 else Kind.PUSH_PAYMENT,
                "paiwise" if i % 4 == 0 else "mycoolpay",
                Money(500 * (i + 1), "XAF"),
                customer=f"+2376{99000000 + i * 7919:08d}",
                reason=("Savon et huile", "Recharge", "Pain", "Médicaments")[i % 4],
                cashier="bello",
            ),
            "cashier:bello",
        )
        journal.append_event(tx.app_ref, type="sent", status=Status.PENDING, actor="system", provider_ref=f"MCP{i}")
        status = Status.FAILED if i % 6 == 5 else Status.SUCCEEDED
        journal.append_event(tx.app_ref, type="status_read", status=status, actor="system")

    at(timedelta(hours=5))
    paid = journal.record_intent(
        Transaction(
            "PAY-20260509-3fa9c1d2e7",
            Kind.LINK_PAYMENT,
            "mycoolpay",
            Money(12500, "XAF"),
            customer="+237699001122",
            reason="Riz 25 kg et huile 5 L",
            cashier="ama",
        ),
        "cashier:ama",
    )
    at(timedelta(hours=5) - timedelta(seconds=2))
    journal.append_event(
        paid.app_ref,
        type="sent",
        status=Status.PENDING,
        actor="system",
        provider_ref="MCP2605091208AB",
        raw={
            "status": "success",
            "payment_url": CHECKOUT,
            "transaction_ref": "MCP2605091208AB",
            "private_key": "pk-live-1234567890",
        },
        secrets=("pk-live-1234567890",),
    )
    at(timedelta(hours=4, minutes=58))
    journal.append_event(
        paid.app_ref,
        type="status_read",
        status=Status.SUCCEEDED,
        actor="system",
        operator="orange",
        fees=Money(250, "XAF"),
        raw={"status": "success", "transaction_status": "SUCCESS", "transaction_operator": "CM_OM", "fees": 250},
    )
    at(timedelta(hours=3))
    refund = journal.record_intent(
        Transaction("REF-20260509-77c0aa01", Kind.REFUND, "mycoolpay", Money(2500, "XAF"),
                    parent_ref=paid.app_ref, reason="Huile manquante", cashier="chantal"),
        "manager:chantal",
    )  # fmt: skip
    journal.append_event(refund.app_ref, type="sent", status=Status.PENDING, actor="system")
    journal.append_event(refund.app_ref, type="status_read", status=Status.SUCCEEDED, actor="system")

    at(timedelta(hours=2))
    payout = journal.record_intent(
        Transaction("OUT-20260509-1b2c3d4e", Kind.PAYOUT, "mycoolpay", Money(50000, "XAF"),
                    customer="+237655443322", reason="Fournisseur farine", cashier="chantal"),
        "manager:chantal",
    )  # fmt: skip
    journal.append_event(payout.app_ref, type="sent", status=Status.SUCCEEDED, actor="system", operator="mtn")

    at(timedelta(hours=1))
    declined = journal.record_intent(
        Transaction("PAY-20260509-9e8d7c6b5a", Kind.PUSH_PAYMENT, "mycoolpay", Money(3000, "XAF"),
                    customer="+237677889900", reason="Crédit téléphone", cashier="ama"),
        "cashier:ama",
    )  # fmt: skip
    journal.append_event(declined.app_ref, type="sent", status=Status.PENDING, actor="system", operator="mtn",
                         raw={"status": "success", "ussd": "*126#", "action": "PENDING"})  # fmt: skip
    journal.append_event(
        declined.app_ref,
        type="status_read",
        status=Status.FAILED,
        actor="system",
        message="The customer declined the payment",
        raw={"status": "success", "transaction_status": "FAILED", "transaction_message": "Declined by the payer"},
    )

    at(timedelta(minutes=20))
    unknown = journal.record_intent(
        Transaction("PAY-20260509-5566778899", Kind.PUSH_PAYMENT, "paiwise", Money(7500, "XAF"),
                    customer="+237690112233", reason="Médicaments", cashier="ama"),
        "cashier:ama",
    )  # fmt: skip
    journal.append_event(unknown.app_ref, type="sent", status=Status.UNKNOWN, actor="system",
                         message="No answer within 30 s")  # fmt: skip

    at(timedelta(minutes=4))
    waiting = journal.record_intent(
        Transaction("PAY-20260509-0a1b2c3d4e", Kind.LINK_PAYMENT, "mycoolpay", Money(1500, "XAF"),
                    reason="Pain", cashier="ama"),
        "cashier:ama",
    )  # fmt: skip
    journal.append_event(waiting.app_ref, type="sent", status=Status.PENDING, actor="system",
                         raw={"status": "success", "payment_url": CHECKOUT})  # fmt: skip
    clock.now = NOW


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def journal(tmp_path: Path, clock: Clock) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3", clock=clock) as opened:
        fill_demo(opened, clock)
        yield opened


def make_screen(qtbot, journal: Journal, clock: Clock, size: tuple[int, int] = (1280, 760), **kwargs) -> HistoryScreen:  # type: ignore[no-untyped-def]
    screen = HistoryScreen(journal, "en_CM", tz=DOUALA, clock=clock, search_delay_ms=30, **kwargs)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def screen(qtbot, journal: Journal, clock: Clock) -> HistoryScreen:  # type: ignore[no-untyped-def]
    return make_screen(qtbot, journal, clock)


def refs(screen: HistoryScreen) -> list[str]:
    return screen.model.loaded_refs()


def test_newest_first_with_the_count(screen: HistoryScreen) -> None:
    assert refs(screen)[:3] == ["PAY-20260509-0a1b2c3d4e", "PAY-20260509-5566778899", "PAY-20260509-9e8d7c6b5a"]
    assert screen.count_label.text() == "46 transactions"
    assert screen.table_pages.currentWidget() is screen.table
    assert screen.model.index(0, Columns.TIME).data() == "15:26"  # today, local time


def test_search_runs_after_a_short_pause(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    screen.set_search_text("699 00 11")  # a phone typed with spaces
    assert len(refs(screen)) == 46  # not yet: debounced
    qtbot.waitUntil(lambda: refs(screen) == ["PAY-20260509-3fa9c1d2e7"], timeout=2000)
    assert screen.count_label.text() == "1 transaction"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("riz 25", ["PAY-20260509-3fa9c1d2e7"]),  # reason, any case
        ("MCP2605091208AB", ["PAY-20260509-3fa9c1d2e7"]),  # provider reference
        ("77c0aa", ["REF-20260509-77c0aa01"]),  # part of our reference
        ("3fa9c1d2e7", ["REF-20260509-77c0aa01", "PAY-20260509-3fa9c1d2e7"]),  # the refund names its payment
    ],
)
def test_search_finds_refs_phones_and_reasons(qtbot, screen: HistoryScreen, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    screen.search_edit.setText(text)
    qtbot.keyClick(screen.search_edit, Qt.Key.Key_Return)  # Enter searches at once
    assert refs(screen) == expected


def test_quick_date_ranges(screen: HistoryScreen) -> None:
    screen.choose_range("today")
    assert len(refs(screen)) == 6
    assert screen.count_label.text() == "6 transactions"
    assert not screen.from_date.isVisible()
    screen.choose_range("7days")
    assert 6 < len(refs(screen)) < 46
    screen.choose_range("30days")
    assert len(refs(screen)) == 46
    screen.choose_range("dates")
    assert screen.from_date.isVisible() and screen.to_date.isVisible()
    screen.from_date.setDate(QDate(2026, 5, 6))
    screen.to_date.setDate(QDate(2026, 5, 6))
    one_day = refs(screen)
    assert one_day and all("-20260506-" in ref for ref in one_day)
    screen.choose_range("all")
    assert len(refs(screen)) == 46


def test_status_kind_and_provider_filters(screen: HistoryScreen) -> None:
    screen.status_combo.setCurrentIndex(screen.status_combo.findText("Outcome unknown"))
    assert refs(screen) == ["PAY-20260509-5566778899"]
    screen.status_combo.setCurrentIndex(0)
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findText("Payout"))
    assert refs(screen) == ["OUT-20260509-1b2c3d4e"]
    screen.kind_combo.setCurrentIndex(screen.kind_combo.findText("Payments"))
    screen.provider_combo.setCurrentIndex(screen.provider_combo.findText("Paiwise"))
    assert refs(screen) and all(screen.journal.get(r).provider == "paiwise" for r in refs(screen))  # type: ignore[union-attr]


def test_empty_state_when_nothing_matches_and_clear_filters(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    screen.set_search_text("no such thing")
    qtbot.waitUntil(lambda: screen.table_pages.currentWidget() is screen.empty_page, timeout=2000)
    assert screen.empty_label.text() == "Nothing matches these filters or this search."
    assert screen.empty_clear_button.isVisible()
    assert screen.count_label.text() == "0 transactions"
    qtbot.mouseClick(screen.empty_clear_button, Qt.MouseButton.LeftButton)
    assert screen.search_edit.text() == ""
    assert screen.table_pages.currentWidget() is screen.table
    assert len(refs(screen)) == 46


def test_empty_journal_says_so(qtbot, tmp_path: Path, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    with Journal(tmp_path / "empty.sqlite3") as empty:
        screen = make_screen(qtbot, empty, clock)
        assert screen.table_pages.currentWidget() is screen.empty_page
        assert screen.empty_label.text().startswith("No payments yet.")
        assert not screen.empty_clear_button.isVisible()
        assert screen.detail_placeholder.isVisible()


def test_detail_pane_shows_fields_timeline_and_redacted_answers(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    assert screen.detail_placeholder.isVisible()
    assert screen.select("PAY-20260509-3fa9c1d2e7")
    assert not screen.detail_placeholder.isVisible()
    assert screen.detail_amount.text() == format_money(Money(12500, "XAF"), "en_CM")
    assert screen.detail_badge.text() == "Partly refunded"
    text = screen.detail_plain_text()
    for expected in (
        "+237 6 99 00 11 22",
        "Riz 25 kg et huile 5 L",
        "MCP2605091208AB",
        "My-CoolPay",
        "Orange Money",
        format_money(Money(250, "XAF"), "en_CM").replace("\xa0", " "),  # fees (plain text has no nbsp)
        "9 May 2026, 10:30:00",  # created, Douala time
        "Timeline",
        "Recorded",
        "Sent to the provider",
        "Status read",
        "cashier ama",
        CHECKOUT,  # the raw answer, whole
        '"transaction_operator": "CM_OM"',  # pretty JSON
        "refund REF-20260509-77c0aa01",  # the refund event written by the journal
    ):
        assert expected in text, expected
    assert "pk-live-1234567890" not in text
    # events oldest first
    assert text.index("Recorded") < text.index("Sent to the provider") < text.index("Status read")


def test_clicking_a_row_shows_it(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    row = screen.model.row_of("PAY-20260509-9e8d7c6b5a")
    rect = screen.table.visualRect(screen.model.index(row, Columns.AMOUNT))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.detail_badge.text() == "Failed"
    assert "The customer declined the payment" in screen.detail_plain_text()
    assert '"ussd": "*126#"' in screen.detail_plain_text()


def test_recheck_emits_the_app_ref(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    screen.select("PAY-20260509-5566778899")
    assert screen.recheck_button.isEnabled()
    with qtbot.waitSignal(screen.recheck_requested) as blocker:
        qtbot.mouseClick(screen.recheck_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["PAY-20260509-5566778899"]
    screen.select("PAY-20260509-9e8d7c6b5a")  # failed is final: nothing to re-check
    assert not screen.recheck_button.isEnabled()


def test_refund_and_reprint_stay_hidden_until_allowed(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    screen.select("PAY-20260509-3fa9c1d2e7")
    assert not screen.refund_button.isVisible() and not screen.reprint_button.isVisible()
    screen.set_actions(refund=True, reprint=True)
    assert screen.refund_button.isVisible() and screen.reprint_button.isVisible()
    with qtbot.waitSignal(screen.refund_requested) as refund:
        qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    assert refund.args == ["PAY-20260509-3fa9c1d2e7"]
    with qtbot.waitSignal(screen.reprint_requested) as reprint:
        qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert reprint.args == ["PAY-20260509-3fa9c1d2e7"]
    for not_refundable in ("PAY-20260509-9e8d7c6b5a", "OUT-20260509-1b2c3d4e", "REF-20260509-77c0aa01"):
        screen.select(not_refundable)
        assert not screen.refund_button.isVisible(), not_refundable
        assert screen.reprint_button.isVisible()


def test_live_change_updates_the_row_and_the_detail(qtbot, screen: HistoryScreen, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    screen.select("PAY-20260509-0a1b2c3d4e")
    row = screen.model.row_of("PAY-20260509-0a1b2c3d4e")
    assert screen.model.index(row, Columns.STATUS).data() == "Waiting for the customer"
    paid = journal.append_event(
        "PAY-20260509-0a1b2c3d4e", type="status_read", status=Status.SUCCEEDED, actor="system",
        raw={"transaction_status": "SUCCESS"},
    )  # fmt: skip
    with qtbot.assertNotEmitted(screen.model.modelReset):
        screen.update_transaction(paid)
    assert screen.model.index(row, Columns.STATUS).data() == "Paid"
    assert screen.detail_badge.text() == "Paid"
    assert '"transaction_status": "SUCCESS"' in screen.detail_plain_text()
    assert screen.table.currentIndex().row() == row


def test_a_new_payment_appears_on_top_while_filtered_to_today(qtbot, screen: HistoryScreen, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    screen.choose_range("today")
    fresh = journal.record_intent(
        Transaction("PAY-20260509-ffff000011", Kind.PUSH_PAYMENT, "mycoolpay", Money(800, "XAF"), reason="Pain"),
        "cashier:ama",
    )
    screen.refresh_transaction(fresh.app_ref)
    assert refs(screen)[0] == "PAY-20260509-ffff000011"
    assert screen.count_label.text() == "7 transactions"


def test_empty_then_a_live_payment_shows_the_table(qtbot, tmp_path: Path, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    with Journal(tmp_path / "fresh.sqlite3", clock=clock) as fresh_journal:
        screen = make_screen(qtbot, fresh_journal, clock)
        tx = fresh_journal.record_intent(
            Transaction("PAY-1", Kind.LINK_PAYMENT, "mycoolpay", Money(100, "XAF")), "cashier:ama"
        )
        screen.update_transaction(tx)
        assert screen.table_pages.currentWidget() is screen.table
        assert refs(screen) == ["PAY-1"]


def test_scrolling_to_the_end_loads_the_next_page(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    small = HistoryScreen(screen.journal, "en_CM", tz=DOUALA, clock=screen._clock, page_size=10)
    qtbot.addWidget(small)
    small.resize(1280, 760)
    small.show()
    qtbot.waitExposed(small)
    first = len(refs(small))
    assert first >= 10  # the view may already have asked for a page to fill itself
    small.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(refs(small)) > first, timeout=2000)
    while small.model.canFetchMore(QModelIndex()):
        small.table.scrollToBottom()
        QApplication.processEvents()
    assert refs(small) == refs(screen)


def test_count_is_exact_once_everything_is_loaded(qtbot, journal: Journal, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    screen = HistoryScreen(journal, "en_CM", tz=DOUALA, clock=clock, page_size=20)
    qtbot.addWidget(screen)
    assert screen.count_label.text() == "20+ transactions"
    screen.model.fetchMore(QModelIndex())
    assert screen.count_label.text() == "40+ transactions"
    screen.model.fetchMore(QModelIndex())
    assert screen.count_label.text() == "46 transactions"


def test_time_header_toggles_oldest_first(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    header = screen.table.horizontalHeader()
    header.sectionClicked.emit(Columns.TIME)
    assert screen.model.order == Qt.SortOrder.AscendingOrder
    assert refs(screen)[-1] == "PAY-20260509-0a1b2c3d4e"
    header.sectionClicked.emit(Columns.AMOUNT)  # other columns do not sort
    assert screen.model.order == Qt.SortOrder.AscendingOrder
    assert header.sortIndicatorSection() == Columns.TIME
    header.sectionClicked.emit(Columns.TIME)
    assert refs(screen)[0] == "PAY-20260509-0a1b2c3d4e"


# Longer-than-English texts, the way French runs, until the French translation of this screen exists.
FRENCH = {
    "HistoryScreen": {
        "Search: reference, phone or reason": "Rechercher : référence, téléphone ou motif",
        "Clear filters": "Effacer les filtres",
        "Today": "Aujourd'hui",
        "7 days": "7 jours",
        "30 days": "30 jours",
        "All": "Tout",
        "Dates…": "Dates…",
        "From": "Du",
        "to": "au",
        "All statuses": "Tous les statuts",
        "Paid": "Payé",
        "In progress": "En cours",
        "Outcome unknown": "Résultat inconnu",
        "Not paid (failed, canceled, expired)": "Non payé (échoué, annulé, expiré)",
        "Refunded": "Remboursé",
        "All types": "Tous les types",
        "Payments": "Paiements",
        "All providers": "Tous les prestataires",
        "Re-check status": "Revérifier le statut",
        "Refund": "Rembourser",
        "Reprint receipt": "Réimprimer le reçu",
        "Choose a line to see its details and its timeline.": (
            "Choisissez une ligne pour voir ses détails et son historique."
        ),
        "Nothing matches these filters or this search.": "Rien ne correspond à ces filtres ni à cette recherche.",
        "Timeline": "Chronologie",
        "1 transaction": "1 transaction",
        "{count} transactions": "{count} transactions",
        "{count}+ transactions": "{count}+ transactions",
        "← Back to the list": "← Retour à la liste",
        "Type": "Type",
        "Created": "Créé le",
        "Customer": "Client",
        "Network": "Réseau",
        "Reason": "Motif",
        "Fees": "Frais",
        "Refund of": "Remboursement de",
        "Reference": "Référence",
        "Provider": "Prestataire",
        "Cashier": "Caissier",
        "Recorded": "Enregistré",
        "cashier {name}": "caissier {name}",
        "fees {amount}": "frais {amount}",
        "Provider reference": "Référence du prestataire",
        "Last change": "Dernière modification",
        "Sent to the provider": "Envoyé au prestataire",
        "Status read": "Statut consulté",
    },
    "TransactionsModel": {
        "Time": "Heure",
        "Type": "Type",
        "Amount": "Montant",
        "Customer": "Client",
        "Network": "Réseau",
        "Status": "Statut",
        "Reason": "Motif",
        "QR payment": "Paiement par QR",
        "Push payment": "Paiement poussé",
        "Refund": "Remboursement",
        "Payout": "Versement",
    },
    "StatusBadge": {
        "Starting": "Démarrage",
        "Waiting for the customer": "En attente du client",
        "Code needed": "Code requis",
        "Authorized, to capture": "Autorisé, à encaisser",
        "Paid": "Payé",
        "Failed": "Échoué",
        "Canceled": "Annulé",
        "Expired": "Expiré",
        "Outcome unknown": "Résultat inconnu",
        "Refunded": "Remboursé",
        "Partly refunded": "Partiellement remboursé",
    },
    "MainWindow": {"History": "Historique"},
}


class LongFrenchTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        return FRENCH.get(context, {}).get(source, source)


@pytest.fixture
def french(qapp):  # type: ignore[no-untyped-def]
    translator = LongFrenchTranslator()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def clipped_texts(screen: HistoryScreen) -> list[str]:
    """Texts of shown cells and headers wider than their column (measured with the table's fonts)."""
    table = screen.table
    header_font = table.horizontalHeader().font()
    header_font.setBold(True)
    bold_font = table.font()
    bold_font.setBold(True)
    problems = []
    for column in screen.shown_columns():
        if column == Columns.REASON:
            continue  # the reason is free text: it elides, with a tooltip and the detail pane
        width = table.columnWidth(column) - 16  # the cell's own margins
        title = screen.model.headerData(column, Qt.Orientation.Horizontal)
        if QFontMetrics(header_font).horizontalAdvance(title) > width:
            problems.append(f"header {title}")
        metrics = QFontMetrics(bold_font if column in (Columns.AMOUNT, Columns.STATUS) else table.font())
        for row in range(screen.model.rowCount()):
            text = screen.model.index(row, column).data()
            if metrics.horizontalAdvance(text) > width:
                problems.append(text)
    return problems


@pytest.mark.parametrize("size", [(794, 640), (1050, 740)])  # the screen's room at 1024×700 and 1280×800
@pytest.mark.parametrize("language", ["en", "fr"])
def test_nothing_clipped(
    qtbot, themed, request, journal: Journal, clock: Clock, size: tuple[int, int], language: str
) -> None:  # type: ignore[no-untyped-def]
    if language == "fr":
        request.getfixturevalue("french")
    screen = make_screen(qtbot, journal, clock, size)
    qtbot.waitUntil(lambda: screen.table.viewport().width() > 0)
    shown = screen.shown_columns()
    assert {Columns.TIME, Columns.AMOUNT, Columns.STATUS} <= set(shown)
    assert sum(screen.table.columnWidth(c) for c in shown) <= screen.table.viewport().width()
    assert clipped_texts(screen) == []
    for widget in (screen.clear_button, *screen.range_buttons.values(), screen.recheck_button):
        assert widget.width() >= widget.sizeHint().width() or not widget.isVisible(), widget.text()
    assert QCoreApplication.translate("StatusBadge", "Paid") == ("Payé" if language == "fr" else "Paid")


def test_settle_is_offered_only_on_unknown_outcomes_once_allowed(qtbot, screen: HistoryScreen) -> None:  # type: ignore[no-untyped-def]
    screen.select("PAY-20260509-5566778899")
    assert not screen.settle_button.isVisible()
    screen.set_actions(settle=True)
    assert screen.settle_button.isVisible() and screen.settle_button.text() == "Settle the outcome…"
    assert not screen.refund_button.isVisible(), "set_actions(settle=...) leaves the refund offer as it was"
    with qtbot.waitSignal(screen.settle_requested) as settle:
        qtbot.mouseClick(screen.settle_button, Qt.MouseButton.LeftButton)
    assert settle.args == ["PAY-20260509-5566778899"]
    for known in ("PAY-20260509-3fa9c1d2e7", "PAY-20260509-9e8d7c6b5a", "PAY-20260509-0a1b2c3d4e"):
        screen.select(known)
        assert not screen.settle_button.isVisible(), known


def test_every_event_type_the_services_write_has_words() -> None:
    services = Path(__file__).parents[3] / "posapp" / "services"
    types: set[str] = set()
    for source in services.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        types.update(re.findall(r'\btype="([a-z_]+)"', text))
        for pair in re.findall(r'what = "([a-z_]+)" if .* else "([a-z_]+)"', text):
            types.update(pair)
    assert {"sent", "status_read", "resolved", "no_answer", "refused"} <= types, "the scan found the usual ones"
    spelled_out = {t for t in types if event_type_text(t) == t.replace("_", " ")}
    assert not spelled_out, f"event types shown as raw words in the timeline: {sorted(spelled_out)}"
