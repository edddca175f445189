"""Checklist templates: sections of items, as loaded from YAML (forms/*.yaml) or imported XLSForms.

The structure is checked by pydantic; the meaning (unique ids, expressions that parse and refer to
items that exist, choices where needed) by :func:`fieldkit.checklists.validate.check_template`.
The format is documented in forms/README.md.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from fieldkit.checklists.text import LocalText

ItemType = Literal[
    "yes_no",
    "select_one",
    "select_many",
    "integer",
    "decimal",
    "text",
    "datetime",
    "date",
    "gps",
    "photo",
    "signature",
    "note",
    "calculate",
]
NUMERIC_TYPES = ("integer", "decimal", "calculate")
SELECT_TYPES = ("select_one", "select_many")
ANSWERLESS_TYPES = ("note", "calculate")
Severity = Literal["low", "medium", "high", "critical"]
IDENT = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"
CONTEXT_KEYS = ("route", "zone", "period", "averaging")


class Choice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str = Field(pattern=r"^[A-Za-z0-9_.\-]{1,64}$")
    label: LocalText


class Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=IDENT)
    type: ItemType
    label: LocalText
    guidance: LocalText | None = None
    required: bool = False
    relevant: str | None = None
    """Shown only when this expression holds."""
    constraint: str | None = None
    """Must hold for the answer (``.``) to be accepted for submission."""
    constraint_message: LocalText | None = None
    severity: Severity | None = None
    """How serious a failure of this item is (a failed check, a constraint, an exceedance)."""
    fail_if: list[str] = Field(default_factory=list)
    """Answers that mean the check failed (yes_no: ``no`` or ``yes``; select_one: choice values)."""
    parameter: str | None = Field(default=None, pattern=IDENT)
    """For numeric items: the measured parameter, looked up in the site's limit sets."""
    unit: str | None = Field(default=None, max_length=32)
    context: dict[str, str] = Field(default_factory=dict)
    """Which limits apply: ``route``, ``zone``, ``period``, ``averaging``; a value ``$item`` is taken from
    that item's answer, anything else is fixed."""
    choices: list[Choice] = Field(default_factory=list)
    calculation: str | None = None
    """For ``calculate`` items: the expression whose value is the item's value."""
    multiple: bool = False
    """For ``photo`` items: more than one photo may be attached."""

    @cached_property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def choice_label(self, value: str, lang: str = "en") -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label.get(lang)
        return value

    @property
    def answerable(self) -> bool:
        return self.type not in ANSWERLESS_TYPES


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=IDENT)
    title: LocalText
    relevant: str | None = None
    items: list[Item] = Field(min_length=1)


class Template(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]{0,99}$")
    version: str = Field(pattern=r"^[A-Za-z0-9_.\-]{1,32}$")
    title: LocalText
    description: LocalText | None = None
    sections: list[Section] = Field(min_length=1)

    @cached_property
    def items(self) -> dict[str, Item]:
        return {item.id: item for section in self.sections for item in section.items}

    @cached_property
    def section_of(self) -> dict[str, Section]:
        return {item.id: section for section in self.sections for item in section.items}

    def item(self, item_id: str) -> Item:
        return self.items[item_id]

    def definition(self) -> dict[str, Any]:
        """The template as plain JSON-able data (what the store and the registry keep)."""
        return self.model_dump(mode="json", exclude_defaults=True)
