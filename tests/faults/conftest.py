"""One registry process for the fault tests, and a fault proxy in front of it per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.faultproxy import FaultProxy
from tests.registry_process import Registry, running_registry


@pytest.fixture(scope="package")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    with running_registry(tmp_path_factory.mktemp("registry")) as reg:
        yield reg


@pytest.fixture
def proxy(registry: Registry) -> Iterator[FaultProxy]:
    with FaultProxy(("127.0.0.1", registry.port)) as p:
        yield p
