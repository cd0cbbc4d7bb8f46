"""History screen figures: first paint over a big journal, filtered and searched refreshes, next pages.

    .venv/bin/python -m tests.benchmarks.bench_history                      # 1,000,000 transactions
    .venv/bin/python -m tests.benchmarks.bench_history --rows 20000         # quick run
    .venv/bin/python -m tests.benchmarks.bench_history --cache /tmp/h.sqlite3   # build once, reuse

The journal is filled like ``bench_journal``'s big journal (raw SQL through the journal's own schema and
triggers, so the file is a valid journal with its search index), a year of history. Offscreen, with the
console's stylesheet. "First paint" is constructing the screen (first page included), showing
it and delivering the table's first paint event; "refresh" is applying a filter or search and painting
the new rows. Each figure is the median / worst of the repeats, warm (the first run is reported apart).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QModelIndex, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from posapp.core.transactions import Kind, Status  # noqa: E402
from posapp.journal.store import Journal  # noqa: E402
from posapp.ui.screens.history import HistoryScreen  # noqa: E402
from posapp.ui.theme import apply_theme  # noqa: E402
from tests.benchmarks.bench_journal import _fresh, fill  # noqa: E402

SIZE = (1050, 740)  # the screen's room in a 1280×800 window


class _PaintSpy(QObject):
    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.painted = False
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _until_painted(app: QApplication, widget: QWidget) -> None:
    spy = _PaintSpy(widget)
    widget.update()
    deadline = time.perf_counter() + 30
    while not spy.painted:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("no paint within 30 s")
    spy.deleteLater()


def _journal_file(cache: Path | None, rows: int) -> Path:
    """A journal of ``rows`` transactions: ``cache`` when it already holds them, else filled now."""
    if cache is not None and cache.exists():
        with sqlite3.connect(cache) as conn:
            have = conn.execute("SELECT count(*) FROM transactions").fetchone()[0]
        if have == rows:
            print(f"reusing {cache} ({have:,} transactions)")
            return cache
        print(f"{cache} holds {have:,} transactions, not {rows:,}: filling it again")
    path = _fresh(cache.parent, cache.name) if cache else Path(tempfile.mkdtemp(prefix="bench-history-")) / "j.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    fill(path, rows)
    print(f"filled {rows:,} transactions in {time.perf_counter() - started:.0f} s into {path}")
    return path


def _probes(path: Path, rows: int) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        app_ref, provider_ref, customer = conn.execute(
            "SELECT app_ref, provider_ref, customer FROM transactions WHERE id = ?", (max(rows // 3, 1),)
        ).fetchone()
    return {"app_ref": app_ref, "provider_ref": provider_ref or app_ref, "phone": customer[-7:]}


def _stats(samples: list[float]) -> str:
    return f"{statistics.median(samples):7.1f} / {max(samples):7.1f} ms"


def first_paint(app: QApplication, journal: Journal, repeats: int) -> None:
    samples = []
    for attempt in range(repeats + 1):
        started = time.perf_counter()
        screen = HistoryScreen(journal, "fr_CM")
        screen.resize(*SIZE)
        screen.show()
        _until_painted(app, screen.table.viewport())
        elapsed = (time.perf_counter() - started) * 1000
        if attempt == 0:
            print(f"  first paint, first time in this process          {elapsed:7.1f} ms")
        else:
            samples.append(elapsed)
        rows = screen.model.rowCount()
        screen.close()
        screen.deleteLater()
        app.processEvents()
    print(f"  first paint (construct + show + paint), warm      {_stats(samples)}  ({rows} rows loaded)")


def refreshes(app: QApplication, journal: Journal, probes: dict[str, str], repeats: int) -> None:
    screen = HistoryScreen(journal, "fr_CM", search_delay_ms=0)
    screen.resize(*SIZE)
    screen.show()
    _until_painted(app, screen.table.viewport())

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            screen.search_edit.setText(text)
            screen.apply_filters()

        return run

    def combo(name: str, text: str) -> Callable[[], None]:
        def run() -> None:
            widget = getattr(screen, name)
            widget.setCurrentIndex(widget.findText(text))

        return run

    from posapp.ui.models.transactions_model import kind_text
    from posapp.ui.screens.history import status_choices

    failed_group = next(label for label, statuses in status_choices() if Status.FAILED in statuses)
    cases: list[tuple[str, Callable[[], None]]] = [
        ("search provider ref (exact)", search(probes["provider_ref"])),
        ("search app ref part", search(probes["app_ref"][-7:])),
        ("search phone digits", search(probes["phone"])),
        ("search '237' (every phone)", search("237")),
        ("search reason 'school'", search("school")),
        ("status: failed/canceled/expired", combo("status_combo", failed_group)),
        ("type: refund", combo("kind_combo", kind_text(Kind.REFUND))),
        ("provider: Paiwise", combo("provider_combo", "Paiwise")),
        ("range: 30 days (empty: data is from 2025)", lambda: screen.choose_range("30days")),
    ]
    print("  refresh (apply filter + paint), warm:")
    for label, apply in cases:
        samples = []
        for _ in range(repeats):
            screen.clear_filters()
            _until_painted(app, screen.table_pages.currentWidget())
            started = time.perf_counter()
            apply()
            _until_painted(app, screen.table_pages.currentWidget())
            samples.append((time.perf_counter() - started) * 1000)
        print(f"    {label:<44} {_stats(samples)}  ({screen.model.rowCount()} rows, {screen.count_label.text()})")

    screen.clear_filters()
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        screen.model.fetchMore(QModelIndex())
        samples.append((time.perf_counter() - started) * 1000)
    print(f"  next page (fetchMore, {screen.model.page_size} rows)               {_stats(samples)}")
    started = time.perf_counter()
    screen.table.scrollToBottom()
    _until_painted(app, screen.table.viewport())
    print(f"  scroll to bottom + paint ({screen.model.rowCount()} rows loaded)      "
          f"{(time.perf_counter() - started) * 1000:7.1f} ms")  # fmt: skip
    screen.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench_history", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="transactions in the journal")
    parser.add_argument("--cache", type=Path, default=None, help="journal file to reuse (filled when missing)")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="20,000 rows, 3 repeats")
    args = parser.parse_args(argv or [])
    rows, repeats = (20_000, 3) if args.quick else (args.rows, args.repeats)
    print(f"sqlite {sqlite3.sqlite_version}, python {sys.version.split()[0]}, {os.cpu_count()} cpu")
    path = _journal_file(args.cache, rows)
    probes = _probes(path, rows)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app)
    started = time.perf_counter()
    journal = Journal(path)
    print(f"history at {rows:,} transactions (ms, median / worst of {repeats}):")
    print(f"  open the journal                                  {(time.perf_counter() - started) * 1000:7.1f} ms")
    try:
        first_paint(app, journal, repeats)
        refreshes(app, journal, probes, repeats)
    finally:
        journal.close()


if __name__ == "__main__":
    main(sys.argv[1:])
