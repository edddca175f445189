"""What a service call changed: returned to the caller, so views refresh from one signal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Change:
    entity: str
    """Table name of the record (``inspections``, ``answers``...)."""
    id: str
    action: str
    """``created``, ``updated``, ``deleted``, ``restored`` or ``status``."""
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    """For updates: field name to ``(old, new)``."""


@dataclass(frozen=True)
class ChangeSet:
    changes: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __iter__(self):
        return iter(self.changes)

    def ids(self, entity: str) -> list[str]:
        return [c.id for c in self.changes if c.entity == entity]

    @property
    def created_id(self) -> str | None:
        """The id of the first record created, for calls that create one record."""
        return next((c.id for c in self.changes if c.action == "created"), None)

    def touches(self, entity: str) -> bool:
        return any(c.entity == entity for c in self.changes)

    def __add__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.changes + other.changes)
