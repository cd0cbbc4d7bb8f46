"""The console's link to the shop store: its address (a setting), its password (the OS keyring), the replicator.

The address is a PostgreSQL URL without the password (``postgresql://posapp_terminal@server/shop``,
with ``?sslmode=verify-full`` for a store outside the shop); the password is kept in the key store
under ``posapp`` / ``shop_store:password`` and handed to psycopg at each connection, never written to
the settings file, the journal or a log (the console adds it to its log filter).

``ShopLink`` is built after the console's first paint (psycopg is not imported before it) and only for
the live journal: training payments never reach the shop's books.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from posapp.config import KEYRING_SERVICE, KeyringUnavailable, secure_keyring
from posapp.journal.store import Journal
from posapp.shop.errors import StoreRefused
from posapp.shop.identity import TerminalIdentity, terminal_identity
from posapp.shop.refunds import ShopRefundGuard
from posapp.shop.replicator import LinkStatus, Replicator
from posapp.shop.store import ShopStore, check_address, describe

log = logging.getLogger(__name__)

PASSWORD_KEY = "shop_store:password"


def store_password() -> str | None:
    """The shop store's password from the OS keyring, or None (not set, or no key store)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, PASSWORD_KEY)
    except Exception as exc:  # keyring backends raise their own error types
        log.warning("cannot read the shop store's password from the keyring: %s", type(exc).__name__)
        return None


def save_store_password(password: str) -> None:
    """Keep the shop store's password in the OS keyring; ``KeyringUnavailable`` when none is secure."""
    ok, reason = secure_keyring()
    if not ok:
        raise KeyringUnavailable(reason)
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, PASSWORD_KEY, password)
    except Exception as exc:  # keyring backends raise their own error types
        raise KeyringUnavailable(
            f"The key store refused to save the shop store's password: {type(exc).__name__}"
        ) from None
    log.info("stored the shop store's password in the keyring")


class ShopLink:
    """The replicator and the refund guard of one console, over one store address."""

    def __init__(
        self,
        address: str,
        journal_path: str | Path,
        *,
        password: Callable[[], str | None] = store_password,
        interval_s: float = 2.0,
        on_status: Callable[[LinkStatus], None] | None = None,
    ) -> None:
        check_address(address)
        self.address = address
        self.where = describe(address)
        self._password = password
        with Journal(journal_path) as journal:
            self.identity: TerminalIdentity = terminal_identity(journal)
        self.replicator = Replicator(journal_path, self.connect, interval_s=interval_s, on_status=on_status)
        self.refund_guard = ShopRefundGuard(self.connect, self.identity.terminal_id)
        self.refunds: Any = None  # posapp.ui.shop_refunds.ShopRefunds, set by the console once its services run

    @property
    def secrets(self) -> list[str]:
        """What the log filter must cut out (the password, read again: it may have changed)."""
        password = self._password()
        return [password] if password else []

    def connect(self) -> ShopStore:
        password = self._password()
        if password is None:
            raise StoreRefused("The shop store's password is not set on this counter: a manager enters it in Settings.")
        return ShopStore.connect(self.address, password=password)

    @property
    def status(self) -> LinkStatus:
        return self.replicator.status

    def start(self) -> None:
        self.replicator.start()

    def wake(self) -> None:
        self.replicator.wake()

    def stop(self) -> None:
        self.replicator.stop()


__all__ = ["PASSWORD_KEY", "ShopLink", "save_store_password", "store_password"]
