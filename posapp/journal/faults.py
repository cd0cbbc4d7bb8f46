"""What kind of trouble a failed journal operation is in: disk full, disk error, busy, read-only, damaged.

SQLite reports these as ``sqlite3.OperationalError``/``DatabaseError`` (with ``sqlite_errorcode`` since
Python 3.11) and the file system as ``OSError``. The services use ``fault_of`` to tell a journal that
cannot be written *now* (retry until the write lands; never send again) from a refusal that is final
(``IllegalTransition``, ``LookupError``: not a fault); the user interface uses it to say which, in words.
"""

from __future__ import annotations

import enum
import errno
import sqlite3

from posapp.journal.store import JournalError


class Fault(enum.Enum):
    """Why the journal could not be read or written."""

    DISK_FULL = "disk_full"
    DISK_ERROR = "disk_error"  # an I/O error: a failing disk, a USB stick pulled out
    BUSY = "busy"  # another process held the file past the busy timeout
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    DAMAGED = "damaged"  # not a database, or a damaged one
    CANNOT_OPEN = "cannot_open"


# SQLite's primary result codes (the low byte of an extended code): https://sqlite.org/rescode.html
_BY_CODE = {
    13: Fault.DISK_FULL,  # SQLITE_FULL
    10: Fault.DISK_ERROR,  # SQLITE_IOERR
    5: Fault.BUSY,  # SQLITE_BUSY
    6: Fault.BUSY,  # SQLITE_LOCKED
    8: Fault.READ_ONLY,  # SQLITE_READONLY
    23: Fault.READ_ONLY,  # SQLITE_AUTH
    3: Fault.READ_ONLY,  # SQLITE_PERM
    11: Fault.DAMAGED,  # SQLITE_CORRUPT
    26: Fault.DAMAGED,  # SQLITE_NOTADB
    14: Fault.CANNOT_OPEN,  # SQLITE_CANTOPEN
}
# When the code is missing (an error raised by hand, an older sqlite3 module): SQLite's own messages.
_BY_TEXT = (
    ("database or disk is full", Fault.DISK_FULL),
    ("disk i/o error", Fault.DISK_ERROR),
    ("database is locked", Fault.BUSY),
    ("database table is locked", Fault.BUSY),
    ("readonly database", Fault.READ_ONLY),
    ("read-only", Fault.READ_ONLY),
    ("file is not a database", Fault.DAMAGED),
    ("malformed", Fault.DAMAGED),
    ("unable to open database file", Fault.CANNOT_OPEN),
)
_BY_ERRNO = {
    errno.ENOSPC: Fault.DISK_FULL,
    errno.EDQUOT: Fault.DISK_FULL,
    errno.EIO: Fault.DISK_ERROR,
    errno.EROFS: Fault.READ_ONLY,
    errno.EACCES: Fault.READ_ONLY,
    errno.EPERM: Fault.READ_ONLY,
}


def fault_of(exc: BaseException) -> Fault | None:
    """The journal fault ``exc`` is, or None when it is no fault of the disk or the file (a refusal, a bug)."""
    if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _BY_CODE:
            return _BY_CODE[code & 0xFF]
        text = str(exc).lower()
        for fragment, fault in _BY_TEXT:
            if fragment in text:
                return fault
        return Fault.DISK_ERROR if isinstance(exc, sqlite3.OperationalError) else Fault.DAMAGED
    if isinstance(exc, OSError):
        return _BY_ERRNO.get(exc.errno or 0, Fault.DISK_ERROR)
    if isinstance(exc, JournalError) and isinstance(exc.__cause__, sqlite3.Error | OSError):
        return fault_of(exc.__cause__)
    return None
