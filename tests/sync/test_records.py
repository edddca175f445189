"""Records on the wire and applied from a pull: round trip, parking orphans, conflicts, re-keying old stores."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select, text

from fieldkit import services
from fieldkit.store import Store
from fieldkit.store.models import (
    Answer,
    Grievance,
    Inspection,
    Site,
    SyncConflict,
    SyncParked,
    Template,
    Track,
    TrackChunk,
    User,
)
from fieldkit.sync import inbox
from fieldkit.sync.ids import reference_id, template_key
from fieldkit.sync.protocol import PullPage, Record
from fieldkit.sync.records import row_data

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def _record(session, row, rev: int) -> Record:
    return Record(entity=row.__tablename__, id=row.id, rev=rev, updated_at=row.updated_at, data=row_data(session, row))


def _pull(store: Store, records: list[Record], cursor: int) -> inbox.PageResult:
    page = PullPage(records=records, cursor=cursor, more=False, scope=[])
    with store.write("sync", remote=True) as session:
        return inbox.apply_page(session, page, [])


def test_round_trip_and_orphans_parked_until_their_parent(tmp_path: Path) -> None:
    with services.open_store(tmp_path / "a") as a, services.open_store(tmp_path / "b") as b:
        with a.write("inspector") as s:
            site = Site(id=reference_id("sites", "SDK"), code="SDK", name="Saindak", partners=["MCC"])
            s.add(site)
            s.flush()
            insp = Inspection(site_id=site.id, title="Round", status="draft", started_at=T0)
            s.add(insp)
            s.flush()
            answer = Answer(inspection_id=insp.id, item_id="q1", value=[1, "x"], flags=[])
            griev = Grievance(site_id=site.id, received_on=date(2026, 11, 2), description="Dust")
            track = Track(inspection_id=insp.id, name="walk", point_count=2)
            s.add_all([answer, griev, track])
            s.flush()
            s.add(TrackChunk(track_id=track.id, segment=0, seq=0, point_count=2, data=b"\x00\x01packed"))
            s.flush()
            recs = {
                r.entity: r for r in (_record(s, x, n) for n, x in enumerate([site, insp, answer, griev, track], 1))
            }
        assert recs["tracks"].data["chunks"][0]["data"]
        assert recs["grievances"].data["received_on"] == "2026-11-02"
        assert "dirty" not in recs["answers"].data and "rev" not in recs["answers"].data

        # The answer and track arrive before their inspection (it was edited later): parked, not lost.
        first = _pull(b, [recs["answers"], recs["tracks"], recs["sites"]], 3)
        assert first.parked == 2
        with b.read() as s:
            assert s.scalar(select(Answer).where(Answer.id == recs["answers"].id)) is None
            assert len(s.scalars(select(SyncParked)).all()) == 2
        second = _pull(b, [recs["inspections"], recs["grievances"]], 5)
        assert second.parked == 0 and second.applied == 4
        with b.read() as s:
            got = s.get(Answer, recs["answers"].id)
            assert got.value == [1, "x"] and got.dirty is False and got.rev == 3
            assert s.get(Grievance, recs["grievances"].id).received_on == date(2026, 11, 2)
            chunk = s.scalars(select(TrackChunk)).one()
            assert chunk.data == b"\x00\x01packed"
            assert s.scalars(select(SyncParked)).all() == []
            assert s.get(Inspection, recs["inspections"].id).started_at == T0
        assert b.get_meta("sync_cursor")["cursor"] == 5

        # Applying the same page again changes nothing.
        again = _pull(b, [recs["inspections"], recs["grievances"]], 5)
        assert again.applied == 0


def test_pull_never_overwrites_an_unconfirmed_local_edit(tmp_path: Path) -> None:
    with services.open_store(tmp_path / "a") as a:
        with a.write("inspector") as s:
            site = Site(id=reference_id("sites", "SDK"), code="SDK", name="Saindak")
            s.add(site)
            s.flush()
            insp = Inspection(site_id=site.id, title="Mine", status="draft")
            s.add(insp)
        with a.write("sync", remote=True) as s:  # as if pushed and accepted at rev 4
            row = s.get(Inspection, insp.id)
            row.rev, row.dirty = 4, False
        services.update_inspection(a, insp.id, actor="inspector", title="Local edit")
        with a.read() as s:
            theirs = _record(s, s.get(Inspection, insp.id), 9)
        theirs.data["title"] = "Registry edit"
        result = _pull(a, [theirs], 9)
        assert result.conflicts == 1 and result.applied == 0
        with a.read() as s:
            assert s.get(Inspection, insp.id).title == "Local edit"
            conflict = s.scalars(select(SyncConflict)).one()
            assert conflict.remote["data"]["title"] == "Registry edit" and conflict.remote_rev == 9


def test_old_store_rows_rekeyed_with_their_references(tmp_path: Path) -> None:
    """A store made before reference ids: its site, user and template get the registry's ids."""
    with Store.open(tmp_path / "old") as old:
        with old.write("inspector") as s:
            site = Site(id="11111111-1111-4111-8111-111111111111", code="SDK", name="Saindak")
            user = User(
                id="22222222-2222-4222-8222-222222222222", username="inspector", display_name="A", role="inspector"
            )
            tpl = Template(id="33333333-3333-4333-8333-333333333333", form_id="f", version="1", title="F")
            s.add_all([site, user, tpl])
            s.flush()
            insp = Inspection(site_id=site.id, template_id=tpl.id, inspector_id=user.id, title="Old work")
            s.add_all([insp, Grievance(site_id=site.id, received_on=date(2026, 1, 1), description="Noise")])
        with old.read() as s:
            remote = [
                Record(
                    entity="sites",
                    id=reference_id("sites", "SDK"),
                    rev=1,
                    data={**row_data(s, s.get(Site, site.id)), "name": "Saindak Copper"},
                ),
                Record(
                    entity="users", id=reference_id("users", "inspector"), rev=2, data=row_data(s, s.get(User, user.id))
                ),
                Record(
                    entity="templates",
                    id=reference_id("templates", template_key("f", "1")),
                    rev=3,
                    data=row_data(s, s.get(Template, tpl.id)),
                ),
            ]
        _pull(old, remote, 3)
        with old.read() as s:
            moved = s.get(Inspection, insp.id)
            assert moved.site_id == reference_id("sites", "SDK")
            assert moved.inspector_id == reference_id("users", "inspector")
            assert moved.template_id == reference_id("templates", template_key("f", "1"))
            assert moved.dirty is True  # still the local, unpushed work it was
            assert s.scalars(select(Grievance)).one().site_id == reference_id("sites", "SDK")
            assert s.get(Site, site.id) is None and s.get(Site, reference_id("sites", "SDK")).name == "Saindak Copper"
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []


def test_fresh_store_library_uses_reference_ids(tmp_path: Path) -> None:
    with services.open_store(tmp_path / "s") as store, store.read() as s:
        for tpl in s.scalars(select(Template)):
            assert tpl.id == reference_id("templates", template_key(tpl.form_id, tpl.version))


def test_a_hostile_reply_bundle_stores_nothing(tmp_path: Path) -> None:
    import hashlib
    import zipfile

    import pytest

    from fieldkit.errors import ValidationError
    from fieldkit.sync.bundles import import_reply
    from fieldkit.sync.protocol import BundleManifest

    with services.open_store(tmp_path / "s") as store:
        site = Record(entity="sites", id=reference_id("sites", "ZZZ"), rev=5, data={"code": "ZZZ", "name": "Nowhere"})
        sha = hashlib.sha256(b"the photo").hexdigest()
        manifest = BundleManifest(
            kind="reply",
            bundle_id="r1",
            created_at=T0,
            username="inspector",
            device="d",
            blobs=[sha],
            pages=[PullPage(records=[site], cursor=5, more=False, scope=[site.id])],
        )
        bad = tmp_path / "reply.zip"
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("manifest.json", manifest.model_dump_json())
            zf.writestr(f"blobs/{sha}", b"something else")
        with pytest.raises(ValidationError, match="does not match"):
            import_reply(store, bad)
        with store.read() as s:
            assert s.get(Site, site.id) is None
        assert store.get_meta("sync_cursor") is None and store.get_meta("bundles_imported") is None
