"""Build small PDFs with reportlab and read them back with poppler (pdffonts, pdftotext, pdftoppm)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from fieldkit.reports.fonts import register_fonts

MARGIN = 20 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdffonts", "pdftotext", "pdftoppm")), reason="poppler-utils not installed"
)


def build(path: Path, story: Sequence[Flowable]) -> Path:
    """Lay ``story`` out on A4 pages with 20 mm margins; the first flowable starts at the frame top."""
    # Our Latin font as the canvas's initial font: reportlab's default (Helvetica) is never embedded.
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        initialFontName=register_fonts().latin.normal,
    )
    # SimpleDocTemplate's frame has 6 pt of padding on every side.
    doc.build(list(story))
    return path


FRAME_LEFT = MARGIN + 6
FRAME_TOP = MARGIN + 6  # from the top of the page
FRAME_INNER_WIDTH = FRAME_WIDTH - 12


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool
    subset: bool


def fonts(pdf: Path) -> list[Font]:
    """The fonts ``pdffonts`` lists (every font a page refers to)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    result = []
    for line in out.splitlines()[2:]:
        # name type... encoding emb sub uni object gen: the type may hold spaces, so read from the end.
        parts = line.split()
        emb, sub = parts[-5], parts[-4]
        result.append(Font(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes"))
    return result


def text(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    y0: float  # from the top of the page, as poppler gives it
    x1: float
    y1: float

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


_PAGE = re.compile(r"<page\b")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def words(pdf: Path) -> list[Word]:
    """Every word with its box (``pdftotext -bbox``): for right-to-left text the most reliable
    output, as each word is one run carrying its logical text as ActualText."""
    out = text(pdf, "-bbox")
    result = []
    for number, page in enumerate(_PAGE.split(out)[1:], start=1):
        for m in _WORD.finditer(page):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            result.append(Word(html.unescape(m.group(5)), number, x0, y0, x1, y1))
    return result


def lines_of(found: Sequence[Word], tolerance: float) -> list[list[Word]]:
    """Words grouped into lines (centres within ``tolerance`` points), top line first, each line's
    words from left to right."""
    lines: list[list[Word]] = []
    for word in sorted(found, key=lambda w: (w.page, w.cy)):
        if lines and lines[-1][0].page == word.page and abs(lines[-1][0].cy - word.cy) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def render(pdf: Path, out_prefix: Path, dpi: int = 100, page: int = 1) -> Image.Image:
    """Page ``page`` of ``pdf`` as a greyscale image (``pdftoppm -png``)."""
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(out_prefix),
        ],
        check=True,
    )
    return Image.open(out_prefix.with_suffix(".png")).convert("L")


def ink_rows(image: Image.Image, box: tuple[int, int, int, int], threshold: int = 160) -> list[int]:
    """The rows (in page pixels) inside ``box`` (left, top, right, bottom) that hold dark pixels."""
    crop = image.crop(box)
    width, height = crop.size
    data = crop.load()
    return [box[1] + y for y in range(height) if any(data[x, y] < threshold for x in range(width))]


def ink_box(image: Image.Image, threshold: int = 160) -> tuple[int, int, int, int] | None:
    """The smallest box holding every dark pixel of the page, or None for a blank page."""
    mask = image.point(lambda v: 255 if v < threshold else 0)
    return mask.getbbox()
