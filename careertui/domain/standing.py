"""The figures of the dashboard's status line: "how am I doing?" in one line.

The models are not imported at run time: ``careertui status`` computes the same figures from
the few fields it decodes of a checked file, without loading pydantic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from careertui.domain.cadence import Contact, is_overdue, week_start, years_until
from careertui.domain.choices import GapStatus

if TYPE_CHECKING:
    from careertui.domain.models import Vision, Win


class Destination(Protocol):
    """What the figures read of the vision."""

    @property
    def target_role(self) -> str: ...
    @property
    def horizon(self) -> dt.date | None: ...


@dataclass(frozen=True)
class Standing:
    wins_this_week: int
    wins_last_week: int
    days_since_last_win: int | None
    check_ins_overdue: int
    gaps_in_progress: int
    target_role: str
    years_left: float | None

    def parts(self) -> list[str]:
        """The figures in short words, the ones that change day to day first, so that a
        narrow terminal cuts the least useful one: this week's wins against last week's, the
        last win, overdue check-ins, gaps being worked on, and the destination."""
        since = self.days_since_last_win
        if since is None:
            last = "no wins yet"
        elif since == 0:
            last = "last win today"
        elif since == 1:
            last = "last win yesterday"
        else:
            last = f"last win {since} days ago"
        parts = [
            f"{_count(self.wins_this_week, 'win')} this week, {self.wins_last_week} last",
            last,
            f"{_count(self.check_ins_overdue, 'check-in')} late",
            f"{_count(self.gaps_in_progress, 'gap')} active",
        ]
        if self.target_role:
            target = f"→ {self.target_role}"
            if self.years_left is not None:
                target += f" in {self.years_left:g} yrs" if self.years_left != 1 else " in 1 yr"
            parts.append(target)
        else:
            parts.append("no target role yet")
        return parts


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def standing(
    vision: Vision,
    wins: list[Win],
    gaps_statuses: Iterable[str],
    stakeholders: Iterable[Contact],
    today: dt.date,
) -> Standing:
    return standing_on_dates(vision, [w.date for w in wins], gaps_statuses, stakeholders, today)


def standing_on_dates(
    vision: Destination,
    win_dates: list[dt.date],
    gaps_statuses: Iterable[str],
    stakeholders: Iterable[Contact],
    today: dt.date,
) -> Standing:
    """:func:`standing` from the wins' dates alone (all the figures need of them)."""
    this_week = week_start(today)
    last_week = this_week - dt.timedelta(days=7)
    past = [d for d in win_dates if d <= today]
    return Standing(
        wins_this_week=sum(1 for d in win_dates if this_week <= d <= today),
        wins_last_week=sum(1 for d in win_dates if last_week <= d < this_week),
        days_since_last_win=(today - max(past)).days if past else None,
        check_ins_overdue=sum(1 for p in stakeholders if is_overdue(p, today)),
        gaps_in_progress=sum(1 for s in gaps_statuses if s == GapStatus.WORKING),
        target_role=vision.target_role,
        years_left=years_until(vision.horizon, today),
    )
