"""Checking templates: structure (pydantic) and meaning (ids, expressions, references).

Every problem names the file, the item (or section) and what is wrong, e.g.::

    forms/effluent.yaml: item 'lead': relevant: unknown item 'sampl_taken' (at position 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticError

from fieldkit.checklists.expressions import Expression, ExpressionError, parse
from fieldkit.checklists.model import (
    CONTEXT_KEYS,
    NUMERIC_TYPES,
    SELECT_TYPES,
    Template,
)
from fieldkit.checklists.yamlsafe import YamlError, load_yaml_file
from fieldkit.errors import ValidationError


@dataclass(frozen=True)
class Problem:
    source: str
    where: str
    """``item 'lead'``, ``section 'lab'`` or ``template``."""
    field: str
    message: str

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.source}: {self.where}: {field}{self.message}"


class TemplateError(ValidationError):
    """A template that cannot be used; ``problems`` lists everything found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _where(data: Any, loc: tuple[Any, ...]) -> tuple[str, str]:
    """Turn a pydantic error location into ("item 'x'", "field.path")."""
    where, rest = "template", list(loc)
    node = data
    path: list[str] = []
    try:
        while rest:
            key = rest.pop(0)
            if key == "sections" and rest and isinstance(rest[0], int):
                node = node["sections"][rest.pop(0)]
                where = f"section {node.get('id', '?')!r}" if isinstance(node, dict) else where
                path = []
                continue
            if key == "items" and rest and isinstance(rest[0], int):
                node = node["items"][rest.pop(0)]
                where = f"item {node.get('id', '?')!r}" if isinstance(node, dict) else where
                path = []
                continue
            path.append(str(key))
            node = node[key] if isinstance(node, dict | list) else node
    except (KeyError, IndexError, TypeError):
        path.extend(str(k) for k in rest)
    return where, ".".join(path)


def parse_template(data: Any, source: str) -> Template:
    """Validate ``data`` (parsed YAML or JSON) as a template; raise :class:`TemplateError`."""
    if not isinstance(data, dict):
        raise TemplateError([Problem(source, "template", "", "the file must hold a mapping (id, version, ...)")])
    try:
        template = Template.model_validate(data)
    except PydanticError as exc:
        problems = []
        for error in exc.errors():
            where, field = _where(data, tuple(error["loc"]))
            message = error["msg"]
            if error["type"] == "literal_error":
                message = f"{message}, not {error.get('input')!r}"
            problems.append(Problem(source, where, field, message))
        raise TemplateError(problems) from None
    problems = check_template(template, source)
    if problems:
        raise TemplateError(problems)
    return template


def load_template_file(path: Path) -> Template:
    try:
        data = load_yaml_file(path)
    except (YamlError, OSError) as exc:
        raise TemplateError([Problem(str(path), "template", "", str(exc))]) from None
    return parse_template(data, str(path))


def _parse(expr: str, source: str, where: str, field: str, problems: list[Problem]) -> Expression | None:
    try:
        return parse(expr)
    except ExpressionError as exc:
        problems.append(Problem(source, where, field, str(exc)))
        return None


def check_template(template: Template, source: str) -> list[Problem]:
    problems: list[Problem] = []
    seen_sections: set[str] = set()
    seen_items: set[str] = set()
    for section in template.sections:
        if section.id in seen_sections:
            problems.append(Problem(source, f"section {section.id!r}", "id", "used twice"))
        seen_sections.add(section.id)
        for item in section.items:
            if item.id in seen_items:
                problems.append(Problem(source, f"item {item.id!r}", "id", "used twice in this template"))
            seen_items.add(item.id)

    def check_refs(expr: Expression | None, where: str, field: str, allow_current: bool) -> None:
        if expr is None:
            return
        for ref in sorted(expr.refs - seen_items):
            problems.append(Problem(source, where, field, f"unknown item {ref!r}"))
        if expr.uses_current and not allow_current:
            problems.append(Problem(source, where, field, "'.' (this answer) can only be used in a constraint"))

    for section in template.sections:
        where = f"section {section.id!r}"
        if section.relevant:
            check_refs(_parse(section.relevant, source, where, "relevant", problems), where, "relevant", False)
        for item in section.items:
            where = f"item {item.id!r}"
            if item.relevant:
                check_refs(_parse(item.relevant, source, where, "relevant", problems), where, "relevant", False)
            if item.constraint:
                check_refs(_parse(item.constraint, source, where, "constraint", problems), where, "constraint", True)
            if item.type == "calculate":
                if not item.calculation:
                    problems.append(Problem(source, where, "calculation", "a calculate item needs a calculation"))
                else:
                    expr = _parse(item.calculation, source, where, "calculation", problems)
                    check_refs(expr, where, "calculation", False)
                    if expr is not None and item.id in expr.refs:
                        problems.append(Problem(source, where, "calculation", "refers to itself"))
            elif item.calculation:
                problems.append(Problem(source, where, "calculation", "only calculate items have a calculation"))
            if item.type in SELECT_TYPES:
                if not item.choices:
                    problems.append(Problem(source, where, "choices", f"a {item.type} item needs choices"))
                values = [c.value for c in item.choices]
                for dup in sorted({v for v in values if values.count(v) > 1}):
                    problems.append(Problem(source, where, "choices", f"choice {dup!r} is listed twice"))
            elif item.choices:
                problems.append(Problem(source, where, "choices", f"a {item.type} item has no choices"))
            if item.type not in NUMERIC_TYPES:
                for field in ("parameter", "unit"):
                    if getattr(item, field):
                        problems.append(Problem(source, where, field, f"only numeric items have a {field}"))
                if item.context:
                    problems.append(Problem(source, where, "context", "only numeric items have a limit context"))
            for key, value in item.context.items():
                if key not in CONTEXT_KEYS:
                    problems.append(
                        Problem(source, where, "context", f"unknown key {key!r} (use {', '.join(CONTEXT_KEYS)})")
                    )
                if value.startswith("$") and value[1:] not in seen_items:
                    problems.append(Problem(source, where, "context", f"unknown item {value[1:]!r}"))
            if item.fail_if:
                allowed = {"yes_no": ("yes", "no", "na"), "select_one": item.choice_values}.get(item.type)
                if allowed is None:
                    problems.append(Problem(source, where, "fail_if", "only yes_no and select_one items fail"))
                else:
                    for value in item.fail_if:
                        if value not in allowed:
                            problems.append(Problem(source, where, "fail_if", f"{value!r} is not a possible answer"))
            if item.type == "note" and item.required:
                problems.append(Problem(source, where, "required", "a note has no answer to require"))
    return problems
