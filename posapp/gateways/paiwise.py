"""Paiwise / Neuro-Pay checkout over an injected httpx client.

Every call is ``POST {base_url}/checkout/<verb>`` with ``Authorization: Bearer <api key>`` and a JSON
body: ``create``, ``retrieve``, ``capture``, ``refund``, ``update``, ``create-customer``,
``retrieve-customer``, ``delete-customer``.

The response objects (the public documents only show screenshots; this project defines them, and the
emulator ``posapp.sandbox.paiwise`` serves exactly this):

checkout object, returned "in its new state" by every checkout call::

    checkout_id      str   the provider's reference (our provider_ref)
    identifier       str   our app_ref (or the checkout_id when none was sent)
    url              str   the checkout page the customer pays on (the QR code)
    status           str   created | reserved | reserve released | paid | refunded | partialRefund |
                           revoked | failed | canceled
    amount           int   minor units ("smallest nominee": 3000 = 30.00 SEK)
    currency         str   ISO 4217
    message          str   shown to the customer
    capture          bool  false: the payment is only reserved until /checkout/capture
    amount_captured  int   minor units captured (0 while created / reserved)
    amount_refunded  int   minor units refunded so far
    refunds          list  [{amount, reason, refundDetails, created_at}]
    metaData         list  the documents' key/value pair array ``[{"key", "value"}]`` (an object is
                           read too)
    returnUrl, returnUrlCancel, allowSaveCard, customer_id, card_id, created_at, updated_at (UTC ISO 8601)

customer object: ``{customer_id, first_name, last_name, email, metaData, client_page, cards, deleted,
created_at, updated_at}``; error: ``{"error": {"code", "message"}}`` with a 4xx status.

Status mapping: created → ``PENDING``; reserved → ``AUTHORIZED``; paid → ``SUCCEEDED``; partialRefund →
``PARTIALLY_REFUNDED``; refunded → ``REFUNDED``; reserve released and canceled → ``CANCELED``; failed →
``FAILED``; revoked (nobody paid in time) → ``EXPIRED``. A status that contradicts the amounts
(``paid`` with nothing captured, ``refunded`` with money left...) is malformed.

What each failure means: ``retrieve`` and ``retrieve-customer`` are reads (retried; a broken answer is
``UnreadableAnswer``); ``capture`` and ``refund`` move money (sent once; a broken answer or 5xx is
``OutcomeUnknown`` with the checkout id); ``create``, ``update`` and the customer writes move no money
(sent once; a broken answer is ``Unavailable``: nobody received a URL to pay). 4xx: 401/403 →
``Unauthorized``, 404 → ``NotFound``, other 4xx (validation, wrong status, duplicate identifier,
amount above what is refundable) → ``InvalidRequest``, 429 → ``Unavailable``.

Capture takes no amount in this API: ``capture(ref, amount)`` with an amount other than the whole
reservation is refused before sending. A refund of a ``reserved`` checkout releases the reservation
(that is ``cancel``). ``refund`` sends ``reason`` (one of ``REFUND_REASONS``; default
``requested_by_customer``) and our ``app_ref`` in ``refundDetails``.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.gateways.base import (
    JSON,
    Capability,
    Customer,
    GatewayBase,
    InvalidRequest,
    OutcomeUnknown,
    PaymentLink,
    RetryPolicy,
    StatusReport,
    Unavailable,
    UnreadableAnswer,
)
from posapp.gateways.http import (
    DEFAULT_TIMEOUT,
    Malformed,
    ProviderHttp,
    Sleep,
    get_minor,
    get_optional_string,
    get_string,
    money_of,
)

NAME = "paiwise"
REFUND_REASONS = ("duplicate", "requested_by_customer", "fraudolent")  # the documented spelling
STATUS_MAP: dict[str, Status] = {
    "created": Status.PENDING,
    "reserved": Status.AUTHORIZED,
    "paid": Status.SUCCEEDED,
    "partialRefund": Status.PARTIALLY_REFUNDED,
    "refunded": Status.REFUNDED,
    "reserve released": Status.CANCELED,
    "canceled": Status.CANCELED,
    "failed": Status.FAILED,
    "revoked": Status.EXPIRED,
}


@dataclass(frozen=True, slots=True)
class PaiwiseCustomer:
    """A saved customer; ``client_page`` is where they manage their cards."""

    customer_id: str
    email: str
    first_name: str = ""
    last_name: str = ""
    client_page: str = ""
    metadata: JSON = None
    raw: JSON = None


class PaiwiseGateway(GatewayBase):
    """Async client of the Paiwise checkout API.

    ``auto_capture`` is the checkout's ``capture`` flag (default ``True``, the API's default); with
    ``False`` a paid checkout reads ``AUTHORIZED`` until ``capture``. ``return_url`` /
    ``return_url_cancel`` are where the customer's browser goes after the checkout (the API requires
    them; a counter console has no page of its own, so they default to the checkout's own host).
    """

    name = NAME
    capabilities = Capability.PAYMENT_LINK | Capability.CAPTURE | Capability.REFUND | Capability.CANCEL

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        api_key: str,
        *,
        auto_capture: bool = True,
        return_url: str | None = None,
        return_url_cancel: str | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not api_key:
            raise ValueError("Paiwise needs an API key")
        self._base = base_url.rstrip("/")
        self._api_key = api_key
        self.auto_capture = auto_capture
        self.return_url = return_url or f"{self._base}/done"
        self.return_url_cancel = return_url_cancel or f"{self._base}/canceled"
        self._http = ProviderHttp(
            http, NAME, lambda: self.secrets, timeout=timeout, retry=retry, sleep=sleep, rng=rng, clock=clock
        )

    @property
    def secrets(self) -> tuple[str, ...]:
        return (self._api_key,)

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self._api_key}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }

    # ----------------------------------------------------------------------------------- checkouts

    async def create_payment_link(
        self, app_ref: str, amount: Money, reason: str, customer: Customer | None = None, lang: str = "fr"
    ) -> PaymentLink:
        if amount.minor <= 0:
            raise InvalidRequest("a checkout needs a positive amount", provider=NAME)
        fields: dict[str, Any] = {
            "identifier": app_ref,
            "amount": amount.minor,
            "currency": amount.currency,
            "message": reason or app_ref,
            "capture": self.auto_capture,
            "allowSaveCard": False,
            "returnUrl": self.return_url,
            "returnUrlCancel": self.return_url_cancel,
            "metaData": metadata_pairs({"app_ref": app_ref}),
        }
        body = await self._write("create", fields)
        try:
            report = self._report(body, None)
            url = get_string(body, "url")
            if body.get("identifier") != app_ref:
                raise Malformed("the checkout is not the one asked (identifier)")
        except Malformed as exc:
            raise Unavailable(f"create: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(body)) from None
        return PaymentLink(url=url, provider_ref=report.provider_ref, raw=report.raw)

    async def status(self, provider_ref: str) -> StatusReport:
        body = await self._read("retrieve", {"checkout_id": self._ref(provider_ref)})
        try:
            return self._report(body, provider_ref)
        except Malformed as exc:
            raise UnreadableAnswer(
                f"retrieve: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(body)
            ) from None

    async def capture(self, provider_ref: str, amount: Money | None = None) -> StatusReport:
        if amount is not None:
            current = await self.status(provider_ref)
            if current.amount is None or amount != current.amount:
                raise InvalidRequest(
                    "Paiwise captures the whole reservation; a partial capture is not possible", provider=NAME
                )
        return await self._money_moving("capture", {"checkout_id": self._ref(provider_ref)}, provider_ref)

    async def refund(
        self, provider_ref: str, amount: Money, app_ref: str, *, reason: str = "requested_by_customer"
    ) -> StatusReport:
        if reason not in REFUND_REASONS:
            raise InvalidRequest(f"refund reason must be one of {', '.join(REFUND_REASONS)}", provider=NAME)
        if amount.minor <= 0:
            raise InvalidRequest("a refund needs a positive amount", provider=NAME)
        fields = {
            "checkout_id": self._ref(provider_ref),
            "amount": amount.minor,
            "reason": reason,
            "refundDetails": f"app_ref {app_ref}",
        }
        return await self._money_moving("refund", fields, provider_ref)

    async def cancel(self, provider_ref: str) -> StatusReport:
        """Release a reservation (the refund endpoint on a ``reserved`` checkout, without an amount)."""
        return await self._money_moving("refund", {"checkout_id": self._ref(provider_ref)}, provider_ref)

    async def update_metadata(self, provider_ref: str, metadata: Mapping[str, str]) -> StatusReport:
        """Merge ``metadata`` into the checkout's ``metaData`` (an empty value deletes its key); the update
        call takes the key-value object the documents describe for it."""
        body = await self._write("update", {"checkout_id": self._ref(provider_ref), "metaData": dict(metadata)})
        try:
            return self._report(body, provider_ref)
        except Malformed as exc:
            raise Unavailable(f"update: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(body)) from None

    # ----------------------------------------------------------------------------------- customers

    async def create_customer(
        self, email: str, first_name: str = "", last_name: str = "", metadata: Mapping[str, str] | None = None
    ) -> PaiwiseCustomer:
        fields = {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "metaData": metadata_pairs(metadata or {}),
        }
        return self._customer(await self._write("create-customer", fields), None, Unavailable)

    async def retrieve_customer(self, customer_id: str) -> PaiwiseCustomer:
        body = await self._read("retrieve-customer", {"customer_id": self._ref(customer_id)})
        return self._customer(body, customer_id, UnreadableAnswer)

    async def delete_customer(self, customer_id: str) -> PaiwiseCustomer:
        body = await self._write("delete-customer", {"customer_id": self._ref(customer_id)})
        return self._customer(body, customer_id, Unavailable)

    # ----------------------------------------------------------------------------------- sending

    @staticmethod
    def _ref(ref: str) -> str:
        if not ref or not isinstance(ref, str):
            raise InvalidRequest(f"not a Paiwise reference: {ref!r}", provider=NAME)
        return ref

    def _url(self, verb: str) -> str:
        return f"{self._base}/checkout/{verb}"

    async def _read(self, verb: str, fields: Mapping[str, Any]) -> Any:
        response, body = await self._http.read(
            "POST", self._url(verb), verb, headers=self._headers(), content=json.dumps(fields).encode()
        )
        if response.status_code >= 400:
            raise self._http.error_for(response, body, verb, _message(body), money_moving=False)
        if not 200 <= response.status_code < 300:
            raise UnreadableAnswer(
                f"{verb}: unexpected HTTP {response.status_code}",
                provider=NAME,
                http_status=response.status_code,
                raw=self._http.redact(body),
            )
        return body

    async def _write(self, verb: str, fields: Mapping[str, Any]) -> Any:
        """A POST that moves no money, sent once: any failure is ``Unavailable``."""
        try:
            response, body = await self._http.send_once(
                "POST", self._url(verb), verb, headers=self._headers(), content=json.dumps(fields).encode()
            )
        except OutcomeUnknown as exc:
            raise Unavailable(exc.message, provider=NAME) from None
        if response.status_code >= 400:
            raise self._http.error_for(response, body, verb, _message(body), money_moving=False)
        if not 200 <= response.status_code < 300:
            raise Unavailable(
                f"{verb}: unexpected HTTP {response.status_code}",
                provider=NAME,
                http_status=response.status_code,
                raw=self._http.redact(body),
            )
        return body

    async def _money_moving(self, verb: str, fields: Mapping[str, Any], provider_ref: str) -> StatusReport:
        what = f"{verb} {provider_ref}"
        response, body = await self._http.send_once(
            "POST",
            self._url(verb),
            what,
            headers=self._headers(),
            content=json.dumps(fields).encode(),
            provider_ref=provider_ref,
        )
        return self._http.moved(
            response, body, what, _message(body), provider_ref, (200, 201), lambda: self._report(body, provider_ref)
        )

    # ----------------------------------------------------------------------------------- reading answers

    def _report(self, body: Any, asked_ref: str | None) -> StatusReport:
        if not isinstance(body, dict):
            raise Malformed("the answer is not a checkout object")
        ref = get_string(body, "checkout_id")
        if asked_ref is not None and ref != asked_ref:
            raise Malformed("answer is about another checkout")
        provider_status = get_string(body, "status")
        status = STATUS_MAP.get(provider_status)
        if status is None:
            raise Malformed(f"unknown status {provider_status!r}")
        currency = get_string(body, "currency")
        amount_minor = get_minor(body, "amount")
        assert amount_minor is not None
        if amount_minor == 0:
            raise Malformed("amount is zero")
        captured = get_minor(body, "amount_captured") or 0
        refunded = get_minor(body, "amount_refunded") or 0
        if captured > amount_minor or refunded > captured:
            raise Malformed("amounts do not add up")
        consistent = {
            Status.SUCCEEDED: captured > 0 and refunded == 0,
            Status.PARTIALLY_REFUNDED: 0 < refunded < captured,
            Status.REFUNDED: 0 < refunded == captured,
            Status.AUTHORIZED: captured == 0,
            Status.PENDING: captured == 0,
        }.get(status, True)
        if not consistent:
            raise Malformed(f"status {provider_status!r} contradicts the amounts")
        app_ref = metadata_of(body.get("metaData")).get("app_ref")
        if not isinstance(app_ref, str) or not app_ref:
            app_ref = get_optional_string(body, "identifier")
        return StatusReport(
            status=status,
            provider_status=provider_status,
            provider_ref=ref,
            message=self._http.text(get_optional_string(body, "message") or ""),
            raw=self._http.redact(body),
            amount=money_of(amount_minor, currency),
            app_ref=app_ref,
            captured=money_of(captured, currency),
            refunded=money_of(refunded, currency),
        )

    def _customer(self, body: Any, asked: str | None, error: type[Unavailable]) -> PaiwiseCustomer:
        try:
            if not isinstance(body, dict):
                raise Malformed("the answer is not a customer object")
            customer_id = get_string(body, "customer_id")
            if asked is not None and customer_id != asked:
                raise Malformed("answer is about another customer")
            return PaiwiseCustomer(
                customer_id=customer_id,
                email=get_optional_string(body, "email") or "",
                first_name=get_optional_string(body, "first_name") or "",
                last_name=get_optional_string(body, "last_name") or "",
                client_page=get_optional_string(body, "client_page") or "",
                metadata=self._http.redact(metadata_of(body.get("metaData"))),
                raw=self._http.redact(body),
            )
        except Malformed as exc:
            raise error(f"customer: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(body)) from None


def metadata_pairs(metadata: Mapping[str, str]) -> list[dict[str, str]]:
    """``metaData`` as the documents give it for create: the key/value pair array."""
    return [{"key": key, "value": value} for key, value in metadata.items()]


def metadata_of(value: Any) -> dict[str, Any]:
    """The key/value pairs of a ``metaData`` answer (the pair array, or an object); nothing for any other
    shape: metaData only ever adds a hint (``app_ref``), it never decides a status."""
    if isinstance(value, dict):
        return {str(key): item for key, item in value.items()}
    if isinstance(value, list):
        return {str(pair["key"]): pair.get("value") for pair in value if isinstance(pair, dict) and "key" in pair}
    return {}


def _message(body: Any) -> str:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return str(error["message"])
        if isinstance(body.get("message"), str):
            return str(body["message"])
    return ""


__all__ = ["REFUND_REASONS", "PaiwiseCustomer", "PaiwiseGateway"]
