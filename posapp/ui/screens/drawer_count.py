"""The drawer count at the end of a shift, and the opening float at its start.

``DrawerCountDialog`` shows what the drawer should hold (opening float + cash sales - cash refunds - cash
paid out), takes the count by note and coin (or a total) and shows the difference as it is typed: cash
missing, cash over, or exact. ``OpeningFloatDialog`` takes the float a cashier starts with.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from posapp.core.cash import DENOMINATIONS, MAX_PIECES, quick_notes
from posapp.core.money import Money, format_money
from posapp.journal.reports import DrawerCount
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.widgets.amount_input import AmountInput
from posapp.ui.widgets.shortcut import give_shortcut


def _buttons(confirm_text: str, confirm_what: str) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    confirm = QPushButton(confirm_text)
    confirm.setProperty("primary", True)
    cancel = QPushButton(QCoreApplication.translate("DrawerCount", "Cancel"))
    cancel.setProperty("secondary", True)
    for button in (confirm, cancel):
        button.setAutoDefault(False)
        button.setMinimumHeight(48)
    # Ctrl+Enter from any field (Enter alone moves on or adds a digit); Esc is the dialog's own.
    give_shortcut(confirm, "Ctrl+Return", confirm_what)
    give_shortcut(cancel, "Esc", QCoreApplication.translate("DrawerCount", "Close; nothing is recorded"), handled=True)
    row = QHBoxLayout()
    row.addWidget(cancel)
    row.addWidget(confirm, 1)
    return confirm, cancel, row


class DrawerCountDialog(QDialog):
    """What the drawer should hold, the count, and the difference; see the module docstring.

    Signals:
        count_submitted(object, object, str): the pieces by value (``dict[int, int]``, or None for a
            total), the counted ``Money``, and the manager's note.
    """

    count_submitted = Signal(object, object, str)

    def __init__(self, count: DrawerCount, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawerCountDialog")
        self.count = count
        self.locale_name = locale
        self.currency = count.currency
        self.setModal(True)
        self.setWindowTitle(QCoreApplication.translate("DrawerCount", "Count the drawer"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        title = PlainLabel(
            QCoreApplication.translate("DrawerCount", "Drawer of {cashier}").format(cashier=inert(count.cashier))
        )
        title.setObjectName("drawerTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(title)

        figures = QGridLayout()
        figures.setHorizontalSpacing(24)
        lines = (
            (QCoreApplication.translate("DrawerCount", "Opening float"), count.opening_float),
            (QCoreApplication.translate("DrawerCount", "Cash sales"), count.cash_sales),
            (QCoreApplication.translate("DrawerCount", "Cash refunds"), -count.cash_refunds),
            (QCoreApplication.translate("DrawerCount", "Cash paid out"), -count.cash_payouts),
        )
        for row, (label, amount) in enumerate(lines):
            figures.addWidget(PlainLabel(label), row, 0)
            figure = PlainLabel(format_money(amount, locale))
            figure.setObjectName("drawerFigure")
            figures.addWidget(figure, row, 1)
        expected_label = PlainLabel(QCoreApplication.translate("DrawerCount", "Expected in the drawer"))
        expected_label.setStyleSheet("font-weight: bold;")
        self.expected = PlainLabel(format_money(count.expected, locale))
        self.expected.setObjectName("drawerExpected")
        self.expected.setStyleSheet("font-weight: bold;")
        figures.addWidget(expected_label, len(lines), 0)
        figures.addWidget(self.expected, len(lines), 1)
        layout.addLayout(figures)

        self.by_pieces = QRadioButton(QCoreApplication.translate("DrawerCount", "Count by note and coin"))
        self.by_total = QRadioButton(QCoreApplication.translate("DrawerCount", "Type the total"))
        self.by_pieces.setAccessibleDescription(
            QCoreApplication.translate("DrawerCount", "Type how many of each note and coin the drawer holds")
        )
        self.by_total.setAccessibleDescription(
            QCoreApplication.translate("DrawerCount", "Type the total counted in the drawer")
        )
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.by_pieces)
        self.mode.addButton(self.by_total)
        modes = QHBoxLayout()
        modes.addWidget(self.by_pieces)
        modes.addWidget(self.by_total)
        layout.addLayout(modes)

        self.pieces_box = QWidget()
        grid = QGridLayout(self.pieces_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.spins: dict[int, QSpinBox] = {}
        values = DENOMINATIONS.get(self.currency, ())
        rows = (len(values) + 2) // 3  # three columns of notes and coins: the dialog fits 1024x768
        for index, value in enumerate(values):
            name = format_money(Money(value, self.currency), locale)
            spin = QSpinBox()
            spin.setRange(0, MAX_PIECES)
            spin.setObjectName("drawerPieces")
            spin.setAccessibleName(QCoreApplication.translate("DrawerCount", "Number of {value}").format(value=name))
            spin.setAccessibleDescription(
                QCoreApplication.translate("DrawerCount", "How many pieces of {value} the drawer holds").format(
                    value=name
                )
            )
            spin.setMinimumHeight(40)
            spin.valueChanged.connect(lambda _value: self._refresh())
            column = 2 * (index // rows)
            grid.addWidget(PlainLabel(name), index % rows, column)
            grid.addWidget(spin, index % rows, column + 1)
            self.spins[value] = spin
        layout.addWidget(self.pieces_box)
        self.total = AmountInput(self.currency, locale)
        self.total.setObjectName("drawerTotal")
        self.total.setAccessibleName(QCoreApplication.translate("DrawerCount", "Total counted"))
        self.total.setAccessibleDescription(QCoreApplication.translate("DrawerCount", "All the cash in the drawer"))
        self.total.setMinimumHeight(56)
        self.total.changed.connect(lambda _amount: self._refresh())
        layout.addWidget(self.total)

        result = QGridLayout()
        result.addWidget(PlainLabel(QCoreApplication.translate("DrawerCount", "Counted")), 0, 0)
        self.counted = PlainLabel("")
        self.counted.setObjectName("drawerCounted")
        self.counted.setStyleSheet("font-size: 20pt; font-weight: bold;")
        result.addWidget(self.counted, 0, 1)
        result.addWidget(PlainLabel(QCoreApplication.translate("DrawerCount", "Difference")), 1, 0)
        self.difference = PlainLabel("")
        self.difference.setObjectName("drawerDifference")
        self.difference.setStyleSheet("font-size: 20pt; font-weight: bold;")
        result.addWidget(self.difference, 1, 1)
        self.verdict = PlainLabel("")
        self.verdict.setObjectName("drawerVerdict")
        self.verdict.setWordWrap(True)
        layout.addLayout(result)
        layout.addWidget(self.verdict)
        self.note = QLineEdit()
        self.note.setObjectName("drawerNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(QCoreApplication.translate("DrawerCount", "Note (optional)"))
        self.note.setAccessibleName(QCoreApplication.translate("DrawerCount", "Note"))
        self.note.setAccessibleDescription(
            QCoreApplication.translate("DrawerCount", "Why the drawer is short or over, if you know")
        )
        layout.addWidget(self.note)
        self.confirm, self.cancel, buttons = _buttons(
            QCoreApplication.translate("DrawerCount", "Save the count"),
            QCoreApplication.translate("DrawerCount", "Record the count and its difference in the journal"),
        )
        self.confirm.setObjectName("drawerSave")
        layout.addLayout(buttons)

        self.by_pieces.toggled.connect(self._mode_changed)
        self.confirm.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        if values:
            self.by_pieces.setChecked(True)
        else:
            self.by_pieces.setEnabled(False)
            self.by_total.setChecked(True)
        self._mode_changed()

    def _mode_changed(self, _checked: bool = False) -> None:
        pieces = self.by_pieces.isChecked()
        self.pieces_box.setVisible(pieces)
        self.total.setVisible(not pieces)
        self._refresh()

    def pieces(self) -> dict[int, int] | None:
        if not self.by_pieces.isChecked():
            return None
        return {value: spin.value() for value, spin in self.spins.items() if spin.value()}

    def counted_amount(self) -> Money | None:
        pieces = self.pieces()
        if pieces is not None:
            return Money(sum(value * number for value, number in pieces.items()), self.currency)
        return self.total.amount() or (Money.zero(self.currency) if self.by_total.isChecked() else None)

    def set_pieces(self, pieces: dict[int, int]) -> None:
        self.by_pieces.setChecked(True)
        for value, spin in self.spins.items():
            spin.setValue(pieces.get(value, 0))

    def _refresh(self) -> None:
        counted = self.counted_amount()
        if counted is None:
            self.counted.setText("-")
            self.difference.setText("-")
            self.verdict.setText("")
            return
        difference = counted - self.count.expected
        self.counted.setText(format_money(counted, self.locale_name))
        self.difference.setText(format_money(difference, self.locale_name))
        if difference.minor < 0:
            words = QCoreApplication.translate("DrawerCount", "{amount} is missing from the drawer.")
            self.verdict.setProperty("tone", "failure")
        elif difference.minor > 0:
            words = QCoreApplication.translate("DrawerCount", "The drawer holds {amount} more than expected.")
            self.verdict.setProperty("tone", "warning")
        else:
            words = QCoreApplication.translate("DrawerCount", "The drawer holds exactly what is expected.")
            self.verdict.setProperty("tone", "success")
        amount = Money(abs(difference.minor), difference.currency)
        self.verdict.setText(words.format(amount=format_money(amount, self.locale_name)))

    def submit(self) -> None:
        counted = self.counted_amount()
        if counted is None:
            return
        self.count_submitted.emit(self.pieces(), counted, " ".join(self.note.text().split()))


class OpeningFloatDialog(QDialog):
    """The cash a cashier's drawer starts the shift with.

    Signals:
        float_submitted(object): the float as ``Money`` (zero for an empty drawer).
    """

    float_submitted = Signal(object)

    def __init__(self, cashier: str, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openingFloatDialog")
        self.currency = currency
        self.setModal(True)
        self.setWindowTitle(QCoreApplication.translate("DrawerCount", "Opening float"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        title = PlainLabel(
            QCoreApplication.translate("DrawerCount", "Opening float of {cashier}").format(cashier=inert(cashier))
        )
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        intro = PlainLabel(
            QCoreApplication.translate(
                "DrawerCount", "Count the cash in the drawer before the first sale: the day's count starts from it."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("instructions")
        self.amount = AmountInput(currency, locale)
        self.amount.setObjectName("floatAmount")
        self.amount.setAccessibleName(QCoreApplication.translate("DrawerCount", "Opening float"))
        self.amount.setAccessibleDescription(
            QCoreApplication.translate("DrawerCount", "The cash in the drawer before the first sale")
        )
        self.amount.setMinimumHeight(64)
        notes = QHBoxLayout()
        for index, note in enumerate(quick_notes(currency)):
            button = QPushButton(format_money(note, locale))
            button.setAutoDefault(False)
            button.setMinimumHeight(44)
            what = QCoreApplication.translate("DrawerCount", "Add {amount} to the float").format(
                amount=format_money(note, locale)
            )
            button.setAccessibleName(what)
            if index < 9:
                give_shortcut(button, f"Alt+{index + 1}", what)
            button.clicked.connect(lambda _checked=False, value=note: self._add(value))
            notes.addWidget(button)
        self.confirm, self.cancel, buttons = _buttons(
            QCoreApplication.translate("DrawerCount", "Start the shift"),
            QCoreApplication.translate("DrawerCount", "Record the opening float in the journal"),
        )
        self.confirm.setObjectName("floatSave")
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.amount)
        layout.addLayout(notes)
        layout.addLayout(buttons)
        self.amount.submitted.connect(self.submit)
        self.confirm.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        self.setFocusProxy(self.amount)

    def _add(self, note: Money) -> None:
        current = self.amount.amount()
        self.amount.set_amount(note if current is None else current + note)

    def submit(self) -> None:
        self.float_submitted.emit(self.amount.amount() or Money.zero(self.currency))
