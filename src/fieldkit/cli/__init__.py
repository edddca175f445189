"""The ``fieldkit`` command: the desktop app (no arguments, or ``gui``) and commands for scripts.

Errors a user can act on are printed to stderr as one line and exit 1; usage errors exit 2.
``--json`` outputs are stable: scripts rely on their keys (see README).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from fieldkit import __version__
from fieldkit.cli import basics, forms, photos, reports, sync, tracks
from fieldkit.errors import FieldKitError
from fieldkit.logs import log_path, setup_logging
from fieldkit.paths import resolve_data_dir

log = logging.getLogger("fieldkit.cli")

#: Modules that add sub-commands: each has ``register(subparsers)``.
COMMAND_MODULES = (basics, forms, tracks, photos, reports, sync)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldkit",
        description="Field inspections for mine sites: run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"fieldkit {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder holding the local store (default: $FIELDKIT_DATA_DIR, else the per-user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    data_dir = resolve_data_dir(args.data_dir)
    args.data_dir = data_dir
    setup_logging(data_dir)
    try:
        return int(args.handler(args) or 0)
    except FieldKitError as exc:
        print(f"fieldkit: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("fieldkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the user, the traceback in the log
        log.exception("unexpected error in %s", args.command)
        print(
            f"fieldkit: internal error: {exc.__class__.__name__}: {exc} (details in {log_path(data_dir)})",
            file=sys.stderr,
        )
        return 1
