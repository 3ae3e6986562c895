"""Dates the user types: ISO dates and phrases such as "yesterday", "last friday", "3 days ago".

ISO dates take the fast path; anything else goes to dateparser, imported only then.
"""

from __future__ import annotations

import datetime as dt

from careertui.domain.errors import InputError


def parse_when(text: str, today: dt.date) -> dt.date:
    phrase = text.strip()
    if not phrase:
        raise InputError("the date is empty")
    try:
        return dt.date.fromisoformat(phrase)
    except ValueError:
        pass
    import dateparser

    base = dt.datetime.combine(today, dt.time(12, 0))
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "STRICT_PARSING": False},
    )
    if parsed is None:
        raise InputError(f"cannot understand the date {phrase!r} (try 2026-03-14 or 'yesterday')")
    return parsed.date()
