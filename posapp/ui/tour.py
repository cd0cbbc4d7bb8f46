"""``posapp tour DIR``: renders every screen in English and French to PNG files, to look at them.

Runs offscreen unless a platform is set, on a throw-away POSAPP_HOME, so a tour never touches the
merchant's journal or settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

TOUR_LANGUAGES = ("en", "fr")
TOUR_SIZE = (1280, 800)


def render_tour(out_dir: Path, languages: tuple[str, ...] = TOUR_LANGUAGES) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from posapp.ui.i18n import install_translators
    from posapp.ui.main_window import MainWindow, screen_infos
    from posapp.ui.theme import apply_theme

    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="posapp-tour-") as home:
        os.environ["POSAPP_HOME"] = home
        for language in languages:
            install_translators(app, language)
            window = MainWindow(training=True, provider_label="My-CoolPay")
            window.resize(*TOUR_SIZE)
            window.show()
            for info in screen_infos():
                window.show_screen(info.key)
                app.processEvents()
                path = out_dir / f"{language}_{info.key}.png"
                window.grab().save(str(path))
                written.append(path)
            window.close()
            window.deleteLater()
            app.processEvents()
        install_translators(app, "en")
    for path in written:
        print(path)
    return 0
