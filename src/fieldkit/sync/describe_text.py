"""The words :mod:`fieldkit.sync.describe` uses: field names, kinds of record, months and the reasons
the registry gives for refusing a change. Functions, not constants, so each call reads the catalogue
of the language the user has chosen (``translate`` is literal for ``pyside6-lupdate``)."""

from __future__ import annotations

from fieldkit.i18n import translate


def field_label(entity: str, column: str) -> str:
    """A column as the forms call it ("Camera clock correction", not ``camera_offset_s``)."""
    special = {
        ("answers", "value"): translate("Sync", "Answer"),
        ("answers", "item_id"): translate("Sync", "Checklist item"),
        ("findings", "item_id"): translate("Sync", "Checklist item"),
        ("photos", "item_id"): translate("Sync", "Checklist item"),
        ("tracks", "kind"): translate("Sync", "Track or route"),
        ("tracks", "source"): translate("Sync", "Recorded with"),
        ("waypoints", "time"): translate("Sync", "Time"),
        ("reviews", "decision"): translate("Sync", "Decision"),
    }.get((entity, column))
    if special:
        return special
    labels = {
        "site_id": translate("Sync", "Site"),
        "template_id": translate("Sync", "Form"),
        "inspector_id": translate("Sync", "Inspector"),
        "inspection_id": translate("Sync", "Inspection"),
        "title": translate("Sync", "Title"),
        "status": translate("Sync", "Status"),
        "planned_at": translate("Sync", "Planned for"),
        "started_at": translate("Sync", "Started"),
        "finished_at": translate("Sync", "Finished"),
        "ended_at": translate("Sync", "Ended"),
        "weather": translate("Sync", "Weather"),
        "temperature_c": translate("Sync", "Temperature"),
        "notes": translate("Sync", "Notes"),
        "camera_offset_s": translate("Sync", "Camera clock correction"),
        "unit": translate("Sync", "Unit"),
        "comment": translate("Sync", "Comment"),
        "flags": translate("Sync", "Checks"),
        "severity": translate("Sync", "Severity"),
        "description": translate("Sync", "Description"),
        "latitude": translate("Sync", "Latitude"),
        "longitude": translate("Sync", "Longitude"),
        "corrective_action": translate("Sync", "Corrective action"),
        "responsible": translate("Sync", "Responsible"),
        "due_date": translate("Sync", "Due"),
        "follows_id": translate("Sync", "Follows up"),
        "finding_id": translate("Sync", "Finding"),
        "track_id": translate("Sync", "Track"),
        "name": translate("Sync", "Name"),
        "source_name": translate("Sync", "File"),
        "original_name": translate("Sync", "File"),
        "point_count": translate("Sync", "Points"),
        "segment_count": translate("Sync", "Segments"),
        "stats": translate("Sync", "Statistics"),
        "chunks": translate("Sync", "Track points"),
        "symbol": translate("Sync", "Symbol"),
        "elevation_m": translate("Sync", "Elevation"),
        "altitude_m": translate("Sync", "Altitude"),
        "bearing_deg": translate("Sync", "Bearing"),
        "media_type": translate("Sync", "File type"),
        "byte_size": translate("Sync", "Size"),
        "width": translate("Sync", "Width (pixels)"),
        "height": translate("Sync", "Height (pixels)"),
        "taken_at": translate("Sync", "Taken"),
        "position_source": translate("Sync", "Position from"),
        "camera_make": translate("Sync", "Camera make"),
        "camera_model": translate("Sync", "Camera model"),
        "orientation": translate("Sync", "Orientation"),
        "camera_time": translate("Sync", "Camera clock reading"),
        "camera_utc_offset": translate("Sync", "Camera time zone"),
        "caption": translate("Sync", "Caption"),
        "reviewer": translate("Sync", "Reviewer"),
        "item_comments": translate("Sync", "Comments on items"),
        "reviewed_at": translate("Sync", "Reviewed"),
        "received_on": translate("Sync", "Received"),
        "village": translate("Sync", "Village"),
        "category": translate("Sync", "Category"),
        "complainant": translate("Sync", "Complainant"),
        "response": translate("Sync", "Response"),
    }
    return labels.get(column) or column.replace("_", " ").capitalize()


def kind_label(entity: str) -> str:
    return {
        "inspections": translate("Sync", "Inspection"),
        "answers": translate("Sync", "Answer"),
        "findings": translate("Sync", "Finding"),
        "photos": translate("Sync", "Photo"),
        "tracks": translate("Sync", "Track"),
        "waypoints": translate("Sync", "Waypoint"),
        "reviews": translate("Sync", "Review"),
        "grievances": translate("Sync", "Grievance"),
        "sites": translate("Sync", "Site"),
        "users": translate("Sync", "User"),
        "templates": translate("Sync", "Form"),
        "limit_sets": translate("Sync", "Limit set"),
        "parameters": translate("Sync", "Parameter"),
    }.get(entity, entity)


def month_name(month: int) -> str:
    return (
        translate("Sync", "Jan"),
        translate("Sync", "Feb"),
        translate("Sync", "Mar"),
        translate("Sync", "Apr"),
        translate("Sync", "May"),
        translate("Sync", "Jun"),
        translate("Sync", "Jul"),
        translate("Sync", "Aug"),
        translate("Sync", "Sep"),
        translate("Sync", "Oct"),
        translate("Sync", "Nov"),
        translate("Sync", "Dec"),
    )[month - 1]


def reason_text(code: str, detail: str, missing: list[str], refused: list[str]) -> str:
    """Why the registry refused a change, for the person who made it (``detail`` is the registry's English)."""
    if code == "required_missing" and (missing or refused):
        parts = []
        if missing:
            parts.append(
                translate("Sync", "Required items are not answered: {items}.").format(items=", ".join(missing))
            )
        if refused:
            parts.append(
                translate("Sync", "Answers the form does not accept: {items}.").format(items="; ".join(refused))
            )
        return " ".join(parts)
    texts = {
        "forbidden": translate(
            "Sync", "The registry does not let you change this record (not your inspection, or not your site)."
        ),
        "required_missing": translate("Sync", "Required items are not answered."),
        "status_transition": translate(
            "Sync", "Your role cannot give the inspection this status (for example, only a supervisor approves)."
        ),
        "unknown_template": translate(
            "Sync", "The registry does not have this inspection's form version; ask its administrator to publish it."
        ),
        "parent_missing": translate(
            "Sync", "The registry does not have the inspection this belongs to; send the inspection first."
        ),
        "invalid": translate("Sync", "The registry found this record invalid: {detail}"),
        "too_large": translate("Sync", "This record is too large for the registry."),
        "blob_missing": translate("Sync", "Waiting for the photo's original to upload; the next sync sends it again."),
        "unknown_entity": translate("Sync", "The registry does not know this kind of record; update FieldKit."),
    }
    text = texts.get(code) or translate("Sync", "Refused by the registry ({code}).").format(code=code)
    return text.format(detail=detail or "—") if code == "invalid" else text
