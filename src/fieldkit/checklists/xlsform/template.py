"""The importer's last layer: the order of the mapping, the settings, and the template checked and compiled.

* The template id is the settings ``form_id`` (or the file name) in lowercase with ``-`` and ``_``; the
  version is ``version`` (or "1"); the title ``form_title``. Other settings are reported as not supported.
* The template is checked (:func:`parse_template`) and compiled like any other; what fails there is a
  problem, placed at the XLSForm column the field came from.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fieldkit.checklists.expressions import ExpressionError
from fieldkit.checklists.validate import TemplateError, parse_template
from fieldkit.checklists.xlsform.drafts import _ident
from fieldkit.checklists.xlsform.languages import MAX_TEXT
from fieldkit.checklists.xlsform.messages import ImportResult, _Refused
from fieldkit.checklists.xlsform.workbook import _DEFAULT
from fieldkit.checklists.xlsform.xpath import _Expressions

_VERSION_BAD = re.compile(r"[^A-Za-z0-9_.\-]+")
_TEMPLATE_ID_BAD = re.compile(r"[^a-z0-9_\-]+")
_FIELD_COLUMNS = {
    "relevant": ("bind", "relevant"),
    "constraint": ("bind", "constraint"),
    "constraint_message": ("bind", "jr:constraintMsg"),
    "calculation": ("bind", "calculate"),
    "required": ("bind", "required"),
    "label": ("label",),
    "guidance": ("hint",),
    "id": ("name",),
    "type": ("type",),
}
"""Template fields → the XLSForm column they come from (to place check_template's problems)."""
_HANDLED_SETTINGS = frozenset(
    {
        "type",
        "name",
        "title",
        "id_string",
        "sms_keyword",
        "default_language",
        "children",
        "choices",
        "version",
        "clean_text_values",
        "allow_choice_duplicates",
        "entity_version",
    }
)


class _Importer(_Expressions):
    """Maps one XLSForm to a template, recording problems and warnings in ``result``.

    Built in layers, one a module, each adding what it maps to the one below: :mod:`.workbook`,
    :mod:`.languages`, :mod:`.columns`, :mod:`.questions`, :mod:`.sections`, :mod:`.xpath`.
    """

    def __init__(self, path: Path, result: ImportResult) -> None:
        super().__init__(path, result)
        self.template_id = "xlsform"
        self.version = "1"

    def run(self) -> None:
        """Read the file and map it into ``result``; raises :class:`_Refused` once a problem stops the import."""
        try:
            import pyxform  # noqa: F401
        except ImportError:
            self.refuse("importing XLSForms needs pyxform (pip install 'pyxform>=4.5')")
        data = self.read_bytes()
        kind = self.sniff(data)
        workbook = self.read_workbook(data, kind)
        form = self.convert_with_pyxform(workbook)
        self.map_form(form, workbook)

    def map_form(self, form: dict[str, Any], workbook: Any) -> None:
        self.default_language = str(form.get("default_language") or _DEFAULT)
        self.collect_languages(form)
        self.map_settings(form, workbook)
        for sheet in ("external_choices", "entities", "osm"):
            if getattr(workbook, sheet, None):
                self.warn(f"the {sheet} sheet is not supported; ignored", sheet=sheet)
        self.walk(form.get("children") or [], (), [], form.get("choices") or {}, depth=0)
        self.report_unused_columns()
        self.resolve_expressions()
        self.build(form)

    def map_settings(self, form: dict[str, Any], workbook: Any) -> None:
        settings_row = 2 if workbook.settings else None
        form_id = str(form.get("id_string") or self.path.stem)
        template_id = _TEMPLATE_ID_BAD.sub("-", form_id.strip().lower()).strip("-_")[:100] or "xlsform"
        if not re.match(r"^[a-z0-9]", template_id):
            template_id = "xlsform-" + template_id
        if template_id != form_id:
            origin = "form_id" if ("id_string",) in self.column_for["settings"] else "the file name"
            self.warn(
                f"the template id is {template_id!r} ({origin} {form_id!r} made lowercase with - and _)",
                settings_row if origin == "form_id" else None,
                self.column("id_string", sheet="settings") if origin == "form_id" else None,
                "settings" if origin == "form_id" else "survey",
            )
        self.template_id = template_id
        raw_version = str(form.get("version") or "").strip()
        version = _VERSION_BAD.sub("-", raw_version).strip("-")[:32] or "1"
        if raw_version and version != raw_version:
            self.warn(
                f"version {raw_version!r} is imported as {version!r}",
                settings_row,
                self.column("version", sheet="settings"),
                "settings",
            )
        self.version = version
        title = " ".join(str(form.get("title") or self.path.stem).split())[:MAX_TEXT] or template_id
        self.form_title = {"en": title}
        self.root_section_id = _ident(template_id.replace("-", "_")) or "form"
        for key, value in form.items():
            if key in _HANDLED_SETTINGS or value in (None, "", False):
                continue
            self.warn(
                f"setting {key!r} is not supported; ignored",
                settings_row,
                self.column(key, sheet="settings"),
                "settings",
            )

    def build(self, form: dict[str, Any]) -> None:
        sections = []
        rows_of: dict[str, int | None] = {}
        for section in self.sections:
            items = []
            for item in section.items:
                if not item.kept:
                    continue
                items.append({"id": item.id, **item.data})
                rows_of[f"item {item.id!r}"] = item.row
            if not items:
                continue
            data: dict[str, Any] = {"id": section.id, "title": section.title, "items": items}
            relevants = [g.relevant_text for g in section.groups if g.relevant_text]
            if relevants:
                data["relevant"] = relevants[0] if len(relevants) == 1 else " and ".join(f"({r})" for r in relevants)
            rows_of[f"section {section.id!r}"] = section.row
            sections.append(data)
        if self.result.problems:
            raise _Refused
        if not sections:
            reasons = sorted({w.message for w in self.result.warnings if "not imported" in w.message})
            why = f" ({'; '.join(reasons[:5])})" if reasons else ""
            self.refuse(f"the form has no question FieldKit can import{why}")
        data = {"id": self.template_id, "version": self.version, "title": self.form_title, "sections": sections}
        try:
            template = parse_template(data, self.source)
        except TemplateError as exc:
            for problem in exc.problems:
                field_path = _FIELD_COLUMNS.get(problem.field.split(".")[0])
                column = self.column(*field_path) if field_path else (problem.field or None)
                self.problem(f"{problem.where}: {problem.message}", rows_of.get(problem.where), column)
            raise _Refused from None
        from fieldkit.checklists.evaluate import compile_template

        try:
            compile_template(template)
        except (ValueError, ExpressionError) as exc:
            self.refuse(str(exc))
        self.result.template = template
