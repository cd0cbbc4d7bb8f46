"""Emulator of the My-CoolPay merchant API (Starlette), for tests, benchmarks and training mode.

``create_app(state)`` serves, like the real service, under ``/api/{public_key}/``: ``POST paylink``,
``POST payin``, ``POST payin/authorize``, ``POST payout`` and ``GET balance`` (both need
``X-PRIVATE-KEY``), ``GET checkStatus/{ref}`` and the deprecated ``POST checkStatus``, with the
collection's exact bodies and codes (201 for paylink / payin / authorize; 200 done or 202 in progress
for payout; 401 ``Invalid authorization code !`` for a wrong OTP; 400 ``{"status": "error", "message"}``
for validation errors). The checkout page of each ``payment_url`` is at ``/payment/checkout/{ref}`` and
the control surface for tests and the training console is under ``/_sandbox/`` (see ``control_routes``);
the same controls exist in Python on ``MyCoolPayState``.

Choices where the real API's behaviour is not documented (all kept in this block and ``Timings``):

=====================================  ==============================================================
unknown public key                     401 ``{"status":"error","message":"Invalid application key !"}``
missing / wrong ``X-PRIVATE-KEY``      401 ``{"status":"error","message":"Invalid private key !"}``
unknown ``transaction_ref``            404 ``{"status":"error","message":"Transaction not found !"}``
duplicate ``app_transaction_ref``      400 ``... "app_transaction_ref already used !"``
payout above the balance               400 ``... "Insufficient balance !"`` (amount + fees must be
                                       covered; the balance is debited when the payout is accepted and
                                       credited back if it fails)
fees                                   ``FEES_BASIS_POINTS`` of the amount per operator, rounded up to
                                       whole units, on payins (taken from what is credited) and payouts
                                       (debited on top of the amount)
paylink before payment                 ``transaction_status`` ``CREATED``, operator / fees ``null``
customer pays on the checkout page     ``SUCCESS`` at once (the customer confirmed on their device);
                                       "decline" → ``CANCELED``
push payment, Orange (``CM_OM``)       ``REQUIRE_OTP``; the code is "sent by SMS" (``state.outbox``);
                                       after the right code the answer is ``PENDING`` with USSD
                                       ``#150*50#`` and the script runs; 3 wrong codes → ``FAILED``
push payment, MTN (``CM_MOMO``)        ``PENDING`` with USSD ``*126#``; the script runs
customer declines on the phone         ``FAILED`` (message says declined)
nobody answers within ``expiry``       payin → ``FAILED`` (expired), paylink → ``CANCELED``
payout to CM_OM / CM_MOMO              202 "Transaction in progress...", ``SUCCESS`` after
                                       ``Timings.payout_settle`` (a script may decline it → ``FAILED``);
                                       an MCP payout, or a script with ``after == 0``, answers 200
statuses in ``checkStatus``            ``CREATED``, ``PENDING``, ``SUCCESS``, ``FAILED``, ``CANCELED``
callback                               once per transaction reaching a final status, to
                                       ``state.callback_url`` if set (the real service refuses
                                       localhost; the emulator does not), never retried
``customer_lang``                      ``en`` / ``fr`` (default ``fr``), anything else 400; it sets the
                                       language of the checkout page, the SMS and
                                       ``transaction_message``
EUR                                    paylink only; credited to the XAF balance at the fixed peg
                                       655.957 XAF per EUR
=====================================  ==============================================================

Time comes from ``state.clock``: scripted delays and expiry advance when anything reads the state
(every request "ticks"), and a background ticker runs them in real time when served by uvicorn.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import json
import math
import random
import re
import string
import threading
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from posapp.core.phone import PhoneError, parse_mobile
from posapp.sandbox.customer import (
    NOT_HANDLED,
    Action,
    Clock,
    ControlError,
    Emulator,
    Fault,
    Faults,
    Outbox,
    Script,
    Scripts,
    Sms,
    SystemClock,
    emulator_app,
    fault_control,
    form_fields,
    mount_url,
    render_page,
    run_under_faults,
    status_body,
)

# Well-known training keys: printed by ``posapp sandbox`` and used by training mode. They are not
# secret and move no money; the gateway still redacts them like real keys.
TRAINING_PUBLIC_KEY = "training-pk-4d7c2f0a-9b1e-4e6a-8f3d-5c0b1a2e7d90"
TRAINING_PRIVATE_KEY = "training-sk-DO-NOT-USE-IN-PRODUCTION-7f1e2d3c"

FEES_BASIS_POINTS: dict[str, int] = {"CM_OM": 200, "CM_MOMO": 150, "MCP": 0, "CARD": 350}
USSD: dict[str, str] = {"CM_OM": "#150*50#", "CM_MOMO": "*126#"}
EUR_IN_XAF = Decimal("655.957")
MAX_OTP_ATTEMPTS = 3
PHONE_PATTERN = re.compile(r"^((\+|00)?237)?6[5789][0-9]{7}$")
FINAL = frozenset({"SUCCESS", "FAILED", "CANCELED"})

MESSAGES: dict[str, dict[str, str]] = {
    "success": {
        "en": "Your transaction has been successfully completed",
        "fr": "Votre transaction a été effectuée avec succès",
    },
    "declined": {"en": "The customer declined the payment", "fr": "Le client a refusé le paiement"},
    "expired": {"en": "The payment request has expired", "fr": "La demande de paiement a expiré"},
    "canceled": {"en": "Payment canceled by the customer", "fr": "Paiement annulé par le client"},
    "otp_failed": {"en": "Too many invalid authorization codes", "fr": "Trop de codes d'autorisation invalides"},
    "payout_refused": {"en": "The operator refused the transfer", "fr": "L'opérateur a refusé le transfert"},
    "sms": {
        "en": "My-CoolPay: your authorization code is $code for a payment of $amount $currency.",
        "fr": "My-CoolPay : votre code d'autorisation est $code pour un paiement de $amount $currency.",
    },
}


@dataclass(slots=True)
class Timings:
    """Delays of the emulated world, in seconds; small by default so tests stay fast."""

    expiry: float = 300.0  # a payment nobody answers expires after this
    payout_settle: float = 1.0  # a mobile-money payout answered 202 succeeds after this
    slow: float = 2.0  # Fault.SLOW delays the answer by this
    hang: float = 60.0  # Fault.TIMEOUT_AFTER_COMMIT holds the answer this long
    drip_every: float = 0.1  # Fault.SLOW_DRIP sends a byte this often (far below any read timeout)
    drip_for: float = 120.0  # ... for this long before the answer itself
    tick: float = 0.1  # period of the real-time ticker under uvicorn


@dataclass(slots=True)
class SandboxTransaction:
    """One transaction as the emulated provider stores it."""

    ref: str
    type: str  # PAYIN / PAYOUT
    via: str  # paylink / payin / payout
    amount: Decimal
    currency: str
    app_ref: str | None
    reason: str
    lang: str
    created_at: float
    expires_at: float
    status: str = "PENDING"
    operator: str | None = None
    phone: str | None = None
    name: str | None = None
    email: str | None = None
    username: str | None = None
    fees: Decimal | None = None
    message: str | None = None
    operator_ref: str | None = None
    script: Script = field(default_factory=Script)
    otp: str | None = None
    awaiting_otp: bool = False
    otp_attempts: int = 0
    wrong_otp_left: int = 0
    due_at: float | None = None
    due_action: Action | None = None
    callback_sent: bool = False

    def status_body(self) -> dict[str, Any]:
        """The ``checkStatus`` answer (and the base of the callback body)."""
        return {
            "status": "success",
            "app_transaction_ref": self.app_ref,
            "operator_transaction_ref": self.operator_ref,
            "transaction_ref": self.ref,
            "transaction_type": self.type,
            "transaction_amount": _json_number(self.amount),
            "transaction_fees": None if self.fees is None else _json_number(self.fees),
            "transaction_currency": self.currency,
            "transaction_operator": self.operator,
            "transaction_status": self.status,
            "transaction_reason": self.reason,
            "transaction_message": self.message,
            "customer_phone_number": self.phone,
        }

    def to_json(self) -> dict[str, Any]:
        """The control API's view: the status body plus what only the emulator knows."""
        data = self.status_body()
        del data["status"]
        data.update(
            via=self.via,
            awaiting_otp=self.awaiting_otp,
            otp_attempts=self.otp_attempts,
            script=self.script.to_json(),
            due_at=self.due_at,
            expires_at=self.expires_at,
            callback_sent=self.callback_sent,
            customer_lang=self.lang,
        )
        return data


class ApiError(Exception):
    """Answered as ``{"status": "error", "message": ...}`` with ``status_code``."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


@dataclass(slots=True)
class CallbackDelivery:
    """One callback the emulator POSTed (or tried to)."""

    url: str
    body: dict[str, Any]
    http_status: int | None = None
    answer: str = ""
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "body": self.body,
            "http_status": self.http_status,
            "answer": self.answer,
            "error": self.error,
        }


def _json_number(value: Decimal) -> int | float:
    # The wire format is JSON; an integral amount is written as an integer like the collection does.
    return int(value) if value == value.to_integral_value() else float(value)


def fees_for(operator: str | None, amount: Decimal) -> Decimal:
    """The emulator's fee: basis points per operator, rounded up to a whole unit."""
    bp = FEES_BASIS_POINTS.get(operator or "", 0)
    return Decimal(math.ceil(amount * bp / 10_000))


def sign_callback(ref: str, type_: str, amount: Decimal, currency: str, operator: str, private_key: str) -> str:
    """The documented MD5 callback signature (computed here independently of the gateway's code)."""
    number = format(amount.normalize(), "f")
    return hashlib.md5(f"{ref}{type_}{number}{currency}{operator}{private_key}".encode()).hexdigest()


class MyCoolPayState:
    """Everything the emulated My-CoolPay knows, and the Python-level controls of the emulated world.

    Thread-safe: handlers (in the server's thread) and controls (tests, training console) share it.
    ``seed`` makes references, OTP codes and random faults reproducible.
    """

    def __init__(
        self,
        public_key: str = TRAINING_PUBLIC_KEY,
        private_key: str = TRAINING_PRIVATE_KEY,
        *,
        balance: int = 100_000,
        clock: Clock | None = None,
        timings: Timings | None = None,
        default_script: Script | None = None,
        seed: int | None = None,
        callback_url: str | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.public_key = public_key
        self.private_key = private_key
        self.initial_balance = Decimal(balance)
        self.balance = Decimal(balance)
        self.clock: Clock = clock or SystemClock()
        self.timings = timings or Timings()
        self.scripts = Scripts(default_script or Script.pay(after=1.0))
        self.faults = Faults()
        self.outbox = Outbox()
        self.callback_url = callback_url
        self.callbacks: list[CallbackDelivery] = []
        self.sleep = sleep
        self.transactions: dict[str, SandboxTransaction] = {}
        self._app_refs: set[str] = set()
        self._rng = random.Random(seed)
        self._pending_callbacks: list[dict[str, Any]] = []
        self._lock = threading.RLock()

    # ------------------------------------------------------------------------------ control (Python)

    def transaction(self, ref: str) -> SandboxTransaction:
        with self._lock:
            self.tick()
            try:
                return self.transactions[ref]
            except KeyError:
                raise ApiError(404, "Transaction not found !") from None

    def sms_to(self, phone: str | None = None) -> list[Sms]:
        """The OTP messages sent to ``phone`` (any form; all phones when ``None``)."""
        return self.outbox.to(_national(phone) if phone else None)

    def approve(self, ref: str) -> SandboxTransaction:
        """The customer approves a pending push on the phone (or the operator completes a payout)."""
        return self._finish_now(ref, Action.PAY)

    def decline(self, ref: str) -> SandboxTransaction:
        """The customer declines a pending push (or the operator refuses a payout)."""
        return self._finish_now(ref, Action.DECLINE)

    def pay_checkout(self, ref: str, phone: str) -> SandboxTransaction:
        """The customer pays a payment link on the checkout page with ``phone``."""
        with self._lock:
            txn = self.transaction(ref)
            if txn.via != "paylink":
                raise ApiError(400, "Not a payment link")
            if txn.status != "CREATED":
                raise ApiError(400, "This payment is no longer open")
            national, operator = _phone_and_operator(phone)
            txn.phone, txn.operator = national, operator
            txn.fees = fees_for(operator, txn.amount)
            self._complete(txn, "SUCCESS", "success")
            return txn

    def cancel_checkout(self, ref: str) -> SandboxTransaction:
        """The customer presses "cancel" on the checkout page."""
        with self._lock:
            txn = self.transaction(ref)
            if txn.status != "CREATED":
                raise ApiError(400, "This payment is no longer open")
            self._complete(txn, "CANCELED", "canceled")
            return txn

    def set_balance(self, amount: int) -> None:
        with self._lock:
            self.balance = Decimal(amount)

    def reset(self) -> None:
        """Forget every transaction, script, fault, SMS and callback; restore the initial balance."""
        with self._lock:
            self.transactions.clear()
            self._app_refs.clear()
            self._pending_callbacks.clear()
            self.callbacks.clear()
            self.balance = self.initial_balance
            self.scripts.clear()
            self.faults.clear()
            self.outbox.clear()

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            self.tick()
            return {
                "public_key": self.public_key,
                "balance": _json_number(self.balance),
                "callback_url": self.callback_url,
                "transactions": [t.to_json() for t in self.transactions.values()],
                "pending_faults": [r.to_json() for r in self.faults.pending()],
            }

    # ------------------------------------------------------------------------------ time

    def tick(self) -> list[SandboxTransaction]:
        """Run every scripted event and expiry that is due; returns the transactions that finished."""
        finished: list[SandboxTransaction] = []
        with self._lock:
            now = self.clock.now()
            for txn in self.transactions.values():
                if txn.status in FINAL:
                    continue
                if txn.due_at is not None and txn.due_at <= now and txn.due_action is not None:
                    self._apply(txn, txn.due_action)
                elif txn.expires_at <= now:
                    if txn.via == "paylink":
                        self._complete(txn, "CANCELED", "expired")
                    elif txn.type == "PAYOUT":
                        self._complete(txn, "FAILED", "payout_refused")
                    else:
                        self._complete(txn, "FAILED", "expired")
                if txn.status in FINAL:
                    finished.append(txn)
        return finished

    def take_callbacks(self) -> list[dict[str, Any]]:
        """Callback bodies waiting to be POSTed (each is handed out once)."""
        with self._lock:
            self.tick()
            pending, self._pending_callbacks = self._pending_callbacks, []
            return pending

    def has_callbacks(self) -> bool:
        with self._lock:
            return bool(self._pending_callbacks)

    # ------------------------------------------------------------------------------ provider operations

    def check_public_key(self, key: str) -> None:
        if key != self.public_key:
            raise ApiError(401, "Invalid application key !")

    def check_private_key(self, key: str | None) -> None:
        if key != self.private_key:
            raise ApiError(401, "Invalid private key !")

    def create_paylink(self, body: dict[str, Any], base_url: str) -> dict[str, Any]:
        with self._lock:
            self.tick()
            amount, currency = _amount(body, currencies=("XAF", "EUR"))
            phone = _optional_phone(body.get("customer_phone_number"))
            txn = self._new(body, "PAYIN", "paylink", amount, currency, status="CREATED")
            txn.phone = phone
            # A paylink is driven by the checkout page unless a script was queued for it.
            txn.script = self.scripts.take(phone, fallback=Script.manual())
            self._schedule(txn)
            return {
                "status": "success",
                "transaction_ref": txn.ref,
                "payment_url": f"{base_url.rstrip('/')}/payment/checkout/{txn.ref}",
            }

    def create_payin(self, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.tick()
            amount, currency = _amount(body, currencies=("XAF",))
            raw_phone = body.get("customer_phone_number")
            if not raw_phone:
                raise ApiError(400, "customer_phone_number is required")
            national, operator = _phone_and_operator(raw_phone)
            txn = self._new(body, "PAYIN", "payin", amount, currency)
            txn.phone, txn.operator = national, operator
            txn.fees = fees_for(operator, amount)
            txn.script = self.scripts.take(national)
            txn.wrong_otp_left = txn.script.wrong_otp
            if operator == "CM_OM":
                txn.awaiting_otp = True
                txn.otp = f"{self._rng.randrange(10**6):06d}"
                text = string.Template(MESSAGES["sms"][txn.lang]).substitute(
                    code=txn.otp, amount=_json_number(amount), currency=currency
                )
                self.outbox.send(Sms(national, text, txn.otp, txn.ref, self.clock.now()))
                return {"status": "success", "transaction_ref": txn.ref, "action": "REQUIRE_OTP"}
            self._schedule(txn)
            return {"status": "success", "transaction_ref": txn.ref, "action": "PENDING", "ussd": USSD[operator]}

    def authorize(self, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self.tick()
            ref, code = body.get("transaction_ref"), body.get("code")
            if not isinstance(ref, str) or not ref:
                raise ApiError(400, "transaction_ref is required")
            if not isinstance(code, str | int) or isinstance(code, bool) or str(code) == "":
                raise ApiError(400, "code is required")
            txn = self.transaction(ref)
            if not txn.awaiting_otp or txn.status in FINAL:
                raise ApiError(400, "This transaction does not require authorization")
            txn.otp_attempts += 1
            wrong = txn.wrong_otp_left > 0
            if wrong:
                txn.wrong_otp_left -= 1
            if wrong or str(code).strip() != txn.otp:
                if txn.otp_attempts >= MAX_OTP_ATTEMPTS:
                    txn.awaiting_otp = False
                    self._complete(txn, "FAILED", "otp_failed")
                raise ApiError(401, "Invalid authorization code !")
            txn.awaiting_otp = False
            self._schedule(txn)
            return {"status": "success", "transaction_ref": txn.ref, "action": "PENDING", "ussd": USSD["CM_OM"]}

    def create_payout(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.tick()
            amount, currency = _amount(body, currencies=("XAF",))
            operator = body.get("transaction_operator")
            if operator not in ("MCP", "CM_MOMO", "CM_OM"):
                raise ApiError(400, "transaction_operator must be MCP, CM_MOMO or CM_OM")
            phone = _optional_phone(body.get("customer_phone_number"))
            username = _optional_text(body, "customer_username")
            email = _optional_text(body, "customer_email")
            if operator != "MCP":
                if phone is None:
                    raise ApiError(400, "customer_phone_number is required")
                _, phone_operator = _phone_and_operator(phone)
                if phone_operator != operator:
                    raise ApiError(400, "customer_phone_number does not belong to transaction_operator")
            elif not (phone or username or email):
                raise ApiError(400, "customer_phone_number, customer_username or customer_email is required")
            fees = fees_for(operator, amount)
            if amount + fees > self.balance:
                raise ApiError(400, "Insufficient balance !")
            txn = self._new(body, "PAYOUT", "payout", amount, currency)
            txn.operator, txn.phone, txn.username, txn.email, txn.fees = operator, phone, username, email, fees
            self.balance -= amount + fees
            default = Script.pay(after=0.0 if operator == "MCP" else self.timings.payout_settle)
            txn.script = self.scripts.take(phone, fallback=default)
            if txn.script.action is Action.MANUAL and operator == "MCP":
                txn.script = Script.pay()
            if txn.script.after <= 0 and txn.script.action in (Action.PAY, Action.DECLINE):
                self._apply(txn, txn.script.action)
                if txn.status == "FAILED":
                    raise ApiError(400, txn.message or "Transaction failed")
                return 200, {"status": "success", "message": "Successful transaction !", "transaction_ref": txn.ref}
            self._schedule(txn)
            return 202, {"status": "success", "message": "Transaction in progress...", "transaction_ref": txn.ref}

    def status_body(self, ref: str) -> dict[str, Any]:
        with self._lock:
            return self.transaction(ref).status_body()

    def balance_body(self) -> dict[str, Any]:
        with self._lock:
            self.tick()
            return {"status": "success", "balance": _json_number(self.balance)}

    # ------------------------------------------------------------------------------ internals

    def _new(
        self, body: dict[str, Any], type_: str, via: str, amount: Decimal, currency: str, status: str = "PENDING"
    ) -> SandboxTransaction:
        app_ref = _optional_text(body, "app_transaction_ref")
        if app_ref is not None and app_ref in self._app_refs:
            raise ApiError(400, "app_transaction_ref already used !")
        lang = body.get("customer_lang") or "fr"
        if lang not in ("en", "fr"):
            raise ApiError(400, "customer_lang must be en or fr")
        now = self.clock.now()
        ref = str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
        txn = SandboxTransaction(
            ref=ref,
            type=type_,
            via=via,
            amount=amount,
            currency=currency,
            app_ref=app_ref,
            reason=_optional_text(body, "transaction_reason") or "",
            lang=lang,
            created_at=now,
            expires_at=now + self.timings.expiry,
            status=status,
            name=_optional_text(body, "customer_name"),
            email=_optional_text(body, "customer_email"),
        )
        self.transactions[ref] = txn
        if app_ref is not None:
            self._app_refs.add(app_ref)
        return txn

    def _schedule(self, txn: SandboxTransaction) -> None:
        script = txn.script
        if script.action in (Action.PAY, Action.DECLINE):
            txn.due_at = self.clock.now() + max(0.0, script.after)
            txn.due_action = script.action
        else:
            txn.due_at, txn.due_action = None, None

    def _finish_now(self, ref: str, action: Action) -> SandboxTransaction:
        with self._lock:
            txn = self.transaction(ref)
            if txn.status in FINAL:
                raise ApiError(400, f"Transaction already {txn.status}")
            if txn.awaiting_otp and action is Action.PAY:
                raise ApiError(400, "The authorization code has not been given yet")
            if txn.via == "paylink" and action is Action.PAY:
                raise ApiError(400, "A payment link is paid on its checkout page (pay_checkout)")
            self._apply(txn, action)
            return txn

    def _apply(self, txn: SandboxTransaction, action: Action) -> None:
        if txn.awaiting_otp and action is Action.PAY:
            return  # cannot pay before the code is given; expiry will end it
        if action is Action.PAY:
            if txn.via == "paylink":
                txn.operator = txn.operator or (_phone_and_operator(txn.phone)[1] if txn.phone else "MCP")
                txn.fees = fees_for(txn.operator, txn.amount)
            self._complete(txn, "SUCCESS", "success")
        elif action is Action.DECLINE:
            if txn.type == "PAYOUT":
                self._complete(txn, "FAILED", "payout_refused")
            elif txn.via == "paylink":
                self._complete(txn, "CANCELED", "canceled")
            else:
                self._complete(txn, "FAILED", "declined")

    def _complete(self, txn: SandboxTransaction, status: str, message_key: str) -> None:
        if txn.status in FINAL:
            return
        txn.status = status
        txn.awaiting_otp = False
        txn.due_at, txn.due_action = None, None
        txn.message = (
            "Successful transaction !"
            if (txn.type, status) == ("PAYOUT", "SUCCESS")
            else (MESSAGES[message_key][txn.lang])
        )
        if status == "SUCCESS":
            txn.operator_ref = f"MP{self._rng.randrange(10**6):06d}.{self._rng.randrange(10**4):04d}"
        if txn.type == "PAYIN" and status == "SUCCESS":
            credit = txn.amount - (txn.fees or Decimal(0))
            if txn.currency == "EUR":
                credit = (credit * EUR_IN_XAF).to_integral_value(rounding="ROUND_FLOOR")
            self.balance += credit
        elif txn.type == "PAYOUT" and status != "SUCCESS":
            self.balance += txn.amount + (txn.fees or Decimal(0))
        if self.callback_url and not txn.callback_sent:
            txn.callback_sent = True
            self._pending_callbacks.append(self._callback_body(txn))

    def _callback_body(self, txn: SandboxTransaction) -> dict[str, Any]:
        body = txn.status_body()
        del body["status"]
        body = {"application": self.public_key, **body}
        body["signature"] = sign_callback(
            txn.ref, txn.type, txn.amount, txn.currency, txn.operator or "", self.private_key
        )
        return body


# ---------------------------------------------------------------------------------------------- parsing


def _national(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("00237"):
        digits = digits[5:]
    elif digits.startswith("237") and len(digits) == 12:
        digits = digits[3:]
    return digits


def _phone_and_operator(raw: object) -> tuple[str, str]:
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        raise ApiError(400, "Invalid phone number")
    text = str(raw).strip()
    if not PHONE_PATTERN.match(re.sub(r"[^\d+]", "", text)):
        raise ApiError(400, "Invalid phone number")
    national = _national(text)
    try:
        operator = parse_mobile(national).operator.value
    except PhoneError:
        raise ApiError(400, "Unsupported operator for this phone number") from None
    return national, operator


def _optional_phone(raw: object) -> str | None:
    if raw in (None, ""):
        return None
    return _phone_and_operator(raw)[0]


def _optional_text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"{key} must be a string")
    return value


def _amount(body: dict[str, Any], currencies: tuple[str, ...]) -> tuple[Decimal, str]:
    currency = body.get("transaction_currency") or "XAF"
    if currency not in currencies:
        raise ApiError(400, f"transaction_currency must be {' or '.join(currencies)}")
    raw = body.get("transaction_amount")
    if raw is None or raw == "":
        raise ApiError(400, "transaction_amount is required")
    if isinstance(raw, bool) or not isinstance(raw, int | float | str | Decimal):
        raise ApiError(400, "transaction_amount must be a number")
    try:
        amount = Decimal(str(raw))
    except InvalidOperation:
        raise ApiError(400, "transaction_amount must be a number") from None
    if not amount.is_finite() or amount <= 0:
        raise ApiError(400, "transaction_amount must be a positive number")
    places = 0 if currency == "XAF" else 2
    scaled = amount.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ApiError(400, f"transaction_amount has too many decimals for {currency}")
    return amount, currency


def _error(status_code: int, message: str) -> JSONResponse:
    return JSONResponse({"status": "error", "message": message}, status_code=status_code)


# ---------------------------------------------------------------------------------------------- app


class MyCoolPayEmulator(Emulator[MyCoolPayState]):
    """The Starlette routes over one ``MyCoolPayState`` (see ``create_app``).

    Callbacks are My-CoolPay's own (``CallbackDelivery``: a JSON object POSTed to the ``callback_url``
    the state has when they are sent), not the card emulators' ``CallbackOutbox``.
    """

    # --------------------------------------------------------------------- plumbing

    async def _json_body(self, request: Request) -> dict[str, Any]:
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            raise ApiError(400, "Invalid JSON body") from None
        if not isinstance(body, dict):
            raise ApiError(400, "Invalid JSON body")
        return body

    async def _provider(
        self,
        request: Request,
        endpoint: str,
        operation: Callable[[], Awaitable[tuple[int, dict[str, Any]]]],
        *refs: str | None,
    ) -> Response:
        """Run one provider operation under the key check, the fault plan and the error format."""
        state = self.state
        try:
            state.check_public_key(request.path_params["public_key"])
        except ApiError as exc:
            return self._with_callbacks(_error(exc.status_code, exc.message))

        async def guarded() -> Response:
            try:
                status_code, body = await operation()
                return JSONResponse(body, status_code=status_code)
            except ApiError as exc:
                return _error(exc.status_code, exc.message)

        response, rule = await run_under_faults(
            state, endpoint, refs, guarded, timeout_answer=lambda: _error(504, "Gateway Timeout")
        )
        if rule is not None and rule.fault is not Fault.SLOW:
            return response  # a spoiled answer: due callbacks wait for the ticker or the next answer
        return self._with_callbacks(response)

    def has_callbacks(self) -> bool:
        return self.state.has_callbacks()

    async def deliver_callbacks(self) -> list[CallbackDelivery]:
        """POST every due callback once (never retried); returns what was sent."""
        async with self._delivering:
            bodies = self.state.take_callbacks()
            url = self.state.callback_url
            if not bodies or not url:
                return []
            sent: list[CallbackDelivery] = []
            client = self.callback_client or httpx.AsyncClient(timeout=5.0)
            try:
                for body in bodies:
                    delivery = CallbackDelivery(url, body)
                    try:
                        answer = await client.post(url, json=body)
                        delivery.http_status, delivery.answer = answer.status_code, answer.text[:100]
                    except httpx.HTTPError as exc:
                        delivery.error = f"{type(exc).__name__}: {exc}"
                    sent.append(delivery)
                    self.state.callbacks.append(delivery)
            finally:
                if self.callback_client is None:
                    await client.aclose()
            return sent

    # --------------------------------------------------------------------- provider endpoints

    async def paylink(self, request: Request) -> Response:
        async def operation() -> tuple[int, dict[str, Any]]:
            # The emulator may be mounted under a prefix (SandboxServer): keep it in payment_url.
            return 201, self.state.create_paylink(await self._json_body(request), mount_url(request))

        return await self._provider(request, "paylink", operation)

    async def payin(self, request: Request) -> Response:
        async def operation() -> tuple[int, dict[str, Any]]:
            return 201, self.state.create_payin(await self._json_body(request))

        return await self._provider(request, "payin", operation, await self._app_ref(request))

    async def authorize(self, request: Request) -> Response:
        async def operation() -> tuple[int, dict[str, Any]]:
            return 201, self.state.authorize(await self._json_body(request))

        return await self._provider(request, "authorize", operation, await self._field(request, "transaction_ref"))

    async def payout(self, request: Request) -> Response:
        async def operation() -> tuple[int, dict[str, Any]]:
            self.state.check_private_key(request.headers.get("x-private-key"))
            return self.state.create_payout(await self._json_body(request))

        return await self._provider(request, "payout", operation, await self._app_ref(request))

    async def check_status(self, request: Request) -> Response:
        ref = request.path_params["ref"]

        async def operation() -> tuple[int, dict[str, Any]]:
            return 200, self.state.status_body(ref)

        return await self._provider(request, "checkStatus", operation, ref)

    async def check_status_legacy(self, request: Request) -> Response:
        ref = await self._field(request, "transaction_ref")

        async def operation() -> tuple[int, dict[str, Any]]:
            if not ref:
                raise ApiError(400, "transaction_ref is required")
            return 200, self.state.status_body(ref)

        return await self._provider(request, "checkStatus", operation, ref)

    async def balance(self, request: Request) -> Response:
        async def operation() -> tuple[int, dict[str, Any]]:
            self.state.check_private_key(request.headers.get("x-private-key"))
            return 200, self.state.balance_body()

        return await self._provider(request, "balance", operation)

    async def _field(self, request: Request, key: str) -> str | None:
        try:
            value = (await self._json_body(request)).get(key)
        except ApiError:
            return None
        return value if isinstance(value, str) else None

    async def _app_ref(self, request: Request) -> str | None:
        return await self._field(request, "app_transaction_ref")

    # --------------------------------------------------------------------- checkout page

    async def checkout(self, request: Request) -> Response:
        ref = request.path_params["ref"]
        error = ""
        status_code = 200
        try:
            txn = self.state.transaction(ref)
        except ApiError:
            return HTMLResponse("<h1>Payment not found</h1>", status_code=404)
        if request.method == "POST":
            form = form_fields(await request.body())
            action = form.get("action", "pay")
            try:
                if action == "decline":
                    txn = self.state.cancel_checkout(ref)
                else:
                    txn = self.state.pay_checkout(ref, form.get("phone", ""))
            except ApiError as exc:
                error, status_code = exc.message, 400
        return self._with_callbacks(HTMLResponse(self._render(txn, error, str(request.url)), status_code=status_code))

    def _render(self, txn: SandboxTransaction, error: str, action_url: str) -> str:
        fr = txn.lang == "fr"
        if txn.status == "CREATED":
            body = (
                f'<form method="post" action="{html.escape(action_url)}">'
                f'<label for="phone">{"Numéro Orange Money ou MTN MoMo" if fr else "Orange Money or MTN MoMo number"}'
                f'</label><input id="phone" name="phone" type="tel" inputmode="numeric" '
                f'value="{html.escape(txn.phone or "")}" placeholder="6XXXXXXXX">'
                f'<button class="pay" name="action" value="pay">{"Payer" if fr else "Pay"}</button>'
                f'<button class="decline" name="action" value="decline">{"Annuler" if fr else "Cancel"}</button>'
                "</form>"
            )
        else:
            body = status_body(txn.status, txn.message or "")
        return render_page(
            brand="My-CoolPay",
            lang=txn.lang,
            reason=txn.reason,
            amount=str(_json_number(txn.amount)),
            currency=txn.currency,
            error=error,
            body=body,
        )

    # --------------------------------------------------------------------- control API

    async def control(self, request: Request) -> Response:
        """The ``/_sandbox/`` JSON API; every answer is JSON, errors ``{"error": ...}`` with 4xx."""
        try:
            result = await self._control(request)
        except (ApiError, ControlError) as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status_code)
        except (ValueError, KeyError, TypeError) as exc:
            return JSONResponse({"error": f"bad request: {exc}"}, status_code=400)
        return self._with_callbacks(JSONResponse(result))

    async def _control(self, request: Request) -> Any:
        state = self.state
        path = request.path_params["path"].strip("/")
        method = request.method
        body = await self._json_body(request) if method in ("POST", "PUT") else {}
        parts = path.split("/")
        if path == "state" and method == "GET":
            return state.snapshot()
        if path == "transactions" and method == "GET":
            return state.snapshot()["transactions"]
        if parts[0] == "transactions" and len(parts) == 2 and method == "GET":
            return state.transaction(parts[1]).to_json()
        if parts[0] == "transactions" and len(parts) == 3 and method == "POST":
            ref, verb = parts[1], parts[2]
            if verb == "approve":
                return state.approve(ref).to_json()
            if verb == "decline":
                return state.decline(ref).to_json()
            if verb == "pay":
                return state.pay_checkout(ref, str(body["phone"])).to_json()
            if verb == "cancel":
                return state.cancel_checkout(ref).to_json()
        if path == "sms" and method == "GET":
            return [m.to_json() for m in state.sms_to(request.query_params.get("phone"))]
        if path == "scripts" and method == "POST":
            script = Script.from_json(body)
            if body.get("phone"):
                state.scripts.for_phone(_national(str(body["phone"])), script)
            else:
                state.scripts.queue_next(script)
            return {"ok": True, "script": script.to_json()}
        result = fault_control(state, method, path, body)
        if result is not NOT_HANDLED:
            if path == "clock/advance":
                state.tick()
            return result
        if path == "balance" and method == "PUT":
            state.set_balance(int(body["balance"]))
            return {"ok": True}
        if path == "callback" and method == "PUT":
            state.callback_url = body.get("url") or None
            return {"ok": True}
        if path == "callbacks" and method == "GET":
            return [c.to_json() for c in state.callbacks]
        if path == "reset" and method == "POST":
            state.reset()
            return {"ok": True}
        raise ApiError(404, f"no control {method} /_sandbox/{path}")


def create_app(state: MyCoolPayState | None = None, *, callback_client: httpx.AsyncClient | None = None) -> Starlette:
    """The emulator as an ASGI app; ``app.state.sandbox`` is the ``MyCoolPayState``, ``app.state.emulator``
    the ``MyCoolPayEmulator`` (``await app.state.emulator.deliver_callbacks()`` in tests)."""
    state = state or MyCoolPayState()
    emulator = MyCoolPayEmulator(state, callback_client)
    api = "/api/{public_key}"
    routes = [
        Route(f"{api}/paylink", emulator.paylink, methods=["POST"]),
        Route(f"{api}/payin", emulator.payin, methods=["POST"]),
        Route(f"{api}/payin/authorize", emulator.authorize, methods=["POST"]),
        Route(f"{api}/payout", emulator.payout, methods=["POST"]),
        Route(f"{api}/checkStatus/{{ref}}", emulator.check_status, methods=["GET"]),
        Route(f"{api}/checkStatus", emulator.check_status_legacy, methods=["POST"]),
        Route(f"{api}/balance", emulator.balance, methods=["GET"]),
        Route("/payment/checkout/{ref}", emulator.checkout, methods=["GET", "POST"]),
    ]
    return emulator_app(state, emulator, routes)
