"""``fieldkit gui``, ``demo``, ``inspections`` and ``sites``."""

from __future__ import annotations

import argparse
import dataclasses

from fieldkit import services
from fieldkit.cli.output import local_time, print_json, print_table, resolve_inspection_id


def register(sub: argparse._SubParsersAction) -> None:
    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--lang", help="interface language: en, ur or zh (default: the system's)")
    gui.set_defaults(handler=run_gui)

    demo = sub.add_parser("demo", help="fill the local store with a realistic demo (idempotent)")
    demo.add_argument("--quiet", action="store_true", help="print nothing when all is well")
    demo.set_defaults(handler=run_demo)

    insp = sub.add_parser("inspections", help="list and show inspections")
    insp_sub = insp.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = insp_sub.add_parser("list", help="inspections, newest first")
    ls.add_argument("--json", action="store_true", help="print a JSON list (stable keys)")
    ls.add_argument("--site", metavar="CODE", help="only this site")
    ls.add_argument("--status", choices=("draft", "submitted", "approved", "returned"))
    ls.add_argument("--search", metavar="TEXT", default="", help="only rows containing TEXT")
    ls.set_defaults(handler=list_inspections)
    show = insp_sub.add_parser("show", help="one inspection's header and audit trail")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_inspection)
    new = insp_sub.add_parser("new", help="start an inspection with a checklist; prints its id")
    new.add_argument("--site", metavar="CODE", required=True)
    new.add_argument("--form", metavar="FORM_ID", required=True, help="checklist template id (fieldkit forms list)")
    new.add_argument("--title", default=None)
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=new_inspection)
    answer = insp_sub.add_parser("answer", help="save one checklist answer and print its evaluation")
    answer.add_argument("id")
    answer.add_argument("item")
    answer.add_argument("value", help="the answer; '' clears it")
    answer.add_argument("--comment", default=None)
    answer.add_argument("--json", action="store_true")
    answer.set_defaults(handler=answer_item)
    submit = insp_sub.add_parser("submit", help="submit an inspection for review (fails listing what is missing)")
    submit.add_argument("id")
    submit.set_defaults(handler=submit_inspection)

    sites = sub.add_parser("sites", help="sites in the local store")
    sites_sub = sites.add_subparsers(dest="action", metavar="ACTION", required=True)
    sls = sites_sub.add_parser("list", help="sites by name")
    sls.add_argument("--json", action="store_true", help="print a JSON list (stable keys)")
    sls.set_defaults(handler=list_sites)
    boundary = sites_sub.add_parser("boundary", help="set a site's boundary from a GeoJSON or KML file")
    boundary.add_argument("code")
    boundary.add_argument("file")
    boundary.set_defaults(handler=set_boundary)


def run_gui(args: argparse.Namespace) -> int:
    from fieldkit.app import main as gui_main

    return gui_main(args.data_dir, lang=args.lang)


def run_demo(args: argparse.Namespace) -> int:
    from fieldkit.demo import seed_demo

    with services.open_store(args.data_dir) as store:
        result = seed_demo(store)
    if not args.quiet:
        if result.total:
            parts = ", ".join(f"{n} {kind}" for kind, n in result.created.items())
            print(f"Demo added {parts} to {args.data_dir}")
        else:
            print(f"The demo is already in {args.data_dir}; nothing added.")
    return 0


def list_inspections(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        site_id = services.get_site(store, args.site).id if args.site else None
        query = services.InspectionQuery(site_id=site_id, status=args.status, text=args.search)
        rows = services.all_inspections(store, query)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    print_table(
        ("ID", "SITE", "STATUS", "DATE", "FINISHED", "INSPECTOR", "TITLE"),
        [
            (
                r.id[:8],
                r.site_code,
                r.status,
                local_time(r.started_at or r.planned_at),
                local_time(r.finished_at),
                r.inspector,
                r.title,
            )
            for r in rows
        ],
    )
    return 0


def new_inspection(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    with services.open_store(args.data_dir) as store:
        site = services.get_site(store, args.site)
        template_id = services.template_id_for(store, args.form)
        changes = services.create_inspection(
            store, site.id, template_id=template_id, title=args.title, started_at=datetime.now(UTC)
        )
        detail = services.get_inspection(store, changes.created_id)
    if args.json:
        print_json({"id": detail.id, "site_code": detail.site_code, "form": args.form, "template": detail.template})
    else:
        print(detail.id)
    return 0


def answer_item(args: argparse.Namespace) -> int:
    from fieldkit.checklists.values import display

    comment = services.checklists.UNSET if args.comment is None else args.comment
    with services.open_store(args.data_dir) as store:
        result = services.answer_item(
            store, resolve_inspection_id(store, args.id), args.item, args.value, comment=comment
        )
    if args.json:
        print_json(result.as_json())
        return 0
    print(f"{result.item.id} = {display(result.item, result.value) or '(cleared)'}")
    for flag in result.flags:
        print(f"  ! {flag.message}")
    if result.proposal:
        print(f"  Proposed finding ({result.proposal.severity}): {result.proposal.title}")
    if not result.relevant:
        print("  (this item is not shown with the current answers)")
    return 0


def submit_inspection(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        inspection_id = resolve_inspection_id(store, args.id)
        services.set_status(store, inspection_id, "submitted")
    print(f"Submitted {inspection_id}")
    return 0


def show_inspection(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        detail = services.get_inspection(store, resolve_inspection_id(store, args.id))
        trail = services.audit_trail(store, detail.id)
    data = dataclasses.asdict(detail)
    data["audit"] = trail
    if args.json:
        print_json(data)
        return 0
    for key in ("id", "site_name", "title", "status", "inspector", "planned_at", "started_at", "finished_at"):
        value = data[key]
        print(f"{key.replace('_', ' '):>12}: {local_time(value) if key.endswith('_at') else value or ''}")
    print("       audit:")
    for event in trail:
        detail_text = " ".join(f"{k}={v}" for k, v in event["detail"].items())
        print(f"              {local_time(event['at'])} {event['actor'] or '-'} {event['action']} {detail_text}")
    return 0


def list_sites(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        sites = services.sites.visible_sites(store)
    if args.json:
        print_json([s.as_json() for s in sites])
        return 0
    print_table(
        ("CODE", "NAME", "DISTRICT", "COMMODITY", "INSPECTIONS"),
        [(s.code, s.name, s.district, s.commodity, s.inspection_count) for s in sites],
    )
    return 0


def set_boundary(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        changes = services.sites.set_site_boundary(store, args.code, args.file)
        site = services.get_site(store, args.code)
    rings = changes.changes[0].fields["boundary"][1]
    count = 1 if rings["type"] == "Polygon" else len(rings["coordinates"])
    print(f"{site.name} ({site.code}): boundary set from {args.file} ({count} polygon{'s' if count > 1 else ''})")
    return 0
