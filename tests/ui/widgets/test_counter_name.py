"""The counter's name is always in the status bar (issue 16), with or without a shop store: the journal's
name, the computer's until a first run names it, in English and French, named for assistive technology,
and whole in a 1024x768 window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from posapp.journal.store import Journal
from posapp.shop.identity import default_name, name_terminal
from posapp.ui.i18n import install_translators
from posapp.ui.main_window import MainWindow
from posapp.ui.widgets.shop_status import CounterNameLabel, show_counter_name


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


@pytest.fixture
def window(qapp: QApplication) -> Iterator[MainWindow]:
    window = MainWindow(training=True, provider_label="My-CoolPay")
    window.resize(1024, 768)
    yield window
    window.close()
    window.deleteLater()


def test_the_status_bar_names_the_counter_before_and_after_it_is_named(journal: Journal, window: MainWindow) -> None:
    label = show_counter_name(window, journal)
    assert label.text() == f"Counter: {default_name()}"  # not named yet: the computer's name, as receipts
    assert label.accessibleName() == "Counter" and "receipts" in label.accessibleDescription()
    name_terminal(journal, "Comptoir Akwa 2")
    label.refresh()  # (Settings' counter_renamed does it through show_counter_name)
    assert label.text() == "Counter: Comptoir Akwa 2"
    assert show_counter_name(window, journal) is label  # once per window
    assert window.statusBar().findChildren(CounterNameLabel) == [label]


def test_in_french_and_nothing_cut_at_1024x768(themed: QApplication, journal: Journal, window: MainWindow) -> None:
    qapp = themed  # the console's style sheet: 14 pt and up, as it runs
    name_terminal(journal, "Comptoir principal de la rue de la Joie, Akwa Nord, caisse 2")  # 60 characters, the most
    install_translators(qapp, "fr")
    try:
        label = show_counter_name(window, journal)
        window.show()
        qapp.processEvents()
        assert label.text().startswith("Comptoir\u202f: Comptoir principal")
        assert label.text().endswith("Joie, Akwa Nord, caisse 2")  # whole
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
        assert label.accessibleName() == "Comptoir"
        bar = window.statusBar()
        for child in (window.mode_label, window.connection_label, label):
            geometry = child.geometry()
            assert child.isVisible() and bar.rect().contains(geometry), child.objectName()
            assert child.fontMetrics().horizontalAdvance(child.text()) <= geometry.width(), child.text()
        window.grab().save(str(Path("/tmp") / "posapp_counter_name_fr.png"))
    finally:
        install_translators(qapp, "en")
