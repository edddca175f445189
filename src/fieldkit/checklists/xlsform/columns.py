"""Columns with no FieldKit equivalent, reported once per column with the rows that use them.

* Columns with no equivalent (appearance, default, media, choice_filter, read_only, required_message,
  parameters, ...) are reported once per column with the rows that use them; so are the language columns
  of a text that are not imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fieldkit.checklists.xlsform.drafts import _Element
from fieldkit.checklists.xlsform.languages import _Texts, language_code
from fieldkit.checklists.xlsform.messages import ImportResult
from fieldkit.checklists.xlsform.workbook import _DEFAULT

_COLUMN_MESSAGES = {
    "media": "media (images, audio, video) are not imported",
    "default": "default answers are not supported; not imported",
    "choice_filter": "choice filters are not supported: every choice is offered",
    "parameters": "question parameters are not supported; not imported",
    "trigger": "triggers are not supported; not imported",
}
_CONTROL_MESSAGES = {
    "appearance": "appearance (how a question is displayed) is not supported; not imported",
    "jr:count": "repeat counts are not supported; not imported",
}
_BIND_MESSAGES = {
    "readonly": "read-only is not supported (the question can be answered); not imported",
    "jr:requiredMsg": "required messages are not supported; not imported",
}
_TRANSLATED = {"label", "hint", "guidance_hint", "jr:constraintMsg"}
"""Texts the mapping uses in en / ur / zh: a leftover language column of these is a language not mapped."""


def _ranges(rows: Iterable[int]) -> str:
    """Row numbers as spans, ``2, 4-6, 9`` (the first 12 spans, then how many more)."""
    ordered = sorted(set(rows))
    spans: list[str] = []
    start = prev = None
    for row in ordered:
        if start is None:
            start = prev = row
        elif row == prev + 1:
            prev = row
        else:
            spans.append(str(start) if start == prev else f"{start}-{prev}")
            start = prev = row
    if start is not None:
        spans.append(str(start) if start == prev else f"{start}-{prev}")
    if len(spans) > 12:
        spans = [*spans[:12], f"... ({len(spans) - 12} more)"]
    return ", ".join(spans)


class _Columns(_Texts):
    """Adds the report of what each element did not use."""

    def __init__(self, path: Path, result: ImportResult) -> None:
        super().__init__(path, result)
        self.unused_columns: dict[tuple[str, str, str], set[int]] = {}

    def report_leftovers(self, element: _Element, sheet: str = "survey") -> None:
        for path in element.leftovers():
            if not self.has_column(path, sheet):
                continue  # pyxform derived it from another column, which is reported
            self.aggregate(self.leftover_message(path), element.row, self.column(*path, sheet=sheet), sheet)

    def aggregate(self, message: str, row: int | None, column: str, sheet: str = "survey") -> None:
        """A warning given once per column, with every row it applies to."""
        self.unused_columns.setdefault((sheet, column, message), set()).add(row or 0)

    def leftover_message(self, path: tuple[str, ...]) -> str:
        text_field = path[1] if path[0] == "bind" and len(path) > 1 else path[0]
        if text_field in _TRANSLATED and len(path) >= (3 if path[0] == "bind" else 2):
            lang = path[-1]
            code = language_code(lang)[0] if lang != _DEFAULT else "en"
            if code is None:
                return f"language {lang!r} is not English, Urdu or Chinese; not imported"
            chosen = self.language_keys.get(code)
            using = f"the {chosen!r} texts are used" if chosen and chosen != lang else "another column is used"
            return f"not imported: {using} for {code}"
        if path[0] == "control" and len(path) > 1:
            return _CONTROL_MESSAGES.get(path[1], "this column is not supported; not imported")
        if path[0] == "bind" and len(path) > 1:
            return _BIND_MESSAGES.get(path[1], "this column is not supported; not imported")
        return _COLUMN_MESSAGES.get(path[0]) or "this column is not supported; not imported"

    def report_unused_columns(self) -> None:
        for (sheet, column, message), rows in self.unused_columns.items():
            known = sorted(r for r in rows if r)
            more = f" (also rows {_ranges(known[1:])})" if len(known) > 1 else ""
            self.warn(message + more, known[0] if known else None, column, sheet)
