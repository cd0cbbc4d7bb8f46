"""Collect each test's dead widgets on the GUI thread; ``themed``: the console's style sheet for one test.

Python's cycle collector runs in whichever thread happens to allocate; a widget left in a reference
cycle by one test could otherwise be destroyed later from a worker thread (journal, executor) of
another test, which crashes Qt.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collect_widgets_on_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def themed(qapp):  # type: ignore[no-untyped-def]
    """The console's stylesheet (14 pt and up), as the app runs; taken off after the test."""
    from posapp.ui.theme import apply_theme

    style = qapp.style().name()
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet("")
    qapp.setStyle(style)
