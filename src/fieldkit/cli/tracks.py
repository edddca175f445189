"""``fieldkit tracks import|export|list`` and ``fieldkit sites boundary``."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldkit import services
from fieldkit.cli.output import local_time, print_json, print_table, resolve_inspection_id


def register(sub: argparse._SubParsersAction) -> None:
    tracks = sub.add_parser("tracks", help="GPS tracks")
    tracks_sub = tracks.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = tracks_sub.add_parser("import", help="import a GPX file or an NMEA log (all or nothing)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--inspection", metavar="ID", help="attach the tracks to this inspection")
    imp.add_argument("--json", action="store_true", help="print the result as JSON (stable keys)")
    imp.set_defaults(handler=import_tracks)
    exp = tracks_sub.add_parser("export", help="write a track as .gpx, .geojson, .kml or .csv")
    exp.add_argument("id")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.set_defaults(handler=export_track)
    ls = tracks_sub.add_parser("list", help="tracks in the store")
    ls.add_argument("--inspection", metavar="ID")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=list_tracks)


def _progress_printer(enabled: bool):
    import sys

    last = [-1]

    def show(share: float) -> None:
        percent = int(share * 100)
        if enabled and percent // 10 != last[0] // 10:
            last[0] = percent
            print(f"\rreading… {percent}%", end="", file=sys.stderr, flush=True)

    return show


def import_tracks(args: argparse.Namespace) -> int:
    import sys

    with services.open_store(args.data_dir) as store:
        inspection_id = resolve_inspection_id(store, args.inspection) if args.inspection else None
        interactive = sys.stderr.isatty() and not args.json
        result = services.tracks.import_track_file(
            store, args.file, inspection_id, progress=_progress_printer(interactive)
        )
        if interactive:
            print(file=sys.stderr)
    if args.json:
        print_json(result.as_json())
        return 0
    for track in result.tracks:
        segments = len(track.segments)
        print(
            f"{track.id[:8]}  {track.kind:<5}  {track.name or '(no name)'}: {track.points} points in {segments} "
            f"segment{'s' if segments != 1 else ''}, {track.distance_m / 1000:.2f} km"
        )
    print(f"{result.waypoints} waypoints")
    return 0


def _resolve_track(store, prefix: str) -> str:
    from fieldkit.errors import NotFoundError

    matches = [t.id for t in services.tracks.list_tracks(store) if t.id.startswith(prefix.lower())]
    if len(matches) == 1:
        return matches[0]
    raise NotFoundError(
        f"No track with id {prefix}." if not matches else f"The id {prefix} matches {len(matches)} tracks."
    )


def export_track(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        path = services.tracks.export_track(store, _resolve_track(store, args.id), args.output)
    print(f"Wrote {path}")
    return 0


def list_tracks(args: argparse.Namespace) -> int:
    with services.open_store(args.data_dir) as store:
        inspection_id = resolve_inspection_id(store, args.inspection) if args.inspection else None
        tracks = services.tracks.list_tracks(store, inspection_id)
    if args.json:
        print_json([t.as_json() for t in tracks])
        return 0
    print_table(
        ("ID", "KIND", "NAME", "POINTS", "KM", "START"),
        [(t.id[:8], t.kind, t.name, t.points, f"{t.distance_m / 1000:.2f}", local_time(t.started_at)) for t in tracks],
    )
    return 0
