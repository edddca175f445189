"""The inspection use-cases: what they store, what they refuse, what they report as changed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from fieldkit import services
from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.services import InspectionQuery
from fieldkit.store import Store
from fieldkit.store.models import AuditEvent, Inspection, Site, User


def _site(store: Store, code: str = "SDK") -> str:
    return services.get_site(store, code).id


def test_create_returns_the_new_id_and_stores_a_dirty_draft_with_an_audit_event(demo_store: Store):
    started = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)
    changes = services.create_inspection(
        demo_store, _site(demo_store), title="  Pit wall walk  ", started_at=started, actor="inspector"
    )
    new_id = changes.created_id
    assert new_id and [(c.entity, c.action) for c in changes] == [("inspections", "created")]
    detail = services.get_inspection(demo_store, new_id)
    assert detail.title == "Pit wall walk"  # trimmed
    assert detail.status == "draft" and detail.dirty and detail.updated_by == "inspector"
    assert detail.started_at == started
    assert detail.inspector == "Ayesha Baloch"  # defaults to the acting user
    trail = services.audit_trail(demo_store, new_id)
    assert [(e["action"], e["actor"]) for e in trail] == [("create", "inspector")]


def test_update_reports_only_fields_that_changed(demo_store: Store):
    iid = services.create_inspection(demo_store, _site(demo_store), title="A").created_id
    changes = services.update_inspection(demo_store, iid, title="A", weather="Dust storm", temperature_c="41.5")
    (change,) = changes.changes
    assert change.fields == {"weather": (None, "Dust storm"), "temperature_c": (None, 41.5)}
    assert not services.update_inspection(demo_store, iid, weather="Dust storm")  # nothing new: empty


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"temperature_c": "hot"}, "must be a number"),
        ({"temperature_c": 95}, "outside -60 to 70"),
        ({"title": "x" * 201}, "Title is longer than 200"),
        ({"started_at": datetime(2026, 1, 1, 9, 0)}, "time zone"),
        ({"site_id": "elsewhere"}, "Site cannot be edited"),
        ({"inspector_id": "nobody"}, "Unknown Inspector: nobody"),
    ],
)
def test_bad_header_values_are_refused_and_nothing_is_written(demo_store: Store, fields, message):
    iid = services.create_inspection(demo_store, _site(demo_store), title="Before").created_id
    before = services.get_inspection(demo_store, iid)
    with pytest.raises((ValidationError, NotFoundError), match=message):
        services.update_inspection(demo_store, iid, **{"weather": "After", **fields})
    assert services.get_inspection(demo_store, iid) == before


def test_finishing_before_starting_is_refused(demo_store: Store):
    start = datetime(2026, 11, 23, 9, tzinfo=UTC)
    iid = services.create_inspection(demo_store, _site(demo_store), started_at=start).created_id
    with pytest.raises(ValidationError, match="finish before it started"):
        services.update_inspection(demo_store, iid, finished_at=start - timedelta(minutes=1))


def test_the_status_workflow_with_reviews_and_audit(demo_store: Store):
    iid = services.create_inspection(demo_store, _site(demo_store), actor="inspector").created_id
    with pytest.raises(ValidationError, match="cannot become approved"):
        services.set_status(demo_store, iid, "approved", actor="supervisor")
    submitted = services.set_status(demo_store, iid, "submitted", actor="inspector")
    assert submitted.changes[0].fields["status"] == ("draft", "submitted")
    assert services.get_inspection(demo_store, iid).finished_at is not None  # submitting finishes it
    with pytest.raises(ValidationError, match="Only a supervisor"):
        services.set_status(demo_store, iid, "approved", actor="inspector")
    with pytest.raises(ValidationError, match="Say what must be corrected"):
        services.set_status(demo_store, iid, "returned", comment="  ", actor="supervisor")
    with pytest.raises(ValidationError, match="can only be edited while"):
        services.update_inspection(demo_store, iid, title="sneaky edit")
    returned = services.set_status(
        demo_store, iid, "returned", comment="Add photos of the spillway.", actor="supervisor"
    )
    assert returned.touches("reviews")
    detail = services.get_inspection(demo_store, iid)
    assert detail.last_review is not None
    assert (detail.last_review.reviewer_name, detail.last_review.comment) == (
        "Farhan Qureshi",
        "Add photos of the spillway.",
    )
    services.update_inspection(demo_store, iid, notes="Spillway photos added")  # editable again
    services.set_status(demo_store, iid, "submitted", actor="inspector")
    services.set_status(demo_store, iid, "approved", actor="supervisor")
    with pytest.raises(ValidationError, match="cannot be deleted"):
        services.delete_inspection(demo_store, iid)
    trail = [(e["action"], e["actor"], e["detail"].get("to")) for e in services.audit_trail(demo_store, iid)]
    assert trail == [
        ("create", "inspector", None),
        ("status", "inspector", "submitted"),
        ("status", "supervisor", "returned"),
        ("status", "inspector", "submitted"),
        ("status", "supervisor", "approved"),
    ]


def test_delete_is_a_tombstone_that_can_be_undone(demo_store: Store):
    iid = services.create_inspection(demo_store, _site(demo_store), title="Mistake").created_id
    services.delete_inspection(demo_store, iid, actor="inspector")
    assert iid not in {r.id for r in services.all_inspections(demo_store)}
    with pytest.raises(NotFoundError):
        services.get_inspection(demo_store, iid)
    with demo_store.read() as session:
        row = session.get(Inspection, iid)
        assert row is not None and row.deleted_at is not None and row.dirty  # kept until synced
    services.restore_inspection(demo_store, iid, actor="inspector")
    assert services.get_inspection(demo_store, iid).title == "Mistake"
    actions = [e["action"] for e in services.audit_trail(demo_store, iid)]
    assert actions == ["create", "delete", "restore"]


def test_every_create_of_any_entity_is_audited(demo_store: Store):
    with demo_store.read() as session:
        entities = {e for (e,) in session.execute(select(AuditEvent.entity).where(AuditEvent.action == "create"))}
        sites = session.scalars(select(Site)).all()
        users = session.scalars(select(User)).all()
    assert {"sites", "users", "inspections", "reviews"} <= entities
    assert all(s.dirty and s.rev is None for s in sites + users)


def test_keyed_pages_cover_every_row_exactly_once_even_with_equal_sort_values(store: Store):
    with store.write("t") as session:
        site = Site(code="X", name="X site")
        session.add(site)
        session.flush()
        same_time = datetime(2026, 5, 1, tzinfo=UTC)
        for i in range(700):
            session.add(
                Inspection(site_id=site.id, status="draft", title=f"n{i}", started_at=same_time if i % 2 else None)
            )
    for sort in ("date", "site", "status", "inspector"):
        for descending in (True, False):
            query = InspectionQuery(sort=sort, descending=descending)
            seen, after = [], None
            while True:
                page = services.list_inspections(store, query, after, limit=64)
                seen.extend(r.id for r in page.rows)
                if page.next is None:
                    break
                after = page.next
            assert len(seen) == len(set(seen)) == 700, (sort, descending)
    assert services.count_inspections(store) == 700


def test_the_text_filter_matches_literally(demo_store: Store):
    site = _site(demo_store)
    services.create_inspection(demo_store, site, title="100% coverage of the pit_wall")
    services.create_inspection(demo_store, site, title="1000 coverage of the pitXwall")
    titles = [r.title for r in services.all_inspections(demo_store, InspectionQuery(text="0% coverage"))]
    assert titles == ["100% coverage of the pit_wall"]
    titles = [r.title for r in services.all_inspections(demo_store, InspectionQuery(text="pit_wall"))]
    assert titles == ["100% coverage of the pit_wall"]
    by_inspector = services.all_inspections(demo_store, InspectionQuery(text="kakar"))
    assert {r.site_code for r in by_inspector} == {"MBC"}


def test_list_filters_by_site_and_status(demo_store: Store):
    sdk = _site(demo_store)
    rows = services.all_inspections(demo_store, InspectionQuery(site_id=sdk))
    assert rows and {r.site_code for r in rows} == {"SDK"}
    approved = services.all_inspections(demo_store, InspectionQuery(status="approved"))
    assert approved and {r.status for r in approved} == {"approved"}


def test_unknown_ids_are_clear_errors(store: Store):
    with pytest.raises(NotFoundError, match="No inspection with id nope"):
        services.update_inspection(store, "nope", title="x")
    with pytest.raises(NotFoundError, match="Unknown Site"):
        services.create_inspection(store, "no-site")
