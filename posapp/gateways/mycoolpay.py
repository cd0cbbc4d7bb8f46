"""My-CoolPay (Cameroon: Orange Money, MTN MoMo, card, My-CoolPay wallet) over an injected httpx client.

Endpoints (all under ``{base_url}/api/{public_key}``): ``POST /paylink``, ``POST /payin``,
``POST /payin/authorize``, ``POST /payout`` and ``GET /balance`` (both with ``X-PRIVATE-KEY``),
``GET /checkStatus/{transaction_ref}`` (the deprecated ``POST /checkStatus`` is not used).

How answers are read:

* ``transaction_status`` maps ``SUCCESS`` → succeeded, ``FAILED`` → failed, ``CANCELED`` → canceled,
  ``PENDING`` and ``CREATED`` → pending. Any other status, a missing or mistyped field, a reference that
  is not the one asked, or a body that is not ``{"status": "success", ...}`` JSON never reads as a
  success: reads raise ``UnreadableAnswer``; money-moving POSTs raise ``OutcomeUnknown`` (with the
  ``transaction_ref`` when one could still be read).
* HTTP errors: 400/404/409/422 → ``InvalidRequest`` (``NotFound`` for 404), 402 → ``Declined``, 401/403 →
  ``Unauthorized`` (on ``/payin/authorize`` a 401 is the documented wrong-OTP answer → ``InvalidCode``),
  429 → ``Unavailable`` with ``retry_after``. A 5xx or a broken connection after the request was sent is
  ``OutcomeUnknown`` for payin, OTP and payout, ``Unavailable`` for reads (after the retries).
* A paylink whose creation timed out or was unreadable raises ``Unavailable``, not ``OutcomeUnknown``: no
  money can move through a link whose URL nobody received. Start again with a new ``app_ref`` (the
  provider refuses a duplicate ``app_transaction_ref``).
* Payout: 200 → succeeded, 202 → pending (follow it with ``status``).

Secrets: the private key travels only in the ``X-PRIVATE-KEY`` header; the public key is in every path.
Logged URLs, error texts and every ``raw`` pass through ``core.redact`` with ``secrets`` (both keys), and
transport exceptions are not chained (their text is redacted into ours instead), so no traceback leaks a
URL with the key.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import random
import time
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from posapp.core.money import Money, MoneyError
from posapp.core.phone import MobileNumber
from posapp.core.transactions import Status
from posapp.gateways.base import (
    CallbackHint,
    CallbackRejected,
    Capability,
    Customer,
    GatewayBase,
    GatewayError,
    InvalidCode,
    InvalidRequest,
    OutcomeUnknown,
    PaymentLink,
    PushResult,
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
    get_optional_string,
    get_string,
)

NAME = "mycoolpay"
CURRENCY = "XAF"
OPERATORS = frozenset({"MCP", "CM_MOMO", "CM_OM", "CARD"})
STATUS_MAP: dict[str, Status] = {
    "SUCCESS": Status.SUCCEEDED,
    "FAILED": Status.FAILED,
    "CANCELED": Status.CANCELED,
    "PENDING": Status.PENDING,
    "CREATED": Status.PENDING,
}
PUSH_ACTIONS: dict[str, Status] = {"PENDING": Status.PENDING, "REQUIRE_OTP": Status.AWAITING_OTP}


def callback_signature(
    transaction_ref: str,
    transaction_type: str,
    transaction_amount: object,
    transaction_currency: str,
    transaction_operator: str,
    private_key: str,
) -> str:
    """``md5(ref + type + amount + currency + operator + private_key)``, numbers without trailing zeros."""
    text = (
        f"{transaction_ref}{transaction_type}{number_text(transaction_amount)}"
        f"{transaction_currency}{transaction_operator}{private_key}"
    )
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def number_text(value: object) -> str:
    """A JSON number as My-CoolPay writes it in signatures: ``100``, ``100.5`` (never ``100.0``)."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not an amount")
    if isinstance(value, float):
        value = repr(value)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a number: {value!r}")
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _lang(lang: str) -> str:
    code = (lang or "fr")[:2].lower()
    return code if code in ("en", "fr") else "fr"


class MyCoolPayGateway(GatewayBase):
    """Async client of the My-CoolPay merchant API.

    ``http`` is owned by the caller (the app closes it). Requests leave through ``http.ProviderHttp``:
    ``timeout`` applies to every request and is also enforced as an overall deadline (the sum of its
    parts), so a transport that ignores httpx timeouts still cannot hang a call. ``sleep``, ``rng`` and
    ``clock`` are injectable so tests run retries without waiting.
    """

    name = NAME
    capabilities = (
        Capability.PAYMENT_LINK
        | Capability.PUSH_PAYMENT
        | Capability.OTP
        | Capability.PAYOUT
        | Capability.BALANCE
        | Capability.CALLBACKS
    )

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        public_key: str,
        private_key: str,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not public_key or not private_key:
            raise ValueError("My-CoolPay needs a public and a private key")
        self._base = base_url.rstrip("/")
        self._public_key = public_key
        self._private_key = private_key
        self._http = ProviderHttp(
            http,
            NAME,
            lambda: self.secrets,
            timeout=timeout,
            retry=retry,
            sleep=sleep,
            rng=rng,
            clock=clock,
            message=_message,
        )

    # ----------------------------------------------------------------------------------- secrets

    @property
    def secrets(self) -> tuple[str, ...]:
        """The private key, and the public key so logged URLs do not carry it."""
        return (self._private_key, self._public_key)

    def _url(self, path: str) -> str:
        return f"{self._base}/api/{self._public_key}/{path}"

    # ----------------------------------------------------------------------------------- API calls

    async def create_payment_link(
        self, app_ref: str, amount: Money, reason: str, customer: Customer | None = None, lang: str = "fr"
    ) -> PaymentLink:
        if amount.currency not in ("XAF", "EUR"):
            raise InvalidRequest(f"My-CoolPay payment links take XAF or EUR, not {amount.currency}", provider=NAME)
        fields = self._payment_fields(app_ref, amount, reason, customer, lang)
        try:
            response, body = await self._post_once("paylink", fields, amount)
        except OutcomeUnknown as exc:
            # Nobody received the link's URL, so no money can move through it: nothing happened.
            raise Unavailable(
                f"payment link not created: {exc.message}",
                provider=NAME,
                http_status=exc.http_status,
                raw=exc.raw,
            ) from None
        try:
            url = get_string(body, "payment_url")
            ref = get_string(body, "transaction_ref")
        except Malformed as exc:
            raise Unavailable(f"unreadable paylink answer: {exc}", provider=NAME, raw=self._http.redact(body)) from None
        return PaymentLink(url=url, provider_ref=ref, raw=self._http.redact(body))

    async def push_payment(
        self,
        app_ref: str,
        amount: Money,
        phone: MobileNumber,
        reason: str,
        customer: Customer | None = None,
        lang: str = "fr",
    ) -> PushResult:
        self._require_xaf(amount, "payin")
        customer = customer or Customer()
        fields = self._payment_fields(app_ref, amount, reason, customer, lang)
        fields["customer_phone_number"] = phone.national
        response, body = await self._post_once("payin", fields, amount)
        return self._push_result(body, "payin")

    async def submit_otp(self, provider_ref: str, code: str) -> StatusReport:
        _, body = await self._post_once("payin/authorize", {"transaction_ref": provider_ref, "code": code})
        result = self._push_result(body, "payin/authorize")
        return StatusReport(
            status=result.status,
            provider_status=get_optional_string(body, "action") or "",
            provider_ref=result.provider_ref,
            message=result.message,
            raw=result.raw,
        )

    async def payout(
        self,
        app_ref: str,
        amount: Money,
        recipient: MobileNumber | str,
        operator: str | None = None,
        reason: str = "",
    ) -> StatusReport:
        self._require_xaf(amount, "payout")
        fields: dict[str, Any] = {"transaction_currency": CURRENCY, "transaction_reason": reason}
        fields["app_transaction_ref"] = app_ref
        if isinstance(recipient, MobileNumber):
            operator = operator or recipient.operator.value
            fields["customer_phone_number"] = recipient.national
        elif operator == "MCP":
            key = "customer_email" if "@" in recipient else "customer_username"
            if recipient.lstrip("+").isdigit():
                key = "customer_phone_number"
            fields[key] = recipient
        else:
            raise InvalidRequest("a mobile-money payout needs a MobileNumber recipient", provider=NAME)
        if operator not in ("MCP", "CM_MOMO", "CM_OM"):
            raise InvalidRequest(f"My-CoolPay pays out to MCP, CM_MOMO or CM_OM, not {operator!r}", provider=NAME)
        fields["transaction_operator"] = operator
        response, body = await self._post_once("payout", fields, amount, private=True)
        try:
            ref = get_string(body, "transaction_ref")
            message = get_optional_string(body, "message") or ""
            claimed = get_optional_string(body, "transaction_status")
            if claimed is not None and claimed not in STATUS_MAP:
                raise Malformed(f"unknown transaction_status {claimed!r}")
        except Malformed as exc:
            raise OutcomeUnknown(
                f"unreadable payout answer: {exc}",
                provider=NAME,
                http_status=response.status_code,
                raw=self._http.redact(body),
            ) from None
        if claimed is not None and response.status_code in (200, 202):
            # Not documented for payouts, but when the answer names a status it has the last word.
            status, provider_status = STATUS_MAP[claimed], claimed
        elif response.status_code == 200:
            status, provider_status = Status.SUCCEEDED, "SUCCESS"
        elif response.status_code == 202:
            status, provider_status = Status.PENDING, "PENDING"
        else:
            raise OutcomeUnknown(
                f"payout answered HTTP {response.status_code}, expected 200 or 202",
                provider=NAME,
                provider_ref=ref,
                http_status=response.status_code,
                raw=self._http.redact(body),
            )
        return StatusReport(
            status=status,
            provider_status=provider_status,
            provider_ref=ref,
            operator=operator,
            message=message,
            raw=self._http.redact(body),
            amount=amount,
            app_ref=app_ref,
        )

    async def status(self, provider_ref: str) -> StatusReport:
        if not provider_ref or "/" in provider_ref:
            raise InvalidRequest(f"not a My-CoolPay reference: {provider_ref!r}", provider=NAME)
        body = await self._get_with_retries(f"checkStatus/{provider_ref}")
        try:
            return self._status_report(body, provider_ref)
        except Malformed as exc:
            raise UnreadableAnswer(
                f"unreadable status answer: {exc}", provider=NAME, http_status=200, raw=self._http.redact(body)
            ) from None

    async def balance(self) -> Money:
        body = await self._get_with_retries("balance", private=True)
        try:
            return _money(body, "balance", CURRENCY)
        except Malformed as exc:
            raise UnreadableAnswer(
                f"unreadable balance answer: {exc}", provider=NAME, raw=self._http.redact(body)
            ) from None

    def verify_callback(self, headers: Mapping[str, str], body: bytes) -> CallbackHint:
        """Check the application key and the MD5 signature (constant time); the status is not trusted."""
        try:
            data = json.loads(body, parse_float=Decimal)
            if not isinstance(data, dict):
                raise Malformed("callback body is not an object")
            application = get_string(data, "application")
            ref = get_string(data, "transaction_ref")
            signature = get_string(data, "signature")
            expected = callback_signature(
                ref,
                get_string(data, "transaction_type"),
                _number(data, "transaction_amount"),
                get_string(data, "transaction_currency"),
                get_string(data, "transaction_operator"),
                self._private_key,
            )
        except (ValueError, Malformed) as exc:
            raise CallbackRejected(f"unreadable callback: {self._http.text(str(exc))}", provider=NAME) from None
        app_ok = hmac.compare_digest(application.encode(), self._public_key.encode())
        signature_ok = hmac.compare_digest(signature.lower().encode(), expected.encode())
        if not (app_ok and signature_ok):
            what = "application key" if not app_ok else "signature"
            raise CallbackRejected(f"callback {what} does not match", provider=NAME, raw=self._http.redact(data))
        return CallbackHint(
            provider_ref=ref, app_ref=get_optional_string(data, "app_transaction_ref"), raw=self._http.redact(data)
        )

    # ----------------------------------------------------------------------------------- building requests

    def _payment_fields(
        self, app_ref: str, amount: Money, reason: str, customer: Customer | None, lang: str
    ) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "transaction_currency": amount.currency,
            "transaction_reason": reason,
            "app_transaction_ref": app_ref,
            "customer_lang": _lang(lang),
        }
        if customer is not None:
            if customer.name:
                fields["customer_name"] = customer.name
            if customer.email:
                fields["customer_email"] = customer.email
            if customer.phone is not None:
                fields["customer_phone_number"] = customer.phone.national
        return fields

    @staticmethod
    def _require_xaf(amount: Money, what: str) -> None:
        if amount.currency != CURRENCY:
            raise InvalidRequest(f"My-CoolPay {what} amounts are in XAF, not {amount.currency}", provider=NAME)

    @staticmethod
    def _encode(fields: Mapping[str, Any], amount: Money | None) -> bytes:
        """JSON with the amount written as an exact number (no float ever holds it)."""
        text = json.dumps(dict(fields), ensure_ascii=False)
        if amount is not None:
            text = (
                f'{{"transaction_amount": {amount.major_str()}, {text[1:]}'
                if fields
                else (f'{{"transaction_amount": {amount.major_str()}}}')
            )
        return text.encode("utf-8")

    def _headers(self, private: bool) -> dict[str, str]:
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if private:
            headers["X-PRIVATE-KEY"] = self._private_key
        return headers

    # ----------------------------------------------------------------------------------- sending

    async def _post_once(
        self, path: str, fields: Mapping[str, Any], amount: Money | None = None, *, private: bool = False
    ) -> tuple[httpx.Response, dict[str, Any]]:
        """POST exactly once; map every failure to what the caller may do about it."""
        what = path
        response, body = await self._http.send_once(
            "POST", self._url(path), what, headers=self._headers(private), content=self._encode(fields, amount)
        )
        if response.status_code >= 400 or response.status_code < 200:
            raise self._error_for(response, body, path, money_moving=True)
        if not isinstance(body, dict) or body.get("status") != "success":
            ref = body.get("transaction_ref") if isinstance(body, dict) else None
            raise OutcomeUnknown(
                f"{what}: unreadable answer (HTTP {response.status_code})",
                provider=NAME,
                provider_ref=ref if isinstance(ref, str) and ref else None,
                http_status=response.status_code,
                raw=self._http.redact(body),
                provider_message=self._message(body),
            )
        return response, body

    async def _get_with_retries(self, path: str, *, private: bool = False) -> dict[str, Any]:
        """GET with up to ``retry.retries`` retries on network errors, 5xx and 429 (reads only)."""
        response, body = await self._http.read("GET", self._url(path), f"GET {path}", headers=self._headers(private))
        if response.status_code >= 400 or response.status_code < 200:
            raise self._error_for(response, body, path, money_moving=False)
        if not isinstance(body, dict) or body.get("status") != "success":
            raise UnreadableAnswer(
                f"GET {path}: unreadable answer (HTTP {response.status_code})",
                provider=NAME,
                http_status=response.status_code,
                raw=self._http.redact(body),
                provider_message=self._message(body),
            )
        return body

    # ----------------------------------------------------------------------------------- reading answers

    def _message(self, body: Any) -> str:
        return self._http.text(_message(body))

    def _error_for(self, response: httpx.Response, body: Any, path: str, *, money_moving: bool) -> GatewayError:
        """The shared mapping of a non-2xx answer, except that a 401 on ``payin/authorize`` is a wrong code."""
        message = self._message(body)
        error = self._http.error_for(response, body, path, message, money_moving=money_moving)
        wrong_code = response.status_code == 401 and path == "payin/authorize" and "key" not in message.lower()
        if wrong_code and isinstance(error, Unauthorized):
            return InvalidCode(
                error.message,
                provider=NAME,
                provider_message=error.provider_message,
                http_status=error.http_status,
                raw=error.raw,
            )
        return error

    def _push_result(self, body: dict[str, Any], what: str) -> PushResult:
        try:
            ref = get_string(body, "transaction_ref")
            action = get_string(body, "action")
            ussd = get_optional_string(body, "ussd")
        except Malformed as exc:
            ref_value = body.get("transaction_ref")
            raise OutcomeUnknown(
                f"{what}: unreadable answer: {exc}",
                provider=NAME,
                provider_ref=ref_value if isinstance(ref_value, str) and ref_value else None,
                raw=self._http.redact(body),
            ) from None
        status = PUSH_ACTIONS.get(action)
        if status is None:
            raise OutcomeUnknown(
                f"{what}: unknown action {action!r}", provider=NAME, provider_ref=ref, raw=self._http.redact(body)
            )
        return PushResult(
            status=status, provider_ref=ref, ussd=ussd, message=self._message(body), raw=self._http.redact(body)
        )

    def _status_report(self, body: dict[str, Any], asked_ref: str) -> StatusReport:
        ref = get_string(body, "transaction_ref")
        if ref != asked_ref:
            raise Malformed(f"answer is about {ref!r}, not the reference asked")
        provider_status = get_string(body, "transaction_status")
        status = STATUS_MAP.get(provider_status)
        if status is None:
            raise Malformed(f"unknown transaction_status {provider_status!r}")
        currency = get_optional_string(body, "transaction_currency") or CURRENCY
        fees = _money(body, "transaction_fees", currency) if body.get("transaction_fees") is not None else None
        amount = _money(body, "transaction_amount", currency) if body.get("transaction_amount") is not None else None
        if status is Status.SUCCEEDED and amount is None:
            raise Malformed("a success without transaction_amount")
        return StatusReport(
            status=status,
            provider_status=provider_status,
            provider_ref=ref,
            fees=fees,
            operator=get_optional_string(body, "transaction_operator"),
            message=self._http.text(get_optional_string(body, "transaction_message") or ""),
            raw=self._http.redact(body),
            amount=amount,
            app_ref=get_optional_string(body, "app_transaction_ref"),
        )


def _message(body: Any) -> str:
    """The provider's own text: ``message`` (or ``msg``) of a JSON object."""
    if isinstance(body, dict):
        for key in ("message", "msg"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    return ""


def _number(body: Mapping[str, Any], key: str) -> Decimal:
    value = body.get(key)
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise Malformed(f"{key} missing or not a number")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise Malformed(f"{key} is not a number") from None
    if not number.is_finite():
        raise Malformed(f"{key} is not a number")
    return number


def _money(body: Mapping[str, Any], key: str, currency: str) -> Money:
    number = _number(body, key)
    if number < 0:
        raise Malformed(f"{key} is negative")
    try:
        return Money.from_major(number, currency)
    except MoneyError as exc:
        raise Malformed(f"{key}: {exc}") from None


__all__ = ["MyCoolPayGateway", "callback_signature", "number_text"]
