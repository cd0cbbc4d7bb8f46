"""QuickPay's own Python client (``quickpay-api-client``, unchanged) against the CoolPay emulator on loopback.

The client is synchronous (``requests``), so the emulator serves on a real socket; the calls run in a
worker thread so the test's event loop stays free.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from quickpay_api_client import QPClient
from quickpay_api_client.exceptions import ApiError

from posapp.sandbox.coolpay import TRAINING_API_KEY, CoolPayState
from posapp.sandbox.server import SandboxServer

QUICKPAY_TIME = "%Y-%m-%dT%H:%M:%SZ"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(coolpay=CoolPayState(seed=12)) as server:  # training mode's real clock
        yield server


def quickpay(sandbox: SandboxServer) -> Any:
    client = QPClient(f":{TRAINING_API_KEY}")
    client.api.base_url = sandbox.coolpay_base_url  # only the network is pointed at the sandbox
    return client


def moment(text: str) -> datetime:
    return datetime.strptime(text, QUICKPAY_TIME).replace(tzinfo=UTC)


def sale_through_the_client(sandbox: SandboxServer) -> dict[str, Any]:
    client = quickpay(sandbox)
    payment = client.post("/payments", body={"order_id": "qp-sale-01", "currency": "dkk"})
    link = client.put(f"/payments/{payment['id']}/link", body={"amount": 1500})
    sandbox.coolpay.pay(payment["id"])  # the customer pays on link["url"]
    captured = client.post(f"/payments/{payment['id']}/capture", body={"amount": 1500}, query={"synchronized": ""})
    with pytest.raises(ApiError) as refused:
        client.post(f"/payments/{payment['id']}/refund", body={"amount": 1501}, query={"synchronized": ""})
    return {"payment": payment, "link": link, "captured": captured, "refused": refused.value}


async def test_a_sale_through_quickpays_client_reads_as_documented(sandbox: SandboxServer) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    result = await asyncio.to_thread(sale_through_the_client, sandbox)
    after = datetime.now(UTC)
    payment, captured = result["payment"], result["captured"]
    # The client returns parsed JSON only for a Content-Type of exactly application/json.
    assert isinstance(payment, dict) and payment["state"] == "initial" and payment["currency"] == "DKK"
    assert result["link"]["url"].startswith(sandbox.coolpay_base_url + "/pay/")
    assert isinstance(captured, dict) and captured["state"] == "processed" and captured["balance"] == 1500
    for stamp in [payment["created_at"], captured["updated_at"], *(op["created_at"] for op in captured["operations"])]:
        assert before <= moment(stamp) <= after, stamp
    refused = result["refused"]
    assert refused.status_code == 400 and refused.body["message"] == "Validation error"
    assert "amount" in refused.body["errors"]
