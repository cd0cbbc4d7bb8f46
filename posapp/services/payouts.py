"""Money out: payouts, refunds (a payout to the payer, linked to the payment) and resolving unknown outcomes.

Rules, in the order they apply:

1. A manager's approval (``approve``: who, when, which operation, how much; in the journal) is needed
   and is used up by the intent, in the same SQLite transaction: it cannot serve another operation.
   The transaction's ``app_ref`` is derived from the approval, so submitting the same approval twice
   (a double click) is the same transaction and is sent once.
2. An UNKNOWN payout or refund to the same recipient for the same amount blocks the new one
   (``PayoutBlocked``) until a manager resolves it (``resolve_unknown``): it may have been paid.
3. The intent is written first, then the POST is sent exactly once. A timeout, a 5xx or an unreadable
   answer makes it UNKNOWN: never resent; ``OutcomeUnknown`` is published; the tracker resolves it by
   status reads when the answer carried the provider's reference, otherwise a manager does.
   Nothing sent (connection refused) or refused by the provider: FAILED, and ``ActionFailed`` is raised.
4. A refund goes to the payer's number on the payer's operator and is capped at what is still
   refundable (``Journal.refundable_amount``; every refund not failed reserves its amount).
5. Provider refunds. When the gateway has ``Capability.REFUND`` (the card providers), a refund is not a
   payout: it is ``gateway.refund(payment's provider_ref, amount, app_ref)``, a REFUND transaction linked
   to the payment (no phone number). The cap is also what the provider says is refundable (captured
   minus refunded, read just before: a partial capture leaves less than the authorized amount), minus
   the refunds of that payment still in flight. Intent first, sent once; a refund with an unknown
   outcome is UNKNOWN (not followed: the provider's status read is the payment's, so a manager
   resolves it with ``resolve_unknown``) and blocks another refund of the same amount of that payment.
   When the provider reports the payment fully refunded after a partial capture, the payment is moved
   to REFUNDED too (the journal only compares with the authorized amount).

API::

    PayoutService(journal: SerialJournal, gateway, bus, tracker, *, clock=None)
    await approve(manager, operation, amount=None, *, valid_for=timedelta(minutes=10)) -> Approval
          operation: "payout", "refund" or "resolve" (a resolve approval names the transaction's amount)
    await payout(amount, recipient: MobileNumber | str, operator: str | None, reason, approval) -> Transaction
          recipient: a MobileNumber (operator defaults to its own), or a My-CoolPay wallet (phone,
          username or email) with operator "MCP"
    await refund(payment_ref, amount, reason, approval) -> Transaction
    await refundable(payment_ref) -> Money                 the journal's figure
    await provider_refundable(payment_ref) -> Money        also the provider's (a status read), card providers
    await resolve_unknown(app_ref, status: SUCCEEDED | FAILED, approval, note="") -> Transaction
    await blocking_unknown(recipient, amount) -> Transaction | None

The returned transaction is SUCCEEDED, PENDING (followed by the tracker) or UNKNOWN.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from posapp.core.money import Money
from posapp.core.phone import MobileNumber, PhoneError, parse_mobile
from posapp.core.transactions import Kind, Status, Transaction
from posapp.gateways.base import Capability, Gateway, GatewayError, OutcomeUnknown, StatusReport
from posapp.journal.store import Approval, ApprovalError, Journal, JournalError, RefundRefused
from posapp.services.common import NO_SUCH_PAYMENT, OVER_REFUND, ActionFailed, actor, before_sending, failed_because
from posapp.services.events import EventBus, PaymentStarted
from posapp.services.recording import AnswerRecorder, record_answer
from posapp.services.serial_journal import SerialJournal
from posapp.services.tracker import Change, StatusTracker, record_change, utc_now

Clock = Callable[[], datetime]
# Says whether a refund whose intent is recorded may be sent (the shop store's cap across counters,
# posapp.shop.refunds.ShopRefundGuard); raises RefundRefused when not.
RefundGuard = Callable[[Transaction], Awaitable[None]]
RESOLVABLE = frozenset({Status.SUCCEEDED, Status.FAILED})
MOBILE_OPERATORS = frozenset({"CM_OM", "CM_MOMO"})


class PayoutBlocked(ActionFailed):
    """An earlier payout or refund of the same amount to the same recipient is not finished (its answer
    not recorded yet, in progress at the provider, or with an unknown outcome)."""

    def __init__(self, blocker: Transaction) -> None:
        if blocker.status is Status.UNKNOWN:
            template = (
                "Not sent: an earlier refund or payout of {amount} to {phone} has an unknown outcome and may already "
                "have been paid. A manager must settle it in Activity or History first."
            )
        else:
            template = (
                "Not sent: an earlier refund or payout of {amount} to {phone} is not finished yet ({status}) and may "
                "already have been paid. Wait for its outcome in Activity; nothing must be paid twice."
            )
        super().__init__(
            template,
            transaction=blocker,
            detail=blocker.app_ref,
            amount=blocker.amount,
            phone=blocker.customer or "",
            status=blocker.status,
        )
        self.blocker = blocker


def app_ref_for(prefix: str, approval: Approval) -> str:
    """The one reference an approval can ever produce: ``PO-20260302T080000123456-17``."""
    return f"{prefix}-{approval.approved_at:%Y%m%dT%H%M%S%f}-{approval.id}"


def _find_blocker(journal: Journal, customer: str | None, amount: Money) -> Transaction | None:
    """An unfinished payout or refund of ``amount`` to ``customer``: CREATED (its answer not recorded, or a
    console stopped mid-request), PENDING or UNKNOWN. Any of them may have paid, or may still pay."""
    for tx in journal.unfinished():
        if tx.kind.moves_money_out and tx.customer == customer and tx.amount == amount:
            return tx
    return None


def _record_money_out(
    journal: Journal, intent: Transaction, who: str, approval_id: int, secrets: tuple[str, ...]
) -> tuple[Transaction, bool]:
    """(transaction, True) when this call wrote the intent; (stored, False) when it existed. Worker thread."""
    existing = journal.get(intent.app_ref)
    if existing is not None:
        same = (existing.kind, existing.amount, existing.customer, existing.operator, existing.reason)
        if same != (intent.kind, intent.amount, intent.customer, intent.operator, intent.reason):
            raise ActionFailed(
                "This approval was already used for another refund or payout: ask for a new one. Nothing was sent.",
                transaction=existing,
                detail=existing.app_ref,
            )
        return existing, False
    blocker = _find_blocker(journal, intent.customer, intent.amount)
    if blocker is not None:
        raise PayoutBlocked(blocker)
    return journal.record_intent(intent, who, approval_id=approval_id, secrets=secrets), True


def _find_refund_blocker(journal: Journal, parent_ref: str | None, amount: Money) -> Transaction | None:
    """An unfinished refund of ``amount`` of the payment ``parent_ref`` (see ``_find_blocker``)."""
    for tx in journal.unfinished():
        if tx.kind is Kind.REFUND and tx.parent_ref == parent_ref and tx.amount == amount:
            return tx
    return None


def _in_flight_refunds(journal: Journal, payment_ref: str) -> Money | None:
    """What the payment's unfinished refunds (created, pending, unknown) add up to; None when there are none."""
    total: Money | None = None
    for tx in journal.unfinished():
        if tx.kind is Kind.REFUND and tx.parent_ref == payment_ref:
            total = tx.amount if total is None else total + tx.amount
    return total


def _record_provider_refund(
    journal: Journal, intent: Transaction, who: str, approval_id: int, secrets: tuple[str, ...]
) -> tuple[Transaction, bool]:
    """Like ``_record_money_out`` for a provider refund: blocked by an unknown refund of that payment. Worker thread."""
    existing = journal.get(intent.app_ref)
    if existing is not None:
        return _record_money_out(journal, intent, who, approval_id, secrets)
    blocker = _find_refund_blocker(journal, intent.parent_ref, intent.amount)
    if blocker is not None:
        raise PayoutBlocked(blocker)
    return journal.record_intent(intent, who, approval_id=approval_id, secrets=secrets), True


def _settle_refunded_payment(
    journal: Journal, payment_ref: str, report: StatusReport, secrets: tuple[str, ...]
) -> Change:
    """After a provider refund: the payment is REFUNDED when the provider says so. Worker thread."""
    current = journal.get(payment_ref)
    if current is None:
        raise LookupError(f"no transaction {payment_ref!r} in the journal")
    if report.status is not Status.REFUNDED or current.status is not Status.PARTIALLY_REFUNDED:
        return Change(current)
    return record_change(
        journal,
        payment_ref,
        Status.REFUNDED,
        type="status_read",
        message="the provider reports everything captured refunded",
        raw=report.raw,
        secrets=secrets,
    )


def _resolve(journal: Journal, app_ref: str, status: Status, approval: Approval, note: str) -> Change:
    who = actor("manager", approval.manager)
    with journal.batch():
        current = journal.get(app_ref)
        if current is None:
            raise ActionFailed("This refund or payout is not in this counter's journal.", detail=app_ref)
        if current.status is not Status.UNKNOWN:
            raise ActionFailed(
                "Only an unknown outcome is settled by hand; this one is “{status}”.",
                transaction=current,
                status=current.status,
            )
        journal.consume_approval(approval.id, operation="resolve", amount=current.amount, used_by=who, used_for=app_ref)
        tx = journal.append_event(app_ref, type="resolved", status=status, actor=who, message=note or None)
    return Change(tx, current.status, note)


def _payer_phone(journal: Journal, payment: Transaction) -> str | None:
    """The payer's number: the push's, or what the provider reported for a link payment."""
    if payment.customer:
        return payment.customer
    # A link payment learns its payer from the status read; StatusReport has no field for it, so the
    # provider's raw answer is read (My-CoolPay: customer_phone_number).
    for event in reversed(journal.timeline(payment.app_ref)):
        raw = event.raw
        if isinstance(raw, dict) and isinstance(raw.get("customer_phone_number"), str | int):
            return str(raw["customer_phone_number"])
    return None


class PayoutService:
    """Payouts, refunds and the resolution of unknown outcomes; see the module docstring."""

    def __init__(
        self,
        journal: SerialJournal,
        gateway: Gateway,
        bus: EventBus,
        tracker: StatusTracker,
        *,
        recorder: AnswerRecorder | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._journal = journal
        self._gateway = gateway
        self._bus = bus
        self._tracker = tracker
        self._recorder = recorder or AnswerRecorder(journal, tracker, bus)
        self._clock = clock or utc_now
        self.refund_guard: RefundGuard | None = None
        self._inflight: dict[str, asyncio.Future[Transaction]] = {}

    @property
    def _secrets(self) -> tuple[str, ...]:
        return tuple(self._gateway.secrets)

    async def approve(
        self, manager: str, operation: str, amount: Money | None = None, *, valid_for: timedelta = timedelta(minutes=10)
    ) -> Approval:
        """Record a manager's single-use approval of one operation (after the UI checked the PIN)."""
        return await before_sending(
            self._journal.call(Journal.record_approval, manager, operation, amount, valid_for=valid_for)
        )

    async def blocking_unknown(self, recipient: MobileNumber | str, amount: Money) -> Transaction | None:
        """The unfinished payout or refund that blocks paying ``amount`` to ``recipient``, if any."""
        customer = recipient.e164 if isinstance(recipient, MobileNumber) else recipient
        kept = self._recorder.blocking(customer, amount)
        return kept or await self._journal.call(_find_blocker, customer, amount)

    async def payer_of(self, payment: Transaction) -> str | None:
        """The number a refund of ``payment`` goes back to (the push's, or the link payment's payer)."""
        return await self._journal.call(_payer_phone, payment)

    async def refundable(self, payment_ref: str) -> Money:
        """What may still be refunded according to the journal (the authorized amount for a card payment)."""
        return await self._journal.call(Journal.refundable_amount, payment_ref)

    async def provider_refundable(self, payment_ref: str) -> Money:
        """What may still be refunded, with the provider's word for card payments (a status read)."""
        payment = await self._journal.call(Journal.get, payment_ref)
        if payment is None or not payment.kind.is_payment:
            raise ActionFailed(NO_SUCH_PAYMENT, detail=payment_ref)
        if not self._gateway.capabilities & Capability.REFUND or payment.status not in (
            Status.SUCCEEDED,
            Status.PARTIALLY_REFUNDED,
        ):
            return await self.refundable(payment_ref)
        left, _ = await self._provider_refundable(payment)
        return left

    # ------------------------------------------------------------------------------------ payout

    async def payout(
        self,
        amount: Money,
        recipient: MobileNumber | str,
        operator: str | None,
        reason: str,
        approval: Approval,
    ) -> Transaction:
        """Pay ``amount`` out to ``recipient``; see the module docstring for what can come back."""
        if isinstance(recipient, MobileNumber):
            customer, operator = recipient.e164, operator or recipient.operator.value
        else:
            customer = recipient.strip()
            if operator != "MCP":
                raise ActionFailed(
                    "A payout to a wallet name or an e-mail address goes to a My-CoolPay wallet: choose My-CoolPay."
                )
        intent = Transaction(
            app_ref=app_ref_for("PO", approval),
            kind=Kind.PAYOUT,
            provider=self._gateway.name,
            amount=amount,
            customer=customer,
            operator=operator,
            reason=reason,
            cashier=approval.manager,
        )
        return await self._send_out(intent, approval, recipient)

    # ------------------------------------------------------------------------------------ refund

    async def refund(self, payment_ref: str, amount: Money, reason: str, approval: Approval) -> Transaction:
        """Refund ``amount`` of a paid payment to its payer (number and operator), at most what is left."""
        payment = await self._journal.call(Journal.get, payment_ref)
        if payment is None or not payment.kind.is_payment:
            raise ActionFailed(NO_SUCH_PAYMENT, detail=payment_ref)
        if payment.provider != self._gateway.name:
            # Another provider's money: this one would pay the customer out of the wrong account.
            raise ActionFailed(
                "This payment was paid through {provider}, not {this_provider}: only {provider} can refund it.",
                transaction=payment,
                provider=payment.provider,
                this_provider=self._gateway.name,
            )
        if self._gateway.capabilities & Capability.REFUND:
            return await self._provider_refund(payment, amount, reason, approval)
        left = await self.refundable(payment_ref)
        if amount > left:
            raise ActionFailed(OVER_REFUND, transaction=payment, left=left)
        phone_text = await self._journal.call(_payer_phone, payment)
        if not phone_text:
            raise ActionFailed("The payer's number is not known: refund it as a payout.", transaction=payment)
        try:
            phone = parse_mobile(phone_text)
        except PhoneError as exc:
            raise ActionFailed(
                "The payer's number {phone} cannot receive a refund. {why}",
                transaction=payment,
                phone=phone_text,
                why=exc,
            ) from None
        operator = payment.operator if payment.operator in MOBILE_OPERATORS else phone.operator.value
        intent = Transaction(
            app_ref=app_ref_for("RF", approval),
            kind=Kind.REFUND,
            provider=self._gateway.name,
            amount=amount,
            customer=phone.e164,
            operator=operator,
            reason=reason,
            parent_ref=payment_ref,
            cashier=approval.manager,
        )
        return await self._send_out(intent, approval, phone)

    # ------------------------------------------------------------------------------------ provider refund

    async def _provider_refundable(self, payment: Transaction) -> tuple[Money, StatusReport]:
        """What may still be refunded by the provider (see rule 5), and the status read it comes from."""
        left = await self.refundable(payment.app_ref)
        if payment.provider_ref is None:
            raise ActionFailed(
                "This payment never reached the provider, so nothing of it can be refunded.",
                transaction=payment,
                detail=payment.app_ref,
            )
        try:
            report = await self._gateway.status(payment.provider_ref)
        except GatewayError as exc:
            raise ActionFailed(
                "What is left to refund on this payment cannot be read from the provider now: try again in a moment. "
                "Nothing was sent.",
                transaction=payment,
                cause=exc,
                detail=exc.message,
            ) from None
        refundable = report.refundable
        if refundable is not None and refundable.currency == left.currency:
            in_flight = await self._journal.call(_in_flight_refunds, payment.app_ref)
            if in_flight is not None:
                refundable = refundable - in_flight
            if refundable < left:
                left = refundable if refundable.minor > 0 else Money.zero(left.currency)
        return left, report

    async def _provider_refund(
        self, payment: Transaction, amount: Money, reason: str, approval: Approval
    ) -> Transaction:
        left, _ = await self._provider_refundable(payment)
        if amount > left:
            raise ActionFailed(OVER_REFUND, transaction=payment, left=left)
        intent = Transaction(
            app_ref=app_ref_for("RF", approval),
            kind=Kind.REFUND,
            provider=self._gateway.name,
            amount=amount,
            operator=payment.operator,
            reason=reason,
            parent_ref=payment.app_ref,
            cashier=approval.manager,
        )
        who = actor("manager", approval.manager)
        try:
            tx, new = await before_sending(
                self._journal.call(_record_provider_refund, intent, who, approval.id, self._secrets)
            )
        except (ApprovalError, RefundRefused, JournalError) as exc:
            raise failed_because(exc) from None
        if not new:
            running = self._inflight.get(tx.app_ref)
            if running is not None:
                return await asyncio.shield(running)
            return tx  # sent before: never again
        await self._guard_refund(tx)
        future: asyncio.Future[Transaction] = asyncio.get_running_loop().create_future()
        self._inflight[tx.app_ref] = future
        try:
            result = await self._send_refund(tx, payment)
        except BaseException as exc:
            if isinstance(exc, Exception):
                future.set_exception(exc)
                future.exception()
            else:
                future.cancel()
            raise
        else:
            future.set_result(result)
            return result
        finally:
            self._inflight.pop(tx.app_ref, None)

    async def _send_refund(self, tx: Transaction, payment: Transaction) -> Transaction:
        assert payment.provider_ref is not None
        self._bus.publish(PaymentStarted(tx))
        try:
            report = await self._gateway.refund(payment.provider_ref, tx.amount, tx.app_ref)
        except OutcomeUnknown as exc:
            # No provider reference on the refund: a status read would be the payment's, not the refund's.
            message = f"{exc.message} (payment {payment.provider_ref} at the provider)"
            change = await self._record_refund(tx, Status.UNKNOWN, type="no_answer", message=message, raw=exc.raw)
            return change.transaction
        except GatewayError as exc:
            what = "not_sent" if exc.http_status is None else "refused"
            change = await self._record_refund(
                tx, Status.FAILED, type=what, shown=Status.FAILED, message=exc.provider_message or exc.message,
                raw=exc.raw,
            )  # fmt: skip
            raise failed_because(exc, transaction=change.transaction) from None
        except asyncio.CancelledError:
            write = self._record_refund(
                tx, Status.UNKNOWN, type="interrupted", message="stopped while the refund was sent"
            )
            try:
                await asyncio.shield(write)
            except Exception:
                pass
            raise
        except Exception as exc:
            await self._record_refund(tx, Status.UNKNOWN, type="no_answer", message=f"unexpected failure: {exc}")
            raise
        refunded = report.refunded
        message = report.message
        if refunded is not None:
            message = f"the provider reports {refunded} refunded in all on this payment"
        change = await self._record_refund(
            tx,
            Status.SUCCEEDED,
            type="sent",
            provider_ref=report.provider_ref or None,
            message=message,
            raw=report.raw,
        )
        if change.kept:
            return change.transaction  # UNKNOWN until the journal takes the answer; the payment follows then
        settle = functools.partial(_settle_refunded_payment, payment_ref=payment.app_ref, report=report,
                                   secrets=self._secrets)  # fmt: skip
        settled = await self._recorder.record(payment, settle, shown=None)
        if not settled.kept:
            self._tracker.publish(settled)
        return change.transaction

    async def _guard_refund(self, tx: Transaction) -> None:
        """The shop store's say (``refund_guard``), after the intent and before sending: refused, it is FAILED."""
        if self.refund_guard is None:
            return
        try:
            await self.refund_guard(tx)
        except Exception as exc:  # refused, or the guard broke: either way nothing was sent
            if isinstance(exc, RefundRefused):
                refused = failed_because(exc)
            else:
                refused = ActionFailed(
                    "The shop store's check of this refund failed, so nothing was sent.", cause=exc, detail=str(exc)
                )
            change = await self._record_refund(
                tx, Status.FAILED, type="not_sent", shown=Status.FAILED, message=refused.message
            )
            refused.transaction = change.transaction
            raise refused from None

    async def _record_refund(
        self, tx: Transaction, status: Status, *, type: str, shown: Status = Status.UNKNOWN, **fields: Any
    ) -> Change:
        write = functools.partial(record_answer, app_ref=tx.app_ref, status=status, sent_from=tx.status, type=type,
                                  secrets=self._secrets, **fields)  # fmt: skip
        # No provider reference is followed for a refund: its status read would be the payment's.
        change = await self._recorder.record(tx, write, shown=shown)
        if not change.kept:
            self._tracker.publish(change)
        return change

    # ------------------------------------------------------------------------------------ sending

    async def _send_out(self, intent: Transaction, approval: Approval, recipient: MobileNumber | str) -> Transaction:
        who = actor("manager", approval.manager)
        kept = self._recorder.blocking(intent.customer, intent.amount)
        if kept is not None and kept.app_ref != intent.app_ref:
            raise PayoutBlocked(kept)
        try:
            tx, new = await before_sending(
                self._journal.call(_record_money_out, intent, who, approval.id, self._secrets)
            )
        except (ApprovalError, RefundRefused) as exc:
            raise failed_because(exc) from None
        except JournalError as exc:  # IntentConflict: the approval was used for something else
            raise failed_because(exc) from None
        if not new:
            running = self._inflight.get(tx.app_ref)
            if running is not None:
                return await asyncio.shield(running)
            return tx  # sent before (an earlier click, or before a restart): never again
        if tx.kind is Kind.REFUND:
            await self._guard_refund(tx)
        future: asyncio.Future[Transaction] = asyncio.get_running_loop().create_future()
        self._inflight[tx.app_ref] = future
        try:
            result = await self._post(tx, recipient)
        except BaseException as exc:
            if isinstance(exc, Exception):
                future.set_exception(exc)
                future.exception()
            else:
                future.cancel()
            raise
        else:
            future.set_result(result)
            return result
        finally:
            self._inflight.pop(tx.app_ref, None)

    async def _post(self, tx: Transaction, recipient: MobileNumber | str) -> Transaction:
        self._bus.publish(PaymentStarted(tx))
        try:
            report = await self._gateway.payout(tx.app_ref, tx.amount, recipient, tx.operator, tx.reason)
        except OutcomeUnknown as exc:
            change = await self._record(
                tx, Status.UNKNOWN, type="no_answer", message=exc.message, provider_ref=exc.provider_ref, raw=exc.raw
            )
            return change.transaction
        except GatewayError as exc:
            # Refused, or never sent (Unavailable before sending, Unauthorized): no money moved.
            what = "not_sent" if exc.http_status is None else "refused"
            change = await self._record(
                tx, Status.FAILED, type=what, shown=Status.FAILED, message=exc.provider_message or exc.message,
                raw=exc.raw,
            )  # fmt: skip
            raise failed_because(exc, transaction=change.transaction) from None
        except asyncio.CancelledError:
            # The console is closing mid-POST: what happened is unknown.
            write = self._record(tx, Status.UNKNOWN, type="interrupted", message="stopped while the request was sent")
            try:
                await asyncio.shield(write)
            except Exception:
                pass  # resume() turns the CREATED intent into UNKNOWN as well
            raise
        except Exception as exc:
            await self._record(tx, Status.UNKNOWN, type="no_answer", message=f"unexpected failure: {exc}")
            raise
        change = await self._record(
            tx,
            report.status,
            type="sent",
            provider_ref=report.provider_ref,
            fees=report.fees if report.fees is None or report.fees.currency == tx.amount.currency else None,
            operator=report.operator,
            message=report.message,
            raw=report.raw,
        )
        return change.transaction

    async def _record(
        self, tx: Transaction, status: Status, *, type: str, shown: Status = Status.UNKNOWN, **fields: Any
    ) -> Change:
        write = functools.partial(record_answer, app_ref=tx.app_ref, status=status, sent_from=tx.status, type=type,
                                  secrets=self._secrets, **fields)  # fmt: skip
        provider_ref = fields.get("provider_ref")
        change = await self._recorder.record(tx, write, provider_ref=provider_ref if isinstance(provider_ref, str)
                                             else None, shown=shown)  # fmt: skip
        if not change.kept:
            self._tracker.publish(change)
            self._tracker.follow(change.transaction)  # PENDING, or UNKNOWN with a reference: read until final
        return change

    # ------------------------------------------------------------------------------------ resolve

    async def resolve_unknown(self, app_ref: str, status: Status, approval: Approval, note: str = "") -> Transaction:
        """A manager settles an UNKNOWN payout/refund (after checking with the provider) as SUCCEEDED or FAILED.

        ``approval`` is for operation ``"resolve"`` and the transaction's amount; it is used up.
        """
        if status not in RESOLVABLE:
            raise ActionFailed("An unknown outcome is settled as paid or as failed.")
        try:
            change = await self._journal.call(_resolve, app_ref, status, approval, note)
        except ApprovalError as exc:
            raise failed_because(exc) from None
        self._tracker.stop_following(app_ref)
        self._tracker.publish(change)
        return change.transaction
