"""The fonts FieldKit prints with, shipped in ``resources/fonts`` and registered with reportlab.

Four families, all TrueType because reportlab embeds TrueType outlines only (CFF fonts such as Noto
Sans CJK fail):

- ``latin``: Noto Sans (regular, bold, italic when shipped);
- ``urdu``: Noto Nastaliq Urdu, the script Urdu readers expect;
- ``naskh``: Noto Naskh Arabic, for Arabic-script characters Nastaliq lacks, and for dense tables;
- ``cjk``: WenQuanYi Micro Hei (face 0 of a .ttc), which has no bold.

:func:`register_fonts` loads them once per folder and returns a :class:`FontSet` naming the
reportlab fonts. The folder is ``resources/fonts`` of the installation, or ``$FIELDKIT_FONTS_DIR``,
or one passed in (tests point it at an empty folder to see the error).
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from fieldkit.errors import FieldKitError
from fieldkit.i18n import translate
from fieldkit.paths import shipped_dir

ENV_FONTS_DIR = "FIELDKIT_FONTS_DIR"

LATIN = "latin"
URDU = "urdu"
NASKH = "naskh"
CJK = "cjk"
SCRIPTS = (LATIN, URDU, NASKH, CJK)


class FontError(FieldKitError):
    """A font FieldKit needs for reports is missing or unreadable."""


@dataclass(frozen=True)
class _FontFile:
    script: str
    weight: str  # "normal", "bold" or "italic"
    file: str
    subfont: int = 0
    required: bool = True


# What a missing file breaks is named in the error, so the roles stay readable here.
_FILES = (
    _FontFile(LATIN, "normal", "NotoSans-Regular.ttf"),
    _FontFile(LATIN, "bold", "NotoSans-Bold.ttf"),
    _FontFile(LATIN, "italic", "NotoSans-Italic.ttf", required=False),
    _FontFile(URDU, "normal", "NotoNastaliqUrdu-Regular.ttf"),
    _FontFile(URDU, "bold", "NotoNastaliqUrdu-Bold.ttf"),
    _FontFile(NASKH, "normal", "NotoNaskhArabic-Regular.ttf"),
    _FontFile(NASKH, "bold", "NotoNaskhArabic-Bold.ttf"),
    # A TrueType collection: face 0 is WenQuanYi Micro Hei, face 1 the monospaced variant.
    _FontFile(CJK, "normal", "wqy-microhei.ttc", subfont=0),
)


@dataclass(frozen=True)
class Family:
    """reportlab font names of one family; ``name`` is registered as a family (``<b>`` works)."""

    name: str
    normal: str
    bold: str
    italic: str

    def pick(self, *, bold: bool = False, italic: bool = False) -> str:
        return self.bold if bold else self.italic if italic else self.normal


@dataclass(frozen=True)
class FontSet:
    """The registered fonts of one folder."""

    folder: Path
    latin: Family
    urdu: Family
    naskh: Family
    cjk: Family

    def family(self, script: str) -> Family:
        """The family for ``script`` (one of :data:`SCRIPTS`); ``KeyError`` for others."""
        return {LATIN: self.latin, URDU: self.urdu, NASKH: self.naskh, CJK: self.cjk}[script]

    def covers(self, font_name: str, char: str) -> bool:
        """Whether the font has a glyph for ``char`` (a single character)."""
        return ord(char) in _char_map(font_name)


def _char_map(font_name: str) -> dict[int, int]:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(font_name).face.charToGlyph


def fonts_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The fonts folder: ``explicit``, else ``$FIELDKIT_FONTS_DIR``, else the shipped one."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_FONTS_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return (shipped_dir("resources") / "fonts").resolve()


_lock = threading.Lock()
_registered: dict[Path, FontSet] = {}


def register_fonts(folder: str | os.PathLike[str] | None = None) -> FontSet:
    """Register the report fonts of ``folder`` (see :func:`fonts_dir`) with reportlab, once.

    Returns the :class:`FontSet` naming them. Raises :class:`FontError` naming the first file that
    is missing or that reportlab cannot read.
    """
    path = fonts_dir(folder)
    with _lock:
        found = _registered.get(path)
        if found is None:
            found = _registered[path] = _register(path)
        return found


def _register(folder: Path) -> FontSet:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    shipped = folder == (shipped_dir("resources") / "fonts").resolve()
    # reportlab keeps one global table of font names: fonts from another folder (tests) get their
    # own names so that they never replace the shipped ones, nor their cached shapes.
    prefix = "FieldKit" if shipped else "FieldKit-" + hashlib.sha1(str(folder).encode()).hexdigest()[:8]
    names: dict[tuple[str, str], str] = {}
    for spec in _FILES:
        path = folder / spec.file
        if not path.is_file():
            if not spec.required:
                continue
            raise FontError(_missing_message(spec, folder, shipped))
        name = f"{prefix}-{Path(spec.file).stem}"
        try:
            font = TTFont(name, str(path), subfontIndex=spec.subfont)
        except Exception as exc:
            # Font parsing fails in many ways (TTFError, struct.error, IndexError on a truncated
            # table, OSError): all mean the same to the user, so they become one clear error.
            raise FontError(
                translate("Reports", "The {role} font {file} in {folder} cannot be read ({reason}): {fix}").format(
                    role=_role(spec.script), file=spec.file, folder=folder, reason=exc, fix=_fix(shipped)
                )
            ) from exc
        pdfmetrics.registerFont(font)
        names[spec.script, spec.weight] = name

    families = {}
    for script in SCRIPTS:
        normal = names[script, "normal"]
        bold = names.get((script, "bold"), normal)
        italic = names.get((script, "italic"), normal)
        family = Family(name=f"{prefix}-{script}", normal=normal, bold=bold, italic=italic)
        pdfmetrics.registerFontFamily(family.name, normal=normal, bold=bold, italic=italic, boldItalic=bold)
        families[script] = family
    return FontSet(folder=folder, **families)


def _role(script: str) -> str:
    # Spelled out so that lupdate finds each name (a dict lookup would hide them).
    names = {
        LATIN: translate("Reports", "Latin"),
        URDU: translate("Reports", "Urdu"),
        NASKH: translate("Reports", "Urdu (Naskh)"),
        CJK: translate("Reports", "Chinese"),
    }
    return names[script]


def _fix(shipped: bool) -> str:
    if shipped:
        return translate("Reports", "reinstall FieldKit.")
    return translate("Reports", "point {env} at a folder with FieldKit's fonts, or unset it.").format(env=ENV_FONTS_DIR)


def _missing_message(spec: _FontFile, folder: Path, shipped: bool) -> str:
    return translate("Reports", "The {role} font {file} is missing from {folder}: {fix}").format(
        role=_role(spec.script), file=spec.file, folder=folder, fix=_fix(shipped)
    )
