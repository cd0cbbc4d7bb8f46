"""Access rules: the whole permission matrix, PIN rules, scrypt hashing and the lockout policy."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posapp.core import access
from posapp.core.access import (
    MATRIX,
    ActionGroup,
    LockoutPolicy,
    LoginState,
    Permission,
    PinHash,
    PinProblem,
    Role,
    ScryptParams,
    WeakPin,
    can,
    check_new_pin,
    hash_pin,
    needs_manager,
    needs_rehash,
    pin_problem,
    verify_pin,
)
from posapp.core.transactions import Kind

FAST = ScryptParams(n=2**8, r=8, p=1)  # real scrypt, cheap enough for many examples

# Written out in full on purpose: adding a Permission fails this test until someone decides who may do it.
EXPECTED: dict[Permission, set[Role]] = {
    Permission.SELL: {Role.CASHIER, Role.MANAGER},
    Permission.CAPTURE: {Role.CASHIER, Role.MANAGER},
    Permission.CANCEL_PAYMENT: {Role.CASHIER, Role.MANAGER},
    Permission.CHECK_STATUS: {Role.CASHIER, Role.MANAGER},
    Permission.VIEW_ACTIVITY: {Role.CASHIER, Role.MANAGER},
    Permission.VIEW_HISTORY: {Role.CASHIER, Role.MANAGER},
    Permission.PRINT_RECEIPT: {Role.CASHIER, Role.MANAGER},
    Permission.REFUND: {Role.MANAGER},
    Permission.PAYOUT: {Role.MANAGER},
    Permission.RESOLVE_UNKNOWN: {Role.MANAGER},
    Permission.VIEW_BALANCE: {Role.MANAGER},
    Permission.END_OF_DAY_REPORT: {Role.MANAGER},
    Permission.CHANGE_SETTINGS: {Role.MANAGER},
    Permission.MANAGE_USERS: {Role.MANAGER},
    Permission.EXPORT: {Role.MANAGER},
}


# ---------------------------------------------------------------------------------------------- matrix


def test_expected_matrix_names_every_action() -> None:
    assert set(EXPECTED) == set(Permission)
    assert set(MATRIX) == set(Role)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Permission))
def test_permission_matrix(role: Role, action: Permission) -> None:
    assert can(role, action) is (role in EXPECTED[action])
    assert can(role.value, action.value) is can(role, action)  # the stored strings work too


@pytest.mark.parametrize(
    "action", [p for p in Permission if p.group in (ActionGroup.MONEY_OUT, ActionGroup.SETTINGS, ActionGroup.EXPORT)]
)
def test_cashier_is_refused_money_out_settings_and_export(action: Permission) -> None:
    assert not can(Role.CASHIER, action)
    assert needs_manager(action)
    assert can(Role.MANAGER, action)


def test_groups_cover_what_the_issue_names() -> None:
    assert {p for p in Permission if p.moves_money_out} == {
        Permission.REFUND,
        Permission.PAYOUT,
        Permission.RESOLVE_UNKNOWN,
    }
    assert Permission.CHANGE_SETTINGS.group is ActionGroup.SETTINGS
    assert Permission.MANAGE_USERS.group is ActionGroup.SETTINGS
    assert Permission.EXPORT.group is ActionGroup.EXPORT


def test_manager_can_do_everything() -> None:
    assert all(can(Role.MANAGER, p) for p in Permission)


def test_approval_operations_match_what_the_journal_consumes() -> None:
    # record_intent consumes an approval whose operation is the intent's kind; payouts.py uses "resolve".
    assert Permission.REFUND.value == Kind.REFUND.value
    assert Permission.PAYOUT.value == Kind.PAYOUT.value
    assert Permission.RESOLVE_UNKNOWN.value == "resolve"
    assert len({p.value for p in Permission}) == len(Permission)


def test_unknown_role_or_action_is_an_error() -> None:
    with pytest.raises(ValueError, match="owner"):
        can("owner", Permission.SELL)
    with pytest.raises(ValueError, match="launch_rockets"):
        can(Role.MANAGER, "launch_rockets")


# ---------------------------------------------------------------------------------------------- PIN rules


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("", PinProblem.NOT_DIGITS),
        ("12a4", PinProblem.NOT_DIGITS),
        ("１２３９", PinProblem.NOT_DIGITS),  # full-width digits: isdigit() but not what the pad types
        (" 5831", PinProblem.NOT_DIGITS),
        ("583", PinProblem.TOO_SHORT),
        ("583194726", PinProblem.TOO_LONG),
        ("0000", PinProblem.SAME_DIGIT),
        ("77777777", PinProblem.SAME_DIGIT),
        ("1234", PinProblem.SEQUENCE),
        ("0123", PinProblem.SEQUENCE),
        ("4321", PinProblem.SEQUENCE),
        ("9876543", PinProblem.SEQUENCE),
        ("7890", PinProblem.SEQUENCE),
        ("1212", PinProblem.REPEATED),
        ("6969", PinProblem.REPEATED),
        ("123123", PinProblem.REPEATED),
        ("2580", PinProblem.COMMON),
        ("1004", PinProblem.COMMON),
    ],
)
def test_trivial_pins_are_refused_with_a_reason(pin: str, problem: PinProblem) -> None:
    assert pin_problem(pin) is problem
    with pytest.raises(WeakPin) as caught:
        check_new_pin(pin)
    assert caught.value.problem is problem
    assert str(caught.value) == problem.message and problem.message


@pytest.mark.parametrize("pin", ["5831", "2749", "90417", "31415926", "1235", "0852741"])
def test_ordinary_pins_are_accepted(pin: str) -> None:
    assert pin_problem(pin) is None
    assert check_new_pin(pin) == pin


# ---------------------------------------------------------------------------------------------- hashing


def test_hash_verifies_the_right_pin_only() -> None:
    stored = hash_pin("5831", params=FAST)
    assert verify_pin("5831", stored)
    assert not verify_pin("5832", stored)
    assert not verify_pin("58310", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("583１", stored)


def test_salt_differs_per_hash_so_equal_pins_hash_differently() -> None:
    first, second = hash_pin("5831", params=FAST), hash_pin("5831", params=FAST)
    assert first.salt != second.salt and first.digest != second.digest
    assert len(first.salt) == access.SALT_BYTES


def test_random_bytes_is_injectable() -> None:
    def fixed(size: int) -> bytes:
        return b"\x01" * size

    assert hash_pin("5831", params=FAST, random_bytes=fixed) == hash_pin("5831", params=FAST, random_bytes=fixed)
    with pytest.raises(ValueError, match="bytes"):
        hash_pin("5831", params=FAST, random_bytes=lambda size: b"short")


def test_default_parameters_are_scrypt_with_real_cost() -> None:
    stored = hash_pin("5831")
    assert stored.scheme == "scrypt"
    assert stored.params.n >= 2**14 and stored.params.r >= 8
    assert 128 * stored.params.r * stored.params.n >= 16 * 1024 * 1024


def test_parameters_travel_with_the_hash_and_can_be_raised() -> None:
    old = hash_pin("5831", params=FAST)
    text = old.encode()
    assert text.startswith("scrypt$n=256,r=8,p=1,dklen=32$")
    again = PinHash.decode(text)
    assert again == old and verify_pin("5831", again)
    assert needs_rehash(again, access.DEFAULT_PARAMS)
    assert not needs_rehash(again, FAST)


def test_hash_repr_shows_no_key_or_salt() -> None:
    stored = hash_pin("5831", params=FAST)
    shown = repr(stored)
    assert stored.digest.hex() not in shown and str(stored.digest) not in shown and str(stored.salt) not in shown


@pytest.mark.parametrize(
    "text",
    [
        "scrypt$n=3,r=8,p=1,dklen=32$AAAA$AAAA",  # n not a power of two
        "scrypt$n=1073741824,r=8,p=1,dklen=32$AAAA$AAAA",  # memory bomb from a tampered file
        "scrypt$n=256$AAAA",
        "scrypt$n=256,r=8,p=1,dklen=32$not base64!$AAAA",
    ],
)
def test_unreadable_or_hostile_hashes_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="unreadable PIN hash"):
        PinHash.decode(text)


def test_other_scheme_never_verifies() -> None:
    stored = hash_pin("5831", params=FAST)
    assert not verify_pin("5831", PinHash(stored.salt, stored.digest, stored.params, scheme="plain"))


def test_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)  # access imports hmac when it first compares
    stored = hash_pin("5831", params=FAST)
    assert verify_pin("5831", stored) and not verify_pin("1357", stored)
    assert len(calls) == 2 and all(b == stored.digest for _, b in calls)


@settings(max_examples=25, deadline=None)
@given(pin=st.text(alphabet="0123456789", min_size=4, max_size=8), other=st.text(alphabet="0123456789", max_size=8))
def test_hash_round_trip(pin: str, other: str) -> None:
    stored = PinHash.decode(hash_pin(pin, params=FAST).encode())
    assert verify_pin(pin, stored)
    assert verify_pin(other, stored) is (other == pin)


# ---------------------------------------------------------------------------------------------- lockout

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def fail(policy: LockoutPolicy, state: LoginState, times: int, at: datetime = T0) -> LoginState:
    for _ in range(times):
        state = policy.after_failure(state, at)
    return state


def test_five_wrong_pins_lock_for_thirty_minutes() -> None:
    policy = LockoutPolicy()
    state = fail(policy, LoginState(), 4)
    assert not state.is_locked(T0) and policy.tries_left(state, T0) == 1
    state = policy.after_failure(state, T0)
    assert state.locked_until == T0 + timedelta(minutes=30)
    assert state.is_locked(T0 + timedelta(minutes=29, seconds=59))
    assert policy.tries_left(state, T0) == 0
    assert not state.is_locked(T0 + timedelta(minutes=30))


def test_after_the_lock_a_fresh_set_of_tries() -> None:
    policy = LockoutPolicy()
    later = T0 + timedelta(minutes=31)
    state = fail(policy, LoginState(), 5)
    assert policy.tries_left(state, later) == 5
    state = policy.after_failure(state, later)
    assert not state.is_locked(later) and policy.tries_left(state, later) == 4


def test_failure_while_locked_changes_nothing() -> None:
    policy = LockoutPolicy()
    state = fail(policy, LoginState(), 5)
    assert policy.after_failure(state, T0 + timedelta(minutes=10)) == state


def test_success_clears_the_count() -> None:
    policy = LockoutPolicy()
    state = fail(policy, LoginState(), 3)
    assert policy.after_success(state, T0) == LoginState()


def test_policy_is_configurable_and_checked() -> None:
    policy = LockoutPolicy(max_failures=2, lock_for=timedelta(minutes=1))
    assert fail(policy, LoginState(), 2).locked_until == T0 + timedelta(minutes=1)
    with pytest.raises(ValueError, match="at least one try"):
        LockoutPolicy(max_failures=0)
