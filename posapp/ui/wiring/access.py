"""Who is at the till: the signed-in user, the lock laid over the console, idle lock and manager approvals.

The lock is a page laid over the window's content, not a different window and not a teardown: the
screens and services underneath keep running, so a payment on screen is still followed (its status
changes land in the journal and on its screen) and nothing is resent when the console is unlocked.
While locked, the host's other children are disabled, so window shortcuts (F1...) cannot drive the
hidden screens; their own enabled state is kept and comes back with the unlock. Dialogs are windows of
their own and would stay above the lock, usable by anyone at the counter: approvals are canceled,
listeners of ``locked`` close what must not outlive a session, and every other dialog of the window is
hidden until somebody signs in again.

Wiring, in the composition root (``app.py``), once the journal is open and the window built::

    users = UserStore(journal)
    access = AccessController(users, host=window.centralWidget(), locale=settings.locale,
                              idle_minutes=settings.idle_lock_minutes)
    access.lock_screen.set_notice(training_text)          # optional: keep "training mode" visible
    access.user_changed.connect(lambda user: setattr(controller, "cashier", user.name if user else ""))
    access.start()                                          # lock at start-up (first run if no manager)

Screens ask before a manager's action (refund, payout, export...)::

    approval = await access.require(Permission.REFUND, amount, summary=f"{payment.app_ref}")
    if approval is None:
        return                                              # canceled, or the console locked meanwhile
    await services.payouts.refund(payment.app_ref, amount, reason, approval)   # uses the approval up

For an operation that records no transaction (export, settings), use the approval up at once:
``access.use(approval, used_for="export 2026-03-02")``. ``allowed(permission)`` tells whether the
signed-in user may act without asking (to label a button "needs a manager", never to hide safety).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

from posapp.core.access import Permission, can, needs_manager
from posapp.core.money import Money
from posapp.journal.store import Approval, Journal
from posapp.journal.users import User, UserStore
from posapp.ui.idle import IdleWatcher
from posapp.ui.screens.approval_dialog import APPROVAL_VALID_FOR, ManagerApprovalDialog
from posapp.ui.screens.lock import LockScreen

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import asyncio  # imported where used: the lock screen paints before asyncio is loaded

_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


class AccessController(QObject):
    """Owns the lock screen laid over ``host``, the signed-in user, the idle lock and manager approvals.

    Signals:
        locked(): the console locked (start-up, idle time, or ``lock()``).
        unlocked(object): a ``User`` signed in.
        user_changed(object): the signed-in ``User``, or None when the console locks.
    """

    locked = Signal()
    unlocked = Signal(object)
    user_changed = Signal(object)

    def __init__(
        self,
        users: UserStore,
        *,
        approvals: Journal | None = None,
        host: QWidget,
        locale: str = "en",
        idle_minutes: float = 5,
        idle: IdleWatcher | None = None,
        approval_valid_for: timedelta = APPROVAL_VALID_FOR,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or host)
        self.users = users
        # Approvals are recorded in the journal the services use them up in (``users.journal`` unless
        # told: in training, users sign in from the live journal and approve in the training one).
        self.approvals = approvals or users.journal
        self.host = host
        self.babel_locale = locale
        self.approval_valid_for = approval_valid_for
        self._user: User | None = None
        self._dialogs: list[ManagerApprovalDialog] = []
        self._disabled: list[QWidget] = []
        self._hidden_dialogs: list[QDialog] = []
        self.idle = idle or IdleWatcher(idle_minutes, parent=self)
        self.idle.idle.connect(self._on_idle)
        self.lock_screen = LockScreen(users, locale=locale, parent=host)
        self.lock_screen.hide()
        self.lock_screen.unlocked.connect(self._on_unlocked)
        host.installEventFilter(self)

    # ------------------------------------------------------------------ state

    @property
    def current_user(self) -> User | None:
        return self._user

    @property
    def is_locked(self) -> bool:
        return self._user is None

    @property
    def actor(self) -> str:
        """The signed-in user as a journal actor (``"cashier:ama"``), ``"system"`` while locked."""
        return self._user.actor if self._user is not None else "system"

    def start(self) -> None:
        """Lock: the first person signs in (or, on first run, creates the manager); idle time counts from then.

        The idle watcher filters every event of the application: it is installed at the first sign-in,
        not for the start-up's thousands of events before the lock screen's first paint (locked, idle
        time does not count).
        """
        self.lock()

    def set_idle_minutes(self, minutes: float) -> None:
        """The Settings screen changed ``idle_lock_minutes`` (0 switches the idle lock off)."""
        self.idle.set_minutes(minutes)

    def lock(self) -> None:
        """Lay the lock screen over the console and forget who was signed in."""
        for dialog in list(self._dialogs):
            dialog.reject()  # an approval half-typed is not left to the next person
        was = self._user
        self._user = None
        self.idle.pause()
        self.lock_screen.reset()
        self.lock_screen.setGeometry(self.host.rect())
        self._disable_underneath()
        self.lock_screen.show()
        self.lock_screen.raise_()
        self.lock_screen.focus_input()
        if was is not None:
            log.info("console locked (%s was signed in)", was.actor)
            self.user_changed.emit(None)
        self.locked.emit()
        self._hide_dialogs()  # after the listeners closed theirs

    def switch_user(self) -> None:
        """Lock for the next person (shift change): nobody's name stays chosen on the lock screen."""
        self.lock()
        self.lock_screen.forget_selection()

    def _on_idle(self) -> None:
        if self._user is not None:
            log.info("locking after %.0f idle minute(s)", self.idle.minutes)
            self.lock()

    def _on_unlocked(self, user: User) -> None:
        self._user = user
        self.lock_screen.hide()
        self._enable_underneath()
        self._show_dialogs()
        self.idle.install()  # watches input from the first sign-in on; counts afresh from now
        log.info("%s signed in", user.actor)
        self.user_changed.emit(user)
        self.unlocked.emit(user)

    def _disable_underneath(self) -> None:
        if self._disabled:
            return
        for child in self.host.findChildren(QWidget, options=_DIRECT):
            if child is not self.lock_screen and child.isEnabled() and not child.isWindow():
                child.setEnabled(False)
                self._disabled.append(child)

    def _enable_underneath(self) -> None:
        for child in self._disabled:
            try:
                child.setEnabled(True)
            except RuntimeError:  # deleted while locked (a screen replaced)
                pass
        self._disabled.clear()

    def _hide_dialogs(self) -> None:
        window = self.host.window()
        for widget in QApplication.topLevelWidgets():
            parent = widget.parentWidget()
            if (
                isinstance(widget, QDialog)
                and widget.isVisible()
                and parent is not None
                and parent.window() is window
                and widget not in self._hidden_dialogs
            ):
                widget.hide()
                widget.finished.connect(self._hidden_dialog_finished)
                self._hidden_dialogs.append(widget)

    def _hidden_dialog_finished(self) -> None:
        dialog = self.sender()
        if dialog in self._hidden_dialogs:
            self._hidden_dialogs.remove(dialog)

    def _show_dialogs(self) -> None:
        hidden, self._hidden_dialogs = self._hidden_dialogs, []
        for dialog in hidden:
            if isValid(dialog):  # not deleted meanwhile
                dialog.finished.disconnect(self._hidden_dialog_finished)
                dialog.show()
                dialog.raise_()

    @property
    def hidden_dialogs(self) -> list[QDialog]:
        """The dialogs put away while the console is locked (they come back when somebody signs in)."""
        return list(self._hidden_dialogs)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.host:
            if event.type() == QEvent.Type.Resize:
                self.lock_screen.setGeometry(self.host.rect())
            elif event.type() == QEvent.Type.ChildAdded and self.lock_screen.isVisible():
                self.lock_screen.raise_()  # a widget added while locked must not cover the lock
        return False

    # ------------------------------------------------------------------ permissions

    def allowed(self, permission: Permission) -> bool:
        """Whether the signed-in user may do ``permission`` without anybody's approval."""
        return self._user is not None and can(self._user.role, permission)

    async def require(
        self, permission: Permission, amount: Money | None = None, *, summary: str = ""
    ) -> Approval | None:
        """A single-use approval of ``permission`` (for ``amount``) recorded in the journal, or None.

        A signed-in manager approves by being signed in; a cashier is shown the
        ``ManagerApprovalDialog`` and a manager types their PIN. None when the dialog is canceled or
        the console locks meanwhile. The approval's operation is ``permission.value``.
        """
        import asyncio

        if not needs_manager(permission):
            raise ValueError(f"{permission.value} does not need a manager's approval")
        user = self._user
        if user is None:
            return None
        if can(user.role, permission):
            return self.approvals.record_approval(
                user.name, permission.value, amount, valid_for=self.approval_valid_for
            )
        dialog = ManagerApprovalDialog(
            self.users,
            permission,
            amount,
            summary=summary,
            requested_by=user,
            approvals=self.approvals,
            locale=self.babel_locale,
            valid_for=self.approval_valid_for,
            parent=self.host.window(),
        )
        answer: asyncio.Future[Approval | None] = asyncio.get_running_loop().create_future()

        def finished(_: int) -> None:
            if not answer.done():
                answer.set_result(dialog.approval)

        dialog.finished.connect(finished)
        self._dialogs.append(dialog)
        dialog.open()
        try:
            return await answer
        finally:
            self._dialogs.remove(dialog)
            dialog.deleteLater()

    def use(self, approval: Approval, *, used_for: str | None = None) -> Approval:
        """Use ``approval`` up now, for an operation that records no transaction (export, settings)."""
        return self.approvals.consume_approval(
            approval.id, operation=approval.operation, amount=approval.amount, used_by=self.actor, used_for=used_for
        )

    @property
    def approval_dialog(self) -> ManagerApprovalDialog | None:
        """The approval dialog on screen, if any (tests type into it)."""
        return self._dialogs[-1] if self._dialogs else None
