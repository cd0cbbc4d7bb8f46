"""How requests leave every gateway (My-CoolPay, CoolPay, Paiwise, Commerce Layer).

One overall deadline per request, redacted logs, reads retried with backoff and jitter, money-moving
requests sent once; plus the small helpers that read providers' JSON without trusting it. Kept apart
from ``base.py`` so that the interface (and the UI that imports it) does not load httpx.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import httpx

from posapp.core.money import Money, MoneyError
from posapp.core.redact import redact, redact_text
from posapp.gateways.base import (
    JSON,
    Declined,
    GatewayError,
    InvalidRequest,
    NotFound,
    OutcomeUnknown,
    RetryPolicy,
    Unauthorized,
    Unavailable,
)

# ---------------------------------------------------------------------------------------------- request discipline
#
# Shared by every gateway. Each gateway still decides what an answer *means*; this only sends.

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=10.0, pool=5.0)
# Errors raised before any byte of the request could have reached the provider.
NOT_SENT: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
)

Sleep = Callable[[float], Awaitable[None]]
T = TypeVar("T")


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

    ``message`` reads the provider's own text out of a body (``provider_message`` of the error a read
    raises when its retries run out); without it that error carries none.
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
        message: Callable[[Any], str] | None = None,
    ) -> None:
        self.http = http
        self.provider = provider
        self._secrets = secrets
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.clock = clock
        self.message = message
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
                    provider_message=self.text(self.message(body)) if self.message else "",
                )
            if attempt >= policy.retries:
                raise error
            delay = self.rng.uniform(0, min(policy.max_delay, policy.base_delay * 2**attempt))
            if retry_after is not None:
                if retry_after > policy.max_retry_after:
                    raise error
                delay = max(delay, retry_after)
            attempt += 1
            self.log.info("%s: retry %d in %.2f s after %s", self.text(what), attempt, delay, error.message)
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

    def moved(
        self,
        response: httpx.Response,
        body: Any,
        what: str,
        message: str,
        provider_ref: str,
        expected: tuple[int, ...],
        read: Callable[[], T],
    ) -> T:
        """What the answer to a money-moving request about ``provider_ref`` says, through ``read``.

        A 4xx/5xx is ``error_for`` (money-moving); a status not in ``expected``, or an answer ``read``
        finds ``Malformed``, is ``OutcomeUnknown`` carrying ``provider_ref``: the tracker resolves it.
        """
        if response.status_code >= 400:
            raise self.error_for(response, body, what, message, money_moving=True, provider_ref=provider_ref)
        try:
            if response.status_code not in expected:
                raise Malformed(f"unexpected HTTP {response.status_code}")
            return read()
        except Malformed as exc:
            raise OutcomeUnknown(
                f"{what}: unreadable answer: {exc}",
                provider=self.provider,
                provider_ref=provider_ref,
                http_status=response.status_code,
                raw=self.redact(body),
            ) from None


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
