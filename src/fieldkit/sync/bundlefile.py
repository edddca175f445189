"""Bundle files: a push (or a registry's reply) and its blobs as one zip, for sites with no link.

Layout: ``manifest.json`` (a :class:`~fieldkit.sync.protocol.BundleManifest`) and one
``blobs/<sha256>`` member per blob. Shared by the client (``fieldkit bundle``) and the registry
(``fieldkit-registry bundle import``), so both read a bundle with the same distrust:

* member names are only *matched* (``manifest.json`` or :data:`~fieldkit.sync.protocol.BLOB_MEMBER`),
  never used as paths, so a ``../../etc/passwd`` member cannot write anywhere (it is refused);
* the member count, each member's declared size and its compression ratio are checked before
  anything is inflated, and inflating reads with a cap, so a zip bomb costs nothing;
* every blob is hashed while it is read and refused unless it matches its name and declared size;
* a file that is not a zip, is truncated or damaged, or whose manifest is not a sane JSON document
  (nested deeper than :data:`MAX_MANIFEST_DEPTH`, which would exhaust the parser's recursion, or
  otherwise unparseable) is a :class:`~fieldkit.errors.ValidationError` with a one-line message,
  raised before the caller stores anything.

Writing goes to a temporary file beside the target, fsynced, then renamed: a bundle on the USB stick
is either complete or absent.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import re
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError as PydanticValidationError

from fieldkit.errors import ValidationError
from fieldkit.i18n import translate
from fieldkit.sync.protocol import (
    BLOB_MEMBER,
    MAX_BLOB_BYTES,
    MAX_BUNDLE_BYTES,
    MAX_BUNDLE_MEMBERS,
    MAX_MANIFEST_BYTES,
    BundleManifest,
)

MANIFEST = "manifest.json"
#: Largest inflated/compressed ratio accepted for a member above RATIO_FLOOR bytes. JSON manifests
#: compress 5-30x; photos barely at all; a bomb of zeros about 1000x.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
_BLOCK = 1 << 20
#: Deepest nesting of arrays/objects accepted in a manifest. A real one nests about 6 deep (manifest >
#: changes > change > data > chunks > chunk); json and pydantic recurse per level, so a manifest of
#: 100,000 "[" would otherwise end in RecursionError rather than a message.
MAX_MANIFEST_DEPTH = 64
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_JSON_STRING = re.compile(rb'"[^"]*+"')
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")


def _bad(path: Path, reason: str) -> ValidationError:
    return ValidationError(
        translate("Sync", "{path} is not a usable FieldKit bundle: {reason}").format(path=path.name, reason=reason)
    )


def json_depth(raw: bytes) -> int:
    """The deepest nesting of arrays and objects in the JSON text ``raw``, without parsing it. Linear, no
    recursion, no backtracking: escapes are dropped first (in valid JSON they occur only inside strings),
    then strings are blanked, so brackets inside them do not count. Exact for valid JSON; for invalid
    JSON exact up to the first error, which is as far as a parser goes, so a safe bound either way."""
    brackets = _NOT_BRACKET.sub(b"", _JSON_STRING.sub(b"", _ESCAPE.sub(b"", raw)))
    steps = (1 if b in b"[{" else -1 for b in brackets)
    return max(itertools.accumulate(steps, initial=0))


def write_bundle(path: Path, manifest: BundleManifest, blobs: Mapping[str, Path]) -> Path:
    """Write ``manifest`` and the files of ``blobs`` (sha256 -> file) to ``path`` atomically.

    The manifest's ``blobs`` list is set from ``blobs``, so the two cannot disagree.
    """
    path = Path(path)
    for sha in blobs:
        if not BLOB_MEMBER.match(f"blobs/{sha}"):
            raise ValueError(f"not a sha256: {sha!r}")
    manifest = manifest.model_copy(update={"blobs": sorted(blobs)})
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with zipfile.ZipFile(temp, "w", allowZip64=True) as zf:
            zf.writestr(MANIFEST, manifest.model_dump_json(), compress_type=zipfile.ZIP_DEFLATED)
            for sha in sorted(blobs):
                # Photos are compressed already: stored, so reading back needs no inflating.
                zf.write(blobs[sha], f"blobs/{sha}", compress_type=zipfile.ZIP_STORED)
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path


class BundleReader:
    """The blobs of an opened bundle, each verified against its name and size as it is read."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> None:
        self.path = path
        self._zf = zf
        self._members = members

    @property
    def hashes(self) -> list[str]:
        return sorted(self._members)

    def size(self, sha256: str) -> int:
        return self._info(sha256).file_size

    def _info(self, sha256: str) -> zipfile.ZipInfo:
        info = self._members.get(sha256)
        if info is None:
            raise _bad(self.path, translate("Sync", "blob {sha} is missing").format(sha=sha256[:12]))
        return info

    def _stream(self, sha256: str, out: BinaryIO) -> int:
        info = self._info(sha256)
        digest = hashlib.sha256()
        total = 0
        try:
            with self._zf.open(info) as member:
                while block := member.read(_BLOCK):
                    total += len(block)
                    if total > info.file_size:
                        raise _bad(
                            self.path, translate("Sync", "blob {sha} is larger than declared").format(sha=sha256[:12])
                        )
                    digest.update(block)
                    out.write(block)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error) as exc:
            raise _bad(
                self.path, translate("Sync", "blob {sha} is damaged ({reason})").format(sha=sha256[:12], reason=exc)
            ) from None
        if total != info.file_size or digest.hexdigest() != sha256:
            raise _bad(self.path, translate("Sync", "blob {sha} does not match its hash").format(sha=sha256[:12]))
        return total

    def blob_bytes(self, sha256: str) -> bytes:
        """The verified bytes of one blob."""
        buf = io.BytesIO()
        self._stream(sha256, buf)
        return buf.getvalue()

    def copy_blob(self, sha256: str, dest_file: Path | BinaryIO) -> int:
        """Copy one blob to ``dest_file`` (a path, written via a temp file and renamed only when the
        hash matched, or an open binary file, left to the caller when it did not); returns its size."""
        if hasattr(dest_file, "write"):
            return self._stream(sha256, dest_file)  # type: ignore[arg-type]
        dest = Path(dest_file)
        temp = dest.with_name(f".{dest.name}.{os.getpid()}.part")
        try:
            with temp.open("wb") as fh:
                size = self._stream(sha256, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, dest)
        finally:
            temp.unlink(missing_ok=True)
        return size

    def close(self) -> None:
        self._zf.close()

    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_ratio(path: Path, info: zipfile.ZipInfo) -> None:
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _bad(
            path,
            translate("Sync", "member {name} inflates {ratio}x (a decompression bomb?)").format(
                name=info.filename[:80], ratio=info.file_size // max(info.compress_size, 1)
            ),
        )


def read_bundle(path: Path) -> tuple[BundleManifest, BundleReader]:
    """Open and check a bundle; returns its manifest and a reader for its blobs (close it when done).

    Raises :class:`ValidationError` for anything that is not a well-formed bundle.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(
            translate("Sync", "Cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from None
    if size > MAX_BUNDLE_BYTES:
        raise _bad(path, translate("Sync", "larger than {n} GB").format(n=MAX_BUNDLE_BYTES >> 30))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _bad(path, translate("Sync", "not a zip file ({reason})").format(reason=exc)) from None
    try:
        manifest, members = _check(path, zf)
    except BaseException:
        zf.close()
        raise
    return manifest, BundleReader(path, zf, members)


def _check(path: Path, zf: zipfile.ZipFile) -> tuple[BundleManifest, dict[str, zipfile.ZipInfo]]:
    infos = zf.infolist()
    if len(infos) > MAX_BUNDLE_MEMBERS + 1:
        raise _bad(path, translate("Sync", "too many members ({n})").format(n=len(infos)))
    manifest_info: zipfile.ZipInfo | None = None
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        match = BLOB_MEMBER.match(name)
        if name == MANIFEST:
            if manifest_info is not None:
                raise _bad(path, translate("Sync", "two manifests"))
            manifest_info = info
            if info.file_size > MAX_MANIFEST_BYTES:
                raise _bad(path, translate("Sync", "the manifest is too large"))
        elif match:
            if match.group(1) in members:
                raise _bad(path, translate("Sync", "a blob appears twice"))
            if info.file_size > MAX_BLOB_BYTES:
                raise _bad(path, translate("Sync", "a blob is too large"))
            members[match.group(1)] = info
        else:
            raise _bad(path, translate("Sync", "unexpected member {name!r}").format(name=name[:80]))
        if info.flag_bits & 0x1:
            raise _bad(path, translate("Sync", "encrypted members are not supported"))
        _check_ratio(path, info)
    if manifest_info is None:
        raise _bad(path, translate("Sync", "no manifest.json"))
    try:
        with zf.open(manifest_info) as fh:
            raw = fh.read(MAX_MANIFEST_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error) as exc:
        raise _bad(path, translate("Sync", "the manifest is damaged ({reason})").format(reason=exc)) from None
    if len(raw) > MAX_MANIFEST_BYTES:
        raise _bad(path, translate("Sync", "the manifest is too large"))
    depth = json_depth(raw)
    if depth > MAX_MANIFEST_DEPTH:
        raise _bad(
            path,
            translate("Sync", "the manifest is nested {n} levels deep (at most {max})").format(
                n=depth, max=MAX_MANIFEST_DEPTH
            ),
        )
    try:
        manifest = BundleManifest.model_validate(json.loads(raw))
    except RecursionError:  # below the depth limit, but a deep call stack: still a message, never a traceback
        raise _bad(path, translate("Sync", "the manifest is nested too deeply")) from None
    except (ValueError, TypeError, PydanticValidationError) as exc:
        first = str(exc).splitlines()[0][:200]
        raise _bad(path, translate("Sync", "the manifest is invalid ({reason})").format(reason=first)) from None
    if set(manifest.blobs) != set(members):
        raise _bad(path, translate("Sync", "the manifest and the blobs it carries disagree"))
    return manifest, members
