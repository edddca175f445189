"""The shipped fonts, their licences, and what happens when one is missing or broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldkit.errors import FieldKitError
from fieldkit.paths import shipped_dir
from fieldkit.reports.fonts import ENV_FONTS_DIR, FontError, fonts_dir, register_fonts
from fieldkit.reports.text import paragraph

SHIPPED = shipped_dir("resources") / "fonts"
FONT_FILES = [
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoNastaliqUrdu-Regular.ttf",
    "NotoNastaliqUrdu-Bold.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "wqy-microhei.ttc",
]


def test_every_font_is_shipped_small_enough_and_listed_with_its_licence():
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    for name in FONT_FILES:
        path = SHIPPED / name
        assert path.is_file(), name
        assert path.stat().st_size < 10 * 1024 * 1024, name
        assert name in readme, f"{name} is not in resources/fonts/README.md"
    assert "SIL Open Font License" in (SHIPPED / "OFL.txt").read_text(encoding="utf-8")
    assert "Apache License" in (SHIPPED / "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")
    assert "Font exception" in (SHIPPED / "LICENSE-WenQuanYi.txt").read_text(encoding="utf-8")


def test_the_shipped_fonts_register_as_families():
    fonts = register_fonts()
    assert fonts.folder == SHIPPED.resolve()
    assert fonts.latin.bold != fonts.latin.normal
    assert fonts.urdu.bold != fonts.urdu.normal
    assert fonts.cjk.bold == fonts.cjk.normal  # WenQuanYi Micro Hei has no bold
    assert fonts.covers(fonts.urdu.normal, "ے")
    assert fonts.covers(fonts.cjk.normal, "铅")
    assert not fonts.covers(fonts.latin.normal, "铅")
    assert register_fonts() is fonts  # registered once


def test_an_empty_fonts_folder_gives_an_error_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_FONTS_DIR, str(tmp_path))
    assert fonts_dir() == tmp_path.resolve()
    with pytest.raises(FontError, match=r"NotoSans-Regular\.ttf is missing from") as caught:
        paragraph("Water", "en")
    assert isinstance(caught.value, FieldKitError)
    assert str(tmp_path) in str(caught.value)
    assert ENV_FONTS_DIR in str(caught.value)


def test_a_missing_urdu_font_is_named(tmp_path):
    for name in FONT_FILES:
        if name != "NotoNastaliqUrdu-Regular.ttf":
            shutil.copy(SHIPPED / name, tmp_path / name)
    with pytest.raises(FontError, match=r"The Urdu font NotoNastaliqUrdu-Regular\.ttf is missing from"):
        register_fonts(tmp_path)


def test_an_unreadable_font_is_named(tmp_path):
    for name in FONT_FILES:
        shutil.copy(SHIPPED / name, tmp_path / name)
    (tmp_path / "wqy-microhei.ttc").write_bytes(b"ttcf" + b"\0" * 40)
    with pytest.raises(FontError, match=r"The Chinese font wqy-microhei\.ttc in .* cannot be read"):
        register_fonts(tmp_path)


def test_the_optional_italic_may_be_missing(tmp_path):
    for name in FONT_FILES:
        if name != "NotoSans-Italic.ttf":
            shutil.copy(SHIPPED / name, tmp_path / name)
    fonts = register_fonts(tmp_path)
    assert fonts.latin.italic == fonts.latin.normal
    # Fonts from another folder get their own names: the shipped ones stay registered as they were.
    assert fonts.latin.normal != register_fonts().latin.normal


def test_fonts_dir_prefers_an_explicit_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_FONTS_DIR, str(tmp_path / "env"))
    assert fonts_dir(tmp_path) == tmp_path.resolve()
    assert fonts_dir() == (tmp_path / "env").resolve()
    monkeypatch.delenv(ENV_FONTS_DIR)
    assert fonts_dir() == Path(SHIPPED).resolve()
