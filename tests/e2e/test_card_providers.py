"""End to end on each card provider (CoolPay, Paiwise, Commerce Layer) in training mode, over the real
loopback sandbox: the amount typed, the QR code read off the screen and compared with the link the emulator
issued, the customer paying (or declining) on the checkout page as a browser would, the outcome on screen
and in the journal; an authorization captured in part from Activity, then refunded in part."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from posapp.config import PROVIDER_LABELS, Settings
from posapp.console import Console
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status
from posapp.sandbox.server import SandboxServer
from posapp.ui.main_window import MainWindow
from posapp.ui.wiring.console import build_cashier_screens, connect_console
from tests.helpers.qr import decode_widget
from tests.helpers.qt_async import run_on_qt_loop, wait_until

CARD_PROVIDERS = ("coolpay", "paiwise", "commercelayer")


class CardHarness:
    """The real console in training mode on one card provider (its own sandbox on loopback)."""

    def __init__(self, provider: str) -> None:
        self.provider = provider
        self.settings = Settings(language="en", training_provider=provider)
        self.console = Console(self.settings)
        self.console.open_journal()
        self.window = MainWindow(training=True, provider_label=PROVIDER_LABELS[provider])
        self.window.resize(1280, 800)
        self.controller = build_cashier_screens(self.window, self.settings, self.console.reader)
        self.console.controller = self.controller
        self.flow = self.controller.flow

    async def start(self) -> None:
        self.window.show()
        await connect_console(self.console, self.window)
        assert self.console.services is not None, "the console did not connect to the sandbox"

    @property
    def sandbox(self) -> SandboxServer:
        assert self.console.sandbox is not None
        return self.console.sandbox

    def issued_links(self) -> list[str]:
        """Every payment link the provider's emulator issued so far."""
        if self.provider == "coolpay":
            return [p["link"]["url"] for p in self.sandbox.coolpay.snapshot()["payments"] if p.get("link")]
        if self.provider == "paiwise":
            return [c["url"] for c in self.sandbox.paiwise.snapshot()["checkouts"]]
        payments = self.sandbox.commercelayer.snapshot()["payments"]
        return [p["attributes"]["redirect_uri"] for p in payments]

    async def show_qr_for(self, digits: str) -> str:
        """Type the amount, press Enter: the QR screen; returns the link decoded from the QR's pixels."""
        self.controller.new_sale()
        self.flow.sale.amount_input.setFocus()
        for digit in digits:
            QTest.keyClicks(self.flow.sale.amount_input, digit)
        QTest.keyClick(self.flow.sale.amount_input, Qt.Key.Key_Return)
        qr = self.flow.qr
        await wait_until(
            lambda: self.flow.currentWidget() is qr or bool(self.flow.sale.action_error.text()),
            what="the QR screen",
        )
        assert self.flow.sale.action_error.text() == ""
        decoded = decode_widget(qr.qr)
        assert decoded == [qr.url], "the QR code on screen is the payment link"
        assert decoded[0] in self.issued_links(), "the QR is exactly the link the emulator issued"
        return decoded[0]

    async def customer_acts(self, url: str, action: str) -> None:
        """The customer presses Pay / Decline on the checkout page, as a browser posts the form."""
        async with httpx.AsyncClient() as browser:
            page = await browser.get(url)
            assert page.status_code == 200 and "<form" in page.text
            answer = await browser.post(url, data={"action": action})
            assert answer.status_code == 200, answer.text
        assert self.console.services is not None
        # What a callback (or the training phone) does: read the status now rather than at the next poll.
        self.console.services.tracker.request_check(app_ref=self.flow.qr.app_ref)

    def journal_status(self, app_ref: str) -> Status:
        assert self.console.journal is not None
        tx = self.console.journal.get(app_ref)
        assert tx is not None
        return tx.status

    async def close(self) -> None:
        self.controller.close_capture_dialog()
        phone = getattr(self.window, "training_phone", None)
        if phone is not None:
            phone.stop_polling()
        await self.console.aclose()
        self.window.close()
        self.window.deleteLater()
        # Delete the widgets (and their timers) here, on the GUI thread, not whenever and wherever the
        # garbage collector next runs (a sandbox or journal thread: "Timers cannot be stopped from another
        # thread", then a crash in a later test).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()


@pytest.fixture(params=CARD_PROVIDERS)
def card(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[CardHarness]:
    h = CardHarness(request.param)
    yield h
    run_on_qt_loop(qapp, h.close())


def _visible(widget: Any) -> bool:
    return bool(widget.isVisibleTo(widget.window()))


def test_card_sale_paid_captured_in_part_and_refunded_in_part(qapp: QApplication, card: CardHarness) -> None:
    async def scenario() -> None:
        h = card
        await h.start()
        sale = h.flow.sale
        assert _visible(sale.qr_button) and not _visible(sale.push_button), "a card provider offers only the QR"
        url = await h.show_qr_for("2500")
        qr = h.flow.qr
        app_ref = qr.app_ref
        assert "card" in qr.instructions.text(), "the customer is told to pay by card"
        await h.customer_acts(url, "pay")
        journal = h.console.journal
        assert journal is not None
        if h.provider == "paiwise":
            # Paiwise captures on payment (the API's default): paid at once.
            await wait_until(qr.showing_outcome, timeout=15, what="the outcome")
            assert qr.outcome.kind == "success"
            assert h.journal_status(app_ref) is Status.SUCCEEDED
            captured = Money(2500, "XAF")
        else:
            # No auto-capture: the card is only authorized; the cashier captures from Activity.
            await wait_until(lambda: h.journal_status(app_ref) is Status.AUTHORIZED, timeout=15, what="authorized")
            await wait_until(lambda: qr.badge.status is Status.AUTHORIZED, what="the badge")
            assert not qr.showing_outcome() and "capture" in qr.instructions.text()
            h.window.show_screen("activity")
            row = h.controller.activity.row(app_ref)
            assert row is not None
            await wait_until(lambda: row.transaction.status is Status.AUTHORIZED, what="the Activity card")
            assert _visible(row.capture_button)
            QTest.mouseClick(row.capture_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: h.controller.capture_dialog is not None, what="the capture dialog")
            dialog = h.controller.capture_dialog
            assert dialog is not None
            dialog.choose_part("1500")
            QTest.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
            await wait_until(lambda: h.controller.capture_dialog is None, timeout=15, what="the capture")
            assert h.journal_status(app_ref) is Status.SUCCEEDED
            assert not _visible(row.capture_button)
            assert "1,500" in row.message.text() or "1 500" in row.message.text()
            events = [e.type for e in journal.timeline(app_ref)]
            assert events[-2:] == ["capture_requested", "captured"]
            await wait_until(qr.showing_outcome, what="the QR screen's outcome")
            assert qr.outcome.kind == "success"
            captured = Money(1500, "XAF")
        services = h.console.services
        assert services is not None
        assert await services.payouts.provider_refundable(app_ref) == captured
        approval = await services.payouts.approve("kofi", "refund", Money(500, "XAF"))
        refund = await services.payouts.refund(app_ref, Money(500, "XAF"), "returned goods", approval)
        assert refund.kind is Kind.REFUND and refund.status is Status.SUCCEEDED and refund.parent_ref == app_ref
        assert h.journal_status(app_ref) is Status.PARTIALLY_REFUNDED
        assert await services.payouts.provider_refundable(app_ref) == captured - Money(500, "XAF")

    run_on_qt_loop(qapp, scenario(), timeout=90)


def test_card_declined_on_the_page(qapp: QApplication, card: CardHarness) -> None:
    async def scenario() -> None:
        h = card
        await h.start()
        url = await h.show_qr_for("700")
        qr = h.flow.qr
        await h.customer_acts(url, "decline")
        await wait_until(qr.showing_outcome, timeout=15, what="the outcome")
        assert qr.outcome.kind == "failure"
        # Paiwise's page only lets the customer cancel the checkout; the others' cards are declined.
        expected = Status.CANCELED if h.provider == "paiwise" else Status.FAILED
        assert h.journal_status(qr.app_ref) is expected

    run_on_qt_loop(qapp, scenario(), timeout=60)


def test_training_phone_pays_the_card_checkout(qapp: QApplication, card: CardHarness) -> None:
    async def scenario() -> None:
        h = card
        await h.start()
        phone = getattr(h.window, "training_phone", None)
        assert phone is not None, "training mode docks the emulated customer's phone"
        url = await h.show_qr_for("1200")
        app_ref = h.flow.qr.app_ref
        await phone.refresh()
        links = phone.links()
        assert [link.checkout_url for link in links] == [url]
        assert links[0].amount == Money(1200, "XAF")
        card_widget = phone.card(links[0].ref)
        assert card_widget is not None
        pay = next(b for b in card_widget.findChildren(QPushButton) if b.objectName() == "payButton")
        QTest.mouseClick(pay, Qt.MouseButton.LeftButton)
        paid = Status.SUCCEEDED if h.provider == "paiwise" else Status.AUTHORIZED
        await wait_until(lambda: h.journal_status(app_ref) is paid, timeout=15, what="the payment")
        await phone.wait_idle()
        assert phone.links() == (), "a paid checkout leaves the phone"

    run_on_qt_loop(qapp, scenario(), timeout=60)


def test_switching_provider_takes_effect_without_restart(qapp) -> None:  # type: ignore[no-untyped-def]
    """A manager picks another provider in Settings: new gateway and services, the screens follow."""
    from posapp.config import Settings
    from posapp.console import Console
    from posapp.ui.main_window import MainWindow
    from posapp.ui.wiring.console import build_cashier_screens, connect_console, switch_provider
    from tests.helpers.qt_async import run_on_qt_loop

    settings = Settings(language="en")
    console = Console(settings)
    console.open_journal()
    window = MainWindow(training=True, provider_label="My-CoolPay")
    console.controller = build_cashier_screens(window, settings, console.reader)

    async def scenario() -> None:
        await connect_console(console, window)
        first_services = console.services
        assert console.gateway.name == "mycoolpay"
        assert console.controller.flow.sale.can_push
        await switch_provider(console, window, settings.replace(training_provider="coolpay"))
        assert console.gateway.name == "coolpay"
        assert console.services is not first_services
        assert console.controller.services is console.services
        assert not console.controller.flow.sale.can_push, "a card provider offers no phone push"
        assert console.controller.flow.sale.can_show_qr
        link = await console.services.checkout.start_link_payment(Money(1500, "XAF"), "after the switch", cashier="Ama")
        assert link.transaction.provider == "coolpay"
        await console.aclose()

    try:
        run_on_qt_loop(qapp, scenario())
    finally:
        window.close()
        window.deleteLater()
