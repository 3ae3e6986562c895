"""A new win's stored document, built and checked without pydantic.

``careertui win`` runs many times a day, and importing pydantic and building the record
classes costs more than the rest of the command. This module gives exactly the document that
``Win(...).model_dump(mode="json")`` gives, and refuses exactly the input ``Win`` refuses, with
the same message (:func:`careertui.domain.errors.describe`'s wording). A property test
(``tests/unit/test_win_record.py``) keeps it equal to the model; a change to ``Win`` or
``Metric`` in :mod:`careertui.domain.models` must be made here too, or that test fails.

It also knows the stored form of a stakeholder well enough to say when a document is exactly
what careertui writes (:func:`canonical_stakeholder`), so the lean append can move a
stakeholder's last contact without loading the model; anything else is left to the full path.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from careertui.domain.clock import now
from careertui.domain.errors import InputError
from careertui.domain.text import CONTROL, control_refusal, one_line_ending

#: The characters pydantic's ``str_strip_whitespace`` removes (Unicode ``White_Space``, what
#: Rust's ``str::trim`` removes). Python's ``str.strip()`` also removes U+001C–U+001F, which
#: pydantic keeps, so ``str.strip()`` is not the same thing.
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

TITLE_MAX = 300  # Title
TEXT_MAX = 20_000  # Text
ID_MAX = 64
METRIC_NAME_MAX = 200
METRIC_VALUE_MAX = 100
METRIC_KINDS = ("input", "output")

WIN_FIELDS = (
    "id",
    "created",
    "updated",
    "date",
    "title",
    "body",
    "impact",
    "metrics",
    "priority_id",
    "gap_ids",
    "stakeholder_ids",
    "tags",
    "starred",
)
METRIC_FIELDS = ("name", "kind", "before", "after")


def trim(text: str) -> str:
    """``text`` without the leading and trailing whitespace pydantic strips."""
    return text.strip(WHITESPACE)


def new_id(prefix: str) -> str:
    """A fresh record id, as :func:`careertui.domain.models.new_id` makes them (12 hex digits
    from the OS's random source; ``secrets.token_hex`` reads the same source)."""
    return f"{prefix}_{os.urandom(6).hex()}"


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


def _plural(n: int) -> str:
    return "character" if n == 1 else "characters"


def _length(value: str, low: int, high: int) -> str | None:
    """pydantic's ``string_too_short`` / ``string_too_long`` message, if ``value`` breaks one."""
    if len(value) < low:
        return f"String should have at least {low} {_plural(low)}"
    if len(value) > high:
        return f"String should have at most {high} {_plural(high)}"
    return None


#: pydantic's message for a str it cannot hand to Rust (a lone surrogate, which Python keeps
#: for bytes of a command-line argument that are not UTF-8).
NOT_UNICODE = "Input should be a valid string, unable to parse raw data as a unicode string"


def _unicode(value: str) -> bool:
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _text(errors: list[tuple[str, str]], field: str, value: str, low: int, high: int) -> str:
    """A text field as the models take it: line endings made newlines, whitespace trimmed,
    then the length limits and the models' own control-character rule
    (:func:`careertui.domain.text.control_refusal`), in that order."""
    value = one_line_ending(value)
    if not _unicode(value):
        errors.append((field, NOT_UNICODE))
        return value
    value = trim(value)
    problem = _length(value, low, high) or control_refusal(value)
    if problem:
        errors.append((field, problem))
    return value


def metric_document(
    name: str, kind: str, before: str, after: str
) -> tuple[dict[str, str] | None, list[tuple[str, str]]]:
    """``Metric(name=…, kind=…, before=…, after=…).model_dump()``, or the errors it raises
    (field, message), in the model's field order."""
    errors: list[tuple[str, str]] = []
    doc = {"name": _text(errors, "name", name, 1, METRIC_NAME_MAX)}
    if kind not in METRIC_KINDS:
        errors.append(("kind", "Input should be 'input' or 'output'"))
    doc["kind"] = kind
    doc["before"] = _text(errors, "before", before, 0, METRIC_VALUE_MAX)
    doc["after"] = _text(errors, "after", after, 1, METRIC_VALUE_MAX)
    return (None if errors else doc), errors


def _tag_refusal(tag: str) -> str | None:
    """Why one tag (its line endings already made newlines) fails as a list item."""
    return NOT_UNICODE if not _unicode(tag) else control_refusal(trim(tag))


def _tags(errors: list[tuple[str, str]], tags: Iterable[str]) -> list[str]:
    """The ``Win._normal_tags`` validator, after pydantic has stripped each tag."""
    tags = [one_line_ending(tag) for tag in tags]
    broken = [(f"tags.{i}", _tag_refusal(tag)) for i, tag in enumerate(tags)]
    if any(problem for _, problem in broken):  # an item failed: the validator does not run
        errors.extend((field, problem) for field, problem in broken if problem)
        return []
    seen: list[str] = []
    for raw in tags:
        tag = trim(raw).strip().lstrip("#").lower()
        if not tag:
            continue
        if any(ch.isspace() for ch in tag):
            errors.append(("tags", f"tag {tag!r} must be one word"))
            return []
        if tag not in seen:
            seen.append(tag)
    return seen


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
    errors: list[tuple[str, str]] = []
    created_at = now() if created is None else created
    updated_at = now() if updated is None else updated
    doc: dict[str, Any] = {
        "id": id or new_id("win"),
        "created": stamp(created_at),
        "updated": stamp(updated_at),
        "date": date.isoformat(),
        "title": _text(errors, "title", title, 1, TITLE_MAX),
        "body": _text(errors, "body", body, 0, TEXT_MAX),
        "impact": _text(errors, "impact", impact, 0, TEXT_MAX),
        "metrics": [{key: m[key] for key in METRIC_FIELDS} for m in metrics],
        "priority_id": priority_id,
        "gap_ids": list(gap_ids),
        "stakeholder_ids": list(stakeholder_ids),
        "tags": _tags(errors, tags),
        "starred": bool(starred),
    }
    if errors:
        raise InputError(describe(errors))
    return doc


# -- stakeholders as stored ------------------------------------------------------------------

STAKEHOLDER_FIELDS = (
    "id",
    "created",
    "updated",
    "name",
    "title",
    "relationship",
    "influence",
    "stance",
    "cares_about",
    "moves_needle",
    "how_to_help",
    "cadence_days",
    "last_contact",
)
RELATIONSHIPS = frozenset(
    {
        "manager",
        "skip-level",
        "peer",
        "mentor",
        "sponsor",
        "direct report",
        "executive",
        "customer",
        "other",
    }
)
STANCES = frozenset({"champion", "supporter", "neutral", "skeptic", "blocker", "unknown"})


def canonical_id(value: object) -> bool:
    """Whether ``value`` is an id the models keep exactly as stored."""
    return isinstance(value, str) and 0 < len(value) <= ID_MAX and trim(value) == value


def _canonical_text(value: object, low: int, high: int) -> bool:
    """Whether the models keep ``value`` as stored: trimmed, within the limits, and free of the
    control characters (carriage returns included) they would change on reading it."""
    return (
        isinstance(value, str)
        and trim(value) == value
        and low <= len(value) <= high
        and CONTROL.search(value) is None
    )


def _canonical_int(value: object, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


#: The lengths of the timestamps pydantic writes: naive, UTC ("Z") or with an offset
#: ("+02:00"), each with or without microseconds.
_STAMP_LENGTHS = frozenset({19, 26, 20, 27, 25, 32})


def _canonical_stamp(value: object) -> bool:
    if not isinstance(value, str) or len(value) not in _STAMP_LENGTHS or not value.isascii():
        return False
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return stamp(moment) == value and "T" in value


def canonical_date(value: object) -> dt.date | None:
    """The date ``value`` holds if it is written exactly as careertui writes dates."""
    if not isinstance(value, str) or len(value) != 10 or not value.isascii():
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if day.isoformat() == value else None


def canonical_stakeholder(doc: Mapping[str, Any]) -> bool:
    """Whether ``doc`` is exactly ``Stakeholder.model_dump(mode="json")`` of itself: the keys
    in the model's order and every value in the form the model writes back unchanged.

    Then changing ``last_contact`` and ``updated`` in place gives what ``Repository.update``
    stores. For anything else (a hand-edited file, another version's record) the answer is
    no and the caller leaves the change to the full path.
    """
    if tuple(doc) != STAKEHOLDER_FIELDS:
        return False
    last = doc["last_contact"]
    return (
        canonical_id(doc["id"])
        and _canonical_stamp(doc["created"])
        and _canonical_stamp(doc["updated"])
        and _canonical_text(doc["name"], 1, TITLE_MAX)
        and _canonical_text(doc["title"], 0, TITLE_MAX)
        and isinstance(doc["relationship"], str)
        and doc["relationship"] in RELATIONSHIPS
        and _canonical_int(doc["influence"], 1, 5)
        and isinstance(doc["stance"], str)
        and doc["stance"] in STANCES
        and _canonical_text(doc["cares_about"], 0, TEXT_MAX)
        and _canonical_text(doc["moves_needle"], 0, TEXT_MAX)
        and _canonical_text(doc["how_to_help"], 0, TEXT_MAX)
        and _canonical_int(doc["cadence_days"], 0, 3650)
        and (last is None or canonical_date(last) is not None)
    )
