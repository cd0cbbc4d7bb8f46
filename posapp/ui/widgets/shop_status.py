"""The status bar's counter and shop link: this counter's name (always), whether the shop store has
everything and its last error (when the counter belongs to a shop).

The replicator runs on its own thread; this label reads its status once a second on the GUI thread
(a snapshot, no lock held), so nothing the store does can stall the window. The counter's name is the
journal's (``shop.identity``): until a first run names it, the computer's name, as receipts print it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

from posapp.journal.store import Journal
from posapp.shop.identity import default_name, terminal_identity
from posapp.shop.replicator import LinkState, LinkStatus
from posapp.ui.inert_text import PlainLabel, inert, plain_tooltip
from posapp.ui.shop_messages import describe_store_error


def _since(moment: datetime | None) -> str:
    return "--:--" if moment is None else moment.astimezone().strftime("%H:%M")


def shop_status_text(counter: str, status: LinkStatus) -> str:
    """What the status bar says: ``Counter 2 · Shop: offline, 12 waiting (out of date since 14:05)``."""
    if status.state is LinkState.CONNECTED and status.waiting == 0:
        link = QCoreApplication.translate("ShopStatus", "Shop: connected")
    elif status.state is LinkState.CONNECTED:
        link = QCoreApplication.translate("ShopStatus", "Shop: sending, {count} waiting").format(count=status.waiting)
    elif status.state is LinkState.OFFLINE:
        link = QCoreApplication.translate(
            "ShopStatus", "Shop: offline, {count} waiting (out of date since {time})"
        ).format(count=status.waiting, time=_since(status.last_synced_at))
    elif status.state is LinkState.REFUSED:
        link = QCoreApplication.translate("ShopStatus", "Shop: not connected (out of date since {time})").format(
            time=_since(status.last_synced_at)
        )
    elif status.state is LinkState.STOPPED:
        link = QCoreApplication.translate("ShopStatus", "Shop: stopped")
    else:
        link = QCoreApplication.translate("ShopStatus", "Shop: connecting")
    return f"{counter} · {link}" if counter else link


class ShopStatusLabel(PlainLabel):
    """Shows ``link``'s status (a ``posapp.shop.link.ShopLink``); the last error is its tooltip."""

    def __init__(self, link: Any, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("shopStatus")
        self._link = link
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        status: LinkStatus = self._link.status
        # The counter's name has a label of its own beside this one (CounterNameLabel).
        self.setText(shop_status_text("", status))
        # The problem in this console's language; the driver's own words stay in the log.
        problem = describe_store_error(status.problem) if status.problem is not None else status.last_error
        self.setToolTip(plain_tooltip(problem))


class CounterNameLabel(PlainLabel):
    """This counter's name in the status bar, read from the journal when shown and again when Settings
    renames it (``SettingsScreen.counter_renamed``, wired to ``show_counter_name``). Shown whole, never
    elided: a name is at most 60 characters, which fits beside the mode and the connection at 1024 px (and
    a cut name could hide what a person typed in it)."""

    def __init__(self, journal: Journal | None, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("counterName")
        self.journal = journal
        self.setAccessibleName(QCoreApplication.translate("ShopStatus", "Counter"))
        self.setAccessibleDescription(
            QCoreApplication.translate("ShopStatus", "The name of this counter, as its receipts print it")
        )
        self.refresh()

    def name(self) -> str:
        if self.journal is None:
            return default_name()
        try:
            return terminal_identity(self.journal).name
        except Exception:  # a closed or damaged journal: the status bar still names the computer
            return default_name()

    def refresh(self) -> None:
        self.setText(QCoreApplication.translate("ShopStatus", "Counter: {name}").format(name=inert(self.name())))


def show_counter_name(window: Any, journal: Journal | None) -> CounterNameLabel:
    """The counter's name in ``window``'s status bar (once: a second call points it at ``journal``)."""
    bar = window.statusBar()
    label = bar.findChild(CounterNameLabel, "counterName")
    if label is None:
        label = CounterNameLabel(journal, bar)
        bar.addPermanentWidget(label)
    else:
        label.journal = journal
        label.refresh()
    return label
