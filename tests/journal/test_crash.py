"""SIGKILL a writer at random moments: the journal always reopens whole, with every committed write."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.journal.crash_harness import kill_rounds

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing_committed(tmp_path: Path) -> None:
    result = kill_rounds(tmp_path, 200, seed=3)
    assert result.kills == 200
    assert result.fresh_files == 25  # kills while a file is created and migrated, too
    assert result.checked_ids > 1000  # the writers got far enough between kills to matter
