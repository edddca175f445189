"""The OpenAPI document in the repository is the one the registry serves."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from fieldkit_registry.openapi import openapi_text

DOC = Path(__file__).resolve().parents[2] / "sync" / "openapi.json"


def test_the_committed_openapi_document_is_current():
    assert DOC.read_text(encoding="utf-8") == openapi_text(), (
        "sync/openapi.json is stale: run `fieldkit-registry openapi -o sync/openapi.json`"
    )


def test_the_served_document_equals_the_committed_one(sqlite_registry):
    served = httpx.get(sqlite_registry.api + "/openapi.json").json()
    assert served == json.loads(DOC.read_text(encoding="utf-8"))
    assert {"/api/v1/push", "/api/v1/changes", "/api/v1/blobs/{sha256}"} <= set(served["paths"])
