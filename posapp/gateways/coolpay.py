"""CoolPay (a QuickPay v10 style card API) over an injected httpx client.

Every request carries HTTP Basic auth with an empty user and the API key as password
(``Authorization: Basic base64(":" + api_key)``), ``Accept-Version: v10`` and JSON bodies.

Endpoints used: ``POST /payments`` then ``PUT /payments/{id}/link`` (amount in minor units,
``auto_capture``) give the payment link shown as the QR code; ``GET /payments/{id}`` is the status read;
``POST /payments/{id}/capture|refund|cancel?synchronized`` move money (the answer is the finished
payment; a refusal by the acquirer still answers 2xx and shows on the operation's ``qp_status_code``).

Reading a payment (``status`` and every money-moving answer):

* amounts come from the ``operations`` list, not from ``balance``: ``authorized`` is the approved
  ``authorize`` amount, ``captured`` / ``refunded`` the sums of approved (``qp_status_code`` ``"20000"``,
  not ``pending``) captures / refunds;
* ``rejected`` → ``FAILED``; an approved ``cancel`` with nothing captured → ``CANCELED``; something
  captured → ``SUCCEEDED`` (then ``PARTIALLY_REFUNDED`` / ``REFUNDED`` by the refunds); authorized and
  nothing captured → ``AUTHORIZED`` (the UI offers Capture and Cancel); ``initial`` → ``PENDING``;
  ``pending`` (an operation is running) reads what the finished operations say;
* an unknown state, an id that is not the one asked, a missing or mistyped field, operations that
  contradict the state (captured money in ``initial``, ``new`` without an approved authorization) never
  read as success: reads raise ``UnreadableAnswer``, money-moving requests ``OutcomeUnknown`` with the
  payment id.

HTTP errors: 400/409/422 → ``InvalidRequest`` (the ``{message, errors}`` body flattened into
``provider_message``: ``"Validation error: order_id has already been taken"``), 404 → ``NotFound``,
401/403 → ``Unauthorized``, 402 → ``Declined``, 429 → ``Unavailable`` with ``retry_after``, 5xx →
``OutcomeUnknown`` for capture / refund / cancel and ``Unavailable`` otherwise (creating a payment or
its link moves no money: a link nobody received cannot be paid).

``order_id``: CoolPay takes 4-20 characters of ``[A-Za-z0-9 ._-]``. An ``app_ref`` that fits is sent
as it is; any other is sent as ``"pa" + 18 characters of base32(sha256(app_ref))`` (deterministic, so
a reused ``app_ref`` is still refused as a duplicate) and the ``app_ref`` itself travels in
``variables.app_ref``, from which ``StatusReport.app_ref`` is read back.

Callbacks: ``verify_callback`` recomputes ``hex(hmac_sha256(raw_body, private_key))`` and compares it
with ``CoolPay-Checksum-Sha256`` and ``QuickPay-Checksum-Sha256`` (the sandbox sends both; a real sender
may send either) in constant time: each one sent must match.

Secrets (API key, private key) never reach a log, an error or a ``raw``: everything passes through
``core.redact``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import random
import re
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
    Declined,
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

NAME = "coolpay"
API_VERSION = "v10"
APPROVED = "20000"
STATES = frozenset({"initial", "pending", "new", "rejected", "processed"})
OPERATION_TYPES = frozenset({"authorize", "capture", "refund", "cancel", "recurring", "session", "renew"})
ORDER_ID = re.compile(r"^[A-Za-z0-9 ._-]{4,20}$")
CHECKSUM_HEADERS = ("coolpay-checksum-sha256", "quickpay-checksum-sha256")


def order_id_for(app_ref: str) -> str:
    """The ``order_id`` sent for ``app_ref``: itself when CoolPay accepts it, else a stable 20-char digest."""
    if ORDER_ID.match(app_ref):
        return app_ref
    digest = base64.b32encode(hashlib.sha256(app_ref.encode("utf-8")).digest()).decode().lower()
    return "pa" + digest[:18]


def checksum(body: bytes, private_key: str) -> str:
    """``hex(hmac_sha256(body, private_key))``, the callback checksum."""
    return hmac.new(private_key.encode("utf-8"), body, hashlib.sha256).hexdigest()


class CoolPayGateway(GatewayBase):
    """Async client of the CoolPay payments API (card payments through a payment link).

    ``auto_capture`` (default ``False``, the API's default) asks CoolPay to capture as soon as the card
    is authorized; without it the payment reads ``AUTHORIZED`` until ``capture`` (full or partial).
    ``synchronized`` (default ``True``) sends capture / refund / cancel with ``?synchronized`` so the
    answer is final; with ``False`` the answer may still show the operation pending (follow with
    ``status``). ``callback_url`` is passed on the link when set.
    """

    name = NAME
    capabilities = (
        Capability.PAYMENT_LINK | Capability.CAPTURE | Capability.REFUND | Capability.CANCEL | Capability.CALLBACKS
    )

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        api_key: str,
        private_key: str,
        *,
        auto_capture: bool = False,
        synchronized: bool = True,
        callback_url: str | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not api_key or not private_key:
            raise ValueError("CoolPay needs an API key and a private key")
        self._base = base_url.rstrip("/")
        self._api_key = api_key
        self._private_key = private_key
        self.auto_capture = auto_capture
        self.synchronized = synchronized
        self.callback_url = callback_url
        self._http = ProviderHttp(
            http, NAME, lambda: self.secrets, timeout=timeout, retry=retry, sleep=sleep, rng=rng, clock=clock
        )
        self._auth = "Basic " + base64.b64encode(f":{api_key}".encode()).decode()

    @property
    def secrets(self) -> tuple[str, ...]:
        """The API key (and its Basic-auth form) and the private key."""
        return (self._api_key, self._private_key, self._auth.removeprefix("Basic "))

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": self._auth,
            "Accept-Version": API_VERSION,
            "Accept": "application/json",
            "Content-Type": "application/json",
        }

    # ----------------------------------------------------------------------------------- API calls

    async def create_payment_link(
        self, app_ref: str, amount: Money, reason: str, customer: Customer | None = None, lang: str = "fr"
    ) -> PaymentLink:
        if amount.minor <= 0:
            raise InvalidRequest("a payment needs a positive amount", provider=NAME)
        order_id = order_id_for(app_ref)
        fields: dict[str, Any] = {"order_id": order_id, "currency": amount.currency, "variables": {"app_ref": app_ref}}
        if reason:
            fields["text_on_statement"] = reason[:22]
        created = await self._not_money_moving("POST", "/payments", "create payment", fields)
        try:
            payment_id = _payment_id(created)
        except Malformed as exc:
            raise Unavailable(
                f"create payment: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(created)
            ) from None
        link_fields: dict[str, Any] = {
            "amount": amount.minor,
            "auto_capture": self.auto_capture,
            "language": (lang or "en")[:2].lower(),
        }
        if self.callback_url:
            link_fields["callback_url"] = self.callback_url
        link = await self._not_money_moving("PUT", f"/payments/{payment_id}/link", "payment link", link_fields)
        try:
            url = get_string(link, "url")
        except Malformed as exc:
            raise Unavailable(
                f"payment link: unreadable answer: {exc}", provider=NAME, raw=self._http.redact(link)
            ) from None
        return PaymentLink(url=url, provider_ref=payment_id, raw=self._http.redact({"payment": created, "link": link}))

    async def status(self, provider_ref: str) -> StatusReport:
        self._check_ref(provider_ref)
        what = "get payment"
        response, body = await self._http.read(
            "GET", f"{self._base}/payments/{provider_ref}", what, headers=self._headers()
        )
        if not 200 <= response.status_code < 300:
            if response.status_code < 400:
                raise UnreadableAnswer(
                    f"{what}: unexpected HTTP {response.status_code}",
                    provider=NAME,
                    http_status=response.status_code,
                    raw=self._http.redact(body),
                )
            raise self._http.error_for(response, body, what, _message(body), money_moving=False)
        try:
            return self._report(body, provider_ref)
        except Malformed as exc:
            raise UnreadableAnswer(
                f"{what}: unreadable answer: {exc}",
                provider=NAME,
                http_status=response.status_code,
                raw=self._http.redact(body),
            ) from None

    async def capture(self, provider_ref: str, amount: Money | None = None) -> StatusReport:
        self._check_ref(provider_ref)
        if amount is None:
            current = await self.status(provider_ref)
            if current.status is not Status.AUTHORIZED or current.amount is None:
                raise InvalidRequest(
                    f"nothing to capture: the payment is {current.status.value}", provider=NAME, raw=current.raw
                )
            amount = current.amount
        return await self._operate(provider_ref, "capture", amount)

    async def refund(self, provider_ref: str, amount: Money, app_ref: str) -> StatusReport:
        self._check_ref(provider_ref)
        return await self._operate(provider_ref, "refund", amount)

    async def cancel(self, provider_ref: str) -> StatusReport:
        self._check_ref(provider_ref)
        return await self._operate(provider_ref, "cancel", None)

    def verify_callback(self, headers: Mapping[str, str], body: bytes) -> CallbackHint:
        """Check ``CoolPay-Checksum-Sha256`` or ``QuickPay-Checksum-Sha256`` over the raw body (constant
        time; when both are sent, both must match); the status is not trusted."""
        lowered = {k.lower(): v for k, v in headers.items()}
        given = [lowered[h] for h in CHECKSUM_HEADERS if h in lowered]
        if not given:
            raise CallbackRejected("callback without a checksum header", provider=NAME)
        expected = checksum(body, self._private_key).encode()
        if not all(hmac.compare_digest(value.strip().lower().encode(), expected) for value in given):
            raise CallbackRejected("callback checksum does not match", provider=NAME)
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                raise Malformed("callback body is not an object")
            payment_id = _payment_id(data)
            variables = data.get("variables")
            app_ref = variables.get("app_ref") if isinstance(variables, dict) else None
            if not isinstance(app_ref, str) or not app_ref:
                app_ref = get_optional_string(data, "order_id")
        except (ValueError, Malformed) as exc:
            raise CallbackRejected(f"unreadable callback: {self._http.text(str(exc))}", provider=NAME) from None
        return CallbackHint(provider_ref=payment_id, app_ref=app_ref, raw=self._http.redact(data))

    # ----------------------------------------------------------------------------------- sending

    @staticmethod
    def _check_ref(provider_ref: str) -> None:
        if not provider_ref.isdigit():
            raise InvalidRequest(f"not a CoolPay payment id: {provider_ref!r}", provider=NAME)

    async def _not_money_moving(self, method: str, path: str, what: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """A request sent once whose failure means nothing usable happened (``Unavailable``)."""
        try:
            response, body = await self._http.send_once(
                method, self._base + path, what, headers=self._headers(), content=json.dumps(fields).encode()
            )
        except OutcomeUnknown as exc:
            raise Unavailable(f"{exc.message}; nothing to pay yet", provider=NAME) from None
        if response.status_code >= 400:
            error = self._http.error_for(response, body, what, _message(body), money_moving=False)
            raise error
        if not 200 <= response.status_code < 300 or not isinstance(body, dict):
            raise Unavailable(
                f"{what}: unreadable answer (HTTP {response.status_code})",
                provider=NAME,
                http_status=response.status_code,
                raw=self._http.redact(body),
            )
        return body

    async def _operate(self, provider_ref: str, kind: str, amount: Money | None) -> StatusReport:
        what = f"{kind} {provider_ref}"
        if amount is not None and amount.minor <= 0:
            raise InvalidRequest(f"{kind} needs a positive amount", provider=NAME)
        fields = {} if amount is None else {"amount": amount.minor}
        query = "?synchronized" if self.synchronized else ""
        response, body = await self._http.send_once(
            "POST",
            f"{self._base}/payments/{provider_ref}/{kind}{query}",
            what,
            headers=self._headers(),
            content=json.dumps(fields).encode(),
            provider_ref=provider_ref,
        )
        report, operation = self._http.moved(
            response,
            body,
            what,
            _message(body),
            provider_ref,
            (200, 201, 202),
            lambda: (self._report(body, provider_ref), _last_operation(body, kind)),
        )
        if operation.get("pending") is False and operation.get("qp_status_code") != APPROVED:
            text = self._http.text(str(operation.get("qp_status_msg") or operation.get("aq_status_msg") or "declined"))
            raise Declined(
                f"{what}: refused ({operation.get('qp_status_code')}: {text})",
                provider=NAME,
                provider_message=text,
                http_status=response.status_code,
                raw=self._http.redact(body),
            )
        return report

    # ----------------------------------------------------------------------------------- reading answers

    def _report(self, body: Any, asked_ref: str) -> StatusReport:
        if not isinstance(body, dict):
            raise Malformed("the answer is not a payment object")
        payment_id = _payment_id(body)
        if payment_id != asked_ref:
            raise Malformed(f"answer is about payment {payment_id}, not the one asked")
        state = get_string(body, "state")
        if state not in STATES:
            raise Malformed(f"unknown state {state!r}")
        accepted = body.get("accepted")
        if not isinstance(accepted, bool):
            raise Malformed("accepted missing or not a boolean")
        currency = get_string(body, "currency")
        operations = body.get("operations")
        if not isinstance(operations, list):
            raise Malformed("operations missing or not a list")
        totals = {"authorize": 0, "capture": 0, "refund": 0, "cancel": 0}
        approved_cancel = False
        for op in operations:
            if not isinstance(op, dict):
                raise Malformed("an operation is not an object")
            kind = get_string(op, "type")
            if kind not in OPERATION_TYPES:
                raise Malformed(f"unknown operation type {kind!r}")
            pending = op.get("pending")
            if not isinstance(pending, bool):
                raise Malformed("operation pending missing or not a boolean")
            code = op.get("qp_status_code")
            if code is not None and not isinstance(code, str):
                raise Malformed("qp_status_code is not a string")
            minor = get_minor(op, "amount", optional=kind in ("cancel", "session", "renew")) or 0
            if not pending and code == APPROVED and kind in totals:
                totals[kind] += minor
                approved_cancel = approved_cancel or kind == "cancel"
        authorized = money_of(totals["authorize"], currency)
        captured = money_of(totals["capture"], currency)
        refunded = money_of(totals["refund"], currency)
        if refunded.minor > captured.minor:
            raise Malformed("more refunded than captured")
        if captured.minor > authorized.minor:
            raise Malformed("more captured than authorized")
        if captured.minor and (state not in ("processed", "pending") or not accepted):
            raise Malformed(f"captured money in state {state!r}")
        if state == "new" and not (accepted and authorized.minor):
            raise Malformed("state new without an approved authorization")
        if state == "processed" and not (captured.minor or approved_cancel):
            raise Malformed("state processed without a capture or a cancel")
        if state == "rejected":
            status = Status.FAILED
        elif captured.minor:
            if refunded.minor == captured.minor:
                status = Status.REFUNDED
            elif refunded.minor:
                status = Status.PARTIALLY_REFUNDED
            else:
                status = Status.SUCCEEDED
        elif approved_cancel:
            status = Status.CANCELED
        elif authorized.minor and accepted:
            status = Status.AUTHORIZED
        elif state in ("initial", "pending"):
            status = Status.PENDING
        else:
            raise Malformed(f"state {state!r} does not match the operations")
        link = body.get("link")
        link_amount = get_minor(link, "amount", optional=True) if isinstance(link, dict) else None
        amount = authorized if authorized.minor else (money_of(link_amount, currency) if link_amount else None)
        variables = body.get("variables")
        app_ref = variables.get("app_ref") if isinstance(variables, dict) else None
        if not isinstance(app_ref, str) or not app_ref:
            app_ref = get_optional_string(body, "order_id")
        metadata = body.get("metadata")
        brand = metadata.get("brand") if isinstance(metadata, dict) else None
        return StatusReport(
            status=status,
            provider_status=state,
            provider_ref=payment_id,
            operator=brand if isinstance(brand, str) and brand else None,
            message=self._http.text(_last_message(operations)),
            raw=self._http.redact(body),
            amount=amount,
            app_ref=app_ref,
            captured=captured if authorized.minor else None,
            refunded=refunded if authorized.minor else None,
        )


def _payment_id(body: Mapping[str, Any]) -> str:
    value = body.get("id")
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise Malformed("id missing or not a positive integer")
    return str(value)


def _last_operation(body: Mapping[str, Any], kind: str) -> dict[str, Any]:
    operations = body.get("operations")
    found = (
        [op for op in operations if isinstance(op, dict) and op.get("type") == kind]
        if isinstance(operations, list)
        else []
    )
    if not found:
        raise Malformed(f"no {kind} operation in the answer")
    return found[-1]


def _last_message(operations: list[Any]) -> str:
    for op in reversed(operations):
        text = op.get("qp_status_msg") if isinstance(op, dict) else None
        if isinstance(text, str) and text:
            return text
    return ""


def _message(body: Any) -> str:
    """``message`` plus the flattened ``errors``: ``"Validation error: order_id has already been taken"``."""
    if not isinstance(body, dict):
        return ""
    message = body.get("message")
    text = message if isinstance(message, str) else ""
    errors = body.get("errors")
    if isinstance(errors, dict):
        details = [
            f"{key} {item}"
            for key, items in errors.items()
            for item in (items if isinstance(items, list) else [items])
            if isinstance(item, str)
        ]
        if details:
            text = f"{text}: {'; '.join(details)}" if text else "; ".join(details)
    return text


__all__ = ["CoolPayGateway", "checksum", "order_id_for"]
