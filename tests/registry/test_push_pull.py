"""Push and pull semantics against a real registry process, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib

from fieldkit_registry.db import ConflictRow
from sqlalchemy import create_engine, select

from tests.registry.conftest import MINI, Api, answer, change, inspection, new_id, site


def test_new_record_accepted_pulled_and_replay_changes_nothing(users):
    ins = users["inspector"]
    iid = new_id()
    c = change("inspections", iid, inspection("SDK", "inspector"))
    first = ins.push_one(c)
    assert first["status"] == "accepted" and first["rev"] > 0
    again = ins.push_one(c)
    assert again == first
    records = [r for r in ins.pull_all()[0] if r["id"] == iid]
    assert len(records) == 1 and records[0]["rev"] == first["rev"] and records[0]["data"]["status"] == "draft"
    assert records[0]["updated_by"] == "inspector"


def test_stale_base_rev_is_a_conflict_and_the_pushed_copy_is_kept(users, registry):
    ins = users["inspector"]
    laptop_a, laptop_b = Api(registry, "inspector", "laptop-A"), Api(registry, "inspector", "laptop-B")
    iid = new_id()
    data = inspection("SDK", "inspector")
    rev1 = ins.push_one(change("inspections", iid, data))["rev"]
    edit_a = {**data, "notes": "from laptop A"}
    rev2 = laptop_a.push_one(change("inspections", iid, edit_a, base_rev=rev1))["rev"]
    assert rev2 > rev1
    edit_b = {**data, "notes": "from laptop B"}
    result = laptop_b.push_one(change("inspections", iid, edit_b, base_rev=rev1))
    assert result["status"] == "conflict"
    assert result["current"]["rev"] == rev2 and result["current"]["data"]["notes"] == "from laptop A"
    engine = create_engine(registry.database_url)
    with engine.connect() as conn:
        kept = conn.execute(select(ConflictRow.data, ConflictRow.device).where(ConflictRow.record_id == iid)).all()
    engine.dispose()
    assert [(row.data["notes"], row.device) for row in kept] == [("from laptop B", "laptop-B")]
    # the registry's copy is untouched
    current = [r for r in ins.pull_all(rev1)[0] if r["id"] == iid]
    assert current[-1]["data"]["notes"] == "from laptop A"


def test_lost_answer_same_device_same_base_is_accepted(users, registry):
    """The device is the token's (each laptop logs in with its own), not what the push body says."""
    ins = users["inspector"]
    laptop_m = Api(registry, "inspector", "laptop-M")
    iid = new_id()
    data = inspection("DDR", "inspector")
    rev1 = ins.push_one(change("inspections", iid, data))["rev"]
    ins.push_one(change("inspections", iid, {**data, "notes": "one"}, base_rev=rev1))
    # the answer to that push was lost: the laptop still thinks rev1, edits again
    again = ins.push_one(change("inspections", iid, {**data, "notes": "one two"}, base_rev=rev1))
    assert again["status"] == "accepted"
    # the same stale base from another device is a conflict
    other = laptop_m.push_one(change("inspections", iid, {**data, "notes": "x"}, base_rev=rev1))
    assert other["status"] == "conflict"


def test_identical_data_on_a_stale_base_is_accepted_with_the_current_rev(users):
    ins = users["inspector"]
    iid = new_id()
    data = inspection("SDK", "inspector")
    rev1 = ins.push_one(change("inspections", iid, data))["rev"]
    rev2 = ins.push_one(change("inspections", iid, {**data, "notes": "n"}, base_rev=rev1), device="A")["rev"]
    same = ins.push_one(change("inspections", iid, {**data, "notes": "n"}, base_rev=rev1), device="B")
    assert same["status"] == "accepted" and same["rev"] == rev2


def test_submit_needs_required_items_counting_answers_in_the_same_batch(users):
    ins = users["inspector"]
    iid = new_id()
    rev = ins.push_one(change("inspections", iid, inspection("SDK", "inspector")))["rev"]
    blocked = ins.push_one(change("inspections", iid, inspection("SDK", "inspector", "submitted"), base_rev=rev))
    assert blocked["status"] == "rejected" and blocked["reason"] == "required_missing"
    assert [p["item_id"] for p in blocked["reason_detail"]] == ["gate_ok"]
    results = ins.push(
        change("inspections", iid, inspection("SDK", "inspector", "submitted"), base_rev=rev),
        change("answers", new_id(), answer(iid, "gate_ok", "fine")),
    )
    assert [r["status"] for r in results] == ["accepted", "accepted"]
    # submitted: the inspector can no longer change its answers
    late = ins.push_one(change("answers", new_id(), answer(iid, "notes", "late")))
    assert late["status"] == "rejected" and late["reason"] == "forbidden"


def test_unknown_template_and_missing_parent_are_rejected(users):
    ins = users["inspector"]
    bad = ins.push_one(change("inspections", new_id(), inspection("SDK", "inspector", template_id=new_id())))
    assert (bad["status"], bad["reason"]) == ("rejected", "unknown_template")
    orphan = ins.push_one(change("answers", new_id(), answer(new_id(), "gate_ok", "x")))
    assert (orphan["status"], orphan["reason"]) == ("rejected", "parent_missing")


def test_approval_brings_the_inspection_and_its_children_to_liaison(users):
    ins, sup, liaison = users["inspector"], users["supervisor"], users["liaison"]
    iid, aid = new_id(), new_id()
    results = ins.push(
        change("inspections", iid, inspection("THR", "inspector", "submitted")),
        change("answers", aid, answer(iid, "gate_ok", "ok")),
    )
    assert [r["status"] for r in results] == ["accepted", "accepted"]
    _, cursor, _ = liaison.pull_all()
    assert not {iid, aid} & liaison.ids()
    data = inspection("THR", "inspector", "submitted")
    current = [r for r in sup.pull_all()[0] if r["id"] == iid][-1]
    approved = {**current["data"], "status": "approved", "updated_by": "supervisor"}
    assert sup.push_one(change("inspections", iid, approved, base_rev=current["rev"]))["status"] == "accepted"
    newer = liaison.pull_all(cursor)[0]
    assert {iid, aid} <= {r["id"] for r in newer}
    assert data["site_id"] == site("THR")


def test_pull_pages_and_cursor(users):
    ins = users["inspector"]
    records, top, scope = ins.pull_all()
    assert scope == sorted(site(c) for c in ("SDK", "DDR", "THR"))
    paged, cursor, seen_more = [], 0, 0
    while True:
        page = ins.http.get("/changes", params={"since": cursor, "limit": 7}).json()
        assert len(page["records"]) <= 7
        assert all(r["rev"] > cursor for r in page["records"])
        paged += page["records"]
        cursor = page["cursor"]
        seen_more += page["more"]
        if not page["more"]:
            break
    assert seen_more > 3
    assert [r["rev"] for r in paged] == [r["rev"] for r in records] == sorted(r["rev"] for r in records)
    assert cursor == top
    empty = ins.http.get("/changes", params={"since": top}).json()
    assert empty["records"] == [] and empty["cursor"] >= top and not empty["more"]
    # reference data reaches everyone: the published mini template and the demo users
    ids = {r["id"] for r in records}
    assert MINI in ids


def test_tombstones_are_pulled(users):
    ins, sup = users["inspector"], users["supervisor"]
    iid = new_id()
    data = inspection("SDK", "inspector")
    rev = ins.push_one(change("inspections", iid, data))["rev"]
    gone = ins.push_one(
        change("inspections", iid, {**data, "deleted_at": data["updated_at"]}, base_rev=rev, deleted=True)
    )
    assert gone["status"] == "accepted"
    seen = [r for r in sup.pull_all(rev - 1)[0] if r["id"] == iid]
    assert seen[-1]["deleted"] is True and seen[-1]["rev"] == gone["rev"]


def test_photo_waits_for_its_blob(users):
    ins = users["inspector"]
    iid = new_id()
    assert ins.push_one(change("inspections", iid, inspection("SDK", "inspector")))["status"] == "accepted"
    blob = b"not really a jpeg " + new_id().encode()
    sha = hashlib.sha256(blob).hexdigest()
    photo = change("photos", new_id(), {"sha256": sha, "inspection_id": iid, "byte_size": len(blob)})
    first = ins.push_one(photo)
    assert (first["status"], first["reason"]) == ("rejected", "blob_missing")
    assert ins.http.post("/blobs/missing", json={"hashes": [sha]}).json() == {"missing": [sha]}
    up = ins.http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(blob)}, content=blob)
    assert up.status_code == 200 and up.json()["complete"] is True
    # the same change id, retried, now succeeds: blob_missing is never the stored answer
    assert ins.push_one(photo)["status"] == "accepted"
    assert ins.http.get(f"/blobs/{sha}").content == blob
    assert users["supervisor"].http.get(f"/blobs/{sha}").content == blob


def test_a_push_holds_revisions_in_order(users):
    ins = users["inspector"]
    results = ins.push(*(change("inspections", new_id(), inspection("DDR", "inspector")) for _ in range(20)))
    revs = [r["rev"] for r in results]
    assert revs == sorted(revs) and len(set(revs)) == 20
