"""The idle watcher: any input restarts the count; idle fires once after the set time (fake clock and timer)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from posapp.ui.idle import IdleWatcher


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeTimer(QObject):
    """Records what it was asked; the test fires ``timeout`` itself."""

    timeout = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.interval: int | None = None

    def start(self, msec: int) -> None:
        self.interval = msec

    def stop(self) -> None:
        self.interval = None

    def fire(self) -> None:
        assert self.interval is not None, "fired a stopped timer"
        self.interval = None
        self.timeout.emit()


@pytest.fixture
def parts(qapp: QApplication):  # type: ignore[no-untyped-def]
    clock, timer = FakeClock(), FakeTimer()
    watcher = IdleWatcher(5, clock=clock, timer=timer)
    watcher.install(qapp)
    yield watcher, clock, timer
    watcher.uninstall()


def test_idle_after_the_set_minutes(qtbot, parts) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, timer = parts
    assert timer.interval == 5 * 60 * 1000 and watcher.running
    clock.now += 5 * 60
    with qtbot.waitSignal(watcher.idle, timeout=100):
        timer.fire()
    assert not watcher.running and timer.interval is None  # once, until resumed


def test_input_restarts_the_count(qtbot, qapp: QApplication, parts) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, timer = parts
    widget = QWidget()
    qtbot.addWidget(widget)
    clock.now += 4 * 60
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_5, Qt.KeyboardModifier.NoModifier, "5"))
    clock.now += 60  # the timer wakes at 5 min: 1 min since the key, 4 left
    with qtbot.assertNotEmitted(watcher.idle):
        timer.fire()
    assert timer.interval == 4 * 60 * 1000
    clock.now += 3 * 60
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(1, 1),
        QPointF(1, 1),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, press)
    clock.now += 60
    with qtbot.assertNotEmitted(watcher.idle):
        timer.fire()
    clock.now += 4 * 60
    with qtbot.waitSignal(watcher.idle, timeout=100):
        timer.fire()


def test_other_events_do_not_count(qtbot, parts) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, timer = parts
    widget = QWidget()
    qtbot.addWidget(widget)
    clock.now += 4 * 60
    widget.show()  # show, paint, resize: the screen changing is not someone at the till
    widget.resize(300, 200)
    clock.now += 60
    with qtbot.waitSignal(watcher.idle, timeout=100):
        timer.fire()


def test_pause_and_resume(qtbot, parts) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, timer = parts
    watcher.pause()
    assert timer.interval is None and not watcher.running
    clock.now += 3600
    watcher.resume()
    assert timer.interval == 5 * 60 * 1000
    clock.now += 4 * 60
    with qtbot.assertNotEmitted(watcher.idle):
        timer.fire()


def test_zero_minutes_switches_it_off_and_changes_apply(qtbot, parts) -> None:  # type: ignore[no-untyped-def]
    watcher, clock, timer = parts
    watcher.set_minutes(0)
    assert timer.interval is None and not watcher.running
    watcher.set_minutes(2)
    assert watcher.running and timer.interval == 2 * 60 * 1000
    clock.now += 120
    with qtbot.waitSignal(watcher.idle, timeout=100):
        timer.fire()


def test_real_qtimer_by_default(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    watcher = IdleWatcher(1 / 60 / 10)  # 0.1 s, but the timer waits at least 1 s
    watcher.install(qapp)
    try:
        with qtbot.waitSignal(watcher.idle, timeout=3000):
            pass
    finally:
        watcher.uninstall()
