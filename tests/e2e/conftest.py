"""Collect each test's dead widgets on the GUI thread.

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
