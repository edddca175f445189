"""The Track tab: GPS tracks of an inspection (import by button or drag and drop), their statistics,
the offline map, and live logging from a receiver."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldkit import services
from fieldkit.errors import FieldKitError
from fieldkit.gps.mbtiles import MbtilesError
from fieldkit.services import InspectionDetail
from fieldkit.services.tracks import TrackSummary
from fieldkit.ui.live_gps import LiveGpsPanel
from fieldkit.ui.map_view import MapView
from fieldkit.ui.operations import Operations
from fieldkit.ui.photo_map import PHOTO_LAYER, PHOTO_STYLE, photo_points
from fieldkit.ui.photo_viewer import PhotoViewer
from fieldkit.ui.widgets import ltr
from fieldkit.ui.workers import run_with_progress

TRACK_SUFFIXES = (".gpx", ".nmea", ".log", ".txt")
BASEMAP_KEY = "map/basemap"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class TrackTab(QWidget):
    COLUMNS = 7

    def __init__(self, ops: Operations, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._settings = settings or QSettings()
        self._detail: InspectionDetail | None = None
        self._tracks: list[TrackSummary] = []
        self.setAcceptDrops(True)

        self.import_button = QPushButton(self.tr("&Import GPX/NMEA…"), self)
        self.import_button.setToolTip(self.tr("Or drop GPX files and NMEA logs on this tab (Ctrl+I)"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.basemap_button = QPushButton(self.tr("Basemap…"), self)
        self.basemap_button.setToolTip(self.tr("Open an MBTiles file (raster tiles) to show under the tracks"))
        self.fit_button = QPushButton(self.tr("Fit"), self)
        self.fit_button.setToolTip(self.tr("Show all tracks (F)"))
        self.coordinates = QLabel(self)
        self.coordinates.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Track"),
                self.tr("Points"),
                self.tr("Segments"),
                self.tr("Distance"),
                self.tr("Duration"),
                self.tr("Moving"),
                self.tr("On site"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Tracks"))
        self.map = MapView(self)
        self.live = LiveGpsPanel(ops, self)

        bar = QHBoxLayout()
        for button in (
            self.import_button,
            self.export_button,
            self.delete_button,
            self.basemap_button,
            self.fit_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.coordinates)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.map)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([130, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.live)

        self.import_button.clicked.connect(self.choose_files)
        self.export_button.clicked.connect(self.export_track)
        self.delete_button.clicked.connect(self.delete_track)
        self.basemap_button.clicked.connect(self.choose_basemap)
        self.fit_button.clicked.connect(self.map.fit_to_data)
        self.table.itemSelectionChanged.connect(self._selected)
        self.map.cursor_moved.connect(lambda lon, lat: self.coordinates.setText(f"{lat:.6f}, {lon:.6f}"))
        self.live.track_changed.connect(self.reload)
        self.photo_viewer: PhotoViewer | None = None
        self.map.point_clicked.connect(self._point_clicked)
        ops.changed.connect(self._photos_changed)
        QShortcut(QKeySequence("Ctrl+I"), self, self.choose_files)
        basemap = self._settings.value(BASEMAP_KEY)
        if basemap and Path(str(basemap)).exists():
            try:
                self.map.set_basemap(str(basemap))
            except MbtilesError:
                self._settings.remove(BASEMAP_KEY)

    # -- showing -----------------------------------------------------------------------------------

    def show_inspection(self, detail: InspectionDetail | None) -> None:
        changed = detail is None or self._detail is None or detail.id != self._detail.id
        if changed and self.live.logging:
            self.live.stop_logging()  # a log belongs to the inspection it was started for
        self._detail = detail
        editable = bool(detail and detail.editable)
        for button in (self.import_button, self.delete_button):
            button.setEnabled(editable)
        self.live.set_inspection(detail.id if detail else None, editable)
        if detail is None:
            self._tracks = []
            self.table.setRowCount(0)
            self.map.set_tracks([])
            self._show_photos()
            return
        site = services.get_site(self._ops.store, detail.site_code)
        self.map.set_sites([site])
        self.reload(fit=changed)

    def reload(self, fit: bool = False, select: str | None = None) -> None:
        if self._detail is None:
            return
        store = self._ops.store
        self._tracks = services.tracks.list_tracks(store, self._detail.id)
        self.table.setRowCount(len(self._tracks))
        for row, track in enumerate(self._tracks):
            share = track.stats.get("inside_share")
            values = [
                track.name or (self.tr("(unnamed route)") if track.kind == "route" else self.tr("(unnamed track)")),
                f"{track.points:,}",
                str(len(track.segments)),
                ltr(f"{track.distance_m / 1000:.2f} km"),
                _duration(track.stats.get("duration_s")),
                _duration(track.stats.get("moving_s")),
                "" if share is None else f"{share * 100:.0f}%",
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(self._tooltip(track))
                self.table.setItem(row, col, item)
        self.map.set_tracks(
            {"id": t.id, "name": t.name, "kind": t.kind, "segments": services.tracks.track_segments(store, t.id)}
            for t in self._tracks
        )
        self.map.set_waypoints(services.tracks.list_waypoints(store, self._detail.id))
        self._show_photos()
        self.export_button.setEnabled(bool(self._tracks))
        if select:
            rows = [i for i, t in enumerate(self._tracks) if t.id == select]
            if rows:
                self.table.selectRow(rows[0])
        if fit:
            self.map.fit_to_data()

    def _show_photos(self) -> None:
        """The inspection's positioned photos as a layer, with bearing cones where known."""
        rows = services.photos.list_photos(self._ops.store, self._detail.id) if self._detail else []
        self.map.add_point_layer(PHOTO_LAYER, photo_points(rows), PHOTO_STYLE)

    def _photos_changed(self, changes) -> None:
        if changes.touches("photos"):
            self._show_photos()

    def _point_clicked(self, layer: str, payload: object) -> None:
        if layer != PHOTO_LAYER or self._detail is None:
            return
        ids = [p.payload for p in photo_points(services.photos.list_photos(self._ops.store, self._detail.id))]
        if payload in ids:
            self.photo_viewer = PhotoViewer(
                self._ops,
                ids,
                ids.index(payload),
                editable=self._detail.editable,
                basemap=self._settings.value(BASEMAP_KEY) or None,
                parent=self,
            )
            self.photo_viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.photo_viewer.open()

    def _tooltip(self, track: TrackSummary) -> str:
        stats = track.stats
        lines = [
            self.tr("Elevation gain {gain:.0f} m, loss {loss:.0f} m").format(
                gain=stats.get("elevation_gain_m") or 0, loss=stats.get("elevation_loss_m") or 0
            ),
            self.tr("Source: {source}").format(source=track.source_name or track.source),
        ]
        if stats.get("inside_s") is not None:
            lines.append(self.tr("Time inside the site boundary: {time}").format(time=_duration(stats["inside_s"])))
        return "\n".join(lines)

    def _selected(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        track = self._tracks[min(rows)] if rows else None
        self.map.highlight_track(track.id if track else None)

    def selected_track(self) -> TrackSummary | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self._tracks[min(rows)] if rows else None

    def flush(self) -> None:
        """Nothing typed here; live points are written by the logger as they come."""

    # -- importing ---------------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self._detail is None or not self._detail.editable:
            return
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import GPS tracks"),
            "",
            self.tr("GPS files (*.gpx *.nmea *.log *.txt);;All files (*)"),
        )
        self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        if not paths or self._detail is None:
            return
        path, rest = paths[0], paths[1:]
        inspection_id = self._detail.id

        def done(result) -> None:
            self._ops.changed.emit(result.changes)
            self._ops.saved.emit()
            self.reload(fit=True, select=result.tracks[0].id if result.tracks else None)
            self.window().statusBar().showMessage(
                self.tr("Imported {name}: {tracks} track(s), {points} points, {waypoints} waypoint(s)").format(
                    name=path.name,
                    tracks=len(result.tracks),
                    points=sum(t.points for t in result.tracks),
                    waypoints=result.waypoints,
                ),
                8000,
            )
            self.import_files(rest)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, FieldKitError):
                raise exc
            QMessageBox.warning(self, self.tr("Not imported"), str(exc))
            self.import_files(rest)

        run_with_progress(
            self,
            self.tr("Importing {name}…").format(name=path.name),
            services.tracks.import_track_file,
            self._ops.store,
            path,
            inspection_id,
            on_done=done,
            on_error=failed,
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self._detail is not None and self._detail.editable:
            event.acceptProposedAction()
            self.import_files(paths)

    def _accepts(self, mime) -> bool:
        if self._detail is None or not self._detail.editable or not mime.hasUrls():
            return False
        return any(u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in TRACK_SUFFIXES for u in mime.urls())

    # -- other actions -----------------------------------------------------------------------------

    def export_track(self) -> None:
        track = self.selected_track() or (self._tracks[0] if self._tracks else None)
        if track is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export track"),
            f"{track.name or 'track'}.gpx",
            self.tr("GPX (*.gpx);;GeoJSON (*.geojson);;KML (*.kml);;CSV (*.csv)"),
        )
        if name:
            try:
                services.tracks.export_track(self._ops.store, track.id, Path(name))
            except FieldKitError as exc:
                QMessageBox.warning(self, self.tr("Not exported"), str(exc))

    def delete_track(self) -> None:
        track = self.selected_track()
        if track is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete track"),
            self.tr("Delete the track “{name}” ({points} points)?").format(name=track.name or "", points=track.points),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes and self._ops.run(
            services.tracks.delete_track, track.id, parent=self
        ):
            self.reload()

    def choose_basemap(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a basemap"), "", self.tr("MBTiles (*.mbtiles);;All files (*)")
        )
        if name:
            self.open_basemap(Path(name))

    def open_basemap(self, path: Path) -> bool:
        try:
            self.map.set_basemap(str(path))
        except MbtilesError as exc:
            QMessageBox.warning(self, self.tr("Basemap not opened"), str(exc))
            return False
        self._settings.setValue(BASEMAP_KEY, str(path))
        return True
