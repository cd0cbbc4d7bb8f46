"""Emulator of Commerce Layer with checkout.com payments (JSON:API), for tests, benchmarks and training mode.

``create_app(state)`` serves:

=====================================  ==============================================================
``POST /oauth/token``                  client credentials (JSON or form) → ``{access_token,
                                       token_type: "bearer", expires_in: 7200, scope, created_at}``
``POST /api/orders``                   ``{currency_code, reference?, language_code?, customer_email?}``
``POST /api/line_items``               ``{quantity, name, unit_amount_cents}`` + ``order`` relationship
``POST /api/checkout_com_payments``    ``{payment_type, token}`` + ``order`` → 201 with ``redirect_uri``
``GET /api/orders/{id}``               ``?include=authorizations,captures,refunds,payment_source``
``PATCH /api/orders/{id}``             triggers ``_capture``, ``_refund``, ``_cancel`` (all ``true``)
``PATCH /api/authorizations/{id}``     ``_capture`` with ``_capture_amount_cents`` (partial), ``_void``
``PATCH /api/captures/{id}``           ``_refund`` with ``_refund_amount_cents`` (partial)
``GET|POST /3ds/{payment_id}``         the emulated 3-D Secure page (the ``redirect_uri``)
``/_sandbox/...``                      control API
=====================================  ==============================================================

Every ``/api`` request needs ``Accept: application/vnd.api+json`` (else 406) and, with a body,
``Content-Type: application/vnd.api+json`` (else 415), and a live Bearer token (else 401). Errors are
JSON:API ``{"errors": [{"title", "detail", "code", "status", "source": {"pointer"}}]}``.

Choices where the documents are silent (all here):

=====================================  ==============================================================
the card token                         a real client tokenizes the card with checkout.com Frames
                                       first; any non-empty ``token`` is accepted, and the card
                                       itself is "entered" on the 3-D Secure page
3-D Secure approved                    an ``authorizations`` transaction succeeds for the order total;
                                       order ``status`` ``placed``, ``payment_status`` ``authorized``
                                       (``paid`` with a capture too when ``state.auto_capture``)
3-D Secure declined                    a failed authorization (``succeeded: false``, message
                                       ``Declined``), ``payment_response.status`` ``Declined``; the
                                       order stays ``pending`` / ``unpaid``
nobody answers within ``expiry``       the 3-D Secure session expires: a failed authorization
                                       (``3DS expired``), order ``unpaid``
capture                                one capture (no split capture); in part → ``partially_paid``
refund                                 up to captured - refunded; above → 422 ``VALIDATION_ERROR``
``_cancel``                            only before a capture: order ``cancelled``, ``voided``
a trigger in the wrong state           422 ``VALIDATION_ERROR`` with the attribute's pointer
token lifetime                         ``expires_in`` 7200 s on ``state.clock``; ``revoke_tokens()``
                                       expires them all (the client must fetch a new one)
webhooks                               after each payment change, to ``state.webhook_url`` if set: the
                                       order document, ``X-CommerceLayer-Topic`` and
                                       ``X-CommerceLayer-Signature: base64(hmac_sha256(body,
                                       shared_secret))``, once
=====================================  ==============================================================
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
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

# Well-known training credentials: printed by ``posapp sandbox``; not secret, move no money.
TRAINING_CLIENT_ID = "training-cl-client-id-8a7b6c5d4e3f"
TRAINING_CLIENT_SECRET = "training-cl-client-secret-DO-NOT-USE-IN-PRODUCTION"
TRAINING_WEBHOOK_SECRET = "training-cl-webhook-shared-secret"
MEDIA_TYPE = "application/vnd.api+json"
TOKEN_LIFETIME = 7200


class ApiError(Exception):
    """A JSON:API error answer."""

    def __init__(self, status_code: int, code: str, title: str, detail: str, pointer: str | None = None) -> None:
        super().__init__(detail)
        self.status_code = status_code
        self.code = code
        self.title = title
        self.detail = detail
        self.pointer = pointer
        self.message = detail

    def response(self) -> JSONResponse:
        error: dict[str, Any] = {
            "title": self.title,
            "detail": self.detail,
            "code": self.code,
            "status": str(self.status_code),
        }
        if self.pointer:
            error["source"] = {"pointer": self.pointer}
        return JSONResponse({"errors": [error]}, status_code=self.status_code, media_type=MEDIA_TYPE)


def validation(detail: str, attribute: str) -> ApiError:
    return ApiError(422, "VALIDATION_ERROR", "is invalid", detail, f"/data/attributes/{attribute}")


def not_found(kind: str, ident: str) -> ApiError:
    return ApiError(404, "RECORD_NOT_FOUND", "Record not found", f"The requested {kind} {ident} could not be found")


@dataclass(slots=True)
class Transaction:
    id: str
    type: str  # authorizations / captures / voids / refunds
    amount_cents: int
    succeeded: bool
    message: str
    created_at: float

    def resource(self, currency: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "attributes": {
                "number": self.id,
                "currency_code": currency,
                "amount_cents": self.amount_cents,
                "formatted_amount": Money(self.amount_cents, currency).major_str(),
                "succeeded": self.succeeded,
                "message": self.message,
                "created_at": iso_time(self.created_at),
            },
        }


@dataclass(slots=True)
class Order:
    id: str
    number: int
    currency: str
    reference: str | None
    language: str
    email: str | None
    created_at: float
    updated_at: float
    status: str = "draft"
    payment_status: str = "unpaid"
    total_cents: int = 0
    line_items: list[dict[str, Any]] = field(default_factory=list)
    payment_id: str | None = None
    transactions: list[Transaction] = field(default_factory=list)

    def total(self, kind: str) -> int:
        return sum(t.amount_cents for t in self.transactions if t.type == kind and t.succeeded)

    def resource(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": "orders",
            "attributes": {
                "number": self.number,
                "status": self.status,
                "payment_status": self.payment_status,
                "fulfillment_status": "unfulfilled",
                "currency_code": self.currency,
                "language_code": self.language,
                "customer_email": self.email,
                "reference": self.reference,
                "total_amount_cents": self.total_cents,
                "formatted_total_amount": Money(self.total_cents, self.currency).major_str(),
                "skus_count": len(self.line_items),
                "created_at": iso_time(self.created_at),
                "updated_at": iso_time(self.updated_at),
            },
            "relationships": {
                "payment_source": {"data": {"type": "checkout_com_payments", "id": self.payment_id}}
                if self.payment_id
                else {"data": None},
                **{
                    kind: {"data": [{"type": kind, "id": t.id} for t in self.transactions if t.type == kind]}
                    for kind in ("authorizations", "captures", "voids", "refunds")
                },
            },
            "meta": {"mode": "test"},
        }


@dataclass(slots=True)
class CheckoutComPayment:
    id: str
    order_id: str
    token: str
    redirect_uri: str
    created_at: float
    expires_at: float
    script: Script = field(default_factory=Script.manual)
    due_at: float | None = None
    due_action: Action | None = None
    payment_response: dict[str, Any] = field(default_factory=dict)
    done: bool = False

    def resource(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": "checkout_com_payments",
            "attributes": {
                "public_key": "pk_test_sandbox",
                "payment_type": "token",
                "token": self.token,
                "session_id": f"sid_{self.id}",
                "source_id": f"src_{self.id}",
                "redirect_uri": self.redirect_uri,
                "payment_response": self.payment_response,
                "mismatched_amounts": False,
                "payment_instrument": {"issuer": "cl bank", "card_type": "visa"},
                "created_at": iso_time(self.created_at),
                "updated_at": iso_time(self.created_at),
            },
            "relationships": {"order": {"data": {"type": "orders", "id": self.order_id}}},
            "meta": {"mode": "test"},
        }


class CommerceLayerState(EmulatedWorld):
    """Everything the emulated Commerce Layer knows, and the Python-level controls of the emulated world."""

    def __init__(
        self,
        client_id: str = TRAINING_CLIENT_ID,
        client_secret: str = TRAINING_CLIENT_SECRET,
        *,
        webhook_secret: str = TRAINING_WEBHOOK_SECRET,
        auto_capture: bool = False,
        clock: Clock | None = None,
        timings: EmulatorTimings | None = None,
        default_script: Script | None = None,
        seed: int | None = None,
        webhook_url: str | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(clock=clock, timings=timings, default_script=default_script, seed=seed, sleep=sleep)
        self.client_id = client_id
        self.client_secret = client_secret
        self.webhook_secret = webhook_secret
        self.auto_capture = auto_capture
        self.webhook_url = webhook_url
        self.tokens: dict[str, float] = {}
        self.tokens_issued = 0
        self.orders: dict[str, Order] = {}
        self.payments: dict[str, CheckoutComPayment] = {}
        self._numbers = 10_000

    # ------------------------------------------------------------------------------ control (Python)

    def order(self, order_id: str) -> Order:
        with self.lock:
            self.tick()
            if order_id not in self.orders:
                raise not_found("order", order_id)
            return self.orders[order_id]

    def approve(self, payment_id: str) -> Order:
        """The customer passes 3-D Secure: the order is authorized (and captured with ``auto_capture``)."""
        return self._customer(payment_id, Action.PAY)

    def decline(self, payment_id: str) -> Order:
        """The card is declined at 3-D Secure."""
        return self._customer(payment_id, Action.DECLINE)

    def revoke_tokens(self) -> None:
        """Every access token issued so far stops working (as when it expires)."""
        with self.lock:
            self.tokens.clear()

    def reset(self) -> None:
        with self.lock:
            self.orders.clear()
            self.payments.clear()
            self.tokens.clear()
            self.reset_world()

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            self.tick()
            return {
                "orders": [o.resource() for o in self.orders.values()],
                "payments": [p.resource() for p in self.payments.values()],
                "tokens_issued": self.tokens_issued,
                "auto_capture": self.auto_capture,
                "webhook_url": self.webhook_url,
            }

    def tick(self) -> None:
        with self.lock:
            now = self.clock.now()
            for payment in self.payments.values():
                if payment.done:
                    continue
                if payment.due_at is not None and payment.due_at <= now and payment.due_action is not None:
                    self._three_ds(payment, payment.due_action)
                elif payment.expires_at <= now:
                    self._three_ds(payment, Action.WALK_AWAY)

    # ------------------------------------------------------------------------------ provider operations

    def issue_token(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            if body.get("grant_type") != "client_credentials":
                raise ApiError(400, "INVALID_GRANT", "Unsupported grant type", "grant_type must be client_credentials")
            given_id, given_secret = str(body.get("client_id") or ""), str(body.get("client_secret") or "")
            id_ok = hmac.compare_digest(given_id.encode(), self.client_id.encode())
            secret_ok = hmac.compare_digest(given_secret.encode(), self.client_secret.encode())
            if not (id_ok and secret_ok):
                raise ApiError(401, "UNAUTHORIZED", "Invalid client", "Client authentication failed")
            token = "eyJ" + self.token(length=40)
            self.tokens[token] = self.clock.now() + TOKEN_LIFETIME
            self.tokens_issued += 1
            return {
                "access_token": token,
                "token_type": "bearer",
                "expires_in": TOKEN_LIFETIME,
                "scope": "market:all",
                "created_at": int(self.clock.now()),
            }

    def check_token(self, authorization: str | None) -> None:
        with self.lock:
            token = (authorization or "").removeprefix("Bearer ").strip()
            expires = self.tokens.get(token)
            if expires is None or expires <= self.clock.now():
                self.tokens.pop(token, None)
                raise ApiError(401, "INVALID_TOKEN", "Invalid token", "The access token you provided is invalid.")

    def create_order(self, data: dict[str, Any]) -> Order:
        with self.lock:
            attributes = _attributes(data, "orders")
            try:
                currency = Money.zero(str(attributes.get("currency_code") or "").upper()).currency
            except MoneyError:
                raise validation("currency_code is not supported", "currency_code") from None
            reference = attributes.get("reference")
            if reference is not None and not isinstance(reference, str):
                raise validation("reference must be a string", "reference")
            if reference and any(o.reference == reference for o in self.orders.values()):
                raise validation("reference has already been taken", "reference")
            now = self.clock.now()
            self._numbers += 1
            order = Order(
                id=self.token(length=10),
                number=self._numbers,
                currency=currency,
                reference=reference or None,
                language=str(attributes.get("language_code") or "en"),
                email=attributes.get("customer_email") if isinstance(attributes.get("customer_email"), str) else None,
                created_at=now,
                updated_at=now,
            )
            self.orders[order.id] = order
            return order

    def create_line_item(self, data: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            attributes = _attributes(data, "line_items")
            order = self._related_order(data)
            if order.status != "draft":
                raise validation("the order can no longer be changed", "order")
            quantity, cents = attributes.get("quantity"), attributes.get("unit_amount_cents")
            if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
                raise validation("quantity must be greater than 0", "quantity")
            if isinstance(cents, bool) or not isinstance(cents, int) or cents <= 0:
                raise validation("unit_amount_cents must be greater than 0", "unit_amount_cents")
            item = {
                "id": self.token(length=10),
                "type": "line_items",
                "attributes": {
                    "name": str(attributes.get("name") or ""),
                    "quantity": quantity,
                    "unit_amount_cents": cents,
                    "total_amount_cents": quantity * cents,
                    "currency_code": order.currency,
                },
            }
            order.line_items.append(item)
            order.total_cents += quantity * cents
            order.updated_at = self.clock.now()
            return item

    def create_payment(self, data: dict[str, Any], base_url: str) -> CheckoutComPayment:
        with self.lock:
            attributes = _attributes(data, "checkout_com_payments")
            if attributes.get("payment_type") != "token":
                raise validation("payment_type must be token", "payment_type")
            token = attributes.get("token")
            if not isinstance(token, str) or not token:
                raise validation("token can't be blank", "token")
            order = self._related_order(data)
            if order.total_cents <= 0:
                raise validation("the order has no amount to pay", "order")
            if order.payment_id is not None:
                raise validation("the order already has a payment source", "order")
            now = self.clock.now()
            payment_id = self.token(length=10)
            payment = CheckoutComPayment(
                id=payment_id,
                order_id=order.id,
                token=token,
                redirect_uri=f"{base_url.rstrip('/')}/3ds/{payment_id}",
                created_at=now,
                expires_at=now + self.timings.expiry,
                payment_response={"status": "Pending", "approved": False, "3ds": {"enrolled": "Y"}},
            )
            payment.script = self.scripts.take(None, fallback=self.scripts.default)
            if payment.script.action in (Action.PAY, Action.DECLINE):
                payment.due_at = now + max(0.0, payment.script.after)
                payment.due_action = payment.script.action
            self.payments[payment_id] = payment
            order.payment_id, order.status, order.updated_at = payment_id, "pending", now
            self.tick()
            return payment

    def trigger_order(self, order_id: str, data: dict[str, Any]) -> Order:
        with self.lock:
            order = self.order(order_id)
            attributes = _attributes(data, "orders")
            if attributes.get("_capture") is True:
                authorized = order.total("authorizations")
                if order.payment_status != "authorized":
                    raise validation(f"cannot capture a {order.payment_status} order", "_capture")
                self._capture(order, authorized)
            elif attributes.get("_refund") is True:
                left = order.total("captures") - order.total("refunds")
                if left <= 0:
                    raise validation(f"cannot refund a {order.payment_status} order", "_refund")
                self._refund(order, left)
            elif attributes.get("_cancel") is True:
                if order.payment_status not in ("authorized", "unpaid") or order.status == "cancelled":
                    raise validation(f"cannot cancel a {order.payment_status} order", "_cancel")
                if order.payment_status == "authorized":
                    self._transaction(order, "voids", order.total("authorizations"), True, "Voided")
                    order.payment_status = "voided"
                order.status = "cancelled"
                self._changed(order, "orders.cancel")
            else:
                raise validation("no supported trigger attribute", "_capture")
            return order

    def trigger_transaction(self, kind: str, transaction_id: str, data: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.tick()
            found = [
                (o, t)
                for o in self.orders.values()
                for t in o.transactions
                if t.id == transaction_id and t.type == kind
            ]
            if not found:
                raise not_found(kind.rstrip("s"), transaction_id)
            order, transaction = found[0]
            attributes = _attributes(data, kind)
            if kind == "authorizations" and attributes.get("_capture") is True:
                amount = _cents(attributes, "_capture_amount_cents", default=transaction.amount_cents)
                if order.payment_status != "authorized" or not transaction.succeeded:
                    raise validation(f"cannot capture a {order.payment_status} order", "_capture")
                if amount > transaction.amount_cents:
                    raise validation("amount exceeds the authorized amount", "_capture_amount_cents")
                return self._capture(order, amount).resource(order.currency)
            if kind == "authorizations" and attributes.get("_void") is True:
                return self.trigger_order(order.id, {"type": "orders", "attributes": {"_cancel": True}}).resource()
            if kind == "captures" and attributes.get("_refund") is True:
                left = order.total("captures") - order.total("refunds")
                amount = _cents(attributes, "_refund_amount_cents", default=left)
                if amount > left:
                    raise validation(f"amount exceeds the refundable amount ({left})", "_refund_amount_cents")
                return self._refund(order, amount).resource(order.currency)
            raise validation("no supported trigger attribute", "_capture")

    # ------------------------------------------------------------------------------ internals

    def _related_order(self, data: dict[str, Any]) -> Order:
        relationships = data.get("relationships")
        related = relationships.get("order") if isinstance(relationships, dict) else None
        ident = related.get("data", {}).get("id") if isinstance(related, dict) else None
        if not isinstance(ident, str) or ident not in self.orders:
            raise ApiError(422, "VALIDATION_ERROR", "must exist", "order must exist", "/data/relationships/order")
        return self.orders[ident]

    def _customer(self, payment_id: str, action: Action) -> Order:
        with self.lock:
            self.tick()
            payment = self.payments.get(payment_id)
            if payment is None:
                raise not_found("checkout_com_payment", payment_id)
            if payment.done:
                raise validation("the 3-D Secure session is over", "redirect_uri")
            self._three_ds(payment, action)
            return self.orders[payment.order_id]

    def _three_ds(self, payment: CheckoutComPayment, action: Action) -> None:
        order = self.orders[payment.order_id]
        payment.done, payment.due_at, payment.due_action = True, None, None
        if action is Action.PAY:
            payment.payment_response = {"status": "Authorized", "approved": True, "response_code": "10000"}
            self._transaction(order, "authorizations", order.total_cents, True, "Approved")
            order.status, order.payment_status = "placed", "authorized"
            if self.auto_capture:
                self._capture(order, order.total_cents)
            else:
                self._changed(order, "orders.authorize")
        else:
            text = "Declined" if action is Action.DECLINE else "3DS expired"
            payment.payment_response = {"status": "Declined", "approved": False, "response_code": "20005"}
            self._transaction(order, "authorizations", order.total_cents, False, text)
            self._changed(order, "orders.payment_failed")

    def _capture(self, order: Order, amount: int) -> Transaction:
        transaction = self._transaction(order, "captures", amount, True, "Captured")
        order.payment_status = "paid" if amount == order.total("authorizations") else "partially_paid"
        self._changed(order, "orders.capture")
        return transaction

    def _refund(self, order: Order, amount: int) -> Transaction:
        transaction = self._transaction(order, "refunds", amount, True, "Refunded")
        left = order.total("captures") - order.total("refunds")
        order.payment_status = "refunded" if left == 0 else "partially_refunded"
        self._changed(order, "orders.refund")
        return transaction

    def _transaction(self, order: Order, kind: str, amount: int, succeeded: bool, message: str) -> Transaction:
        transaction = Transaction(self.token(length=10), kind, amount, succeeded, message, self.clock.now())
        order.transactions.append(transaction)
        return transaction

    def _changed(self, order: Order, topic: str) -> None:
        order.updated_at = self.clock.now()
        if not self.webhook_url:
            return
        content = json.dumps({"data": order.resource()}).encode()
        signature = base64.b64encode(hmac.new(self.webhook_secret.encode(), content, hashlib.sha256).digest()).decode()
        self.callbacks.push(
            self.webhook_url,
            content,
            {"Content-Type": MEDIA_TYPE, "X-CommerceLayer-Topic": topic, "X-CommerceLayer-Signature": signature},
        )

    def document(self, order: Order, include: list[str]) -> dict[str, Any]:
        """The JSON:API document of ``order`` with the ``included`` resources asked for."""
        included: list[dict[str, Any]] = []
        for name in include:
            if name == "payment_source" and order.payment_id:
                included.append(self.payments[order.payment_id].resource())
            elif name in ("authorizations", "captures", "voids", "refunds"):
                included += [t.resource(order.currency) for t in order.transactions if t.type == name]
            elif name == "line_items":
                included += order.line_items
            elif name:
                raise ApiError(400, "INVALID_INCLUDE", "Invalid include", f"{name} is not a relationship of orders")
        document: dict[str, Any] = {"data": order.resource()}
        if include:
            document["included"] = included
        return document


def _attributes(data: dict[str, Any], kind: str) -> dict[str, Any]:
    if data.get("type") != kind:
        raise ApiError(409, "TYPE_MISMATCH", "Type mismatch", f"data.type must be {kind}")
    attributes = data.get("attributes", {})
    if not isinstance(attributes, dict):
        raise validation("attributes must be an object", "")
    return attributes


def _cents(attributes: dict[str, Any], key: str, *, default: int) -> int:
    value = attributes.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise validation(f"{key} must be greater than 0", key)
    return value


class CommerceLayerEmulator(CardEmulator[CommerceLayerState]):
    """The Starlette routes over one ``CommerceLayerState`` (see ``create_app``)."""

    ticker_name = "commercelayer sandbox ticker"

    async def _document(self, request: Request) -> dict[str, Any]:
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            raise ApiError(400, "BAD_REQUEST", "Bad request", "the body is not JSON") from None
        data = body.get("data") if isinstance(body, dict) else None
        if not isinstance(data, dict):
            raise ApiError(400, "BAD_REQUEST", "Bad request", "the body needs a data object")
        return data

    async def token(self, request: Request) -> Response:
        async def operation() -> Response:
            raw = await request.body()
            try:
                if "json" in request.headers.get("content-type", ""):
                    body = json.loads(raw or b"{}")
                else:
                    body = form_fields(raw)
                if not isinstance(body, dict):
                    raise ValueError
                return JSONResponse(self.state.issue_token(body))
            except ValueError:
                return ApiError(400, "BAD_REQUEST", "Bad request", "unreadable token request").response()
            except ApiError as exc:
                return exc.response()

        return await run_with_faults(self.state, "token", [None], operation)

    async def api(self, request: Request) -> Response:
        """Every ``/api`` route: media types, token, faults, then the resource operation."""
        resource, ident = request.path_params["resource"], request.path_params.get("id")
        try:
            if MEDIA_TYPE not in request.headers.get("accept", ""):
                raise ApiError(406, "NOT_ACCEPTABLE", "Not acceptable", f"Accept must be {MEDIA_TYPE}")
            if (
                request.method in ("POST", "PATCH")
                and request.headers.get("content-type", "").split(";")[0] != MEDIA_TYPE
            ):
                raise ApiError(
                    415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", f"Content-Type must be {MEDIA_TYPE}"
                )
            self.state.check_token(request.headers.get("authorization"))
        except ApiError as exc:
            return exc.response()
        endpoint = f"{request.method} {resource}"

        async def operation() -> Response:
            try:
                status_code, document = await self._operate(request, resource, ident)
            except ApiError as exc:
                return exc.response()
            return JSONResponse(document, status_code=status_code, media_type=MEDIA_TYPE)

        return self._with_callbacks(await run_with_faults(self.state, endpoint, [ident], operation))

    async def _operate(self, request: Request, resource: str, ident: str | None) -> tuple[int, dict[str, Any]]:
        state, method = self.state, request.method
        include = [i for i in request.query_params.get("include", "").split(",") if i]
        if resource == "orders" and method == "POST" and ident is None:
            order = state.create_order(await self._document(request))
            return 201, {"data": order.resource()}
        if resource == "orders" and method == "GET" and ident:
            return 200, state.document(state.order(ident), include)
        if resource == "orders" and method == "PATCH" and ident:
            order = state.trigger_order(ident, await self._document(request))
            return 200, state.document(order, include)
        if resource == "line_items" and method == "POST" and ident is None:
            return 201, {"data": state.create_line_item(await self._document(request))}
        if resource == "checkout_com_payments" and method == "POST" and ident is None:
            return 201, {"data": state.create_payment(await self._document(request), mount_url(request)).resource()}
        if resource == "checkout_com_payments" and method == "GET" and ident:
            with state.lock:
                state.tick()
                if ident not in state.payments:
                    raise not_found("checkout_com_payment", ident)
                return 200, {"data": state.payments[ident].resource()}
        if resource in ("authorizations", "captures") and method == "PATCH" and ident:
            return 200, {"data": state.trigger_transaction(resource, ident, await self._document(request))}
        raise ApiError(404, "RECORD_NOT_FOUND", "Not found", f"no route {method} /api/{resource}")

    async def three_ds(self, request: Request) -> Response:
        payment_id = request.path_params["payment_id"]
        payment = self.state.payments.get(payment_id)
        if payment is None:
            return HTMLResponse("<h1>Session not found</h1>", status_code=404)
        error, status_code = "", 200
        if request.method == "POST":
            action = form_fields(await request.body()).get("action", "pay")
            try:
                if action == "decline":
                    self.state.decline(payment_id)
                else:
                    self.state.approve(payment_id)
            except ApiError as exc:
                error, status_code = exc.detail, 400
        order = self.state.order(payment.order_id)
        html_page = card_page(
            brand="checkout.com 3-D Secure",
            lang=order.language,
            reason=order.reference or f"#{order.number}",
            amount=Money(order.total_cents, order.currency).major_str(),
            currency=order.currency,
            action_url=None if payment.done else str(request.url),
            status=str(payment.payment_response.get("status", "")).upper(),
            error=error,
            challenge=True,
        )
        return self._with_callbacks(HTMLResponse(html_page, status_code=status_code))

    async def control(self, request: Request) -> Response:
        """``/_sandbox/``: ``GET state``, ``GET orders/{id}``, ``POST payments/{id}/approve|decline``,
        ``POST tokens/revoke``, ``PUT auto_capture`` (``{"on"}``), ``PUT webhook`` (``{"url"}``),
        ``POST reset`` and the shared controls of ``customer.common_control``."""
        state = self.state
        path = request.path_params["path"].strip("/")
        method = request.method
        try:
            raw = await request.body() if method in ("POST", "PUT") else b""
            body = json.loads(raw or b"{}")
            if not isinstance(body, dict):
                raise ValueError("the body is not an object")
            parts = path.split("/")
            result: Any = common_control(state, method, path, body)
            if result is NOT_HANDLED:
                if path == "state" and method == "GET":
                    result = state.snapshot()
                elif parts[0] == "orders" and len(parts) == 2 and method == "GET":
                    result = state.document(state.order(parts[1]), ["payment_source", "authorizations", "captures"])
                elif (
                    parts[0] == "payments"
                    and len(parts) == 3
                    and method == "POST"
                    and parts[2] in ("approve", "decline")
                ):
                    order = state.approve(parts[1]) if parts[2] == "approve" else state.decline(parts[1])
                    result = {"data": order.resource()}
                elif path == "tokens/revoke" and method == "POST":
                    state.revoke_tokens()
                    result = {"ok": True}
                elif path == "auto_capture" and method == "PUT":
                    state.auto_capture = bool(body.get("on"))
                    result = {"ok": True}
                elif path == "webhook" and method == "PUT":
                    state.webhook_url = body.get("url") or None
                    result = {"ok": True}
                elif path == "reset" and method == "POST":
                    state.reset()
                    result = {"ok": True}
                else:
                    raise ControlError(404, f"no control {method} /_sandbox/{path}")
        except (ApiError, ControlError) as exc:
            return JSONResponse({"error": exc.message}, status_code=exc.status_code)
        except (ValueError, KeyError, TypeError) as exc:
            return JSONResponse({"error": f"bad request: {exc}"}, status_code=400)
        return self._with_callbacks(JSONResponse(result))


def create_app(
    state: CommerceLayerState | None = None, *, callback_client: httpx.AsyncClient | None = None
) -> Starlette:
    """The emulator as an ASGI app; ``app.state.sandbox`` is the ``CommerceLayerState``."""
    state = state or CommerceLayerState()
    emulator = CommerceLayerEmulator(state, callback_client)

    routes = [
        Route("/oauth/token", emulator.token, methods=["POST"]),
        Route("/api/{resource}", emulator.api, methods=["GET", "POST"]),
        Route("/api/{resource}/{id}", emulator.api, methods=["GET", "PATCH"]),
        Route("/3ds/{payment_id}", emulator.three_ds, methods=["GET", "POST"]),
    ]
    return emulator_app(state, emulator, routes)
