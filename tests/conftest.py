"""Fixtures shared by every test: fresh data folders, stores, the demo, the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldkit.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _never_touch_the_users_folders(tmp_path_factory: pytest.TempPathFactory):
    """Anything that falls back to a default folder lands in a throwaway one, never in ~."""
    home = tmp_path_factory.mktemp("home")
    saved = {k: os.environ.get(k) for k in ("FIELDKIT_DATA_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME")}
    os.environ["FIELDKIT_DATA_DIR"] = str(home / "fieldkit-data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "share")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir: Path):
    with Store.open(data_dir) as s:
        yield s


@pytest.fixture
def demo_store(store: Store) -> Store:
    from fieldkit.demo import seed_demo

    seed_demo(store)
    return store


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared real-world corpus (../shared/corpus or $FIELDKIT_CORPUS); skips when absent."""
    path = Path(os.environ.get("FIELDKIT_CORPUS", ROOT.parent / "shared" / "corpus"))
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path}")
    return path
