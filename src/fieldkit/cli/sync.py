"""``fieldkit sync``, ``sync status``, ``conflicts list|resolve`` and ``bundle export|import``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from fieldkit import services
from fieldkit.cli.output import local_time, print_json, print_table
from fieldkit.errors import ValidationError
from fieldkit.i18n import translate

PASSWORD_ENV = "FIELDKIT_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="sync with the registry (log in when needed)")
    sync.add_argument("--server", metavar="URL", help="the registry's address (default: the last one used)")
    sync.add_argument("--user", metavar="NAME", help="log in as NAME (password from a prompt or $FIELDKIT_PASSWORD)")
    sync.add_argument("--json", action="store_true", help="print the report as JSON (stable keys)")
    sync.set_defaults(handler=run_sync)
    sync_sub = sync.add_subparsers(dest="sync_action", metavar="ACTION")
    status = sync_sub.add_parser("status", help="server, user, last sync, pending changes, conflicts")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=show_status)

    conflicts = sub.add_parser("conflicts", help="records changed both here and on the registry")
    conflicts_sub = conflicts.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = conflicts_sub.add_parser("list", help="open conflicts")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=list_conflicts)
    resolve = conflicts_sub.add_parser("resolve", help="keep this laptop's copy or the registry's")
    resolve.add_argument("id", help="conflict id (or an unambiguous prefix)")
    resolve.add_argument("--keep", choices=("mine", "theirs"), required=True)
    resolve.set_defaults(handler=resolve_conflict)

    bundle = sub.add_parser("bundle", help="sync by file where there is no link")
    bundle_sub = bundle.add_subparsers(dest="action", metavar="ACTION", required=True)
    exp = bundle_sub.add_parser("export", help="write pending changes and their photos to FILE")
    exp.add_argument("file", type=Path)
    exp.add_argument(
        "--user",
        metavar="NAME",
        help="whose changes (default: the logged-in user; another user only without a stored login, unsigned)",
    )
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(handler=export_bundle)
    imp = bundle_sub.add_parser("import", help="apply the registry's reply bundle")
    imp.add_argument("file", type=Path)
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=import_bundle)


def _password(username: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        raise ValidationError(
            translate("Sync", "A password is needed for {user}: run in a terminal or set {env}.").format(
                user=username, env=PASSWORD_ENV
            )
        )
    return getpass.getpass(translate("Sync", "Password for {user}: ").format(user=username))


def _progress_printer(enabled: bool):
    if not enabled:
        return None

    def show(p) -> None:
        if p.bytes_total:
            detail = f"{p.bytes_done / 1e6:.1f}/{p.bytes_total / 1e6:.1f} MB"
        elif p.records_total:
            detail = f"{p.records_done}/{p.records_total}"
        else:
            detail = str(p.records_done or "")
        sys.stderr.write(f"\r\x1b[K{p.message} {detail}")
        sys.stderr.flush()
        if p.phase == "done":
            sys.stderr.write("\r\x1b[K")

    return show


def run_sync(args: argparse.Namespace) -> int:
    from fieldkit.sync.engine import SyncEngine
    from fieldkit.sync.errors import AuthRequired

    with services.open_store(args.data_dir) as store:
        engine = SyncEngine(store, args.server)
        if args.user or not engine.logged_in():
            username = args.user or (store.get_meta("sync_user") or {}).get("username") or store.current_user
            if not username:
                raise ValidationError(translate("Sync", "Say who logs in: --user NAME."))
            engine.login(username, _password(username))
        progress = _progress_printer(sys.stderr.isatty() and not args.json)
        try:
            report = engine.run(progress)
        except AuthRequired:
            username = (store.get_meta("sync_user") or {}).get("username")
            if not username or args.user:
                raise
            engine.login(username, _password(username))  # the token expired or was revoked
            report = engine.run(progress)
    if args.json:
        data = report.as_json()
        data["server"] = engine.server
        print_json(data)
        return 0
    print(
        f"Synced with {engine.server}: sent {report.pushed} (accepted {report.accepted}, conflicts "
        f"{report.conflicts}, rejected {report.rejected}), received {report.pulled}; photos up {report.blobs_up} "
        f"({report.bytes_up / 1e6:.1f} MB), down {report.blobs_down} ({report.bytes_down / 1e6:.1f} MB)."
    )
    for problem in report.problems:
        print(f"  ! {problem}")
    if report.conflicts:
        print("  Conflicts are kept: see `fieldkit conflicts list`.")
    return 0


def show_status(args: argparse.Namespace) -> int:
    from fieldkit.sync.status import sync_status

    with services.open_store(args.data_dir) as store:
        status = sync_status(store)
    if args.json:
        print_json(status.as_json())
        return 0
    print(f"   server: {status.server or '(none)'}")
    print(f"     user: {status.username or '(not logged in)'}")
    print(f"last sync: {local_time(status.last_sync_at) or 'never'}")
    print(f"  pending: {status.pending}")
    if status.outside_scope:
        print(f"  outside: {status.outside_scope} (records of sites not assigned to you: kept here, not sent)")
    print(f"conflicts: {status.conflicts}")
    print(f" rejected: {status.rejected}")
    return 0


def list_conflicts(args: argparse.Namespace) -> int:
    from fieldkit.sync.conflicts import list_conflicts as rows_of

    with services.open_store(args.data_dir) as store:
        rows = rows_of(store)
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    print_table(
        ("ID", "RECORD", "CHANGED THERE BY", "DETECTED"),
        [(r.id[:8], r.label, r.remote_by or "", local_time(r.detected_at)) for r in rows],
    )
    return 0


def resolve_conflict(args: argparse.Namespace) -> int:
    from fieldkit.sync.conflicts import resolve_conflict as resolve

    with services.open_store(args.data_dir) as store:
        changes = resolve(store, args.id, args.keep)
    from fieldkit.sync.conflicts import keep_mine_note

    change = changes.changes[0]
    print(f"Kept {args.keep} for {change.entity} {change.id}")
    if args.keep == "mine" and keep_mine_note(change.entity):
        print(f"  {keep_mine_note(change.entity)}")
    return 0


def export_bundle(args: argparse.Namespace) -> int:
    from fieldkit.sync.bundles import export_bundle as export

    with services.open_store(args.data_dir) as store:
        result = export(store, args.file, username=args.user)
    if not result.signed:
        # One line on stderr (stdout stays the report, or JSON): the bundle is written, but not signed.
        sys.stderr.write(
            translate(
                "Sync",
                "fieldkit: warning: this laptop holds no login to sign the bundle with; the registry accepts it "
                "only if its operator vouches for you (fieldkit-registry bundle import --vouch).",
            )
            + "\n"
        )
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "bundle_id": result.bundle_id,
                "changes": result.changes,
                "blobs": result.blobs,
                "bytes": result.bytes,
                "signed": result.signed,
            }
        )
        return 0
    print(f"Wrote {result.changes} changes and {result.blobs} photos ({result.bytes / 1e6:.1f} MB) to {result.path}")
    return 0


def import_bundle(args: argparse.Namespace) -> int:
    from fieldkit.sync.bundles import import_reply

    with services.open_store(args.data_dir) as store:
        result = import_reply(store, args.file)
    if args.json:
        print_json(result.as_json())
        return 0
    if result.already:
        print(f"{args.file} was imported before; nothing changed.")
        return 0
    print(
        f"Imported {args.file}: accepted {result.accepted}, conflicts {result.conflicts}, rejected "
        f"{result.rejected}, received {result.pulled} records and {result.blobs} photos."
    )
    for problem in result.problems:
        print(f"  ! {problem}")
    return 0
