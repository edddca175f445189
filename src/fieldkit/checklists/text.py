"""Text in the three languages FieldKit speaks: English (required), Urdu and Chinese."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

LANGUAGES = ("en", "ur", "zh")


class LocalText(BaseModel):
    """A label or guidance text. In YAML either a plain string (English) or ``{en:, ur:, zh:}``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str = Field(min_length=1, max_length=4000)
    ur: str | None = Field(default=None, max_length=4000)
    zh: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"en": data}
        return data

    def get(self, lang: str = "en") -> str:
        """The text in ``lang``, falling back to English."""
        return getattr(self, lang, None) or self.en

    def __str__(self) -> str:
        return self.en
