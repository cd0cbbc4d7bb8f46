"""A journal that cannot be written, opened read-only: History and the end-of-day report with its export.

When the journal cannot be opened to write (its folder is read-only, a newer posapp wrote it), the
merchant still needs their records: who paid what, today's totals, a CSV for the accountant. This
window shows them from a read-only connection (``Journal(path, read_only=True)``: SQLite refuses every
write) and takes no payment. A manager opens it with their PIN. The PIN is checked without being
counted (nothing can be recorded), so the window allows ``PIN_TRIES`` wrong PINs per run and then
closes; a user who is locked out or disabled stays refused. Approvals cannot be recorded either: the
manager who opened the window approves the export by being there, and it is logged.

Signals of ``ReadOnlySignIn``:
    signed_in(str): the manager's name.
    gave_up(): too many wrong PINs, or closed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.access import Permission, Role, can
from posapp.core.money import Money
from posapp.journal.store import Approval, Journal
from posapp.journal.users import UserStore
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.shortcut import give_shortcut

log = logging.getLogger(__name__)

PIN_TRIES = 5


def read_only_banner(problem: object) -> str:
    """The line above the read-only window: why it is read-only, and that no payment can be taken."""
    from posapp.journal.diagnose import Problem
    from posapp.journal.faults import Fault
    from posapp.ui.actions import fault_words

    kind = getattr(problem, "problem", None)
    if kind is Problem.READ_ONLY:
        why = fault_words(Fault.READ_ONLY)
    elif kind is Problem.TOO_NEW:
        why = QCoreApplication.translate("ReadOnly", "a newer posapp wrote it")
    else:
        why = QCoreApplication.translate("ReadOnly", "it cannot be written")
    return QCoreApplication.translate(
        "ReadOnly", "Read-only journal ({why}): History and export only. No payment can be taken here."
    ).format(why=why)


class ReadOnlyAccess(QObject):
    """What the manager who opened a read-only window may do: look and export; nothing is recorded.

    Signals:
        user_changed(object): never emitted (the manager stays until the window closes); screens connect it.
    """

    user_changed = Signal(object)

    def __init__(self, manager: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self.actor = f"manager:{manager}"

    def allowed(self, permission: Permission) -> bool:
        return can(Role.MANAGER, permission)

    async def require(self, permission: Permission, amount: Money | None = None, *, summary: str = "") -> Approval:
        now = datetime.now(UTC)
        return Approval(0, self.manager, permission.value, amount, now, now)

    def use(self, approval: Approval, *, used_for: str | None = None) -> Approval:
        log.warning(
            "read-only journal: %s by %s (not recorded in the journal)", used_for or approval.operation, self.actor
        )
        return approval


class ReadOnlySignIn(QDialog):
    """A manager's name and PIN, checked without being recorded (see the module docstring)."""

    signed_in = Signal(str)
    gave_up = Signal()

    def __init__(self, users: UserStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = users
        self.setObjectName("readOnlySignIn")
        self.setWindowTitle(QCoreApplication.translate("ReadOnly", "posapp: read-only journal"))
        self.tries_left = PIN_TRIES
        self._finished = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        intro = PlainLabel(
            QCoreApplication.translate(
                "ReadOnly", "A manager opens the journal read-only: History and export, no payments."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.manager_box = QComboBox()
        self.manager_box.setAccessibleName(QCoreApplication.translate("ReadOnly", "Manager"))
        self.manager_box.setToolTip(QCoreApplication.translate("ReadOnly", "The manager who opens the journal"))
        for user in users.list_users():
            if user.is_manager:
                self.manager_box.addItem(inert(user.name), user.name)
        layout.addWidget(self.manager_box)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(QCoreApplication.translate("ReadOnly", "PIN"))
        self.pin.setAccessibleDescription(QCoreApplication.translate("ReadOnly", "The manager's PIN, never shown"))
        self.pin.setPlaceholderText(QCoreApplication.translate("ReadOnly", "PIN"))
        layout.addWidget(self.pin)
        self.error = PlainLabel()
        self.error.setObjectName("fieldError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.ok_button = QPushButton(QCoreApplication.translate("ReadOnly", "Open"))
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        give_shortcut(self.ok_button, "Return", handled=True)
        layout.addWidget(self.ok_button)
        self.ok_button.clicked.connect(self.check)  # Enter in the PIN field presses it (the default button)
        if self.manager_box.count() == 0:
            self.error.setText(QCoreApplication.translate("ReadOnly", "This journal has no manager to open it."))
            self.ok_button.setEnabled(False)

    def check(self) -> None:
        name = str(self.manager_box.currentData())  # the name as stored; the text shown is inert
        result = self.users.check_pin_read_only(name, self.pin.text())
        self.pin.clear()
        if result.ok:
            self._finished = True
            self.signed_in.emit(name)
            self.accept()
            return
        self.tries_left -= 1
        if (
            self.tries_left <= 0
            or result.user is None
            or not result.user.is_manager
            or result.outcome.value
            in (
                "locked",
                "disabled",
            )
        ):
            self.error.setText(QCoreApplication.translate("ReadOnly", "Not opened: the PIN was refused."))
            self._finished = True
            self.gave_up.emit()
            self.reject()
            return
        self.error.setText(
            QCoreApplication.translate("ReadOnly", "Wrong PIN: {count} tries left.").format(count=self.tries_left)
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._finished:
            self._finished = True
            self.gave_up.emit()
        super().closeEvent(event)


class ReadOnlyWindow(QMainWindow):
    """History and the end-of-day report over a journal opened read-only.

    Signals:
        closing: the window is closing.
    """

    closing = Signal()

    def __init__(self, journal: Journal, locale: str, manager: str, *, banner: str, training: bool = False) -> None:
        super().__init__()
        from posapp.ui.screens.end_of_day import EndOfDayScreen
        from posapp.ui.screens.history import HistoryScreen

        self.setWindowTitle(QCoreApplication.translate("ReadOnly", "posapp: read-only journal"))
        self.setMinimumSize(1024, 700)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = PlainLabel(banner)
        self.banner.setObjectName("journalBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.history = HistoryScreen(journal, locale)
        access: Any = ReadOnlyAccess(manager, self)
        self.end_of_day = EndOfDayScreen(journal, locale, access=cast(Any, access), training=training)
        self.tabs.addTab(self.history, QCoreApplication.translate("ReadOnly", "History"))
        self.tabs.addTab(self.end_of_day, QCoreApplication.translate("ReadOnly", "End of day"))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.closing.emit()
        super().closeEvent(event)
