"""A new win's stored document, built and checked without pydantic.

``careertui win`` runs many times a day, and importing pydantic and building the record
classes costs more than the rest of the command. This module gives the document that
``Win(...).model_dump(mode="json")`` gives and refuses what ``Win`` refuses, naming the same
fields with the same messages, by the rules both read from :mod:`careertui.domain.fields`.
What is left here is only how pydantic words a length error and writes a timestamp;
``tests/unit/test_win_record.py`` keeps the two equal.

It also knows the stored form of a stakeholder well enough to say when a document is exactly
what careertui writes (:func:`canonical_stakeholder`), so the lean append can move a
stakeholder's last contact without loading the model; anything else is left to the full path.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from typing import Any

from careertui.domain import fields
from careertui.domain.clock import now
from careertui.domain.errors import InputError
from careertui.domain.fields import normal_text
from careertui.domain.text import CONTROL, control_refusal, one_line_ending

Errors = list[tuple[str, str]]


def stamp(moment: dt.datetime) -> str:
    """A timestamp as pydantic writes it in JSON mode: ISO 8601, UTC as ``Z``."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def describe(errors: Iterable[tuple[str, str]]) -> str:
    """One line naming every failing field, first message a field, as ``describe`` words it."""
    messages: dict[str, str] = {}
    for field, message in errors:
        messages.setdefault(field, message)
    return "; ".join(f"{field}: {msg}" for field, msg in messages.items())


def _length(value: str, rule: fields.TextRule) -> str | None:
    """pydantic's ``string_too_short`` / ``string_too_long`` message, if ``value`` breaks one."""
    low, high = rule.min_length, rule.max_length
    if len(value) < low:
        return f"String should have at least {low} character{'' if low == 1 else 's'}"
    if high is not None and len(value) > high:
        return f"String should have at most {high} character{'' if high == 1 else 's'}"
    return None


def _text(errors: Errors, field: str, value: str, rule: fields.TextRule) -> str:
    """``value`` as a text field of ``rule`` keeps it, any refusal added to ``errors``."""
    try:
        value = normal_text(value)
    except ValueError as exc:
        errors.append((field, str(exc)))
        return value
    problem = _length(value, rule) or control_refusal(value)
    if problem:
        errors.append((field, problem))
    return value


def metric_document(
    name: str, kind: str, before: str, after: str
) -> tuple[dict[str, str] | None, Errors]:
    """``Metric(name=…, kind=…, before=…, after=…).model_dump()``, or the errors it raises
    (field, message), in the model's field order. ``kind`` is "input" or "output"."""
    errors: Errors = []
    doc = {
        "name": _text(errors, "name", name, fields.METRIC_NAME),
        "kind": kind,
        "before": _text(errors, "before", before, fields.METRIC_BEFORE),
        "after": _text(errors, "after", after, fields.METRIC_AFTER),
    }
    return (None if errors else doc), errors


def _tags(errors: Errors, tags: Iterable[str]) -> list[str]:
    """Each tag as :data:`~careertui.domain.fields.PLAIN` text, then the tags' own rule (which
    runs only when every tag passed)."""
    items: Errors = []
    kept = [_text(items, f"tags.{i}", tag, fields.PLAIN) for i, tag in enumerate(tags)]
    if items:
        errors.extend(items)
        return []
    try:
        return fields.normal_tags(kept)
    except ValueError as exc:
        errors.append(("tags", str(exc)))
        return []


def link_names(
    *, priority: str | None, gaps: Iterable[str] = (), people: Iterable[str] = ()
) -> None:
    """Refuse a ``--priority``, ``--gap`` or ``--with`` name that holds a control character,
    by the models' rule, naming the option (an InputError)."""
    named = [("--priority", [priority] if priority else []), ("--gap", gaps), ("--with", people)]
    for option, names in named:
        for name in names:
            problem = control_refusal(one_line_ending(name))
            if problem:
                raise InputError(f"{option}: {problem}")


def new_win(
    *,
    title: str,
    date: dt.date,
    body: str = "",
    impact: str = "",
    metrics: Sequence[Mapping[str, str]] = (),
    tags: Iterable[str] = (),
    starred: bool = False,
    priority_id: str | None = None,
    gap_ids: Sequence[str] = (),
    stakeholder_ids: Sequence[str] = (),
    told: Sequence[Mapping[str, str]] = (),
    competencies: Sequence[str] = (),
    id: str | None = None,  # noqa: A002 - the field's name
    created: dt.datetime | None = None,
    updated: dt.datetime | None = None,
) -> dict[str, Any]:
    """The stored document of ``Win(title=…, date=…, …)``, or the InputError its validation
    gives (``describe``'s message).

    ``metrics`` are documents from :func:`metric_document` (already valid); the ids are ids of
    stored records (the full path links them without validating them again either). ``id``,
    ``created`` and ``updated`` are drawn as the model draws them unless given.
    """
    errors: Errors = []
    doc: dict[str, Any] = {
        "id": id or fields.new_id("win"),
        "created": stamp(now() if created is None else created),
        "updated": stamp(now() if updated is None else updated),
        "date": date.isoformat(),
        "title": _text(errors, "title", title, fields.TITLE),
        "body": _text(errors, "body", body, fields.TEXT),
        "impact": _text(errors, "impact", impact, fields.TEXT),
        "metrics": [dict(m) for m in metrics],
        "priority_id": priority_id,
        "gap_ids": list(gap_ids),
        "stakeholder_ids": list(stakeholder_ids),
        "tags": _tags(errors, tags),
        "starred": bool(starred),
        "told": [dict(t) for t in told],
        "competencies": list(competencies),
    }
    if errors:
        raise InputError(describe(errors))
    return doc


# -- records as stored -----------------------------------------------------------------------


def _kept(value: str) -> bool:
    """Whether ``value`` is text the models keep as it is: valid Unicode, already trimmed, with
    newline line endings."""
    try:
        return normal_text(value) == value
    except ValueError:
        return False


def canonical_id(value: object) -> bool:
    """Whether ``value`` is an id the models keep exactly as stored."""
    return isinstance(value, str) and 0 < len(value) <= fields.ID_MAX and _kept(value)


def _date_as_written(value: object) -> bool:
    """Whether ``value`` is a date (or none) exactly as careertui writes dates."""
    if value is None:
        return True
    if not isinstance(value, str) or len(value) != 10 or not value.isascii():
        return False
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


#: The lengths of the timestamps pydantic writes: naive, UTC ("Z") or with an offset
#: ("+02:00"), each with or without microseconds.
_STAMP_LENGTHS = frozenset({19, 26, 20, 27, 25, 32})


def _stamp_as_written(value: object) -> bool:
    """Whether ``value`` is a timestamp exactly as pydantic writes one."""
    if not isinstance(value, str) or len(value) not in _STAMP_LENGTHS or not value.isascii():
        return False
    try:
        moment = dt.datetime.fromisoformat(value[:-1] + "+00:00" if value[-1:] == "Z" else value)
    except ValueError:
        return False
    return stamp(moment) == value


def _text_as_written(rule: fields.TextRule) -> Callable[[object], bool]:
    """Whether a value is text of ``rule`` that the models keep as stored: kept as it is,
    within the limits, free of the control characters they would neutralise."""
    low, high = rule.min_length, rule.max_length
    return lambda value: (
        isinstance(value, str)
        and _kept(value)
        and low <= len(value)
        and (high is None or len(value) <= high)
        and CONTROL.search(value) is None
    )


def _choice(kind: type[Enum]) -> Callable[[object], bool]:
    values = frozenset(member.value for member in kind)
    return lambda value: isinstance(value, str) and value in values


def _whole(span: fields.Range) -> Callable[[object], bool]:
    return lambda value: type(value) is int and span.low <= value <= span.high


@functools.cache
def stakeholder_form() -> dict[str, Callable[[object], bool]]:
    """A stakeholder's fields in the model's order, each with the test of its stored form
    (made on first use: the choices are imported only when a win names someone)."""
    from careertui.domain.choices import Relationship, Stance

    return {
        "id": canonical_id,
        "created": _stamp_as_written,
        "updated": _stamp_as_written,
        "name": _text_as_written(fields.TITLE),
        "title": _text_as_written(fields.SHORT),
        "relationship": _choice(Relationship),
        "influence": _whole(fields.LEVEL),
        "stance": _choice(Stance),
        "cares_about": _text_as_written(fields.TEXT),
        "moves_needle": _text_as_written(fields.TEXT),
        "how_to_help": _text_as_written(fields.TEXT),
        "cadence_days": _whole(fields.CADENCE_DAYS),
        "last_contact": _date_as_written,
    }


def canonical_stakeholder(doc: Mapping[str, Any]) -> bool:
    """Whether ``doc`` is exactly ``Stakeholder.model_dump(mode="json")`` of itself: the keys
    in the model's order and every value in the form the model writes back unchanged.

    Then changing ``last_contact`` and ``updated`` in place gives what the full path stores.
    For anything else (a hand-edited file, another version's record) the answer is no and
    the caller leaves the change to the full path.
    """
    form = stakeholder_form()
    return tuple(doc) == tuple(form) and all(test(doc[key]) for key, test in form.items())
