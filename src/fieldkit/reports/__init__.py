"""Printable PDF reports: reportlab documents in English, Urdu and Chinese, alone or side by side."""
