"""Validation messages a person can read, naming the field: the one place that turns pydantic's
error types ("literal_error", "string_too_short", …) into text for the forms.

A message the domain wrote itself (a ``ValueError`` in a validator) is already written for a
person and is kept; one that starts with "must" gets the field's name in front of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails


def field_noun(name: str) -> str:
    """A field's name as a person says it: ``cadence_days`` → "Cadence days",
    ``priority_id`` → "Priority", ``gap_ids`` → "Gaps"."""
    if name.endswith("_ids"):
        name = name[: -len("_ids")] + "s"
    elif name.endswith("_id"):
        name = name[: -len("_id")]
    words = name.replace("_", " ").strip() or "value"
    return words[:1].upper() + words[1:]


def _choices(expected: str) -> str:
    """pydantic's ``"'strength' or 'gap'"`` as ``strength or gap``."""
    return expected.replace("'", "")


def _too_short(ctx: Mapping[str, Any]) -> str:
    least = ctx.get("min_length", 1)
    if least == 1:
        return "required — type at least 1 character"
    return f"type at least {least} characters"


def _too_long(ctx: Mapping[str, Any], given: Any) -> str:
    most = ctx.get("max_length")
    has = f" (this has {len(given)})" if isinstance(given, str) else ""
    return f"at most {most} characters{has}"


#: pydantic's error type → what the form says after "<Field>: ".
_BY_TYPE: dict[str, Callable[[Mapping[str, Any], Any], str]] = {
    "missing": lambda ctx, _: "required",
    "string_too_short": lambda ctx, _: _too_short(ctx),
    "string_too_long": _too_long,
    "too_short": lambda ctx, _: f"needs at least {ctx.get('min_length')} entries",
    "too_long": lambda ctx, _: f"takes at most {ctx.get('max_length')} entries",
    "literal_error": lambda ctx, _: f"choose {_choices(str(ctx.get('expected', '')))}",
    "enum": lambda ctx, _: f"choose {_choices(str(ctx.get('expected', '')))}",
    "greater_than_equal": lambda ctx, _: f"must be greater than or equal to {ctx.get('ge')}",
    "greater_than": lambda ctx, _: f"must be more than {ctx.get('gt')}",
    "less_than_equal": lambda ctx, _: f"must be less than or equal to {ctx.get('le')}",
    "less_than": lambda ctx, _: f"must be less than {ctx.get('lt')}",
    "int_parsing": lambda ctx, _: "enter a whole number",
    "int_type": lambda ctx, _: "enter a whole number",
    "int_from_float": lambda ctx, _: "enter a whole number",
    "bool_parsing": lambda ctx, _: "choose yes or no",
    "bool_type": lambda ctx, _: "choose yes or no",
    "date_parsing": lambda ctx, _: "enter a date like 2026-11-23",
    "date_type": lambda ctx, _: "enter a date like 2026-11-23",
    "date_from_datetime_parsing": lambda ctx, _: "enter a date like 2026-11-23",
    "date_from_datetime_inexact": lambda ctx, _: "enter a date like 2026-11-23",
    "string_type": lambda ctx, _: "enter text",
    "list_type": lambda ctx, _: "enter a list",
}


def named(noun: str, message: str) -> str:
    """``message`` about the field ``noun``, with the name in front unless it already leads."""
    if message.casefold().startswith(noun.casefold()):
        return message
    return f"{noun}: {message}"


def readable(error: ErrorDetails, noun: str) -> str:
    """One pydantic error as a sentence for a person, naming the field."""
    kind = error["type"]
    if kind in ("value_error", "assertion_error"):
        message = error["msg"]
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        return f"{noun} {message}" if message.startswith("must ") else message
    explain = _BY_TYPE.get(kind)
    if explain is not None:
        return named(noun, explain(error.get("ctx") or {}, error.get("input")))
    message = error["msg"].replace("Input should be", "should be", 1)
    return named(noun, message[:1].lower() + message[1:])


def readable_errors(
    error: ValidationError, nouns: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Each failing top-level field → its first message, readable. ``nouns`` names fields the
    way the form does; others get :func:`field_noun`. A model-wide error has the key ``""``."""
    messages: dict[str, str] = {}
    for item in error.errors():
        loc = item["loc"]
        name = str(loc[0]) if loc else ""
        noun = (nouns or {}).get(name) or field_noun(name)
        messages.setdefault(name, readable(item, noun))
    return messages
