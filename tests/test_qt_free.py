"""The core never imports Qt: only fieldkit.ui (and the GUI entry point, fieldkit.app) may."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import fieldkit

SRC = Path(fieldkit.__file__).resolve().parent
ALLOWED = ("fieldkit.ui", "fieldkit.app")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(SRC)], prefix="fieldkit."):
        if info.name.startswith(ALLOWED) or ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return sorted(names)


def test_importing_every_core_module_leaves_pyside6_out():
    modules = core_modules()
    assert "fieldkit.store" in modules and "fieldkit.services" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core modules pulled in Qt: {out.stdout}"


def test_store_and_services_import_without_qt():
    code = "import sys, fieldkit.store, fieldkit.services; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_no_core_source_file_mentions_a_qt_import():
    """Also catches imports inside functions, which the import test only sees when they run."""
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        module = ".".join(rel.parts)
        if module.startswith(ALLOWED):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(f"{module}:{node.lineno}")
    assert offenders == []


def test_the_registry_never_imports_qt():
    import fieldkit_registry

    root = Path(fieldkit_registry.__file__).resolve().parent
    names = [
        info.name
        for info in pkgutil.walk_packages([str(root)], prefix="fieldkit_registry.")
        if ".migrations" not in info.name
    ]
    assert "fieldkit_registry.app" in names and "fieldkit_registry.cli" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the registry pulled in Qt: {out.stdout}"
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in mods), path
