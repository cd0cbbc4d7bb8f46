"""Training mode: the emulated card customers of CoolPay, Paiwise and Commerce Layer on the training phone.

Each adapter maps one card emulator's control API (``<provider base>/_sandbox/``) onto what the
``TrainingPhonePanel`` shows: the open checkout pages (the QR code at the till, scanned) with Pay and
Decline. A card customer gets no SMS and no push: only ``links`` are ever filled. Paying goes through
the control API (the emulated customer enters the card on the page and passes 3-D Secure); the page
itself stays reachable through the card's "Open the checkout page" link.
"""

from __future__ import annotations

from typing import Any

import httpx

from posapp.config import PROVIDER_LABELS
from posapp.core.money import Money, MoneyError
from posapp.ui.screens.training_phone import PhoneLink, PhoneSnapshot, SandboxRefused


def _minor_money(minor: Any, currency: Any) -> Money | None:
    try:
        return Money(int(minor), str(currency))
    except (MoneyError, ValueError, TypeError):
        return None


class _CardControl:
    """The HTTP plumbing shared by the card emulators' control APIs."""

    provider = ""
    label = ""

    def __init__(self, http: httpx.AsyncClient, base_url: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")

    def _control(self, path: str) -> str:
        return f"{self.base_url}/_sandbox/{path}"

    async def _get(self, path: str) -> Any:
        return self._answer(await self.http.get(self._control(path)))

    async def _post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self._answer(await self.http.post(self._control(path), json=body or {}))

    @staticmethod
    def _answer(response: httpx.Response) -> Any:
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.is_error:
            error = data.get("error") if isinstance(data, dict) else None
            if isinstance(error, dict):  # Paiwise's {"error": {"code", "message"}}
                error = error.get("message")
            raise SandboxRefused(str(error or f"HTTP {response.status_code}"))
        return data

    async def snapshot(self) -> PhoneSnapshot:
        raise NotImplementedError

    async def pay_link(self, ref: str, phone: str) -> None:
        raise NotImplementedError

    async def decline_link(self, ref: str) -> None:
        raise NotImplementedError

    # A card customer is never pushed a payment: nothing to approve or decline on the phone itself.
    async def approve_push(self, ref: str) -> None:
        raise SandboxRefused(f"{self.label} sends no payment requests to phones")

    async def decline_push(self, ref: str) -> None:
        raise SandboxRefused(f"{self.label} sends no payment requests to phones")


class CoolPayCustomerPhone(_CardControl):
    """CoolPay: ``GET _sandbox/state`` (payments in state ``initial`` with a link), ``POST payments/{id}/pay``."""

    provider = "coolpay"
    label = PROVIDER_LABELS.get("coolpay", "CoolPay")

    async def snapshot(self) -> PhoneSnapshot:
        state = await self._get("state")
        links: list[PhoneLink] = []
        for payment in reversed(state.get("payments", [])):  # newest first
            link = payment.get("link")
            if payment.get("state") != "initial" or not isinstance(link, dict) or not link.get("url"):
                continue
            variables = payment.get("variables")
            app_ref = variables.get("app_ref") if isinstance(variables, dict) else None
            links.append(
                PhoneLink(
                    self.provider,
                    str(payment["id"]),
                    app_ref or payment.get("order_id"),
                    _minor_money(link.get("amount"), payment.get("currency")),
                    payment.get("text_on_statement") or "",
                    str(link["url"]),
                )
            )
        return PhoneSnapshot(links=tuple(links))

    async def pay_link(self, ref: str, phone: str) -> None:
        await self._post(f"payments/{ref}/pay")

    async def decline_link(self, ref: str) -> None:
        await self._post(f"payments/{ref}/decline")


class PaiwiseCustomerPhone(_CardControl):
    """Paiwise: ``GET _sandbox/state`` (checkouts ``created``), ``POST checkouts/{id}/pay|decline``."""

    provider = "paiwise"
    label = PROVIDER_LABELS.get("paiwise", "Paiwise")

    async def snapshot(self) -> PhoneSnapshot:
        state = await self._get("state")
        links = tuple(
            PhoneLink(
                self.provider,
                str(checkout["checkout_id"]),
                checkout.get("identifier"),
                _minor_money(checkout.get("amount"), checkout.get("currency")),
                checkout.get("message") or "",
                str(checkout.get("url") or ""),
            )
            for checkout in reversed(state.get("checkouts", []))
            if checkout.get("status") == "created"
        )
        return PhoneSnapshot(links=links)

    async def pay_link(self, ref: str, phone: str) -> None:
        await self._post(f"checkouts/{ref}/pay")

    async def decline_link(self, ref: str) -> None:
        await self._post(f"checkouts/{ref}/decline")


class CommerceLayerCustomerPhone(_CardControl):
    """Commerce Layer: ``GET _sandbox/state`` (3-D Secure sessions still ``Pending``), ``POST payments/{id}/approve``.

    The link's ``ref`` is the order's id (the console's provider reference); the 3-D Secure session it
    stands for (the checkout.com payment) is looked up from the last snapshot.
    """

    provider = "commercelayer"
    label = PROVIDER_LABELS.get("commercelayer", "Commerce Layer")

    def __init__(self, http: httpx.AsyncClient, base_url: str) -> None:
        super().__init__(http, base_url)
        self._sessions: dict[str, str] = {}  # order id -> checkout.com payment id

    async def snapshot(self) -> PhoneSnapshot:
        state = await self._get("state")
        orders = {order["id"]: order for order in state.get("orders", []) if isinstance(order, dict)}
        links: list[PhoneLink] = []
        for payment in reversed(state.get("payments", [])):
            attributes = payment.get("attributes") or {}
            response = attributes.get("payment_response") or {}
            if response.get("status") != "Pending":
                continue
            order_ref = ((payment.get("relationships") or {}).get("order") or {}).get("data") or {}
            order_id = str(order_ref.get("id") or "")
            order_attributes = orders.get(order_id, {}).get("attributes") or {}
            self._sessions[order_id] = str(payment["id"])
            links.append(
                PhoneLink(
                    self.provider,
                    order_id,
                    order_attributes.get("reference"),
                    _minor_money(order_attributes.get("total_amount_cents"), order_attributes.get("currency_code")),
                    "",
                    str(attributes.get("redirect_uri") or ""),
                )
            )
        return PhoneSnapshot(links=tuple(links))

    def _session(self, order_id: str) -> str:
        session = self._sessions.get(order_id)
        if session is None:
            raise SandboxRefused("this checkout is no longer open")
        return session

    async def pay_link(self, ref: str, phone: str) -> None:
        await self._post(f"payments/{self._session(ref)}/approve")

    async def decline_link(self, ref: str) -> None:
        await self._post(f"payments/{self._session(ref)}/decline")


CARD_PHONES: dict[str, type[_CardControl]] = {
    "coolpay": CoolPayCustomerPhone,
    "paiwise": PaiwiseCustomerPhone,
    "commercelayer": CommerceLayerCustomerPhone,
}


def card_customer_phone(provider: str, http: httpx.AsyncClient, base_url: str) -> _CardControl | None:
    """The emulated card customer of ``provider`` (None for a provider that is not a card emulator)."""
    adapter = CARD_PHONES.get(provider)
    return adapter(http, base_url) if adapter is not None else None


__all__ = [
    "CARD_PHONES",
    "CommerceLayerCustomerPhone",
    "CoolPayCustomerPhone",
    "PaiwiseCustomerPhone",
    "card_customer_phone",
]
