"""GPX import: the same as gpxpy on real files, all or nothing, and closed to XML attacks."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from pathlib import Path

import gpxpy
import pytest
from sqlalchemy import func, select

from fieldkit import services
from fieldkit.errors import ValidationError
from fieldkit.gps.collect import Collector
from fieldkit.gps.gpx import GpxError, parse_time, read_gpx
from fieldkit.store import Store
from fieldkit.store.models import Track, TrackChunk, Waypoint
from tests.helpers import run_cli


def _gpx_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "gpx").rglob("*.gpx"))


def _epoch(value: datetime | None) -> float | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()


def _same(a: float | None, b: float) -> bool:
    return (a is None and b != b) or (a is not None and b == b and math.isclose(a, b, rel_tol=0, abs_tol=1e-3))


def test_every_corpus_gpx_reads_as_gpxpy_reads_it(corpus: Path):
    files = _gpx_files(corpus)
    assert len(files) > 50
    compared = rejected = 0
    for path in files:
        try:
            reference = gpxpy.parse(path.read_text(encoding="utf-8", errors="replace"))
        except Exception:
            reference = None
        ours = Collector()
        try:
            read_gpx(path, ours)
        except GpxError as exc:
            assert reference is None, f"{path.name}: we refused a file gpxpy reads: {exc}"
            assert str(exc), path.name
            rejected += 1
            continue
        assert reference is not None, f"{path.name}: gpxpy refuses it, we read it"
        compared += 1
        for kind, theirs in (("track", reference.tracks), ("route", reference.routes)):
            mine = [t for t in ours.tracks if t.kind == kind]
            assert len(mine) == len(theirs), (path.name, kind)
            for ref_track, track in zip(theirs, mine, strict=True):
                ref_segments = [s.points for s in ref_track.segments] if kind == "track" else [ref_track.points]
                assert (ref_track.name or None) == track.name, path.name
                assert [len(s) for s in ref_segments] == [len(s) for s in track.segments], path.name
                for ref_points, segment in zip(ref_segments, track.segments, strict=True):
                    for ref, point in zip(ref_points, segment.points(), strict=True):
                        assert math.isclose(ref.latitude, point.lat, abs_tol=1e-9), path.name
                        assert math.isclose(ref.longitude, point.lon, abs_tol=1e-9), path.name
                        assert _same(ref.elevation, point.ele), (path.name, ref.elevation, point.ele)
                        assert _same(_epoch(ref.time), point.time), (path.name, ref.time, point.time)
        assert len(reference.waypoints) == len(ours.waypoints), path.name
    assert compared > 50 and rejected >= 2  # the corpus has files meant to be refused


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


GOOD = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="29.2640" lon="61.5720"><name>Decant tower</name><sym>Flag</sym></wpt>
<trk><name>Crest walk</name>
<trkseg>
<trkpt lat="29.2600" lon="61.5700"><ele>850</ele><time>2026-11-20T04:00:00Z</time><hdop>0.9</hdop></trkpt>
<trkpt lat="29.2610" lon="61.5700"><ele>853</ele><time>2026-11-20T04:01:00Z</time></trkpt>
</trkseg>
<trkseg>
<trkpt lat="29.2620" lon="61.5710"><ele>851</ele><time>2026-11-20T04:10:00Z</time></trkpt>
</trkseg>
</trk>
<rte><name>Planned</name><rtept lat="29.26" lon="61.57"/><rtept lat="29.27" lon="61.58"/></rte>
</gpx>
"""


def test_a_good_file_is_imported_with_segments_routes_waypoints_and_stats(demo_store: Store, tmp_path: Path):
    inspection = next(r for r in services.all_inspections(demo_store) if r.site_code == "SDK")
    result = services.tracks.import_track_file(demo_store, _write(tmp_path, "walk.gpx", GOOD), inspection.id)
    track, route = result.tracks
    assert (track.name, track.kind, track.points, track.segments) == ("Crest walk", "track", 3, [2, 1])
    assert (route.name, route.kind, route.points) == ("Planned", "route", 2)
    assert result.waypoints == 1
    assert track.distance_m == pytest.approx(110.86, abs=0.5)  # 0.001° of latitude at 29°N
    assert track.stats["duration_s"] == 60.0  # per segment, gaps between segments not counted
    assert track.stats["elevation_gain_m"] == 3.0
    assert track.stats["inside_share"] == 1.0  # the walk is inside the Saindak boundary
    assert track.started_at == datetime(2026, 11, 20, 4, 0, tzinfo=UTC)
    segments = services.tracks.track_segments(demo_store, track.id)
    assert [len(s) for s in segments] == [2, 1] and segments[0].hdop[0] == pytest.approx(0.9)
    assert [w["name"] for w in services.tracks.list_waypoints(demo_store, inspection.id)] == ["Decant tower"]


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Track, TrackChunk, Waypoint))


HOSTILE = {
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><gpx version="1.1"><trk><name>&c;</name></trk></gpx>',
        "DOCTYPE",
    ),
    "external entity": (
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<gpx version="1.1"><trk><name>&xxe;</name></trk></gpx>',
        "DOCTYPE",
    ),
    "external DTD": (
        '<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "http://example.invalid/gpx.dtd"><gpx version="1.1"></gpx>',
        "DOCTYPE",
    ),
    "undefined entity": ('<gpx version="1.1"><trk><name>&nope;</name></trk></gpx>', "undefined entity"),
    "truncated": (GOOD[: len(GOOD) // 2], "not well-formed XML"),
    "wrong kind of XML": ('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"></kml>', "not a GPX file"),
    "bad latitude": ('<gpx><trk><trkseg><trkpt lat="95" lon="61"/></trkseg></trk></gpx>', "outside -90..90"),
    "bad elevation": (
        '<gpx><trk><trkseg><trkpt lat="29" lon="61"><ele>undefined</ele></trkpt></trkseg></trk></gpx>',
        "<ele>undefined</ele> is not a number",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_broken_and_hostile_files_are_refused_and_nothing_is_stored(store: Store, tmp_path: Path, case: str):
    content, message = HOSTILE[case]
    path = _write(tmp_path, "x.gpx", content)
    before = _counts(store)
    with pytest.raises(ValidationError, match=message) as info:
        services.tracks.import_track_file(store, path)
    assert "x.gpx was not imported" in str(info.value)
    assert "root:" not in str(info.value)  # /etc/passwd was never read
    assert _counts(store) == before


def test_errors_say_on_which_line(tmp_path: Path):
    lines = GOOD.splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if 'lat="29.2610"' in line)
    lines[number - 1] = lines[number - 1].replace('lat="29.2610"', 'lat="north"')
    with pytest.raises(GpxError) as info:
        read_gpx(_write(tmp_path, "x.gpx", "\n".join(lines)), Collector())
    assert info.value.line == number and f"line {number}: lat='north' is not a number" in str(info.value)


def test_files_that_are_not_gps_data_are_refused(store: Store, tmp_path: Path):
    jpeg = _write(tmp_path, "photo.gpx", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    with pytest.raises(ValidationError, match="neither a GPX file nor an NMEA log"):
        services.tracks.import_track_file(store, jpeg)
    empty = _write(tmp_path, "empty.gpx", b"")
    with pytest.raises(ValidationError, match="is empty"):
        services.tracks.import_track_file(store, empty)


def test_a_file_over_the_size_limit_is_refused(store: Store, tmp_path: Path, monkeypatch):
    from fieldkit.gps import gpx

    monkeypatch.setattr(gpx, "MAX_BYTES", 2_000)
    path = _write(tmp_path, "big.gpx", GOOD + " " * 5_000)
    with pytest.raises(ValidationError, match="larger than"):
        services.tracks.import_track_file(store, path)
    assert _counts(store) == (0, 0, 0)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "iso-8859-1"])
def test_boms_and_declared_encodings(tmp_path: Path, encoding: str):
    text = GOOD.replace('encoding="UTF-8"', f'encoding="{encoding.replace("-sig", "").upper()}"')
    text = text.replace("Crest walk", "Crête walk")
    reader = Collector()
    read_gpx(_write(tmp_path, "x.gpx", text.encode(encoding)), reader)
    assert reader.tracks[0].name == "Crête walk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T04:00:00Z", datetime(2026, 11, 20, 4, 0, tzinfo=UTC)),
        ("2026-11-20T04:00:00.5Z", datetime(2026, 11, 20, 4, 0, 0, 500000, tzinfo=UTC)),
        ("2026-11-20T09:00:00+05:00", datetime(2026, 11, 20, 4, 0, tzinfo=UTC)),
        ("2026-11-20T04:00:00", datetime(2026, 11, 20, 4, 0, tzinfo=UTC)),  # no zone: UTC, as GPX says
        ("2026-11-20 04:00:00Z", datetime(2026, 11, 20, 4, 0, tzinfo=UTC)),
    ],
)
def test_times_in_the_forms_loggers_write(text: str, expected: datetime):
    assert parse_time(text) == expected.timestamp()


def test_an_unreadable_time_is_unknown_not_an_error():
    assert math.isnan(parse_time("yesterday")) and math.isnan(parse_time("2026-13-40T99:00:00Z"))


@pytest.mark.parametrize("suffix", [".gpx", ".geojson", ".kml", ".csv"])
def test_export_writes_every_point_by_suffix(store: Store, tmp_path: Path, suffix: str):
    result = services.tracks.import_track_file(store, _write(tmp_path, "walk.gpx", GOOD))
    track = result.tracks[0]
    out = services.tracks.export_track(store, track.id, tmp_path / f"out{suffix}")
    text = out.read_text(encoding="utf-8")
    if suffix == ".gpx":
        again = gpxpy.parse(text)
        assert [len(s.points) for s in again.tracks[0].segments] == [2, 1]
        assert again.tracks[0].segments[0].points[0].time == datetime(2026, 11, 20, 4, 0, tzinfo=UTC)
    elif suffix == ".geojson":
        feature = json.loads(text)["features"][0]
        assert [len(line) for line in feature["geometry"]["coordinates"]] == [2, 1]
    elif suffix == ".kml":
        assert text.count("<LineString>") == 2 and "61.5700000,29.2600000,850.00" in text
    else:
        assert len(text.strip().splitlines()) == 4 and text.startswith("segment,latitude")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []  # no temp files left


def test_export_refuses_an_unknown_suffix(store: Store, tmp_path: Path):
    track = services.tracks.import_track_file(store, _write(tmp_path, "w.gpx", GOOD)).tracks[0]
    with pytest.raises(ValidationError, match=r"Cannot export to '\.shp'"):
        services.tracks.export_track(store, track.id, tmp_path / "x.shp")


def test_cli_import_json_and_export(data_dir: Path, tmp_path: Path):
    path = _write(tmp_path, "walk.gpx", GOOD)
    result = run_cli("tracks", "import", str(path), "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["waypoints"] == 1
    assert [(t["name"], t["kind"], t["points"], t["segments"]) for t in data["tracks"]] == [
        ("Crest walk", "track", 3, [2, 1]),
        ("Planned", "route", 2, [2]),
    ]
    assert all(isinstance(t["distance_m"], float) and t["id"] for t in data["tracks"])
    out = tmp_path / "back.kml"
    exported = run_cli("tracks", "export", data["tracks"][0]["id"][:8], "-o", str(out), data_dir=data_dir)
    assert exported.returncode == 0 and out.exists()
    bad = run_cli(
        "tracks", "import", str(_write(tmp_path, "bad.gpx", HOSTILE["external entity"][0])), data_dir=data_dir
    )
    assert bad.returncode == 1 and "DOCTYPE" in bad.stderr and "Traceback" not in bad.stderr
