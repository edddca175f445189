"""Reading a site boundary from GeoJSON or KML into a GeoJSON Polygon/MultiPolygon geometry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fieldkit.i18n import translate

MAX_BYTES = 20_000_000
_KML = "{http://www.opengis.net/kml/2.2}"


class BoundaryError(ValueError):
    pass


def _ring(points: list[Any], source: str) -> list[list[float]]:
    ring = []
    for point in points:
        try:
            lon, lat = float(point[0]), float(point[1])
        except (TypeError, ValueError, IndexError):
            raise BoundaryError(
                translate("GPS", "{source}: a coordinate is not a number pair").format(source=source)
            ) from None
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise BoundaryError(
                translate("GPS", "{source}: the point {lon}, {lat} is outside the globe").format(
                    source=source, lon=lon, lat=lat
                )
            )
        ring.append([lon, lat])
    if ring and ring[0] != ring[-1]:
        ring.append(list(ring[0]))  # close the ring, as GeoJSON requires
    if len(ring) < 4:
        raise BoundaryError(
            translate("GPS", "{source}: a boundary ring needs at least three corners").format(source=source)
        )
    return ring


def _polygons_from_geojson(data: Any, source: str) -> list[list[list[list[float]]]]:
    kind = data.get("type") if isinstance(data, dict) else None
    if kind == "FeatureCollection":
        found = []
        for feature in data.get("features") or []:
            found.extend(_polygons_from_geojson(feature, source))
        return found
    if kind == "Feature":
        geometry = data.get("geometry")
        return _polygons_from_geojson(geometry, source) if geometry else []
    if kind == "Polygon":
        return [[_ring(r, source) for r in data.get("coordinates") or []]]
    if kind == "MultiPolygon":
        return [[_ring(r, source) for r in polygon] for polygon in data.get("coordinates") or []]
    if kind == "GeometryCollection":
        found = []
        for geometry in data.get("geometries") or []:
            found.extend(_polygons_from_geojson(geometry, source))
        return found
    return []


def _polygons_from_kml(path: Path) -> list[list[list[list[float]]]]:
    from defusedxml import ElementTree as SafeET  # refuses DOCTYPEs, entities and external references
    from defusedxml.common import DefusedXmlException

    try:
        root = SafeET.parse(path).getroot()
    except (DefusedXmlException, SafeET.ParseError) as exc:
        raise BoundaryError(
            translate("GPS", "{name}: not a readable KML file ({reason})").format(name=path.name, reason=exc)
        ) from None
    ns = _KML if root.tag.startswith(_KML) else ""
    polygons = []
    for polygon in root.iter(f"{ns}Polygon"):
        rings = []
        for which in ("outerBoundaryIs", "innerBoundaryIs"):
            for boundary in polygon.findall(f"{ns}{which}"):
                text = boundary.findtext(f"{ns}LinearRing/{ns}coordinates") or ""
                points = [part.split(",") for part in text.split() if part]
                rings.append(_ring(points, path.name))
        if rings:
            polygons.append(rings)
    return polygons


def read_boundary(path: Path) -> dict[str, Any]:
    """A GeoJSON geometry (Polygon, or MultiPolygon for several) from a .geojson/.json or .kml file."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise BoundaryError(translate("GPS", "{name} is larger than 20 MB").format(name=path.name))
    suffix = path.suffix.lower()
    if suffix == ".kml":
        polygons = _polygons_from_kml(path)
    elif suffix in (".geojson", ".json"):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BoundaryError(
                translate("GPS", "{name}: not valid GeoJSON ({reason})").format(name=path.name, reason=exc)
            ) from None
        polygons = _polygons_from_geojson(data, path.name)
    else:
        raise BoundaryError(translate("GPS", "{name}: use a .geojson or .kml file").format(name=path.name))
    if not polygons:
        raise BoundaryError(translate("GPS", "{name} holds no polygon").format(name=path.name))
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}
