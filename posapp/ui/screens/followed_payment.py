"""What the QR and push payment screens share: following one payment until its outcome is on screen."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from posapp.core.transactions import Status, Transaction
from posapp.ui.inert_text import PlainLabel
from posapp.ui.widgets.outcome_panel import OutcomePanel

# The statuses that end the waiting on a payment screen (UNKNOWN too: the cashier must not wait forever).
# AUTHORIZED is not one of them: the card is held, and the screen says to capture it.
OUTCOME_STATUSES = frozenset({Status.SUCCEEDED, Status.FAILED, Status.CANCELED, Status.EXPIRED, Status.UNKNOWN})


def format_wait(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


class FollowedPaymentScreen(QWidget):
    """A page showing the payment while it is followed, then the outcome panel; the time waiting ticks.

    Subclasses build their following page and give it to ``add_following_page``, and word the waiting
    line in ``waiting_text``.

    Signals:
        cancel_requested(str): stop following this payment (app_ref).
        new_sale_requested(): the cashier starts the next sale.
    """

    cancel_requested = Signal(str)
    new_sale_requested = Signal()

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.locale_name = locale
        self.transaction: Transaction | None = None
        self._started = time.monotonic()
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addWidget(self.pages)
        self.waiting_line = PlainLabel()  # placed by the subclass on its following page
        self.waiting_line.setObjectName("waitingLine")
        self.outcome = OutcomePanel(locale)
        self.outcome.new_sale_requested.connect(self.new_sale_requested)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

    def add_following_page(self, page: QWidget) -> None:
        self.pages.addWidget(page)
        self.pages.addWidget(self.outcome)

    @property
    def app_ref(self) -> str:
        return self.transaction.app_ref if self.transaction else ""

    def start_following(self, transaction: Transaction) -> None:
        """Show the following page for ``transaction`` and start counting the time waiting."""
        self.transaction = transaction
        self._started = time.monotonic()
        self._tick()
        self.timer.start()
        self.pages.setCurrentIndex(0)

    def follows(self, transaction: Transaction) -> bool:
        """Whether ``transaction`` is the payment on screen (then it is remembered as its latest state)."""
        if self.transaction is None or transaction.app_ref != self.transaction.app_ref:
            return False
        self.transaction = transaction
        return True

    def show_outcome_if_final(self, transaction: Transaction, message: str) -> bool:
        """Switch to the outcome panel when ``transaction`` reached an outcome; True when it did."""
        if transaction.status not in OUTCOME_STATUSES:
            return False
        self.timer.stop()
        self.outcome.show_outcome(transaction.status, transaction.amount, message)
        self.pages.setCurrentWidget(self.outcome)
        if transaction.status is Status.SUCCEEDED:
            QApplication.beep()
        self.outcome.new_sale.setFocus()
        return True

    def showing_outcome(self) -> bool:
        return self.pages.currentWidget() is self.outcome

    def focus_first(self) -> None:
        if self.showing_outcome():
            self.outcome.new_sale.setFocus(Qt.FocusReason.OtherFocusReason)

    def take_key(self, event: QKeyEvent) -> bool:
        """Enter on the outcome starts the next sale, wherever the focus is on this screen."""
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if self.showing_outcome() and plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.new_sale_requested.emit()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if not self.take_key(event):
            super().keyPressEvent(event)

    def waited_seconds(self) -> float:
        return time.monotonic() - self._started

    def waiting_text(self, waited: str) -> str:
        raise NotImplementedError

    def _tick(self) -> None:
        self.waiting_line.setText(self.waiting_text(format_wait(self.waited_seconds())))

    def _cancel(self) -> None:
        if self.transaction is not None:
            self.cancel_requested.emit(self.transaction.app_ref)
