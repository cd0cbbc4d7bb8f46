"""One async client per payment provider, behind the Gateway protocol of base.py.

Each client works over an injected httpx.AsyncClient. No Qt. ``build_gateway(name, http, base_url,
credentials)`` (``registry.py``) builds any of them from the provider's name.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_gateway"]


def __getattr__(name: str) -> Any:
    # Lazy, so importing posapp.gateways.base does not load every provider's client.
    if name == "build_gateway":
        from posapp.gateways.registry import build_gateway

        return build_gateway
    raise AttributeError(name)
