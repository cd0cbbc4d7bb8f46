"""Who may do what: roles, the permission matrix, PIN rules, PIN hashing and the lockout policy.

Pure: no clock, no storage, no Qt. Times are passed in (aware ``datetime``); the journal keeps users and
their lockout state (``posapp.journal.users``), the UI asks for PINs (``posapp.ui.wiring.access``).

- **Roles and actions.** A cashier sells, follows and cancels payments, sees the history and prints
  receipts. Everything that moves money out of the merchant's account (refund, payout), reads the
  balance, changes settings or users, exports or reports, or declares the outcome of an unknown
  transaction is a manager's. ``can(role, action)`` is the whole matrix; a cashier who needs a manager's
  action asks a manager for a single-use approval (the value of a ``Permission`` is the approval's
  ``operation``: ``"refund"`` and ``"payout"`` are what ``Journal.record_intent`` consumes for a refund
  or payout intent, ``"resolve"`` what ``PayoutService.resolve_unknown`` consumes).
- **PINs** have 4 to 8 digits; ``pin_problem`` refuses the ones anybody would try first (``0000``,
  ``1234``, ``1212``, ``2580``...) and says why. A PIN is stored as ``hashlib.scrypt`` of the PIN with a
  random per-user salt; the scrypt parameters live with the hash, so ``DEFAULT_PARAMS`` can be raised
  later and old hashes still verify (and are re-hashed on the next good PIN: ``needs_rehash``).
  Comparison is ``hmac.compare_digest``. A 4-digit PIN cannot resist an offline search of the file
  whatever the hash costs; what protects it is the try limit below and the file staying on the till.
- **Lockout.** After ``LockoutPolicy.max_failures`` (5) wrong PINs in a row the user is locked for
  ``lock_for`` (30 minutes). While locked no PIN is even checked, so tries cannot continue; when the
  lock ends the user has 5 fresh tries. A good PIN clears the count.

Salt comes from ``secrets.token_bytes`` unless a ``random_bytes`` callable is given (tests pass a
deterministic one). Reading the OS's random source is not I/O in the layering sense: it has no state
anyone else sees and no failure a caller must handle.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

# ---------------------------------------------------------------------------------------------- roles


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"


class ActionGroup(StrEnum):
    """What kind of thing an action does; the matrix test checks whole groups."""

    SELLING = "selling"  # take money in, follow and cancel payments
    VIEWING = "viewing"  # read what the console already shows the cashier
    MONEY_OUT = "money_out"  # money leaves the merchant's account, or an unknown outcome is declared
    OVERSIGHT = "oversight"  # figures a cashier does not need: balance, end-of-day report
    SETTINGS = "settings"  # configuration, provider keys, users
    EXPORT = "export"  # data leaves the till


class Permission(StrEnum):
    """Every action of the product that someone may or may not be allowed to do.

    The value is the ``operation`` of a manager's approval for the action (see the module docstring).
    """

    SELL = "sell"  # start a link (QR) or push payment, type the customer's OTP
    CAPTURE = "capture"  # capture an authorized payment: it completes a sale, money comes in
    CANCEL_PAYMENT = "cancel_payment"  # stop a payment in progress (or void an authorization): nothing was paid
    CHECK_STATUS = "check_status"  # re-read a payment's status from the provider
    VIEW_ACTIVITY = "view_activity"
    VIEW_HISTORY = "view_history"
    PRINT_RECEIPT = "print_receipt"  # print or reprint a receipt
    REFUND = "refund"
    PAYOUT = "payout"
    RESOLVE_UNKNOWN = "resolve"  # declare an unknown outcome succeeded or failed
    VIEW_BALANCE = "view_balance"
    END_OF_DAY_REPORT = "end_of_day_report"
    CHANGE_SETTINGS = "settings"  # provider and keys, language, currency, polling, idle lock, receipts
    MANAGE_USERS = "manage_users"  # add users, change another user's PIN, disable
    EXPORT = "export"  # CSV export, report export, saving history to a file

    @property
    def group(self) -> ActionGroup:
        return _GROUPS[self]

    @property
    def moves_money_out(self) -> bool:
        return self.group is ActionGroup.MONEY_OUT


_P, _G = Permission, ActionGroup
_GROUPS: Mapping[Permission, ActionGroup] = {
    _P.SELL: _G.SELLING,
    _P.CAPTURE: _G.SELLING,
    _P.CANCEL_PAYMENT: _G.SELLING,
    _P.CHECK_STATUS: _G.SELLING,
    _P.VIEW_ACTIVITY: _G.VIEWING,
    _P.VIEW_HISTORY: _G.VIEWING,
    _P.PRINT_RECEIPT: _G.VIEWING,
    _P.REFUND: _G.MONEY_OUT,
    _P.PAYOUT: _G.MONEY_OUT,
    _P.RESOLVE_UNKNOWN: _G.MONEY_OUT,
    _P.VIEW_BALANCE: _G.OVERSIGHT,
    _P.END_OF_DAY_REPORT: _G.OVERSIGHT,
    _P.CHANGE_SETTINGS: _G.SETTINGS,
    _P.MANAGE_USERS: _G.SETTINGS,
    _P.EXPORT: _G.EXPORT,
}

# The whole matrix. A new Permission must be placed here on purpose: the test fails until it is.
MATRIX: Mapping[Role, frozenset[Permission]] = {
    Role.CASHIER: frozenset(p for p in Permission if p.group in (_G.SELLING, _G.VIEWING)),
    Role.MANAGER: frozenset(Permission),
}


def can(role: Role | str, action: Permission | str) -> bool:
    """Whether ``role`` may do ``action`` by itself (without anybody's approval)."""
    return Permission(action) in MATRIX[Role(role)]


def needs_manager(action: Permission | str) -> bool:
    """Whether a cashier needs a manager's single-use approval for ``action``."""
    return not can(Role.CASHIER, action)


# ---------------------------------------------------------------------------------------------- PIN rules

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8


class PinProblem(StrEnum):
    """Why a new PIN is refused (the UI words each one in the user's language)."""

    NOT_DIGITS = "not_digits"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    SAME_DIGIT = "same_digit"  # 0000, 777777
    SEQUENCE = "sequence"  # 1234, 9876, 7890
    REPEATED = "repeated"  # 1212, 123123, 6969
    COMMON = "common"  # 2580 (a keypad column), 1004, 2000...

    @property
    def message(self) -> str:
        """In English, for logs and tests; the UI has its own translated text per problem."""
        return _PIN_MESSAGES[self]


_PIN_MESSAGES: Mapping[PinProblem, str] = {
    PinProblem.NOT_DIGITS: "a PIN is made of digits only",
    PinProblem.TOO_SHORT: f"a PIN has at least {PIN_MIN_DIGITS} digits",
    PinProblem.TOO_LONG: f"a PIN has at most {PIN_MAX_DIGITS} digits",
    PinProblem.SAME_DIGIT: "the same digit repeated is the first PIN anyone tries",
    PinProblem.SEQUENCE: "digits in a row (like 1234 or 9876) are among the first PINs anyone tries",
    PinProblem.REPEATED: "a repeated pattern (like 1212) is among the first PINs anyone tries",
    PinProblem.COMMON: "this PIN is among the most common ones; choose another",
}

# Frequent PINs that none of the patterns catch: keypad columns and diagonals, years, 1004.
_COMMON_PINS = frozenset(
    {"2580", "0852", "1470", "3690", "1590", "7530", "1357", "2468", "1004", "2000", "2001", "1122", "1313", "5683"}
)


class WeakPin(ValueError):
    """A new PIN was refused; ``problem`` says why."""

    def __init__(self, problem: PinProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def pin_problem(pin: str) -> PinProblem | None:
    """Why ``pin`` may not be chosen as a new PIN, or None when it may."""
    if not pin.isascii() or not pin.isdigit():
        return PinProblem.NOT_DIGITS
    if len(pin) < PIN_MIN_DIGITS:
        return PinProblem.TOO_SHORT
    if len(pin) > PIN_MAX_DIGITS:
        return PinProblem.TOO_LONG
    if len(set(pin)) == 1:
        return PinProblem.SAME_DIGIT
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({1}, {9}):  # up or down by one, 9 -> 0 included (7890, 3210)
        return PinProblem.SEQUENCE
    for period in range(1, len(pin) // 2 + 1):
        if all(pin[i] == pin[i % period] for i in range(len(pin))):
            return PinProblem.REPEATED
    if pin in _COMMON_PINS:
        return PinProblem.COMMON
    return None


def check_new_pin(pin: str) -> str:
    """``pin`` when it may be chosen; raises ``WeakPin`` otherwise."""
    problem = pin_problem(pin)
    if problem is not None:
        raise WeakPin(problem)
    return pin


# ---------------------------------------------------------------------------------------------- hashing

SALT_BYTES = 16
# Bounds on parameters read back from a file: a tampered journal must not make verification eat the
# machine's memory (128 * r * n bytes) or time.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """scrypt's cost parameters: memory is ``128 * r * n`` bytes (16 MiB by default), about 0.1 s here."""

    n: int = 2**14
    r: int = 8
    p: int = 1
    dklen: int = 32

    def __post_init__(self) -> None:
        if self.n < 2 or self.n & (self.n - 1) or self.n > _MAX_N:
            raise ValueError(f"scrypt n must be a power of two up to {_MAX_N}, not {self.n}")
        if not (1 <= self.r <= _MAX_R and 1 <= self.p <= _MAX_P and 16 <= self.dklen <= 64):
            raise ValueError(f"scrypt parameters out of range: r={self.r}, p={self.p}, dklen={self.dklen}")

    def encode(self) -> str:
        return f"n={self.n},r={self.r},p={self.p},dklen={self.dklen}"

    @classmethod
    def decode(cls, text: str) -> ScryptParams:
        try:
            fields = dict(part.split("=", 1) for part in text.split(","))
            return cls(**{key: int(value) for key, value in fields.items()})
        except (ValueError, TypeError) as exc:
            raise ValueError(f"unreadable scrypt parameters {text!r}") from exc

    @property
    def maxmem(self) -> int:
        return 128 * self.r * self.n * (self.p + 1) + 1024 * 1024


DEFAULT_PARAMS = ScryptParams()
SCHEME = "scrypt"


@dataclass(frozen=True, slots=True)
class PinHash:
    """A stored PIN: the scheme, its parameters, the salt and the derived key. Its repr shows neither."""

    salt: bytes = field(repr=False)
    digest: bytes = field(repr=False)
    params: ScryptParams = DEFAULT_PARAMS
    scheme: str = SCHEME

    def encode(self) -> str:
        """One line: ``scrypt$n=16384,r=8,p=1,dklen=32$<salt>$<key>`` (base64)."""
        b64 = base64.b64encode
        return f"{self.scheme}${self.params.encode()}${b64(self.salt).decode()}${b64(self.digest).decode()}"

    @classmethod
    def decode(cls, text: str) -> PinHash:
        try:
            scheme, params, salt, digest = text.split("$")
            return cls(
                salt=base64.b64decode(salt, validate=True),
                digest=base64.b64decode(digest, validate=True),
                params=ScryptParams.decode(params),
                scheme=scheme,
            )
        except ValueError as exc:
            raise ValueError("unreadable PIN hash") from exc


# hashlib, hmac and secrets load OpenSSL (5 ms): with the first PIN checked or made, not before the lock
# screen's first paint.


def token_bytes(count: int) -> bytes:
    """``secrets.token_bytes``: the salts' randomness."""
    import secrets

    return secrets.token_bytes(count)


def _secret_choice(alphabet: str) -> str:
    import secrets

    return secrets.choice(alphabet)


def _equal(a: bytes, b: bytes) -> bool:
    import hmac

    return hmac.compare_digest(a, b)


def _derive(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    import hashlib

    return hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=params.n, r=params.r, p=params.p, dklen=params.dklen, maxmem=params.maxmem
    )


def hash_pin(
    pin: str,
    *,
    params: ScryptParams = DEFAULT_PARAMS,
    random_bytes: Callable[[int], bytes] = token_bytes,
) -> PinHash:
    """Hash ``pin`` with a fresh random salt. Does not judge the PIN: call ``check_new_pin`` first."""
    if not pin.isascii() or not pin.isdigit():
        raise ValueError("a PIN is made of digits only")
    salt = random_bytes(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise ValueError(f"random_bytes gave {len(salt)} bytes instead of {SALT_BYTES}")
    return PinHash(salt=salt, digest=_derive(pin, salt, params), params=params)


def verify_pin(pin: str, stored: PinHash) -> bool:
    """Whether ``pin`` is the PIN ``stored`` was made from (compared in constant time)."""
    if stored.scheme != SCHEME or not pin.isascii() or not pin.isdigit() or len(pin) > PIN_MAX_DIGITS:
        return False
    return _equal(_derive(pin, stored.salt, stored.params), stored.digest)


def needs_rehash(stored: PinHash, params: ScryptParams = DEFAULT_PARAMS) -> bool:
    """Whether ``stored`` was made with other parameters than ``params`` (re-hash it after a good PIN)."""
    return stored.scheme != SCHEME or stored.params != params


# ---------------------------------------------------------------------------------------------- recovery codes

# A manager's way back in when their PIN is forgotten or locked out and no other manager can help: codes
# shown once when the manager is created (or made anew in Settings), stored hashed like PINs, each good
# once. A code is 12 characters of an alphabet without look-alikes (0/O, 1/I/L), about 59 bits: far
# beyond guessing within the tries allowed, so the PIN's lockout is not weakened by offering it.
RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECOVERY_LENGTH = 12
RECOVERY_CODES = 8
# Cheaper than a PIN's: a code is not guessable offline anyway, and a try checks each unused code.
RECOVERY_PARAMS = ScryptParams(n=2**12)


def new_recovery_code(choice: Callable[[str], str] = _secret_choice) -> str:
    """A fresh code as it is shown and written down: ``7KQ2-M9XA-P4TB``."""
    raw = "".join(choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, RECOVERY_LENGTH, 4))


def normalize_recovery_code(text: str) -> str | None:
    """The code's 12 characters as typed in any case, with or without spaces and dashes; None if it cannot be one."""
    raw = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(raw) != RECOVERY_LENGTH or any(ch not in RECOVERY_ALPHABET for ch in raw):
        return None
    return raw


def hash_recovery_code(
    code: str,
    *,
    params: ScryptParams = RECOVERY_PARAMS,
    random_bytes: Callable[[int], bytes] = token_bytes,
) -> PinHash:
    raw = normalize_recovery_code(code)
    if raw is None:
        raise ValueError("not a recovery code")
    salt = random_bytes(SALT_BYTES)
    return PinHash(salt=salt, digest=_derive(raw, salt, params), params=params)


def verify_recovery_code(code: str, stored: PinHash) -> bool:
    raw = normalize_recovery_code(code)
    if raw is None or stored.scheme != SCHEME:
        return False
    return _equal(_derive(raw, stored.salt, stored.params), stored.digest)


# ---------------------------------------------------------------------------------------------- lockout


@dataclass(frozen=True, slots=True)
class LoginState:
    """A user's wrong PINs in a row, and until when they are locked (None: not locked)."""

    failed_attempts: int = 0
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """After ``max_failures`` wrong PINs in a row a user is locked for ``lock_for``."""

    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=30)

    def __post_init__(self) -> None:
        if self.max_failures < 1 or self.lock_for <= timedelta(0):
            raise ValueError("a lockout policy needs at least one try and a positive lock time")

    def tries_left(self, state: LoginState, now: datetime) -> int:
        """How many wrong PINs the user may still type before being locked (0 while locked)."""
        if state.is_locked(now):
            return 0
        return max(self.max_failures - self.current_failures(state, now), 0)

    def current_failures(self, state: LoginState, now: datetime) -> int:
        """The count that still matters: a lock that has ended gives a fresh set of tries."""
        if state.locked_until is not None and now >= state.locked_until:
            return 0
        return state.failed_attempts

    def after_failure(self, state: LoginState, now: datetime) -> LoginState:
        """The state after one more wrong PIN (never called while locked: no PIN is checked then)."""
        if state.is_locked(now):
            return state
        failures = self.current_failures(state, now) + 1
        if failures >= self.max_failures:
            return LoginState(failed_attempts=failures, locked_until=now + self.lock_for)
        return LoginState(failed_attempts=failures, locked_until=None)

    def after_success(self, state: LoginState, now: datetime) -> LoginState:
        return LoginState()


DEFAULT_LOCKOUT = LockoutPolicy()

__all__ = [
    "DEFAULT_LOCKOUT",
    "DEFAULT_PARAMS",
    "MATRIX",
    "PIN_MAX_DIGITS",
    "PIN_MIN_DIGITS",
    "ActionGroup",
    "LockoutPolicy",
    "LoginState",
    "Permission",
    "PinHash",
    "PinProblem",
    "Role",
    "ScryptParams",
    "WeakPin",
    "can",
    "check_new_pin",
    "hash_pin",
    "hash_recovery_code",
    "new_recovery_code",
    "normalize_recovery_code",
    "needs_manager",
    "needs_rehash",
    "pin_problem",
    "verify_pin",
    "verify_recovery_code",
    "RECOVERY_CODES",
    "RECOVERY_PARAMS",
]
