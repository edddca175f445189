"""The demo's content: real Pakistani mine sites (approximate locations and boundaries) and people.

Coordinates are approximate and the boundaries are drawn for the demo, not taken from licences;
licence numbers are placeholders marked "demo". Operators and partners are as publicly reported.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

PKT = timezone(timedelta(hours=5), "PKT")


def pkt(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Pakistan Standard Time wall-clock time, as an aware datetime in UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=PKT).astimezone(UTC)


def boundary(lat: float, lon: float, radii_km: list[float], rotate_deg: float = 0.0) -> dict:
    """An irregular closed polygon around (lat, lon): one vertex per radius, evenly spaced in angle."""
    ring = []
    n = len(radii_km)
    for i, r in enumerate(radii_km):
        a = math.radians(rotate_deg + 360.0 * i / n)
        dlat = r * math.cos(a) / 111.32
        dlon = r * math.sin(a) / (111.32 * math.cos(math.radians(lat)))
        ring.append([round(lon + dlon, 6), round(lat + dlat, 6)])
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


SITES = [
    {
        "code": "SDK",
        "name": "Saindak Copper-Gold Project",
        "local_names": {"ur": "سینڈک کاپر گولڈ پراجیکٹ", "zh": "山达克铜金项目"},
        "operator": "MCC Resources Development Co. (Pvt) Ltd (MRDL)",
        "partners": ["Saindak Metals Ltd (Government of Pakistan)", "China Metallurgical Group Corp. (MCC)"],
        "commodity": "Copper, gold, silver",
        "province": "Balochistan",
        "district": "Chagai",
        "licence_no": "ML-CHG-0001 (demo)",
        "latitude": 29.2633,
        "longitude": 61.5717,
        "boundary": boundary(29.2633, 61.5717, [3.4, 4.1, 3.6, 2.9, 3.3, 4.4, 3.8, 3.1], 10),
        "limit_sets": ["neqs-effluent", "ifc-mining-effluent", "neqs-ambient-air", "neqs-noise", "ifc-general-noise"],
    },
    {
        "code": "DDR",
        "name": "Duddar Lead-Zinc Mine",
        "local_names": {"ur": "دودر لیڈ زنک کان", "zh": "杜达铅锌矿"},
        "operator": "MCC-JJJ Mining Development Co. (Duddar)",
        "partners": ["China Metallurgical Group Corp. (MCC)", "Government of Balochistan"],
        "commodity": "Lead, zinc",
        "province": "Balochistan",
        "district": "Lasbela (Hub)",
        "licence_no": "ML-LSB-0002 (demo)",
        "latitude": 26.0742,
        "longitude": 66.3372,
        "boundary": boundary(26.0742, 66.3372, [1.6, 2.2, 1.9, 1.4, 1.8, 2.4, 1.7], 25),
        "limit_sets": ["neqs-effluent", "ifc-mining-effluent", "neqs-ambient-air", "neqs-noise", "ifc-general-noise"],
    },
    {
        "code": "THR",
        "name": "Thar Coal Block II",
        "local_names": {"ur": "تھر کول بلاک II", "zh": "塔尔煤田二区"},
        "operator": "Sindh Engro Coal Mining Company (SECMC)",
        "partners": [
            "Government of Sindh",
            "Engro Energy",
            "China Machinery Engineering Corp. (CMEC)",
            "Thal Ltd",
            "Hub Power Co.",
        ],
        "commodity": "Lignite",
        "province": "Sindh",
        "district": "Tharparkar",
        "licence_no": "ML-THP-0003 (demo)",
        "latitude": 24.7986,
        "longitude": 70.3211,
        "boundary": boundary(24.7986, 70.3211, [4.6, 5.1, 4.3, 4.8, 5.5, 4.2], 0),
        "limit_sets": ["neqs-effluent", "ifc-mining-effluent", "neqs-ambient-air", "neqs-noise", "ifc-general-noise"],
    },
    {
        "code": "MBC",
        "name": "Muslim Bagh Chromite Lease",
        "local_names": {"ur": "مسلم باغ کرومائٹ لیز", "zh": "穆斯林巴格铬铁矿"},
        "operator": "Muslim Bagh chromite lease holder (demo)",
        "partners": [],
        "commodity": "Chromite",
        "province": "Balochistan",
        "district": "Killa Saifullah",
        "licence_no": "ML-KSF-0004 (demo)",
        "latitude": 30.8310,
        "longitude": 69.0810,
        "boundary": boundary(30.8310, 69.0810, [0.9, 1.2, 1.0, 0.8, 1.1], 40),
        "limit_sets": ["neqs-effluent", "neqs-ambient-air", "neqs-noise"],
    },
]

_ALL = [s["code"] for s in SITES]

USERS = [
    {"username": "inspector", "display_name": "Ayesha Baloch", "role": "inspector", "site_codes": _ALL[:3]},
    {"username": "inspector2", "display_name": "Imran Kakar", "role": "inspector", "site_codes": ["MBC"]},
    {"username": "supervisor", "display_name": "Farhan Qureshi", "role": "supervisor", "site_codes": _ALL},
    {"username": "liaison", "display_name": "Saima Jatoi", "role": "liaison", "site_codes": _ALL},
    {"username": "admin", "display_name": "Registry Administrator", "role": "admin", "site_codes": _ALL},
]

# Each inspection: key, site, inspector, title, planned/started/finished (PKT), weather, temperature,
# notes, then the status path it went through (each step by whom, with a review comment).
INSPECTIONS = [
    {
        "key": "sdk-tsf-2026-10",
        "form": "tsf-inspection",
        "answers": {
            "share": 1.0,
            "items": {
                "crest_level": 1052.0,
                "pond_level": 1048.6,
                "min_design_freeboard": 1.5,
                "beach_width": 140.0,
                "min_beach_width": 100.0,
                "pz1_trigger": 1041.5,
                "pz1_level": 1038.2,
                "pz2_trigger": 1040.0,
                "pz2_level": 1037.9,
                "pz3_trigger": 1039.0,
                "pz3_level": 1036.4,
            },
        },
        "site": "SDK",
        "inspector": "inspector",
        "title": "Tailings storage facility: monthly inspection",
        "planned_at": pkt(2026, 10, 14, 8),
        "started_at": pkt(2026, 10, 14, 8, 40),
        "finished_at": pkt(2026, 10, 14, 13, 15),
        "weather": "Clear, dry, NW wind 20 km/h with dust",
        "temperature_c": 31.0,
        "notes": "Walked the full crest of the TSF embankment from the north abutment to the spillway.",
        "path": [("submitted", "inspector", None), ("approved", "supervisor", "Complete and clear.")],
    },
    {
        "key": "sdk-effluent-2026-11",
        "form": "effluent-sampling",
        "answers": {
            "share": 1.0,
            "items": {
                "discharge_route": "inland",
                "sample_taken": "yes",
                "lab_results_received": "yes",
                "effluent_temperature": 24.5,
                "receiving_temperature": 23.0,
                "mixing_zone_temperature": None,
            },
            "params": {"lead": 0.62, "copper": 0.45},
        },
        "findings": {
            "lead": {
                "corrective_action": "Stop the decant return to the Saindak nullah; route it back to the TSF "
                "and test the lime dosing of the thickener overflow.",
                "responsible": "MRDL Environment Department",
                "due_days": 14,
            },
            "copper": {
                "corrective_action": "Check the copper circuit overflow and resample within 7 days.",
                "responsible": "MRDL Process Plant",
                "due_days": 21,
            },
        },
        "site": "SDK",
        "inspector": "inspector",
        "title": "Effluent sampling at the TSF decant and plant outfall",
        "planned_at": pkt(2026, 11, 10, 7),
        "started_at": pkt(2026, 11, 10, 7, 20),
        "finished_at": pkt(2026, 11, 10, 11, 50),
        "weather": "Clear, calm",
        "temperature_c": 22.5,
        "notes": "Field readings taken on site; lab results for metals and cyanide to follow.",
        "path": [("submitted", "inspector", None)],
    },
    {
        "key": "sdk-air-2026-11",
        "form": "ambient-air-dust",
        "site": "SDK",
        "inspector": "inspector",
        "title": "Ambient air and dust round, haul roads and crusher",
        "planned_at": pkt(2026, 11, 26, 9),
        "weather": None,
        "temperature_c": None,
        "notes": None,
        "path": [],
    },
    {
        "key": "ddr-explosives-2026-10",
        "gap": True,
        "form": "explosives-blasting",
        "answers": {
            "share": 1.0,
            "items": {
                "register_explosives": 1250.0,
                "physical_explosives": 1250.0,
                "licensed_capacity": 5000.0,
                "register_detonators": 340,
                "physical_detonators": 340,
            },
        },
        "site": "DDR",
        "inspector": "inspector",
        "title": "Explosives magazine and blasting audit",
        "planned_at": pkt(2026, 10, 28, 9),
        "started_at": pkt(2026, 10, 28, 9, 30),
        "finished_at": pkt(2026, 10, 28, 12, 0),
        "weather": "Hazy, humid, SW sea breeze",
        "temperature_c": 33.0,
        "notes": "Magazine No. 2 inspected with the shot-firer in charge.",
        "path": [
            ("submitted", "inspector", None),
            (
                "returned",
                "supervisor",
                "Add the October stock reconciliation and photos of the magazine register.",
            ),
        ],
    },
    {
        "key": "ddr-water-2026-11",
        "form": "effluent-sampling",
        "answers": {
            "share": 0.45,
            "items": {
                "discharge_route": "inland",
                "sample_taken": "yes",
                "lab_results_received": "no",
                "effluent_temperature": 31.0,
                "receiving_temperature": 29.5,
                "mixing_zone_temperature": None,
            },
            "params": {"ph": 9.4},
        },
        "site": "DDR",
        "inspector": "inspector",
        "title": "Mine water discharge sampling, Porali catchment",
        "planned_at": pkt(2026, 11, 20, 8),
        "started_at": pkt(2026, 11, 20, 8, 10),
        "weather": "Sunny, light wind",
        "temperature_c": 29.0,
        "notes": None,
        "path": [],
    },
    {
        "key": "thr-community-2026-09",
        "form": "community-liaison-visit",
        "answers": {"share": 1.0, "items": {}},
        "site": "THR",
        "inspector": "inspector",
        "title": "Community liaison visit, Senhri Dars village",
        "planned_at": pkt(2026, 9, 22, 10),
        "started_at": pkt(2026, 9, 22, 10, 15),
        "finished_at": pkt(2026, 9, 22, 14, 30),
        "weather": "Hot, dusty",
        "temperature_c": 38.5,
        "notes": "Meeting at the village school with 23 residents; water supply and dust raised.",
        "path": [("submitted", "inspector", None), ("approved", "supervisor", None)],
    },
    {
        "key": "thr-noise-2026-11",
        "form": "noise-survey",
        "answers": {
            "share": 1.0,
            "items": {
                "zone": "residential",
                "period": "night",
                "cal_before": 94.0,
                "cal_after": 94.2,
                "background_laeq": 41.0,
                "lamax": 68.0,
                "wind_speed": 1.5,
                "duration_minutes": 60,
            },
            "params": {"laeq": 52.3},
        },
        "findings": {
            "laeq": {
                "corrective_action": "Restrict night haulage past Islamkot to 22:00-06:00 exemptions only and "
                "fit broadband reversing alarms; repeat the night survey.",
                "responsible": "SECMC Mining Operations",
                "due_days": 30,
            }
        },
        "site": "THR",
        "inspector": "inspector",
        "title": "Noise survey at Islamkot road receptors",
        "planned_at": pkt(2026, 11, 5, 18),
        "started_at": pkt(2026, 11, 5, 18, 5),
        "finished_at": pkt(2026, 11, 5, 23, 40),
        "weather": "Clear night, calm",
        "temperature_c": 24.0,
        "notes": "Day and night LAeq at four receptors along the haul road.",
        "path": [("submitted", "inspector", None)],
    },
    {
        "key": "mbc-hse-2026-11",
        "form": "hse-site-walk",
        "answers": {"share": 0.5, "items": {"ppe_compliant": "no", "housekeeping": "no"}},
        "site": "MBC",
        "inspector": "inspector2",
        "title": "General HSE site walk",
        "planned_at": pkt(2026, 11, 18, 9),
        "started_at": pkt(2026, 11, 18, 9, 20),
        "weather": "Cold, clear",
        "temperature_c": 9.0,
        "notes": "Adit entrances and waste dumps on the eastern slope.",
        "path": [],
    },
]
