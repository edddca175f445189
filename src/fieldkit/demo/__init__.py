"""``fieldkit demo``: fill a store with a realistic demo, idempotently.

Records get fixed ids (UUID5 from a stable key), so running the demo again adds only what is missing
and never touches a record that exists, edited or deleted: the user's work is kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldkit.checklists.evaluate import evaluate
from fieldkit.demo import photos as demo_photos
from fieldkit.demo.checklists import generate_answers
from fieldkit.demo.data import INSPECTIONS, PKT, SITES, USERS
from fieldkit.demo.history import EFFLUENT_HISTORY
from fieldkit.demo.tracks import walk
from fieldkit.gps.geo import Boundary
from fieldkit.photos.blobs import BlobStore
from fieldkit.photos.geotag import index_segments, position_at
from fieldkit.services.library import compiled_template, ensure_builtin_library, limit_sets_for, parameter_labels
from fieldkit.services.photos import blob_store, insert_photo, prepare_bytes
from fieldkit.services.tracks import add_track
from fieldkit.services.workflow import apply_status
from fieldkit.store import Store
from fieldkit.store.audit import ACTOR
from fieldkit.store.models import Answer, Finding, Inspection, Site, User
from fieldkit.store.models import Template as TemplateRecord
from fieldkit.store.types import derived_ids

DEMO_NAMESPACE = uuid.UUID("6f1c2d1e-7a53-4c1b-9a55-2f0e3c9b8d10")
DEMO_VERSION = 5  # 5: six months of effluent sampling history at SDK (fieldkit.demo.history)
META_KEY = "demo_version"
INSPECTION_FIELDS = ("title", "planned_at", "started_at", "finished_at", "weather", "temperature_c", "notes")


def demo_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}"))


@dataclass
class DemoResult:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> None:
        self.created[kind] = self.created.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.created.values())


def _add_inspection(session: Session, blobs: BlobStore, iid: str, spec: dict[str, Any]) -> None:
    site = session.scalar(select(Site).where(Site.code == spec["site"]))
    inspector = session.scalar(select(User).where(User.username == spec["inspector"]))
    template_id = None
    if spec.get("form"):
        template_id = session.scalar(
            select(TemplateRecord.id)
            .where(TemplateRecord.form_id == spec["form"])
            .order_by(TemplateRecord.version.desc())
        )
    fields = {k: spec.get(k) for k in INSPECTION_FIELDS}
    inspection = Inspection(
        id=iid, site_id=site.id, inspector_id=inspector.id, template_id=template_id, status="draft", **fields
    )
    session.add(inspection)
    session.flush()
    session.info[ACTOR] = spec["inspector"]
    if template_id is not None and spec.get("answers"):
        _add_answers(session, inspection, site, spec, inspector.display_name)
    segments: list = []
    if spec.get("started_at") and site.boundary and spec.get("track", True):
        segments = walk(
            site.boundary, spec["started_at"], spec.get("finished_at"), spec["key"], gap=spec.get("gap", False)
        )
        add_track(
            session,
            segments,
            name=f"{site.code} {spec['started_at'].astimezone(PKT):%Y-%m-%d} walk",
            source="gpx",
            source_name=f"{spec['key']}.gpx",
            inspection_id=inspection.id,
            boundary=Boundary(site.boundary),
        )
    # With a track, photos for every shown photo item and finding; without one, only the items that
    # ``photos`` names (the history rounds: the required scan of the laboratory report).
    if template_id is not None and spec.get("answers") and (segments or "photos" in spec):
        _add_photos(session, blobs, inspection, spec, segments)
    # Walk it through its workflow with the real service code, so that the demo carries the same
    # reviews and audit trail as real work (submitting checks the checklist as it would for a user).
    # ``review_after_days``: a round waits for its laboratory report before it is submitted.
    for step, (status, who, comment) in enumerate(spec["path"], start=1):
        session.info[ACTOR] = who
        days = spec.get("review_after_days", 0) + step
        decided = (spec.get("finished_at") or spec["planned_at"]) + timedelta(days=days, hours=3)
        apply_status(session, inspection, status, comment, who, at=decided)
    session.info[ACTOR] = "demo"


def _add_answers(session: Session, inspection: Inspection, site: Site, spec: dict[str, Any], who: str) -> None:
    compiled = compiled_template(session, inspection.template_id)
    limit_sets = limit_sets_for(session, list(site.limit_sets or []))
    plan = spec["answers"]
    by_parameter = {i.parameter: i.id for i in compiled.template.items.values() if i.parameter}
    overrides = dict(plan.get("items", {}))
    overrides.update({by_parameter[p]: v for p, v in plan.get("params", {}).items()})
    values = generate_answers(
        compiled,
        limit_sets,
        overrides=overrides,
        share=plan["share"],
        seed=spec["key"],
        when=spec.get("started_at") or spec["planned_at"],
        who=who,
        gps={"lat": site.latitude, "lon": site.longitude},
    )
    labels = parameter_labels(session)
    state = evaluate(compiled, values, limit_sets, labels.get)
    computed = {k: st.value for k, st in state.items.items() if st.item.type == "calculate" and st.value is not None}
    for item_id, value in {**values, **computed}.items():
        item = compiled.template.items[item_id]
        flags = [f.as_json() for f in state.items[item_id].flags]
        session.add(Answer(inspection_id=inspection.id, item_id=item_id, value=value, unit=item.unit, flags=flags))
    for parameter, extra in spec.get("findings", {}).items():
        item_id = by_parameter.get(parameter, parameter)
        proposal = state.items[item_id].proposal
        if proposal is None:
            raise RuntimeError(f"demo inspection {spec['key']}: no finding proposed for {item_id}")
        start = spec.get("finished_at") or spec["planned_at"]
        session.add(
            Finding(
                inspection_id=inspection.id,
                item_id=item_id,
                title=proposal.title,
                severity=proposal.severity,
                description=proposal.description,
                corrective_action=extra["corrective_action"],
                responsible=extra["responsible"],
                due_date=(start + timedelta(days=extra["due_days"])).date(),
                status=extra.get("status", "open"),
            )
        )
    session.flush()


def _add_photos(
    session: Session, blobs: BlobStore, inspection: Inspection, spec: dict[str, Any], segments: list
) -> None:
    """Photos for the shown photo items (a phone with GPS, or a camera without) and one per finding."""
    compiled = compiled_template(session, inspection.template_id)
    answers = {a.item_id: a.value for a in session.scalars(select(Answer).where(Answer.inspection_id == inspection.id))}
    site = session.get(Site, inspection.site_id)
    state = evaluate(compiled, answers, limit_sets_for(session, list(site.limit_sets or [])))
    index = index_segments(segments)
    only = spec.get("photos")
    wanted = [
        s.item
        for s in state.items.values()
        if s.item.type == "photo" and s.relevant and (only is None or s.item.id in only)
    ]
    findings = (
        [] if only is not None else session.scalars(select(Finding).where(Finding.inspection_id == inspection.id)).all()
    )
    # ``photos_at``: photographed later than the visit (a laboratory report arrives days after sampling).
    start, end = (spec["photos_at"], None) if "photos_at" in spec else (spec["started_at"], spec.get("finished_at"))
    moments = demo_photos.times_along(start, end, len(wanted) + len(findings), spec["key"])
    for n, (moment, target) in enumerate(zip(moments, [*wanted, *findings], strict=True)):
        phone = n % 2 == 0  # every other photo from a camera without GPS: placed from the track
        position = position_at(index, moment.timestamp()) if phone else None
        subject = target.label.en if hasattr(target, "label") else target.title
        data = demo_photos.jpeg(
            subject,
            moment,
            f"{spec['key']}-{n}",
            position=position[:2] if position else None,
            bearing=demo_photos.bearing_at(n) if position else None,
            make="Samsung" if phone else "Canon",
            model="Galaxy A14" if phone else "PowerShot SX740 HS",
        )
        prepared = prepare_bytes(data, demo_photos.name_for(moment, n), blobs)
        links = {"item_id": target.id} if hasattr(target, "label") else {"finding_id": target.id}
        caption = subject if hasattr(target, "label") else f"Evidence: {target.title}"
        photo = insert_photo(session, prepared, inspection.id, PKT, None, index, caption=caption[:200], **links)
        if hasattr(target, "label"):
            session.add(Answer(inspection_id=inspection.id, item_id=target.id, value=[photo.photo_id], flags=[]))
    session.flush()


def seed_demo(store: Store) -> DemoResult:
    """Add the demo's sites, users and inspections that are not in ``store`` yet."""
    result = DemoResult()
    ensure_builtin_library(store)
    blobs = blob_store(store)
    with store.write("demo") as session:
        for spec in SITES:
            sid = demo_id("site", spec["code"])
            if (
                session.get(Site, sid) is None
                and session.scalar(select(Site.id).where(Site.code == spec["code"])) is None
            ):
                session.add(Site(id=sid, **spec))
                result.count("sites")
        for spec in USERS:
            uid = demo_id("user", spec["username"])
            if session.scalar(select(User.id).where(User.username == spec["username"])) is None:
                session.add(User(id=uid, **spec))
                result.count("users")

        for spec in [*INSPECTIONS, *EFFLUENT_HISTORY]:
            iid = demo_id("inspection", spec["key"])
            if session.get(Inspection, iid) is not None:
                continue
            # Every record of a demo inspection gets an id derived from its key, so the demo made on a
            # laptop and the one on the registry (fieldkit-registry demo) are the same records.
            with derived_ids(DEMO_NAMESPACE, f"inspection:{spec['key']}"):
                _add_inspection(session, blobs, iid, spec)
                session.flush()
            result.count("inspections")

    if store.current_user is None:
        store.set_meta("current_user", "inspector")
    store.set_meta(META_KEY, DEMO_VERSION)
    return result
