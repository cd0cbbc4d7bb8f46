"""Saying something to assistive technology (a screen reader) that the screen only shows in colour or place.

A payment's outcome is a green or red panel; a refused key is a red line under the amount. A person who
does not see the screen hears them through a Qt accessibility announcement: assertive for an outcome
(it interrupts), polite for the rest.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

# Kept as a name of its own so a test can listen to what is announced.
update_accessibility = QAccessible.updateAccessibility


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Announce ``text`` on behalf of ``widget`` (its last announcement is kept as its ``announced`` property)."""
    if not text:
        return
    widget.setProperty("announced", text)
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if assertive else QAccessible.AnnouncementPoliteness.Polite
    )
    update_accessibility(event)


__all__ = ["announce"]
