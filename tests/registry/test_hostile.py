"""Hostile requests get the one error shape (never a 500, never a stack trace) and the registry keeps serving."""

from __future__ import annotations

import gzip
import hashlib
import json
import socket

import httpx
import pytest

from fieldkit.sync.protocol import MAX_BATCH, MAX_CHUNK_BYTES, MAX_JSON_BYTES
from tests.registry.conftest import Api, change, inspection, new_id


@pytest.fixture(scope="module")
def ins(sqlite_registry):
    api = Api(sqlite_registry, "inspector")
    yield api
    api.close()


def _shape(r: httpx.Response, status: int, code: str) -> dict:
    assert r.status_code == status, r.text[:500]
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert "Traceback" not in r.text
    return body["error"]


def test_malformed_json_and_wrong_types(ins):
    h = {"Content-Type": "application/json"}
    _shape(ins.http.post("/push", content=b"{not json", headers=h), 400, "bad_request")
    _shape(ins.http.post("/push", json={"device": 5, "changes": "many"}), 400, "bad_request")
    _shape(ins.http.post("/push", json=[1, 2, 3]), 400, "bad_request")
    _shape(ins.http.post("/push", json={"device": "d", "changes": [{"entity": "inspections"}]}), 400, "bad_request")
    _shape(ins.http.get("/changes", params={"since": "yesterday"}), 400, "bad_request")
    _shape(ins.http.get("/changes", params={"limit": 10**9}), 400, "bad_request")
    _shape(ins.http.post("/blobs/missing", json={"hashes": ["../../etc/passwd"]}), 400, "bad_request")
    _shape(ins.http.post("/auth/login", json={"username": "", "password": "x", "device": "d"}), 400, "bad_request")


def test_unknown_routes_and_methods(ins):
    _shape(ins.http.get("/no/such/thing"), 404, "not_found")
    _shape(ins.http.delete("/push"), 405, "bad_request")


def test_huge_bodies_and_gzip_bomb_get_413(ins):
    # a declared length over the cap is refused before the body is read (raw socket: httpx will not lie)
    host, port = ins.registry.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"POST /api/v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {ins.token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {MAX_JSON_BYTES + 1}\r\n\r\n{{".encode()
        )
        reply = b""
        while b'"too_large"' not in reply and (chunk := sock.recv(65536)):
            reply += chunk
        reply = reply.decode(errors="replace")
    assert reply.startswith("HTTP/1.1 413") and '"too_large"' in reply

    # streamed without a length, over the cap
    def body():
        chunk = b" " * (1 << 20)
        for _ in range(MAX_JSON_BYTES // len(chunk) + 2):
            yield chunk

    try:
        _shape(ins.http.post("/push", content=body(), headers={"Content-Type": "application/json"}), 413, "too_large")
    except httpx.HTTPError:
        pass  # connection closed after the 413: also fine
    bomb = gzip.compress(b" " * (MAX_JSON_BYTES + 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    r = ins.http.post("/push", content=bomb, headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    _shape(r, 413, "too_large")
    _shape(
        ins.http.post("/push", content=b"\x1f\x8b garbage", headers={"Content-Encoding": "gzip"}), 400, "bad_request"
    )
    big = b"z" * (MAX_CHUNK_BYTES + 1)
    sha = hashlib.sha256(big).hexdigest()
    _shape(ins.http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(big)}, content=big), 413, "too_large")


def test_gzip_json_is_accepted(ins):
    body = json.dumps({"device": "gz", "changes": [change("inspections", new_id(), inspection("SDK", "inspector"))]})
    r = ins.http.post(
        "/push",
        content=gzip.compress(body.encode()),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "accepted"


def test_blob_paths_offsets_and_hashes(ins):
    _shape(ins.http.get("/blobs/NOTAHASH"), 400, "bad_request")
    _shape(ins.http.get("/blobs/" + "A" * 64), 400, "bad_request")
    _shape(ins.http.put("/blobs/..%2F..%2Fetc", params={"offset": 0, "total": 1}, content=b"x"), 404, "not_found")
    _shape(ins.http.put("/blobs/" + "a" * 64, content=b"x"), 400, "bad_request")  # total missing
    data = b"0123456789" * 1000
    sha = hashlib.sha256(data).hexdigest()
    assert ins.http.put(f"/blobs/{sha}", params={"offset": 0, "total": len(data)}, content=data[:4000]).json() == {
        "sha256": sha,
        "received": 4000,
        "complete": False,
    }
    wrong = _shape(
        ins.http.put(f"/blobs/{sha}", params={"offset": 3000, "total": len(data)}, content=data[3000:]), 409, "conflict"
    )
    assert wrong["details"] == {"received": 4000}
    assert ins.http.get(f"/blobs/{sha}/upload").json()["received"] == 4000
    done = ins.http.put(f"/blobs/{sha}", params={"offset": 4000, "total": len(data)}, content=data[4000:])
    assert done.json()["complete"] is True
    assert ins.http.get(f"/blobs/{sha}").content == data
    liar = b"these bytes are not what the name says"
    fake = hashlib.sha256(b"something else").hexdigest()
    _shape(ins.http.put(f"/blobs/{fake}", params={"offset": 0, "total": len(liar)}, content=liar), 422, "hash_mismatch")
    assert ins.http.get(f"/blobs/{fake}/upload").json() == {"sha256": fake, "received": 0, "complete": False}
    _shape(ins.http.put(f"/blobs/{fake}", params={"offset": 0, "total": 10**12}, content=b""), 413, "too_large")


def test_bad_records_are_rejected_per_change(ins):
    iid = new_id()
    cases = [
        change("inspections", "../" * 12, inspection("SDK", "inspector")),
        change("inspections", iid, {**inspection("SDK", "inspector"), "status": "finished"}),
        change("inspections", iid, {**inspection("SDK", "inspector"), "site_id": "SDK"}),
        change("inspections", iid, {**inspection("SDK", "inspector"), "temperature_c": "hot"}),
        change("inspections", iid, {**inspection("SDK", "inspector"), "password_hash": "x"}),
        change("inspections", iid, {**inspection("SDK", "inspector"), "title": "t" * 201}),
        change("inspections", iid, {**inspection("SDK", "inspector"), "started_at": "last tuesday"}),
        change("inspections", iid, {"title": "no site"}),
        change("photos", new_id(), {"sha256": "../../etc/passwd"}),
        change("inspections", new_id(), {**inspection("SDK", "inspector"), "notes": "n" * (17 * 1024 * 1024)}),
    ]
    r = ins.http.post("/push", json={"device": "d", "changes": cases}, timeout=60)
    assert r.status_code == 200
    reasons = [(x["status"], x["reason"]) for x in r.json()["results"]]
    assert reasons == [("rejected", "invalid")] * 9 + [("rejected", "too_large")]
    # device-local columns are dropped, not stored
    ok = ins.push_one(change("inspections", iid, {**inspection("SDK", "inspector"), "dirty": True, "rev": 9}))
    assert ok["status"] == "accepted"
    stored = [x for x in ins.pull_all(ok["rev"] - 1)[0] if x["id"] == iid][-1]
    assert "dirty" not in stored["data"] and "rev" not in stored["data"]


def test_oversized_batch_and_the_registry_still_serves(ins):
    many = [change("inspections", new_id(), {}) for _ in range(10_000)]
    assert len(many) > MAX_BATCH
    err = _shape(ins.http.post("/push", json={"device": "d", "changes": many}, timeout=60), 400, "bad_request")
    assert len(json.dumps(err)) < 10_000  # details do not echo the input back
    assert ins.http.get("/me").status_code == 200
    assert httpx.get(ins.registry.api + "/health").json()["status"] == "ok"
