"""A random history (sales, OTP, status changes, refunds, payouts, restarts) keeps projection == replay."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from posapp.core.money import Money
from posapp.core.transactions import TRANSITIONS, IllegalTransition, Kind, Status, Transaction
from posapp.journal.store import Journal, RefundRefused

ALL_STATUSES = sorted(Status)


class JournalMachine(RuleBasedStateMachine):
    """Drives a real journal file and a plain model of what it must hold."""

    refs = Bundle("refs")

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="journal-machine-"))
        self.path = self.dir / "journal.sqlite3"
        self.journal = Journal(self.path)
        self.status: dict[str, Status] = {}
        self.amount: dict[str, int] = {}
        self.refunds: dict[str, list[str]] = {}  # payment -> its refunds
        self.counter = 0

    def teardown(self) -> None:
        self.journal.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _new_ref(self) -> str:
        self.counter += 1
        return f"T{self.counter}"

    @initialize(target=refs)
    def first_sale(self) -> str:
        return self.sale(Kind.LINK_PAYMENT, 1000)

    @rule(target=refs, kind=st.sampled_from([Kind.LINK_PAYMENT, Kind.PUSH_PAYMENT]), amount=st.integers(1, 10_000))
    def sale(self, kind: Kind, amount: int) -> str:
        ref = self._new_ref()
        tx = Transaction(app_ref=ref, kind=kind, provider="mycoolpay", amount=Money(amount, "XAF"), cashier="ama")
        assert self.journal.record_intent(tx, "cashier:ama").status is Status.CREATED
        assert self.journal.record_intent(tx, "cashier:ama").app_ref == ref  # idempotent
        self.status[ref], self.amount[ref] = Status.CREATED, amount
        self.refunds[ref] = []
        return ref

    @rule(target=refs, amount=st.integers(1, 50_000))
    def payout(self, amount: int) -> str:
        ref = self._new_ref()
        tx = Transaction(app_ref=ref, kind=Kind.PAYOUT, provider="mycoolpay", amount=Money(amount, "XAF"))
        self.journal.record_intent(tx, "manager:zoe")
        self.status[ref], self.amount[ref] = Status.CREATED, amount
        return ref

    @rule(ref=refs)
    def otp(self, ref: str) -> None:
        if Status.AWAITING_OTP not in TRANSITIONS[self.status[ref]] | {self.status[ref]}:
            return
        self.journal.append_event(ref, type="otp_requested", status=Status.AWAITING_OTP, actor="system")
        self.journal.append_event(
            ref, type="otp_submitted", status=Status.AWAITING_OTP, actor="cashier:ama", raw={"otp": "123456"}
        )
        self.status[ref] = Status.AWAITING_OTP

    @rule(
        ref=refs,
        status=st.sampled_from(ALL_STATUSES),
        provider_ref=st.none() | st.text("ABC123", min_size=1, max_size=6),
        fees=st.none() | st.integers(0, 500),
    )
    def status_change(self, ref: str, status: Status, provider_ref: str | None, fees: int | None) -> None:
        old = self.status[ref]
        try:
            self.journal.append_event(
                ref,
                type="status_read",
                status=status,
                actor="system",
                provider_ref=provider_ref,
                fees=None if fees is None else Money(fees, "XAF"),
            )
        except IllegalTransition:
            assert not (status == old or status in TRANSITIONS[old])
            return
        assert status == old or status in TRANSITIONS[old]
        self.status[ref] = status
        self._follow_refund(ref, old, status)

    def _follow_refund(self, ref: str, old: Status, new: Status) -> None:
        for parent, children in self.refunds.items():
            if ref in children and new is Status.SUCCEEDED and old is not Status.SUCCEEDED:
                done = sum(self.amount[c] for c in children if self.status[c] is Status.SUCCEEDED)
                target = Status.REFUNDED if done >= self.amount[parent] else Status.PARTIALLY_REFUNDED
                if target == self.status[parent] or target in TRANSITIONS[self.status[parent]]:
                    self.status[parent] = target

    @rule(target=refs, parent=refs, amount=st.integers(1, 10_000))
    def refund(self, parent: str, amount: int) -> str:
        ref = self._new_ref()
        tx = Transaction(
            app_ref=ref, kind=Kind.REFUND, provider="mycoolpay", amount=Money(amount, "XAF"), parent_ref=parent
        )
        is_payment = parent in self.refunds
        reserved = sum(
            self.amount[c]
            for c in self.refunds.get(parent, [])
            if self.status[c] not in (Status.FAILED, Status.CANCELED)
        )
        refundable = (
            self.amount[parent] - reserved
            if is_payment and self.status[parent] in (Status.SUCCEEDED, Status.PARTIALLY_REFUNDED)
            else 0
        )
        if is_payment:
            assert self.journal.refundable_amount(parent) == Money(max(refundable, 0), "XAF")
        try:
            self.journal.record_intent(tx, "manager:zoe")
        except RefundRefused:
            assert amount > refundable
            return parent  # the bundle still gets a known ref
        assert amount <= refundable
        self.status[ref], self.amount[ref] = Status.CREATED, amount
        self.refunds[parent].append(ref)
        return ref

    @rule()
    def restart(self) -> None:
        self.journal.close()
        self.journal = Journal(self.path)

    @invariant()
    def projection_equals_replay(self) -> None:
        before = self.journal.projection_snapshot()
        assert self.journal.rebuild_projection(dry_run=True) == []
        assert self.journal.projection_snapshot() == before

    @invariant()
    def statuses_match_the_model(self) -> None:
        for ref, status in self.status.items():
            assert self.journal.get(ref).status is status, ref  # type: ignore[union-attr]
        unfinished = {t.app_ref for t in self.journal.unfinished()}
        assert unfinished == {r for r, s in self.status.items() if s.needs_following or s is Status.CREATED}


JournalMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestJournalMachine = JournalMachine.TestCase


def test_a_corrupted_projection_is_caught_by_the_replay(tmp_path: Path) -> None:
    """The invariant above can fail: a projection changed behind the journal's back is reported."""
    with Journal(tmp_path / "j.sqlite3") as journal:
        tx = Transaction(app_ref="A", kind=Kind.LINK_PAYMENT, provider="p", amount=Money(5, "XAF"))
        journal.record_intent(tx, "cashier")
        journal.db.conn.execute("UPDATE transactions SET fees_minor = 3 WHERE app_ref = 'A'")
        assert journal.rebuild_projection(dry_run=True) == ["A"]
