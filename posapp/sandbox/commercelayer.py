"""Emulator of Commerce Layer with checkout.com payments (JSON:API), for tests, benchmarks and training mode.

``create_app(state)`` serves:

==========================================  ==========================================================
``POST /oauth/token``                       client credentials (JSON or form; ``scope`` optional) →
                                            ``{access_token, token_type: "bearer", expires_in: 7200,
                                            scope, created_at}``, ``created_at`` the Unix time of issue
``POST /api/orders``                        ``{currency_code, reference?, language_code?,
                                            customer_email?}``
``POST /api/line_items``                    ``{quantity, name, unit_amount_cents}`` + ``order``
                                            relationship
``POST /api/checkout_com_payments``         ``{payment_type, token}`` + ``order`` → 201 with
                                            ``redirect_uri``
``GET /api/{type}/{id}``                    every type emulated (below)
``GET /api/{type}/{id}/{relationship}``     the related resource (to-one: ``data`` a resource or
                                            ``null``; to-many: a list with ``meta.record_count``)
``GET /api/{type}/{id}/relationships/{r}``  the relationship itself: ``links`` and identifiers
``PATCH /api/orders/{id}``                  triggers ``_capture``, ``_refund``, ``_cancel`` (all
                                            ``true``)
``PATCH /api/authorizations/{id}``          ``_capture`` with ``_capture_amount_cents`` (partial),
                                            ``_void``
``PATCH /api/captures/{id}``                ``_refund`` with ``_refund_amount_cents`` (partial)
``GET|POST /3ds/{payment_id}``              the emulated 3-D Secure page (the ``redirect_uri``)
``/_sandbox/...``                           control API
==========================================  ==========================================================

The types and their relationships (as Commerce Layer names them):

=========================  ================================================================================
``orders``                 ``line_items``, ``payment_source`` (a ``checkout_com_payments``),
                           ``authorizations``, ``captures``, ``voids``, ``refunds``
``line_items``             ``order``
``checkout_com_payments``  ``order``
``authorizations``         ``order``, ``captures``, ``voids``
``captures``               ``order``, ``reference_authorization``, ``refunds``
``voids``                  ``order``, ``reference_authorization``
``refunds``                ``order``, ``reference_capture``
=========================  ================================================================================

JSON:API 1.0 as Commerce Layer applies it: every resource carries ``links.self``; every relationship
carries ``links.self`` (``/api/{type}/{id}/relationships/{name}``) and ``links.related``
(``/api/{type}/{id}/{name}``), and ``data`` only when the relationship is included (``?include=a,b.c``
on any read or write, answered with an ``included`` array) or asked for on its own route. An include
that is not a relationship is 400 ``INVALID_INCLUDE``.

Every ``/api`` request needs ``Accept: application/vnd.api+json`` (else 406) and, with a body,
``Content-Type: application/vnd.api+json`` (else 415), and a live Bearer token (else 401
``INVALID_TOKEN``). Errors, an unknown route's 404 and a wrong method's 405 included, are JSON:API
``{"errors": [{"title", "detail", "code", "status", "source": {"pointer"}}]}`` with the JSON:API media
type. Timestamps are the current UTC time as Commerce Layer writes them, ``2026-12-01T09:30:05.123Z``
(``state.clock``).

The access token is a signed JWT (HMAC-SHA512 with the emulator's own key, ``state.signing_key``; its
``kid`` names that key) whose payload has the claims of a Commerce Layer integration token, as its
documents and its official auth library (``jwtDecode``) show them::

    {"organization": {"id", "slug", "enterprise": false, "region"},
     "application": {"id", "client_id", "kind": "integration", "public": false, "confidential": true},
     "scope": "market:all", "exp", "iat", "test": true, "rand", "iss": "https://auth.commercelayer.io",
     "market": {"id": [...], "stock_location_ids": [], "geocoder_id": null,
                "allows_external_prices": false}}

(``market`` only when the request asked for a ``market:id:...`` scope). ``iss`` is
``state.issuer``, Commerce Layer's own by default, so a client that derives the organization's
endpoint from the token (the official SDK does) finds it where Commerce Layer puts it: point that name
at the sandbox, as with every other call.

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
a transaction's trigger                answers the transaction patched (``PATCH
                                       /api/authorizations/{id}`` the authorization)
token lifetime                         ``expires_in`` 7200 s on ``state.clock`` (the JWT's ``exp``);
                                       ``revoke_tokens()`` expires them all early (the client must
                                       fetch a new one)
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
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
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
TRAINING_ORGANIZATION_SLUG = "posapp-training"
COMMERCE_LAYER_ISSUER = "https://auth.commercelayer.io"
MEDIA_TYPE = "application/vnd.api+json"
TOKEN_LIFETIME = 7200
TRANSACTION_KINDS = ("authorizations", "captures", "voids", "refunds")
# Each emulated type's relationships: name → (to-many?, the type it leads to).
RELATIONSHIPS: dict[str, dict[str, tuple[bool, str]]] = {
    "orders": {
        "line_items": (True, "line_items"),
        "payment_source": (False, "checkout_com_payments"),
        "authorizations": (True, "authorizations"),
        "captures": (True, "captures"),
        "voids": (True, "voids"),
        "refunds": (True, "refunds"),
    },
    "line_items": {"order": (False, "orders")},
    "checkout_com_payments": {"order": (False, "orders")},
    "authorizations": {"order": (False, "orders"), "captures": (True, "captures"), "voids": (True, "voids")},
    "captures": {
        "order": (False, "orders"),
        "reference_authorization": (False, "authorizations"),
        "refunds": (True, "refunds"),
    },
    "voids": {"order": (False, "orders"), "reference_authorization": (False, "authorizations")},
    "refunds": {"order": (False, "orders"), "reference_capture": (False, "captures")},
}
SINGULAR = {
    "orders": "order",
    "line_items": "line_item",
    "checkout_com_payments": "checkout_com_payment",
    "authorizations": "authorization",
    "captures": "capture",
    "voids": "void",
    "refunds": "refund",
}
MARKET_ID_SCOPE = re.compile(r"^market:id:([A-Za-z0-9_-]+)$")


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


def no_route(method: str, path: str) -> ApiError:
    return ApiError(404, "NOT_FOUND", "Not found", f"No route matches {method} {path}")


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_jwt(claims: dict[str, Any], key: bytes, kid: str) -> str:
    """A compact JWS (RFC 7515) of ``claims``, signed with HMAC-SHA512 (``HS512``)."""
    header = {"alg": "HS512", "typ": "JWT", "kid": kid}
    signing_input = ".".join(_b64url(json.dumps(part, separators=(",", ":")).encode()) for part in (header, claims))
    signature = hmac.new(key, signing_input.encode("ascii"), hashlib.sha512).digest()
    return f"{signing_input}.{_b64url(signature)}"


def verified_claims(token: str, key: bytes) -> dict[str, Any] | None:
    """The claims of ``token`` if it is an HS512 JWT signed with ``key``, else ``None``."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        header = json.loads(_b64url_decode(parts[0]))
        expected = hmac.new(key, f"{parts[0]}.{parts[1]}".encode("ascii"), hashlib.sha512).digest()
        if not isinstance(header, dict) or header.get("alg") != "HS512":
            return None
        if not hmac.compare_digest(_b64url_decode(parts[2]), expected):
            return None
        claims = json.loads(_b64url_decode(parts[1]))
    except (ValueError, UnicodeError):
        return None
    return claims if isinstance(claims, dict) else None


@dataclass(slots=True)
class Transaction:
    id: str
    type: str  # authorizations / captures / voids / refunds
    order_id: str
    amount_cents: int
    succeeded: bool
    message: str
    created_at: datetime

    def attributes(self, currency: str) -> dict[str, Any]:
        return {
            "number": self.id,
            "currency_code": currency,
            "amount_cents": self.amount_cents,
            "formatted_amount": Money(self.amount_cents, currency).major_str(),
            "succeeded": self.succeeded,
            "message": self.message,
            "created_at": iso_time(self.created_at),
            "updated_at": iso_time(self.created_at),
        }


@dataclass(slots=True)
class LineItem:
    id: str
    order_id: str
    name: str
    quantity: int
    unit_amount_cents: int
    currency: str
    created_at: datetime

    def attributes(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "quantity": self.quantity,
            "currency_code": self.currency,
            "unit_amount_cents": self.unit_amount_cents,
            "total_amount_cents": self.quantity * self.unit_amount_cents,
            "formatted_total_amount": Money(self.quantity * self.unit_amount_cents, self.currency).major_str(),
            "item_type": None,
            "created_at": iso_time(self.created_at),
            "updated_at": iso_time(self.created_at),
        }


@dataclass(slots=True)
class Order:
    id: str
    number: int
    currency: str
    reference: str | None
    language: str
    email: str | None
    created_at: datetime
    updated_at: datetime
    status: str = "draft"
    payment_status: str = "unpaid"
    total_cents: int = 0
    line_items: list[LineItem] = field(default_factory=list)
    payment_id: str | None = None
    transactions: list[Transaction] = field(default_factory=list)

    def total(self, kind: str) -> int:
        return sum(t.amount_cents for t in self.transactions if t.type == kind and t.succeeded)

    def first_succeeded(self, kind: str) -> Transaction | None:
        return next((t for t in self.transactions if t.type == kind and t.succeeded), None)

    def attributes(self) -> dict[str, Any]:
        return {
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
        }


@dataclass(slots=True)
class CheckoutComPayment:
    id: str
    order_id: str
    token: str
    redirect_uri: str
    created_at: datetime
    updated_at: datetime
    expires_at: float
    script: Script = field(default_factory=Script.manual)
    due_at: float | None = None
    due_action: Action | None = None
    payment_response: dict[str, Any] = field(default_factory=dict)
    done: bool = False
    reference: str | None = None

    def attributes(self) -> dict[str, Any]:
        return {
            "public_key": "pk_test_sandbox",
            "payment_type": "token",
            "token": self.token,
            "session_id": f"sid_{self.id}",
            "source_id": f"src_{self.id}",
            "redirect_uri": self.redirect_uri,
            "payment_response": self.payment_response,
            "mismatched_amounts": False,
            "payment_instrument": {"issuer": "cl bank", "card_type": "visa"},
            "reference": self.reference,
            "created_at": iso_time(self.created_at),
            "updated_at": iso_time(self.updated_at),
        }


Record = Order | LineItem | CheckoutComPayment | Transaction


def _kind_of(record: Record) -> str:
    if isinstance(record, Order):
        return "orders"
    if isinstance(record, LineItem):
        return "line_items"
    if isinstance(record, CheckoutComPayment):
        return "checkout_com_payments"
    return record.type


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
        organization_slug: str = TRAINING_ORGANIZATION_SLUG,
        issuer: str = COMMERCE_LAYER_ISSUER,
    ) -> None:
        super().__init__(clock=clock, timings=timings, default_script=default_script, seed=seed, sleep=sleep)
        self.client_id = client_id
        self.client_secret = client_secret
        self.webhook_secret = webhook_secret
        self.auto_capture = auto_capture
        self.webhook_url = webhook_url
        self.organization_slug = organization_slug
        self.issuer = issuer
        # Ids of the emulated organization and application, stable for one set of credentials.
        self.organization_id = _stable_id("organization", client_id)
        self.application_id = _stable_id("application", client_id)
        # The key the access tokens are signed with: the emulator's own, never a merchant's secret.
        self.signing_key = secrets.token_bytes(32)
        self.signing_key_id = hashlib.sha256(self.signing_key).hexdigest()[:16]
        # Where the emulator answers (recorded from each request): the base of every JSON:API link.
        self.base_url = ""
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
                # The control API's view: every resource with its relationships' linkage (the training
                # phone follows a payment to its order).
                "orders": [self.resource(o, RELATIONSHIPS["orders"]) for o in self.orders.values()],
                "payments": [self.resource(p, ("order",)) for p in self.payments.values()],
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

    # ------------------------------------------------------------------------------ tokens

    def issue_token(self, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            if body.get("grant_type") != "client_credentials":
                raise ApiError(400, "INVALID_GRANT", "Unsupported grant type", "grant_type must be client_credentials")
            given_id, given_secret = str(body.get("client_id") or ""), str(body.get("client_secret") or "")
            id_ok = hmac.compare_digest(given_id.encode(), self.client_id.encode())
            secret_ok = hmac.compare_digest(given_secret.encode(), self.client_secret.encode())
            if not (id_ok and secret_ok):
                raise ApiError(401, "UNAUTHORIZED", "Invalid client", "Client authentication failed")
            scope = body.get("scope") or "market:all"
            if not isinstance(scope, str):
                raise ApiError(400, "INVALID_SCOPE", "Invalid scope", "scope must be a string")
            issued_at = int(self.clock.utc().timestamp())
            claims: dict[str, Any] = {
                "organization": {
                    "id": self.organization_id,
                    "slug": self.organization_slug,
                    "enterprise": False,
                    "region": "eu-west-1",
                },
                "application": {
                    "id": self.application_id,
                    "client_id": self.client_id,
                    "kind": "integration",
                    "public": False,
                    "confidential": True,
                },
                "scope": scope,
                "exp": issued_at + TOKEN_LIFETIME,
                "test": True,
                "rand": _RAND.random(),
                "iat": issued_at,
                "iss": self.issuer,
            }
            markets = [m.group(1) for m in map(MARKET_ID_SCOPE.match, scope.split()) if m]
            if markets:
                claims["market"] = {
                    "id": markets,
                    "stock_location_ids": [],
                    "geocoder_id": None,
                    "allows_external_prices": False,
                }
            token = sign_jwt(claims, self.signing_key, self.signing_key_id)
            self.tokens[token] = self.clock.now() + TOKEN_LIFETIME
            self.tokens_issued += 1
            return {
                "access_token": token,
                "token_type": "bearer",
                "expires_in": TOKEN_LIFETIME,
                "scope": scope,
                "created_at": issued_at,
            }

    def check_token(self, authorization: str | None) -> None:
        with self.lock:
            token = (authorization or "").removeprefix("Bearer ").strip()
            expires = self.tokens.get(token)
            if expires is None or expires <= self.clock.now() or verified_claims(token, self.signing_key) is None:
                self.tokens.pop(token, None)
                raise ApiError(401, "INVALID_TOKEN", "Invalid token", "The access token you provided is invalid.")

    # ------------------------------------------------------------------------------ JSON:API documents

    def find(self, kind: str, ident: str) -> Record:
        """The record ``ident`` of type ``kind`` (404 ``RECORD_NOT_FOUND`` when there is none)."""
        with self.lock:
            self.tick()
            record: Record | None = None
            if kind == "orders":
                record = self.orders.get(ident)
            elif kind == "checkout_com_payments":
                record = self.payments.get(ident)
            elif kind == "line_items":
                record = next((i for o in self.orders.values() for i in o.line_items if i.id == ident), None)
            elif kind in TRANSACTION_KINDS:
                record = next(
                    (t for o in self.orders.values() for t in o.transactions if t.id == ident and t.type == kind),
                    None,
                )
            if record is None:
                raise not_found(SINGULAR.get(kind, kind), ident)
            return record

    def related(self, record: Record, name: str) -> list[Record]:
        """What ``record``'s relationship ``name`` leads to (a to-one relationship: at most one)."""
        if isinstance(record, Order):
            if name == "line_items":
                return list(record.line_items)
            if name == "payment_source":
                return [self.payments[record.payment_id]] if record.payment_id else []
            return [t for t in record.transactions if t.type == name]
        order = self.orders[record.order_id]
        if name == "order":
            return [order]
        if isinstance(record, Transaction):
            authorization = order.first_succeeded("authorizations")
            if name == "reference_authorization":
                return [authorization] if authorization else []
            if name == "reference_capture":
                capture = order.first_succeeded("captures")
                return [capture] if capture else []
            if record.type == "authorizations" and record is authorization:
                return [t for t in order.transactions if t.type == name]
            if record.type == "captures" and record is order.first_succeeded("captures"):
                return [t for t in order.transactions if t.type == name]
        return []

    def _link(self, record: Record) -> str:
        return f"{self.base_url}/api/{_kind_of(record)}/{record.id}"

    def linkage(self, record: Record, name: str) -> dict[str, str] | list[dict[str, str]] | None:
        """The resource identifiers of ``record``'s relationship ``name`` (JSON:API "resource linkage")."""
        to_many, _ = RELATIONSHIPS[_kind_of(record)][name]
        identifiers = [{"type": _kind_of(r), "id": r.id} for r in self.related(record, name)]
        if to_many:
            return identifiers
        return identifiers[0] if identifiers else None

    def relationship_links(self, record: Record, name: str) -> dict[str, str]:
        return {"self": f"{self._link(record)}/relationships/{name}", "related": f"{self._link(record)}/{name}"}

    def resource(self, record: Record, with_data: Iterable[str] = ()) -> dict[str, Any]:
        """``record`` as a JSON:API resource object; the relationships in ``with_data`` carry their data."""
        kind, shown = _kind_of(record), set(with_data)
        relationships: dict[str, Any] = {}
        for name in RELATIONSHIPS[kind]:
            relationship: dict[str, Any] = {"links": self.relationship_links(record, name)}
            if name in shown:
                relationship["data"] = self.linkage(record, name)
            relationships[name] = relationship
        if isinstance(record, Transaction):
            attributes = record.attributes(self.orders[record.order_id].currency)
        else:
            attributes = record.attributes()
        return {
            "id": record.id,
            "type": kind,
            "links": {"self": self._link(record)},
            "attributes": attributes,
            "relationships": relationships,
            "meta": {"mode": "test", "organization_id": self.organization_id},
        }

    def document(self, primary: Record | list[Record] | None, include: Iterable[str] = ()) -> dict[str, Any]:
        """The JSON:API document of ``primary`` with the ``included`` resources of the ``include`` paths."""
        with self.lock:
            roots = primary if isinstance(primary, list) else [] if primary is None else [primary]
            paths = [path.split(".") for path in include if path]
            for path in paths:
                self._check_include(_kind_of(roots[0]) if roots else "", path)
            with_data: dict[tuple[str, str], set[str]] = {}
            included: dict[tuple[str, str], Record] = {}
            for path in paths:
                frontier = roots
                for name in path:
                    reached: list[Record] = []
                    for record in frontier:
                        with_data.setdefault((_kind_of(record), record.id), set()).add(name)
                        reached += self.related(record, name)
                    for record in reached:
                        included.setdefault((_kind_of(record), record.id), record)
                    frontier = reached
            root_keys = {(_kind_of(r), r.id) for r in roots}

            def shown(record: Record) -> dict[str, Any]:
                return self.resource(record, with_data.get((_kind_of(record), record.id), ()))

            data: Any = [shown(r) for r in roots] if isinstance(primary, list) else (shown(roots[0]) if roots else None)
            document: dict[str, Any] = {"data": data}
            if isinstance(primary, list):
                document["meta"] = {"record_count": len(roots), "page_count": 1}
            if paths:
                document["included"] = [shown(r) for key, r in included.items() if key not in root_keys]
            return document

    @staticmethod
    def _check_include(kind: str, path: list[str]) -> None:
        for name in path:
            if not kind:
                return  # nothing to include from: no type to check against
            if name not in RELATIONSHIPS[kind]:
                detail = f"{name} is not a valid includable relationship of {kind}"
                raise ApiError(400, "INVALID_INCLUDE", "Invalid include", detail)
            kind = RELATIONSHIPS[kind][name][1]

    def related_document(self, kind: str, ident: str, name: str, include: Iterable[str]) -> dict[str, Any]:
        """``GET /api/{kind}/{ident}/{name}``: the related resource(s) as primary data."""
        with self.lock:
            record = self.find(kind, ident)
            if name not in RELATIONSHIPS[kind]:
                raise no_route("GET", f"/api/{kind}/{ident}/{name}")
            to_many, _ = RELATIONSHIPS[kind][name]
            targets = self.related(record, name)
            if to_many:
                return self.document(targets, include)
            return self.document(targets[0] if targets else None, include)

    def relationship_document(self, kind: str, ident: str, name: str) -> dict[str, Any]:
        """``GET /api/{kind}/{ident}/relationships/{name}``: the relationship's links and identifiers."""
        with self.lock:
            record = self.find(kind, ident)
            if name not in RELATIONSHIPS[kind]:
                raise no_route("GET", f"/api/{kind}/{ident}/relationships/{name}")
            return {"links": self.relationship_links(record, name), "data": self.linkage(record, name)}

    # ------------------------------------------------------------------------------ provider operations

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
            now = self.clock.utc()
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

    def create_line_item(self, data: dict[str, Any]) -> LineItem:
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
            now = self.clock.utc()
            item = LineItem(
                id=self.token(length=10),
                order_id=order.id,
                name=str(attributes.get("name") or ""),
                quantity=quantity,
                unit_amount_cents=cents,
                currency=order.currency,
                created_at=now,
            )
            order.line_items.append(item)
            order.total_cents += quantity * cents
            order.updated_at = now
            return item

    def create_payment(self, data: dict[str, Any], base_url: str) -> CheckoutComPayment:
        with self.lock:
            attributes = _attributes(data, "checkout_com_payments")
            if attributes.get("payment_type") != "token":
                raise validation("payment_type must be token", "payment_type")
            token = attributes.get("token")
            if not isinstance(token, str) or not token:
                raise validation("token can't be blank", "token")
            reference = attributes.get("reference")
            if reference is not None and not isinstance(reference, str):
                raise validation("reference must be a string", "reference")
            order = self._related_order(data)
            if order.total_cents <= 0:
                raise validation("the order has no amount to pay", "order")
            if order.payment_id is not None:
                raise validation("the order already has a payment source", "order")
            now, moment = self.clock.now(), self.clock.utc()
            payment_id = self.token(length=10)
            payment = CheckoutComPayment(
                id=payment_id,
                order_id=order.id,
                token=token,
                redirect_uri=f"{base_url.rstrip('/')}/3ds/{payment_id}",
                created_at=moment,
                updated_at=moment,
                expires_at=now + self.timings.expiry,
                payment_response={"status": "Pending", "approved": False, "3ds": {"enrolled": "Y"}},
                reference=reference or None,
            )
            payment.script = self.scripts.take(None, fallback=self.scripts.default)
            if payment.script.action in (Action.PAY, Action.DECLINE):
                payment.due_at = now + max(0.0, payment.script.after)
                payment.due_action = payment.script.action
            self.payments[payment_id] = payment
            order.payment_id, order.status, order.updated_at = payment_id, "pending", moment
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

    def trigger_transaction(self, kind: str, transaction_id: str, data: dict[str, Any]) -> Transaction:
        """A transaction's trigger; answers the transaction patched (JSON:API: the resource updated)."""
        with self.lock:
            record = self.find(kind, transaction_id)
            assert isinstance(record, Transaction)
            order = self.orders[record.order_id]
            attributes = _attributes(data, kind)
            if kind == "authorizations" and attributes.get("_capture") is True:
                amount = _cents(attributes, "_capture_amount_cents", default=record.amount_cents)
                if order.payment_status != "authorized" or not record.succeeded:
                    raise validation(f"cannot capture a {order.payment_status} order", "_capture")
                if amount > record.amount_cents:
                    raise validation("amount exceeds the authorized amount", "_capture_amount_cents")
                self._capture(order, amount)
                return record
            if kind == "authorizations" and attributes.get("_void") is True:
                self.trigger_order(order.id, {"type": "orders", "attributes": {"_cancel": True}})
                return record
            if kind == "captures" and attributes.get("_refund") is True:
                left = order.total("captures") - order.total("refunds")
                amount = _cents(attributes, "_refund_amount_cents", default=left)
                if amount > left:
                    raise validation(f"amount exceeds the refundable amount ({left})", "_refund_amount_cents")
                self._refund(order, amount)
                return record
            raise validation("no supported trigger attribute", "_capture")

    # ------------------------------------------------------------------------------ internals

    def _related_order(self, data: dict[str, Any]) -> Order:
        relationships = data.get("relationships")
        related = relationships.get("order") if isinstance(relationships, dict) else None
        linkage = related.get("data") if isinstance(related, dict) else None
        ident = linkage.get("id") if isinstance(linkage, dict) else None
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
        payment.updated_at = self.clock.utc()
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
        transaction = Transaction(self.token(length=10), kind, order.id, amount, succeeded, message, self.clock.utc())
        order.transactions.append(transaction)
        return transaction

    def _changed(self, order: Order, topic: str) -> None:
        order.updated_at = self.clock.utc()
        if not self.webhook_url:
            return
        content = json.dumps(self.document(order)).encode()
        signature = base64.b64encode(hmac.new(self.webhook_secret.encode(), content, hashlib.sha256).digest()).decode()
        self.callbacks.push(
            self.webhook_url,
            content,
            {"Content-Type": MEDIA_TYPE, "X-CommerceLayer-Topic": topic, "X-CommerceLayer-Signature": signature},
        )


# ``rand`` of a token: random, but not drawn from the seeded generator (a token fetch would shift every
# reproducible id after it).
_RAND = secrets.SystemRandom()


def _stable_id(purpose: str, client_id: str) -> str:
    """A Commerce Layer-like id (10 letters and digits) derived from ``client_id``: the same every run."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    digest = hashlib.sha256(f"{purpose}:{client_id}".encode()).digest()
    return "".join(alphabet[b % len(alphabet)] for b in digest[:10])


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
        self.state.base_url = mount_url(request)
        parts = [p for p in request.path_params["path"].split("/") if p]
        resource = parts[0] if parts else ""
        ident = parts[1] if len(parts) > 1 else None
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
                status_code, document = await self._operate(request, parts)
            except ApiError as exc:
                return exc.response()
            return JSONResponse(document, status_code=status_code, media_type=MEDIA_TYPE)

        return self._with_callbacks(await run_with_faults(self.state, endpoint, [ident], operation))

    async def _operate(self, request: Request, parts: list[str]) -> tuple[int, dict[str, Any]]:
        state, method, path = self.state, request.method, request.url.path
        include = [i for i in request.query_params.get("include", "").split(",") if i]
        resource = parts[0] if parts else ""
        if resource not in RELATIONSHIPS or len(parts) > 4 or (len(parts) == 4 and parts[2] != "relationships"):
            raise no_route(method, path)
        allowed = {
            1: {"orders": "POST", "line_items": "POST", "checkout_com_payments": "POST"}.get(resource, ""),
            2: "GET PATCH" if resource in ("orders", "authorizations", "captures") else "GET",
            3: "GET",
            4: "GET",
        }[len(parts)]
        if method not in allowed.split():
            raise ApiError(405, "METHOD_NOT_ALLOWED", "Method not allowed", f"{method} is not allowed on {path}")
        if len(parts) == 1:
            created: Record
            if resource == "orders":
                created = state.create_order(await self._document(request))
            elif resource == "line_items":
                created = state.create_line_item(await self._document(request))
            else:
                created = state.create_payment(await self._document(request), mount_url(request))
            return 201, state.document(created, include)
        ident = parts[1]
        if len(parts) == 3:
            return 200, state.related_document(resource, ident, parts[2], include)
        if len(parts) == 4:
            return 200, state.relationship_document(resource, ident, parts[3])
        if method == "GET":
            return 200, state.document(state.find(resource, ident), include)
        data = await self._document(request)
        if data.get("id") not in (None, ident):
            raise ApiError(409, "KEY_ORDER_MISMATCH", "Key mismatch", f"data.id must be {ident}", "/data/id")
        patched: Record
        if resource == "orders":
            patched = state.trigger_order(ident, data)
        else:
            patched = state.trigger_transaction(resource, ident, data)
        return 200, state.document(patched, include)

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
                    result = state.document(order)
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
        Route("/api/{path:path}", emulator.api, methods=["GET", "POST", "PATCH", "PUT", "DELETE"]),
        Route("/3ds/{payment_id}", emulator.three_ds, methods=["GET", "POST"]),
    ]
    return emulator_app(state, emulator, routes, exception_handlers={HTTPException: _jsonapi_http_error})


async def _jsonapi_http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 (no route) and 405 (wrong method) as JSON:API errors, like every other error."""
    status_code = exc.status_code if isinstance(exc, HTTPException) else 500
    if status_code == 404:
        return no_route(request.method, request.url.path).response()
    if status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
        return ApiError(405, "METHOD_NOT_ALLOWED", "Method not allowed", detail).response()
    return ApiError(status_code, "ERROR", "Error", str(getattr(exc, "detail", ""))).response()
