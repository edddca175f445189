"""Start the desktop app: QApplication, translations, error handling, the store, the main window."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldkit import __version__, services
from fieldkit.errors import StoreError
from fieldkit.i18n import install_translator
from fieldkit.logs import setup_logging
from fieldkit.paths import shipped_dir
from fieldkit.ui.errors import install_excepthook
from fieldkit.ui.main_window import MainWindow

log = logging.getLogger("fieldkit.ui")
RTL_LANGUAGES = {"ur", "ar", "fa", "ps", "sd"}


def choose_language(requested: str | None) -> str:
    if requested:
        return requested.split("_")[0].lower()
    return QLocale.system().name().split("_")[0].lower()


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load FieldKit's and Qt's own catalogues for ``language`` and route core strings through Qt."""
    translators = []
    ours = QTranslator(app)
    if ours.load(f"fieldkit_{language}", str(shipped_dir("resources") / "translations")):
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    install_translator(QCoreApplication.translate, language)
    if language in RTL_LANGUAGES:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return translators


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("FieldKit")
    QCoreApplication.setApplicationName("FieldKit")
    QCoreApplication.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def run(data_dir: Path, lang: str | None = None) -> int:
    started = time.perf_counter()
    app = create_application()
    language = choose_language(lang)
    install_translations(app, language)
    install_excepthook(setup_logging(data_dir))
    try:
        store = services.open_store(data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "FieldKit cannot start"), str(exc))
        print(f"fieldkit: {exc}", file=sys.stderr)
        return 1
    if store.migration and store.migration.backup:
        log.info("migrated %s; backup at %s", store.db_path, store.migration.backup)
    window = MainWindow(store, QSettings(), language)
    window.show()
    log.info("main window shown in %.0f ms", (time.perf_counter() - started) * 1000)
    try:
        return app.exec()
    finally:
        store.close()
