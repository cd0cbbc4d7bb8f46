"""The console's parts without its windows: settings -> journal -> gateway -> services, built in order, closed once.

``Console`` is what the composition root (``posapp.app``) and the tour (``posapp.ui.tour``) both build: the
journal and its lock, the training sandbox or the provider's keys, the gateway, the services. It imports no
Qt, so the screens' wiring (``posapp.ui.wiring.console``) and the command line can each use it without
importing the other. ``secret_filter`` cuts every secret a part registers out of the logs.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from posapp import __version__
from posapp.config import Settings
from posapp.core.redact import redact_text

if TYPE_CHECKING:
    import asyncio

    import httpx

    from posapp.gateways.base import Gateway
    from posapp.journal.lock import JournalLock
    from posapp.journal.store import Journal
    from posapp.sandbox.server import SandboxServer
    from posapp.services.events import EventBus

log = logging.getLogger("posapp")


class SecretFilter(logging.Filter):
    """Cuts every registered secret out of log records, whatever logged them."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def add(self, secrets: Iterable[str]) -> None:
        self.secrets.update(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            record.msg = redact_text(message, self.secrets)
            record.args = None
            if record.exc_info and record.exc_info[1] is not None:
                record.exc_text = redact_text(logging.Formatter().formatException(record.exc_info), self.secrets)
                record.exc_info = None
        return True


secret_filter = SecretFilter()


class Console:
    """Everything the running console is made of, built in order and closed in reverse, once.

    ``open_journal`` runs before the window shows (a console that cannot write its journal must not
    take payments); ``connect_provider`` runs after the first paint, so the sandbox's start-up in
    training mode never delays the window.
    """

    def __init__(self, settings: Settings, *, sandbox: SandboxServer | None = None) -> None:
        """``sandbox``: a running sandbox to use in training mode (tests, a shared training server);
        the console then leaves it running when it closes (one handed over by ``take_over`` is owned)."""
        self.settings = settings
        # Fixed for the console's life (``settings`` follows what the Settings screen saved): which journal
        # it writes, whether it emulates the provider.
        self.training = settings.training
        self.window: Any = None
        self.journal: Journal | None = None
        self.users_journal: Journal | None = None
        self.reader: Journal | None = None
        self.sandbox: SandboxServer | None = sandbox
        self._owns_sandbox = sandbox is None
        self.http: httpx.AsyncClient | None = None
        self.gateway: Gateway | None = None
        self.services: Any = None
        self.controller: Any = None
        self.access: Any = None
        self.manager: Any = None
        self.settings_wiring: Any = None
        self.till: Any = None  # posapp.ui.till.TillController, once the services run
        self.shop: Any = None  # posapp.shop.link.ShopLink when a shop store is configured (after the first paint)
        self.restart_with: Settings | None = None
        self.handover: tuple[SandboxServer, set[str]] | None = None
        self._emulated: set[str] = set()  # training providers whose leftovers this console's emulator settled
        self.journal_lock: JournalLock | None = None
        self.raise_listener: asyncio.Server | None = None
        self.backups: asyncio.Task[None] | None = None
        self._closed = False

    @functools.cached_property
    def bus(self) -> EventBus:
        """The services' events (made on first use: the services and screens come after the first paint)."""
        from posapp.services.events import EventBus

        return EventBus()

    @functools.cached_property
    def quit_requested(self) -> asyncio.Event:
        """Set to close the console. Made on first use: the first console is shown before asyncio loads."""
        import asyncio

        return asyncio.Event()

    def request_restart(self, settings: Settings) -> None:
        """Close this console and build it again with ``settings`` (``run_console`` does it).

        Staying in training, the emulator (and the payments it holds) is handed over to the next console.
        """
        self.restart_with = settings
        if settings.training and self.training and self.sandbox is not None and self._owns_sandbox:
            self._owns_sandbox = False  # this console's clean-up leaves it running
            self.handover = (self.sandbox, set(self._emulated))
        self.quit_requested.set()

    def take_over(self, previous: Console) -> None:
        """Keep the training emulator ``previous`` handed over (see ``request_restart``)."""
        if previous.handover is not None and self.training:
            self.sandbox, emulated = previous.handover
            self._owns_sandbox = True
            self._emulated = emulated

    def journal_path(self) -> Path:
        """The file this console writes its payments to (the training journal in training)."""
        from posapp.config import data_dir
        from posapp.journal.store import JOURNAL_FILE, TRAINING_JOURNAL_FILE

        return data_dir() / (TRAINING_JOURNAL_FILE if self.training else JOURNAL_FILE)

    def open_journal(self, *, what: str = "console") -> Journal:
        """Take the journal's lock, open the journal, and a second connection for the screens that only read it.

        One running console per journal (``journal.lock``): a second one on the same file would take
        this one's requests in flight for a crash's leftovers and settle them. ``JournalInUse`` (naming
        the console that holds it) is raised before anything is opened, so nothing is resumed or settled.

        The services write through one connection on their worker thread; History pages through its own
        (WAL lets readers and the writer work at once), so the GUI never waits behind a disk sync.

        Training mode writes to the training journal (``Journal.open(training=True)``), so nothing a
        trainee does reaches the merchant's books; the users (who may sign in, with their PINs) stay in
        the live journal, ``users_journal``, the same people in both modes.
        """
        from posapp.journal.lock import JournalLock
        from posapp.journal.store import Journal

        self.journal_lock = JournalLock.acquire(self.journal_path(), details={"what": what, "version": __version__})
        try:
            live = Journal.open()
            self.users_journal = live
            self.journal = Journal.open(training=True) if self.training else live
            self.reader = Journal(self.journal.path)
        except BaseException:
            for journal in (self.reader, self.journal, self.users_journal):
                if journal is not None:
                    journal.close()
            self.reader = self.journal = self.users_journal = None
            self.journal_lock.release()
            self.journal_lock = None
            raise
        return self.journal

    async def connect_provider(self) -> Gateway:
        """Start the training sandbox (when no provider is configured) and build the gateway."""
        import asyncio

        import httpx

        from posapp.gateways.registry import build_gateway, provider_info

        name = self.settings.active_provider
        if self.settings.training:
            from posapp.sandbox.customer import Script
            from posapp.sandbox.mycoolpay import MyCoolPayState
            from posapp.sandbox.server import SandboxServer

            sandbox = self.sandbox
            if sandbox is None:
                # In training the trainee plays the customer on the emulated phone: nobody pays by script.
                sandbox = SandboxServer(mycoolpay=MyCoolPayState(default_script=Script.manual()))
                self.sandbox = await asyncio.to_thread(sandbox.start)
            account = sandbox.training_credentials(name)
            base_url, credentials = account.base_url, dict(account.credentials)
        else:
            from posapp.config import provider_secret

            info = provider_info(name)
            base_url = self.settings.provider_base_url
            credentials = {}
            for field in info.credential_fields + info.optional_fields:
                # The one non-secret identifier (My-CoolPay public key, Commerce Layer client id) is a setting.
                value = provider_secret(name, field) if field in info.secret_fields else self.settings.public_key
                if value:
                    credentials[field] = value
        self.http = httpx.AsyncClient()
        gateway = build_gateway(name, self.http, base_url, credentials)
        secret_filter.add(gateway.secrets)
        self.gateway = gateway
        log.info("provider %s ready (%s)", name, "training" if self.settings.training else "live")
        return gateway

    async def start_services(self) -> Any:
        """Build the payment services on the journal and gateway and resume unfinished payments."""
        from posapp.services.payments import PaymentServices

        assert self.journal is not None and self.gateway is not None
        self.services = PaymentServices(
            self.journal, self.gateway, self.settings, self.bus, lang=self.settings.resolved_language()
        )
        provider = self.gateway.name
        if self.training and self._owns_sandbox and provider not in self._emulated:
            # This console's emulator started empty: what an earlier session left unfinished cannot end.
            self._emulated.add(provider)
            abandoned = await self.services.tracker.abandon_unfinished(
                "the training session ended before this training payment did"
            )
            if abandoned:
                log.info("canceled %d training transactions left unfinished", len(abandoned))
        resumed = await self.services.start()
        if resumed:
            log.info("resumed %d unfinished transactions", len(resumed))
        return self.services

    async def aclose(self) -> None:
        """Stop following payments, close the HTTP client, the sandbox and the journal. Safe to call twice."""
        import asyncio

        if self._closed:
            return
        self._closed = True
        if self.manager is not None:
            self.manager.close()
        if self.till is not None:
            self.till.close()
        if self.backups is not None:
            self.backups.cancel()
        if self.services is not None:
            await self.services.aclose()
        if self.shop is not None:
            await asyncio.to_thread(self.shop.stop)
        if self.http is not None:
            await self.http.aclose()
        if self.sandbox is not None and self._owns_sandbox:
            await asyncio.to_thread(self.sandbox.stop)
        self._close_journal()

    def close_unconnected(self) -> None:
        """Close a console that never connected (the self-test ends at the first paint): its journal and lock."""
        if self._closed:
            return
        if self.services is not None or self.http is not None or self.shop is not None or self.backups is not None:
            raise RuntimeError("this console is connected: close it with aclose()")
        self._closed = True
        if self.sandbox is not None and self._owns_sandbox:
            self.sandbox.stop()
        self._close_journal()

    def _close_journal(self) -> None:
        for journal in (self.reader, self.journal, self.users_journal):
            if journal is not None:
                journal.close()  # twice for the live journal outside training: harmless
        if self.raise_listener is not None:
            self.raise_listener.close()
        if self.journal_lock is not None:
            self.journal_lock.release()  # last: another console may open the journal now
        log.info("console closed")
