"""The transaction record, its statuses and the table of allowed transitions."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from posapp.core.money import Money
from posapp.core.transactions import (
    FINAL_STATUSES,
    FOLLOWED_STATUSES,
    TRANSITIONS,
    IllegalTransition,
    Kind,
    Status,
    Transaction,
    can_transition,
    check_transition,
)

S = Status

# The table as this test expects it, written out in full: a change to TRANSITIONS must change this too,
# which makes every widening or narrowing a reviewed decision.
EXPECTED: dict[Status, set[Status]] = {
    S.CREATED: {S.PENDING, S.AWAITING_OTP, S.AUTHORIZED, S.SUCCEEDED, S.FAILED, S.CANCELED, S.EXPIRED, S.UNKNOWN},
    S.PENDING: {S.AWAITING_OTP, S.AUTHORIZED, S.SUCCEEDED, S.FAILED, S.CANCELED, S.EXPIRED, S.UNKNOWN},
    S.AWAITING_OTP: {S.PENDING, S.AUTHORIZED, S.SUCCEEDED, S.FAILED, S.CANCELED, S.EXPIRED, S.UNKNOWN},
    S.AUTHORIZED: {S.SUCCEEDED, S.FAILED, S.CANCELED, S.EXPIRED, S.UNKNOWN},
    S.UNKNOWN: {S.PENDING, S.AWAITING_OTP, S.AUTHORIZED, S.SUCCEEDED, S.FAILED, S.CANCELED, S.EXPIRED},
    S.EXPIRED: {S.PENDING, S.AUTHORIZED, S.SUCCEEDED, S.FAILED, S.CANCELED},
    S.CANCELED: {S.AUTHORIZED, S.SUCCEEDED, S.FAILED},
    S.SUCCEEDED: {S.PARTIALLY_REFUNDED, S.REFUNDED},
    S.PARTIALLY_REFUNDED: {S.REFUNDED},
    S.FAILED: set(),
    S.REFUNDED: set(),
}

ALL_PAIRS = list(itertools.product(Status, Status))


def test_the_table_has_a_row_for_every_status() -> None:
    assert set(TRANSITIONS) == set(Status)
    assert all(targets <= set(Status) for targets in TRANSITIONS.values())


def test_the_table_is_the_reviewed_one() -> None:
    assert {old: set(new) for old, new in TRANSITIONS.items()} == EXPECTED


def test_no_status_lists_itself() -> None:
    # Staying put is handled by can_transition; a self-loop in the table would hide a typo.
    assert all(old not in new for old, new in TRANSITIONS.items())


@pytest.mark.parametrize(("old", "new"), ALL_PAIRS, ids=[f"{a.value}->{b.value}" for a, b in ALL_PAIRS])
def test_every_pair(old: Status, new: Status) -> None:
    allowed = old == new or new in EXPECTED[old]
    assert can_transition(old, new) is allowed
    if allowed:
        check_transition(old, new)
    else:
        with pytest.raises(IllegalTransition) as raised:
            check_transition(old, new, app_ref="POS-1")
        assert raised.value.old is old
        assert raised.value.new is new
        assert str(raised.value) == f"cannot go from {old.value} to {new.value} for POS-1"


# ---------------------------------------------------------------- what the table must mean


@pytest.mark.parametrize("given_up", [S.EXPIRED, S.CANCELED, S.UNKNOWN])
def test_a_late_success_from_the_provider_is_recorded(given_up: Status) -> None:
    """The provider's word is the truth: money the customer paid is never hidden by our own give-up."""
    assert can_transition(given_up, S.SUCCEEDED)


@pytest.mark.parametrize("given_up", [S.EXPIRED, S.CANCELED, S.UNKNOWN])
def test_a_late_authorization_is_recorded_so_the_hold_gets_captured_or_voided(given_up: Status) -> None:
    assert can_transition(given_up, S.AUTHORIZED)


@pytest.mark.parametrize("final", [S.FAILED, S.REFUNDED])
def test_failed_and_refunded_are_final(final: Status) -> None:
    assert TRANSITIONS[final] == frozenset()
    assert all(not can_transition(final, other) for other in Status if other != final)


@pytest.mark.parametrize(
    "outcome", [S.PENDING, S.AWAITING_OTP, S.AUTHORIZED, S.SUCCEEDED, S.FAILED, S.CANCELED, S.EXPIRED]
)
def test_unknown_resolves_to_whatever_the_provider_reports(outcome: Status) -> None:
    assert can_transition(S.UNKNOWN, outcome)


def test_unknown_is_never_refunded_before_it_is_known_to_have_succeeded() -> None:
    assert not can_transition(S.UNKNOWN, S.REFUNDED)
    assert not can_transition(S.UNKNOWN, S.PARTIALLY_REFUNDED)


def test_only_a_success_is_refunded() -> None:
    sources = {old for old, new in EXPECTED.items() if S.REFUNDED in new or S.PARTIALLY_REFUNDED in new}
    assert sources == {S.SUCCEEDED, S.PARTIALLY_REFUNDED}


def test_nothing_goes_back_to_created() -> None:
    assert all(S.CREATED not in new for new in TRANSITIONS.values())


def test_a_success_is_never_undone() -> None:
    assert TRANSITIONS[S.SUCCEEDED] <= {S.PARTIALLY_REFUNDED, S.REFUNDED}
    assert TRANSITIONS[S.PARTIALLY_REFUNDED] == {S.REFUNDED}


def test_every_status_is_reachable_from_created() -> None:
    seen, todo = {S.CREATED}, [S.CREATED]
    while todo:
        for new in TRANSITIONS[todo.pop()] - seen:
            seen.add(new)
            todo.append(new)
    assert seen == set(Status)


def test_final_and_followed_statuses() -> None:
    assert FINAL_STATUSES.isdisjoint(FOLLOWED_STATUSES)
    assert set(FOLLOWED_STATUSES) == {S.PENDING, S.AWAITING_OTP, S.AUTHORIZED, S.UNKNOWN}
    assert {s for s in Status if s.is_final} == FINAL_STATUSES
    assert {s for s in Status if s.needs_following} == FOLLOWED_STATUSES
    assert not S.CREATED.is_final
    assert not S.CREATED.needs_following  # nothing sent yet: nothing to read


def test_statuses_accept_their_journal_strings() -> None:
    assert can_transition("pending", "succeeded")  # type: ignore[arg-type]
    with pytest.raises(IllegalTransition) as raised:
        check_transition("failed", "succeeded")  # type: ignore[arg-type]
    assert raised.value.old is S.FAILED
    with pytest.raises(ValueError, match="not_a_status"):
        can_transition(S.PENDING, "not_a_status")  # type: ignore[arg-type]


def test_kinds() -> None:
    assert {k for k in Kind if k.is_payment} == {Kind.LINK_PAYMENT, Kind.PUSH_PAYMENT, Kind.CASH_PAYMENT}
    assert {k for k in Kind if k.is_mobile_payment} == {Kind.LINK_PAYMENT, Kind.PUSH_PAYMENT}
    assert {k for k in Kind if k.moves_money_out} == {Kind.REFUND, Kind.PAYOUT}


# ---------------------------------------------------------------- the record


def payment(**changes: object) -> Transaction:
    fields: dict[str, object] = {
        "app_ref": "POS-20240501-0001",
        "kind": Kind.PUSH_PAYMENT,
        "provider": "mycoolpay",
        "amount": Money(1000, "XAF"),
        "customer": "+237699009900",
        "operator": "CM_OM",
    }
    fields.update(changes)
    return Transaction(**fields)  # type: ignore[arg-type]


class TestTransaction:
    def test_defaults(self) -> None:
        tx = payment()
        assert tx.status is S.CREATED
        assert tx.provider_ref is None
        assert tx.parent_ref is None
        assert tx.fees is None

    def test_is_immutable(self) -> None:
        with pytest.raises(dataclasses.FrozenInstanceError):
            payment().status = S.SUCCEEDED  # type: ignore[misc]

    def test_needs_an_app_ref(self) -> None:
        with pytest.raises(ValueError, match="app_ref"):
            payment(app_ref="")

    @pytest.mark.parametrize("minor", [0, -1000])
    def test_moves_a_positive_amount(self, minor: int) -> None:
        with pytest.raises(ValueError, match="positive amount"):
            payment(amount=Money(minor, "XAF"))

    def test_amount_is_money(self) -> None:
        with pytest.raises(TypeError, match="Money"):
            payment(amount=1000)

    def test_a_refund_names_its_payment(self) -> None:
        with pytest.raises(ValueError, match="refund names the payment"):
            payment(kind=Kind.REFUND)
        refund = payment(kind=Kind.REFUND, app_ref="POS-R-1", parent_ref="POS-20240501-0001")
        assert refund.parent_ref == "POS-20240501-0001"

    @pytest.mark.parametrize("kind", [Kind.LINK_PAYMENT, Kind.PUSH_PAYMENT, Kind.PAYOUT])
    def test_only_a_refund_has_a_parent(self, kind: Kind) -> None:
        with pytest.raises(ValueError, match="only a refund"):
            payment(kind=kind, parent_ref="POS-1")

    def test_journal_strings_become_enums(self) -> None:
        tx = payment(kind="refund", status="succeeded", parent_ref="POS-1")
        assert tx.kind is Kind.REFUND
        assert tx.status is S.SUCCEEDED
        with pytest.raises(ValueError, match="refund names"):
            payment(kind="refund")  # a plain string still counts as a refund
        with pytest.raises(ValueError, match="'paid' is not a valid Status"):
            payment(status="paid")

    def test_fees_are_in_the_amounts_currency_and_not_negative(self) -> None:
        assert payment(fees=Money(20, "XAF")).fees == Money(20, "XAF")
        assert payment(fees=Money(0, "XAF")).fees == Money(0, "XAF")
        with pytest.raises(ValueError, match="XAF"):
            payment(fees=Money(20, "EUR"))
        with pytest.raises(ValueError, match="negative"):
            payment(fees=Money(-20, "XAF"))

    def test_with_status_follows_the_table(self) -> None:
        tx = payment()
        pending = tx.with_status(S.PENDING, provider_ref="MCP-123")
        assert (pending.status, pending.provider_ref) == (S.PENDING, "MCP-123")
        assert tx.status is S.CREATED  # the original is untouched
        paid = pending.with_status(S.SUCCEEDED)
        assert paid.status is S.SUCCEEDED
        assert paid.provider_ref == "MCP-123"

    def test_with_status_refuses_an_illegal_change(self) -> None:
        failed = payment().with_status(S.FAILED)
        with pytest.raises(IllegalTransition, match="cannot go from failed to succeeded for POS-20240501-0001"):
            failed.with_status(S.SUCCEEDED)

    def test_with_status_to_the_same_status_is_allowed(self) -> None:
        failed = payment(status=S.FAILED)
        assert failed.with_status(S.FAILED, reason="declined").reason == "declined"

    def test_with_status_keeps_the_invariants(self) -> None:
        with pytest.raises(ValueError, match="positive amount"):
            payment().with_status(S.PENDING, amount=Money(0, "XAF"))
        with pytest.raises(ValueError, match="only a refund"):
            payment().with_status(S.PENDING, parent_ref="POS-1")

    def test_a_payment_to_refunded(self) -> None:
        tx = payment()
        for status in (S.PENDING, S.AWAITING_OTP, S.SUCCEEDED, S.PARTIALLY_REFUNDED, S.REFUNDED):
            tx = tx.with_status(status)
        assert tx.status is S.REFUNDED
