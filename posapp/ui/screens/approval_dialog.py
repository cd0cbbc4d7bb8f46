"""A manager types their PIN at the cashier's till to approve one operation (a refund, a payout...).

The dialog says what is to be approved and for how much, lets the manager pick their name when there are
several, and checks the PIN through ``UserStore.verify_pin`` (so wrong PINs count towards the manager's
lockout like anywhere else). On a good PIN it records a single-use approval in the journal
(``Journal.record_approval``: who, when, what, how much) and closes; the caller hands that approval to
the service, which uses it up with the operation.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posapp.core.access import Permission, Role
from posapp.core.money import Money, format_money
from posapp.journal.store import Approval, Journal
from posapp.journal.users import LoginOutcome, PinCheck, User, UserStore
from posapp.ui.inert_text import PlainLabel, button_text, inert
from posapp.ui.screens.lock import PinEntry, refusal_text, role_text
from posapp.ui.widgets.shortcut import give_shortcut

APPROVAL_VALID_FOR = timedelta(minutes=10)


def action_text(permission: Permission) -> str:
    """The action in a few words, for the approval dialog and for messages."""
    texts = {
        Permission.SELL: QCoreApplication.translate("ManagerApprovalDialog", "Take a payment"),
        Permission.CAPTURE: QCoreApplication.translate("ManagerApprovalDialog", "Capture an authorized payment"),
        Permission.CANCEL_PAYMENT: QCoreApplication.translate("ManagerApprovalDialog", "Cancel a payment"),
        Permission.CHECK_STATUS: QCoreApplication.translate("ManagerApprovalDialog", "Check a payment's status"),
        Permission.VIEW_ACTIVITY: QCoreApplication.translate("ManagerApprovalDialog", "See the payments in progress"),
        Permission.VIEW_HISTORY: QCoreApplication.translate("ManagerApprovalDialog", "See the history"),
        Permission.PRINT_RECEIPT: QCoreApplication.translate("ManagerApprovalDialog", "Print a receipt"),
        Permission.REFUND: QCoreApplication.translate("ManagerApprovalDialog", "Refund"),
        Permission.PAYOUT: QCoreApplication.translate("ManagerApprovalDialog", "Payout"),
        Permission.RESOLVE_UNKNOWN: QCoreApplication.translate("ManagerApprovalDialog", "Settle an unknown outcome"),
        Permission.VIEW_BALANCE: QCoreApplication.translate("ManagerApprovalDialog", "See the balance"),
        Permission.END_OF_DAY_REPORT: QCoreApplication.translate("ManagerApprovalDialog", "End-of-day report"),
        Permission.CHANGE_SETTINGS: QCoreApplication.translate("ManagerApprovalDialog", "Change the settings"),
        Permission.MANAGE_USERS: QCoreApplication.translate("ManagerApprovalDialog", "Manage users"),
        Permission.EXPORT: QCoreApplication.translate("ManagerApprovalDialog", "Export data"),
    }
    return texts[permission]


class ManagerApprovalDialog(QDialog):
    """Asks a manager's PIN for one operation and records the single-use approval.

    Open it with ``open()`` (never ``exec()``: a nested event loop would stall the qasync loop that
    follows payments); ``AccessController.require`` does that and awaits the result.

    Signals:
        approved(object): the ``Approval`` just recorded; the dialog then closes with ``accept()``.
    """

    approved = Signal(object)

    def __init__(
        self,
        users: UserStore,
        permission: Permission,
        amount: Money | None = None,
        *,
        summary: str = "",
        requested_by: User | None = None,
        approvals: Journal | None = None,
        locale: str = "en",
        valid_for: timedelta = APPROVAL_VALID_FOR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(QCoreApplication.translate("ManagerApprovalDialog", "Manager approval"))
        self.setModal(True)
        # Word-wrapped labels side by side under-report their height; this fits a 1024x700 screen.
        self.setMinimumSize(880, 600)
        self.users = users
        self.approvals = approvals or users.journal  # where the approval is recorded (see AccessController)
        self.permission = Permission(permission)
        self.amount = amount
        self.babel_locale = locale
        self.valid_for = valid_for
        self.approval: Approval | None = None
        self.manager_name: str | None = None

        row = QHBoxLayout(self)
        row.setContentsMargins(28, 24, 28, 24)
        row.setSpacing(28)

        info = QVBoxLayout()
        info.setSpacing(10)
        row.addLayout(info, 5)
        title = PlainLabel(QCoreApplication.translate("ManagerApprovalDialog", "Manager approval needed"))
        title.setObjectName("approvalTitle")
        title.setWordWrap(True)
        info.addWidget(title)

        what = QFrame()
        what.setObjectName("approvalWhat")
        what.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        what_layout = QVBoxLayout(what)
        what_layout.setContentsMargins(18, 12, 18, 12)
        what_layout.setSpacing(4)
        self.action_label = PlainLabel(action_text(self.permission))
        self.action_label.setObjectName("approvalAction")
        self.action_label.setWordWrap(True)
        what_layout.addWidget(self.action_label)
        self.amount_label = PlainLabel(format_money(amount, locale) if amount is not None else "")
        self.amount_label.setObjectName("approvalAmount")
        self.amount_label.setVisible(amount is not None)
        what_layout.addWidget(self.amount_label)
        self.summary_label = PlainLabel(inert(summary))  # names a recipient, a reason
        self.summary_label.setObjectName("approvalSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setVisible(bool(summary))
        what_layout.addWidget(self.summary_label)
        info.addWidget(what)

        if requested_by is not None:
            asked = PlainLabel(
                QCoreApplication.translate("ManagerApprovalDialog", "Asked by {name} ({role}).").format(
                    name=inert(requested_by.name), role=role_text(requested_by.role)
                )
            )
            asked.setObjectName("lockText")
            asked.setWordWrap(True)
            info.addWidget(asked)
        once = PlainLabel(
            QCoreApplication.translate("ManagerApprovalDialog", "The approval is for this one operation only.")
        )
        once.setObjectName("lockHint")
        once.setWordWrap(True)
        info.addWidget(once)

        info.addSpacing(6)
        pick = PlainLabel(QCoreApplication.translate("ManagerApprovalDialog", "Manager:"))
        pick.setObjectName("fieldCaption")
        info.addWidget(pick)
        self._manager_group = QButtonGroup(self)
        self._manager_group.setExclusive(True)
        self.manager_buttons: dict[str, QPushButton] = {}
        managers = [u for u in users.list_users() if u.role is Role.MANAGER]
        for number, manager in enumerate(managers, 1):
            button = QPushButton(button_text(manager.name))
            button.setObjectName("approvalManager")
            button.setProperty("lockUser", True)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(56)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, name=manager.name: self.select_manager(name))
            if number <= 9:
                give_shortcut(
                    button,
                    f"Alt+{number}",
                    QCoreApplication.translate("ManagerApprovalDialog", "{name} approves").format(
                        name=inert(manager.name)
                    ),
                )
            self._manager_group.addButton(button)
            self.manager_buttons[manager.name] = button
            info.addWidget(button)
        info.addStretch(1)
        self.cancel_button = QPushButton(QCoreApplication.translate("ManagerApprovalDialog", "Cancel"))
        self.cancel_button.setObjectName("approvalCancel")
        self.cancel_button.setProperty("secondary", True)
        self.cancel_button.setMinimumHeight(56)
        self.cancel_button.setAutoDefault(False)
        give_shortcut(
            self.cancel_button,
            "Esc",
            QCoreApplication.translate("ManagerApprovalDialog", "Nobody approves"),
            handled=True,
        )
        self.cancel_button.clicked.connect(self.reject)
        info.addWidget(self.cancel_button)

        pin_box = QVBoxLayout()
        pin_box.setSpacing(8)
        self.prompt = PlainLabel("")
        self.prompt.setObjectName("lockUserName")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.entry = PinEntry()
        self.entry.setMinimumWidth(320)
        pin_box.addWidget(self.prompt)
        pin_box.addWidget(self.entry, 1)
        row.addLayout(pin_box, 4)
        self.entry.submitted.connect(self._check_pin)

        if len(managers) == 1:
            self.select_manager(managers[0].name)
        elif not managers:
            self.prompt.setText(QCoreApplication.translate("ManagerApprovalDialog", "No manager can approve this."))
            self.entry.set_locked(True)
        else:
            self.prompt.setText(QCoreApplication.translate("ManagerApprovalDialog", "Manager, touch your name"))
            self.entry.set_locked(True)

    def select_manager(self, name: str) -> None:
        self.manager_name = name
        self.manager_buttons[name].setChecked(True)
        self.prompt.setText(
            QCoreApplication.translate("ManagerApprovalDialog", "{name}, type your PIN").format(name=inert(name))
        )
        self.entry.clear()
        self.entry.show_message("")
        user = self.users.get(name)
        if user is not None and user.is_locked(self.users.now()):
            self.entry.set_locked(True)
            check = PinCheck(LoginOutcome.LOCKED, user, 0, user.locked_until)
            self.entry.show_message(self._refusal(check), error=True)
        else:
            self.entry.set_locked(False)

    def _refusal(self, check: PinCheck) -> str:
        """Who else could approve (the other managers not locked out), or how the lock ends."""
        refused = check.user.name if check.user is not None else ""
        others = [u.name for u in self.users.who_can_sign_in() if u.is_manager and u.name != refused]
        return refusal_text(check, self.babel_locale, others, recoverable=False)

    def _check_pin(self, pin: str) -> None:
        if self.manager_name is None:
            return
        check = self.users.verify_pin(self.manager_name, pin)
        self.entry.clear()
        if check.ok and check.user is not None and check.user.is_manager:
            self.approval = self.approvals.record_approval(
                check.user.name, self.permission.value, self.amount, valid_for=self.valid_for
            )
            self.approved.emit(self.approval)
            self.accept()
            return
        self.entry.show_message(self._refusal(check), error=True)
        if check.user is None or check.user.is_locked(self.users.now()) or check.user.disabled:
            self.entry.set_locked(True)
