"""Dates the user types: ISO dates and phrases such as "yesterday", "last friday", "3 days ago".

ISO dates take the fast path; anything else goes to dateparser, imported only then. Every date
that comes in is checked against a sane range (:func:`check_range`): a career journal has no
use for 0001-01-01 or 9999-12-31, and such dates break date arithmetic downstream. Date
arithmetic on dates already on record uses :func:`shift`, which stays within what
:class:`datetime.date` can hold.
"""

from __future__ import annotations

import datetime as dt
import re

from careertui.domain.errors import InputError

#: The earliest date careertui accepts.
EARLIEST = dt.date(1970, 1, 1)
#: How many years after today a date may be (a gap's due date, the vision's horizon).
YEARS_AHEAD = 50

_ISO_LOOKING = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_EXAMPLES = "write it as YYYY-MM-DD, e.g. 2026-03-14, or 'yesterday', '3 days ago'"


def shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days`` days, held within the dates Python can represent."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def latest(today: dt.date) -> dt.date:
    """The latest date careertui accepts: :data:`YEARS_AHEAD` years after ``today``."""
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February, or beyond year 9999
        return shift(today, YEARS_AHEAD * 365)


def check_range(when: dt.date, today: dt.date | None = None) -> dt.date:
    """``when`` if it lies between :data:`EARLIEST` and :func:`latest` (both included), else an
    :class:`InputError` naming the range. Importers call this on every date they read."""
    if today is None:
        from careertui.domain.clock import today as clock_today

        today = clock_today()
    last = latest(today)
    if not EARLIEST <= when <= last:
        raise InputError(
            f"the date {when.isoformat()} is out of range: careertui takes dates from "
            f"{EARLIEST.isoformat()} to {last.isoformat()}"
        )
    return when


def _iso_looking(phrase: str) -> dt.date | None:
    """The date of a year-first numeric date (2026-03-14, 2026/3/14), or None when the phrase
    does not look like one. One that looks like a date but is not one (2026-13-01) is an
    error, never handed to dateparser, which would swap month and day."""
    match = _ISO_LOOKING.fullmatch(phrase)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(f"{phrase!r} is not a date ({_EXAMPLES})") from None


def parse_when(text: str, today: dt.date) -> dt.date:
    """The date the user means by ``text``, relative to ``today``.

    Refuses what is ambiguous (a bare number, an impossible ISO date) and dates outside
    :func:`check_range`."""
    phrase = text.strip()
    if not phrase:
        raise InputError("the date is empty")
    if _NUMBER.fullmatch(phrase):
        raise InputError(f"{phrase!r} is not a date ({_EXAMPLES})")
    when = _iso_looking(phrase) or _from_iso(phrase) or _from_phrase(phrase, today)
    return check_range(when, today)


def parse_past(text: str, today: dt.date, because: str) -> dt.date:
    """:func:`parse_when` for a day that is never after ``today``; a later one is refused,
    ``because`` saying why ("a win is something you did")."""
    when = parse_when(text, today)
    if when > today:
        raise InputError(f"{because}; {text.strip()!r} is in the future ({when.isoformat()})")
    return when


def parse_win_date(text: str, today: dt.date) -> dt.date:
    """:func:`parse_when` for the day of a win, which is never after ``today``."""
    return parse_past(text, today, "a win is something you did")


def _from_iso(phrase: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(phrase)
    except ValueError:
        return None


def _from_phrase(phrase: str, today: dt.date) -> dt.date:
    import dateparser

    base = dt.datetime.combine(today, dt.time(12, 0))
    try:
        parsed = dateparser.parse(
            phrase,
            languages=["en"],
            settings={
                "PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": base,
                "STRICT_PARSING": False,
            },
        )
    except (OverflowError, ValueError):  # "in 100000 years"
        parsed = None
    if parsed is None:
        raise InputError(f"cannot understand the date {phrase!r} (try 2026-03-14 or 'yesterday')")
    return parsed.date()


def shown(day: dt.date) -> str:
    """``day`` as every pane shows it: ISO (2027-04-03), the form the date fields and the shell
    take, the same width in every column, and the same reading in every locale."""
    return day.isoformat()
