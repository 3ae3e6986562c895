"""Metrics as typed on the command line: ``"activation rate: 31% -> 38%"``.

One parser for both paths: :func:`metric_doc` gives the stored document without pydantic (what
``careertui win`` uses), :func:`parse_metric` the ``Metric`` model built from that same
document (what the app's forms use). Both refuse the same text with the same message.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from careertui.domain.errors import InputError
from careertui.domain.win_record import describe, metric_document

if TYPE_CHECKING:
    from careertui.domain.models import Metric

_ARROW = re.compile(r"\s*(?:->|→|=>)\s*")


def split_metric(text: str) -> tuple[str, str, str]:
    """``NAME: BEFORE -> AFTER`` or ``NAME: VALUE`` as (name, before, after), unstripped."""
    name, sep, values = text.partition(":")
    if not sep or not name.strip() or not values.strip():
        raise InputError(
            f"metric {text!r} should look like 'activation rate: 31% -> 38%' "
            "(name: before -> after)"
        )
    parts = _ARROW.split(values.strip())
    if len(parts) == 1:
        return name, "", parts[0]
    if len(parts) == 2 and all(p.strip() for p in parts):
        return name, parts[0], parts[1]
    raise InputError(f"metric {text!r} should have one value before '->' and one after")


def metric_doc(text: str, kind: Literal["input", "output"] = "output") -> dict[str, str]:
    """The stored form of the metric ``text`` describes (``Metric.model_dump()``)."""
    name, before, after = split_metric(text)
    doc, errors = metric_document(name, kind, before, after)
    if doc is None:
        raise InputError(f"metric {text!r}: {describe(errors)}")
    return doc


def parse_metric(text: str, kind: Literal["input", "output"] = "output") -> Metric:
    """``NAME: BEFORE -> AFTER`` or ``NAME: VALUE``, as a ``Metric``."""
    from careertui.domain.models import Metric

    return Metric(**metric_doc(text, kind))
