"""The Track tab as an inspector uses it: drop a GPX on it, see the track, its stats and the map."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldkit import services
from fieldkit.store import Store
from fieldkit.ui.workers import wait_for_all
from tests.gps.test_gpx import GOOD
from tests.ui.conftest import when_modal


def _open_track_tab(make_window, demo_store: Store, status: str = "draft"):
    window = make_window(demo_store)
    inspection = next(r for r in services.all_inspections(demo_store) if r.status == status and r.site_code == "SDK")
    window._select(inspection.id)
    window.view.tabs.setCurrentWidget(window.view.track)
    return window, window.view.track, inspection


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_dropping_a_gpx_imports_it_and_shows_it_listed_and_on_the_map(qtbot, make_window, demo_store: Store, tmp_path):
    window, tab, inspection = _open_track_tab(make_window, demo_store)
    before = tab.table.rowCount()
    path = tmp_path / "crest-walk.gpx"
    path.write_text(GOOD)
    _drop(tab, [path])
    qtbot.waitUntil(lambda: tab.table.rowCount() == before + 2, timeout=10_000)  # a track and a route
    names = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert "Crest walk" in names and "Planned" in names
    row = names.index("Crest walk")
    assert tab.table.item(row, 1).text() == "3"  # points
    assert tab.table.item(row, 2).text() == "2"  # segments
    assert tab.table.item(row, 3).text().strip("\u2066\u2069") == "0.11 km"
    assert tab.table.item(row, 6).text() == "100%"  # inside the Saindak boundary
    track = next(t for t in services.tracks.list_tracks(demo_store, inspection.id) if t.name == "Crest walk")
    assert tab.map.track_item(track.id) is not None
    tab.map.finish_building()
    tab.map.fit_to_data()
    assert "Imported crest-walk.gpx" in window.statusBar().currentMessage()
    tab.window().grab().save(str(tmp_path / "track-tab.png"))


def test_a_broken_file_dropped_is_refused_with_the_reason(qtbot, make_window, demo_store: Store, tmp_path):
    _window, tab, inspection = _open_track_tab(make_window, demo_store)
    before = len(services.tracks.list_tracks(demo_store, inspection.id))
    bad = tmp_path / "evil.gpx"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]><gpx>&x;</gpx>')
    messages = []

    def read(box: QMessageBox) -> None:
        messages.append(box.text())
        box.close()

    when_modal(qtbot, read)
    _drop(tab, [bad])
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    wait_for_all()
    assert "evil.gpx was not imported" in messages[0] and "DOCTYPE" in messages[0]
    assert len(services.tracks.list_tracks(demo_store, inspection.id)) == before


def test_tracks_of_an_approved_inspection_cannot_be_added(qtbot, make_window, demo_store: Store):
    _window, tab, _inspection = _open_track_tab(make_window, demo_store, status="approved")
    assert not tab.import_button.isEnabled() and not tab.live.isVisibleTo(tab)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/x.gpx")])
    assert not tab._accepts(mime)


def test_live_logging_from_received_lines_stores_a_track(qtbot, make_window, demo_store: Store, corpus: Path):
    _window, tab, inspection = _open_track_tab(make_window, demo_store)
    before = len(services.tracks.list_tracks(demo_store, inspection.id))
    tab.live.source.setCurrentIndex(tab.live.source.count() - 1)  # playback
    assert tab.live.start_logging(playback_path=corpus / "nmea/NmeaParser/TrimbleR2SampleData.nmea")
    qtbot.waitUntil(lambda: not tab.live.logging, timeout=20_000)  # played to the end, then stopped
    assert "points stored" in tab.live.status.text()
    tracks = services.tracks.list_tracks(demo_store, inspection.id)
    assert len(tracks) == before + 1
    live = next(t for t in tracks if t.source == "nmea-live")
    assert live.points >= 1 and live.stats.get("segments") is not None
    assert tab.table.rowCount() == len(tracks)
    QApplication.processEvents()
