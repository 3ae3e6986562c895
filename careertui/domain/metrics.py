"""Metrics as typed on the command line: ``"activation rate: 31% -> 38%"``."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import ValidationError

from careertui.domain.errors import InputError, describe
from careertui.domain.models import Metric

_ARROW = re.compile(r"\s*(?:->|→|=>)\s*")


def parse_metric(text: str, kind: Literal["input", "output"] = "output") -> Metric:
    """``NAME: BEFORE -> AFTER`` or ``NAME: VALUE``."""
    name, sep, values = text.partition(":")
    if not sep or not name.strip() or not values.strip():
        raise InputError(
            f"metric {text!r} should look like 'activation rate: 31% -> 38%' "
            "(name: before -> after)"
        )
    parts = _ARROW.split(values.strip())
    if len(parts) == 1:
        before, after = "", parts[0]
    elif len(parts) == 2 and all(p.strip() for p in parts):
        before, after = parts
    else:
        raise InputError(f"metric {text!r} should have one value before '->' and one after")
    try:
        return Metric(name=name, kind=kind, before=before, after=after)
    except ValidationError as exc:
        raise InputError(f"metric {text!r}: {describe(exc)}") from exc
