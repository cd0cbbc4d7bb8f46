"""Notices when nobody has touched the console for a while, so that it can lock itself.

``IdleWatcher`` is an event filter on the ``QApplication``: every key, click, touch, wheel or mouse
move anywhere in the application (dialogs included) counts as somebody at the till. It does not
restart a timer per event (mouse moves come by the hundred); it notes the time, and a single timer
wakes up when the idle time could be over, looks at the clock, and either emits ``idle`` or sleeps
for the rest. The clock and the timer are injectable: tests pass a fake clock and fire the timer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, SignalInstance

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


class IdleTimer(Protocol):
    """What ``IdleWatcher`` needs of a timer (``QTimer`` has it; tests pass a fake)."""

    @property
    def timeout(self) -> SignalInstance: ...

    def start(self, msec: int) -> None: ...

    def stop(self) -> None: ...


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without user input, until ``resume()`` is called.

    ``minutes`` of 0 (or less) switches the idle lock off.

    Signals:
        idle(): nobody touched the console for ``minutes``.
    """

    idle = Signal()

    def __init__(
        self,
        minutes: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        timer: IdleTimer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        if timer is None:
            qtimer = QTimer(self)
            qtimer.setSingleShot(True)
            timer = qtimer
        self._timer: IdleTimer = timer
        self._timer.timeout.connect(self._check)
        self._minutes = float(minutes)
        self._last_input = clock()
        self._running = False
        self._installed_on: QCoreApplication | None = None

    @property
    def minutes(self) -> float:
        return self._minutes

    @property
    def timeout_s(self) -> float:
        return self._minutes * 60

    @property
    def running(self) -> bool:
        """Watching: not paused, not idle yet, and an idle time is set."""
        return self._running

    def install(self, app: QCoreApplication | None = None) -> None:
        """Watch every input event of ``app`` (default: the running application) and start counting."""
        target = app or QCoreApplication.instance()
        if target is None:
            raise RuntimeError("IdleWatcher.install needs a QApplication")
        if self._installed_on is not target:
            if self._installed_on is not None:
                self._installed_on.removeEventFilter(self)
            target.installEventFilter(self)
            self._installed_on = target
        self.resume()

    def uninstall(self) -> None:
        if self._installed_on is not None:
            self._installed_on.removeEventFilter(self)
            self._installed_on = None
        self.pause()

    def set_minutes(self, minutes: float) -> None:
        """Change the idle time (the Settings screen); counts from the last input."""
        self._minutes = float(minutes)
        if self._installed_on is not None and (self._running or minutes > 0):
            self._arm(self.timeout_s - (self._clock() - self._last_input))

    def pause(self) -> None:
        """Stop counting (the console is locked already)."""
        self._running = False
        self._timer.stop()

    def resume(self) -> None:
        """Count again from now (after unlocking)."""
        self._last_input = self._clock()
        self._arm(self.timeout_s)

    def touch(self) -> None:
        """Someone is at the till (also what an input event does)."""
        self._last_input = self._clock()

    def _arm(self, seconds: float) -> None:
        if self._minutes <= 0:
            self._running = False
            self._timer.stop()
            return
        self._running = True
        # at least 1 s, so a clock that does not move cannot spin the loop
        self._timer.start(max(int(seconds * 1000), 1000))

    def _check(self) -> None:
        if not self._running:
            return
        left = self.timeout_s - (self._clock() - self._last_input)
        if left > 0:
            self._arm(left)
            return
        self._running = False
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
        return False
