"""Proof of possession of blobs (fieldkit_registry.holders), on SQLite and PostgreSQL, against a real
registry process over HTTP: whoever sends a blob's bytes may use it in a photo record, even when someone
else stored the same bytes first; whoever only knows its hash may not."""

from __future__ import annotations

import hashlib
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from fieldkit.sync.bundlefile import write_bundle
from fieldkit.sync.protocol import BundleManifest, Change, bundle_proof
from tests.registry.conftest import Api, change, inspection, new_id

SDK_COLLEAGUE = "colleague"  # a second inspector at SDK, beside the demo's "inspector"


@pytest.fixture(scope="module")
def colleague(registry) -> Api:
    done = registry.cli("users", "add", SDK_COLLEAGUE, "--role", "inspector", "--sites", "SDK")
    assert done.returncode == 0, done.stderr
    api = Api(registry, SDK_COLLEAGUE)
    yield api
    api.close()


def put(api: Api, sha: str, data: bytes, offset: int = 0, total: int | None = None):
    total = len(data) if total is None else total
    return api.http.put(f"/blobs/{sha}", params={"offset": offset, "total": total}, content=data)


def missing(api: Api, *hashes: str) -> list[str]:
    r = api.http.post("/blobs/missing", json={"hashes": list(hashes)})
    assert r.status_code == 200, r.text
    return r.json()["missing"]


def state(api: Api, sha: str) -> dict:
    r = api.http.get(f"/blobs/{sha}/upload")
    assert r.status_code == 200, r.text
    return r.json()


def holders(registry, sha: str) -> set[str]:
    engine = create_engine(registry.database_url)
    try:
        with engine.connect() as conn:
            return set(conn.scalars(text("SELECT user_id FROM blob_holders WHERE sha256 = :s"), {"s": sha}))
    finally:
        engine.dispose()


def stored(registry, sha: str) -> Path:
    return registry.data_dir / "blobs" / sha[:2] / sha


def photo_at(api: Api, site_code: str, sha: str) -> list[dict]:
    """Push a new inspection at ``site_code`` with a photo of ``sha``; the two answers."""
    iid = new_id()
    return api.push(
        change("inspections", iid, inspection(site_code, api.username)),
        change("photos", new_id(), {"sha256": sha, "inspection_id": iid}),
    )


def outcome(result: dict) -> tuple[str, str | None]:
    return result["status"], result.get("reason")


def test_two_inspectors_with_one_camera_card_both_file_the_photo(users, colleague, registry):
    """The first uploads; the second is told the blob is missing (it is not theirs), sends the bytes in
    two chunks, and the stored file is left as it was. Both photo records are accepted."""
    ins = users["inspector"]
    card = b"one photo from the shared camera card " + os.urandom(40_000)
    sha = hashlib.sha256(card).hexdigest()
    assert missing(ins, sha) == [sha] and missing(colleague, sha) == [sha]
    assert put(ins, sha, card).json()["complete"] is True
    assert missing(ins, sha) == []
    path = stored(registry, sha)
    before = path.stat()
    # the registry has the blob, but not from the colleague
    assert missing(colleague, sha) == [sha]
    assert state(colleague, sha) == {"sha256": sha, "received": 0, "complete": False}
    assert colleague.http.get(f"/blobs/{sha}").status_code == 404
    half = len(card) // 2
    first = put(colleague, sha, card[:half], 0, len(card))
    assert first.status_code == 200 and first.json() == {"sha256": sha, "received": half, "complete": False}
    assert state(colleague, sha) == {"sha256": sha, "received": half, "complete": False}
    done = put(colleague, sha, card[half:], half, len(card))
    assert done.status_code == 200 and done.json() == {"sha256": sha, "received": len(card), "complete": True}
    assert state(colleague, sha)["complete"] is True and missing(colleague, sha) == []
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    assert not list((registry.data_dir / "uploads").glob(f"{sha}.*"))  # the duplicate bytes are gone
    assert holders(registry, sha) == {ins.user_id, colleague.user_id}
    assert [outcome(r) for r in photo_at(ins, "SDK", sha)] == [("accepted", None)] * 2
    assert [outcome(r) for r in photo_at(colleague, "SDK", sha)] == [("accepted", None)] * 2
    assert colleague.http.get(f"/blobs/{sha}").content == card


def test_at_another_site_the_second_inspector_uploads_and_files_too(users, registry):
    """inspector2 (MBC) cannot read the SDK photo: before holders, this photo record was refused for good."""
    ins, ins2 = users["inspector"], users["inspector2"]
    card = b"the same card at two sites " + os.urandom(5000)
    sha = hashlib.sha256(card).hexdigest()
    assert put(ins, sha, card).json()["complete"] is True
    assert [outcome(r) for r in photo_at(ins, "SDK", sha)] == [("accepted", None)] * 2
    assert missing(ins2, sha) == [sha]
    assert put(ins2, sha, card).json()["complete"] is True
    assert [outcome(r) for r in photo_at(ins2, "MBC", sha)] == [("accepted", None)] * 2
    assert stored(registry, sha).read_bytes() == card


def test_knowing_the_hash_or_sending_wrong_bytes_gives_nothing(users, registry):
    ins, ins2, admin = users["inspector"], users["inspector2"], users["admin"]
    card = b"inspector's own photo " + os.urandom(3000)
    sha = hashlib.sha256(card).hexdigest()
    assert put(ins, sha, card).json()["complete"] is True
    assert [outcome(r) for r in photo_at(ins, "SDK", sha)] == [("accepted", None)] * 2
    before = stored(registry, sha).stat()
    # only the hash: missing, nothing to resume, refused, not downloadable
    assert missing(ins2, sha) == [sha]
    assert state(ins2, sha) == {"sha256": sha, "received": 0, "complete": False}
    assert outcome(photo_at(ins2, "MBC", sha)[1]) == ("rejected", "forbidden")
    assert outcome(ins2.push_one(change("photos", new_id(), {"sha256": sha, "inspection_id": None}))) == (
        "rejected",
        "forbidden",
    )
    assert ins2.http.get(f"/blobs/{sha}").status_code == 404
    # other bytes of the same length under that hash
    wrong = put(ins2, sha, os.urandom(len(card)))
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "hash_mismatch", wrong.text
    assert holders(registry, sha) == {ins.user_id}
    assert missing(ins2, sha) == [sha] and state(ins2, sha)["received"] == 0
    assert outcome(photo_at(ins2, "MBC", sha)[1]) == ("rejected", "forbidden")
    assert ins2.http.get(f"/blobs/{sha}").status_code == 404
    after = stored(registry, sha).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert stored(registry, sha).read_bytes() == card
    # administrators are not asked for the bytes
    assert missing(admin, sha) == [] and state(admin, sha)["complete"] is True
    assert admin.http.get(f"/blobs/{sha}").content == card


def test_a_verified_bundle_makes_its_user_a_holder(users, registry, tmp_path):
    ins, ins2 = users["inspector"], users["inspector2"]
    card = b"carried on a stick " + os.urandom(2000)
    sha = hashlib.sha256(card).hexdigest()
    assert put(ins, sha, card).json()["complete"] is True
    before = stored(registry, sha).stat()
    (tmp_path / "photo.jpg").write_bytes(card)
    iid, pid = new_id(), new_id()
    manifest = BundleManifest(
        kind="changes",
        bundle_id=str(uuid.uuid4()),
        created_at=datetime.now(UTC),
        username="inspector2",
        device="carried-laptop",
        changes=[
            Change(change_id=uuid.uuid4().hex, entity="inspections", id=iid, data=inspection("MBC", "inspector2")),
            Change(change_id=uuid.uuid4().hex, entity="photos", id=pid, data={"sha256": sha, "inspection_id": iid}),
        ],
        blobs=[sha],
    )
    key = hashlib.sha256(ins2.token.encode()).hexdigest()
    manifest = manifest.model_copy(update={"proof": bundle_proof(key, manifest)})
    write_bundle(tmp_path / "changes.zip", manifest, {sha: tmp_path / "photo.jpg"})
    res = registry.cli("bundle", "import", str(tmp_path / "changes.zip"), "--reply", str(tmp_path / "reply.zip"))
    assert res.returncode == 0 and "3 accepted" not in res.stdout and "2 accepted" in res.stdout, res.stdout
    assert "0 blob(s) stored" in res.stdout  # verified, not stored again
    assert holders(registry, sha) == {ins.user_id, ins2.user_id}
    assert missing(ins2, sha) == [] and ins2.http.get(f"/blobs/{sha}").content == card
    after = stored(registry, sha).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
