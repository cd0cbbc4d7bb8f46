"""Reading an ESC/POS byte stream back, and a loopback "network printer" that takes one.

``decode(data)`` walks the commands a thermal printer would obey and returns what it would print: the
text lines (decoded with the code page selected by ESC t at that point), their style (bold, size,
alignment), the QR codes' data (GS ( k function 80) and how many were printed (function 81), the cuts
(GS V), the drawer pulses (ESC p) and the status queries (DLE EOT). An unknown command fails the decode:
a test must not pass on bytes a printer would choke on.

``NetworkPrinter`` is a TCP server on 127.0.0.1 (port 0: any free one) that behaves like a printer on
port 9100: it keeps every byte of every connection and answers DLE EOT 1 / 4 with the status bytes of
an Epson printer. Its ``mode`` makes it misbehave: ``offline``, ``no_paper``, ``stall`` (accepts, never
reads or answers), ``close_after`` (reads ``close_after_bytes`` then drops the connection with a reset).
"""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import dataclass, field

CODEPAGES = {0: "cp437", 2: "cp850", 16: "cp1252", 19: "cp858"}


@dataclass
class Line:
    text: str
    bold: bool = False
    double_width: bool = False
    double_height: bool = False
    align: int = 0  # 0 left, 1 center, 2 right


@dataclass
class Decoded:
    lines: list[Line] = field(default_factory=list)
    codepages: list[int] = field(default_factory=list)
    qr_data: list[str] = field(default_factory=list)
    qr_printed: int = 0
    cuts: int = 0
    drawer_pulses: list[tuple[int, int, int]] = field(default_factory=list)
    status_queries: list[int] = field(default_factory=list)
    inits: int = 0

    @property
    def text(self) -> list[str]:
        return [line.text for line in self.lines]

    def find(self, fragment: str) -> Line:
        return next(line for line in self.lines if fragment in line.text)


class DecodeError(AssertionError):
    pass


def decode(data: bytes) -> Decoded:
    out = Decoded()
    codepage = 0
    bold = wide = tall = False
    align = 0
    current = bytearray()
    line_style: tuple[bool, bool, bool, int] | None = None
    i = 0

    def need(n: int) -> bytes:
        if i + n > len(data):
            raise DecodeError(f"command at {i} is cut short")
        return data[i : i + n]

    def end_line() -> None:
        nonlocal current, line_style
        style = line_style or (bold, wide, tall, align)
        text = bytes(current).decode(CODEPAGES.get(codepage, "cp437"))
        out.lines.append(Line(text, style[0], style[1], style[2], style[3]))
        current = bytearray()
        line_style = None

    while i < len(data):
        byte = data[i]
        if byte == 0x1B:  # ESC
            command = need(2)[1:2]
            if command == b"@":
                out.inits += 1
                codepage, bold, wide, tall, align = 0, False, False, False, 0
                i += 2
            elif command == b"t":
                codepage = need(3)[2]
                out.codepages.append(codepage)
                i += 3
            elif command == b"!":
                mode = need(3)[2]
                bold, tall, wide = bool(mode & 0x08), bool(mode & 0x10), bool(mode & 0x20)
                i += 3
            elif command == b"E":
                bold = bool(need(3)[2] & 1)
                i += 3
            elif command == b"a":
                align = need(3)[2] % 48 if need(3)[2] >= 48 else need(3)[2]
                i += 3
            elif command in (b"-", b"M", b"G", b"{", b"r", b"3"):
                i += 3
            elif command == b"2":
                i += 2
            elif command == b"d":
                for _ in range(need(3)[2]):
                    end_line()
                i += 3
            elif command == b"p":
                _, _, pin, on, off = need(5)
                out.drawer_pulses.append((pin, on, off))
                i += 5
            else:
                raise DecodeError(f"unknown ESC {command!r} at {i}")
        elif byte == 0x1D:  # GS
            command = need(2)[1:2]
            if command == b"V":
                mode = need(3)[2]
                out.cuts += 1
                i += 4 if mode in (65, 66) else 3
            elif command == b"(":
                kind = need(3)[2:3]
                (length,) = struct.unpack("<H", need(5)[3:5])
                body = need(5 + length)[5:]
                if kind == b"k" and body[:1] == b"1":
                    function = body[1]
                    if function == 80:
                        out.qr_data.append(body[3:].decode("utf-8"))
                    elif function == 81:
                        out.qr_printed += 1
                i += 5 + length
            elif command in (b"!", b"B", b"b", b"|"):
                if command == b"!":
                    size = need(3)[2]
                    wide, tall = bool(size & 0x70), bool(size & 0x07)
                i += 3
            else:
                raise DecodeError(f"unknown GS {command!r} at {i}")
        elif byte == 0x10:  # DLE EOT n: a real-time status query
            if need(2)[1] != 0x04:
                raise DecodeError(f"unknown DLE command at {i}")
            out.status_queries.append(need(3)[2])
            i += 3
        elif byte == 0x0A:
            end_line()
            i += 1
        elif byte == 0x0D:
            i += 1
        elif byte < 0x20:
            raise DecodeError(f"unknown control byte {byte:#04x} at {i}")
        else:
            if not current:
                line_style = (bold, wide, tall, align)
            current.append(byte)
            i += 1
    if current:
        end_line()
    return out


# ---------------------------------------------------------------------------------------------- the printer

ONLINE = 0x12  # DLE EOT 1: bits 1 and 4 always set; bit 3 set means offline
OFFLINE = 0x12 | 0x08
PAPER_OK = 0x12  # DLE EOT 4: bits 5-6 set mean the paper ran out
PAPER_OUT = 0x12 | 0x60


class NetworkPrinter:
    """A TCP "printer" on 127.0.0.1 (module docstring). ``jobs`` holds the bytes of each connection."""

    def __init__(self, mode: str = "ok", *, close_after_bytes: int = 64) -> None:
        self.mode = mode
        self.close_after_bytes = close_after_bytes
        self.jobs: list[bytes] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name="network-printer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._take, args=(conn,), daemon=True).start()

    def _take(self, conn: socket.socket) -> None:
        received = bytearray()
        index = len(self.jobs)
        with self._lock:
            self.jobs.append(b"")
        if self.mode == "stall":
            self._held.append(conn)  # never read, never answered: the client's timeout decides
            return
        conn.settimeout(0.2)
        scanned = 0
        try:
            while not self._stop.is_set():
                try:
                    chunk = conn.recv(4096)
                except TimeoutError:
                    continue
                if not chunk:
                    break
                received += chunk
                with self._lock:
                    self.jobs[index] = bytes(received)
                if self.mode == "close_after" and len(received) >= self.close_after_bytes:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break  # closed with a reset, part way through
                while True:
                    found = received.find(b"\x10\x04", scanned)
                    if found < 0 or found + 2 >= len(received):
                        break
                    query = received[found + 2]
                    scanned = found + 3
                    conn.sendall(bytes([self._status(query)]))
        finally:
            conn.close()

    def _status(self, query: int) -> int:
        if query == 1:
            return OFFLINE if self.mode == "offline" else ONLINE
        if query == 4:
            return PAPER_OUT if self.mode == "no_paper" else PAPER_OK
        return 0x12

    def printed(self) -> list[bytes]:
        with self._lock:
            return [job for job in self.jobs if job]

    def close(self) -> None:
        self._stop.set()
        for conn in self._held:
            conn.close()
        self._server.close()
        self._thread.join(2)


def free_port_nobody_listens_on() -> int:
    """A loopback port that refuses connections (bound, then closed)."""
    probe = socket.create_server(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()
    return port
