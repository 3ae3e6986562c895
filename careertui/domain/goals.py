"""Interim goals: the 30–60–90-day horizons, the next goal due, and how a goal reads."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TypeVar

from careertui.domain.errors import InputError

if TYPE_CHECKING:
    from careertui.domain.models import Goal


class Due(Protocol):
    """What the reminder rules read of a goal (a record, or the fields ``careertui status``
    decodes from a checked file): nothing here imports the models at run time."""

    @property
    def title(self) -> str: ...
    @property
    def due(self) -> dt.date: ...
    @property
    def is_open(self) -> bool: ...


G = TypeVar("G", bound=Due)

#: The horizons a goal's due date can be given as ("30", "60d", "90 days").
HORIZONS = (30, 60, 90)
_HORIZON = re.compile(r"(\d+)\s*(?:d|days?)?", re.IGNORECASE)


def due_from(text: str, today: dt.date) -> dt.date:
    """The due date ``text`` means: a horizon of 30, 60 or 90 days from ``today`` or a date
    (``2027-01-31``, ``next friday``). Raises InputError otherwise."""
    phrase = text.strip()
    match = _HORIZON.fullmatch(phrase)
    if match:
        days = int(match.group(1))
        if days not in HORIZONS:
            raise InputError(f"a horizon is 30, 60 or 90 days, not {days}")
        return today + dt.timedelta(days=days)
    from careertui.domain.dates import parse_when

    return parse_when(phrase, today)


def open_goals(goals: Iterable[G]) -> list[G]:
    """The goals still being worked on (on track or at risk), soonest due first."""
    return sorted((g for g in goals if g.is_open), key=lambda g: (g.due, g.title.casefold()))


def next_goal(goals: Iterable[G]) -> G | None:
    """The open goal due soonest (an overdue one first)."""
    found = open_goals(goals)
    return found[0] if found else None


def goal_reminder(goals: Iterable[Due], today: dt.date, *, width: int | None = None) -> str | None:
    """The next goal due as a reminder in short words ("goal: Quarterly memo due in 12 days"),
    as ``careertui status`` and the app's status line say it; None when no goal is open.
    ``width``: the most cells it may take, the title cut with "…" to fit (None: whole)."""
    goal = next_goal(goals)
    if goal is None:
        return None
    head, tail = "goal: ", f" {due_text(goal, today)}"
    title = goal.title
    if width is not None:
        from careertui.domain.text import shorten

        title = shorten(title, max(width - len(head) - len(tail), 1))
    return f"{head}{title}{tail}"


def due_text(goal: Due, today: dt.date) -> str:
    """When the goal is due, in short words: "due today", "due in 12 days", "3 days late"."""
    days = (goal.due - today).days
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    if days > 1:
        return f"due in {days} days"
    late = -days
    return f"{late} day{'s' if late != 1 else ''} late"


def goal_line(goal: Goal, today: dt.date) -> str:
    """One line for the goal: its title, when it is due (while open) and its status."""
    if goal.is_open:
        return f"{goal.title} · {due_text(goal, today)} · {goal.status}"
    return f"{goal.title} · {goal.status}"


def status_counts(goals: Iterable[Goal]) -> dict[str, int]:
    """How many goals have each status, in the order of the statuses (only those with any)."""
    from careertui.domain.choices import GOAL_STATUSES

    listed = list(goals)
    counts = {status: sum(g.status == status for g in listed) for status in GOAL_STATUSES}
    return {status: n for status, n in counts.items() if n}
