"""The transaction record, its kinds, the unified statuses and the table of allowed transitions.

Every provider's status maps onto ``Status``. A status change that the table does not allow raises
``IllegalTransition``: the journal refuses it, so a bug cannot turn a failed payment into a success by
a stray write. Staying in the same status is not a transition and is always allowed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from posapp.core.money import Money


class Kind(StrEnum):
    """What a transaction does with money."""

    LINK_PAYMENT = "link_payment"  # the customer pays through a payment link (shown as a QR code)
    PUSH_PAYMENT = "push_payment"  # the provider pushes the payment to the customer's phone
    REFUND = "refund"  # money back to the payer of an earlier payment
    PAYOUT = "payout"  # money out of the merchant's account to a recipient
    CASH_PAYMENT = "cash_payment"  # notes and coins into the till's drawer; never sent to a provider

    @property
    def is_payment(self) -> bool:
        return self in (Kind.LINK_PAYMENT, Kind.PUSH_PAYMENT, Kind.CASH_PAYMENT)

    @property
    def is_mobile_payment(self) -> bool:
        """A payment a provider moves (and the tracker follows), as against cash handed over the counter."""
        return self in (Kind.LINK_PAYMENT, Kind.PUSH_PAYMENT)

    @property
    def moves_money_out(self) -> bool:
        return self in (Kind.REFUND, Kind.PAYOUT)


class Status(StrEnum):
    """The unified status of a transaction, whatever the provider."""

    CREATED = "created"  # intent written to the journal; nothing sent yet
    PENDING = "pending"  # sent; waiting for the customer or the provider
    AWAITING_OTP = "awaiting_otp"  # the operator asks for the one-time code the customer received
    AUTHORIZED = "authorized"  # reserved on the customer's account; needs a capture
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELED = "canceled"
    EXPIRED = "expired"  # never answered within the expiry; a later success still wins
    UNKNOWN = "unknown"  # a money-moving request whose outcome we could not read; never resent
    REFUNDED = "refunded"
    PARTIALLY_REFUNDED = "partially_refunded"

    @property
    def is_final(self) -> bool:
        """Nothing more will happen without a new action (refund) or a late provider answer."""
        return self in FINAL_STATUSES

    @property
    def needs_following(self) -> bool:
        """The tracker keeps reading the provider's status while a transaction is here."""
        return self in FOLLOWED_STATUSES


FINAL_STATUSES = frozenset(
    {Status.SUCCEEDED, Status.FAILED, Status.CANCELED, Status.EXPIRED, Status.REFUNDED, Status.PARTIALLY_REFUNDED}
)
FOLLOWED_STATUSES = frozenset({Status.PENDING, Status.AWAITING_OTP, Status.AUTHORIZED, Status.UNKNOWN})

_S = Status
_IN_FLIGHT = {_S.SUCCEEDED, _S.FAILED, _S.CANCELED, _S.EXPIRED, _S.UNKNOWN}

# from-status -> statuses it may move to. The provider's word is the truth: a payment the console
# expired, stopped following or canceled (perhaps only on our side: not every provider can cancel)
# still becomes SUCCEEDED, or AUTHORIZED (money held that someone must capture or void), or FAILED
# when the provider later reports so. UNKNOWN resolves to whatever the provider's status read says,
# EXPIRED included. FAILED and REFUNDED are final: nothing comes after them.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    _S.CREATED: frozenset(_IN_FLIGHT | {_S.PENDING, _S.AWAITING_OTP, _S.AUTHORIZED}),
    _S.PENDING: frozenset(_IN_FLIGHT | {_S.AWAITING_OTP, _S.AUTHORIZED}),
    _S.AWAITING_OTP: frozenset(_IN_FLIGHT | {_S.PENDING, _S.AUTHORIZED}),
    _S.AUTHORIZED: frozenset({_S.SUCCEEDED, _S.FAILED, _S.CANCELED, _S.EXPIRED, _S.UNKNOWN}),
    _S.UNKNOWN: frozenset(
        {_S.PENDING, _S.AWAITING_OTP, _S.AUTHORIZED, _S.SUCCEEDED, _S.FAILED, _S.CANCELED, _S.EXPIRED}
    ),
    _S.EXPIRED: frozenset({_S.PENDING, _S.AUTHORIZED, _S.SUCCEEDED, _S.FAILED, _S.CANCELED}),
    _S.CANCELED: frozenset({_S.AUTHORIZED, _S.SUCCEEDED, _S.FAILED}),
    _S.SUCCEEDED: frozenset({_S.PARTIALLY_REFUNDED, _S.REFUNDED}),
    _S.PARTIALLY_REFUNDED: frozenset({_S.REFUNDED}),
    _S.FAILED: frozenset(),
    _S.REFUNDED: frozenset(),
}


class IllegalTransition(ValueError):
    """A status change the table of transitions does not allow."""

    def __init__(self, old: Status, new: Status, app_ref: str = "") -> None:
        where = f" for {app_ref}" if app_ref else ""
        super().__init__(f"cannot go from {old.value} to {new.value}{where}")
        self.old = old
        self.new = new


def can_transition(old: Status, new: Status) -> bool:
    """Whether ``old`` may become ``new`` (staying put always may); a value that is no status raises."""
    old, new = Status(old), Status(new)
    return old == new or new in TRANSITIONS[old]


def check_transition(old: Status, new: Status, app_ref: str = "") -> None:
    """Raise ``IllegalTransition`` unless ``old`` may become ``new``."""
    if not can_transition(old, new):
        raise IllegalTransition(Status(old), Status(new), app_ref)


@dataclass(frozen=True, slots=True)
class Transaction:
    """One money movement as the console knows it: what was asked, of whom, and where it stands.

    ``app_ref`` is ours and unique (sent to the provider as ``app_transaction_ref`` / ``order_id``);
    ``provider_ref`` is the provider's, known once it answered. ``customer`` is an E.164 phone number
    (or a wallet identifier for a My-CoolPay payout). ``parent_ref`` links a refund to its payment.
    """

    app_ref: str
    kind: Kind
    provider: str
    amount: Money
    status: Status = Status.CREATED
    provider_ref: str | None = None
    customer: str | None = None
    operator: str | None = None
    reason: str = ""
    parent_ref: str | None = None
    cashier: str = ""
    fees: Money | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        # A row read back from the journal holds plain strings; as enums, ``kind is Kind.REFUND`` holds.
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "status", Status(self.status))
        if not self.app_ref:
            raise ValueError("a transaction needs an app_ref")
        if not isinstance(self.amount, Money):
            raise TypeError(f"a transaction's amount is Money, not {type(self.amount).__name__}")
        if self.amount.minor <= 0:
            raise ValueError("a transaction moves a positive amount")
        if self.fees is not None:
            if not isinstance(self.fees, Money) or self.fees.currency != self.amount.currency:
                raise ValueError(f"fees are Money in {self.amount.currency}, like the amount")
            if self.fees.minor < 0:
                raise ValueError("fees cannot be negative")
        if self.kind is Kind.REFUND and not self.parent_ref:
            raise ValueError("a refund names the payment it refunds")
        if self.kind is not Kind.REFUND and self.parent_ref:
            raise ValueError("only a refund has a parent payment")

    def with_status(self, status: Status, **changes: object) -> Transaction:
        """A copy in ``status`` (checked against the table) with other fields changed."""
        check_transition(self.status, status, self.app_ref)
        return dataclasses.replace(self, status=status, **changes)  # type: ignore[arg-type]
