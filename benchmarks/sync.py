"""Sync: an incremental sync against a registry holding 10k inspections vs an empty one (target ratio ≤ 1.5),
and a blob upload through the engine vs a plain HTTP PUT of the same bytes (target ratio ≥ 0.7).

Everything on loopback, registries on SQLite in their own processes (``fieldkit-registry serve``), measured in
one run:
- (a) two registries, one with only the demo (sites, users, templates), one also holding N inspections
  (default 10 000). A client store is synced to head on each (so the second laptop also holds them all), one
  inspection with its answers is recorded and synced, then each round edits one answer and times
  ``SyncEngine.run()`` (login check, blob query, push of one change, pull). Rounds alternate between the two
  registries so drift of the machine hits both alike; medians are compared.
- (b) a blob of 64 MB of random bytes sent by the engine's blob phase (``SyncEngine._blobs``: the
  missing query, chunked resumable upload, the registry's fsync per chunk and sha256 verification, the photo
  marked in the local store) vs ``httpx.put`` of the same bytes to a minimal uvicorn app in its own process
  that writes the body to a file on the same disk with fsync. A fresh blob each repeat; medians compared.

    python benchmarks/sync.py [--inspections 10000] [--rounds 15] [--blob-mb 64] [--repeat 5]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))  # the registry runner lives with the tests

import httpx  # noqa: E402
from sqlalchemy import select  # noqa: E402
from tests.registry_process import Registry, free_port, running_registry  # noqa: E402

from _common import report  # noqa: E402
from fieldkit import services  # noqa: E402
from fieldkit.services.photos import blob_store  # noqa: E402
from fieldkit.store.models import Inspection, Photo  # noqa: E402
from fieldkit.sync.engine import SyncEngine, SyncReport  # noqa: E402
from fieldkit.sync.http import RegistryClient  # noqa: E402
from fieldkit.sync.ids import reference_id  # noqa: E402
from fieldkit.sync.protocol import MAX_BATCH, PAGE_LIMIT_MAX, PushResponse  # noqa: E402
from fieldkit.sync.records import row_data  # noqa: E402

USER = "inspector"
SDK = reference_id("sites", "SDK")


def laptop(data_dir: Path, registry: Registry) -> SyncEngine:
    """A client store logged in as the inspector and synced to the registry's head."""
    engine = SyncEngine(services.open_store(data_dir), registry.url, device=f"bench-{data_dir.name}")
    engine.page_limit = PAGE_LIMIT_MAX
    engine.login(USER, registry.password)
    engine.run()
    return engine


def seed_inspections(registry: Registry, template: SyncEngine, count: int) -> float:
    """Put ``count`` inspections on the registry through its own push endpoint, MAX_BATCH changes a request.

    The records are clones of one inspection recorded on ``template`` (new id and title each), generated
    on the fly rather than recorded in a store first: the registry validates and stores every one exactly
    as it would a laptop's push (rules, checks, revisions, applied-change memory). Returns the seconds taken.
    """
    store = template.store
    iid = services.create_inspection(store, SDK, title="Seed", started_at=datetime.now(UTC)).created_id
    with store.read() as session:
        base = row_data(session, session.get(Inspection, iid))
    started = time.perf_counter()
    with RegistryClient(registry.url, store.get_meta("sync_token")) as client:
        for start in range(0, count, MAX_BATCH):
            changes = []
            for n in range(start, min(count, start + MAX_BATCH)):
                rid = str(uuid.uuid4())
                data = {**base, "title": f"Seeded inspection {n}"}
                if "id" in data:
                    data["id"] = rid
                changes.append({"change_id": str(uuid.uuid4()), "entity": "inspections", "id": rid, "data": data})
            answer = PushResponse.model_validate(
                client.post_json("/push", {"device": "bench-seed", "changes": changes})
            )
            refused = [r for r in answer.results if r.status != "accepted"]
            if refused:
                raise SystemExit(f"seeding refused: {refused[0]}")
    return time.perf_counter() - started


def incremental(engines: dict[str, SyncEngine], rounds: int) -> dict[str, list[float]]:
    """Per engine: record one inspection with answers and sync it, then ``rounds`` of edit-one-answer + sync."""
    form = None
    inspections = {}
    for name, engine in engines.items():
        form = form or services.template_id_for(engine.store, "effluent-sampling")
        iid = services.create_inspection(engine.store, SDK, template_id=form, started_at=datetime.now(UTC)).created_id
        for item, value in (("discharge_route", "inland"), ("sample_taken", "yes"), ("lab_results_received", "yes")):
            services.answer_item(engine.store, iid, item, value)
        engine.run()
        inspections[name] = iid
    times: dict[str, list[float]] = {name: [] for name in engines}
    for n in range(rounds + 2):  # two warm-up rounds
        for name, engine in engines.items():
            services.answer_item(engine.store, inspections[name], "lead", round(0.1 + n * 0.01, 3))
            start = time.perf_counter()
            result = engine.run()
            elapsed = time.perf_counter() - start
            # the answer, and its inspection (whose updated_at moved): both accepted, nothing else
            assert 1 <= result.pushed == result.accepted <= 2 and not result.conflicts, result
            if n >= 2:
                times[name].append(elapsed)
    return times


# -- (b) blobs -------------------------------------------------------------------------------------------


def engine_upload(engine: SyncEngine, data: bytes) -> float:
    """Time the engine's blob phase for one pending photo whose original is ``data``."""
    store = engine.store
    sha, _ = blob_store(store).put_bytes(data)
    with store.read() as session:
        iid = session.scalar(select(Inspection.id).limit(1))
    with store.write(USER, remote=True) as session:  # not dirty: only its blob goes up
        session.add(Photo(sha256=sha, byte_size=len(data), inspection_id=iid, original_name="bench.bin"))
    engine._progress, engine._cancelled = (lambda p: None), (lambda: False)
    sync_report = SyncReport()
    with engine._client() as client:
        start = time.perf_counter()
        engine._blobs(client, USER, sync_report)
        elapsed = time.perf_counter() - start
    assert (sync_report.blobs_up, sync_report.bytes_up) == (1, len(data)), sync_report
    with store.read() as session:
        assert session.scalar(select(Photo.blob_synced).where(Photo.sha256 == sha))
    blob_store(store).path_for(sha).unlink()  # keep the disk tidy; the registry keeps its copy
    return elapsed


BASELINE_APP = """
import os, sys, uuid
import anyio, uvicorn

folder = sys.argv[2]

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    body, more = bytearray(), True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
    path = os.path.join(folder, uuid.uuid4().hex)

    def write():
        with open(path, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.unlink(path)

    await anyio.to_thread.run_sync(write)
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b'{"ok": true}'})

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", lifespan="off")
"""


@contextlib.contextmanager
def baseline_server(folder: Path):
    """The minimal PUT target: uvicorn in its own process, the body written to ``folder`` with fsync."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", BASELINE_APP, str(port), str(folder)])
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.put(f"http://127.0.0.1:{port}/warm", content=b"x", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("baseline server did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def plain_put(url: str, data: bytes) -> float:
    start = time.perf_counter()
    response = httpx.put(f"{url}/blob", content=data, timeout=120)
    elapsed = time.perf_counter() - start
    response.raise_for_status()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--blob-mb", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        tmp = Path(tmp)
        empty = stack.enter_context(running_registry(tmp / "registry-empty"))
        full = stack.enter_context(running_registry(tmp / "registry-full"))
        seeder = laptop(tmp / "seeder", full)
        stack.callback(seeder.store.close)
        seconds = seed_inspections(full, seeder, args.inspections)
        print(f"seeded {args.inspections} inspections through /push in {seconds:.1f} s")
        engines = {"empty": laptop(tmp / "laptop-empty", empty)}
        start = time.perf_counter()
        engines["full"] = laptop(tmp / "laptop-full", full)
        print(f"a new laptop pulled them in {time.perf_counter() - start:.1f} s")
        for engine in engines.values():
            stack.callback(engine.store.close)

        times = incremental(engines, args.rounds)
        ms = {name: statistics.median(t) * 1000 for name, t in times.items()}
        print(
            f"incremental sync (edit one answer, run), median of {args.rounds}: "
            f"empty registry {ms['empty']:.1f} ms, {args.inspections} inspections {ms['full']:.1f} ms"
        )
        report("incremental sync, full vs empty registry", ms["full"], ms["empty"], "≤ 1.5", "ms")

        size = args.blob_mb * 1024 * 1024
        ours, base = [], []
        url = stack.enter_context(baseline_server(tmp / "registry-empty"))
        for _ in range(args.repeat):
            data = os.urandom(size)
            base.append(plain_put(url, data))
            ours.append(engine_upload(engines["empty"], data))
        mb = size / 1e6
        ours_tp, base_tp = mb / statistics.median(ours), mb / statistics.median(base)
        print(
            f"blob upload of {args.blob_mb} MiB, median of {args.repeat}: engine {ours_tp:.0f} MB/s, "
            f"plain PUT {base_tp:.0f} MB/s"
        )
        report("blob upload throughput, engine vs plain PUT", ours_tp, base_tp, "≥ 0.7", "MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
