"""Rules of the vision pane: the destination (V2MOM, company priorities) and the starting point
(strengths, feedback, scope today, room to grow).

Pure functions over the models; nothing here reads or writes the store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TypeVar

from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Gap, GapCategory, Priority, Vision

T = TypeVar("T")

#: The few priorities a company truly cares about; more than this dilutes the point.
MAX_PRIORITIES = 5
#: Asked longer ago than this, the answer about room to grow is probably out of date.
ROOM_TO_GROW_STALE_DAYS = 180
#: How far out a horizon may be, in years (a V2MOM vision is usually 3–5 years out).
MAX_HORIZON_YEARS = 10
#: A gap title made from a feedback quote is cut to this length.
GAP_TITLE_LENGTH = 60

#: Feedback themes (or obstacles) that name a gap category, checked as substrings.
_CATEGORY_WORDS: tuple[tuple[GapCategory, tuple[str, ...]], ...] = (
    (GapCategory.VISIBILITY, ("visib", "presence", "present", "exposure", "known")),
    (GapCategory.RELATIONSHIP, ("relationship", "sponsor", "trust", "partner", "stakeholder")),
    (GapCategory.SCOPE, ("scope", "title", "promotion", "level")),
    (GapCategory.EXPERIENCE, ("experience", "p&l", "managing", "hiring", "budget")),
    (GapCategory.SKILL, ("skill", "depth", "communication", "writing", "reliab", "data")),
)


# -- ordering -----------------------------------------------------------------------------
def moved(items: Sequence[T], index: int, step: int) -> tuple[list[T], int]:
    """``items`` with the one at ``index`` moved ``step`` places (clamped); and its new index."""
    out = list(items)
    if not out or not 0 <= index < len(out):
        return out, index
    target = max(0, min(len(out) - 1, index + step))
    out.insert(target, out.pop(index))
    return out, target


def reranked(priorities: Sequence[Priority], index: int, step: int) -> list[Priority]:
    """The priorities whose rank changes when the one at ``index`` moves ``step`` places.

    Ranks are renumbered 0..n-1 in the new order, so gaps and duplicates in stored ranks heal.
    """
    order, _ = moved(priorities, index, step)
    return [p.model_copy(update={"rank": rank}) for rank, p in enumerate(order) if p.rank != rank]


def next_rank(ranked: Sequence[Priority] | Sequence[Gap]) -> int:
    return max((item.rank for item in ranked), default=-1) + 1


# -- company priorities ---------------------------------------------------------------------
def priority_warning(count: int) -> str | None:
    """A warning once there are more priorities than a company can truly care about."""
    if count <= MAX_PRIORITIES:
        return None
    return (
        f"{count} priorities: the point is the {MAX_PRIORITIES} or fewer the company truly "
        "cares about. Which one matters least?"
    )


# -- obstacles and feedback become gaps ---------------------------------------------------
def category_for(text: str) -> GapCategory:
    lowered = text.lower()
    for category, words in _CATEGORY_WORDS:
        if any(word in lowered for word in words):
            return category
    return GapCategory.OTHER


def gap_from_obstacle(obstacle: str, gaps: Sequence[Gap]) -> Gap:
    """A backlog gap card for a V2MOM obstacle, last on the board.

    Raises :class:`InputError` when a gap with that title is already on the board.
    """
    title = obstacle.strip()
    if not title:
        raise InputError("the obstacle is empty")
    title = _shorten(title, 300)
    if any(gap.title.casefold() == title.casefold() for gap in gaps):
        raise InputError(f"{title!r} is already on the gap board")
    return Gap(
        title=title,
        why="An obstacle in my V2MOM, between me and the vision.",
        category=category_for(title),
        rank=next_rank(gaps),
    )


def gap_from_feedback(feedback: Feedback, gaps: Sequence[Gap]) -> Gap:
    """A backlog gap card made from 360 feedback marked as a gap, linked back to it.

    Raises :class:`InputError` for feedback marked as a strength, or one already made a gap.
    """
    if feedback.kind != "gap":
        raise InputError("only feedback marked as a gap becomes a gap card")
    existing = next((g for g in gaps if g.source_feedback_id == feedback.id), None)
    if existing is not None:
        raise InputError(f"this feedback is already the gap {existing.title!r}")
    title = feedback.theme.strip().capitalize() or _shorten(feedback.quote, GAP_TITLE_LENGTH)
    giver = feedback.giver_name or "someone"
    return Gap(
        title=title,
        why=f"“{feedback.quote}” — {giver}, {feedback.date.isoformat()}",
        category=category_for(f"{feedback.theme} {feedback.quote}"),
        rank=next_rank(gaps),
        stakeholder_ids=[feedback.giver_id] if feedback.giver_id else [],
        source_feedback_id=feedback.id,
    )


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


# -- where I am now -----------------------------------------------------------------------
def room_to_grow_flag(room: Vision.RoomToGrow, today: dt.date) -> str | None:
    """What the pane should flag about room to grow, or None when the answer is current."""
    if room.answer == "not asked" or room.asked_on is None:
        return "Never asked: ask your manager whether there is room for the next step."
    age = (today - room.asked_on).days
    if age > ROOM_TO_GROW_STALE_DAYS:
        return f"Asked {age // 30} months ago: ask again, things change."
    return None


def scope_gaps(scope: Sequence[Vision.ScopeItem]) -> list[Vision.ScopeItem]:
    """The responsibilities where today's hold is below what the target role asks, widest first."""
    short = [item for item in scope if item.short_by > 0]
    return sorted(short, key=lambda item: -item.short_by)


def scope_summary(scope: Sequence[Vision.ScopeItem]) -> str:
    """One line: how far today's scope is from the target role's."""
    if not scope:
        return "No responsibilities listed yet."
    short = scope_gaps(scope)
    if not short:
        return f"All {len(scope)} responsibilities held at the level the target role asks."
    steps = sum(item.short_by for item in short)
    noun = "responsibility" if len(short) == 1 else "responsibilities"
    return f"{len(short)} of {len(scope)} {noun} below the target role ({steps} steps to go)."


def years_left_text(vision: Vision, today: dt.date) -> str:
    years = vision.years_left(today)
    if years is None:
        return "no horizon set"
    if years < 0:
        return f"horizon passed {-years:g} years ago"
    return f"{years:g} years left"


# -- the destination ------------------------------------------------------------------------
_YEARS = re.compile(r"(?:in\s+)?(\d{1,3})(?:\s*(?:y|yrs?|years?))?", re.IGNORECASE)


def in_years(start: dt.date, years: int) -> dt.date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def parse_horizon(text: str, today: dt.date) -> dt.date | None:
    """The horizon the user typed: empty (none), a number of years ("4", "in 4 years") or a
    date ("2030-06-30"). Raises :class:`InputError` for a date that is not in the future."""
    phrase = text.strip()
    if not phrase:
        return None
    years = _YEARS.fullmatch(phrase)
    if years is not None:
        count = int(years.group(1))
        if not 1 <= count <= MAX_HORIZON_YEARS:
            raise InputError(f"a horizon is 1 to {MAX_HORIZON_YEARS} years out (3–5 is usual)")
        return in_years(today, count)
    when = parse_when(phrase, today)
    if when <= today:
        raise InputError("the horizon must be in the future")
    if when > in_years(today, MAX_HORIZON_YEARS):
        raise InputError(f"a horizon is at most {MAX_HORIZON_YEARS} years out (3–5 is usual)")
    return when


# -- guided start -------------------------------------------------------------------------
def needs_guided_start(vision: Vision, priorities: Sequence[Priority]) -> bool:
    """An empty store: no vision statement and no company priorities yet."""
    return not vision.statement.strip() and not priorities
