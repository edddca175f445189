"""Client fixes from the sync review: signed bundles (and --vouch for unsigned ones), parent_missing
retried, reference records edited here kept as conflicts. One real registry process for the module."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldkit import services
from fieldkit.errors import ValidationError
from fieldkit.store.models import Finding, Inspection, Site, SyncIssue
from fieldkit.sync.bundles import export_bundle, import_reply
from fieldkit.sync.conflicts import list_conflicts, resolve_conflict
from fieldkit.sync.describe import describe_conflict, list_issues
from fieldkit.sync.ids import reference_id
from fieldkit.sync.status import sync_status
from tests.sync.test_photos_cli_bundles import run_cli

SDK = reference_id("sites", "SDK")


def _inspection(store, title: str) -> str:
    return services.create_inspection(store, SDK, title=title, started_at=datetime.now(UTC)).created_id


# -- finding 4: bundles are signed with the stored token --------------------------------------------------


def test_signed_bundle_goes_through_and_unsigned_needs_vouch(tmp_path: Path, laptops, registry) -> None:
    inspector = laptops("inspector")
    iid = _inspection(inspector.store, "Signed by hand")
    signed = export_bundle(inspector.store, tmp_path / "signed.zip")
    assert signed.signed and signed.changes == 1
    done = registry.cli("bundle", "import", str(tmp_path / "signed.zip"), "--reply", str(tmp_path / "r1.zip"))
    assert done.returncode == 0, done.stderr
    assert import_reply(inspector.store, tmp_path / "r1.zip").accepted == 1

    # The same laptop, logged out: no token to sign with. The CLI writes the bundle and warns once.
    inspector.engine.logout()
    services.create_finding(inspector.store, iid, title="Carried unsigned")
    out = tmp_path / "unsigned.zip"
    cli = run_cli("bundle", "export", str(out), "--json", data_dir=inspector.store.data_dir)
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["signed"] is False and json.loads(cli.stdout)["changes"] == 1
    (warning,) = cli.stderr.splitlines()
    assert warning.startswith("fieldkit: warning:") and "--vouch" in warning

    refused = registry.cli("bundle", "import", str(out), "--reply", str(tmp_path / "r2.zip"))
    assert refused.returncode != 0 and "not signed" in refused.stderr and not (tmp_path / "r2.zip").exists()
    vouched = registry.cli("bundle", "import", str(out), "--reply", str(tmp_path / "r2.zip"), "--vouch")
    assert vouched.returncode == 0, vouched.stderr
    reply = import_reply(inspector.store, tmp_path / "r2.zip")
    assert (reply.accepted, reply.rejected) == (1, 0), reply.problems
    assert sync_status(inspector.store).pending == 0


def test_altered_signed_bundle_is_refused(tmp_path: Path, laptops, registry) -> None:
    """The proof covers the manifest: a signed bundle edited to claim another user is not taken."""
    import zipfile

    inspector = laptops("inspector")
    _inspection(inspector.store, "Tampered")
    src = tmp_path / "src.zip"
    export_bundle(inspector.store, src)
    with zipfile.ZipFile(src) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest["username"] = "inspector2"
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
    done = registry.cli("bundle", "import", str(forged), "--reply", str(tmp_path / "r.zip"))
    assert done.returncode != 0 and "not signed by a live token" in done.stderr


def test_export_for_another_user_than_the_login_is_refused(tmp_path: Path, laptops) -> None:
    inspector = laptops("inspector")
    _inspection(inspector.store, "Not yours")
    with pytest.raises(ValidationError, match="logged in as inspector"):
        export_bundle(inspector.store, tmp_path / "x.zip", username="inspector2")
    assert not (tmp_path / "x.zip").exists()
    assert export_bundle(inspector.store, tmp_path / "x.zip", username="inspector").signed  # same user: fine
    cli = run_cli(
        "bundle", "export", str(tmp_path / "y.zip"), "--user", "supervisor", data_dir=inspector.store.data_dir
    )
    assert cli.returncode == 1 and cli.stderr.startswith("fieldkit: ") and len(cli.stderr.splitlines()) == 1
    assert "fieldkit sync --user supervisor" in cli.stderr


# -- finding 5: parent_missing is retried at every sync ---------------------------------------------------


def test_children_refused_for_a_missing_parent_go_once_the_parent_does(laptops) -> None:
    inspector = laptops("inspector")
    iid = _inspection(inspector.store, "Approved by the wrong person")
    fid = services.create_finding(inspector.store, iid, title="Waits for its inspection").created_id
    with inspector.store.write() as session:
        session.get(Inspection, iid).status = "approved"  # an inspector may not: the registry refuses it
    report = inspector.sync()
    assert (report.accepted, report.rejected) == (0, 2), report.problems
    reasons = {i.entity: i.reason for i in list_issues(inspector.store)}
    assert reasons["findings"] == "parent_missing" and reasons["inspections"] != "parent_missing"
    assert [i.retried for i in list_issues(inspector.store) if i.entity == "findings"] == [True]

    again = inspector.sync()  # nothing edited: the inspection is held back, the finding asked again
    assert (again.pushed, again.rejected) == (1, 1), again.problems
    assert sync_status(inspector.store).rejected == 2  # still shown until accepted

    with inspector.store.write() as session:
        session.get(Inspection, iid).status = "draft"
    fixed = inspector.sync()
    assert (fixed.pushed, fixed.accepted, fixed.rejected) == (2, 2, 0), fixed.problems
    with inspector.store.read() as session:
        assert session.get(Finding, fid).dirty is False
        assert session.scalars(select(SyncIssue)).all() == []
    assert sync_status(inspector.store).rejected == 0 and sync_status(inspector.store).pending == 0


# -- 8f: a pulled reference record does not silently overwrite a local edit --------------------------------


def _square(lon: float) -> dict:
    ring = [[lon, 29.0], [lon + 0.01, 29.0], [lon + 0.01, 29.01], [lon, 29.01], [lon, 29.0]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_site_edited_here_and_on_the_registry_becomes_a_conflict(tmp_path: Path, laptops, registry) -> None:
    inspector, other = laptops("inspector"), laptops("inspector")
    mine = tmp_path / "mine.geojson"
    mine.write_text(json.dumps({"type": "Feature", "properties": {}, "geometry": _square(61.5)}))
    services.sites.set_site_boundary(inspector.store, "SDK", mine)
    with inspector.store.read() as session:
        local_boundary = session.get(Site, SDK).boundary
    published = tmp_path / "sites.geojson"
    feature = {"type": "Feature", "properties": {"code": "SDK", "name": "Saindak (renamed)"}, "geometry": _square(62)}
    published.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    done = registry.cli("sites", "import", str(published))
    assert done.returncode == 0, done.stderr

    # A laptop with no edit of its own simply takes the registry's copy.
    assert other.sync().conflicts == 0
    with other.store.read() as session:
        assert session.get(Site, SDK).name == "Saindak (renamed)"

    report = inspector.sync()
    assert report.conflicts == 1
    with inspector.store.read() as session:
        site = session.get(Site, SDK)
        assert site.boundary == local_boundary and site.name != "Saindak (renamed)" and site.dirty
    (row,) = [r for r in list_conflicts(inspector.store) if r.entity == "sites"]
    view = describe_conflict(inspector.store, row)
    assert view.note and "this laptop only" in view.header
    assert {f.field for f in view.differing} >= {"name", "boundary"}

    resolve_conflict(inspector.store, row.id, "mine")
    after = inspector.sync()
    assert after.conflicts == 0 and after.pushed == 0  # never sent, no new conflict for the same revision
    with inspector.store.read() as session:
        assert session.get(Site, SDK).boundary == local_boundary
    assert list_conflicts(inspector.store) == []

    # The registry changes it again: a new conflict; this time the registry's copy is kept.
    feature["properties"]["name"] = "Saindak (again)"
    published.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    assert registry.cli("sites", "import", str(published)).returncode == 0
    assert inspector.sync().conflicts == 1
    (row,) = list_conflicts(inspector.store)
    resolve_conflict(inspector.store, row.id, "theirs")
    with inspector.store.read() as session:
        site = session.get(Site, SDK)
        assert site.name == "Saindak (again)" and site.dirty is False and site.boundary != local_boundary
