"""Answers are checked and normalised by item type before anything is stored, and displayed for reading."""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from fieldkit.checklists.model import Item
from fieldkit.checklists.values import MAX_TEXT, ValueRefused, display, normalise
from fieldkit.errors import ValidationError

CHOICES = [
    {"value": "dust", "label": {"en": "Dust", "ur": "دھول", "zh": "粉尘"}},
    {"value": "noise", "label": "Noise"},
    {"value": "spill", "label": "Spill"},
]


def item(kind: str, label: str = "Lead in effluent", **extra: Any) -> Item:
    return Item(id="it", type=kind, label=label, **extra)


YES_NO = item("yes_no", "Bund intact")
SELECT_ONE = item("select_one", "Main hazard", choices=CHOICES)
SELECT_MANY = item("select_many", "Hazards seen", choices=CHOICES)
INTEGER = item("integer", "Workers on site")
DECIMAL = item("decimal", "Lead in effluent", unit="mg/L", parameter="lead")
PH = item("decimal", "Effluent pH", unit="pH", parameter="ph")
TEXT = item("text", "Remarks")
DATETIME = item("datetime", "Sampled at")
DATE = item("date", "Sample date")
GPS = item("gps", "Sampling point")
PHOTO = item("photo", "Photo of the outfall")
PHOTOS = item("photo", "Photos of the bund", multiple=True)
SIGNATURE = item("signature", "Inspector")
NOTE = item("note", "Read the safety briefing")
CALCULATE = item("calculate", "Lead in µg/L", calculation="1")

ALL = [
    YES_NO,
    SELECT_ONE,
    SELECT_MANY,
    INTEGER,
    DECIMAL,
    TEXT,
    DATETIME,
    DATE,
    GPS,
    PHOTO,
    PHOTOS,
    SIGNATURE,
    NOTE,
    CALCULATE,
]


def refusal(it: Item, raw: Any) -> str:
    with pytest.raises(ValueRefused) as info:
        normalise(it, raw)
    message = str(info.value)
    assert message.startswith(f"{it.label.en}: "), message
    return message


def test_value_refused_is_a_user_facing_validation_error():
    assert issubclass(ValueRefused, ValidationError)


# -- clearing ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("it", ALL, ids=lambda i: f"{i.type}{'-multiple' if i.multiple else ''}")
@pytest.mark.parametrize("raw", [None, "", "   ", "\t\n"])
def test_none_and_empty_text_clear_the_answer_of_every_type(it: Item, raw: Any):
    assert normalise(it, raw) is None


def test_an_empty_selection_clears_a_select_many():
    assert normalise(SELECT_MANY, []) is None


# -- yes / no ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("yes", "yes"),
        ("Y", "yes"),
        (" YES ", "yes"),
        ("no", "no"),
        ("n", "no"),
        ("na", "na"),
        ("N/A", "na"),
        ("Not applicable", "na"),
    ],
)
def test_yes_no_accepts_the_usual_spellings(raw: str, stored: str):
    assert normalise(YES_NO, raw) == stored


@pytest.mark.parametrize("raw", ["maybe", "yes please", "ok", True, 1, 0, ["yes"]])
def test_yes_no_refuses_anything_else(raw: Any):
    assert "is not yes, no or na" in refusal(YES_NO, raw)


# -- select one / select many ----------------------------------------------------------------------------------


def test_select_one_accepts_a_known_value():
    assert normalise(SELECT_ONE, "dust") == "dust"
    assert normalise(SELECT_ONE, ["noise"]) == "noise"


def test_select_one_refuses_an_unknown_value_listing_the_options():
    assert refusal(SELECT_ONE, "smoke") == "Main hazard: 'smoke' is not an option (options: dust, noise, spill)"


def test_select_one_is_case_sensitive():
    assert "is not an option" in refusal(SELECT_ONE, "Dust")


@pytest.mark.parametrize("raw", [["dust", "noise"], []])
def test_select_one_refuses_other_than_exactly_one_value(raw: list[str]):
    assert refusal(SELECT_ONE, raw) == "Main hazard: choose exactly one option"


def test_select_one_refuses_a_value_with_a_space_in_it():
    assert "'dust noise' is not an option" in refusal(SELECT_ONE, "dust noise")


@pytest.mark.parametrize("raw", [5, {"dust"}, 1.5])
def test_select_refuses_something_that_is_not_text_or_a_list(raw: Any):
    assert refusal(SELECT_ONE, raw) == "Main hazard: give one or more of: dust, noise, spill"
    assert refusal(SELECT_MANY, raw) == "Hazards seen: give one or more of: dust, noise, spill"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        (["dust", "spill"], ["dust", "spill"]),
        ("dust spill", ["dust", "spill"]),
        ("dust,spill", ["dust", "spill"]),
        (" dust ,  spill ", ["dust", "spill"]),
        (["spill", "dust", "spill"], ["spill", "dust"]),
        (("noise",), ["noise"]),
    ],
)
def test_select_many_accepts_lists_and_space_or_comma_separated_text(raw: Any, stored: list[str]):
    assert normalise(SELECT_MANY, raw) == stored


def test_select_many_refuses_the_whole_answer_for_one_bad_value():
    assert refusal(SELECT_MANY, ["dust", "smoke", "spill"]) == (
        "Hazards seen: 'smoke' is not an option (options: dust, noise, spill)"
    )
    assert "'smoke' is not an option" in refusal(SELECT_MANY, "dust smoke")


def test_select_many_refuses_a_number_even_one_that_reads_as_an_option():
    assert "'1' is not an option" in refusal(SELECT_MANY, ["dust", 1])


# -- integer -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "stored"), [("7", 7), (" 7 ", 7), ("-3", -3), (7, 7), (7.0, 7), ("0", 0)])
def test_integer_accepts_whole_numbers(raw: Any, stored: int):
    value = normalise(INTEGER, raw)
    assert value == stored
    assert type(value) is int


@pytest.mark.parametrize("raw", ["7.5", 7.5, "0.1"])
def test_integer_refuses_a_fraction(raw: Any):
    assert "is not a whole number" in refusal(INTEGER, raw)


@pytest.mark.parametrize("raw", ["seven", "7 people", "abc", "0x10"])
def test_integer_refuses_text(raw: str):
    assert refusal(INTEGER, raw) == f"Workers on site: {raw!r} is not a whole number"


@pytest.mark.parametrize("raw", [True, False])
def test_integer_refuses_a_boolean(raw: bool):
    assert refusal(INTEGER, raw) == "Workers on site: give a number, not true/false"


@pytest.mark.parametrize("raw", [10**13, "10000000000000", -(10**13), 10**400, "9" * 5000])
def test_integer_refuses_huge_numbers(raw: Any):
    message = refusal(INTEGER, raw)
    assert "too large" in message or "is not a whole number" in message


def test_integer_accepts_the_largest_allowed_number():
    assert normalise(INTEGER, 10**12) == 10**12
    assert "too large" in refusal(INTEGER, 10**12 + 1)


def test_integer_refuses_a_comma_decimal_telling_to_use_a_point():
    assert refusal(INTEGER, "7,5") == "Workers on site: '7,5' is not a number; use a point for decimals"


@pytest.mark.parametrize("raw", [[7], {"n": 7}, b"7"])
def test_integer_refuses_containers(raw: Any):
    assert refusal(INTEGER, raw) == "Workers on site: give a number"


# -- decimal -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("0.62", 0.62), (" 0.62 ", 0.62), ("-1.5", -1.5), ("1e3", 1000.0), (".5", 0.5), (0.62, 0.62), (7, 7)],
)
def test_decimal_accepts_numbers(raw: Any, stored: float):
    assert normalise(DECIMAL, raw) == stored


def test_decimal_refuses_a_comma_decimal_telling_to_use_a_point():
    assert refusal(DECIMAL, "0,62") == "Lead in effluent: '0,62' is not a number; use a point for decimals"
    assert "use a point for decimals" in refusal(DECIMAL, "-0,5")


@pytest.mark.parametrize("raw", ["abc", "0.62 mg/L", "<0.01", "1,000.5", "1.2.3", "--1"])
def test_decimal_refuses_text_that_is_not_a_number(raw: str):
    assert refusal(DECIMAL, raw) == f"Lead in effluent: {raw!r} is not a number"


@pytest.mark.parametrize("raw", [True, False])
def test_decimal_refuses_a_boolean(raw: bool):
    assert refusal(DECIMAL, raw) == "Lead in effluent: give a number, not true/false"


@pytest.mark.parametrize("raw", [float("nan"), float("inf"), float("-inf"), "nan", "NaN", "inf", "-Infinity", "1e400"])
def test_decimal_refuses_nan_and_infinity(raw: Any):
    assert refusal(DECIMAL, raw) in (
        "Lead in effluent: give a finite number",
        f"Lead in effluent: {raw!r} is not a number",
    )


@pytest.mark.parametrize("raw", [1e13, -1e13, "1e13", 1e300, 10**400])
def test_decimal_refuses_huge_numbers(raw: Any):
    assert "too large" in refusal(DECIMAL, raw)


# -- text ----------------------------------------------------------------------------------------------------------


def test_text_is_kept_as_written():
    assert normalise(TEXT, "  Seepage at the toe  ") == "  Seepage at the toe  "
    assert normalise(TEXT, "رساؤ") == "رساؤ"


def test_text_up_to_the_limit_is_accepted_and_longer_refused():
    assert normalise(TEXT, "x" * MAX_TEXT) == "x" * MAX_TEXT
    assert refusal(TEXT, "x" * (MAX_TEXT + 1)) == f"Remarks: longer than {MAX_TEXT} characters"


@pytest.mark.parametrize("raw", [5, 1.5, ["a"], True])
def test_text_refuses_what_is_not_text(raw: Any):
    assert refusal(TEXT, raw) == "Remarks: give text"


# -- date and time -------------------------------------------------------------------------------------------------


@pytest.fixture
def karachi_clock():
    """The laptop's clock set to Pakistan time (UTC+5, no daylight saving), restored afterwards."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "PKT-5"
    time.tzset()
    yield
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def test_a_naive_datetime_gets_the_local_zone(karachi_clock):
    assert normalise(DATETIME, "2024-02-01T10:00") == "2024-02-01T10:00:00+05:00"
    assert normalise(DATETIME, datetime(2024, 2, 1, 10, 0)) == "2024-02-01T10:00:00+05:00"
    assert normalise(DATETIME, "2024-02-01 10:00:30") == "2024-02-01T10:00:30+05:00"


def test_a_naive_datetime_is_not_shifted_when_its_zone_is_added(karachi_clock):
    stored = datetime.fromisoformat(normalise(DATETIME, "2024-07-15T23:30"))
    assert (stored.hour, stored.minute) == (23, 30)
    assert stored.utcoffset() == timedelta(hours=5)


def test_an_aware_datetime_keeps_its_zone(karachi_clock):
    assert normalise(DATETIME, "2024-02-01T10:00:00+00:00") == "2024-02-01T10:00:00+00:00"
    assert normalise(DATETIME, "2024-02-01T10:00Z") == "2024-02-01T10:00:00+00:00"
    beijing = timezone(timedelta(hours=8))
    assert normalise(DATETIME, datetime(2024, 2, 1, 10, 0, tzinfo=beijing)) == "2024-02-01T10:00:00+08:00"
    assert normalise(DATETIME, datetime(2024, 2, 1, 5, 0, tzinfo=UTC)) == "2024-02-01T05:00:00+00:00"


@pytest.mark.parametrize("raw", ["01/02/2024 10:00", "2024-02-30T10:00", "2024-02-01T25:00", "yesterday", 12345])
def test_a_datetime_that_is_not_iso_is_refused(raw: Any):
    assert refusal(DATETIME, raw) == f"Sampled at: {raw!r} is not a date and time (YYYY-MM-DDTHH:MM)"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("2024-02-01", "2024-02-01"),
        (" 2024-02-29 ", "2024-02-29"),
        (date(2024, 2, 1), "2024-02-01"),
        ("20240201", "2024-02-01"),  # ISO 8601 basic format, accepted by date.fromisoformat
    ],
)
def test_a_date_is_stored_as_yyyy_mm_dd(raw: Any, stored: str):
    assert normalise(DATE, raw) == stored


@pytest.mark.parametrize(
    "raw", ["01/02/2024", "2023-02-29", "2024-13-01", "1 Feb 2024", "2024/02/01", "2024-02", "2024-02-01T10:00", 2024]
)
def test_a_date_in_another_format_is_refused(raw: Any):
    assert refusal(DATE, raw) == f"Sample date: {raw!r} is not a date (YYYY-MM-DD)"


def test_a_datetime_given_for_a_date_item_is_stored_as_its_date():
    assert normalise(DATE, datetime(2024, 2, 1, 10, 0)) == "2024-02-01"


# -- gps -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("28.98,61.57", {"lat": 28.98, "lon": 61.57}),
        (" 28.98 , 61.57 ", {"lat": 28.98, "lon": 61.57}),
        ("28.98;61.57;4.5", {"lat": 28.98, "lon": 61.57, "accuracy_m": 4.5}),
        ("-33.9,-70.1", {"lat": -33.9, "lon": -70.1}),
        ("90,180", {"lat": 90.0, "lon": 180.0}),
        ({"lat": 28.98, "lon": 61.57}, {"lat": 28.98, "lon": 61.57}),
        ({"lat": "28.98", "lon": "61.57", "accuracy_m": 3}, {"lat": 28.98, "lon": 61.57, "accuracy_m": 3.0}),
        ({"lat": 1, "lon": 2, "accuracy_m": None}, {"lat": 1.0, "lon": 2.0}),
    ],
)
def test_gps_accepts_a_point(raw: Any, stored: dict[str, float]):
    assert normalise(GPS, raw) == stored


@pytest.mark.parametrize("raw", ["91,0", "-90.5,0", "0,181", "0,-180.01", "nan,0", "0,inf", "0,0,inf", "0,0,nan"])
def test_gps_refuses_a_point_out_of_range(raw: str):
    assert refusal(GPS, raw) == "Sampling point: the point is outside -90..90, -180..180"


@pytest.mark.parametrize(
    "raw",
    ["28.98", "abc", "28.98 61.57", "28,98,61,57a", {"lat": 1}, {"lon": 1}, {"lat": "x", "lon": 1}, [28.98, 61.57], 5],
)
def test_gps_refuses_a_malformed_point(raw: Any):
    assert refusal(GPS, raw) == "Sampling point: give a point as 'latitude,longitude'"


def test_gps_refuses_a_negative_accuracy():
    refusal(GPS, "28.98,61.57,-5")


def test_gps_refuses_more_than_three_numbers():
    refusal(GPS, "1,2,3,4,5")


# -- photo, signature ------------------------------------------------------------------------------------------------


def test_photo_ids():
    assert normalise(PHOTO, "p1") == ["p1"]
    assert normalise(PHOTO, ["p1"]) == ["p1"]
    assert normalise(PHOTOS, ["p1", "p2", "p1"]) == ["p1", "p2"]
    assert refusal(PHOTO, ["p1", "p2"]) == "Photo of the outfall: this item takes one photo"
    for raw in ([""], [1], 5, ["p1", None]):
        assert refusal(PHOTOS, raw) == "Photos of the bund: give photo ids"


def test_signature_needs_a_name_and_gets_a_time():
    signed = normalise(SIGNATURE, "  Amna Baloch ")
    assert signed["name"] == "Amna Baloch"
    assert datetime.fromisoformat(signed["signed_at"]).tzinfo is not None
    assert normalise(SIGNATURE, {"name": "Li Wei", "signed_at": "2024-02-01T10:00:00+05:00"}) == {
        "name": "Li Wei",
        "signed_at": "2024-02-01T10:00:00+05:00",
    }
    assert len(normalise(SIGNATURE, "x" * 500)["name"]) == 200
    for raw in ({"name": "  "}, {}, 5):
        assert refusal(SIGNATURE, raw) == "Inspector: a signature needs the signer's name"


# -- note and calculate take no answer ---------------------------------------------------------------------------


@pytest.mark.parametrize("it", [NOTE, CALCULATE], ids=["note", "calculate"])
@pytest.mark.parametrize("raw", ["x", 0, 1.5, "yes", ["a"], False])
def test_note_and_calculate_refuse_any_answer(it: Item, raw: Any):
    assert refusal(it, raw) == f"{it.label.en}: this item takes no answer"


# -- messages name the item --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("it", "raw"),
    [
        (YES_NO, "maybe"),
        (SELECT_ONE, "x"),
        (SELECT_MANY, ["x"]),
        (INTEGER, "x"),
        (DECIMAL, "x"),
        (TEXT, 1),
        (DATETIME, "x"),
        (DATE, "x"),
        (GPS, "x"),
        (PHOTO, 1),
        (SIGNATURE, 1),
        (NOTE, "x"),
    ],
)
def test_every_refusal_starts_with_the_item_label(it: Item, raw: Any):
    refusal(it, raw)


# -- display -------------------------------------------------------------------------------------------------------


def test_display_of_nothing_is_empty_for_every_type():
    for it in ALL:
        assert display(it, None) == ""


def test_display_of_yes_no():
    assert [display(YES_NO, v) for v in ("yes", "no", "na")] == ["Yes", "No", "Not applicable"]
    assert display(YES_NO, "odd") == "odd"


def test_display_of_choices_uses_their_labels_in_the_language_asked_for():
    assert display(SELECT_ONE, "dust") == "Dust"
    assert display(SELECT_ONE, "dust", "ur") == "دھول"
    assert display(SELECT_ONE, "noise", "zh") == "Noise"  # no Chinese label: English
    assert display(SELECT_MANY, ["dust", "spill"]) == "Dust, Spill"
    assert display(SELECT_MANY, ["dust", "spill"], "zh") == "粉尘, Spill"
    assert display(SELECT_ONE, "retired") == "retired"  # a value no longer in the choices


def test_display_of_numbers_with_their_unit():
    assert display(DECIMAL, 0.62) == "0.62 mg/L"
    assert display(DECIMAL, 0.1 + 0.2) == "0.3 mg/L"
    assert display(DECIMAL, 7) == "7 mg/L"
    assert display(INTEGER, 12) == "12"
    assert display(CALCULATE, 620.0) == "620"


def test_display_of_ph_puts_no_unit_after_the_number():
    assert display(PH, 7.2) == "7.2"


def test_display_of_numbers_round_trips_through_normalise():
    for raw in ("0.62", "12", "0.005", "3500"):
        shown = display(DECIMAL, normalise(DECIMAL, raw))
        assert shown == f"{raw} mg/L"
        assert normalise(DECIMAL, shown.removesuffix(" mg/L")) == normalise(DECIMAL, raw)


@pytest.mark.parametrize(("value", "shown"), [(2500000.0, "2500000 L/s"), (1234567.8, "1234567.8 L/s")])
def test_display_of_a_large_decimal_is_not_in_scientific_notation(value: float, shown: str):
    assert display(item("decimal", "Flow", unit="L/s"), value) == shown


def test_display_of_other_types():
    assert display(GPS, {"lat": 28.98, "lon": 61.57}) == "28.980000, 61.570000"
    assert display(SIGNATURE, {"name": "Amna Baloch", "signed_at": "x"}) == "Amna Baloch"
    assert display(PHOTOS, ["p1", "p2"]) == "2 photo(s)"
    assert display(TEXT, "Seepage at the toe") == "Seepage at the toe"
    assert display(DATE, "2024-02-01") == "2024-02-01"
    assert re.fullmatch(r"2024-02-01T10:00:00\+05:00", display(DATETIME, "2024-02-01T10:00:00+05:00"))
