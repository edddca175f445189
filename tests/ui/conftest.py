"""UI fixtures: a main window on a demo store, with its settings in a throwaway file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from fieldkit.store import Store
from fieldkit.ui.main_window import MainWindow


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "fieldkit-ui.ini"


@pytest.fixture
def make_window(qtbot, settings_path: Path):
    windows = []

    def make(store: Store, language: str = "en") -> MainWindow:
        window = MainWindow(store, QSettings(str(settings_path), QSettings.Format.IniFormat), language)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    return make


@pytest.fixture
def window(make_window, demo_store: Store) -> MainWindow:
    return make_window(demo_store)


def when_modal(qtbot, action: Callable[[QWidget], None], timeout_ms: int = 5000) -> None:
    """Run ``action`` on the next modal dialog as soon as it is open (dialogs block in exec())."""
    waited = 0

    def poll() -> None:
        nonlocal waited
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            action(dialog)
            return
        waited += 20
        if waited < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
