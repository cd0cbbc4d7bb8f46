"""Shared pieces of the gateway tests (the card providers' and My-CoolPay's fuzz tests)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from posapp.gateways.base import GatewayError

from .conftest import CountingTransport, Recorder

__all__ = ["CountingTransport", "Recorder", "answer", "asgi_client", "expect_error", "mock_client"]


def answer(status: int, body: str | bytes, content_type: str = "application/json") -> httpx.Response:
    content = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, content=content, headers={"Content-Type": content_type})


def asgi_client(app: Any, recorder: Recorder, base_url: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=CountingTransport(httpx.ASGITransport(app=app), recorder), base_url=base_url)


def mock_client(response: httpx.Response, seen: list[httpx.Request] | None = None) -> httpx.AsyncClient:
    """A client whose every request gets a copy of ``response``."""

    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


async def expect_error(call: Callable[[], Awaitable[object]], expected: type[GatewayError], name: str) -> None:
    with pytest.raises(GatewayError) as caught:
        await call()
    assert isinstance(caught.value, expected), f"{name}: {type(caught.value).__name__}: {caught.value}"


def dumps(body: object) -> str:
    return json.dumps(body)


HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


def generic_broken(valid_body: str) -> list[tuple[str, httpx.Response]]:
    """Answers that are broken whatever the provider: (name, response)."""
    return [
        ("html 502", answer(502, HTML_502, "text/html")),
        ("html 200", answer(200, HTML_502, "text/html")),
        ("empty 200", answer(200, b"")),
        ("empty 201", answer(201, b"")),
        ("empty 500", answer(500, b"")),
        ("null", answer(200, "null")),
        ("list", answer(200, "[]")),
        ("string", answer(200, '"success"')),
        ("empty object", answer(200, "{}")),
        ("truncated", answer(200, valid_body[:40])),
        ("not utf-8", answer(200, b"\xff\xfe\x00{")),
        ("303 redirect", httpx.Response(303, headers={"Location": "https://login.example"})),
        ("204 no content", httpx.Response(204)),
    ]
