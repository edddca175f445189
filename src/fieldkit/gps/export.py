"""Writing a track out: GPX (with gpxpy), GeoJSON, KML and CSV, chosen by the file suffix."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from typing import Any, TextIO
from xml.sax.saxutils import escape

from fieldkit.gps.points import Segment

FORMATS = (".gpx", ".geojson", ".json", ".kml", ".csv")


def _iso(epoch: float) -> str | None:
    return None if epoch != epoch else datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")


def write_gpx(fh: TextIO, name: str | None, kind: str, segments: list[Segment]) -> None:
    import gpxpy.gpx

    gpx = gpxpy.gpx.GPX()
    gpx.creator = "FieldKit"
    if kind == "route":
        route = gpxpy.gpx.GPXRoute(name=name)
        for seg in segments:
            for p in seg.points():
                route.points.append(
                    gpxpy.gpx.GPXRoutePoint(
                        p.lat,
                        p.lon,
                        elevation=None if p.ele != p.ele else p.ele,
                        time=None if p.time != p.time else datetime.fromtimestamp(p.time, UTC),
                    )
                )
        gpx.routes.append(route)
    else:
        track = gpxpy.gpx.GPXTrack(name=name)
        for seg in segments:
            out = gpxpy.gpx.GPXTrackSegment()
            for p in seg.points():
                point = gpxpy.gpx.GPXTrackPoint(
                    p.lat,
                    p.lon,
                    elevation=None if p.ele != p.ele else p.ele,
                    time=None if p.time != p.time else datetime.fromtimestamp(p.time, UTC),
                )
                if p.hdop == p.hdop:
                    point.horizontal_dilution = p.hdop
                if p.sats >= 0:
                    point.satellites = p.sats
                out.points.append(point)
            track.segments.append(out)
        gpx.tracks.append(track)
    fh.write(gpx.to_xml(version="1.1"))


def write_geojson(fh: TextIO, name: str | None, kind: str, segments: list[Segment], stats: dict[str, Any]) -> None:
    lines = []
    times = []
    for seg in segments:
        lines.append([[p.lon, p.lat] + ([] if p.ele != p.ele else [round(p.ele, 2)]) for p in seg.points()])
        times.append([_iso(t) for t in seg.time])
    feature = {
        "type": "Feature",
        "geometry": {"type": "MultiLineString", "coordinates": lines},
        "properties": {
            "name": name,
            "kind": kind,
            "distance_m": stats.get("distance_m"),
            "duration_s": stats.get("duration_s"),
            "coordTimes": times,
        },
    }
    json.dump({"type": "FeatureCollection", "features": [feature]}, fh, ensure_ascii=False)


def write_kml(fh: TextIO, name: str | None, kind: str, segments: list[Segment]) -> None:
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n')
    fh.write(f"<name>{escape(name or '')}</name>\n<Placemark>\n<name>{escape(name or '')}</name>\n<MultiGeometry>\n")
    for seg in segments:
        fh.write("<LineString><tessellate>1</tessellate><coordinates>\n")
        for p in seg.points():
            ele = 0.0 if p.ele != p.ele else p.ele
            fh.write(f"{p.lon:.7f},{p.lat:.7f},{ele:.2f}\n")
        fh.write("</coordinates></LineString>\n")
    fh.write("</MultiGeometry>\n</Placemark>\n</Document>\n</kml>\n")


def write_csv(fh: TextIO, segments: list[Segment]) -> None:
    writer = csv.writer(fh)
    writer.writerow(["segment", "latitude", "longitude", "elevation_m", "time_utc", "hdop", "satellites", "fix"])
    for index, seg in enumerate(segments):
        for p in seg.points():
            writer.writerow(
                [
                    index,
                    f"{p.lat:.7f}",
                    f"{p.lon:.7f}",
                    "" if p.ele != p.ele else f"{p.ele:.2f}",
                    _iso(p.time) or "",
                    "" if p.hdop != p.hdop else f"{p.hdop:.1f}",
                    "" if p.sats < 0 else p.sats,
                    "" if p.fix < 0 else p.fix,
                ]
            )
