"""Trying sync in two commands: the registry demo and a laptop demo are the same records.

``fieldkit-registry demo`` holds the app demo's inspections (same ids, same content), so a laptop that
ran ``fieldkit demo`` syncs without sending, refusing or duplicating anything; its records of a site the
user is not assigned to stay on the laptop and are not offered.
"""

from __future__ import annotations

import hashlib

import httpx
import pytest
from sqlalchemy import func, select

from fieldkit import services
from fieldkit.demo import seed_demo
from fieldkit.services.photos import blob_store
from fieldkit.store.models import Inspection, Photo
from fieldkit.sync.engine import SyncEngine
from fieldkit.sync.status import sync_status
from tests.registry_process import running_registry


@pytest.fixture(scope="module")
def demo_registry(tmp_path_factory):
    with running_registry(tmp_path_factory.mktemp("registry"), demo_inspections=True) as reg:
        yield reg


def test_a_demo_laptop_meets_the_demo_registry(tmp_path, demo_registry) -> None:
    with services.open_store(tmp_path / "laptop") as store:
        seed_demo(store)
        engine = SyncEngine(store, demo_registry.url, device="demo-laptop")
        engine.login("inspector", demo_registry.password)
        first = engine.run()
        assert (first.rejected, first.conflicts, first.blobs_up) == (0, 0, 0)
        status = sync_status(store)
        assert status.pending == 0 and status.rejected == 0
        # The demo's MBC inspection belongs to inspector2's site: kept here, counted, never sent.
        assert status.outside_scope > 0
        second = engine.run()
        assert (second.pushed, second.pulled) == (0, 0)

        with store.read() as session:
            local = session.scalar(select(func.count()).select_from(Inspection))
            sha = session.scalars(select(Photo.sha256).limit(1)).first()
    # The registry holds each demo inspection once, with its photos' bytes.
    with httpx.Client(base_url=demo_registry.url + "/api/v1") as http:
        token = http.post(
            "/auth/login", json={"username": "admin", "password": demo_registry.password, "device": "t"}
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        records, since = [], 0
        while True:
            page = http.get("/changes", params={"since": since, "limit": 1000}, headers=headers).json()
            records += page["records"]
            since = page["cursor"]
            if not page["more"]:
                break
        blob = http.get(f"/blobs/{sha}", headers=headers)
    inspections = [r["id"] for r in records if r["entity"] == "inspections"]
    assert len(inspections) == len(set(inspections)) == local
    assert blob.status_code == 200 and hashlib.sha256(blob.content).hexdigest() == sha


def test_the_supervisor_laptop_gets_the_demo_with_photos(tmp_path, demo_registry) -> None:
    with services.open_store(tmp_path / "office") as store:
        engine = SyncEngine(store, demo_registry.url, device="office")
        engine.login("supervisor", demo_registry.password)
        report = engine.run()
        assert report.blobs_down > 0
        blobs = blob_store(store)
        with store.read() as session:
            photos = session.scalars(select(Photo)).all()
            statuses = set(session.scalars(select(Inspection.status)))
    assert {"approved", "submitted", "draft"} <= statuses
    for photo in photos:
        data = blobs.path_for(photo.sha256).read_bytes()
        assert hashlib.sha256(data).hexdigest() == photo.sha256
