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
from typing import TYPE_CHECKING, Protocol

from careertui.domain.cadence import days_overdue, is_overdue
from careertui.domain.choices import GapStatus, Relationship, Stance
from careertui.domain.dates import shift

if TYPE_CHECKING:
    from careertui.domain.models import Feedback, Gap, Interaction, Priority, Stakeholder, Win

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


class Backing(Protocol):
    """What the rules of who backs the user read of a person."""

    @property
    def influence(self) -> int: ...
    @property
    def stance(self) -> Stance: ...
    @property
    def relationship(self) -> Relationship: ...


def is_high_influence(person: Backing) -> bool:
    return person.influence >= HIGH_INFLUENCE


def is_supportive(person: Backing) -> bool:
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
def overdue_text(person: Stakeholder, today: dt.date) -> str:
    """How overdue, in words: "1 day overdue", "12 days overdue", "never contacted, 3 days
    overdue"; "" when not overdue."""
    late = days_overdue(person, today)
    if late is None:
        return ""
    text = f"{late} day{'s' if late != 1 else ''} overdue"
    return f"never contacted, {text}" if person.last_contact is None else text


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


def is_champion_or_sponsor(person: Backing) -> bool:
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
_WORD = re.compile(r"[a-z0-9][a-z0-9'+&-]*")
#: The English stop words of NLTK's widely used list (Porter's SMART list cut down, 179 words).
ENGLISH_STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself
    yourselves he him his himself she she's her hers herself it it's its itself they them their
    theirs themselves what which who whom this that that'll these those am is are was were be
    been being have has had having do does did doing a an the and but if or because as until
    while of at by for with about against between into through during before after above below
    to from up down in out on off over under again further then once here there when where why
    how all any both each few more most other some such no nor not only own same so than too
    very s t can will just don don't should should've now d ll m o re ve y ain aren aren't
    couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma
    mightn mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren
    weren't won won't wouldn wouldn't
    """.split()  # noqa: SIM905 - a word list reads better as words
)
#: Words too common in career notes to say anything about what someone cares about.
CAREER_STOP_WORDS = frozenset(
    """
    also among around could even ever every get gets getting good great just less like lot lots
    make makes many much must need needs really should want wants way well would team teams work
    works working thing things people person time times next year years month months week weeks
    day days first last able sure clear better best give keep take takes know new done via per
    one two three four five six seven eight nine ten top fewer lead led help helps helped
    """.split()  # noqa: SIM905 - a word list reads better as words
)
_STOP = ENGLISH_STOP_WORDS | CAREER_STOP_WORDS
#: A text-only match needs this many meaningful words in common (or one phrase of two).
SHARED_WORDS = 2


#: Where a phrase ends: punctuation between clauses, and line breaks.
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]{}\"\n\u2014\u2013]+")


def _words(text: str) -> list[str | None]:
    """The words of ``text`` in order, lower-cased, possessives dropped; a stop word, a number,
    a one- or two-letter word and the end of a clause are None (they break a phrase)."""
    found: list[str | None] = []
    for clause in _CLAUSE_END.split(text.casefold()):
        for raw in _WORD.findall(clause):
            word = raw.strip("'+&-")
            word = word[:-2] if word.endswith("'s") else word
            meaningful = len(word) >= 3 and word not in _STOP and any(c.isalpha() for c in word)
            found.append(word if meaningful else None)
        found.append(None)
    return found


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class _Said:
    """What a piece of text says, ready to compare: its meaningful words by stem, and its
    phrases (two meaningful words in a row) by their stems."""

    words: dict[str, str]
    phrases: dict[tuple[str, str], str]

    @classmethod
    def of(cls, text: str) -> _Said:
        words: dict[str, str] = {}
        phrases: dict[tuple[str, str], str] = {}
        previous: str | None = None
        for word in _words(text):
            if word is not None:
                words.setdefault(_stem(word), word)
                if previous is not None and _stem(previous) != _stem(word):
                    phrases.setdefault((_stem(previous), _stem(word)), f"{previous} {word}")
            previous = word
        return cls(words, phrases)


@dataclass(frozen=True)
class _Overlap:
    """What a win and one of the person's interests have in common."""

    topics: tuple[str, ...]
    phrase: str

    @property
    def meaningful(self) -> bool:
        return bool(self.phrase) or len(self.topics) >= SHARED_WORDS


def _overlap(theirs: _Said, win: _Said) -> _Overlap:
    topics = tuple(word for stem, word in theirs.words.items() if stem in win.words)
    phrase = next((text for key, text in theirs.phrases.items() if key in win.phrases), "")
    return _Overlap(topics, phrase)


@dataclass(frozen=True)
class WinToShare:
    """A win worth bringing up with someone, and why."""

    win: Win
    #: The gaps linked to them that the win is evidence for.
    gaps: tuple[Gap, ...] = ()
    #: The meaningful words it shares with what they care about, in their words and order
    #: (empty unless enough do).
    topics: tuple[str, ...] = ()
    #: A phrase of theirs the win shares, the clearest reason of all.
    phrase: str = ""
    #: Which of their interests the words come from ("what they care about", …).
    interest: str = ""
    #: The win's priority, when the shared words are in its title.
    priority: str = ""
    #: They are on the win.
    worked_with: bool = False
    #: The win names them (their full name, or their first name as a tag).
    named: bool = False

    @property
    def reason(self) -> str:
        parts = []
        if self.worked_with:
            parts.append("you worked on it with them")
        elif self.named:
            parts.append("it names them")
        if self.gaps:
            titles = " and ".join(f"'{g.title}'" for g in self.gaps)
            kind = "a gap" if len(self.gaps) == 1 else "gaps"
            parts.append(f"evidence for {titles}, {kind} they can help with")
        if self.topics:
            shared = (
                f"'{self.phrase}'"
                if self.phrase
                else " and ".join(f"'{t}'" for t in self.topics[:3])
            )
            serves = f"serves '{self.priority}', which " if self.priority else ""
            parts.append(f"{serves}shares {shared} with {self.interest}")
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


def _names_them(person: Stakeholder, win: Win) -> bool:
    """Whether the win's text names the person in full, or tags their first name (``@maya``)."""
    name = " ".join(person.name.casefold().split())
    text = " ".join(f"{win.title}\n{win.body}\n{win.impact}".casefold().split())
    if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        return True
    first = name.split(" ")[0] if name else ""
    return len(first) >= 3 and first in win.tags


def select_wins(
    person: Stakeholder,
    wins: Iterable[Win],
    gaps: Iterable[Gap],
    today: dt.date,
    priorities: Iterable[Priority] = (),
) -> list[WinToShare]:
    """Wins since the last contact worth bringing up with the person, newest first, each with
    the reason.

    "Since the last contact" is strictly after it (a win on that day was already part of that
    contact); with no contact on record, the last :data:`FIRST_CONTACT_LOOKBACK_DAYS` days.
    A win is worth it when they are on it or it names them, when it is evidence for a gap
    linked to them, or when it has real overlap with what they care about or what moves their
    needle: a phrase of theirs (two meaningful words in a row), or :data:`SHARED_WORDS`
    meaningful words (stems, stop words left out) in its title, body, impact, metrics, tags
    or company priority. One common word is not a reason.
    """
    since = person.last_contact
    start = shift(since, 1) if since else today - dt.timedelta(days=FIRST_CONTACT_LOOKBACK_DAYS)
    theirs = {g.id: g for g in linked_gaps(person, gaps)}
    interests = [
        (_Said.of(person.cares_about), "what they care about"),
        (_Said.of(person.moves_needle), "what moves their needle"),
    ]
    everything = _Said.of(f"{person.cares_about}\n{person.moves_needle}")
    priority_titles = {p.id: p.title for p in priorities}
    chosen: list[WinToShare] = []
    for win in wins:
        if not (start <= win.date <= today):
            continue
        if any(t.stakeholder_id == person.id for t in win.told):
            continue  # they have heard about it
        gap_hits = tuple(theirs[g] for g in win.gap_ids if g in theirs)
        worked_with = person.id in win.stakeholder_ids
        named = not worked_with and _names_them(person, win)
        own = " ".join([win.title, win.body, win.impact, *(str(m) for m in win.metrics), *win.tags])
        priority = priority_titles.get(win.priority_id or "", "")
        said = _Said.of(f"{own}\n{priority}")
        overlap, label = max(
            ((_overlap(interest, said), label) for interest, label in interests),
            key=lambda found: (bool(found[0].phrase), len(found[0].topics)),
        )
        both = _overlap(everything, said)  # words spread over both of their interests
        if not overlap.meaningful and both.meaningful:
            overlap, label = both, "what they care about"
        in_priority = ""
        if overlap.meaningful and priority:
            own_words = _Said.of(own).words
            if not any(_stem(t) in own_words for t in overlap.topics):
                in_priority = priority
        if not (gap_hits or worked_with or named or overlap.meaningful):
            continue
        chosen.append(
            WinToShare(
                win,
                gap_hits,
                topics=overlap.topics if overlap.meaningful else (),
                phrase=overlap.phrase if overlap.meaningful else "",
                interest=label if overlap.meaningful else "",
                priority=in_priority,
                worked_with=worked_with,
                named=named,
            )
        )
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
