"""Everything an inspection report shows, gathered from the store as plain data, and its content hash.

The content hash is printed on every page and in the QR code: it is the SHA-256 of the inspection's
content (header, answers, findings, photo hashes, tracks) in a canonical form, so that a printed copy
can be checked later against the registry's record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from fieldkit import services
from fieldkit.checklists.evaluate import ChecklistState
from fieldkit.checklists.limits import LimitSet
from fieldkit.checklists.model import Template
from fieldkit.errors import FieldKitError
from fieldkit.gps.points import Segment
from fieldkit.services import FindingRow, InspectionDetail, SiteRow
from fieldkit.services.inspections import ReviewRow
from fieldkit.services.library import limit_sets_for
from fieldkit.services.photos import PhotoRow
from fieldkit.services.tracks import TrackSummary
from fieldkit.store import Store


@dataclass
class InspectionReportData:
    inspection: InspectionDetail
    site: SiteRow
    template: Template | None
    state: ChecklistState | None
    comments: dict[str, str]
    findings: list[FindingRow]
    photos: list[PhotoRow]
    tracks: list[TrackSummary]
    segments: dict[str, list[Segment]] = field(default_factory=dict)
    approval: ReviewRow | None = None
    limit_sets: list[LimitSet] = field(default_factory=list)
    content_hash: str = ""

    @property
    def short_hash(self) -> str:
        return self.content_hash[:12]

    @property
    def approved(self) -> bool:
        return self.inspection.status == "approved"

    def photos_of_finding(self, finding_id: str) -> list[PhotoRow]:
        return [p for p in self.photos if p.finding_id == finding_id]

    def loose_photos(self) -> list[PhotoRow]:
        """Photos not shown with a finding (shown in the photo section)."""
        return [p for p in self.photos if p.finding_id is None]


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def content_hash(data: InspectionReportData) -> str:
    i = data.inspection
    body = {
        "id": i.id,
        "site": data.site.code,
        "template": [data.template.id, data.template.version] if data.template else None,
        "header": {
            k: _jsonable(getattr(i, k))
            for k in ("title", "status", "planned_at", "started_at", "finished_at", "weather", "temperature_c", "notes")
        },
        "answers": {k: s.value for k, s in sorted(data.state.items.items()) if s.value is not None}
        if data.state
        else {},
        "comments": dict(sorted(data.comments.items())),
        "findings": [
            [
                f.id,
                f.title,
                f.severity,
                f.description,
                f.corrective_action,
                f.responsible,
                _jsonable(f.due_date),
                f.status,
            ]
            for f in sorted(data.findings, key=lambda f: f.id)
        ],
        "photos": sorted(p.sha256 for p in data.photos),
        "tracks": sorted([t.id, t.points] for t in data.tracks),
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def gather(store: Store, inspection_id: str, lang: str = "en") -> InspectionReportData:
    """Read everything a report of ``inspection_id`` shows (one consistent set of reads)."""
    inspection = services.get_inspection(store, inspection_id)
    site = services.get_site(store, inspection.site_code)
    template = state = None
    comments: dict[str, str] = {}
    if inspection.template_id is not None:
        try:
            checklist = services.load_checklist(store, inspection_id, lang)
        except FieldKitError:
            checklist = None
        if checklist is not None:
            template, state, comments = checklist.compiled.template, checklist.state, checklist.comments
    tracks = services.tracks.list_tracks(store, inspection_id)
    data = InspectionReportData(
        inspection=inspection,
        site=site,
        template=template,
        state=state,
        comments=comments,
        findings=services.list_findings(store, inspection_id),
        photos=services.photos.list_photos(store, inspection_id),
        tracks=tracks,
        segments={t.id: services.tracks.track_segments(store, t.id) for t in tracks},
        approval=next((r for r in reversed(inspection.reviews) if r.decision == "approved"), None),
    )
    with store.read() as session:
        data.limit_sets = limit_sets_for(session, list(site.limit_sets))
    data.content_hash = content_hash(data)
    return data
