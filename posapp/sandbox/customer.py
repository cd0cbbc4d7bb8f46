"""What the emulated customer does, and the faults the emulated network suffers; shared by every emulator.

Nothing here knows a provider's API. An emulator asks:

* ``Clock.now()`` for the time (``SystemClock`` in training mode, ``ManualClock`` in tests, so "pay
  after 30 s" and expiry are tested without sleeping) and ``Clock.utc()`` for the timestamps it answers
  (the real current UTC time in training mode);
* ``Scripts.take(phone)`` for what the customer will do with a new payment: ``Script.pay(after=5)``,
  ``Script.decline()``, ``Script.walk_away()`` (never answers: the payment expires), ``Script.manual()``
  (waits for the control API: the training UI's emulated phone), ``Script.wrong_otp(times=1)``;
* ``Faults.take(endpoint, ref)`` whether this request suffers a fault: ``slow``, ``timeout_after_commit``,
  ``http_500``, ``html_error``, ``connection_reset``, or an answer no client should swallow whole
  (``gzip_bomb``, ``huge_body``, ``slow_drip``); rules are queued per next request (optionally per
  endpoint or per transaction) or drawn from a seeded random plan for fault campaigns (the network
  faults only, unless the plan names others);
* ``Outbox`` for the one-time "SMS" messages sent to phones (what the console shows in training mode).

The emulators also share the plumbing at the end of this module: ``run_with_faults`` (how a fault
reaches the client), ``fault_control`` (the faults and clock part of the control API), ``render_page``
(the customer's page), ``Emulator`` and ``emulator_app`` (ticker, callback delivery, the ASGI app). The
card emulators (CoolPay, Paiwise, Commerce Layer) also share ``EmulatedWorld`` (clock, scripts, faults,
callback outbox, seeded ids), ``CardEmulator``, ``common_control`` and ``card_page``; My-CoolPay keeps
its own state and callbacks (unsigned-body JSON callbacks whose URL is read when they are sent).

Every class is thread-safe: ``SandboxServer`` serves in a background thread while tests and the console
script the customer from another.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import random
import threading
import time
import zlib
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

import httpx
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Route


class Clock(Protocol):
    """The emulated world's time: ``now()`` schedules what is due, ``utc()`` is what the APIs' timestamps say."""

    def now(self) -> float:
        """Seconds on a monotonic scale."""
        ...

    def utc(self) -> datetime:
        """The current moment (timezone-aware, UTC)."""
        ...


class SystemClock:
    """Real time (training mode): timestamps are the machine's UTC time, never a fixed epoch."""

    def now(self) -> float:
        return time.monotonic()

    def utc(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """Time that moves only when told to (tests): ``clock.advance(30)``.

    ``utc()`` starts at ``utc_start`` (the real time when the clock is made, unless a test pins it) and
    moves with ``advance``, so timestamps stay true to the schedule the test plays.
    """

    def __init__(self, start: float = 1_000.0, utc_start: datetime | None = None) -> None:
        if utc_start is not None and utc_start.utcoffset() is None:
            raise ValueError("utc_start must be timezone-aware")
        self._start = start
        self._now = start
        self._utc_start = (utc_start or datetime.now(UTC)).astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def utc(self) -> datetime:
        with self._lock:
            return self._utc_start + timedelta(seconds=self._now - self._start)

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("time does not go back")
        with self._lock:
            self._now += seconds
            return self._now


# ---------------------------------------------------------------------------------------------- scripts


class Action(StrEnum):
    """What the customer (or, for payouts, the recipient's operator) finally does."""

    PAY = "pay"  # approves / pays (a payout: the operator credits the recipient)
    DECLINE = "decline"  # refuses on the phone or the checkout page (a payout: the operator refuses)
    WALK_AWAY = "walk_away"  # never answers; the payment expires
    MANUAL = "manual"  # waits for approve / decline through the control API (the emulated phone)


@dataclass(frozen=True, slots=True)
class Script:
    """One customer's behaviour: ``action`` after ``after`` seconds; ``wrong_otp`` codes read out wrongly first."""

    action: Action = Action.PAY
    after: float = 0.0
    wrong_otp: int = 0

    @classmethod
    def pay(cls, after: float = 0.0) -> Script:
        return cls(Action.PAY, after)

    @classmethod
    def decline(cls, after: float = 0.0) -> Script:
        return cls(Action.DECLINE, after)

    @classmethod
    def walk_away(cls) -> Script:
        return cls(Action.WALK_AWAY)

    @classmethod
    def manual(cls) -> Script:
        return cls(Action.MANUAL)

    @classmethod
    def wrong_otp_then_pay(cls, times: int = 1, after: float = 0.0) -> Script:
        return cls(Action.PAY, after, wrong_otp=times)

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action.value, "after": self.after, "wrong_otp": self.wrong_otp}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Script:
        return cls(Action(data.get("action", "pay")), float(data.get("after", 0.0)), int(data.get("wrong_otp", 0)))


class Scripts:
    """Which script the next payments follow: queued for the next payment, per phone, else the default."""

    def __init__(self, default: Script | None = None) -> None:
        self.default = default or Script.pay()
        self._next: deque[Script] = deque()
        self._by_phone: dict[str, Script] = {}
        self._lock = threading.Lock()

    def queue_next(self, script: Script) -> None:
        """The next payment (of any phone) follows ``script``; queued scripts are used in order."""
        with self._lock:
            self._next.append(script)

    def for_phone(self, phone: str, script: Script | None) -> None:
        """Every payment from ``phone`` (9-digit national form) follows ``script`` (``None`` removes it)."""
        with self._lock:
            if script is None:
                self._by_phone.pop(phone, None)
            else:
                self._by_phone[phone] = script

    def take(self, phone: str | None, fallback: Script | None = None) -> Script:
        """The script of a new payment: the next queued one, else ``phone``'s, else ``fallback`` or the default."""
        with self._lock:
            if self._next:
                return self._next.popleft()
            if phone and phone in self._by_phone:
                return self._by_phone[phone]
            return fallback or self.default

    def clear(self) -> None:
        with self._lock:
            self._next.clear()
            self._by_phone.clear()


# ---------------------------------------------------------------------------------------------- faults


class Fault(StrEnum):
    """What can go wrong between the console and the provider."""

    SLOW = "slow"  # the answer comes, but only after Timings.slow seconds
    TIMEOUT_AFTER_COMMIT = "timeout_after_commit"  # the provider executes, then never answers in time
    HTTP_500 = "http_500"  # a JSON-less 500 from the application
    HTML_ERROR = "html_error"  # a 502 HTML page from a proxy in front of the provider
    CONNECTION_RESET = "connection_reset"  # the connection drops before the answer is complete
    # Answers that are valid JSON but that no client should read whole (see ``oversized_answer``):
    GZIP_BOMB = "gzip_bomb"  # ~400 KB of Content-Encoding: gzip that inflates to GZIP_BOMB_PADDING bytes
    HUGE_BODY = "huge_body"  # a plain answer padded to HUGE_BODY_PADDING bytes
    SLOW_DRIP = "slow_drip"  # a byte every timings.drip_every s for timings.drip_for s, then the answer


# What a random plan draws from unless told otherwise: the faults of the network and the provider's
# servers (the oversized answers are asked for by name; a bomb costs the emulator a second to build).
NETWORK_FAULTS: tuple[Fault, ...] = (
    Fault.SLOW,
    Fault.TIMEOUT_AFTER_COMMIT,
    Fault.HTTP_500,
    Fault.HTML_ERROR,
    Fault.CONNECTION_RESET,
)
# Whether the provider executed the request before the fault, unless a rule says otherwise.
COMMITS_BY_DEFAULT: dict[Fault, bool] = {
    Fault.SLOW: True,
    Fault.TIMEOUT_AFTER_COMMIT: True,
    Fault.HTTP_500: False,
    Fault.HTML_ERROR: False,
    Fault.CONNECTION_RESET: True,
    Fault.GZIP_BOMB: True,
    Fault.HUGE_BODY: True,
    Fault.SLOW_DRIP: True,
}


@dataclass(frozen=True, slots=True)
class FaultRule:
    """Apply ``fault`` to the next ``count`` matching requests (``endpoint``/``ref`` ``None`` match any)."""

    fault: Fault
    endpoint: str | None = None
    ref: str | None = None
    count: int = 1
    commit: bool | None = None

    @property
    def commits(self) -> bool:
        return COMMITS_BY_DEFAULT[self.fault] if self.commit is None else self.commit

    def matches(self, endpoint: str, ref: str | None) -> bool:
        return (self.endpoint is None or self.endpoint == endpoint) and (self.ref is None or self.ref == ref)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["fault"] = self.fault.value
        data["commit"] = self.commits
        return data


@dataclass(slots=True)
class RandomFaults:
    """A seeded plan: each request to one of ``endpoints`` suffers one of ``faults`` with probability ``rate``.

    Same seed and same order of requests give the same faults, so a failing campaign can be replayed.
    """

    seed: int
    rate: float
    faults: tuple[Fault, ...] = NETWORK_FAULTS
    endpoints: frozenset[str] | None = None
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        if not 0.0 <= self.rate <= 1.0:
            raise ValueError("rate is a probability")
        self.rng = random.Random(self.seed)

    def draw(self, endpoint: str) -> FaultRule | None:
        if self.endpoints is not None and endpoint not in self.endpoints:
            return None
        # Always draw twice so the sequence does not depend on which branch was taken.
        roll, pick = self.rng.random(), self.rng.choice(self.faults)
        return FaultRule(pick, endpoint) if roll < self.rate else None


@dataclass(frozen=True, slots=True)
class FaultEvent:
    """A fault that was applied, for the campaign's report."""

    at: float
    endpoint: str
    ref: str | None
    fault: Fault
    committed: bool


class Faults:
    """The queued fault rules and the optional random plan, consulted once per request."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._remaining: list[int] = []
        self.random: RandomFaults | None = None
        self.applied: list[FaultEvent] = []
        self._lock = threading.Lock()

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)
            self._remaining.append(rule.count)

    def randomize(
        self,
        seed: int,
        rate: float,
        faults: tuple[Fault, ...] = NETWORK_FAULTS,
        endpoints: Iterable[str] | None = None,
    ) -> None:
        with self._lock:
            self.random = RandomFaults(seed, rate, faults, frozenset(endpoints) if endpoints else None)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()
            self._remaining.clear()
            self.random = None

    def pending(self) -> list[FaultRule]:
        with self._lock:
            return [r for r, n in zip(self._rules, self._remaining, strict=True) if n > 0]

    def take(self, endpoint: str, ref: str | None = None) -> FaultRule | None:
        """The fault this request suffers, if any (consumes one use of the first matching rule)."""
        with self._lock:
            for i, rule in enumerate(self._rules):
                if self._remaining[i] > 0 and rule.matches(endpoint, ref):
                    self._remaining[i] -= 1
                    return rule
            if self.random is not None:
                return self.random.draw(endpoint)
        return None

    def record(self, at: float, endpoint: str, ref: str | None, rule: FaultRule, committed: bool) -> None:
        with self._lock:
            self.applied.append(FaultEvent(at, endpoint, ref, rule.fault, committed))


# ---------------------------------------------------------------------------------------------- SMS


@dataclass(frozen=True, slots=True)
class Sms:
    """A message "sent" to a customer's phone (the OTP), as the training console shows it."""

    phone: str
    text: str
    code: str
    ref: str
    at: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Outbox:
    """Every SMS the emulators sent, in order."""

    def __init__(self) -> None:
        self._messages: list[Sms] = []
        self._lock = threading.Lock()

    def send(self, sms: Sms) -> None:
        with self._lock:
            self._messages.append(sms)

    def to(self, phone: str | None = None) -> list[Sms]:
        with self._lock:
            return [m for m in self._messages if phone is None or m.phone == phone]

    def clear(self) -> None:
        with self._lock:
            self._messages.clear()


# ---------------------------------------------------------------------------------------------- emulator plumbing
#
# How a fault turns into what the client sees, the part of the control API that is the same for every
# provider, the customer's page and the emulator's app are shared by every emulator; the card emulators
# (CoolPay, Paiwise, Commerce Layer) also share the world below and its callback outbox. Still nothing
# here knows a provider's API.


class FaultTimings(Protocol):
    @property
    def slow(self) -> float: ...

    @property
    def hang(self) -> float: ...

    @property
    def drip_every(self) -> float: ...

    @property
    def drip_for(self) -> float: ...

    @property
    def tick(self) -> float: ...


class FaultyWorld(Protocol):
    """What ``run_with_faults``, ``fault_control`` and ``Emulator`` need of an emulator's state."""

    @property
    def clock(self) -> Clock: ...

    @property
    def faults(self) -> Faults: ...

    @property
    def timings(self) -> FaultTimings: ...

    @property
    def sleep(self) -> Callable[[float], Awaitable[None]]: ...

    def tick(self) -> object: ...


@dataclass(slots=True)
class EmulatorTimings:
    """Delays of an emulated card world, in seconds; small by default so tests stay fast."""

    expiry: float = 300.0  # a payment page nobody answers expires after this
    operation_settle: float = 0.5  # an asynchronous capture / refund / cancel finishes after this
    slow: float = 2.0  # Fault.SLOW delays the answer by this
    hang: float = 60.0  # Fault.TIMEOUT_AFTER_COMMIT holds the answer this long
    drip_every: float = 0.1  # Fault.SLOW_DRIP sends a byte this often (far below any read timeout)
    drip_for: float = 120.0  # ... for this long before the answer itself
    tick: float = 0.1  # period of the real-time ticker under uvicorn


class EmulatedWorld:
    """What a card emulator's state holds besides its provider's records: time, customer, faults, callbacks."""

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        timings: EmulatorTimings | None = None,
        default_script: Script | None = None,
        seed: int | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.timings = timings or EmulatorTimings()
        # A payment page is driven by the emulated customer on the page unless a script is queued.
        self.scripts = Scripts(default_script or Script.manual())
        self.faults = Faults()
        self.callbacks = CallbackOutbox()
        self.sleep: Callable[[float], Awaitable[None]] = sleep or asyncio.sleep
        self.rng = random.Random(seed)
        self.lock = threading.RLock()

    def token(self, prefix: str = "", length: int = 10) -> str:
        """A reproducible random reference (seeded)."""
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        return prefix + "".join(self.rng.choice(alphabet) for _ in range(length))

    def reset_world(self) -> None:
        self.scripts.clear()
        self.faults.clear()
        self.callbacks.clear()

    def tick(self) -> object:
        """Run what is due (each emulator's state says what)."""
        return None


@dataclass(slots=True)
class Delivery:
    """One callback the emulator POSTed (or tried to)."""

    url: str
    content: bytes
    headers: dict[str, str]
    http_status: int | None = None
    answer: str = ""
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "body": self.content.decode("utf-8", "replace"),
            "headers": self.headers,
            "http_status": self.http_status,
            "answer": self.answer,
            "error": self.error,
        }


class CallbackOutbox:
    """Signed callbacks waiting to be POSTed (each once, never retried) and those already sent."""

    def __init__(self) -> None:
        self._pending: list[Delivery] = []
        self.sent: list[Delivery] = []
        self._lock = threading.Lock()

    def push(self, url: str, content: bytes, headers: dict[str, str]) -> None:
        with self._lock:
            self._pending.append(Delivery(url, content, headers))

    def has_pending(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def take(self) -> list[Delivery]:
        with self._lock:
            pending, self._pending = self._pending, []
            return pending

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()
            self.sent.clear()

    async def deliver(self, client: httpx.AsyncClient | None) -> list[Delivery]:
        """POST every pending callback once with ``client`` (an ``httpx.AsyncClient``; a fresh one if ``None``)."""
        deliveries = self.take()
        if not deliveries:
            return []
        own = client is None
        http = client or httpx.AsyncClient(timeout=5.0)
        try:
            for delivery in deliveries:
                try:
                    answer = await http.post(delivery.url, content=delivery.content, headers=delivery.headers)
                    delivery.http_status, delivery.answer = answer.status_code, answer.text[:100]
                except httpx.HTTPError as exc:
                    delivery.error = f"{type(exc).__name__}: {exc}"
                with self._lock:
                    self.sent.append(delivery)
        finally:
            if own:
                await http.aclose()
        return deliveries


HTML_502_PAGE = """<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
"""


class DroppedConnection(Response):
    """Sends a 200's status line and headers, then ends without the promised body (a reset mid-answer)."""

    def __init__(self) -> None:
        super().__init__(status_code=200)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", b"512")],
            }
        )


async def run_with_faults(
    world: FaultyWorld,
    endpoint: str,
    refs: Iterable[str | None],
    operation: Callable[[], Awaitable[Response]],
) -> Response:
    """Run one provider operation (returning a Starlette ``Response``) under the fault plan.

    A fault that does not commit answers before the operation runs; one that commits runs it first and
    then spoils (or withholds) the answer; ``slow`` only delays it.
    """
    response, _ = await run_under_faults(world, endpoint, refs, operation)
    return response


def _gateway_timeout() -> Response:
    return Response("Gateway Timeout", status_code=504, media_type="text/plain")


async def run_under_faults(
    world: FaultyWorld,
    endpoint: str,
    refs: Iterable[str | None],
    operation: Callable[[], Awaitable[Response]],
    *,
    timeout_answer: Callable[[], Response] = _gateway_timeout,
) -> tuple[Response, FaultRule | None]:
    """``run_with_faults``, also saying which fault rule applied; ``timeout_answer`` is the 504 of a
    ``timeout_after_commit`` fault that did not commit."""
    present = [r for r in refs if r]
    rule: FaultRule | None = None
    for ref in present:
        rule = world.faults.take(endpoint, ref)
        if rule is not None:
            break
    if rule is None and not present:
        rule = world.faults.take(endpoint, None)
    first_ref = present[0] if present else None
    if rule is not None and rule.fault is Fault.SLOW:
        await world.sleep(world.timings.slow)
        return await operation(), rule
    committed: Response | None = None
    if rule is None or rule.commits:
        committed = await operation()
        if rule is None:
            return committed, None
    assert rule is not None
    world.faults.record(world.clock.now(), endpoint, first_ref, rule, committed is not None)
    if rule.fault is Fault.TIMEOUT_AFTER_COMMIT:
        await world.sleep(world.timings.hang)
        return committed or timeout_answer(), rule
    if rule.fault is Fault.HTTP_500:
        return Response("Internal Server Error", status_code=500, media_type="text/plain"), rule
    if rule.fault is Fault.HTML_ERROR:
        return HTMLResponse(HTML_502_PAGE, status_code=502), rule
    if rule.fault in (Fault.GZIP_BOMB, Fault.HUGE_BODY, Fault.SLOW_DRIP):
        return await oversized_answer(rule.fault, committed, world.timings, world.sleep), rule
    return DroppedConnection(), rule


# The padding of the oversized answers: a JSON string ahead of the real fields, so the answer is valid
# JSON (a client that read it whole would take it) and a client that stops early never sees the fields.
GZIP_BOMB_PADDING = 400 * 1024 * 1024
HUGE_BODY_PADDING = 10 * 1000 * 1000
_PADDING_KEY = b'{"padding":"'


def _padding_end(body: bytes) -> bytes:
    """What follows the padding: the rest of ``body`` when it is a JSON object with fields, else ``}``."""
    try:
        fields = json.loads(body) if body else None
    except ValueError:
        fields = None
    if isinstance(fields, dict) and fields:
        return b'",' + body.lstrip()[1:]
    return b'"}'


def padded(body: bytes, padding: int) -> bytes:
    """``body`` (the answer a request deserved) behind ``padding`` bytes of a ``padding`` string."""
    return _PADDING_KEY + b"0" * padding + _padding_end(body)


@functools.cache
def _bomb_opening() -> tuple[bytes, Any]:
    """The compressed key and padding of every bomb, and the compressor's state after them (to copy)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"0" * (1 << 20)
    parts = [compressor.compress(_PADDING_KEY)]
    parts.extend(compressor.compress(chunk) for _ in range(GZIP_BOMB_PADDING // len(chunk)))
    return b"".join(parts), compressor


def gzip_bomb(body: bytes) -> bytes:
    """``padded(body, GZIP_BOMB_PADDING)`` as one valid gzip member of about 400 KB.

    The padding is compressed once per process (about a second); each bomb copies the compressor's
    state after it and adds its own end, so the CRC and length in the trailer are right.
    """
    opening, compressor = _bomb_opening()
    rest = compressor.copy()
    return opening + rest.compress(_padding_end(body)) + rest.flush()


async def oversized_answer(
    fault: Fault, committed: Response | None, timings: FaultTimings, sleep: Callable[[float], Awaitable[None]]
) -> Response:
    """The answer ``committed`` deserved (``{}`` when nothing was done), made too big or too slow to read."""
    status_code = committed.status_code if committed is not None else 200
    body = bytes(committed.body) if committed is not None and hasattr(committed, "body") else b"{}"
    if fault is Fault.GZIP_BOMB:
        content = await asyncio.to_thread(gzip_bomb, body)
        return Response(content, status_code, headers={"Content-Encoding": "gzip"}, media_type="application/json")
    if fault is Fault.HUGE_BODY:
        return Response(padded(body, HUGE_BODY_PADDING), status_code, media_type="application/json")

    async def drip() -> AsyncIterator[bytes]:
        # Leading whitespace is valid JSON: only the time it takes spoils this answer.
        waited = 0.0
        while waited < timings.drip_for:
            yield b" "
            await sleep(timings.drip_every)
            waited += timings.drip_every
        yield body

    return StreamingResponse(drip(), status_code, media_type="application/json")


class ControlError(Exception):
    """A control API request that cannot be done: answered ``{"error": message}`` with ``status_code``."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


NOT_HANDLED = object()


def common_control(world: EmulatedWorld, method: str, path: str, body: dict[str, Any]) -> Any:
    """The control API every emulator shares (scripts, faults, clock, callbacks); ``NOT_HANDLED`` otherwise.

    ``POST scripts`` (``{"action", "after", "phone"?}`` queues the next payment's script),
    ``GET|POST|DELETE faults``, ``POST faults/random`` (``{"seed", "rate", "faults"?, "endpoints"?}``),
    ``POST clock/advance`` (``{"seconds"}``, manual clock only), ``GET callbacks``.
    """
    if path == "scripts" and method == "POST":
        script = Script.from_json(body)
        if body.get("phone"):
            world.scripts.for_phone(str(body["phone"]), script)
        else:
            world.scripts.queue_next(script)
        return {"ok": True, "script": script.to_json()}
    if path == "callbacks" and method == "GET":
        return [d.to_json() for d in world.callbacks.sent]
    return fault_control(world, method, path, body)


def fault_control(world: FaultyWorld, method: str, path: str, body: dict[str, Any]) -> Any:
    """The faults and clock controls every emulator shares; ``NOT_HANDLED`` otherwise.

    ``GET|POST|DELETE faults``, ``POST faults/random`` (``{"seed", "rate", "faults"?, "endpoints"?}``),
    ``POST clock/advance`` (``{"seconds"}``, manual clock only: ``ControlError`` 409 on real time).
    """
    if path == "faults" and method == "GET":
        return {
            "pending": [r.to_json() for r in world.faults.pending()],
            "applied": [
                {"endpoint": e.endpoint, "ref": e.ref, "fault": e.fault.value, "committed": e.committed}
                for e in world.faults.applied
            ],
        }
    if path == "faults" and method == "POST":
        rule = FaultRule(
            Fault(body["fault"]),
            endpoint=body.get("endpoint"),
            ref=body.get("ref"),
            count=int(body.get("count", 1)),
            commit=body.get("commit"),
        )
        world.faults.add(rule)
        return {"ok": True, "rule": rule.to_json()}
    if path == "faults/random" and method == "POST":
        faults = tuple(Fault(f) for f in body.get("faults", [f.value for f in NETWORK_FAULTS]))
        world.faults.randomize(int(body["seed"]), float(body["rate"]), faults, body.get("endpoints"))
        return {"ok": True}
    if path == "faults" and method == "DELETE":
        world.faults.clear()
        return {"ok": True}
    if path == "clock/advance" and method == "POST":
        advance = getattr(world.clock, "advance", None)
        if advance is None:
            raise ControlError(409, "the sandbox runs on real time")
        advance(float(body["seconds"]))
        return {"ok": True, "now": world.clock.now()}
    return NOT_HANDLED


# ---------------------------------------------------------------------------------------------- card pages

# The emulated customer's test card: any card number is accepted, this one is prefilled.
TEST_CARD = "4571 0000 0000 0001"


def iso_time(moment: datetime, *, milliseconds: bool = True) -> str:
    """``moment`` as ISO 8601 UTC text: ``2026-12-01T09:30:05.123Z``, or ``2026-12-01T09:30:05Z`` without
    ``milliseconds`` (each emulator uses its provider's documented form)."""
    moment = moment.astimezone(UTC)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    return (text + f".{moment.microsecond // 1000:03d}Z") if milliseconds else text + "Z"


def form_fields(raw: bytes) -> dict[str, str]:
    """A urlencoded form body (Starlette's form parser needs python-multipart, which we do not ship)."""
    from urllib.parse import parse_qs

    parsed = parse_qs(raw.decode("utf-8", "replace"))
    return {key: values[0] for key, values in parsed.items() if values}


def card_page(
    *,
    brand: str,
    lang: str,
    reason: str,
    amount: str,
    currency: str,
    action_url: str | None,
    status: str,
    message: str = "",
    error: str = "",
    challenge: bool = False,
) -> str:
    """The customer-facing page of an emulated card payment: a card form (or a 3-D Secure challenge) while
    ``action_url`` is set, else the payment's final ``status`` (shown in ``#status``)."""
    import html

    fr = lang.startswith("fr")
    if action_url is not None:
        if challenge:
            hint = "Authentification 3-D Secure de votre banque" if fr else "3-D Secure check by your bank"
            fields = f'<p class="hint">{hint}</p>'
            pay, decline = ("Approuver", "Refuser") if fr else ("Approve", "Decline")
        else:
            fields = (
                f'<label for="card">{"Numéro de carte" if fr else "Card number"}</label>'
                f'<input id="card" name="card" inputmode="numeric" value="{TEST_CARD}">'
            )
            pay, decline = ("Payer", "Annuler") if fr else ("Pay", "Cancel")
        body = (
            f'<form method="post" action="{html.escape(action_url)}">{fields}'
            f'<button class="pay" name="action" value="pay">{pay}</button>'
            f'<button class="decline" name="action" value="decline">{decline}</button></form>'
        )
    else:
        body = status_body(status, message)
    return render_page(brand=brand, lang=lang, reason=reason, amount=amount, currency=currency, error=error, body=body)


def status_body(status: str, message: str) -> str:
    """The page's body once the payment is no longer open: its ``status`` (in ``#status``) and a message."""
    import html

    return f'<p class="status" id="status">{html.escape(status)}</p><p>{html.escape(message)}</p>'


def render_page(*, brand: str, lang: str, reason: str, amount: str, currency: str, error: str, body: str) -> str:
    """The customer-facing page of every emulator around ``body`` (HTML: the provider's form or the status)."""
    import html
    import string
    from importlib import resources

    template = string.Template(
        resources.files("posapp.sandbox").joinpath("templates/card_checkout.html").read_text("utf-8")
    )
    fr = lang.startswith("fr")
    return template.substitute(
        lang="fr" if fr else "en",
        title=f"{brand} - " + ("Paiement" if fr else "Payment"),
        brand=html.escape(brand),
        training="Mode formation - aucun argent réel" if fr else "Training mode - no real money",
        reason_label="Motif" if fr else "Reason",
        reason=html.escape(reason),
        amount=html.escape(amount),
        currency=html.escape(currency),
        error=html.escape(error),
        body=body,
    )


# ---------------------------------------------------------------------------------------------- the app

CONTROL_PREFIX = "/_sandbox"

S = TypeVar("S", bound=FaultyWorld)
W = TypeVar("W", bound=EmulatedWorld)


def mount_url(request: Request) -> str:
    """Where the emulator answers, with the prefix it may be mounted under (``SandboxServer``)."""
    return f"{request.url.scheme}://{request.url.netloc}{request.scope.get('root_path', '')}"


class Emulator(Generic[S]):
    """What every emulator's routes share: its state, the real-time ticker and the callback delivery.

    Subclasses say whether callbacks are waiting (``has_callbacks``) and how they are sent
    (``deliver_callbacks``); an answer passed through ``_with_callbacks`` sends them once it is out.
    """

    ticker_name = "sandbox ticker"

    def __init__(self, state: S, callback_client: httpx.AsyncClient | None = None) -> None:
        self.state = state
        self.callback_client = callback_client
        self._delivering = asyncio.Lock()

    def has_callbacks(self) -> bool:
        raise NotImplementedError

    async def deliver_callbacks(self) -> object:
        raise NotImplementedError

    def _with_callbacks(self, response: Response) -> Response:
        if self.has_callbacks():
            response.background = BackgroundTask(self.deliver_callbacks)
        return response

    async def ticker(self) -> None:
        """Run scripted events in real time (started by the app's lifespan under uvicorn)."""
        while True:
            await asyncio.sleep(self.state.timings.tick)
            try:
                self.state.tick()
                if self.has_callbacks():
                    await self.deliver_callbacks()
            except Exception:  # the ticker must survive a bad callback URL or a bug in a script
                logging.getLogger(type(self).__module__).exception(self.ticker_name)

    async def control(self, request: Request) -> Response:
        raise NotImplementedError


class CardEmulator(Emulator[W]):
    """A card emulator over an ``EmulatedWorld``: callbacks go through its ``CallbackOutbox``."""

    def has_callbacks(self) -> bool:
        return self.state.callbacks.has_pending()

    async def deliver_callbacks(self) -> None:
        async with self._delivering:
            await self.state.callbacks.deliver(self.callback_client)


def emulator_app(
    state: FaultyWorld,
    emulator: Emulator[Any],
    routes: list[Route],
    *,
    exception_handlers: Mapping[Any, Callable[[Request, Exception], Response | Awaitable[Response]]] | None = None,
) -> Starlette:
    """The emulator as an ASGI app: ``routes``, then the control API under ``CONTROL_PREFIX``; the ticker
    runs during the lifespan. ``app.state.sandbox`` is the state, ``app.state.emulator`` the emulator.
    ``exception_handlers`` (Starlette's) answer what no route does in the provider's own error shape."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(emulator.ticker())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    control = Route(CONTROL_PREFIX + "/{path:path}", emulator.control, methods=["GET", "POST", "PUT", "DELETE"])
    app = Starlette(routes=[*routes, control], lifespan=lifespan, exception_handlers=dict(exception_handlers or {}))
    app.state.sandbox = state
    app.state.emulator = emulator
    return app
