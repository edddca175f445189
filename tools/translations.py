"""Refresh the interface catalogues: pyside6-lupdate (sources -> .ts), then pyside6-lrelease (.ts -> .qm).

Run with ``make translations`` after changing user-visible strings. Translators edit the .ts files
(Qt Linguist, or any XML editor); existing translations are kept by lupdate, new strings arrive
marked unfinished. Both the .ts and the compiled .qm files are committed, so that an installed
FieldKit needs no Qt tools.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "fieldkit"
CATALOGUES = ROOT / "resources" / "translations"
LANGUAGES = ("ur", "zh")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (make run sets it up)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py") if "migrations" not in p.parts)


def main() -> int:
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = CATALOGUES / f"fieldkit_{lang}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                lang,
                *sources(),
                "-ts",
                str(ts),
            ],
            check=True,
        )
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
