"""One module per screen, one main widget class per module."""
