"""The console window: navigation between the screens, the training-mode banner and the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, qVersion
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.inert_text import InertStatusBar, PlainLabel
from posapp.ui.resources import resource_path
from posapp.ui.screens.placeholder import PlaceholderScreen
from posapp.ui.widgets.shortcut import give_shortcut, with_key

LOCK_KEY = "Ctrl+L"
SWITCH_USER_KEY = "Ctrl+Shift+L"
END_OF_DAY_KEY = "F7"
TRAINING_PHONE_KEY = "F8"


def application_icon() -> QIcon:
    """posapp's icon, drawn from its SVG source at whatever size the window system asks for."""
    return QIcon(str(resource_path("icons", "posapp.svg")))


@dataclass(frozen=True)
class ScreenInfo:
    key: str
    title: str
    coming: str


def screen_infos() -> list[ScreenInfo]:
    """The screens of the console in navigation order, with their translated titles."""
    return [
        ScreenInfo(
            "sale",
            QCoreApplication.translate("MainWindow", "Sale"),
            QCoreApplication.translate(
                "MainWindow",
                "Type the amount, then show a QR code for the customer to scan or push the payment to their phone.",
            ),
        ),
        ScreenInfo(
            "activity",
            QCoreApplication.translate("MainWindow", "Activity"),
            QCoreApplication.translate(
                "MainWindow", "Every payment in progress with its live status, age and actions."
            ),
        ),
        ScreenInfo(
            "history",
            QCoreApplication.translate("MainWindow", "History"),
            QCoreApplication.translate(
                "MainWindow", "Every past payment, refund and payout: search, filters, details and re-check."
            ),
        ),
        ScreenInfo(
            "balance",
            QCoreApplication.translate("MainWindow", "Balance"),
            QCoreApplication.translate(
                "MainWindow", "The provider balance and today's takings, refunds, payouts and fees."
            ),
        ),
        ScreenInfo(
            "payouts",
            QCoreApplication.translate("MainWindow", "Payouts"),
            QCoreApplication.translate(
                "MainWindow", "Send money to a mobile-money number or wallet, with manager approval."
            ),
        ),
        ScreenInfo(
            "settings",
            QCoreApplication.translate("MainWindow", "Settings"),
            QCoreApplication.translate(
                "MainWindow", "Provider and keys, language, polling, idle lock, receipts and users."
            ),
        ),
    ]


class _PaintWatcher(QObject):
    """Emits ``painted`` after the watched widget's first paint event has been delivered."""

    painted = Signal()

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self._done = False
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            self.painted.emit()
        return False


class MainWindow(QMainWindow):
    """The console's main window.

    The navigation lists the screens (F1...), then actions that open something over them (the
    end-of-day report, the training phone), then who is signed in with Lock and Switch user. A key
    that no widget took (the focus on a navigation button, say) goes to the current screen's
    ``take_key`` when it has one, so digits typed anywhere on the Sale screen reach the amount.

    Signals:
        first_painted: the window has painted once (used by ``--self-test`` and the startup benchmark).
        closing: the window is closing; the composition root shuts the application down.
        lock_requested: Lock was pressed (the same person comes back: their name stays chosen).
        switch_user_requested: Switch user was pressed (shift change: nobody is chosen).
        end_of_day_requested: the End of day entry was pressed.
        training_phone_toggled(bool): show (True) or hide the emulated customer's phone.
    """

    first_painted = Signal()
    closing = Signal()
    lock_requested = Signal()
    switch_user_requested = Signal()
    end_of_day_requested = Signal()
    training_phone_toggled = Signal(bool)

    def __init__(self, *, training: bool, provider_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("posapp")
        self.setWindowIcon(application_icon())
        self.about_box: QMessageBox | None = None
        self.setMinimumSize(1024, 700)
        self.training = training
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.training_banner = PlainLabel(
            QCoreApplication.translate(
                "MainWindow", "TRAINING MODE: payments go to the built-in emulator ({provider}). No real money moves."
            ).format(provider=provider_label)
        )
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setWordWrap(True)
        self.training_banner.setVisible(training)
        outer.addWidget(self.training_banner)
        # Shown while the journal refuses writes (a full disk): what the cashier must not do meanwhile.
        self.journal_banner = PlainLabel()
        self.journal_banner.setObjectName("journalBanner")
        self.journal_banner.setWordWrap(True)
        self.journal_banner.setVisible(False)
        outer.addWidget(self.journal_banner)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)

        navigation = QWidget()
        navigation.setObjectName("navigation")
        navigation.setFixedWidth(230)
        nav_layout = QVBoxLayout(navigation)
        nav_layout.setContentsMargins(0, 0, 0, 12)
        nav_layout.setSpacing(2)
        brand = PlainLabel("posapp")
        brand.setObjectName("brand")
        nav_layout.addWidget(brand)
        nav_layout.addSpacing(8)
        body.addWidget(navigation)

        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)

        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QPushButton] = {}
        self.screens: dict[str, QWidget] = {}
        for index, info in enumerate(screen_infos()):
            button = self._nav_button(info.title, f"nav_{info.key}")
            button.setCheckable(True)
            give_shortcut(button, f"F{index + 1}", info.title)
            button.setToolTip(f"{with_key(info.title, f'F{index + 1}')}\n{info.coming}")
            nav_layout.addWidget(button)
            self.nav_group.addButton(button, index)
            self.nav_buttons[info.key] = button
            screen = PlaceholderScreen(info.title, info.coming)
            self.screens[info.key] = screen
            self.stack.addWidget(screen)
        nav_layout.addSpacing(10)
        self.end_of_day_button = self._nav_button(
            QCoreApplication.translate("MainWindow", "End of day"), "nav_end_of_day"
        )
        give_shortcut(
            self.end_of_day_button,
            END_OF_DAY_KEY,
            QCoreApplication.translate("MainWindow", "The end-of-day report (a manager's)"),
        )
        self.end_of_day_button.clicked.connect(self.end_of_day_requested)
        nav_layout.addWidget(self.end_of_day_button)
        self.training_phone_button = self._nav_button(
            QCoreApplication.translate("MainWindow", "Customer phone"), "nav_training_phone"
        )
        self.training_phone_button.setCheckable(True)
        give_shortcut(
            self.training_phone_button,
            TRAINING_PHONE_KEY,
            QCoreApplication.translate("MainWindow", "Show or hide the emulated customer's phone (training)"),
        )
        self.training_phone_button.setVisible(False)  # until a training phone is installed
        self.training_phone_button.toggled.connect(self.training_phone_toggled)
        nav_layout.addWidget(self.training_phone_button)
        nav_layout.addStretch(1)
        self.signed_in_label = PlainLabel("")
        self.signed_in_label.setObjectName("signedIn")
        self.signed_in_label.setWordWrap(True)
        self.signed_in_label.setVisible(False)
        nav_layout.addWidget(self.signed_in_label)
        self.lock_button = self._nav_button(QCoreApplication.translate("MainWindow", "Lock"), "nav_lock")
        give_shortcut(
            self.lock_button,
            LOCK_KEY,
            QCoreApplication.translate("MainWindow", "Lock the console; type your PIN to come back"),
        )
        self.lock_button.clicked.connect(self.lock_requested)
        self.switch_user_button = self._nav_button(
            QCoreApplication.translate("MainWindow", "Switch user"), "nav_switch_user"
        )
        give_shortcut(
            self.switch_user_button,
            SWITCH_USER_KEY,
            QCoreApplication.translate("MainWindow", "Sign out so that the next cashier signs in (shift change)"),
        )
        self.switch_user_button.clicked.connect(self.switch_user_requested)
        for button in (self.lock_button, self.switch_user_button):
            button.setProperty("navAction", True)
            button.setVisible(False)  # until the access controller is installed: nobody signs in yet
            nav_layout.addWidget(button)
        about = QPushButton(QCoreApplication.translate("MainWindow", "About posapp"))
        about.setObjectName("aboutButton")
        about.setFlat(True)
        about.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        about.setAccessibleName(QCoreApplication.translate("MainWindow", "About posapp"))
        about.clicked.connect(self.show_about)
        give_shortcut(about, "Ctrl+F1")
        nav_layout.addWidget(about)
        self.nav_group.idClicked.connect(self.stack.setCurrentIndex)
        self.nav_group.idClicked.connect(lambda _: self.focus_screen())
        self.nav_buttons["sale"].setChecked(True)

        self.setCentralWidget(central)
        # Its messages are often a provider's words: they cannot reorder or spoof themselves there.
        self.setStatusBar(InertStatusBar())
        status = self.statusBar()
        self.mode_label = PlainLabel(
            QCoreApplication.translate("MainWindow", "Training mode")
            if training
            else QCoreApplication.translate("MainWindow", "Live: {provider}").format(provider=provider_label)
        )
        self.connection_label = PlainLabel(QCoreApplication.translate("MainWindow", "Ready"))
        status.addWidget(self.mode_label)
        status.addPermanentWidget(self.connection_label)

        self._paint_watcher = _PaintWatcher(self)
        self._paint_watcher.painted.connect(self.first_painted)

    @staticmethod
    def _nav_button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("nav", True)
        button.setObjectName(name)
        button.setAccessibleName(text)
        # Reached with Tab, but a click leaves the keyboard where it was (on the Sale screen's amount).
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def set_signed_in(self, text: str) -> None:
        """Who is signed in, shown above Lock and Switch user (empty: nobody, which hides both)."""
        self.signed_in_label.setText(text)
        self.signed_in_label.setAccessibleName(text)
        for widget in (self.signed_in_label, self.lock_button, self.switch_user_button):
            widget.setVisible(bool(text))

    def focus_screen(self) -> None:
        """Give the keyboard to the current screen's first field (the amount on the Sale screen)."""
        screen = self.stack.currentWidget()
        focus_first = getattr(screen, "focus_first", None)
        if callable(focus_first):
            focus_first()
        elif screen is not None:
            screen.setFocus(Qt.FocusReason.OtherFocusReason)
            screen.focusNextChild()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        take_key = getattr(self.stack.currentWidget(), "take_key", None)
        if callable(take_key) and take_key(event):
            return
        super().keyPressEvent(event)

    def show_journal_problem(self, text: str) -> None:
        """Show ``text`` in the journal banner above every screen; an empty text hides it."""
        self.journal_banner.setText(text)
        self.journal_banner.setVisible(bool(text))
        self.journal_banner.setAccessibleName(text)

    def show_screen(self, key: str) -> None:
        self.nav_buttons[key].click()

    def current_screen(self) -> str:
        return next(k for k, w in self.screens.items() if w is self.stack.currentWidget())

    def replace_screen(self, key: str, widget: QWidget) -> None:
        """Put a real screen in place of the placeholder for ``key``."""
        old = self.screens[key]
        was_current = self.stack.currentWidget() is old
        index = self.stack.indexOf(old)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        if was_current:
            self.stack.setCurrentWidget(widget)
        old.deleteLater()
        self.screens[key] = widget

    def show_about(self) -> QMessageBox:
        """The version, the build's revision and the dependencies' versions, selectable for a support call."""
        from posapp.about import version_text

        if self.about_box is None:
            version, _, details = version_text().partition("\n")
            box = QMessageBox(self)
            box.setWindowTitle(QCoreApplication.translate("MainWindow", "About posapp"))
            box.setIconPixmap(self.windowIcon().pixmap(64, 64))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(version)
            box.setInformativeText(f"{details}\n  Qt {qVersion()} (running)")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            self.about_box = box
        self.about_box.open()
        return self.about_box

    def set_connection_text(self, text: str) -> None:
        self.connection_label.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.closing.emit()
        super().closeEvent(event)
