"""Company priorities over time: the ones in force, the archived ones with their period, each
win read against the priorities of its own time, and when a new half's priorities are due.

A priority is in force from ``since`` (when known) to ``until`` (set when it is archived). A
win serves a priority *in its time* when it is tied to it and its date falls in that period: a
win of last half tied to last half's priority still counts after the priority is archived, and
the alignment share, the brag document and the journal all read it that way.

**Renewal** (when to ask for the new half's priorities): companies set priorities every half,
so they are due when

- some priorities were archived and none is in force any more, or
- the newest priority in force began (its ``since``, else the day it was entered) more than
  :data:`HALF_DAYS` days ago.

An empty store is not "due": the guided start asks for the first priorities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from careertui.domain.models import Priority

#: Half a year: priorities older than this are due for renewal.
HALF_DAYS = 183
#: The alignment share counts the wins of this many days.
ALIGNMENT_DAYS = 90


class Period(Protocol):
    """What the rules of a priority's time read of it."""

    @property
    def id(self) -> str: ...
    @property
    def since(self) -> dt.date | None: ...
    @property
    def until(self) -> dt.date | None: ...


class Tie(Protocol):
    """What they read of a win: its day and the priority it serves."""

    @property
    def date(self) -> dt.date: ...
    @property
    def priority_id(self) -> str | None: ...


def in_force_on(priority: Period, day: dt.date) -> bool:
    """Whether ``priority`` was in force on ``day`` (an unknown start counts as always)."""
    if priority.since is not None and day < priority.since:
        return False
    return priority.until is None or day <= priority.until


def period_text(priority: Priority) -> str:
    """The period an archived priority was in force, in short words ("until 2026-06-30",
    "2026-01-01 to 2026-06-30"); "" for one in force."""
    if priority.until is None:
        return ""
    if priority.since is not None:
        return f"{priority.since.isoformat()} to {priority.until.isoformat()}"
    return f"until {priority.until.isoformat()}"


def label(priority: Priority) -> str:
    """The priority as documents and the journal name it: its title, and for an archived one
    its period ("Launch self-serve (until 2026-06-30)")."""
    period = period_text(priority)
    return f"{priority.title} ({period})" if period else priority.title


def labels(priorities: Iterable[Priority]) -> dict[str, str]:
    """Priority id -> :func:`label`, for every priority given (in force and archived)."""
    return {p.id: label(p) for p in priorities}


def serves_in_its_time(win: Tie, by_id: Mapping[str, Period]) -> bool:
    """Whether ``win`` is tied to a priority (of ``by_id``) that was in force on its date."""
    priority = by_id.get(win.priority_id or "")
    return priority is not None and in_force_on(priority, win.date)


@dataclass(frozen=True)
class Alignment:
    """Of the wins in the last ``days`` days, how many serve a company priority."""

    tied: int
    total: int
    days: int = ALIGNMENT_DAYS

    @property
    def percent(self) -> int | None:
        return None if self.total == 0 else round(100 * self.tied / self.total)

    def __str__(self) -> str:
        if self.percent is None:
            return f"no wins in the last {self.days} days"
        return (
            f"{self.percent}% of the last {self.days} days' wins serve a company priority "
            f"({self.tied} of {self.total})"
        )


def alignment(
    wins: Iterable[Tie],
    priorities: Iterable[Period],
    today: dt.date,
    days: int = ALIGNMENT_DAYS,
) -> Alignment:
    """Of the wins of the last ``days`` days, how many serve a priority of their own time:
    give every priority, archived ones included (a win of last half tied to last half's
    priority counts)."""
    by_id = {p.id: p for p in priorities}
    since = today - dt.timedelta(days=days)
    recent = [w for w in wins if since < w.date <= today]
    return Alignment(sum(serves_in_its_time(w, by_id) for w in recent), len(recent), days)


def started(priority: Priority) -> dt.date:
    """The day the priority began: its ``since``, else the day it was entered."""
    return priority.since or priority.created.date()


def renewal_due(
    in_force: Sequence[Priority], archived: Sequence[Priority], today: dt.date
) -> str | None:
    """Why the new half's priorities are due, in one sentence; None while they are not."""
    if not in_force:
        if not archived:
            return None
        last = max(p.until for p in archived if p.until is not None)
        return (
            f"no company priorities in force since {last.isoformat()}: "
            "enter the new half's priorities"
        )
    newest = max(started(p) for p in in_force)
    if (today - newest).days <= HALF_DAYS:
        return None
    return (
        f"the company priorities date from {newest.isoformat()}, over half a year ago: "
        "archive the ones that ended and enter the new half's"
    )


def renewal_how(any_in_force: bool, *, shell: bool) -> str:
    """How to enter the new half's priorities: in the shell (``shell``) or in the app."""
    if shell:
        archive = (
            "careertui priorities archive NAME for each that ended, then " if any_in_force else ""
        )
        return archive + "add the new ones in the app: ctrl+p “Guided start”"
    if any_in_force:
        return (
            "ctrl+p “Guided start” asks for them and archives the old ones; "
            "or x on a priority in the vision pane archives it, a adds one"
        )
    return "ctrl+p “Guided start” asks for them; or a on Company priorities in the vision pane"
