"""Line breaking and bidi ordering of Urdu and mixed text, checked on the laid-out lines (no PDF)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.reports import shaping
from fieldkit.reports.fonts import register_fonts
from fieldkit.reports.shaping import Line, bidi_levels, layout, visual_order
from fieldkit.reports.text import _chain
from tests.reports.samples import URDU, URDU_MIXED

SIZE = 11


@pytest.fixture(scope="module")
def fonts():
    return register_fonts()


def urdu_lines(fonts, text: str, width: float = 300) -> list[Line]:
    return layout(text, _chain(fonts, "ur", fonts.urdu.normal), SIZE, width, rtl=True, covers=fonts.covers)


def words_right_to_left(line: Line) -> list[str]:
    """The words of a right-to-left line in reading order (the rightmost first)."""
    return [run.text for run in reversed(line.runs) if not run.is_space]


def test_an_urdu_paragraph_starts_on_the_first_line_at_the_right(fonts):
    lines = urdu_lines(fonts, URDU)
    assert len(lines) >= 3
    read = [words_right_to_left(line) for line in lines]
    # Reading each line from the right, top line first, gives the text back in order.
    assert [w for line in read for w in line] == URDU.split()
    assert read[0][:3] == URDU.split()[:3]


def test_lines_fit_their_width_and_only_the_last_is_short(fonts):
    lines = urdu_lines(fonts, URDU, width=250)
    assert all(line.width <= 250 + 0.01 for line in lines)
    space = 0.25 * SIZE
    for line, following in itertools.pairwise(lines):
        first_word_of_next = following.runs[-1].width
        assert line.width + space + first_word_of_next > 250, "a word that fitted was pushed to the next line"
    assert [line.ends_block for line in lines] == [False] * (len(lines) - 1) + [True]


def test_latin_and_numbers_inside_urdu_stay_left_to_right(fonts):
    (line,) = urdu_lines(fonts, URDU_MIXED, width=1000)
    texts = [run.text for run in line.runs]
    for token in ("SDK-01", "0.62", "mg/L", "0.5", "NEQS"):
        assert token in texts
    # "... مقدار 0.62 mg/L تھی ..." read from the right: مقدار, 0.62, mg/L, تھی.
    read = words_right_to_left(line)
    at = read.index("0.62")
    assert read[at - 1 : at + 3] == ["مقدار", "0.62", "mg/L", "تھی"]
    # Latin in Noto Sans, Urdu in Nastaliq.
    fonts_of = {run.text: run.font for run in line.runs}
    assert fonts_of["mg/L"] == fonts.latin.normal
    assert fonts_of["مقدار"] == fonts.urdu.normal


def test_brackets_are_mirrored_in_right_to_left_runs(fonts):
    (line,) = urdu_lines(fonts, "پانی (NEQS) ہے")
    drawn = "".join(str(run.glyphs) for run in line.runs if run.font == fonts.latin.normal)
    # The bracket that opens the aside in reading order is on the right, drawn as "(" there too.
    assert drawn == "(NEQS)"


def test_arabic_indic_digits_keep_their_order(fonts):
    (line,) = urdu_lines(fonts, "قیمت ۰٫۶۲ ہے")
    (digits,) = [run for run in line.runs if run.text == "۰٫۶۲"]
    clusters = [d.cluster for d in digits.glyphs.__shapeData__]
    assert clusters == sorted(clusters), "the digits were set right to left"


def test_bidi_levels_of_urdu_with_latin_and_a_joiner():
    text = "پا\u200cنی mg/L"
    levels = bidi_levels(text, rtl=True)
    assert len(levels) == len(text)
    assert levels[:5] == [1] * 5  # the zero-width non-joiner stays with its word
    assert levels[-4:] == [2] * 4


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([], []),
        ([0, 0, 0], [0, 1, 2]),
        ([1, 1, 1], [2, 1, 0]),
        ([1, 2, 2, 1], [3, 1, 2, 0]),
        ([0, 1, 1, 0], [0, 2, 1, 3]),
    ],
)
def test_visual_order_reverses_runs_by_level(levels, expected):
    assert visual_order(levels) == expected


def test_a_word_longer_than_the_line_is_cut_to_fit(fonts):
    word = "بلوچستان" * 12
    lines = urdu_lines(fonts, f"ضلع {word} میں", width=120)
    assert len(lines) > 3
    assert all(line.width <= 120 + 0.01 for line in lines)
    assert "".join("".join(words_right_to_left(line)) for line in lines) == f"ضلع{word}میں"


def test_chinese_inside_urdu_is_set_in_the_chinese_font(fonts):
    (line,) = urdu_lines(fonts, "اردو میں 中文 ہے")
    fonts_of = {run.text: run.font for run in line.runs}
    assert fonts_of["中文"] == fonts.cjk.normal


def test_empty_and_blank_text_has_no_lines(fonts):
    assert urdu_lines(fonts, "") == []
    assert urdu_lines(fonts, " \n\t ") == []


def test_blank_lines_inside_the_text_are_kept(fonts):
    lines = urdu_lines(fonts, "پہلا\n\nدوسرا")
    assert [line.text for line in lines] == ["پہلا", "", "دوسرا"]


# Urdu words, Latin, digits of three kinds, punctuation of both scripts, marks, joiners, bidi controls,
# CJK, an emoji no font has, and white space of every kind.
ALPHABET = list(
    "پانیکےعلاقےمیںنمونےہےٹڈڑںۓ"
    "abcXYZmg/L"
    "0123456789٠١٢۰۱۲"
    ".,;:!?()[]%-+°µ،۔؟«»"
    "\u064b\u0651\u0670\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069"
    "中文检查，。"
    "😀"
    " \t\n\u00a0\r\x00"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=ALPHABET, max_size=120), width=st.floats(min_value=1, max_value=400))
def test_the_line_breaker_never_fails_and_loses_nothing(fonts, text, width):
    for lang, font, rtl in (
        ("ur", fonts.urdu.normal, True),
        ("en", fonts.latin.bold, False),
        ("zh", fonts.cjk.normal, False),
    ):
        lines = layout(text, _chain(fonts, lang, font), SIZE, width, rtl=rtl, covers=fonts.covers)
        kept = [c for line in lines for run in line.runs for c in run.text if not c.isspace()]
        expected = [c for c in shaping.clean(text) if not c.isspace()]
        assert sorted(kept) == sorted(expected)
        for line in lines:
            words = [run for run in line.runs if not run.is_space]
            # Only a single character wider than the line may overflow it.
            assert line.ink_right - line.ink_left <= width + 0.01 or _one_cluster(words)


def _one_cluster(runs) -> bool:
    text = "".join(run.text for run in runs)
    return len(text) - sum(shaping._joins(c) for c in text) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "",
        "۔",
        "\u0651",  # a mark with no letter
        "\u200c\u200c",
        "(((((",
        "0.62",
        "x" * 5000,
        "پ" * 3000,
        "中" * 2000,
        "پانی\u202e abc \u202c ہے",
        "a\u0301" * 400,
    ],
)
def test_awkward_texts_lay_out(fonts, text):
    lines = urdu_lines(fonts, text, width=100)
    for line in lines:
        assert line.width <= 100 + 0.01 or len(line.runs) == 1


def test_iso_dates_inside_urdu_keep_their_order(fonts):
    # UAX #9 alone would make "2026-11-10" after Urdu letters read "10-11-2026" (rule W2).
    (line,) = urdu_lines(fonts, "آغاز 2026-11-10 02:20 اور اختتام 2026-11-10", width=1000)
    texts = [run.text for run in line.runs]
    assert texts.count("2026-11-10") == 2 and "02:20" in texts
