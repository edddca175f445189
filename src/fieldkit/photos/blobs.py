"""Originals kept byte for byte under their SHA-256, written so that a crash never leaves half a file.

Layout: ``<data dir>/photos/ab/cd/abcd…`` (two levels of 256 folders keep directories small with tens
of thousands of photos). A file is written to ``photos/tmp/`` first, flushed to disk, then renamed
into place (atomic on the same file system) and the folder synced; a name is therefore either absent
or complete. The database row that refers to it is committed only afterwards.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

HEX = frozenset("0123456789abcdef")


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory fsync; NTFS journals the rename itself
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.tmp = self.root / "tmp"

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not HEX.issuperset(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes, sha256: str | None = None) -> tuple[str, bool]:
        """Store ``data``; returns (sha256, written). ``written`` is False when it was already there."""
        digest = sha256 or hashlib.sha256(data).hexdigest()
        final = self.path_for(digest)
        if final.is_file() and final.stat().st_size == len(data) and self.verify(digest):
            return digest, False  # already there and intact (a damaged copy is rewritten below)
        self.tmp.mkdir(parents=True, exist_ok=True)
        temp = self.tmp / f"{digest}.{os.getpid()}.{id(data)}.part"
        try:
            with temp.open("wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, final)
            _fsync_dir(final.parent)
        finally:
            temp.unlink(missing_ok=True)
        return digest, True

    def verify(self, sha256: str) -> bool:
        path = self.path_for(sha256)
        if not path.is_file():
            return False
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest() == sha256

    def clean_temp(self) -> int:
        """Remove leftovers of writes a crash interrupted (never referenced by any row).

        Another import into the same folder may be writing right now (the app and the CLI at once):
        a part file carries the writer's process id and is removed only when that process is gone
        (on Windows, where that cannot be asked cheaply, only when it is an hour old).
        """
        removed = 0
        if not self.tmp.is_dir():
            return removed
        for part in self.tmp.glob("*.part"):
            if _writer_alive(part):
                continue
            try:
                part.unlink()
                removed += 1
            except FileNotFoundError:
                pass
        return removed


def _writer_alive(part: Path) -> bool:
    try:
        pid = int(part.name.split(".")[1])
    except (IndexError, ValueError):
        return False
    if os.name != "posix":
        try:
            return part.stat().st_mtime > time.time() - 3600
        except FileNotFoundError:
            return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, someone else's
    return True
