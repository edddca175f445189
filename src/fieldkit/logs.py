"""Log file in the data folder: where unexpected errors leave their traceback."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "fieldkit.log"


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send FieldKit's log records to ``<data dir>/logs/fieldkit.log`` (rotated at 1 MB, 5 kept).

    Returns the log file's path, or ``None`` when the folder cannot be written (the caller then
    reports the data folder problem itself).
    """
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("fieldkit")
    for old in list(root.handlers):
        if isinstance(old, logging.handlers.RotatingFileHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    root.setLevel(level)
    return path
