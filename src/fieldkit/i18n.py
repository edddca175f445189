"""Translatable text in the Qt-free core.

Core modules mark user-visible text with ``translate(context, text)``. Without a GUI it returns the
text unchanged (the CLI speaks English); the GUI installs Qt's ``QCoreApplication.translate`` at
start-up, so core messages and widget strings share one catalogue (resources/translations/*.ts),
which ``pyside6-lupdate`` fills from these calls.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None
_language = "en"


def translate(context: str, text: str) -> str:
    """Return ``text`` in the user's language when a translator is installed."""
    if _translator is None:
        return text
    return _translator(context, text)


def install_translator(func: Callable[[str, str], str] | None, language: str = "en") -> None:
    """Route :func:`translate` through ``func`` (``None`` restores plain English); ``language`` is
    the interface language, used where core messages quote multilingual content (item labels)."""
    global _translator, _language
    _translator = func
    _language = language if func is not None else "en"


def current_language() -> str:
    return _language
