"""Laptops syncing through a real registry process: convergence, conflicts, tombstones, old stores."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import create_engine, select, text

from fieldkit import services
from fieldkit.cli import main
from fieldkit.store import Store
from fieldkit.store.models import Finding, Grievance, Inspection, Review, Site, SyncConflict, User
from fieldkit.sync.conflicts import list_conflicts, resolve_conflict
from fieldkit.sync.ids import reference_id
from fieldkit.sync.status import sync_status

SDK = reference_id("sites", "SDK")


def _new_inspection(store: Store, title: str) -> str:
    return services.create_inspection(store, SDK, title=title, started_at=datetime.now(UTC)).created_id


def _registry_rows(registry, sql: str) -> list:
    engine = create_engine(registry.database_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).all()
    finally:
        engine.dispose()


def test_inspector_supervisor_and_liaison_converge(laptops) -> None:
    inspector, supervisor, liaison = laptops("inspector"), laptops("supervisor"), laptops("liaison")
    iid = _new_inspection(inspector.store, "Tailings walk")
    services.create_finding(inspector.store, iid, title="Seepage at toe", severity="high")
    with inspector.store.write() as session:
        session.add(Grievance(site_id=SDK, received_on=date(2026, 11, 30), description="Dust on the road"))
    services.set_status(inspector.store, iid, "submitted")
    report = inspector.sync()
    assert (report.pushed, report.accepted, report.rejected, report.conflicts) == (3, 3, 0, 0), report.problems
    assert sync_status(inspector.store).pending == 0

    supervisor.sync()
    assert services.get_inspection(supervisor.store, iid).status == "submitted"
    services.set_status(supervisor.store, iid, "approved", actor="supervisor")
    report = supervisor.sync()
    assert (report.accepted, report.rejected) == (2, 0), report.problems  # the status and its review

    report = liaison.sync()
    detail = services.get_inspection(liaison.store, iid)
    assert detail.status == "approved" and detail.last_review.decision == "approved"
    assert [f.title for f in services.list_findings(liaison.store, iid)] == ["Seepage at toe"]

    inspector.sync()
    assert services.get_inspection(inspector.store, iid).status == "approved"
    for laptop in (inspector, supervisor, liaison):
        status = sync_status(laptop.store)
        assert (status.pending, status.conflicts, status.rejected) == (0, 0, 0)
        with laptop.store.read() as s:
            row = s.get(Inspection, iid)
            assert row.dirty is False and row.rev is not None
            assert len(s.scalars(select(Review).where(Review.inspection_id == iid)).all()) == 1


def _cli(capsys, store: Store, *args: str) -> str:
    capsys.readouterr()
    assert main(["--data-dir", str(store.data_dir), *args]) == 0
    return capsys.readouterr().out


def test_concurrent_edits_are_kept_on_both_sides_then_converge(laptops, registry, capsys) -> None:
    one = laptops("inspector")
    iid = _new_inspection(one.store, "Shared draft")
    one.sync()
    two = laptops("inspector")  # the same inspector's second laptop
    services.update_inspection(one.store, iid, notes="from laptop one")
    services.update_inspection(two.store, iid, notes="from laptop two")
    assert one.sync().accepted == 1
    report = two.sync()
    assert report.conflicts == 1 and report.accepted == 0

    # Kept on both sides: the local edit and the registry's copy here, the pushed copy on the registry.
    (conflict,) = list_conflicts(two.store)
    assert conflict.local["notes"] == "from laptop two" and conflict.remote["notes"] == "from laptop one"
    assert services.get_inspection(two.store, iid).notes == "from laptop two"
    kept = _registry_rows(registry, f"SELECT data FROM conflicts WHERE record_id = '{iid}'")
    assert kept and "from laptop two" in str(kept[-1][0])
    assert two.sync().pushed == 0  # not pushed again while the conflict is open

    resolve_conflict(two.store, conflict.id, "mine")
    assert list_conflicts(two.store) == []
    assert two.sync().accepted == 1
    one.sync()
    assert services.get_inspection(one.store, iid).notes == "from laptop two"

    # The other way round: keep theirs.
    services.update_inspection(one.store, iid, notes="one again")
    services.update_inspection(two.store, iid, notes="two again")
    one.sync()
    assert two.sync().conflicts == 1
    listed = _cli(capsys, two.store, "conflicts", "list", "--json")
    assert [c["record_id"] for c in json.loads(listed)] == [iid]
    assert "Kept theirs" in _cli(
        capsys, two.store, "conflicts", "resolve", json.loads(listed)[0]["id"][:8], "--keep", "theirs"
    )
    assert services.get_inspection(two.store, iid).notes == "one again"
    two.sync()
    with two.store.read() as s:
        assert s.get(Inspection, iid).dirty is False
        assert s.scalars(select(SyncConflict)).all()[-1].resolution == "theirs"
    assert sync_status(two.store).pending == 0


def test_deletes_propagate_as_tombstones(laptops) -> None:
    one = laptops("inspector")
    iid = _new_inspection(one.store, "With a finding")
    fid = services.create_finding(one.store, iid, title="Oil drums uncovered").created_id
    one.sync()
    two = laptops("supervisor")
    assert [f.id for f in services.list_findings(two.store, iid)] == [fid]
    services.delete_finding(one.store, fid)
    assert one.sync().accepted == 1
    two.sync()
    assert services.list_findings(two.store, iid) == []
    with two.store.read() as s:
        assert s.get(Finding, fid).deleted_at is not None  # a tombstone, the row kept


def test_old_store_is_rekeyed_and_its_work_pushed(tmp_path: Path, laptops) -> None:
    with Store.open(tmp_path / "old") as old:
        with old.write("inspector") as s:
            site = Site(id="11111111-1111-4111-8111-111111111111", code="SDK", name="Saindak")
            me = User(
                id="22222222-2222-4222-8222-222222222222", username="inspector", display_name="A", role="inspector"
            )
            s.add_all([site, me])
            s.flush()
            s.add(Inspection(id="33333333-3333-4333-8333-333333333333", site_id=site.id, inspector_id=me.id))
        laptop = laptops("inspector", sync=False, store=old)
        report = laptop.sync()
        # The first sync pulls the registry's sites and users first: re-keyed, the old work is accepted.
        assert (report.accepted, report.rejected) == (1, 0), report.problems
        with old.read() as s:
            row = s.get(Inspection, "33333333-3333-4333-8333-333333333333")
            assert (row.site_id, row.inspector_id) == (SDK, reference_id("users", "inspector"))
            assert row.dirty is False and row.rev is not None
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
