"""The payment services over one card provider's in-process emulator (CoolPay, Paiwise, Commerce Layer).

The emulator is served through ``httpx.ASGITransport`` on the virtual time of ``conftest.VirtualTime``
(sandbox, journal and tracker share it); the customer pays on the checkout page as a browser would
(an urlencoded form POST to the payment link).
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx

from posapp.config import Settings
from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.gateways.base import Gateway, RetryPolicy
from posapp.gateways.registry import build_gateway
from posapp.journal.store import Journal
from posapp.sandbox import commercelayer, coolpay, paiwise
from posapp.sandbox.customer import Fault, FaultRule, Script
from posapp.services.events import EventBus
from posapp.services.payments import PaymentServices

from .conftest import CountingTransport, Recorder, VirtualTime

CARD_PROVIDERS = ("coolpay", "paiwise", "commercelayer")
CURRENCY = {"coolpay": "DKK", "paiwise": "SEK", "commercelayer": "EUR"}
BASE_URL = "http://card.test"
# The endpoint name each emulator gives its capture and refund requests (for fault rules).
CAPTURE_ENDPOINTS = {"coolpay": "capture", "paiwise": "capture", "commercelayer": "PATCH authorizations"}
REFUND_ENDPOINTS = {"coolpay": "refund", "paiwise": "refund", "commercelayer": "PATCH captures"}


class CardHarness:
    """One card emulator, its gateway (no auto-capture: payments stop at AUTHORIZED) and the services."""

    def __init__(self, tmp_path: Path, provider: str) -> None:
        self.provider = provider
        self.currency = CURRENCY[provider]
        self.time = VirtualTime()
        state_args: dict[str, Any] = {
            "clock": self.time,
            "seed": 11,
            "default_script": Script.manual(),
            "sleep": self.time.sleep,
        }
        if provider == "coolpay":
            self.state: Any = coolpay.CoolPayState(**state_args)
            app = coolpay.create_app(self.state)
            credentials = {"api_key": self.state.api_key, "private_key": self.state.private_key}
        elif provider == "paiwise":
            self.state = paiwise.PaiwiseState(**state_args)
            app = paiwise.create_app(self.state)
            credentials = {"api_key": self.state.api_key}
        else:
            self.state = commercelayer.CommerceLayerState(**state_args)
            app = commercelayer.create_app(self.state)
            credentials = {"client_id": self.state.client_id, "client_secret": self.state.client_secret}
        self.transport = CountingTransport(httpx.ASGITransport(app=app))
        self.http = httpx.AsyncClient(transport=self.transport, base_url=BASE_URL)
        options: dict[str, Any] = {
            "retry": RetryPolicy(retries=1, base_delay=0.5),
            "sleep": self.time.sleep,
            "rng": random.Random(0),
            "clock": self.time.now,
        }
        if provider == "paiwise":
            options["auto_capture"] = False
        self.gateway: Gateway = build_gateway(provider, self.http, BASE_URL, credentials, **options)
        self.journal = Journal(tmp_path / "journal.sqlite3", clock=self.time.utc)
        self.bus = EventBus()
        self.events = Recorder(self.bus)
        self.services = PaymentServices(
            self.journal,
            self.gateway,
            Settings(currency=self.currency),
            self.bus,
            clock=self.time.utc,
            sleep=self.time.sleep,
            rng=random.Random(1),
            offload_journal=False,
        )

    def money(self, minor: int) -> Money:
        return Money(minor, self.currency)

    def fault(self, fault: Fault, endpoint: str, *, commit: bool | None = None) -> None:
        self.state.faults.add(FaultRule(fault, endpoint=endpoint, commit=commit))

    async def customer_acts(self, url: str, action: str = "pay") -> httpx.Response:
        """The customer presses Pay (or Decline / Cancel) on the checkout page."""
        return await self.http.post(
            url, content=f"action={action}", headers={"Content-Type": "application/x-www-form-urlencoded"}
        )

    async def authorized_payment(self, minor: int = 5000) -> str:
        """A link payment the customer paid on the page, read by the tracker as AUTHORIZED: its app_ref."""
        link = await self.services.checkout.start_link_payment(self.money(minor), "Card sale", cashier="ama")
        answer = await self.customer_acts(link.url)
        assert answer.status_code == 200, answer.text
        await self.time.advance(4)
        tx = self.journal.get(link.transaction.app_ref)
        assert tx is not None and tx.status is Status.AUTHORIZED, tx
        return tx.app_ref

    def sent(self, operation: str) -> int:
        """How many ``capture`` / ``refund`` requests reached the emulator."""
        count = 0
        for r in self.transport.requests:
            if self.provider == "commercelayer":
                count += r.method == "PATCH" and f'"_{operation}"'.encode() in r.content
            else:
                count += r.method == "POST" and r.url.path.endswith(f"/{operation}")
        return count

    def events_of(self, app_ref: str) -> list[str]:
        return [e.type for e in self.journal.timeline(app_ref)]

    async def aclose(self) -> None:
        await self.services.aclose()
        self.journal.close()
        await self.http.aclose()


@contextlib.asynccontextmanager
async def open_card(tmp_path: Path, provider: str) -> AsyncIterator[CardHarness]:
    """A started ``CardHarness`` of ``provider``, closed on exit (the test files' ``card`` fixtures use it)."""
    h = CardHarness(tmp_path, provider)
    await h.services.start()
    try:
        yield h
    finally:
        await h.aclose()
