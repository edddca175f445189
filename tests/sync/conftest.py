"""One real registry process per test module, and laptops (real client stores) that sync with it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit import services
from fieldkit.store import Store
from fieldkit.sync.engine import SyncEngine
from tests.registry_process import Registry, running_registry


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    with running_registry(tmp_path_factory.mktemp("registry")) as reg:
        yield reg


class Laptop:
    """A client store logged in to the registry as one user."""

    def __init__(self, store: Store, engine: SyncEngine, user: str) -> None:
        self.store, self.engine, self.user = store, engine, user

    def sync(self):
        return self.engine.run()


@pytest.fixture
def laptops(tmp_path: Path, registry: Registry):
    """``laptops(user)`` opens a fresh store, logs in as ``user`` and syncs once."""
    with contextlib.ExitStack() as stack:
        count = 0

        def make(user: str, *, sync: bool = True, store: Store | None = None) -> Laptop:
            nonlocal count
            count += 1
            if store is None:
                store = stack.enter_context(services.open_store(tmp_path / f"{user}-{count}"))
            engine = SyncEngine(store, registry.url, device=f"{user}-laptop-{count}")
            engine.attempts, engine.backoff = 3, 0.05
            engine.login(user, registry.password)
            laptop = Laptop(store, engine, user)
            if sync:
                laptop.sync()
            return laptop

        yield make
