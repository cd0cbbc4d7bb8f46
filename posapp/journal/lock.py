"""One running console per journal: an exclusive OS lock on a file beside it, which dies with the process.

A second console on the same journal would take the first one's requests in flight for a crash's
leftovers: ``StatusTracker.resume`` would cancel a payment link whose QR code is on the first screen
and mark a payout being sent as unknown, and a training console would cancel the other's payments.
So the console takes ``JournalLock.acquire(journal_path, ...)`` before it opens the journal, holds it
until it closes, and a second one gets ``JournalInUse`` with what the first wrote about itself.

The lock is ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows, on ``<journal>.lock``. The
operating system releases it when the process ends, however it ends (kill -9, power cut), so a lock
file left behind by a dead console is simply taken again; nothing has to be cleaned up. The owner's
details (process id, host, when, and where it listens to be brought forward) are JSON in the lock
file: on Windows the lock covers one byte far past them, so another process can still read them.

API::

    JournalLock.acquire(journal_path, *, details=None) -> JournalLock    raises JournalInUse
    lock.update(**details)          add to what a second console will read (e.g. the raise port)
    lock.release()                  idempotent; also on garbage collection of the process
    read_owner(journal_path) -> Owner | None      what the holder wrote, or None
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

LOCK_SUFFIX = ".lock"
# Windows locks byte ranges (mandatory locks): lock one byte past any details we write, so they stay readable.
_WINDOWS_LOCK_OFFSET = 1 << 30
_DETAILS_MAX = 4096


@dataclass(frozen=True, slots=True)
class Owner:
    """What the console holding a journal said about itself."""

    pid: int | None = None
    host: str = ""
    since: datetime | None = None
    what: str = ""  # "console", "self-test", ...
    raise_port: int | None = None  # 127.0.0.1 port where it listens for "bring your window forward"
    raise_token: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class JournalInUse(Exception):
    """Another running console holds this journal; ``owner`` says which, when it could be read."""

    def __init__(self, journal_path: Path, owner: Owner | None) -> None:
        who = ""
        if owner is not None and owner.pid is not None:
            who = f" (process {owner.pid}" + (f" on {owner.host}" if owner.host else "") + ")"
        super().__init__(f"{journal_path} is open in another posapp console{who}")
        self.journal_path = journal_path
        self.owner = owner


def lock_path(journal_path: str | os.PathLike[str]) -> Path:
    path = Path(journal_path)
    return path.with_name(path.name + LOCK_SUFFIX)


def _try_lock(handle: IO[bytes]) -> bool:
    if os.name == "nt":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if os.name == "nt":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_owner(journal_path: str | os.PathLike[str]) -> Owner | None:
    """What the holder of ``journal_path``'s lock wrote about itself (None when nothing readable is there)."""
    try:
        with open(lock_path(journal_path), "rb") as handle:
            text = handle.read(_DETAILS_MAX).rstrip(b"\0").decode("utf-8")
        data = json.loads(text) if text.strip() else None
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    since = None
    with contextlib.suppress(TypeError, ValueError):
        since = datetime.fromisoformat(data.get("since", ""))
    port = data.get("raise_port")
    pid = data.get("pid")
    known = {"pid", "host", "since", "what", "raise_port", "raise_token"}
    return Owner(
        pid=pid if isinstance(pid, int) else None,
        host=str(data.get("host", "")),
        since=since,
        what=str(data.get("what", "")),
        raise_port=port if isinstance(port, int) else None,
        raise_token=str(data.get("raise_token", "")),
        extra={k: v for k, v in data.items() if k not in known},
    )


class JournalLock:
    """The exclusive lock of one journal, held by this process until ``release``."""

    def __init__(self, journal_path: Path, handle: IO[bytes], details: dict[str, Any]) -> None:
        self.journal_path = journal_path
        self._handle: IO[bytes] | None = handle
        self._details = details

    @classmethod
    def acquire(cls, journal_path: str | os.PathLike[str], *, details: dict[str, Any] | None = None) -> JournalLock:
        """Take the journal's lock, or raise ``JournalInUse`` naming the console that has it."""
        path = Path(journal_path)
        target = lock_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Created if missing, never truncated here: the holder's details stay readable until we hold the lock.
        handle = os.fdopen(os.open(target, os.O_RDWR | os.O_CREAT, 0o600), "r+b")
        try:
            if not _try_lock(handle):
                handle.close()
                raise JournalInUse(path, read_owner(path))
            lock = cls(path, handle, {})
            lock.update(
                pid=os.getpid(),
                host=socket.gethostname(),
                since=datetime.now(UTC).isoformat(timespec="seconds"),
                **(details or {}),
            )
        except BaseException:
            if not handle.closed:
                _unlock(handle)
                handle.close()
            raise
        return lock

    @property
    def held(self) -> bool:
        return self._handle is not None

    def update(self, **details: Any) -> None:
        """Add ``details`` to what a second console reads about this one."""
        if self._handle is None:
            raise RuntimeError("the journal lock was released")
        self._details.update(details)
        data = json.dumps(self._details, ensure_ascii=False).encode("utf-8")
        self._handle.seek(0)
        if os.name == "nt":
            # No truncation under a byte-range lock: blank out whatever an earlier, longer text left.
            self._handle.write(data.ljust(_DETAILS_MAX, b"\0"))
        else:
            self._handle.write(data)
            self._handle.truncate()
        self._handle.flush()

    def release(self) -> None:
        """Let another console open the journal. Safe to call twice."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(0)
            if os.name == "nt":
                handle.write(b"\0" * _DETAILS_MAX)
            else:
                handle.truncate()  # a console that closed leaves no details behind
            handle.flush()
        _unlock(handle)
        handle.close()

    def __enter__(self) -> JournalLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"<JournalLock {self.journal_path} {'held' if self.held else 'released'}>"
