"""Our own line layout for text reportlab cannot set alone: Urdu, and any text mixing directions.

reportlab 5.1 shapes Nastaliq with harfbuzz, but without ``rlbidi`` (not on PyPI) it has no
bidirectional reordering, and reversing a whole paragraph puts its first words on its last line.
So this module does, for one paragraph:

1. split the text into words (and each CJK character into its own breakable unit), and pick a font
   for each character: Arabic script, CJK and Latin each get their font, punctuation follows its
   neighbours, and a character the chosen font lacks goes to the first fallback that has it;
2. measure each unit as harfbuzz shapes it, and break lines greedily in *logical* order; a unit
   wider than the line is cut between clusters;
3. for each line, resolve the Unicode bidi embedding levels (python-bidi) and reorder the runs of
   equal level and font (rule L2), so an Urdu line reads right to left while "mg/L" and "0.62"
   inside it stay left to right;
4. shape each run with harfbuzz in the direction of its level (odd: right to left, which also
   mirrors brackets) and return positioned runs that a flowable draws as they are.

Nothing here draws: :mod:`fieldkit.reports.text` does.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import uharfbuzz
from bidi import algorithm as bidi_algorithm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

# Bidi format characters we do not honour: they are invisible, and the bidi implementation we use
# (python-bidi's, UAX #9 without isolates) would misplace the levels around them.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# Other control characters would reach the PDF as .notdef boxes or break reportlab's escaping.
_CONTROLS = {c: None for c in range(0x20) if c not in (0x09, 0x0A)} | {0x7F: None} | _BIDI_CONTROLS
_SPACE = re.compile(r"[^\S\n\u00a0\u202f]+")  # breakable white space; no-break spaces stay in words

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x2E80, 0x2FDF),
    (0x3000, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)
# CJK punctuation that must not begin a line: it stays glued to the character before it.
_CJK_NO_BREAK_BEFORE = set("，。、；：？！）」』】〕〉》”’…・ー々〜％")
_CJK_NO_BREAK_AFTER = set("（「『【〔〈《“‘")

ARABIC, CJK, LATIN, NEUTRAL = "arabic", "cjk", "latin", "neutral"
_STRENGTH = {"L": "L", "R": "R", "AL": "R", "EN": "N", "AN": "N"}  # bidi classes that fix a direction

Covers = Callable[[str, str], bool]
"""``covers(font_name, char)``: whether a font has a glyph for a character."""


@dataclass(frozen=True)
class FontChain:
    """Which reportlab font draws which characters of a paragraph.

    ``arabic``, ``cjk`` and ``latin`` draw their scripts; ``primary`` draws spaces and text with no
    script of its own; ``fallbacks`` are tried in order for a character the chosen font lacks.
    ``language`` is the BCP 47 tag given to harfbuzz (Urdu picks Urdu forms of the digits 4, 6, 7).
    ``min_space`` widens a font's narrow space (Nastaliq's is 0.13 em, less than the gaps inside
    Urdu words after letters that do not join).
    """

    primary: str
    arabic: str
    latin: str
    cjk: str
    fallbacks: tuple[str, ...]
    language: str | None = None
    min_space: float = 0.0  # the narrowest space between words, in em

    def for_class(self, kind: str) -> str:
        return {ARABIC: self.arabic, CJK: self.cjk, LATIN: self.latin}.get(kind, self.primary)


@dataclass(frozen=True)
class Run:
    """A piece of a laid-out line: ``glyphs`` (a reportlab ``ShapedStr``) drawn at ``x`` (points
    from the line's left end) in ``font`` at ``size``; ``text`` is its logical text, which the PDF
    carries as ActualText so that copying and searching see Urdu letters, not glyph codes.
    ``ink_left`` and ``ink_right`` are where its outlines start and end, from ``x``."""

    x: float
    width: float
    text: str
    glyphs: str
    font: str
    size: float
    ink_left: float = 0.0
    ink_right: float = 0.0

    @property
    def is_space(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Line:
    """One line, runs in visual order (left to right). ``ends_block`` is true for the last line of
    the paragraph and before a hard line break (such lines are not justified). ``ink_left`` and
    ``ink_right`` are where its glyphs' outlines start and end, from the line's left end: they
    pass the advance widths (0..``width``) when a glyph overhangs."""

    runs: tuple[Run, ...]
    width: float
    ends_block: bool
    ink_left: float = 0.0
    ink_right: float = 0.0

    @property
    def text(self) -> str:
        """The runs' logical text in visual order (for tests and debugging)."""
        return "".join(r.text for r in self.runs)


@dataclass
class _Unit:
    """A breakable unit: a word, or one CJK character, with the font of each character."""

    text: str
    fonts: Sequence[str]
    space_before: bool
    width: float = 0.0
    advances: list[float] = field(default_factory=list)
    overhang_left: float = 0.0  # how far ink reaches past the unit's advance, on each side
    overhang_right: float = 0.0


@lru_cache(maxsize=4096)
def char_class(char: str) -> str:
    """ARABIC, CJK, LATIN (letters and digits of other scripts) or NEUTRAL (punctuation, spaces,
    marks), which decides the font of a character."""
    code = ord(char)
    if any(lo <= code <= hi for lo, hi in _ARABIC_RANGES):
        return ARABIC
    if any(lo <= code <= hi for lo, hi in _CJK_RANGES):
        return CJK if unicodedata.category(char)[0] in "LNP" else NEUTRAL
    bidi = unicodedata.bidirectional(char)
    if bidi in ("R", "AL", "AN"):
        return ARABIC
    if bidi in ("L", "EN"):
        return LATIN
    return NEUTRAL


def clean(text: str) -> str:
    """``text`` without control characters (tabs and newlines kept) and bidi embeddings."""
    return text.translate(_CONTROLS)


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a right-to-left character (which reportlab alone would set backwards)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in text)


def has_ltr(text: str) -> bool:
    """Whether ``text`` has a strong left-to-right character (a Latin or CJK letter)."""
    return any(unicodedata.bidirectional(c) == "L" for c in text)


def layout(
    text: str,
    chain: FontChain,
    size: float,
    width: float,
    *,
    rtl: bool,
    covers: Covers,
) -> list[Line]:
    """Break ``text`` into lines no wider than ``width`` points and lay each out in visual order.

    ``rtl`` is the paragraph direction (Urdu: true). ``covers(font, char)`` says whether a font has
    a glyph. A newline in ``text`` is a hard break; an empty text gives no lines. A unit wider than
    ``width`` on its own is cut between characters, so every line fits unless one character does not.
    Characters no font has are drawn as the primary font's missing-glyph box.
    """
    lines: list[Line] = []
    # Blank lines inside the text are kept; white space around it is not.
    blocks = clean(text).strip().split("\n")
    if blocks == [""]:
        return lines
    space = _space_width(chain, size, rtl)
    for block in blocks:
        units = list(_units(block, chain, covers))
        if not units:
            lines.append(Line((), 0.0, True))
            continue
        pieces: list[_Unit] = []
        for unit in units:
            _measure(unit, size, chain.language, rtl)
            pieces += _fit(unit, width, size, chain.language, rtl)
        start = 0
        while start < len(pieces):
            count = _take(pieces, start, width, space, rtl)
            line = _arrange(pieces[start : start + count], chain, size, rtl, ends_block=start + count == len(pieces))
            # Units are measured alone, lines shaped run by run: kerning across a change of direction
            # inside a word can make a line a little wider than its units said. Then it gives its
            # last unit to the next line.
            while count > 1 and line.ink_right - line.ink_left > width + 1e-6:
                count -= 1
                line = _arrange(pieces[start : start + count], chain, size, rtl, ends_block=False)
            lines.append(line)
            start += count
    return lines


def min_width(text: str, chain: FontChain, size: float, covers: Covers, *, rtl: bool) -> float:
    """The width of the widest unbreakable unit of ``text``: the narrowest useful column."""
    widest = 0.0
    for block in clean(text).split("\n"):
        for unit in _units(block, chain, covers):
            _measure(unit, size, chain.language, rtl)
            widest = max(widest, unit.width + unit.overhang_left + unit.overhang_right)
    return widest


# -- fonts and units -------------------------------------------------------------------------------


def _units(block: str, chain: FontChain, covers: Covers) -> Iterator[_Unit]:
    for word in _SPACE.split(block):
        if not word:
            continue
        fonts = _fonts_for(word, chain, covers)
        start = 0
        for cut in _cjk_cuts(word):
            yield _Unit(word[start:cut], fonts[start:cut], space_before=start == 0)
            start = cut
        yield _Unit(word[start:], fonts[start:], space_before=start == 0)


def _cjk_cuts(word: str) -> Iterator[int]:
    """Places inside ``word`` where a line may break: around CJK characters (which have no spaces)."""
    for i in range(1, len(word)):
        before, after = word[i - 1], word[i]
        if after in _CJK_NO_BREAK_BEFORE or before in _CJK_NO_BREAK_AFTER or _joins(after):
            continue
        if char_class(before) == CJK or char_class(after) == CJK:
            yield i


def _joins(char: str) -> bool:
    """Whether ``char`` belongs to the character before it (a mark, a joiner, a variation selector)."""
    return unicodedata.combining(char) > 0 or unicodedata.category(char) in ("Mn", "Me", "Cf")


@lru_cache(maxsize=20_000)  # reports repeat their words; the chain and covers are hashable
def _fonts_for(word: str, chain: FontChain, covers: Covers) -> tuple[str, ...]:
    kinds = [char_class(c) for c in word]
    # Punctuation and marks take the script of the nearest letter before them (after them at the
    # start of a word), so "(mg/L)" stays in one font and a mark stays with its letter.
    strong = [k for k in kinds if k != NEUTRAL]
    current = strong[0] if strong else NEUTRAL
    fonts = []
    for char, kind in zip(word, kinds, strict=True):
        if kind != NEUTRAL:
            current = kind
        font = chain.for_class(current)
        if not covers(font, char) and not char.isspace():
            font = next((f for f in (*chain.fallbacks, chain.primary) if covers(f, char)), font)
        fonts.append(font)
    return tuple(fonts)


def _runs_of(keys: Sequence[object]) -> Iterator[tuple[int, int]]:
    """(start, end) of the stretches of equal keys."""
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            yield start, i
            start = i


def _space_width(chain: FontChain, size: float, rtl: bool) -> float:
    return max(shape(" ", chain.primary, size, rtl, chain.language).width, chain.min_space * size)


def _measure(unit: _Unit, size: float, language: str | None, rtl: bool) -> None:
    advances: list[float] = []
    left = right = 0.0
    # Shape the unit in the runs it will be drawn in: by font, and by direction where it mixes
    # directions ("SDK-01", "Y«ں"), since kerning does not cross a change of direction.
    strengths = {_STRENGTH.get(unicodedata.bidirectional(c), "") for c in unit.text} - {""}
    levels = bidi_levels(unit.text, rtl) if len(strengths) > 1 else [0] * len(unit.text)
    for start, end in _runs_of(list(zip(unit.fonts, levels, strict=True))):
        piece = unit.text[start:end]
        odd = levels[start] % 2 == 1 if len(strengths) > 1 else has_rtl(piece)
        shaped = shape(piece, unit.fonts[start], size, odd, language)
        advances += shaped.advances
        # Which side of a mixed unit ends up outside is known only once it is ordered: take the
        # largest overhang of its pieces on each side.
        left, right = max(left, -shaped.ink_left), max(right, shaped.ink_right - shaped.width)
    unit.advances = advances
    unit.width = sum(advances)
    unit.overhang_left, unit.overhang_right = left, right


# -- line breaking -----------------------------------------------------------------------------


def _take(pieces: list[_Unit], start: int, width: float, space: float, rtl: bool) -> int:
    """How many of ``pieces`` from ``start`` fit on one line of ``width`` (at least one)."""

    # The first unit of a line stands at its start (the right end for Urdu), the last at its end:
    # their ink may reach past their advance widths, and has to stay inside the line too.
    def start_overhang(unit: _Unit) -> float:
        return unit.overhang_right if rtl else unit.overhang_left

    def end_overhang(unit: _Unit) -> float:
        return unit.overhang_left if rtl else unit.overhang_right

    first = pieces[start]
    used = first.width
    end = start + 1
    while end < len(pieces):
        piece = pieces[end]
        gap = space if piece.space_before else 0.0
        if used + gap + piece.width + start_overhang(first) + end_overhang(piece) > width + 1e-6:
            break
        used += gap + piece.width
        end += 1
    return end - start


def _fit(unit: _Unit, width: float, size: float, language: str | None, rtl: bool) -> list[_Unit]:
    """``unit`` itself, or pieces of it no wider than ``width`` when it is wider (a long code, a
    URL, a run of letters with no space), cut between characters but never before a mark."""
    if _fits(unit, width):
        return [unit]
    text = unit.text
    cuts = [i for i in range(1, len(text)) if not _joins(text[i])] + [len(text)]
    if len(cuts) < 2:
        return [unit]  # one character and its marks: it cannot be cut
    pieces: list[_Unit] = []
    start = 0
    while start < len(text):
        first = bisect.bisect_right(cuts, start)  # the shortest piece: one character with its marks
        # Cut where the advances say, then check by shaping the piece itself: a cut letter takes
        # its final form, which may be wider than the middle form it had in the long word.
        used, guess = 0.0, first
        for i in range(first, len(cuts)):
            used += sum(unit.advances[cuts[i - 1] if i > first else start : cuts[i]])
            if used > width:
                break
            guess = i
        piece = _piece(unit, start, cuts[guess], first=not pieces, size=size, language=language, rtl=rtl)
        while guess > first and not _fits(piece, width):
            guess -= 1
            piece = _piece(unit, start, cuts[guess], first=not pieces, size=size, language=language, rtl=rtl)
        pieces.append(piece)
        start = cuts[guess]
    return pieces


def _fits(unit: _Unit, width: float) -> bool:
    return unit.width + unit.overhang_left + unit.overhang_right <= width + 1e-6


def _piece(unit: _Unit, start: int, end: int, *, first: bool, size: float, language: str | None, rtl: bool) -> _Unit:
    piece = _Unit(unit.text[start:end], unit.fonts[start:end], space_before=unit.space_before and first)
    _measure(piece, size, language, rtl)
    return piece


# -- bidi and runs ---------------------------------------------------------------------------------


# Numbers joined by hyphens, as in ISO dates ("2026-11-10"). Decimals, times and slashed dates need no
# help: "." "," ":" "/" are common separators (CS), which rule W4 keeps between Arabic numbers too.
_LTR_NUMBER = re.compile(r"[0-9]+(?:-[0-9]+)+")
_LRM = "\u200e"


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of each character of one line (UAX #9 up to rule I2).

    Odd levels read right to left. python-bidi's public ``get_display`` only returns the reordered
    string, so this runs the steps of its pure-Python implementation, which keep the levels.

    One departure: after Urdu letters, UAX #9 makes "2026-11-10" Arabic numbers split by neutral
    hyphens (rule W2), so it reads "10-11-2026". A left-to-right mark goes before each such number
    while the levels are resolved, as a careful Urdu typesetter would put one.
    """
    starts = {m.start() for m in _LTR_NUMBER.finditer(text)} if has_rtl(text) else set()
    if not starts:
        return _levels(text, rtl)
    joined = "".join((_LRM + char) if i in starts else char for i, char in enumerate(text))
    levels = _levels(joined, rtl)
    # Drop the levels of the marks we added (the text's own LRMs stay: they are characters of it).
    added = set()
    offset = 0
    for i in range(len(text)):
        if i in starts:
            added.add(i + offset)
            offset += 1
    return [level for index, level in enumerate(levels) if index not in added]


def _levels(text: str, rtl: bool) -> list[int]:
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    bidi_algorithm.get_embedding_levels(text, storage)
    chars = list(storage["chars"])  # rule X9 drops joiners (ZWNJ) from storage: keep them here
    bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    kept = {id(c) for c in storage["chars"]}
    levels = []
    previous = storage["base_level"]
    for char in chars:
        # A removed character takes the level of the one before it (UAX #9, note to rule X9).
        previous = char["level"] if id(char) in kept else previous
        levels.append(previous)
    return levels


def _arrange(units: list[_Unit], chain: FontChain, size: float, rtl: bool, *, ends_block: bool) -> Line:
    text_parts: list[str] = []
    fonts: list[str] = []
    for i, unit in enumerate(units):
        if i and unit.space_before:
            text_parts.append(" ")
            fonts.append(chain.primary)
        text_parts.append(unit.text)
        fonts.extend(unit.fonts)
    text = "".join(text_parts)
    levels = bidi_levels(text, rtl)

    # One run per word and per space (so that spaces can stretch and each word is found on its own
    # when the PDF is searched), and a new run wherever the font or the direction changes.
    keys = [(font, level, char == " ") for font, level, char in zip(fonts, levels, text, strict=True)]
    pieces = [(text[a:b], fonts[a], levels[a]) for a, b in _runs_of(keys)]
    order = visual_order([level for _, _, level in pieces])
    runs: list[Run] = []
    x = 0.0
    ink_left, ink_right = 0.0, 0.0
    for index in order:
        piece, font, level = pieces[index]
        shaped = shape(piece, font, size, level % 2 == 1, chain.language)
        width = shaped.width
        if piece == " ":
            width = _space_width(chain, size, rtl)
        run = Run(x, width, piece, shaped.glyphs, font, size, shaped.ink_left, shaped.ink_right)
        runs.append(run)
        if not run.is_space:
            ink_left, ink_right = min(ink_left, x + shaped.ink_left), max(ink_right, x + shaped.ink_right)
        x += width
    return Line(tuple(runs), x, ends_block, ink_left, max(ink_right, x))


def visual_order(levels: Sequence[int]) -> list[int]:
    """Indices of runs with these embedding levels in visual (left to right) order: from the highest
    level down to the lowest odd one, reverse each stretch at that level or above (rule L2)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(level if level % 2 else level + 1 for level in levels)
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


# -- shaping ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shaped:
    """``glyphs``: a reportlab ``ShapedStr`` in visual order; ``width`` in points; ``advances``:
    the width each character of the logical text adds (a ligature's width goes to its first one);
    ``ink_left`` and ``ink_right``: where the glyphs' outlines start and end, in points from the
    run's origin (Nastaliq's kaf reaches 0.4 em right of its advance)."""

    glyphs: str
    width: float
    advances: tuple[float, ...]
    ink_left: float = 0.0
    ink_right: float = 0.0


@lru_cache(maxsize=50_000)
def shape(text: str, font_name: str, size: float, rtl: bool, language: str | None = None) -> Shaped:
    """Shape ``text`` with harfbuzz in one direction, as reportlab draws shaped text.

    reportlab's own ``shapeStr`` guesses the direction from the script, which sets Arabic-Indic
    digits backwards and leaves brackets unmirrored in right-to-left runs: here the bidi level
    decides. Glyphs without a character of their own (Nastaliq's contextual forms) get private-use
    codes through reportlab's font, which also writes them into the embedded subset.
    """
    with _shape_lock:  # reportlab's font assigns private-use codes as it meets new glyphs
        return _shape(text, font_name, size, rtl, language)


_shape_lock = threading.Lock()


def _shape(text: str, font_name: str, size: float, rtl: bool, language: str | None) -> Shaped:
    font = pdfmetrics.getFont(font_name)
    hb_font = font.hbFont(size)  # also gives the font its hbAddPrivate method
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    if language:
        buffer.language = language
    uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True})

    face = font.face
    chars: list[str] = []
    data: list[ShapeData] = []
    advances = [0.0] * len(text)
    pen = 0.0  # in the font's units
    ink_left, ink_right = 0.0, 0.0
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        extents = hb_font.get_glyph_extents(gid)
        if extents is not None and extents.width:
            left = pen + pos.x_offset + extents.x_bearing
            ink_left, ink_right = min(ink_left, left), max(ink_right, left + extents.width)
        pen += pos.x_advance
        mapped = face.glyphToChar.get(gid)
        code = mapped[0] if mapped else font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, pos.x_advance)
        x_advance = font.pdfScale(pos.x_advance)
        chars.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                x_advance,
                font.pdfScale(pos.y_advance),
                font.pdfScale(pos.x_offset),
                font.pdfScale(pos.y_offset),
                face.getCharWidth(code),  # what the PDF's /Widths will say for this code
            )
        )
        if 0 <= info.cluster < len(text):
            advances[info.cluster] += x_advance * size / 1000
    glyphs = ShapedStr("".join(chars), shapeData=data)
    points = size / 1000
    return Shaped(
        glyphs=glyphs,
        width=sum(advances),
        advances=tuple(advances),
        ink_left=font.pdfScale(ink_left) * points,
        ink_right=font.pdfScale(ink_right) * points,
    )
