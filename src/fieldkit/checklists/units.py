"""The few unit conversions limit checks need: concentrations in water and air, and identities.

Deliberately small: a reading in a unit we cannot convert to the limit's unit is flagged as such,
never compared as if the units were the same.
"""

from __future__ import annotations

# unit -> (dimension, factor to the dimension's base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "mg/L": ("mass/volume water", 1.0),
    "mg/l": ("mass/volume water", 1.0),
    "g/m³": ("mass/volume water", 1.0),
    "µg/L": ("mass/volume water", 1e-3),
    "ug/L": ("mass/volume water", 1e-3),
    "ppm": ("mass/volume water", 1.0),  # dilute aqueous solutions: 1 ppm ≈ 1 mg/L
    "µg/m³": ("mass/volume air", 1.0),
    "ug/m3": ("mass/volume air", 1.0),
    "mg/m³": ("mass/volume air", 1e3),
    "mg/m3": ("mass/volume air", 1e3),
    "dB(A)": ("sound level", 1.0),
    "dBA": ("sound level", 1.0),
    "°C": ("temperature", 1.0),
    "pH": ("pH", 1.0),
    "S.U.": ("pH", 1.0),
    "m": ("length", 1.0),
    "cm": ("length", 0.01),
    "mm": ("length", 0.001),
    "%": ("fraction", 1.0),
    "NTU": ("turbidity", 1.0),
    "MPN/100 mL": ("count/volume", 1.0),
    "L/s": ("flow", 1.0),
    "m³/h": ("flow", 1 / 3.6),
}


def convert(value: float, from_unit: str | None, to_unit: str | None) -> float | None:
    """``value`` in ``to_unit``, or ``None`` when the two units cannot be converted."""
    if from_unit == to_unit or not from_unit or not to_unit:
        return value if from_unit == to_unit else None
    a, b = _UNITS.get(from_unit), _UNITS.get(to_unit)
    if a is None or b is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]
