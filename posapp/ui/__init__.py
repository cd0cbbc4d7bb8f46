"""Everything that imports Qt.

The main window, screens, widgets, models and the bridge from service events to Qt signals.
"""
