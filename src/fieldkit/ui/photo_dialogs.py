"""Dialogs of the Photos tab: what an import did, and the camera clock of an inspection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.errors import FieldKitError
from fieldkit.photos.metadata import parse_camera_time
from fieldkit.services.photos import PhotoImport, PhotoRow
from fieldkit.store import Store

PKT = timezone(timedelta(hours=5))
MAX_MINUTES = 366 * 24 * 60


def import_summary(result: PhotoImport) -> str:
    return QCoreApplication.translate(
        "ImportReportDialog", "Photos imported: {imported}, duplicates: {duplicates}, rejected: {rejected}."
    ).format(imported=result.count("imported"), duplicates=result.count("duplicate"), rejected=result.count("rejected"))


class ImportReportDialog(QDialog):
    """The counts of an import, and each rejected file with the reason."""

    def __init__(self, result: PhotoImport, cancelled: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo import"))
        self.summary = QLabel(import_summary(result), self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if cancelled:
            note = QLabel(self.tr("The import was cancelled: files after the last one listed were not imported."), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        self.rejected = QTreeWidget(self)
        self.rejected.setHeaderLabels([self.tr("File not imported"), self.tr("Reason")])
        self.rejected.setRootIsDecorated(False)
        self.rejected.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.rejected.header().setStretchLastSection(True)
        for r in result.results:
            if r.status == "rejected":
                entry = QTreeWidgetItem([Path(r.path).name, r.error or ""])
                entry.setToolTip(0, r.path)
                entry.setToolTip(1, r.error or "")
                self.rejected.addTopLevelItem(entry)
        self.rejected.setVisible(self.rejected.topLevelItemCount() > 0)
        layout.addWidget(self.rejected, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360 if self.rejected.isVisible() else 140)


class CameraClockDialog(QDialog):
    """The offset to add to the camera's times, typed or computed from a photo of the GPS screen.

    Built from data fetched before it opens (the current offset, the selected photo); the caller
    applies :meth:`offset_seconds` when it is accepted.
    """

    def __init__(
        self, store: Store, current_s: float | None, photo: PhotoRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._photo = photo
        self.setWindowTitle(self.tr("Camera clock"))
        intro = QLabel(
            self.tr(
                "Photos without their own GPS position are placed on the track by the time they were taken. "
                "If the camera's clock was wrong, give the difference: every photo of this inspection is "
                "re-timed and placed again."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.direction = QComboBox(self)
        self.direction.addItem(self.tr("behind (slow)"), 1)
        self.direction.addItem(self.tr("ahead (fast)"), -1)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.seconds = QSpinBox(self)
        self.seconds.setRange(0, 59)
        self.seconds.setSuffix(self.tr(" s"))
        for spin in (self.minutes, self.seconds):
            spin.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("The camera clock was"), self))
        row.addWidget(self.direction)
        row.addWidget(QLabel(self.tr("by"), self))
        row.addWidget(self.minutes)
        row.addWidget(self.seconds)
        row.addStretch(1)
        self.set_offset(current_s or 0)

        self.gps = QGroupBox(self.tr("From a photo of the GPS unit's screen"), self)
        self.photo_label = QLabel(self.gps)
        self.photo_label.setWordWrap(True)
        self.gps_time = QDateTimeEdit(self.gps)
        self.gps_time.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.gps_time.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.zone = QComboBox(self.gps)
        self.zone.addItem(self.tr("PKT (UTC+05:00)"), PKT)
        self.zone.addItem(self.tr("UTC"), UTC)
        self.compute = QPushButton(self.tr("C&ompute the difference"), self.gps)
        self.compute.clicked.connect(self.compute_offset)
        self.gps_message = QLabel(self.gps)
        self.gps_message.setWordWrap(True)
        form = QFormLayout(self.gps)
        form.addRow(self.photo_label)
        form.addRow(self.tr("Time on the GPS &screen:"), self.gps_time)
        form.addRow(self.tr("Its time &zone:"), self.zone)
        form.addRow(self.compute)
        form.addRow(self.gps_message)
        camera_time = parse_camera_time(photo.camera_time) if photo is not None else None
        if photo is None:
            self.photo_label.setText(self.tr("Select the photo of the GPS screen in the gallery first."))
        elif camera_time is None:
            self.photo_label.setText(
                self.tr("The selected photo, {name}, has no camera time.").format(name=photo.original_name or "")
            )
        else:
            self.photo_label.setText(
                self.tr(
                    "Selected photo: {name}; the camera's clock showed {time}. Type the time the GPS screen shows."
                ).format(name=photo.original_name or "", time=camera_time.strftime("%Y-%m-%d %H:%M:%S"))
            )
            self.gps_time.setDateTime(
                QDateTime(
                    QDate(camera_time.year, camera_time.month, camera_time.day),
                    QTime(camera_time.hour, camera_time.minute, camera_time.second),
                )
            )
        for widget in (self.gps_time, self.zone, self.compute):
            widget.setEnabled(camera_time is not None)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Re-time the photos"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.gps)
        layout.addWidget(buttons)

    def offset_seconds(self) -> float:
        """Seconds to add to the camera's times (positive when the camera was behind)."""
        return float(self.direction.currentData() * (self.minutes.value() * 60 + self.seconds.value()))

    def set_offset(self, seconds: float) -> None:
        total = round(abs(seconds))
        self.direction.setCurrentIndex(0 if seconds >= 0 else 1)
        self.minutes.setValue(min(total // 60, MAX_MINUTES))
        self.seconds.setValue(total % 60)

    def gps_moment(self) -> datetime:
        value = self.gps_time.dateTime()
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=self.zone.currentData())

    def compute_offset(self) -> bool:
        """Fill in the difference between the GPS screen's time and the camera's."""
        if self._photo is None:
            return False
        try:
            seconds = services.photos.offset_from_gps_photo(self._store, self._photo.id, self.gps_moment())
        except FieldKitError as exc:
            self.gps_message.setText(str(exc))
            return False
        self.set_offset(seconds)
        total = round(abs(seconds))
        text = (
            self.tr("The camera clock was {minutes} min {seconds} s behind the GPS.")
            if seconds >= 0
            else self.tr("The camera clock was {minutes} min {seconds} s ahead of the GPS.")
        )
        self.gps_message.setText(text.format(minutes=total // 60, seconds=total % 60))
        return True
