"""Commerce Layer with checkout.com card payments (JSON:API) over an injected httpx client.

Authentication: OAuth2 client credentials, ``POST {base}/oauth/token`` → ``{access_token, expires_in}``.
The token is cached until 60 s before it expires and fetched again once when the API answers 401 (the
refused request is then sent again once: a 401 means it was not executed). Every ``/api`` request sends
``Accept`` and (with a body) ``Content-Type: application/vnd.api+json``.

A sale (``create_payment_link``): ``POST /api/orders`` (``reference`` = our ``app_ref``), ``POST
/api/line_items`` (one custom line of the amount), ``POST /api/checkout_com_payments`` for the order; its
``redirect_uri`` (the 3-D Secure page) is the link shown as the QR code and the **order id** is the
``provider_ref``. A real integration tokenizes the card with checkout.com Frames before that call; a
counter console has no card, so the gateway sends ``card_token`` (default ``"pos_qr"``) and the card is
entered on the hosted page.

Status (``GET /api/orders/{id}?include=authorizations,captures,refunds``) follows the order's
``payment_status``: unpaid → ``PENDING`` (``FAILED`` once an authorization failed and none succeeded;
``CANCELED`` when the order is cancelled); authorized / partially_authorized → ``AUTHORIZED``; paid and
partially_paid → ``SUCCEEDED``; partially_refunded → ``PARTIALLY_REFUNDED``; refunded → ``REFUNDED``;
voided → ``CANCELED``. Amounts come from the succeeded transactions (``captured``, ``refunded``); a
``payment_status`` that contradicts them, an unknown one, or a document that is not the order asked is
malformed: ``UnreadableAnswer`` for reads, ``OutcomeUnknown`` (with the order id) after a trigger.

Capture and refund use the documented order triggers: ``PATCH /api/orders/{id}`` with ``_capture`` /
``_refund`` / ``_cancel`` for the whole amount; a part goes through the transaction's own trigger
(``PATCH /api/authorizations/{id}`` ``_capture`` + ``_capture_amount_cents``, ``PATCH /api/captures/{id}``
``_refund`` + ``_refund_amount_cents``) and the order is read again for the report (if that read fails
the outcome is reported as ``OutcomeUnknown`` with the order id: the tracker resolves it).

JSON:API errors ``{"errors": [{title, detail, code, status, source}]}``: 401/403 → ``Unauthorized``
(after the one refresh), 404 → ``NotFound``, 406/409/415/422 and other 4xx → ``InvalidRequest`` (the
first error's ``detail``), 429 → ``Unavailable`` with ``retry_after``, 5xx → ``OutcomeUnknown`` for
triggers and ``Unavailable`` otherwise.

Webhooks: ``verify_callback`` checks ``X-CommerceLayer-Signature`` = base64(HMAC-SHA256(raw body,
``webhook_secret``)) in constant time; without a ``webhook_secret`` callbacks are not supported.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import random
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from posapp.core.money import Money
from posapp.core.transactions import Status
from posapp.gateways.base import (
    CallbackHint,
    CallbackRejected,
    Capability,
    Customer,
    GatewayBase,
    GatewayError,
    InvalidRequest,
    OutcomeUnknown,
    PaymentLink,
    RetryPolicy,
    StatusReport,
    Unauthorized,
    Unavailable,
    UnreadableAnswer,
)
from posapp.gateways.http import (
    DEFAULT_TIMEOUT,
    Malformed,
    ProviderHttp,
    Sleep,
    get_minor,
    get_object,
    get_optional_string,
    get_string,
    money_of,
)

NAME = "commercelayer"
MEDIA_TYPE = "application/vnd.api+json"
INCLUDE = "authorizations,captures,refunds"
TOKEN_MARGIN = 60.0
PAYMENT_STATUSES = frozenset(
    {
        "unpaid",
        "authorized",
        "partially_authorized",
        "paid",
        "partially_paid",
        "voided",
        "partially_voided",
        "refunded",
        "partially_refunded",
        "free",
    }
)


def webhook_signature(body: bytes, secret: str) -> str:
    """``base64(hmac_sha256(body, secret))``, the ``X-CommerceLayer-Signature`` of a webhook."""
    return base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()).decode()


class CommerceLayerGateway(GatewayBase):
    """Async client of a Commerce Layer organization paying orders through checkout.com.

    ``clock`` is also the clock of the token cache (seconds, ``time.time`` by default).
    """

    name = NAME
    capabilities = Capability.PAYMENT_LINK | Capability.CAPTURE | Capability.REFUND | Capability.CANCEL

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        webhook_secret: str | None = None,
        card_token: str = "pos_qr",
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not client_id or not client_secret:
            raise ValueError("Commerce Layer needs a client id and a client secret")
        self._base = base_url.rstrip("/")
        self._client_id = client_id
        self._client_secret = client_secret
        self._webhook_secret = webhook_secret or ""
        self.card_token = card_token
        self._clock = clock
        self._token: str | None = None
        self._token_expires = 0.0
        self._token_lock = asyncio.Lock()
        self.tokens_fetched = 0
        if webhook_secret:
            self.capabilities = self.capabilities | Capability.CALLBACKS
        self._http = ProviderHttp(
            http, NAME, lambda: self.secrets, timeout=timeout, retry=retry, sleep=sleep, rng=rng, clock=clock
        )

    @property
    def secrets(self) -> tuple[str, ...]:
        return tuple(s for s in (self._client_secret, self._token, self._webhook_secret, self._client_id) if s)

    # ----------------------------------------------------------------------------------- token

    async def _access_token(self, *, renew: bool = False) -> str:
        async with self._token_lock:
            if renew or self._token is None or self._clock() >= self._token_expires - TOKEN_MARGIN:
                await self._fetch_token()
            assert self._token is not None
            return self._token

    async def _fetch_token(self) -> None:
        fields = {
            "grant_type": "client_credentials",
            "client_id": self._client_id,
            "client_secret": self._client_secret,
        }
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        response, body = await self._http.read(
            "POST", f"{self._base}/oauth/token", "token", headers=headers, content=json.dumps(fields).encode()
        )
        if response.status_code >= 400:
            error = self._http.error_for(response, body, "token", _message(body), money_moving=False)
            if response.status_code in (400, 401):
                raise Unauthorized(error.message, provider=NAME, http_status=response.status_code, raw=error.raw)
            raise error
        try:
            if not isinstance(body, dict) or response.status_code != 200:
                raise Malformed("not a token answer")
            token = get_string(body, "access_token")
            if str(body.get("token_type", "")).lower() != "bearer":
                raise Malformed("token_type is not bearer")
            expires_in = get_minor(body, "expires_in")
            assert expires_in is not None
        except Malformed as exc:
            raise UnreadableAnswer(f"token: unreadable answer: {exc}", provider=NAME) from None
        self._token, self._token_expires = token, self._clock() + expires_in
        self.tokens_fetched += 1

    # ----------------------------------------------------------------------------------- API calls

    async def create_payment_link(
        self, app_ref: str, amount: Money, reason: str, customer: Customer | None = None, lang: str = "fr"
    ) -> PaymentLink:
        if amount.minor <= 0:
            raise InvalidRequest("a payment needs a positive amount", provider=NAME)
        attributes: dict[str, Any] = {
            "currency_code": amount.currency,
            "reference": app_ref,
            "language_code": (lang or "en")[:2].lower(),
        }
        if customer is not None and customer.email:
            attributes["customer_email"] = customer.email
        order = await self._write("POST", "/api/orders", "create order", {"type": "orders", "attributes": attributes})
        order_id = self._data_id(order, "orders", "create order")
        relationship = {"order": {"data": {"type": "orders", "id": order_id}}}
        line = {
            "type": "line_items",
            "attributes": {"quantity": 1, "name": reason or app_ref, "unit_amount_cents": amount.minor},
            "relationships": relationship,
        }
        await self._write("POST", "/api/line_items", "create line item", line)
        payment = {
            "type": "checkout_com_payments",
            "attributes": {"payment_type": "token", "token": self.card_token, "reference": app_ref},
            "relationships": relationship,
        }
        created = await self._write("POST", "/api/checkout_com_payments", "create payment", payment)
        try:
            data = get_object(created, "data")
            if data.get("type") != "checkout_com_payments":
                raise Malformed("not a checkout_com_payments resource")
            url = get_string(get_object(data, "attributes"), "redirect_uri")
        except Malformed as exc:
            raise Unavailable(
                f"create payment: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(created)
            ) from None
        return PaymentLink(url=url, provider_ref=order_id, raw=self._http.redact(created))

    async def status(self, provider_ref: str) -> StatusReport:
        self._check_ref(provider_ref)
        what = f"get order {provider_ref}"
        response, body = await self._request(
            "GET", f"/api/orders/{provider_ref}?include={INCLUDE}", what, None, read=True
        )
        if response.status_code >= 400:
            raise self._http.error_for(response, body, what, _message(body), money_moving=False)
        try:
            if response.status_code != 200:
                raise Malformed(f"unexpected HTTP {response.status_code}")
            return self._report(body, provider_ref)
        except Malformed as exc:
            raise UnreadableAnswer(
                f"{what}: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(body)
            ) from None

    async def capture(self, provider_ref: str, amount: Money | None = None) -> StatusReport:
        self._check_ref(provider_ref)
        if amount is None:
            return await self._order_trigger(provider_ref, "_capture")
        current, body = await self._current(provider_ref)
        if current.amount is not None and amount == current.amount:
            return await self._order_trigger(provider_ref, "_capture")
        authorization = _transaction_id(body, "authorizations")
        attributes = {"_capture": True, "_capture_amount_cents": amount.minor}
        return await self._transaction_trigger(provider_ref, "authorizations", authorization, attributes)

    async def refund(self, provider_ref: str, amount: Money, app_ref: str) -> StatusReport:
        self._check_ref(provider_ref)
        current, body = await self._current(provider_ref)
        if current.refundable is not None and amount == current.refundable:
            return await self._order_trigger(provider_ref, "_refund")
        capture = _transaction_id(body, "captures")
        attributes = {"_refund": True, "_refund_amount_cents": amount.minor}
        return await self._transaction_trigger(provider_ref, "captures", capture, attributes)

    async def cancel(self, provider_ref: str) -> StatusReport:
        self._check_ref(provider_ref)
        return await self._order_trigger(provider_ref, "_cancel")

    def verify_callback(self, headers: Mapping[str, str], body: bytes) -> CallbackHint:
        """Check ``X-CommerceLayer-Signature`` over the raw body (constant time); the status is not trusted."""
        if not self._webhook_secret:
            raise self._not_supported("callbacks without a webhook secret")
        lowered = {k.lower(): v for k, v in headers.items()}
        given = lowered.get("x-commercelayer-signature", "")
        expected = webhook_signature(body, self._webhook_secret)
        if not given or not hmac.compare_digest(given.strip().encode(), expected.encode()):
            raise CallbackRejected("webhook signature does not match", provider=NAME)
        try:
            document = json.loads(body)
            if not isinstance(document, dict):
                raise Malformed("not a JSON:API document")
            data = get_object(document, "data")
            if data.get("type") != "orders":
                raise Malformed("not an order")
            order_id = get_string(data, "id")
            attributes = data.get("attributes")
            reference = get_optional_string(attributes, "reference") if isinstance(attributes, dict) else None
        except (ValueError, Malformed) as exc:
            raise CallbackRejected(f"unreadable webhook: {self._http.text(str(exc))}", provider=NAME) from None
        return CallbackHint(provider_ref=order_id, app_ref=reference, raw=self._http.redact(document))

    # ----------------------------------------------------------------------------------- sending

    @staticmethod
    def _check_ref(provider_ref: str) -> None:
        if not provider_ref or not provider_ref.isalnum():
            raise InvalidRequest(f"not a Commerce Layer order id: {provider_ref!r}", provider=NAME)

    async def _headers(self, *, body: bool) -> dict[str, str]:
        headers = {"Accept": MEDIA_TYPE, "Authorization": f"Bearer {await self._access_token()}"}
        if body:
            headers["Content-Type"] = MEDIA_TYPE
        return headers

    async def _request(
        self,
        method: str,
        path: str,
        what: str,
        data: Mapping[str, Any] | None,
        *,
        read: bool,
        provider_ref: str | None = None,
    ) -> tuple[httpx.Response, Any]:
        """One API call with the token; after a 401 the token is fetched again and the call repeated once."""
        content = None if data is None else json.dumps({"data": data}).encode()
        url = self._base + path

        async def headers() -> Mapping[str, str]:
            return await self._headers(body=content is not None)

        for attempt in range(2):
            if attempt:
                self._http.log.info("%s: token refused, fetching a new one", what)
                await self._access_token(renew=True)
            if read:
                response, body = await self._http.read(method, url, what, headers=headers, content=content)
            else:
                response, body = await self._http.send_once(
                    method, url, what, headers=await headers(), content=content, provider_ref=provider_ref
                )
            if response.status_code != 401 or attempt:
                break
        return response, body

    async def _write(self, method: str, path: str, what: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """A request that moves no money, sent once: any failure is ``Unavailable`` or a refusal."""
        try:
            response, body = await self._request(method, path, what, data, read=False)
        except OutcomeUnknown as exc:
            raise Unavailable(exc.message, provider=NAME) from None
        if response.status_code >= 400:
            raise self._http.error_for(response, body, what, _message(body), money_moving=False)
        if response.status_code not in (200, 201) or not isinstance(body, dict):
            raise Unavailable(
                f"{what}: unreadable answer (HTTP {response.status_code})",
                provider=NAME,
                http_status=response.status_code,
                raw=self._http.redact(body),
            )
        return body

    def _data_id(self, body: dict[str, Any], kind: str, what: str) -> str:
        try:
            data = get_object(body, "data")
            if data.get("type") != kind:
                raise Malformed(f"not a {kind} resource")
            return get_string(data, "id")
        except Malformed as exc:
            raise Unavailable(f"{what}: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(body)) from None

    async def _current(self, provider_ref: str) -> tuple[StatusReport, Any]:
        report = await self.status(provider_ref)
        return report, report.raw

    async def _order_trigger(self, provider_ref: str, trigger: str) -> StatusReport:
        what = f"{trigger} order {provider_ref}"
        data = {"type": "orders", "id": provider_ref, "attributes": {trigger: True}}
        response, body = await self._request(
            "PATCH", f"/api/orders/{provider_ref}?include={INCLUDE}", what, data, read=False, provider_ref=provider_ref
        )
        return self._http.moved(
            response, body, what, _message(body), provider_ref, (200,), lambda: self._report(body, provider_ref)
        )

    async def _transaction_trigger(
        self, provider_ref: str, kind: str, transaction_id: str, attributes: Mapping[str, Any]
    ) -> StatusReport:
        what = f"{next(iter(attributes))} {kind} {transaction_id} of order {provider_ref}"
        data = {"type": kind, "id": transaction_id, "attributes": dict(attributes)}
        response, body = await self._request(
            "PATCH", f"/api/{kind}/{transaction_id}", what, data, read=False, provider_ref=provider_ref
        )
        if response.status_code >= 400:
            raise self._http.error_for(
                response, body, what, _message(body), money_moving=True, provider_ref=provider_ref
            )
        try:
            if response.status_code != 200 or not isinstance(body, dict):
                raise Malformed(f"unexpected HTTP {response.status_code}")
            get_object(body, "data")
            return await self.status(provider_ref)
        except (Malformed, GatewayError) as exc:
            text = exc.message if isinstance(exc, GatewayError) else str(exc)
            raise OutcomeUnknown(
                f"{what}: outcome not confirmed: {text}",
                provider=NAME,
                provider_ref=provider_ref,
                http_status=response.status_code,
                raw=self._http.redact(body),
            ) from None

    # ----------------------------------------------------------------------------------- reading answers

    def _report(self, document: Any, asked_ref: str) -> StatusReport:
        if not isinstance(document, dict):
            raise Malformed("not a JSON:API document")
        data = get_object(document, "data")
        if data.get("type") != "orders" or data.get("id") != asked_ref:
            raise Malformed("the document is not the order asked")
        attributes = get_object(data, "attributes")
        payment_status = get_string(attributes, "payment_status")
        if payment_status not in PAYMENT_STATUSES:
            raise Malformed(f"unknown payment_status {payment_status!r}")
        order_status = get_string(attributes, "status")
        currency = get_string(attributes, "currency_code")
        total = get_minor(attributes, "total_amount_cents")
        assert total is not None
        included = document.get("included", [])
        if not isinstance(included, list):
            raise Malformed("included is not a list")
        sums = {"authorizations": 0, "captures": 0, "refunds": 0}
        failed_authorization = False
        for resource in included:
            if not isinstance(resource, dict) or resource.get("type") not in sums:
                continue
            fields = get_object(resource, "attributes")
            succeeded = fields.get("succeeded")
            if not isinstance(succeeded, bool):
                raise Malformed("a transaction without a boolean succeeded")
            cents = get_minor(fields, "amount_cents")
            assert cents is not None
            if succeeded:
                sums[str(resource["type"])] += cents
            elif resource["type"] == "authorizations":
                failed_authorization = True
        authorized, captured, refunded = sums["authorizations"], sums["captures"], sums["refunds"]
        if captured > authorized or refunded > captured:
            raise Malformed("transactions do not add up")
        if payment_status == "unpaid":
            if captured or authorized:
                raise Malformed("unpaid with money authorized")
            if order_status == "cancelled":
                status = Status.CANCELED
            elif failed_authorization:
                status = Status.FAILED
            else:
                status = Status.PENDING
        elif payment_status in ("authorized", "partially_authorized"):
            if not authorized or captured:
                raise Malformed(f"{payment_status} without an authorization, or with a capture")
            status = Status.AUTHORIZED
        elif payment_status in ("paid", "partially_paid"):
            if not captured or refunded:
                raise Malformed(f"{payment_status} without a capture, or with refunds")
            status = Status.SUCCEEDED
        elif payment_status == "partially_refunded":
            if not 0 < refunded < captured:
                raise Malformed("partially_refunded does not match the refunds")
            status = Status.PARTIALLY_REFUNDED
        elif payment_status == "refunded":
            if not 0 < refunded == captured:
                raise Malformed("refunded does not match the refunds")
            status = Status.REFUNDED
        elif payment_status == "voided":
            if captured:
                raise Malformed("voided after a capture")
            status = Status.CANCELED
        else:
            raise Malformed(f"payment_status {payment_status!r} is not expected for a card sale")
        return StatusReport(
            status=status,
            provider_status=payment_status,
            provider_ref=asked_ref,
            raw=self._http.redact(document),
            amount=money_of(authorized or total, currency),
            app_ref=get_optional_string(attributes, "reference"),
            captured=money_of(captured, currency),
            refunded=money_of(refunded, currency),
            message=order_status,
        )


def _transaction_id(document: Any, kind: str) -> str:
    """The id of the succeeded ``kind`` transaction in a (redacted) order document."""
    included = document.get("included") if isinstance(document, dict) else None
    for resource in included if isinstance(included, list) else []:
        if (
            isinstance(resource, dict)
            and resource.get("type") == kind
            and isinstance(resource.get("attributes"), dict)
            and resource["attributes"].get("succeeded") is True
            and isinstance(resource.get("id"), str)
        ):
            return str(resource["id"])
    raise InvalidRequest(f"the order has no succeeded {kind}", provider=NAME)


def _message(body: Any) -> str:
    """The first JSON:API error's detail (or title)."""
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            first = errors[0]
            for key in ("detail", "title"):
                if isinstance(first.get(key), str) and first[key]:
                    return str(first[key])
    return ""


__all__ = ["CommerceLayerGateway", "webhook_signature"]
