"""``fieldkit photos import|list``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fieldkit import services
from fieldkit.cli.output import local_time, print_json, print_table, resolve_inspection_id


def register(sub: argparse._SubParsersAction) -> None:
    photos = sub.add_parser("photos", help="photos")
    photos_sub = photos.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = photos_sub.add_parser("import", help="import photo files and folders (JPEG, PNG, HEIC)")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--inspection", metavar="ID", help="attach the photos to this inspection")
    imp.add_argument("--workers", type=int, default=2, help="parallel decoders (default 2)")
    imp.add_argument("--json", action="store_true", help="print a JSON list, one object per file (stable keys)")
    imp.set_defaults(handler=import_photos)
    ls = photos_sub.add_parser("list", help="photos of an inspection")
    ls.add_argument("--inspection", metavar="ID", required=True)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=list_photos)


def import_photos(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"fieldkit: {missing[0]} does not exist", file=sys.stderr)
        return 1
    with services.open_store(args.data_dir) as store:
        inspection_id = resolve_inspection_id(store, args.inspection) if args.inspection else None
        result = services.photos.import_photos(store, args.paths, inspection_id, workers=max(1, args.workers))
    if args.json:
        print_json([r.as_json() for r in result.results])
    else:
        for r in result.results:
            where = "" if r.lat is None else f" at {r.lat:.5f}, {r.lon:.5f} ({r.position_source})"
            detail = r.error if r.status == "rejected" else f"{local_time(r.taken_at) or 'time unknown'}{where}"
            name = r.as_json()["path"].rsplit("/", 1)[-1]
            print(f"{r.status:<9} {name}: {detail}")
        print(
            f"{result.count('imported')} imported, {result.count('duplicate')} duplicates, "
            f"{result.count('rejected')} rejected"
        )
    return 0 if result.count("rejected") == 0 else 3


def list_photos(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        rows = services.photos.list_photos(store, resolve_inspection_id(store, args.inspection))
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "sha256": r.sha256,
                    "name": r.original_name,
                    "taken_at": r.taken_at,
                    "lat": r.latitude,
                    "lon": r.longitude,
                    "position_source": r.position_source,
                    "caption": r.caption,
                    "item_id": r.item_id,
                    "finding_id": r.finding_id,
                }
                for r in rows
            ]
        )
        return 0
    print_table(
        ("ID", "NAME", "TAKEN", "POSITION", "CAPTION"),
        [(r.id[:8], r.original_name, local_time(r.taken_at), r.position_source or "", r.caption or "") for r in rows],
    )
    return 0
