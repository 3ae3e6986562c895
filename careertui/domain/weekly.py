"""The weekly review: when it is due, and what each of its five steps puts in front of you.

Pure rules over records already read; the shell (``careertui review``) prints them and the
snippet (:mod:`careertui.exchange.snippet`) writes the last step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from careertui.domain.cadence import is_overdue, week_start
from careertui.domain.models import Gap, GapStatus, Goal, Priority, Stakeholder, Thanks, Win
from careertui.domain.stakeholders import WinToShare, select_wins

#: The steps, in order: (key, title).
STEPS: tuple[tuple[str, str], ...] = (
    ("wins", "This week's wins"),
    ("gaps", "Gaps"),
    ("people", "People"),
    ("goals", "Interim goals"),
    ("snippet", "The snippet"),
)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and Sunday of ``day``'s week."""
    start = week_start(day)
    return start, start + dt.timedelta(days=6)


def wins_of_week(wins: Iterable[Win], day: dt.date) -> list[Win]:
    """The wins of ``day``'s week, oldest first."""
    start, end = week_of(day)
    return sorted((w for w in wins if start <= w.date <= end), key=lambda w: (w.date, w.created))


def untied(wins: Iterable[Win]) -> list[Win]:
    """Wins tied to no priority or to no gap: the review asks to tie them."""
    return [w for w in wins if not w.priority_id or not w.gap_ids]


def gaps_without_win(gaps: Iterable[Gap], week_wins: Sequence[Win]) -> list[Gap]:
    """Gaps being worked on with no win this week: a prompt to capture one each."""
    evidenced = {g for w in week_wins for g in w.gap_ids}
    return [g for g in gaps if g.status is GapStatus.WORKING and g.id not in evidenced]


@dataclass(frozen=True)
class Unthanked:
    """Someone on a win of the week who has not been thanked for it."""

    person: Stakeholder
    win: Win


def thanked(thanks: Iterable[Thanks], person_id: str, win: Win) -> bool:
    """Whether ``person_id`` was thanked for ``win`` (or thanked at all since it)."""
    return any(
        t.stakeholder_id == person_id
        and (t.win_id == win.id or (not t.win_id and t.date >= win.date))
        for t in thanks
    )


def unthanked(
    people: Iterable[Stakeholder], week_wins: Sequence[Win], thanks: Sequence[Thanks]
) -> list[Unthanked]:
    """Each person on a win of the week who has not been thanked for it, in win order."""
    by_id = {p.id: p for p in people}
    found = []
    for win in week_wins:
        for person_id in win.stakeholder_ids:
            person = by_id.get(person_id)
            if person is not None and not thanked(thanks, person_id, win):
                found.append(Unthanked(person, win))
    return found


def has_heard(win: Win, person_id: str) -> bool:
    """Whether the win was shared with the person (or they were on it)."""
    return person_id in win.stakeholder_ids or any(t.stakeholder_id == person_id for t in win.told)


@dataclass(frozen=True)
class NotTold:
    """Wins matching what moves someone's needle that they have not heard about."""

    person: Stakeholder
    wins: list[WinToShare] = field(default_factory=list)


def not_told(
    people: Iterable[Stakeholder],
    wins: Sequence[Win],
    gaps: Sequence[Gap],
    priorities: Sequence[Priority],
    today: dt.date,
) -> list[NotTold]:
    """For each person who wrote down what moves their needle, the wins worth sharing with
    them that they have not heard about."""
    found = []
    for person in people:
        if not person.moves_needle:
            continue
        picks = [
            s
            for s in select_wins(person, wins, gaps, today, priorities)
            if s.interest == "what moves their needle" and not has_heard(s.win, person.id)
        ]
        if picks:
            found.append(NotTold(person, picks))
    return found


def overdue_people(people: Iterable[Stakeholder], today: dt.date) -> list[Stakeholder]:
    return [p for p in people if is_overdue(p, today)]


def goals_to_review(goals: Iterable[Goal]) -> list[Goal]:
    """The goals the review shows: the open ones by due date, then the rest."""
    listed = list(goals)
    opened = sorted((g for g in listed if g.is_open), key=lambda g: g.due)
    closed = sorted((g for g in listed if not g.is_open), key=lambda g: g.due, reverse=True)
    return opened + closed
