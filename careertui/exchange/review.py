"""The self-review: a review period told as STAR stories, one section per gap being worked on,
and the 360 feedback received in the period; Markdown or HTML.

Each story is built from the win's own fields: the **situation** from the context its body
gives (its first paragraph), the **task** from the company priority it served or the gap it is
evidence for, the **action** from what was done (the title and the input metrics), the
**result** from the impact statement and the output metrics. A gap with no win in the period
says so plainly.

Shareable by default; the private review adds each gap's framing (why it matters, the levels)
and the coaching notes (the next action and its date).
"""

from __future__ import annotations

import datetime as dt

from careertui.domain import gaps as gap_rules
from careertui.domain.dates import shift
from careertui.domain.errors import InputError
from careertui.domain.models import Gap, GapStatus, Win
from careertui.domain.priorities import labels, serves_in_its_time
from careertui.exchange import documents, ladder_sections, stories
from careertui.exchange import markdown as md
from careertui.store.repository import Career

#: How many stories a gap's section tells at most (the strongest by measured impact).
STORIES_PER_GAP = 3
#: How many wins "other highlights" lists.
HIGHLIGHTS = 5
#: The default review period: the year up to today.
DEFAULT_DAYS = 365
NO_EVIDENCE = "No evidence yet in this period."
FEEDBACK = "Feedback received"
OTHER = "Other highlights"


def review_period(
    start: dt.date | None, end: dt.date | None, today: dt.date
) -> tuple[dt.date, dt.date]:
    """The period asked for; by default the twelve months up to ``end`` (or today)."""
    end = end or today
    start = start or shift(end, 1 - DEFAULT_DAYS)
    if start > end:
        raise InputError(
            f"the period starts ({start.isoformat()}) after it ends ({end.isoformat()})"
        )
    return start, end


def self_review(
    career: Career,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date,
    private: bool = False,
    fmt: str = "markdown",
) -> str:
    """The self-review of ``start``..``end`` (both included), shareable unless ``private``;
    Markdown, or an HTML page when ``fmt`` is ``"html"``."""
    first, last = review_period(start, end, today)
    wins = [w for w in career.wins if first <= w.date <= last]
    profile = career.vision.profile
    who = f"{profile.name}, " if profile.name else ""
    title = f"Self-review: {who}{first.isoformat()} to {last.isoformat()}"
    priorities = labels([*career.priorities, *career.archived_priorities])
    gaps = [g for g in gap_rules.manual_order(career.gaps) if g.status is GapStatus.WORKING]
    blocks: list[list[str]] = [[md.heading(1, title)], *documents.introduction(profile, today)]
    blocks.append(_summary(wins, gaps, career, first, last, priorities))
    told: set[str] = set()
    for gap in gaps:
        evidence = [w for w in wins if gap.id in w.gap_ids]
        blocks += _gap(gap, evidence, priorities, today, private=private)
        told |= {w.id for w in documents.by_strength(evidence, STORIES_PER_GAP)}
    if not gaps:
        blocks.append(["No gap on the board is being worked on."])
    blocks += ladder_sections.review_blocks(career, wins, priorities, today, told)
    blocks += _highlights([w for w in wins if w.id not in told], priorities)
    blocks += _feedback(career, first, last)
    return documents.finish(md.document(blocks), title=title, fmt=fmt)


def _summary(
    wins: list[Win],
    gaps: list[Gap],
    career: Career,
    first: dt.date,
    last: dt.date,
    priorities: dict[str, str],
) -> list[str]:
    by_id = {p.id: p for p in (*career.priorities, *career.archived_priorities)}
    tied = sum(serves_in_its_time(w, by_id) for w in wins)
    received = sum(first <= f.date <= last for f in career.feedback)
    with_evidence = sum(any(g.id in w.gap_ids for w in wins) for g in gaps)
    return [
        md.bullet(f"**Period:** {first.isoformat()} to {last.isoformat()}"),
        md.bullet(
            f"**Wins:** {len(wins)}, {tied} on the company's top priorities, "
            f"{sum(documents.is_measured(w) for w in wins)} with a measured result"
        ),
        md.bullet(
            f"**Areas being worked on:** {len(gaps)}, {with_evidence} with evidence this period"
        ),
        md.bullet(f"**Feedback received:** {received}"),
    ]


def _gap(
    gap: Gap, evidence: list[Win], priorities: dict[str, str], today: dt.date, *, private: bool
) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, gap.title)]]
    if private:
        notes = [
            md.bullet(f"**Level:** {gap.current_level} → {gap.target_level} ({gap.category.value})")
        ]
        if gap.why:
            notes.append(md.bullet(f"**Why it matters:** {md.inline(gap.why)}"))
        if gap.next_action:
            due = f" (due {gap.due.isoformat()})" if gap.due else ""
            step = md.inline(gap.next_action.rstrip("."))
            notes.append(md.bullet(f"**Next:** {step}{due}."))
        blocks.append(notes)
    if not evidence:
        blocks.append([NO_EVIDENCE])
        return blocks
    best = documents.by_strength(evidence, STORIES_PER_GAP)
    count = f"{len(evidence)} win{'s' if len(evidence) != 1 else ''} in the period"
    shown = f"; the strongest {len(best)}:" if len(best) < len(evidence) else ":"
    blocks.append([f"{count}{shown}"])
    for win in best:
        blocks += stories.star_story(win, gap, priorities)
    return blocks


def _highlights(wins: list[Win], priorities: dict[str, str]) -> list[list[str]]:
    best = documents.strongest(wins, HIGHLIGHTS)
    if not best:
        return []
    return [
        [md.heading(2, OTHER)],
        documents.numbered([documents.win_line(w, priorities) for w in best]),
    ]


def _feedback(career: Career, first: dt.date, last: dt.date) -> list[list[str]]:
    received = sorted(
        (f for f in career.feedback if first <= f.date <= last),
        key=lambda f: (f.date, f.created),
    )
    lines = [md.bullet(documents.quoted(f)) for f in received]
    return [[md.heading(2, FEEDBACK)], lines or ["No feedback received in this period."]]
