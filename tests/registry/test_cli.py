"""fieldkit-registry's admin commands, run as the administrator would (subprocesses, real database)."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fieldkit_registry.cli import main

from fieldkit.checklists.library import builtin_folder
from fieldkit.sync.bundlefile import read_bundle, write_bundle
from fieldkit.sync.ids import reference_id
from fieldkit.sync.protocol import BundleManifest, Change, bundle_proof
from tests.registry.conftest import Api, inspection, new_id

SITES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {
                "code": "KHW",
                "name": "Khewra Salt Mine",
                "commodity": "Rock salt",
                "limit_sets": ["neqs-noise"],
                "local_names": {"ur": "کھیوڑہ"},
            },
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[73.0, 32.6], [73.02, 32.6], [73.02, 32.62], [73.0, 32.62], [73.0, 32.6]]],
            },
        }
    ],
}


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch):
    """Run ``fieldkit-registry --data-dir D args`` in this process (the same ``main`` the console script runs)."""

    def call(data_dir: Path, *args: str, password: str | None = "field-test-pass") -> Result:
        if password is None:
            monkeypatch.delenv("FIELDKIT_PASSWORD", raising=False)
        else:
            monkeypatch.setenv("FIELDKIT_PASSWORD", password)
        capsys.readouterr()
        code = main(["--data-dir", str(data_dir), *args])
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return call


def test_init_users_sites_forms_and_demo(tmp_path, run):
    d = tmp_path / "reg"
    out = run(d, "init", "--admin", "boss")
    assert out.returncode == 0, out.stderr
    assert (d / "registry.sqlite3").exists()
    # sites: a good file, then broken ones storing nothing
    good = tmp_path / "sites.geojson"
    good.write_text(json.dumps(SITES), encoding="utf-8")
    assert "1 added" in run(d, "sites", "import", str(good)).stdout
    assert "1 unchanged" in run(d, "sites", "import", str(good)).stdout
    broken = json.loads(json.dumps(SITES))
    broken["features"].append(
        {
            "type": "Feature",
            "properties": {"code": "BAD", "name": "Bad"},
            "geometry": {"type": "Point", "coordinates": [1, 2]},
        }
    )
    for text in (json.dumps(broken), "{not json", json.dumps({"type": "Feature"})):
        bad = tmp_path / "bad.geojson"
        bad.write_text(text, encoding="utf-8")
        res = run(d, "sites", "import", str(bad))
        assert res.returncode == 1 and res.stderr.startswith("fieldkit: ") and res.stderr.count("\n") == 1
    # users
    assert (
        run(d, "users", "add", "ali", "--role", "inspector", "--sites", "KHW", "--display-name", "Ali K").returncode
        == 0
    )
    assert run(d, "users", "add", "ali", "--role", "inspector").returncode == 1
    assert "Unknown site" in run(d, "users", "add", "zed", "--role", "inspector", "--sites", "NOPE").stderr
    assert run(d, "users", "add", "weak", "--role", "liaison", password="short").returncode == 1
    assert run(d, "users", "disable", "ali").returncode == 0
    listed = json.loads(run(d, "users", "list", "--json").stdout)
    assert {u["username"]: (u["role"], u["sites"], u["active"]) for u in listed} == {
        "boss": ("admin", [], True),
        "ali": ("inspector", ["KHW"], False),
    }
    assert listed[0]["id"] == reference_id("users", listed[0]["username"])
    # forms: the built-in folder, then the same version with another definition
    first = run(d, "forms", "publish", str(builtin_folder()))
    assert first.returncode == 0 and "published 8 template" in first.stdout
    assert "published 0 template" in run(d, "forms", "publish", str(builtin_folder())).stdout
    changed = tmp_path / "tsf.yaml"
    changed.write_text(
        (builtin_folder() / "tsf-inspection.yaml")
        .read_text(encoding="utf-8")
        .replace("\ntitle:\n  en: ", "\ntitle:\n  en: Changed ", 1),
        encoding="utf-8",
    )
    res = run(d, "forms", "publish", str(changed))
    assert res.returncode == 1 and "different definition" in res.stderr
    # demo: idempotent, a generated password printed once
    first = run(d, "demo", password=None)
    assert first.returncode == 0 and "shown once" in first.stdout
    again = run(d, "demo", password=None)
    assert again.returncode == 0 and "shown once" not in again.stdout and "exist already" in again.stdout


def test_bundle_import_twice_changes_nothing(sqlite_registry, tmp_path):
    reg = sqlite_registry
    blob = b"bundle photo " + uuid.uuid4().bytes
    sha = hashlib.sha256(blob).hexdigest()
    (tmp_path / "blob").write_bytes(blob)
    iid = new_id()
    changes = [
        Change(change_id=uuid.uuid4().hex, entity="inspections", id=iid, data=inspection("SDK", "inspector")),
        Change(change_id=uuid.uuid4().hex, entity="photos", id=new_id(), data={"sha256": sha, "inspection_id": iid}),
    ]
    manifest = BundleManifest(
        kind="changes",
        bundle_id=str(uuid.uuid4()),
        created_at=datetime.now(UTC),
        username="inspector",
        device="field-laptop",
        since=0,
        changes=changes,
        blobs=[sha],
    )
    laptop = Api(reg, "inspector", "field-laptop")
    manifest = manifest.model_copy(
        update={"proof": bundle_proof(hashlib.sha256(laptop.token.encode()).hexdigest(), manifest)}
    )
    bundle = tmp_path / "out.fkbundle"
    write_bundle(bundle, manifest, {sha: tmp_path / "blob"})
    replies = []
    for n in (1, 2):
        reply = tmp_path / f"reply{n}.zip"
        res = reg.cli("bundle", "import", str(bundle), "--reply", str(reply))
        assert res.returncode == 0, res.stderr
        got, reader = read_bundle(reply)
        with reader:
            assert reader.blob_bytes(sha) == blob
        replies.append(got)
    first, second = replies
    assert first.in_reply_to == manifest.bundle_id and first.kind == "reply"
    assert [r.status for r in first.results] == ["accepted", "accepted"]
    assert [r.model_dump() for r in second.results] == [r.model_dump() for r in first.results]
    pulled = {r.id for p in first.pages for r in p.records}
    assert iid in pulled and reference_id("sites", "MBC") not in pulled
    assert Api(reg, "supervisor").ids() >= {iid}
    # a reply bundle is not accepted as a push; a foreign user is refused
    assert reg.cli("bundle", "import", str(tmp_path / "reply1.zip"), "--reply", str(tmp_path / "x.zip")).returncode == 1
    manifest2 = manifest.model_copy(update={"username": "nobody", "bundle_id": str(uuid.uuid4())})
    write_bundle(tmp_path / "foreign.zip", manifest2, {sha: tmp_path / "blob"})
    res = reg.cli("bundle", "import", str(tmp_path / "foreign.zip"), "--reply", str(tmp_path / "y.zip"))
    assert res.returncode == 1 and "not an active user" in res.stderr


@pytest.mark.parametrize("junk", [b"", b"PK\x03\x04 truncated", b"not a zip at all"])
def test_a_broken_bundle_is_refused_with_one_line(sqlite_registry, tmp_path, junk):
    path = tmp_path / "junk.zip"
    path.write_bytes(junk)
    res = sqlite_registry.cli("bundle", "import", str(path), "--reply", str(tmp_path / "r.zip"))
    assert res.returncode == 1 and res.stderr.startswith("fieldkit: ") and not (tmp_path / "r.zip").exists()
