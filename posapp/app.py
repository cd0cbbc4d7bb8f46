"""Composition root and command line: settings -> journal -> gateway -> services -> UI.

One entry point (``run``) for every command:

- ``posapp``                 the console (training mode when no provider is configured)
- ``posapp --version``       prints the version
- ``posapp --self-test``     starts the console, waits for the main window to paint, exits 0 (or 1 + reason)
- ``posapp sandbox [--port]`` serves the provider emulators in the foreground
- ``posapp tour DIR``        renders every screen to PNG files, in English and French

The GUI runs on a qasync event loop; shutdown is idempotent (the window closing, ``aboutToQuit`` and
SIGINT/SIGTERM can all ask for it, the clean-up runs once).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import logging.handlers
import signal
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from posapp import __version__
from posapp.about import VersionAction
from posapp.config import ConfigError, Settings, load_settings, log_dir
from posapp.core.redact import redact_text
from posapp.services.events import EventBus

if TYPE_CHECKING:
    import httpx

    from posapp.gateways.base import Gateway
    from posapp.journal.lock import JournalLock
    from posapp.journal.store import Journal
    from posapp.sandbox.server import SandboxServer

log = logging.getLogger("posapp")

SELF_TEST_TIMEOUT_S = 30.0


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


def configure_logging(level: int = logging.INFO) -> None:
    """Log to a rotating file under the log dir and warnings to stderr, both through the secret filter."""
    root = logging.getLogger()
    if any(getattr(h, "_posapp", False) for h in root.handlers):
        return
    root.setLevel(level)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_dir() / "posapp.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    except OSError as exc:
        print(f"posapp: cannot write logs to {log_dir()}: {exc.strerror}", file=sys.stderr)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    handlers.append(stderr)
    # httpx logs every request's full URL, which holds the provider's public key; the gateways log their
    # own redacted request lines instead.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(secret_filter)
        handler._posapp = True  # type: ignore[attr-defined]
        root.addHandler(handler)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="posapp", description="Mobile-money point of sale and merchant console.")
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--self-test", action="store_true", help="start, wait until the main window has painted, and exit"
    )
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level")
    commands = parser.add_subparsers(dest="command")
    sandbox = commands.add_parser("sandbox", help="serve the provider emulators on 127.0.0.1 until interrupted")
    sandbox.add_argument("--port", type=int, default=0, help="TCP port (0 picks a free one)")
    tour = commands.add_parser("tour", help="render every screen to PNG files in DIR, in English and French")
    tour.add_argument("dir", type=Path)
    backup = commands.add_parser("backup", help="copy the journal now into the backups folder beside it")
    backup.add_argument("--keep", type=int, default=None, help="how many copies to keep (default 7)")
    restore = commands.add_parser("restore", help="put a backup in place of the journal (the old file is kept aside)")
    restore.add_argument("file", type=Path, help="a backup, e.g. one listed by 'posapp backup --list'")
    backup.add_argument("--list", action="store_true", help="list the backups, newest first, and copy nothing")
    from posapp.shop.cli import add_arguments as add_shop_arguments

    add_shop_arguments(commands.add_parser("shop", help="set up the shop store (PostgreSQL) shared by the counters"))
    return parser.parse_args(list(argv))


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
        self.bus = EventBus()
        self.services: Any = None
        self.controller: Any = None
        self.access: Any = None
        self.manager: Any = None
        self.settings_wiring: Any = None
        self.till: Any = None  # posapp.ui.till.TillController, once the services run
        self.shop: Any = None  # posapp.shop.link.ShopLink when a shop store is configured (after the first paint)
        self.quit_requested = asyncio.Event()
        self.restart_with: Settings | None = None
        self.handover: tuple[SandboxServer, set[str]] | None = None
        self._emulated: set[str] = set()  # training providers whose leftovers this console's emulator settled
        self.journal_lock: JournalLock | None = None
        self.raise_listener: asyncio.Server | None = None
        self.backups: asyncio.Task[None] | None = None
        self._closed = False

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
        for journal in (self.reader, self.journal, self.users_journal):
            if journal is not None:
                journal.close()  # twice for the live journal outside training: harmless
        if self.raise_listener is not None:
            self.raise_listener.close()
        if self.journal_lock is not None:
            self.journal_lock.release()  # last: another console may open the journal now
        log.info("console closed")


async def run_console(options: argparse.Namespace) -> int:
    """The qasync main coroutine: build the console, show it, wait for the request to quit, clean up."""
    from PySide6.QtWidgets import QApplication

    from posapp.ui.i18n import install_translators
    from posapp.ui.theme import apply_theme

    started = time.perf_counter()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setApplicationName("posapp")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)

    try:
        settings = load_settings()
    except ConfigError as exc:
        log.error("settings: %s", exc)
        if options.self_test:
            print(f"self-test failed: {exc}", file=sys.stderr)
            return 1
        settings = Settings()

    apply_theme(app)
    previous: Console | None = None
    while True:
        install_translators(app, settings.resolved_language())
        console = Console(settings)
        if previous is not None:
            console.take_over(previous)
        code = await _console_session(console, options, started)
        if console.restart_with is None:
            return code
        # Between training and live the console is built again on the other journal (see switch_provider);
        # after a language change, every screen is built again in the new language.
        settings, started, previous = console.restart_with, time.perf_counter(), console
        log.info("console restarting (%s mode, language %s)", "training" if settings.training else "live",
                 settings.resolved_language())  # fmt: skip


async def _console_session(console: Console, options: argparse.Namespace, started: float) -> int:
    """One console from its journal to its clean-up: until quit, or a restart asked for by ``console``."""
    from PySide6.QtWidgets import QApplication

    from posapp.ui.main_window import MainWindow

    settings = console.settings
    quit_requested = console.quit_requested
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.aboutToQuit.connect(quit_requested.set)
    _install_signal_handlers(quit_requested)

    try:
        try:
            console.open_journal(what="self-test" if options.self_test else "console")
        except Exception as exc:
            return await journal_problem(console, exc, options)
        window = MainWindow(training=settings.training, provider_label=_provider_label(settings.active_provider))
        console.window = window
        await listen_for_raise(console, window)
        console.controller = build_cashier_screens(window, settings, console.reader)
        install_access(console, window)
        window.closing.connect(quit_requested.set)
        painted = asyncio.Event()
        window.first_painted.connect(painted.set)
        if options.self_test:
            window.show()
        else:
            window.showMaximized()  # a counter terminal runs the console full screen
        if options.self_test:
            try:
                await asyncio.wait_for(painted.wait(), SELF_TEST_TIMEOUT_S)
            except TimeoutError:
                print(
                    f"self-test failed: the main window did not paint within {SELF_TEST_TIMEOUT_S:.0f} s",
                    file=sys.stderr,
                )
                return 1
            elapsed = (time.perf_counter() - started) * 1000
            print(f"self-test ok: main window painted {elapsed:.0f} ms after start")
            return 0
        await painted.wait()
        # The manager's Settings screen asks the OS for its key store, which can take a while: after the
        # first paint, so the cashier sees the console at once.
        install_settings(console, window)
        start_shop_link(console, window)
        connecting = asyncio.create_task(connect_console(console, window))
        console.backups = asyncio.create_task(daily_backups())
        await quit_requested.wait()
        connecting.cancel()
        return 0
    finally:
        app.aboutToQuit.disconnect(quit_requested.set)
        await console.aclose()
        if console.window is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # not connected when the build failed first
                console.window.closing.disconnect(quit_requested.set)
            console.window.hide()
            console.window.deleteLater()


# Exit codes besides 0 (done) and 1 (an error): 2 the GUI's system libraries are missing (platform_check),
# 3 the journal is open in another console, 4 the journal cannot be opened.
EXIT_JOURNAL_IN_USE = 3
EXIT_JOURNAL_PROBLEM = 4
RAISE_ANSWER_S = 3.0


async def listen_for_raise(console: Console, window: Any) -> None:
    """Let a second console bring this window forward (it cannot open the journal: this one holds it).

    A loopback listener; the port and a one-off token go into the journal's lock file, which only the
    user can read. It answers ``ok`` to the token and nothing else, and closes with the console.
    """
    import hmac
    import secrets

    token = secrets.token_urlsafe(24)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = await asyncio.wait_for(reader.readline(), RAISE_ANSWER_S)
            if hmac.compare_digest(line.strip(), token.encode()):
                log.info("brought forward at the request of another posapp console")
                if window.isMinimized():
                    window.showNormal()
                window.raise_()
                window.activateWindow()
                writer.write(b"ok\n")
                await writer.drain()
        except (TimeoutError, OSError):
            pass
        finally:
            writer.close()

    try:
        server = await asyncio.start_server(answer, "127.0.0.1", 0)
    except OSError as exc:  # no loopback: the second console can still tell who holds the journal
        log.warning("cannot listen for another console: %s", exc)
        return
    console.raise_listener = server
    if console.journal_lock is not None:
        console.journal_lock.update(raise_port=server.sockets[0].getsockname()[1], raise_token=token)


async def ask_to_raise(owner: Any) -> bool:
    """Ask the console described by ``owner`` (``journal.lock.Owner``) to bring its window forward."""
    if owner is None or owner.raise_port is None:
        return False
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", owner.raise_port), RAISE_ANSWER_S)
    except (OSError, TimeoutError):
        return False
    try:
        writer.write(owner.raise_token.encode() + b"\n")
        await writer.drain()
        return (await asyncio.wait_for(reader.readline(), RAISE_ANSWER_S)).strip() == b"ok"
    except (OSError, TimeoutError):
        return False
    finally:
        writer.close()


async def journal_problem(console: Console, exc: BaseException, options: argparse.Namespace) -> int:
    """The journal is open elsewhere or cannot be opened: say so in a window and do what the person chooses.

    Nothing is resumed or settled here. The choices: bring the other console forward, restore the last
    backup (then the console is built again on it), open the journal read-only, quit.
    """

    from posapp.journal.diagnose import Problem, diagnose

    problem = diagnose(exc, console.journal_path())
    in_use = problem.problem is Problem.IN_USE
    if in_use:
        log.warning("%s", problem.detail)
    else:
        log.error("cannot open the journal %s: %s", problem.path, problem.detail, exc_info=exc)
    if options.self_test:
        what = "the journal is open in another posapp console" if in_use else "cannot open the journal"
        print(f"self-test failed: {what}: {problem.detail}", file=sys.stderr)
        return 1
    from posapp.ui.screens.startup_problem import StartupProblemDialog, raise_failed_text, restore_failed_text

    dialog = StartupProblemDialog(problem, console.settings.locale, str(log_dir() / "posapp.log"))
    code = EXIT_JOURNAL_IN_USE if in_use else EXIT_JOURNAL_PROBLEM
    try:
        while True:
            choice = await _ask(dialog, console.quit_requested)
            if choice == "raise":
                if await ask_to_raise(problem.owner):
                    return code
                dialog.show_error(raise_failed_text())
            elif choice == "restore":
                from posapp.journal.backups import restore

                try:
                    aside = await asyncio.to_thread(restore, problem.backups[0], problem.path)
                except Exception as error:
                    log.exception("restore failed")
                    dialog.show_error(restore_failed_text(error))
                    continue
                log.warning("restored %s from %s; the file it replaced is %s", problem.path, problem.backups[0], aside)
                console.restart_with = console.settings  # run_console builds the console again, on the copy
                return 0
            elif choice == "read_only":
                dialog.hide()
                return await read_only_session(console, problem)
            else:
                return code
    finally:
        dialog.hide()
        dialog.deleteLater()


async def _ask(dialog: Any, quit_requested: asyncio.Event) -> str:
    """Show ``dialog`` (without a nested event loop) and wait for its ``chosen`` signal, or a request to quit."""
    answer: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def chosen(choice: str) -> None:
        if not answer.done():
            answer.set_result(choice)

    dialog.chosen.connect(chosen)
    dialog.show()
    dialog.raise_()
    quitting: asyncio.Future[Any] = asyncio.ensure_future(quit_requested.wait())
    try:
        await asyncio.wait([answer, quitting], return_when=asyncio.FIRST_COMPLETED)
    finally:
        quitting.cancel()
        dialog.chosen.disconnect(chosen)
    return answer.result() if answer.done() else "quit"


async def read_only_session(console: Console, problem: Any) -> int:
    """History and the end-of-day report over the journal opened read-only, after a manager's PIN."""
    from posapp.journal.store import JOURNAL_FILE, Journal
    from posapp.journal.users import UserStore
    from posapp.ui.read_only import ReadOnlySignIn, ReadOnlyWindow, read_only_banner

    journal = Journal(problem.path, read_only=True)
    users_path = problem.path.with_name(JOURNAL_FILE)
    users_journal = journal if users_path == problem.path else Journal(users_path, read_only=True)
    try:
        sign_in = ReadOnlySignIn(UserStore(users_journal))
        signed: asyncio.Future[str] = asyncio.get_running_loop().create_future()

        def answered(name: str) -> None:
            if not signed.done():
                signed.set_result(name)

        sign_in.signed_in.connect(answered)
        sign_in.gave_up.connect(lambda: answered(""))
        sign_in.show()
        manager = await signed
        sign_in.deleteLater()
        if not manager:
            return EXIT_JOURNAL_PROBLEM
        banner = read_only_banner(problem)
        window = ReadOnlyWindow(journal, console.settings.locale, manager, banner=banner, training=console.training)
        window.closing.connect(console.quit_requested.set)
        window.showMaximized()
        await console.quit_requested.wait()
        window.hide()
        window.deleteLater()
        return EXIT_JOURNAL_PROBLEM
    finally:
        for opened in {id(journal): journal, id(users_journal): users_journal}.values():
            opened.close()


def build_cashier_screens(window: Any, settings: Settings, journal: Journal | None = None) -> Any:
    """Put the cashier's screens in the window and the controller between them and the services."""
    from babel.numbers import get_decimal_symbol

    from posapp.ui.controller import ConsoleController, SaleFlow
    from posapp.ui.screens.activity import ActivityScreen

    flow = SaleFlow(settings.currency, settings.locale, get_decimal_symbol(settings.locale))
    window.replace_screen("sale", flow)
    activity = ActivityScreen(settings.locale)
    window.replace_screen("activity", activity)
    history = None
    if journal is not None:
        from posapp.ui.screens.history import HistoryScreen

        history = HistoryScreen(journal, settings.locale)
        window.replace_screen("history", history)
    controller = ConsoleController(
        window,
        flow,
        activity,
        history=history,
        locale=settings.locale,
        training=settings.training,
        shop_name=settings.shop_name,
        largest_sale=largest_sale(settings),
    )
    controller.apply_limits()
    controller.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))
    return controller


def largest_sale(settings: Settings) -> Any:
    """The shop's largest sale as ``Money`` (None when the shop sets none)."""
    from posapp.core.money import Money, exponent

    if settings.largest_sale <= 0:
        return None
    return Money(settings.largest_sale * 10 ** exponent(settings.currency), settings.currency)


def install_access(console: Console, window: Any) -> Any:
    """The lock screen at start-up and when idle; who is signed in decides what they may do."""
    from posapp.journal.users import UserStore
    from posapp.ui.access import AccessController

    assert console.journal is not None
    users = UserStore(console.users_journal or console.journal)
    access = AccessController(
        users,
        approvals=console.journal,  # recorded where the services use them up (the training journal in training)
        host=window.centralWidget(),
        locale=console.settings.locale,
        idle_minutes=console.settings.idle_lock_minutes,
    )
    if console.controller is not None:
        controller = console.controller
        access.user_changed.connect(lambda user: setattr(controller, "cashier", user.name if user else ""))
        access.locked.connect(controller.close_otp_dialog)
    connect_window_to_access(window, access)
    access.start()
    console.access = access
    return access


def connect_window_to_access(window: Any, access: Any) -> None:
    """The navigation's Lock and Switch user, who is signed in, and the keyboard back on the screen after sign-in."""
    from posapp.ui.inert_text import inert
    from posapp.ui.screens.lock import role_text

    def user_changed(user: Any) -> None:
        window.set_signed_in(f"{inert(user.name)}\n{role_text(user.role)}" if user is not None else "")

    access.user_changed.connect(user_changed)
    access.unlocked.connect(lambda _user: window.focus_screen())
    window.lock_requested.connect(access.lock)
    window.switch_user_requested.connect(access.switch_user)


BACKUP_CHECK_EVERY_S = 3600.0


async def daily_backups(*, every_s: float = BACKUP_CHECK_EVERY_S) -> None:
    """Once a day, a copy of the merchant's journal (the live one: its payments and the users) beside it.

    Checked at start and every hour, made on a worker thread through a connection of its own (SQLite's
    online backup: the console goes on writing meanwhile); the last seven are kept.
    """
    from posapp.config import data_dir
    from posapp.journal.backups import backup_due, make_backup
    from posapp.journal.store import JOURNAL_FILE

    journal = data_dir() / JOURNAL_FILE
    while True:
        if journal.exists() and backup_due(journal):
            try:
                copy = await asyncio.to_thread(make_backup, journal)
                log.info("daily backup written: %s", copy)
            except Exception:
                log.exception("the daily backup failed")
        await asyncio.sleep(every_s)


def start_shop_link(console: Console, window: Any) -> Any:
    """Replicate the live journal to the shop store, when one is configured (after the first paint:
    psycopg loads only then); the status bar shows the link. Training never reaches the shop's books."""
    address = console.settings.shop_store
    if not address or console.training or console.journal is None:
        return None
    from posapp.services.events import Event
    from posapp.shop.link import ShopLink
    from posapp.ui.screens.shop_view import shop_view_button
    from posapp.ui.widgets.shop_status import ShopStatusLabel

    try:
        link = ShopLink(address, console.journal.path)
    except Exception as exc:
        log.warning("the shop store is not used: %s", exc)
        return None
    secret_filter.add(link.secrets)
    console.bus.subscribe(Event, lambda _event: link.wake())  # something was journaled: ship it soon
    link.start()
    console.shop = link
    window.statusBar().addPermanentWidget(ShopStatusLabel(link, window))
    current_user = (lambda: console.access.current_user()) if console.access is not None else (lambda: None)

    def refund(row: Any) -> None:  # another counter's sale, from the shop view (once the services run)
        if link.refunds is not None:
            link.refunds.open_refund(row)

    window.statusBar().addPermanentWidget(shop_view_button(link, console.settings.locale, window, current_user, refund))
    return link


async def connect_console(console: Console, window: Any) -> None:
    try:
        await console.connect_provider()
        await console.start_services()
    except Exception as exc:
        log.exception("cannot reach the provider")
        window.show_provider_unreachable(str(exc))
        return
    if console.controller is not None:
        console.controller.attach(console.services)
    if console.access is not None and console.controller is not None:
        from posapp.ui.manager_screens import install_manager_screens

        if console.manager is not None:
            console.manager.close()
        console.manager = install_manager_screens(
            window, console.controller, console.services, console.access, console.settings
        )
    if console.settings_wiring is not None:
        console.settings_wiring.attach(console.services)
    from posapp.ui.till import install_till

    install_till(console, window)  # cash and split sales, the drawer, the ESC/POS printer
    if console.shop is not None:
        console.services.payouts.refund_guard = console.shop.refund_guard
        if console.access is not None:
            from posapp.core.access import Permission
            from posapp.ui.shop_refunds import ShopRefunds

            access = console.access
            console.shop.refunds = ShopRefunds(
                window, console.services.payouts, console.shop,
                lambda amount, summary: access.require(Permission.PAYOUT, amount, summary=summary),
                console.settings.locale,
            )  # fmt: skip
    window.set_training_phone(None)
    if console.settings.training and console.sandbox is not None and console.http is not None:
        add_training_phone(console, window)


def install_settings(console: Console, window: Any) -> Any:
    """The Settings screen (manager only); a new provider or keys take effect without a restart."""
    from posapp.ui.settings_wiring import install_settings_screens

    assert console.journal is not None
    wiring = install_settings_screens(
        window, console.controller, console.services, console.access, console.settings, console.journal
    )
    screen = wiring.settings_screen
    screen.provider_changed.connect(lambda settings: asyncio.ensure_future(switch_provider(console, window, settings)))
    screen.settings_saved.connect(lambda settings: setattr(console, "settings", settings))
    # Every screen is built again in the new language (payments are followed again from the journal).
    screen.language_changed.connect(lambda _language: console.request_restart(console.settings))
    # A new shop store (or its password): the console is built again, so the link starts on the new one.
    screen.shop_store_changed.connect(lambda settings: console.request_restart(settings))
    window.end_of_day_requested.connect(wiring.open_end_of_day)
    console.settings_wiring = wiring
    return wiring


async def switch_provider(console: Console, window: Any, settings: Settings) -> None:
    """Stop the old provider's services and gateway and connect the new ones, without a restart.

    Between training and live, the console restarts (in the same process) on the other mode's journal.
    Unfinished payments of the old provider stay in the journal and are followed again when that
    provider is active (the tracker follows only its own provider's payments).
    """
    if console.quit_requested.is_set():
        return  # closing or restarting already (a language change saved with it): the next console connects
    if settings.training != console.training:
        # Training and live keep separate journals: every screen is built again on the other one.
        log.info("switching to %s mode: restarting the console", "training" if settings.training else "live")
        console.request_restart(settings)
        return
    log.info("switching provider to %s", settings.active_provider)
    if console.services is not None:
        await console.services.aclose()
        console.services = None
    if console.http is not None:
        await console.http.aclose()
        console.http = None
    if console.sandbox is not None and console._owns_sandbox and not settings.training:
        await asyncio.to_thread(console.sandbox.stop)
        console.sandbox = None
    console.gateway = None
    console.settings = settings
    window.set_mode(training=settings.training, provider_label=_provider_label(settings.active_provider))
    await connect_console(console, window)


def add_training_phone(console: Console, window: Any) -> Any:
    """Put the emulated customer's phone beside the console (training only): ``MainWindow.set_training_phone``."""
    from posapp.ui.screens.training_phone import CustomerPhoneAdapter, MyCoolPayCustomerPhone, TrainingPhonePanel
    from posapp.ui.screens.training_phone_cards import card_customer_phone

    assert console.sandbox is not None and console.http is not None
    adapters: list[CustomerPhoneAdapter] = []
    provider = console.settings.active_provider
    if provider == "mycoolpay":
        adapters.append(MyCoolPayCustomerPhone(console.http, console.sandbox.mycoolpay_base_url))
    else:
        # The card providers' customer pays on the checkout page: the phone offers Pay / Decline on it.
        card = card_customer_phone(provider, console.http, console.sandbox.training_credentials(provider).base_url)
        if card is not None:
            adapters.append(card)
    panel = TrainingPhonePanel(adapters, console.settings.locale)
    if console.services is not None:
        tracker = console.services.tracker
        panel.customer_acted.connect(lambda provider, ref, verb: tracker.request_check(provider_ref=ref))
    window.set_training_phone(panel)
    return panel


def _provider_label(provider: str) -> str:
    from posapp.config import PROVIDER_LABELS

    return PROVIDER_LABELS.get(provider, provider)


def _install_signal_handlers(quit_requested: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()

    def request_quit(*_: object) -> None:
        loop.call_soon_threadsafe(quit_requested.set)

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, request_quit)
        except ValueError:  # not the main thread (embedded use)
            pass


def _run_gui(options: argparse.Namespace) -> int:
    from posapp.platform_check import EXIT_MISSING, gui_platform_problem

    # Qt aborts the process when its platform plugin cannot load: say what to install instead.
    problem = gui_platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_MISSING
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Python only runs signal handlers when the interpreter gets control; a periodic no-op timer gives it
    # that chance while Qt waits for events, so Ctrl+C in the terminal closes the console cleanly.
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    try:
        return int(qasync.run(run_console(options)))
    except Exception as exc:
        log.exception("the console stopped on an error")
        if options.self_test:
            print(f"self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        heartbeat.stop()
        del app


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(sys.argv[1:] if argv is None else argv)
    configure_logging(logging.DEBUG if options.debug else logging.INFO)
    if options.command == "sandbox":
        from posapp.sandbox.server import main as sandbox_main

        return sandbox_main(["--port", str(options.port)])
    if options.command == "tour":
        from posapp.ui.tour import render_tour

        return render_tour(options.dir)
    if options.command in ("backup", "restore"):
        return backup_command(options)
    if options.command == "shop":
        from posapp.shop.cli import main as shop_main

        return shop_main(options)
    return _run_gui(options)


def backup_command(options: argparse.Namespace) -> int:
    """``posapp backup [--keep N] [--list]`` and ``posapp restore FILE`` on the merchant's (live) journal."""
    from posapp.config import data_dir
    from posapp.journal.backups import KEEP, BackupError, list_backups, make_backup, restore
    from posapp.journal.lock import JournalInUse
    from posapp.journal.store import JOURNAL_FILE

    journal = data_dir() / JOURNAL_FILE
    try:
        if options.command == "restore":
            aside = restore(options.file, journal)
            print(f"restored {journal} from {options.file}; the file it replaced is kept as {aside}")
            return 0
        if options.list:
            for copy in list_backups(journal):
                print(copy)
            return 0
        copy = make_backup(journal, keep=options.keep or KEEP)
        print(f"backup written: {copy}")
        return 0
    except JournalInUse as exc:
        print(f"posapp: {exc}: close it first, then restore", file=sys.stderr)
        return EXIT_JOURNAL_IN_USE
    except BackupError as exc:
        print(f"posapp: {exc}", file=sys.stderr)
        return 1


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
