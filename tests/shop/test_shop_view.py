"""The shop view over a real store: History across the counters with a counter filter, the shop's day, offline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from posapp.shop.identity import TerminalIdentity, terminal_identity
from posapp.shop.reads import ShopDay, ShopPage
from posapp.shop.replicator import LinkStatus
from posapp.shop.store import ShopStore, StoreError
from posapp.ui.screens.shop_view import ShopView
from tests.shop.conftest import ShopDatabase
from tests.shop.test_reads import counters  # noqa: F401 - the fixture of two counters that sold on DAY


@dataclass
class Link:
    """What the view uses of a ``ShopLink``."""

    connect: object
    identity: TerminalIdentity
    status: LinkStatus


@pytest.fixture
def view_of(qtbot):  # type: ignore[no-untyped-def]
    views = []

    def make(link: Link, **kwargs: object) -> ShopView:
        view = ShopView(link, "en_CM", **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(view)
        views.append(view)
        return view

    yield make
    for view in views:
        view.done(0)


def test_history_of_the_whole_shop_and_of_one_counter(qtbot, counters, shop_db: ShopDatabase, view_of) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _, journals, _ = counters
    one = journals["Counter 1"]
    link = Link(shop_db.terminal, terminal_identity(one), LinkStatus())
    view = view_of(link)
    qtbot.waitUntil(lambda: view.table.rowCount() == 31, timeout=10_000)
    assert view.counter_filter.count() == 3  # all counters, then each by name
    counters_seen = {view.table.item(r, 1).text() for r in range(view.table.rowCount())}
    assert counters_seen == {"Counter 1", "Counter 2"}
    view.counter_filter.setCurrentIndex(view.counter_filter.findText("Counter 2"))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as blocker:
        view.show_history()
    assert isinstance(blocker.args[0], ShopPage)
    assert {view.table.item(r, 1).text() for r in range(view.table.rowCount())} == {"Counter 2"}
    assert view.table.rowCount() == 15


def test_the_shop_day_by_counter_and_cashier(qtbot, counters, shop_db: ShopDatabase, view_of) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _, journals, _ = counters
    link = Link(shop_db.terminal, terminal_identity(journals["Counter 1"]), LinkStatus())
    view = view_of(link, manager="kofi")
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=10_000)
    view.day_edit.setDate(QDate(2026, 3, 2))
    with qtbot.waitSignal(view.loaded, timeout=10_000) as blocker:
        view.record_day()
    day = blocker.args[0]
    assert isinstance(day, ShopDay) and day.reported_at is not None
    labels = [view.totals.item(r, 0).text() for r in range(view.totals.rowCount())]
    assert labels[0] == "The whole shop"
    assert {"Counter Counter 1", "Counter Counter 2", "Cashier ama", "Cashier kofi", "Cashier esi"} <= set(labels)
    assert "Counter 1: up to date at" in view.day_notes.text()


def test_offline_the_view_says_since_when_it_is_out_of_date(qtbot, tmp_path: Path, view_of) -> None:  # type: ignore[no-untyped-def]
    def unreachable() -> ShopStore:
        raise StoreError("The shop store shop@server cannot be reached: connection refused.")

    synced = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)
    link = Link(unreachable, TerminalIdentity("t", "Counter 1", True), LinkStatus(last_synced_at=synced))
    view = view_of(link)
    qtbot.waitUntil(lambda: view.notice.isVisibleTo(view), timeout=10_000)
    assert f"out of date since {synced.astimezone():%H:%M}" in view.notice.text()
    assert "cannot be reached" in view.notice.text() and view.table.rowCount() == 0
