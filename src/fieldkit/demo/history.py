"""Six months of effluent sampling at Saindak before the November round, so that trends have a history.

The monthly round (second Tuesday, May to October 2026) samples the final outfall below the TSF decant
return, by the same inspector as the November round, and each was approved once the laboratory report
was in. The readings tell a story that the November round (in :mod:`fieldkit.demo.data`) finishes:
copper creeps up towards the IFC value of 0.3 mg/L (and exceeds it in November), lead exceeded the IFC
value of 0.2 mg/L once, in July (a finding, closed after the decant return was rerouted), and sits
close to it again in September and October; pH and suspended solids move with the season. The other
results stay steady within about 10 % of the levels the November round reports (seeded, so the same on
every machine).
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from fieldkit.demo.data import PKT, pkt

TITLE = "Monthly effluent sampling, TSF decant and plant outfall"
LAB = "Environmental laboratory, Quetta (EPA-certified; demo)"
LAB_DAYS = 8
"""Days from sampling to the signed laboratory report; the round is submitted the day after."""

# (month, day, weather, air °C, effluent °C, upstream °C, approval comment, notes)
ROUNDS: list[tuple[int, int, str, float, float, float, str | None, str | None]] = [
    (5, 12, "Hot, clear, light northerly wind", 36.0, 27.5, 26.0, "Results within limits.", None),
    (6, 9, "Very hot, hazy", 42.0, 30.5, 29.0, None, "Outfall flow low; decant return pump on one duty."),
    (
        7,
        14,
        "Very hot, strong northerly wind (the 120-day wind), dust",
        44.0,
        32.0,
        30.5,
        "Lead above the IFC value: finding raised with MRDL.",
        "Thickener overflow upset on 9 July reported by the plant; decant return running high.",
    ),
    (8, 11, "Hot, dusty, northerly wind", 41.0, 31.5, 29.8, "Lead back below the limit; finding closed.", None),
    (9, 8, "Hot, clear", 37.0, 29.0, 27.6, None, None),
    (
        10,
        6,
        "Clear, dry, light wind",
        31.0,
        26.0,
        24.8,
        "Copper at 0.28 mg/L, close to the IFC 0.3 mg/L: watch the copper circuit overflow.",
        None,
    ),
]

# Readings that move, one per round (May to October): pH in pH units, the rest in mg/L.
TRENDS: dict[str, tuple[float, ...]] = {
    "ph": (7.6, 7.9, 8.2, 7.4, 7.0, 7.7),
    "tss": (18.4, 24.0, 37.5, 31.2, 11.8, 21.6),
    "copper": (0.12, 0.14, 0.17, 0.19, 0.23, 0.28),
    "lead": (0.06, 0.09, 0.24, 0.11, 0.17, 0.18),
}

# Readings that hold steady (mg/L), each round within ±10 % of these.
TYPICAL: dict[str, float] = {
    "bod5": 12.0,
    "cod": 75.0,
    "oil_grease": 3.5,
    "tds": 780.0,
    "sulphate": 310.0,
    "arsenic": 0.045,
    "cadmium": 0.009,
    "chromium_total": 0.52,
    "chromium_vi": 0.03,
    "mercury": 0.0009,
    "nickel": 0.19,
    "zinc": 0.14,
    "iron": 0.85,
    "manganese": 0.34,
    "fluoride": 5.0,
    "ammonia": 6.2,
    "cyanide_total": 0.30,
    "cyanide_wad": 0.22,
    "cyanide_free": 0.02,
}

FINDINGS: dict[int, dict[str, dict[str, Any]]] = {
    7: {
        "lead": {
            "corrective_action": "Route the decant return back to the TSF until the thickener overflow is stable "
            "and resample lead at the next monthly round.",
            "responsible": "MRDL Environment Department",
            "due_days": 30,
            "status": "closed",
        }
    }
}


def _reading(value: float) -> float:
    """A laboratory-style figure: two or three significant digits."""
    if value < 0.01:
        return round(value, 4)
    if value < 1:
        return round(value, 3)
    return round(value, 1)


def _round(n: int, spec: tuple[int, int, str, float, float, float, str | None, str | None]) -> dict[str, Any]:
    """Round ``n`` as an inspection spec like those in :data:`fieldkit.demo.data.INSPECTIONS`, with no track
    (``track``), one photo (``photos``, taken when the report arrived: ``photos_at``) and its review waiting
    for the laboratory (``review_after_days``)."""
    month, day, weather, air, effluent, upstream, comment, notes = spec
    key = f"sdk-effluent-2026-{month:02d}"
    rng = random.Random(f"history:{key}")
    sampled = pkt(2026, month, day, 7, 45)
    stamp = sampled.astimezone(PKT)
    report_date = (stamp + timedelta(days=LAB_DAYS)).date()
    conductivity = round(1200 * rng.uniform(0.9, 1.1))
    params = {p: _reading(v * rng.uniform(0.9, 1.1)) for p, v in TYPICAL.items()}
    params.update({p: series[n] for p, series in TRENDS.items()})
    return {
        "key": key,
        "form": "effluent-sampling",
        "answers": {
            "share": 1.0,
            "items": {
                "sampling_point_code": "EFF-01",
                "point_type": "final_outfall",
                "discharge_route": "inland",
                "receiving_water": "Saindak nullah (dry most of the year) and the evaporation flat below the outfall",
                "discharging_now": "yes",
                "flow_rate": round(45 * rng.uniform(0.8, 1.2), 1),
                "sample_taken": "yes",
                "sample_time": sampled.isoformat(),
                "sampler_name": "Ayesha Baloch",
                "sample_id": f"EFF-01-{stamp:%Y%m%d-%H%M}",
                "sample_type": "grab",
                "qc_samples": ["field_blank"],
                "coc_number": f"COC-SDK-2026-{month:02d}-01",
                "effluent_temperature": effluent,
                "receiving_temperature": upstream,
                "mixing_zone_temperature": None,
                "conductivity": conductivity,
                "tds_field": round(conductivity * 0.65),
                "lab_results_received": "yes",
                "lab_name": LAB,
                "lab_report_number": f"QEL/SDK/2026/{month:02d}{day:02d}",
                "lab_report_date": report_date.isoformat(),
                "lab_remarks": "All analyses within holding times; metals as total metals.",
                "remarks": notes or "Routine monthly round.",
            },
            "params": params,
        },
        "findings": FINDINGS.get(month, {}),
        "track": False,
        "photos": ["lab_report_photos"],
        "photos_at": pkt(report_date.year, report_date.month, report_date.day, 10),
        "site": "SDK",
        "inspector": "inspector",
        "title": TITLE,
        "planned_at": pkt(2026, month, day, 7),
        "started_at": pkt(2026, month, day, 7, 20),
        "finished_at": pkt(2026, month, day, 11, 30),
        "weather": weather,
        "temperature_c": air,
        "notes": notes,
        "review_after_days": LAB_DAYS,
        "path": [("submitted", "inspector", None), ("approved", "supervisor", comment)],
    }


EFFLUENT_HISTORY: list[dict[str, Any]] = [_round(n, spec) for n, spec in enumerate(ROUNDS)]
