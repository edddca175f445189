"""The interface catalogues: compiled files match their sources, placeholders survive translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fieldkit.paths import shipped_dir

CATALOGUES = sorted((shipped_dir("resources") / "translations").glob("fieldkit_*.ts"))
PLACEHOLDER = re.compile(r"\{[a-z_]+(?:![rs])?\}")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_translations_keep_every_placeholder(ts: Path):
    bad = []
    for context, source, translation in _messages(ts):
        if translation is None or not translation.text:
            continue
        if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation.text)):
            bad.append(f"{context}: {source!r}")
    assert bad == []


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_compiled_catalogue_is_up_to_date(ts: Path, tmp_path: Path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run `make translations`"


def test_there_are_urdu_and_chinese_catalogues():
    assert {p.stem for p in CATALOGUES} >= {"fieldkit_ur", "fieldkit_zh"}
