"""Site boundaries from GeoJSON and KML files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldkit import services
from fieldkit.errors import ValidationError
from fieldkit.gps.geo import Boundary
from fieldkit.store import Store
from tests.helpers import run_cli

SQUARE = [[61.50, 29.20], [61.60, 29.20], [61.60, 29.30], [61.50, 29.30]]  # not closed: we close it


def test_geojson_feature_collection_becomes_the_site_boundary(demo_store: Store, tmp_path: Path):
    path = tmp_path / "lease.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [SQUARE]}}
                ],
            }
        )
    )
    services.sites.set_site_boundary(demo_store, "SDK", path)
    boundary = services.get_site(demo_store, "SDK").boundary
    assert boundary["type"] == "Polygon" and boundary["coordinates"][0][0] == boundary["coordinates"][0][-1]
    shape = Boundary(boundary)
    assert shape.contains(61.55, 29.25) and not shape.contains(61.65, 29.25)


def test_kml_with_two_polygons_becomes_a_multipolygon(demo_store: Store, tmp_path: Path):
    ring = " ".join(f"{lon},{lat},0" for lon, lat in SQUARE)
    far = " ".join(f"{lon + 1},{lat},0" for lon, lat in SQUARE)
    path = tmp_path / "lease.kml"
    path.write_text(
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        f"<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>{ring}</coordinates></LinearRing>"
        "</outerBoundaryIs></Polygon></Placemark>"
        f"<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>{far}</coordinates></LinearRing>"
        "</outerBoundaryIs></Polygon></Placemark></Document></kml>"
    )
    result = run_cli("sites", "boundary", "DDR", str(path), data_dir=demo_store.data_dir)
    assert result.returncode == 0 and "2 polygons" in result.stdout
    assert services.get_site(demo_store, "DDR").boundary["type"] == "MultiPolygon"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "x.kml",
            '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml>&x;</kml>',
            "not a readable KML file",
        ),
        ("x.geojson", "{not json", "not valid GeoJSON"),
        ("x.geojson", json.dumps({"type": "Point", "coordinates": [61, 29]}), "holds no polygon"),
        ("x.geojson", json.dumps({"type": "Polygon", "coordinates": [[[61, 29], [62, 29]]]}), "at least three corners"),
        ("x.geojson", json.dumps({"type": "Polygon", "coordinates": [[[261, 29], [62, 29], [62, 30]]]}), "outside"),
        ("x.shp", "binary", "use a .geojson or .kml file"),
    ],
)
def test_bad_boundary_files_are_refused_and_the_old_boundary_kept(
    demo_store: Store, tmp_path: Path, name, content, message
):
    before = services.get_site(demo_store, "SDK").boundary
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(ValidationError, match=message):
        services.sites.set_site_boundary(demo_store, "SDK", path)
    assert services.get_site(demo_store, "SDK").boundary == before
