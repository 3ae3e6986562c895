"""What the app remembers between sessions, as one typed model.

Stored in the ``settings`` table, one document per key (``{"value": …}``) under the names in
each field's alias. A stored value that does not fit (a hand edit, a newer careertui) is
passed over and the default used: a preference never stops the app from opening.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careertui.domain.cadence import REVIEW_DONE_SETTING

GapOrder = Literal["manual", "score"]
GuidedStart = Literal["skipped", "done"]


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="ignore")

    #: The colour theme's name (one of Textual's themes).
    theme: str | None = Field(default=None, max_length=100)
    #: The gap board's order: the user's own, or by score.
    gap_order: GapOrder = Field(default="manual", alias="gaps.order")
    #: The guided start was skipped or finished, so it does not open by itself again.
    guided_start: GuidedStart | None = Field(default=None, alias="vision.guided_start")
    #: The weekly review's step where it was left (0–4); None when no review is under way.
    review_step: int | None = Field(default=None, ge=0, le=4, alias="review.step")
    #: The day the last weekly review was finished.
    review_done: dt.date | None = Field(default=None, alias=REVIEW_DONE_SETTING)

    @classmethod
    def stored_key(cls, field: str) -> str:
        """The key ``field`` is stored under in the settings table."""
        return cls.model_fields[field].alias or field

    @classmethod
    def from_stored(cls, values: Mapping[str, Any]) -> Settings:
        """The settings from the stored ``{key: value}``; a value that does not fit is
        passed over."""
        kept: dict[str, Any] = {}
        for name, info in cls.model_fields.items():
            key = info.alias or name
            if key not in values:
                continue
            try:
                cls.model_validate({key: values[key]})
            except ValidationError:
                continue
            kept[key] = values[key]
        return cls.model_validate(kept)

    @classmethod
    def checked(cls, field: str, value: Any) -> Any:
        """``value`` as the field named ``field`` takes it; raises ``ValidationError`` when it
        does not fit."""
        return getattr(cls.model_validate({cls.stored_key(field): value}), field)
