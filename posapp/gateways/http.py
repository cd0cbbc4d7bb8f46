"""How requests leave every gateway (My-CoolPay, CoolPay, Paiwise, Commerce Layer).

One total deadline per call (its retries included), every answer read as a stream under a cap on its
decoded bytes, redacted logs, reads retried with backoff and jitter, money-moving requests sent once;
plus the small helpers that read providers' JSON without trusting it. Kept apart from ``base.py`` so
that the interface (and the UI that imports it) does not load httpx.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import json
import logging
import random
import time
import zlib
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
    UnreadableAnswer,
)

# ---------------------------------------------------------------------------------------------- request discipline
#
# Shared by every gateway. Each gateway still decides what an answer *means*; this only sends.

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=10.0, pool=5.0)
# The most an answer may weigh once decoded. The documented answers are a few KB; a few hundred KB is
# far above any of them, and below it a gzip bomb or a runaway body costs nothing.
MAX_ANSWER_BYTES = 256 * 1024
# The encodings offered, each inflated here under the cap: httpx inflates a whole chunk at once (an
# in-process transport hands over the whole body as one chunk), so it cannot stop a bomb in time.
ACCEPTED_ENCODINGS = "gzip, deflate"
# Errors raised before any byte of the request could have reached the provider.
NOT_SENT: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
)

Sleep = Callable[[float], Awaitable[None]]
T = TypeVar("T")

# When the call under way in this task must be over (event loop time): a request made inside it (the
# token a read fetches first) spends the same budget instead of starting its own.
_CALL_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("posapp_call_deadline", default=None)


class UnreadableBody(Exception):
    """An answer that was not read: over the cap once decoded, or in an encoding that was not offered."""

    def __init__(self, reason: str, status_code: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status_code = status_code


class _Inflater:
    """Decodes one ``Content-Encoding`` chunk by chunk, never producing more than it is asked for."""

    def __init__(self, encoding: str, status_code: int) -> None:
        self.encoding = encoding
        self.status_code = status_code
        self._first = True
        if encoding in ("", "identity"):
            self._zlib = None
        elif encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise UnreadableBody(f"Content-Encoding {encoding!r} was not offered", status_code)

    def inflate(self, data: bytes, limit: int) -> bytes:
        """At most ``limit`` decoded bytes of ``data``; when it returns ``limit`` bytes, some input may be left."""
        if self._zlib is None:
            return data[:limit]
        first, self._first = self._first, False
        try:
            return self._zlib.decompress(data, limit)
        except zlib.error:
            # "deflate" is meant to be zlib-wrapped, but some servers send it raw (as httpx also accepts).
            if first and self.encoding == "deflate":
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.inflate(data, limit)
            raise UnreadableBody(f"{self.encoding} answer does not decode", self.status_code) from None


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

    Bounds: a call, retries and their waits included, ends by ``deadline`` seconds (the sum of
    ``timeout``'s parts) after it began, even when bytes keep trickling in so that no per-read timeout
    fires; every answer is read as a stream and refused once its decoded bytes pass
    ``max_answer_bytes``. A refused answer is an unreadable one: ``OutcomeUnknown`` from
    ``send_once``, ``UnreadableAnswer`` from ``read`` (not retried: the provider answered, too much).
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
        max_answer_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        if max_answer_bytes < 1:
            raise ValueError("max_answer_bytes must be positive")
        self.http = http
        self.provider = provider
        self._secrets = secrets
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.clock = clock
        self.message = message
        self.max_answer_bytes = max_answer_bytes
        self.deadline = sum(t or 0.0 for t in (timeout.connect, timeout.read, timeout.write, timeout.pool)) or None
        self.log = logging.getLogger(f"posapp.gateways.{provider}")

    def redact(self, value: JSON) -> JSON:
        return redact(value, self._secrets())

    def text(self, text: str) -> str:
        return redact_text(text, self._secrets())

    def describe(self, exc: BaseException) -> str:
        return self.text(f"{type(exc).__name__}: {str(exc) or type(exc).__name__}")

    def deadline_at(self) -> float | None:
        """When a call starting now must be over (event loop time): ``deadline`` from now, or sooner if
        it is made inside another call of this task."""
        own = None if self.deadline is None else asyncio.get_running_loop().time() + self.deadline
        outer = _CALL_DEADLINE.get()
        if outer is None or own is None:
            return own if outer is None else outer
        return min(own, outer)

    async def send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        content: bytes | None = None,
        params: Mapping[str, str] | None = None,
        deadline_at: float | None = None,
    ) -> httpx.Response:
        """One request, its answer read whole under the cap, all before ``deadline_at`` (event loop time;
        default ``deadline_at()``).

        Transport failures propagate as ``httpx`` errors (the deadline as ``httpx.ReadTimeout``), a
        refused answer as ``UnreadableBody``. The answer returned holds the decoded body and no longer
        says how it was encoded.
        """
        started = time.perf_counter()
        when = self.deadline_at() if deadline_at is None else deadline_at
        sent = httpx.Headers(headers)
        sent.setdefault("Accept-Encoding", ACCEPTED_ENCODINGS)
        try:
            async with asyncio.timeout_at(when):
                request = self.http.build_request(
                    method, url, content=content, headers=sent, params=params, timeout=self.timeout
                )
                streamed = await self.http.send(request, stream=True)
                try:
                    body = await self._read_capped(streamed)
                finally:
                    await streamed.aclose()
        except TimeoutError:
            raise httpx.ReadTimeout("overall deadline exceeded") from None
        except (httpx.HTTPError, UnreadableBody):
            raise
        except Exception as exc:
            # An in-process transport may fail in ways httpx does not wrap; the request may have left.
            self.log.warning("%s %s: transport failure: %s", method, self.text(url), self.describe(exc))
            raise httpx.TransportError(self.describe(exc)) from None
        self.log.info(
            "%s %s -> %s in %.0f ms",
            method,
            self.text(url),
            streamed.status_code,
            (time.perf_counter() - started) * 1000,
        )
        kept = [(k, v) for k, v in streamed.headers.multi_items() if k.lower() not in _BODY_FRAMING_HEADERS]
        return httpx.Response(streamed.status_code, headers=kept, content=body, request=request)

    async def _read_capped(self, response: httpx.Response) -> bytes:
        """The decoded body, or ``UnreadableBody`` as soon as it passes ``max_answer_bytes``."""
        cap = self.max_answer_bytes
        if response.is_stream_consumed:
            # An answer made in memory (httpx.MockTransport) was read, and decoded, when it was made.
            if len(response.content) > cap:
                raise UnreadableBody(f"answer over {cap} bytes once decoded", response.status_code)
            return response.content
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        inflater = _Inflater(encoding, response.status_code)
        body = bytearray()
        async for chunk in response.aiter_raw():
            body += inflater.inflate(chunk, cap - len(body) + 1)
            if len(body) > cap:
                raise UnreadableBody(f"answer over {cap} bytes once decoded", response.status_code)
        return bytes(body)

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
        except UnreadableBody as exc:
            self.log.warning("%s: outcome unknown: %s (HTTP %s)", what, exc.reason, exc.status_code)
            raise OutcomeUnknown(
                f"{what}: unreadable answer ({exc.reason})",
                provider=self.provider,
                provider_ref=provider_ref,
                http_status=exc.status_code,
            ) from None
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

        ``headers`` may be a coroutine function (a token that must be fetched first): it runs within the
        same deadline. No retry starts, nor waits, past the deadline.
        """
        policy = self.retry
        loop = asyncio.get_running_loop()
        deadline_at = self.deadline_at()
        outer = _CALL_DEADLINE.set(deadline_at)
        try:
            attempt = 0
            while True:
                retry_after: float | None = None
                try:
                    async with asyncio.timeout_at(deadline_at):
                        sent = await headers() if callable(headers) else headers
                        response = await self.send(
                            method, url, headers=sent, content=content, params=params, deadline_at=deadline_at
                        )
                except UnreadableBody as exc:
                    raise UnreadableAnswer(
                        f"{what}: unreadable answer ({exc.reason})", provider=self.provider, http_status=exc.status_code
                    ) from None
                except TimeoutError:
                    error = Unavailable(
                        f"{what}: no answer within the {self.deadline:g} s deadline", provider=self.provider
                    )
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
                if deadline_at is not None and loop.time() + delay >= deadline_at:
                    raise error  # the next attempt could not start before the deadline
                attempt += 1
                self.log.info("%s: retry %d in %.2f s after %s", self.text(what), attempt, delay, error.message)
                await self.sleep(delay)
        finally:
            _CALL_DEADLINE.reset(outer)

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


# Headers about how the body travelled: the answer handed on holds the decoded body instead.
_BODY_FRAMING_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


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
