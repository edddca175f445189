"""``fieldkit report ID -o FILE.pdf``, ``fieldkit report site CODE --from --to -o FILE.pdf`` and
``fieldkit report community ID -o FILE.pdf``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from fieldkit import services
from fieldkit.cli.output import print_json, resolve_inspection_id
from fieldkit.errors import ValidationError
from fieldkit.reports.catalogue import MODES

USAGE = """fieldkit report ID -o FILE.pdf [--lang en|ur|zh|en+ur|en+zh] [--layout stacked|side] [--basemap FILE]
       fieldkit report site CODE --from DATE --to DATE -o FILE.pdf [--lang ...]
       fieldkit report community ID -o FILE.pdf [--lang ...] [--names] [--contact TEXT]"""


def register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser(
        "report",
        help="print a PDF report: of an inspection, a site over a period, or for the community",
        usage=USAGE,
        description="Reports are written whole or not at all: a failed or interrupted run leaves no partial file.",
    )
    report.add_argument("target", nargs="+", metavar="ID | site CODE | community ID")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument("--lang", default="en", choices=MODES, help="language(s) of the report (default en)")
    report.add_argument(
        "--layout",
        default="stacked",
        choices=("stacked", "side"),
        help="bilingual reports: the second language under the first, or beside it",
    )
    report.add_argument("--basemap", type=Path, metavar="FILE.mbtiles", help="offline basemap for the map figure")
    report.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="site report: first day")
    report.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="site report: last day")
    report.add_argument("--names", action="store_true", help="community report: print staff names")
    report.add_argument("--contact", metavar="TEXT", help="community report: who to contact (replaces the default)")
    report.add_argument("--json", action="store_true", help="print what was written as JSON (stable keys)")
    report.set_defaults(handler=run_report)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _check_basemap(path: Path | None) -> None:
    if path is None:
        return
    from fieldkit.gps.mbtiles import MBTiles, MbtilesError

    try:
        MBTiles(path).close()
    except MbtilesError as exc:
        raise ValidationError(f"The basemap {path} cannot be used: {exc}") from None


def run_report(args: argparse.Namespace) -> int:
    from fieldkit.reports.community import community_report
    from fieldkit.reports.inspection import inspection_report
    from fieldkit.reports.site import site_report

    target = args.target
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise ValidationError(f"The report is a PDF: name the output file .pdf, not {output.name}.")
    if output.is_dir():
        raise ValidationError(f"{output} is a folder: give a file name ending in .pdf.")
    _check_basemap(args.basemap)
    with services.open_store(args.data_dir) as store:
        if target[0] == "site":
            if len(target) != 2:
                raise ValidationError("Give one site code: fieldkit report site CODE --from DATE --to DATE -o FILE.pdf")
            if args.date_from is None or args.date_to is None:
                raise ValidationError("A site report needs a period: --from YYYY-MM-DD --to YYYY-MM-DD.")
            result = site_report(
                store,
                target[1],
                output,
                date_from=args.date_from,
                date_to=args.date_to,
                lang=args.lang,
                layout=args.layout,
            )
        elif target[0] == "community":
            if len(target) != 2:
                raise ValidationError("Give one inspection id: fieldkit report community ID -o FILE.pdf")
            result = community_report(
                store,
                resolve_inspection_id(store, target[1]),
                output,
                lang=args.lang,
                layout=args.layout,
                names=args.names,
                contact=args.contact,
            )
        else:
            if len(target) != 1:
                raise ValidationError(f"Give one inspection id.\nusage: {USAGE}")
            result = inspection_report(
                store,
                resolve_inspection_id(store, target[0]),
                output,
                lang=args.lang,
                layout=args.layout,
                basemap=args.basemap,
            )
    for warning in result.warnings:
        print(f"fieldkit: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "pages": result.pages,
                "bytes": result.size,
                "content_hash": result.content_hash or None,
                "warnings": result.warnings,
            }
        )
    else:
        print(f"{result.path}: {result.pages} page(s), {result.size / 1024:.0f} KB")
    return 0
