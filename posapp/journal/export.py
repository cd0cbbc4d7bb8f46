"""CSV export of the journal: one row per transaction created in a date range.

Made to open cleanly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents), CRLF line
ends, every field quoted as needed. Amounts are in major units (``1000`` XAF, ``10.50`` EUR) beside
their currency; times are in the local zone with their offset. A cell that a spreadsheet would run as
a formula gets a leading apostrophe: one starting with ``=``, ``+``, ``-``, ``@``, tab or CR (phone
numbers start with ``+``), also behind leading whitespace or invisible format characters, and in the
full-width or small forms (``＝``, ``＋``, ``－``, ``＠``, ``﹦``...) that spreadsheets read as the ASCII
ones. No raw provider answer is exported, and every known secret is cut out of the text.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Iterable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TextIO

from posapp.core.redact import redact_text
from posapp.core.transactions import Transaction
from posapp.journal.store import Journal

COLUMNS = (
    "created_at",
    "updated_at",
    "app_ref",
    "kind",
    "status",
    "provider",
    "operator",
    "amount",
    "fees",
    "currency",
    "customer",
    "cashier",
    "reason",
    "provider_ref",
    "refund_of",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARACTERS = frozenset("=+-@")


def _runs_as_formula(text: str) -> bool:
    if text.startswith(_FORMULA_START):
        return True
    # Spreadsheets trim spaces before reading a formula and fold full-width forms to ASCII (an IME
    # types ＝): look past whitespace and zero-width characters, at the first one's compatibility form.
    for character in text:
        if character.isspace() or unicodedata.category(character) == "Cf":
            continue
        return unicodedata.normalize("NFKC", character)[:1] in _FORMULA_CHARACTERS
    return False


def _cell(value: str, secrets: tuple[str, ...]) -> str:
    text = redact_text(value, secrets) if secrets else value
    return "'" + text if _runs_as_formula(text) else text


def _local(moment: datetime | None, tz: tzinfo | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(tz).isoformat(sep=" ", timespec="seconds")


def export_row(tx: Transaction, *, tz: tzinfo | None = None, secrets: Iterable[str] = ()) -> list[str]:
    """The CSV cells of one transaction, in ``COLUMNS`` order."""
    known = tuple(s for s in secrets if s)
    texts = (
        tx.app_ref,
        tx.kind.value,
        tx.status.value,
        tx.provider,
        tx.operator or "",
        tx.amount.major_str(),
        tx.fees.major_str() if tx.fees is not None else "",
        tx.amount.currency,
        tx.customer or "",
        tx.cashier,
        tx.reason,
        tx.provider_ref or "",
        tx.parent_ref or "",
    )
    return [_local(tx.created_at, tz), _local(tx.updated_at, tz), *(_cell(t, known) for t in texts)]


def write_csv(
    journal: Journal,
    out: TextIO,
    since: datetime,
    until: datetime,
    *,
    tz: tzinfo | None = None,
    secrets: Iterable[str] = (),
    delimiter: str = ",",
) -> int:
    """Write the transactions created in ``[since, until)`` to ``out``; returns the number of rows.

    ``tz`` is the zone the times are shown in (default: the computer's). ``delimiter`` may be ``;`` for
    spreadsheets set up for a decimal comma (French Excel).
    """
    if delimiter not in (",", ";", "\t"):
        raise ValueError("the delimiter must be a comma, a semicolon or a tab")
    known = tuple(s for s in secrets if s)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    rows = 0
    for tx in journal.transactions_between(since, until):
        writer.writerow(export_row(tx, tz=tz, secrets=known))
        rows += 1
    return rows


def export_csv(
    journal: Journal,
    path: str | os.PathLike[str],
    since: datetime,
    until: datetime,
    *,
    tz: tzinfo | None = None,
    secrets: Iterable[str] = (),
    delimiter: str = ",",
) -> int:
    """Export to a file (written aside and renamed, so a failure never leaves half a file); returns rows."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    with open(partial, "w", encoding="utf-8-sig", newline="") as out:
        rows = write_csv(journal, out, since, until, tz=tz, secrets=secrets, delimiter=delimiter)
    os.replace(partial, target)
    return rows


def csv_text(
    journal: Journal, since: datetime, until: datetime, *, tz: tzinfo | None = None, secrets: Iterable[str] = ()
) -> str:
    """The export as a string (tests, previews)."""
    buffer = io.StringIO(newline="")
    write_csv(journal, buffer, since, until, tz=tz, secrets=secrets)
    return buffer.getvalue()
