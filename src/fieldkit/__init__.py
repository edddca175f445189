"""FieldKit: offline-first field inspection for mine sites."""

__version__ = "0.1.0"
