"""Languages and labels: the English, Urdu and Chinese texts of a cell, out of its language columns.

* Languages: ``label::English (en)``, ``label::en``, ``label::English``, ``label::EN`` ... → ``en``;
  Urdu (``ur``, ``Urdu``, ``اردو``) → ``ur``; Chinese (``zh``, ``zh-CN``, ``Chinese``, ``中文`` ...) → ``zh``.
  The label without a language is English when a text has no English one. Other languages are not
  imported (a warning per column); a text with neither English nor a default uses another language's
  text (warning), and a question without any label shows its name (warning).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fieldkit.checklists.text import LANGUAGES
from fieldkit.checklists.xlsform.drafts import _Element
from fieldkit.checklists.xlsform.messages import ImportResult
from fieldkit.checklists.xlsform.workbook import _DEFAULT, _Workbook

MAX_TEXT = 4000
"""Characters in one text (a label, hint or title); longer ones are cut, with a warning."""

_LANGUAGE_NAMES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "ur": "ur",
    "urd": "ur",
    "urdu": "ur",
    "اردو": "ur",
    "zh": "zh",
    "zho": "zh",
    "chi": "zh",
    "cmn": "zh",
    "chinese": "zh",
    "mandarin": "zh",
    "中文": "zh",
    "汉语": "zh",
    "漢語": "zh",
    "简体中文": "zh",
    "繁體中文": "zh",
    "普通话": "zh",
    "普通話": "zh",
}
_LANGUAGE_CODE_IN_NAME = re.compile(r"\(\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*\)\s*$")


def language_code(key: str) -> tuple[str | None, int]:
    """``("en", rank)`` for an XLSForm language name such as ``English (en)``, ``en-GB``, ``اردو``.

    The rank prefers an explicit code (0) over a name (1). None when it is none of en, ur, zh.
    """
    text = key.strip()
    match = _LANGUAGE_CODE_IN_NAME.search(text)
    if match:
        return _LANGUAGE_NAMES.get(match.group(1).lower()), 0
    lowered = text.lower()
    if lowered in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[lowered], 0 if len(lowered) <= 3 else 1
    primary = re.split(r"[-_\s]", lowered, maxsplit=1)[0]
    if primary in ("en", "ur", "zh"):
        return primary, 0
    return None, 9


class _Texts(_Workbook):
    """Adds the texts of elements in en / ur / zh."""

    def __init__(self, path: Path, result: ImportResult) -> None:
        super().__init__(path, result)
        # the form's own language key (as pyxform keys texts) chosen for each of en, ur, zh
        self.language_keys: dict[str, str] = {}

    def collect_languages(self, form: dict[str, Any]) -> None:
        seen: list[str] = []

        def note(value: Any) -> None:
            if isinstance(value, dict):
                for key in value:
                    if isinstance(key, str) and key not in seen:
                        seen.append(key)

        def visit(element: dict[str, Any]) -> None:
            note(element.get("label"))
            note(element.get("hint"))
            note(element.get("guidance_hint"))
            bind = element.get("bind")
            if isinstance(bind, dict):
                note(bind.get("jr:constraintMsg"))
            for choice in element.get("choices") or element.get("columns") or ():
                if isinstance(choice, dict):
                    note(choice.get("label"))
            for child in element.get("children") or ():
                if isinstance(child, dict):
                    visit(child)

        visit(form)
        for choices in (form.get("choices") or {}).values():
            for choice in choices if isinstance(choices, list) else ():
                if isinstance(choice, dict):
                    note(choice.get("label"))
        best: dict[str, tuple[int, str]] = {}
        for key in seen:
            if key == _DEFAULT:
                continue
            code, rank = language_code(key)
            if code and (code not in best or rank < best[code][0]):
                best[code] = (rank, key)
        self.language_keys = {code: key for code, (_rank, key) in best.items()}

    def local_text(
        self,
        element: _Element,
        path: tuple[str, ...],
        *,
        what: str,
        fallback: str | None = None,
        sheet: str = "survey",
    ) -> dict[str, str] | None:
        """The text at ``path`` in en / ur / zh (see the module docstring); marks what it used."""
        value = element.peek(*path)
        scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
        raw = {self.default_language: value} if scalar else (value if isinstance(value, dict) else {})
        texts = {k: str(v).strip() for k, v in raw.items() if isinstance(k, str) and v is not None}
        texts = {k: v for k, v in texts.items() if v}
        result: dict[str, str] = {}
        used: list[str] = []
        for code in LANGUAGES:
            key = self.language_keys.get(code)
            if key in texts:
                result[code] = texts[key]
                used.append(key)
        if "en" not in result:
            other = _DEFAULT if _DEFAULT in texts else next((k for k in texts if k not in used), None)
            if other is None and used:
                other = used[0]
            if other is not None:
                result["en"] = texts[other]
                if other not in used:
                    used.append(other)
                if other != _DEFAULT:
                    self.warn(
                        f"no English {what}: the {other!r} text is used as the English one",
                        element.row,
                        self.column(*path, other, sheet=sheet),
                        sheet,
                    )
            elif fallback is not None:
                result["en"] = fallback
                self.warn(
                    f"no {what}: {fallback!r} is shown instead", element.row, self.column(*path, sheet=sheet), sheet
                )
        if scalar and used:
            element.use(*path)
        for key in used:
            element.use(*path, key)
        for code, text in list(result.items()):
            if len(text) > MAX_TEXT:
                result[code] = text[: MAX_TEXT - 1] + "…"
                self.warn(
                    f"{what} longer than {MAX_TEXT} characters; cut",
                    element.row,
                    self.column(*path, sheet=sheet),
                    sheet,
                )
        return result or None
