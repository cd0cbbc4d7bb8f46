"""The receipt printer's connection, from the settings, and sending one job to it.

The connection is one of python-escpos' printer classes: ``Network`` (raw TCP, port 9100), ``Usb``
(pyusb), ``Serial`` (pyserial: a serial port, or a Bluetooth printer paired as ``/dev/rfcomm0`` /
``COM5``), ``Win32Raw`` (the Windows spooler in RAW mode, a printer installed with its Windows driver) and
``File`` (a device file such as ``/dev/usb/lp0``). python-escpos is imported on first use, on the print
thread: it loads its printer profiles (a few tenths of a second) and caches them under ``cache_dir()``.

``send`` opens the connection, and when the printer answers ESC/POS status queries (``check_status``,
the default for network, USB and serial) asks it first whether it is online with paper (DLE EOT 1 and 4),
writes the job, then asks once more: a printer processes the query only after the bytes before it, so an
answer means it took the whole receipt. A printer that refuses the connection, does not answer within
``timeout_s``, is offline or out of paper, or closes the connection part way raises ``PrinterError`` with
the ``Problem``: the caller keeps the job and tries again later.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from posapp.config import HOME_ENV

log = logging.getLogger(__name__)

SETTINGS_KEY = "receipt_printer"  # where Settings.extra keeps the printer's settings
DEFAULT_TIMEOUT_S = 5.0

# DLE EOT n answers (Epson's ESC/POS reference; the bits python-escpos' own is_online/paper_status read)
_STATUS_PRINTER = b"\x10\x04\x01"
_STATUS_PAPER = b"\x10\x04\x04"
_OFFLINE_BIT = 0x08
_PAPER_END_BITS = 0x60


class Connection(StrEnum):
    NONE = "none"  # no ESC/POS printer: receipts go to the system printer (or none)
    NETWORK = "network"
    USB = "usb"
    SERIAL = "serial"  # a serial port, or a Bluetooth printer paired as a serial port
    WINDOWS = "windows"  # the Windows spooler, RAW
    FILE = "file"  # a device file (/dev/usb/lp0)


class Paper(StrEnum):
    MM58 = "58mm"
    MM80 = "80mm"

    @property
    def default_columns(self) -> int:
        """Characters per line of font A: 32 on 58 mm paper; 48 on 80 mm (42 on some Epson models)."""
        return 32 if self is Paper.MM58 else 48


class Problem(StrEnum):
    """Why a job did not print, in a word the user interface turns into the cashier's language."""

    NOT_CONFIGURED = "not_configured"
    UNREACHABLE = "unreachable"  # refused, no route, no such device, unplugged
    NOT_ANSWERING = "not_answering"  # took the connection but said nothing in time (stalled, busy)
    OFFLINE = "offline"  # cover open, error, paper feed held
    NO_PAPER = "no_paper"
    DISCONNECTED = "disconnected"  # closed the connection part way through the receipt
    UNSUPPORTED = "unsupported"  # this connection needs what this computer lacks (pywin32, libusb)


class PrinterError(Exception):
    """A job did not reach the printer, or the printer could not print it: ``problem`` says why."""

    def __init__(self, problem: Problem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}" if detail else problem.value)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    """The ESC/POS printer as the Settings screen sets it (``Settings.extra["receipt_printer"]``)."""

    connection: Connection = Connection.NONE
    host: str = ""
    port: int = 9100
    usb_vendor: int = 0  # e.g. 0x0416
    usb_product: int = 0
    serial_device: str = ""  # /dev/ttyUSB0, /dev/rfcomm0, COM3
    baudrate: int = 9600
    windows_printer: str = ""  # "" = the default printer
    device_file: str = ""
    paper: Paper = Paper.MM80
    columns: int = 0  # characters per line; 0 = the paper's default
    profile: str = "default"  # a python-escpos printer profile ("TM-T20II", "POS-5890", ...)
    codepage: str = ""  # "" = the first of CP858, CP850, CP1252 the profile has
    drawer_pin: int = 2  # the drawer's connector pin (2 or 5)
    check_status: bool = True  # the printer answers DLE EOT status queries
    timeout_s: float = DEFAULT_TIMEOUT_S
    auto_print: bool = True  # print the receipt of every paid sale at once
    kick_on_cash: bool = True  # open the drawer on a cash sale
    open_drawer_by: str = "cashier"  # who may open the drawer without a sale: "cashier" (anyone) or "manager"

    def __post_init__(self) -> None:
        object.__setattr__(self, "connection", Connection(self.connection))
        object.__setattr__(self, "paper", Paper(self.paper))
        if self.drawer_pin not in (2, 5):
            raise ValueError("the drawer is wired to pin 2 or pin 5")
        if self.open_drawer_by not in ("cashier", "manager"):
            raise ValueError("the drawer is opened without a sale by a cashier or by a manager")
        if not 0 < self.timeout_s <= 120:
            raise ValueError("the printer's timeout is between 0 and 120 seconds")
        if self.columns and not 16 <= self.columns <= 80:
            raise ValueError("a receipt line holds 16 to 80 characters")
        if not 0 < self.port < 65536:
            raise ValueError("a network port is between 1 and 65535")
        if self.connection is Connection.NETWORK and not self.host.strip():
            raise ValueError("a network printer needs its address")
        if self.connection is Connection.SERIAL and not self.serial_device.strip():
            raise ValueError("a serial printer needs its port")
        if self.connection is Connection.FILE and not self.device_file.strip():
            raise ValueError("a printer device file needs its path")
        if self.connection is Connection.USB and not (self.usb_vendor and self.usb_product):
            raise ValueError("a USB printer needs its vendor and product ids")

    @property
    def enabled(self) -> bool:
        return self.connection is not Connection.NONE

    @property
    def line_width(self) -> int:
        return self.columns or self.paper.default_columns

    def to_dict(self) -> dict[str, Any]:
        """For the settings file (TOML: plain strings, numbers and booleans)."""
        return {k: (v.value if isinstance(v, StrEnum) else v) for k, v in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> PrinterConfig:
        """From the settings file; unknown keys (a newer posapp's) are left out, bad values refused."""
        if not data:
            return cls()
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def with_changes(self, **changes: Any) -> PrinterConfig:
        return replace(self, **changes)

    def describe(self) -> str:
        """Where the printer is, for logs and the queue's screen (no secret in it)."""
        return {
            Connection.NONE: "no printer",
            Connection.NETWORK: f"{self.host}:{self.port}",
            Connection.USB: f"USB {self.usb_vendor:04x}:{self.usb_product:04x}",
            Connection.SERIAL: self.serial_device,
            Connection.WINDOWS: self.windows_printer or "the default Windows printer",
            Connection.FILE: self.device_file,
        }[self.connection]


# ---------------------------------------------------------------------------------------------- the library

_import_lock = threading.Lock()


def cache_dir() -> Path:
    """Where python-escpos keeps its parsed printer profiles (``$POSAPP_HOME/cache/escpos`` in tests)."""
    import platformdirs

    home = os.environ.get(HOME_ENV)
    base = Path(home) / "cache" if home else Path(platformdirs.user_cache_dir("posapp", appauthor=False))
    return base / "escpos"


def escpos_modules() -> Any:
    """``escpos.printer``, imported once. Its profile loader would make a new temporary folder at every
    start and set up logging on an unconfigured root logger; both are kept from happening."""
    with _import_lock:
        import sys

        if "escpos.printer" in sys.modules:
            return sys.modules["escpos.printer"]
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(folder))
        root = logging.getLogger()
        placeholder = logging.NullHandler() if not root.handlers else None
        if placeholder is not None:
            root.addHandler(placeholder)  # logging.basicConfig() in escpos.capabilities does nothing then
        try:
            import escpos.printer
        finally:
            if placeholder is not None:
                root.removeHandler(placeholder)
        return escpos.printer


def open_printer(config: PrinterConfig) -> Any:
    """The python-escpos printer object for ``config`` (not connected yet)."""
    printers = escpos_modules()
    common: dict[str, Any] = {"profile": config.profile}
    if config.connection is Connection.NETWORK:
        return printers.Network(config.host.strip(), config.port, timeout=config.timeout_s, **common)
    if config.connection is Connection.USB:
        return printers.Usb(config.usb_vendor, config.usb_product, timeout=int(config.timeout_s * 1000), **common)
    if config.connection is Connection.SERIAL:
        return printers.Serial(config.serial_device.strip(), config.baudrate, timeout=config.timeout_s, **common)
    if config.connection is Connection.WINDOWS:
        if not printers.Win32Raw.is_usable():
            raise PrinterError(Problem.UNSUPPORTED, "the Windows spooler is only on Windows (pywin32)")
        return printers.Win32Raw(config.windows_printer, **common)
    if config.connection is Connection.FILE:
        return printers.File(config.device_file.strip(), **common)
    raise PrinterError(Problem.NOT_CONFIGURED, "no ESC/POS printer is set up")


def _answers_status(config: PrinterConfig) -> bool:
    return config.check_status and config.connection in (Connection.NETWORK, Connection.USB, Connection.SERIAL)


def _ask(printer: Any, query: bytes, *, stream: bool) -> int:
    printer._raw(query)
    answer = printer._read()
    if not answer:
        if stream:  # a TCP read of nothing: the printer closed the connection
            raise PrinterError(Problem.DISCONNECTED, "the printer closed the connection")
        raise PrinterError(Problem.NOT_ANSWERING, "no answer to a status query")
    return int(answer[-1]) if isinstance(answer, bytes | bytearray) else int(list(answer)[-1])


def _check(printer: Any, config: PrinterConfig) -> None:
    stream = config.connection is Connection.NETWORK
    if _ask(printer, _STATUS_PRINTER, stream=stream) & _OFFLINE_BIT:
        raise PrinterError(Problem.OFFLINE, "the printer says it is offline (cover open, error or feed held)")
    if _ask(printer, _STATUS_PAPER, stream=stream) & _PAPER_END_BITS == _PAPER_END_BITS:
        raise PrinterError(Problem.NO_PAPER, "the printer is out of paper")


def _problem_of(exc: BaseException) -> PrinterError:
    if isinstance(exc, PrinterError):
        return exc
    name = type(exc).__name__
    if isinstance(exc, TimeoutError | socket.timeout) or name == "USBTimeoutError":
        return PrinterError(Problem.NOT_ANSWERING, "it did not answer in time")
    if isinstance(exc, BrokenPipeError | ConnectionResetError | ConnectionAbortedError):
        return PrinterError(Problem.DISCONNECTED, "it closed the connection part way through")
    if name in ("DeviceNotFoundError", "USBNotFoundError") or isinstance(exc, ConnectionRefusedError | OSError):
        return PrinterError(Problem.UNREACHABLE, str(exc).splitlines()[-1] if str(exc) else name)
    return PrinterError(Problem.UNREACHABLE, f"{name}: {exc}")


def send(config: PrinterConfig, data: bytes) -> None:
    """Write one job to the printer, checked before and after when it answers status (module docstring).

    Runs on the print thread: it blocks for at most a few times ``timeout_s``.
    """
    if not config.enabled:
        raise PrinterError(Problem.NOT_CONFIGURED, "no ESC/POS printer is set up")
    printer = open_printer(config)
    try:
        printer.open()  # python-escpos raises DeviceNotFoundError for a refused connection or a missing device
        if config.connection is Connection.NETWORK:
            # A status query is 3 bytes awaiting a 1-byte answer: Nagle's algorithm would hold each one
            # back for the delayed acknowledgement of the one before (about 40 ms a job on loopback).
            printer.device.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if _answers_status(config):
            _check(printer, config)
        printer._raw(data)
        if _answers_status(config):
            _check(printer, config)
    except Exception as exc:
        raise _problem_of(exc) from exc
    finally:
        try:
            printer.close()
        except Exception:  # closing a connection the printer already dropped
            log.debug("closing the printer connection failed", exc_info=True)


def load_config(extra: Mapping[str, Any]) -> PrinterConfig:
    """The printer from ``Settings.extra``; a damaged entry is no printer (logged), never a crash."""
    try:
        return PrinterConfig.from_dict(extra.get(SETTINGS_KEY))
    except (TypeError, ValueError) as exc:
        log.warning("the receipt printer's settings are not usable (%s); printing to no ESC/POS printer", exc)
        return PrinterConfig()
