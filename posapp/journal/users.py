"""The console's users in the journal file: role, PIN hash, disabled flag and lockout state, with an audit.

Users live in the journal's SQLite file (migration ``m002_users``) so that a lockout survives closing
the console, and so that a backup of the journal carries them. ``UserStore`` works on the ``Journal``'s
own connection, under its lock and through its IMMEDIATE write transactions, like every journal write.
Times come from the journal's clock (tests move it).

Rules kept here, whoever calls:

- A user is never deleted, only disabled; a disabled user cannot sign in or approve anything.
- The last enabled manager cannot be disabled (``LastManager``): with no manager, the lock screen would
  offer anybody to create one (first run). ``create_first_manager`` checks, in the same transaction,
  that there is still no enabled manager.
- ``verify_pin`` records the wrong PIN and, at the 5th in a row, the lockout, in one transaction; while
  a user is locked or disabled no PIN is checked at all. scrypt runs outside the write transaction (it
  takes about 0.1 s) and the state is re-read inside it, so two tills sharing the file count right.
- A changed PIN, a reset of the lockout, a new user, a disable: each writes a ``user_events`` row
  (append-only: who did what to whom, when). PIN hashes and salts never leave this module: ``User``
  does not carry them, and nothing here logs them.

API::

    UserStore(journal, *, params=DEFAULT_PARAMS, policy=DEFAULT_LOCKOUT, random_bytes=secrets.token_bytes)
    now() -> datetime                         the journal's clock
    has_manager() -> bool                     an enabled manager exists (False: first run)
    list_users(*, include_disabled=False) -> list[User]      managers first, then by name
    get(name) -> User | None                  names are matched ignoring case
    create_first_manager(name, pin) -> User   only while has_manager() is False
    add_user(name, role, pin, *, by) -> User
    change_pin(name, new_pin, *, by) -> User  also clears wrong tries and the lockout
    set_disabled(name, disabled, *, by) -> User
    reset_lockout(name, *, by) -> User
    verify_pin(name, pin) -> PinCheck         outcome, user, tries left, locked until
    audit(name=None) -> list[UserEvent]       oldest first
    create_first_manager_with_codes(name, pin) -> (User, codes)   first run: the codes to show once
    new_recovery_codes(name, *, by) -> codes  a manager's fresh codes; the unused old ones end
    recovery_codes_left(name) -> int
    recover(name, code, new_pin) -> PinCheck  a recovery code opens (once) and sets a new PIN
    who_can_sign_in() -> list[User]           enabled users not locked out now

Recovery codes (managers only, ``m005_recovery_codes``): hashed like PINs, each good once. ``recover``
checks the new PIN first (``WeakPin``: nothing used up), then the code; a wrong code is recorded
(``recovery_refused``) and the policy's limit applies to codes as to PINs, counted on their own, so a
manager locked out of PINs can still recover, and nobody can try codes without end.

``by`` is an actor as elsewhere in the journal: ``"manager:kofi"``, ``"system"``.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from posapp.core.access import (
    DEFAULT_LOCKOUT,
    DEFAULT_PARAMS,
    RECOVERY_CODES,
    RECOVERY_PARAMS,
    LockoutPolicy,
    LoginState,
    PinHash,
    Role,
    ScryptParams,
    check_new_pin,
    hash_pin,
    hash_recovery_code,
    needs_rehash,
    new_recovery_code,
    token_bytes,
    verify_pin,
    verify_recovery_code,
)
from posapp.journal.store import Journal, JournalError, _check_actor, _parse, _stamp

log = logging.getLogger(__name__)

MAX_NAME = 40
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class UserError(JournalError):
    """A user operation was refused; the message says why."""


class UnknownUser(UserError):
    """No user has this name."""


class UserExists(UserError):
    """A user with this name (ignoring case) already exists."""


class LastManager(UserError):
    """The last enabled manager cannot be disabled."""


class ManagerExists(UserError):
    """The first manager was already created (first run is over)."""


class NotAManager(UserError):
    """Recovery codes are a manager's."""


@dataclass(frozen=True, slots=True)
class User:
    """A person who signs in at the console. Carries no PIN material."""

    id: int
    name: str
    role: Role
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def actor(self) -> str:
        """How the journal names this user as an actor: ``"cashier:ama"``."""
        return f"{self.role.value}:{self.name}"

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER

    @property
    def login_state(self) -> LoginState:
        return LoginState(self.failed_attempts, self.locked_until)

    def is_locked(self, now: datetime) -> bool:
        return self.login_state.is_locked(now)


class LoginOutcome(StrEnum):
    OK = "ok"
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"  # too many wrong PINs; the PIN was not checked
    DISABLED = "disabled"  # the PIN was not checked
    UNKNOWN_USER = "unknown_user"


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The answer to one PIN attempt."""

    outcome: LoginOutcome
    user: User | None
    tries_left: int = 0  # wrong PINs still allowed before the lockout
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is LoginOutcome.OK


@dataclass(frozen=True, slots=True)
class UserEvent:
    """One line of the users' audit: ``created``, ``pin_changed``, ``disabled``, ``enabled``, ``locked_out``..."""

    id: int
    user: str
    at: datetime
    actor: str
    type: str
    detail: str | None = None


_USER_COLUMNS = (
    "id, name, role, disabled, failed_attempts, locked_until, created_at, updated_at, "
    "pin_scheme, pin_params, pin_salt, pin_hash"
)


def _to_user(row: Sequence[Any]) -> User:
    return User(
        id=row[0],
        name=row[1],
        role=Role(row[2]),
        disabled=bool(row[3]),
        failed_attempts=row[4],
        locked_until=None if row[5] is None else _parse(row[5]),
        created_at=_parse(row[6]),
        updated_at=_parse(row[7]),
    )


def _to_hash(row: Sequence[Any]) -> PinHash:
    return PinHash(salt=bytes(row[10]), digest=bytes(row[11]), params=ScryptParams.decode(row[9]), scheme=row[8])


def clean_name(name: str) -> str:
    """The name as stored: inner spaces collapsed, 1 to 40 characters, no control characters."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise UserError("a user needs a name")
    if len(cleaned) > MAX_NAME:
        raise UserError(f"a user's name has at most {MAX_NAME} characters")
    if _CONTROL.search(cleaned):
        raise UserError("a user's name cannot hold control characters")
    return cleaned


class UserStore:
    """Users and their PINs in the journal file (see the module docstring)."""

    def __init__(
        self,
        journal: Journal,
        *,
        params: ScryptParams = DEFAULT_PARAMS,
        policy: LockoutPolicy = DEFAULT_LOCKOUT,
        random_bytes: Callable[[int], bytes] = token_bytes,
    ) -> None:
        self.journal = journal
        self.params = params
        self.policy = policy
        self._random_bytes = random_bytes
        # Codes are checked one by one at a try: cheaper than a PIN unless a test asks for cheaper still.
        self._recovery_params = params if params.n < RECOVERY_PARAMS.n else RECOVERY_PARAMS

    def __repr__(self) -> str:
        return f"<UserStore of {self.journal!r}>"

    def now(self) -> datetime:
        return self.journal._clock()

    # ------------------------------------------------------------ reads

    def _row(self, conn: sqlite3.Connection, name: str) -> Any:
        return conn.execute(
            f"SELECT {_USER_COLUMNS} FROM users WHERE name_key = ?", (" ".join(name.split()).casefold(),)
        ).fetchone()

    def get(self, name: str) -> User | None:
        with self.journal._lock:
            row = self._row(self.journal._live(), name)
        return None if row is None else _to_user(row)

    def list_users(self, *, include_disabled: bool = False) -> list[User]:
        """Managers first, then cashiers, each by name (ignoring case)."""
        where = "" if include_disabled else " WHERE disabled = 0"
        with self.journal._lock:
            rows = (
                self.journal._live()
                .execute(
                    f"SELECT {_USER_COLUMNS} FROM users{where}"
                    " ORDER BY CASE role WHEN 'manager' THEN 0 ELSE 1 END, name_key"
                )
                .fetchall()
            )
        return [_to_user(r) for r in rows]

    def has_manager(self) -> bool:
        """Whether an enabled manager exists. False means first run: the lock screen asks to create one."""
        with self.journal._lock:
            return self._has_manager(self.journal._live())

    @staticmethod
    def _has_manager(conn: sqlite3.Connection) -> bool:
        return (
            conn.execute("SELECT 1 FROM users WHERE role = 'manager' AND disabled = 0 LIMIT 1").fetchone() is not None
        )

    def audit(self, name: str | None = None) -> list[UserEvent]:
        """What happened to users (or to one user), oldest first."""
        sql = "SELECT e.id, u.name, e.at, e.actor, e.type, e.detail FROM user_events e JOIN users u ON u.id = e.user_id"
        params: tuple[Any, ...] = ()
        if name is not None:
            sql += " WHERE u.name_key = ?"
            params = (" ".join(name.split()).casefold(),)
        with self.journal._lock:
            rows = self.journal._live().execute(sql + " ORDER BY e.id", params).fetchall()
        return [UserEvent(r[0], r[1], _parse(r[2]), r[3], r[4], r[5]) for r in rows]

    # ------------------------------------------------------------ administration

    def create_first_manager(self, name: str, pin: str) -> User:
        """Create the first manager (first run); refused with ``ManagerExists`` once an enabled one exists."""
        return self._insert(name, Role.MANAGER, pin, by=None)

    def create_first_manager_with_codes(self, name: str, pin: str) -> tuple[User, list[str]]:
        """Create the first manager and their recovery codes in one transaction; the codes, to show once."""
        codes = [new_recovery_code() for _ in range(RECOVERY_CODES)]
        hashed = [
            hash_recovery_code(code, params=self._recovery_params, random_bytes=self._random_bytes) for code in codes
        ]
        user = self._insert(name, Role.MANAGER, pin, by=None, recovery=hashed)
        return user, codes

    def add_user(self, name: str, role: Role | str, pin: str, *, by: str) -> User:
        """Add a user; ``WeakPin`` for a trivial PIN, ``UserExists`` for a name already taken."""
        _check_actor(by)
        return self._insert(name, Role(role), pin, by=by)

    def _insert(self, name: str, role: Role, pin: str, *, by: str | None, recovery: Sequence[PinHash] = ()) -> User:
        cleaned = clean_name(name)
        check_new_pin(pin)
        hashed = hash_pin(pin, params=self.params, random_bytes=self._random_bytes)
        with self.journal._lock, self.journal._write() as conn:
            if by is None and self._has_manager(conn):
                raise ManagerExists("a manager already exists: sign in as that manager to add users")
            if self._row(conn, cleaned) is not None:
                raise UserExists(f"there is already a user named {cleaned!r}")
            now = _stamp(self.now())
            cur = conn.execute(
                "INSERT INTO users (name, name_key, role, pin_scheme, pin_params, pin_salt, pin_hash, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (cleaned, cleaned.casefold(), role.value, hashed.scheme, hashed.params.encode(), hashed.salt,
                 hashed.digest, now, now),
            )  # fmt: skip
            user_id = int(cur.lastrowid or 0)
            actor = by or f"{role.value}:{cleaned}"
            self._audit(conn, user_id, now, actor, "created", role.value)
            if recovery:
                self._store_codes(conn, user_id, recovery, now)
                self._audit(conn, user_id, now, actor, "recovery_codes_made", str(len(recovery)))
            row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchone()
        log.info("user %s (%s) created by %s", cleaned, role.value, actor)
        return _to_user(row)

    def change_pin(self, name: str, new_pin: str, *, by: str) -> User:
        """Set a new PIN (``WeakPin`` if trivial); also clears the wrong tries and any lockout."""
        _check_actor(by)
        check_new_pin(new_pin)
        hashed = hash_pin(new_pin, params=self.params, random_bytes=self._random_bytes)
        return self._update(
            name,
            by,
            "pin_changed",
            "pin_scheme = ?, pin_params = ?, pin_salt = ?, pin_hash = ?, failed_attempts = 0, locked_until = NULL",
            (hashed.scheme, hashed.params.encode(), hashed.salt, hashed.digest),
        )

    def set_disabled(self, name: str, disabled: bool, *, by: str) -> User:
        """Disable (or enable again) a user; the last enabled manager cannot be disabled (``LastManager``)."""
        _check_actor(by)

        def refuse_last_manager(conn: sqlite3.Connection, row: Any) -> None:
            if disabled and row[2] == Role.MANAGER.value and not row[3]:
                others = conn.execute(
                    "SELECT count(*) FROM users WHERE role = 'manager' AND disabled = 0 AND id != ?", (row[0],)
                ).fetchone()[0]
                if not others:
                    raise LastManager(f"{row[1]} is the only manager: add another manager before disabling them")

        return self._update(
            name, by, "disabled" if disabled else "enabled", "disabled = ?", (int(disabled),), refuse_last_manager
        )

    def reset_lockout(self, name: str, *, by: str) -> User:
        """Clear a user's wrong tries and lockout (a manager vouches for them)."""
        _check_actor(by)
        return self._update(name, by, "lockout_reset", "failed_attempts = 0, locked_until = NULL", ())

    def _update(
        self,
        name: str,
        by: str,
        event: str,
        assignments: str,
        values: tuple[Any, ...],
        check: Callable[[sqlite3.Connection, Any], None] | None = None,
    ) -> User:
        with self.journal._lock, self.journal._write() as conn:
            row = self._row(conn, name)
            if row is None:
                raise UnknownUser(f"no user named {name!r}")
            if check is not None:
                check(conn, row)
            now = _stamp(self.now())
            conn.execute(f"UPDATE users SET {assignments}, updated_at = ? WHERE id = ?", (*values, now, row[0]))
            self._audit(conn, row[0], now, by, event)
            row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (row[0],)).fetchone()
        log.info("user %s: %s by %s", row[1], event, by)
        return _to_user(row)

    @staticmethod
    def _audit(
        conn: sqlite3.Connection, user_id: int, at: str, actor: str, type_: str, detail: str | None = None
    ) -> None:
        conn.execute(
            "INSERT INTO user_events (user_id, at, actor, type, detail) VALUES (?, ?, ?, ?, ?)",
            (user_id, at, actor, type_, detail),
        )

    # ------------------------------------------------------------ signing in

    def verify_pin(self, name: str, pin: str) -> PinCheck:
        """Check ``pin`` for ``name``, counting a wrong one and locking at the policy's limit.

        A locked or disabled user gets LOCKED / DISABLED without the PIN being checked or counted.
        """
        for _ in range(3):  # again only if the PIN changed between the read and the write
            with self.journal._lock:
                row = self._row(self.journal._live(), name)
            refused = self._refusal(row, self.now())
            if refused is not None:
                return refused
            stored = _to_hash(row)
            good = verify_pin(pin, stored)
            upgraded = hash_pin(pin, params=self.params, random_bytes=self._random_bytes) if (
                good and needs_rehash(stored, self.params)
            ) else None  # fmt: skip
            with self.journal._lock, self.journal._write() as conn:
                now_dt = self.now()
                current = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (row[0],)).fetchone()
                refused = self._refusal(current, now_dt)
                if refused is not None:  # locked or disabled meanwhile (another till, another attempt)
                    return refused
                if (current[8], current[9], bytes(current[10]), bytes(current[11])) != (
                    row[8], row[9], bytes(row[10]), bytes(row[11])
                ):  # fmt: skip
                    continue
                return self._record_attempt(conn, current, good, upgraded, now_dt)
        raise UserError(f"the PIN of {name!r} keeps changing; try again")

    def check_pin_read_only(self, name: str, pin: str) -> PinCheck:
        """Check ``pin`` for ``name`` in a journal opened read-only: nothing is recorded, so the caller
        limits the tries itself (the read-only window allows a few per run); a locked or disabled user is
        refused as ever."""
        with self.journal._lock:
            row = self._row(self.journal._live(), name)
        refused = self._refusal(row, self.now())
        if refused is not None:
            return refused
        user = _to_user(row)
        if verify_pin(pin, _to_hash(row)):
            return PinCheck(LoginOutcome.OK, user, self.policy.max_failures)
        return PinCheck(LoginOutcome.WRONG_PIN, user, 0)

    # ------------------------------------------------------------ recovery codes

    @staticmethod
    def _store_codes(conn: sqlite3.Connection, user_id: int, codes: Sequence[PinHash], now: str) -> None:
        conn.execute(
            "UPDATE recovery_codes SET ended_at = ?, ended = 'replaced' WHERE user_id = ? AND ended_at IS NULL",
            (now, user_id),
        )
        conn.executemany(
            "INSERT INTO recovery_codes (user_id, code_scheme, code_params, code_salt, code_hash, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(user_id, c.scheme, c.params.encode(), c.salt, c.digest, now) for c in codes],
        )

    def new_recovery_codes(self, name: str, *, by: str) -> list[str]:
        """Fresh recovery codes for the manager ``name`` (their unused ones end); the codes, to show once."""
        _check_actor(by)
        codes = [new_recovery_code() for _ in range(RECOVERY_CODES)]
        hashed = [
            hash_recovery_code(code, params=self._recovery_params, random_bytes=self._random_bytes) for code in codes
        ]
        with self.journal._lock, self.journal._write() as conn:
            row = self._row(conn, name)
            if row is None:
                raise UnknownUser(f"no user named {name!r}")
            if row[2] != Role.MANAGER.value:
                raise NotAManager(f"{row[1]} is not a manager: recovery codes are a manager's")
            now = _stamp(self.now())
            self._store_codes(conn, row[0], hashed, now)
            self._audit(conn, row[0], now, by, "recovery_codes_made", str(len(codes)))
        log.info("new recovery codes for %s made by %s", row[1], by)
        return codes

    def recovery_codes_left(self, name: str) -> int:
        with self.journal._lock:
            row = self._row(self.journal._live(), name)
            if row is None:
                return 0
            return int(
                self.journal._live()
                .execute("SELECT count(*) FROM recovery_codes WHERE user_id = ? AND ended_at IS NULL", (row[0],))
                .fetchone()[0]
            )

    def _recovery_state(self, conn: sqlite3.Connection, user_id: int, now: datetime) -> tuple[int, datetime | None]:
        """Wrong codes in a row since the last good one or the last lock, and until when codes are refused."""
        last = conn.execute(
            "SELECT id, type, detail FROM user_events"
            " WHERE user_id = ? AND type IN ('recovery_used', 'recovery_locked') ORDER BY id DESC LIMIT 1",
            (user_id,),
        ).fetchone()
        since = 0
        if last is not None:
            since = last[0]
            if last[1] == "recovery_locked":
                until = _parse(last[2])
                if now < until:
                    return 0, until
        wrong = conn.execute(
            "SELECT count(*) FROM user_events WHERE user_id = ? AND type = 'recovery_refused' AND id > ?",
            (user_id, since),
        ).fetchone()[0]
        return int(wrong), None

    def recover(self, name: str, code: str, new_pin: str) -> PinCheck:
        """A manager's recovery code (good once) opens and sets ``new_pin``; the lockout is cleared.

        ``WeakPin`` before anything is used up. The outcome is OK (the user, signed in), WRONG_PIN (the
        code is not one of theirs, or was used: ``tries_left`` codes may still be tried), LOCKED (too many
        wrong codes: ``locked_until``), DISABLED or UNKNOWN_USER; ``NotAManager`` for a cashier.
        """
        check_new_pin(new_pin)
        with self.journal._lock:
            row = self._row(self.journal._live(), name)
        if row is None:
            return PinCheck(LoginOutcome.UNKNOWN_USER, None)
        user = _to_user(row)
        if user.disabled:
            return PinCheck(LoginOutcome.DISABLED, user)
        if not user.is_manager:
            raise NotAManager(f"{user.name} is not a manager: recovery codes are a manager's")
        with self.journal._lock:
            stored = (
                self.journal._live()
                .execute(
                    "SELECT id, code_scheme, code_params, code_salt, code_hash FROM recovery_codes"
                    " WHERE user_id = ? AND ended_at IS NULL ORDER BY id",
                    (user.id,),
                )
                .fetchall()
            )
            _, locked = self._recovery_state(self.journal._live(), user.id, self.now())
        if locked is not None:
            return PinCheck(LoginOutcome.LOCKED, user, 0, locked)
        matched = next(
            (
                code_id
                for code_id, scheme, params, salt, digest in stored
                if verify_recovery_code(
                    code,
                    PinHash(salt=bytes(salt), digest=bytes(digest), params=ScryptParams.decode(params), scheme=scheme),
                )
            ),
            None,
        )
        hashed = hash_pin(new_pin, params=self.params, random_bytes=self._random_bytes) if matched else None
        with self.journal._lock, self.journal._write() as conn:
            now_dt = self.now()
            now = _stamp(now_dt)
            wrong, locked = self._recovery_state(conn, user.id, now_dt)
            if locked is not None:
                return PinCheck(LoginOutcome.LOCKED, user, 0, locked)
            if matched is not None and hashed is not None:
                taken = conn.execute(
                    "UPDATE recovery_codes SET ended_at = ?, ended = 'used' WHERE id = ? AND ended_at IS NULL",
                    (now, matched),
                ).rowcount
                if taken:
                    conn.execute(
                        "UPDATE users SET pin_scheme = ?, pin_params = ?, pin_salt = ?, pin_hash = ?,"
                        " failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?",
                        (hashed.scheme, hashed.params.encode(), hashed.salt, hashed.digest, now, user.id),
                    )
                    self._audit(conn, user.id, now, user.actor, "recovery_used")
                    self._audit(conn, user.id, now, user.actor, "pin_changed", "with a recovery code")
                    log.warning("%s used a recovery code and set a new PIN", user.actor)
                    return PinCheck(LoginOutcome.OK, self._reread(conn, user.id), self.policy.max_failures)
            self._audit(conn, user.id, now, "system", "recovery_refused")
            log.warning("a wrong recovery code was typed for %s", user.name)
            if wrong + 1 >= self.policy.max_failures:
                until = now_dt + self.policy.lock_for
                self._audit(conn, user.id, now, "system", "recovery_locked", _stamp(until))
                return PinCheck(LoginOutcome.LOCKED, user, 0, until)
            return PinCheck(LoginOutcome.WRONG_PIN, user, self.policy.max_failures - wrong - 1)

    def who_can_sign_in(self) -> list[User]:
        """The enabled users not locked out now, managers first."""
        now = self.now()
        return [user for user in self.list_users() if not user.is_locked(now)]

    def _refusal(self, row: Any, now: datetime) -> PinCheck | None:
        if row is None:
            return PinCheck(LoginOutcome.UNKNOWN_USER, None)
        user = _to_user(row)
        if user.disabled:
            return PinCheck(LoginOutcome.DISABLED, user)
        if user.is_locked(now):
            return PinCheck(LoginOutcome.LOCKED, user, 0, user.locked_until)
        return None

    def _record_attempt(
        self, conn: sqlite3.Connection, row: Any, good: bool, upgraded: PinHash | None, now: datetime
    ) -> PinCheck:
        user = _to_user(row)
        stamp = _stamp(now)
        policy = self.policy
        if good:
            if user.failed_attempts or user.locked_until is not None:
                conn.execute(
                    "UPDATE users SET failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?",
                    (stamp, user.id),
                )
            if upgraded is not None:
                conn.execute(
                    "UPDATE users SET pin_scheme = ?, pin_params = ?, pin_salt = ?, pin_hash = ?, updated_at = ?"
                    " WHERE id = ?",
                    (upgraded.scheme, upgraded.params.encode(), upgraded.salt, upgraded.digest, stamp, user.id),
                )
                self._audit(conn, user.id, stamp, "system", "pin_rehashed", upgraded.params.encode())
            return PinCheck(LoginOutcome.OK, self._reread(conn, user.id), policy.max_failures)
        state = policy.after_failure(user.login_state, now)
        locked_until = None if state.locked_until is None else _stamp(state.locked_until)
        conn.execute(
            "UPDATE users SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?",
            (state.failed_attempts, locked_until, stamp, user.id),
        )
        if state.is_locked(now):
            self._audit(conn, user.id, stamp, "system", "locked_out", f"until {locked_until}")
            log.warning("user %s locked out until %s after %d wrong PINs", user.name, locked_until, policy.max_failures)
            locked = self._reread(conn, user.id)
            return PinCheck(LoginOutcome.LOCKED, locked, 0, locked.locked_until)
        return PinCheck(LoginOutcome.WRONG_PIN, self._reread(conn, user.id), policy.tries_left(state, now))

    @staticmethod
    def _reread(conn: sqlite3.Connection, user_id: int) -> User:
        return _to_user(conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (user_id,)).fetchone())


__all__ = [
    "LastManager",
    "LoginOutcome",
    "ManagerExists",
    "NotAManager",
    "PinCheck",
    "UnknownUser",
    "User",
    "UserError",
    "UserEvent",
    "UserExists",
    "UserStore",
    "clean_name",
]
