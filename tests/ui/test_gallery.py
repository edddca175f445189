"""The Photos tab as an inspector uses it: drop photos, look at them, caption and link them, fix the
camera clock, see them on the map, delete one."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from fieldkit import services
from fieldkit.errors import NotFoundError
from fieldkit.gps.geo import to_mercator
from fieldkit.store import Store
from fieldkit.ui.map_layers import PointItem
from fieldkit.ui.photo_dialogs import CameraClockDialog, ImportReportDialog
from fieldkit.ui.photo_map import PHOTO_LAYER, PlaceOnMapDialog
from fieldkit.ui.photo_model import PhotoListModel, TimeRole
from fieldkit.ui.workers import wait_for_all
from tests.ui.conftest import when_modal

COLOURS = ["#2f6f4f", "#8a5a2b", "#3b5b8c", "#7a3b6b", "#6b7a2f", "#2b6f7a"]


def make_jpeg(
    path: Path,
    text: str = "",
    *,
    size: tuple[int, int] = (640, 480),
    colour: str = "#2f6f4f",
    orientation: int | None = None,
    camera_time: str | None = None,
    offset: str | None = "+05:00",
    lat: float | None = None,
    lon: float | None = None,
    bearing: float | None = None,
    make: str = "Garmin",
    model: str = "Montana 700i",
) -> Path:
    """A JPEG as a camera writes it: pixels as the sensor saw them, EXIF saying how to turn them."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.polygon([(w / 2, 10), (w / 2 + 40, 70), (w / 2 - 40, 70)], fill="white")  # "up" when upright
    draw.rectangle([20, h - 70, w - 20, h - 20], outline="white", width=4)
    draw.text((34, h - 58), text, fill="white", font_size=28)
    if orientation == 6:  # the camera was turned: the sensor's picture is the upright one turned left
        image = image.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = make, model
    if orientation:
        exif[0x0112] = orientation
    if camera_time:
        details = exif.get_ifd(0x8769)
        details[0x9003] = camera_time
        if offset:
            details[0x9011] = offset
    if lat is not None or bearing is not None:
        gps = exif.get_ifd(0x8825)
        if lat is not None and lon is not None:
            gps[1], gps[3] = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
            gps[2], gps[4] = _dms(abs(lat)), _dms(abs(lon))
        if bearing is not None:
            gps[16], gps[17] = "T", float(bearing)
    image.save(path, "JPEG", exif=exif, quality=88)
    return path


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 3)


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


def _open(make_window, store: Store, site: str = "SDK", tab: str = "gallery"):
    window = make_window(store)
    window.resize(1280, 820)
    inspection = next(r for r in services.all_inspections(store) if r.status == "draft" and r.site_code == site)
    window._select(inspection.id)
    window.view.tabs.setCurrentWidget(getattr(window.view, tab))
    return window, getattr(window.view, tab), inspection


def _import(qtbot, tab, paths: list[Path], expected: int) -> list[str]:
    """Drop ``paths`` on the tab; the ids of the photos it added (the demo may have some already)."""
    before = set(tab.model.ids())
    _drop(tab, paths)
    qtbot.waitUntil(lambda: len(set(tab.model.ids()) - before) == expected, timeout=15_000)
    wait_for_all()
    return [i for i in tab.model.ids() if i not in before]


def _thumbnails_loaded(qtbot, tab) -> None:
    tab.grid.viewport().update()
    qtbot.waitUntil(lambda: all(tab.model.thumbnail(i) is not None for i in tab.model.ids()), timeout=10_000)


@pytest.fixture(autouse=True)
def _no_work_left_behind():
    yield
    wait_for_all()


@pytest.fixture
def photo_dir(tmp_path: Path) -> Path:
    path = tmp_path / "DCIM"
    path.mkdir()
    return path


def test_dropping_a_folder_shows_oriented_thumbnails_with_times_and_captions(
    qtbot, make_window, demo_store: Store, photo_dir: Path
):
    window, tab, inspection = _open(make_window, demo_store)
    captions = ["Haul road, dust suppression", "Crusher baghouse stack", "Sampler AQ-2 at the fence", "Stockpile"]
    for n, caption in enumerate(captions):
        make_jpeg(
            photo_dir / f"IMG_{n:04d}.JPG",
            caption.split(",")[0],
            colour=COLOURS[n],
            size=(480, 640) if n == 1 else (640, 480),  # the camera held upright for this one
            orientation=6 if n == 1 else 1,
            camera_time=f"2026:11:19 09:{10 + n:02d}:00",
        )
    assert tab.empty.isVisible()
    ids = _import(qtbot, tab, [photo_dir], 4)
    assert "Photos imported: 4, duplicates: 0, rejected: 0." in window.statusBar().currentMessage()
    assert tab.grid.isVisible() and not tab.empty.isVisible()
    _thumbnails_loaded(qtbot, tab)
    turned = tab.model.thumbnail(ids[1])
    assert turned.height() > turned.width()  # shown upright: EXIF orientation 6 applied
    assert turned.toImage().pixelColor(turned.width() // 2, 25).lightness() > 200  # the white "up" arrow on top
    upright = tab.model.thumbnail(ids[0])
    assert upright.width() > upright.height()
    assert tab.model.data(tab.model.index(0), TimeRole) == datetime(
        2026, 11, 19, 4, 10, tzinfo=UTC
    ).astimezone().strftime("%Y-%m-%d %H:%M")
    for photo_id, caption in zip(ids, captions, strict=True):
        services.photos.update_photo(demo_store, photo_id, caption=caption)
    tab.reload()
    assert [tab.model.data(tab.model.index(r)) for r in range(4)] == captions
    assert tab.summary.text() == "4 photo(s), 0 with a position"
    # The same folder again: nothing new.
    _drop(tab, [photo_dir])
    qtbot.waitUntil(lambda: "duplicates: 4" in window.statusBar().currentMessage(), timeout=15_000)
    assert len(services.photos.list_photos(demo_store, inspection.id)) == 4
    tab.grid.setFocus()
    tab.select([ids[2]])
    _thumbnails_loaded(qtbot, tab)
    qtbot.wait(50)
    window.grab().save("/tmp/gallery.png")


def test_rejected_files_are_listed_with_their_reasons(qtbot, make_window, demo_store: Store, photo_dir: Path):
    _window, tab, inspection = _open(make_window, demo_store)
    good = make_jpeg(photo_dir / "good.jpg", "good")
    bad = photo_dir / "notes.jpg"
    bad.write_text("not a photo at all")
    truncated = photo_dir / "cut.jpg"
    truncated.write_bytes(make_jpeg(photo_dir / "whole.jpg").read_bytes()[:2000])
    (photo_dir / "whole.jpg").unlink()
    seen: dict[str, str] = {}

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportReportDialog)
        seen["summary"] = dialog.summary.text()
        for row in range(dialog.rejected.topLevelItemCount()):
            entry = dialog.rejected.topLevelItem(row)
            seen[entry.text(0)] = entry.text(1)
        dialog.reject()

    when_modal(qtbot, read)
    _drop(tab, [good, bad, truncated])
    qtbot.waitUntil(lambda: "summary" in seen, timeout=15_000)
    assert seen["summary"] == "Photos imported: 1, duplicates: 0, rejected: 2."
    assert seen["notes.jpg"] == "not a JPEG, PNG or HEIC image"
    assert "truncated" in seen["cut.jpg"] or "cannot" in seen["cut.jpg"]
    assert [p.original_name for p in services.photos.list_photos(demo_store, inspection.id)] == ["good.jpg"]


def test_the_viewer_opens_on_enter_with_the_details_of_the_photo(qtbot, make_window, demo_store: Store, photo_dir):
    _window, tab, _inspection = _open(make_window, demo_store)
    path = make_jpeg(
        photo_dir / "DSC_0042.JPG",
        "AQ-2",
        camera_time="2026:11:19 10:05:30",
        lat=29.2633,
        lon=61.5717,
        bearing=135,
        make="NIKON CORPORATION",
        model="COOLPIX W300",
    )
    make_jpeg(photo_dir / "DSC_0043.JPG", "no GPS", colour=COLOURS[2], camera_time="2026:11:19 10:06:00")
    ids = _import(qtbot, tab, [photo_dir], 2)
    tab.grid.setFocus()
    tab.select([ids[0]])
    qtbot.keyClick(tab.grid, Qt.Key.Key_Return)
    viewer = tab.viewer
    assert viewer is not None and viewer.isVisible() and viewer.photo.id == ids[0]
    details = {k: label.text().replace("\u2066", "").replace("\u2069", "") for k, label in viewer.details.items()}
    local = datetime(2026, 11, 19, 5, 5, 30, tzinfo=UTC).astimezone()
    assert details["taken"].startswith(local.strftime("%Y-%m-%d %H:%M:%S"))
    assert details["name"] == "DSC_0042.JPG"
    assert details["camera"] == "NIKON CORPORATION COOLPIX W300"
    stored = services.photos.get_photo(tab._ops.store, ids[0])  # (the service records the size: see tests/photos)
    assert details["size"].startswith(f"{stored.width} × {stored.height} pixels · ")
    assert details["size"].endswith(("KB", "kB", "KiB"))
    assert details["position"] == "29.263300, 61.571700 — from the photo's GPS"
    assert details["bearing"] == "135° (SE)"
    sha = services.photos.get_photo(tab._ops.store, ids[0]).sha256
    assert details["sha256"] == sha[:12] and viewer.details["sha256"].toolTip() == sha
    qtbot.waitUntil(lambda: not viewer.is_loading(), timeout=10_000)
    assert viewer.canvas.item.pixmap().width() == 640 and not viewer.message.isVisible()
    viewer.grab().save("/tmp/photo-viewer.png")
    assert path.exists()
    # Right goes to the next photo, which has no position.
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Right)
    assert viewer.photo.id == ids[1]
    assert viewer.details["position"].text() == "no position" and viewer.details["bearing"].text() == "—"
    assert tab.selected_ids() == [ids[1]]
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Left)
    assert viewer.photo.id == ids[0]
    # Zoom with + and fit with F.
    qtbot.waitUntil(lambda: not viewer.is_loading(), timeout=10_000)
    fitted = viewer.canvas.zoom()
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Plus)
    assert viewer.canvas.zoom() == pytest.approx(fitted * 1.25) and not viewer.canvas.fitted
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_F)
    assert viewer.canvas.zoom() == pytest.approx(fitted) and viewer.canvas.fitted
    viewer.close()
    qtbot.waitUntil(lambda: tab.viewer is None)


def test_a_caption_is_saved_as_typed_and_shown_again(qtbot, make_window, demo_store: Store, photo_dir: Path):
    _window, tab, _inspection = _open(make_window, demo_store)
    make_jpeg(photo_dir / "a.jpg", "a")
    (photo_id,) = _import(qtbot, tab, [photo_dir], 1)
    viewer = tab.open_viewer(photo_id)
    qtbot.keyClicks(viewer.caption, "Seepage at the toe of the embankment")
    qtbot.waitUntil(
        lambda: services.photos.get_photo(demo_store, photo_id).caption == "Seepage at the toe of the embankment",
        timeout=3000,
    )
    assert tab.model.data(tab.model.index(0)) == "Seepage at the toe of the embankment"
    viewer.caption.setPlainText("Seepage at the toe, left abutment")  # closing saves what is pending
    viewer.close()
    assert services.photos.get_photo(demo_store, photo_id).caption == "Seepage at the toe, left abutment"
    qtbot.waitUntil(lambda: tab.viewer is None)
    again = tab.open_viewer(photo_id)
    assert again.caption.toPlainText() == "Seepage at the toe, left abutment"
    again.close()


def test_links_to_an_item_and_a_finding_persist_and_show_in_the_checklist(
    qtbot, make_window, demo_store: Store, photo_dir: Path
):
    window, tab, inspection = _open(make_window, demo_store)
    finding_id = services.create_finding(
        demo_store, inspection.id, title="Dust plume at the crusher", severity="high"
    ).created_id
    window.view.show_inspection(services.get_inspection(demo_store, inspection.id))
    make_jpeg(photo_dir / "a.jpg", "a")
    make_jpeg(photo_dir / "b.jpg", "b", colour=COLOURS[3])
    first, second = _import(qtbot, tab, [photo_dir], 2)
    viewer = tab.open_viewer(first)
    assert [viewer.item.itemData(i) for i in range(viewer.item.count())] == [None, "station_photos", "source_photos"]
    viewer.item.setCurrentIndex(viewer.item.findData("station_photos"))
    viewer.item.activated.emit(viewer.item.currentIndex())
    viewer.finding.setCurrentIndex(viewer.finding.findData(finding_id))
    viewer.finding.activated.emit(viewer.finding.currentIndex())
    viewer.close()
    row = services.photos.get_photo(demo_store, first)
    assert (row.item_id, row.finding_id) == ("station_photos", finding_id)
    again = tab.open_viewer(first)
    assert again.item.currentData() == "station_photos" and again.finding.currentData() == finding_id
    again.close()
    # The gallery filters by item and by finding; the checklist counts the item's photos.
    for data in ("item:station_photos", f"finding:{finding_id}"):
        tab.filter.setCurrentIndex(tab.filter.findData(data))
        tab.reload()
        assert tab.model.ids() == [first]
    tab.filter.setCurrentIndex(tab.filter.findData("unlinked"))
    tab.reload()
    assert tab.model.ids() == [second]
    checklist = window.view.checklist
    assert checklist.items["station_photos"].value_label.text() == "1 photo(s) linked"
    assert checklist.items["source_photos"].value_label.text() == "No photo attached yet"


def test_the_camera_clock_from_a_photo_of_the_gps_screen_retimes_and_replaces_photos(
    qtbot, make_window, demo_store: Store, photo_dir: Path
):
    # The DDR walk runs 2026-11-20 03:10-05:10 UTC, a fix every 2 s; the camera is 5 min 30 s slow.
    _window, tab, _inspection = _open(make_window, demo_store, site="DDR")
    make_jpeg(photo_dir / "1_outfall.jpg", "outfall", camera_time="2026:11:20 08:30:00")
    make_jpeg(photo_dir / "2_gps_screen.jpg", "GPS 08:45:30", colour="#222", camera_time="2026:11:20 08:40:00")
    outfall, screen = _import(qtbot, tab, [photo_dir], 2)
    before = services.photos.get_photo(demo_store, outfall)
    assert before.taken_at == datetime(2026, 11, 20, 3, 30, tzinfo=UTC) and before.position_source == "track"
    tab.select([screen])
    seen = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CameraClockDialog)
        d = dialog.gps_time.dateTime()
        seen["prefilled"] = (d.time().hour(), d.time().minute())
        dialog.gps_time.setTime(dialog.gps_time.time().addSecs(5 * 60 + 30))
        dialog.zone.setCurrentIndex(dialog.zone.findText("PKT (UTC+05:00)"))
        dialog.compute.click()
        seen["fields"] = (dialog.direction.currentData(), dialog.minutes.value(), dialog.seconds.value())
        seen["message"] = dialog.gps_message.text()
        dialog.accept()

    when_modal(qtbot, fill)
    assert tab.camera_clock()
    assert seen["prefilled"] == (8, 40)
    assert seen["fields"] == (1, 5, 30)
    assert seen["message"] == "The camera clock was 5 min 30 s behind the GPS."
    after = services.photos.get_photo(demo_store, outfall)
    assert after.taken_at == datetime(2026, 11, 20, 3, 35, 30, tzinfo=UTC)
    assert after.position_source == "track" and (after.latitude, after.longitude) != (before.latitude, before.longitude)
    # Opened again, the dialog shows the offset in force.
    when_modal(qtbot, lambda d: (seen.update(again=(d.minutes.value(), d.seconds.value())), d.reject()))
    assert not tab.camera_clock()
    assert seen["again"] == (5, 30)
    viewer = tab.open_viewer(outfall)
    assert viewer.details["position"].text().endswith("— from the track")
    viewer.close()


def test_positioned_photos_are_a_layer_on_the_track_map_and_a_click_opens_the_viewer(
    qtbot, make_window, demo_store: Store, photo_dir: Path
):
    window, tab, inspection = _open(make_window, demo_store, site="DDR")
    walk = services.tracks.track_segments(demo_store, services.tracks.list_tracks(demo_store, inspection.id)[0].id)[0]
    views = [("Outfall", 700, 40.0), ("Settling pond", 1500, 160.0), ("Sampling point SW-3", 2300, 250.0)]
    for n, (name, i, bearing) in enumerate(views):
        make_jpeg(photo_dir / f"P{n}.jpg", name, colour=COLOURS[n], lat=walk.lat[i], lon=walk.lon[i], bearing=bearing)
    # No GPS in this one, but a time on the walk: the track places it (no bearing).
    moment = datetime.fromtimestamp(walk.time[3000], UTC)
    make_jpeg(
        photo_dir / "P3.jpg",
        "Track",
        colour=COLOURS[3],
        camera_time=moment.strftime("%Y:%m:%d %H:%M:%S"),
        offset="+00:00",
    )
    make_jpeg(photo_dir / "P4.jpg", "Nowhere", colour=COLOURS[4])  # no time, no position
    added = _import(qtbot, tab, [photo_dir], 5)
    rows = {r.id: r for r in services.photos.list_photos(demo_store, inspection.id)}
    ids = sorted(added, key=lambda i: rows[i].original_name)  # P0 .. P4
    assert [rows[i].position_source for i in ids] == ["exif", "exif", "exif", "track", None]
    window.view.tabs.setCurrentWidget(window.view.track)
    track_tab = window.view.track
    markers = [i for i in track_tab.map.scene().items() if isinstance(i, PointItem) and i.layer == PHOTO_LAYER]
    assert sorted(m.point.payload for m in markers) == sorted(i for i in rows if rows[i].latitude is not None)
    ours = {m.point.payload: m.point.bearing for m in markers if m.point.payload in ids}
    assert ours == {ids[0]: 40.0, ids[1]: 160.0, ids[2]: 250.0, ids[3]: None}
    track_tab.map.finish_building()
    track_tab.map.fit_to_data()
    qtbot.wait(50)
    window.grab().save("/tmp/photo-map.png")
    marker = next(m for m in markers if m.point.payload == ids[1])
    clicked = []
    track_tab.map.point_clicked.connect(lambda layer, payload: clicked.append((layer, payload)))
    at = track_tab.map.mapFromScene(marker.pos())
    qtbot.mouseClick(track_tab.map.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert clicked == [(PHOTO_LAYER, ids[1])]
    viewer = track_tab.photo_viewer
    assert viewer is not None and viewer.isVisible() and viewer.photo.id == ids[1]
    viewer.close()
    # Placing the unplaced photo by hand adds it to the layer.
    services.photos.set_photo_position(demo_store, ids[4], walk.lat[100], walk.lon[100])
    track_tab._photos_changed(services.ChangeSet((services.Change("photos", ids[4], "updated"),)))
    markers = [i for i in track_tab.map.scene().items() if isinstance(i, PointItem) and i.layer == PHOTO_LAYER]
    assert ids[4] in {m.point.payload for m in markers}


def test_place_on_map_sets_the_position_with_a_click(qtbot, make_window, demo_store: Store, photo_dir: Path):
    _window, tab, _inspection = _open(make_window, demo_store)
    make_jpeg(photo_dir / "a.jpg", "a")
    (photo_id,) = _import(qtbot, tab, [photo_dir], 1)
    viewer = tab.open_viewer(photo_id)
    placed = {}

    def click(dialog: QDialog) -> None:
        assert isinstance(dialog, PlaceOnMapDialog)
        dialog.map.centre_on(29.2633, 61.5717)
        centre = dialog.map.viewport().rect().center()
        qtbot.mouseClick(dialog.map.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        placed["text"] = dialog.position.text()
        dialog.reject()

    when_modal(qtbot, click)
    viewer.place.click()
    row = services.photos.get_photo(demo_store, photo_id)
    assert row.position_source == "manual"
    assert (row.latitude, row.longitude) == pytest.approx((29.2633, 61.5717), abs=0.01)
    assert placed["text"].startswith("Position: ")
    assert viewer.details["position"].text().endswith("— placed by hand")
    viewer.close()
    assert to_mercator(row.longitude, row.latitude)  # a point the map can draw


def test_delete_asks_first_and_leaves_a_tombstone(qtbot, make_window, demo_store: Store, photo_dir: Path):
    window, tab, inspection = _open(make_window, demo_store)
    for n in range(3):
        make_jpeg(photo_dir / f"{n}.jpg", str(n), colour=COLOURS[n])
    ids = _import(qtbot, tab, [photo_dir], 3)
    tab.grid.setFocus()
    tab.select([ids[1]])
    asked = []

    def answer(button: QMessageBox.StandardButton):
        def act(box: QDialog) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            box.button(button).click()

        return act

    when_modal(qtbot, answer(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(tab.grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked[0] == "Delete the photo “1.jpg” from this inspection?"
    assert tab.model.ids() == ids
    when_modal(qtbot, answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(tab.grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: tab.model.ids() == [ids[0], ids[2]])
    with pytest.raises(NotFoundError):
        services.photos.get_photo(demo_store, ids[1])
    assert window.view.inspection_id == inspection.id  # the inspection itself was not deleted
    assert tab.selected_ids() == [ids[2]]


def test_a_missing_original_shows_the_thumbnail_and_says_so(qtbot, make_window, demo_store: Store, photo_dir: Path):
    _window, tab, _inspection = _open(make_window, demo_store)
    make_jpeg(photo_dir / "gone.jpg", "gone")
    (photo_id,) = _import(qtbot, tab, [photo_dir], 1)
    services.photos.original_path(demo_store, photo_id).unlink()
    viewer = tab.open_viewer(photo_id)
    assert viewer.message.isVisibleTo(viewer)
    assert "The original of gone.jpg is missing from the photo store" in viewer.message.text()
    assert not viewer.canvas.item.pixmap().isNull()  # the thumbnail instead
    viewer.close()


def test_photos_of_an_approved_inspection_cannot_be_changed(qtbot, make_window, demo_store: Store, photo_dir: Path):
    window = make_window(demo_store)
    inspection = next(r for r in services.all_inspections(demo_store) if r.status == "approved")
    make_jpeg(photo_dir / "a.jpg", "a")
    services.photos.import_photos(demo_store, [photo_dir], inspection.id)
    window._select(inspection.id)
    tab = window.view.gallery
    window.view.tabs.setCurrentWidget(tab)
    assert not tab.import_button.isEnabled() and not tab.clock_button.isEnabled()
    tab.select(tab.model.ids())
    assert not tab.delete_button.isEnabled() and not tab.delete_selected()
    viewer = tab.open_viewer()
    assert viewer.caption.isReadOnly() and not viewer.item.isEnabled() and not viewer.place.isEnabled()
    viewer.close()


def test_the_photo_model_passes_qt_model_checks(qtmodeltester, qtbot, demo_store: Store, photo_dir: Path):
    inspection = next(r for r in services.all_inspections(demo_store) if r.status == "draft")
    for n in range(5):
        make_jpeg(photo_dir / f"{n}.jpg", str(n), colour=COLOURS[n])
    services.photos.import_photos(demo_store, [photo_dir], inspection.id)
    model = PhotoListModel(demo_store)
    model.BATCH = 2
    model.set_photos(services.photos.list_photos(demo_store, inspection.id))
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    assert model.row_of(model.ids()[4]) == 4 and model.rowCount() == 5
    qtbot.waitUntil(lambda: not model.pending(), timeout=10_000)
    QApplication.processEvents()


def test_ctrl_i_on_the_photos_tab_imports_the_chosen_files(
    qtbot, make_window, demo_store: Store, photo_dir: Path, monkeypatch
):
    window, tab, inspection = _open(make_window, demo_store)
    tabs = window.view.tabs
    assert tabs.indexOf(tab) == tabs.indexOf(window.view.track) + 1 and tabs.tabText(tabs.indexOf(tab)) == "&Photos"
    path = make_jpeg(photo_dir / "chosen.jpg", "chosen")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(path)], "")))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.grid.setFocus()
    qtbot.keyClick(tab.grid, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(services.photos.list_photos(demo_store, inspection.id)) == 1, timeout=10_000)
    assert services.tracks.list_tracks(demo_store, inspection.id) == []  # the Track tab's Ctrl+I stayed quiet
