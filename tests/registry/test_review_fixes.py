"""Regression tests for the sync review's findings against the registry (notes/review.md), each named
after its finding, on SQLite and PostgreSQL, against a real registry process over HTTP."""

from __future__ import annotations

import hashlib
import os
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from fieldkit_registry.db import BlobRow
from sqlalchemy import create_engine, insert

from fieldkit.sync.bundlefile import write_bundle
from fieldkit.sync.ids import reference_id
from fieldkit.sync.protocol import BundleManifest, Change, bundle_proof
from tests.registry.conftest import Api, answer, change, grievance, inspection, new_id


def latest(api: Api, record_id: str) -> dict | None:
    found = [r for r in api.pull_all()[0] if r["id"] == record_id]
    return found[-1] if found else None


def outcome(result: dict) -> tuple[str, str | None]:
    return result["status"], result.get("reason")


def upload(api: Api, blob: bytes) -> str:
    sha = hashlib.sha256(blob).hexdigest()
    r = api.http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(blob)}, content=blob)
    assert r.status_code == 200 and r.json()["complete"], r.text
    return sha


def track(inspection_id: str | None, name: str) -> dict:
    return {"inspection_id": inspection_id, "name": name}


# -- 1. another user's unfiled record, a review at a site no longer yours -----------------------------


def test_1_unfiled_record_of_another_user_is_neither_shown_nor_taken(users):
    ins, ins2 = users["inspector"], users["inspector2"]
    tid = new_id()
    rev = ins.push_one(change("tracks", tid, track(None, "secret route")))["rev"]
    mbc = new_id()
    assert ins2.push_one(change("inspections", mbc, inspection("MBC", "inspector2")))["status"] == "accepted"
    first = ins2.push_one(change("tracks", tid, track(mbc, "mine now")))
    assert outcome(first) == ("rejected", "forbidden") and first.get("current") is None
    again = ins2.push_one(change("tracks", tid, track(mbc, "mine now"), base_rev=rev))
    assert outcome(again) == ("rejected", "forbidden")
    assert outcome(ins2.push_one(change("tracks", tid, track(None, "unfiled, mine"), base_rev=rev))) == (
        "rejected",
        "forbidden",
    )
    assert tid not in ins2.ids()
    kept = latest(ins, tid)
    assert kept["rev"] == rev and kept["data"]["name"] == "secret route"


def test_1_review_at_a_site_not_yours_is_not_overwritten(users, registry):
    ins, ins2, sup = users["inspector"], users["inspector2"], users["supervisor"]
    assert registry.cli("users", "add", "sup-sdk", "--role", "supervisor", "--sites", "SDK").returncode == 0
    sup_sdk = Api(registry, "sup-sdk")
    mbc, sdk, rid = new_id(), new_id(), new_id()
    assert (
        ins2.push_one(change("inspections", mbc, inspection("MBC", "inspector2", "submitted", template_id=None)))[
            "status"
        ]
        == "accepted"
    )
    assert (
        ins.push_one(change("inspections", sdk, inspection("SDK", "inspector", "submitted", template_id=None)))[
            "status"
        ]
        == "accepted"
    )
    review = {"inspection_id": mbc, "reviewer": "supervisor", "decision": "returned", "comment": "redo"}
    rev = sup.push_one(change("reviews", rid, review))["rev"]
    moved = {**review, "inspection_id": sdk, "comment": "taken"}
    assert outcome(sup_sdk.push_one(change("reviews", rid, moved, base_rev=rev))) == ("rejected", "forbidden")
    assert latest(sup, rid)["data"]["comment"] == "redo"
    sup_sdk.close()


# -- 2. deletes ------------------------------------------------------------------------------------


def test_2_supervisor_cannot_delete_a_submitted_inspection(users):
    ins, sup = users["inspector"], users["supervisor"]
    iid = new_id()
    assert (
        ins.push_one(change("inspections", iid, inspection("DDR", "inspector", "submitted", template_id=None)))[
            "status"
        ]
        == "accepted"
    )
    current = latest(sup, iid)
    gone = change("inspections", iid, {**current["data"], "status": "approved"}, base_rev=current["rev"], deleted=True)
    assert outcome(sup.push_one(gone)) == ("rejected", "forbidden")
    after = latest(sup, iid)
    assert after["deleted"] is False and after["rev"] == current["rev"]
    # inspectors delete only while the inspection is editable
    assert outcome(ins.push_one({**gone, "change_id": uuid.uuid4().hex})) == ("rejected", "forbidden")
    draft = new_id()
    rev = ins.push_one(change("inspections", draft, inspection("DDR", "inspector")))["rev"]
    dropped = change("inspections", draft, inspection("DDR", "inspector"), base_rev=rev, deleted=True)
    assert outcome(ins.push_one(dropped)) == ("accepted", None)


# -- 3. records taken out of a closed inspection ---------------------------------------------------------


def test_3_records_cannot_leave_a_submitted_inspection(users):
    ins = users["inspector"]
    closed, draft, aid, tid = new_id(), new_id(), new_id(), new_id()
    results = ins.push(
        change("inspections", closed, inspection("SDK", "inspector", template_id=None)),
        change("answers", aid, answer(closed, "notes", "as found")),
        change("tracks", tid, track(closed, "walked")),
        change("inspections", draft, inspection("SDK", "inspector")),
    )
    assert {r["status"] for r in results} == {"accepted"}
    sub = latest(ins, closed)
    assert ins.push_one(change("inspections", closed, {**sub["data"], "status": "submitted"}, base_rev=sub["rev"]))[
        "status"
    ] == ("accepted")
    a, t = latest(ins, aid), latest(ins, tid)
    moved = change("answers", aid, answer(draft, "notes", "rewritten"), base_rev=a["rev"])
    assert outcome(ins.push_one(moved)) == ("rejected", "forbidden")
    unfiled = change("tracks", tid, track(None, "taken out"), base_rev=t["rev"])
    assert outcome(ins.push_one(unfiled)) == ("rejected", "forbidden")
    assert latest(ins, aid)["data"]["inspection_id"] == closed
    assert latest(ins, tid)["data"]["inspection_id"] == closed
    # moving between two editable inspections of one's own is fine
    other = new_id()
    assert ins.push_one(change("inspections", other, inspection("SDK", "inspector")))["status"] == "accepted"
    tid2 = new_id()
    rev = ins.push_one(change("tracks", tid2, track(draft, "walked")))["rev"]
    assert outcome(ins.push_one(change("tracks", tid2, track(other, "walked"), base_rev=rev))) == ("accepted", None)


# -- 4. bundles: who sent them ------------------------------------------------------------------------


def _bundle(tmp_path: Path, username: str, token: str | None, name: str) -> tuple[Path, str]:
    iid = new_id()
    manifest = BundleManifest(
        kind="changes",
        bundle_id=str(uuid.uuid4()),
        created_at=datetime.now(UTC),
        username=username,
        device="carried-laptop",
        since=0,
        changes=[Change(change_id=uuid.uuid4().hex, entity="inspections", id=iid, data=inspection("SDK", username))],
    )
    if token is not None:
        key = hashlib.sha256(token.encode()).hexdigest()
        manifest = manifest.model_copy(update={"proof": bundle_proof(key, manifest)})
    path = tmp_path / f"{name}.zip"
    write_bundle(path, manifest, {})
    return path, iid


def _import(registry, path: Path, reply: Path, *extra: str):
    return registry.cli("bundle", "import", str(path), "--reply", str(reply), *extra)


def test_4_bundle_import_needs_a_proof_or_the_operators_word(users, registry, tmp_path):
    ins, ins2, admin = users["inspector"], users["inspector2"], users["admin"]
    refused = [
        _bundle(tmp_path, "inspector", None, "unsigned"),
        _bundle(tmp_path, "inspector", ins2.token, "signed-by-another"),
        _bundle(tmp_path, "inspector", "not-a-token", "made-up"),
    ]
    for path, iid in refused:
        reply = tmp_path / f"reply-{path.stem}.zip"
        res = _import(registry, path, reply)
        assert res.returncode == 1, res.stdout
        assert res.stderr.startswith("fieldkit: ") and len(res.stderr.splitlines()) == 1, res.stderr
        assert not reply.exists() and iid not in admin.ids()
    # altered after signing: the proof no longer fits
    path, iid = _bundle(tmp_path, "inspector", ins.token, "altered")
    from fieldkit.sync.bundlefile import read_bundle

    manifest, reader = read_bundle(path)
    reader.close()
    forged = manifest.model_copy(update={"username": "inspector2"})
    write_bundle(tmp_path / "forged.zip", forged, {})
    assert _import(registry, tmp_path / "forged.zip", tmp_path / "r-forged.zip").returncode == 1
    # signed with a live token: accepted
    res = _import(registry, path, tmp_path / "reply-signed.zip")
    assert res.returncode == 0 and "(signed)" in res.stdout, res.stderr
    assert iid in admin.ids()
    # unsigned, vouched for: accepted, and logged
    path, iid = refused[0]
    res = _import(registry, path, tmp_path / "reply-vouched.zip", "--vouch")
    assert res.returncode == 0 and "vouched" in res.stdout, res.stderr
    assert iid in admin.ids()
    assert "vouched" in (registry.data_dir / "logs" / "registry.log").read_text()
    # never for an administrator's bundle
    path, iid = _bundle(tmp_path, "admin", None, "admin")
    res = _import(registry, path, tmp_path / "reply-admin.zip", "--vouch")
    assert res.returncode == 1 and len(res.stderr.splitlines()) == 1 and iid not in admin.ids()
    # a revoked token no longer signs
    laptop = Api(registry, "inspector", "revoked-laptop")
    path, iid = _bundle(tmp_path, "inspector", laptop.token, "revoked")
    assert registry.cli("tokens", "revoke", "inspector", "--device", "revoked-laptop").returncode == 0
    assert _import(registry, path, tmp_path / "reply-revoked.zip").returncode == 1
    assert iid not in admin.ids()
    laptop.close()


# -- 5. parent_missing is asked again ------------------------------------------------------------------


def test_5_parent_missing_is_not_remembered(users):
    ins = users["inspector"]
    iid = new_id()
    child = change("answers", new_id(), answer(iid, "notes", "early"))
    assert outcome(ins.push_one(child)) == ("rejected", "parent_missing")
    assert ins.push_one(change("inspections", iid, inspection("SDK", "inspector")))["status"] == "accepted"
    assert outcome(ins.push_one(child)) == ("accepted", None)  # the same change id, sent again


# -- 6. concurrent writes --------------------------------------------------------------------------------


def _together(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(i, job) -> None:
        barrier.wait()
        try:
            results[i] = job()
        except Exception as exc:  # reported below, with the others
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_6_first_use_of_tokens_and_blob_finishes_under_concurrent_writes(users, registry):
    ins, ins2 = users["inspector"], users["inspector2"]
    fresh = [Api(registry, "inspector", f"fresh-{n}") for n in range(8)]  # last_used_at written on first use
    statuses = []
    for _round in range(3):
        blobs = [os.urandom(64 * 1024) for _ in range(3)]

        def pusher(api=ins):
            return api.http.post(
                "/push",
                json={
                    "device": api.device,
                    "changes": [change("inspections", new_id(), inspection("SDK", "inspector"))],
                },
            ).status_code

        def put(api, blob):
            sha = hashlib.sha256(blob).hexdigest()
            return api.http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(blob)}, content=blob).status_code

        jobs = [lambda a=a: a.http.get("/me").status_code for a in fresh]
        jobs += [pusher] * 4
        jobs += [lambda a=a, b=b: put(a, b) for b in blobs for a in (ins, ins2)]
        statuses += _together(jobs)
        for api in fresh:  # the next round uses them for the first time again
            api.close()
        fresh = [Api(registry, "inspector", f"fresh-{uuid.uuid4().hex[:6]}") for _ in range(8)]
    assert statuses == [200] * len(statuses)
    for api in fresh:
        api.close()


def test_6_blob_finishing_while_another_upload_stores_the_same_blob(users, registry):
    """The second of two uploads finishing one blob meets the first one's row (duplicate key on
    PostgreSQL, a stale snapshot on SQLite): the blob is stored, so the answer is "complete"."""
    blob = os.urandom(5000)
    sha = hashlib.sha256(blob).hexdigest()
    engine = create_engine(registry.database_url)
    answer_box: list = []
    try:
        with engine.connect() as conn:
            held = conn.begin()
            conn.execute(insert(BlobRow).values(sha256=sha, size=len(blob), created_at=datetime.now(UTC)))
            put = threading.Thread(
                target=lambda: answer_box.append(
                    users["inspector"].http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(blob)}, content=blob)
                )
            )
            put.start()
            time.sleep(0.5)  # the registry reaches its insert and waits for this transaction
            held.commit()
            put.join(30)
    finally:
        engine.dispose()
    (r,) = answer_box
    assert r.status_code == 200 and r.json()["complete"] is True, r.text
    assert (registry.data_dir / "blobs" / sha[:2] / sha).read_bytes() == blob


# -- 7. who wrote it ------------------------------------------------------------------------------------


def test_7_updated_by_and_reviewer_are_the_caller(users):
    ins, sup = users["inspector"], users["supervisor"]
    iid = new_id()
    assert ins.push_one(
        change(
            "inspections", iid, inspection("THR", "inspector", "submitted", template_id=None, updated_by="supervisor")
        )
    )["status"] == ("accepted")
    assert latest(sup, iid)["data"]["updated_by"] == "inspector"
    rid = new_id()
    review = {
        "inspection_id": iid,
        "reviewer": "admin",
        "decision": "returned",
        "comment": "fix",
        "updated_by": "admin",
    }
    assert sup.push_one(change("reviews", rid, review))["status"] == "accepted"
    stored = latest(ins, rid)
    assert stored["data"]["reviewer"] == "supervisor" and stored["data"]["updated_by"] == "supervisor"


# -- 8. uploads, devices, cursors -------------------------------------------------------------------------


def test_8a_two_laptops_of_one_user_upload_the_same_blob_apart(registry, users):
    a, b = Api(registry, "inspector2", "laptop-a"), Api(registry, "inspector2", "laptop-b")
    blob = os.urandom(10_000)
    sha = hashlib.sha256(blob).hexdigest()
    assert a.http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(blob)}, content=blob[:4000]).status_code == 200
    assert b.http.get(f"/blobs/{sha}/upload").json()["received"] == 0
    r = b.http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(blob)}, content=blob)
    assert r.status_code == 200 and r.json()["complete"], r.text
    assert a.http.get(f"/blobs/{sha}/upload").json()["complete"] is True
    a.close()
    b.close()


def test_8b_unfinished_uploads_are_capped_per_user(registry):
    assert registry.cli("users", "add", "uploader", "--role", "inspector", "--sites", "SDK").returncode == 0
    api = Api(registry, "uploader")
    for n in range(20):
        sha = hashlib.sha256(f"never finished {n}".encode()).hexdigest()
        assert api.http.put(f"/blobs/{sha}", params={"offset": 0, "total": 10}, content=b"x").status_code == 200
    sha = hashlib.sha256(b"one too many").hexdigest()
    r = api.http.put(f"/blobs/{sha}", params={"offset": 0, "total": 10}, content=b"x")
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large", r.text
    # a blob sent whole needs no partial file: still accepted
    assert upload(api, b"sent in one go " + uuid.uuid4().bytes)
    api.close()


def test_8c_lost_answer_rule_uses_the_tokens_device(registry):
    a, b = Api(registry, "inspector", "device-a"), Api(registry, "inspector", "device-b")
    iid = new_id()
    data = inspection("SDK", "inspector")
    rev1 = a.push_one(change("inspections", iid, data))["rev"]
    a.push_one(change("inspections", iid, {**data, "notes": "from a"}, base_rev=rev1))
    # b claims to be device-a in the body: the token says device-b, so this is a conflict
    claimed = b.push_one(change("inspections", iid, {**data, "notes": "from b"}, base_rev=rev1), device="device-a")
    assert claimed["status"] == "conflict"
    assert latest(a, iid)["data"]["notes"] == "from a"
    a.close()
    b.close()


def test_8d_a_cursor_past_the_registry_answers_from_the_start(users):
    ins = users["inspector"]
    iid = new_id()
    ins.push_one(change("inspections", iid, inspection("SDK", "inspector")))
    _records, top, _scope = ins.pull_all()
    records, cursor, _scope = ins.pull_all(since=top + 1000)
    assert iid in {r["id"] for r in records} and cursor <= top


# -- not checked in the review: grievances, blob downloads -------------------------------------------------


def test_grievance_is_changed_only_by_its_author_or_an_admin(users):
    ins, liaison, admin = users["inspector"], users["liaison"], users["admin"]
    gid = new_id()
    rev = ins.push_one(change("grievances", gid, grievance("SDK")))["rev"]
    edit = {**grievance("SDK"), "description": "not what was said"}
    assert outcome(liaison.push_one(change("grievances", gid, edit, base_rev=rev))) == ("rejected", "forbidden")
    assert latest(liaison, gid)["data"]["description"] == "Dust on the village road"
    own = ins.push_one(change("grievances", gid, {**grievance("SDK"), "status": "closed"}, base_rev=rev))
    assert outcome(own) == ("accepted", None)
    assert outcome(admin.push_one(change("grievances", gid, edit, base_rev=own["rev"]))) == ("accepted", None)
    # liaison officers and inspectors at the site still create grievances
    assert outcome(liaison.push_one(change("grievances", new_id(), grievance("SDK")))) == ("accepted", None)


def test_knowing_a_hash_does_not_give_the_blob(users):
    ins, ins2 = users["inspector"], users["inspector2"]
    sha = upload(ins, b"inspector's photo " + uuid.uuid4().bytes)
    iid = new_id()
    ins.push(
        change("inspections", iid, inspection("SDK", "inspector")),
        change("photos", new_id(), {"sha256": sha, "inspection_id": iid}),
    )
    assert ins.http.get(f"/blobs/{sha}").status_code == 200
    unfiled = ins2.push_one(change("photos", new_id(), {"sha256": sha, "inspection_id": None}))
    assert outcome(unfiled) == ("rejected", "forbidden")
    mbc = new_id()
    filed = ins2.push(
        change("inspections", mbc, inspection("MBC", "inspector2")),
        change("photos", new_id(), {"sha256": sha, "inspection_id": mbc}),
    )
    assert outcome(filed[1]) == ("rejected", "forbidden")
    assert ins2.http.get(f"/blobs/{sha}").status_code == 404
    # one's own upload is fine, filed or not
    own = upload(ins2, b"inspector2's own photo " + uuid.uuid4().bytes)
    assert outcome(ins2.push_one(change("photos", new_id(), {"sha256": own, "inspection_id": None}))) == (
        "accepted",
        None,
    )


def test_8b_old_partial_uploads_are_deleted_when_serve_starts(registry):
    uploads = registry.data_dir / "uploads"
    uploads.mkdir(exist_ok=True)
    user = reference_id("users", "inspector")
    old = uploads / f"{'a' * 64}.{user}.1.part"
    new = uploads / f"{'b' * 64}.{user}.1.part"
    old.write_bytes(b"abandoned")
    new.write_bytes(b"under way")
    week_ago = time.time() - 8 * 86400
    os.utime(old, (week_ago, week_ago))
    registry.stop()
    registry.start()
    assert not old.exists() and new.exists()
