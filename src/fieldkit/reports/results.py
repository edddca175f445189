"""The checklist part of a report: each answer with its unit, the limit it is held to and the standard
that sets it, and flags in colour and in words (a black-and-white copy must still say what is wrong)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from reportlab.platypus import Flowable, Spacer

from fieldkit.checklists.evaluate import ChecklistState, ItemState
from fieldkit.checklists.limits import Bound, Flag, LimitSet, strictest
from fieldkit.checklists.model import Item
from fieldkit.reports.common import AMBER, AMBER_TINT, RED, RED_TINT, SEVERITY_ORDER, Voice, grid, number, when
from fieldkit.reports.text import Stack

SERIOUS = ("exceedance", "failed", "constraint")


def item_context(item: Item, state: ChecklistState) -> dict[str, str | None]:
    """The limit context of an item (route, zone, ...), with ``$item`` references resolved."""

    def resolve(ref: str) -> str | None:
        if not ref.startswith("$"):
            return ref
        other = state.items.get(ref[1:])
        return None if other is None or other.value is None else str(other.value)

    return {key: resolve(ref) for key, ref in item.context.items()}


def bounds_of(item: Item, state: ChecklistState, limit_sets: list[LimitSet]) -> list[Bound]:
    if not item.parameter:
        return []
    return strictest(limit_sets, item.parameter, item_context(item, state))


def limit_text(bounds: list[Bound]) -> str:
    """``6 – 9 pH (NEQS 2000)`` or ``≤ 0.5 mg/L (IFC Mining 2007, Table 1)``; empty without limits."""
    if not bounds:
        return ""
    by_unit: dict[str, dict[str, Bound]] = {}
    for bound in bounds:
        by_unit.setdefault(bound.unit, {})[bound.side] = bound
    parts = []
    for unit, sides in by_unit.items():
        shown_unit = f" {unit}"
        low, high = sides.get("min"), sides.get("max")
        if low and high:
            parts.append(f"{number(low.value)} – {number(high.value)}{shown_unit}")
        elif high:
            parts.append(f"≤ {number(high.value)}{shown_unit}")
        elif low:
            parts.append(f"≥ {number(low.value)}{shown_unit}")
    standards = list(dict.fromkeys(b.limit_set.short for b in bounds))
    return f"{'; '.join(parts)} ({'; '.join(standards)})"


def unverified(bounds: list[Bound]) -> bool:
    return any(b.limit.grade == "M" for b in bounds)


def answer_texts(item: Item, value: Any, voice: Voice) -> list[str]:
    """An answer as printed, in each language of the report."""
    out = []
    for lang in voice.langs:
        if value is None:
            out.append("")
        elif item.type == "yes_no":
            out.append(voice.words(value, lang) if value in ("yes", "no", "na") else str(value))
        elif item.type == "select_one":
            out.append(item.choice_label(value, lang))
        elif item.type == "select_many":
            out.append(", ".join(item.choice_label(v, lang) for v in value))
        elif item.type in ("decimal", "integer", "calculate") and isinstance(value, int | float):
            shown = number(value) if isinstance(value, float) else str(value)
            out.append(f"{shown} {item.unit}" if item.unit else shown)
        elif item.type == "datetime" and isinstance(value, str):
            out.append(_moment(value))
        elif item.type == "gps" and isinstance(value, dict):
            out.append(f"{value.get('lat', 0):.6f}, {value.get('lon', 0):.6f}")
        elif item.type == "signature" and isinstance(value, dict):
            out.append(voice.words("signed_by", lang, name=value.get("name", "")))
        elif item.type == "photo" and isinstance(value, list):
            out.append(voice.words("photo_count", lang, count=len(value)))
        else:
            out.append(str(value))
    return out


def _moment(value: str) -> str:
    try:
        return when(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return value


def flag_texts(flag: Flag, voice: Voice, lang: str) -> str:
    """A flag in words: what is wrong, by how much, against which limit."""
    words = voice.words
    if flag.kind == "exceedance":
        key = "below_minimum" if flag.bound == "min" else "exceedance"
        detail = ""
        if flag.limit is not None:
            detail = f"{'≥' if flag.bound == 'min' else '≤'} {number(flag.limit)} {flag.unit or ''}".rstrip()
            if flag.margin_pct is not None:
                detail += f", {flag.margin_pct:+.0f}%"
            detail = f" ({detail})"
        return words(key, lang) + detail
    if flag.kind == "failed":
        severity = f" ({words(flag.severity, lang)})" if flag.severity in SEVERITY_ORDER else ""
        return words("failed", lang) + severity
    if flag.kind == "constraint":
        return words("constraint", lang)
    if flag.kind == "unverified_limit":
        return words("unverified", lang)
    if flag.kind == "unit_mismatch":
        return words("unit_mismatch", lang)
    return flag.kind


def counts(state: ChecklistState | None) -> dict[str, Any]:
    """Items answered, failed checks by severity and readings over a limit."""
    result: dict[str, Any] = {"answered": 0, "answerable": 0, "failures": Counter(), "exceedances": 0}
    if state is None:
        return result
    for section in state.sections:
        if not section.relevant:
            continue
        result["answered"] += section.answered
        result["answerable"] += section.answerable
    for _item_state, flag in state.flags:
        if flag.kind in ("failed", "constraint"):
            result["failures"][flag.severity or "medium"] += 1
        elif flag.kind == "exceedance":
            result["exceedances"] += 1
    return result


def results(
    voice: Voice, state: ChecklistState, comments: dict[str, str], limit_sets: list[LimitSet], width: float
) -> list[Flowable]:
    """One table per relevant section: item, answer (and comment), limit and standard, flags."""
    story: list[Flowable] = []
    widths = [0.34 * width, 0.22 * width, 0.24 * width, 0.20 * width]
    header = [voice.label("item"), voice.label("answer"), voice.label("limit"), voice.label("flags")]
    for section in state.sections:
        story.append(_as_list(voice.local(section.section.title, "h2")))
        if not section.relevant:
            story.append(_as_list(voice.say("section_skipped", "small")))
            continue
        rows, tints = [], []
        for item_state in section.items:
            shown = item_state.item.answerable or (item_state.item.type == "calculate" and item_state.value is not None)
            if not shown or not item_state.relevant:
                continue
            row, tint = _row(voice, item_state, state, comments.get(item_state.item.id), limit_sets)
            if tint is not None:
                tints.append((len(rows) + 1, tint))
            rows.append(row)
        if not rows:
            story.append(_as_list(voice.say("section_skipped", "small")))
            continue
        table = grid(voice, header, rows, widths)
        for index, tint in tints:
            table.setStyle([("BACKGROUND", (0, index), (-1, index), tint)])
        story.extend([table, Spacer(1, 4)])
    return story


def _as_list(value: Flowable | list[Flowable]) -> Flowable:
    if isinstance(value, list):
        return Stack(value)
    return value


def _row(
    voice: Voice, item_state: ItemState, state: ChecklistState, comment: str | None, limit_sets: list[LimitSet]
) -> tuple[list[Any], Any]:
    item = item_state.item
    label: list[Flowable] = _texts(voice, [item.label.get(lang) for lang in voice.langs], "cell")
    if item_state.value is None:
        answer = _texts(voice, [voice.words("not_answered", lang) for lang in voice.langs], "cell", colour=AMBER)
    else:
        answer = _texts(voice, answer_texts(item, item_state.value, voice), "cell")
    if comment:
        answer.append(voice.free(f"{voice.all_words('comment')}: {comment}", "small"))
    bounds = bounds_of(item, state, limit_sets)
    limit = [voice.cell(limit_text(bounds))] if bounds else [voice.cell("")]
    flags = list(item_state.flags)
    if bounds and unverified(bounds) and not any(f.kind == "unverified_limit" for f in flags):
        flags.append(Flag("unverified_limit", ""))
    flag_cells: list[Flowable] = []
    tint = None
    for flag in flags:
        serious = flag.kind in SERIOUS
        colour = RED if serious else AMBER
        flag_cells.extend(_texts(voice, [flag_texts(flag, voice, lang) for lang in voice.langs], "cell_head", colour))
        if serious:
            tint = RED_TINT
        elif tint is None:
            tint = AMBER_TINT
    if item_state.missing:
        flag_cells.extend(_texts(voice, [voice.words("required_missing", lang) for lang in voice.langs], "cell", AMBER))
    return [label, answer, limit, flag_cells or [voice.cell("")]], tint


def _texts(voice: Voice, texts: list[str], style: str, colour: Any = None) -> list[Flowable]:
    return voice.paragraphs(texts, style, colour=colour)


def severity_line(failures: Counter, voice: Voice, lang: str | None = None) -> str:
    if not failures:
        return voice.words("none_found", lang)
    return ", ".join(f"{failures[s]} {voice.words(s, lang)}" for s in SEVERITY_ORDER if failures.get(s))
