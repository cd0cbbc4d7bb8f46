"""Composition root and command line: settings -> journal -> gateway -> services -> UI.

One entry point (``run``) for every command:

- ``posapp``                 the console (training mode when no provider is configured)
- ``posapp --version``       prints the version
- ``posapp --self-test``     starts the console, waits for the main window to paint, exits 0 (or 1 + reason)
- ``posapp sandbox [--port]`` serves the provider emulators in the foreground
- ``posapp tour DIR``        renders every screen to PNG files, in English and French

The console's parts without windows are ``posapp.console.Console``; its windows are put together and
connected in ``posapp.ui.wiring.console``. This module holds the command line, the start-up (a journal that
cannot be opened, another console holding it), the qasync loop and the shutdown.

The GUI runs on a qasync event loop; shutdown is idempotent (the window closing, ``aboutToQuit`` and
SIGINT/SIGTERM can all ask for it, the clean-up runs once).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import logging.handlers
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from posapp import __version__
from posapp.about import VersionAction
from posapp.config import ConfigError, Settings, load_settings, log_dir
from posapp.console import Console, secret_filter

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger("posapp")

SELF_TEST_TIMEOUT_S = 30.0
FIRST_PAINT_WAIT_S = 5.0


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
    shop = commands.add_parser("shop", help="set up the shop store (PostgreSQL) shared by the counters")
    if "shop" in argv:  # its own arguments load the shop's modules: not on every start of the console
        from posapp.shop.cli import add_arguments as add_shop_arguments

        add_shop_arguments(shop)
    return parser.parse_args(list(argv))


class ShownWindow:
    """A console's window once shown: whether it has painted and whether it was closed meanwhile.

    Waited for with Qt's own event loop before asyncio's exists (``wait_blocking``: the first console,
    so neither asyncio nor qasync is loaded before the first paint), or from a coroutine (``wait``).
    """

    def __init__(self, window: Any) -> None:
        self.window = window
        self.painted = False
        self.closed = False
        self._on_paint: list[Any] = []
        window.first_painted.connect(self._painted)
        window.closing.connect(self._closing)

    def _painted(self) -> None:
        self.painted = True
        for wake in list(self._on_paint):
            wake()

    def _closing(self) -> None:
        self.closed = True
        for wake in list(self._on_paint):
            wake()

    def wait_blocking(self, timeout_s: float) -> bool:
        """Run Qt's event loop until the window has painted (or closed, or ``timeout_s`` passed)."""
        from PySide6.QtCore import QEventLoop, QTimer

        if not (self.painted or self.closed):
            loop = QEventLoop()
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(int(timeout_s * 1000))
            self._on_paint.append(loop.quit)
            try:
                loop.exec()
            finally:
                self._on_paint.remove(loop.quit)
                timer.stop()
        return self.painted

    async def wait(self) -> None:
        """Until the window has painted (or closed)."""
        import asyncio

        if self.painted or self.closed:
            return
        event = asyncio.Event()
        self._on_paint.append(event.set)
        try:
            await event.wait()
        finally:
            self._on_paint.remove(event.set)


def show_console(console: Console, options: argparse.Namespace) -> ShownWindow:
    """Show the window with the lock screen laid over it (the journal open): what a cashier sees first.

    Plain calls, no event loop: the first console runs this before asyncio is even imported. The
    screens under the lock are built right after the first paint (``build_console_screens``).
    """
    from posapp.ui.main_window import MainWindow
    from posapp.ui.wiring.console import install_access, provider_label

    settings = console.settings
    window = MainWindow(training=settings.training, provider_label=provider_label(settings.active_provider))
    console.window = window
    install_access(console, window)
    shown = ShownWindow(window)
    if options.self_test:
        window.show()
    else:
        window.showMaximized()  # a counter terminal runs the console full screen
    return shown


def _journal_user(options: argparse.Namespace) -> str:
    """Who holds the journal, as its lock file tells another console."""
    return "self-test" if options.self_test else "console"


def _prepare_application(app: Any) -> None:
    app.setApplicationName("posapp")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)


def _startup_settings(options: argparse.Namespace) -> Settings | None:
    """The saved settings; the defaults when they cannot be read (None in the self-test: it fails)."""
    try:
        return load_settings()
    except ConfigError as exc:
        log.error("settings: %s", exc)
        if options.self_test:
            print(f"self-test failed: {exc}", file=sys.stderr)
            return None
        return Settings()


class FirstConsole:
    """The first console, shown and painted before the event loop started (``start_first_console``)."""

    def __init__(self, console: Console, started: float, shown: ShownWindow | None, problem: Exception | None):
        self.console = console
        self.started = started
        self.shown = shown
        self.problem = problem  # the journal could not be opened: no window was shown


def start_first_console(app: Any, options: argparse.Namespace, started: float) -> FirstConsole | int:
    """Settings, theme, language, journal and the lock screen, shown and painted, without an event loop.

    Returns the exit code when there is nothing more to do: the self-test ends here, at the first paint.
    """
    from posapp.ui.i18n import install_translators
    from posapp.ui.theme import apply_theme

    _prepare_application(app)
    settings = _startup_settings(options)
    if settings is None:
        return 1
    apply_theme(app)
    install_translators(app, settings.resolved_language())
    console = Console(settings)
    try:
        console.open_journal(what=_journal_user(options))
    except Exception as exc:
        if options.self_test:
            return _self_test_journal_failed(diagnosed_journal_problem(console, exc))
        return FirstConsole(console, started, None, exc)
    try:
        shown = show_console(console, options)
    except BaseException:
        console.close_unconnected()
        raise
    if not options.self_test:
        # Not painted by then (a window system slow to map it): the event loop's session waits on.
        shown.wait_blocking(FIRST_PAINT_WAIT_S)
        return FirstConsole(console, started, shown, None)
    painted = shown.wait_blocking(SELF_TEST_TIMEOUT_S)
    try:
        return _self_test_result(painted, started)
    finally:
        console.close_unconnected()
        shown.window.hide()
        shown.window.deleteLater()


def _self_test_result(painted: bool, started: float) -> int:
    if not painted:
        print(f"self-test failed: the main window did not paint within {SELF_TEST_TIMEOUT_S:.0f} s", file=sys.stderr)
        return 1
    print(f"self-test ok: main window painted {(time.perf_counter() - started) * 1000:.0f} ms after start")
    return 0


async def run_console(options: argparse.Namespace, first: FirstConsole | None = None) -> int:
    """The qasync main coroutine: build the console (or go on with ``first``), wait for quit, clean up."""
    from PySide6.QtWidgets import QApplication

    from posapp.ui.i18n import install_translators
    from posapp.ui.theme import apply_theme

    if first is not None:
        settings, started = first.console.settings, first.started
    else:
        started = time.perf_counter()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        _prepare_application(app)
        loaded = _startup_settings(options)
        if loaded is None:
            return 1
        settings = loaded
        apply_theme(app)
    previous: Console | None = None
    while True:
        if first is not None:
            console, shown, problem, first = first.console, first.shown, first.problem, None
        else:
            install_translators(QApplication.instance(), settings.resolved_language())  # type: ignore[arg-type]
            console, shown, problem = Console(settings), None, None
            if previous is not None:
                console.take_over(previous)
        code = await _console_session(console, options, started, shown, problem)
        if console.restart_with is None:
            return code
        # Between training and live the console is built again on the other journal (see switch_provider);
        # after a language change, every screen is built again in the new language.
        settings, started, previous = console.restart_with, time.perf_counter(), console
        log.info("console restarting (%s mode, language %s)", "training" if settings.training else "live",
                 settings.resolved_language())  # fmt: skip


async def _console_session(
    console: Console,
    options: argparse.Namespace,
    started: float,
    shown: ShownWindow | None = None,
    problem: Exception | None = None,
) -> int:
    """One console from its journal to its clean-up: until quit, or a restart asked for by ``console``.

    ``shown``: its window, already shown (the first console, before the event loop started);
    ``problem``: why its journal could not be opened then.
    """
    import asyncio

    from PySide6.QtWidgets import QApplication

    from posapp.ui.wiring.console import build_console_screens, connect_console, install_settings, start_shop_link

    quit_requested = console.quit_requested
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.aboutToQuit.connect(quit_requested.set)
    _install_signal_handlers(quit_requested)

    try:
        if problem is not None:
            return await journal_problem(console, problem, options)
        if shown is None:
            try:
                console.open_journal(what=_journal_user(options))
            except Exception as exc:
                return await journal_problem(console, exc, options)
            shown = show_console(console, options)
        window = shown.window
        window.closing.connect(quit_requested.set)
        if shown.closed:
            quit_requested.set()
        await listen_for_raise(console, window)
        if options.self_test:
            try:
                await asyncio.wait_for(shown.wait(), SELF_TEST_TIMEOUT_S)
            except TimeoutError:
                pass
            return _self_test_result(shown.painted, started)
        await shown.wait()
        build_console_screens(console, window)
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
    import asyncio
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
    import asyncio

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


def diagnosed_journal_problem(console: Console, exc: BaseException) -> Any:
    """What is wrong with the journal ``exc`` came from (``journal.diagnose.OpenProblem``), logged."""
    from posapp.journal.diagnose import Problem, diagnose

    problem = diagnose(exc, console.journal_path())
    if problem.problem is Problem.IN_USE:
        log.warning("%s", problem.detail)
    else:
        log.error("cannot open the journal %s: %s", problem.path, problem.detail, exc_info=exc)
    return problem


def _self_test_journal_failed(problem: Any) -> int:
    from posapp.journal.diagnose import Problem

    in_use = problem.problem is Problem.IN_USE
    what = "the journal is open in another posapp console" if in_use else "cannot open the journal"
    print(f"self-test failed: {what}: {problem.detail}", file=sys.stderr)
    return 1


async def journal_problem(console: Console, exc: BaseException, options: argparse.Namespace) -> int:
    """The journal is open elsewhere or cannot be opened: say so in a window and do what the person chooses.

    Nothing is resumed or settled here. The choices: bring the other console forward, restore the last
    backup (then the console is built again on it), open the journal read-only, quit.
    """

    import asyncio

    from posapp.journal.diagnose import Problem

    problem = diagnosed_journal_problem(console, exc)
    in_use = problem.problem is Problem.IN_USE
    if options.self_test:
        return _self_test_journal_failed(problem)
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
    import asyncio

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
    import asyncio

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


BACKUP_CHECK_EVERY_S = 3600.0


async def daily_backups(*, every_s: float = BACKUP_CHECK_EVERY_S) -> None:
    """Once a day, a copy of the merchant's journal (the live one: its payments and the users) beside it.

    Checked at start and every hour, made on a worker thread through a connection of its own (SQLite's
    online backup: the console goes on writing meanwhile); the last seven are kept.
    """
    import asyncio

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


def _install_signal_handlers(quit_requested: asyncio.Event) -> None:
    import asyncio

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
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.perf_counter()
    # Python only runs signal handlers when the interpreter gets control; a periodic no-op timer gives it
    # that chance while Qt waits for events, so Ctrl+C in the terminal closes the console cleanly.
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    try:
        first = start_first_console(app, options, started)
        if isinstance(first, int):
            return first
        # asyncio and qasync load after the first paint: the cashier sees the lock screen without waiting for them.
        import qasync

        return int(qasync.run(run_console(options, first)))
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
    code = main()
    # Everything is closed by now (journal and lock, HTTP client, emulators; logging flushes at exit). The
    # interpreter's last collection would walk every object of the ~350 modules loaded, 20-40 ms of each
    # exit for memory the OS takes back anyway: frozen, they are left out of it.
    gc.freeze()
    sys.exit(code)
