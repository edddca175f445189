"""A checklist's live state: which items are shown, computed values, flags, and what blocks submission.

Everything is derived from the template, the stored answers and the site's limit sets; nothing here
touches the store, so the UI, the CLI and the registry evaluate the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldkit.checklists.expressions import Expression, parse
from fieldkit.checklists.limits import Flag, LimitSet, check_reading
from fieldkit.checklists.model import NUMERIC_TYPES, Item, Section, Template
from fieldkit.checklists.values import display
from fieldkit.i18n import translate


@dataclass(frozen=True)
class CompiledTemplate:
    template: Template
    item_relevance: dict[str, Expression]
    section_relevance: dict[str, Expression]
    constraints: dict[str, Expression]
    calculations: dict[str, Expression]
    calc_order: tuple[str, ...]
    readers: dict[str, frozenset[str]]
    """item id -> items whose relevance, calculation, constraint or limit context read it directly."""
    _closure: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def dependents(self, item_id: str) -> frozenset[str]:
        """Every item whose state may change when ``item_id``'s answer changes (transitively: a
        change to A changes calculation B, which changes the relevance of C). Computed on demand."""
        found = self._closure.get(item_id)
        if found is None:
            seen: set[str] = set()
            stack = list(self.readers.get(item_id, ()))
            while stack:
                other = stack.pop()
                if other not in seen:
                    seen.add(other)
                    stack.extend(self.readers.get(other, ()))
            found = self._closure[item_id] = frozenset(seen)
        return found


def compile_template(template: Template) -> CompiledTemplate:
    item_rel = {i.id: parse(i.relevant) for i in template.items.values() if i.relevant}
    section_rel = {s.id: parse(s.relevant) for s in template.sections if s.relevant}
    constraints = {i.id: parse(i.constraint) for i in template.items.values() if i.constraint}
    calcs = {i.id: parse(i.calculation) for i in template.items.values() if i.type == "calculate" and i.calculation}
    readers: dict[str, set[str]] = {}

    def note(reader: str, refs: frozenset[str] | set[str]) -> None:
        for ref in refs:
            readers.setdefault(ref, set()).add(reader)

    for item in template.items.values():
        section = template.section_of[item.id]
        for exprs in (item_rel, constraints, calcs):
            if item.id in exprs:
                note(item.id, exprs[item.id].refs)
        if section.id in section_rel:
            note(item.id, section_rel[section.id].refs)
        note(item.id, {v[1:] for v in item.context.values() if v.startswith("$")})
    # Calculations in dependency order (a cycle is reported as an error).
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(item_id: str, path: tuple[str, ...]) -> None:
        if state.get(item_id) == 2:
            return
        if state.get(item_id) == 1:
            raise ValueError(f"calculations refer to each other in a cycle: {' -> '.join((*path, item_id))}")
        state[item_id] = 1
        for ref in calcs[item_id].refs:
            if ref in calcs:
                visit(ref, (*path, item_id))
        state[item_id] = 2
        order.append(item_id)

    for item_id in calcs:
        visit(item_id, ())
    return CompiledTemplate(
        template,
        item_rel,
        section_rel,
        constraints,
        calcs,
        tuple(order),
        {k: frozenset(v) for k, v in readers.items()},
    )


@dataclass
class ProposedFinding:
    item_id: str
    title: str
    severity: str
    description: str


@dataclass
class ItemState:
    item: Item
    relevant: bool
    value: Any
    flags: list[Flag] = field(default_factory=list)
    missing: bool = False
    proposal: ProposedFinding | None = None

    @property
    def answered(self) -> bool:
        return self.value is not None


@dataclass
class SectionState:
    section: Section
    relevant: bool
    items: list[ItemState]

    @property
    def required(self) -> int:
        return sum(1 for s in self.items if s.relevant and s.item.required and s.item.answerable)

    @property
    def required_answered(self) -> int:
        return sum(1 for s in self.items if s.relevant and s.item.required and s.item.answerable and s.answered)

    @property
    def answered(self) -> int:
        return sum(1 for s in self.items if s.relevant and s.item.answerable and s.answered)

    @property
    def answerable(self) -> int:
        return sum(1 for s in self.items if s.relevant and s.item.answerable)


@dataclass(frozen=True)
class Problem:
    """Why an inspection cannot be submitted yet."""

    item_id: str
    section_id: str
    label: str
    kind: str
    """``missing`` (required and unanswered) or ``constraint``."""
    message: str


@dataclass
class ChecklistState:
    template: Template
    sections: list[SectionState]
    items: dict[str, ItemState]

    def problems(self, lang: str = "en") -> list[Problem]:
        found: list[Problem] = []
        for section in self.sections:
            for state in section.items:
                if not state.relevant:
                    continue
                label = state.item.label.get(lang)
                if state.missing:
                    found.append(
                        Problem(
                            state.item.id,
                            section.section.id,
                            label,
                            "missing",
                            translate("Checklist", "required, not answered"),
                        )
                    )
                for flag in state.flags:
                    if flag.kind == "constraint":
                        found.append(Problem(state.item.id, section.section.id, label, "constraint", flag.message))
        return found

    @property
    def flags(self) -> list[tuple[ItemState, Flag]]:
        return [(s, f) for s in self.items.values() if s.relevant for f in s.flags]


def _truthy(value: Any) -> bool:
    return value is True or (value not in (None, False) and not isinstance(value, bool) and bool(value))


def evaluate(
    compiled: CompiledTemplate,
    answers: Mapping[str, Any],
    limit_sets: list[LimitSet],
    parameter_label: Callable[[str], str] = lambda p: p,
    lang: str = "en",
) -> ChecklistState:
    template = compiled.template
    values: dict[str, Any] = dict(answers)

    def resolve(name: str) -> Any:
        return values.get(name)

    for item_id in compiled.calc_order:
        values[item_id] = compiled.calculations[item_id].evaluate(resolve)

    states: dict[str, ItemState] = {}
    sections: list[SectionState] = []
    for section in template.sections:
        rel = compiled.section_relevance.get(section.id)
        section_shown = rel is None or rel.evaluate(resolve) is True
        items = []
        for item in section.items:
            expr = compiled.item_relevance.get(item.id)
            shown = section_shown and (expr is None or expr.evaluate(resolve) is True)
            value = values.get(item.id) if item.type != "note" else None
            state = ItemState(item, shown, value)
            if shown:
                _flag(compiled, state, resolve, limit_sets, parameter_label, lang)
            states[item.id] = state
            items.append(state)
        sections.append(SectionState(section, section_shown, items))
    return ChecklistState(template, sections, states)


def _flag(
    compiled: CompiledTemplate,
    state: ItemState,
    resolve: Callable[[str], Any],
    limit_sets: list[LimitSet],
    parameter_label: Callable[[str], str],
    lang: str,
) -> None:
    item, value = state.item, state.value
    if value is None:
        state.missing = item.required and item.answerable
        return
    label = item.label.get(lang)
    constraint = compiled.constraints.get(item.id)
    if constraint is not None and constraint.evaluate(resolve, value) is False:
        message = (
            item.constraint_message.get(lang)
            if item.constraint_message
            else translate("Checklist", "{value} does not meet the check {rule}").format(
                value=display(item, value, lang), rule=item.constraint
            )
        )
        # A typed answer that fails its check is a data problem: it blocks submission until corrected.
        # A calculated value that fails (freeboard below design, a piezometer over its trigger) is
        # what the inspector found on site: a failed check and a proposed finding, not a blocker.
        kind = "failed" if item.type == "calculate" else "constraint"
        state.flags.append(Flag(kind, message, severity=item.severity or ("medium" if kind == "failed" else None)))
    if item.fail_if and value in item.fail_if:
        state.flags.append(
            Flag(
                "failed",
                translate("Checklist", "{label}: {answer}").format(label=label, answer=display(item, value, lang)),
                severity=item.severity or "medium",
            )
        )
    if item.type in NUMERIC_TYPES and item.parameter and isinstance(value, int | float) and not isinstance(value, bool):
        context = {
            key: (None if resolve(ref[1:]) is None else str(resolve(ref[1:]))) if ref.startswith("$") else ref
            for key, ref in item.context.items()
        }
        check = check_reading(
            float(value),
            item.unit,
            item.parameter,
            parameter_label(item.parameter),
            limit_sets,
            context,
            item.severity,
        )
        state.flags.extend(check.flags)
    worst = [f for f in state.flags if f.kind in ("exceedance", "failed")]
    if worst:
        first = worst[0]
        section = compiled.template.section_of[item.id]
        state.proposal = ProposedFinding(
            item_id=item.id,
            title=(first.message if first.kind == "exceedance" else label)[:200],
            severity=max((f.severity or "medium" for f in worst), key=_SEVERITY_RANK.__getitem__),
            description="\n".join(f.message for f in worst)
            + "\n"
            + translate("Checklist", "Checklist: {template}, section “{section}”.").format(
                template=compiled.template.title.get(lang), section=section.title.get(lang)
            ),
        )


_SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2, "critical": 3}
