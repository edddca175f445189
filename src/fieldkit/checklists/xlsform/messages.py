"""What an import says: messages about cells (or the whole file), and the result they go into."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldkit.checklists.model import Template


@dataclass(frozen=True)
class ImportMessage:
    """A problem or a warning about one cell (``row`` / ``column`` of ``sheet``), or the whole file."""

    source: str
    message: str
    row: int | None = None
    column: str | None = None
    sheet: str = "survey"

    def __str__(self) -> str:
        parts = []
        if self.sheet != "survey":
            parts.append(f"sheet {self.sheet}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        where = ", ".join(parts)
        return f"{self.source}: {where}: {self.message}" if where else f"{self.source}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportResult:
    """What :func:`~fieldkit.checklists.xlsform.import_xlsform` returns: the template, or why there is none."""

    source: str
    template: Template | None = None
    problems: list[ImportMessage] = field(default_factory=list)
    """The form cannot be imported; ``template`` is None."""
    warnings: list[ImportMessage] = field(default_factory=list)
    """Things dropped or changed on the way."""

    @property
    def ok(self) -> bool:
        return self.template is not None and not self.problems


class _Refused(Exception):
    """Stop importing: the problems are already recorded."""
