"""A manager's recovery codes: shown once, stored hashed, good once; they unlock and set a new PIN, and
wrong ones are limited like PINs without weakening the PIN's own lockout (issue 14, item 4)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from posapp.core.access import RECOVERY_CODES, Role, ScryptParams, WeakPin, normalize_recovery_code
from posapp.journal.store import Journal
from posapp.journal.users import LoginOutcome, NotAManager, UserStore
from tests.journal.conftest import Clock

FAST = ScryptParams(n=2**8, r=8, p=1)


@pytest.fixture
def users(journal: Journal) -> UserStore:
    return UserStore(journal, params=FAST)


def lock_out(users: UserStore, name: str) -> None:
    for _ in range(5):
        users.verify_pin(name, "0007")
    assert users.verify_pin(name, "5831").outcome is LoginOutcome.LOCKED


def test_the_first_manager_gets_codes_kept_only_as_hashes(users: UserStore, journal: Journal) -> None:
    kofi, codes = users.create_first_manager_with_codes("Kofi", "5831")
    assert kofi.is_manager and len(codes) == RECOVERY_CODES == len(set(codes))
    assert all(normalize_recovery_code(code) for code in codes)
    assert users.recovery_codes_left("Kofi") == RECOVERY_CODES
    dump = "\n".join(journal._live().iterdump())
    for code in codes:
        assert code not in dump and normalize_recovery_code(code) not in dump, "a code in clear in the journal"
    assert [e.type for e in users.audit("Kofi")] == ["created", "recovery_codes_made"]


def test_the_only_manager_locked_out_recovers_with_a_code_once(
    users: UserStore, journal: Journal, clock: Clock
) -> None:
    _, codes = users.create_first_manager_with_codes("Kofi", "5831")
    lock_out(users, "Kofi")
    assert users.who_can_sign_in() == [], "nobody else can sign in"
    typed = codes[3].lower().replace("-", " ")  # as a person reads it off the sheet
    check = users.recover("Kofi", typed, "4096")
    assert check.ok and check.user is not None and check.user.locked_until is None
    assert users.verify_pin("Kofi", "4096").ok, "the new PIN opens"
    assert users.verify_pin("Kofi", "5831").outcome is LoginOutcome.WRONG_PIN, "the old one does not"
    assert users.recovery_codes_left("Kofi") == RECOVERY_CODES - 1
    again = users.recover("Kofi", codes[3], "4097")
    assert again.outcome is LoginOutcome.WRONG_PIN, "a code is good once"
    assert users.verify_pin("Kofi", "4096").ok
    with pytest.raises(sqlite3.DatabaseError, match="once"):
        journal._live().execute("UPDATE recovery_codes SET ended_at = NULL, ended = NULL WHERE ended = 'used'")
    assert [e.type for e in users.audit("Kofi")][-3:] == ["recovery_used", "pin_changed", "recovery_refused"]


def test_a_weak_new_pin_uses_nothing_up(users: UserStore) -> None:
    _, codes = users.create_first_manager_with_codes("Kofi", "5831")
    with pytest.raises(WeakPin):
        users.recover("Kofi", codes[0], "1234")
    assert users.recovery_codes_left("Kofi") == RECOVERY_CODES
    assert users.recover("Kofi", codes[0], "4096").ok


def test_wrong_codes_are_limited_and_the_limit_ends(users: UserStore, clock: Clock) -> None:
    _, codes = users.create_first_manager_with_codes("Kofi", "5831")
    tries = [users.recover("Kofi", "AAAA-BBBB-CCCC", "4096") for _ in range(5)]
    assert [t.outcome for t in tries] == [LoginOutcome.WRONG_PIN] * 4 + [LoginOutcome.LOCKED]
    assert [t.tries_left for t in tries[:4]] == [4, 3, 2, 1]
    locked = users.recover("Kofi", codes[0], "4096")
    assert locked.outcome is LoginOutcome.LOCKED, "a good code waits too: the codes cannot be tried without end"
    assert users.recovery_codes_left("Kofi") == RECOVERY_CODES
    assert users.verify_pin("Kofi", "5831").ok, "the PIN's own tries are not touched"
    clock.move(minutes=31)
    assert users.recover("Kofi", codes[0], "4096").ok


def test_new_codes_end_the_old_ones_and_are_a_managers(users: UserStore) -> None:
    _, old = users.create_first_manager_with_codes("Kofi", "5831")
    users.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
    new = users.new_recovery_codes("Kofi", by="manager:Kofi")
    assert not set(new) & set(old)
    assert users.recover("Kofi", old[0], "4096").outcome is LoginOutcome.WRONG_PIN
    assert users.recover("Kofi", new[0], "4096").ok
    with pytest.raises(NotAManager):
        users.new_recovery_codes("Ama", by="manager:Kofi")
    with pytest.raises(NotAManager):
        users.recover("Ama", new[1], "4096")


def test_codes_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal(path, clock=Clock()) as journal:
        _, codes = UserStore(journal, params=FAST).create_first_manager_with_codes("Kofi", "5831")
    with Journal(path, clock=Clock()) as journal:
        assert UserStore(journal, params=FAST).recover("Kofi", codes[7], "4096").ok
