"""Build any provider's gateway from its name: what the composition root (``app.py``) calls.

``build_gateway(name, http, base_url, credentials, **options) -> Gateway``

=================  ==============================================  ==========================================
name               credentials (keys of the mapping)               options (keyword arguments)
=================  ==============================================  ==========================================
``mycoolpay``      ``public_key``, ``private_key``                 those of ``MyCoolPayGateway``
``coolpay``        ``api_key``, ``private_key``                    ``auto_capture``, ``synchronized``,
                                                                   ``callback_url``, ...
``paiwise``        ``api_key``                                     ``auto_capture``, ``return_url``, ...
``commercelayer``  ``client_id``, ``client_secret``                ``card_token``, ...
                   (optional ``webhook_secret``)
=================  ==============================================  ==========================================

Every gateway also takes ``timeout``, ``retry``, ``sleep``, ``rng`` and ``clock``. A missing credential or
an unknown name raises ``ValueError`` (a settings problem, before any request). ``PROVIDERS`` lists the
names with a label and the credential fields, so a settings screen can ask for exactly those (the ones in
``secret_fields`` go to the keyring).

In training mode the credentials and base URL of each emulator come from the running sandbox::

    account = sandbox.training_credentials("coolpay")
    gateway = build_gateway("coolpay", http, account.base_url, account.credentials)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from posapp.config import PROVIDER_LABELS

if TYPE_CHECKING:
    import httpx

    from posapp.gateways.base import Gateway


@dataclass(frozen=True, slots=True)
class AmountLimits:
    """The smallest and largest amount of one payment at a provider, in minor units (None: none published).

    The console refuses an amount outside them before any request, in the cashier's words.
    """

    minimum_minor: int = 1
    maximum_minor: int | None = None


# What the documents and the providers' public clients say about one payment's amount. My-CoolPay's
# collection and its official PHP SDK and WooCommerce plugin ask for a positive ``transaction_amount``
# (whole francs in XAF) and publish no minimum above that nor any maximum; the card providers' documents
# publish none either. The shop's own largest sale (``Settings.largest_sale``) is the limit that bites.
NO_PUBLISHED_LIMITS = AmountLimits()


@dataclass(frozen=True, slots=True)
class ProviderInfo:
    """One provider the console can use: how it is shown and which credentials it needs.

    ``amount_limits``: per currency, what one payment may be (``NO_PUBLISHED_LIMITS`` when unlisted).
    """

    name: str
    label: str
    credential_fields: tuple[str, ...]
    secret_fields: tuple[str, ...]
    optional_fields: tuple[str, ...]
    # ``module:Class`` of the gateway: imported when one is built, so that reading what a provider needs
    # or allows (the Sale and Settings screens, before the first paint) loads neither httpx nor a gateway.
    gateway_class: str
    amount_limits: Mapping[str, AmountLimits] = field(default_factory=dict)

    def limits(self, currency: str) -> AmountLimits:
        return self.amount_limits.get(currency, NO_PUBLISHED_LIMITS)

    @property
    def factory(self) -> Callable[..., Gateway]:
        module, _, name = self.gateway_class.partition(":")
        factory: Callable[..., Gateway] = getattr(importlib.import_module(module), name)
        return factory


PROVIDERS: dict[str, ProviderInfo] = {
    info.name: info
    for info in (
        ProviderInfo(
            "mycoolpay",
            PROVIDER_LABELS["mycoolpay"],
            ("public_key", "private_key"),
            ("private_key",),
            (),
            "posapp.gateways.mycoolpay:MyCoolPayGateway",
            {"XAF": AmountLimits(minimum_minor=1), "EUR": AmountLimits(minimum_minor=1)},
        ),
        ProviderInfo(
            "coolpay",
            PROVIDER_LABELS["coolpay"],
            ("api_key", "private_key"),
            ("api_key", "private_key"),
            (),
            "posapp.gateways.coolpay:CoolPayGateway",
        ),
        ProviderInfo(
            "paiwise",
            PROVIDER_LABELS["paiwise"],
            ("api_key",),
            ("api_key",),
            (),
            "posapp.gateways.paiwise:PaiwiseGateway",
        ),
        ProviderInfo(
            "commercelayer",
            PROVIDER_LABELS["commercelayer"],
            ("client_id", "client_secret"),
            ("client_secret", "webhook_secret"),
            ("webhook_secret",),
            "posapp.gateways.commercelayer:CommerceLayerGateway",
        ),
    )
}


def provider_info(name: str) -> ProviderInfo:
    try:
        return PROVIDERS[name]
    except KeyError:
        raise ValueError(f"unknown provider {name!r} (known: {', '.join(PROVIDERS)})") from None


def build_gateway(
    name: str, http: httpx.AsyncClient, base_url: str, credentials: Mapping[str, str], **options: Any
) -> Gateway:
    """The gateway of provider ``name`` over ``http`` (owned by the caller), talking to ``base_url``."""
    info = provider_info(name)
    missing = [f for f in info.credential_fields if not credentials.get(f)]
    if missing:
        raise ValueError(f"{info.label} needs {', '.join(missing)}")
    args = [credentials[f] for f in info.credential_fields]
    for optional in info.optional_fields:
        if credentials.get(optional):
            options.setdefault(optional, credentials[optional])
    return info.factory(http, base_url, *args, **options)


__all__ = ["NO_PUBLISHED_LIMITS", "PROVIDERS", "AmountLimits", "ProviderInfo", "build_gateway", "provider_info"]
