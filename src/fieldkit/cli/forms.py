"""``fieldkit forms list|validate|import-xlsform``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fieldkit.cli.output import print_json, print_table

if TYPE_CHECKING:
    from fieldkit.checklists.model import Template


def register(sub: argparse._SubParsersAction) -> None:
    forms = sub.add_parser("forms", help="checklist templates")
    forms_sub = forms.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = forms_sub.add_parser("list", help="the templates available to new inspections")
    ls.add_argument("--json", action="store_true", help="print a JSON list (stable keys)")
    ls.set_defaults(handler=list_forms)
    check = forms_sub.add_parser("validate", help="check template and limit-set files (a file or a folder)")
    check.add_argument("path", type=Path)
    check.set_defaults(handler=validate_forms)
    xls = forms_sub.add_parser(
        "import-xlsform",
        help="convert an XLSForm (.xlsx, .xls, .csv, .md) to a checklist template",
        description="Read an XLSForm and map it to a FieldKit checklist template. Warnings (what was dropped or "
        "changed) and problems (why it cannot be imported) go to stderr; problems exit 1.",
    )
    xls.add_argument("file", type=Path)
    xls.add_argument("--json", action="store_true", help="print a JSON summary (stable keys)")
    xls.add_argument("--output", metavar="YAML_PATH", type=Path, help="write the template as YAML")
    xls.add_argument("--install", action="store_true", help="store the template in the local store")
    xls.set_defaults(handler=import_xlsform_command)


def list_forms(args: argparse.Namespace) -> int:
    from fieldkit import services

    with services.open_store(args.data_dir) as store:
        rows = services.list_forms(store)
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ("ID", "VERSION", "ITEMS", "SOURCE", "TITLE"),
        [(r["id"], r["version"], r["items"], r["source"], r["title"]) for r in rows],
    )
    return 0


def validate_forms(args: argparse.Namespace) -> int:
    from fieldkit.checklists.library import load_library

    if not args.path.exists():
        print(f"fieldkit: {args.path} does not exist", file=sys.stderr)
        return 1
    library = load_library(args.path)
    for problem in library.problems:
        print(problem, file=sys.stderr)
    items = sum(len(t.items) for t in library.templates.values())
    summary = (
        f"{library.files} files: {len(library.templates)} templates ({items} items), "
        f"{len(library.limit_sets)} limit sets, {len(library.parameters)} parameters"
    )
    if library.problems:
        print(f"{summary}; {len(library.problems)} problems", file=sys.stderr)
        return 1
    print(f"{summary}: all valid")
    return 0


def import_xlsform_command(args: argparse.Namespace) -> int:
    from fieldkit.checklists.xlsform import import_xlsform

    result = import_xlsform(args.file)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    template = result.template
    installed = False
    status = 0
    if template is None:
        count = len(result.problems)
        print(f"fieldkit: {args.file} cannot be imported ({count} problem{'s' if count != 1 else ''})", file=sys.stderr)
        status = 1
    else:
        if args.output is not None:
            status = max(status, _write_template_yaml(template, args.output))
        if args.install and status == 0:
            installed = _install_template(args, template)
    if args.json:
        print_json(
            {
                "id": template.id if template else None,
                "version": template.version if template else None,
                "title": template.title.en if template else None,
                "sections": len(template.sections) if template else 0,
                "items": len(template.items) if template else 0,
                "installed": installed,
                "warnings": [w.as_dict() for w in result.warnings],
                "problems": [p.as_dict() for p in result.problems],
            }
        )
    elif template is not None:
        print(
            f"{template.id} {template.version}: {template.title.en}: {len(template.sections)} sections, "
            f"{len(template.items)} items, {len(result.warnings)} warnings"
        )
    return status


def _write_template_yaml(template: Template, path: Path) -> int:
    import yaml

    text = yaml.safe_dump(template.definition(), allow_unicode=True, sort_keys=False)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"fieldkit: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _install_template(args: argparse.Namespace, template: Template) -> bool:
    from fieldkit import services
    from fieldkit.checklists.library import Library
    from fieldkit.services.library import install_library

    with services.open_store(args.data_dir) as store:
        changes = install_library(
            store, Library(templates={(template.id, template.version): template}), source="xlsform"
        )
    if changes:
        print(f"installed {template.id} {template.version} in the local store", file=sys.stderr)
        return True
    print(
        f"fieldkit: {template.id} {template.version} is already in the local store (a stored version never "
        "changes: raise the version in the settings sheet to install a new one)",
        file=sys.stderr,
    )
    return False
