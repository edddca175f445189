"""Plausible checklist answers for the demo, generated from whatever the templates ask.

Each answerable, shown item gets a value that passes its checks (the non-failing yes/no, a reading
well inside its strictest limit, a number that meets its constraint); a few chosen answers are then
overridden to create the exceedances and failed checks the demo is meant to show. Random choices
come from a seeded generator, so the demo is the same on every machine.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from fieldkit.checklists.evaluate import CompiledTemplate, evaluate
from fieldkit.checklists.limits import LimitSet, strictest
from fieldkit.checklists.model import Item

_CANDIDATES = (1, 2, 3, 5, 0, 10, 0.5, 20, 50, 100, 0.1, 4, 8, 12, 25, 60, 90, 120, 200, 500, 1000)


def _number(item: Item, compiled: CompiledTemplate, limit_sets: list[LimitSet], values: dict, rng: random.Random):
    if item.parameter:
        context = {key: (values.get(ref[1:]) if ref.startswith("$") else ref) for key, ref in item.context.items()}
        bounds = {b.side: b.value for b in strictest(limit_sets, item.parameter, context)}
        low, high = bounds.get("min"), bounds.get("max")
        if low is not None and high is not None:
            value = low + (high - low) * rng.uniform(0.3, 0.7)
        elif high is not None:
            value = high * rng.uniform(0.15, 0.6)
        elif low is not None:
            value = low * rng.uniform(1.1, 1.5)
        else:
            value = rng.uniform(1, 50)
        value = round(value, 3 if value < 1 else 1)
        return round(value) if item.type == "integer" else value
    constraint = compiled.constraints.get(item.id)
    candidates = list(_CANDIDATES)
    rng.shuffle(candidates)
    for candidate in candidates:
        value = int(candidate) if item.type == "integer" else float(candidate)
        if constraint is None or constraint.evaluate(values.get, value) is not False:
            return value
    return None


def _value(item: Item, compiled, limit_sets, values, rng: random.Random, when: datetime, who: str) -> Any:
    if item.type == "yes_no":
        constraint = compiled.constraints.get(item.id)
        for value in [v for v in ("yes", "no") if v not in item.fail_if] + ["na"]:
            if constraint is None or constraint.evaluate(values.get, value) is not False:
                return value
        return "na"
    if item.type == "select_one":
        good = [c for c in item.choice_values if c not in item.fail_if]
        return rng.choice(good[: max(1, min(2, len(good)))]) if good else None
    if item.type == "select_many":
        return [item.choice_values[0]]
    if item.type in ("integer", "decimal"):
        return _number(item, compiled, limit_sets, values, rng)
    if item.type == "text":
        return "Checked; nothing unusual."
    if item.type == "datetime":
        return when.isoformat()
    if item.type == "date":
        return when.date().isoformat()
    if item.type == "signature":
        return {"name": who, "signed_at": when.isoformat()}
    return None  # gps, photo: left for the inspector (and for later demo steps)


def generate_answers(
    compiled: CompiledTemplate,
    limit_sets: list[LimitSet],
    *,
    overrides: dict[str, Any],
    share: float,
    seed: str,
    when: datetime,
    who: str,
    gps: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Answers for ``share`` (0-1) of the shown items, in form order, with ``overrides`` applied."""
    rng = random.Random(seed)
    values: dict[str, Any] = {}
    order = [item for section in compiled.template.sections for item in section.items if item.answerable]
    budget = round(len(order) * share)
    # Several passes: an answer can make further items relevant.
    for _ in range(4):
        state = evaluate(compiled, {**values, **overrides}, limit_sets)
        for item in order:
            if len([k for k in values if values[k] is not None]) >= budget:
                break
            if item.id in values or item.id in overrides or not state.items[item.id].relevant:
                continue
            if item.type == "gps" and gps is not None:
                values[item.id] = {
                    "lat": round(gps["lat"] + rng.uniform(-0.004, 0.004), 6),
                    "lon": round(gps["lon"] + rng.uniform(-0.004, 0.004), 6),
                }
                continue
            values[item.id] = _value(item, compiled, limit_sets, {**values, **overrides}, rng, when, who)
            when += timedelta(minutes=rng.randint(1, 6))
    # Calculated checks (a margin below a trigger, a freeboard) depend on several readings: draw the
    # readings again until the check passes, as the real site would (the demo's problems are chosen).
    for _ in range(40):
        state = evaluate(compiled, {**values, **overrides}, limit_sets)
        failing = [
            item_id
            for item_id in compiled.calculations
            if any(f.kind in ("constraint", "failed", "exceedance") for f in state.items[item_id].flags)
        ]
        if not failing:
            break
        for item_id in failing:
            for ref in compiled.calculations[item_id].refs:
                ref_item = compiled.template.items[ref]
                if ref not in overrides and ref_item.type in ("integer", "decimal"):
                    values[ref] = _number(ref_item, compiled, limit_sets, {**values, **overrides}, rng)
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}
