"""The sync part of the status bar: online dot, progress while a sync runs, last sync time, conflicts."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from fieldkit.sync.engine import SyncProgress
from fieldkit.sync.status import SyncStatus
from fieldkit.ui.sync_controller import SyncController
from fieldkit.ui.widgets import ltr

ONLINE_COLOUR = "#2e7d32"
OFFLINE_COLOUR = "#c62828"
UNKNOWN_COLOUR = "#9e9e9e"
MB = 1024 * 1024


def phase_label(phase: str) -> str:
    labels = {
        "login": QCoreApplication.translate("SyncBar", "Signing in"),
        "blobs": QCoreApplication.translate("SyncBar", "Uploading photos"),
        "push": QCoreApplication.translate("SyncBar", "Sending changes"),
        "pull": QCoreApplication.translate("SyncBar", "Receiving changes"),
        "download": QCoreApplication.translate("SyncBar", "Downloading photos"),
        "done": QCoreApplication.translate("SyncBar", "Finishing"),
    }
    return labels.get(phase, phase)


def progress_text(p: SyncProgress) -> str:
    """ "Sync: 120/300 records, 12.4/40.0 MB" (the parts that are known)."""
    parts = []
    if p.records_total:
        parts.append(
            QCoreApplication.translate("SyncBar", "{done}/{total} records").format(
                done=p.records_done, total=p.records_total
            )
        )
    elif p.records_done:
        parts.append(QCoreApplication.translate("SyncBar", "{done} records").format(done=p.records_done))
    if p.bytes_total:
        parts.append(
            QCoreApplication.translate("SyncBar", "{done}/{total} MB").format(
                done=f"{p.bytes_done / MB:.1f}", total=f"{p.bytes_total / MB:.1f}"
            )
        )
    if not parts:
        return QCoreApplication.translate("SyncBar", "Sync: {phase}…").format(phase=phase_label(p.phase))
    return QCoreApplication.translate("SyncBar", "Sync: {progress}").format(progress=ltr(", ".join(parts)))


def last_sync_text(when: datetime | None) -> str:
    if when is None:
        return QCoreApplication.translate("SyncBar", "Never synced")
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone()
    shown = local.strftime("%H:%M") if local.date() == datetime.now().date() else local.strftime("%Y-%m-%d %H:%M")
    return QCoreApplication.translate("SyncBar", "Last sync: {time}").format(time=ltr(shown))


class SyncStatusBar(QWidget):
    """Shows what the :class:`SyncController` reports; ``sync_action`` and ``conflicts_action`` are the
    window's actions, reused for the buttons so that shortcuts, enabling and text stay in one place."""

    def __init__(
        self, controller: SyncController, sync_action: QAction, conflicts_action: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.online = QLabel(self)
        self.online.setAccessibleName(self.tr("Connection"))
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(16)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel(self)
        self.progress_label.hide()
        self.last_sync = QLabel(self)
        self.problems = QLabel(self)
        self.problems.hide()
        self.conflicts_button = QToolButton(self)
        self.conflicts_button.setDefaultAction(conflicts_action)
        self.conflicts_button.setAutoRaise(True)
        self.sync_button = QToolButton(self)
        self.sync_button.setDefaultAction(sync_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(10)
        layout.addStretch(1)  # extra room the status bar gives goes to the left, not between the items
        for widget in (
            self.online,
            self.progress,
            self.progress_label,
            self.last_sync,
            self.problems,
            self.conflicts_button,
            self.sync_button,
        ):
            layout.addWidget(widget)

        controller.online_changed.connect(lambda _on: self.update_online())
        controller.signed_in_changed.connect(lambda _on: self.update_online())
        controller.status_changed.connect(self.show_status)
        controller.started.connect(self._started)
        controller.progress.connect(self.show_progress)
        controller.finished.connect(lambda _r: self._stopped())
        controller.failed.connect(self._failed)
        self.update_online()
        self.show_status(controller.status)

    def update_online(self) -> None:
        c = self.controller
        if not c.status.server or not c.signed_in():
            colour, text = UNKNOWN_COLOUR, self.tr("Not signed in")
        elif c.online is None:
            colour, text = UNKNOWN_COLOUR, self.tr("Checking…")
        elif c.online:
            colour, text = ONLINE_COLOUR, self.tr("Online")
        else:
            colour, text = OFFLINE_COLOUR, self.tr("Offline")
        self.online.setText(f'<span style="color:{colour}">●</span> {text}')
        self.online.setToolTip(c.status.server or "")
        self.online_text = text

    def show_status(self, status: SyncStatus) -> None:
        self.last_sync.setText(last_sync_text(status.last_sync_at))
        self.conflicts_button.setVisible(bool(status.conflicts))
        if status.rejected:
            self.problems.setText(self.tr("{count} refused").format(count=status.rejected))
            self.problems.setToolTip(self.tr("Changes the registry refused; they are sent again after you edit them."))
        self.problems.setVisible(bool(status.rejected))
        self.update_online()

    def _started(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.progress_label.setText(self.tr("Sync: starting…"))
        self.progress_label.show()

    def show_progress(self, p: SyncProgress) -> None:
        if p.bytes_total and p.phase in ("blobs", "download"):
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(1.0, p.bytes_done / p.bytes_total)))
        elif p.records_total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(1.0, p.records_done / p.records_total)))
        else:
            self.progress.setRange(0, 0)
        self.progress_label.setText(progress_text(p))
        self.progress_label.setToolTip(p.message or phase_label(p.phase))
        self.progress.setToolTip(phase_label(p.phase))

    def _stopped(self) -> None:
        self.progress.hide()
        self.progress_label.hide()

    def _failed(self, message: str) -> None:
        self._stopped()
        self.last_sync.setToolTip(message)
