"""Who may see and change what: each role against each endpoint, with records at sites not theirs;
tokens that expired, were revoked or belong to a disabled user; the failed-login limit."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fieldkit_registry.db import TokenRow
from sqlalchemy import create_engine, update

from fieldkit.sync.ids import reference_id
from tests.registry.conftest import PASSWORD, Api, answer, change, grievance, inspection, new_id, site

ROLES = ("inspector", "inspector2", "supervisor", "liaison", "admin")


@pytest.fixture(scope="module")
def world(users):
    """Records at several sites: a draft at SDK (inspector), an approved inspection at THR, a draft
    with a photo at MBC (inspector2) and a grievance at MBC."""
    ins, ins2, sup = users["inspector"], users["inspector2"], users["supervisor"]
    w = {k: new_id() for k in ("sdk", "sdk_answer", "thr", "thr_answer", "mbc", "mbc_photo", "mbc_grievance")}
    assert {
        r["status"]
        for r in ins.push(
            change("inspections", w["sdk"], inspection("SDK", "inspector")),
            change("answers", w["sdk_answer"], answer(w["sdk"], "notes", "x")),
            change("inspections", w["thr"], inspection("THR", "inspector", "submitted")),
            change("answers", w["thr_answer"], answer(w["thr"], "gate_ok", "ok")),
        )
    } == {"accepted"}
    thr = [r for r in sup.pull_all()[0] if r["id"] == w["thr"]][-1]
    assert (
        sup.push_one(change("inspections", w["thr"], {**thr["data"], "status": "approved"}, base_rev=thr["rev"]))[
            "status"
        ]
        == "accepted"
    )
    blob = b"mbc photo bytes " + w["mbc"].encode()
    w["sha"] = hashlib.sha256(blob).hexdigest()
    w["blob"] = blob
    assert (
        ins2.http.put(f"/blobs/{w['sha']}", params={"offset": 0, "total": len(blob)}, content=blob).status_code == 200
    )
    assert {
        r["status"]
        for r in ins2.push(
            change("inspections", w["mbc"], inspection("MBC", "inspector2")),
            change("photos", w["mbc_photo"], {"sha256": w["sha"], "inspection_id": w["mbc"]}),
            change("grievances", w["mbc_grievance"], grievance("MBC")),
        )
    } == {"accepted"}
    return w


VISIBLE = {
    "inspector": {"sdk", "sdk_answer", "thr", "thr_answer"},
    "inspector2": {"mbc", "mbc_photo", "mbc_grievance"},
    "supervisor": {"sdk", "sdk_answer", "thr", "thr_answer", "mbc", "mbc_photo", "mbc_grievance"},
    "liaison": {"thr", "thr_answer", "mbc_grievance"},
    "admin": {"sdk", "sdk_answer", "thr", "thr_answer", "mbc", "mbc_photo", "mbc_grievance"},
}
SITES = {
    "inspector": {"SDK", "DDR", "THR"},
    "inspector2": {"MBC"},
    "supervisor": {"SDK", "DDR", "THR", "MBC"},
    "liaison": {"SDK", "DDR", "THR", "MBC"},
    "admin": {"SDK", "DDR", "THR", "MBC"},
}


@pytest.mark.parametrize("role", ROLES)
def test_pull_shows_exactly_what_the_role_may_see(users, world, role):
    records, _cursor, scope = users[role].pull_all()
    ids = {r["id"] for r in records}
    keys = {k for k in VISIBLE["admin"] if world[k] in ids}
    assert keys == VISIBLE[role]
    assert scope == sorted(site(c) for c in SITES[role])
    assert {r["data"]["code"] for r in records if r["entity"] == "sites"} == SITES[role]
    assert reference_id("users", "inspector2") in ids  # reference data: everyone
    assert all("password_hash" not in r["data"] for r in records if r["entity"] == "users")


@pytest.mark.parametrize("role", ROLES)
def test_blob_download_follows_record_visibility(users, world, role):
    r = users[role].http.get(f"/blobs/{world['sha']}")
    if "mbc_photo" in VISIBLE[role]:
        assert r.status_code == 200 and r.content == world["blob"]
    else:
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def _reject(api: Api, *changes, **kw) -> list[tuple[str, str | None]]:
    return [(r["status"], r["reason"]) for r in api.push(*changes, **kw)]


def test_inspectors_write_only_their_own_inspections_at_their_sites(users, world):
    ins, ins2 = users["inspector"], users["inspector2"]
    assert _reject(ins, change("inspections", new_id(), inspection("MBC", "inspector"))) == [("rejected", "forbidden")]
    assert _reject(ins, change("inspections", new_id(), inspection("SDK", "inspector2"))) == [("rejected", "forbidden")]
    assert _reject(ins2, change("answers", new_id(), answer(world["sdk"], "gate_ok", "x"))) == [
        ("rejected", "forbidden")
    ]
    assert _reject(ins, change("inspections", world["mbc"], inspection("MBC", "inspector2"), base_rev=1)) == [
        ("rejected", "forbidden")
    ]
    assert _reject(ins, change("inspections", new_id(), inspection("SDK", "inspector", "approved"))) == [
        ("rejected", "status_transition")
    ]
    # approved: closed to its inspector
    assert _reject(ins, change("answers", new_id(), answer(world["thr"], "notes", "late"))) == [
        ("rejected", "forbidden")
    ]
    assert _reject(
        ins,
        change("reviews", new_id(), {"inspection_id": world["sdk"], "reviewer": "inspector", "decision": "approved"}),
    ) == [("rejected", "forbidden")]


def test_supervisors_only_review_submitted_inspections(users, world):
    sup = users["supervisor"]
    draft = [r for r in sup.pull_all()[0] if r["id"] == world["sdk"]][-1]
    assert _reject(sup, change("inspections", new_id(), inspection("SDK", "inspector"))) == [("rejected", "forbidden")]
    assert _reject(
        sup, change("inspections", world["sdk"], {**draft["data"], "status": "approved"}, base_rev=draft["rev"])
    ) == [("rejected", "status_transition")]
    assert _reject(sup, change("answers", new_id(), answer(world["sdk"], "notes", "x"))) == [("rejected", "forbidden")]
    assert _reject(sup, change("grievances", new_id(), grievance("SDK"))) == [("rejected", "forbidden")]


def test_supervisor_review_changes_only_the_status(users):
    ins, sup = users["inspector"], users["supervisor"]
    iid = new_id()
    assert (
        ins.push(
            change("inspections", iid, inspection("DDR", "inspector", "submitted")),
            change("answers", new_id(), answer(iid, "gate_ok", "y")),
        )[0]["status"]
        == "accepted"
    )
    current = [r for r in sup.pull_all()[0] if r["id"] == iid][-1]
    sneaky = {**current["data"], "status": "approved", "notes": "rewritten by the supervisor"}
    assert _reject(sup, change("inspections", iid, sneaky, base_rev=current["rev"])) == [("rejected", "forbidden")]
    returned = {**current["data"], "status": "returned"}
    review = {"inspection_id": iid, "reviewer": "supervisor", "decision": "returned", "comment": "fix the gate"}
    assert _reject(
        sup, change("inspections", iid, returned, base_rev=current["rev"]), change("reviews", new_id(), review)
    ) == [("accepted", None), ("accepted", None)]


def test_liaison_writes_grievances_at_assigned_sites_only(users, tmp_path):
    liaison, ins2 = users["liaison"], users["inspector2"]
    assert _reject(liaison, change("grievances", new_id(), grievance("SDK"))) == [("accepted", None)]
    assert _reject(liaison, change("inspections", new_id(), inspection("SDK", "liaison"))) == [
        ("rejected", "forbidden")
    ]
    assert _reject(ins2, change("grievances", new_id(), grievance("SDK"))) == [("rejected", "forbidden")]


def test_reference_records_are_admin_only(users):
    sdk = [r for r in users["admin"].pull_all()[0] if r["id"] == site("SDK")][-1]
    edit = {**sdk["data"], "name": "Saindak (renamed)"}
    for role in ("inspector", "supervisor", "liaison"):
        assert _reject(users[role], change("sites", site("SDK"), edit, base_rev=sdk["rev"])) == [
            ("rejected", "forbidden")
        ]
    assert _reject(users["inspector"], change("nonsense", new_id(), {})) == [("rejected", "unknown_entity")]
    assert _reject(users["admin"], change("sites", site("SDK"), edit, base_rev=sdk["rev"])) == [("accepted", None)]
    assert _reject(users["admin"], change("users", reference_id("users", "admin"), {"role": "admin"})) == [
        ("rejected", "forbidden")
    ]


ENDPOINTS = [
    ("GET", "/me"),
    ("POST", "/auth/logout"),
    ("GET", "/changes"),
    ("POST", "/push"),
    ("POST", "/blobs/missing"),
    ("GET", "/blobs/" + "a" * 64 + "/upload"),
    ("PUT", "/blobs/" + "a" * 64 + "?offset=0&total=1"),
    ("GET", "/blobs/" + "a" * 64),
]


def _assert_unauthorized(r: httpx.Response) -> None:
    assert r.status_code == 401, r.text
    assert r.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_every_endpoint_needs_a_valid_token(registry, method, path):
    with httpx.Client(base_url=registry.api) as http:
        _assert_unauthorized(http.request(method, path, json={"device": "d", "changes": [], "hashes": []}))
        _assert_unauthorized(http.request(method, path, headers={"Authorization": "Bearer nonsense"}))


def test_expired_revoked_and_disabled(registry):
    assert registry.cli("users", "add", "tempo", "--role", "inspector", "--sites", "SDK").returncode == 0
    a, b, c = (Api(registry, "tempo", device) for device in ("dev-a", "dev-b", "dev-c"))
    for api in (a, b, c):
        assert api.http.get("/me").status_code == 200
    engine = create_engine(registry.database_url)
    with engine.begin() as conn:
        conn.execute(
            update(TokenRow)
            .where(TokenRow.token_hash == hashlib.sha256(a.token.encode()).hexdigest())
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    engine.dispose()
    _assert_unauthorized(a.http.get("/me"))
    done = registry.cli("tokens", "revoke", "tempo", "--device", "dev-b")
    assert done.returncode == 0 and "revoked 1" in done.stdout
    _assert_unauthorized(b.http.get("/changes"))
    assert c.http.get("/me").status_code == 200
    assert c.http.post("/auth/logout").status_code == 200
    _assert_unauthorized(c.http.get("/me"))
    d = Api(registry, "tempo", "dev-d")
    assert registry.cli("users", "disable", "tempo").returncode == 0
    _assert_unauthorized(d.http.get("/changes"))
    r = httpx.post(registry.api + "/auth/login", json={"username": "tempo", "password": PASSWORD, "device": "e"})
    _assert_unauthorized(r)
    listed = registry.cli("tokens", "list", "--json")
    assert listed.returncode == 0 and '"revoked"' in listed.stdout and '"expired"' in listed.stdout
    for api in (a, b, c, d):
        api.close()


def test_wrong_password_and_the_failed_login_limit(registry):
    assert registry.cli("users", "add", "hammered", "--role", "liaison", "--sites", "SDK").returncode == 0
    login = registry.api + "/auth/login"
    for _ in range(5):
        _assert_unauthorized(httpx.post(login, json={"username": "hammered", "password": "guess-1234", "device": "x"}))
    r = httpx.post(login, json={"username": "hammered", "password": PASSWORD, "device": "x"})
    assert r.status_code == 429 and r.json()["error"]["code"] == "rate_limited"
    assert int(r.headers["Retry-After"]) > 0
    # unknown users get the same answer as wrong passwords
    unknown = httpx.post(login, json={"username": "nobody-here", "password": "guess-1234", "device": "x"})
    _assert_unauthorized(unknown)
    # other users are not locked out
    assert httpx.post(login, json={"username": "liaison", "password": PASSWORD, "device": "x"}).status_code == 200
