"""Limit sets and checking readings against them: stricter-of, ranges, context, units, provenance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fieldkit.checklists.library import Library, load_library
from fieldkit.checklists.limits import LimitCheck, LimitSet, check_reading, parse_limit_set, strictest
from fieldkit.checklists.units import convert
from fieldkit.checklists.validate import TemplateError

FORMS = Path(__file__).parents[2] / "forms"


def make_set(set_id: str, short: str, limits: list[dict[str, Any]], **extra: Any) -> LimitSet:
    data = {
        "id": set_id,
        "version": "1",
        "title": set_id,
        "short": short,
        "source": {"document": f"{short} (document)"},
        "jurisdiction": "PK",
        "medium": "effluent",
        "limits": limits,
        **extra,
    }
    return parse_limit_set(data, f"{set_id}.yaml")


NEQS = make_set(
    "neqs-effluent",
    "NEQS effluent 2000",
    [
        {"parameter": "lead", "max": 0.5, "unit": "mg/L", "route": "inland", "grade": "C"},
        {"parameter": "lead", "max": 0.5, "unit": "mg/L", "route": "sewage", "grade": "M"},
        {"parameter": "bod5", "max": 80, "unit": "mg/L", "route": "inland", "grade": "C"},
        {"parameter": "bod5", "max": 250, "unit": "mg/L", "route": "sewage", "grade": "M"},
        {"parameter": "ph", "min": 6, "max": 9, "unit": "pH", "grade": "M"},
        {"parameter": "turbidity", "max": 50, "unit": "mg/L", "grade": "C"},
    ],
)
IFC = make_set(
    "ifc-mining",
    "IFC Mining 2007, Table 1",
    [
        {"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "V"},
        {"parameter": "ph", "min": 6, "max": 9, "unit": "pH", "grade": "V"},
    ],
)
NOISE = make_set(
    "neqs-noise",
    "NEQS noise 2010",
    [
        {"parameter": "laeq", "max": 55, "unit": "dB(A)", "zone": "residential", "period": "day", "grade": "C"},
        {"parameter": "laeq", "max": 45, "unit": "dB(A)", "zone": "residential", "period": "night", "grade": "C"},
        {"parameter": "laeq", "max": 75, "unit": "dB(A)", "zone": "industrial", "period": "day", "grade": "C"},
        {"parameter": "laeq", "max": 65, "unit": "dB(A)", "zone": "industrial", "period": "night", "grade": "C"},
    ],
    medium="noise",
)
PH_ONLY_M = make_set("neqs-ph", "NEQS pH", [{"parameter": "ph", "min": 6, "max": 9, "unit": "pH", "grade": "M"}])


def kinds(check: LimitCheck) -> list[str]:
    return [f.kind for f in check.flags]


def exceedances(check: LimitCheck):
    return [f for f in check.flags if f.kind == "exceedance"]


# -- stricter of several sets -----------------------------------------------------------------------------------


def test_the_stricter_of_neqs_and_ifc_applies_with_the_exact_message():
    check = check_reading(0.62, "mg/L", "lead", "Lead", [NEQS, IFC], {"route": "inland"})
    assert kinds(check) == ["exceedance"]
    flag = check.flags[0]
    assert flag.message == "Lead 0.62 mg/L exceeds 0.2 mg/L (IFC Mining 2007, Table 1) by 210%"
    assert flag.limit == 0.2
    assert flag.unit == "mg/L"
    assert flag.standard == "IFC Mining 2007, Table 1"
    assert flag.limit_set == "ifc-mining"
    assert flag.bound == "max"
    assert flag.margin_pct == 210.0
    assert flag.grade == "V"
    assert flag.severity == "high"


def test_the_order_of_the_sets_does_not_change_the_binding_limit():
    one = check_reading(0.62, "mg/L", "lead", "Lead", [NEQS, IFC], {"route": "inland"})
    other = check_reading(0.62, "mg/L", "lead", "Lead", [IFC, NEQS], {"route": "inland"})
    assert [f.message for f in one.flags] == [f.message for f in other.flags]


def test_a_reading_between_the_two_limits_is_flagged_against_the_stricter_only():
    check = check_reading(0.3, "mg/L", "lead", "Lead", [NEQS, IFC], {"route": "inland"})
    assert [f.message for f in check.flags] == ["Lead 0.3 mg/L exceeds 0.2 mg/L (IFC Mining 2007, Table 1) by 50%"]
    assert check.flags[0].severity == "medium"


def test_a_reading_within_every_limit_has_no_flags():
    check = check_reading(0.1, "mg/L", "lead", "Lead", [NEQS, IFC], {"route": "inland"})
    assert check.flags == []
    assert [(b.side, b.value, b.limit_set.id) for b in check.bounds] == [("max", 0.2, "ifc-mining")]


def test_a_reading_exactly_at_the_limit_passes():
    assert check_reading(0.2, "mg/L", "lead", "Lead", [IFC], {}).flags == []


def test_the_items_severity_overrides_the_margin_based_one():
    check = check_reading(0.62, "mg/L", "lead", "Lead", [IFC], {}, severity="critical")
    assert check.flags[0].severity == "critical"


def test_a_parameter_no_set_names_has_no_bounds_and_no_flags():
    check = check_reading(1000, "mg/L", "arsenic", "Arsenic", [NEQS, IFC], {})
    assert check.bounds == [] and check.flags == []


def test_flags_as_json_leave_out_empty_fields():
    flag = check_reading(0.62, "mg/L", "lead", "Lead", [IFC], {}).flags[0]
    data = flag.as_json()
    assert data["kind"] == "exceedance"
    assert None not in data.values()
    assert "margin_pct" in data


# -- ranges ----------------------------------------------------------------------------------------------------


def test_ph_below_the_range_is_flagged_by_its_margin_with_the_unit_before_the_number():
    check = check_reading(5.2, "pH", "ph", "pH", [IFC], {})
    assert [f.message for f in exceedances(check)] == ["pH 5.2 is below 6 (IFC Mining 2007, Table 1) by 13%"]
    assert check.flags[0].bound == "min"
    assert check.flags[0].margin_pct == 13.3


def test_ph_above_the_range_is_flagged():
    check = check_reading(9.5, "pH", "ph", "pH", [IFC], {})
    assert [f.message for f in exceedances(check)] == ["pH 9.5 exceeds 9 (IFC Mining 2007, Table 1) by 6%"]
    assert check.flags[0].bound == "max"


@pytest.mark.parametrize("value", [6, 7, 9])
def test_ph_within_the_range_passes(value: float):
    assert check_reading(value, "pH", "ph", "pH", [IFC], {}).flags == []


def test_a_range_has_a_lower_and_an_upper_bound():
    bounds = strictest([IFC], "ph", {})
    assert [(b.side, b.value) for b in bounds] == [("min", 6), ("max", 9)]


def test_stricter_of_is_taken_bound_by_bound():
    a = make_set("a", "A", [{"parameter": "ph", "min": 6, "max": 9.5, "unit": "pH", "grade": "V"}])
    b = make_set("b", "B", [{"parameter": "ph", "min": 5.5, "max": 9, "unit": "pH", "grade": "V"}])
    bounds = strictest([a, b], "ph", {})
    assert [(b.side, b.value, b.limit_set.id) for b in bounds] == [("min", 6, "a"), ("max", 9, "b")]
    assert [f.standard for f in check_reading(5.8, "pH", "ph", "pH", [a, b], {}).flags] == ["A"]
    assert [f.standard for f in check_reading(9.2, "pH", "ph", "pH", [a, b], {}).flags] == ["B"]


def test_a_min_only_limit():
    oxygen = make_set("o", "O", [{"parameter": "dissolved_oxygen", "min": 5, "unit": "mg/L", "grade": "V"}])
    check = check_reading(4, "mg/L", "dissolved_oxygen", "Dissolved oxygen", [oxygen], {})
    assert [f.message for f in check.flags] == ["Dissolved oxygen 4 mg/L is below 5 mg/L (O) by 20%"]


def test_a_zero_limit_is_exceeded_by_an_infinite_margin():
    zero = make_set("z", "Z", [{"parameter": "pcb", "max": 0, "unit": "mg/L", "grade": "V"}])
    flag = check_reading(0.1, "mg/L", "pcb", "PCB", [zero], {}).flags[0]
    assert flag.message == "PCB 0.1 mg/L exceeds 0 mg/L (Z) by ∞%"
    assert flag.margin_pct is None
    assert flag.severity == "high"


# -- provenance ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("order", ["m_first", "v_first"])
def test_equal_limits_from_a_v_and_an_m_source_cite_the_v_one_without_an_unverified_flag(order: str):
    v = make_set("verified", "Verified set", [{"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "V"}])
    m = make_set("memory", "Memory set", [{"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "M"}])
    sets = [m, v] if order == "m_first" else [v, m]
    check = check_reading(0.62, "mg/L", "lead", "Lead", sets, {})
    assert kinds(check) == ["exceedance"]
    assert check.flags[0].standard == "Verified set"
    assert check.flags[0].grade == "V"
    assert check_reading(0.1, "mg/L", "lead", "Lead", sets, {}).flags == []


def test_on_a_tie_c_beats_m_and_v_beats_c():
    c = make_set("c", "C set", [{"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "C"}])
    m = make_set("m", "M set", [{"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "M"}])
    v = make_set("v", "V set", [{"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "V"}])
    assert strictest([m, c], "lead", {})[0].limit_set.id == "c"
    assert strictest([c, v, m], "lead", {})[0].limit_set.id == "v"


def test_an_m_graded_range_gives_one_unverified_flag_for_both_bounds():
    check = check_reading(7, "pH", "ph", "pH", [PH_ONLY_M], {})
    assert kinds(check) == ["unverified_limit"]
    flag = check.flags[0]
    assert flag.message == "Limit unverified: pH 6–9 in NEQS pH has not been checked against the official text"
    assert flag.grade == "M"
    assert flag.limit_set == "neqs-ph"


def test_an_m_graded_limit_that_is_exceeded_gives_the_exceedance_and_one_unverified_flag():
    check = check_reading(5.2, "pH", "ph", "pH", [PH_ONLY_M], {})
    assert sorted(kinds(check)) == ["exceedance", "unverified_limit"]
    assert kinds(check).count("unverified_limit") == 1
    assert exceedances(check)[0].grade == "M"


def test_an_unverified_flag_names_a_max_only_limit_with_its_unit():
    check = check_reading(0.1, "mg/L", "lead", "Lead", [NEQS], {"route": "sewage"})
    assert [f.message for f in check.flags] == [
        "Limit unverified: Lead ≤ 0.5 mg/L in NEQS effluent 2000 has not been checked against the official text"
    ]


def test_a_less_strict_m_limit_that_does_not_bind_gives_no_unverified_flag():
    check = check_reading(0.1, "mg/L", "lead", "Lead", [NEQS, IFC], {"route": "sewage"})
    assert check.flags == []


def test_m_bounds_from_two_different_sets_give_one_unverified_flag_each():
    low = make_set("low", "Low", [{"parameter": "ph", "min": 6.5, "max": 10, "unit": "pH", "grade": "M"}])
    high = make_set("high", "High", [{"parameter": "ph", "min": 5, "max": 8.5, "unit": "pH", "grade": "M"}])
    check = check_reading(7, "pH", "ph", "pH", [low, high], {})
    assert sorted(f.limit_set for f in check.flags if f.kind == "unverified_limit") == ["high", "low"]


# -- context: day and night, zone, route ---------------------------------------------------------------------


def test_noise_by_day_passes_where_the_same_reading_at_night_is_flagged():
    day = check_reading(50, "dB(A)", "laeq", "Noise", [NOISE], {"zone": "residential", "period": "day"})
    night = check_reading(50, "dB(A)", "laeq", "Noise", [NOISE], {"zone": "residential", "period": "night"})
    assert day.flags == []
    assert [f.message for f in night.flags] == ["Noise 50 dB(A) exceeds 45 dB(A) (NEQS noise 2010) by 11%"]


@pytest.mark.parametrize("context", [{"zone": "residential", "period": None}, {"zone": "residential"}])
def test_noise_with_the_period_unknown_is_checked_against_the_strictest_night_limit(context):
    check = check_reading(50, "dB(A)", "laeq", "Noise", [NOISE], context)
    assert [b.value for b in check.bounds] == [45]
    assert kinds(check) == ["exceedance"]


def test_noise_in_an_unknown_zone_is_checked_against_the_strictest_zone():
    check = check_reading(60, "dB(A)", "laeq", "Noise", [NOISE], {"zone": None, "period": "day"})
    assert [b.value for b in check.bounds] == [55]


def test_noise_in_an_industrial_zone_at_night_uses_the_industrial_limit():
    assert check_reading(60, "dB(A)", "laeq", "Noise", [NOISE], {"zone": "industrial", "period": "night"}).flags == []
    flags = check_reading(70, "dB(A)", "laeq", "Noise", [NOISE], {"zone": "industrial", "period": "night"}).flags
    assert [f.limit for f in flags] == [65]


def test_dba_readings_compare_with_db_a_limits():
    assert kinds(check_reading(50, "dBA", "laeq", "Noise", [NOISE], {"zone": "residential", "period": "night"})) == [
        "exceedance"
    ]


def test_a_route_dependent_limit_follows_the_route():
    sewage = check_reading(100, "mg/L", "bod5", "BOD5", [NEQS], {"route": "sewage"})
    inland = check_reading(100, "mg/L", "bod5", "BOD5", [NEQS], {"route": "inland"})
    assert [b.value for b in sewage.bounds] == [250]
    assert "exceedance" not in kinds(sewage)
    assert [b.value for b in inland.bounds] == [80]
    assert kinds(inland) == ["exceedance"]


@pytest.mark.parametrize("context", [{"route": None}, {}])
def test_with_the_route_unknown_the_strictest_route_applies(context):
    check = check_reading(100, "mg/L", "bod5", "BOD5", [NEQS], context)
    assert [b.value for b in check.bounds] == [80]
    assert [f.message for f in check.flags] == ["BOD5 100 mg/L exceeds 80 mg/L (NEQS effluent 2000) by 25%"]


def test_a_route_no_limit_names_leaves_only_route_free_limits():
    check = check_reading(0.62, "mg/L", "lead", "Lead", [NEQS, IFC], {"route": "sea"})
    assert [(b.value, b.limit_set.id) for b in check.bounds] == [(0.2, "ifc-mining")]
    assert strictest([NEQS], "bod5", {"route": "sea"}) == []


def test_context_keys_a_limit_does_not_use_do_not_exclude_it():
    check = check_reading(0.62, "mg/L", "lead", "Lead", [IFC], {"route": "inland", "zone": "x", "averaging": "24h"})
    assert kinds(check) == ["exceedance"]


# -- units ------------------------------------------------------------------------------------------------------


def test_a_reading_in_micrograms_is_converted_before_comparison():
    check = check_reading(620, "µg/L", "lead", "Lead", [NEQS, IFC], {"route": "inland"})
    assert [f.message for f in check.flags] == ["Lead 620 µg/L exceeds 0.2 mg/L (IFC Mining 2007, Table 1) by 210%"]
    assert check.flags[0].margin_pct == 210.0


def test_a_reading_in_micrograms_within_the_limit_passes():
    assert check_reading(150, "ug/L", "lead", "Lead", [IFC], {}).flags == []


def test_limits_in_different_units_are_compared_after_conversion():
    micro = make_set("micro", "Micro", [{"parameter": "lead", "max": 150, "unit": "µg/L", "grade": "V"}])
    for sets in ([IFC, micro], [micro, IFC]):
        bounds = strictest(sets, "lead", {})
        assert len(bounds) == 1
        assert bounds[0].limit_set.id == "micro"
        assert convert(bounds[0].value, bounds[0].unit, "mg/L") == pytest.approx(0.15)


def test_a_reading_in_a_unit_that_does_not_convert_is_flagged_and_not_compared():
    check = check_reading(80, "NTU", "turbidity", "Turbidity", [NEQS], {})
    assert kinds(check) == ["unit_mismatch"]
    flag = check.flags[0]
    assert flag.message == "Turbidity is in NTU; the limit (NEQS effluent 2000) is in mg/L: not compared"
    assert flag.unit == "mg/L"
    assert flag.limit == 50


def test_a_reading_in_an_unknown_unit_is_flagged_and_not_compared():
    assert kinds(check_reading(0.62, "grains/gal", "lead", "Lead", [IFC], {})) == ["unit_mismatch"]


def test_a_reading_without_a_unit_is_compared_in_the_limits_unit():
    check = check_reading(0.62, None, "lead", "Lead", [IFC], {})
    assert [f.message for f in check.flags] == ["Lead 0.62 mg/L exceeds 0.2 mg/L (IFC Mining 2007, Table 1) by 210%"]


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        (620, "µg/L", "mg/L", 0.62),
        (0.2, "mg/L", "µg/L", 200),
        (1, "ppm", "mg/L", 1),
        (1, "g/m³", "mg/L", 1),
        (5, "mg/m³", "µg/m³", 5000),
        (35, "ug/m3", "µg/m³", 35),
        (36, "m³/h", "L/s", 10),
        (150, "cm", "m", 1.5),
        (7, "S.U.", "pH", 7),
        (3, "mg/L", "mg/L", 3),
    ],
)
def test_unit_conversions(value, from_unit, to_unit, expected):
    assert convert(value, from_unit, to_unit) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("from_unit", "to_unit"),
    [("NTU", "mg/L"), ("mg/L", "µg/m³"), ("dB(A)", "mg/L"), ("furlongs", "m"), ("mg/L", None), (None, "mg/L")],
)
def test_units_of_different_kinds_do_not_convert(from_unit, to_unit):
    assert convert(1.0, from_unit, to_unit) is None


# -- parse_limit_set refuses what it cannot use -------------------------------------------------------------------


def problems_of(limits: list[dict[str, Any]]) -> list[str]:
    with pytest.raises(TemplateError) as info:
        make_set("bad", "Bad", limits)
    return [str(p) for p in info.value.problems]


def test_min_above_max_is_refused_naming_the_limit():
    assert problems_of([{"parameter": "ph", "min": 9, "max": 6, "unit": "pH", "grade": "V"}]) == [
        "bad.yaml: limit 'ph': min is above max"
    ]


def test_a_limit_without_min_or_max_is_refused_naming_the_limit():
    assert problems_of([{"parameter": "lead", "unit": "mg/L", "grade": "V"}]) == [
        "bad.yaml: limit 'lead': give a min, a max or both"
    ]


def test_a_bad_grade_is_refused_naming_the_limit_and_the_field():
    problems = problems_of([{"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "X"}])
    assert len(problems) == 1
    assert problems[0].startswith("bad.yaml: limit 'lead': grade: ")


def test_every_bad_limit_is_reported_not_only_the_first():
    problems = problems_of(
        [
            {"parameter": "lead", "unit": "mg/L", "grade": "V"},
            {"parameter": "ph", "min": 9, "max": 6, "unit": "pH", "grade": "V"},
        ]
    )
    assert problems == ["bad.yaml: limit 'lead': give a min, a max or both", "bad.yaml: limit 'ph': min is above max"]


@pytest.mark.parametrize(
    ("limit", "field"),
    [
        ({"parameter": "lead", "max": 0.2, "grade": "V"}, "unit"),
        ({"parameter": "lead", "max": "lots", "unit": "mg/L", "grade": "V"}, "max"),
        ({"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "V", "colour": "red"}, "colour"),
        ({"parameter": "lead-total", "max": 0.2, "unit": "mg/L", "grade": "V"}, "parameter"),
    ],
)
def test_structural_errors_name_the_limit_and_the_field(limit, field):
    problems = problems_of([limit])
    assert any(p.startswith(f"bad.yaml: limit {limit['parameter']!r}: {field}") for p in problems), problems


def test_a_limit_set_that_is_not_a_mapping_is_refused():
    with pytest.raises(TemplateError) as info:
        parse_limit_set(["not", "a", "mapping"], "x.yaml")
    assert str(info.value) == "x.yaml: limit set: the file must hold a mapping"


def test_a_limit_set_with_no_limits_is_refused():
    with pytest.raises(TemplateError) as info:
        make_set("empty", "Empty", [])
    assert [p.field for p in info.value.problems] == ["limits"]


def test_a_limit_set_with_a_bad_id_is_refused():
    with pytest.raises(TemplateError) as info:
        parse_limit_set(
            {
                "id": "Bad Id",
                "version": "1",
                "title": "t",
                "short": "s",
                "source": {"document": "d"},
                "jurisdiction": "PK",
                "medium": "effluent",
                "limits": [{"parameter": "lead", "max": 0.2, "unit": "mg/L", "grade": "V"}],
            },
            "x.yaml",
        )
    assert [(p.where, p.field) for p in info.value.problems] == [("limit set", "id")]


# -- the built-in limit sets ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(FORMS)


def find(library: Library, set_id: str, parameter: str, **context: str):
    found = [
        limit
        for limit in library.limit_sets[set_id].limits
        if limit.parameter == parameter and all(getattr(limit, k) == v for k, v in context.items())
    ]
    assert len(found) == 1, (set_id, parameter, context, found)
    return found[0]


def test_the_built_in_library_loads_without_problems(library: Library):
    assert library.problems == []
    assert {
        "neqs-effluent",
        "neqs-ambient-air",
        "neqs-noise",
        "ifc-mining-effluent",
        "ifc-general-air",
        "ifc-general-noise",
        "ifc-sanitary-sewage",
    } <= set(library.limit_sets)
    for limit_set in library.limit_sets.values():
        assert limit_set.short and limit_set.source.document
        for limit in limit_set.limits:
            assert limit.parameter in library.parameters


def test_neqs_inland_lead_is_0_5_graded_c(library: Library):
    lead = find(library, "neqs-effluent", "lead", route="inland")
    assert (lead.max, lead.unit, lead.grade) == (0.5, "mg/L", "C")


def test_ifc_mining_lead_is_0_2_graded_v(library: Library):
    lead = find(library, "ifc-mining-effluent", "lead")
    assert (lead.max, lead.unit, lead.grade, lead.route) == (0.2, "mg/L", "V", None)


def test_ifc_mining_mercury_is_0_002(library: Library):
    mercury = find(library, "ifc-mining-effluent", "mercury")
    assert (mercury.max, mercury.unit, mercury.grade) == (0.002, "mg/L", "V")


def test_neqs_residential_noise_is_55_by_day_and_45_at_night(library: Library):
    night = find(library, "neqs-noise", "laeq", zone="residential", period="night")
    day = find(library, "neqs-noise", "laeq", zone="residential", period="day")
    assert (night.max, night.unit, night.grade) == (45, "dB(A)", "C")
    assert day.max == 55


def test_neqs_industrial_night_noise_is_65_not_the_indian_70(library: Library):
    assert find(library, "neqs-noise", "laeq", zone="industrial", period="night").max == 65


def test_neqs_ambient_pm2_5_over_24_hours_is_35(library: Library):
    pm = find(library, "neqs-ambient-air", "pm2_5", averaging="24h")
    assert (pm.max, pm.unit, pm.grade) == (35, "µg/m³", "C")


def test_neqs_ph_is_6_to_9_on_every_route(library: Library):
    for route in ("inland", "sewage", "sea"):
        ph = find(library, "neqs-effluent", "ph", route=route)
        assert (ph.min, ph.max) == (6, 9)


def test_the_built_in_sets_together_give_the_documented_message_for_lead(library: Library):
    sets = [library.limit_sets["neqs-effluent"], library.limit_sets["ifc-mining-effluent"]]
    check = check_reading(0.62, "mg/L", "lead", library.parameter_label("lead"), sets, {"route": "inland"})
    assert [f.message for f in check.flags] == ["Lead 0.62 mg/L exceeds 0.2 mg/L (IFC Mining 2007, Table 1) by 210%"]


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        ("arsenic", 0.1),
        ("cadmium", 0.05),
        ("copper", 0.3),
        ("mercury", 0.002),
        ("zinc", 0.5),
        ("tss", 50),
        ("bod5", 50),
    ],
)
def test_the_built_in_sets_give_the_stricter_of_neqs_inland_and_ifc_mining(library: Library, parameter, expected):
    sets = [library.limit_sets["neqs-effluent"], library.limit_sets["ifc-mining-effluent"]]
    bounds = [b for b in strictest(sets, parameter, {"route": "inland"}) if b.side == "max"]
    assert [b.value for b in bounds] == [expected]
    assert bounds[0].limit_set.id == "ifc-mining-effluent"


def test_the_built_in_noise_sets_at_an_unknown_period_apply_the_night_limit(library: Library):
    sets = [library.limit_sets["neqs-noise"], library.limit_sets["ifc-general-noise"]]
    check = check_reading(50, "dB(A)", "laeq", "Noise", sets, {"zone": "residential", "period": None})
    assert [b.value for b in check.bounds] == [45]
    assert "exceedance" in kinds(check)


# -- known bugs -------------------------------------------------------------------------------------------------


def test_a_range_in_a_unit_that_does_not_convert_gives_one_unit_mismatch_flag():
    check = check_reading(7, "mg/L", "ph", "pH", [IFC], {})
    assert kinds(check) == ["unit_mismatch"]


@pytest.mark.parametrize("order", ["ntu_first", "mg_first"])
def test_a_limit_in_a_unit_that_does_not_convert_does_not_hide_one_that_does(order: str):
    ntu = make_set("ntu", "NTU set", [{"parameter": "turbidity", "max": 5, "unit": "NTU", "grade": "V"}])
    mg = make_set("mg", "mg set", [{"parameter": "turbidity", "max": 10, "unit": "mg/L", "grade": "V"}])
    sets = [ntu, mg] if order == "ntu_first" else [mg, ntu]
    check = check_reading(50, "mg/L", "turbidity", "Turbidity", sets, {})
    assert [f.standard for f in exceedances(check)] == ["mg set"]


@pytest.mark.parametrize("order", ["m_first", "v_first"])
def test_equal_limits_written_in_different_units_cite_the_better_graded_one(order: str):
    m = make_set("memory", "Memory set", [{"parameter": "lead", "max": 0.7, "unit": "mg/L", "grade": "M"}])
    v = make_set("verified", "Verified set", [{"parameter": "lead", "max": 700, "unit": "µg/L", "grade": "V"}])
    sets = [m, v] if order == "m_first" else [v, m]
    check = check_reading(0.1, "mg/L", "lead", "Lead", sets, {})
    assert [b.limit_set.id for b in check.bounds] == ["verified"]
    assert check.flags == []
