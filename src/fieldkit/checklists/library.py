"""The library of templates and limit sets in a folder (the built-in ``forms/``, or one to validate).

Files are told apart by where they are and what they hold: ``limits/parameters.yaml`` is the
parameter catalogue, a mapping with ``limits`` is a limit set, anything else a template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticError

from fieldkit.checklists.limits import LimitSet, Parameter, parse_limit_set
from fieldkit.checklists.model import NUMERIC_TYPES, Template
from fieldkit.checklists.validate import Problem, TemplateError, parse_template
from fieldkit.checklists.yamlsafe import YamlError, load_yaml_file
from fieldkit.paths import shipped_dir

PARAMETERS_FILE = "parameters.yaml"
_PARAMETERS = TypeAdapter(list[Parameter])


@dataclass
class Library:
    templates: dict[tuple[str, str], Template] = field(default_factory=dict)
    limit_sets: dict[str, LimitSet] = field(default_factory=dict)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def parameter_label(self, parameter: str, lang: str = "en") -> str:
        found = self.parameters.get(parameter)
        return found.label.get(lang) if found else parameter.replace("_", " ")

    def latest(self, form_id: str) -> Template | None:
        versions = [t for (fid, _v), t in self.templates.items() if fid == form_id]
        return max(versions, key=lambda t: t.version) if versions else None


def builtin_folder() -> Path:
    return shipped_dir("forms")


def _yaml_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _parse_parameters(data: Any, source: str) -> list[Parameter]:
    items = data.get("parameters") if isinstance(data, dict) else data
    try:
        return _PARAMETERS.validate_python(items)
    except PydanticError as exc:
        problems = [Problem(source, "parameters", ".".join(str(k) for k in e["loc"]), e["msg"]) for e in exc.errors()]
        raise TemplateError(problems) from None


def load_library(path: Path | None = None) -> Library:
    """Read every YAML file under ``path`` (default: the built-in forms); collect all problems."""
    root = path or builtin_folder()
    library = Library()
    if not root.exists():
        library.problems.append(Problem(str(root), "folder", "", "does not exist"))
        return library
    for file in _yaml_files(root):
        library.files += 1
        source = str(file)
        try:
            data = load_yaml_file(file)
        except (YamlError, OSError) as exc:
            library.problems.append(Problem(source, "file", "", str(exc)))
            continue
        try:
            if file.name == PARAMETERS_FILE:
                for parameter in _parse_parameters(data, source):
                    library.parameters[parameter.id] = parameter
            elif isinstance(data, dict) and "limits" in data:
                limit_set = parse_limit_set(data, source)
                if limit_set.id in library.limit_sets:
                    library.problems.append(Problem(source, "limit set", "id", f"{limit_set.id!r} is defined twice"))
                library.limit_sets[limit_set.id] = limit_set
            else:
                template = parse_template(data, source)
                key = (template.id, template.version)
                if key in library.templates:
                    library.problems.append(
                        Problem(
                            source,
                            "template",
                            "id",
                            f"{template.id!r} version {template.version} is defined twice",
                        )
                    )
                library.templates[key] = template
        except TemplateError as exc:
            library.problems.extend(exc.problems)
    if library.parameters:
        _check_parameters(library)
    return library


def _check_parameters(library: Library) -> None:
    known = library.parameters
    for template in library.templates.values():
        for item in template.items.values():
            if item.type in NUMERIC_TYPES and item.parameter and item.parameter not in known:
                library.problems.append(
                    Problem(template.id, f"item {item.id!r}", "parameter", f"unknown parameter {item.parameter!r}")
                )
    for limit_set in library.limit_sets.values():
        for limit in limit_set.limits:
            if limit.parameter not in known:
                library.problems.append(
                    Problem(limit_set.id, f"limit {limit.parameter!r}", "parameter", "not in parameters.yaml")
                )
