"""The terminal's identity: a stable random id born with its journal, and a name people give it.

The id (a UUID) is written by the journal's migration ``m003_terminal`` and never changes (a trigger
refuses it); the name is set on first run and may be changed by a manager. Until it is named, a
terminal is called by its computer's name, so the status bar and receipts always say something.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass

from posapp.journal.store import Journal, JournalError
from posapp.shop.errors import Worded

MAX_NAME = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class TerminalNameError(Worded, JournalError):
    """The name cannot be used; the message says why (a template a user interface translates)."""

    def __init__(self, template: str, /, **params: object) -> None:
        super().__init__(self._word(template, "", params))


@dataclass(frozen=True, slots=True)
class TerminalIdentity:
    terminal_id: str
    name: str
    named: bool  # False: still called by the computer's name (first run not done)


def default_name() -> str:
    host = " ".join(socket.gethostname().split(".")[0].split())
    return host[:MAX_NAME] or "Counter"


def clean_terminal_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise TerminalNameError("Give this counter a name, such as 'Counter 2'.")
    if len(cleaned) > MAX_NAME:
        raise TerminalNameError("A counter's name has at most {count} characters.", count=MAX_NAME)
    if _CONTROL.search(cleaned):
        raise TerminalNameError("A counter's name cannot hold control characters.")
    return cleaned


def terminal_identity(journal: Journal) -> TerminalIdentity:
    with journal._lock:
        row = journal._live().execute("SELECT terminal_id, name FROM terminal WHERE id = 1").fetchone()
    if row is None:  # the migration always writes it; a journal without it was damaged by hand
        raise JournalError(f"{journal.path} has no terminal id; the journal is damaged")
    terminal_id, name = row
    return TerminalIdentity(terminal_id, name or default_name(), name is not None)


def name_terminal(journal: Journal, name: str) -> TerminalIdentity:
    """Give the terminal its name (first run, or a manager renaming it)."""
    cleaned = clean_terminal_name(name)
    with journal._lock, journal._write() as conn:
        conn.execute("UPDATE terminal SET name = ? WHERE id = 1", (cleaned,))
    return terminal_identity(journal)


__all__ = ["TerminalIdentity", "TerminalNameError", "clean_terminal_name", "default_name", "name_terminal",
           "terminal_identity"]  # fmt: skip
