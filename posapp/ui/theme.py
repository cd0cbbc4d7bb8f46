"""The look of the console: one stylesheet for readability at counter distance, light or dark as the system.

``resources/styles/posapp.qss`` is written for the light scheme. When the system asks for dark (Qt's
``QStyleHints.colorScheme``), the same sheet is used with its colours mapped: a text colour (``color``,
``selection-color``) to its dark-scheme text, a surface or border colour to its dark surface, so "white"
stays white on a blue button and becomes a dark card behind a form. Brand and signal colours that carry
white or dark text on themselves (the blue button, the amber banner, the red and green outcomes) are
kept, and so is the text on them: the rules listed in ``_KEEP_TEXT`` paint on a surface that does not
change. Documents (the receipt and the end-of-day report, the QR code's frame) stay on white paper.

The palette (for what the style sheet does not paint: Qt's own dialogs, placeholders) follows too.
Nothing here sets Qt's scaling variables: the screen's own DPI and scale factor apply.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from posapp.ui.resources import resource_path

# Light text colours and what they become on the dark surfaces.
_DARK_TEXT = {
    "white": "white",
    "#1b1f24": "#e8ecf0",
    "#3e4c59": "#c2cbd4",
    "#52606d": "#b0bbc6",
    "#616e7c": "#a3afbb",
    "#7b8794": "#a3afbb",
    "#9aa5b1": "#8d99a5",
    "#0b3d91": "#a9cbff",
    "#0b6bcb": "#8cc0ff",
    "#05603a": "#7ee2ad",
    "#067647": "#7ee2ad",
    "#b42318": "#ffaaa0",
    "#912018": "#ffaaa0",
    "#6b4100": "#ffd27a",
    "#e4e7eb": "#e4e7eb",
    "#cbd2d9": "#cbd2d9",
    "#eef0f3": "#3a434d",
    "#f6f7f9": "#f6f7f9",
}
# Light surfaces and borders and their dark counterparts; brand colours are kept.
_DARK_SURFACE = {
    "white": "#1e242b",
    "#f6f7f9": "#14181d",
    "#e4e7eb": "#2a3139",
    "#eef0f3": "#262c33",
    "#f0f2f5": "#1a1f25",
    "#1f2933": "#0c0f13",
    "#323f4b": "#25303b",
    "#cbd2d9": "#3d4853",
    "#dbeafe": "#183153",
    "#cfe3fb": "#1f3d63",
    "#ffe8b3": "#4a3810",
    "#fff8e6": "#33290f",
    "#fff4e5": "#3a2a12",
    "#d1fadf": "#0f3b27",
    "#fee4e2": "#4b1c18",
    "#ffb27a": "#a85a1f",
    "#8fc1f0": "#3d6a96",
    "#8ee0b5": "#2f7a55",
    "#9aa5b1": "#4a545e",
}
_TEXT_PROPERTIES = ("color", "selection-color")
# Rules whose text sits on a surface the dark scheme keeps (amber banners, outcome panels, the chart's
# white paper...): their text keeps its light-scheme colour.
_KEEP_TEXT = re.compile(
    r"trainingBanner|customerTrainingBanner|lockNotice|phoneHeader|outcome=\"unknown\"|journalBanner"
    r"|receiptPreview|eodReport|qrFrame|customerQrFrame|primary=\"true\"|role=\"enter\"|nav=\"true\"\]:checked"
    r"|statusBadge"
)
# Surfaces that stay as they are (paper, and the QR code: dark modules on white scan best).
_KEEP_SURFACE = re.compile(r"receiptPreview|receiptScroll|eodReport|qrFrame|customerQrFrame")
_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;{}]+)")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|\bwhite\b")


def dark_style_sheet(light: str) -> str:
    """The light style sheet with its colours mapped to the dark scheme (see the module docstring)."""
    out: list[str] = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", light, flags=re.S):
        keep_text = bool(_KEEP_TEXT.search(selector))
        keep_surface = bool(_KEEP_SURFACE.search(selector))

        def declaration(match: re.Match[str], keep_text: bool = keep_text, keep_surface: bool = keep_surface) -> str:
            name, value = match.group(1), match.group(2)
            is_text = name in _TEXT_PROPERTIES
            if (is_text and keep_text) or (not is_text and keep_surface):
                return match.group(0)
            table = _DARK_TEXT if is_text else _DARK_SURFACE
            return f"{name}: " + _COLOUR.sub(lambda colour: table.get(colour.group(0).lower(), colour.group(0)), value)

        out.append(f"{selector.strip()} {{{_DECLARATION.sub(declaration, body)}}}")
    return "\n".join(out)


def palette(dark: bool) -> QPalette:
    """The colours of what the style sheet leaves to the style: dialogs, placeholders, selections."""
    colours = (
        {
            QPalette.ColorRole.Window: "#14181d",
            QPalette.ColorRole.WindowText: "#e8ecf0",
            QPalette.ColorRole.Base: "#1e242b",
            QPalette.ColorRole.AlternateBase: "#1a1f25",
            QPalette.ColorRole.Text: "#e8ecf0",
            QPalette.ColorRole.Button: "#2a3139",
            QPalette.ColorRole.ButtonText: "#e8ecf0",
            QPalette.ColorRole.Highlight: "#0b6bcb",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.PlaceholderText: "#a3afbb",
            QPalette.ColorRole.ToolTipBase: "#2a3139",
            QPalette.ColorRole.ToolTipText: "#e8ecf0",
            QPalette.ColorRole.Link: "#8cc0ff",
        }
        if dark
        else {
            QPalette.ColorRole.Window: "#f6f7f9",
            QPalette.ColorRole.WindowText: "#1b1f24",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#f6f7f9",
            QPalette.ColorRole.Text: "#1b1f24",
            QPalette.ColorRole.Button: "#ffffff",
            QPalette.ColorRole.ButtonText: "#1b1f24",
            QPalette.ColorRole.Highlight: "#0b6bcb",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            # Qt's default placeholder grey is 4:1 on white: below what text needs.
            QPalette.ColorRole.PlaceholderText: "#5c6670",
            QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1b1f24",
            QPalette.ColorRole.Link: "#0b3d91",
        }
    )
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    result.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8d99a5" if dark else "#7b8794"))
    return result


def is_dark(app: QGuiApplication | None = None) -> bool:
    """Whether the console shows the dark scheme now."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    return bool(app is not None and app.property("posappDark"))


def muted_text() -> str:
    """The colour of secondary text in our own HTML (History's details), for the scheme on show."""
    return _DARK_TEXT["#52606d"] if is_dark() else "#52606d"


def code_background() -> str:
    """The background of raw answers (``<pre>``) in our own HTML, for the scheme on show."""
    return "#262c33" if is_dark() else "#f1f3f5"


def apply_theme(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Style ``app`` in the system's scheme (or ``scheme``), and again whenever the system changes it."""
    app.setStyle("Fusion")
    chosen = scheme if scheme is not None else app.styleHints().colorScheme()
    dark = chosen == Qt.ColorScheme.Dark
    app.setProperty("posappDark", dark)
    app.setPalette(palette(dark))
    light = resource_path("styles", "posapp.qss").read_text(encoding="utf-8")
    app.setStyleSheet(dark_style_sheet(light) if dark else light)
    if not app.property("posappFollowsScheme"):
        app.setProperty("posappFollowsScheme", True)
        app.styleHints().colorSchemeChanged.connect(lambda changed: apply_theme(app, changed))
