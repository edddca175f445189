"""What the mapping builds before the template: drafts of items, sections and expressions, and ids.

Names are resolved only once the whole form is read (an expression may refer to a later question), so
the mapping keeps drafts, and a :class:`_Target` for every name, until then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_IDENT_BAD = re.compile(r"[^A-Za-z0-9_]")


@dataclass
class _Target:
    kind: str  # item, group, dropped, ambiguous
    id: str | None = None
    reason: str = ""


@dataclass
class _Converted:
    text: str | None
    refs: frozenset[str] = frozenset()
    reason: str | None = None


@dataclass
class _ExprDraft:
    text: str
    field: str  # relevant, constraint, calculation
    row: int | None
    column: str
    path: tuple[str, ...]
    """Names from the root to the element (for ``../x``)."""
    converted: _Converted | None = None
    origin: str = ""
    """Said first in messages when the expression is not in the cell itself."""


@dataclass
class _Group:
    name: str
    row: int | None
    title: dict[str, str]
    relevant: _ExprDraft | None
    relevant_text: str | None = None
    dropped_relevance: bool = False
    resolved: bool = False


@dataclass
class _ItemDraft:
    name: str
    id: str
    row: int | None
    type: str
    data: dict[str, Any]
    path: tuple[str, ...]
    relevant: _ExprDraft | None = None
    constraint: _ExprDraft | None = None
    calculation: _ExprDraft | None = None
    extra_constraint: str | None = None
    kept: bool = True
    drop_reason: str = ""


@dataclass
class _SectionDraft:
    id: str
    title: dict[str, str]
    row: int | None
    groups: list[_Group]
    items: list[_ItemDraft] = field(default_factory=list)


class _Element:
    """A JSON survey element and the parts of it the mapping used (the rest is reported)."""

    def __init__(self, data: dict[str, Any], row: int | None) -> None:
        self.data = data
        self.row = row
        self.used: set[tuple[str, ...]] = {("type",), ("name",)}

    def peek(self, *path: str) -> Any:
        node: Any = self.data
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node

    def get(self, *path: str) -> Any:
        """The value at ``path``, marked as used."""
        self.use(*path)
        return self.peek(*path)

    def use(self, *path: str) -> None:
        self.used.add(path)

    def leftovers(self, skip: Iterable[str] = ()) -> list[tuple[str, ...]]:
        skipped = {"children", "choices", "itemset", "list_name", "columns", "query", *skip}
        found: list[tuple[str, ...]] = []

        def visit(node: Any, path: tuple[str, ...]) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    visit(value, (*path, str(key)))
            elif node not in (None, "", [], {}) and not any(path[: len(u)] == u for u in self.used):
                found.append(path)

        for key, value in self.data.items():
            if key not in skipped:
                visit(value, (key,))
        return found


def _ident(name: str) -> str | None:
    """``name`` made into a valid item / section id, or None when nothing usable is left."""
    ident = _IDENT_BAD.sub("_", name.strip())
    if ident and ident[0].isdigit():
        ident = "_" + ident
    ident = ident[:64]
    return ident if re.search(r"[A-Za-z0-9]", ident) else None


def _unique(base: str, used: set[str], limit: int = 64) -> str:
    candidate, number = base[:limit], 2
    while candidate in used:
        suffix = f"_{number}"
        candidate = base[: limit - len(suffix)] + suffix
        number += 1
    used.add(candidate)
    return candidate
