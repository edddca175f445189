"""Installing the checklist library (templates, limit sets, parameters) into a store, and reading it back.

Built-in templates come from ``forms/``; a template version, once stored, never changes (inspections
keep the version they started with). Limit sets are replaced by newer versions. What the registry
published (``source='registry'``) is never overwritten by the built-in copy.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from fieldkit.checklists.evaluate import CompiledTemplate, compile_template
from fieldkit.checklists.library import Library, builtin_folder, load_library
from fieldkit.checklists.limits import LimitSet
from fieldkit.checklists.model import Template
from fieldkit.errors import NotFoundError
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.store import Store
from fieldkit.store.models import LimitSetRecord, ParameterRecord
from fieldkit.store.models import Template as TemplateRecord
from fieldkit.sync.ids import reference_id, template_key

log = logging.getLogger("fieldkit.library")
FINGERPRINT_KEY = "library_fingerprint"


def folder_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.y*ml")):
        stat = path.stat()
        digest.update(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def install_library(store: Store, library: Library | None = None, *, source: str = "builtin") -> ChangeSet:
    """Store the templates, limit sets and parameters of ``library`` that the store lacks or holds older.

    Their ids derive from their natural keys (:func:`fieldkit.sync.ids.reference_id`), so a fresh store
    and the registry name the same template version with the same id.
    """
    library = library or load_library()
    for problem in library.problems:
        log.error("library problem: %s", problem)
    changes: list[Change] = []
    with store.write("library") as session:
        known = {(t.form_id, t.version) for t in session.scalars(select(TemplateRecord))}
        for (form_id, version), template in sorted(library.templates.items()):
            if (form_id, version) in known:
                continue
            row = TemplateRecord(
                id=reference_id("templates", template_key(form_id, version)),
                form_id=form_id,
                version=version,
                title=template.title.en,
                definition=template.definition(),
                source=source,
            )
            session.add(row)
            session.flush()
            changes.append(Change("templates", row.id, "created"))
        rows = {r.set_id: r for r in session.scalars(select(LimitSetRecord))}
        for set_id, limit_set in sorted(library.limit_sets.items()):
            row = rows.get(set_id)
            definition = limit_set.definition()
            if row is None:
                row = LimitSetRecord(
                    id=reference_id("limit_sets", set_id),
                    set_id=set_id,
                    version=limit_set.version,
                    definition=definition,
                    source=source,
                )
                session.add(row)
                session.flush()
                changes.append(Change("limit_sets", row.id, "created"))
            elif row.source == source and row.definition != definition:
                row.version, row.definition = limit_set.version, definition
                changes.append(Change("limit_sets", row.id, "updated"))
        params = {p.param_id: p for p in session.scalars(select(ParameterRecord))}
        for param_id, parameter in sorted(library.parameters.items()):
            label = parameter.label.model_dump(exclude_none=True)
            row = params.get(param_id)
            if row is None:
                session.add(ParameterRecord(id=reference_id("parameters", param_id), param_id=param_id, label=label))
            elif row.label != label:
                row.label = label
    return ChangeSet(tuple(changes))


def ensure_builtin_library(store: Store) -> ChangeSet:
    """Install the built-in library when ``forms/`` changed since the last time (cheap otherwise)."""
    folder = builtin_folder()
    fingerprint = folder_fingerprint(folder)
    if store.get_meta(FINGERPRINT_KEY) == fingerprint:
        return ChangeSet()
    changes = install_library(store, load_library(folder))
    store.set_meta(FINGERPRINT_KEY, fingerprint)
    return changes


# -- reading back, with caches -------------------------------------------------------------------------

_lock = threading.Lock()
_compiled: dict[tuple[str, datetime], CompiledTemplate] = {}
_limit_sets: dict[tuple[str, str, datetime], LimitSet] = {}


_TEMPLATE_KEY = select(TemplateRecord.updated_at).where(TemplateRecord.id == bindparam("template_id"))
_LIMIT_SET_KEYS = select(LimitSetRecord.set_id, LimitSetRecord.version, LimitSetRecord.updated_at).where(
    LimitSetRecord.set_id.in_(bindparam("set_ids", expanding=True)), LimitSetRecord.deleted_at.is_(None)
)
_PARAMETERS_KEY = select(func.count(), func.max(ParameterRecord.updated_at))


def compiled_template(session: Session, template_id: str) -> CompiledTemplate:
    # Only the freshness key is read on every call: the definition (tens of kilobytes of JSON) is
    # parsed once per version, which keeps the answer write path within its few milliseconds.
    updated = session.connection().execute(_TEMPLATE_KEY, {"template_id": template_id}).scalar()
    if updated is None:
        raise NotFoundError(translate("Checklist", "No checklist template with id {id}.").format(id=template_id))
    key = (template_id, updated)
    with _lock:
        found = _compiled.get(key)
    if found is None:
        definition = session.execute(
            select(TemplateRecord.definition).where(TemplateRecord.id == template_id)
        ).scalar_one()
        found = compile_template(Template.model_validate(definition))
        with _lock:
            _compiled[key] = found
    return found


def limit_sets_for(session: Session, set_ids: list[str]) -> list[LimitSet]:
    """The site's limit sets, in the order the site names them (unknown ids are skipped and logged)."""
    if not set_ids:
        return []
    keys = {
        row.set_id: (row.set_id, row.version, row.updated_at)
        for row in session.connection().execute(_LIMIT_SET_KEYS, {"set_ids": list(set_ids)})
    }
    found = []
    for set_id in set_ids:
        key = keys.get(set_id)
        if key is None:
            log.warning("limit set %s named by a site is not in the store", set_id)
            continue
        with _lock:
            cached = _limit_sets.get(key)
        if cached is None:
            definition = session.execute(
                select(LimitSetRecord.definition).where(LimitSetRecord.set_id == set_id)
            ).scalar_one()
            cached = LimitSet.model_validate(definition)
            with _lock:
                _limit_sets[key] = cached
        found.append(cached)
    return found


@dataclass(frozen=True)
class ParameterLabels:
    labels: dict[str, dict[str, str]]

    def get(self, parameter: str, lang: str = "en") -> str:
        label = self.labels.get(parameter, {})
        return label.get(lang) or label.get("en") or parameter.replace("_", " ")


_labels: dict[tuple[Any, ...], ParameterLabels] = {}


def parameter_labels(session: Session) -> ParameterLabels:
    key = tuple(session.connection().execute(_PARAMETERS_KEY).one())
    with _lock:
        cached = _labels.get(key)
    if cached is None:
        rows = session.execute(select(ParameterRecord.param_id, ParameterRecord.label)).all()
        cached = ParameterLabels({param_id: dict(label) for param_id, label in rows})
        with _lock:
            _labels[key] = cached
    return cached


def list_forms(store: Store) -> list[dict[str, Any]]:
    """Templates available to new inspections (the latest version of each form), by title."""
    with store.read() as session:
        rows = session.scalars(select(TemplateRecord).where(TemplateRecord.deleted_at.is_(None))).all()
        latest: dict[str, TemplateRecord] = {}
        for row in rows:
            if row.form_id not in latest or _version_key(row.version) > _version_key(latest[row.form_id].version):
                latest[row.form_id] = row
        result = []
        for row in sorted(latest.values(), key=lambda r: r.title.lower()):
            sections = row.definition.get("sections", [])
            result.append(
                {
                    "id": row.form_id,
                    "version": row.version,
                    "title": row.title,
                    "items": sum(len(s.get("items", [])) for s in sections),
                    "sections": len(sections),
                    "source": row.source,
                    "template_id": row.id,
                }
            )
        return result


def _version_key(version: str) -> tuple:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in version.replace("-", ".").split("."))


def template_id_for(store: Store, form_id: str) -> str:
    for form in list_forms(store):
        if form["id"] == form_id:
            return form["template_id"]
    raise NotFoundError(translate("Checklist", "No checklist template {id}.").format(id=form_id))
