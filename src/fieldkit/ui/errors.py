"""The last line of defence: unexpected exceptions are logged and shown, not swallowed."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("fieldkit.ui")


def install_excepthook(log_file: Path | None) -> None:
    """Route uncaught exceptions (including those raised in Qt slots) to a dialog and the log."""
    showing = False

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if showing or QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        showing = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("Errors", "Unexpected error"), "")
            box.setText(
                QApplication.translate(
                    "Errors",
                    "Something went wrong: {error}\n\nYour saved work is safe: every change is stored "
                    "when it is made. The details are in the log file:\n{log}",
                ).format(error=f"{kind.__name__}: {exc}", log=log_file or "-")
            )
            box.setDetailedText("".join(traceback.format_exception(kind, exc, tb)))
            box.exec()
        finally:
            showing = False

    sys.excepthook = hook
