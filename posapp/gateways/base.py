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
``OutcomeUnknown``     a money-moving request timed out or got an unreadable answer (one too big to
                       read counts as unreadable): it may or may not have been executed. Never
                       resend; record ``UNKNOWN`` and resolve it by status reads (``provider_ref``
                       when the answer carried one) or by a manager.
``NotSupported``       the provider cannot do this (see ``Gateway.capabilities``).
=====================  =================================================================================

``Refused`` is the common base of the final refusals (``Declined`` and ``InvalidRequest``).
Every error's text and ``raw`` are already redacted: they may be logged and journaled as they are.

Retries: a gateway retries status and balance *reads* itself (bounded, with backoff, honouring
``Retry-After``, all within the call's one total deadline); it sends every request that can move money
exactly once. Callbacks are hints:
``verify_callback`` proves a callback came from the provider and tells the caller which payment to
read now; it never yields a final status (the status read is the source of truth).

``capture``, ``refund`` and ``cancel`` of the card providers return the *payment's* ``StatusReport``
after the operation (``captured`` / ``refunded`` / ``refundable`` say how much); an acquirer's refusal
raises ``Declined``, an amount above what may be captured or refunded ``InvalidRequest``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from posapp.core.money import Money
from posapp.core.phone import MobileNumber
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
    """A read got an answer that does not make sense (not JSON, unknown status, missing fields, or too
    big to read: see ``http.MAX_ANSWER_BYTES``)."""


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
