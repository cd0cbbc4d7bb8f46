"""Starting payments: a payment link (shown as a QR code) or a push to the customer's phone, the OTP, cancel.

Every start writes the intent to the journal first, then sends once, then records the answer (redacted
with ``gateway.secrets``) and hands the payment to the ``StatusTracker``. The same cart (kind, amount,
phone or customer, reason, cashier) started again within ``dedupe_window_s`` (a double click, a
double Enter) or while the first start is still running returns the first result: one transaction.

Outcomes. A start that did not happen raises ``ActionFailed`` (the provider refused, or nothing could
be sent; the journal holds the payment as FAILED with the provider's message). A push whose answer was
lost is *not* an error: it returns with the transaction UNKNOWN (never resent; the tracker resolves it
by status reads when the provider's reference is known) and ``OutcomeUnknown`` is published.

API (amounts are ``Money``; ``cashier`` is the signed-in user's name, journaled as ``cashier:<name>``)::

    CheckoutService(journal: SerialJournal, gateway, bus, tracker, *, clock=None, otp_tries=3,
                    dedupe_window_s=10.0, lang="fr")
    await start_link_payment(amount, reason="", customer: MobileNumber | None = None, *, cashier, sale_ref=None)
        -> LinkPayment(transaction, url)
    await start_push_payment(amount, phone: MobileNumber, reason="", *, cashier, sale_ref=None)
        -> PushPayment(transaction, ussd, message, tries_left)      .awaiting_otp: ask for the code
        ``sale_ref``: the payment is a tender of that sale (``journal.sales``), linked to it in the
        same SQLite transaction as its intent; ``ActionFailed`` (nothing sent) when it does not fit
    await submit_otp(app_ref, code) -> OtpOutcome(transaction, accepted, message, tries_left, ussd)
    await cancel(app_ref, reason="", *, cashier="") -> Transaction   stop following it; recorded CANCELED
    await capture(app_ref, amount: Money | None = None, *, cashier) -> CaptureOutcome
        take the money of an AUTHORIZED card payment (all of it, or ``amount`` of it)

Events: ``PaymentStarted`` when the intent is written, ``StatusChanged`` on every change,
``OtpRequired`` when the operator asks for a code (again after a wrong one, with the tries left),
``OutcomeUnknown`` when an answer was lost.

My-CoolPay cannot cancel a payment at the provider: ``cancel`` stops the console waiting for it. The
tracker still reads it slowly for a while, and a late success is recorded and shown.

Capture (card providers with ``Capability.CAPTURE``: the customer's card was authorized, the money is
taken when the cashier captures). Journal first: a ``capture_requested`` event (who, how much) is written,
then ``gateway.capture`` is called exactly once, then the answer is recorded: ``captured`` (the payment
becomes SUCCEEDED; its message says how much of the authorization was taken: a partial capture leaves
the rest to be released by the provider), ``capture_refused`` / ``capture_not_sent`` (it stays
AUTHORIZED and ``ActionFailed`` is raised), or ``capture_no_answer`` (``OutcomeUnknown``: it stays
AUTHORIZED and followed, the outcome says so, ``OutcomeUnknown`` is published; a new capture is only
sent after a status read shows that nothing was captured).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from posapp.core.money import Money
from posapp.core.phone import MobileNumber
from posapp.core.transactions import Kind, Status, Transaction
from posapp.gateways.base import (
    Capability,
    Customer,
    Declined,
    Gateway,
    GatewayError,
    InvalidCode,
    InvalidRequest,
    OutcomeUnknown,
    Unavailable,
)
from posapp.journal.sales import TenderRefused, record_tender_intent
from posapp.journal.store import Journal
from posapp.services.common import (
    NO_SUCH_PAYMENT,
    ActionFailed,
    DoubleClickGuard,
    actor,
    before_sending,
    failed_because,
    new_app_ref,
)
from posapp.services.events import EventBus, OtpRequired, PaymentStarted
from posapp.services.events import OutcomeUnknown as OutcomeUnknownEvent
from posapp.services.recording import AnswerRecorder, record_answer
from posapp.services.serial_journal import SerialJournal
from posapp.services.tracker import Change, StatusTracker, record_change, utc_now

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class LinkPayment:
    """A payment link was created: show ``url`` as a QR code."""

    transaction: Transaction
    url: str


@dataclass(frozen=True, slots=True)
class PushPayment:
    """A push was sent. ``awaiting_otp``: ask the cashier for the customer's code; else the customer
    approves on the phone (``ussd`` is the code they may dial). UNKNOWN: the answer was lost."""

    transaction: Transaction
    ussd: str | None = None
    message: str = ""
    tries_left: int = 0

    @property
    def awaiting_otp(self) -> bool:
        return self.transaction.status is Status.AWAITING_OTP


@dataclass(frozen=True, slots=True)
class OtpOutcome:
    """What became of a code: ``accepted`` (now PENDING or done), else ``message`` and ``tries_left``."""

    transaction: Transaction
    accepted: bool
    message: str = ""
    tries_left: int = 0
    ussd: str | None = None


@dataclass(frozen=True, slots=True)
class CaptureOutcome:
    """What became of a capture. ``captured``: the amount taken (None when not known);
    ``outcome_unknown``: the provider's answer was lost, the payment is still followed (never capture
    it again before its status is known); ``message``: the provider's words or the console's."""

    transaction: Transaction
    captured: Money | None = None
    outcome_unknown: bool = False
    message: str = ""


# Events of a payment's capture, in the journal (the last one tells whether a capture is unresolved).
CAPTURE_EVENTS = frozenset(
    {"capture_requested", "captured", "capture_refused", "capture_not_sent", "capture_no_answer", "capture_checked"}
)


class PaymentBlocked(ActionFailed):
    """An earlier push of the same amount to the same phone has no known outcome yet (its answer is not
    recorded, or it is UNKNOWN): pushing again could charge the customer twice."""

    def __init__(self, blocker: Transaction) -> None:
        super().__init__(
            "An earlier request of {amount} to {phone} has no known outcome yet: the customer may already have "
            "paid. Do not push it again; wait for it in Activity.",
            transaction=blocker,
            detail=blocker.app_ref,
            amount=blocker.amount,
            phone=blocker.customer or "",
        )
        self.blocker = blocker


def _find_push_blocker(journal: Journal, customer: str, amount: Money) -> Transaction | None:
    """A push of ``amount`` to ``customer`` whose answer is not recorded (CREATED) or is UNKNOWN. Worker thread."""
    for tx in journal.unfinished():
        if (
            tx.kind is Kind.PUSH_PAYMENT
            and tx.status in (Status.CREATED, Status.UNKNOWN)
            and tx.customer == customer
            and tx.amount == amount
        ):
            return tx
    return None


def _ussd_of(raw: Any) -> str | None:
    value = raw.get("ussd") if isinstance(raw, dict) else None
    return value if isinstance(value, str) and value else None


class CheckoutService:
    """Starts link and push payments, takes OTPs and cancels; see the module docstring."""

    def __init__(
        self,
        journal: SerialJournal,
        gateway: Gateway,
        bus: EventBus,
        tracker: StatusTracker,
        *,
        recorder: AnswerRecorder | None = None,
        clock: Clock | None = None,
        otp_tries: int = 3,
        dedupe_window_s: float = 10.0,
        lang: str = "fr",
    ) -> None:
        self._journal = journal
        self._gateway = gateway
        self._bus = bus
        self._tracker = tracker
        self._recorder = recorder or AnswerRecorder(journal, tracker, bus)
        self._clock = clock or utc_now
        self.otp_tries = otp_tries
        self.lang = lang
        self._guard: DoubleClickGuard[Any] = DoubleClickGuard(dedupe_window_s, lambda: self._clock().timestamp())
        self._otp_locks: dict[str, asyncio.Lock] = {}
        self._capture_locks: dict[str, asyncio.Lock] = {}

    @property
    def _secrets(self) -> tuple[str, ...]:
        return tuple(self._gateway.secrets)

    # ------------------------------------------------------------------------------------ starting

    async def start_link_payment(
        self,
        amount: Money,
        reason: str = "",
        customer: MobileNumber | None = None,
        *,
        cashier: str,
        sale_ref: str | None = None,
    ) -> LinkPayment:
        """Record, create the payment link, follow it; ``ActionFailed`` when no link was created."""
        key = ("link", amount, customer.e164 if customer else None, reason, cashier, sale_ref)
        result: LinkPayment = await self._guard.run(
            key, lambda: self._start_link(amount, reason, customer, cashier, sale_ref)
        )
        return result

    async def _start_link(
        self, amount: Money, reason: str, customer: MobileNumber | None, cashier: str, sale_ref: str | None
    ) -> LinkPayment:
        tx = await self._record_intent(Kind.LINK_PAYMENT, amount, reason, customer, cashier, sale_ref)
        try:
            link = await self._gateway.create_payment_link(
                tx.app_ref, amount, reason, Customer(phone=customer) if customer else None, self.lang
            )
        except GatewayError as exc:
            raise await self._failed(tx, exc) from None
        except asyncio.CancelledError:
            # Nobody will see the URL, so nobody can pay through it.
            await self._settle_cancelled(tx, Status.CANCELED, "stopped before the payment link was shown")
            raise
        answer = functools.partial(
            record_answer, provider_ref=link.provider_ref, raw=link.raw, secrets=self._secrets, sent_from=Status.CREATED
        )
        change = await self._recorder.record(
            tx,
            functools.partial(answer, app_ref=tx.app_ref, status=Status.PENDING, type="sent"),
            provider_ref=link.provider_ref,
            # Not recorded, the link is never shown: nobody can pay it, and the journal will say so.
            shown=Status.CANCELED,
            instead=functools.partial(
                answer,
                app_ref=tx.app_ref,
                status=Status.CANCELED,
                type="interrupted",
                message="the payment link could not be recorded, so it was never shown",
            ),
        )
        if change.kept:
            raise ActionFailed(
                "The payment's QR code was not shown, because the journal cannot be written: nobody can pay it.",
                transaction=change.transaction,
            )
        self._tracker.publish(change)
        self._tracker.follow(change.transaction)
        return LinkPayment(change.transaction, link.url)

    async def start_push_payment(
        self, amount: Money, phone: MobileNumber, reason: str = "", *, cashier: str, sale_ref: str | None = None
    ) -> PushPayment:
        """Record, push to ``phone`` (its operator from the number), follow; ``ActionFailed`` if refused."""
        key = ("push", amount, phone.e164, reason, cashier, sale_ref)
        result: PushPayment = await self._guard.run(
            key, lambda: self._start_push(amount, phone, reason, cashier, sale_ref)
        )
        return result

    async def _start_push(
        self, amount: Money, phone: MobileNumber, reason: str, cashier: str, sale_ref: str | None
    ) -> PushPayment:
        kept = next(
            (t for t in self._recorder.kept() if t.kind is Kind.PUSH_PAYMENT and t.customer == phone.e164
             and t.amount == amount),
            None,
        )  # fmt: skip
        blocker = kept or await self._journal.call(_find_push_blocker, phone.e164, amount)
        if blocker is not None:
            raise PaymentBlocked(blocker)
        tx = await self._record_intent(Kind.PUSH_PAYMENT, amount, reason, phone, cashier, sale_ref)
        try:
            pushed = await self._gateway.push_payment(tx.app_ref, amount, phone, reason, None, self.lang)
        except OutcomeUnknown as exc:
            change = await self._unknown(tx, exc)
            return PushPayment(change.transaction, message=exc.provider_message)
        except GatewayError as exc:
            raise await self._failed(tx, exc) from None
        except asyncio.CancelledError:
            await self._settle_cancelled(tx, Status.UNKNOWN, "stopped while the push was being sent")
            raise
        change = await self._recorder.record(
            tx,
            functools.partial(
                record_answer,
                app_ref=tx.app_ref,
                status=pushed.status,
                sent_from=Status.CREATED,
                type="sent",
                provider_ref=pushed.provider_ref,
                raw=pushed.raw,
                message=pushed.message,
                secrets=self._secrets,
            ),
            provider_ref=pushed.provider_ref,
        )
        sent = change.transaction
        if change.kept:  # UNKNOWN until the journal takes the answer
            return PushPayment(sent, message=pushed.message)
        self._tracker.publish(change)
        self._tracker.follow(sent)
        if sent.status is Status.AWAITING_OTP:
            self._bus.publish(OtpRequired(sent, message=pushed.message, tries_left=self.otp_tries))
            return PushPayment(sent, message=pushed.message, tries_left=self.otp_tries)
        return PushPayment(sent, ussd=pushed.ussd, message=pushed.message)

    async def _record_intent(
        self,
        kind: Kind,
        amount: Money,
        reason: str,
        customer: MobileNumber | None,
        cashier: str,
        sale_ref: str | None = None,
    ) -> Transaction:
        prefix = "QR" if kind is Kind.LINK_PAYMENT else "PAY"
        intent = Transaction(
            app_ref=new_app_ref(prefix, self._clock()),
            kind=kind,
            provider=self._gateway.name,
            amount=amount,
            customer=customer.e164 if customer else None,
            operator=customer.operator.value if customer else None,
            reason=reason,
            cashier=cashier,
        )
        who = actor("cashier", cashier)
        if sale_ref is None:
            write = self._journal.call(Journal.record_intent, intent, who, secrets=self._secrets)
        else:
            write = self._journal.call(record_tender_intent, sale_ref, intent, who, secrets=self._secrets)
        try:
            tx = await before_sending(write)
        except TenderRefused as exc:
            raise failed_because(exc) from None
        self._bus.publish(PaymentStarted(tx))
        return tx

    async def _failed(self, tx: Transaction, exc: GatewayError) -> ActionFailed:
        what = "refused" if isinstance(exc, InvalidRequest | Declined) else "not_sent"
        change = await self._recorder.record(
            tx,
            functools.partial(
                record_answer,
                app_ref=tx.app_ref,
                status=Status.FAILED,
                sent_from=tx.status,
                type=what,
                message=exc.provider_message or exc.message,
                raw=exc.raw,
                secrets=self._secrets,
            ),
            shown=Status.FAILED,  # refused or never sent: no money moved
        )
        if not change.kept:
            self._tracker.publish(change)
        return failed_because(exc, transaction=change.transaction)

    async def _unknown(self, tx: Transaction, exc: OutcomeUnknown) -> Change:
        change = await self._recorder.record(
            tx,
            functools.partial(
                record_answer,
                app_ref=tx.app_ref,
                status=Status.UNKNOWN,
                sent_from=tx.status,
                type="no_answer",
                message=exc.message,
                provider_ref=exc.provider_ref,
                raw=exc.raw,
                secrets=self._secrets,
            ),
            provider_ref=exc.provider_ref,
        )
        if not change.kept:
            self._tracker.publish(change)
            self._tracker.follow(change.transaction)
        return change

    async def _settle_cancelled(self, tx: Transaction, status: Status, message: str) -> None:
        # The caller's task is being cancelled (the console closes): record it, then let the cancel go on.
        write = self._journal.call(record_change, tx.app_ref, status, type="interrupted", message=message)
        try:
            self._tracker.publish(await asyncio.shield(write))
        except Exception:
            pass  # the journal may be closing too: resume() settles a CREATED intent the same way

    # ------------------------------------------------------------------------------------ OTP

    async def submit_otp(self, app_ref: str, code: str) -> OtpOutcome:
        """Send the customer's code once. A wrong code gives the provider's message and the tries left;
        after ``otp_tries`` wrong codes the payment is FAILED."""
        lock = self._otp_locks.setdefault(app_ref, asyncio.Lock())
        async with lock:
            return await self._submit_otp(app_ref, code.strip())

    async def _submit_otp(self, app_ref: str, code: str) -> OtpOutcome:
        tx = await self._get(app_ref)
        if tx.status is not Status.AWAITING_OTP or tx.provider_ref is None:
            accepted = tx.status in (Status.PENDING, Status.SUCCEEDED, Status.AUTHORIZED)
            return OtpOutcome(tx, accepted=accepted, message="", tries_left=0)
        kept = next((t for t in self._recorder.kept() if t.app_ref == app_ref), None)
        if kept is not None:
            # The last code's answer is not in the journal yet: it may have been taken; never send another.
            return OtpOutcome(kept, accepted=False, message="the last code's answer is not recorded yet", tries_left=0)
        secrets = (*self._secrets, code)
        refused = sum(1 for e in await self._journal.call(Journal.timeline, app_ref) if e.type == "otp_refused")
        tries_left = max(self.otp_tries - refused, 0)
        await before_sending(self._journal.call(_note, app_ref, type="otp_submitted", actor="cashier"))
        try:
            report = await self._gateway.submit_otp(tx.provider_ref, code)
        except InvalidCode as exc:
            tries_left -= 1
            message = exc.provider_message or exc.message
            if tries_left > 0:
                write = functools.partial(
                    _note, app_ref=app_ref, type="otp_refused", message=message, raw=exc.raw, secrets=secrets
                )
            else:
                write = functools.partial(
                    record_answer,
                    app_ref=app_ref,
                    status=Status.FAILED,
                    sent_from=Status.AWAITING_OTP,
                    type="otp_refused",
                    message=f"{message} (no tries left)",
                    raw=exc.raw,
                    secrets=secrets,
                )
            change = await self._recorder.record(tx, write, shown=None if tries_left > 0 else Status.FAILED)
            if not change.kept:
                self._tracker.publish(change)
            if tries_left > 0:
                self._bus.publish(OtpRequired(change.transaction, message=message, tries_left=tries_left))
            else:
                self._tracker.stop_following(app_ref)
            return OtpOutcome(change.transaction, accepted=False, message=message, tries_left=tries_left)
        except Unavailable as exc:
            # Not sent: the code may be typed again; no try was used.
            return OtpOutcome(tx, accepted=False, message=exc.provider_message or exc.message, tries_left=tries_left)
        except OutcomeUnknown as exc:
            # The payment is still readable: the tracker will see it become final either way.
            write = functools.partial(
                _note, app_ref=app_ref, type="otp_no_answer", message=exc.message, secrets=secrets
            )
            await self._recorder.record(tx, write, shown=None)
            self._tracker.request_check(app_ref=app_ref)
            return OtpOutcome(tx, accepted=False, message=exc.message, tries_left=tries_left)
        except GatewayError as exc:
            # The provider no longer takes a code for it (failed, expired, too many tries): read it now.
            message = exc.provider_message or exc.message
            write = functools.partial(
                _note, app_ref=app_ref, type="otp_refused_other", message=message, secrets=secrets
            )
            await self._recorder.record(tx, write, shown=None)
            after = await self._tracker.check_now(app_ref)
            return OtpOutcome(after, accepted=False, message=message, tries_left=0)
        change = await self._recorder.record(
            tx,
            functools.partial(
                record_answer,
                app_ref=app_ref,
                status=report.status,
                sent_from=Status.AWAITING_OTP,
                type="otp_accepted",
                raw=report.raw,
                provider_ref=report.provider_ref or None,
                message=report.message,
                secrets=secrets,
            ),
            provider_ref=tx.provider_ref,
        )
        if change.kept:
            # The code was taken but the journal could not say so: unknown until it does, never sent again.
            return OtpOutcome(change.transaction, accepted=False, message=change.message, tries_left=tries_left)
        self._tracker.publish(change)
        self._tracker.follow(change.transaction, asked_at=self._clock())
        return OtpOutcome(
            change.transaction, accepted=True, message=report.message, tries_left=tries_left, ussd=_ussd_of(report.raw)
        )

    # ------------------------------------------------------------------------------------ cancel

    async def cancel(self, app_ref: str, reason: str = "", *, cashier: str = "") -> Transaction:
        """Stop waiting for a payment and record why; ``ActionFailed`` if it is already final."""
        tx = await self._get(app_ref)
        if not tx.kind.is_mobile_payment:
            raise ActionFailed("Only a payment by QR code or on the customer's phone can be canceled.")
        change = await self._journal.call(
            record_change,
            app_ref,
            Status.CANCELED,
            type="canceled",
            actor=actor("cashier", cashier),
            message=reason or "canceled by the cashier",
        )
        if not change.changed:
            raise ActionFailed(
                "This payment can no longer be canceled (status: {status}).", transaction=tx, status=tx.status
            )
        self._tracker.publish(change)
        self._tracker.follow(change.transaction)  # late checks: a success after the cancel still counts
        return change.transaction

    # ------------------------------------------------------------------------------------ capture

    async def capture(self, app_ref: str, amount: Money | None = None, *, cashier: str) -> CaptureOutcome:
        """Capture an AUTHORIZED payment: all of it (``amount`` None) or ``amount`` of it, sent once.

        ``ActionFailed`` when nothing was captured (not authorized, the provider cannot capture, an
        amount above the authorization, the provider refused, nothing could be sent). A second call
        while the first runs waits for it and then finds the payment captured (``ActionFailed``).
        """
        lock = self._capture_locks.setdefault(app_ref, asyncio.Lock())
        async with lock:
            return await self._capture(app_ref, amount, cashier)

    async def _capture(self, app_ref: str, amount: Money | None, cashier: str) -> CaptureOutcome:
        if not self._gateway.capabilities & Capability.CAPTURE:
            raise ActionFailed("{provider} payments need no capture.", provider=self._gateway.name)
        tx = await self._get(app_ref)
        if not tx.kind.is_payment:
            raise ActionFailed("This is not a payment: only a payment is captured.", transaction=tx, detail=app_ref)
        if tx.status is not Status.AUTHORIZED or tx.provider_ref is None:
            raise ActionFailed(
                "Only an authorized payment is captured; this one is “{status}”.",
                transaction=tx,
                status=tx.status,
            )
        if amount is not None:
            if amount.currency != tx.amount.currency:
                raise ActionFailed(
                    "This payment is in {currency}, not {other}.",
                    transaction=tx,
                    currency=tx.amount.currency,
                    other=amount.currency,
                )
            if amount.minor <= 0:
                raise ActionFailed("Enter an amount above zero to capture.", transaction=tx)
            if amount > tx.amount:
                raise ActionFailed(
                    "Not captured: at most {amount} can be captured on this payment.", transaction=tx, amount=tx.amount
                )
        wanted = tx.amount if amount is None else amount
        if await self._capture_unresolved(tx):
            after = await self._check_capture(tx)
            if after is not None:
                return after
        who = actor("cashier", cashier)
        await before_sending(
            self._journal.call(
                _note,
                app_ref,
                type="capture_requested",
                actor=who,
                message=f"capture of {wanted} of the {tx.amount} authorized",
            )
        )
        try:
            report = await self._gateway.capture(
                tx.provider_ref, None if amount is None or amount == tx.amount else amount
            )
        except OutcomeUnknown as exc:
            write = functools.partial(
                _note, app_ref=app_ref, type="capture_no_answer", message=exc.message, raw=exc.raw,
                secrets=self._secrets,
            )  # fmt: skip
            change = await self._recorder.record(tx, write, shown=None)
            self._tracker.follow(change.transaction)
            self._tracker.request_check(app_ref=app_ref)
            message = exc.provider_message or exc.message
            self._bus.publish(OutcomeUnknownEvent(change.transaction, reason=message))
            return CaptureOutcome(change.transaction, None, outcome_unknown=True, message=message)
        except GatewayError as exc:
            what = "capture_refused" if isinstance(exc, Declined | InvalidRequest) else "capture_not_sent"
            message = exc.provider_message or exc.message
            write = functools.partial(_note, app_ref=app_ref, type=what, message=message, raw=exc.raw,
                                      secrets=self._secrets)  # fmt: skip
            change = await self._recorder.record(tx, write, shown=None)
            raise failed_because(exc, transaction=change.transaction) from None
        except asyncio.CancelledError:
            write_cancel = self._journal.call(
                _note, app_ref, type="capture_no_answer", message="stopped while the capture was sent"
            )
            try:
                await asyncio.shield(write_cancel)
            except Exception:
                pass
            raise
        captured = report.captured if report.captured is not None and report.captured.minor else None
        if report.status is Status.AUTHORIZED and captured is None:
            # Accepted but not finished (an asynchronous operation): the tracker sees it end.
            write = functools.partial(
                _note, app_ref=app_ref, type="capture_no_answer",
                message="the provider is still processing the capture", raw=report.raw, secrets=self._secrets,
            )  # fmt: skip
            change = await self._recorder.record(tx, write, shown=None)
            self._tracker.request_check(app_ref=app_ref)
            return CaptureOutcome(change.transaction, None, outcome_unknown=True, message=report.message)
        shown = captured or wanted
        # Still AUTHORIZED: the capture's status; moved on (a status read got there first): the answer is
        # kept as a fact of the timeline (record_answer).
        change = await self._recorder.record(
            tx,
            functools.partial(
                record_answer,
                app_ref=app_ref,
                status=report.status if report.status is not Status.AUTHORIZED else Status.SUCCEEDED,
                sent_from=Status.AUTHORIZED,
                type="captured",
                actor=who,
                message=_captured_text(shown, tx.amount),
                raw=report.raw,
                operator=report.operator,
                secrets=self._secrets,
            ),
            provider_ref=tx.provider_ref,
        )
        if change.kept:
            # Captured, but the journal cannot say so yet: unknown until it does, and never captured again.
            return CaptureOutcome(change.transaction, None, outcome_unknown=True, message=change.message)
        self._tracker.publish(change)
        self._tracker.follow(change.transaction)
        return CaptureOutcome(change.transaction, shown, message=_captured_text(shown, tx.amount))

    async def _capture_unresolved(self, tx: Transaction) -> bool:
        events = await self._journal.call(Journal.timeline, tx.app_ref)
        last = next((e.type for e in reversed(events) if e.type in CAPTURE_EVENTS), None)
        return last in ("capture_requested", "capture_no_answer")

    async def _check_capture(self, tx: Transaction) -> CaptureOutcome | None:
        """An earlier capture's outcome is unknown: read the status before sending another (never twice).

        Returns the outcome when the read settles it (captured, or no longer authorized); None when the
        read shows nothing captured, so a new capture may be sent.
        """
        assert tx.provider_ref is not None
        try:
            report = await self._gateway.status(tx.provider_ref)
        except GatewayError as exc:
            raise ActionFailed(
                "The last capture of this payment has no known outcome, and its status cannot be read now: "
                "try again in a moment.",
                transaction=tx,
                cause=exc,
            ) from None
        if report.status is Status.AUTHORIZED and (report.captured is None or report.captured.minor == 0):
            await self._journal.call(
                _note, tx.app_ref, type="capture_checked", message="nothing was captured", raw=report.raw,
                secrets=self._secrets,
            )  # fmt: skip
            return None
        after = await self._tracker.check_now(tx.app_ref)
        if after.status is Status.AUTHORIZED:
            raise ActionFailed(
                "The provider is still processing the last capture of this payment: try again in a moment.",
                transaction=after,
            )
        captured = report.captured if report.captured is not None and report.captured.minor else None
        return CaptureOutcome(after, captured, message=_captured_text(captured, tx.amount) if captured else "")

    async def _get(self, app_ref: str) -> Transaction:
        tx = await self._journal.call(Journal.get, app_ref)
        if tx is None:
            raise ActionFailed(NO_SUCH_PAYMENT, detail=app_ref)
        return tx


def _captured_text(captured: Money | None, authorized: Money) -> str:
    if captured is None or captured == authorized:
        return f"captured {authorized}"
    return f"captured {captured} of the {authorized} authorized"


def _note(journal: Journal, app_ref: str, *, type: str, actor: str = "system", **fields: Any) -> Change:
    """An event in the current status: a fact worth keeping, not a change. Worker thread."""
    current = journal.get(app_ref)
    if current is None:
        raise LookupError(f"no transaction {app_ref!r} in the journal")
    return Change(journal.append_event(app_ref, type=type, status=current.status, actor=actor, **fields))
