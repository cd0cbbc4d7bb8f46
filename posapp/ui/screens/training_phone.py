"""Training mode: what the emulated customer's phone shows (OTP SMS, pushes to approve, payment links to pay).

The panel reads the sandbox's control API (``<provider base>/_sandbox/``) through one adapter per
emulated provider and acts as the customer through it, so a trainee can run every flow alone. The
adapters speak HTTP through an injected ``httpx.AsyncClient``; nothing here imports the sandbox or a
gateway. To support another emulator, write a class with the ``CustomerPhoneAdapter`` methods that maps
its control API onto ``PhoneSnapshot`` and pass it in the panel's ``adapters``.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

import httpx
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from posapp.core.money import Money, MoneyError, format_money
from posapp.core.phone import Operator, PhoneError, parse_mobile
from posapp.ui.actions import run_action
from posapp.ui.inert_text import PlainLabel, RichLabel, inert, plain_tooltip

# A Cameroonian Orange number that the emulators accept; what the phone pays payment links with unless changed.
DEFAULT_TEST_PHONE = "699009900"
POLL_INTERVAL_MS = 1000
SMS_SHOWN = 3  # the latest messages only: a phone's inbox, not a log
# A phone screen shows a handful of requests; redrawing a card for each of a hundred waiting payments
# every second stalled the console's event loop for ~100 ms (bench_ui). The newest ones are shown.
REQUESTS_SHOWN = 8


# ---------------------------------------------------------------------------------------------- what a phone shows


@dataclass(frozen=True, slots=True)
class PhoneSms:
    """A text message received by an emulated customer (an OTP code)."""

    provider: str
    phone: str
    text: str
    code: str
    ref: str


@dataclass(frozen=True, slots=True)
class PhonePush:
    """A payment request pushed to an emulated customer's phone, waiting for approve / decline."""

    provider: str
    ref: str
    app_ref: str | None
    amount: Money | None
    reason: str
    phone: str | None
    operator: str | None
    awaiting_code: bool  # the cashier has not typed the SMS code yet: the phone cannot approve


@dataclass(frozen=True, slots=True)
class PhoneLink:
    """An open payment link (the QR code at the till), as its checkout page offers it."""

    provider: str
    ref: str
    app_ref: str | None
    amount: Money | None
    reason: str
    checkout_url: str


@dataclass(frozen=True, slots=True)
class PhoneSnapshot:
    """Everything one emulated provider currently shows its customers."""

    sms: tuple[PhoneSms, ...] = ()
    pushes: tuple[PhonePush, ...] = ()
    links: tuple[PhoneLink, ...] = ()


class SandboxRefused(Exception):
    """The sandbox's control API refused an action (the message is meant for the trainee)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message  # read by posapp.ui.actions.describe_error


class CustomerPhoneAdapter(Protocol):
    """The emulated customer of one provider, over that emulator's control API."""

    provider: str  # the provider key used in transactions ("mycoolpay")
    label: str  # shown on the phone ("My-CoolPay")

    async def snapshot(self) -> PhoneSnapshot: ...

    async def approve_push(self, ref: str) -> None: ...

    async def decline_push(self, ref: str) -> None: ...

    async def pay_link(self, ref: str, phone: str) -> None: ...

    async def decline_link(self, ref: str) -> None: ...


def _money(amount: Any, currency: Any) -> Money | None:
    try:
        return Money.from_major(Decimal(str(amount)), str(currency))
    except (MoneyError, ArithmeticError, ValueError, TypeError):
        return None  # shown without an amount rather than not at all


class MyCoolPayCustomerPhone:
    """The My-CoolPay emulator's customer: ``GET _sandbox/transactions`` and ``sms``, ``POST .../{ref}/<verb>``."""

    provider = "mycoolpay"
    label = "My-CoolPay"

    def __init__(self, http: httpx.AsyncClient, base_url: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")

    def _control(self, path: str) -> str:
        return f"{self.base_url}/_sandbox/{path}"

    async def _get(self, path: str) -> Any:
        response = await self.http.get(self._control(path))
        return self._answer(response)

    async def _post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        response = await self.http.post(self._control(path), json=body or {})
        return self._answer(response)

    @staticmethod
    def _answer(response: httpx.Response) -> Any:
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.is_error:
            message = data.get("error") if isinstance(data, dict) else None
            raise SandboxRefused(str(message or f"HTTP {response.status_code}"))
        return data

    async def snapshot(self) -> PhoneSnapshot:
        transactions = await self._get("transactions")
        messages = await self._get("sms")
        pushes: list[PhonePush] = []
        links: list[PhoneLink] = []
        for item in reversed(transactions):  # newest first
            amount = _money(item.get("transaction_amount"), item.get("transaction_currency"))
            ref = str(item["transaction_ref"])
            if item.get("via") == "payin" and item.get("transaction_status") == "PENDING":
                pushes.append(
                    PhonePush(
                        self.provider,
                        ref,
                        item.get("app_transaction_ref"),
                        amount,
                        item.get("transaction_reason") or "",
                        item.get("customer_phone_number"),
                        item.get("transaction_operator"),
                        bool(item.get("awaiting_otp")),
                    )
                )
            elif item.get("via") == "paylink" and item.get("transaction_status") == "CREATED":
                links.append(
                    PhoneLink(
                        self.provider,
                        ref,
                        item.get("app_transaction_ref"),
                        amount,
                        item.get("transaction_reason") or "",
                        f"{self.base_url}/payment/checkout/{ref}",
                    )
                )
        sms = tuple(
            PhoneSms(self.provider, str(m["phone"]), str(m["text"]), str(m["code"]), str(m["ref"]))
            for m in reversed(messages)
        )
        return PhoneSnapshot(sms, tuple(pushes), tuple(links))

    async def approve_push(self, ref: str) -> None:
        await self._post(f"transactions/{ref}/approve")

    async def decline_push(self, ref: str) -> None:
        await self._post(f"transactions/{ref}/decline")

    async def pay_link(self, ref: str, phone: str) -> None:
        await self._post(f"transactions/{ref}/pay", {"phone": phone})

    async def decline_link(self, ref: str) -> None:
        await self._post(f"transactions/{ref}/cancel")


# ---------------------------------------------------------------------------------------------- the panel


def _phone_text(phone: str | None, operator: str | None = None) -> str:
    """``+237 6 99 00 99 00 (Orange Money)`` for what the sandbox writes as ``699009900`` / ``CM_OM``."""
    if not phone:
        return ""
    try:
        mobile = parse_mobile(phone)
    except PhoneError:
        return phone
    name = mobile.operator.display_name
    if operator:
        with contextlib.suppress(ValueError):
            name = Operator(operator).display_name
    return f"{mobile.formatted()} ({name})"


@dataclass
class _Shown:
    """What the panel last drew, to redraw only on change (a redraw under the pointer loses a click)."""

    sms: tuple[PhoneSms, ...] = ()
    pushes: tuple[PhonePush, ...] = ()
    links: tuple[PhoneLink, ...] = ()
    errors: tuple[str, ...] = field(default_factory=tuple)
    codes: dict[tuple[str, str], str] = field(default_factory=dict)  # (provider, ref) -> the SMS code


class TrainingPhonePanel(QWidget):
    """A phone-shaped panel showing what the emulated customer sees, with the customer's buttons.

    It shows the latest SMS (OTP codes, the code in large type), the pushes waiting on the customer's
    phone with Approve / Decline, and the open payment links with Pay (using the number in the phone's
    field, an Orange test number by default), Decline and Walk away (the customer leaves; the link is
    hidden here and expires at the provider). While visible it polls every ``poll_ms`` (0: never; call
    ``refresh()``) without blocking the GUI thread: each poll is an asyncio task on the running (qasync)
    loop, and a poll is skipped while the previous one is still running.

    Signals:
        customer_acted(str, str, str): provider, provider transaction ref, and what the customer did
            (``approve``, ``decline``, ``pay``, ``decline_link``); a controller may re-check at once.
        refreshed(): a refresh finished (whether the sandbox answered or not).
    """

    customer_acted = Signal(str, str, str)
    refreshed = Signal()

    def __init__(
        self,
        adapters: Sequence[CustomerPhoneAdapter],
        locale: str,
        parent: QWidget | None = None,
        *,
        poll_ms: int = POLL_INTERVAL_MS,
        phone: str = DEFAULT_TEST_PHONE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPhonePanel")
        self.adapters = {adapter.provider: adapter for adapter in adapters}
        self.locale_name = locale
        self._shown = _Shown()
        self._walked_away: set[tuple[str, str]] = set()
        self._poll_task: asyncio.Task[bool] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._action_message = ""
        self._cards: dict[str, QFrame] = {}  # the push and link cards now shown, by provider ref

        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addStretch(0)
        self.phone_body = QFrame()
        self.phone_body.setObjectName("phoneBody")
        # As narrow as the console leaves it beside itself (MainWindow.place_training_phone): 300 px.
        self.phone_body.setMinimumWidth(280)
        self.phone_body.setMaximumWidth(440)
        self.phone_body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        # The phone takes the panel's whole width up to its widest; only what is left goes to the sides.
        outer.addWidget(self.phone_body, 1)
        outer.addStretch(0)

        body = QVBoxLayout(self.phone_body)
        body.setContentsMargins(10, 12, 10, 14)
        body.setSpacing(8)
        self.header = PlainLabel(QCoreApplication.translate("TrainingPhonePanel", "TRAINING — emulated customer phone"))
        self.header.setObjectName("phoneHeader")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header.setWordWrap(True)
        body.addWidget(self.header)

        number_row = QVBoxLayout()  # the caption over the field: the phone may be 300 px wide
        number_row.setSpacing(2)
        number_caption = PlainLabel(QCoreApplication.translate("TrainingPhonePanel", "This phone's number"))
        number_caption.setObjectName("phoneCaption")
        self.phone_edit = QLineEdit(phone)
        self.phone_edit.setObjectName("phoneNumberEdit")
        self.phone_edit.setAccessibleName(QCoreApplication.translate("TrainingPhonePanel", "This phone's number"))
        self.phone_edit.setMaxLength(24)
        self.phone_edit.setPlaceholderText("6 99 00 99 00")
        self.phone_edit.setToolTip(
            QCoreApplication.translate("TrainingPhonePanel", "The number the customer pays payment links with")
        )
        number_caption.setWordWrap(True)
        number_row.addWidget(number_caption)
        number_row.addWidget(self.phone_edit)
        body.addLayout(number_row)

        self.screen_area = QScrollArea()
        self.screen_area.setObjectName("phoneScreen")
        self.screen_area.setWidgetResizable(True)
        self.screen_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.screen_area.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName("phoneContent")
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(10, 10, 10, 10)
        self.content_layout.setSpacing(8)
        self.screen_area.setWidget(content)
        # Never clip a card sideways: the cards' texts wrap and their buttons share the width.
        self.screen_area.setMinimumWidth(250)
        body.addWidget(self.screen_area, 1)

        self.pushes_title = self._section_title(QCoreApplication.translate("TrainingPhonePanel", "Payment requests"))
        self.pushes_box = QVBoxLayout()
        self.links_title = self._section_title(
            QCoreApplication.translate("TrainingPhonePanel", "Payment links (QR code scanned)")
        )
        self.links_box = QVBoxLayout()
        self.sms_title = self._section_title(QCoreApplication.translate("TrainingPhonePanel", "Messages"))
        self.sms_box = QVBoxLayout()
        self.empty = PlainLabel(
            QCoreApplication.translate(
                "TrainingPhonePanel",
                "Nothing on this phone yet. Start a payment at the till: codes, requests and links appear here.",
            )
        )
        self.empty.setObjectName("phoneEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for title, box in (
            (self.pushes_title, self.pushes_box),
            (self.links_title, self.links_box),
            (self.sms_title, self.sms_box),
        ):
            box.setSpacing(8)
            self.content_layout.addWidget(title)
            self.content_layout.addLayout(box)
        self.content_layout.addWidget(self.empty)
        self.content_layout.addStretch(1)

        self.status_line = PlainLabel()
        self.status_line.setObjectName("phoneStatus")
        self.status_line.setWordWrap(True)
        self.status_line.hide()
        body.addWidget(self.status_line)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(max(poll_ms, 1))
        self.poll_timer.timeout.connect(self._poll)
        self._polling = poll_ms > 0
        tasks = self._tasks
        # A task still running when the panel goes away must not touch its deleted widgets.
        self.destroyed.connect(lambda *_: [task.cancel() for task in list(tasks)])
        self._redraw(_Shown())

    @staticmethod
    def _section_title(text: str) -> PlainLabel:
        label = PlainLabel(text)
        label.setObjectName("phoneSection")
        label.setWordWrap(True)
        return label

    # ------------------------------------------------------------------ state

    def phone_number(self) -> str:
        return self.phone_edit.text().strip()

    def sms(self) -> tuple[PhoneSms, ...]:
        return self._shown.sms

    def pushes(self) -> tuple[PhonePush, ...]:
        return self._shown.pushes

    def links(self) -> tuple[PhoneLink, ...]:
        return self._shown.links

    def card(self, ref: str) -> QFrame | None:
        """The card of the push or link ``ref`` (provider transaction ref), if shown."""
        return self._cards.get(ref)

    # ------------------------------------------------------------------ refresh

    async def refresh(self) -> bool:
        """Read every emulator once and redraw what changed; False (and a message) when one did not answer."""
        sms: list[PhoneSms] = []
        pushes: list[PhonePush] = []
        links: list[PhoneLink] = []
        errors: list[str] = []
        for adapter in self.adapters.values():
            try:
                snapshot = await adapter.snapshot()
            except (httpx.HTTPError, SandboxRefused, ValueError, KeyError, TypeError):
                errors.append(
                    QCoreApplication.translate(
                        "TrainingPhonePanel", "The training emulator of {provider} does not answer."
                    ).format(provider=adapter.label)
                )
                continue
            sms.extend(snapshot.sms)
            pushes.extend(p for p in snapshot.pushes if (p.provider, p.ref) not in self._walked_away)
            links.extend(link for link in snapshot.links if (link.provider, link.ref) not in self._walked_away)
        codes = {(m.provider, m.ref): m.code for m in reversed(sms)}  # the latest code of each payment wins
        shown = _Shown(
            tuple(sms[:SMS_SHOWN]),
            tuple(pushes[-REQUESTS_SHOWN:]),
            tuple(links[-REQUESTS_SHOWN:]),
            tuple(errors),
            codes,
        )
        if shown != self._shown:
            self._redraw(shown)
        self.refreshed.emit()
        return not errors

    async def wait_idle(self) -> None:
        """Wait until the running poll and customer actions (and the refreshes they started) are done."""
        while pending := [task for task in self._tasks if not task.done()]:
            await asyncio.gather(*pending, return_exceptions=True)

    def _poll(self) -> None:
        if self._poll_task is not None and not self._poll_task.done():
            return  # the sandbox is slow: never pile up requests
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no asyncio loop drives Qt here (a plain Qt test): nothing can run the request
        self._poll_task = self._track(asyncio.ensure_future(self.refresh()))

    def _track(self, task: asyncio.Task[Any]) -> asyncio.Task[Any]:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def start_polling(self) -> None:
        if self._polling and not self.poll_timer.isActive():
            self.poll_timer.start()
            self._poll()

    def stop_polling(self) -> None:
        self.poll_timer.stop()
        if self._poll_task is not None:
            self._poll_task.cancel()
            self._poll_task = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.start_polling()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        self.stop_polling()

    # ------------------------------------------------------------------ drawing

    def _redraw(self, shown: _Shown) -> None:
        self._shown = shown
        for box in (self.pushes_box, self.links_box, self.sms_box):
            while box.count():
                item = box.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self._cards = {}
        for push in shown.pushes:
            self._cards[push.ref] = self._push_card(push)
            self.pushes_box.addWidget(self._cards[push.ref])
        for link in shown.links:
            self._cards[link.ref] = self._link_card(link)
            self.links_box.addWidget(self._cards[link.ref])
        for message in shown.sms:
            self.sms_box.addWidget(self._sms_card(message))
        self.pushes_title.setVisible(bool(shown.pushes))
        self.links_title.setVisible(bool(shown.links))
        self.sms_title.setVisible(bool(shown.sms))
        self.empty.setVisible(not (shown.pushes or shown.links or shown.sms))
        self._show_status()

    def _amount_text(self, amount: Money | None) -> str:
        return format_money(amount, self.locale_name) if amount is not None else "?"

    def _card(self, kind: str, name: str = "") -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setObjectName(name or f"{kind}Card")
        card.setProperty("phoneCard", kind)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        return card, layout

    def _label(self, text: str, name: str) -> PlainLabel:
        label = PlainLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _push_card(self, push: PhonePush) -> QFrame:
        card, layout = self._card("push", f"card-{push.ref}")
        label = self.adapters[push.provider].label
        layout.addWidget(
            self._label(
                QCoreApplication.translate("TrainingPhonePanel", "{provider} asks you to pay").format(provider=label),
                "phoneCardTitle",
            )
        )
        layout.addWidget(self._label(self._amount_text(push.amount), "phoneAmount"))
        if push.reason:
            layout.addWidget(self._label(inert(push.reason), "phoneCardText"))
        if push.phone:
            to = QCoreApplication.translate("TrainingPhonePanel", "To {number}").format(
                number=_phone_text(push.phone, push.operator)
            )
            layout.addWidget(self._label(to, "phoneCardText"))
        if push.awaiting_code:
            code = self._shown.codes.get((push.provider, push.ref), "")
            hint = (
                QCoreApplication.translate("TrainingPhonePanel", "Read this SMS code to the cashier, then approve:")
                if code
                else ""
            )
            layout.addWidget(
                self._label(
                    hint or QCoreApplication.translate("TrainingPhonePanel", "Read the SMS code to the cashier first."),
                    "phoneHint",
                )
            )
            if code:
                code_label = self._label(code, "phoneCode")
                code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(code_label)
        approve = QPushButton(QCoreApplication.translate("TrainingPhonePanel", "Approve"))
        approve.setObjectName("approveButton")
        approve.setProperty("phoneAction", "approve")
        approve.setEnabled(not push.awaiting_code)
        approve.setToolTip(QCoreApplication.translate("TrainingPhonePanel", "The customer approves the payment"))
        decline = QPushButton(QCoreApplication.translate("TrainingPhonePanel", "Decline"))
        decline.setObjectName("declineButton")
        decline.setProperty("phoneAction", "decline")
        decline.setToolTip(QCoreApplication.translate("TrainingPhonePanel", "The customer refuses the payment"))
        ignore = QPushButton(QCoreApplication.translate("TrainingPhonePanel", "Ignore (let it expire)"))
        ignore.setObjectName("walkAwayButton")
        ignore.setProperty("phoneWalkAway", True)
        ignore.setToolTip(
            QCoreApplication.translate("TrainingPhonePanel", "The customer never answers: the payment expires")
        )
        adapter = self.adapters[push.provider]
        approve.clicked.connect(lambda: self._act(approve, push.provider, push.ref, "approve", adapter.approve_push))
        decline.clicked.connect(lambda: self._act(decline, push.provider, push.ref, "decline", adapter.decline_push))
        ignore.clicked.connect(lambda: self.walk_away(push.provider, push.ref))
        layout.addLayout(self._button_row(approve, decline))
        layout.addWidget(ignore, 0, Qt.AlignmentFlag.AlignRight)
        return card

    def _link_card(self, link: PhoneLink) -> QFrame:
        card, layout = self._card("link", f"card-{link.ref}")
        label = self.adapters[link.provider].label
        layout.addWidget(
            self._label(
                QCoreApplication.translate("TrainingPhonePanel", "{provider} checkout page").format(provider=label),
                "phoneCardTitle",
            )
        )
        layout.addWidget(self._label(self._amount_text(link.amount), "phoneAmount"))
        if link.reason:
            layout.addWidget(self._label(inert(link.reason), "phoneCardText"))
        open_text = QCoreApplication.translate("TrainingPhonePanel", "Open the checkout page")
        # Our link markup around the emulator's address, which is escaped (quotes too: it is an attribute).
        page = RichLabel(f'<a href="{html.escape(link.checkout_url)}">{html.escape(open_text)}</a>')
        page.setObjectName("phoneLinkText")
        page.setWordWrap(True)
        page.setOpenExternalLinks(True)
        page.setToolTip(plain_tooltip(link.checkout_url))
        layout.addWidget(page)
        pay = QPushButton(QCoreApplication.translate("TrainingPhonePanel", "Pay"))
        pay.setObjectName("payButton")
        pay.setProperty("phoneAction", "approve")
        pay.setToolTip(QCoreApplication.translate("TrainingPhonePanel", "The customer pays on the checkout page"))
        decline = QPushButton(QCoreApplication.translate("TrainingPhonePanel", "Decline"))
        decline.setObjectName("declineButton")
        decline.setProperty("phoneAction", "decline")
        decline.setToolTip(
            QCoreApplication.translate("TrainingPhonePanel", "The customer refuses on the checkout page")
        )
        walk = QPushButton(QCoreApplication.translate("TrainingPhonePanel", "Walk away without paying"))
        walk.setObjectName("walkAwayButton")
        walk.setProperty("phoneWalkAway", True)
        walk.setToolTip(
            QCoreApplication.translate("TrainingPhonePanel", "The customer leaves without paying: the link expires")
        )
        adapter = self.adapters[link.provider]

        async def pay_link() -> None:
            await adapter.pay_link(link.ref, self.phone_number())

        pay.clicked.connect(lambda: self._act(pay, link.provider, link.ref, "pay", lambda _ref: pay_link()))
        decline.clicked.connect(
            lambda: self._act(decline, link.provider, link.ref, "decline_link", adapter.decline_link)
        )
        walk.clicked.connect(lambda: self.walk_away(link.provider, link.ref))
        layout.addLayout(self._button_row(pay, decline))
        layout.addWidget(walk, 0, Qt.AlignmentFlag.AlignRight)
        return card

    def _sms_card(self, message: PhoneSms) -> QFrame:
        card, layout = self._card("sms")
        sender = self.adapters[message.provider].label
        layout.addWidget(
            self._label(
                QCoreApplication.translate("TrainingPhonePanel", "SMS from {sender} to {number}").format(
                    sender=sender, number=_phone_text(message.phone)
                ),
                "phoneCardTitle",
            )
        )
        code = self._label(message.code, "phoneCode")
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(code)
        layout.addWidget(self._label(inert(message.text), "phoneCardText"))
        return card

    @staticmethod
    def _button_row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for button in buttons:
            button.setMinimumHeight(44)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        return row

    # ------------------------------------------------------------------ the customer's actions

    def _act(
        self,
        button: QPushButton,
        provider: str,
        ref: str,
        verb: str,
        call: Callable[[str], Coroutine[Any, Any, None]],
    ) -> None:
        async def act() -> str:
            # A refusal (the link expired meanwhile) or a stopped sandbox is part of training, not a bug:
            # said on the phone, not logged as a failure.
            try:
                await call(ref)
            except SandboxRefused as exc:
                return exc.user_message
            except httpx.HTTPError:
                return QCoreApplication.translate("TrainingPhonePanel", "The training emulator does not answer.")
            return ""

        def done(refusal: str) -> None:
            self._action_message = refusal
            self._show_status()
            if not refusal:
                self.customer_acted.emit(provider, ref, verb)
            self._track(asyncio.ensure_future(self.refresh()))

        def failed(_: BaseException, message: str) -> None:
            self._action_message = message
            self._show_status()

        self._track(run_action(button, act, on_success=done, on_error=failed))

    def _show_status(self) -> None:
        lines = [*self._shown.errors, self._action_message]
        text = "\n".join(inert(line) for line in lines if line)  # the emulator's refusals
        self.status_line.setText(text)
        self.status_line.setVisible(bool(text))

    def walk_away(self, provider: str, ref: str) -> None:
        """The customer leaves: hide this push or link here; the provider lets it expire."""
        self._walked_away.add((provider, ref))
        self._redraw(
            _Shown(
                self._shown.sms,
                tuple(p for p in self._shown.pushes if (p.provider, p.ref) != (provider, ref)),
                tuple(link for link in self._shown.links if (link.provider, link.ref) != (provider, ref)),
                self._shown.errors,
                self._shown.codes,
            )
        )
