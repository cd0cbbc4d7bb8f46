"""The training phone panel against the real My-CoolPay emulator, in process over httpx.ASGITransport.

Payments are started through the real gateway; the panel shows what the emulated customer sees, and
its buttons change the emulator's state. The tests run on pytest-asyncio's plain loop: the panel's
actions are asyncio tasks on the running loop and its widgets update synchronously, so no Qt event
loop is needed except in the polling test, which runs the panel under qasync as the app does.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import qasync
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from posapp.core.money import Money
from posapp.core.phone import parse_mobile
from posapp.gateways.mycoolpay import MyCoolPayGateway
from posapp.sandbox.customer import Script
from posapp.sandbox.mycoolpay import TRAINING_PRIVATE_KEY, TRAINING_PUBLIC_KEY, MyCoolPayState
from posapp.sandbox.server import SandboxServer
from posapp.ui.screens.training_phone import DEFAULT_TEST_PHONE, MyCoolPayCustomerPhone, TrainingPhonePanel

BASE = "http://sandbox.test/mycoolpay"  # the loopback server's layout: each emulator under its prefix
ORANGE = parse_mobile("699009900")
MTN = parse_mobile("677009900")


class SignalWaiter:
    """Collects a Qt signal's emissions; ``await wait()`` for the next one (connected at creation)."""

    def __init__(self, signal: SignalInstance) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self._future: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()
        signal.connect(self._fire)

    def _fire(self, *args: Any) -> None:
        self.calls.append(args)
        if not self._future.done():
            self._future.set_result(args)

    async def wait(self, timeout: float = 5.0) -> tuple[Any, ...]:
        return await asyncio.wait_for(self._future, timeout)


@pytest.fixture
def state() -> MyCoolPayState:
    # The emulated customer only acts through the phone (no scripted pay after a delay).
    return MyCoolPayState(default_script=Script.manual(), seed=11)


@pytest.fixture
async def http(state: MyCoolPayState) -> AsyncIterator[httpx.AsyncClient]:
    # The loopback server's ASGI app, in process: not started, so nothing listens and no thread runs.
    transport = httpx.ASGITransport(SandboxServer(mycoolpay=state).app)
    async with httpx.AsyncClient(transport=transport) as client:
        yield client


@pytest.fixture
def gateway(http: httpx.AsyncClient) -> MyCoolPayGateway:
    return MyCoolPayGateway(http, BASE, TRAINING_PUBLIC_KEY, TRAINING_PRIVATE_KEY)


@pytest.fixture
async def panel(qtbot, http: httpx.AsyncClient) -> AsyncIterator[TrainingPhonePanel]:  # type: ignore[no-untyped-def]
    widget = TrainingPhonePanel([MyCoolPayCustomerPhone(http, BASE)], "en_CM", poll_ms=0)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    await widget.wait_idle()


def button(panel: TrainingPhonePanel, ref: str, name: str) -> QPushButton:
    card = panel.card(ref)
    assert card is not None, f"no card for {ref}"
    found = card.findChild(QPushButton, name)
    assert isinstance(found, QPushButton)
    return found


def card_text(panel: TrainingPhonePanel, ref: str) -> str:
    card = panel.card(ref)
    assert card is not None
    return "\n".join(label.text() for label in card.findChildren(QLabel))


async def click_and_wait(qtbot, panel: TrainingPhonePanel, target: QPushButton) -> tuple[Any, ...]:  # type: ignore[no-untyped-def]
    acted = SignalWaiter(panel.customer_acted)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    args = await acted.wait()
    await panel.wait_idle()
    return args


async def test_empty_phone_says_what_will_appear(panel: TrainingPhonePanel) -> None:
    assert await panel.refresh()
    assert panel.header.text() == "TRAINING — emulated customer phone"
    assert panel.empty.isVisible()
    assert panel.phone_number() == DEFAULT_TEST_PHONE
    assert parse_mobile(DEFAULT_TEST_PHONE).operator.value == "CM_OM"


async def test_orange_push_shows_the_otp_sms_then_approve_pays(
    qtbot, panel: TrainingPhonePanel, gateway: MyCoolPayGateway, state: MyCoolPayState
) -> None:  # type: ignore[no-untyped-def]
    push = await gateway.push_payment("sale-1", Money(15000, "XAF"), ORANGE, "Recharge")
    assert await panel.refresh()
    code = state.transaction(push.provider_ref).otp
    assert code
    assert [(m.ref, m.code, m.phone) for m in panel.sms()] == [(push.provider_ref, code, "699009900")]
    assert code in card_text(panel, push.provider_ref)  # the code is on the push card, to read out
    assert "15,000" in card_text(panel, push.provider_ref)
    assert not button(panel, push.provider_ref, "approveButton").isEnabled()  # not before the code

    await gateway.submit_otp(push.provider_ref, code)
    await panel.refresh()
    approve = button(panel, push.provider_ref, "approveButton")
    assert approve.isEnabled()
    assert await click_and_wait(qtbot, panel, approve) == ("mycoolpay", push.provider_ref, "approve")
    assert state.transaction(push.provider_ref).status == "SUCCESS"
    assert panel.card(push.provider_ref) is None
    assert [p.ref for p in panel.pushes()] == []


async def test_declining_a_push_fails_the_payment(
    qtbot, panel: TrainingPhonePanel, gateway: MyCoolPayGateway, state: MyCoolPayState
) -> None:  # type: ignore[no-untyped-def]
    push = await gateway.push_payment("sale-2", Money(700, "XAF"), MTN, "Pain")
    await panel.refresh()
    assert "MTN MoMo" in card_text(panel, push.provider_ref)
    assert button(panel, push.provider_ref, "approveButton").isEnabled()  # MTN asks no code
    await click_and_wait(qtbot, panel, button(panel, push.provider_ref, "declineButton"))
    assert state.transaction(push.provider_ref).status == "FAILED"
    report = await gateway.status(push.provider_ref)
    assert report.status.value == "failed"


async def test_paying_a_link_uses_the_phone_number_field(
    qtbot, http: httpx.AsyncClient, gateway: MyCoolPayGateway, state: MyCoolPayState
) -> None:  # type: ignore[no-untyped-def]
    panel = TrainingPhonePanel([MyCoolPayCustomerPhone(http, BASE)], "fr_CM", poll_ms=0)
    qtbot.addWidget(panel)
    panel.show()
    link = await gateway.create_payment_link("sale-3", Money(2500, "XAF"), "Riz")
    await panel.refresh()
    assert [(item.ref, item.checkout_url) for item in panel.links()] == [(link.provider_ref, link.url)]
    assert "2\u202f500\u00a0FCFA" in card_text(panel, link.provider_ref)  # French amounts in fr_CM
    panel.phone_edit.setText("6 77 00 99 00")
    await click_and_wait(qtbot, panel, button(panel, link.provider_ref, "payButton"))
    paid = state.transaction(link.provider_ref)
    assert (paid.status, paid.phone, paid.operator) == ("SUCCESS", "677009900", "CM_MOMO")
    assert panel.links() == ()


async def test_declining_a_link_cancels_it(
    qtbot, panel: TrainingPhonePanel, gateway: MyCoolPayGateway, state: MyCoolPayState
) -> None:  # type: ignore[no-untyped-def]
    link = await gateway.create_payment_link("sale-4", Money(1000, "XAF"), "")
    await panel.refresh()
    verb = await click_and_wait(qtbot, panel, button(panel, link.provider_ref, "declineButton"))
    assert verb == ("mycoolpay", link.provider_ref, "decline_link")
    assert state.transaction(link.provider_ref).status == "CANCELED"


async def test_walking_away_hides_the_link_and_leaves_it_open(
    qtbot, panel: TrainingPhonePanel, gateway: MyCoolPayGateway, state: MyCoolPayState
) -> None:  # type: ignore[no-untyped-def]
    link = await gateway.create_payment_link("sale-5", Money(1000, "XAF"), "")
    await panel.refresh()
    with qtbot.assertNotEmitted(panel.customer_acted):
        qtbot.mouseClick(button(panel, link.provider_ref, "walkAwayButton"), Qt.MouseButton.LeftButton)
    assert panel.card(link.provider_ref) is None
    await panel.refresh()
    assert panel.card(link.provider_ref) is None  # stays hidden: this customer has left
    assert state.transaction(link.provider_ref).status == "CREATED"  # the provider lets it expire


async def test_a_refused_action_is_said_on_the_phone(
    qtbot, panel: TrainingPhonePanel, gateway: MyCoolPayGateway, state: MyCoolPayState
) -> None:  # type: ignore[no-untyped-def]
    link = await gateway.create_payment_link("sale-6", Money(1000, "XAF"), "")
    await panel.refresh()
    state.cancel_checkout(link.provider_ref)  # meanwhile, the link was closed at the provider
    refreshed = SignalWaiter(panel.refreshed)
    with qtbot.assertNotEmitted(panel.customer_acted):
        qtbot.mouseClick(button(panel, link.provider_ref, "payButton"), Qt.MouseButton.LeftButton)
        await refreshed.wait()
        await panel.wait_idle()
    assert panel.status_line.isVisible()
    assert panel.status_line.text() == "This payment is no longer open"
    assert panel.card(link.provider_ref) is None


async def test_an_unreachable_sandbox_is_said_not_raised(qtbot) -> None:  # type: ignore[no-untyped-def]
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as client:
        panel = TrainingPhonePanel([MyCoolPayCustomerPhone(client, BASE)], "en_CM", poll_ms=0)
        qtbot.addWidget(panel)
        panel.show()
        assert not await panel.refresh()
    assert panel.status_line.isVisible()
    assert "My-CoolPay" in panel.status_line.text()


def test_polls_the_sandbox_while_visible_under_qasync(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """As in the app: a qasync loop drives Qt; the panel's timer polls without anyone calling refresh()."""
    state = MyCoolPayState(default_script=Script.manual(), seed=5)
    loop = qasync.QEventLoop(qapp, already_running=False)

    async def scenario() -> tuple[list[str], bool]:
        transport = httpx.ASGITransport(SandboxServer(mycoolpay=state).app)
        async with httpx.AsyncClient(transport=transport) as client:
            panel = TrainingPhonePanel([MyCoolPayCustomerPhone(client, BASE)], "en_CM", poll_ms=30)
            qtbot.addWidget(panel)
            panel.show()
            created = state.create_paylink({"transaction_amount": 500, "transaction_currency": "XAF"}, BASE)
            while not panel.links():  # bounded by run_until_complete's timeout below
                await SignalWaiter(panel.refreshed).wait()
            panel.hide()
            polling_after_hide = panel.poll_timer.isActive()
            await panel.wait_idle()
            assert [link.ref for link in panel.links()] == [created["transaction_ref"]]
            return [link.ref for link in panel.links()], polling_after_hide

    try:
        refs, polling_after_hide = loop.run_until_complete(asyncio.wait_for(scenario(), 10))
    finally:
        loop.close()
        asyncio.set_event_loop(None)
    assert len(refs) == 1
    assert not polling_after_hide
