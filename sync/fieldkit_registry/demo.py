"""``fieldkit-registry demo``: the app demo's sites, the built-in checklist library and the demo users.

Ids come from :func:`fieldkit.sync.ids.reference_id`, the ids the app's demo gives the same records,
so a laptop that ran ``fieldkit demo`` and this registry name every site, user and template alike.
Idempotent: what exists is left as it is (a demo user's password is set only when it is created).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from fieldkit.checklists.library import builtin_folder
from fieldkit.demo.data import SITES, USERS
from fieldkit_registry import reference
from fieldkit_registry.auth import hash_password
from fieldkit_registry.db import UserRow, write_session

SITE_KEYS = ("code", "name", "local_names", "operator", "partners", "commodity", "province", "district")
SITE_KEYS += ("licence_no", "latitude", "longitude", "boundary", "limit_sets")


@dataclass
class DemoResult:
    sites: dict[str, int] = field(default_factory=dict)
    library: dict[str, int] = field(default_factory=dict)
    users_created: list[str] = field(default_factory=list)
    password: str | None = None
    generated: bool = False


def seed_demo(engine: Engine, password: str | None) -> DemoResult:
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
    return result
