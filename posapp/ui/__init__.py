"""Everything that imports Qt: the main window, screens, widgets, models and the bridge from service events to Qt signals."""
