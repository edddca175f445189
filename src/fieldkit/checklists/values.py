"""Checking and normalising an answer against its item's type, before anything is stored.

A value that does not fit (text for a number, an unknown option) raises :class:`ValueRefused` with
a message the inspector can act on; nothing is stored.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from typing import Any

from fieldkit.checklists.model import Item
from fieldkit.errors import ValidationError
from fieldkit.i18n import current_language, translate

MAX_TEXT = 10_000
_NUMERIC_TEXT = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
_YES_NO = {"yes": "yes", "y": "yes", "no": "no", "n": "no", "na": "na", "n/a": "na", "not applicable": "na"}


class ValueRefused(ValidationError):
    pass


def _refuse(item: Item, message: str) -> ValueRefused:
    label = item.label.get(current_language())
    return ValueRefused(translate("Answers", "{label}: {message}").format(label=label, message=message))


def _number(item: Item, raw: Any, integer: bool) -> int | float:
    if isinstance(raw, bool):
        raise _refuse(item, translate("Answers", "give a number, not true/false"))
    if isinstance(raw, int | float):
        number = raw
    elif isinstance(raw, str):
        text = raw.strip()
        if "," in text and "." not in text and text.replace(",", "").lstrip("-").isdigit():
            raise _refuse(
                item,
                translate("Answers", "{raw!r} is not a number; use a point for decimals").format(raw=raw),
            )
        if not _NUMERIC_TEXT.match(text):
            what = translate("Answers", "a whole number") if integer else translate("Answers", "a number")
            raise _refuse(item, translate("Answers", "{raw!r} is not {what}").format(raw=raw, what=what))
        try:
            number = float(text) if not integer or not text.lstrip("+-").isdigit() else int(text)
        except ValueError:
            what = translate("Answers", "a whole number") if integer else translate("Answers", "a number")
            raise _refuse(item, translate("Answers", "{raw!r} is not {what}").format(raw=raw, what=what)) from None
    else:
        raise _refuse(item, translate("Answers", "give a number"))
    if isinstance(number, float) and not math.isfinite(number):
        raise _refuse(item, translate("Answers", "give a finite number"))
    if integer and isinstance(number, float):
        if not number.is_integer():
            raise _refuse(item, translate("Answers", "{raw!r} is not a whole number").format(raw=raw))
        number = int(number)
    if abs(number) > 1e12:
        raise _refuse(item, translate("Answers", "{raw!r} is too large").format(raw=raw))
    return number


def _choices(item: Item, raw: Any) -> list[str]:
    if isinstance(raw, str):
        values = [v for v in raw.replace(",", " ").split() if v]
    elif isinstance(raw, list | tuple):
        values = [str(v) for v in raw]
    else:
        raise _refuse(
            item,
            translate("Answers", "give one or more of: {choices}").format(choices=", ".join(item.choice_values)),
        )
    unknown = [v for v in values if v not in item.choice_values]
    if unknown:
        raise _refuse(
            item,
            translate("Answers", "{value!r} is not an option (options: {choices})").format(
                value=unknown[0], choices=", ".join(item.choice_values)
            ),
        )
    return list(dict.fromkeys(values))


def normalise(item: Item, raw: Any) -> Any:
    """The stored form of ``raw`` for ``item``; ``None`` (or empty text) clears the answer."""
    if raw is None or (isinstance(raw, str) and not raw.strip() and item.type != "text"):
        return None
    kind = item.type
    if kind in ("note", "calculate"):
        raise _refuse(item, translate("Answers", "this item takes no answer"))
    if kind == "yes_no":
        key = str(raw).strip().lower()
        if key not in _YES_NO:
            raise _refuse(item, translate("Answers", "{raw!r} is not yes, no or na").format(raw=raw))
        return _YES_NO[key]
    if kind == "select_one":
        values = _choices(item, [raw.strip()] if isinstance(raw, str) else raw)
        if len(values) != 1:
            raise _refuse(item, translate("Answers", "choose exactly one option"))
        return values[0]
    if kind == "select_many":
        return _choices(item, raw) or None
    if kind == "integer":
        return _number(item, raw, integer=True)
    if kind == "decimal":
        return _number(item, raw, integer=False)
    if kind == "text":
        if not isinstance(raw, str):
            raise _refuse(item, translate("Answers", "give text"))
        if len(raw) > MAX_TEXT:
            raise _refuse(item, translate("Answers", "longer than {limit} characters").format(limit=MAX_TEXT))
        return raw if raw.strip() else None
    if kind == "datetime":
        return _datetime(item, raw)
    if kind == "date":
        if isinstance(raw, datetime):
            return raw.date().isoformat()
        try:
            return (raw if isinstance(raw, date) else date.fromisoformat(str(raw).strip())).isoformat()
        except ValueError:
            raise _refuse(item, translate("Answers", "{raw!r} is not a date (YYYY-MM-DD)").format(raw=raw)) from None
    if kind == "gps":
        return _gps(item, raw)
    if kind == "photo":
        ids = [raw] if isinstance(raw, str) else raw
        if not isinstance(ids, list | tuple) or not all(isinstance(i, str) and i for i in ids):
            raise _refuse(item, translate("Answers", "give photo ids"))
        if len(ids) > 1 and not item.multiple:
            raise _refuse(item, translate("Answers", "this item takes one photo"))
        return list(dict.fromkeys(ids))
    if kind == "signature":
        if isinstance(raw, str):
            raw = {"name": raw}
        if not isinstance(raw, dict) or not str(raw.get("name", "")).strip():
            raise _refuse(item, translate("Answers", "a signature needs the signer's name"))
        signed_at = raw.get("signed_at") or datetime.now(UTC).isoformat()
        return {"name": str(raw["name"]).strip()[:200], "signed_at": str(signed_at)}
    raise _refuse(item, f"unsupported type {kind}")


def _datetime(item: Item, raw: Any) -> str:
    try:
        value = raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw).strip())
    except ValueError:
        raise _refuse(
            item, translate("Answers", "{raw!r} is not a date and time (YYYY-MM-DDTHH:MM)").format(raw=raw)
        ) from None
    if value.tzinfo is None:
        value = value.astimezone()  # the laptop's own zone: what the inspector reads on its clock
    return value.isoformat()


def _gps(item: Item, raw: Any) -> dict[str, float]:
    try:
        if isinstance(raw, str):
            parts = [float(p) for p in raw.replace(";", ",").split(",")]
            if not 2 <= len(parts) <= 3:
                raise ValueError
            point = {"lat": parts[0], "lon": parts[1]}
            if len(parts) > 2:
                point["accuracy_m"] = parts[2]
        elif isinstance(raw, dict):
            point = {"lat": float(raw["lat"]), "lon": float(raw["lon"])}
            if raw.get("accuracy_m") is not None:
                point["accuracy_m"] = float(raw["accuracy_m"])
        else:
            raise TypeError
    except (TypeError, ValueError, KeyError, IndexError):
        raise _refuse(item, translate("Answers", "give a point as 'latitude,longitude'")) from None
    if not all(map(math.isfinite, point.values())) or not (-90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180):
        raise _refuse(item, translate("Answers", "the point is outside -90..90, -180..180"))
    if point.get("accuracy_m", 0) < 0:
        raise _refuse(item, translate("Answers", "an accuracy cannot be negative"))
    return point


def display(item: Item, value: Any, lang: str = "en") -> str:
    """An answer as the inspector reads it (choice labels, units)."""
    if value is None:
        return ""
    if item.type == "yes_no":
        return {
            "yes": translate("Answers", "Yes"),
            "no": translate("Answers", "No"),
            "na": translate("Answers", "Not applicable"),
        }.get(value, str(value))
    if item.type == "select_one":
        return item.choice_label(value, lang)
    if item.type == "select_many":
        return ", ".join(item.choice_label(v, lang) for v in value)
    if item.type in ("decimal", "integer", "calculate"):
        number = f"{value:.10g}" if isinstance(value, float) else str(value)
        return f"{number} {item.unit}" if item.unit and item.unit != "pH" else number
    if item.type == "gps":
        return f"{value['lat']:.6f}, {value['lon']:.6f}"
    if item.type == "signature":
        return value.get("name", "")
    if item.type == "photo":
        return translate("Answers", "{count} photo(s)").format(count=len(value))
    return str(value)
