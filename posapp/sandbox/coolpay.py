"""Emulator of the CoolPay payments API (QuickPay v10 semantics), for tests, benchmarks and training mode.

``create_app(state)`` serves, like the real API (HTTP Basic auth with an empty user and the API key as
password, ``Accept-Version: v10``, JSON or urlencoded bodies):

=====================================  ==============================================================
``POST /payments``                     ``{order_id, currency, text_on_statement?, variables?}`` → 201
                                       payment in state ``initial``
``GET /payments?order_id=X``           200 list of the payments with that ``order_id``
``GET /payments/{id}``                 200 payment
``PUT /payments/{id}/link``            ``{amount (minor units), auto_capture?, continue_url?,
                                       cancel_url?, callback_url?, language?}`` → 200 ``{"url"}``
``DELETE /payments/{id}/link``         204
``POST /payments/{id}/capture``        ``{amount}``; ``refund`` ``{amount}``; ``cancel``. Without
                                       ``?synchronized``: 202, the payment in state ``pending`` with the
                                       new operation ``pending: true`` (finished after
                                       ``EmulatorTimings.operation_settle``); with it: 200 and the
                                       finished payment (a declined operation is still a 200 and shows
                                       ``qp_status_code`` ``40000`` on the operation)
``GET|POST /pay/{token}``              the customer's card page (the link's ``url``)
``/_sandbox/...``                      control API (see ``CoolPayEmulator.control``)
=====================================  ==============================================================

The payment object: ``{id, merchant_id, order_id, accepted, type: "Payment", text_on_statement,
variables, currency, state, metadata, link, operations, test_mode, acquirer, balance, created_at,
updated_at}``; an operation ``{id, type, amount, pending, qp_status_code, qp_status_msg,
aq_status_code, aq_status_msg, created_at}``. Errors are ``{"message", "errors", "error_code"}``.

Choices where the documents are silent (all here):

=====================================  ==============================================================
missing / wrong API key                401 ``{"message": "Invalid API key"...}`` + ``WWW-Authenticate``
``Accept-Version`` other than ``v10``  400 ``{"message": "Unsupported or missing Accept-Version..."}``
unknown payment                        404 ``{"message": "Not found: No Payment with id N"...}``
``order_id``                           4-20 chars of ``[A-Za-z0-9 ._-]``; a duplicate is 400 ``Validation
                                       error`` ``{"order_id": ["has already been taken"]}``
state ``initial`` → ``new``            the customer pays on the card page (or a script pays):
                                       ``authorize`` approved, ``accepted: true``; with
                                       ``auto_capture`` a ``capture`` of the whole amount follows and
                                       the state is ``processed``
customer declines                      ``authorize`` with ``qp_status_code`` ``40000``, state
                                       ``rejected``
customer walks away                    the payment stays ``initial`` (QuickPay payments do not expire;
                                       the console's tracker gives up on its own schedule)
capture                                only in state ``new``, at most the authorized amount; one
                                       capture (no split capture): the state becomes ``processed``
refund                                 only after a capture, at most ``captured - refunded``; above →
                                       400 ``Validation error`` ``{"amount": ["exceeds ..."]}``
cancel                                 in ``initial`` or ``new`` (nothing captured) → ``processed``
an operation in the wrong state        400 ``{"message": "Not allowed in state <state>"...}``
``balance``                            captured minus refunded (minor units)
callbacks                              after each finished operation, to the link's
                                       ``callback_url`` (else ``state.callback_url``): the payment JSON
                                       with ``CoolPay-Checksum-Sha256: hex(hmac_sha256(body,
                                       private_key))`` and, for clients written for QuickPay v10, the
                                       same value in ``QuickPay-Checksum-Sha256`` (likewise
                                       ``CoolPay-Resource-Type`` and ``QuickPay-Resource-Type``),
                                       once, never retried
timestamps                             ``created_at`` / ``updated_at`` are the current UTC time as
                                       QuickPay writes it, ``2026-12-01T09:30:05Z`` (``state.clock``)
=====================================  ==============================================================

``state.decline_next(kind)`` makes the acquirer refuse the next operation of that kind (``capture``,
``refund``, ``cancel``): it finishes with ``qp_status_code`` ``40000``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from posapp.core.money import Money, MoneyError
from posapp.sandbox.customer import (
    NOT_HANDLED,
    Action,
    CardEmulator,
    Clock,
    ControlError,
    EmulatedWorld,
    EmulatorTimings,
    Script,
    card_page,
    common_control,
    emulator_app,
    form_fields,
    iso_time,
    mount_url,
    run_with_faults,
)

# Well-known training keys: printed by ``posapp sandbox`` and used by training mode. Not secret, move
# no money; the gateway still redacts them like real keys.
TRAINING_API_KEY = "training-coolpay-api-key-0c1d2e3f4a5b6c7d8e9f"
TRAINING_PRIVATE_KEY = "training-coolpay-private-key-DO-NOT-USE-IN-PRODUCTION"
MERCHANT_ID = 1234
ORDER_ID = re.compile(r"^[A-Za-z0-9 ._-]{4,20}$")
APPROVED, REJECTED = "20000", "40000"
STATUS_MESSAGES = {APPROVED: "Approved", REJECTED: "Rejected test operation"}
ACQUIRER_MESSAGES = {APPROVED: ("000", "Approved."), REJECTED: ("100", "Declined by the card issuer.")}
OPERATION_KINDS = ("authorize", "capture", "refund", "cancel")


class ApiError(Exception):
    """Answered as ``{"message", "errors", "error_code"}`` with ``status_code``."""

    def __init__(self, status_code: int, message: str, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.errors = errors

    def response(self) -> JSONResponse:
        headers = {"WWW-Authenticate": 'Basic realm="CoolPay"'} if self.status_code == 401 else None
        return JSONResponse(
            {"message": self.message, "errors": self.errors, "error_code": None},
            status_code=self.status_code,
            headers=headers,
        )


def validation_error(key: str, text: str) -> ApiError:
    return ApiError(400, "Validation error", {key: [text]})


@dataclass(slots=True)
class Operation:
    id: int
    type: str
    amount: int
    created_at: datetime
    pending: bool = True
    qp_status_code: str | None = None
    due_at: float | None = None
    outcome: str = APPROVED

    def to_json(self) -> dict[str, Any]:
        aq = ACQUIRER_MESSAGES.get(self.qp_status_code or "")
        return {
            "id": self.id,
            "type": self.type,
            "amount": self.amount,
            "pending": self.pending,
            "qp_status_code": self.qp_status_code,
            "qp_status_msg": STATUS_MESSAGES.get(self.qp_status_code or ""),
            "aq_status_code": aq[0] if aq else None,
            "aq_status_msg": aq[1] if aq else None,
            "created_at": iso_time(self.created_at, milliseconds=False),
        }

    @property
    def approved(self) -> bool:
        return not self.pending and self.qp_status_code == APPROVED


@dataclass(slots=True)
class Payment:
    """One payment as the emulated CoolPay stores it."""

    id: int
    order_id: str
    currency: str
    created_at: datetime
    updated_at: datetime
    text_on_statement: str | None = None
    variables: dict[str, Any] = field(default_factory=dict)
    state: str = "initial"
    accepted: bool = False
    link: dict[str, Any] | None = None
    token: str | None = None
    operations: list[Operation] = field(default_factory=list)
    script: Script = field(default_factory=Script.manual)
    due_at: float | None = None
    due_action: Action | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def total(self, kind: str) -> int:
        return sum(op.amount for op in self.operations if op.type == kind and op.approved)

    @property
    def balance(self) -> int:
        return self.total("capture") - self.total("refund")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "merchant_id": MERCHANT_ID,
            "order_id": self.order_id,
            "accepted": self.accepted,
            "type": "Payment",
            "text_on_statement": self.text_on_statement,
            "branding_id": None,
            "variables": self.variables,
            "currency": self.currency,
            "state": self.state,
            "metadata": self.metadata,
            "link": self.link,
            "shipping_address": None,
            "invoice_address": None,
            "basket": [],
            "operations": [op.to_json() for op in self.operations],
            "test_mode": True,
            "acquirer": "coolpay-sandbox" if self.operations else None,
            "facilitator": None,
            "created_at": iso_time(self.created_at, milliseconds=False),
            "updated_at": iso_time(self.updated_at, milliseconds=False),
            "retented_at": None,
            "balance": self.balance,
            "fee": None,
            "deadline_at": None,
        }


class CoolPayState(EmulatedWorld):
    """Everything the emulated CoolPay knows, and the Python-level controls of the emulated world.

    Thread-safe (one re-entrant lock). ``seed`` makes ids, link tokens and random faults reproducible.
    """

    def __init__(
        self,
        api_key: str = TRAINING_API_KEY,
        private_key: str = TRAINING_PRIVATE_KEY,
        *,
        clock: Clock | None = None,
        timings: EmulatorTimings | None = None,
        default_script: Script | None = None,
        seed: int | None = None,
        callback_url: str | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(clock=clock, timings=timings, default_script=default_script, seed=seed, sleep=sleep)
        self.api_key = api_key
        self.private_key = private_key
        self.callback_url = callback_url
        self.payments: dict[int, Payment] = {}
        self._next_id = 100_000_000 + self.rng.randrange(10**6)
        self._next_operation = 1
        self._declines: dict[str, int] = {}

    # ------------------------------------------------------------------------------ control (Python)

    def payment(self, payment_id: int | str) -> Payment:
        with self.lock:
            self.tick()
            try:
                return self.payments[int(payment_id)]
            except (KeyError, ValueError):
                raise ApiError(404, f"Not found: No Payment with id {payment_id}") from None

    def by_token(self, token: str) -> Payment:
        with self.lock:
            self.tick()
            for payment in self.payments.values():
                if payment.token == token:
                    return payment
            raise ApiError(404, "Not found: no payment link")

    def pay(self, payment_id: int | str) -> Payment:
        """The customer pays on the card page: the authorization is approved (then auto-captured if asked)."""
        return self._customer(payment_id, Action.PAY)

    def decline(self, payment_id: int | str) -> Payment:
        """The customer's card is declined (or they give up on the page): the payment is ``rejected``."""
        return self._customer(payment_id, Action.DECLINE)

    def decline_next(self, kind: str, count: int = 1) -> None:
        """The acquirer refuses the next ``count`` operations of ``kind`` (``capture``/``refund``/``cancel``)."""
        if kind not in OPERATION_KINDS[1:]:
            raise ValueError(f"not an operation: {kind}")
        with self.lock:
            self._declines[kind] = self._declines.get(kind, 0) + count

    def reset(self) -> None:
        with self.lock:
            self.payments.clear()
            self._declines.clear()
            self.reset_world()

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            self.tick()
            return {
                "callback_url": self.callback_url,
                "payments": [p.to_json() for p in self.payments.values()],
                "pending_faults": [r.to_json() for r in self.faults.pending()],
            }

    # ------------------------------------------------------------------------------ time

    def tick(self) -> None:
        """Run every scripted customer action and pending operation that is due."""
        with self.lock:
            now = self.clock.now()
            for payment in self.payments.values():
                if payment.due_at is not None and payment.due_at <= now and payment.state == "initial":
                    action, payment.due_at, payment.due_action = payment.due_action, None, None
                    if action is not None:
                        self._authorize(payment, action)
                for op in payment.operations:
                    if op.pending and op.due_at is not None and op.due_at <= now:
                        self._finish(payment, op)

    # ------------------------------------------------------------------------------ provider operations

    def check_auth(self, authorization: str | None, version: str | None) -> None:
        expected = "Basic " + base64.b64encode(f":{self.api_key}".encode()).decode()
        if not authorization or not hmac.compare_digest(authorization.encode(), expected.encode()):
            raise ApiError(401, "Invalid API key")
        if version != "v10":
            raise ApiError(400, "Unsupported or missing Accept-Version (this API speaks v10)")

    def create(self, body: dict[str, Any]) -> Payment:
        with self.lock:
            self.tick()
            order_id = body.get("order_id")
            if not isinstance(order_id, str) or not order_id:
                raise validation_error("order_id", "is required")
            if not ORDER_ID.match(order_id):
                raise validation_error("order_id", "must be 4-20 characters of A-Z a-z 0-9 space . _ -")
            if any(p.order_id == order_id for p in self.payments.values()):
                raise validation_error("order_id", "has already been taken")
            currency = body.get("currency")
            try:
                currency = Money.zero(str(currency or "").upper()).currency
            except MoneyError:
                raise validation_error("currency", "is not a supported currency") from None
            variables = body.get("variables") or {}
            if not isinstance(variables, dict):
                raise validation_error("variables", "must be an object")
            text = body.get("text_on_statement")
            now = self.clock.utc()
            self._next_id += 1
            payment = Payment(
                id=self._next_id,
                order_id=order_id,
                currency=currency,
                created_at=now,
                updated_at=now,
                text_on_statement=text if isinstance(text, str) else None,
                variables=variables,
            )
            self.payments[payment.id] = payment
            return payment

    def put_link(self, payment_id: str, body: dict[str, Any], base_url: str) -> dict[str, Any]:
        with self.lock:
            payment = self.payment(payment_id)
            if payment.state != "initial":
                raise ApiError(400, f"Not allowed in state {payment.state}")
            amount = _int_field(body, "amount")
            if amount is None or amount <= 0:
                raise validation_error("amount", "must be a positive integer (minor units)")
            auto_capture = _bool_field(body, "auto_capture")
            payment.token = payment.token or hashlib.sha256(f"{payment.id}:{self.rng.random()}".encode()).hexdigest()
            url = f"{base_url.rstrip('/')}/pay/{payment.token}"
            payment.link = {
                "url": url,
                "agreement_id": MERCHANT_ID,
                "language": str(body.get("language") or "en"),
                "amount": amount,
                "continue_url": body.get("continue_url"),
                "cancel_url": body.get("cancel_url"),
                "callback_url": body.get("callback_url"),
                "payment_methods": body.get("payment_methods"),
                "auto_capture": auto_capture,
            }
            payment.updated_at = self.clock.utc()
            payment.script = self.scripts.take(None, fallback=self.scripts.default)
            if payment.script.action in (Action.PAY, Action.DECLINE):
                payment.due_at = self.clock.now() + max(0.0, payment.script.after)
                payment.due_action = payment.script.action
            else:
                payment.due_at, payment.due_action = None, None
            return {"url": url}

    def delete_link(self, payment_id: str) -> None:
        with self.lock:
            payment = self.payment(payment_id)
            payment.link, payment.token, payment.due_at, payment.due_action = None, None, None, None

    def operate(self, payment_id: str, kind: str, body: dict[str, Any], synchronized: bool) -> Payment:
        """Start a capture / refund / cancel; finished at once when ``synchronized``."""
        with self.lock:
            payment = self.payment(payment_id)
            if any(op.pending for op in payment.operations):
                raise ApiError(409, "Another operation is pending on this payment")
            captured, refunded, authorized = (
                payment.total("capture"),
                payment.total("refund"),
                payment.total("authorize"),
            )
            if kind == "cancel":
                if payment.state not in ("initial", "new"):
                    raise ApiError(400, f"Not allowed in state {payment.state}")
                amount = 0
            else:
                amount_value = _int_field(body, "amount")
                if amount_value is None or amount_value <= 0:
                    raise validation_error("amount", "must be a positive integer (minor units)")
                amount = amount_value
                if kind == "capture":
                    if payment.state != "new":
                        raise ApiError(400, f"Not allowed in state {payment.state}")
                    if amount > authorized:
                        raise validation_error("amount", f"exceeds the authorized amount ({authorized})")
                else:
                    if captured == 0:
                        raise ApiError(400, f"Not allowed in state {payment.state}")
                    if amount > captured - refunded:
                        raise validation_error("amount", f"exceeds the refundable amount ({captured - refunded})")
            now = self.clock.now()
            op = Operation(
                self._operation_id(), kind, amount, self.clock.utc(), due_at=now + self.timings.operation_settle
            )
            if self._declines.get(kind, 0) > 0:
                self._declines[kind] -= 1
                op.outcome = REJECTED
            payment.operations.append(op)
            payment.updated_at = op.created_at
            if synchronized:
                self._finish(payment, op)
            else:
                payment.state = "pending"
            return payment

    # ------------------------------------------------------------------------------ internals

    def _operation_id(self) -> int:
        self._next_operation += 1
        return self._next_operation

    def _customer(self, payment_id: int | str, action: Action) -> Payment:
        with self.lock:
            payment = self.payment(payment_id)
            if payment.state != "initial" or payment.link is None:
                raise ApiError(400, "This payment is no longer open")
            self._authorize(payment, action)
            return payment

    def _authorize(self, payment: Payment, action: Action) -> None:
        if payment.link is None:
            return
        now = self.clock.utc()
        amount = int(payment.link["amount"])
        op = Operation(self._operation_id(), "authorize", amount, now, pending=False)
        payment.due_at, payment.due_action = None, None
        if action is Action.PAY:
            op.qp_status_code = APPROVED
            payment.accepted, payment.state = True, "new"
            payment.metadata = {
                "type": "card",
                "brand": "visa",
                "last4": "0001",
                "exp_month": 12,
                "exp_year": 2030,
                "country": "DNK",
                "is_3d_secure": True,
            }
            payment.operations.append(op)
            if payment.link.get("auto_capture"):
                capture = Operation(self._operation_id(), "capture", amount, now, pending=False)
                capture.qp_status_code = APPROVED
                payment.operations.append(capture)
                payment.state = "processed"
        else:
            op.qp_status_code = REJECTED
            payment.state = "rejected"
            payment.operations.append(op)
        payment.updated_at = now
        self._queue_callback(payment)

    def _finish(self, payment: Payment, op: Operation) -> None:
        op.pending, op.qp_status_code, op.due_at = False, op.outcome, None
        payment.updated_at = self.clock.utc()
        if op.approved and op.type in ("capture", "cancel"):
            payment.state = "processed"
        elif payment.state == "pending":
            # Back to where the payment stood before the operation started.
            payment.state = "processed" if payment.total("capture") or payment.total("cancel") else "new"
        self._queue_callback(payment)

    def _queue_callback(self, payment: Payment) -> None:
        url = (payment.link or {}).get("callback_url") or self.callback_url
        if not url:
            return
        content = json.dumps(payment.to_json()).encode()
        checksum = hmac.new(self.private_key.encode(), content, hashlib.sha256).hexdigest()
        # The CoolPay documents name the headers CoolPay-*; clients written for QuickPay v10 read
        # QuickPay-*: both are sent, with the same values.
        self.callbacks.push(
            url,
            content,
            {
                "Content-Type": "application/json",
                "CoolPay-Resource-Type": "Payment",
                "CoolPay-Checksum-Sha256": checksum,
                "QuickPay-Resource-Type": "Payment",
                "QuickPay-Checksum-Sha256": checksum,
            },
        )


def _int_field(body: dict[str, Any], key: str) -> int | None:
    value = body.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise validation_error(key, "must be an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise validation_error(key, "must be an integer")


def _bool_field(body: dict[str, Any], key: str) -> bool:
    value = body.get(key)
    if value in (None, "", False, "false", "0", 0):
        return False
    if value in (True, "true", "1", 1):
        return True
    raise validation_error(key, "must be true or false")


class CoolPayEmulator(CardEmulator[CoolPayState]):
    """The Starlette routes over one ``CoolPayState`` (see ``create_app``)."""

    ticker_name = "coolpay sandbox ticker"

    # --------------------------------------------------------------------- plumbing

    async def _body(self, request: Request) -> dict[str, Any]:
        raw = await request.body()
        if not raw:
            return {}
        if "json" in request.headers.get("content-type", "json"):
            try:
                body = json.loads(raw)
            except ValueError:
                raise ApiError(400, "Invalid JSON body") from None
            if not isinstance(body, dict):
                raise ApiError(400, "Invalid JSON body")
            return body
        return dict(form_fields(raw))

    async def _api(
        self, request: Request, endpoint: str, operation: Callable[[], Awaitable[Response]], ref: str | None = None
    ) -> Response:
        try:
            self.state.check_auth(request.headers.get("authorization"), request.headers.get("accept-version"))
        except ApiError as exc:
            return exc.response()

        async def guarded() -> Response:
            try:
                return await operation()
            except ApiError as exc:
                return exc.response()

        return self._with_callbacks(await run_with_faults(self.state, endpoint, [ref], guarded))

    # --------------------------------------------------------------------- provider endpoints

    async def payments(self, request: Request) -> Response:
        if request.method == "GET":

            async def listing() -> Response:
                order_id = request.query_params.get("order_id")
                with self.state.lock:
                    self.state.tick()
                    found = [
                        p.to_json() for p in self.state.payments.values() if order_id is None or p.order_id == order_id
                    ]
                return JSONResponse(found)

            return await self._api(request, "list", listing)

        async def create() -> Response:
            payment = self.state.create(await self._body(request))
            return JSONResponse(payment.to_json(), status_code=201, headers={"Location": f"/payments/{payment.id}"})

        return await self._api(request, "create", create)

    async def payment(self, request: Request) -> Response:
        payment_id = request.path_params["id"]

        async def read() -> Response:
            return JSONResponse(self.state.payment(payment_id).to_json())

        return await self._api(request, "get", read, payment_id)

    async def link(self, request: Request) -> Response:
        payment_id = request.path_params["id"]

        async def put() -> Response:
            return JSONResponse(self.state.put_link(payment_id, await self._body(request), mount_url(request)))

        async def delete() -> Response:
            self.state.delete_link(payment_id)
            return Response(status_code=204)

        return await self._api(request, "link", put if request.method == "PUT" else delete, payment_id)

    async def operation(self, request: Request) -> Response:
        payment_id, kind = request.path_params["id"], request.path_params["kind"]
        synchronized = "synchronized" in request.query_params

        async def operate() -> Response:
            if kind not in ("capture", "refund", "cancel"):
                raise ApiError(404, f"Not found: no action {kind}")
            payment = self.state.operate(payment_id, kind, await self._body(request), synchronized)
            return JSONResponse(payment.to_json(), status_code=200 if synchronized else 202)

        return await self._api(request, kind, operate, payment_id)

    # --------------------------------------------------------------------- card page

    async def page(self, request: Request) -> Response:
        try:
            payment = self.state.by_token(request.path_params["token"])
        except ApiError:
            return HTMLResponse("<h1>Payment not found</h1>", status_code=404)
        error, status_code = "", 200
        if request.method == "POST":
            action = form_fields(await request.body()).get("action", "pay")
            try:
                payment = self.state.decline(payment.id) if action == "decline" else self.state.pay(payment.id)
            except ApiError as exc:
                error, status_code = exc.message, 400
        link = payment.link or {}
        amount = Money(int(link.get("amount") or 0), payment.currency)
        state = {"new": "AUTHORIZED", "processed": "PAID", "rejected": "DECLINED"}.get(payment.state, payment.state)
        html_page = card_page(
            brand="CoolPay",
            lang=str(link.get("language") or "en"),
            reason=payment.text_on_statement or payment.order_id,
            amount=amount.major_str(),
            currency=payment.currency,
            action_url=str(request.url) if payment.state == "initial" else None,
            status=state,
            error=error,
        )
        return self._with_callbacks(HTMLResponse(html_page, status_code=status_code))

    # --------------------------------------------------------------------- control API

    async def control(self, request: Request) -> Response:
        """``/_sandbox/``: ``GET state``, ``GET payments/{id}``, ``POST payments/{id}/pay|decline``,
        ``POST operations/decline_next`` (``{"kind", "count"?}``), ``PUT callback`` (``{"url"}``),
        ``POST reset`` and the shared controls of ``customer.common_control``."""
        state = self.state
        path = request.path_params["path"].strip("/")
        method = request.method
        try:
            body = await self._body(request) if method in ("POST", "PUT") else {}
            parts = path.split("/")
            result: Any = common_control(state, method, path, body)
            if result is NOT_HANDLED:
                if path == "state" and method == "GET":
                    result = state.snapshot()
                elif parts[0] == "payments" and len(parts) == 2 and method == "GET":
                    result = state.payment(parts[1]).to_json()
                elif parts[0] == "payments" and len(parts) == 3 and method == "POST" and parts[2] == "pay":
                    result = state.pay(parts[1]).to_json()
                elif parts[0] == "payments" and len(parts) == 3 and method == "POST" and parts[2] == "decline":
                    result = state.decline(parts[1]).to_json()
                elif path == "operations/decline_next" and method == "POST":
                    state.decline_next(str(body["kind"]), int(body.get("count", 1)))
                    result = {"ok": True}
                elif path == "callback" and method == "PUT":
                    state.callback_url = body.get("url") or None
                    result = {"ok": True}
                elif path == "reset" and method == "POST":
                    state.reset()
                    result = {"ok": True}
                else:
                    raise ControlError(404, f"no control {method} /_sandbox/{path}")
            state.tick()
        except (ApiError, ControlError) as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status_code)
        except (ValueError, KeyError, TypeError) as exc:
            return JSONResponse({"error": f"bad request: {exc}"}, status_code=400)
        return self._with_callbacks(JSONResponse(result))


def create_app(state: CoolPayState | None = None, *, callback_client: httpx.AsyncClient | None = None) -> Starlette:
    """The emulator as an ASGI app; ``app.state.sandbox`` is the ``CoolPayState``, ``app.state.emulator``
    the ``CoolPayEmulator`` (``await app.state.emulator.deliver_callbacks()`` in tests)."""
    state = state or CoolPayState()
    emulator = CoolPayEmulator(state, callback_client)

    routes = [
        Route("/payments", emulator.payments, methods=["GET", "POST"]),
        Route("/payments/{id}", emulator.payment, methods=["GET"]),
        Route("/payments/{id}/link", emulator.link, methods=["PUT", "DELETE"]),
        Route("/payments/{id}/{kind}", emulator.operation, methods=["POST"]),
        Route("/pay/{token}", emulator.page, methods=["GET", "POST"]),
    ]
    return emulator_app(state, emulator, routes)
