"""Use-cases the UI and the CLI share. Calls that change data return a :class:`ChangeSet`."""

from pathlib import Path

from fieldkit.services import photos, sites, tracks
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.services.checklists import AnswerResult, Checklist, answer_item, load_checklist, submission_problems
from fieldkit.services.findings import (
    FindingRow,
    create_finding,
    delete_finding,
    list_findings,
    severity_label,
    update_finding,
)
from fieldkit.services.inspection_list import (
    InspectionQuery,
    InspectionRow,
    Page,
    PageKey,
    all_inspections,
    count_inspections,
    list_inspections,
)
from fieldkit.services.inspections import (
    EDITABLE_FIELDS,
    InspectionDetail,
    audit_trail,
    create_inspection,
    delete_inspection,
    get_inspection,
    restore_inspection,
    status_label,
    update_inspection,
)
from fieldkit.services.library import ensure_builtin_library, list_forms, template_id_for
from fieldkit.services.sites import (
    SiteRow,
    TemplateRow,
    UserRow,
    current_user,
    get_site,
    list_sites,
    list_templates,
    list_users,
)
from fieldkit.services.workflow import SubmissionBlocked, set_status


def open_store(data_dir: Path):
    """Open the store in ``data_dir`` with the built-in checklist library installed (what the app and CLI use)."""
    from fieldkit.store import Store

    store = Store.open(data_dir)
    try:
        ensure_builtin_library(store)
        from fieldkit.services.live_tracks import finish_live_track, unfinished_live_tracks

        for track_id in unfinished_live_tracks(store):  # a live log that a crash left open
            finish_live_track(store, track_id)
    except BaseException:
        store.close()
        raise
    return store


__all__ = [
    "EDITABLE_FIELDS",
    "AnswerResult",
    "Change",
    "ChangeSet",
    "Checklist",
    "FindingRow",
    "InspectionDetail",
    "InspectionQuery",
    "InspectionRow",
    "Page",
    "PageKey",
    "SiteRow",
    "SubmissionBlocked",
    "TemplateRow",
    "UserRow",
    "all_inspections",
    "answer_item",
    "audit_trail",
    "count_inspections",
    "create_finding",
    "create_inspection",
    "current_user",
    "delete_finding",
    "delete_inspection",
    "ensure_builtin_library",
    "get_inspection",
    "get_site",
    "list_findings",
    "list_forms",
    "list_inspections",
    "list_sites",
    "list_templates",
    "list_users",
    "load_checklist",
    "open_store",
    "photos",
    "restore_inspection",
    "set_status",
    "severity_label",
    "sites",
    "status_label",
    "submission_problems",
    "template_id_for",
    "tracks",
    "update_finding",
    "update_inspection",
]
