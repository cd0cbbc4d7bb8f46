"""Emulator of the Paiwise / Neuro-Pay checkout API, for tests, benchmarks and training mode.

``create_app(state)`` serves, like the real API, every call as ``POST`` with ``Authorization: Bearer
<api key>`` and a JSON body: ``/checkout/create``, ``/checkout/retrieve``, ``/checkout/capture``,
``/checkout/refund``, ``/checkout/update``, ``/checkout/create-customer``,
``/checkout/retrieve-customer``, ``/checkout/delete-customer``. The customer pays on the checkout
object's ``url`` (``/pay/{checkout_id}``); the control API is under ``/_sandbox/``.

What the public documents give: the request fields of every call, the statuses, that each checkout
call answers "the checkout object in its new state" and each customer call the customer object (with a
``Client_page``), that ``metaData`` is a "key value pair array" and that every date and time returned is
in UTC. The response objects themselves are shown only as screenshots, so the project defines them as
follows (``posapp.gateways.paiwise`` reads exactly this). **Ours** marks each choice the documents do not
show; the rest is the documents' own wording:

checkout object (the answer of every ``/checkout/*`` call but the customer ones)::

    {"checkout_id": "chk_...", "identifier": "<ours or the checkout_id>", "url": "https://.../pay/chk_...",
     "status": "created", "amount": 3000, "currency": "SEK", "message": "...", "capture": true,
     "allowSaveCard": true, "amount_captured": 0, "amount_refunded": 0,
     "refunds": [{"amount": 1000, "reason": "requested_by_customer", "refundDetails": "...",
                  "created_at": "2026-12-01T09:30:05Z"}],
     "returnUrl": "...", "returnUrlCancel": "...", "customer_id": null, "card_id": null,
     "metaData": [{"key": "app_ref", "value": "sale-1"}],
     "created_at": "2026-12-01T09:30:05Z", "updated_at": "2026-12-01T09:31:40Z"}

- the request fields (``identifier``, ``amount``, ``currency``, ``message``, ``capture``,
  ``allowSaveCard``, ``returnUrl``, ``returnUrlCancel``, ``customer_id``, ``card_id``) come back under
  their request names; ``identifier`` is the ``checkout_id`` when none was sent (the documents: "if not
  passed the cid will get as reference"); ``status`` is one of the documented statuses;
- ``metaData`` comes back in the shape the documents give it, the key/value pair array
  ``[{"key", "value"}]``, in the order the keys were first stored, whatever shape it was sent in;
- ours: the names ``checkout_id`` (the documents' "cid"), ``url`` (the checkout page),
  ``amount_captured``, ``amount_refunded``, ``refunds`` and its fields, ``created_at`` and
  ``updated_at``; dates as ISO 8601 UTC to the second with ``Z`` (the documents only say "UTC"), the
  real current time of ``state.clock``.

customer object::

    {"customer_id": "cus_...", "first_name": "...", "last_name": "...", "email": "...",
     "metaData": [{"key": "loyalty", "value": "gold"}], "client_page": "https://.../client/cus_...",
     "cards": [], "deleted": false, "created_at": "...", "updated_at": "..."}

- ``metaData`` as on the checkout; ours: ``customer_id``, ``client_page`` (the documents'
  "Client_page"), ``cards``, ``deleted`` and the dates.

error (any 4xx), ours entirely::

    {"error": {"code": "validation_error", "message": "amount must be a positive integer"}}

Choices where the documents are silent (all here):

=====================================  ==============================================================
missing / wrong Bearer key             401 ``unauthorized``
unknown ``checkout_id`` / customer     404 ``not_found`` (a deleted customer too)
validation                             400 ``validation_error`` (amount a positive integer of minor
                                       units, a known currency, ``message``, ``returnUrl``,
                                       ``returnUrlCancel`` required, ``reason`` one of the list)
duplicate ``identifier``               409 ``duplicate_identifier`` (so our ``app_ref`` stays unique)
capture not from ``reserved``          409 ``invalid_status``
refund                                 ``paid`` / ``partialRefund``: the amount (default: all that is
                                       left) → ``partialRefund`` or ``refunded``; above what is left
                                       → 400 ``amount_exceeds_refundable``; ``reserved``: releases the
                                       whole reservation → ``reserve released`` (a partial amount is
                                       400 ``validation_error``); any other status → 409
customer pays on the page              ``capture`` true → ``paid``; false → ``reserved``
customer presses Cancel on the page    ``canceled``; a scripted / control "decline" → ``failed``
nobody pays within ``expiry``          ``revoked``
update                                 ``metaData`` (a key-value object, as the documents say, its JSON
                                       text, or the pair array) merged; an empty value deletes its key
=====================================  ==============================================================

No callbacks: the documents describe none, so the console polls ``retrieve``.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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

# Well-known training key: printed by ``posapp sandbox``; not secret, moves no money.
TRAINING_API_KEY = "training-paiwise-api-key-DO-NOT-USE-IN-PRODUCTION-5e6f"
REFUND_REASONS = ("duplicate", "requested_by_customer", "fraudolent")
FINAL = frozenset({"refunded", "reserve released", "revoked", "failed", "canceled"})


class ApiError(Exception):
    """Answered as ``{"error": {"code", "message"}}`` with ``status_code``."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message

    def response(self) -> JSONResponse:
        return JSONResponse({"error": {"code": self.code, "message": self.message}}, status_code=self.status_code)


def invalid(message: str) -> ApiError:
    return ApiError(400, "validation_error", message)


@dataclass(slots=True)
class Checkout:
    checkout_id: str
    identifier: str
    url: str
    amount: int
    currency: str
    message: str
    capture: bool
    allow_save_card: bool
    return_url: str
    return_url_cancel: str
    created_at: datetime
    updated_at: datetime
    expires_at: float
    customer_id: str | None = None
    card_id: str | None = None
    status: str = "created"
    amount_captured: int = 0
    amount_refunded: int = 0
    refunds: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    script: Script = field(default_factory=Script.manual)
    due_at: float | None = None
    due_action: Action | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "checkout_id": self.checkout_id,
            "identifier": self.identifier,
            "url": self.url,
            "status": self.status,
            "amount": self.amount,
            "currency": self.currency,
            "message": self.message,
            "capture": self.capture,
            "allowSaveCard": self.allow_save_card,
            "amount_captured": self.amount_captured,
            "amount_refunded": self.amount_refunded,
            "refunds": list(self.refunds),
            "returnUrl": self.return_url,
            "returnUrlCancel": self.return_url_cancel,
            "customer_id": self.customer_id,
            "card_id": self.card_id,
            "metaData": metadata_pairs(self.metadata),
            "created_at": iso_time(self.created_at, milliseconds=False),
            "updated_at": iso_time(self.updated_at, milliseconds=False),
        }


@dataclass(slots=True)
class CustomerRecord:
    customer_id: str
    first_name: str
    last_name: str
    email: str
    client_page: str
    created_at: datetime
    updated_at: datetime
    metadata: dict[str, Any] = field(default_factory=dict)
    deleted: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_id": self.customer_id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "metaData": metadata_pairs(self.metadata),
            "client_page": self.client_page,
            "cards": [],
            "deleted": self.deleted,
            "created_at": iso_time(self.created_at, milliseconds=False),
            "updated_at": iso_time(self.updated_at, milliseconds=False),
        }


class PaiwiseState(EmulatedWorld):
    """Everything the emulated Paiwise knows, and the Python-level controls of the emulated world."""

    def __init__(
        self,
        api_key: str = TRAINING_API_KEY,
        *,
        clock: Clock | None = None,
        timings: EmulatorTimings | None = None,
        default_script: Script | None = None,
        seed: int | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(clock=clock, timings=timings, default_script=default_script, seed=seed, sleep=sleep)
        self.api_key = api_key
        self.checkouts: dict[str, Checkout] = {}
        self.customers: dict[str, CustomerRecord] = {}

    # ------------------------------------------------------------------------------ control (Python)

    def checkout(self, checkout_id: object) -> Checkout:
        with self.lock:
            self.tick()
            if not isinstance(checkout_id, str) or checkout_id not in self.checkouts:
                raise ApiError(404, "not_found", f"No checkout with checkout_id {checkout_id}")
            return self.checkouts[checkout_id]

    def pay(self, checkout_id: str) -> Checkout:
        """The customer pays on the checkout page: ``paid`` (capture) or ``reserved``."""
        return self._customer(checkout_id, Action.PAY)

    def decline(self, checkout_id: str) -> Checkout:
        """The customer's card is declined: ``failed``."""
        return self._customer(checkout_id, Action.DECLINE)

    def cancel_on_page(self, checkout_id: str) -> Checkout:
        """The customer presses Cancel on the checkout page: ``canceled``."""
        with self.lock:
            checkout = self._open(checkout_id)
            self._set(checkout, "canceled")
            return checkout

    def reset(self) -> None:
        with self.lock:
            self.checkouts.clear()
            self.customers.clear()
            self.reset_world()

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            self.tick()
            return {
                "checkouts": [c.to_json() for c in self.checkouts.values()],
                "customers": [c.to_json() for c in self.customers.values()],
                "pending_faults": [r.to_json() for r in self.faults.pending()],
            }

    def tick(self) -> None:
        with self.lock:
            now = self.clock.now()
            for checkout in self.checkouts.values():
                if checkout.status != "created":
                    continue
                if checkout.due_at is not None and checkout.due_at <= now and checkout.due_action is not None:
                    self._apply(checkout, checkout.due_action)
                elif checkout.expires_at <= now:
                    self._set(checkout, "revoked")

    # ------------------------------------------------------------------------------ provider operations

    def check_key(self, authorization: str | None) -> None:
        expected = f"Bearer {self.api_key}"
        if not authorization or not hmac.compare_digest(authorization.encode(), expected.encode()):
            raise ApiError(401, "unauthorized", "Invalid API key")

    def create(self, body: dict[str, Any], base_url: str) -> Checkout:
        with self.lock:
            self.tick()
            amount = body.get("amount")
            if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
                raise invalid("amount must be a positive integer (smallest unit of the currency)")
            try:
                currency = Money.zero(str(body.get("currency") or "").upper()).currency
            except MoneyError:
                raise invalid("currency is not supported") from None
            message = _text(body, "message", required=True)
            return_url = _text(body, "returnUrl", required=True)
            return_url_cancel = _text(body, "returnUrlCancel", required=True)
            capture = _flag(body, "capture", default=True)
            allow_save_card = _flag(body, "allowSaveCard", default=True)
            metadata = _metadata(body.get("metaData"))
            customer_id = _text(body, "customer_id")
            card_id = _text(body, "card_id")
            if card_id and not customer_id:
                raise invalid("card_id needs customer_id")
            if customer_id and (customer_id not in self.customers or self.customers[customer_id].deleted):
                raise ApiError(404, "not_found", f"No customer with customer_id {customer_id}")
            checkout_id = self.token("chk_", 16)
            identifier = _text(body, "identifier") or checkout_id
            if any(c.identifier == identifier for c in self.checkouts.values()):
                raise ApiError(409, "duplicate_identifier", f"identifier {identifier} is already used")
            now, moment = self.clock.now(), self.clock.utc()
            checkout = Checkout(
                checkout_id=checkout_id,
                identifier=identifier,
                url=f"{base_url.rstrip('/')}/pay/{checkout_id}",
                amount=amount,
                currency=currency,
                message=message,
                capture=capture,
                allow_save_card=allow_save_card,
                return_url=return_url,
                return_url_cancel=return_url_cancel,
                created_at=moment,
                updated_at=moment,
                expires_at=now + self.timings.expiry,
                customer_id=customer_id or None,
                card_id=card_id or None,
                metadata=metadata,
            )
            checkout.script = self.scripts.take(None, fallback=self.scripts.default)
            if card_id:  # a saved card pays at once
                checkout.script = Script.pay()
            if checkout.script.action in (Action.PAY, Action.DECLINE):
                checkout.due_at = now + max(0.0, checkout.script.after)
                checkout.due_action = checkout.script.action
            self.checkouts[checkout_id] = checkout
            self.tick()
            return checkout

    def capture(self, body: dict[str, Any]) -> Checkout:
        with self.lock:
            checkout = self.checkout(body.get("checkout_id"))
            if checkout.status != "reserved":
                raise ApiError(
                    409, "invalid_status", f"Only a reserved checkout can be captured (it is {checkout.status})"
                )
            checkout.amount_captured = checkout.amount
            self._set(checkout, "paid")
            return checkout

    def refund(self, body: dict[str, Any]) -> Checkout:
        with self.lock:
            checkout = self.checkout(body.get("checkout_id"))
            amount = body.get("amount")
            if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0):
                raise invalid("amount must be a positive integer")
            reason = body.get("reason")
            if reason is not None and reason not in REFUND_REASONS:
                raise invalid("reason must be one of: " + ", ".join(REFUND_REASONS))
            details = _text(body, "refundDetails")
            if checkout.status == "reserved":
                if amount is not None and amount != checkout.amount:
                    raise invalid("a reservation is released as a whole")
                self._set(checkout, "reserve released")
                return checkout
            if checkout.status not in ("paid", "partialRefund"):
                raise ApiError(409, "invalid_status", f"A {checkout.status} checkout cannot be refunded")
            left = checkout.amount_captured - checkout.amount_refunded
            amount = left if amount is None else amount
            if amount > left:
                raise ApiError(400, "amount_exceeds_refundable", f"amount exceeds the refundable amount ({left})")
            checkout.amount_refunded += amount
            checkout.refunds.append(
                {
                    "amount": amount,
                    "reason": reason,
                    "refundDetails": details or None,
                    "created_at": iso_time(self.clock.utc(), milliseconds=False),
                }
            )
            self._set(checkout, "refunded" if checkout.amount_refunded == checkout.amount_captured else "partialRefund")
            return checkout

    def update(self, body: dict[str, Any]) -> Checkout:
        with self.lock:
            checkout = self.checkout(body.get("checkout_id"))
            changes = body.get("metaData")
            if isinstance(changes, str):
                try:
                    changes = json.loads(changes)
                except ValueError:
                    raise invalid("metaData must be a key-value object") from None
            if not isinstance(changes, dict | list):
                raise invalid("metaData must be a key-value object")
            for key, value in _metadata(changes).items():
                if value in (None, ""):
                    checkout.metadata.pop(key, None)
                else:
                    checkout.metadata[key] = value
            checkout.updated_at = self.clock.utc()
            return checkout

    def create_customer(self, body: dict[str, Any], base_url: str) -> CustomerRecord:
        with self.lock:
            email = _text(body, "email", required=True)
            if "@" not in email:
                raise invalid("email is not an email address")
            now = self.clock.utc()
            customer_id = self.token("cus_", 16)
            customer = CustomerRecord(
                customer_id=customer_id,
                first_name=_text(body, "first_name"),
                last_name=_text(body, "last_name"),
                email=email,
                client_page=f"{base_url.rstrip('/')}/client/{customer_id}",
                created_at=now,
                updated_at=now,
                metadata=_metadata(body.get("metaData")),
            )
            self.customers[customer_id] = customer
            return customer

    def customer(self, body: dict[str, Any]) -> CustomerRecord:
        with self.lock:
            customer_id = body.get("customer_id")
            customer = self.customers.get(customer_id) if isinstance(customer_id, str) else None
            if customer is None or customer.deleted:
                raise ApiError(404, "not_found", f"No customer with customer_id {customer_id}")
            return customer

    def delete_customer(self, body: dict[str, Any]) -> CustomerRecord:
        with self.lock:
            customer = self.customer(body)
            customer.deleted, customer.updated_at = True, self.clock.utc()
            return customer

    # ------------------------------------------------------------------------------ internals

    def _open(self, checkout_id: str) -> Checkout:
        checkout = self.checkout(checkout_id)
        if checkout.status != "created":
            raise ApiError(409, "invalid_status", "This checkout is no longer open")
        return checkout

    def _customer(self, checkout_id: str, action: Action) -> Checkout:
        with self.lock:
            checkout = self._open(checkout_id)
            self._apply(checkout, action)
            return checkout

    def _apply(self, checkout: Checkout, action: Action) -> None:
        checkout.due_at, checkout.due_action = None, None
        if action is Action.PAY:
            if checkout.capture:
                checkout.amount_captured = checkout.amount
                self._set(checkout, "paid")
            else:
                self._set(checkout, "reserved")
        elif action is Action.DECLINE:
            self._set(checkout, "failed")

    def _set(self, checkout: Checkout, status: str) -> None:
        checkout.status, checkout.updated_at = status, self.clock.utc()


def _text(body: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = body.get(key)
    if value is None or value == "":
        if required:
            raise invalid(f"{key} is required")
        return ""
    if not isinstance(value, str):
        raise invalid(f"{key} must be a string")
    return value


def _flag(body: dict[str, Any], key: str, *, default: bool) -> bool:
    value = body.get(key, default)
    if not isinstance(value, bool):
        raise invalid(f"{key} must be true or false")
    return value


def metadata_pairs(metadata: dict[str, Any]) -> list[dict[str, Any]]:
    """``metaData`` as the documents give it: the key/value pair array ``[{"key", "value"}]``."""
    return [{"key": key, "value": value} for key, value in metadata.items()]


def _metadata(value: object) -> dict[str, Any]:
    """``metaData`` as sent: the documents' array of ``{"key", "value"}`` pairs, or a key-value object."""
    if value in (None, ""):
        return {}
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list) and all(isinstance(i, dict) and "key" in i for i in value):
        return {str(i["key"]): i.get("value") for i in value}
    raise invalid("metaData must be key-value pairs")


class PaiwiseEmulator(CardEmulator[PaiwiseState]):
    """The Starlette routes over one ``PaiwiseState`` (see ``create_app``)."""

    ticker_name = "paiwise sandbox ticker"

    async def _body(self, request: Request) -> dict[str, Any]:
        raw = await request.body()
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            raise invalid("the body is not JSON") from None
        if not isinstance(body, dict):
            raise invalid("the body is not a JSON object")
        return body

    async def api(self, request: Request) -> Response:
        verb = request.path_params["verb"]
        try:
            self.state.check_key(request.headers.get("authorization"))
            body = await self._body(request)
        except ApiError as exc:
            return exc.response()
        ref = body.get("checkout_id") or body.get("identifier") or body.get("customer_id")
        handlers: dict[str, Callable[[], Any]] = {
            "create": lambda: self.state.create(body, mount_url(request)),
            "retrieve": lambda: self.state.checkout(body.get("checkout_id")),
            "capture": lambda: self.state.capture(body),
            "refund": lambda: self.state.refund(body),
            "update": lambda: self.state.update(body),
            "create-customer": lambda: self.state.create_customer(body, mount_url(request)),
            "retrieve-customer": lambda: self.state.customer(body),
            "delete-customer": lambda: self.state.delete_customer(body),
        }
        handler = handlers.get(verb)
        if handler is None:
            return ApiError(404, "not_found", f"No endpoint /checkout/{verb}").response()

        async def operation() -> Response:
            try:
                record = handler()
            except ApiError as exc:
                return exc.response()
            return JSONResponse(record.to_json(), status_code=201 if verb.startswith("create") else 200)

        return await run_with_faults(self.state, verb, [ref if isinstance(ref, str) else None], operation)

    async def page(self, request: Request) -> Response:
        try:
            checkout = self.state.checkout(request.path_params["checkout_id"])
        except ApiError:
            return HTMLResponse("<h1>Checkout not found</h1>", status_code=404)
        error, status_code = "", 200
        if request.method == "POST":
            action = form_fields(await request.body()).get("action", "pay")
            try:
                if action == "decline":
                    checkout = self.state.cancel_on_page(checkout.checkout_id)
                else:
                    checkout = self.state.pay(checkout.checkout_id)
            except ApiError as exc:
                error, status_code = exc.message, 400
        html_page = card_page(
            brand="Paiwise",
            lang="en",
            reason=checkout.message,
            amount=Money(checkout.amount, checkout.currency).major_str(),
            currency=checkout.currency,
            action_url=str(request.url) if checkout.status == "created" else None,
            status=checkout.status.upper(),
            error=error,
        )
        return HTMLResponse(html_page, status_code=status_code)

    async def client_page(self, request: Request) -> Response:
        customer = self.state.customers.get(request.path_params["customer_id"])
        if customer is None or customer.deleted:
            return HTMLResponse("<h1>Customer not found</h1>", status_code=404)
        return HTMLResponse(f"<h1>Paiwise</h1><p>{customer.email}: no saved cards</p>")

    async def control(self, request: Request) -> Response:
        """``/_sandbox/``: ``GET state``, ``GET checkouts/{id}``, ``POST checkouts/{id}/pay|decline|cancel``,
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
                elif parts[0] == "checkouts" and len(parts) == 2 and method == "GET":
                    result = state.checkout(parts[1]).to_json()
                elif parts[0] == "checkouts" and len(parts) == 3 and method == "POST":
                    verbs = {"pay": state.pay, "decline": state.decline, "cancel": state.cancel_on_page}
                    if parts[2] not in verbs:
                        raise ControlError(404, f"no control {parts[2]}")
                    result = verbs[parts[2]](parts[1]).to_json()
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
        return JSONResponse(result)


def create_app(state: PaiwiseState | None = None) -> Starlette:
    """The emulator as an ASGI app; ``app.state.sandbox`` is the ``PaiwiseState``."""
    state = state or PaiwiseState()
    emulator = PaiwiseEmulator(state)

    routes = [
        Route("/checkout/{verb}", emulator.api, methods=["POST"]),
        Route("/pay/{checkout_id}", emulator.page, methods=["GET", "POST"]),
        Route("/client/{customer_id}", emulator.client_page, methods=["GET"]),
    ]
    return emulator_app(state, emulator, routes)
