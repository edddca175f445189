"""Pieces every FieldKit report uses: the report's languages, dates and numbers as printed, fact tables,
section headings, and the page decorations (footer with page x of y, DRAFT watermark)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from fieldkit.checklists.text import LocalText
from fieldkit.reports import catalogue, shaping
from fieldkit.reports.document import FOOTER_SPACE, MARGIN
from fieldkit.reports.fonts import FontSet, register_fonts
from fieldkit.reports.text import cell, paragraph, styles, table_style

LAYOUTS = ("side", "stacked")

INK = colors.HexColor("#1f2933")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef1f4")
RED = colors.HexColor("#b3261e")
RED_TINT = colors.HexColor("#fbe3e1")
AMBER = colors.HexColor("#9a5b00")
AMBER_TINT = colors.HexColor("#fff1d6")
GREEN = colors.HexColor("#1e6b34")

SEVERITY_ORDER = ("critical", "high", "medium", "low")


@dataclass
class Voice:
    """How a report speaks: its languages (``en``, ``ur``, ``zh`` or a bilingual pair) and layout.

    Fixed words come from :mod:`fieldkit.reports.catalogue`; bilingual reports print both languages,
    English first (side by side for paragraphs, one under the other in table cells).
    """

    mode: str = "en"
    layout: str = "stacked"
    fonts: FontSet = field(default_factory=register_fonts)

    def __post_init__(self) -> None:
        self.langs = catalogue.languages(self.mode)
        if self.layout not in LAYOUTS:
            raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {self.layout!r}")
        self.primary = self.langs[0]
        self.styles = styles(self.fonts)

    @property
    def rtl(self) -> bool:
        """Whether the whole report reads right to left (Urdu only)."""
        return self.langs == ("ur",)

    @property
    def align(self) -> str | None:
        """Right for everything in an Urdu report (English names and numbers too); else each script's own."""
        return "right" if self.rtl else None

    def words(self, key: str, lang: str | None = None, **values: Any) -> str:
        return catalogue.text(key, lang or self.primary, **values)

    def all_words(self, key: str, **values: Any) -> str:
        """``key`` in every language of the report, joined with " / " (for short labels)."""
        return " / ".join(dict.fromkeys(catalogue.text(key, lang, **values) for lang in self.langs))

    def say(self, key: str, style: str = "body", **values: Any) -> Flowable | list[Flowable]:
        """The fixed text ``key`` as a paragraph in each language of the report."""
        return self._both([catalogue.text(key, lang, **values) for lang in self.langs], style)

    def local(self, text: LocalText | None, style: str = "body") -> Flowable | list[Flowable]:
        """Text from a template (its own translations), in each language of the report."""
        if text is None:
            return []
        return self._both([text.get(lang) for lang in self.langs], style)

    def _both(self, texts: list[str], style: str) -> Flowable | list[Flowable]:
        # Headings side by side: stacked, they would take twice the room.
        layout = "side" if style in ("title", "h1", "h2") else self.layout
        if len(texts) == 1 or texts[0] == texts[1]:
            lang = self.langs[0] if self.langs[0] != "ur" or shaping.has_rtl(texts[0]) else "en"
            return paragraph(texts[0], lang, style, align=self.align, fonts=self.fonts)
        first, second = (
            paragraph(t, lang if lang != "ur" or shaping.has_rtl(t) else "en", style, fonts=self.fonts)
            for t, lang in zip(texts, self.langs, strict=True)
        )
        if layout == "side" and style not in ("cell", "cell_head", "small"):
            table = Table([[first, second]], colWidths=["50%", "50%"], splitInRow=1)
            table.setStyle(table_style(*_TIGHT, ("RIGHTPADDING", (0, 0), (0, -1), 8), fonts=self.fonts))
            return table
        return [first, second]

    def each(self, make: Callable[[str], str], style: str = "cell", *, colour: Any = None) -> Flowable | list[Flowable]:
        """``make(lang)`` for each language of the report, one paragraph each (once when they agree)."""
        return self.paragraphs([make(lang) for lang in self.langs], style, colour=colour)

    def paragraphs(self, texts: list[str], style: str = "cell", *, colour: Any = None) -> list[Flowable]:
        """One paragraph per language for ``texts`` (in the report's languages), skipping repeats."""
        out = []
        for text, lang in dict(zip(texts, self.langs, strict=True)).items():
            if not text:
                continue
            use = lang if lang != "ur" or shaping.has_rtl(text) else "en"
            base = self.styles[use][style]
            if colour is not None:
                base = ParagraphStyle(f"{base.name}-c", parent=base, textColor=colour)
            out.append(paragraph(text, use, base, align=self.align, fonts=self.fonts))
        return out or [paragraph("", self.primary, style, fonts=self.fonts)]

    def label(self, key: str, **values: Any) -> Flowable | list[Flowable]:
        """A table header or label cell."""
        return self.say(key, "cell_head", **values)

    def value(self, key: str, **values: Any) -> Flowable | list[Flowable]:
        return self.say(key, "cell", **values)

    def free(self, text: str | None, style: str = "body") -> Flowable:
        """Text someone typed (a comment, a description): set in the script it is written in."""
        text = text or ""
        return paragraph(text, self._cell_lang(text), style, align=self.align, fonts=self.fonts)

    def cell(self, text: str | None, *, bold: bool = False, colour: Any = None) -> Flowable:
        lang = self._cell_lang(text or "")
        if colour is None:
            return cell(text or "", lang, bold=bold, align=self.align, fonts=self.fonts)
        base = self.styles[lang]["cell_head" if bold else "cell"]
        style = ParagraphStyle(f"{base.name}-{colour}", parent=base, textColor=colour)
        return paragraph(text or "", lang, style, align=self.align, fonts=self.fonts)

    def _cell_lang(self, text: str) -> str:
        """The script ``text`` is written in: Urdu, Chinese (any CJK character) or Latin."""
        if shaping.has_rtl(text):
            return "ur"
        return "zh" if any(shaping.char_class(c) == "cjk" for c in text) else "en"

    def row(self, cells: Sequence[Any]) -> list[Any]:
        """A table row in reading order: reversed for an Urdu report."""
        return list(reversed(cells)) if self.rtl else list(cells)

    def widths(self, widths: Sequence[float]) -> list[float]:
        return list(reversed(widths)) if self.rtl else list(widths)

    def col(self, index: int, count: int) -> int:
        """The column index of logical column ``index`` in a table of ``count`` columns."""
        return count - 1 - index if self.rtl else index


_TIGHT = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
)


# -- dates and numbers --------------------------------------------------------------------------------


def when(value: datetime | date | None) -> str:
    """A moment as printed: local time with its UTC offset, so that nobody has to guess the zone."""
    if value is None:
        return "–"
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value
        offset = local.strftime("%z")
        zone = f" UTC{offset[:3]}:{offset[3:]}" if offset else ""
        return local.strftime("%Y-%m-%d %H:%M") + zone
    return value.isoformat()


def day(value: datetime | date | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        value = (value.astimezone() if value.tzinfo else value).date()
    return value.isoformat()


def number(value: float) -> str:
    return f"{value:.6g}"


def duration(seconds: float | None, voice: Voice, lang: str | None = None) -> str:
    if not seconds:
        return "–"
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return voice.words("hours_minutes", lang, hours=hours, minutes=minutes)
    return voice.words("minutes", lang, minutes=minutes)


def latlon(lat: float | None, lon: float | None) -> str:
    if lat is None or lon is None:
        return "–"
    return f"{lat:.5f}, {lon:.5f}"


# -- blocks -------------------------------------------------------------------------------------------


def heading(voice: Voice, key: str, level: str = "h1", **values: Any) -> Flowable | list[Flowable]:
    return voice.say(key, level, **values)


def facts(voice: Voice, rows: Sequence[tuple[str, Any]], width: float) -> Table:
    """A two-column table of labelled facts: (catalogue key, value text or flowable)."""
    data = []
    for key, value in rows:
        shown = value if isinstance(value, Flowable | list) else voice.cell(str(value) if value is not None else "–")
        data.append(voice.row([voice.label(key), shown]))
    table = Table(data, colWidths=voice.widths([0.3 * width, 0.7 * width]), splitInRow=1)
    label_col = voice.col(0, 2)
    table.setStyle(
        table_style(
            ("BACKGROUND", (label_col, 0), (label_col, -1), SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            fonts=voice.fonts,
        )
    )
    return table


def grid(voice: Voice, header: Sequence[Any], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    """A table with a repeated, shaded header row; cells are text or flowables (in logical order)."""

    def shown(value: Any) -> Any:
        return value if isinstance(value, Flowable | list) else voice.cell(str(value))

    data = [voice.row([shown(h) for h in header])] + [voice.row([shown(v) for v in r]) for r in rows]
    table = Table(data, colWidths=voice.widths(widths), repeatRows=1, splitInRow=1)
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            fonts=voice.fonts,
        )
    )
    return table


# -- page decorations ---------------------------------------------------------------------------------


def footer(
    voice: Voice, record: str, short_hash: str | None, label: str = "record"
) -> Callable[[Canvas, int, int], None]:
    """Draws "Page x of y", the record id and the content hash at the foot of each page."""
    width, _ = A4

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        top = MARGIN + FOOTER_SPACE - 4 * mm
        canvas.line(MARGIN, top, width - MARGIN, top)
        lang = voice.primary
        parts = [voice.words(label, id=record)]
        if short_hash:
            parts.append(voice.words("content_hash", hash=short_hash))
        inner = width - 2 * MARGIN
        ids = paragraph("  ·  ".join(parts), lang, "small", align="right" if voice.rtl else "left", fonts=voice.fonts)
        pages_text = voice.words("page_of", page=page, pages=pages)
        numbers = paragraph(pages_text, lang, "small", align="left" if voice.rtl else "right", fonts=voice.fonts)
        for flowable in (ids, numbers):
            _, h = flowable.wrapOn(canvas, inner, FOOTER_SPACE)
            flowable.drawOn(canvas, MARGIN, top - 2 - h)
        canvas.restoreState()

    return draw


def watermark(voice: Voice) -> Callable[[Canvas], None]:
    """A pale, diagonal DRAFT across the page (in the report's languages)."""
    width, height = A4
    text = voice.all_words("draft")

    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        flowable = paragraph(text, voice.primary, _watermark_style(voice), align="center", fonts=voice.fonts)
        w, h = flowable.wrapOn(canvas, height, height)
        flowable.drawOn(canvas, -w / 2, -h / 2)
        canvas.restoreState()

    return draw


def _watermark_style(voice: Voice) -> ParagraphStyle:
    base = voice.styles[voice.primary]["title"]
    return ParagraphStyle(
        "watermark",
        parent=base,
        fontSize=90,
        leading=base.leading / base.fontSize * 90,
        textColor=colors.Color(0.8, 0.1, 0.1, alpha=0.13),
    )
