"""``fieldkit-registry demo``: the app demo's sites, the built-in checklist library and the demo users.

Ids come from :func:`fieldkit.sync.ids.reference_id`, the ids the app's demo gives the same records,
so a laptop that ran ``fieldkit demo`` and this registry name every site, user and template alike.
Idempotent: what exists is left as it is (a demo user's password is set only when it is created).
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from fieldkit.checklists.library import builtin_folder
from fieldkit.demo.data import SITES, USERS
from fieldkit.store.types import utcnow
from fieldkit.sync.protocol import FIELD_ENTITIES
from fieldkit_registry import reference
from fieldkit_registry.auth import hash_password
from fieldkit_registry.blobs import BlobFolder
from fieldkit_registry.config import Settings
from fieldkit_registry.db import BlobRow, RecordRow, Revisions, UserRow, write_session
from fieldkit_registry.service import put_record

SITE_KEYS = ("code", "name", "local_names", "operator", "partners", "commodity", "province", "district")
SITE_KEYS += ("licence_no", "latitude", "longitude", "boundary", "limit_sets")


@dataclass
class DemoResult:
    sites: dict[str, int] = field(default_factory=dict)
    library: dict[str, int] = field(default_factory=dict)
    users_created: list[str] = field(default_factory=list)
    password: str | None = None
    generated: bool = False
    inspections: int = 0


def seed_demo(engine: Engine, password: str | None, settings: Settings | None = None) -> DemoResult:
    """Sites, library and users; with ``settings`` (where blobs go) also the app demo's inspections."""
    result = DemoResult()
    library = reference.load_forms(builtin_folder())
    with write_session(engine) as session, session.begin():
        existing = reference.site_codes(session)
        sites = [{k: spec[k] for k in SITE_KEYS if k in spec} for spec in SITES if spec["code"] not in existing]
        result.sites = reference.publish_sites(session, sites)
        result.library = reference.publish_library(session, library)
        missing = [
            spec
            for spec in USERS
            if session.scalar(select(UserRow.id).where(UserRow.username == spec["username"])) is None
        ]
        if missing:
            result.generated = password is None
            result.password = password or secrets.token_urlsafe(12)
            hashed = hash_password(result.password)
            for spec in missing:
                reference.add_user(
                    session,
                    spec["username"],
                    spec["role"],
                    hashed,
                    list(spec["site_codes"]),
                    spec["display_name"],
                )
                result.users_created.append(spec["username"])
    if settings is not None:
        result.inspections = seed_inspections(engine, settings)
    return result


def seed_inspections(engine: Engine, settings: Settings) -> int:
    """The app demo's inspections with their answers, findings, tracks, photos and reviews.

    Made by the app's own demo code in a throwaway local store, so every record has the id and the
    content it has on a laptop that ran ``fieldkit demo`` (fieldkit.demo derives them from the demo's
    keys): such a laptop's first sync finds its demo already here and sends nothing twice. Skipped
    when the registry holds them already.
    """
    from fieldkit.demo import seed_demo as seed_app_demo
    from fieldkit.services.photos import blob_store
    from fieldkit.store import Store
    from fieldkit.store.models import Photo
    from fieldkit.sync.records import MODELS, row_data

    with tempfile.TemporaryDirectory(prefix="fieldkit-registry-demo-") as tmp, Store.open(Path(tmp)) as store:
        seed_app_demo(store)
        local_blobs = blob_store(store)
        folder = BlobFolder(settings.blob_dir, settings.upload_dir)
        added = 0
        with store.read() as local, write_session(engine) as session, session.begin():
            revs = Revisions(session)
            for entity in FIELD_ENTITIES:
                for row in local.scalars(select(MODELS[entity]).order_by(MODELS[entity].created_at)):
                    if session.get(RecordRow, row.id) is not None:
                        continue
                    if isinstance(row, Photo) and session.get(BlobRow, row.sha256) is None:
                        target = folder.path(row.sha256)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(local_blobs.path_for(row.sha256), target)
                        session.add(
                            BlobRow(
                                sha256=row.sha256, size=target.stat().st_size, created_at=utcnow(), uploaded_by=None
                            )
                        )
                        session.flush()
                    data = row_data(local, row)
                    put_record(
                        session, revs, entity, row.id, data, deleted=row.deleted_at is not None, by=row.updated_by
                    )
                    added += entity == "inspections"
    return added
