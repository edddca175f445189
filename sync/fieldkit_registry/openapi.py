"""The OpenAPI document, generated from the app (no database needed) and kept in sync/openapi.json."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from fieldkit_registry.config import resolve_settings


def openapi_text() -> str:
    from fieldkit_registry.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(resolve_settings(tmp, f"sqlite:///{Path(tmp) / 'x.sqlite3'}"), migrate=False)
        doc = app.openapi()
        app.state.engine.dispose()
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
