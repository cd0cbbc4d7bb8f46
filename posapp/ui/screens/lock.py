"""The lock screen: who is working, their PIN on a large pad, and on first run the creation of the manager.

The screen only talks to a ``UserStore``: it checks PINs (which counts wrong ones and locks a user out
after 5) and, on first run, creates the manager. It knows nothing of the window underneath: the
``AccessController`` (``posapp.ui.wiring.access``) lays it over the console, so the payment on screen keeps
being followed while it shows.

``PinPad``, ``PinEntry`` and ``pin_problem_text`` are reused by the manager approval dialog and, later,
by the users part of Settings.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.core.access import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinProblem, Role, WeakPin, normalize_recovery_code
from posapp.journal.users import LoginOutcome, PinCheck, User, UserError, UserStore
from posapp.ui.inert_text import PlainLabel, button_text, inert, plain_tooltip
from posapp.ui.widgets.shortcut import give_shortcut

BACKSPACE = "backspace"
ENTER = "enter"
# While a user is locked out the screen looks again this often, to offer the PIN pad when the lock ends.
LOCKED_REFRESH_MS = 15_000


def pin_problem_text(problem: PinProblem) -> str:
    """Why a new PIN is refused, in the user's language."""
    texts = {
        PinProblem.NOT_DIGITS: QCoreApplication.translate("LockScreen", "A PIN is made of digits only."),
        PinProblem.TOO_SHORT: QCoreApplication.translate("LockScreen", "A PIN has at least 4 digits."),
        PinProblem.TOO_LONG: QCoreApplication.translate("LockScreen", "A PIN has at most 8 digits."),
        PinProblem.SAME_DIGIT: QCoreApplication.translate(
            "LockScreen", "The same digit repeated is the first PIN anyone tries. Choose another."
        ),
        PinProblem.SEQUENCE: QCoreApplication.translate(
            "LockScreen", "Digits in a row, like 1234 or 9876, are easy to guess. Choose another."
        ),
        PinProblem.REPEATED: QCoreApplication.translate(
            "LockScreen", "A repeated pattern, like 1212, is easy to guess. Choose another."
        ),
        PinProblem.COMMON: QCoreApplication.translate(
            "LockScreen", "This PIN is one of the most common ones. Choose another."
        ),
    }
    return texts[problem]


def role_text(role: Role) -> str:
    return (
        QCoreApplication.translate("LockScreen", "Manager")
        if role is Role.MANAGER
        else QCoreApplication.translate("LockScreen", "Cashier")
    )


def local_time_text(moment: datetime, locale: str) -> str:
    """``14:35`` in the console's locale and the computer's time zone."""
    from babel.dates import format_time  # with the first lockout shown: not before the lock screen's first paint

    return format_time(moment.astimezone(), format="short", locale=locale)


def names_text(names: list[str]) -> str:
    """``Ama``, ``Ama and Kofi``, ``Ama, Kofi and Bea``, in the user's language."""
    shown = [inert(name) for name in names]
    if len(shown) <= 1:
        return "".join(shown)
    return QCoreApplication.translate("LockScreen", "{names} and {last}").format(
        names=", ".join(shown[:-1]), last=shown[-1]
    )


def locked_text(check: PinCheck, locale: str, others: list[str], *, recoverable: bool) -> str:
    """A user locked out: until when, who else can sign in (by name), and the way back when nobody can."""
    name = inert(check.user.name) if check.user is not None else ""
    until = local_time_text(check.locked_until, locale) if check.locked_until is not None else ""
    first = QCoreApplication.translate("LockScreen", "Too many wrong PINs: {name} is locked until {time}.").format(
        name=name, time=until
    )
    if others:
        then = QCoreApplication.translate("LockScreen", "{names} can still sign in.").format(names=names_text(others))
    elif recoverable:
        then = QCoreApplication.translate(
            "LockScreen", "Nobody else can sign in: wait until then, or use one of {name}'s recovery codes now."
        ).format(name=name)
    else:
        then = QCoreApplication.translate(
            "LockScreen", "Nobody else can sign in: wait until then, or ask a manager to reset the lock."
        )
    return f"{first} {then}"


def refusal_text(check: PinCheck, locale: str, others: list[str] | None = None, *, recoverable: bool = False) -> str:
    """What to tell the person at the till after a PIN that did not open.

    ``others``: the names of the users who can still sign in (for a lockout); ``recoverable``: the
    user is a manager, who may use a recovery code.
    """
    name = inert(check.user.name) if check.user is not None else ""
    if check.outcome is LoginOutcome.WRONG_PIN:
        if check.tries_left == 1:
            return QCoreApplication.translate(
                "LockScreen", "Wrong PIN. 1 try left, then {name} is locked for 30 minutes."
            ).format(name=name)
        return QCoreApplication.translate("LockScreen", "Wrong PIN. Tries left: {count}.").format(
            count=check.tries_left
        )
    if check.outcome is LoginOutcome.LOCKED and check.locked_until is not None:
        return locked_text(check, locale, others or [], recoverable=recoverable)
    if check.outcome is LoginOutcome.DISABLED:
        return QCoreApplication.translate(
            "LockScreen", "{name} is disabled. A manager can enable them in Settings."
        ).format(name=name)
    return QCoreApplication.translate("LockScreen", "This user no longer exists.")


class PinPad(QWidget):
    """Digits on a phone layout (1 2 3 at the top), erase and OK, large enough for a finger.

    Signals:
        key_pressed(str): a digit, ``"backspace"`` or ``"enter"``.
    """

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        grid = QGridLayout(self)
        grid.setSpacing(10)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        rows = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], [BACKSPACE, "0", ENTER]]
        for r, row in enumerate(rows):
            for c, key in enumerate(row):
                grid.addWidget(self._button(key), r, c)
        erase = self.buttons[BACKSPACE]
        erase.setText("⌫")
        erase.setAccessibleName(QCoreApplication.translate("LockScreen", "Erase"))
        erase.setToolTip(QCoreApplication.translate("LockScreen", "Erase the last digit (Backspace)"))
        ok = self.buttons[ENTER]
        ok.setText(QCoreApplication.translate("LockScreen", "OK"))
        ok.setProperty("role", "enter")
        ok.setToolTip(QCoreApplication.translate("LockScreen", "Confirm the PIN (Enter)"))

    def _button(self, key: str) -> QPushButton:
        button = QPushButton(key)
        button.setObjectName(f"pin_{key}")
        button.setProperty("keypad", True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard keeps typing into the PIN field
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setMinimumSize(84, 60)
        button.setMaximumHeight(96)
        button.clicked.connect(lambda: self.key_pressed.emit(key))
        if key.isdigit():
            button.setAccessibleDescription(
                QCoreApplication.translate("LockScreen", "Type the digit {digit} (or the {digit} key)").format(
                    digit=key
                )
            )
        self.buttons[key] = button
        return button


def pin_field(accessible_name: str) -> QLineEdit:
    """A masked field taking 0 to 8 digits."""
    field = QLineEdit()
    field.setObjectName("pinField")
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{PIN_MAX_DIGITS}}}"), field))
    field.setMaxLength(PIN_MAX_DIGITS)
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    field.setAccessibleName(accessible_name)
    field.setAccessibleDescription(QCoreApplication.translate("LockScreen", "4 to 8 digits, never shown"))
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return field


def add_captioned_fields(form: QVBoxLayout, fields: tuple[tuple[str, QWidget], ...]) -> PlainLabel:
    """Each field under its caption (the caption's buddy), then the line that says what is wrong with them."""
    for caption, widget in fields:
        label = PlainLabel(caption)
        label.setObjectName("fieldCaption")
        label.setBuddy(widget)
        form.addWidget(label)
        form.addWidget(widget)
    error = PlainLabel("")
    error.setObjectName("fieldError")
    error.setWordWrap(True)
    form.addWidget(error)
    form.addStretch(1)
    return error


def press_into(field: QLineEdit, key: str) -> None:
    """Apply a ``PinPad`` key to ``field`` (digits and erase; ``enter`` is for the caller)."""
    if key == BACKSPACE:
        field.backspace()
    elif key.isdigit() and len(field.text()) < PIN_MAX_DIGITS:
        field.insert(key)
    field.setFocus()


class PinEntry(QWidget):
    """A masked PIN field over a ``PinPad``, with a message line; Enter or OK submits.

    Signals:
        submitted(str): the PIN typed (at least 4 digits; shorter ones are refused on the spot).
    """

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.field = pin_field(QCoreApplication.translate("LockScreen", "PIN"))
        self.field.setPlaceholderText(QCoreApplication.translate("LockScreen", "PIN"))
        self.message = PlainLabel("")
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2)
        self.pad = PinPad()
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.pad, 1)
        self.pad.key_pressed.connect(self._key)
        self.field.returnPressed.connect(self.submit)
        self.field.textEdited.connect(lambda _: self.show_message(""))

    def _key(self, key: str) -> None:
        if key == ENTER:
            self.submit()
        else:
            press_into(self.field, key)
            self.show_message("")

    def submit(self) -> None:
        pin = self.field.text()
        if not self.field.isEnabled():
            return
        if len(pin) < PIN_MIN_DIGITS:
            self.show_message(QCoreApplication.translate("LockScreen", "Type your PIN: at least 4 digits."), error=True)
            self.field.setFocus()
            return
        self.submitted.emit(pin)

    def clear(self) -> None:
        self.field.clear()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def set_locked(self, locked: bool) -> None:
        """Refuse input (the user is locked out) or take it again."""
        self.field.setEnabled(not locked)
        self.pad.setEnabled(not locked)
        if not locked:
            self.field.setFocus()


class LockScreen(QWidget):
    """Choose who you are and type your PIN; on first run, create the manager.

    Shows every enabled user as a large button (a single user is chosen already). A wrong PIN says how
    many tries are left; a locked-out user sees until when, and the pad stays off until then. With no
    manager yet, the screen asks for the manager's name and PIN twice instead.

    Signals:
        unlocked(object): the ``User`` who typed a good PIN, or the manager just created.
    """

    unlocked = Signal(object)

    def __init__(self, users: UserStore, *, locale: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.users = users
        self.babel_locale = locale
        self.selected: User | None = None
        self._user_buttons: dict[str, QPushButton] = {}
        self._user_group = QButtonGroup(self)
        self._user_group.setExclusive(True)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(LOCKED_REFRESH_MS)
        self._refresh_timer.timeout.connect(self._recheck_lock)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(8)
        self.notice = PlainLabel("")
        self.notice.setObjectName("lockNotice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setVisible(False)
        outer.addWidget(self.notice)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)
        self.sign_in_page = self._build_sign_in()
        self.first_run_page = self._build_first_run()
        self.recovery_page = self._build_recovery()
        self.codes_page = self._build_codes()
        self._new_manager: User | None = None
        for page in (self.sign_in_page, self.first_run_page, self.recovery_page, self.codes_page):
            self.pages.addWidget(page)
        self.refresh()

    # ------------------------------------------------------------------ building

    @staticmethod
    def _card() -> QFrame:
        card = QFrame()
        card.setObjectName("lockCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        return card

    def _build_sign_in(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addStretch(1)

        people = self._card()
        people.setMinimumWidth(300)
        people.setMaximumWidth(440)
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(24, 20, 24, 20)
        people_layout.setSpacing(12)
        title = PlainLabel(QCoreApplication.translate("LockScreen", "The console is locked"))
        title.setObjectName("lockTitle")
        title.setWordWrap(True)
        prompt = PlainLabel(QCoreApplication.translate("LockScreen", "Who is working? Touch your name."))
        prompt.setObjectName("lockText")
        prompt.setWordWrap(True)
        people_layout.addWidget(title)
        people_layout.addWidget(prompt)
        self.user_list = QWidget()
        self.user_list.setObjectName("lockUserList")
        self._user_list_layout = QVBoxLayout(self.user_list)
        self._user_list_layout.setContentsMargins(0, 0, 0, 0)
        self._user_list_layout.setSpacing(10)
        scroll = QScrollArea()
        scroll.setObjectName("lockUserScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.user_list)
        people_layout.addWidget(scroll, 1)
        still = PlainLabel(
            QCoreApplication.translate(
                "LockScreen", "Payments in progress are still being followed while the console is locked."
            )
        )
        still.setObjectName("lockHint")
        still.setWordWrap(True)
        people_layout.addWidget(still)
        row.addWidget(people, 4)

        pin_card = self._card()
        pin_card.setMinimumWidth(340)
        pin_card.setMaximumWidth(460)
        pin_layout = QVBoxLayout(pin_card)
        pin_layout.setContentsMargins(24, 20, 24, 20)
        pin_layout.setSpacing(10)
        self.selected_label = PlainLabel("")
        self.selected_label.setObjectName("lockUserName")
        self.selected_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.selected_label.setWordWrap(True)
        self.entry = PinEntry()
        self.recover_button = QPushButton(
            QCoreApplication.translate("LockScreen", "Forgot the PIN? Use a recovery code")
        )
        self.recover_button.setObjectName("recoverButton")
        self.recover_button.setProperty("linkButton", True)
        self.recover_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.recover_button.setVisible(False)
        give_shortcut(
            self.recover_button,
            "Ctrl+R",
            QCoreApplication.translate("LockScreen", "A manager's recovery code unlocks and sets a new PIN"),
        )
        pin_layout.addWidget(self.selected_label)
        pin_layout.addWidget(self.entry, 1)
        pin_layout.addWidget(self.recover_button)
        row.addWidget(pin_card, 4)
        row.addStretch(1)

        self.entry.submitted.connect(self._check_pin)
        self.recover_button.clicked.connect(self.show_recovery)
        return page

    def _build_recovery(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        card = self._card()
        card.setMinimumWidth(420)
        card.setMaximumWidth(600)
        form = QVBoxLayout(card)
        form.setContentsMargins(28, 20, 28, 20)
        form.setSpacing(6)
        self.recovery_title = PlainLabel("")
        self.recovery_title.setObjectName("lockTitle")
        self.recovery_title.setWordWrap(True)
        intro = PlainLabel(
            QCoreApplication.translate(
                "LockScreen",
                "Type one of the recovery codes written down when the manager was created, and a new PIN. "
                "Each code opens once.",
            )
        )
        intro.setObjectName("lockText")
        intro.setWordWrap(True)
        form.addWidget(self.recovery_title)
        form.addWidget(intro)
        self.recovery_code = QLineEdit()
        self.recovery_code.setObjectName("recoveryCode")
        self.recovery_code.setMaxLength(20)
        self.recovery_code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.recovery_code.setAccessibleName(QCoreApplication.translate("LockScreen", "Recovery code"))
        self.recovery_code.setAccessibleDescription(
            QCoreApplication.translate("LockScreen", "One of the codes written down when the manager was created")
        )
        self.recovery_code.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.recovery_pin = pin_field(QCoreApplication.translate("LockScreen", "New PIN"))
        self.recovery_pin.setObjectName("newPin")
        self.recovery_pin_again = pin_field(QCoreApplication.translate("LockScreen", "New PIN again"))
        self.recovery_pin_again.setObjectName("newPinAgain")
        self.recovery_error = add_captioned_fields(
            form,
            (
                (QCoreApplication.translate("LockScreen", "Recovery code"), self.recovery_code),
                (QCoreApplication.translate("LockScreen", "New PIN (4 to 8 digits)"), self.recovery_pin),
                (QCoreApplication.translate("LockScreen", "The same PIN again"), self.recovery_pin_again),
            ),
        )
        buttons = QHBoxLayout()
        self.recovery_back = QPushButton(QCoreApplication.translate("LockScreen", "Back"))
        self.recovery_back.setProperty("secondary", True)
        give_shortcut(self.recovery_back, "Esc")
        self.recovery_ok = QPushButton(QCoreApplication.translate("LockScreen", "Unlock and set the PIN"))
        self.recovery_ok.setObjectName("recoverOk")
        self.recovery_ok.setProperty("primary", True)
        self.recovery_ok.setMinimumHeight(60)
        give_shortcut(self.recovery_ok, "Return", handled=True)
        buttons.addWidget(self.recovery_back)
        buttons.addWidget(self.recovery_ok, 1)
        form.addLayout(buttons)
        row.addWidget(card, 5)
        row.addStretch(1)
        for field in (self.recovery_code, self.recovery_pin, self.recovery_pin_again):
            field.returnPressed.connect(self._recovery_return)
            field.textEdited.connect(lambda _: self.recovery_error.setText(""))
        self.recovery_back.clicked.connect(self.leave_recovery)
        self.recovery_ok.clicked.connect(self.recover)
        return page

    def _build_codes(self) -> QWidget:
        """First run, once the manager exists: their recovery codes, shown this once."""
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        card = self._card()
        card.setMinimumWidth(420)
        card.setMaximumWidth(640)
        form = QVBoxLayout(card)
        form.setContentsMargins(28, 20, 28, 20)
        form.setSpacing(8)
        title = PlainLabel(QCoreApplication.translate("LockScreen", "Write down the recovery codes"))
        title.setObjectName("lockTitle")
        title.setWordWrap(True)
        text = PlainLabel(
            QCoreApplication.translate(
                "LockScreen",
                "If the manager's PIN is forgotten or locked out, one of these codes unlocks and sets a new PIN. "
                "They are shown only now: write them on paper and keep it away from the till.",
            )
        )
        text.setObjectName("lockText")
        text.setWordWrap(True)
        self.codes_label = PlainLabel("")
        self.codes_label.setObjectName("recoveryCodes")
        self.codes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.codes_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.codes_done = QPushButton(QCoreApplication.translate("LockScreen", "They are written down: sign in"))
        self.codes_done.setObjectName("codesDone")
        self.codes_done.setProperty("primary", True)
        self.codes_done.setMinimumHeight(60)
        give_shortcut(self.codes_done, "Ctrl+Return")
        form.addWidget(title)
        form.addWidget(text)
        form.addWidget(self.codes_label, 1)
        form.addWidget(self.codes_done)
        row.addWidget(card, 5)
        row.addStretch(1)
        self.codes_done.clicked.connect(self._codes_written)
        return page

    def _build_first_run(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addStretch(1)

        form_card = self._card()
        form_card.setMinimumWidth(380)
        form_card.setMaximumWidth(540)
        form = QVBoxLayout(form_card)
        form.setContentsMargins(28, 20, 28, 20)
        form.setSpacing(6)
        title = PlainLabel(QCoreApplication.translate("LockScreen", "Welcome to posapp"))
        title.setObjectName("lockTitle")
        intro = PlainLabel(
            QCoreApplication.translate(
                "LockScreen",
                "First, create the manager: the person who approves refunds and payouts and changes the "
                "settings. Cashiers are added later, in Settings.",
            )
        )
        intro.setObjectName("lockText")
        intro.setWordWrap(True)
        form.addWidget(title)
        form.addWidget(intro)
        form.addSpacing(6)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("managerName")
        self.name_edit.setMaxLength(40)
        self.name_edit.setPlaceholderText(QCoreApplication.translate("LockScreen", "Manager's name"))
        self.name_edit.setAccessibleName(QCoreApplication.translate("LockScreen", "Manager's name"))
        self.name_edit.setAccessibleDescription(
            QCoreApplication.translate("LockScreen", "The name shown on the lock screen and in the journal")
        )
        self.new_pin = pin_field(QCoreApplication.translate("LockScreen", "New PIN"))
        self.new_pin.setObjectName("newPin")
        self.new_pin_again = pin_field(QCoreApplication.translate("LockScreen", "New PIN again"))
        self.new_pin_again.setObjectName("newPinAgain")
        self.first_run_error = add_captioned_fields(
            form,
            (
                (QCoreApplication.translate("LockScreen", "Name"), self.name_edit),
                (QCoreApplication.translate("LockScreen", "PIN (4 to 8 digits)"), self.new_pin),
                (QCoreApplication.translate("LockScreen", "The same PIN again"), self.new_pin_again),
            ),
        )
        self.create_button = QPushButton(QCoreApplication.translate("LockScreen", "Create and sign in"))
        self.create_button.setObjectName("createManager")
        self.create_button.setProperty("primary", True)
        give_shortcut(
            self.create_button,
            "Return",
            QCoreApplication.translate("LockScreen", "Create the manager with this name and PIN"),
            handled=True,  # Enter in the second PIN field
        )
        self.create_button.setMinimumHeight(64)
        form.addWidget(self.create_button)
        row.addWidget(form_card, 5)

        self.first_run_pad = PinPad()
        self.first_run_pad.setMinimumWidth(300)
        self.first_run_pad.setMaximumWidth(380)
        pad_box = QVBoxLayout()
        pad_box.addStretch(1)
        pad_box.addWidget(self.first_run_pad, 4)
        pad_box.addStretch(1)
        row.addLayout(pad_box, 3)
        row.addStretch(1)

        self._pin_target = self.new_pin
        for field in (self.new_pin, self.new_pin_again):
            field.returnPressed.connect(self._field_return)
            field.textEdited.connect(lambda _: self.first_run_error.setText(""))
        self.name_edit.returnPressed.connect(self.new_pin.setFocus)
        self.name_edit.textEdited.connect(lambda _: self.first_run_error.setText(""))
        self.first_run_pad.key_pressed.connect(self._first_run_key)
        self.create_button.clicked.connect(self.create_manager)
        return page

    # ------------------------------------------------------------------ state

    @property
    def first_run(self) -> bool:
        return self.pages.currentWidget() is self.first_run_page

    def set_notice(self, text: str) -> None:
        """A line above everything (the training-mode mark, for instance); empty hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def refresh(self) -> None:
        """Read the users again: first run when there is no manager, else the list of enabled users."""
        if self.pages.currentWidget() is self.codes_page and self._new_manager is not None:
            return  # the codes stay on show until the manager says they are written down
        if not self.users.has_manager():
            self.pages.setCurrentWidget(self.first_run_page)
            self._refresh_timer.stop()
            self.name_edit.setFocus()
            return
        self.pages.setCurrentWidget(self.sign_in_page)
        people = self.users.list_users()
        previous = self.selected.name if self.selected is not None else None
        for button in self._user_buttons.values():
            self._user_group.removeButton(button)
        self._user_buttons.clear()
        while (item := self._user_list_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for number, user in enumerate(people, 1):
            button = QPushButton(f"{button_text(user.name)}\n{role_text(user.role)}")
            button.setObjectName("lockUser")
            button.setProperty("lockUser", True)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(72)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(user.name)
            if number <= 9:
                give_shortcut(
                    button,
                    f"Alt+{number}",
                    QCoreApplication.translate("LockScreen", "{name} is working").format(name=inert(user.name)),
                )
            else:
                button.setToolTip(
                    plain_tooltip(QCoreApplication.translate("LockScreen", "{name} is working").format(name=user.name))
                )  # always converted: a name must never render as markup
            button.clicked.connect(lambda _=False, name=user.name: self.select_user(name))
            self._user_group.addButton(button)
            self._user_list_layout.addWidget(button)
            self._user_buttons[user.name] = button
        self._user_list_layout.addStretch(1)
        keep = next((u.name for u in people if u.name == previous), None)
        if keep is None and len(people) == 1:
            keep = people[0].name
        if keep is not None:
            self.select_user(keep)
        else:
            self.selected = None
            self._show_selected()

    def focus_input(self) -> None:
        """Put the keyboard focus where typing makes sense: the PIN, or the name on first run."""
        if self.first_run:
            self.name_edit.setFocus()
        elif self.recovering:
            self.recovery_code.setFocus()
        elif self.pages.currentWidget() is self.codes_page:
            self.codes_done.setFocus()
        elif self.entry.field.isEnabled():
            self.entry.field.setFocus()
        else:
            self.setFocus()

    def reset(self) -> None:
        """Ready for the next person: no PIN typed, no message, the user list read again."""
        self.entry.clear()
        self.entry.show_message("")
        self.new_pin.clear()
        self.new_pin_again.clear()
        self.first_run_error.setText("")
        for field in (self.recovery_code, self.recovery_pin, self.recovery_pin_again):
            field.clear()
        self.recovery_error.setText("")
        self.refresh()

    def forget_selection(self) -> None:
        """Nobody chosen: the next person touches their name (a single user is chosen all the same)."""
        self.selected = None
        self.refresh()
        self.focus_input()

    def select_user(self, name: str) -> None:
        user = self.users.get(name)
        if user is None or user.disabled:
            self.refresh()
            return
        self.selected = user
        button = self._user_buttons.get(user.name)
        if button is not None:
            button.setChecked(True)
        self.entry.clear()
        self.entry.show_message("")
        self._show_selected()

    def _show_selected(self) -> None:
        user = self.selected
        if user is None:
            self.selected_label.setText(QCoreApplication.translate("LockScreen", "Touch your name first"))
            self.recover_button.setVisible(False)
            self.entry.set_locked(True)
            self._refresh_timer.stop()
            return
        self.selected_label.setText(
            QCoreApplication.translate("LockScreen", "{name}, type your PIN").format(name=inert(user.name))
        )
        self.recover_button.setVisible(user.is_manager)
        now = self.users.now()
        if user.is_locked(now) and user.locked_until is not None:
            check = PinCheck(LoginOutcome.LOCKED, user, 0, user.locked_until)
            self.entry.show_message(self._refusal(check), error=True)
            self.entry.set_locked(True)
            self._refresh_timer.start()
        else:
            self.entry.set_locked(False)
            self._refresh_timer.stop()

    def _recheck_lock(self) -> None:
        if self.selected is not None and self.isVisible():
            self.select_user(self.selected.name)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        # A digit typed while nothing has focus (after touching a name) goes to the PIN.
        on_sign_in = self.pages.currentWidget() is self.sign_in_page
        if on_sign_in and event.text().isdigit() and self.entry.field.isEnabled():
            press_into(self.entry.field, event.text())
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ actions

    def _check_pin(self, pin: str) -> None:
        user = self.selected
        if user is None:
            return
        check = self.users.verify_pin(user.name, pin)
        self.entry.clear()
        if check.ok and check.user is not None:
            self.entry.show_message("")
            self.unlocked.emit(check.user)
            return
        if check.outcome in (LoginOutcome.DISABLED, LoginOutcome.UNKNOWN_USER):
            message = self._refusal(check)
            self.selected = None
            self.refresh()
            self.entry.show_message(message, error=True)
            return
        if check.user is not None:
            self.selected = check.user
        self.entry.show_message(self._refusal(check), error=True)
        if check.outcome is LoginOutcome.LOCKED:
            self.entry.set_locked(True)
            self._refresh_timer.start()
        else:
            self.entry.field.setFocus()

    def _refusal(self, check: PinCheck) -> str:
        refused = check.user.name if check.user is not None else ""
        others = [user.name for user in self.users.who_can_sign_in() if user.name != refused]
        recoverable = check.user is not None and check.user.is_manager
        return refusal_text(check, self.babel_locale, others, recoverable=recoverable)

    # ------------------------------------------------------------------ recovery

    def show_codes(self, user: User, codes: list[str]) -> None:
        """The new manager's recovery codes, on show until they say they wrote them down."""
        self._new_manager = user
        self.codes_label.setText("\n".join(f"{index}.  {code}" for index, code in enumerate(codes, 1)))
        self.pages.setCurrentWidget(self.codes_page)
        self.codes_done.setFocus()

    def _codes_written(self) -> None:
        user, self._new_manager = self._new_manager, None
        self.codes_label.setText("")  # gone from the screen for good
        self.pages.setCurrentWidget(self.sign_in_page)
        self.refresh()
        if user is not None:
            self.unlocked.emit(user)

    def show_recovery(self) -> None:
        """The chosen manager types a recovery code and a new PIN."""
        user = self.selected
        if user is None or not user.is_manager:
            return
        self.recovery_title.setText(
            QCoreApplication.translate("LockScreen", "Recovery for {name}").format(name=inert(user.name))
        )
        for field in (self.recovery_code, self.recovery_pin, self.recovery_pin_again):
            field.clear()
        self.recovery_error.setText("")
        self.pages.setCurrentWidget(self.recovery_page)
        self.recovery_code.setFocus()

    def leave_recovery(self) -> None:
        for field in (self.recovery_code, self.recovery_pin, self.recovery_pin_again):
            field.clear()
        self.pages.setCurrentWidget(self.sign_in_page)
        self.refresh()
        self.focus_input()

    @property
    def recovering(self) -> bool:
        return self.pages.currentWidget() is self.recovery_page

    def _recovery_return(self) -> None:
        fields = (self.recovery_code, self.recovery_pin, self.recovery_pin_again)
        empty = next((field for field in fields if not field.text()), None)
        if empty is not None:
            empty.setFocus()
        else:
            self.recover()

    def recover(self) -> None:
        """Check the form and the code; a good one signs the manager in with the new PIN."""
        user = self.selected
        if user is None:
            return
        code = self.recovery_code.text()
        pin, again = self.recovery_pin.text(), self.recovery_pin_again.text()
        target: QWidget = self.recovery_code
        if normalize_recovery_code(code) is None:
            error = QCoreApplication.translate(
                "LockScreen", "A recovery code has 12 letters and digits, like 7KQ2-M9XA-P4TB."
            )
        elif pin != again:
            error = QCoreApplication.translate("LockScreen", "The two PINs are not the same. Type them again.")
            target = self.recovery_pin
        else:
            try:
                check = self.users.recover(user.name, code, pin)
            except WeakPin as exc:
                error, target = pin_problem_text(exc.problem), self.recovery_pin
            except UserError as exc:
                error = str(exc)
            else:
                if check.ok and check.user is not None:
                    for field in (self.recovery_code, self.recovery_pin, self.recovery_pin_again):
                        field.clear()
                    self.pages.setCurrentWidget(self.sign_in_page)
                    self.selected = check.user
                    self.refresh()
                    self.unlocked.emit(check.user)
                    return
                if check.outcome is LoginOutcome.LOCKED and check.locked_until is not None:
                    error = QCoreApplication.translate(
                        "LockScreen", "Too many wrong recovery codes: try again after {time}."
                    ).format(time=local_time_text(check.locked_until, self.babel_locale))
                elif check.outcome is LoginOutcome.WRONG_PIN:
                    error = QCoreApplication.translate(
                        "LockScreen", "This is not one of {name}'s unused recovery codes. Tries left: {count}."
                    ).format(name=inert(user.name), count=check.tries_left)
                else:
                    error = self._refusal(check)
        if target is self.recovery_pin:
            self.recovery_pin.clear()
            self.recovery_pin_again.clear()
        self.recovery_error.setText(error)
        target.setFocus()

    def _first_run_key(self, key: str) -> None:
        if key == ENTER:
            self._field_return()
            return
        focused = self.focusWidget()  # the pad never takes the focus: this is the field typed in last
        if focused is self.new_pin or focused is self.new_pin_again:
            self._pin_target = focused
        press_into(self._pin_target, key)
        self.first_run_error.setText("")

    def _field_return(self) -> None:
        if self._pin_target is self.new_pin and not self.new_pin_again.text():
            self.new_pin_again.setFocus()
        else:
            self.create_manager()

    def create_manager(self) -> None:
        """First run: check the form and create the manager, who is then signed in."""
        name = " ".join(self.name_edit.text().split())
        pin, again = self.new_pin.text(), self.new_pin_again.text()
        error = ""
        target: QWidget = self.name_edit
        if not name:
            error = QCoreApplication.translate("LockScreen", "Type the manager's name.")
        elif pin != again:
            error = QCoreApplication.translate("LockScreen", "The two PINs are not the same. Type them again.")
            target = self.new_pin
            self.new_pin.clear()
            self.new_pin_again.clear()
        else:
            try:
                user, codes = self.users.create_first_manager_with_codes(name, pin)
            except WeakPin as exc:
                error = pin_problem_text(exc.problem)
                target = self.new_pin
                self.new_pin.clear()
                self.new_pin_again.clear()
            except UserError as exc:
                error = str(exc)
            else:
                self.new_pin.clear()
                self.new_pin_again.clear()
                self.show_codes(user, codes)
                return
        self.first_run_error.setText(error)
        target.setFocus()
        if target is self.new_pin:
            self._pin_target = self.new_pin
