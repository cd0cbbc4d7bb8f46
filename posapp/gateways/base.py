"""The provider-neutral interface every payment gateway implements.

A gateway is one async client of one provider's API over an injected ``httpx.AsyncClient``. It speaks
core types only (``Money``, ``MobileNumber``, ``Status``) so the services layer never sees a provider's
field names, and it tells the caller *what to do* through the class of the error it raises:

=====================  =================================================================================
error                  what the caller does
=====================  =================================================================================
``Declined``           final: the provider refused (insufficient balance, customer declined); show
                       ``provider_message``. Do not resend.
``InvalidRequest``     final: our request was wrong (validation, duplicate ``app_ref``, unknown ref);
                       show ``provider_message``; fix and start again with a new ``app_ref``.
``InvalidCode``        an ``InvalidRequest``: the one-time code was refused; ask the customer again.
``Unauthorized``       the keys are wrong or revoked; stop and ask a manager to check settings.
``Unavailable``        network trouble, 5xx, 429, an unreadable answer to a read: nothing is known to
                       have happened; safe to try a *read* again later (after ``retry_after`` if set).
``OutcomeUnknown``     a money-moving request timed out or got an unreadable answer: it may or may not
                       have been executed. Never resend; record ``UNKNOWN`` and resolve it by status
                       reads (``provider_ref`` when the answer carried one) or by a manager.
``NotSupported``       the provider cannot do this (see ``Gateway.capabilities``).
=====================  =================================================================================

``Refused`` is the common base of the final refusals (``Declined`` and ``InvalidRequest``).
Every error's text and ``raw`` are already redacted: they may be logged and journaled as they are.

Retries: a gateway retries status and balance *reads* itself (bounded, with backoff, honouring
``Retry-After``); it sends every request that can move money exactly once. Callbacks are hints:
``verify_callback`` proves a callback came from the provider and tells the caller which payment to
read now; it never yields a final status (the status read is the source of truth).

``capture``, ``refund`` and ``cancel`` of the card providers return the *payment's* ``StatusReport``
after the operation (``captured`` / ``refunded`` / ``refundable`` say how much); an acquirer's refusal
raises ``Declined``, an amount above what may be captured or refunded ``InvalidRequest``.
"""

from __future__ import annotations

import asyncio
import email.utils
import enum
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

import httpx

from posapp.core.money import Money, MoneyError
from posapp.core.phone import MobileNumber
from posapp.core.redact import redact, redact_text
from posapp.core.transactions import Status

JSON = Any  # a decoded JSON value (dict / list / str / number / bool / None), already redacted


class Capability(enum.Flag):
    """What a provider can do; the UI offers only what the selected gateway declares."""

    NONE = 0
    PAYMENT_LINK = enum.auto()  # create a link / QR code the customer pays on a hosted page
    PUSH_PAYMENT = enum.auto()  # push a payment request to the customer's mobile-money phone
    OTP = enum.auto()  # a push may need a one-time code the customer reads out (submit_otp)
    CAPTURE = enum.auto()  # an authorized payment must be captured (capture)
    REFUND = enum.auto()  # the provider refunds a payment itself (refund)
    PAYOUT = enum.auto()  # send money from the merchant account to a phone / wallet
    BALANCE = enum.auto()  # read the merchant account's balance
    CALLBACKS = enum.auto()  # the provider notifies a URL; verify_callback checks them
    CANCEL = enum.auto()  # an authorization can be voided (released) before capture (cancel)


# ---------------------------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Customer:
    """What the provider may show or prefill about the payer; every field optional."""

    name: str = ""
    phone: MobileNumber | None = None
    email: str = ""


@dataclass(frozen=True, slots=True)
class PaymentLink:
    """A payment page the customer opens (shown as a QR code). ``raw`` is the redacted answer."""

    url: str
    provider_ref: str
    raw: JSON = None


@dataclass(frozen=True, slots=True)
class PushResult:
    """The provider accepted a push payment.

    ``status`` is ``PENDING`` (the customer approves on the phone; ``ussd`` is the code they may dial)
    or ``AWAITING_OTP`` (call ``submit_otp`` with the code the customer received).
    """

    status: Status
    provider_ref: str
    ussd: str | None = None
    message: str = ""
    raw: JSON = None


@dataclass(frozen=True, slots=True)
class StatusReport:
    """Where a transaction stands at the provider, in unified terms plus the provider's own words.

    ``provider_status`` is the provider's status text as received (for the journal and support);
    ``status`` is its unified mapping. ``fees``/``amount``/``operator``/``app_ref`` are ``None`` when
    the answer did not carry them.

    For card providers that authorize then capture (CoolPay, Paiwise, Commerce Layer) ``amount`` is
    the amount authorized, ``captured`` what was captured so far and ``refunded`` what was refunded so
    far (``None`` when the provider does not say); ``status`` is ``AUTHORIZED`` while nothing is
    captured, ``SUCCEEDED`` once something is, then ``PARTIALLY_REFUNDED`` / ``REFUNDED``.
    """

    status: Status
    provider_status: str
    provider_ref: str
    fees: Money | None = None
    operator: str | None = None
    message: str = ""
    raw: JSON = None
    amount: Money | None = None
    app_ref: str | None = None
    captured: Money | None = None
    refunded: Money | None = None

    @property
    def refundable(self) -> Money | None:
        """What may still be refunded (``captured - refunded``), when the provider reports both."""
        if self.captured is None:
            return None
        return self.captured - (self.refunded or Money.zero(self.captured.currency))


@dataclass(frozen=True, slots=True)
class CallbackHint:
    """An authentic callback: read the status of ``provider_ref`` now. Carries no status on purpose."""

    provider_ref: str
    app_ref: str | None = None
    raw: JSON = None


# ---------------------------------------------------------------------------------------------- errors


class GatewayError(Exception):
    """Base of every gateway error. ``str(error)`` and ``raw`` are redacted and safe to log.

    ``provider_message`` is the provider's own text when it sent one (shown to the cashier for final
    refusals); ``http_status`` the HTTP status when there was an answer.
    """

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        provider_message: str = "",
        http_status: int | None = None,
        raw: JSON = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.provider = provider
        self.provider_message = provider_message
        self.http_status = http_status
        self.raw = raw


class Refused(GatewayError):
    """Final: the provider answered and said no. Do not resend the same request."""


class Declined(Refused):
    """The operation was refused for a business reason (balance, customer, operator)."""


class InvalidRequest(Refused):
    """The request was refused as invalid (validation, duplicate ``app_ref``, unknown reference)."""


class InvalidCode(InvalidRequest):
    """The one-time code was wrong; the customer may read it out again."""


class NotFound(InvalidRequest):
    """The provider does not know this reference."""


class Unauthorized(GatewayError):
    """The provider refused our keys (or this machine): settings need a manager."""


class Unavailable(GatewayError):
    """Nothing is known to have happened; a read may be tried again, after ``retry_after`` seconds if set."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class UnreadableAnswer(Unavailable):
    """A read got an answer that does not make sense (not JSON, unknown status, missing fields)."""


class OutcomeUnknown(GatewayError):
    """A money-moving request may or may not have been executed. Never resend it.

    ``provider_ref`` is set when the answer still carried the provider's reference, so the tracker
    can resolve the outcome by status reads.
    """

    def __init__(self, message: str, *, provider_ref: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.provider_ref = provider_ref


class NotSupported(GatewayError):
    """The provider does not offer this operation (see ``Gateway.capabilities``)."""


class CallbackRejected(GatewayError):
    """A callback that is not authentic (bad signature, another application) or not readable."""


# ---------------------------------------------------------------------------------------------- protocol


@runtime_checkable
class Gateway(Protocol):
    """One payment provider. Every method may raise the ``GatewayError`` subclasses above.

    Amounts are ``Money`` in the provider's currency; phones are normalised ``MobileNumber``s.
    ``app_ref`` is our unique reference (the journal wrote the intent first); providers that refuse
    duplicates answer ``InvalidRequest`` when it is reused.
    """

    name: str
    capabilities: Capability

    @property
    def secrets(self) -> tuple[str, ...]:
        """Strings that must never reach a log, the journal or an export (for ``core.redact``)."""
        ...

    async def create_payment_link(
        self, app_ref: str, amount: Money, reason: str, customer: Customer | None = None, lang: str = "fr"
    ) -> PaymentLink:
        """A link the customer pays on. Failures before we got a link raise ``Unavailable``/``Refused``."""
        ...

    async def push_payment(
        self,
        app_ref: str,
        amount: Money,
        phone: MobileNumber,
        reason: str,
        customer: Customer | None = None,
        lang: str = "fr",
    ) -> PushResult:
        """Ask the customer's phone to pay. Timeouts/unreadable answers raise ``OutcomeUnknown``."""
        ...

    async def submit_otp(self, provider_ref: str, code: str) -> StatusReport:
        """Send the code the customer read out. A wrong code raises ``InvalidCode``."""
        ...

    async def payout(
        self,
        app_ref: str,
        amount: Money,
        recipient: MobileNumber | str,
        operator: str | None = None,
        reason: str = "",
    ) -> StatusReport:
        """Send money out (also how refunds are done without a refund endpoint). Sent exactly once."""
        ...

    async def status(self, provider_ref: str) -> StatusReport:
        """Read the provider's status (retried on transient failures)."""
        ...

    async def balance(self) -> Money:
        """The merchant account's balance (retried on transient failures)."""
        ...

    async def capture(self, provider_ref: str, amount: Money | None = None) -> StatusReport:
        """Capture an authorized payment; ``NotSupported`` without ``Capability.CAPTURE``."""
        ...

    async def refund(self, provider_ref: str, amount: Money, app_ref: str) -> StatusReport:
        """Refund through the provider; ``NotSupported`` without ``Capability.REFUND``."""
        ...

    async def cancel(self, provider_ref: str) -> StatusReport:
        """Void an authorization that was not captured; ``NotSupported`` without ``Capability.CANCEL``."""
        ...

    def verify_callback(self, headers: Mapping[str, str], body: bytes) -> CallbackHint:
        """Check a callback's authenticity; ``CallbackRejected`` unless it is genuine."""
        ...


class GatewayBase:
    """Defaults for the optional operations: each raises ``NotSupported``. Subclass and override."""

    name: str = "gateway"
    capabilities: Capability = Capability.NONE

    def _not_supported(self, what: str) -> NotSupported:
        return NotSupported(f"{self.name} does not support {what}", provider=self.name)

    async def create_payment_link(
        self, app_ref: str, amount: Money, reason: str, customer: Customer | None = None, lang: str = "fr"
    ) -> PaymentLink:
        raise self._not_supported("payment links")

    async def push_payment(
        self,
        app_ref: str,
        amount: Money,
        phone: MobileNumber,
        reason: str,
        customer: Customer | None = None,
        lang: str = "fr",
    ) -> PushResult:
        raise self._not_supported("push payments")

    async def submit_otp(self, provider_ref: str, code: str) -> StatusReport:
        raise self._not_supported("one-time codes")

    async def payout(
        self,
        app_ref: str,
        amount: Money,
        recipient: MobileNumber | str,
        operator: str | None = None,
        reason: str = "",
    ) -> StatusReport:
        raise self._not_supported("payouts")

    async def balance(self) -> Money:
        raise self._not_supported("balance reads")

    async def capture(self, provider_ref: str, amount: Money | None = None) -> StatusReport:
        raise self._not_supported("captures")

    async def refund(self, provider_ref: str, amount: Money, app_ref: str) -> StatusReport:
        raise self._not_supported("refunds")

    async def cancel(self, provider_ref: str) -> StatusReport:
        raise self._not_supported("voiding authorizations")

    def verify_callback(self, headers: Mapping[str, str], body: bytes) -> CallbackHint:
        raise self._not_supported("callbacks")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How reads are retried: at most ``retries`` more attempts, exponential backoff with full jitter.

    The n-th retry waits ``uniform(0, min(max_delay, base_delay * 2**n))`` seconds, or the server's
    ``Retry-After`` when that is longer; a ``Retry-After`` above ``max_retry_after`` is not waited for
    (the error carries it instead, for the caller's scheduler).
    """

    retries: int = 3
    base_delay: float = 0.25
    max_delay: float = 4.0
    max_retry_after: float = 30.0
    retry_statuses: frozenset[int] = field(default=frozenset({429, 500, 502, 503, 504}))


# ---------------------------------------------------------------------------------------------- request discipline
#
# Shared by the gateways written after My-CoolPay (CoolPay, Paiwise, Commerce Layer); mycoolpay.py keeps
# its own copy of the same rules. Each gateway still decides what an answer *means*; this only sends.

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=10.0, pool=5.0)
# Errors raised before any byte of the request could have reached the provider.
NOT_SENT: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
)

Sleep = Callable[[float], Awaitable[None]]


def decode_json(response: httpx.Response) -> Any:
    """The JSON body (floats as ``Decimal``), or ``{"non_json_body": text}`` when it is not JSON; never raises."""
    try:
        return json.loads(response.content, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError, RecursionError):
        try:
            return {"non_json_body": response.text[:500]}
        except Exception:  # undecodable bytes: keep nothing
            return {"non_json_body": ""}


class ProviderHttp:
    """How every request leaves a gateway: one overall deadline, redacted logs, reads retried, the rest once.

    ``send_once`` sends exactly once: a failure before the request left raises ``Unavailable``; after it
    (timeout, reset) ``OutcomeUnknown`` (the caller downgrades it to ``Unavailable`` when the request
    could not have moved money). ``read`` retries network errors and ``RetryPolicy.retry_statuses`` with
    backoff and jitter, honouring ``Retry-After``, and hands any other answer back to the gateway.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        provider: str,
        secrets: Callable[[], tuple[str, ...]],
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.http = http
        self.provider = provider
        self._secrets = secrets
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.clock = clock
        self.deadline = sum(t or 0.0 for t in (timeout.connect, timeout.read, timeout.write, timeout.pool)) or None
        self.log = logging.getLogger(f"posapp.gateways.{provider}")

    def redact(self, value: JSON) -> JSON:
        return redact(value, self._secrets())

    def text(self, text: str) -> str:
        return redact_text(text, self._secrets())

    def describe(self, exc: BaseException) -> str:
        return self.text(f"{type(exc).__name__}: {str(exc) or type(exc).__name__}")

    async def send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        content: bytes | None = None,
        params: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """One request under the overall deadline; transport failures propagate as ``httpx`` errors."""
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.deadline):
                response = await self.http.request(
                    method, url, content=content, headers=dict(headers), params=params, timeout=self.timeout
                )
        except TimeoutError:
            raise httpx.ReadTimeout("overall deadline exceeded") from None
        except httpx.HTTPError:
            raise
        except Exception as exc:
            # An in-process transport may fail in ways httpx does not wrap; the request may have left.
            self.log.warning("%s %s: transport failure: %s", method, self.text(url), self.describe(exc))
            raise httpx.TransportError(self.describe(exc)) from None
        self.log.info(
            "%s %s -> %s in %.0f ms",
            method,
            self.text(url),
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    async def send_once(
        self,
        method: str,
        url: str,
        what: str,
        *,
        headers: Mapping[str, str],
        content: bytes | None = None,
        provider_ref: str | None = None,
    ) -> tuple[httpx.Response, Any]:
        """Send exactly once and return the answer and its decoded body, whatever its status code.

        ``provider_ref`` is carried by the ``OutcomeUnknown`` of a request about a known payment.
        """
        try:
            response = await self.send(method, url, headers=headers, content=content)
        except NOT_SENT as exc:
            raise Unavailable(f"{what}: not sent ({self.describe(exc)})", provider=self.provider) from None
        except httpx.HTTPError as exc:
            self.log.warning("%s: outcome unknown: %s", what, self.describe(exc))
            raise OutcomeUnknown(
                f"{what}: no readable answer ({self.describe(exc)})", provider=self.provider, provider_ref=provider_ref
            ) from None
        return response, decode_json(response)

    async def read(
        self,
        method: str,
        url: str,
        what: str,
        *,
        headers: Mapping[str, str] | Callable[[], Awaitable[Mapping[str, str]]],
        content: bytes | None = None,
        params: Mapping[str, str] | None = None,
    ) -> tuple[httpx.Response, Any]:
        """A read with bounded retries; returns the first answer whose status is not retried.

        ``headers`` may be a coroutine function (a token that must be fetched first).
        """
        policy = self.retry
        attempt = 0
        while True:
            retry_after: float | None = None
            try:
                sent = await headers() if callable(headers) else headers
                response = await self.send(method, url, headers=sent, content=content, params=params)
            except httpx.HTTPError as exc:
                error = Unavailable(f"{what}: {self.describe(exc)}", provider=self.provider)
            else:
                body = decode_json(response)
                if response.status_code not in policy.retry_statuses:
                    return response, body
                retry_after = self.retry_after(response)
                error = Unavailable(
                    f"{what}: HTTP {response.status_code}",
                    provider=self.provider,
                    retry_after=retry_after,
                    http_status=response.status_code,
                    raw=self.redact(body),
                )
            if attempt >= policy.retries:
                raise error
            delay = self.rng.uniform(0, min(policy.max_delay, policy.base_delay * 2**attempt))
            if retry_after is not None:
                if retry_after > policy.max_retry_after:
                    raise error
                delay = max(delay, retry_after)
            attempt += 1
            self.log.info("%s: retry %d in %.2f s after %s", what, attempt, delay, error.message)
            await self.sleep(delay)

    def retry_after(self, response: httpx.Response) -> float | None:
        value = response.headers.get("Retry-After")
        if not value:
            return None
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        return max(0.0, when.timestamp() - self.clock())

    def error_for(
        self,
        response: httpx.Response,
        body: Any,
        what: str,
        message: str,
        *,
        money_moving: bool,
        provider_ref: str | None = None,
    ) -> GatewayError:
        """The error of a non-2xx answer, in the classes the module docstring explains.

        401/403 → ``Unauthorized``; 429 → ``Unavailable`` (``retry_after``); 404 → ``NotFound``; 402 →
        ``Declined``; other 4xx → ``InvalidRequest``; 5xx and anything else → ``OutcomeUnknown`` for a
        money-moving request, ``Unavailable`` otherwise.
        """
        code = response.status_code
        message = self.text(message)
        kwargs: dict[str, Any] = {
            "provider": self.provider,
            "provider_message": message,
            "http_status": code,
            "raw": self.redact(body),
        }
        text = f"{what}: HTTP {code}" + (f": {message}" if message else "")
        if code in (401, 403):
            return Unauthorized(text, **kwargs)
        if code == 429:
            return Unavailable(text, retry_after=self.retry_after(response), **kwargs)
        if code == 404:
            return NotFound(text, **kwargs)
        if code == 402:
            return Declined(text, **kwargs)
        if 400 <= code < 500:
            return InvalidRequest(text, **kwargs)
        if money_moving:
            return OutcomeUnknown(text, provider_ref=provider_ref, **kwargs)
        return Unavailable(text, **kwargs)


class Malformed(Exception):
    """An answer that does not have the documented shape (mapped by each gateway to a ``GatewayError``)."""


def get_string(body: Mapping[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise Malformed(f"{key} missing or not a string")
    return value


def get_optional_string(body: Mapping[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Malformed(f"{key} is not a string")
    return value


def get_minor(body: Mapping[str, Any], key: str, *, optional: bool = False) -> int | None:
    """A non-negative integer count of minor units; ``1000.0`` or ``"1000"`` are refused (not the documented shape)."""
    value = body.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise Malformed(f"{key} missing or not an integer")
    if value < 0:
        raise Malformed(f"{key} is negative")
    if value >= 10**15:
        raise Malformed(f"{key} is out of range")
    return value


def get_object(body: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = body.get(key)
    if not isinstance(value, dict):
        raise Malformed(f"{key} missing or not an object")
    return value


def money_of(minor: int, currency: object) -> Money:
    if not isinstance(currency, str):
        raise Malformed("currency missing or not a string")
    try:
        return Money(minor, currency.upper())
    except MoneyError as exc:
        raise Malformed(str(exc)) from None
