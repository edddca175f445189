"""Question types and choices: a draft item per question, with its texts, choices, required and constraint.

* Question types: integer, decimal, text (also ``string``), date, datetime/dateTime, geopoint → ``gps``,
  image/photo → ``photo`` (``signature`` when its appearance is ``signature``), note, calculate,
  select_one / select_multiple (``or_other`` included) → ``select_one`` / ``select_many``. Changed, with
  a warning: barcode and time → ``text``; range → a number with its bounds as a constraint. acknowledge /
  trigger → ``select_one`` with the single choice ``OK`` (not ``yes_no``: an acknowledge answer is ``OK``
  or nothing, so expressions such as ``${ack} = 'OK'`` keep their meaning and no "no" / "n/a" answer
  appears that the form never offered).
* Dropped with a warning: device metadata (start, end, today, deviceid, username, email, phonenumber,
  simserial, subscriberid, audit, start-geopoint, background audio, ...) and question types FieldKit has
  no answer for (audio, video, file, geotrace, geoshape, rank, osm, hidden, select_one_external,
  selects from files or from earlier answers, external data declarations, entities). Anything that refers
  to a dropped question is dropped in turn (a calculation's item with it), with a warning each time.
* ``hint`` (and ``guidance_hint``) → ``guidance``; ``required`` yes/true/1 → required (a conditional
  ``required`` expression → optional, with a warning); ``constraint_message`` → ``constraint_message``;
  ``calculation`` on a calculate → ``calculation``.
* Ids: question names become item ids (characters other than letters, digits and ``_`` replaced by
  ``_``, at most 64, unique in the template); renamed ones are reported.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fieldkit.checklists.xlsform.columns import _Columns
from fieldkit.checklists.xlsform.drafts import _Element, _ExprDraft, _ident, _ItemDraft, _Target, _unique
from fieldkit.checklists.xlsform.languages import MAX_TEXT
from fieldkit.checklists.xlsform.messages import ImportResult
from fieldkit.checklists.xlsform.workbook import _REQUIRED_TRUE

_METADATA_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "email",
        "phonenumber",
        "simserial",
        "subscriberid",
        "audit",
        "start-geopoint",
        "background-geopoint",
        "background-audio",
    }
)
_NOTE_TYPES = frozenset({"note", "q note", "add note prompt"})
_CALCULATE_TYPES = frozenset({"calculate", "q calculate", "add calculate prompt"})
_INPUT_TYPES = {
    "int": "integer",
    "decimal": "decimal",
    "string": "text",
    "date": "date",
    "dateTime": "datetime",
    "geopoint": "gps",
    "barcode": "text",
    "time": "text",
}
_CHANGED_INPUT = {
    "barcode": "a barcode question becomes a text item (typed, not scanned)",
    "time": "a time question becomes a text item (FieldKit has no time-of-day answer)",
}
_REQUIRED_FALSE = frozenset({"no", "false", "false()", "0"})
_CHOICE_VALUE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_PIPED = re.compile(r"\$\{[^}]*\}")


class _Questions(_Columns):
    """Adds an item draft per question, and the targets of question and group names."""

    def __init__(self, path: Path, result: ImportResult) -> None:
        super().__init__(path, result)
        self.targets: dict[str, _Target] = {}
        self.children_of: dict[tuple[str, ...], dict[str, _Target]] = {}
        self.item_ids: set[str] = set()
        self.items: dict[str, _ItemDraft] = {}

    # -- ids and names

    def register(self, name: str, path: tuple[str, ...], target: _Target) -> None:
        if name in self.targets:
            self.targets[name] = _Target("ambiguous", reason=f"{name!r} names more than one question or group")
        else:
            self.targets[name] = target
        self.children_of.setdefault(path[:-1], {})[name] = target

    def item_id(self, name: str, row: int | None) -> str:
        base = _ident(name) or f"q{row or len(self.item_ids) + 1}"
        new = _unique(base, self.item_ids)
        if new != name:
            why = "not a valid FieldKit id" if base != name else "the name is used twice"
            self.warn(f"question {name!r} is imported as {new!r} ({why})", row, self.column("name"))
        return new

    # -- questions

    def classify(self, kind: str, element: _Element) -> tuple[str | None, str]:
        """(our item type, a note on the change) or (None, why it is dropped)."""
        from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

        spec = QUESTION_TYPE_DICT.get(kind, {})
        bind = spec.get("bind", {})
        control = spec.get("control", {})
        if kind in _NOTE_TYPES:
            return "note", ""
        if kind in _CALCULATE_TYPES:
            return "calculate", ""
        if kind in _METADATA_TYPES or "jr:preload" in bind or kind.startswith("uri:"):
            return None, "metadata"
        if kind == "hidden":
            return None, "hidden questions are not supported"
        if kind in ("csv-external", "xml-external"):
            return None, "external data files are not supported"
        if kind == "select one external":
            return None, "select_one_external (choices from an external file) is not supported"
        tag = control.get("tag")
        if tag == "trigger":
            return "select_one", "acknowledge"
        if tag in ("select1", "select"):
            return ("select_one" if tag == "select1" else "select_many"), ""
        if tag == "range":
            return "decimal", "range"
        if tag == "upload":
            if control.get("mediatype") == "image/*":
                appearance = str(element.data.get("control", {}).get("appearance", "")).split()
                if "signature" in appearance:
                    element.use("control", "appearance")
                    return "signature", ""
                return "photo", ""
            media = {"audio/*": "audio", "video/*": "video", "osm/*": "OpenStreetMap"}.get(control.get("mediatype"))
            return None, f"{media or 'file'} questions are not supported"
        if tag == "input" and bind.get("type") in _INPUT_TYPES:
            return _INPUT_TYPES[bind["type"]], _CHANGED_INPUT.get(bind["type"], "")
        if bind.get("type") in ("geotrace", "geoshape"):
            return None, f"{bind['type']} questions are not supported (FieldKit records points)"
        if tag == "odk:rank":
            return None, "rank questions are not supported"
        return None, f"question type {kind!r} is not supported"

    def map_item(self, data: dict[str, Any], path: tuple[str, ...], all_choices: dict[str, Any]) -> _ItemDraft | None:
        kind = str(data.get("type", ""))
        name = str(data.get("name", ""))
        row = self.row_for(name)
        element = _Element(data, row)
        item_path = (*path, name)
        our_type, note = self.classify(kind, element)
        if our_type is None:
            if note == "metadata":
                self.warn(f"{kind} (metadata the device records) is not imported", row, self.column("type"))
                self.register(name, item_path, _Target("dropped", reason="device metadata"))
            else:
                self.warn(f"{note}; {name!r} is not imported", row, self.column("type"))
                self.register(name, item_path, _Target("dropped", reason=note))
            return None
        choices: list[dict[str, Any]] = []
        if our_type in ("select_one", "select_many") and note != "acknowledge":
            choices = self.map_choices(element, all_choices)
            if not choices:
                itemset = str(element.data.get("itemset") or "")
                if itemset.startswith("${"):
                    reason = f"its choices are earlier answers ({itemset}), which FieldKit does not support"
                elif itemset:
                    reason = f"its choices come from the file {itemset!r}, which FieldKit does not read"
                else:
                    reason = "its choices are not in the form"
                self.warn(f"{kind} {name!r}: {reason}; not imported", row, self.column("type"))
                self.register(name, item_path, _Target("dropped", reason=reason))
                return None
        if note == "acknowledge":
            choices = [{"value": "OK", "label": {"en": "OK"}}]
            self.warn(
                f"{kind} {name!r} becomes a select_one item with the single choice 'OK'", row, self.column("type")
            )
        elif note and note != "range":
            self.warn(f"{name!r}: {note}", row, self.column("type"))
        calculation = element.get("bind", "calculate")
        if our_type == "calculate" and not calculation:
            self.warn(f"calculate {name!r} has no calculation; not imported", row, self.column("type"))
            self.register(name, item_path, _Target("dropped", reason="it has no calculation"))
            return None
        item_id = self.item_id(name, row)
        self.register(name, item_path, _Target("item", id=item_id))
        item: dict[str, Any] = {"type": our_type}
        if our_type == "calculate" and not element.peek("label"):
            item["label"] = {"en": name}  # calculates are not shown: no label is normal
        else:
            item["label"] = self.local_text(element, ("label",), what="label", fallback=name)
        if _PIPED.search(" ".join(item["label"].values())):
            raw = element.peek("label")
            texts = raw if isinstance(raw, dict) else {None: raw}
            key = next((k for k, v in texts.items() if _PIPED.search(str(v or ""))), None)
            column = self.column("label", key) if key is not None else self.column("label")
            self.aggregate("labels that show answers (${...}) are shown as written", row, column)
        guidance = self.guidance(element)
        if guidance:
            item["guidance"] = guidance
        if choices:
            item["choices"] = choices
        self.map_required(element, item, kind, name)
        draft = _ItemDraft(name, item_id, row, our_type, item, item_path)
        relevant = element.get("bind", "relevant")
        if relevant:
            draft.relevant = _ExprDraft(str(relevant), "relevant", row, self.column("bind", "relevant"), item_path)
        self.map_constraint(element, draft, kind)
        if our_type == "calculate":
            element.get("bind", "readonly")
            draft.calculation = _ExprDraft(
                str(calculation), "calculation", row, self.column("bind", "calculate"), item_path
            )
        elif calculation:
            self.warn(
                f"a calculation on a {kind} question (a computed answer) is not supported; dropped",
                row,
                self.column("bind", "calculate"),
            )
        if our_type == "note":
            element.get("bind", "readonly")
        if note == "range":
            self.map_range(element, draft)
        self.report_leftovers(element)
        self.items[item_id] = draft
        return draft

    def guidance(self, element: _Element) -> dict[str, str] | None:
        hint = self.local_text(element, ("hint",), what="hint") or {}
        extra = self.local_text(element, ("guidance_hint",), what="guidance hint") or {}
        if not hint:
            return extra or None
        for code, text in extra.items():
            hint[code] = f"{hint.get(code, hint['en'])}\n\n{text}"[:MAX_TEXT]
        return hint

    def map_required(self, element: _Element, item: dict[str, Any], kind: str, name: str) -> None:
        required = element.get("bind", "required")
        if required is None or str(required).strip() == "":
            return
        value = str(required).strip().lower()
        if value in _REQUIRED_TRUE:
            if item["type"] == "note" or item["type"] == "calculate":
                self.warn(
                    f"a {kind} has no answer to require; required dropped", element.row, self.column("bind", "required")
                )
            else:
                item["required"] = True
        elif value not in _REQUIRED_FALSE:
            self.warn(
                f"a conditional required ({required!r}) is not supported; {name!r} is optional",
                element.row,
                self.column("bind", "required"),
            )

    def map_constraint(self, element: _Element, draft: _ItemDraft, kind: str) -> None:
        from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

        constraint = element.get("bind", "constraint")
        column, origin = self.column("bind", "constraint"), ""
        if not constraint:
            builtin = QUESTION_TYPE_DICT.get(kind, {}).get("bind", {}).get("constraint")
            if builtin:
                constraint, column = builtin, self.column("type")
                origin = f"the check built into the type {kind!r} ({builtin}): "
        if constraint:
            draft.constraint = _ExprDraft(str(constraint), "constraint", element.row, column, draft.path, origin=origin)
            message = self.local_text(element, ("bind", "jr:constraintMsg"), what="constraint message")
            if message:
                draft.data["constraint_message"] = message
        elif element.peek("bind", "jr:constraintMsg"):
            message = element.peek("bind", "jr:constraintMsg")
            self.local_text(element, ("bind", "jr:constraintMsg"), what="constraint message")
            languages = list(message) if isinstance(message, dict) else []
            self.warn(
                "a constraint message without a constraint; dropped",
                element.row,
                self.column("bind", "jr:constraintMsg", *languages[:1]),
            )
        if draft.type in ("integer", "decimal") and not draft.data.get("guidance"):
            hint = QUESTION_TYPE_DICT.get(kind, {}).get("hint")
            if hint:
                draft.data["guidance"] = {"en": hint}

    def map_range(self, element: _Element, draft: _ItemDraft) -> None:
        params = element.get("parameters") or {}
        numbers: dict[str, float] = {}
        for key, default in (("start", 1), ("end", 10), ("step", 1)):
            try:
                numbers[key] = float(params.get(key, default)) if isinstance(params, dict) else float(default)
            except (TypeError, ValueError):
                numbers[key] = float(default)
        if all(v.is_integer() for v in numbers.values()):
            draft.type = draft.data["type"] = "integer"
        low, high = sorted((numbers["start"], numbers["end"]))

        def show(v: float) -> str:
            return str(int(v)) if v.is_integer() else repr(v)

        draft.extra_constraint = f". >= {show(low)} and . <= {show(high)}"
        self.warn(
            f"a range (slider) becomes a number item; its bounds {show(low)}..{show(high)} are kept as a constraint",
            element.row,
            self.column("type"),
        )

    def map_choices(self, element: _Element, all_choices: dict[str, Any]) -> list[dict[str, Any]]:
        list_name = str(element.data.get("list_name") or element.data.get("itemset") or "")
        raw = element.data.get("choices")
        if not isinstance(raw, list):
            raw = all_choices.get(list_name) if list_name else None
        if not isinstance(raw, list):
            return []
        result = []
        seen: dict[str, int] = {}
        for data in raw:
            if not isinstance(data, dict):
                continue
            value = str(data.get("name", "")).strip()
            rows = self.choice_rows.get((list_name, value)) or []
            row = rows[seen.get(value, 0)] if seen.get(value, 0) < len(rows) else None
            if value in seen:
                seen[value] += 1
                self.warn(
                    f"choice {value!r} is listed again in list {list_name!r} (for another choice filter); "
                    "FieldKit offers it once",
                    row,
                    self.column("name", sheet="choices"),
                    "choices",
                )
                continue
            seen[value] = 1
            choice = _Element(data, row)
            label = self.local_text(choice, ("label",), what="choice label", sheet="choices")
            if not label:
                label = {"en": value or "?"}
                if value != "other":
                    self.warn(
                        f"choice {value!r} has no label; its name is shown",
                        row,
                        self.column("label", sheet="choices"),
                        "choices",
                    )
            if not _CHOICE_VALUE.match(value):
                self.problem(
                    f"choice name {value!r} cannot be a FieldKit choice value (letters, digits, _ . and -, "
                    "at most 64 characters)",
                    row,
                    self.column("name", sheet="choices"),
                    "choices",
                )
                continue
            result.append({"value": value, "label": label})
            self.report_leftovers(choice, sheet="choices")
        return result
