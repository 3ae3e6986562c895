"""Errors the user can act on. Each carries a message fit for one ``error: …`` line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class CareerError(Exception):
    """Base of every error that is reported to the user rather than raised as a traceback."""


class InputError(CareerError):
    """Something the user typed or passed cannot be used."""


def field_errors(error: ValidationError) -> dict[str, str]:
    """Map each failing field (dotted path) to a readable message."""
    messages: dict[str, str] = {}
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "value"
        message = item["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        messages.setdefault(field, message)
    return messages


def describe(error: ValidationError) -> str:
    """One line naming every failing field."""
    return "; ".join(f"{field}: {msg}" for field, msg in field_errors(error).items())
