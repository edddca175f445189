"""The answer write path against the real built-in templates and limit sets."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from fieldkit import services
from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.store import Store
from fieldkit.store.models import Answer


def _inspection(store: Store, form: str, site: str) -> str:
    return services.create_inspection(
        store,
        services.get_site(store, site).id,
        template_id=services.template_id_for(store, form),
        started_at=datetime.now(UTC),
    ).created_id


def _effluent(store: Store, site: str = "SDK", route: str = "inland") -> str:
    iid = _inspection(store, "effluent-sampling", site)
    for item, value in (("discharge_route", route), ("sample_taken", "yes"), ("lab_results_received", "yes")):
        services.answer_item(store, iid, item, value)
    return iid


def _kinds(result) -> list[str]:
    return [f.kind for f in result.flags]


def test_a_reading_over_the_stricter_limit_is_flagged_with_limit_standard_and_margin(demo_store: Store):
    iid = _effluent(demo_store)
    result = services.answer_item(demo_store, iid, "lead", "0.62")
    assert result.value == 0.62
    (exceedance,) = [f for f in result.flags if f.kind == "exceedance"]
    assert exceedance.message == "Lead 0.62 mg/L exceeds 0.2 mg/L (IFC Mining 2007, Table 1) by 210%"
    assert (exceedance.limit, exceedance.unit, exceedance.limit_set) == (0.2, "mg/L", "ifc-mining-effluent")
    assert result.proposal is not None and result.proposal.severity in ("high", "critical")
    stored = services.load_checklist(demo_store, iid).state.items["lead"]
    assert [f.kind for f in stored.flags] == _kinds(result)


def test_where_only_neqs_binds_its_value_applies(demo_store: Store):
    # Muslim Bagh names no IFC set: lead 0.3 is within NEQS 0.5 there, over IFC's 0.2 at Saindak.
    at_mbc = services.answer_item(demo_store, _effluent(demo_store, "MBC"), "lead", 0.3)
    at_sdk = services.answer_item(demo_store, _effluent(demo_store, "SDK"), "lead", 0.3)
    assert "exceedance" not in _kinds(at_mbc)
    assert "exceedance" in _kinds(at_sdk)


def test_changing_the_route_re_evaluates_the_readings_that_depend_on_it(demo_store: Store):
    iid = _effluent(demo_store, "MBC", route="inland")
    sulphate = services.answer_item(demo_store, iid, "sulphate", 800)  # NEQS: inland 600, sewage 1000
    assert "exceedance" in _kinds(sulphate)
    changed = services.answer_item(demo_store, iid, "discharge_route", "sewage")
    assert ("sulphate" in changed.dependents and changed.dependents["sulphate"] == []) or all(
        f.kind != "exceedance" for f in changed.dependents.get("sulphate", [])
    )
    state = services.load_checklist(demo_store, iid).state
    assert all(f.kind != "exceedance" for f in state.items["sulphate"].flags)
    with demo_store.read() as session:
        row = session.scalar(select(Answer).where(Answer.inspection_id == iid, Answer.item_id == "sulphate"))
        assert all(f["kind"] != "exceedance" for f in row.flags)  # the stored flags follow too


def test_night_noise_at_a_residential_receptor_is_held_to_the_night_limit(demo_store: Store):
    iid = _inspection(demo_store, "noise-survey", "THR")
    services.answer_item(demo_store, iid, "zone", "residential")
    services.answer_item(demo_store, iid, "period", "day")
    day = services.answer_item(demo_store, iid, "laeq", 50)
    assert "exceedance" not in _kinds(day)
    services.answer_item(demo_store, iid, "period", "night")
    night = services.load_checklist(demo_store, iid).state.items["laeq"]
    (flag,) = [f for f in night.flags if f.kind == "exceedance"]
    assert flag.limit == 45 and "dB(A)" in flag.message


def test_a_limit_graded_m_is_flagged_unverified(demo_store: Store):
    iid = _effluent(demo_store, "MBC")
    result = services.answer_item(demo_store, iid, "zinc", 1.0)  # NEQS zinc 5.0 is graded M
    (flag,) = [f for f in result.flags if f.kind == "unverified_limit"]
    assert flag.grade == "M" and "not been checked" in flag.message


@pytest.mark.parametrize(
    ("item", "value", "message"),
    [
        ("lead", "high", "'high' is not a number"),
        ("lead", "0,62", "use a point for decimals"),
        ("discharge_route", "river", "'river' is not an option (options: inland, sewage, sea)"),
        ("sample_taken", "maybe", "'maybe' is not yes, no or na"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_and_nothing_is_stored(demo_store: Store, item, value, message):
    iid = _effluent(demo_store)
    with demo_store.read() as session:
        before = session.scalar(select(func.count()).select_from(Answer).where(Answer.inspection_id == iid))
    with pytest.raises(ValidationError, match=re.escape(message)):
        services.answer_item(demo_store, iid, item, value)
    with demo_store.read() as session:
        after = session.scalar(select(func.count()).select_from(Answer).where(Answer.inspection_id == iid))
    assert after == before


def test_unknown_items_and_closed_inspections_are_refused(demo_store: Store):
    iid = _effluent(demo_store)
    with pytest.raises(NotFoundError, match="has no item nickel_carbonyl"):
        services.answer_item(demo_store, iid, "nickel_carbonyl", 1)
    submitted = next(r for r in services.all_inspections(demo_store) if r.status == "submitted")
    with pytest.raises(ValidationError, match="can no longer change"):
        services.answer_item(demo_store, submitted.id, "remarks", "late edit")


def test_submission_waits_for_required_items_and_plausible_answers(demo_store: Store):
    iid = _inspection(demo_store, "community-liaison-visit", "THR")
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.set_status(demo_store, iid, "submitted")
    missing = {p.item_id for p in blocked.value.problems if p.kind == "missing"}
    assert "village" in missing or missing  # the required items are listed
    assert services.get_inspection(demo_store, iid).status == "draft"
    checklist = services.load_checklist(demo_store, iid)
    from tests.ui.test_checklist import _plan  # the same plan the keyboard test types

    for item_id, value in _plan(demo_store, iid, {}).items():
        services.answer_item(demo_store, iid, item_id, value)
    remaining = services.submission_problems(demo_store, iid)
    types = {checklist.compiled.template.items[p.item_id].type for p in remaining}
    assert types <= {"photo"}, remaining
    if not remaining:
        services.set_status(demo_store, iid, "submitted")
        assert services.get_inspection(demo_store, iid).status == "submitted"


def test_an_implausible_typed_answer_blocks_submission_but_a_failed_calculated_check_does_not(demo_store: Store):
    iid = _inspection(demo_store, "tsf-inspection", "SDK")
    services.answer_item(demo_store, iid, "crest_level", 1052.0)
    services.answer_item(demo_store, iid, "pond_level", 1051.2)
    result = services.answer_item(demo_store, iid, "min_design_freeboard", 1.5)
    freeboard = result.dependents["freeboard"]
    assert [f.kind for f in freeboard] == ["failed"] and freeboard[0].severity == "critical"
    problems = {p.item_id: p.kind for p in services.submission_problems(demo_store, iid)}
    assert "freeboard" not in problems  # a finding to record, not a data error
    state = services.load_checklist(demo_store, iid).state
    assert state.items["freeboard"].proposal is not None
    assert state.items["freeboard"].value == pytest.approx(0.8)


def test_comments_are_saved_with_or_without_a_value(demo_store: Store):
    iid = _effluent(demo_store)
    services.answer_item(demo_store, iid, "lead", comment="Lab flagged matrix interference")
    services.answer_item(demo_store, iid, "lead", 0.1)
    checklist = services.load_checklist(demo_store, iid)
    assert checklist.comments["lead"] == "Lab flagged matrix interference"
    assert checklist.state.items["lead"].value == 0.1


def test_findings_are_created_edited_closed_and_deleted(demo_store: Store):
    iid = _effluent(demo_store)
    fid = services.create_finding(
        demo_store, iid, title="Lead over limit", severity="high", item_id="lead", due_date="2026-12-15"
    ).created_id
    with pytest.raises(ValidationError, match="Severity must be"):
        services.update_finding(demo_store, fid, severity="apocalyptic")
    services.update_finding(demo_store, fid, corrective_action="Re-route decant", responsible="MRDL")
    (row,) = services.list_findings(demo_store, iid)
    assert (row.title, row.corrective_action, row.due_date.isoformat()) == (
        "Lead over limit",
        "Re-route decant",
        "2026-12-15",
    )
    services.delete_finding(demo_store, fid)
    assert services.list_findings(demo_store, iid) == []
    approved = next(r for r in services.all_inspections(demo_store) if r.status == "submitted")
    demo_finding = services.list_findings(demo_store, approved.id)[0]
    services.update_finding(demo_store, demo_finding.id, status="closed")  # closing is always possible
    with pytest.raises(ValidationError, match="no longer editable"):
        services.update_finding(demo_store, demo_finding.id, title="rewritten history")
