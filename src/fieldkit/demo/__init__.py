"""``fieldkit demo``: fill a store with a realistic demo, idempotently.

Records get fixed ids (UUID5 from a stable key), so running the demo again adds only what is missing
and never touches a record that exists, edited or deleted: the user's work is kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select

from fieldkit.demo.data import INSPECTIONS, SITES, USERS
from fieldkit.services.inspections import apply_status
from fieldkit.store import Store
from fieldkit.store.audit import ACTOR
from fieldkit.store.models import Inspection, Site, User

DEMO_NAMESPACE = uuid.UUID("6f1c2d1e-7a53-4c1b-9a55-2f0e3c9b8d10")
DEMO_VERSION = 1
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


def seed_demo(store: Store) -> DemoResult:
    """Add the demo's sites, users and inspections that are not in ``store`` yet."""
    result = DemoResult()
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

        for spec in INSPECTIONS:
            iid = demo_id("inspection", spec["key"])
            if session.get(Inspection, iid) is not None:
                continue
            site_id = session.scalar(select(Site.id).where(Site.code == spec["site"]))
            inspector_id = session.scalar(select(User.id).where(User.username == spec["inspector"]))
            fields = {k: spec.get(k) for k in INSPECTION_FIELDS}
            inspection = Inspection(
                id=iid, site_id=site_id, inspector_id=inspector_id, status="draft", **fields
            )
            session.add(inspection)
            session.flush()
            # Walk it through its workflow with the real service code, so that the demo carries
            # the same reviews and audit trail as real work.
            for step, (status, who, comment) in enumerate(spec["path"], start=1):
                session.info[ACTOR] = who
                decided = (spec.get("finished_at") or spec["planned_at"]) + timedelta(days=step, hours=3)
                apply_status(session, inspection, status, comment, who, at=decided)
            session.info[ACTOR] = "demo"
            result.count("inspections")

    if store.current_user is None:
        store.set_meta("current_user", "inspector")
    store.set_meta(META_KEY, DEMO_VERSION)
    return result
