"""The demo's history of monthly effluent sampling at Saindak: enough approved rounds for trends."""

from __future__ import annotations

from sqlalchemy import func, select

from fieldkit import services
from fieldkit.demo import DEMO_VERSION, META_KEY, seed_demo
from fieldkit.store import Store
from fieldkit.store.models import Answer, AuditEvent, Finding, Inspection, Photo, Review


def _effluent_rounds(store: Store, status: str | None = None) -> list[services.InspectionRow]:
    """SDK inspections on the effluent template, oldest first."""
    query = services.InspectionQuery(site_id=services.get_site(store, "SDK").id, status=status, descending=False)
    template = services.template_id_for(store, "effluent-sampling")
    return [
        r
        for r in services.all_inspections(store, query)
        if services.get_inspection(store, r.id).template_id == template
    ]


def _readings(store: Store, item: str) -> list[float]:
    return [services.load_checklist(store, r.id).state.items[item].value for r in _effluent_rounds(store)]


def _counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model))
            for model in (Inspection, Answer, Finding, Photo, Review, AuditEvent)
        }


def test_saindak_has_six_months_of_approved_effluent_rounds_that_pass_the_submit_check(demo_store: Store):
    approved = _effluent_rounds(demo_store, "approved")
    assert len(approved) >= 6
    assert len({(r.started_at.year, r.started_at.month) for r in approved}) >= 5
    (november,) = [r for r in _effluent_rounds(demo_store) if r.status == "submitted"]
    for row in approved:
        assert row.inspector_username == november.inspector_username == "inspector"
        assert row.started_at < november.started_at
        assert services.submission_problems(demo_store, row.id) == []
        detail = services.get_inspection(demo_store, row.id)
        assert [(r.decision, r.reviewer) for r in detail.reviews] == [("approved", "supervisor")]
        assert detail.reviews[0].reviewed_at > detail.finished_at  # approved once the lab report was in
        # The required scan of the laboratory report is there (the submit check asks for it).
        assert services.load_checklist(demo_store, row.id).state.items["lab_report_photos"].value


def test_saindak_readings_form_trends_towards_the_november_exceedances(demo_store: Store):
    copper = _readings(demo_store, "copper")
    assert len(copper) >= 7 and len(set(copper)) > 1
    *history, november = copper
    assert history == sorted(history) and max(history) < 0.3 < november  # creeping up to the IFC 0.3 mg/L
    ph = _readings(demo_store, "ph_field")
    assert len(set(ph)) > 1 and all(6 < v < 9 for v in ph)
    lead = _readings(demo_store, "lead")
    assert sum(v > 0.2 for v in lead[:-1]) == 1  # one earlier exceedance of the IFC 0.2 mg/L


def test_the_one_earlier_exceedance_has_a_closed_finding_with_its_corrective_action(demo_store: Store):
    history = _effluent_rounds(demo_store, "approved")
    findings = [f for r in history for f in services.list_findings(demo_store, r.id)]
    assert [(f.item_id, f.status) for f in findings] == [("lead", "closed")]
    assert findings[0].corrective_action and findings[0].responsible


def test_seeding_again_changes_nothing(demo_store: Store):
    before = _counts(demo_store)
    assert before["inspections"] == 14 and before["findings"] == 4
    assert seed_demo(demo_store).total == 0
    assert _counts(demo_store) == before
    assert demo_store.get_meta(META_KEY) == DEMO_VERSION == 5


def test_a_store_seeded_before_the_history_gets_it_on_the_next_run(store: Store, monkeypatch):
    import fieldkit.demo as demo

    with monkeypatch.context() as patch:  # the demo as it was at version 4: no history yet
        patch.setattr(demo, "EFFLUENT_HISTORY", [])
        patch.setattr(demo, "DEMO_VERSION", 4)
        assert seed_demo(store).created["inspections"] == 8
    assert store.get_meta(META_KEY) == 4
    assert seed_demo(store).created == {"inspections": 6}
    assert store.get_meta(META_KEY) == 5
    assert len(_effluent_rounds(store, "approved")) == 6
