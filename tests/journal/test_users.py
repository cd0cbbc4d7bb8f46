"""Users in the journal: PINs, lockout after 5 wrong PINs (persisted across a restart), disabled users, audit."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from posapp.core.access import Role, ScryptParams, WeakPin
from posapp.journal.schema import KNOWN
from posapp.journal.store import Journal, JournalError
from posapp.journal.users import (
    LastManager,
    LoginOutcome,
    ManagerExists,
    UnknownUser,
    UserError,
    UserExists,
    UserStore,
)
from tests.journal.conftest import Clock

FAST = ScryptParams(n=2**8, r=8, p=1)


@pytest.fixture
def users(journal: Journal) -> UserStore:
    return UserStore(journal, params=FAST)


@pytest.fixture
def staffed(users: UserStore) -> UserStore:
    users.create_first_manager("Kofi", "5831")
    users.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
    return users


def test_migration_is_known_and_applied(journal: Journal) -> None:
    assert "m002_users" in KNOWN
    assert journal.schema_version == len(KNOWN)


def test_first_run_creates_the_manager_once(users: UserStore) -> None:
    assert not users.has_manager() and users.list_users() == []
    kofi = users.create_first_manager("  Kofi  ", "5831")
    assert (kofi.name, kofi.role, kofi.actor) == ("Kofi", Role.MANAGER, "manager:Kofi")
    assert users.has_manager()
    with pytest.raises(ManagerExists):
        users.create_first_manager("Mallory", "2749")
    assert [u.name for u in users.list_users()] == ["Kofi"]


def test_add_and_list_users(staffed: UserStore) -> None:
    staffed.add_user("bea", "cashier", "90417", by="manager:Kofi")
    assert [(u.name, u.role) for u in staffed.list_users()] == [
        ("Kofi", Role.MANAGER),
        ("Ama", Role.CASHIER),
        ("bea", Role.CASHIER),
    ]
    assert staffed.get("AMA") == staffed.get("ama") is not None
    with pytest.raises(UserExists):
        staffed.add_user("ama", Role.CASHIER, "90417", by="manager:Kofi")


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "a\tb\x00"])
def test_bad_names_are_refused(staffed: UserStore, name: str) -> None:
    with pytest.raises(UserError):
        staffed.add_user(name, Role.CASHIER, "90417", by="manager:Kofi")


def test_trivial_pins_are_refused(users: UserStore) -> None:
    with pytest.raises(WeakPin):
        users.create_first_manager("Kofi", "1234")
    assert not users.has_manager()


def test_bad_actor_is_refused(staffed: UserStore) -> None:
    with pytest.raises(JournalError):
        staffed.add_user("Bea", Role.CASHIER, "90417", by="kofi")


def test_verify_pin(staffed: UserStore) -> None:
    good = staffed.verify_pin("ama", "2749")
    assert good.ok and good.user is not None and good.user.name == "Ama"
    wrong = staffed.verify_pin("Ama", "2748")
    assert wrong.outcome is LoginOutcome.WRONG_PIN and wrong.tries_left == 4
    assert staffed.verify_pin("nobody", "2749").outcome is LoginOutcome.UNKNOWN_USER


def test_lockout_after_five_wrong_pins_then_unlock_after_thirty_minutes(staffed: UserStore, clock: Clock) -> None:
    tries = [staffed.verify_pin("Ama", "0852").tries_left for _ in range(4)]
    assert tries == [4, 3, 2, 1]
    fifth = staffed.verify_pin("Ama", "0852")
    assert fifth.outcome is LoginOutcome.LOCKED and fifth.locked_until is not None
    assert fifth.locked_until - clock.now == timedelta(minutes=30)
    # locked: even the right PIN is not accepted, and nothing more is counted
    assert staffed.verify_pin("Ama", "2749").outcome is LoginOutcome.LOCKED
    assert staffed.get("Ama").failed_attempts == 5  # type: ignore[union-attr]
    clock.move(minutes=29)
    assert staffed.verify_pin("Ama", "2749").outcome is LoginOutcome.LOCKED
    clock.move(minutes=1)
    assert staffed.verify_pin("Ama", "2749").ok
    after = staffed.get("Ama")
    assert after is not None and after.failed_attempts == 0 and after.locked_until is None
    # the lockout is one user's: the manager was never affected
    assert staffed.verify_pin("Kofi", "5831").ok
    assert [e.type for e in staffed.audit("Ama")] == ["created", "locked_out"]


def test_good_pin_clears_the_wrong_tries(staffed: UserStore) -> None:
    for _ in range(4):
        staffed.verify_pin("Ama", "0852")
    assert staffed.verify_pin("Ama", "2749").ok
    assert staffed.verify_pin("Ama", "0852").tries_left == 4


def test_lockout_survives_closing_and_reopening_the_journal(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "till.sqlite3"
    with Journal(path, clock=clock) as journal:
        users = UserStore(journal, params=FAST)
        users.create_first_manager("Kofi", "5831")
        users.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
        for _ in range(3):
            users.verify_pin("Ama", "0852")
    with Journal(path, clock=clock) as journal:  # a restart: 2 tries left, not 5
        users = UserStore(journal, params=FAST)
        assert users.verify_pin("Ama", "0852").tries_left == 1
        assert users.verify_pin("Ama", "0852").outcome is LoginOutcome.LOCKED
    clock.move(minutes=10)
    with Journal(path, clock=clock) as journal:  # still locked after a restart
        users = UserStore(journal, params=FAST)
        check = users.verify_pin("Ama", "2749")
        assert check.outcome is LoginOutcome.LOCKED and check.locked_until is not None
        clock.move(minutes=20)
        assert users.verify_pin("Ama", "2749").ok


def test_disabled_users_cannot_sign_in(staffed: UserStore) -> None:
    staffed.set_disabled("Ama", True, by="manager:Kofi")
    check = staffed.verify_pin("Ama", "2749")
    assert check.outcome is LoginOutcome.DISABLED and not check.ok
    assert [u.name for u in staffed.list_users()] == ["Kofi"]
    assert [u.name for u in staffed.list_users(include_disabled=True)] == ["Kofi", "Ama"]
    staffed.set_disabled("Ama", False, by="manager:Kofi")
    assert staffed.verify_pin("Ama", "2749").ok


def test_disabled_user_wrong_pins_are_not_counted(staffed: UserStore) -> None:
    staffed.set_disabled("Ama", True, by="manager:Kofi")
    for _ in range(6):
        staffed.verify_pin("Ama", "0852")
    assert staffed.get("Ama").failed_attempts == 0  # type: ignore[union-attr]


def test_last_manager_cannot_be_disabled(staffed: UserStore) -> None:
    with pytest.raises(LastManager):
        staffed.set_disabled("Kofi", True, by="manager:Kofi")
    staffed.add_user("Esi", Role.MANAGER, "90417", by="manager:Kofi")
    staffed.set_disabled("Kofi", True, by="manager:Esi")
    assert staffed.has_manager()
    with pytest.raises(LastManager):
        staffed.set_disabled("Esi", True, by="manager:Esi")


def test_change_pin_clears_the_lockout(staffed: UserStore) -> None:
    for _ in range(5):
        staffed.verify_pin("Ama", "0852")
    staffed.change_pin("Ama", "90417", by="manager:Kofi")
    assert not staffed.verify_pin("Ama", "2749").ok
    assert staffed.verify_pin("Ama", "90417").ok
    with pytest.raises(WeakPin):
        staffed.change_pin("Ama", "1111", by="manager:Kofi")
    with pytest.raises(UnknownUser):
        staffed.change_pin("Nobody", "90417", by="manager:Kofi")


def test_reset_lockout(staffed: UserStore) -> None:
    for _ in range(5):
        staffed.verify_pin("Ama", "0852")
    staffed.reset_lockout("Ama", by="manager:Kofi")
    assert staffed.verify_pin("Ama", "2749").ok


def test_audit_names_who_did_what(staffed: UserStore) -> None:
    staffed.change_pin("Ama", "90417", by="manager:Kofi")
    staffed.set_disabled("Ama", True, by="manager:Kofi")
    trail = [(e.user, e.actor, e.type) for e in staffed.audit()]
    assert trail == [
        ("Kofi", "manager:Kofi", "created"),
        ("Ama", "manager:Kofi", "created"),
        ("Ama", "manager:Kofi", "pin_changed"),
        ("Ama", "manager:Kofi", "disabled"),
    ]


def test_pin_material_is_salted_and_never_in_user_values(staffed: UserStore, journal: Journal) -> None:
    staffed.add_user("Bea", Role.CASHIER, "2749", by="manager:Kofi")  # same PIN as Ama
    rows = journal._conn.execute("SELECT pin_salt, pin_hash, pin_params FROM users ORDER BY id").fetchall()
    assert rows[1][0] != rows[2][0] and rows[1][1] != rows[2][1]
    assert all(params == FAST.encode() for *_, params in rows)
    user = staffed.get("Ama")
    assert user is not None
    shown = repr(user) + repr(staffed.verify_pin("Ama", "2749"))
    for secret in (bytes(rows[1][0]), bytes(rows[1][1])):
        assert secret.hex() not in shown and repr(secret) not in shown


def test_weaker_hash_is_upgraded_after_a_good_pin(journal: Journal) -> None:
    old = UserStore(journal, params=FAST)
    old.create_first_manager("Kofi", "5831")
    stronger = ScryptParams(n=2**9, r=8, p=1)
    new = UserStore(journal, params=stronger)
    assert new.verify_pin("Kofi", "5831").ok
    assert journal._conn.execute("SELECT pin_params FROM users").fetchone()[0] == stronger.encode()
    assert new.verify_pin("Kofi", "5831").ok
    assert not new.verify_pin("Kofi", "5832").ok
    assert [e.type for e in new.audit("Kofi")][-1] == "pin_rehashed"


def test_users_are_never_deleted_and_keep_their_name(staffed: UserStore, journal: Journal) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        journal._conn.execute("DELETE FROM users WHERE name = 'Ama'")
    with pytest.raises(sqlite3.IntegrityError):
        journal._conn.execute("UPDATE users SET name = 'Mallory' WHERE name = 'Ama'")
    with pytest.raises(sqlite3.IntegrityError):
        journal._conn.execute("DELETE FROM user_events")


def test_concurrent_wrong_pins_are_all_counted(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    with Journal(path) as first, Journal(path) as second:  # two tills on one file
        UserStore(first, params=FAST).create_first_manager("Kofi", "5831")
        stores = [UserStore(first, params=FAST), UserStore(second, params=FAST)]
        outcomes: list[LoginOutcome] = []

        def attempt(store: UserStore) -> None:
            for _ in range(3):
                outcomes.append(store.verify_pin("Kofi", "0852").outcome)

        threads = [threading.Thread(target=attempt, args=(s,)) for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert outcomes.count(LoginOutcome.WRONG_PIN) == 4 and outcomes.count(LoginOutcome.LOCKED) == 2
        assert stores[0].verify_pin("Kofi", "5831").outcome is LoginOutcome.LOCKED
