"""One way to run long work off the GUI thread: a pooled task with progress, cancel, result or error.

Core functions take ``progress(share)`` and ``cancelled()`` callables; :class:`Task` adapts them to
Qt signals delivered on the GUI thread. :func:`run_with_progress` shows a progress dialog with
Cancel only when the work takes longer than a moment, as users expect.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger("fieldkit.ui")
SHOW_AFTER_MS = 400


class _Signals(QObject):
    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Runs ``func(*args, progress=..., cancelled=..., **kwargs)`` on the pool."""

    def __init__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self._func, self._args, self._kwargs = func, args, kwargs
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._func(
                *self._args, progress=self.signals.progress.emit, cancelled=self._cancel.is_set, **self._kwargs
            )
        except Exception as exc:  # handed to the GUI thread, which shows or re-raises it
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[Task] = set()


def run_with_progress(
    parent: QWidget,
    label: str,
    func: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    **kwargs: Any,
) -> Task:
    """Start ``func`` on the pool; a modal progress dialog with Cancel appears after a moment."""
    task = Task(func, *args, **kwargs)
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Cancel"), 0, 1000, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    dialog.canceled.connect(task.cancel)
    parent.setCursor(Qt.CursorShape.BusyCursor)

    def finish() -> None:
        _running.discard(task)
        parent.unsetCursor()
        dialog.canceled.disconnect(task.cancel)  # closing the dialog is not the user cancelling
        dialog.close()
        dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        on_done(result)

    def failed(exc: Exception) -> None:
        finish()
        on_error(exc)

    task.signals.progress.connect(lambda share: dialog.setValue(int(share * 1000)))
    task.signals.finished.connect(done)
    task.signals.failed.connect(failed)
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    QTimer.singleShot(0, lambda: None)
    return task


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Wait for running tasks (at exit, and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
