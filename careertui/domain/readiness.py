"""Am I ready to ask? A score out of 100 from the record, term by term, and honest caps.

The terms and their most points (:data:`MAX_POINTS`):

* **coverage** (30): the share of the target level's expectations with any win as evidence;
* **recency** (15): the share with evidence from the last 90 days;
* **sponsorship** (20): high-influence champions or sponsors, 10 points each, two at most;
* **alignment** (15): the share of the last 90 days' wins that serve a company priority;
* **room to grow** (10): management's recorded answer (yes 10, not yet 5, unclear 3);
* **gaps closed** (10): the share of the gaps worked on or closed that are closed with a win
  as evidence.

"Ready" needs :data:`READY` points, and two caps keep it honest: without a sponsor or champion,
or with "no room" recorded, the verdict is never "ready" whatever the points say, and it says
why.

The rules read records through protocols of the few fields each weighs (as the ladder's,
priorities' and stakeholders' rules do), so ``careertui status`` weighs readiness from the
fields it decodes of a checked file, without building a model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from careertui.domain.choices import GapStatus
from careertui.domain.ladder import RECENT_DAYS, Evidence, Target, Tied, evidence
from careertui.domain.priorities import Period, Tie, alignment
from careertui.domain.stakeholders import (
    Backing,
    is_champion_or_sponsor,
    is_high_influence,
    is_supportive,
)

if TYPE_CHECKING:
    from careertui.domain.models import Gap, Priority, PromotionAsk, Stakeholder, Vision, Win


class Asked(Protocol):
    """An ask for the next step: when, and when to ask again."""

    @property
    def date(self) -> dt.date: ...
    @property
    def ask_again(self) -> dt.date | None: ...


A = TypeVar("A", bound=Asked)
A_co = TypeVar("A_co", bound=Asked, covariant=True)


class Room(Protocol):
    """Management's answer to whether there is room to grow, and when it was asked."""

    @property
    def answer(self) -> str: ...
    @property
    def asked_on(self) -> dt.date | None: ...


class Aim(Target, Protocol[A_co]):
    """What readiness reads of the vision: the ladder target, the room and the asks."""

    @property
    def room_to_grow(self) -> Room: ...
    @property
    def asks(self) -> Sequence[A_co]: ...


class Work(Evidence, Tie, Protocol):
    """What readiness reads of a win."""


class Worked(Tied, Protocol):
    """What readiness reads of a gap."""

    @property
    def title(self) -> str: ...
    @property
    def status(self) -> GapStatus: ...


class Backer(Backing, Protocol):
    """What readiness reads of a person."""

    @property
    def name(self) -> str: ...


#: The most points each term gives; they add up to 100.
MAX_POINTS = {
    "coverage": 30,
    "recency": 15,
    "sponsorship": 20,
    "alignment": 15,
    "room": 10,
    "gaps": 10,
}
#: Points per room-to-grow answer, as a share of the term's points.
ROOM_SHARE = {"yes": 1.0, "not yet": 0.5, "unclear": 0.3, "not asked": 0.0, "no": 0.0}
#: Points from which the verdict is "ready" (when no cap holds).
READY = 75
#: Points from which the verdict is "getting there".
GETTING_THERE = 50
#: Points per sponsor or champion, and how many count.
PER_SPONSOR = 10


@dataclass(frozen=True)
class ReadinessTerm:
    """One term: its points out of ``most``, the figures behind them, what would raise them."""

    key: str
    label: str
    points: int
    most: int
    figures: str
    raise_by: str = ""


@dataclass(frozen=True)
class Readiness(Generic[A_co]):
    terms: tuple[ReadinessTerm, ...]
    today: dt.date
    #: Why the verdict cannot be "ready", whatever the points say.
    caps: tuple[str, ...] = ()
    #: The last ask on record, if any.
    last_ask: A_co | None = None

    @property
    def score(self) -> int:
        return sum(t.points for t in self.terms)

    @property
    def ready(self) -> bool:
        return self.score >= READY and not self.caps

    @property
    def verdict(self) -> str:
        if self.ready:
            return "ready to ask"
        if self.score >= GETTING_THERE:
            return "getting there"
        return "not yet"

    @property
    def asked(self) -> bool:
        """Asked already, and not yet due to ask again."""
        ask = self.last_ask
        if ask is None:
            return False
        return ask.ask_again is None or ask.ask_again > self.today

    @property
    def ready_not_asked(self) -> bool:
        return self.ready and not self.asked

    def summary(self) -> str:
        """One line: the score, the verdict, and the first cap."""
        line = f"readiness {self.score}/100: {self.verdict}"
        if self.caps:
            line += f" ({self.caps[0]})"
        elif self.ready_not_asked:
            line += " and not asked yet"
        return line


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _names(items: Sequence[str], limit: int = 3) -> str:
    shown = ", ".join(items[:limit])
    return f"{shown} and {len(items) - limit} more" if len(items) > limit else shown


def readiness(
    vision: Aim[A],
    wins: Sequence[Work],
    gaps: Sequence[Worked],
    stakeholders: Sequence[Backer],
    priorities: Sequence[Period],
    today: dt.date,
) -> Readiness[A]:
    terms = [
        *_evidence_terms(vision, wins, gaps, today),
        _sponsorship(stakeholders),
        _alignment(wins, priorities, today),
        _room(vision),
        _gaps_closed(wins, gaps),
    ]
    caps = []
    if not any(is_champion_or_sponsor(p) for p in stakeholders):
        caps.append("no sponsor or champion yet: not ready whatever the rest says")
    if vision.room_to_grow.answer == "no":
        caps.append("management said there is no room: not ready whatever the rest says")
    asks = sorted(vision.asks, key=lambda a: a.date)
    return Readiness(tuple(terms), today, tuple(caps), asks[-1] if asks else None)


def _evidence_terms(
    vision: Target, wins: Sequence[Work], gaps: Sequence[Worked], today: dt.date
) -> list[ReadinessTerm]:
    most_c, most_r = MAX_POINTS["coverage"], MAX_POINTS["recency"]
    if vision.ladder is None or not vision.ladder_target:
        need = "import a ladder" if vision.ladder is None else "set your target level"
        how = f"{need} (careertui import ladder …) to measure it"
        return [
            ReadinessTerm("coverage", "Coverage", 0, most_c, "no ladder target yet", how),
            ReadinessTerm("recency", "Recency", 0, most_r, "no ladder target yet", how),
        ]
    rows = evidence(vision, wins, gaps, today)
    covered = [r for r in rows if r.wins]
    recent = [r for r in rows if r.recent]
    missing = [r.competency for r in rows if not r.wins]
    stale = [r.competency for r in rows if r.wins and not r.recent]
    target = vision.ladder_target
    return [
        ReadinessTerm(
            "coverage",
            "Coverage",
            round(most_c * _share(len(covered), len(rows))),
            most_c,
            f"{len(covered)} of {len(rows)} expectations of {target} have evidence",
            f"log a win for {_names(missing)}" if missing else "",
        ),
        ReadinessTerm(
            "recency",
            "Recency",
            round(most_r * _share(len(recent), len(rows))),
            most_r,
            f"{len(recent)} of {len(rows)} have evidence from the last {RECENT_DAYS} days",
            f"fresh evidence for {_names(stale + missing)}" if stale or missing else "",
        ),
    ]


def _sponsorship(stakeholders: Sequence[Backer]) -> ReadinessTerm:
    most = MAX_POINTS["sponsorship"]
    backers = [p for p in stakeholders if is_champion_or_sponsor(p)]
    points = min(most, PER_SPONSOR * len(backers))
    if backers:
        figures = f"{len(backers)} high-influence champion(s) or sponsor(s): " + _names(
            [p.name for p in backers]
        )
    else:
        figures = "no high-influence champion or sponsor"
    raise_by = ""
    if points < most:
        to_win = [p.name for p in stakeholders if is_high_influence(p) and not is_supportive(p)]
        near = [
            p.name
            for p in stakeholders
            if is_high_influence(p) and is_supportive(p) and p not in backers
        ]
        if near:
            raise_by = f"turn a supporter into a champion: {_names(near)}"
        elif to_win:
            raise_by = f"win over {_names(to_win)}"
        else:
            raise_by = "find a high-influence sponsor and record them"
    return ReadinessTerm("sponsorship", "Sponsorship", points, most, figures, raise_by)


def _alignment(wins: Sequence[Work], priorities: Sequence[Period], today: dt.date) -> ReadinessTerm:
    most = MAX_POINTS["alignment"]
    found = alignment(wins, priorities, today)
    points = round(most * _share(found.tied, found.total))
    raise_by = ""
    if points < most:
        raise_by = (
            "record the company's top priorities"
            if not any(p.until is None for p in priorities)
            else "tie more of your work to the top priorities"
        )
    return ReadinessTerm("alignment", "Alignment", points, most, str(found), raise_by)


def _room(vision: Aim[Asked]) -> ReadinessTerm:
    most = MAX_POINTS["room"]
    room = vision.room_to_grow
    points = round(most * ROOM_SHARE[room.answer])
    if room.answer == "not asked":
        figures = "not asked whether there is room"
    else:
        when = f" on {room.asked_on.isoformat()}" if room.asked_on else ""
        figures = f"asked{when}: {room.answer}"
    raise_by = {
        "not asked": "ask management whether there is room for the next level",
        "unclear": "ask again for a clear answer",
        "not yet": "ask what would make room, and when",
        "no": "look for room elsewhere: another team or company",
    }.get(room.answer, "")
    return ReadinessTerm("room", "Room to grow", points, most, figures, raise_by)


def _gaps_closed(wins: Sequence[Work], gaps: Sequence[Worked]) -> ReadinessTerm:
    most = MAX_POINTS["gaps"]
    worked = [g for g in gaps if g.status in (GapStatus.WORKING, GapStatus.CLOSED)]
    evidenced = {gap_id for w in wins for gap_id in w.gap_ids}
    closed = [g for g in worked if g.status == GapStatus.CLOSED and g.id in evidenced]
    points = round(most * _share(len(closed), len(worked)))
    figures = (
        f"{len(closed)} of {len(worked)} gaps worked on are closed with evidence"
        if worked
        else "no gaps worked on yet"
    )
    open_ = [g.title for g in worked if g not in closed]
    raise_by = ""
    if points < most:
        raise_by = f"close {_names(open_)} with a win as evidence" if open_ else "work on a gap"
    return ReadinessTerm("gaps", "Gaps closed", points, most, figures, raise_by)


def status_part(found: Readiness[Asked]) -> str:
    """Readiness in the few words of the status line; says so when ready and not asked."""
    if found.ready_not_asked:
        return f"ready {found.score}/100, not asked"
    if found.ready:
        return f"ready {found.score}/100"
    return f"readiness {found.score}/100" + (" (capped)" if found.caps else "")


class OnRecord(Protocol):
    """What readiness is worked out from: a career as the store reads it."""

    @property
    def vision(self) -> Vision: ...
    @property
    def wins(self) -> Sequence[Win]: ...
    @property
    def gaps(self) -> Sequence[Gap]: ...
    @property
    def stakeholders(self) -> Sequence[Stakeholder]: ...
    @property
    def priorities(self) -> Sequence[Priority]: ...
    @property
    def archived_priorities(self) -> Sequence[Priority]: ...


def readiness_of(career: OnRecord, today: dt.date) -> Readiness[PromotionAsk]:
    """:func:`readiness` of everything on record."""
    return readiness(
        career.vision,
        career.wins,
        career.gaps,
        career.stakeholders,
        [*career.priorities, *career.archived_priorities],
        today,
    )


def with_readiness(parts: list[str], found: Readiness[Asked]) -> list[str]:
    """The status line's parts (:meth:`careertui.domain.standing.Standing.parts`) with
    readiness: second when the user is ready and has not asked (a call to act, kept on a narrow
    terminal), else just before the destination, which a narrow terminal cuts first."""
    at = 1 if found.ready_not_asked else max(len(parts) - 1, 0)
    return [*parts[:at], status_part(found), *parts[at:]]
