"""The cash tender: what is due, what the customer hands over (typed, or tapped note by note), the change.

A tap on a note adds it to what was given (a 5 000 and a 2 000 note: tap both), "Exact" gives the amount
due, "Clear" starts again. Keys: Alt+1, Alt+2 ... add the notes in the order shown, F6 (the Sale screen's
Cash key: pressed twice, exact cash) gives the amount due, Esc clears, Enter takes the cash. The change is
shown large as soon as the cash covers what is due; cash short of it pays a part and the rest is said
("Still to pay ...": by QR or phone, a split sale).

Signals:
    cash_taken(object): the ``Money`` handed over, when the cashier takes it (button or Enter).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from posapp.core.cash import quick_notes
from posapp.core.money import Money, format_money
from posapp.ui.inert_text import PlainLabel
from posapp.ui.widgets.amount_input import AmountInput
from posapp.ui.widgets.shortcut import give_shortcut

EXACT_KEY = "F6"  # the Sale screen's Cash key (sale.CASH_KEY): F6 twice takes the exact amount in cash


class CashTenderPanel(QWidget):
    """Amount due, cash given with quick notes, change due; see the module docstring."""

    cash_taken = Signal(object)

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashTender")
        self.currency = currency
        self.locale_name = locale
        self.due: Money = Money.zero(currency)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        due_caption = PlainLabel(QCoreApplication.translate("CashTender", "Amount due"))
        due_caption.setObjectName("fieldCaption")
        self.due_label = PlainLabel("")
        self.due_label.setObjectName("cashDue")
        self.due_label.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.due_label.setAccessibleName(QCoreApplication.translate("CashTender", "Amount due"))

        given_caption = PlainLabel(QCoreApplication.translate("CashTender", "Cash given"))
        given_caption.setObjectName("fieldCaption")
        self.given = AmountInput(currency, locale)
        self.given.setObjectName("cashGiven")
        self.given.setAccessibleName(QCoreApplication.translate("CashTender", "Cash given"))
        self.given.setAccessibleDescription(
            QCoreApplication.translate("CashTender", "What the customer hands over: type it or tap the notes")
        )
        self.given.setMinimumHeight(72)

        notes = QGridLayout()
        notes.setSpacing(8)
        self.note_buttons: list[QPushButton] = []
        for index, note in enumerate(quick_notes(currency)):
            button = QPushButton(format_money(note, locale))
            button.setObjectName("cashNote")
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
            what = QCoreApplication.translate("CashTender", "Add a note of {amount}").format(
                amount=format_money(note, locale)
            )
            button.setAccessibleName(what)
            if index < 9:
                give_shortcut(button, f"Alt+{index + 1}", what)
            button.clicked.connect(lambda _checked=False, value=note: self.add_note(value))
            notes.addWidget(button, index // 4, index % 4)
            self.note_buttons.append(button)
        self.exact = QPushButton(QCoreApplication.translate("CashTender", "Exact amount"))
        self.exact.setObjectName("cashExact")
        self.clear_button = QPushButton(QCoreApplication.translate("CashTender", "Clear"))
        self.clear_button.setObjectName("cashClear")
        for button in (self.exact, self.clear_button):
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
            button.setProperty("secondary", True)
        give_shortcut(
            self.exact, EXACT_KEY, QCoreApplication.translate("CashTender", "The customer gives exactly what is due")
        )
        # Esc is the amount field's own: it clears what was typed (and, with nothing typed, leaves the tender).
        give_shortcut(
            self.clear_button,
            "Esc",
            QCoreApplication.translate("CashTender", "Clear the cash given and type it again"),
            handled=True,
        )
        for index, button in enumerate((self.exact, self.clear_button), start=len(self.note_buttons)):
            notes.addWidget(button, index // 4, index % 4)

        self.change_caption = PlainLabel(QCoreApplication.translate("CashTender", "Change to give back"))
        self.change_caption.setObjectName("fieldCaption")
        self.change_label = PlainLabel("")
        self.change_label.setObjectName("cashChange")
        self.change_label.setStyleSheet("font-size: 44pt; font-weight: bold;")
        self.change_label.setAccessibleName(QCoreApplication.translate("CashTender", "Change to give back"))
        self.rest_label = PlainLabel("")
        self.rest_label.setObjectName("cashRest")
        self.rest_label.setWordWrap(True)

        self.take = QPushButton(QCoreApplication.translate("CashTender", "Take the cash"))
        self.take.setObjectName("cashTake")
        self.take.setProperty("primary", True)
        self.take.setMinimumHeight(56)
        self.take.setAutoDefault(False)
        give_shortcut(
            self.take,
            "Return",
            QCoreApplication.translate("CashTender", "Take the cash and show the change"),
            handled=True,  # the amount field and the page take Enter (``CashPage.take_key``)
        )

        # What is due and the change side by side on top (the change is what the cashier reads out), what
        # was given below, then the notes: it all fits the Sale screen's place at 1024 x 768.
        top = QHBoxLayout()
        top.setSpacing(24)
        due_box = QVBoxLayout()
        due_box.addWidget(due_caption)
        due_box.addWidget(self.due_label)
        change_box = QVBoxLayout()
        change_box.addWidget(self.change_caption)
        change_box.addWidget(self.change_label)
        top.addLayout(due_box, 1)
        top.addLayout(change_box, 1)
        layout.addLayout(top)
        layout.addWidget(given_caption)
        layout.addWidget(self.given)
        layout.addLayout(notes)
        layout.addWidget(self.rest_label)
        layout.addStretch(1)
        layout.addWidget(self.take)

        self.given.changed.connect(lambda _amount: self._refresh())
        self.given.submitted.connect(self.submit)
        self.exact.clicked.connect(lambda: self.given.set_amount(self.due if self.due.minor else None))
        self.exact.clicked.connect(self._refresh)
        self.clear_button.clicked.connect(self.clear)
        self.take.clicked.connect(self.submit)
        self.setFocusProxy(self.given)  # digits typed on the panel go to what was given; Enter takes it
        self.set_due(self.due)

    # ------------------------------------------------------------------ state

    def set_due(self, due: Money) -> None:
        """What is still to pay on the sale (its open part)."""
        self.due = due
        self.due_label.setText(format_money(due, self.locale_name))
        self._refresh()

    def given_amount(self) -> Money | None:
        return self.given.amount()

    def add_note(self, note: Money) -> None:
        current = self.given.amount()
        self.given.set_amount(note if current is None else current + note)
        self._refresh()

    def clear(self) -> None:
        self.given.clear()
        self._refresh()

    def change(self) -> Money | None:
        """The change to hand back, once the cash covers what is due."""
        given = self.given.amount()
        if given is None or given < self.due:
            return None
        return given - self.due

    def _refresh(self) -> None:
        given = self.given.amount()
        change = self.change()
        self.change_label.setText(format_money(change, self.locale_name) if change is not None else "-")
        if given is not None and change is None:
            rest = format_money(self.due - given, self.locale_name)
            self.rest_label.setText(
                QCoreApplication.translate(
                    "CashTender", "Still to pay after this cash: {amount}. Take it by QR code or by phone."
                ).format(amount=rest)
            )
        else:
            self.rest_label.setText("")
        self.take.setEnabled(given is not None and self.due.minor > 0)

    def submit(self) -> None:
        given = self.given.amount()
        if given is None or self.due.minor <= 0:
            return
        self.cash_taken.emit(given)
