"""When things fall due: the week, the next check-in with a person, the weekly review, and
the years left to the vision's horizon.

Pure date rules over anything that has the fields they read (a record, or the few fields
``careertui status`` decodes from a checked file): nothing here imports the models, so the
shell's status line can use them without loading pydantic.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from careertui.domain.dates import shift

#: A review is due this many days after the last one.
REVIEW_EVERY_DAYS = 7
#: The setting the day of the last weekly review is stored under.
REVIEW_DONE_SETTING = "review.done"


class Contact(Protocol):
    """What the check-in rules read of a person on the map."""

    @property
    def cadence_days(self) -> int: ...
    @property
    def last_contact(self) -> dt.date | None: ...
    @property
    def created(self) -> dt.datetime: ...


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def years_until(horizon: dt.date | None, on: dt.date) -> float | None:
    """Years from ``on`` to ``horizon`` to one decimal (None without a horizon)."""
    if horizon is None:
        return None
    return round((horizon - on).days / 365.25, 1)


# -- check-ins ---------------------------------------------------------------------------------
def added_on(person: Contact) -> dt.date:
    """The local day ``person`` was added to the map (their record's ``created``)."""
    try:
        return person.created.astimezone().date()
    except (OverflowError, ValueError, OSError):  # a moment at the edge of the calendar
        return person.created.date()


def next_check_in(person: Contact, today: dt.date) -> dt.date | None:
    """When the next check-in is due: last contact + cadence.

    A cadence of 0 means no regular check-in (None). Someone with a cadence who has never been
    contacted falls due one cadence after they were added to the map (not on the day they are
    added: nobody is late for a meeting they have just decided to have).
    """
    if person.cadence_days <= 0:
        return None
    start = person.last_contact if person.last_contact is not None else added_on(person)
    return shift(start, person.cadence_days)


def days_overdue(person: Contact, today: dt.date) -> int | None:
    """Days past the due check-in (1 or more), or None when nothing is overdue."""
    due = next_check_in(person, today)
    if due is None:
        return None
    late = (today - due).days
    return late if late > 0 else None


def is_overdue(person: Contact, today: dt.date) -> bool:
    return days_overdue(person, today) is not None


# -- the weekly review -------------------------------------------------------------------------
def review_due(last_done: dt.date | None, today: dt.date) -> bool:
    """Whether the weekly review is due: never done, or done a week or more ago."""
    return last_done is None or (today - last_done).days >= REVIEW_EVERY_DAYS


def review_text(last_done: dt.date | None, today: dt.date) -> str:
    """The review in short words for the status line: "review due" or "review in 3 days"."""
    if review_due(last_done, today):
        return "review due"
    assert last_done is not None
    left = REVIEW_EVERY_DAYS - (today - last_done).days
    return f"review in {left} day{'s' if left != 1 else ''}"
