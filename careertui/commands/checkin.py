"""``careertui checkin NAME [--note TEXT] [--date WHEN]``: log a check-in with a stakeholder.

The person is found as ``careertui win --with`` finds them (their id, their whole name or a
unique beginning of it, any case); the date is read as ``careertui win --date`` reads it and,
like the app's check-in form, is never in the future. The check-in is recorded by
:func:`careertui.actions.people.check_in`, which moves the last contact; the line printed says
the last contact now and when the next check-in is due.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.text import terminal_safe

if TYPE_CHECKING:
    from careertui.domain.models import Stakeholder


def check_in_date(typed: str | None, day: dt.date) -> dt.date:
    """The day of the check-in: ``day`` unless the user typed one, which is never after it."""
    if typed is None:
        return day
    from careertui.domain.dates import parse_past

    return parse_past(typed, day, "a check-in is something that happened")


def confirmation(person: Stakeholder, on: dt.date, day: dt.date) -> str:
    """What ``checkin`` prints: the check-in, the last contact now and the next one due."""
    from careertui.domain.cadence import next_check_in

    last = person.last_contact.isoformat() if person.last_contact else "never"
    due = next_check_in(person, day)
    following = f"next check-in due {due.isoformat()}" if due else "no check-in cadence set"
    return f"checked in with {person.name} on {on.isoformat()}: last contact {last}, {following}"


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from careertui.actions.people import check_in
    from careertui.domain.errors import describe
    from careertui.domain.matching import find_one
    from careertui.domain.models import Interaction

    day = today()
    on = check_in_date(args.date, day)
    repo = repository(args)
    person = find_one(repo.stakeholders.list(), args.name, lambda s: s.name, "stakeholder")
    try:
        interaction = Interaction(stakeholder_id=person.id, date=on, note=args.note or "")
    except ValidationError as exc:
        raise InputError(describe(exc)) from exc
    check_in(repo, interaction)
    now = repo.stakeholders.get(person.id) or person
    print(terminal_safe(confirmation(now, on, day)))
    return 0
