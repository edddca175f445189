"""Limit sets (NEQS, IFC, ...) as data, and checking a reading against the ones a site names.

Where several sets apply, the stricter value wins, bound by bound: pH 6-9 (NEQS) and 6-9 (IFC) give
6-9; lead 0.5 (NEQS) and 0.2 (IFC) give 0.2. A limit can depend on the discharge route, the noise
zone, day or night, or the averaging period; a reading's context says which apply. When the
context is not known yet (the route not answered), every candidate counts and the strictest wins,
so a reading is never passed because a question was skipped.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticError

from fieldkit.checklists.model import CONTEXT_KEYS, IDENT
from fieldkit.checklists.text import LocalText
from fieldkit.checklists.units import convert
from fieldkit.checklists.validate import Problem, TemplateError
from fieldkit.checklists.yamlsafe import YamlError, load_yaml_file
from fieldkit.i18n import translate


class Source(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    reference: str | None = None
    """S.R.O. number, table or section."""
    date: dt.date | None = None
    url: str | None = None


class Limit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    parameter: str = Field(pattern=IDENT)
    min: float | None = None
    max: float | None = None
    unit: str
    route: str | None = None
    zone: str | None = None
    period: str | None = None
    averaging: str | None = None
    statistic: str | None = None
    """How the value is to be met, e.g. "95% of operating hours", "98% of days"."""
    grade: Literal["V", "C", "M"]
    """Provenance: V read verbatim from the source, C corroborated, M from memory (unverified)."""
    note: str | None = None

    def context_value(self, key: str) -> str | None:
        return getattr(self, key)


class LimitSet(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_\-]{0,99}$")
    version: str = Field(pattern=r"^[A-Za-z0-9_.\-]{1,32}$")
    title: LocalText
    short: str = Field(max_length=80)
    """How messages cite the set, e.g. "IFC Mining 2007, Table 1"."""
    source: Source
    jurisdiction: str
    medium: str
    statistic: str | None = None
    limits: list[Limit] = Field(min_length=1)

    def definition(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_defaults=True)


class Parameter(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=IDENT)
    label: LocalText


def parse_limit_set(data: Any, source: str) -> LimitSet:
    if not isinstance(data, dict):
        raise TemplateError([Problem(source, "limit set", "", "the file must hold a mapping")])
    try:
        limit_set = LimitSet.model_validate(data)
    except PydanticError as exc:
        problems = []
        for error in exc.errors():
            loc = list(error["loc"])
            where = "limit set"
            if len(loc) >= 2 and loc[0] == "limits" and isinstance(loc[1], int):
                try:
                    where = f"limit {data['limits'][loc[1]].get('parameter', '?')!r}"
                except (KeyError, IndexError, AttributeError, TypeError):
                    where = f"limit #{loc[1] + 1}"
                loc = loc[2:]
            problems.append(Problem(source, where, ".".join(str(k) for k in loc), error["msg"]))
        raise TemplateError(problems) from None
    problems = []
    for limit in limit_set.limits:
        where = f"limit {limit.parameter!r}"
        if limit.min is None and limit.max is None:
            problems.append(Problem(source, where, "", "give a min, a max or both"))
        if limit.min is not None and limit.max is not None and limit.min > limit.max:
            problems.append(Problem(source, where, "", "min is above max"))
    if problems:
        raise TemplateError(problems)
    return limit_set


def load_limit_set_file(path: Path) -> LimitSet:
    try:
        data = load_yaml_file(path)
    except (YamlError, OSError) as exc:
        raise TemplateError([Problem(str(path), "limit set", "", str(exc))]) from None
    return parse_limit_set(data, str(path))


# -- checking a reading ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bound:
    """The binding value of one side (min or max) and where it comes from."""

    side: Literal["min", "max"]
    value: float
    unit: str
    limit: Limit
    limit_set: LimitSet


@dataclass(frozen=True)
class Flag:
    """Something to tell the inspector about an answer."""

    kind: str
    """``exceedance``, ``unverified_limit``, ``unit_mismatch``, ``constraint`` or ``failed``."""
    message: str
    severity: str | None = None
    limit: float | None = None
    unit: str | None = None
    standard: str | None = None
    limit_set: str | None = None
    bound: str | None = None
    margin_pct: float | None = None
    grade: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class LimitCheck:
    parameter: str
    value: float
    unit: str | None
    bounds: list[Bound] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def _matches(limit: Limit, context: dict[str, str | None]) -> bool:
    for key in CONTEXT_KEYS:
        wanted = limit.context_value(key)
        if wanted is None:
            continue
        have = context.get(key)
        if have is not None and have != wanted:
            return False
    return True


def strictest(limit_sets: list[LimitSet], parameter: str, context: dict[str, str | None]) -> list[Bound]:
    """The binding lower and upper bounds for ``parameter`` among ``limit_sets`` in ``context``.

    Limits in units that cannot be converted into each other (a set in NTU, another in mg/L) are not
    comparable: each family of units keeps its own binding bounds.
    """
    best: dict[tuple[str, str], Bound] = {}
    for limit_set in limit_sets:
        for limit in limit_set.limits:
            if limit.parameter != parameter or not _matches(limit, context):
                continue
            for side, value in (("min", limit.min), ("max", limit.max)):
                if value is None:
                    continue
                candidate = Bound(side, value, limit.unit, limit, limit_set)  # type: ignore[arg-type]
                key = (side, _family(limit.unit))
                best[key] = _stricter(best.get(key), candidate)
    return sorted(best.values(), key=lambda b: (b.side != "min", b.unit))


def _family(unit: str) -> str:
    """Units convertible into each other share a family (mg/L and µg/L; µg/m³ and mg/m³)."""
    return (
        unit
        if convert(1.0, unit, "mg/L") is None and convert(1.0, unit, "µg/m³") is None
        else ("water" if convert(1.0, unit, "mg/L") is not None else "air")
    )


_GRADE_RANK = {"V": 0, "C": 1, "M": 2}


def _stricter(current: Bound | None, candidate: Bound) -> Bound:
    """The stricter of two bounds of the same side; on a tie the better-sourced one (V, then C, then M)."""
    if current is None:
        return candidate
    value = _in(candidate, current.unit)
    tie = math.isclose(value, current.value, rel_tol=1e-9, abs_tol=1e-12)
    tighter = not tie and (value < current.value if candidate.side == "max" else value > current.value)
    tie_better = tie and _GRADE_RANK[candidate.limit.grade] < _GRADE_RANK[current.limit.grade]
    if tighter or tie_better:
        return candidate if candidate.unit == current.unit else _as(candidate, current.unit)
    return current


def _in(bound: Bound, unit: str) -> float:
    converted = convert(bound.value, bound.unit, unit)
    return bound.value if converted is None else converted


def _as(bound: Bound, unit: str) -> Bound:
    converted = convert(bound.value, bound.unit, unit)
    if converted is None:
        return bound
    return Bound(bound.side, converted, unit, bound.limit, bound.limit_set)


def _unit(unit: str | None) -> str:
    """A unit as written after a number: "0.62 mg/L", "33 °C", but "pH 7.2", not "7.2 pH"."""
    return "" if not unit or unit in ("pH", "S.U.") else f" {unit}"


def _range(limit: Limit) -> str:
    if limit.min is not None and limit.max is not None:
        return f"{_fmt(limit.min)}–{_fmt(limit.max)}{_unit(limit.unit)}"
    if limit.max is not None:
        return f"≤ {_fmt(limit.max)}{_unit(limit.unit)}"
    return f"≥ {_fmt(limit.min or 0)}{_unit(limit.unit)}"


def _fmt(value: float) -> str:
    if value == 0 or 0.001 <= abs(value) < 1e7:
        return f"{value:.6g}"
    return f"{value:.3g}"


def check_reading(
    value: float,
    unit: str | None,
    parameter: str,
    parameter_label: str,
    limit_sets: list[LimitSet],
    context: dict[str, str | None],
    severity: str | None = None,
) -> LimitCheck:
    """Compare a reading with the strictest applicable limits; flags say what is wrong and by how much."""
    check = LimitCheck(parameter, value, unit)
    check.bounds = strictest(limit_sets, parameter, context)
    for bound in check.bounds:
        reading = convert(value, unit, bound.unit) if unit else value
        if reading is None:
            if any(f.kind == "unit_mismatch" and f.limit_set == bound.limit_set.id for f in check.flags):
                continue
            check.flags.append(
                Flag(
                    "unit_mismatch",
                    translate(
                        "Limits",
                        "{parameter} is in {unit}; the limit ({standard}) is in {limit_unit}: not compared",
                    ).format(
                        parameter=parameter_label,
                        unit=unit,
                        standard=bound.limit_set.short,
                        limit_unit=bound.unit,
                    ),
                    standard=bound.limit_set.short,
                    limit_set=bound.limit_set.id,
                    unit=bound.unit,
                    limit=bound.value,
                )
            )
            continue
        outside = reading > bound.value if bound.side == "max" else reading < bound.value
        if outside:
            margin = abs(reading - bound.value) / abs(bound.value) * 100 if bound.value else math.inf
            template = (
                translate(
                    "Limits",
                    "{parameter} {value}{unit} exceeds {limit}{limit_unit} ({standard}) by {margin}%",
                )
                if bound.side == "max"
                else translate(
                    "Limits",
                    "{parameter} {value}{unit} is below {limit}{limit_unit} ({standard}) by {margin}%",
                )
            )
            message = template.format(
                parameter=parameter_label,
                value=_fmt(value),
                unit=_unit(unit or bound.unit),
                limit=_fmt(bound.value),
                limit_unit=_unit(bound.unit),
                standard=bound.limit_set.short,
                margin=_fmt(round(margin)) if math.isfinite(margin) else "∞",
            )
            check.flags.append(
                Flag(
                    "exceedance",
                    message,
                    severity=severity or ("high" if margin >= 100 else "medium"),
                    limit=bound.value,
                    unit=bound.unit,
                    standard=bound.limit_set.short,
                    limit_set=bound.limit_set.id,
                    bound=bound.side,
                    margin_pct=round(margin, 1) if math.isfinite(margin) else None,
                    grade=bound.limit.grade,
                )
            )
        if bound.limit.grade == "M" and not any(
            f.kind == "unverified_limit" and f.limit_set == bound.limit_set.id for f in check.flags
        ):
            check.flags.append(
                Flag(
                    "unverified_limit",
                    translate(
                        "Limits",
                        "Limit unverified: {parameter} {range} in {standard} has not been checked against the "
                        "official text",
                    ).format(parameter=parameter_label, range=_range(bound.limit), standard=bound.limit_set.short),
                    limit=bound.value,
                    unit=bound.unit,
                    standard=bound.limit_set.short,
                    limit_set=bound.limit_set.id,
                    bound=bound.side,
                    grade="M",
                )
            )
    return check
