"""Installs the Qt translators for the chosen language (posapp's own and Qt's standard dialogs).

Qt's own catalogue (``qtbase_fr``) translates its dialogs' buttons and most labels, but a few labels of
the file and print dialogs that posapp shows are missing from it (their source text gained a keyboard
mnemonic, ``&Look in:``, and the catalogue still has ``Look in:``). They are listed here under Qt's own
contexts, so that posapp's catalogue, installed after Qt's and asked first, supplies them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from posapp.ui.resources import resource_path

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []

QT_LABELS_MISSING_FROM_QTBASE = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
)


def install_translators(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators with those of ``language`` (``en`` needs none)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    else:
        log.warning(
            "no qtbase_%s translation in %s", language, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        )
    # Installed last, so asked first: it completes Qt's catalogue (QT_LABELS_MISSING_FROM_QTBASE).
    own = QTranslator(app)
    if own.load(str(resource_path("translations", f"posapp_{language}.qm"))):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("no %s translation found in %s", language, resource_path("translations"))
