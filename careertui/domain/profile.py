"""Who the career is about: the few facts every document names (the person, their current
title and level, since when, the company and the team), and which of the vision's kinds of
company a shareable document may name.

:class:`Profile` is a part of :class:`~careertui.domain.models.Vision` (``vision.profile``);
every field is optional, so a store written before it existed loads with an empty profile.

Its text fields follow the same rule as every other text field of the model (line endings made
newlines, trimmed, at most :data:`~careertui.domain.fields.SHORT` long, control characters
refused from input and neutralised in text read from the store). They are built here from
:mod:`careertui.domain.fields` and :mod:`careertui.domain.text` rather than imported from
:mod:`careertui.domain.models`, because that module imports this one for ``Vision.profile``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
)

from careertui.domain import fields
from careertui.domain.text import control_refusal, neutralise


def _normal_text(value: object) -> object:
    return fields.normal_text(value) if isinstance(value, str) else value


def _no_control(value: str, info: ValidationInfo) -> str:
    """Control characters refused from input, neutralised in text read from the store (the
    rule of :class:`careertui.domain.models.TextField`)."""
    context = info.context
    if isinstance(context, Mapping) and context.get("from_store"):
        return neutralise(value)
    problem = control_refusal(value)
    if problem:
        raise ValueError(problem)
    return value


#: A short optional text (the rule of :data:`careertui.domain.models.Short`).
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=False, max_length=fields.SHORT.max_length),
    BeforeValidator(_normal_text),
    AfterValidator(_no_control),
]


class Profile(BaseModel):
    """The person the career is about, as their documents introduce them."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True, defer_build=True)

    name: ShortText = ""
    #: The current job title ("Senior Product Manager").
    title: ShortText = ""
    #: The current level, as the company writes it ("L6", "Senior II").
    level: ShortText = ""
    #: Since when the person holds the current title.
    since: dt.date | None = None
    company: ShortText = ""
    team: ShortText = ""

    @property
    def is_blank(self) -> bool:
        """Nothing written yet."""
        return not any((self.name, self.title, self.level, self.since, self.company, self.team))


def _same_company(kind: str, company: str) -> bool:
    return bool(company) and kind.casefold().strip() == company.casefold().strip()


def current_company_kinds(kinds: Iterable[str], profile: Profile) -> list[str]:
    """The vision's kinds of company that name the current company: all a shareable document
    says about where the person wants to be."""
    return [kind for kind in kinds if _same_company(kind, profile.company)]


def other_company_kinds(kinds: Iterable[str], profile: Profile) -> list[str]:
    """The kinds of company the person would like to work for other than the current one:
    private, named only in a private document."""
    return [kind for kind in kinds if not _same_company(kind, profile.company)]
