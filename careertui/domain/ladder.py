"""The career ladder's rules: which expectations the target level holds, which wins are evidence
for each, how fresh that evidence is, and which competencies a win's words suggest.

A win is evidence for a competency when it is tied to it, or when it is evidence for a gap tied
to it. Evidence is "recent" when it is from the last :data:`RECENT_DAYS` days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from careertui.domain.models import Ladder, Vision, Win

#: Evidence older than this many days is no longer "recent".
RECENT_DAYS = 90


class Expectations(Protocol):
    """A competency: its name and what it expects at each level named."""

    @property
    def name(self) -> str: ...
    @property
    def expects(self) -> Mapping[str, str]: ...


class Rungs(Protocol):
    """What the evidence rules read of a ladder: its competencies."""

    @property
    def competencies(self) -> Sequence[Expectations]: ...


class Target(Protocol):
    """What they read of the vision: the ladder and the level aimed at."""

    @property
    def ladder(self) -> Rungs | None: ...
    @property
    def ladder_target(self) -> str: ...


class Tied(Protocol):
    """What they read of a gap: the competencies it is tied to."""

    @property
    def id(self) -> str: ...
    @property
    def competencies(self) -> Sequence[str]: ...


class Evidence(Protocol):
    """What they read of a win: what it is tied to, its day and what makes it strong."""

    @property
    def date(self) -> dt.date: ...
    @property
    def created(self) -> dt.datetime: ...
    @property
    def competencies(self) -> Sequence[str]: ...
    @property
    def gap_ids(self) -> Sequence[str]: ...
    @property
    def metrics(self) -> Sized: ...
    @property
    def impact(self) -> str: ...
    @property
    def starred(self) -> bool: ...


W = TypeVar("W", bound=Evidence)


def _default_strength(win: Evidence) -> tuple[Any, ...]:
    """Metrics, then an impact statement, then a star; among equals the newer."""
    return (bool(win.metrics), bool(win.impact), win.starred, win.date, win.created)


@dataclass(frozen=True)
class EvidenceRow(Generic[W]):
    """One expectation of the target level and the wins that are evidence for it."""

    competency: str
    expects: str
    #: The wins that are evidence, strongest first.
    wins: tuple[W, ...]
    today: dt.date

    @property
    def strongest(self) -> W | None:
        return self.wins[0] if self.wins else None

    @property
    def latest(self) -> dt.date | None:
        return max((w.date for w in self.wins), default=None)

    @property
    def recent(self) -> bool:
        """Some evidence from the last :data:`RECENT_DAYS` days."""
        latest = self.latest
        return latest is not None and (self.today - latest).days <= RECENT_DAYS

    @property
    def mark(self) -> str | None:
        """``"none"`` with no evidence, ``"stale"`` with none in the last 90 days, else None."""
        if not self.wins:
            return "none"
        return None if self.recent else "stale"

    @property
    def mark_text(self) -> str:
        return {"none": "no evidence", "stale": f"none in {RECENT_DAYS} days"}.get(
            self.mark or "", ""
        )


def folded(names: Iterable[str]) -> set[str]:
    return {name.casefold() for name in names}


def tied_to(competency: str, wins: Iterable[W], gaps: Iterable[Tied]) -> list[W]:
    """The wins tied to ``competency``, directly or through a gap tied to it."""
    name = competency.casefold()
    gap_ids = {g.id for g in gaps if name in folded(g.competencies)}
    return [w for w in wins if name in folded(w.competencies) or gap_ids.intersection(w.gap_ids)]


def expectation(competency: Expectations, level: str) -> str:
    """What ``competency`` expects at ``level`` (any case); empty when nothing is said."""
    folded_level = level.casefold()
    return next((t for lv, t in competency.expects.items() if lv.casefold() == folded_level), "")


def target_expectations(vision: Target) -> list[tuple[Expectations, str]]:
    """The target level's expectations, in the ladder's order (none without a ladder or a
    target level)."""
    ladder, target = vision.ladder, vision.ladder_target
    if ladder is None or not target:
        return []
    found = [(c, expectation(c, target)) for c in ladder.competencies]
    return [(c, text) for c, text in found if text]


def evidence(
    vision: Target,
    wins: Sequence[W],
    gaps: Sequence[Tied],
    today: dt.date,
    strength: Callable[[W], Any] = _default_strength,
) -> list[EvidenceRow[W]]:
    """One row per expectation of the target level, with its evidence (wins up to ``today``)."""
    past = [w for w in wins if w.date <= today]
    return [
        EvidenceRow(
            competency=competency.name,
            expects=text,
            wins=tuple(sorted(tied_to(competency.name, past, gaps), key=strength, reverse=True)),
            today=today,
        )
        for competency, text in target_expectations(vision)
    ]


# -- suggestions -----------------------------------------------------------------------------
_WORD = re.compile(r"[^\W\d_]{4,}")
#: Words too common in a win or an expectation to say anything about the competency.
_COMMON = frozenset(
    [
        "with",
        "from",
        "that",
        "this",
        "their",
        "they",
        "them",
        "have",
        "been",
        "were",
        "will",
        "what",
        "when",
        "which",
        "into",
        "over",
        "team",
        "teams",
        "across",
        "each",
        "every",
        "more",
        "most",
        "other",
        "some",
        "than",
        "then",
        "there",
        "these",
        "those",
        "also",
        "sets",
        "makes",
        "brings",
        "builds",
        "runs",
        "helps",
        "work",
        "works",
        "product",
        "products",
        "review",
        "clear",
    ]
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ers", "ed", "es", "er", "s", "y")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> dict[str, str]:
    """The meaningful words of ``text`` by stem (the first spelling seen kept)."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text.casefold()):
        if word not in _COMMON:
            found.setdefault(_stem(word), word)
    return found


@dataclass(frozen=True)
class Suggestion:
    """A competency the words of a win or gap point to, and the words that do."""

    competency: str
    shared: tuple[str, ...]

    @property
    def reason(self) -> str:
        said = ", ".join(f"“{w}”" for w in self.shared)
        return f"{self.competency}: it shares {said} with the competency"


def suggest(
    ladder: Ladder | None, text: str, tied: Iterable[str] = (), limit: int = 3
) -> list[Suggestion]:
    """The competencies whose name or expectations share words with ``text`` (a win's title,
    body and impact, or a gap's title and why), most words first, leaving out those ``tied``
    already. Nothing is tied by this: the user decides."""
    if ladder is None:
        return []
    mine = _words(text)
    skip = folded(tied)
    found = []
    for competency in ladder.competencies:
        if competency.name.casefold() in skip:
            continue
        theirs = _words(" ".join([competency.name, *competency.expects.values()]))
        shared = [mine[stem] for stem in mine if stem in theirs]
        if shared:
            found.append((len(shared), Suggestion(competency.name, tuple(shared[:3]))))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [suggestion for _, suggestion in found[:limit]]


def win_text(win: Win) -> str:
    return "\n".join((win.title, win.body, win.impact))


def competency_names(vision: Vision) -> list[str]:
    """The names of the ladder's competencies, in its order (none without a ladder)."""
    return [c.name for c in vision.ladder.competencies] if vision.ladder is not None else []


#: ``c:NAME`` or ``c:"two words"`` in the quick-win line.
_QUICK_TIE = re.compile(r'(?<!\S)[cC]:(?:"([^"]*)"?|(\S+))')


def split_competencies(line: str, known: Sequence[str]) -> tuple[str, list[str]]:
    """The quick-win ``line`` without its ``c:NAME`` words, and the competencies they name
    (as the ladder spells them: a whole name or a unique beginning, any case). Without a
    ladder (``known`` empty) the line is taken as it is. An InputError names a word that fits
    no competency."""
    from careertui.domain.errors import InputError
    from careertui.domain.matching import competencies_named

    if not known:
        return line, []
    typed = [
        (m.group(1) if m.group(1) is not None else m.group(2)) for m in _QUICK_TIE.finditer(line)
    ]
    try:
        names = competencies_named(known, [t.strip() for t in typed if t.strip()])
    except InputError as exc:
        raise InputError(f"c: {exc}") from exc
    rest = " ".join(_QUICK_TIE.sub(" ", line).split())
    return rest, names


def quick_line(title: str, competencies: Sequence[str]) -> str:
    """The quick-win line that gives ``title`` and ``competencies`` back."""
    return " ".join([title, *(f'c:"{name}"' for name in competencies)])
