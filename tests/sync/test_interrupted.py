"""A sync cut anywhere (registry gone, user cancels) leaves the store consistent; the next run completes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, func, select, text

from fieldkit import services
from fieldkit.store.models import Finding, Inspection
from fieldkit.sync import inbox
from fieldkit.sync.errors import Cancelled, Offline
from fieldkit.sync.ids import reference_id
from fieldkit.sync.status import sync_status

SDK = reference_id("sites", "SDK")


def _work(laptop, n: int, tag: str) -> list[str]:
    ids = []
    for i in range(n):
        iid = services.create_inspection(laptop.store, SDK, title=f"{tag} {i}", started_at=datetime.now(UTC)).created_id
        services.create_finding(laptop.store, iid, title=f"{tag} finding {i}")
        ids.append(iid)
    return ids


def _count(store, model, ids) -> int:
    column = model.id if model is Inspection else model.inspection_id
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(column.in_(ids)))


def test_cancelled_push_resumes_without_duplicates(laptops, registry) -> None:
    laptop = laptops("inspector")
    _work(laptop, 12, "cancel")
    laptop.engine.batch_size = 6
    batches = []

    def progress(p) -> None:
        if p.phase == "push":
            batches.append(p.records_done)

    with pytest.raises(Cancelled):
        laptop.engine.run(progress, cancelled=lambda: len(batches) >= 2)  # after the first batch
    assert 0 < sync_status(laptop.store).pending < 24
    report = laptop.sync()
    assert report.rejected == 0 and report.conflicts == 0
    assert sync_status(laptop.store).pending == 0
    engine = create_engine(registry.database_url)
    with engine.connect() as conn:
        held = conn.execute(
            text("SELECT count(*) FROM records WHERE entity = 'inspections' AND data LIKE '%cancel %'")
        ).scalar()
    engine.dispose()
    assert held == 12


def test_registry_gone_mid_pull_then_back(laptops, registry) -> None:
    writer = laptops("inspector")
    ids = _work(writer, 15, "outage")
    writer.sync()
    reader = laptops("supervisor", sync=False)
    reader.engine.page_limit = 7
    reader.engine.attempts = 2
    pages = []

    def progress(p) -> None:
        if p.phase == "pull":
            pages.append(p)
            if len(pages) == 2:
                registry.stop(kill=True)

    try:
        with pytest.raises(Offline):
            reader.engine.run(progress)
    finally:
        registry.start()
    cursor = inbox.cursor_state(reader.store)["cursor"]
    assert cursor > 0
    with reader.store.read() as s:  # what arrived is whole: every finding has its inspection
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    reader.sync()
    assert _count(reader.store, Inspection, ids) == 15 and _count(reader.store, Finding, ids) == 15
    assert inbox.cursor_state(reader.store)["cursor"] > cursor
    assert sync_status(reader.store).pending == 0
