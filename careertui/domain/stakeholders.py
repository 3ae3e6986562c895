"""Rules of the stakeholder map: quadrants, check-in cadence, warnings and the check-in agenda.

Influence is 1–5; **4 or 5 is high**. A stance is **supportive** when the person is a champion
or a supporter; everyone else (neutral, skeptic, blocker, unknown) is "not yet". Neutral and
unknown people share the "not yet" quadrants with skeptics and blockers, and each stance has a
mark of its own so the map shows who is not yet supportive out of doubt and who out of silence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from careertui.domain.models import (
    Feedback,
    Gap,
    GapStatus,
    Interaction,
    Priority,
    Relationship,
    Stakeholder,
    Stance,
    Win,
)

#: Influence at or above this is "high".
HIGH_INFLUENCE = 4
SUPPORTIVE = frozenset({Stance.CHAMPION, Stance.SUPPORTER})

#: A short mark per stance, shown on chips and in the list so stances can be told apart
#: without colour.
STANCE_MARKS: dict[Stance, str] = {
    Stance.CHAMPION: "★",
    Stance.SUPPORTER: "+",
    Stance.NEUTRAL: "~",
    Stance.SKEPTIC: "−",
    Stance.BLOCKER: "✕",
    Stance.UNKNOWN: "?",
}


class Quadrant(str, Enum):
    """Where a person sits on the map, named by what to do about them."""

    KEEP_CLOSE = "Keep close"
    WIN_OVER = "Win over"
    KEEP_INFORMED = "Keep informed"
    MONITOR = "Monitor"

    @property
    def hint(self) -> str:
        return _HINTS[self]


_HINTS = {
    Quadrant.KEEP_CLOSE: "high influence, supportive: sponsors and champions",
    Quadrant.WIN_OVER: "high influence, not yet supportive",
    Quadrant.KEEP_INFORMED: "low influence, supportive",
    Quadrant.MONITOR: "low influence, not yet supportive",
}

#: The grid's reading order: top row (high influence) then bottom row, supportive first.
QUADRANT_ORDER: tuple[Quadrant, ...] = (
    Quadrant.KEEP_CLOSE,
    Quadrant.WIN_OVER,
    Quadrant.KEEP_INFORMED,
    Quadrant.MONITOR,
)


def is_high_influence(person: Stakeholder) -> bool:
    return person.influence >= HIGH_INFLUENCE


def is_supportive(person: Stakeholder) -> bool:
    return person.stance in SUPPORTIVE


def quadrant(person: Stakeholder) -> Quadrant:
    high, supportive = is_high_influence(person), is_supportive(person)
    if high:
        return Quadrant.KEEP_CLOSE if supportive else Quadrant.WIN_OVER
    return Quadrant.KEEP_INFORMED if supportive else Quadrant.MONITOR


def by_quadrant(people: Iterable[Stakeholder]) -> dict[Quadrant, list[Stakeholder]]:
    """Everyone placed in their quadrant; within one, the most influential first, then by name."""
    placed: dict[Quadrant, list[Stakeholder]] = {q: [] for q in QUADRANT_ORDER}
    for person in people:
        placed[quadrant(person)].append(person)
    for members in placed.values():
        members.sort(key=lambda p: (-p.influence, p.name.casefold()))
    return placed


# -- check-in cadence --------------------------------------------------------------------------
def next_check_in(person: Stakeholder, today: dt.date) -> dt.date | None:
    """When the next check-in is due: last contact + cadence.

    A cadence of 0 means no regular check-in (None). Someone with a cadence who has never been
    contacted is due ``today``.
    """
    if person.cadence_days <= 0:
        return None
    if person.last_contact is None:
        return today
    return person.last_contact + dt.timedelta(days=person.cadence_days)


def days_overdue(person: Stakeholder, today: dt.date) -> int | None:
    """Days past the due check-in (0 or more), or None when nothing is overdue.

    Never having been in touch with someone you mean to see regularly counts as overdue (0 days:
    it is due now and always was).
    """
    due = next_check_in(person, today)
    if due is None:
        return None
    if person.last_contact is None:
        return 0
    late = (today - due).days
    return late if late > 0 else None


def is_overdue(person: Stakeholder, today: dt.date) -> bool:
    return days_overdue(person, today) is not None


def overdue_text(person: Stakeholder, today: dt.date) -> str:
    """How overdue, in words: "never contacted", "1 day", "12 days"; "" when not overdue."""
    late = days_overdue(person, today)
    if late is None:
        return ""
    if person.last_contact is None:
        return "never contacted"
    return f"{late} day{'s' if late != 1 else ''} overdue"


# -- warnings ----------------------------------------------------------------------------------
class WarningKind(str, Enum):
    OVERDUE = "overdue"
    NO_CHAMPION = "no champion"
    MANAGER_UNKNOWN = "manager unknown"


@dataclass(frozen=True)
class MapWarning:
    kind: WarningKind
    text: str
    stakeholder_ids: tuple[str, ...] = ()


def is_champion_or_sponsor(person: Stakeholder) -> bool:
    """Placed to push the user's case: high influence, supportive, and a champion by stance or
    a sponsor by relationship (a high-influence supporter who is neither is not enough)."""
    if not (is_high_influence(person) and is_supportive(person)):
        return False
    return person.stance is Stance.CHAMPION or person.relationship is Relationship.SPONSOR


def _names(people: Sequence[Stakeholder], limit: int = 3) -> str:
    shown = ", ".join(p.name for p in people[:limit])
    more = len(people) - limit
    return f"{shown} and {more} more" if more > 0 else shown


def warnings(people: Sequence[Stakeholder], today: dt.date) -> list[MapWarning]:
    """What needs attention on the map, most urgent first."""
    found: list[MapWarning] = []
    overdue = sorted(
        (p for p in people if is_overdue(p, today)),
        key=lambda p: (-(days_overdue(p, today) or 0), p.last_contact is not None, p.name),
    )
    if overdue:
        count = len(overdue)
        found.append(
            MapWarning(
                WarningKind.OVERDUE,
                f"{count} check-in{'s' if count != 1 else ''} overdue: {_names(overdue)}",
                tuple(p.id for p in overdue),
            )
        )
    if not any(is_champion_or_sponsor(p) for p in people):
        found.append(
            MapWarning(
                WarningKind.NO_CHAMPION,
                "No high-influence champion or sponsor: nobody is placed to push your case",
            )
        )
    managers = [
        p for p in people if p.relationship is Relationship.MANAGER and p.stance is Stance.UNKNOWN
    ]
    if managers:
        found.append(
            MapWarning(
                WarningKind.MANAGER_UNKNOWN,
                f"You do not know where your manager stands: {_names(managers)}",
                tuple(p.id for p in managers),
            )
        )
    return found


# -- the check-in agenda -----------------------------------------------------------------------
_WORD = re.compile(r"[a-z0-9][a-z0-9'+-]*")
_STOP = frozenset(
    {
        "about", "above", "after", "again", "against", "also", "among", "and", "any", "are",
        "around", "because", "been", "before", "being", "below", "between", "both", "but", "can",
        "could", "did", "does", "doing", "down", "during", "each", "even", "ever", "every", "few",
        "for", "from", "further", "get", "gets", "getting", "good", "great", "had", "has", "have",
        "having", "her", "here", "hers", "him", "his", "how", "into", "its", "just", "less", "like",
        "lot", "lots", "make", "makes", "many", "more", "most", "much", "must", "need", "needs",
        "not", "now", "off", "once", "only", "other", "our", "ours", "out", "over", "own", "really",
        "same", "she", "should", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "then", "there", "these", "they", "this", "those", "through", "too", "under", "until",
        "very", "want", "wants", "was", "way", "well", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "within", "without", "would", "you", "your",
        "yours", "team", "teams", "work", "works", "thing", "things", "people", "person", "time",
        "next", "year", "years", "month", "months", "week", "weeks", "days", "first", "last",
        "able", "sure", "clear", "better", "best", "give", "keep", "take", "takes", "know",
    }
)


def keywords(text: str) -> frozenset[str]:
    """The meaningful words of ``text``: lower-cased, four letters or more, no stop words."""
    words = (w.strip("'+-") for w in _WORD.findall(text.casefold()))
    return frozenset(w for w in words if len(w) >= 4 and w not in _STOP)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _stems(words: Iterable[str]) -> dict[str, str]:
    return {_stem(w): w for w in words}


@dataclass(frozen=True)
class WinToShare:
    win: Win
    #: Why it is on the agenda: the gaps of theirs it is evidence for, the words it shares
    #: with what they care about.
    gaps: tuple[Gap, ...] = ()
    topics: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        parts = []
        if self.gaps:
            parts.append("evidence for " + ", ".join(g.title for g in self.gaps))
        if self.topics:
            parts.append("touches " + ", ".join(self.topics))
        return "; ".join(parts)


@dataclass(frozen=True)
class Agenda:
    person: Stakeholder
    today: dt.date
    since: dt.date | None
    wins: list[WinToShare] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    last_check_in: Interaction | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.wins or self.gaps or self.feedback)


#: With no last contact, wins from this many days back are candidates.
FIRST_CONTACT_LOOKBACK_DAYS = 90


def linked_gaps(person: Stakeholder, gaps: Iterable[Gap]) -> list[Gap]:
    return [g for g in gaps if person.id in g.stakeholder_ids]


def wins_with(person: Stakeholder, wins: Iterable[Win]) -> list[Win]:
    return [w for w in wins if person.id in w.stakeholder_ids]


def feedback_from(person: Stakeholder, feedback: Iterable[Feedback]) -> list[Feedback]:
    return [f for f in feedback if f.giver_id == person.id]


def check_ins_with(person: Stakeholder, interactions: Iterable[Interaction]) -> list[Interaction]:
    found = [i for i in interactions if i.stakeholder_id == person.id]
    return sorted(found, key=lambda i: (i.date, i.created), reverse=True)


def select_wins(
    person: Stakeholder,
    wins: Iterable[Win],
    gaps: Iterable[Gap],
    today: dt.date,
    priorities: Iterable[Priority] = (),
) -> list[WinToShare]:
    """Wins since the last contact that touch what the person cares about or a gap linked to
    them, newest first.

    "Since the last contact" is strictly after it (a win on that day was already part of that
    contact); with no contact on record, the last :data:`FIRST_CONTACT_LOOKBACK_DAYS` days.
    A win "touches what they care about" when it shares a meaningful word (or its stem) with
    what they care about or what moves their needle, counting the win's title, body, impact,
    metrics, tags and company priority.
    """
    since = person.last_contact
    start = since + dt.timedelta(days=1) if since else today - dt.timedelta(
        days=FIRST_CONTACT_LOOKBACK_DAYS
    )
    theirs = {g.id: g for g in linked_gaps(person, gaps)}
    interests = _stems(keywords(f"{person.cares_about}\n{person.moves_needle}"))
    priority_titles = {p.id: p.title for p in priorities}
    chosen: list[WinToShare] = []
    for win in wins:
        if not (start <= win.date <= today):
            continue
        gap_hits = tuple(theirs[g] for g in win.gap_ids if g in theirs)
        text = " ".join(
            [
                win.title,
                win.body,
                win.impact,
                " ".join(str(m) for m in win.metrics),
                " ".join(win.tags),
                priority_titles.get(win.priority_id or "", ""),
            ]
        )
        win_stems = {_stem(w) for w in keywords(text)}
        topics = tuple(sorted(interests[s] for s in interests.keys() & win_stems))
        if gap_hits or topics:
            chosen.append(WinToShare(win, gap_hits, topics))
    chosen.sort(key=lambda s: (s.win.date, s.win.created), reverse=True)
    return chosen


def gaps_to_ask_about(person: Stakeholder, gaps: Iterable[Gap]) -> list[Gap]:
    """Open gaps linked to the person, in board order: where they could help."""
    found = [g for g in linked_gaps(person, gaps) if g.status is not GapStatus.CLOSED]
    return sorted(found, key=lambda g: (g.status is not GapStatus.WORKING, g.rank))


def feedback_to_follow_up(person: Stakeholder, feedback: Iterable[Feedback]) -> list[Feedback]:
    """What they said you should work on, newest first: show them you heard it."""
    found = [f for f in feedback_from(person, feedback) if f.kind == "gap"]
    return sorted(found, key=lambda f: f.date, reverse=True)


def agenda(
    person: Stakeholder,
    *,
    wins: Iterable[Win],
    gaps: Sequence[Gap],
    feedback: Iterable[Feedback],
    interactions: Iterable[Interaction] = (),
    priorities: Iterable[Priority] = (),
    today: dt.date,
) -> Agenda:
    """The next check-in's agenda, built from what is on record."""
    past = check_ins_with(person, interactions)
    return Agenda(
        person=person,
        today=today,
        since=person.last_contact,
        wins=select_wins(person, wins, gaps, today, priorities),
        gaps=gaps_to_ask_about(person, gaps),
        feedback=feedback_to_follow_up(person, feedback),
        last_check_in=past[0] if past else None,
    )
