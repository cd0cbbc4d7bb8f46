"""Why a journal could not be opened, in terms a window can explain, and what can still be done with it.

The journal refuses to open a file it cannot trust and leaves it untouched: a newer posapp's schema, a
truncated or damaged file, a folder it cannot write, a full disk, or another console holding it. The
console then shows ``OpenProblem`` to the person at the till (``ui/screens/startup_problem.py``) instead
of exiting: what is wrong, where the file is, that nothing was changed, and what to do (restore the
last backup, open it read-only for History and export, or call support with the log's path).
"""

from __future__ import annotations

import enum
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from posapp.journal.backups import list_backups
from posapp.journal.faults import Fault, fault_of
from posapp.journal.lock import JournalInUse, Owner
from posapp.journal.store import Journal, SchemaTooNew

LOW_SPACE_BYTES = 1 << 20


class Problem(enum.Enum):
    IN_USE = "in_use"  # another console holds it
    TOO_NEW = "too_new"  # written by a newer posapp
    DAMAGED = "damaged"  # truncated, flipped bytes, zeroed pages: not a whole SQLite journal
    READ_ONLY = "read_only"  # the folder or file cannot be written
    DISK_FULL = "disk_full"
    DISK_ERROR = "disk_error"
    OTHER = "other"


@dataclass(frozen=True)
class OpenProblem:
    """What stands between the console and its journal."""

    problem: Problem
    path: Path
    detail: str
    owner: Owner | None = None  # IN_USE: the console that holds it, as it described itself
    backups: list[Path] = field(default_factory=list)  # newest first
    readable: bool = False  # History and export can still read it


def _readable(path: Path) -> bool:
    try:
        with Journal(path, read_only=True) as journal:
            journal.history_page(limit=1)
            return True
    except (sqlite3.Error, OSError, ValueError, KeyError):
        return False


def _folder_unwritable(path: Path) -> bool:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def diagnose(exc: BaseException, journal_path: str | os.PathLike[str]) -> OpenProblem:
    """Classify why opening ``journal_path`` raised ``exc``."""
    path = Path(journal_path)
    backups = list_backups(path)
    if isinstance(exc, JournalInUse):
        return OpenProblem(Problem.IN_USE, path, str(exc), owner=exc.owner, backups=backups)
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SchemaTooNew):
        return OpenProblem(Problem.TOO_NEW, path, detail, backups=backups, readable=_readable(path))
    fault = fault_of(exc)
    try:
        free = shutil.disk_usage(path.parent if path.parent.exists() else Path.cwd()).free
    except OSError:
        free = None
    if fault is Fault.DISK_FULL or (free is not None and free < LOW_SPACE_BYTES):
        problem = Problem.DISK_FULL
    elif fault in (Fault.READ_ONLY, Fault.CANNOT_OPEN) and _folder_unwritable(path):
        problem = Problem.READ_ONLY
    elif fault is Fault.DAMAGED:
        problem = Problem.DAMAGED
    elif fault is Fault.DISK_ERROR:
        problem = Problem.DISK_ERROR
    elif isinstance(exc, PermissionError) or _folder_unwritable(path):
        problem = Problem.READ_ONLY
    else:
        problem = Problem.OTHER
    readable = path.exists() and _readable(path)
    return OpenProblem(problem, path, detail, backups=backups, readable=readable)
