"""The Commerce Layer emulator as its official clients see it: a real JWT, JSON:API links, includes, errors.

What the clients expect is read from Commerce Layer's own libraries: ``@commercelayer/js-auth``
(``jwtDecode`` splits the token in three and JSON-parses the base64url header and payload;
``getCoreApiBaseEndpoint`` takes ``organization.slug`` and ``iss``; ``authenticate`` reads
``expires_in``/``created_at``) and ``@commercelayer/sdk`` (its ``extractTokenData``/``isTokenExpired``
read ``organization.slug`` and ``exp`` to refresh an expired token; its denormalizer reads a
relationship's ``data`` and ``included``; related resources are fetched at ``{type}/{id}/{relationship}``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from posapp.sandbox.commercelayer import (
    MEDIA_TYPE,
    TRAINING_CLIENT_ID,
    TRAINING_CLIENT_SECRET,
    CommerceLayerState,
    create_app,
)
from posapp.sandbox.customer import ManualClock

BASE_URL = "http://commercelayer.test"
CREDENTIALS = {
    "grant_type": "client_credentials",
    "client_id": TRAINING_CLIENT_ID,
    "client_secret": TRAINING_CLIENT_SECRET,
}


def decode_segment(segment: str) -> dict[str, Any]:
    """What ``jwtDecode`` does with a segment: base64url, then JSON."""
    decoded = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    assert isinstance(decoded, dict)
    return decoded


class Api:
    """An integration as the SDK makes its calls: JSON:API media types and a Bearer token."""

    def __init__(self, http: httpx.AsyncClient, token: str) -> None:
        self.http = http
        self.headers = {"Accept": MEDIA_TYPE, "Content-Type": MEDIA_TYPE, "Authorization": f"Bearer {token}"}

    async def send(self, method: str, path: str, data: dict[str, Any] | None = None) -> httpx.Response:
        content = None if data is None else json.dumps({"data": data}).encode()
        return await self.http.request(method, path, content=content, headers=self.headers)

    async def ok(self, method: str, path: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        answer = await self.send(method, path, data)
        assert answer.status_code in (200, 201), answer.text
        assert answer.headers["content-type"] == MEDIA_TYPE
        document = answer.json()
        assert isinstance(document, dict)
        return document


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def state(clock: ManualClock) -> CommerceLayerState:
    return CommerceLayerState(clock=clock, seed=8)


@pytest.fixture
async def http(state: CommerceLayerState) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(state)), base_url=BASE_URL) as client:
        yield client


async def token_of(http: httpx.AsyncClient, **extra: str) -> dict[str, Any]:
    answer = await http.post("/oauth/token", json={**CREDENTIALS, **extra})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert isinstance(body, dict)
    return body


async def sale(api: Api) -> tuple[str, str]:
    """An order of one line, with its checkout.com payment: (order id, payment id)."""
    order = await api.ok("POST", "/api/orders", {"type": "orders", "attributes": {"currency_code": "EUR"}})
    order_id = order["data"]["id"]
    linkage = {"order": {"data": {"type": "orders", "id": order_id}}}
    line = {"quantity": 2, "name": "Shoes", "unit_amount_cents": 1250}
    await api.ok("POST", "/api/line_items", {"type": "line_items", "attributes": line, "relationships": linkage})
    payment = await api.ok(
        "POST",
        "/api/checkout_com_payments",
        {
            "type": "checkout_com_payments",
            "attributes": {"payment_type": "token", "token": "tok_x"},
            "relationships": linkage,
        },
    )
    return order_id, payment["data"]["id"]


# ------------------------------------------------------------------------------------------ the token


async def test_the_access_token_is_a_signed_jwt_with_commerce_layer_claims(
    http: httpx.AsyncClient, state: CommerceLayerState, clock: ManualClock
) -> None:
    clock.advance(30)
    answer = await token_of(http)
    token = answer["access_token"]
    segments = token.split(".")
    assert len(segments) == 3
    header, claims = decode_segment(segments[0]), decode_segment(segments[1])
    assert header["alg"] == "HS512" and header["typ"] == "JWT" and header["kid"]
    signature = hmac.new(state.signing_key, f"{segments[0]}.{segments[1]}".encode(), hashlib.sha512).digest()
    assert base64.urlsafe_b64encode(signature).rstrip(b"=").decode() == segments[2]

    issued = int(clock.utc().timestamp())
    assert answer["created_at"] == claims["iat"] == issued  # Unix time of issue, not the uptime
    assert claims["exp"] == issued + answer["expires_in"] == issued + 7200
    assert claims["organization"]["slug"] == state.organization_slug and claims["organization"]["id"]
    application = claims["application"]
    assert application["kind"] == "integration" and application["id"] and application["client_id"] == TRAINING_CLIENT_ID
    assert application["confidential"] is True and application["public"] is False
    assert claims["scope"] == answer["scope"] == "market:all" and "market" not in claims
    assert claims["test"] is True and 0 <= claims["rand"] < 1
    # getCoreApiBaseEndpoint: the issuer with "auth" replaced by the organization's slug.
    assert (
        claims["iss"].replace("auth", claims["organization"]["slug"], 1) == "https://posapp-training.commercelayer.io"
    )

    api = Api(http, token)
    assert (await api.send("GET", "/api/orders/nothere")).status_code == 404  # the token is accepted
    forged_claims = {**claims, "organization": {**claims["organization"], "slug": "someone-else"}}
    forged_payload = base64.urlsafe_b64encode(json.dumps(forged_claims).encode()).rstrip(b"=").decode()
    forged = Api(http, f"{segments[0]}.{forged_payload}.{segments[2]}")
    refused = await forged.send("GET", "/api/orders/nothere")
    assert refused.status_code == 401 and refused.json()["errors"][0]["code"] == "INVALID_TOKEN"


async def test_a_market_scope_is_echoed_and_carried_in_the_token(http: httpx.AsyncClient) -> None:
    answer = await token_of(http, scope="market:id:vlGRmhQwqp")
    claims = decode_segment(answer["access_token"].split(".")[1])
    assert answer["scope"] == claims["scope"] == "market:id:vlGRmhQwqp"
    assert claims["market"]["id"] == ["vlGRmhQwqp"]


async def test_an_expired_token_reads_expired_from_its_exp_and_is_refused(
    http: httpx.AsyncClient, clock: ManualClock
) -> None:
    token = (await token_of(http))["access_token"]
    api = Api(http, token)
    exp = decode_segment(token.split(".")[1])["exp"]
    clock.advance(7199)
    assert (await api.send("GET", "/api/orders/nothere")).status_code == 404
    clock.advance(1)
    # The SDK refreshes when the API says INVALID_TOKEN and the token's exp has passed (isTokenExpired).
    assert exp * 1000 - clock.utc().timestamp() * 1000 <= 0
    refused = await api.send("GET", "/api/orders/nothere")
    assert refused.status_code == 401 and refused.json()["errors"][0]["code"] == "INVALID_TOKEN"
    fresh = Api(http, (await token_of(http))["access_token"])
    assert (await fresh.send("GET", "/api/orders/nothere")).status_code == 404


async def test_the_served_app_issues_tokens_and_timestamps_at_the_current_utc_time() -> None:
    state = CommerceLayerState(seed=9)  # the training-mode clock: nothing injected
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(state)), base_url=BASE_URL) as http:
        before = datetime.now(UTC).replace(microsecond=0)
        answer = await token_of(http)
        order = await Api(http, answer["access_token"]).ok(
            "POST", "/api/orders", {"type": "orders", "attributes": {"currency_code": "EUR"}}
        )
        after = datetime.now(UTC)
    assert before.timestamp() <= answer["created_at"] <= after.timestamp()
    created = datetime.strptime(order["data"]["attributes"]["created_at"], "%Y-%m-%dT%H:%M:%S.%fZ")
    assert before <= created.replace(tzinfo=UTC) <= after


# ------------------------------------------------------------------------------------------ JSON:API


async def test_resources_carry_links_and_relationships_carry_data_only_when_included(http: httpx.AsyncClient) -> None:
    api = Api(http, (await token_of(http))["access_token"])
    order_id, payment_id = await sale(api)
    root = f"{BASE_URL}/api"

    payment = (await api.ok("GET", f"/api/checkout_com_payments/{payment_id}"))["data"]
    assert payment["links"] == {"self": f"{root}/checkout_com_payments/{payment_id}"}
    assert payment["relationships"]["order"] == {
        "links": {
            "self": f"{root}/checkout_com_payments/{payment_id}/relationships/order",
            "related": f"{root}/checkout_com_payments/{payment_id}/order",
        }
    }

    # The related-resource route of the documents' example, and the relationship route.
    related = await api.ok("GET", f"/api/checkout_com_payments/{payment_id}/order")
    assert related["data"]["type"] == "orders" and related["data"]["id"] == order_id
    assert related["data"]["links"]["self"] == f"{root}/orders/{order_id}"
    linkage = await api.ok("GET", f"/api/checkout_com_payments/{payment_id}/relationships/order")
    assert linkage == {
        "links": payment["relationships"]["order"]["links"],
        "data": {"type": "orders", "id": order_id},
    }

    included = await api.ok("GET", f"/api/checkout_com_payments/{payment_id}?include=order.line_items")
    assert included["data"]["relationships"]["order"]["data"] == {"type": "orders", "id": order_id}
    kinds = {(r["type"], r["id"]) for r in included["included"]}
    assert ("orders", order_id) in kinds and sum(1 for kind, _ in kinds if kind == "line_items") == 1
    order = next(r for r in included["included"] if r["type"] == "orders")
    assert order["relationships"]["line_items"]["data"] == [
        {"type": "line_items", "id": next(i for k, i in kinds if k == "line_items")}
    ]
    assert "data" not in order["relationships"]["captures"]  # not asked for

    items = await api.ok("GET", f"/api/orders/{order_id}/line_items")
    assert [i["attributes"]["total_amount_cents"] for i in items["data"]] == [2500]
    assert items["meta"]["record_count"] == 1


async def test_an_order_without_payment_source_has_no_linkage_until_asked(http: httpx.AsyncClient) -> None:
    api = Api(http, (await token_of(http))["access_token"])
    order = await api.ok(
        "POST", "/api/orders?include=payment_source", {"type": "orders", "attributes": {"currency_code": "EUR"}}
    )
    order_id = order["data"]["id"]
    assert order["data"]["relationships"]["payment_source"]["data"] is None and order["included"] == []
    plain = (await api.ok("GET", f"/api/orders/{order_id}"))["data"]
    assert "data" not in plain["relationships"]["payment_source"]
    assert (await api.ok("GET", f"/api/orders/{order_id}/payment_source"))["data"] is None
    assert (await api.ok("GET", f"/api/orders/{order_id}/relationships/captures"))["data"] == []


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/api/checkout_com_payments/{payment}/nope", 404, "NOT_FOUND"),
        ("GET", "/api/checkout_com_payments/{payment}/order/extra", 404, "NOT_FOUND"),
        ("GET", "/api/skus/abc", 404, "NOT_FOUND"),
        ("GET", "/nothing/here", 404, "NOT_FOUND"),
        ("GET", "/api/orders/missing1/line_items", 404, "RECORD_NOT_FOUND"),
        ("DELETE", "/api/orders/{order}", 405, "METHOD_NOT_ALLOWED"),
        ("GET", "/oauth/token", 405, "METHOD_NOT_ALLOWED"),
        ("GET", "/api/checkout_com_payments/{payment}?include=order.nope", 400, "INVALID_INCLUDE"),
    ],
)
async def test_every_error_is_a_jsonapi_error(
    http: httpx.AsyncClient, method: str, path: str, status: int, code: str
) -> None:
    api = Api(http, (await token_of(http))["access_token"])
    order_id, payment_id = await sale(api)
    answer = await api.send(method, path.format(order=order_id, payment=payment_id))
    assert answer.status_code == status
    assert answer.headers["content-type"] == MEDIA_TYPE
    (error,) = answer.json()["errors"]
    assert error["code"] == code and error["status"] == str(status) and error["title"] and error["detail"]


async def test_a_transaction_trigger_answers_the_transaction_patched(
    http: httpx.AsyncClient, state: CommerceLayerState
) -> None:
    api = Api(http, (await token_of(http))["access_token"])
    order_id, payment_id = await sale(api)
    state.approve(payment_id)
    order = await api.ok("GET", f"/api/orders/{order_id}?include=authorizations")
    authorization_id = order["included"][0]["id"]
    attributes = {"_capture": True, "_capture_amount_cents": 1000}
    patched = await api.ok(
        "PATCH",
        f"/api/authorizations/{authorization_id}?include=captures,order",
        {"type": "authorizations", "id": authorization_id, "attributes": attributes},
    )
    assert patched["data"]["type"] == "authorizations" and patched["data"]["id"] == authorization_id
    (capture,) = [r for r in patched["included"] if r["type"] == "captures"]
    assert capture["attributes"]["amount_cents"] == 1000
    assert patched["data"]["relationships"]["captures"]["data"] == [{"type": "captures", "id": capture["id"]}]
    back = await api.ok("GET", f"/api/captures/{capture['id']}/reference_authorization")
    assert back["data"]["id"] == authorization_id
    paid = next(r for r in patched["included"] if r["type"] == "orders")
    assert paid["attributes"]["payment_status"] == "partially_paid"
