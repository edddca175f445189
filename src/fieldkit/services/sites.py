"""Sites, users and templates as the UI and CLI list them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from fieldkit.errors import NotFoundError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.store import Store
from fieldkit.store.models import Inspection, Site, Template, User


@dataclass(frozen=True)
class SiteRow:
    id: str
    code: str
    name: str
    operator: str | None
    partners: tuple[str, ...]
    commodity: str | None
    district: str | None
    province: str | None
    licence_no: str | None
    latitude: float | None
    longitude: float | None
    boundary: dict[str, Any] | None
    limit_sets: tuple[str, ...]
    local_names: dict[str, str]
    inspection_count: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "operator": self.operator,
            "partners": list(self.partners),
            "commodity": self.commodity,
            "district": self.district,
            "province": self.province,
            "licence_no": self.licence_no,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "limit_sets": list(self.limit_sets),
            "inspections": self.inspection_count,
        }


def _site_row(site: Site, count: int) -> SiteRow:
    return SiteRow(
        id=site.id,
        code=site.code,
        name=site.name,
        operator=site.operator,
        partners=tuple(site.partners or ()),
        commodity=site.commodity,
        district=site.district,
        province=site.province,
        licence_no=site.licence_no,
        latitude=site.latitude,
        longitude=site.longitude,
        boundary=site.boundary,
        limit_sets=tuple(site.limit_sets or ()),
        local_names=dict(site.local_names or {}),
        inspection_count=count,
    )


def list_sites(store: Store) -> list[SiteRow]:
    """Live sites by name, each with its number of (live) inspections."""
    counts = (
        select(Inspection.site_id, func.count().label("n"))
        .where(Inspection.deleted_at.is_(None))
        .group_by(Inspection.site_id)
        .subquery()
    )
    stmt = (
        select(Site, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.site_id == Site.id)
        .where(Site.deleted_at.is_(None))
        .order_by(Site.name)
    )
    with store.read() as session:
        return [_site_row(site, n) for site, n in session.execute(stmt)]


def visible_sites(store: Store) -> list[SiteRow]:
    """The sites this laptop's user may see: after a sync, those in the registry's scope (the others
    stay in the store, untouched, but are not offered); before any sync, all of them."""
    sites = list_sites(store)
    scope = store.get_meta("sync_scope")
    if scope is None:
        return sites
    allowed = set(scope)
    return [s for s in sites if s.id in allowed]


def get_site(store: Store, code: str) -> SiteRow:
    for site in list_sites(store):
        if site.code.lower() == code.lower():
            return site
    raise NotFoundError(translate("Sites", "No site with code {code}.").format(code=code))


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    display_name: str
    role: str
    site_codes: tuple[str, ...]


def list_users(store: Store, role: str | None = None) -> list[UserRow]:
    stmt = select(User).where(User.deleted_at.is_(None), User.active.is_(True)).order_by(User.display_name)
    if role:
        stmt = stmt.where(User.role == role)
    with store.read() as session:
        return [
            UserRow(u.id, u.username, u.display_name, u.role, tuple(u.site_codes or ())) for u in session.scalars(stmt)
        ]


def current_user(store: Store) -> UserRow | None:
    name = store.current_user
    return next((u for u in list_users(store) if u.username == name), None)


@dataclass(frozen=True)
class TemplateRow:
    id: str
    form_id: str
    version: str
    title: str


def list_templates(store: Store) -> list[TemplateRow]:
    stmt = (
        select(Template)
        .where(Template.deleted_at.is_(None))
        .order_by(Template.title, Template.form_id, Template.version)
    )
    with store.read() as session:
        return [TemplateRow(t.id, t.form_id, t.version, t.title) for t in session.scalars(stmt)]


def set_site_boundary(store: Store, code: str, path) -> ChangeSet:
    """Replace a site's boundary with the polygon(s) of a GeoJSON or KML file."""
    from pathlib import Path

    from fieldkit.errors import ValidationError
    from fieldkit.gps.boundary import BoundaryError, read_boundary

    try:
        geometry = read_boundary(Path(path))
    except (BoundaryError, OSError) as exc:
        raise ValidationError(str(exc)) from None
    site_id = get_site(store, code).id
    with store.write() as session:
        site = session.get(Site, site_id)
        site.boundary = geometry
    return ChangeSet((Change("sites", site_id, "updated", {"boundary": (None, geometry)}),))
