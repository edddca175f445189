"""Where FieldKit keeps its data, and where its shipped files are.

Paths are resolved at run time and passed in, never fixed at import time: tests and scripts point
FieldKit at any folder with ``--data-dir`` or ``FIELDKIT_DATA_DIR``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fieldkit.errors import StoreError
from fieldkit.i18n import translate

ENV_DATA_DIR = "FIELDKIT_DATA_DIR"
APP_NAME = "FieldKit"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``explicit`` (``--data-dir``), else ``$FIELDKIT_DATA_DIR``, else the per-user one."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def prepare_data_dir(path: Path) -> Path:
    """Create ``path`` if needed and prove it is writable; raise :class:`StoreError` saying why not."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            translate("Store", "Cannot create the data folder {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    if not path.is_dir():
        raise StoreError(translate("Store", "The data folder {path} is not a folder.").format(path=path))
    try:
        with tempfile.NamedTemporaryFile(dir=path, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise StoreError(
            translate("Store", "The data folder {path} is not writable: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    return path


def shipped_dir(name: str) -> Path:
    """A folder shipped with FieldKit (``forms`` or ``resources``).

    In a wheel they live in ``fieldkit/_data``; in a source checkout (editable install) at the
    repository root, which is where developers edit them.
    """
    here = Path(__file__).resolve().parent
    installed = here / "_data" / name
    if installed.is_dir():
        return installed
    return here.parent.parent / name
