"""The status bar's shop link: this counter's name, whether the shop store has everything, the last error.

The replicator runs on its own thread; this label reads its status once a second on the GUI thread
(a snapshot, no lock held), so nothing the store does can stall the window.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

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
    return f"{counter} · {link}"


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
        self.setText(shop_status_text(inert(self._link.identity.name), status))
        # The problem in this console's language; the driver's own words stay in the log.
        problem = describe_store_error(status.problem) if status.problem is not None else status.last_error
        self.setToolTip(plain_tooltip(problem))
