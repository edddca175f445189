"""Conflicts and refused changes described for a person: two laptops against the real registry."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from fieldkit import services
from fieldkit.store.models import Inspection, SyncIssue
from fieldkit.sync.conflicts import list_conflicts
from fieldkit.sync.describe import compact, describe_conflict, list_issues, time_text
from fieldkit.sync.describe_text import reason_text
from fieldkit.sync.ids import reference_id

SDK = reference_id("sites", "SDK")
STARTED = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)


def _conflicts(laptops):
    """Laptops A and B (the same inspector) change the same inspection and lead reading; B keeps conflicts."""
    a, b = laptops("inspector"), laptops("inspector")
    form = next(f for f in services.list_forms(a.store) if f["id"] == "effluent-sampling")
    iid = services.create_inspection(
        a.store, SDK, template_id=form["template_id"], title="Outfall round", started_at=STARTED
    ).created_id
    services.answer_item(a.store, iid, "lead", 0.2)
    a.sync()
    b.sync()
    services.answer_item(a.store, iid, "lead", 0.3)
    services.update_inspection(a.store, iid, title="Outfall round (laptop A)", weather="Dust storm")
    a.sync()
    services.answer_item(b.store, iid, "lead", 0.4)
    services.update_inspection(b.store, iid, title="Outfall round (laptop B)", notes="Sample from the right bank")
    b.sync()
    return a, b, form


def test_conflicts_read_as_names_local_times_and_formatted_answers(laptops):
    a, b, form = _conflicts(laptops)
    rows = {c.entity + ":" + (c.local.get("item_id") or ""): c for c in list_conflicts(b.store)}
    assert set(rows) == {"inspections:", "answers:lead", "answers:toxic_metals_sum"}

    view = describe_conflict(b.store, rows["inspections:"])
    assert view.label == "Inspection 'Outfall round (laptop B)' at Saindak Copper-Gold Project (SDK), 5 Oct"
    fields = {f.field: f for f in view.fields}
    # Bookkeeping is not content: said once in the header.
    assert not {"created_at", "updated_at", "updated_by", "deleted_at", "id"} & set(fields)
    assert view.mine_by == view.theirs_by == "Ayesha Baloch"
    mine_clock = view.mine_at.astimezone().strftime("%H:%M")
    assert view.header.startswith(f"Changed here by Ayesha Baloch at {mine_clock} / on the registry by Ayesha Baloch")
    # References resolved, readable labels.
    assert fields["site_id"].label == "Site" and fields["site_id"].mine == "Saindak Copper-Gold Project (SDK)"
    assert fields["inspector_id"].label == "Inspector" and fields["inspector_id"].theirs == "Ayesha Baloch"
    assert fields["template_id"].mine == f"{form['title']}, version {form['version']}"
    assert fields["camera_offset_s"].label == "Camera clock correction"
    assert fields["status"].mine == "Draft" and not fields["status"].differs
    local_start = STARTED.astimezone()
    assert fields["started_at"].mine == f"{local_start.day} Oct 2026 {local_start:%H:%M}"
    assert fields["notes"].mine == "Sample from the right bank" and fields["notes"].theirs == "—"
    differing = {f.field for f in view.differing}
    assert differing == {"title", "weather", "notes"}
    assert (fields["title"].mine, fields["title"].theirs) == ("Outfall round (laptop B)", "Outfall round (laptop A)")

    lead = describe_conflict(b.store, rows["answers:lead"])
    assert lead.label == "Answer to 'Lead (total)' in 'Outfall round (laptop B)'"
    fields = {f.field: f for f in lead.fields}
    assert (fields["value"].label, fields["value"].mine, fields["value"].theirs) == ("Answer", "0.4 mg/L", "0.3 mg/L")
    assert fields["item_id"].mine == "Lead (total)" and not fields["item_id"].differs
    assert fields["inspection_id"].label == "Inspection"
    assert {f.field for f in lead.differing} == {"value"}

    # A registry copy given as a full protocol Record dump, deleted there: said in words, not as deleted_at.
    row = rows["answers:lead"]
    record = {
        "entity": "answers",
        "id": row.record_id,
        "rev": row.remote_rev,
        "deleted": True,
        "updated_at": row.remote["updated_at"],
        "updated_by": "inspector2",
        "data": {k: v for k, v in row.remote.items() if k not in ("updated_by",)},
    }
    gone = describe_conflict(b.store, replace(row, remote=record), today=date(2000, 1, 1))
    deleted = next(f for f in gone.fields if f.field == "deleted")
    assert (deleted.label, deleted.mine, deleted.theirs) == ("Deleted", "—", "deleted on the registry")
    assert "on the registry by Imran Kakar at " in gone.header and " 2026 " in gone.header  # another day: dated
    a.store.close()


def test_refused_changes_list_their_reasons(laptops):
    laptop = laptops("inspector")
    form = next(f for f in services.list_forms(laptop.store) if f["id"] == "effluent-sampling")
    iid = services.create_inspection(
        laptop.store, SDK, template_id=form["template_id"], title="Night round", started_at=STARTED
    ).created_id
    with laptop.store.write() as session:  # submitted without the checks the app makes first
        session.get(Inspection, iid).status = "submitted"
    report = laptop.sync()
    assert report.rejected == 1
    issues = list_issues(laptop.store)
    assert [(i.entity, i.reason, i.retried) for i in issues] == [("inspections", "required_missing", False)]
    issue = issues[0]
    assert issue.label == "Inspection 'Night round' at Saindak Copper-Gold Project (SDK), 5 Oct"
    assert issue.text.startswith("Required items are not answered: ")
    assert "Location of the sampling point" in issue.text and "Is water being discharged" in issue.text
    assert "discharging_now" not in issue.text  # item labels, not ids

    with laptop.store.write(remote=True) as session:
        session.get(SyncIssue, issue.id).reason = "forbidden"
    assert list_issues(laptop.store)[0].text == (
        "The registry does not let you change this record (not your inspection, or not your site)."
    )


def test_reason_texts_and_compact_values():
    assert (
        reason_text("invalid", "title is too long", [], [])
        == "The registry found this record invalid: title is too long"
    )
    assert (
        reason_text("blob_missing", "", [], [])
        == "Waiting for the photo's original to upload; the next sync sends it again."
    )
    assert reason_text("status_transition", "", [], []).startswith("Your role cannot give the inspection this status")
    assert reason_text("parent_missing", "", [], []).endswith("send the inspection first.")
    assert reason_text("mystery", "", [], []) == "Refused by the registry (mystery)."
    assert reason_text("required_missing", "", [], ["pH (must be 0-14)"]) == (
        "Answers the form does not accept: pH (must be 0-14)."
    )
    assert compact(None) == compact("") == compact([]) == "—"
    assert compact(["dust", "noise"]) == "dust, noise"
    assert compact({"lat": 28.1, "lon": 61.5}) == "lat: 28.1, lon: 61.5"
    assert compact(True) == "Yes" and compact(0.30000000000000004) == "0.3"
    when = datetime(2026, 10, 5, 14, 32, tzinfo=UTC)
    local = when.astimezone()
    assert time_text(when) == f"{local.day} Oct 2026 {local:%H:%M}"
    assert time_text(when, today=local.date()) == f"{local:%H:%M}"
    assert time_text(None) == "—"
