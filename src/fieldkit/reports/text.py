"""Text for reports in English, Urdu and Chinese: styles, paragraphs, table cells, bilingual blocks.

The report builder calls:

- :func:`paragraph` for a block of plain text (not markup) in ``"en"``, ``"ur"`` or ``"zh"``;
- :func:`cell` for the text of a table cell;
- :func:`bilingual` for the same text in two languages, side by side or one under the other;
- :func:`styles` for the named styles (title, h1, h2, body, small, cell, cell_head) per language;
- :func:`table_style` for tables of cells (it keeps Helvetica out of the PDF).

English and Chinese text without right-to-left characters goes to reportlab's ``Paragraph`` (Chinese
with ``wordWrap="CJK"``); characters its font lacks are set in a fallback font. Urdu, and any text
holding right-to-left characters, is laid out by :mod:`fieldkit.reports.shaping` and drawn line by
line by :class:`ShapedParagraph`, so reportlab never re-breaks or reorders it.

Documents using these fonts should pass ``initialFontName=register_fonts().latin.normal`` to their
doc template: otherwise every page names Helvetica, which is not embedded.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from fieldkit.reports import shaping
from fieldkit.reports.fonts import FontSet, register_fonts
from fieldkit.reports.shaping import FontChain, Line, Run

LANGUAGES = ("en", "ur", "zh")
STYLE_NAMES = ("title", "h1", "h2", "body", "small", "cell", "cell_head")
ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "centre": TA_CENTER, "justify": TA_JUSTIFY}

# Nastaliq stacks letters diagonally: its glyphs reach 1.8 em above the baseline and 0.6 em below
# (bold: 2.0 and 0.7), so lines 2.3 em apart (2.5 for bold) keep words of one line off the next
# (FIELD-NOTES: 2.2-2.5x).
NASTALIQ_LEADING = 2.3
NASTALIQ_BOLD_LEADING = 2.5
NASKH_LEADING = 1.75
CJK_LEADING = 1.5
LATIN_LEADING = 1.3
URDU_MIN_SPACE = 0.25  # em: Nastaliq's own space is too narrow to tell words apart at a glance

# (size, bold, space before, space after) per style; Urdu sizes a point up because Nastaliq's letters
# are small for their point size (its em also has to hold the tall stacks).
_SIZES = {
    "title": (18, True, 0, 8),
    "h1": (14, True, 10, 4),
    "h2": (12, True, 8, 3),
    "body": (10, False, 0, 5),
    "small": (8, False, 0, 3),
    "cell": (9, False, 0, 0),
    "cell_head": (9, True, 0, 0),
}
_URDU_EXTRA = 1


def styles(fonts: FontSet | None = None, *, urdu: str = "nastaliq") -> dict[str, dict[str, ParagraphStyle]]:
    """Named paragraph styles per language: ``styles()["ur"]["body"]``.

    Languages are :data:`LANGUAGES`, names :data:`STYLE_NAMES`. ``urdu="naskh"`` sets Urdu in Noto
    Naskh Arabic, which needs far less line height (for dense tables). Raises ``FontError`` when
    the fonts are missing. The styles are shared: copy one before changing it.
    """
    fonts = fonts or register_fonts()
    return _styles(fonts, urdu)


@lru_cache(maxsize=16)
def _styles(fonts: FontSet, urdu: str) -> dict[str, dict[str, ParagraphStyle]]:
    if urdu not in ("nastaliq", "naskh"):
        raise ValueError(f"urdu must be 'nastaliq' or 'naskh', not {urdu!r}")
    if urdu == "nastaliq":
        urdu_family, urdu_leading = fonts.urdu, (NASTALIQ_LEADING, NASTALIQ_BOLD_LEADING)
    else:
        urdu_family, urdu_leading = fonts.naskh, (NASKH_LEADING, NASKH_LEADING)
    setup = {
        "en": (fonts.latin, (LATIN_LEADING, LATIN_LEADING), 0, TA_LEFT, {}),
        "ur": (urdu_family, urdu_leading, _URDU_EXTRA, TA_RIGHT, {}),
        "zh": (fonts.cjk, (CJK_LEADING, CJK_LEADING), 0, TA_LEFT, {"wordWrap": "CJK"}),
    }
    result: dict[str, dict[str, ParagraphStyle]] = {}
    for lang, (family, (leading, bold_leading), extra, alignment, more) in setup.items():
        result[lang] = {}
        for name, (size, bold, before, after) in _SIZES.items():
            size += extra
            result[lang][name] = ParagraphStyle(
                f"{name}-{lang}",
                fontName=family.pick(bold=bold),
                fontSize=size,
                leading=round(size * (bold_leading if bold else leading), 2),
                alignment=alignment,
                spaceBefore=before,
                spaceAfter=after,
                textColor=colors.black,
                **more,
            )
    return result


def paragraph(
    text: str,
    lang: str,
    style_name: str | ParagraphStyle = "body",
    *,
    align: str | None = None,
    fonts: FontSet | None = None,
) -> Flowable:
    """A flowable setting plain ``text`` in ``lang`` (``"en"``, ``"ur"`` or ``"zh"``).

    ``style_name`` is one of :data:`STYLE_NAMES` or a style from :func:`styles`; ``align`` is
    ``"left"``, ``"right"``, ``"center"`` or ``"justify"`` (default: right for Urdu, left otherwise).
    Urdu reads right to left, except a text with Latin letters and no Urdu ones ("0.62 mg/L" in a
    table cell), which reads left to right (still aligned right). Newlines are line breaks.
    Raises ``ValueError`` for an unknown language, style or alignment and ``FontError`` when the
    fonts are missing.
    """
    fonts = fonts or register_fonts()
    style = _style(fonts, lang, style_name)
    if align is not None:
        if align not in ALIGNMENTS:
            raise ValueError(f"align must be one of {sorted(ALIGNMENTS)}, not {align!r}")
        style = ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=ALIGNMENTS[align])
    text = shaping.clean(text or "")
    if lang == "ur" or shaping.has_rtl(text):
        rtl = lang == "ur" and (shaping.has_rtl(text) or not shaping.has_ltr(text))
        return ShapedParagraph(text, style, _chain(fonts, lang, style.fontName), rtl=rtl, fonts=fonts)
    return Paragraph(_markup(text, style.fontName, _chain(fonts, lang, style.fontName), fonts), style)


def cell(
    text: str,
    lang: str,
    *,
    bold: bool = False,
    align: str | None = None,
    fonts: FontSet | None = None,
) -> Flowable:
    """A table cell's text in ``lang``: wraps to the column width; ``bold`` for headers.

    Give the table explicit column widths (or percentages): a column sized from its content is as
    wide as its longest word only.
    """
    return paragraph(text, lang, "cell_head" if bold else "cell", align=align, fonts=fonts)


def bilingual(
    text_a: str,
    lang_a: str,
    text_b: str,
    lang_b: str,
    *,
    layout: str = "side",
    style_name: str = "body",
    fonts: FontSet | None = None,
) -> Flowable:
    """The same text in two languages: ``layout="side"`` puts ``text_a`` in the left half and
    ``text_b`` in the right (pass English first), ``"stacked"`` puts ``text_b`` under ``text_a``.

    Both split across pages when they are long. Raises ``ValueError`` for an unknown layout.
    """
    first = paragraph(text_a, lang_a, style_name, fonts=fonts)
    second = paragraph(text_b, lang_b, style_name, fonts=fonts)
    if layout == "stacked":
        return Stack([first, second])
    if layout != "side":
        raise ValueError(f"layout must be 'side' or 'stacked', not {layout!r}")
    table = Table([[first, second]], colWidths=["50%", "50%"], splitInRow=1)
    table.setStyle(
        table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 8),
            ("LEFTPADDING", (1, 0), (1, -1), 8),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            fonts=fonts,
        )
    )
    return table


def table_style(*commands: tuple, fonts: FontSet | None = None) -> TableStyle:
    """A ``TableStyle`` for tables of :func:`cell` flowables, followed by ``commands``.

    It names our Latin font as the cells' font (reportlab sets Helvetica on every cell otherwise,
    and Helvetica is not embedded) and aligns cells to the top. Raises ``FontError``.
    """
    fonts = fonts or register_fonts()
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), fonts.latin.normal), ("VALIGN", (0, 0), (-1, -1), "TOP"), *commands]
    )


class ShapedParagraph(Flowable):
    """Text laid out by :func:`fieldkit.reports.shaping.layout` and drawn run by run.

    Each run is a shaped glyph string drawn at its own position, wrapped in a marked-content span
    whose ActualText is the run's logical text: Nastaliq's glyphs have no characters of their own,
    and without it copying or searching the PDF would give private-use codes.

    Of its style it uses fontSize, leading, alignment, textColor, leftIndent, rightIndent,
    spaceBefore, spaceAfter and allowOrphans (fonts come from ``chain``).
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        chain: FontChain,
        *,
        rtl: bool,
        fonts: FontSet,
        lines: Sequence[Line] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.chain = chain
        self.rtl = rtl
        self.fonts = fonts
        # The halves of a split keep their lines: laying them out again could break them differently.
        self._fixed = lines is not None
        self._lines: list[Line] = list(lines or [])
        self._laid_out_for: float | None = None
        self._width = 0.0
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        size = style.fontSize
        # Room above the first line and below the last for what reaches past the line box.
        face = _face(chain.primary)
        ascent, descent = face.ascent * size / 1000, -face.descent * size / 1000
        self._baseline = (style.leading - ascent - descent) / 2 + ascent
        self._pad_top = max(0.0, ascent - self._baseline)
        self._pad_bottom = max(0.0, descent - (style.leading - self._baseline))

    def __repr__(self) -> str:
        return f"ShapedParagraph({self.text[:40]!r}, {self.style.name})"

    @property
    def lines(self) -> list[Line]:
        """The lines of the last layout (after :meth:`wrap`)."""
        return list(self._lines)

    def _layout(self, width: float) -> list[Line]:
        if not self._fixed and width != self._laid_out_for:
            self._lines = shaping.layout(
                self.text, self.chain, self.style.fontSize, width, rtl=self.rtl, covers=self.fonts.covers
            )
            self._laid_out_for = width
        return self._lines

    def _height(self, count: int) -> float:
        return self._pad_top + count * self.style.leading + self._pad_bottom if count else 0.0

    def _text_width(self, avail_width: float) -> float:
        return max(0.0, avail_width - self.style.leftIndent - self.style.rightIndent)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = self._text_width(availWidth)
        lines = self._layout(self._width)
        self.width, self.height = availWidth, self._height(len(lines))
        return self.width, self.height

    def minWidth(self) -> float:
        indents = self.style.leftIndent + self.style.rightIndent
        return indents + shaping.min_width(self.text, self.chain, self.style.fontSize, self.fonts.covers, rtl=self.rtl)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(self._text_width(availWidth))
        fit = int((availHeight - self._pad_top - self._pad_bottom + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if fit < 1 or (fit == 1 and not self.style.allowOrphans):  # no lone first line at a page foot
            return []
        head = ShapedParagraph(self.text, self.style, self.chain, rtl=self.rtl, fonts=self.fonts, lines=lines[:fit])
        tail = ShapedParagraph(self.text, self.style, self.chain, rtl=self.rtl, fonts=self.fonts, lines=lines[fit:])
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        for index, line in enumerate(self._lines):
            y = self.height - self._pad_top - index * style.leading - self._baseline
            for x, run in self._positions(line):
                # Each run in its own graphics state: reportlab can leave the text rise of a
                # Nastaliq glyph set after the run, which would lift the next run off the line.
                canvas.saveState()
                canvas.setFont(run.font, run.size)
                if run.is_space:
                    # A real space glyph: text extraction (poppler) otherwise guesses word breaks
                    # from gaps, and joins some Urdu words.
                    canvas.drawString(x, y, run.glyphs)
                else:
                    canvas.addLiteral(f"/Span <</ActualText <FEFF{run.text.encode('utf-16-be').hex().upper()}>>> BDC")
                    canvas.drawString(x, y, run.glyphs)
                    canvas.addLiteral("EMC")
                canvas.restoreState()
        canvas.restoreState()

    def _positions(self, line: Line) -> Iterator[tuple[float, Run]]:
        """(x, run) for each run of ``line``, aligned within the flowable's width so that the ink of
        glyphs overhanging their advance (Nastaliq's kaf) stays inside it too."""
        before, after = -line.ink_left, line.ink_right - line.width  # overhangs, >= 0
        slack = max(0.0, self._width - line.width - before - after)
        alignment = self.style.alignment
        spaces = [r for r in line.runs if r.is_space]
        if alignment == TA_JUSTIFY and not line.ends_block and spaces:
            stretch, start = slack / len(spaces), before
        else:
            stretch = 0.0
            if alignment == TA_JUSTIFY:
                alignment = TA_RIGHT if self.rtl else TA_LEFT
            start = before + {TA_LEFT: 0.0, TA_CENTER: slack / 2, TA_RIGHT: slack}.get(alignment, 0.0)
        shift = self.style.leftIndent + start
        for run in line.runs:
            yield run.x + shift, run
            if run.is_space:
                shift += stretch


class Stack(Flowable):
    """Flowables one under the other as one flowable (it splits between and inside them)."""

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._sizes = [f.wrapOn(self.canv, availWidth, availHeight) for f in self.flowables]
        self.width = availWidth
        self.height = sum(h for _, h in self._sizes) + self._gaps()
        return self.width, self.height

    def _gaps(self) -> float:
        return sum(max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in itertools.pairwise(self.flowables))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        head: list[Flowable] = []
        used = 0.0
        for index, flowable in enumerate(self.flowables):
            gap = max(head[-1].getSpaceAfter(), flowable.getSpaceBefore()) if head else 0.0
            _, height = flowable.wrapOn(self.canv, availWidth, availHeight - used - gap)
            if used + gap + height <= availHeight:
                head.append(flowable)
                used += gap + height
                continue
            parts = flowable.splitOn(self.canv, availWidth, availHeight - used - gap)
            if parts:
                head.append(parts[0])
                rest = list(parts[1:]) + self.flowables[index + 1 :]
            else:
                rest = self.flowables[index:]
            return [Stack(head), Stack(rest)] if head else []
        return [self]

    def draw(self) -> None:
        y = self.height
        previous = None
        for flowable, (_, height) in zip(self.flowables, self._sizes, strict=True):
            if previous is not None:
                y -= max(previous.getSpaceAfter(), flowable.getSpaceBefore())
            y -= height
            flowable.drawOn(self.canv, 0, y)
            previous = flowable


# -- fonts per language ----------------------------------------------------------------------------


def _style(fonts: FontSet, lang: str, style: str | ParagraphStyle) -> ParagraphStyle:
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    if isinstance(style, ParagraphStyle):
        return style
    if style not in STYLE_NAMES:
        raise ValueError(f"style must be one of {STYLE_NAMES}, not {style!r}")
    return styles(fonts)[lang][style]


def _chain(fonts: FontSet, lang: str, font_name: str) -> FontChain:
    """The fonts for a paragraph in ``lang`` whose style says ``font_name`` (bold or not, Naskh or
    Nastaliq for Urdu)."""
    bold = font_name in (fonts.latin.bold, fonts.urdu.bold, fonts.naskh.bold)
    latin, naskh, cjk = fonts.latin.pick(bold=bold), fonts.naskh.pick(bold=bold), fonts.cjk.pick(bold=bold)
    if lang == "ur":
        urdu = font_name if font_name in (fonts.naskh.normal, fonts.naskh.bold) else fonts.urdu.pick(bold=bold)
        return FontChain(
            urdu,
            arabic=urdu,
            latin=latin,
            cjk=cjk,
            fallbacks=(urdu, naskh, latin, cjk),
            language="ur",
            min_space=URDU_MIN_SPACE,
        )
    # Arabic-script words inside English or Chinese are set in Naskh: Nastaliq would need a line
    # height of 2.3 em that the Latin or Chinese lines do not have.
    if lang == "zh":
        return FontChain(cjk, arabic=naskh, latin=cjk, cjk=cjk, fallbacks=(cjk, latin, naskh), language="zh")
    return FontChain(latin, arabic=naskh, latin=latin, cjk=cjk, fallbacks=(latin, cjk, naskh), language="en")


def _markup(text: str, font_name: str, chain: FontChain, fonts: FontSet) -> str:
    """``text`` as Paragraph markup: escaped, newlines as breaks, and the characters ``font_name``
    lacks wrapped in ``<font>`` tags naming a font that has them."""
    parts: list[str] = []
    current = font_name
    run: list[str] = []

    def flush() -> None:
        if run:
            chunk = escape("".join(run)).replace("\n", "<br/>")
            parts.append(chunk if current == font_name else f'<font name="{current}">{chunk}</font>')
            run.clear()

    for char in text:
        font = font_name
        if not char.isspace() and not fonts.covers(font_name, char):
            font = next((f for f in chain.fallbacks if fonts.covers(f, char)), font_name)
        if font != current:
            flush()
            current = font
        run.append(char)
    flush()
    return "".join(parts)


def _face(font_name: str):
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(font_name).face
