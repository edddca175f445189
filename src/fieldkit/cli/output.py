"""Printing for the CLI: stable JSON and plain aligned tables."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: Any) -> None:
    # Serialise first: a failure must not leave half a document on stdout.
    text = json.dumps(data, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write(text + "\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def local_time(value: datetime | None) -> str:
    """A UTC time as the laptop's local wall-clock time, minutes precision."""
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def resolve_inspection_id(store, prefix: str) -> str:
    """Accept a full inspection id or an unambiguous prefix (lists print 8 characters)."""
    from fieldkit import services
    from fieldkit.errors import NotFoundError

    matches = [r.id for r in services.all_inspections(store) if r.id.startswith(prefix.lower())]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"No inspection with id {prefix}.")
    raise NotFoundError(f"The id {prefix} matches {len(matches)} inspections; give more characters.")
