"""What the emulated customer does, and the faults the emulated network suffers; shared by every emulator.

Nothing here knows a provider's API. An emulator asks:

* ``Clock.now()`` for the time (``SystemClock`` in training mode, ``ManualClock`` in tests, so "pay
  after 30 s" and expiry are tested without sleeping);
* ``Scripts.take(phone)`` for what the customer will do with a new payment: ``Script.pay(after=5)``,
  ``Script.decline()``, ``Script.walk_away()`` (never answers: the payment expires), ``Script.manual()``
  (waits for the control API: the training UI's emulated phone), ``Script.wrong_otp(times=1)``;
* ``Faults.take(endpoint, ref)`` whether this request suffers a fault: ``slow``, ``timeout_after_commit``,
  ``http_500``, ``html_error``, ``connection_reset``; rules are queued per next request (optionally per
  endpoint or per transaction) or drawn from a seeded random plan for fault campaigns;
* ``Outbox`` for the one-time "SMS" messages sent to phones (what the console shows in training mode).

Every class is thread-safe: ``SandboxServer`` serves in a background thread while tests and the console
script the customer from another.
"""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale."""
        ...


class SystemClock:
    """Real time (training mode)."""

    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """Time that moves only when told to (tests): ``clock.advance(30)``."""

    def __init__(self, start: float = 1_000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

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


# Whether the provider executed the request before the fault, unless a rule says otherwise.
COMMITS_BY_DEFAULT: dict[Fault, bool] = {
    Fault.SLOW: True,
    Fault.TIMEOUT_AFTER_COMMIT: True,
    Fault.HTTP_500: False,
    Fault.HTML_ERROR: False,
    Fault.CONNECTION_RESET: True,
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
    faults: tuple[Fault, ...] = tuple(Fault)
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
        faults: tuple[Fault, ...] = tuple(Fault),
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
