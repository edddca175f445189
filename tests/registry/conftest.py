"""Registry test fixtures: a real registry process per module and backend (SQLite, PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from fieldkit.sync.ids import reference_id, template_key
from fieldkit.sync.protocol import API_PREFIX
from tests.pg import SKIP_MESSAGE, Cluster, pg_bin, postgres_cluster
from tests.registry_process import Registry, running_registry

FORMS = Path(__file__).resolve().parent / "forms"
MINI = reference_id("templates", template_key("mini-check", "1"))
PASSWORD = "field-test-pass"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    if pg_bin() is None:
        pytest.skip(SKIP_MESSAGE)
    with postgres_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def registry(backend: str, request, tmp_path_factory) -> Iterator[Registry]:
    db_url = request.getfixturevalue("pg_cluster").new_database() if backend == "postgresql" else None
    with running_registry(tmp_path_factory.mktemp(f"registry-{backend}"), db_url=db_url) as reg:
        reg.cli("forms", "publish", str(FORMS), check=True)
        yield reg


@pytest.fixture(scope="session")
def sqlite_registry(tmp_path_factory) -> Iterator[Registry]:
    with running_registry(tmp_path_factory.mktemp("registry-sqlite")) as reg:
        reg.cli("forms", "publish", str(FORMS), check=True)
        yield reg


class Api:
    """A signed-in HTTP client for one user (real HTTP against the registry process)."""

    def __init__(self, registry: Registry, username: str, device: str | None = None) -> None:
        self.registry = registry
        self.username = username
        self.device = device or f"{username}-laptop"
        self.http = httpx.Client(base_url=registry.api, timeout=30)
        r = self.http.post("/auth/login", json={"username": username, "password": PASSWORD, "device": self.device})
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        self.user = r.json()["user"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"
        self.user_id = reference_id("users", username)

    def push(self, *changes: dict[str, Any], device: str | None = None) -> list[dict[str, Any]]:
        r = self.http.post("/push", json={"device": device or self.device, "changes": list(changes)})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def push_one(self, change: dict[str, Any], **kw) -> dict[str, Any]:
        return self.push(change, **kw)[0]

    def pull_all(self, since: int = 0, limit: int = 1000) -> tuple[list[dict[str, Any]], int, list[str]]:
        records, cursor = [], since
        while True:
            r = self.http.get("/changes", params={"since": cursor, "limit": limit})
            assert r.status_code == 200, r.text
            page = r.json()
            records += page["records"]
            cursor = page["cursor"]
            if not page["more"]:
                return records, cursor, page["scope"]

    def ids(self, since: int = 0) -> set[str]:
        return {r["id"] for r in self.pull_all(since)[0]}

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="module")
def users(registry: Registry) -> Iterator[dict[str, Api]]:
    found = {name: Api(registry, name) for name in ("inspector", "inspector2", "supervisor", "liaison", "admin")}
    yield found
    for api in found.values():
        api.close()


def site(code: str) -> str:
    return reference_id("sites", code)


def now() -> str:
    return datetime.now(UTC).isoformat()


def change(entity: str, record_id: str, data: dict[str, Any], base_rev: int | None = None, **kw) -> dict[str, Any]:
    return {"change_id": uuid.uuid4().hex, "entity": entity, "id": record_id, "base_rev": base_rev, "data": data, **kw}


def inspection(site_code: str, inspector: str, status: str = "draft", template_id: str | None = MINI, **extra):
    stamp = now()
    return {
        "site_id": site(site_code),
        "template_id": template_id,
        "inspector_id": reference_id("users", inspector),
        "title": "Test inspection",
        "status": status,
        "created_at": stamp,
        "updated_at": stamp,
        "updated_by": inspector,
        "deleted_at": None,
        **extra,
    }


def answer(inspection_id: str, item_id: str, value: Any) -> dict[str, Any]:
    stamp = now()
    return {
        "inspection_id": inspection_id,
        "item_id": item_id,
        "value": value,
        "flags": [],
        "created_at": stamp,
        "updated_at": stamp,
    }


def grievance(site_code: str) -> dict[str, Any]:
    return {
        "site_id": site(site_code),
        "received_on": "2026-11-02",
        "description": "Dust on the village road",
        "status": "open",
    }


def new_id() -> str:
    return str(uuid.uuid4())


def api_url(registry: Registry, path: str) -> str:
    return registry.url + API_PREFIX + path
