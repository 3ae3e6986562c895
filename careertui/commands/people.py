"""``careertui people``: the stakeholder map from the shell: everyone with their quadrant, last
contact and when the next check-in is due; ``--overdue`` only those whose check-in is overdue,
most overdue first; ``--json`` the same for scripts.

Without ``--overdue`` people come in the map's order: quadrant by quadrant (Keep close, Win
over, Keep informed, Monitor), the most influential first, then by name. The quadrant and
check-in rules are :mod:`careertui.domain.stakeholders`'. Nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from careertui.commands import repository
from careertui.commands.table import Column, output_width, render
from careertui.domain.clock import today
from careertui.domain.text import json_terminal_safe

if TYPE_CHECKING:
    from careertui.domain.models import Stakeholder

EMPTY_HINT = "No stakeholders yet: add one in the app (3, n)"
NONE_OVERDUE = "No check-ins overdue."
COLUMNS = (
    Column("Name", flexible=True),
    Column("Quadrant"),
    Column("Last contact"),
    Column("Next check-in"),
    Column("Overdue"),
)


def map_order(people: list[Stakeholder]) -> list[Stakeholder]:
    """Everyone as the map reads: quadrant by quadrant, the most influential first."""
    from careertui.domain.stakeholders import QUADRANT_ORDER, by_quadrant

    placed = by_quadrant(people)
    return [person for quadrant in QUADRANT_ORDER for person in placed[quadrant]]


def most_overdue_first(people: list[Stakeholder], day: dt.date) -> list[Stakeholder]:
    """Those whose check-in is overdue, most overdue first; on equal days, the never contacted
    first, then by name (the order of the map's overdue warning)."""
    from careertui.domain.cadence import days_overdue

    late = {person.id: days_overdue(person, day) for person in people}
    overdue = [person for person in people if late[person.id] is not None]
    return sorted(
        overdue,
        key=lambda p: (-(late[p.id] or 0), p.last_contact is not None, p.name.casefold()),
    )


def _days(count: int | None) -> str:
    if count is None:
        return ""
    return f"{count} day{'s' if count != 1 else ''}"


def as_json(person: Stakeholder, day: dt.date) -> dict[str, Any]:
    """One person as ``careertui people --json`` gives them (the fields its help lists)."""
    from careertui.domain.cadence import days_overdue, next_check_in
    from careertui.domain.stakeholders import quadrant

    due = next_check_in(person, day)
    return {
        "id": person.id,
        "name": person.name,
        "title": person.title,
        "relationship": person.relationship.value,
        "influence": person.influence,
        "stance": person.stance.value,
        "quadrant": quadrant(person).value,
        "last_contact": person.last_contact.isoformat() if person.last_contact else None,
        "cadence_days": person.cadence_days,
        "next_check_in": due.isoformat() if due else None,
        "days_overdue": days_overdue(person, day),
    }


def _row(person: Stakeholder, day: dt.date) -> tuple[str, ...]:
    from careertui.domain.cadence import days_overdue, next_check_in
    from careertui.domain.stakeholders import quadrant

    due = next_check_in(person, day)
    return (
        person.name,
        quadrant(person).value,
        person.last_contact.isoformat() if person.last_contact else "never",
        due.isoformat() if due else "none",
        _days(days_overdue(person, day)),
    )


def run(args: argparse.Namespace) -> int:
    career = repository(args).career()
    day = today()
    everyone = career.stakeholders
    people = most_overdue_first(everyone, day) if args.overdue else map_order(everyone)
    if args.json:
        import orjson

        payload = [as_json(person, day) for person in people]
        text = orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(json_terminal_safe(text) + "\n")
        return 0
    if not everyone:
        print(EMPTY_HINT)
        return 0
    if not people:
        print(NONE_OVERDUE)
        return 0
    print("\n".join(render(COLUMNS, [_row(person, day) for person in people], output_width())))
    return 0
