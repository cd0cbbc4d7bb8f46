"""Installs the Qt translators for the chosen language (posapp's own and Qt's standard dialogs)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from posapp.ui.resources import resource_path

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators with those of ``language`` (``en`` needs none)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return
    own = QTranslator(app)
    if own.load(str(resource_path("translations", f"posapp_{language}.qm"))):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("no %s translation found in %s", language, resource_path("translations"))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
