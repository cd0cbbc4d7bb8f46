"""The Capture action: on Activity cards and in History's details, only for authorized payments of a
provider that captures; the capture dialog's choices; the QR screen's wording for card checkouts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.store import Journal
from posapp.ui.screens.activity import ActivityScreen
from posapp.ui.screens.capture_dialog import CaptureDialog
from posapp.ui.screens.history import HistoryScreen
from posapp.ui.screens.qr_payment import QrPaymentScreen


def card_payment(status: Status, app_ref: str = "QR-1") -> Transaction:
    return Transaction(app_ref, Kind.LINK_PAYMENT, "coolpay", Money(12500, "XAF"), status=status, provider_ref="101")


def test_activity_offers_capture_only_for_authorized_payments_when_enabled(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = ActivityScreen("en_CM")
    qtbot.addWidget(screen)
    screen.show()
    screen.upsert(card_payment(Status.AUTHORIZED))
    row = screen.row("QR-1")
    assert row is not None and not row.capture_button.isVisible(), "hidden until the provider is known to capture"
    screen.set_capture_enabled(True)
    assert row.capture_button.isVisible() and not row.show_qr_button.isVisible()
    assert "capture" in row.message.text()
    screen.upsert(card_payment(Status.PENDING, "QR-2"))
    pending = screen.row("QR-2")
    assert pending is not None and not pending.capture_button.isVisible(), "a new card follows the setting"
    with qtbot.waitSignal(screen.capture_requested) as asked:
        qtbot.mouseClick(row.capture_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["QR-1"]
    screen.upsert(card_payment(Status.SUCCEEDED))
    assert not row.capture_button.isVisible()


def test_history_capture_button_hidden_unless_enabled_and_authorized(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(tmp_path / "j.sqlite3")
    try:
        screen = HistoryScreen(journal, "en_CM")
        qtbot.addWidget(screen)
        screen.resize(1280, 800)
        screen.show()
        screen.show_transaction(card_payment(Status.AUTHORIZED))
        assert screen.capture_button.isHidden()
        screen.set_capture_enabled(True)
        assert not screen.capture_button.isHidden()
        with qtbot.waitSignal(screen.capture_requested) as asked:
            qtbot.mouseClick(screen.capture_button, Qt.MouseButton.LeftButton)
        assert asked.args == ["QR-1"]
        screen.show_transaction(card_payment(Status.SUCCEEDED))
        assert screen.capture_button.isHidden()
    finally:
        journal.close()


def test_capture_dialog_whole_or_part(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CaptureDialog(Money(12500, "XAF"), "en_CM")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.capture_submitted) as whole:
        dialog.submit()
    assert whole.args == [None]
    dialog.choose_part("20000")
    with qtbot.assertNotEmitted(dialog.capture_submitted):
        dialog.submit()
    assert "12,500" in dialog.error.text()
    dialog.choose_part("")
    dialog.submit()
    assert dialog.error.text()
    dialog.choose_part("10000")
    with qtbot.waitSignal(dialog.capture_submitted) as part:
        dialog.submit()
    assert part.args == [Money(10000, "XAF")]
    dialog.choose_part("12500")  # the whole amount typed as a part is the whole capture
    with qtbot.waitSignal(dialog.capture_submitted) as same:
        dialog.submit()
    assert same.args == [None]


def test_whole_capture_only_provider_cannot_choose_a_part(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CaptureDialog(Money(3000, "SEK"), "en_CM", partial=False)
    qtbot.addWidget(dialog)
    assert not dialog.part.isEnabled()


def test_qr_wording_for_card_checkouts(qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = QrPaymentScreen("en_CM")
    qtbot.addWidget(screen)
    mobile_money = screen.instructions.text()
    screen.set_card_checkout(True)
    assert "card" in screen.instructions.text() and screen.instructions.text() != mobile_money
    screen.show_payment(card_payment(Status.PENDING), "http://127.0.0.1/pay/x")
    screen.update_status(card_payment(Status.AUTHORIZED))
    assert "capture" in screen.instructions.text() and not screen.showing_outcome()
