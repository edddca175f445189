"""Paragraphs, cells and bilingual blocks built into real PDFs, read back with poppler.

How poppler gives Urdu back: each word (run) is drawn with a marked-content ActualText holding its
logical text, since Nastaliq's glyphs are contextual forms without characters of their own (without
it pdftotext prints private-use codes). ``pdftotext -bbox`` then gives every word spelled correctly
with its box, which is what these tests read. Plain ``pdftotext`` and ``-raw`` also give the right
letters but in reverse order within each word (poppler reverses right-to-left lines it sees as
visual), so they are only checked for holding the letters and no private-use codes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest
from reportlab.platypus import Spacer, Table

from fieldkit.reports.text import bilingual, cell, paragraph, styles, table_style
from tests.reports import pdfcheck, samples
from tests.reports.pdfcheck import FRAME_INNER_WIDTH, FRAME_LEFT, FRAME_TOP, needs_poppler

pytestmark = needs_poppler

BODY = styles()["ur"]["body"]
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def reading_order(lines: list[list[pdfcheck.Word]]) -> list[str]:
    """Words of right-to-left lines as a reader takes them: top line first, each from the right."""
    return [w.text for line in lines for w in reversed(line)]


@pytest.mark.parametrize("page", sorted(samples.PAGES))
def test_every_font_is_embedded_and_subset(tmp_path, page):
    pdf = pdfcheck.build(tmp_path / f"{page}.pdf", samples.PAGES[page]())
    found = pdfcheck.fonts(pdf)
    assert found
    for font in found:
        assert font.embedded and font.subset, font
        assert font.type == "TrueType", font
    names = {font.name.split("+", 1)[1] for font in found}
    assert "Helvetica" not in names
    expected = {
        "ur": {"NotoNastaliqUrdu-Regular", "NotoNastaliqUrdu-Bold", "NotoSans-Regular", "WenQuanYiMicroHei-0"},
        "zh": {"WenQuanYiMicroHei-0", "NotoNaskhArabic-Regular"},
        "bilingual": {"NotoNastaliqUrdu-Regular", "NotoSans-Regular", "NotoSans-Bold", "WenQuanYiMicroHei-0"},
    }[page]
    assert expected <= names, names


def test_english_words_are_in_the_text(tmp_path):
    pdf = pdfcheck.build(tmp_path / "en.pdf", [paragraph(samples.ENGLISH, "en")])
    assert " ".join(pdfcheck.text(pdf).split()) == samples.ENGLISH


def test_chinese_characters_are_in_the_text(tmp_path):
    pdf = pdfcheck.build(tmp_path / "zh.pdf", [paragraph(samples.CHINESE, "zh")])
    fonts = {font.name.split("+", 1)[1] for font in pdfcheck.fonts(pdf)}
    assert fonts == {"WenQuanYiMicroHei-0"}
    extracted = "".join(pdfcheck.text(pdf).split())
    assert extracted == "".join(samples.CHINESE.split())


def test_urdu_words_are_in_the_text_in_nastaliq(tmp_path):
    pdf = pdfcheck.build(tmp_path / "ur.pdf", [paragraph(samples.URDU, "ur")])
    fonts = {font.name.split("+", 1)[1] for font in pdfcheck.fonts(pdf)}
    assert fonts == {"NotoNastaliqUrdu-Regular"}
    assert Counter(w.text for w in pdfcheck.words(pdf)) == Counter(samples.URDU.split())
    for options in ((), ("-raw",)):
        plain = pdfcheck.text(pdf, *options)
        assert not PRIVATE_USE.search(plain)
        assert set(samples.URDU) - {" "} <= set(plain)


def test_a_long_urdu_paragraph_starts_at_the_top_right_and_its_lines_do_not_overlap(tmp_path):
    flowable = paragraph(samples.URDU * 2, "ur")
    pdf = pdfcheck.build(tmp_path / "ur.pdf", [flowable])
    size, leading = BODY.fontSize, BODY.leading
    lines = pdfcheck.lines_of(pdfcheck.words(pdf), tolerance=leading / 3)
    assert len(lines) >= 4
    assert reading_order(lines) == (samples.URDU * 2).split()
    first = lines[0][-1]
    assert first.text == samples.URDU.split()[0]
    right_edge = FRAME_LEFT + FRAME_INNER_WIDTH
    assert right_edge - 2 <= first.x1 <= right_edge + 0.5, "the first word is not at the right edge"
    # Lines 2.3 em apart (at least 2.2), each below the one before.
    centres = [min(w.cy for w in line) for line in lines]
    gaps = [b - a for a, b in itertools.pairwise(centres)]
    assert all(gap >= 2.2 * size for gap in gaps), gaps
    assert max(gaps) - min(gaps) < 0.5 * size


def test_no_urdu_ink_leaves_the_paragraph(tmp_path):
    # "کی" starts a line: its kaf reaches 0.4 em right of its advance, and must not cross the margin.
    text = "کی " + samples.URDU + " کی"
    flowable = paragraph(text, "ur", "h1")
    pdf = pdfcheck.build(tmp_path / "ur.pdf", [flowable])
    image = pdfcheck.render(pdf, tmp_path / "ur", dpi=100)
    scale = 100 / 72
    left, top, right, bottom = pdfcheck.ink_box(image)
    slack = 1.5  # pixels of anti-aliasing
    assert left >= FRAME_LEFT * scale - slack
    assert right <= (FRAME_LEFT + FRAME_INNER_WIDTH) * scale + slack
    assert top >= FRAME_TOP * scale - slack
    assert bottom <= (FRAME_TOP + flowable.height) * scale + slack
    assert flowable.height >= len(flowable.lines) * 2.2 * flowable.style.fontSize


def test_latin_and_numbers_inside_urdu_read_intact(tmp_path):
    pdf = pdfcheck.build(tmp_path / "mixed.pdf", [paragraph(samples.URDU_MIXED, "ur")])
    words = pdfcheck.words(pdf)
    texts = [w.text for w in words]
    for token in ("SDK-01", "0.62", "mg/L", "0.5"):
        assert token in texts, texts
    (line,) = pdfcheck.lines_of(words, tolerance=BODY.leading / 3)
    at = {w.text: w.x0 for w in line}
    # Read from the right: ... مقدار 0.62 mg/L تھی ...
    assert at["مقدار"] > at["0.62"] > at["mg/L"] > at["تھی"]
    assert at["سائٹ"] > at["SDK-01"] > at["پر"]


def test_an_urdu_cell_holding_only_latin_reads_left_to_right(tmp_path):
    pdf = pdfcheck.build(tmp_path / "cell.pdf", [paragraph("0.62 mg/L", "ur")])
    (line,) = pdfcheck.lines_of(pdfcheck.words(pdf), tolerance=5)
    assert [w.text for w in line] == ["0.62", "mg/L"]
    assert line[-1].x1 == pytest.approx(FRAME_LEFT + FRAME_INNER_WIDTH, abs=1)  # still aligned right


def test_a_long_urdu_paragraph_flows_onto_the_next_page_in_order(tmp_path):
    text = " ".join([samples.URDU] * 14)
    pdf = pdfcheck.build(tmp_path / "long.pdf", [Spacer(1, 300), paragraph(text, "ur")])
    words = pdfcheck.words(pdf)
    assert {w.page for w in words} == {1, 2}
    assert reading_order(pdfcheck.lines_of(words, tolerance=BODY.leading / 3)) == text.split()


def test_side_by_side_puts_english_left_and_urdu_right(tmp_path):
    pdf = pdfcheck.build(tmp_path / "side.pdf", [bilingual(samples.ENGLISH, "en", samples.URDU, "ur")])
    middle = FRAME_LEFT + FRAME_INNER_WIDTH / 2
    words = pdfcheck.words(pdf)
    english = [w for w in words if w.text.isascii()]
    urdu = [w for w in words if not w.text.isascii()]
    assert max(w.x1 for w in english) < middle
    assert min(w.x0 for w in urdu) > middle
    assert Counter(w.text for w in urdu) == Counter(samples.URDU.split())
    # Both start at the top of the block.
    assert abs(min(w.y0 for w in english) - min(w.y0 for w in urdu)) < BODY.leading


def test_stacked_puts_the_second_text_under_the_first(tmp_path):
    block = bilingual(samples.ENGLISH, "en", samples.CHINESE, "zh", layout="stacked")
    pdf = pdfcheck.build(tmp_path / "stacked.pdf", [block])
    text = pdfcheck.text(pdf)
    assert text.index("Water") < text.index("矿区")
    assert "".join(samples.CHINESE.split()) in "".join(text.split())


def test_a_stacked_block_splits_across_pages(tmp_path):
    block = bilingual(samples.ENGLISH * 6, "en", " ".join([samples.URDU] * 10), "ur", layout="stacked")
    pdf = pdfcheck.build(tmp_path / "stacked.pdf", [block])
    words = pdfcheck.words(pdf)
    assert max(w.page for w in words) >= 2
    urdu = [w for w in words if not w.text.isascii()]
    assert reading_order(pdfcheck.lines_of(urdu, tolerance=BODY.leading / 3)) == " ".join([samples.URDU] * 10).split()


def test_table_cells_wrap_inside_their_columns(tmp_path):
    rows = [
        [cell("نتیجہ", "ur", bold=True), cell("Finding", "en", bold=True)],
        [cell(samples.URDU_MIXED, "ur"), cell(samples.ENGLISH, "en")],
    ]
    table = Table(rows, colWidths=["50%", "50%"])
    table.setStyle(table_style(("GRID", (0, 0), (-1, -1), 0.5, "grey")))
    pdf = pdfcheck.build(tmp_path / "table.pdf", [table])
    words = pdfcheck.words(pdf)
    middle = FRAME_LEFT + FRAME_INNER_WIDTH / 2
    left = [w for w in words if w.x1 <= middle]
    right = [w for w in words if w.x0 >= middle]
    assert len(left) + len(right) == len(words), "a word crosses the column boundary"
    assert {"نتیجہ", "سائٹ", "SDK-01", "0.62", "mg/L", "جبکہ"} <= {w.text for w in left}
    assert all(w.x0 >= FRAME_LEFT for w in left)
    assert len(pdfcheck.lines_of(left, tolerance=BODY.leading / 3)) >= 3
    assert " ".join(w.text for line in pdfcheck.lines_of(right, 4) for w in line) == "Finding " + samples.ENGLISH
    assert "Helvetica" not in {f.name for f in pdfcheck.fonts(pdf)}


def test_chinese_and_urdu_inside_english_use_their_fonts(tmp_path):
    pdf = pdfcheck.build(tmp_path / "mixed.pdf", [paragraph("Lead 铅 is سیسہ in Urdu.", "en")])
    fonts = {font.name.split("+", 1)[1] for font in pdfcheck.fonts(pdf)}
    assert fonts == {"NotoSans-Regular", "WenQuanYiMicroHei-0", "NotoNaskhArabic-Regular"}
    (line,) = pdfcheck.lines_of(pdfcheck.words(pdf), tolerance=5)
    assert [w.text for w in line] == ["Lead", "铅", "is", "سیسہ", "in", "Urdu."]


def test_sample_pages_render_with_ink_inside_the_margins(tmp_path):
    scale = 100 / 72
    for name, page in samples.PAGES.items():
        pdf = pdfcheck.build(tmp_path / f"{name}.pdf", page())
        image = pdfcheck.render(pdf, tmp_path / name)
        left, top, right, _ = pdfcheck.ink_box(image)
        assert left >= pdfcheck.MARGIN * scale - 1, name
        assert right <= (pdfcheck.PAGE_WIDTH - pdfcheck.MARGIN) * scale + 1, name
        assert top >= pdfcheck.MARGIN * scale - 1, name


def test_justified_urdu_lines_reach_both_edges_but_the_last(tmp_path):
    pdf = pdfcheck.build(tmp_path / "justify.pdf", [paragraph(samples.URDU * 2, "ur", align="justify")])
    lines = pdfcheck.lines_of(pdfcheck.words(pdf), tolerance=BODY.leading / 3)
    right_edge = FRAME_LEFT + FRAME_INNER_WIDTH
    for line in lines[:-1]:
        assert line[0].x0 == pytest.approx(FRAME_LEFT, abs=2.5)
        assert line[-1].x1 == pytest.approx(right_edge, abs=2.5)
    assert lines[-1][0].x0 > FRAME_LEFT + 20  # the last line stays at the right, not stretched


def test_markup_characters_are_printed_as_text(tmp_path):
    text = "Limit <0.5 mg/L> & <b>not bold</b>"
    pdf = pdfcheck.build(tmp_path / "markup.pdf", [paragraph(text, "en"), paragraph(text, "zh")])
    assert pdfcheck.text(pdf).split("\n")[:2] == [text, text]
