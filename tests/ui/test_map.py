"""The offline map widget, painted offscreen: basemap tiles, graticule, layers, navigation, speed."""

from __future__ import annotations

import json
import math
import random
import time
from array import array
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from fieldkit.gps.geo import EARTH_HALF, from_mercator, to_mercator
from fieldkit.gps.mbtiles import MbtilesError
from fieldkit.gps.points import Point, Segment
from fieldkit.ui.map_layers import PointStyle
from fieldkit.ui.map_painting import (
    BACKGROUND,
    format_latitude,
    format_length,
    format_longitude,
    graticule_spacing,
    scale_bar_length,
)
from fieldkit.ui.map_view import MapView
from tests.mbtiles_maker import image_bytes, make_mbtiles, tiles_around, xyz_tile

SAINDAK = (29.25, 61.55)
RED, GREEN, BLUE = (220, 30, 30), (30, 200, 60), (40, 60, 230)
WIDTH, HEIGHT = 640, 480


@pytest.fixture
def view(qtbot) -> MapView:
    widget = MapView()
    widget.resize(WIDTH, HEIGHT)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def grab(view: MapView) -> QImage:
    return view.grab().toImage()


def rgb(image: QImage, x: float, y: float) -> tuple[int, int, int]:
    c = image.pixelColor(round(x), round(y))
    return c.red(), c.green(), c.blue()


def close(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


def screen(view: MapView, lat: float, lon: float) -> QPointF:
    """Viewport pixel of (lat, lon)."""
    return view.viewportTransform().map(QPointF(*to_mercator(lon, lat)))


def mpp_for_zoom(zoom: float) -> float:
    """Metres per pixel at which 256-pixel tiles of ``zoom`` are drawn at their own size."""
    return 2 * EARTH_HALF / (256 * 2**zoom)


def line(lat: float, lon0: float, lon1: float, n: int = 50) -> tuple[list[float], list[float]]:
    return [lat] * n, [lon0 + (lon1 - lon0) * i / (n - 1) for i in range(n)]


# -- basemap ------------------------------------------------------------------------------------------


@pytest.fixture
def basemap(tmp_path: Path) -> Path:
    """Tiles around Saindak: red at zoom 5, green at 6, blue at 7, as PNG."""
    tiles = tiles_around(*SAINDAK, [5, 6, 7], {5: RED, 6: GREEN, 7: BLUE})
    return make_mbtiles(tmp_path / "saindak.mbtiles", tiles, {"name": "Saindak", "format": "png"})


def test_basemap_tiles_are_drawn_at_the_zoom_that_matches_the_scale(view: MapView, basemap: Path):
    info = view.set_basemap(basemap)
    assert info is not None and info.name == "Saindak" and view.basemap() == info
    view.centre_on(*SAINDAK)
    for zoom, color in ((6, GREEN), (7, BLUE), (5, RED)):
        view.set_metres_per_pixel(mpp_for_zoom(zoom))
        assert close(rgb(grab(view), WIDTH / 2, HEIGHT / 2), color), zoom


def test_past_the_deepest_level_its_tiles_are_scaled_up(view: MapView, basemap: Path):
    view.set_basemap(basemap)
    view.centre_on(*SAINDAK)
    view.set_metres_per_pixel(5.0)  # zoom 15 would match
    assert close(rgb(grab(view), WIDTH / 2, HEIGHT / 2), BLUE)
    view.set_metres_per_pixel(mpp_for_zoom(3))  # shallower than the file: zoom 5 scaled down
    assert close(rgb(grab(view), WIDTH / 2, HEIGHT / 2), RED)


def test_a_missing_tile_is_filled_from_its_parent(view: MapView, tmp_path: Path):
    tiles = tiles_around(*SAINDAK, [6, 7], {6: GREEN, 7: BLUE})
    del tiles[(7, *xyz_tile(*SAINDAK, 7))]
    view.set_basemap(make_mbtiles(tmp_path / "holes.mbtiles", tiles))
    view.centre_on(*SAINDAK)
    view.set_metres_per_pixel(mpp_for_zoom(7))
    image = grab(view)
    at = screen(view, *SAINDAK)
    assert close(rgb(image, at.x(), at.y()), GREEN)
    assert close(rgb(image, at.x() + 300, at.y()), BLUE)


def test_jpeg_tiles_render(view: MapView, tmp_path: Path):
    tiles = tiles_around(*SAINDAK, [6], {6: (200, 120, 40)}, fmt="JPEG")
    view.set_basemap(make_mbtiles(tmp_path / "j.mbtiles", tiles, {"format": "jpg"}))
    view.centre_on(*SAINDAK)
    view.set_metres_per_pixel(mpp_for_zoom(6))
    assert close(rgb(grab(view), WIDTH / 2, HEIGHT / 2), (200, 120, 40), tolerance=8)


def test_a_refused_basemap_leaves_the_previous_one(view: MapView, basemap: Path, tmp_path: Path, corpus: Path):
    view.set_basemap(basemap)
    with pytest.raises(MbtilesError, match="vector MBTiles cannot be shown"):
        view.set_basemap(corpus / "mbtiles/mbtileserver/world_cities.mbtiles")
    not_mbtiles = tmp_path / "photo.mbtiles"
    not_mbtiles.write_bytes(image_bytes((0, 0, 0)))
    with pytest.raises(MbtilesError, match=r"photo\.mbtiles is not an MBTiles file"):
        view.set_basemap(not_mbtiles)
    assert view.basemap() is not None and view.basemap().name == "Saindak"
    view.centre_on(*SAINDAK)
    view.set_metres_per_pixel(mpp_for_zoom(6))
    assert close(rgb(grab(view), WIDTH / 2, HEIGHT / 2), GREEN)
    assert view.set_basemap(None) is None and view.basemap() is None


@pytest.mark.parametrize(
    "name",
    [
        "mbtileserver/geography-class-png.mbtiles",
        "mbtileserver/geography-class-jpg.mbtiles",
        "node-mbtiles/plain_3.mbtiles",
        "node-mbtiles/corrupt_null_tile.mbtiles",
        "node-mbtiles/some-empty-tiles.mbtiles",
    ],
)
def test_corpus_basemaps_render_without_crashing(view: MapView, corpus: Path, name: str):
    view.set_basemap(corpus / "mbtiles" / name)
    view.fit_to_data()  # nothing else on the map: the basemap's extent
    image = grab(view)
    assert view._tiles.last_tiles > 0
    if "some-empty-tiles" in name:
        return  # an overlay: transparent but for a few countries
    background = (BACKGROUND.red(), BACKGROUND.green(), BACKGROUND.blue())
    samples = [rgb(image, x, y) for x in range(20, WIDTH - 20, 40) for y in range(60, HEIGHT - 60, 40)]
    assert sum(1 for s in samples if s != background) > len(samples) / 3


# -- graticule, scale bar -------------------------------------------------------------------------------


def _grid_lines(image: QImage, vertical: bool) -> int:
    """Rows or columns of the middle of the image that are mostly not background (grid lines)."""
    background = BACKGROUND.rgb()
    count = 0
    outer = range(60, WIDTH - 60) if vertical else range(60, HEIGHT - 60)
    inner = range(80, HEIGHT - 80, 4) if vertical else range(80, WIDTH - 80, 4)
    for a in outer:
        hits = sum(1 for b in inner if (image.pixel(a, b) if vertical else image.pixel(b, a)) != background)
        if hits > 0.9 * len(inner):
            count += 1
    return count


def test_without_basemap_a_graticule_is_drawn(view: MapView):
    view.centre_on(*SAINDAK)
    view.set_metres_per_pixel(20.0)
    image = grab(view)
    assert _grid_lines(image, vertical=True) >= 2
    assert _grid_lines(image, vertical=False) >= 2
    view.set_basemap(None)
    assert _grid_lines(grab(view), vertical=True) >= 2


def test_graticule_spacing_follows_the_zoom_and_labels_read_in_degrees():
    coarse = graticule_spacing(1 / 5000)
    fine = graticule_spacing(1 / 5)
    assert fine < coarse
    assert 0.0005 <= fine <= 0.01 and 1 <= coarse <= 10
    assert format_longitude(61.25, 0.05) == "61.25°E"
    assert format_longitude(-3.5, 0.5) == "3.5°W"
    assert format_latitude(29.0, 1) == "29°N"
    assert format_latitude(-0.0000001, 0.01) == "0.00°"


def test_scale_bar_uses_round_lengths():
    assert scale_bar_length(0.1) == 10  # 100 px
    assert scale_bar_length(1.0) == 100
    assert scale_bar_length(3.0) == 200
    assert scale_bar_length(500.0) == 50_000
    assert scale_bar_length(700.0) == 50_000
    assert format_length(50) == "50 m" and format_length(2000) == "2 km" and format_length(100_000) == "100 km"


# -- tracks, sites, points -------------------------------------------------------------------------------


def test_fit_to_data_shows_the_whole_track(view: MapView):
    lats, lons = line(24.80, 70.30, 70.45)
    lats2, lons2 = [24.75, 24.85], [70.40, 70.40]
    view.set_tracks([{"id": "t", "name": "Thar", "kind": "track", "segments": [(lats, lons), (lats2, lons2)]}])
    view.fit_to_data()
    west, south, east, north = view.visible_bounds()
    assert west < 70.30 and east > 70.45 and south < 24.75 and north > 24.85
    # ... and fills the view rather than floating in it.
    assert (70.45 - 70.30) / (east - west) > 0.6 or (0.10 / (north - south)) > 0.6


def test_segments_of_a_track_are_not_joined(view: MapView):
    first, second = line(29.0, 61.40, 61.45), line(29.0, 61.55, 61.60)
    view.set_tracks([{"id": "t", "name": "gap", "kind": "track", "segments": [first, second]}])
    view.fit_to_data()
    image = grab(view)
    color = view.track_item("t").color
    on_track = screen(view, 29.0, 61.425)
    in_gap = screen(view, 29.0, 61.50)
    assert close(rgb(image, on_track.x(), on_track.y()), (color.red(), color.green(), color.blue()), 40)
    assert rgb(image, in_gap.x(), in_gap.y()) == (BACKGROUND.red(), BACKGROUND.green(), BACKGROUND.blue())


def test_tracks_accept_segment_objects_and_highlight(view: MapView):
    segment = Segment()
    for lat, lon in zip(*line(29.0, 61.40, 61.60), strict=True):
        segment.append(Point(lat, lon))
    view.set_tracks([{"id": "a", "name": "walk", "kind": "track", "segments": [segment]}])
    view.fit_to_data()
    above = screen(view, 29.0, 61.5) + QPointF(0, -3)
    plain = rgb(grab(view), above.x(), above.y())
    view.highlight_track("a")
    assert view.track_item("a").highlighted
    lit = rgb(grab(view), above.x(), above.y())
    assert lit != plain and close(lit, (255, 235, 59), 40)  # the yellow halo
    view.highlight_track(None)
    assert not view.track_item("a").highlighted


def test_hidden_layers_are_not_drawn_and_not_fitted(view: MapView, basemap: Path):
    view.set_basemap(basemap)
    view.set_tracks([{"id": "t", "name": "", "kind": "track", "segments": [line(29.25, 61.50, 61.60)]}])
    view.set_waypoints([(30.0, 62.0, "far away")])
    view.layer_visible("waypoints", False)
    view.fit_to_data()
    _w, _s, east, _n = view.visible_bounds()
    assert east < 62.0  # the hidden waypoint is left out of the fit
    on_track = screen(view, 29.25, 61.55)
    color = view.track_item("t").color
    assert close(rgb(grab(view), on_track.x(), on_track.y()), (color.red(), color.green(), color.blue()), 40)
    view.layer_visible("tracks", False)
    view.layer_visible("basemap", False)
    image = grab(view)
    assert not close(rgb(image, on_track.x(), on_track.y()), (color.red(), color.green(), color.blue()), 40)
    assert _grid_lines(image, vertical=True) >= 1  # no basemap shown: the graticule instead
    view.set_tracks([{"id": "u", "name": "", "kind": "track", "segments": [line(29.2, 61.5, 61.6)]}])
    assert not view.track_item("u").isVisible()


def test_zooming_draws_tracks_in_draft_until_it_settles(view: MapView, qtbot):
    view.set_tracks([{"id": "t", "name": "", "kind": "track", "segments": [line(29.0, 61.4, 61.6)]}])
    view.fit_to_data()
    view.zoom_in()
    item = view.track_item("t")
    assert item.draft
    qtbot.waitUntil(lambda: not item.draft, timeout=2000)


def test_sites_are_outlined_and_bad_boundaries_skipped(view: MapView):
    square = [[61.5, 29.2], [61.6, 29.2], [61.6, 29.3], [61.5, 29.3], [61.5, 29.2]]
    twin = [[[[62.0, 29.0], [62.1, 29.0], [62.1, 29.1], [62.0, 29.0]]], [[[62.2, 29.0], [62.3, 29.0], [62.3, 29.1]]]]
    view.set_sites(
        [
            {"code": "SDK", "name": "Saindak", "boundary": {"type": "Polygon", "coordinates": [square]}},
            {"code": "RKD", "name": "Reko Diq", "boundary": json.dumps({"type": "MultiPolygon", "coordinates": twin})},
            {"code": "BAD", "name": "Broken", "boundary": {"type": "Point", "coordinates": [61, 29]}},
            {"code": "NONE", "name": "No boundary", "boundary": None},
        ]
    )
    assert [s.code for s in view._sites] == ["SDK", "RKD"]
    view.fit_to_data()
    west, south, east, north = view.visible_bounds()
    assert west < 61.5 and east > 62.3 and south < 29.0 and north > 29.3
    edge = screen(view, 29.25, 61.5)
    assert rgb(grab(view), edge.x(), edge.y()) != (BACKGROUND.red(), BACKGROUND.green(), BACKGROUND.blue())


def test_point_layer_shows_points_and_reports_clicks(view: MapView, qtbot):
    style = PointStyle(color="#00c853", shape="square", size=14, labels=True)
    view.add_point_layer("photos", [(29.0, 61.5, "IMG_0001", 135.0, {"photo": 1}), (29.01, 61.52, "IMG_0002")], style)
    view.centre_on(29.0, 61.5)
    view.set_metres_per_pixel(5.0)
    at = screen(view, 29.0, 61.5)
    assert close(rgb(grab(view), at.x() + 2, at.y() + 2), (0x00, 0xC8, 0x53), 20)
    with qtbot.waitSignal(view.point_clicked, timeout=1000) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at.toPoint())
    assert clicked.args == ["photos", {"photo": 1}]

    view.set_point_layer("photos", [(29.0, 61.5, "moved", None, "again")])
    with qtbot.waitSignal(view.point_clicked, timeout=1000) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at.toPoint())
    assert clicked.args == ["photos", "again"]

    view.layer_visible("photos", False)
    assert not view.is_layer_visible("photos")
    assert not close(rgb(grab(view), at.x() + 2, at.y() + 2), (0x00, 0xC8, 0x53), 20)
    with qtbot.assertNotEmitted(view.point_clicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at.toPoint())


def test_waypoints_are_a_point_layer(view: MapView, qtbot):
    waypoint = {"lat": 29.0, "lon": 61.5, "name": "WP1 sump"}
    view.set_waypoints([waypoint, (29.1, 61.6, "WP2")])
    assert "waypoints" in view.point_layers()
    view.centre_on(29.0, 61.5)
    at = screen(view, 29.0, 61.5).toPoint()
    with qtbot.waitSignal(view.point_clicked, timeout=1000) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert clicked.args == ["waypoints", waypoint]


# -- navigation ----------------------------------------------------------------------------------------


def test_keys_and_wheel_change_the_scale(view: MapView, qtbot):
    view.set_tracks([{"id": "t", "name": "", "kind": "track", "segments": [line(29.0, 61.4, 61.6)]}])
    view.fit_to_data()
    fitted = view.metres_per_pixel()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.metres_per_pixel() == pytest.approx(fitted / 2)
    qtbot.keyClick(view, Qt.Key.Key_Equal)
    assert view.metres_per_pixel() == pytest.approx(fitted / 4)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.metres_per_pixel() == pytest.approx(fitted / 2)
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.metres_per_pixel() == pytest.approx(fitted)

    # The wheel zooms around the cursor: the place under it stays under it.
    pos = QPointF(100, 120)
    before = view.viewportTransform().inverted()[0].map(pos)
    wheel(view, pos, 240)
    assert view.metres_per_pixel() < fitted * 0.6
    after = view.viewportTransform().inverted()[0].map(pos)
    assert math.hypot(after.x() - before.x(), after.y() - before.y()) < 2 * view.metres_per_pixel()
    wheel(view, pos, -480)
    assert view.metres_per_pixel() > fitted * 1.5


def wheel(view: MapView, pos: QPointF, delta: int) -> None:
    event = QWheelEvent(
        pos,
        view.viewport().mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_zoom_stops_at_the_limits(view: MapView):
    for _ in range(40):
        view.zoom_in()
    assert view.metres_per_pixel() == pytest.approx(0.1)
    for _ in range(60):
        view.zoom_out()
    west, _s, east, _n = view.visible_bounds()
    assert east - west >= 359  # the whole world, no further
    assert view.metres_per_pixel() < 2 * EARTH_HALF / min(WIDTH, HEIGHT) * 1.01


def test_arrow_keys_and_dragging_pan(view: MapView, qtbot):
    view.centre_on(*SAINDAK)
    view.set_metres_per_pixel(10.0)
    lat0, lon0 = view.centre()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.centre()[1] > lon0
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.centre()[0] > lat0
    view.centre_on(*SAINDAK)
    x0, y0 = to_mercator(SAINDAK[1], SAINDAK[0])
    drag(view, QPointF(300, 200), QPointF(200, 250))  # content follows the mouse: 100 px left, 50 down
    x1, y1 = to_mercator(view.centre()[1], view.centre()[0])
    assert (x1 - x0) == pytest.approx(100 * 10.0, abs=15) and (y1 - y0) == pytest.approx(50 * 10.0, abs=15)


def drag(view: MapView, start: QPointF, end: QPointF) -> None:
    vp = view.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    press = QMouseEvent(QMouseEvent.Type.MouseButtonPress, start, vp.mapToGlobal(start), left, left, mods)
    QApplication.sendEvent(vp, press)
    for i in range(1, 6):
        p = start + (end - start) * (i / 5)
        QApplication.sendEvent(vp, QMouseEvent(QMouseEvent.Type.MouseMove, p, vp.mapToGlobal(p), none, left, mods))
    release = QMouseEvent(QMouseEvent.Type.MouseButtonRelease, end, vp.mapToGlobal(end), left, none, mods)
    QApplication.sendEvent(vp, release)


def test_cursor_moved_reports_the_position_under_the_mouse(view: MapView, qtbot):
    view.centre_on(*SAINDAK)
    view.set_metres_per_pixel(10.0)
    middle = QPointF(WIDTH / 2, HEIGHT / 2)
    cx, cy = to_mercator(view.centre()[1], view.centre()[0])
    pos = middle + QPointF(100, -50)
    vp = view.viewport()
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        pos,
        vp.mapToGlobal(pos),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(view.cursor_moved, timeout=1000) as moved:
        QApplication.sendEvent(vp, move)
    lon, lat = moved.args
    expected_lon, expected_lat = from_mercator(cx + 100 * 10.0, cy + 50 * 10.0)
    assert lon == pytest.approx(expected_lon, abs=1e-4) and lat == pytest.approx(expected_lat, abs=1e-4)


def test_centre_on_moves_the_map(view: MapView):
    view.set_metres_per_pixel(10.0)
    view.centre_on(24.8, 70.4)
    lat, lon = view.centre()
    # To the pixel: the view scrolls in whole pixels (10 m here, about 1e-4 degrees).
    assert lat == pytest.approx(24.8, abs=1e-4) and lon == pytest.approx(70.4, abs=1e-4)


def test_dense_tracks_drawn_through_tiles_look_the_same_and_survive_panning(view: MapView, monkeypatch):
    from fieldkit.ui import map_tracks

    segment = million_point_track(40_000, turn=0.3)
    view.set_tracks([{"id": "d", "name": "dense", "kind": "track", "segments": [segment]}])
    view.finish_building()
    view.fit_to_data()
    view.set_metres_per_pixel(view.metres_per_pixel() / 3)
    tiled = grab(view)
    item = view.track_item("d")
    assert item.last_elements > map_tracks.DIRECT_DRAW_POINTS and item.last_rendered > 0
    # Panned away and back: every tile comes from the cache and nothing moved.
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
        view.keyPressEvent(_key(key))
        grab(view)
    assert grab(view) == tiled and item.last_rendered == 0
    monkeypatch.setattr(map_tracks, "DIRECT_DRAW_POINTS", 10**9)
    direct = grab(view)
    # Only 8-bit rounding differs (the halo and line are blended in the tile, then onto the map).
    worst = max(
        max(abs(a - b) for a, b in zip(rgb(tiled, x, y), rgb(direct, x, y), strict=True))
        for y in range(0, HEIGHT, 2)
        for x in range(0, WIDTH, 2)
    )
    assert worst <= 2


def _key(key: Qt.Key):
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


# -- a million points ----------------------------------------------------------------------------------


def million_point_track(n: int = 1_000_000, turn: float = 0.05) -> Segment:
    """Eleven and a half days of 1 Hz logging: a wander with GPS noise (``turn``: how much the
    heading changes per step, in radians; more turning packs the track into a smaller area)."""
    rng = random.Random(11)
    lat, lon, heading = 29.2, 61.5, 0.0
    lats, lons = array("d"), array("d")
    gauss = rng.gauss
    for _ in range(n):
        heading += gauss(0, turn)
        lat += (math.cos(heading) * 1.4 + gauss(0, 0.5)) / 111_320
        lon += (math.sin(heading) * 1.4 + gauss(0, 0.5)) / 97_000
        lats.append(lat)
        lons.append(lon)
    segment = Segment()
    segment.lat, segment.lon = lats, lons
    return segment


@pytest.mark.slow
def test_a_million_point_track_draws_few_elements_when_zoomed_out(view: MapView, qtbot, record_property):
    segment = million_point_track()
    started = time.perf_counter()
    view.set_tracks([{"id": "big", "name": "big", "kind": "track", "segments": [segment]}])
    returned = time.perf_counter() - started
    view.fit_to_data()
    item = view.track_item("big")
    grab(view)
    assert 0 < item.last_elements <= 25_000  # the preview, while the levels are built
    with qtbot.waitSignal(view.tracks_ready, timeout=180_000):
        pass
    built = time.perf_counter() - started
    started = time.perf_counter()
    image = grab(view)
    painted = time.perf_counter() - started
    record_property("set_tracks_s", round(returned, 3))
    record_property("levels_built_s", round(built, 2))
    record_property("fit_paint_s", round(painted, 3))
    record_property("fit_elements", item.last_elements)
    record_property("fit_rendered", item.last_rendered)
    print(
        f"\n1M points: set_tracks {returned:.3f} s, levels ready {built:.1f} s, "
        f"paint at fit {painted:.3f} s with {item.last_elements} elements at {view.metres_per_pixel():.0f} m/px"
    )
    assert 0 < item.last_elements < 20_000
    assert item.last_tolerance and item.last_tolerance > 0
    background = BACKGROUND.rgb()
    assert any(image.pixel(x, HEIGHT // 2) != background for x in range(WIDTH))

    # Zoomed in close: full resolution, but only the few chunks in view.
    view.centre_on(segment.lat[500_000], segment.lon[500_000])
    view.set_metres_per_pixel(0.5)
    grab(view)
    assert item.last_tolerance == 0.0
    assert 0 < item.last_elements < 20_000
    # Set again (an unrelated refresh): the levels are kept, not rebuilt.
    started = time.perf_counter()
    view.set_tracks([{"id": "big", "name": "big", "kind": "track", "segments": [segment]}])
    assert not view.is_building() and view.track_item("big").levels is item.levels
    print(f"1M points set again: {time.perf_counter() - started:.3f} s")
