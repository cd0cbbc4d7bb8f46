"""The sandbox on loopback: ``SandboxServer`` (uvicorn in a background thread) and ``posapp sandbox``.

Each provider's emulator is mounted under its own prefix, so one port serves them all; the gateway's
base URL for My-CoolPay is ``SandboxServer.mycoolpay_base_url`` (``http://127.0.0.1:PORT/mycoolpay``),
its paths then being the real ones (``/api/{public_key}/...``), the checkout pages
``/mycoolpay/payment/checkout/{ref}`` and the control API ``/mycoolpay/_sandbox/...``.

``posapp sandbox [--port N]`` prints, one line each and flushed, exactly::

    sandbox listening on http://127.0.0.1:PORT
    mycoolpay base=http://127.0.0.1:PORT/mycoolpay public_key=<key> private_key=<key>

    coolpay base=http://127.0.0.1:PORT/coolpay api_key=<key> private_key=<key>
    paiwise base=http://127.0.0.1:PORT/paiwise api_key=<key>
    commercelayer base=http://127.0.0.1:PORT/commercelayer client_id=<id> client_secret=<secret>

and serves until SIGINT or SIGTERM. The keys are the well-known training keys of each emulator module
(``TRAINING_PUBLIC_KEY`` / ``TRAINING_PRIVATE_KEY`` of ``posapp.sandbox.mycoolpay``, ``TRAINING_API_KEY`` /
``TRAINING_PRIVATE_KEY`` of ``coolpay``, ``TRAINING_API_KEY`` of ``paiwise``, ``TRAINING_CLIENT_ID`` /
``TRAINING_CLIENT_SECRET`` of ``commercelayer``): they move no money and are not secret.

Every provider lives under its prefix: ``/coolpay`` (API at ``/payments``, card pages ``/pay/{token}``),
``/paiwise`` (``/checkout/<verb>``, pages ``/pay/{checkout_id}``), ``/commercelayer`` (``/oauth/token``,
``/api/...``, 3-D Secure pages ``/3ds/{id}``); each has its control API under ``<prefix>/_sandbox/``.

``SandboxServer.training_credentials(name)`` gives what ``posapp.gateways.registry.build_gateway`` needs
to talk to one emulator: ``build_gateway(name, http, account.base_url, account.credentials)``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import socket
import sys
import threading
from collections.abc import AsyncIterator, Generator, Sequence
from dataclasses import dataclass
from types import FrameType, TracebackType

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount

from posapp.sandbox import commercelayer, coolpay, paiwise
from posapp.sandbox.commercelayer import CommerceLayerState
from posapp.sandbox.coolpay import CoolPayState
from posapp.sandbox.mycoolpay import MyCoolPayState, create_app
from posapp.sandbox.paiwise import PaiwiseState

HOST = "127.0.0.1"
MYCOOLPAY_PREFIX = "/mycoolpay"
COOLPAY_PREFIX = "/coolpay"
PAIWISE_PREFIX = "/paiwise"
COMMERCELAYER_PREFIX = "/commercelayer"
PROVIDERS = ("mycoolpay", "coolpay", "paiwise", "commercelayer")


@dataclass(frozen=True, slots=True)
class TrainingAccount:
    """Where one emulator answers and the credentials it accepts (the keys ``build_gateway`` takes)."""

    name: str
    base_url: str
    credentials: dict[str, str]


_coolpay_app = coolpay.create_app
_paiwise_app = paiwise.create_app
_commercelayer_app = commercelayer.create_app


class _Server(uvicorn.Server):
    """uvicorn that reports when it is ready and leaves signal handling to its owner."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        yield  # SandboxServer runs in a thread; main() installs its own handlers

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()


class SandboxServer:
    """The emulators served by uvicorn on 127.0.0.1 in a background thread.

    ``port=0`` picks a free port (known as soon as ``start()`` returns). ``mycoolpay``, ``coolpay``,
    ``paiwise`` and ``commercelayer`` are the emulated providers' states (fresh ones with the training
    keys unless given): script the customer and inject faults on them directly, or over HTTP through
    each control API.

    Usage: ``with SandboxServer() as sandbox: ... sandbox.mycoolpay_base_url ...``
    """

    def __init__(
        self,
        port: int = 0,
        *,
        mycoolpay: MyCoolPayState | None = None,
        coolpay: CoolPayState | None = None,
        paiwise: PaiwiseState | None = None,
        commercelayer: CommerceLayerState | None = None,
        callback_client: httpx.AsyncClient | None = None,
        log_level: str = "warning",
        graceful_shutdown: int = 1,
    ) -> None:
        self.mycoolpay = mycoolpay or MyCoolPayState()
        mycoolpay_app = create_app(self.mycoolpay, callback_client=callback_client)
        self.coolpay = coolpay or CoolPayState()
        self.paiwise = paiwise or PaiwiseState()
        self.commercelayer = commercelayer or CommerceLayerState()
        coolpay_app = _coolpay_app(self.coolpay, callback_client=callback_client)
        paiwise_app = _paiwise_app(self.paiwise)
        commercelayer_app = _commercelayer_app(self.commercelayer, callback_client=callback_client)
        apps = (mycoolpay_app, coolpay_app, paiwise_app, commercelayer_app)
        self._emulators = [app.state.emulator for app in apps]
        mounts = [
            Mount(MYCOOLPAY_PREFIX, app=mycoolpay_app),
            Mount(COOLPAY_PREFIX, app=coolpay_app),
            Mount(PAIWISE_PREFIX, app=paiwise_app),
            Mount(COMMERCELAYER_PREFIX, app=commercelayer_app),
        ]
        self.app = Starlette(routes=mounts, lifespan=self._lifespan)
        self._requested_port = port
        self._log_level = log_level
        self._graceful_shutdown = graceful_shutdown
        self._socket: socket.socket | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        # Starlette does not run a mounted app's lifespan: start each emulator's real-time ticker here.
        tasks = [asyncio.create_task(emulator.ticker()) for emulator in self._emulators]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    # ------------------------------------------------------------------------------ addresses

    @property
    def port(self) -> int:
        if self._socket is None:
            raise RuntimeError("the sandbox is not started")
        return int(self._socket.getsockname()[1])

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def mycoolpay_base_url(self) -> str:
        return self.base_url + MYCOOLPAY_PREFIX

    @property
    def coolpay_base_url(self) -> str:
        return self.base_url + COOLPAY_PREFIX

    @property
    def paiwise_base_url(self) -> str:
        return self.base_url + PAIWISE_PREFIX

    @property
    def commercelayer_base_url(self) -> str:
        return self.base_url + COMMERCELAYER_PREFIX

    def training_credentials(self, name: str) -> TrainingAccount:
        """The base URL and credentials of emulator ``name`` (one of ``PROVIDERS``), for ``build_gateway``."""
        if name == "mycoolpay":
            keys = {"public_key": self.mycoolpay.public_key, "private_key": self.mycoolpay.private_key}
            return TrainingAccount(name, self.mycoolpay_base_url, keys)
        if name == "coolpay":
            keys = {"api_key": self.coolpay.api_key, "private_key": self.coolpay.private_key}
            return TrainingAccount(name, self.coolpay_base_url, keys)
        if name == "paiwise":
            return TrainingAccount(name, self.paiwise_base_url, {"api_key": self.paiwise.api_key})
        if name == "commercelayer":
            keys = {
                "client_id": self.commercelayer.client_id,
                "client_secret": self.commercelayer.client_secret,
                "webhook_secret": self.commercelayer.webhook_secret,
            }
            return TrainingAccount(name, self.commercelayer_base_url, keys)
        raise ValueError(f"no emulator named {name!r} (known: {', '.join(PROVIDERS)})")

    def describe(self) -> list[str]:
        """The lines ``posapp sandbox`` prints (scripts parse them)."""
        return [
            f"sandbox listening on {self.base_url}",
            f"mycoolpay base={self.mycoolpay_base_url} public_key={self.mycoolpay.public_key} "
            f"private_key={self.mycoolpay.private_key}",
            f"coolpay base={self.coolpay_base_url} api_key={self.coolpay.api_key} "
            f"private_key={self.coolpay.private_key}",
            f"paiwise base={self.paiwise_base_url} api_key={self.paiwise.api_key}",
            f"commercelayer base={self.commercelayer_base_url} client_id={self.commercelayer.client_id} "
            f"client_secret={self.commercelayer.client_secret}",
        ]

    # ------------------------------------------------------------------------------ lifecycle

    def _bind(self) -> None:
        # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets whose proto says TCP,
        # and without it every answer (headers, then body) waits ~40 ms for a delayed ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, self._requested_port))
        except OSError:
            sock.close()
            raise
        # Listening now means a client that reads the printed address before uvicorn is up waits in
        # the backlog instead of being refused.
        sock.listen(128)
        self._socket = sock

    def _make_server(self) -> _Server:
        config = uvicorn.Config(
            self.app,
            host=HOST,
            port=self.port,
            log_level=self._log_level,
            lifespan="on",
            access_log=False,
            timeout_graceful_shutdown=self._graceful_shutdown,
            loop="asyncio",
            http="h11",
        )
        return _Server(config)

    def start(self, timeout: float = 10.0) -> SandboxServer:
        """Bind, start serving in a daemon thread and return once requests are accepted."""
        if self._thread is not None:
            raise RuntimeError("the sandbox is already started")
        self._bind()
        self._server = server = self._make_server()
        assert self._socket is not None
        sockets = [self._socket]
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": sockets}, name="sandbox", daemon=True)
        self._thread.start()
        while not server.ready.wait(0.05):
            if not self._thread.is_alive() or timeout <= 0:
                self.stop()
                raise RuntimeError("the sandbox server did not start")
            timeout -= 0.05
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving and wait for the thread; safe to call twice."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        if self._socket is not None:
            self._socket.close()
        self._server, self._thread, self._socket = None, None, None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------------------ foreground

    def serve_forever(self) -> None:
        """Serve in the calling (main) thread until SIGINT / SIGTERM."""
        if self._socket is None:
            self._bind()
        server = self._server = self._make_server()

        def request_exit(signum: int, frame: FrameType | None) -> None:
            server.should_exit = True

        previous = {sig: signal.signal(sig, request_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            assert self._socket is not None
            server.run(sockets=[self._socket])
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            if self._socket is not None:
                self._socket.close()
                self._socket = None


def main(argv: Sequence[str] | None = None) -> int:
    """``posapp sandbox [--port N]``: serve the emulators in the foreground until interrupted."""
    parser = argparse.ArgumentParser(prog="posapp sandbox", description="Serve the provider emulators on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default 0: any free port)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    sandbox = SandboxServer(args.port)
    try:
        sandbox._bind()
    except OSError as exc:
        print(f"sandbox: cannot listen on {HOST}:{args.port}: {exc.strerror}", file=sys.stderr)  # noqa: T201
        return 1
    for line in sandbox.describe():
        print(line)  # noqa: T201
    sys.stdout.flush()
    sandbox.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
