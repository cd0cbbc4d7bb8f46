"""Every string from a person or a provider is inert plain text, on every screen and dialog.

The walk drives the real console over the loopback emulator (journal file, services, manager screens)
after sales whose reason, cashier, manager, shop, wallet and provider message are full of markup and
bidi overrides (``tests/ui/inert_probe.py``), and fails on any widget that renders them, any label left
to guess its text format, and any widget class of ``posapp.ui`` the walk never met.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import posapp.ui
from posapp.core.access import Role
from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.sandbox import mycoolpay as mycoolpay_sandbox
from posapp.sandbox.customer import Script
from posapp.ui.screens.refund_dialog import RefundDialog
from tests.helpers.qt_async import run_on_qt_loop, wait_until

from .inert_probe import (
    CASHIER,
    CUSTOMER,
    HOSTILE,
    MANAGER,
    NOTE,
    PROVIDER,
    REASON,
    SHOP,
    bidi_problems,
    html_as_shown,
    inert_problems,
    label_as_shown,
    mnemonic_as_shown,
    text_problems,
    tokens_shown,
)
from .screens.manager_harness import ManagerConsole

HOSTILE_CASHIER_PIN = "4862"
HOSTILE_MANAGER_PIN = "9274"


# ---------------------------------------------------------------------------------------------- geometry


def _shows_rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def line_rect(label: QLabel, needle: str) -> QRect:
    """Where the line of ``label`` that holds ``needle`` is painted, in the label's coordinates.

    Laid out as QLabel lays out its text: in the label's font, rich or plain as Qt decides, wrapped at
    the label's width when it wraps, aligned in its contents rectangle.
    """
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    if _shows_rich(label):
        document.setHtml(label.text())
    else:
        document.setPlainText(label.text())
    contents = label.contentsRect()
    if label.wordWrap():
        document.setTextWidth(contents.width())
    height = document.size().height()  # lays the document out
    found = document.find(needle)
    assert not found.isNull(), f"{needle!r} is not in {document.toPlainText()!r}"
    block = document.findBlock(found.selectionStart())
    layout = block.layout()
    first = found.selectionStart() - block.position()
    last = found.selectionEnd() - block.position()
    line = layout.lineForTextPosition(first)
    assert line.isValid(), f"{needle!r} was not laid out"
    # The ends of the needle, wherever they are painted (a bidi override can put the end on the left).
    ends = sorted(line.cursorToX(position)[0] for position in (first, min(last, line.textStart() + line.textLength())))
    top = layout.position().y() + line.y()
    rect = QRectF(layout.position().x() + ends[0], top, max(1.0, ends[1] - ends[0]), line.height())
    offset_y = 0.0
    if label.alignment() & Qt.AlignmentFlag.AlignVCenter:
        offset_y = (contents.height() - height) / 2
    elif label.alignment() & Qt.AlignmentFlag.AlignBottom:
        offset_y = contents.height() - height
    return rect.translated(contents.left(), contents.top() + max(0.0, offset_y)).toAlignedRect()


def visible_in(widget: QWidget, rect: QRect, window: QWidget) -> bool:
    """``rect`` (in ``widget``'s coordinates) lies inside ``widget`` and every parent up to ``window``."""
    current: QWidget | None = widget
    area = QRect(rect)
    while current is not None:
        if not current.rect().contains(area):
            return False
        if current is window:
            return True
        area.translate(current.pos())
        current = current.parentWidget()
    return False


def hostile_payment() -> Transaction:
    return Transaction(
        "PAY-HOSTILE-0001", Kind.PUSH_PAYMENT, "mycoolpay", Money(5000, "XAF"), status=Status.SUCCEEDED,
        provider_ref="MCP-1", customer="+237677009900", operator="CM_MOMO", reason=REASON, cashier=CASHIER,
        created_at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC), updated_at=datetime(2026, 3, 2, 9, 31, tzinfo=UTC),
    )  # fmt: skip


def test_refund_dialog_keeps_paid_by_and_the_reference_in_view_whatever_the_reason(
    qapp: QApplication, themed: QApplication, tmp_path: Path
) -> None:
    payment = hostile_payment()
    dialog = RefundDialog(payment, payment.amount, "en_CM")
    dialog.show()
    QTest.qWaitForWindowExposed(dialog)
    qapp.processEvents()
    try:
        dialog.grab().save(str(Path(os.environ.get("POSAPP_SHOTS", tmp_path)) / "refund_dialog_hostile_reason.png"))
        details = dialog.payment_details
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        for needle in ("Paid by", payment.app_ref, "<span style=", "321"):
            rect = line_rect(details, needle)
            assert visible_in(details, rect, dialog), f"{needle!r} at {rect} is cut off or out of the dialog"
        assert details.textFormat() == Qt.TextFormat.PlainText
        shown = label_as_shown(details).splitlines()
        assert shown[1:] == ["Paid by +237 6 77 00 99 00 (MTN MoMo)", payment.app_ref], shown
        assert shown[0].endswith(" · " + REASON.replace("\u202e", "")), shown[0]
        assert inert_problems([dialog]) == []
    finally:
        dialog.close()
        dialog.deleteLater()


# ---------------------------------------------------------------------------------------------- the walk


def posapp_widget_classes() -> set[type[QWidget]]:
    """Every widget class defined in ``posapp.ui`` (screens, dialogs, widgets, the window)."""
    classes: set[type[QWidget]] = set()
    for info in pkgutil.walk_packages(posapp.ui.__path__, "posapp.ui."):
        if info.name == "posapp.ui.tour":
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QWidget):
                classes.add(cls)
    return classes


# Widgets the walk does not meet, and why they show no text of a person or a provider.
NOT_WALKED = {
    # The placeholders are replaced by the real screens before anything is shown.
    "PlaceholderScreen": "replaced by the real screens",
    # It reads the shop store, a PostgreSQL server this walk does not start (tests/shop drive it); its
    # texts go through inert_text like the rest, which no test here checks.
    "ShopView": "needs the shop store",
}


class Walk:
    """Walks every top-level window at each step and keeps the problems and the widget classes met."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.met: set[type] = set()
        self.tokens: set[str] = set()
        self.steps: list[str] = []

    def __call__(self, step: str, *extra: QWidget) -> None:
        roots = [w for w in QApplication.topLevelWidgets() if not w.property("inertIgnored")] + list(extra)
        self.steps.append(step)
        for problem in inert_problems(roots):
            self.problems.append(f"[{step}] {problem}")
        self.tokens |= tokens_shown(roots)
        shots = os.environ.get("POSAPP_SHOTS")  # to look at what the walk saw
        if shots:
            for number, root in enumerate(r for r in roots if r.isVisible()):
                name = f"walk_{len(self.steps):02d}_{number}_{step.replace(' ', '_')}.png"
                root.grab().save(str(Path(shots) / name))
        for root in roots:
            for widget in [root, *root.findChildren(QWidget)]:
                self.met.add(type(widget))

    def texts(self, step: str, where: str, texts: list[str]) -> None:
        for text in texts:
            self.problems += [f"[{step}] {p}" for p in text_problems(where, text)]
            self.tokens |= {token for token in HOSTILE if token in text}


@pytest.fixture
def console(qapp: QApplication, themed: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[ManagerConsole]:
    # What the emulated provider says when a payment or a transfer fails.
    for key in ("declined", "payout_refused", "canceled"):
        monkeypatch.setitem(mycoolpay_sandbox.MESSAGES, key, {"en": PROVIDER, "fr": PROVIDER})
    h = ManagerConsole()
    h.settings = h.settings.replace(shop_name=SHOP)
    h.console.settings = h.settings
    h.controller.shop_name = SHOP
    h.users.add_user(CASHIER, Role.CASHIER, HOSTILE_CASHIER_PIN, by="manager:Kofi")
    h.users.add_user(MANAGER, Role.MANAGER, HOSTILE_MANAGER_PIN, by="manager:Kofi")
    # As the composition root wires it: the signed-in user's name goes on every transaction they start.
    h.access.user_changed.connect(lambda user: setattr(h.controller, "cashier", user.name if user else ""))
    yield h
    run_on_qt_loop(qapp, h.close(), timeout=30)


async def sign_in(h: ManagerConsole, name: str, pin: str) -> None:
    if not h.access.is_locked:
        h.access.lock()
    screen = h.access.lock_screen
    screen.select_user(name)
    for digit in pin:
        QTest.mouseClick(screen.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
    await wait_until(lambda: not h.access.is_locked, what=f"{name!r} signed in")


def type_sale(h: ManagerConsole, digits: str, phone: str = "") -> None:
    flow = h.controller.flow
    h.controller.new_sale()
    for digit in digits:
        flow.sale.amount_input.press(digit)
    flow.sale.reason_edit.setText(REASON)
    flow.sale.phone_edit.setText(phone)


async def push_sale(h: ManagerConsole, digits: str, phone: str) -> Transaction:
    flow = h.controller.flow
    type_sale(h, digits, phone)
    flow.sale.request_push()
    await wait_until(lambda: flow.currentWidget() is flow.push and flow.push.transaction is not None, what="push")
    transaction = flow.push.transaction
    assert transaction is not None and transaction.provider_ref
    return transaction


def test_every_screen_and_dialog_shows_hostile_text_as_plain_text(qapp: QApplication, console: ManagerConsole) -> None:
    h = console
    walk = Walk()

    async def scenario() -> None:
        from posapp.journal.diagnose import OpenProblem, Problem
        from posapp.shop.replicator import LinkState, LinkStatus
        from posapp.ui.read_only import ReadOnlySignIn, ReadOnlyWindow
        from posapp.ui.screens.capture_dialog import CaptureDialog
        from posapp.ui.screens.otp_dialog import OtpDialog
        from posapp.ui.screens.startup_problem import StartupProblemDialog
        from posapp.ui.widgets.shop_status import CounterNameLabel, ShopStatusLabel
        from posapp.ui.wiring.console import add_training_phone
        from posapp.ui.wiring.settings import install_settings_screens

        await h.start()
        await sign_in(h, CASHIER, HOSTILE_CASHIER_PIN)
        flow = h.controller.flow
        h.window.show_screen("sale")
        type_sale(h, "2500", "620000000")
        flow.sale.request_push()  # a number no operator has: the sale screen says so
        walk("sale form")

        declined = await push_sale(h, "700", "677009900")
        walk("push waiting")
        h.state.decline(declined.provider_ref or "")
        await wait_until(flow.push.showing_outcome, timeout=15, what="the declined push")
        walk("push declined")

        paid = await push_sale(h, "5000", "677009900")
        h.state.approve(paid.provider_ref or "")
        await wait_until(flow.push.showing_outcome, timeout=15, what="the paid push")
        walk("push paid")

        type_sale(h, "4000")
        flow.sale.request_qr()
        await wait_until(lambda: flow.currentWidget() is flow.qr and flow.qr.transaction is not None, what="QR")
        h.controller.show_customer_display()
        display = h.controller.customer_display
        assert display is not None
        walk("QR waiting, customer display")
        qr_ref = flow.qr.transaction.provider_ref if flow.qr.transaction else None
        assert qr_ref
        h.state.pay_checkout(qr_ref, "699009900")
        await wait_until(flow.qr.showing_outcome, timeout=15, what="the paid QR")
        walk("QR paid, customer display")
        display.close()

        type_sale(h, "1200")
        flow.sale.request_qr()  # left waiting: Activity and the customer's phone show it
        await wait_until(lambda: flow.currentWidget() is flow.qr, what="the second QR")

        # A payout whose answer was lost, to a wallet as the journal may hold it, settled later.
        journal = h.console.journal
        assert journal is not None
        intent = Transaction(
            "PO-HOSTILE-0001", Kind.PAYOUT, "mycoolpay", Money(7500, "XAF"), customer=CUSTOMER, operator="MCP",
            reason=REASON, cashier=MANAGER,
        )  # fmt: skip
        journal.record_intent(intent, f"manager:{MANAGER}")
        journal.append_event(intent.app_ref, type="no_answer", status=Status.UNKNOWN, actor="system", message=PROVIDER)
        unknown = h.journal.get(intent.app_ref)
        assert unknown is not None
        h.controller.activity.upsert(unknown, PROVIDER)  # as the services' event would
        h.window.show_screen("activity")
        walk("activity")

        history = h.controller.history
        assert history is not None
        history.update_transaction(unknown)
        h.window.show_screen("history")
        for ref in (declined.app_ref, paid.app_ref, unknown.app_ref):
            await wait_until(lambda ref=ref: history.select(ref), what=f"{ref} in History")
            history.show_transaction(h.journal.get(ref))
            walk(f"history detail {ref}")

        phone = add_training_phone(h.console, h.window)
        await phone.refresh()
        walk("training phone")

        h.controller.message.emit(PROVIDER)  # a provider's refusal said in the status bar
        walk("status bar")
        h.window.show_about().close()
        walk("about box")

        otp = OtpDialog("+237 6 77 00 99 00", 3, h.window)
        otp.open()
        otp.show_refused(f"The code is not right. ({PROVIDER})", 2)
        walk("OTP dialog")
        otp.accept()
        capture = CaptureDialog(Money(12500, "XAF"), "en_CM", partial=True, parent=h.window)
        capture.open()
        capture.show_error(PROVIDER)
        walk("capture dialog")
        capture.accept()

        # A cashier asks for a payout: the approval names who asks and the managers who may approve.
        screens = h.screens
        payouts = screens.payouts
        h.window.show_screen("payouts")
        QTest.mouseClick(payouts.mobile_button, Qt.MouseButton.LeftButton)
        payouts.recipient_edit.setText("677009900")
        payouts.amount_edit.setText("3000")
        payouts.reason_edit.setText(REASON)
        QTest.mouseClick(payouts.continue_button, Qt.MouseButton.LeftButton)
        walk("payout confirmation")
        h.state.scripts.queue_next(Script.decline())
        QTest.mouseClick(payouts.send_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: h.access.approval_dialog is not None, what="the approval dialog")
        approval = h.access.approval_dialog
        assert approval is not None
        approval.select_manager(MANAGER)
        walk("approval dialog")
        for digit in HOSTILE_MANAGER_PIN:
            QTest.mouseClick(approval.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        QTest.mouseClick(approval.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
        await wait_until(payouts.showing_status, what="the payout's status")
        await wait_until(lambda: payouts.badge.status is Status.FAILED, timeout=10, what="the refused payout")
        payouts.reload_recent()
        walk("payout refused")

        await sign_in(h, MANAGER, HOSTILE_MANAGER_PIN)
        wiring = install_settings_screens(h.window, h.controller, h.services, h.access, h.settings, h.journal)
        settings = wiring.settings_screen
        h.window.show_screen("settings")
        settings.refresh_users()
        settings.select_user(CASHIER)
        walk("settings")

        screens.open_refund(paid.app_ref)
        await wait_until(lambda: screens.refund_dialog is not None, what="the refund dialog")
        refund = screens.refund_dialog
        assert refund is not None
        await wait_until(refund.isVisible, what="the refund dialog on screen")
        walk("refund form")
        for needle in ("Paid by", paid.app_ref):
            rect = line_rect(refund.payment_details, needle)
            if not visible_in(refund.payment_details, rect, refund):
                walk.problems.append(f"[refund form] {needle!r} is out of the refund dialog at {rect}")
        refund.reason_edit.setText(REASON)
        h.state.scripts.queue_next(Script.decline())
        QTest.mouseClick(refund.refund_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: refund.refund is not None, what="the refund sent")
        await wait_until(lambda: refund.badge.status is Status.FAILED, timeout=10, what="the refused refund")
        walk("refund refused")
        refund.accept()

        screens.open_settle(unknown.app_ref)
        await wait_until(lambda: screens.settle_dialog is not None, what="the settle dialog")
        settle = screens.settle_dialog
        assert settle is not None
        walk("settle form")
        settle.choose(Status.FAILED, NOTE)
        settle.submit()
        await wait_until(lambda: settle.pages.currentIndex() == 1, timeout=10, what="the settled outcome")
        walk("settle done")
        settle.accept()
        settled = h.journal.get(unknown.app_ref)
        history.update_transaction(settled)
        h.window.show_screen("history")
        history.show_transaction(settled)
        walk("history detail of the settled payout")

        receipt = wiring.reprint(paid.app_ref)
        assert receipt is not None
        walk("receipt")
        walk.texts("receipt", "receipt painted text", receipt.content.all_text())
        receipt.reject()

        report = wiring._show_end_of_day()
        await wait_until(lambda: bool(report.report_screen.html), what="the end-of-day report")
        walk("end of day")
        printed = QTextDocument()
        printed.setHtml(report.report_screen._printed_html())
        walk.texts("end of day", "printed report", [printed.toPlainText()])
        report.reject()

        h.window.show_screen("balance")
        walk("balance")

        # The till: a cash sale by the signed-in manager, its receipt's words, the drawer and the printer.
        from posapp.ui.till import install_till, sale_receipt

        h.console.access = h.access
        till = install_till(h.console, h.window)
        assert till is not None
        type_sale(h, "3000")
        till.start_cash(Money(3000, "XAF"), REASON, None)
        await wait_until(lambda: h.controller.flow.currentWidget() is till.cash_page, what="the cash page")
        walk("cash tender")
        till.take_cash(Money(5000, "XAF"))
        page = till.cash_page
        await wait_until(lambda: page.pages.currentWidget() is page.done_page, what="the cash sale paid")
        walk("cash paid")
        assert page.state is not None and till.sale_ref is not None
        paid_sale = await h.services.sales.state(till.sale_ref)
        receipt_words = sale_receipt(paid_sale, h.settings, training=True, locale="en_CM").all_text()
        walk.texts("cash receipt", "cash receipt text", receipt_words)
        h.window.show_screen("till")
        till.refresh_drawer()
        walk("till")
        count = till.ask_count()
        assert count is not None
        walk("drawer count")
        count.reject()
        opening = till.ask_float()
        assert opening is not None
        walk("opening float")
        opening.reject()
        till.new_sale()

        h.access.lock()
        h.access.lock_screen.select_user(CASHIER)
        walk("lock screen")

        # The counter's shop link in the status bar, refused with the store's own words.
        link = SimpleNamespace(identity=SimpleNamespace(name=SHOP), status=LinkStatus(LinkState.REFUSED, 3, PROVIDER))
        shop_status = ShopStatusLabel(link, h.window)
        h.window.statusBar().addPermanentWidget(shop_status)
        counter = CounterNameLabel(None, h.window)  # the counter's name as a manager typed it
        counter.name = lambda: SHOP  # type: ignore[method-assign]
        counter.refresh()
        h.window.statusBar().addPermanentWidget(counter)
        walk("shop link")
        shop_status.deleteLater()
        counter.deleteLater()

        # What shows instead of the console when its journal cannot open: paths and SQLite's words.
        problem = OpenProblem(
            Problem.DAMAGED, Path(f"/home/{SHOP}/journal.sqlite3"), PROVIDER, backups=[], readable=True
        )
        startup = StartupProblemDialog(problem, "en_CM", f"/home/{CASHIER}/posapp.log")
        startup.open()
        walk("journal problem")
        startup.done(0)
        sign_in_read_only = ReadOnlySignIn(h.users)
        sign_in_read_only.open()
        walk("read-only sign-in")
        sign_in_read_only.done(0)
        read_only = ReadOnlyWindow(h.journal, "en_CM", MANAGER, banner="read-only")
        read_only.show()
        read_only.history.show_transaction(h.journal.get(paid.app_ref))
        walk("read-only window")
        read_only.close()
        read_only.deleteLater()

    run_on_qt_loop(qapp, scenario(), timeout=120)

    assert walk.problems == [], f"{len(walk.problems)} problems:\n" + "\n".join(sorted(set(walk.problems))[:60])
    assert walk.tokens >= set(HOSTILE), f"the walk never met {set(HOSTILE) - walk.tokens}"
    missed = {cls.__name__ for cls in posapp_widget_classes() if not any(issubclass(m, cls) for m in walk.met)}
    assert missed <= set(NOT_WALKED), (
        f"widget classes the walk never met: {sorted(missed - set(NOT_WALKED))}; show them in the walk above "
        "with hostile text, or name them in NOT_WALKED with the reason they never show a person's or a "
        "provider's text"
    )


# ---------------------------------------------------------------------------------------------- the helpers


def _painted_left_to_right(text: str, pieces: list[str]) -> list[str]:
    """``pieces`` (each once in ``text``) ordered by where Qt paints them on a left-to-right line."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()

    def middle(piece: str) -> float:
        # The cursor positions inside the piece (at its ends a cursor may sit on a neighbouring run).
        start = text.index(piece)
        inside = [line.cursorToX(position)[0] for position in range(start + 1, start + len(piece))]
        return sum(inside) / len(inside)

    return sorted(pieces, key=middle)


def test_a_name_cannot_reorder_our_line_and_an_arabic_name_stays_readable(qapp: QApplication) -> None:
    from posapp.ui.inert_text import FSI, PDI, inert

    spoofed = "Kofi \u202e0005"  # shows as "Kofi 5000" and pulls what follows into its run
    line = f"Paid by {spoofed} · 700 FCFA"
    assert _painted_left_to_right(line, ["0005", "700"]) == ["700", "0005"], "the override reverses our amount too"
    line = f"Paid by {inert(spoofed)} · 700 FCFA"
    assert _painted_left_to_right(line, ["Paid by", "0005", "700"]) == ["Paid by", "0005", "700"]
    assert inert(spoofed) == "Kofi 0005"

    arabic = "أمينة 12"
    assert _painted_left_to_right(f"Paid by {arabic}: 700 FCFA", ["12", "700"]) == ["700", "12"]
    shown = inert(arabic)
    assert shown == f"{FSI}{arabic}{PDI}"
    assert _painted_left_to_right(f"Paid by {shown}: 700 FCFA", ["Paid by", "12", "700"]) == ["Paid by", "12", "700"]


@pytest.mark.parametrize(
    "text",
    ["Riz 5 kg", "café & pain <3", "a\u2068b\u2069c", "x \u2067y\u2069 \u2069z\u2068", "\u202dأ\u202c", "\u200f!"],
)
def test_inert_leaves_french_and_english_alone_and_is_idempotent(text: str) -> None:
    from posapp.ui.inert_text import inert

    once = inert(text)
    assert inert(once) == once
    assert not re.search("[\u202a-\u202e\u2066\u2067]", once)
    assert once.count("\u2068") == once.count("\u2069")
    if text.isascii() or text == "café & pain <3":
        assert once == text


def test_tooltips_buttons_and_message_boxes_show_markup_as_text(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from posapp.ui.inert_text import button_text, plain_message_box, plain_tooltip

    tip = plain_tooltip(PROVIDER + "\nsecond line")
    assert html_as_shown(tip) == PROVIDER.replace("\u202e", "") + "\nsecond line"
    assert plain_tooltip("") == ""
    button = QPushButton(button_text(CASHIER))
    assert mnemonic_as_shown(button.text()) == CASHIER.replace("\u202e", "")
    box = plain_message_box(None, QMessageBox.Icon.Warning, "posapp", REASON, informative=PROVIDER)
    labels = {label.objectName(): label for label in box.findChildren(QLabel)}
    for name, text in (("qt_msgbox_label", REASON), ("qt_msgbox_informativelabel", PROVIDER)):
        assert labels[name].textFormat() == Qt.TextFormat.PlainText and label_as_shown(labels[name]) == text
    box.deleteLater()


def test_the_status_bar_and_raw_answers_keep_bidi_controls_inert(qapp: QApplication) -> None:
    from posapp.ui.inert_text import InertStatusBar, inert_raw

    bar = InertStatusBar()
    bar.showMessage(PROVIDER, 1000)
    assert bar.currentMessage() == PROVIDER.replace("\u202e", "")
    raw = json.dumps({"transaction_message": PROVIDER, "shop": SHOP}, ensure_ascii=False)
    shown = inert_raw(raw)
    assert json.loads(shown) == json.loads(raw), "the same JSON, written with escapes"
    assert bidi_problems(shown) == [] and "\\u202e" in shown


def test_ruff_refuses_a_bare_qlabel_in_the_ui() -> None:
    """A new label cannot quietly guess rich text: posapp/ui takes PlainLabel or RichLabel (ruff TID251)."""
    source = "from PySide6.QtWidgets import QLabel\n\nlabel = QLabel('x')\n"
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "--no-cache", "--stdin-filename", "posapp/ui/screens/new_screen.py", "-"],
        input=source, capture_output=True, text=True, cwd=Path(__file__).parents[2], check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "TID251" in result.stdout, result.stdout + result.stderr
    assert "PlainLabel" in result.stdout
