"""Helpers for tests that run FieldKit as a user would: in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, data_dir: Path | None = None, drop_root: bool = False, **kw) -> subprocess.CompletedProcess:
    """Run ``python -m fieldkit ARGS`` in a new process and capture its output.

    ``drop_root`` removes root's power to bypass file permissions (CAP_DAC_OVERRIDE), so that
    permission tests mean the same as root (as in CI) and as a normal user.
    """
    cmd = [sys.executable, "-m", "fieldkit"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    cmd += list(args)
    if drop_root and os.geteuid() == 0:
        cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *cmd]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, **kw)
