"""The GUI entry point: checks that a display exists, then hands over to :mod:`fieldkit.ui`.

Kept apart from ``fieldkit.ui`` so that the check runs before Qt is imported: without a display
Qt aborts the process with a long message about platform plugins; we say it in one line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def display_problem() -> str | None:
    """Why no window can be opened here, or ``None`` when one can (or when we cannot tell)."""
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display: DISPLAY and WAYLAND_DISPLAY are unset. Run FieldKit on a desktop, under "
        "xvfb-run, or with QT_QPA_PLATFORM=offscreen."
    )


def main(data_dir: Path, lang: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(f"fieldkit: {problem}", file=sys.stderr)
        return 2
    from fieldkit.ui.application import run

    return run(data_dir, lang=lang)
