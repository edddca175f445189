"""Syncs through a proxy that cuts requests, loses answers after the registry committed and slows the link.

Each test records inspections, answers, findings and six photos (JPEGs with EXIF) on a fresh laptop, arms
one fault, syncs until nothing is pending (a run may end Offline: the next run resumes), then checks the
registry holds every record exactly once and every photo verified, the laptop is clean with no made-up
conflict, and a second laptop pulls the same records and bytes.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from fieldkit.sync.errors import Offline
from fieldkit.sync.protocol import CHUNK_BYTES
from fieldkit.sync.status import sync_status
from tests.faults.scenario import (
    Work,
    assert_client_clean,
    assert_on_registry,
    assert_second_laptop_agrees,
    open_laptop,
    record_work,
    registry_rows,
    sync_until_complete,
)

USER = "inspector"


def _laptop(tmp_path: Path, proxy, registry, tag: str, *, attempts: int = 2, big: int = 0):
    engine = open_laptop(tmp_path / f"{tag}-laptop", proxy.url, USER, registry.password, attempts=attempts)
    work = record_work(engine.store, tmp_path / "photos", tag, big=big)
    return engine, work


def _complete(tmp_path: Path, registry, proxy, engine, work: Work) -> None:
    assert proxy.pending() == 0, f"a fault never fired: {proxy.rules}"
    assert_on_registry(registry, work)
    assert_client_clean(engine.store, work)
    assert_second_laptop_agrees(engine.store, tmp_path / "second", registry.url, USER, registry.password, work)


def _upload_part(registry, sha: str) -> int:
    parts = list((registry.data_dir / "uploads").glob(f"{sha}.*.part"))
    return sum(p.stat().st_size for p in parts)


def _held(registry, work: Work) -> int:
    ids = [rid for _, rid in work.records]
    marks = ",".join(f":i{n}" for n in range(len(ids)))
    params = {f"i{n}": rid for n, rid in enumerate(ids)}
    return registry_rows(registry.database_url, f"SELECT count(*) FROM records WHERE id IN ({marks})", **params)[0][0]


def test_push_cut_mid_batch(tmp_path: Path, registry, proxy) -> None:
    engine, work = _laptop(tmp_path, proxy, registry, "cut-batch")
    try:
        engine.batch_size = 8
        armed = []

        def progress(p) -> None:
            # Before the second batch goes out: cut it after its headers and part of its body.
            if p.phase == "push" and p.records_done >= 8 and not armed:
                proxy.cut_request("POST /api/v1/push", after=600)
                armed.append(p.records_done)

        reports, _failures = sync_until_complete(engine, progress=progress)
        assert armed and any(line.startswith("cut POST /api/v1/push") for line in proxy.fired)
        assert sum(r.conflicts for r in reports) == 0 and sum(r.rejected for r in reports) == 0
        _complete(tmp_path, registry, proxy, engine, work)
    finally:
        engine.store.close()


def test_photo_cut_mid_chunk_resumes_from_what_the_registry_holds(tmp_path: Path, registry, proxy) -> None:
    engine, work = _laptop(tmp_path, proxy, registry, "cut-photo", attempts=1, big=1)
    try:
        assert work.big is not None
        first = sorted(work.photos)[0]  # blobs go up in hash order
        # The first photo's first chunk is cut 5 kB in; then the big photo's second chunk 1 MB in.
        proxy.cut_request(f"PUT /api/v1/blobs/{first}?offset=0&", after=5_000)
        with pytest.raises(Offline):
            engine.run()
        assert _upload_part(registry, first) == 0  # a cut chunk leaves nothing behind
        proxy.cut_request(f"PUT /api/v1/blobs/{work.big}?offset={CHUNK_BYTES}&", after=1_000_000)
        with pytest.raises(Offline):
            engine.run()
        assert proxy.pending() == 0
        assert _upload_part(registry, work.big) == CHUNK_BYTES  # the first chunk stays for the resume
        reports, _ = sync_until_complete(engine)
        sent = sum(r.bytes_up for r in reports)
        assert sent <= sum(work.photos.values()) - CHUNK_BYTES, "the resumed upload started again from zero"
        _complete(tmp_path, registry, proxy, engine, work)
    finally:
        engine.store.close()


@pytest.mark.parametrize("attempts", [3, 1], ids=["retried-in-run", "next-run"])
def test_push_answer_lost_after_commit_is_no_conflict(tmp_path: Path, registry, proxy, attempts: int) -> None:
    engine, work = _laptop(tmp_path, proxy, registry, f"lost-push-{attempts}", attempts=attempts)
    try:
        proxy.lose_response("POST /api/v1/push")
        if attempts == 1:
            with pytest.raises(Offline):
                engine.run()
            # The registry committed the batch; the laptop still thinks it is pending.
            assert _held(registry, work) == len(work.records)
            assert sync_status(engine.store).pending == len(work.records)
        reports, _ = sync_until_complete(engine)
        assert sum(r.conflicts for r in reports) == 0 and sum(r.rejected for r in reports) == 0
        assert sum(r.accepted for r in reports) == len(work.records)
        _complete(tmp_path, registry, proxy, engine, work)
    finally:
        engine.store.close()


def test_final_blob_answer_lost_after_commit(tmp_path: Path, registry, proxy) -> None:
    engine, work = _laptop(tmp_path, proxy, registry, "lost-blob", attempts=1, big=1)
    try:
        last = sorted(work.photos)[-1]  # blobs go up in hash order: this is the sync's final PUT
        for sha in {last, work.big}:
            final = (work.photos[sha] - 1) // CHUNK_BYTES * CHUNK_BYTES
            proxy.lose_response(f"PUT /api/v1/blobs/{sha}?offset={final}&")
        failures = 0
        while proxy.pending():
            with pytest.raises(Offline):
                engine.run()
            failures += 1
            assert failures <= 2
        for sha in {last, work.big}:  # committed on the registry, unconfirmed here
            assert registry_rows(registry.database_url, "SELECT size FROM blobs WHERE sha256 = :s", s=sha)
        reports, _ = sync_until_complete(engine)
        assert sum(r.conflicts for r in reports) == 0 and sum(r.rejected for r in reports) == 0
        _complete(tmp_path, registry, proxy, engine, work)
    finally:
        engine.store.close()


def test_slow_link(tmp_path: Path, registry, proxy) -> None:
    engine, work = _laptop(tmp_path, proxy, registry, "slow")
    try:
        proxy.slow(200_000, latency=0.05)
        started = time.monotonic()
        reports, failures = sync_until_complete(engine)
        elapsed = time.monotonic() - started
        assert failures == [] and len(reports) == 1  # slow is not broken: one run, no retry needed
        # The photos really went through the throttle (about 200 kB/s).
        assert elapsed >= sum(work.photos.values()) / 200_000
        proxy.slow(None)
        _complete(tmp_path, registry, proxy, engine, work)
    finally:
        engine.store.close()
