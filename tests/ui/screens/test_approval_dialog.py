"""Manager approval: a manager's PIN records a single-use approval of one operation in the journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from posapp.core.access import Permission, Role, ScryptParams
from posapp.core.money import Money
from posapp.journal.store import ApprovalError, Journal
from posapp.journal.users import UserStore
from posapp.ui.screens.approval_dialog import ManagerApprovalDialog, action_text
from tests.journal.conftest import Clock, paid, refund

FAST = ScryptParams(n=2**8, r=8, p=1)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3", clock=Clock()) as j:
        yield j


@pytest.fixture
def users(journal: Journal) -> UserStore:
    store = UserStore(journal, params=FAST)
    store.create_first_manager("Kofi", "5831")
    store.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
    return store


def make_dialog(qtbot, users: UserStore, permission: Permission = Permission.REFUND, amount=None, **kw):  # type: ignore[no-untyped-def]
    dialog = ManagerApprovalDialog(
        users, permission, amount, requested_by=users.get("Ama"), locale="en_CM", summary="POS-1", **kw
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_pin(qtbot, dialog: ManagerApprovalDialog, pin: str) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        qtbot.mouseClick(dialog.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)


def approvals(journal: Journal) -> int:
    return int(journal._conn.execute("SELECT count(*) FROM approvals").fetchone()[0])


def test_shows_what_and_how_much(qtbot, users: UserStore) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, users, amount=Money(12500, "XAF"))
    assert dialog.action_label.text() == action_text(Permission.REFUND) == "Refund"
    assert "12" in dialog.amount_label.text() and "500" in dialog.amount_label.text()
    assert dialog.summary_label.text() == "POS-1"
    assert list(dialog.manager_buttons) == ["Kofi"]  # cashiers cannot approve
    assert dialog.manager_name == "Kofi"


def test_manager_pin_records_a_single_use_approval(qtbot, users: UserStore, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    amount = Money(2000, "XAF")
    dialog = make_dialog(qtbot, users, amount=amount)
    with qtbot.waitSignal(dialog.approved, timeout=2000) as blocker:
        type_pin(qtbot, dialog, "5831")
    approval = blocker.args[0]
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.approval == approval
    assert (approval.manager, approval.operation, approval.amount) == ("Kofi", "refund", amount)
    assert journal.approval(approval.id) == approval and approval.used_at is None
    # used up by the refund's intent, in the journal's own transaction...
    paid(journal, "POS-1", 5000)
    journal.record_intent(refund("RF-1", "POS-1", 2000), "cashier:Ama", approval_id=approval.id)
    used = journal.approval(approval.id)
    assert used is not None and used.used_by == "cashier:Ama" and used.used_for == "RF-1"
    # ...and never again
    with pytest.raises(ApprovalError, match="already used"):
        journal.record_intent(refund("RF-2", "POS-1", 2000), "cashier:Ama", approval_id=approval.id)
    with pytest.raises(ApprovalError):
        journal.consume_approval(approval.id, operation="refund", amount=amount, used_by="cashier:Ama")


def test_approval_is_for_that_operation_only(qtbot, users: UserStore, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, users, permission=Permission.EXPORT)
    with qtbot.waitSignal(dialog.approved, timeout=2000) as blocker:
        type_pin(qtbot, dialog, "5831")
    approval = blocker.args[0]
    with pytest.raises(ApprovalError, match="not payout"):
        journal.consume_approval(approval.id, operation="payout", amount=None, used_by="cashier:Ama")
    journal.consume_approval(approval.id, operation="export", amount=None, used_by="cashier:Ama")
    with pytest.raises(ApprovalError, match="already used"):
        journal.consume_approval(approval.id, operation="export", amount=None, used_by="cashier:Ama")


def test_wrong_pin_records_nothing_and_counts(qtbot, users: UserStore, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, users, amount=Money(2000, "XAF"))
    with qtbot.assertNotEmitted(dialog.approved):
        type_pin(qtbot, dialog, "2749")  # the cashier's own PIN is not a manager's
    assert dialog.entry.message.text() == "Wrong PIN. Tries left: 4."
    assert dialog.isVisible() and approvals(journal) == 0
    assert users.get("Kofi").failed_attempts == 1  # type: ignore[union-attr]


def test_locked_manager_cannot_approve(qtbot, users: UserStore, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        users.verify_pin("Kofi", "0852")
    dialog = make_dialog(qtbot, users)
    assert "locked until" in dialog.entry.message.text()
    assert not dialog.entry.pad.isEnabled()
    with qtbot.assertNotEmitted(dialog.approved):
        dialog._check_pin("5831")
    assert approvals(journal) == 0


def test_several_managers_pick_their_name(qtbot, users: UserStore) -> None:  # type: ignore[no-untyped-def]
    users.add_user("Esi", Role.MANAGER, "90417", by="manager:Kofi")
    dialog = make_dialog(qtbot, users)
    assert dialog.manager_name is None and not dialog.entry.pad.isEnabled()
    qtbot.mouseClick(dialog.manager_buttons["Esi"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.approved, timeout=2000) as blocker:
        type_pin(qtbot, dialog, "90417")
    assert blocker.args[0].manager == "Esi"


def test_cancel_gives_no_approval(qtbot, users: UserStore, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, users)
    with qtbot.assertNotEmitted(dialog.approved):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.approval is None
    assert approvals(journal) == 0


@pytest.mark.parametrize("permission", list(Permission))
def test_every_action_has_words(permission: Permission) -> None:
    assert action_text(permission)
