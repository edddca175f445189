"""Reference data the registry publishes: users, sites, templates, limit sets and parameters.

Admin commands (and the demo) maintain them here; each is also a row of ``records`` so that laptops
pull them like anything else. Every function runs in the caller's transaction and checks everything
before it writes, so a bad input stores nothing.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldkit.checklists.library import Library, load_library
from fieldkit.errors import ValidationError
from fieldkit.services.library import _version_key
from fieldkit.store.types import utcnow
from fieldkit.sync.ids import reference_id, template_key
from fieldkit.sync.protocol import ROLES
from fieldkit_registry.db import RecordRow, Revisions, UserRow
from fieldkit_registry.service import put_record
from fieldkit_registry.validate import Invalid, clean_data, reference_data

SITE_FIELDS = (
    "code",
    "name",
    "operator",
    "commodity",
    "province",
    "district",
    "licence_no",
    "partners",
    "limit_sets",
    "local_names",
)


def _publish(session: Session, revs: Revisions, entity: str, key: str, values: dict[str, Any]) -> str:
    """Create or update a reference record; returns "created", "updated" or "unchanged"."""
    record_id = reference_id(entity, key)
    row = session.get(RecordRow, record_id)
    if row is not None:
        merged = {**row.data, **values}
        if merged == row.data and not row.deleted:
            return "unchanged"
        merged["updated_at"] = utcnow().isoformat()
        put_record(session, revs, entity, record_id, merged, by="registry")
        return "updated"
    put_record(session, revs, entity, record_id, reference_data(entity, values, utcnow()), by="registry")
    return "created"


# -- users ---------------------------------------------------------------------------------------------


def user_values(user: UserRow) -> dict[str, Any]:
    """A users record's data: never the password hash."""
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "site_codes": list(user.site_codes or []),
        "active": user.active,
    }


def site_codes(session: Session) -> set[str]:
    rows = session.scalars(select(RecordRow).where(RecordRow.entity == "sites", RecordRow.deleted.is_(False)))
    return {row.data.get("code") for row in rows}


def add_user(
    session: Session,
    username: str,
    role: str,
    password_hash: str,
    sites: list[str],
    display_name: str | None = None,
) -> UserRow:
    if role not in ROLES:
        raise ValidationError(f"Unknown role {role!r}: one of {', '.join(ROLES)}.")
    if not username or len(username) > 64 or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise ValidationError(f"Bad username {username!r}: letters, digits, '.', '-' and '_', up to 64.")
    if session.scalar(select(UserRow).where(UserRow.username == username)) is not None:
        raise ValidationError(f"User {username} exists already.")
    unknown = sorted(set(sites) - site_codes(session))
    if unknown:
        raise ValidationError(f"Unknown site code(s): {', '.join(unknown)} (import sites first).")
    user = UserRow(
        id=reference_id("users", username),
        username=username,
        display_name=display_name or username,
        role=role,
        site_codes=list(sites),
        active=True,
        password_hash=password_hash,
    )
    session.add(user)
    session.flush()
    _publish(session, Revisions(session), "users", username, user_values(user))
    return user


def set_active(session: Session, username: str, active: bool) -> UserRow:
    user = session.scalar(select(UserRow).where(UserRow.username == username))
    if user is None:
        raise ValidationError(f"No user {username}.")
    user.active = active
    _publish(session, Revisions(session), "users", username, user_values(user))
    return user


# -- sites ---------------------------------------------------------------------------------------------


def _centroid(geometry: dict[str, Any]) -> tuple[float, float]:
    """Area-weighted centroid of the outer rings (shoelace), as (lat, lon)."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    area_sum = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in pairwise(ring):
            cross = x0 * y1 - x1 * y0
            area_sum += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if abs(area_sum) < 1e-15:
        xs = [p[0] for polygon in polygons for p in polygon[0]]
        ys = [p[1] for polygon in polygons for p in polygon[0]]
        return sum(ys) / len(ys), sum(xs) / len(xs)
    return cy / (3 * area_sum), cx / (3 * area_sum)


def _check_geometry(geometry: Any, where: str) -> dict[str, Any]:
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValidationError(f"{where}: geometry must be a Polygon or MultiPolygon")
    polygons = [geometry.get("coordinates")] if geometry["type"] == "Polygon" else geometry.get("coordinates")
    if not isinstance(polygons, list) or not polygons:
        raise ValidationError(f"{where}: geometry has no coordinates")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            raise ValidationError(f"{where}: a polygon needs at least one ring")
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                raise ValidationError(f"{where}: a ring needs at least 4 positions")
            for pos in ring:
                ok = isinstance(pos, list) and len(pos) >= 2 and all(isinstance(v, int | float) for v in pos[:2])
                if not ok or not (-180 <= pos[0] <= 180 and -90 <= pos[1] <= 90):
                    raise ValidationError(f"{where}: bad position {str(pos)[:40]}")
            if ring[0][:2] != ring[-1][:2]:
                raise ValidationError(f"{where}: a ring must be closed")
    return {"type": geometry["type"], "coordinates": geometry["coordinates"]}


def parse_sites_geojson(path: Path) -> list[dict[str, Any]]:
    """The sites of a GeoJSON FeatureCollection file, checked; raises ValidationError naming the problem."""
    try:
        if path.stat().st_size > 64 * 1024 * 1024:
            raise ValidationError(f"{path} is larger than 64 MB.")
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(f"Cannot read {path} as GeoJSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise ValidationError(f"{path} is not a GeoJSON FeatureCollection.")
    sites, seen = [], set()
    for n, feature in enumerate(doc["features"], 1):
        where = f"{path.name}, feature {n}"
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise ValidationError(f"{where}: no properties")
        code, name = props.get("code"), props.get("name")
        if not isinstance(code, str) or not code.strip() or not isinstance(name, str) or not name.strip():
            raise ValidationError(f"{where}: properties code and name are required")
        if code in seen:
            raise ValidationError(f"{where}: site code {code} appears twice")
        seen.add(code)
        values = {k: props[k] for k in SITE_FIELDS if props.get(k) is not None}
        values.setdefault("partners", [])
        values.setdefault("limit_sets", [])
        values.setdefault("local_names", {})
        geometry = feature.get("geometry")
        if geometry is not None:
            values["boundary"] = _check_geometry(geometry, where)
            values["latitude"], values["longitude"] = _centroid(values["boundary"])
        try:
            clean_data("sites", reference_id("sites", code), reference_data("sites", values, utcnow()))
        except (Invalid, ValueError) as exc:
            raise ValidationError(f"{where}: {exc}") from None
        sites.append(values)
    if not sites:
        raise ValidationError(f"{path} holds no features.")
    return sites


def publish_sites(session: Session, sites: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    revs = Revisions(session)
    for values in sites:
        counts[_publish(session, revs, "sites", values["code"], values)] += 1
    return counts


# -- forms ---------------------------------------------------------------------------------------------


def load_forms(path: Path) -> Library:
    if not path.exists():
        raise ValidationError(f"{path} does not exist.")
    library = load_library(path)
    if library.problems:
        lines = "; ".join(str(p) for p in library.problems[:5])
        raise ValidationError(f"{path}: {len(library.problems)} problem(s): {lines}")
    if not (library.templates or library.limit_sets or library.parameters):
        raise ValidationError(f"{path} holds no templates, limit sets or parameters.")
    return library


def publish_library(session: Session, library: Library) -> dict[str, int]:
    """Templates (a published version never changes), limit sets (replaced by a newer version) and
    parameters. Every conflict is found before anything is written."""
    counts = {"templates": 0, "limit_sets": 0, "parameters": 0, "unchanged": 0}
    plan: list[tuple[str, str, dict[str, Any]]] = []
    for (form_id, version), template in sorted(library.templates.items()):
        key = template_key(form_id, version)
        values = {
            "form_id": form_id,
            "version": version,
            "title": template.title.en,
            "definition": template.definition(),
            "source": "registry",
        }
        row = session.get(RecordRow, reference_id("templates", key))
        if row is not None:
            if row.data.get("definition") != values["definition"]:
                raise ValidationError(
                    f"Template {form_id} version {version} is published already with a different definition: "
                    "give the changed form a new version."
                )
            counts["unchanged"] += 1
            continue
        plan.append(("templates", key, values))
    for set_id, limit_set in sorted(library.limit_sets.items()):
        values = {"set_id": set_id, "version": limit_set.version, "definition": limit_set.definition()}
        values["source"] = "registry"
        row = session.get(RecordRow, reference_id("limit_sets", set_id))
        if row is not None and not row.deleted:
            if row.data.get("definition") == values["definition"]:
                counts["unchanged"] += 1
                continue
            old = str(row.data.get("version"))
            if _version_key(str(limit_set.version)) <= _version_key(old):
                raise ValidationError(
                    f"Limit set {set_id} version {limit_set.version} differs from the published version {old}: "
                    "a replacement needs a newer version."
                )
        plan.append(("limit_sets", set_id, values))
    for param_id, parameter in sorted(library.parameters.items()):
        values = {"param_id": param_id, "label": parameter.label.model_dump(exclude_none=True)}
        row = session.get(RecordRow, reference_id("parameters", param_id))
        if row is not None and row.data.get("label") == values["label"] and not row.deleted:
            counts["unchanged"] += 1
            continue
        plan.append(("parameters", param_id, values))
    revs = Revisions(session)
    for entity, key, values in plan:
        _publish(session, revs, entity, key, values)
        counts[entity] += 1
    return counts
