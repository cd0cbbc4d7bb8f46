"""The window shown instead of the console when its journal cannot be opened, or is open elsewhere.

It says, in the person's language: what is wrong, where the file is, that nothing in it was changed, and
what to do, with the buttons that can do it: bring the other window forward, restore the last backup
(asked twice: the payments made since that copy are not in it), open the journal read-only for
History and export, or quit. The log's path is shown for a call to support. Every text is plain: the
detail and the path come from the file system and from SQLite.

Signals:
    chosen(str): ``"raise"``, ``"restore"``, ``"read_only"`` or ``"quit"``.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_datetime
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from posapp.journal.backups import made_at
from posapp.journal.diagnose import OpenProblem, Problem
from posapp.journal.lock import Owner
from posapp.ui.inert_text import PlainLabel, inert, plain_tooltip
from posapp.ui.widgets.fit_dialog import fit_to_content, fix_wrapped_height
from posapp.ui.widgets.shortcut import give_shortcut

WIDTH = 760


def _when(moment: datetime | None, locale: str) -> str:
    if moment is None:
        return ""
    return format_datetime(moment.astimezone(), "d MMM y HH:mm", locale=locale)


def owner_text(owner: Owner | None, locale: str) -> str:
    """``process 1234 on COUNTER-1, since 2 Dec 2026 10:02`` (or a vaguer phrase when it is not known)."""
    if owner is None or owner.pid is None:
        return QCoreApplication.translate("StartupProblem", "another posapp window on this computer")
    text = QCoreApplication.translate("StartupProblem", "process {pid} on {host}").format(
        pid=owner.pid, host=owner.host or "?"
    )
    if owner.since is not None:
        text += QCoreApplication.translate("StartupProblem", ", since {when}").format(when=_when(owner.since, locale))
    return text


def texts(problem: OpenProblem, locale: str) -> tuple[str, str, str]:
    """(headline, what is wrong, what to do) for ``problem``."""
    newest = problem.backups[0] if problem.backups else None
    backup = (
        QCoreApplication.translate("StartupProblem", "restore the last backup (made {when})").format(
            when=_when(made_at(newest), locale)
        )
        if newest is not None
        else QCoreApplication.translate("StartupProblem", "there is no backup of it yet")
    )
    match problem.problem:
        case Problem.IN_USE:
            return (
                QCoreApplication.translate("StartupProblem", "posapp is already open on this journal"),
                QCoreApplication.translate(
                    "StartupProblem",
                    "Another posapp window uses this journal: {who}. Only one window may use a journal at a time, "
                    "so that no payment is followed or settled twice.",
                ).format(who=owner_text(problem.owner, locale)),
                QCoreApplication.translate(
                    "StartupProblem", "Use the window that is open (bring it forward), or close it first."
                ),
            )
        case Problem.TOO_NEW:
            return (
                QCoreApplication.translate("StartupProblem", "This journal was written by a newer posapp"),
                QCoreApplication.translate(
                    "StartupProblem", "A newer version of posapp saved this file; this one cannot safely write to it."
                ),
                QCoreApplication.translate(
                    "StartupProblem", "Install the newer posapp again, or open the journal read-only for History."
                ),
            )
        case Problem.DAMAGED:
            return (
                QCoreApplication.translate("StartupProblem", "The journal file is damaged"),
                QCoreApplication.translate(
                    "StartupProblem",
                    "The file is not a whole posapp journal: it may have been cut short or damaged on the disk.",
                ),
                QCoreApplication.translate(
                    "StartupProblem", "You can {backup}, or call support with the log named below."
                ).format(backup=backup),
            )
        case Problem.READ_ONLY:
            return (
                QCoreApplication.translate("StartupProblem", "The journal's folder cannot be written"),
                QCoreApplication.translate(
                    "StartupProblem",
                    "posapp writes every payment to the journal before sending it, and this folder or file is "
                    "read-only for your account.",
                ),
                QCoreApplication.translate(
                    "StartupProblem",
                    "Ask whoever looks after this computer to let your account write to the folder, or open the "
                    "journal read-only for History.",
                ),
            )
        case Problem.DISK_FULL:
            return (
                QCoreApplication.translate("StartupProblem", "The disk is full"),
                QCoreApplication.translate(
                    "StartupProblem",
                    "posapp writes every payment to the journal before sending it, and the disk that holds the "
                    "journal has no space left.",
                ),
                QCoreApplication.translate(
                    "StartupProblem", "Free some space on this disk (move or delete files), then open posapp again."
                ),
            )
        case Problem.DISK_ERROR:
            return (
                QCoreApplication.translate("StartupProblem", "The disk reports an error"),
                QCoreApplication.translate(
                    "StartupProblem", "Reading or writing the journal failed with a disk error."
                ),
                QCoreApplication.translate(
                    "StartupProblem",
                    "Check the disk (a USB disk may have been pulled out) and open posapp again; if it stays "
                    "broken, you can {backup}.",
                ).format(backup=backup),
            )
        case _:
            return (
                QCoreApplication.translate("StartupProblem", "The journal cannot be opened"),
                QCoreApplication.translate("StartupProblem", "posapp could not open its journal."),
                QCoreApplication.translate("StartupProblem", "Call support with the log named below."),
            )


def _plain(text: str = "", name: str = "") -> PlainLabel:
    label = PlainLabel(inert(text))  # a path or SQLite's words in it
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def raise_failed_text() -> str:
    return QCoreApplication.translate(
        "StartupProblem", "The other window did not answer: it may be closing. Try again, or quit."
    )


def restore_failed_text(reason: object) -> str:
    return QCoreApplication.translate("StartupProblem", "The backup could not be restored: {reason}").format(
        reason=reason
    )


class StartupProblemDialog(QDialog):
    """Explains why the console cannot start on its journal and offers what can be done."""

    chosen = Signal(str)

    def __init__(self, problem: OpenProblem, locale: str, log_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.locale_name = locale
        self.setObjectName("startupProblem")
        self.setWindowTitle(QCoreApplication.translate("StartupProblem", "posapp: the journal"))
        headline, wrong, todo = texts(problem, locale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        self.headline = _plain(headline, "problemHeadline")
        self.what = _plain(wrong, "problemText")
        self.file = _plain(
            QCoreApplication.translate("StartupProblem", "File: {path}").format(path=str(problem.path)), "problemFile"
        )
        self.file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        unchanged = (
            QCoreApplication.translate("StartupProblem", "Nothing in it was changed.")
            if problem.problem is not Problem.IN_USE
            else QCoreApplication.translate("StartupProblem", "Nothing was changed, and nothing was resumed here.")
        )
        self.unchanged = _plain(unchanged, "problemUnchanged")
        self.todo = _plain(todo, "problemTodo")
        self.log = _plain(
            QCoreApplication.translate("StartupProblem", "Log for support: {path}").format(path=log_path), "problemLog"
        )
        self.log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = _plain("", "problemConfirm")
        self.confirm.hide()
        for label in (self.headline, self.what, self.file, self.unchanged, self.todo, self.log, self.confirm):
            layout.addWidget(label)
        self.detail = _plain(problem.detail, "problemDetail")
        self.detail.setToolTip(plain_tooltip(problem.detail))
        # SQLite's or the file system's own words, for support; "in use" says it all in the person's words.
        self.detail.setVisible(problem.problem is not Problem.IN_USE)
        layout.addWidget(self.detail)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.raise_button = QPushButton(QCoreApplication.translate("StartupProblem", "Bring it forward"))
        self.restore_button = QPushButton(QCoreApplication.translate("StartupProblem", "Restore the last backup…"))
        self.read_only_button = QPushButton(QCoreApplication.translate("StartupProblem", "Open read-only"))
        self.quit_button = QPushButton(QCoreApplication.translate("StartupProblem", "Quit"))
        self.read_only_button.setToolTip(
            QCoreApplication.translate("StartupProblem", "History and export only: no payment can be taken.")
        )
        in_use = problem.problem is Problem.IN_USE
        self.raise_button.setVisible(in_use and problem.owner is not None and problem.owner.raise_port is not None)
        self.restore_button.setVisible(not in_use and bool(problem.backups))
        self.read_only_button.setVisible(not in_use and problem.readable)
        primary = next(
            (b for b in (self.raise_button, self.restore_button, self.read_only_button) if not b.isHidden()),
            self.quit_button,
        )
        primary.setProperty("primary", True)
        primary.setDefault(True)
        for button in (self.raise_button, self.restore_button, self.read_only_button, self.quit_button):
            button.setMinimumHeight(52)
            buttons.addWidget(button)
        for number, button in enumerate((self.raise_button, self.restore_button, self.read_only_button), 1):
            give_shortcut(button, f"Alt+{number}", button.toolTip() or button.text())
        give_shortcut(self.quit_button, "Esc", handled=True)
        layout.addLayout(buttons)
        self.raise_button.clicked.connect(lambda: self._choose("raise"))
        self.restore_button.clicked.connect(self._restore_clicked)
        self.read_only_button.clicked.connect(lambda: self._choose("read_only"))
        self.quit_button.clicked.connect(lambda: self._choose("quit"))
        self._asked_restore = False
        self._done = False
        self.setMinimumWidth(WIDTH)

    def _restore_clicked(self) -> None:
        newest = self.problem.backups[0]
        if not self._asked_restore:
            self._asked_restore = True
            self.confirm.setText(
                QCoreApplication.translate(
                    "StartupProblem",
                    "Restore the copy made {when}? Payments made after it are not in it. The current file is kept "
                    "aside, not deleted. Press Restore again to go on.",
                ).format(when=_when(made_at(newest), self.locale_name))
            )
            self.confirm.show()
            self.restore_button.setText(QCoreApplication.translate("StartupProblem", "Restore"))
            fit_to_content(self)
            return
        self._choose("restore")

    def show_error(self, text: str) -> None:
        """Something the chosen action could not do (the restore failed, the other window did not answer)."""
        self._done = False
        self.confirm.setText(text)
        self.confirm.show()
        fit_to_content(self)

    def _choose(self, choice: str) -> None:
        self._done = True
        self.chosen.emit(choice)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        for label in (self.headline, self.what, self.file, self.unchanged, self.todo, self.log, self.detail):
            fix_wrapped_height(label, WIDTH - 56)
        fit_to_content(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._done:
            self._done = True
            self.chosen.emit("quit")  # the window's close button is Quit
        super().closeEvent(event)
