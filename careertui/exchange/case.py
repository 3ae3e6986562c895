"""The promotion case: a pitch for the next role, as Markdown.

Shaped like the conversation it prepares: the role and what it means, what I do today, the
gaps between the two with their evidence, who supports the move and who is not there yet, and
the asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from careertui.domain import gaps as gap_rules
from careertui.domain import stakeholders as people_rules
from careertui.domain import vision as vision_rules
from careertui.domain.models import (
    Feedback,
    Gap,
    GapStatus,
    Relationship,
    Stakeholder,
    Vision,
    Win,
)
from careertui.domain.scoring import by_score
from careertui.exchange import markdown as md
from careertui.store.repository import Career

#: How many wins "what I do today" shows.
STRONGEST_WINS = 5
#: How many gaps and people the asks name.
ASK_GAPS = 3
ASK_PEOPLE = 2

SECTIONS = (
    "The role",
    "What I do today",
    "The gaps to close",
    "Who supports the move",
    "Who still needs to be won over",
    "The asks",
)


def promotion_case(career: Career, *, today: dt.date) -> str:
    """The promotion case as CommonMark."""
    vision = career.vision
    role = vision.target_role or "the next role"
    title = f"Promotion case: {vision.target_role}" if vision.target_role else "Promotion case"
    blocks: list[list[str]] = [[md.heading(1, title)]]
    blocks += _role(vision, today)
    blocks += _today(career)
    blocks += _gaps(career, today)
    blocks += _supporters(career.stakeholders)
    blocks += _to_win_over(career.stakeholders)
    blocks += _asks(career, role, today)
    return md.document(blocks)


def strongest_wins(
    wins: Sequence[Win], priority_ids: set[str], limit: int = STRONGEST_WINS
) -> list[Win]:
    """Starred first, then tied to a top priority, then with a measured before → after, then
    with an impact statement; newest first among equals."""

    def strength(win: Win) -> tuple[bool, bool, bool, bool, dt.date]:
        measured = any(m.before and m.kind == "output" for m in win.metrics)
        return (win.starred, win.priority_id in priority_ids, measured, bool(win.impact), win.date)

    return sorted(wins, key=strength, reverse=True)[:limit]


def _person(person: Stakeholder) -> str:
    return f"{person.name} ({person.title})" if person.title else person.name


def _role(vision: Vision, today: dt.date) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, "The role")]]
    if not vision.target_role and not vision.statement:
        blocks.append(
            ["No target role yet: write the vision first (the role, the statement, the measures)."]
        )
        return blocks
    facts = [md.bullet(f"**Target role:** {md.inline(vision.target_role or 'not named yet')}")]
    if vision.horizon:
        left = vision_rules.years_left_text(vision, today)
        facts.append(md.bullet(f"**Horizon:** {vision.horizon.isoformat()} ({left})"))
    if vision.company_kinds:
        facts.append(md.bullet(f"**Where:** {md.inline('; '.join(vision.company_kinds))}"))
    blocks.append(facts)
    if vision.statement:
        blocks.append(md.quote(vision.statement))
    if vision.measures:
        blocks.append(["What ready looks like:"])
        blocks.append([md.bullet(md.inline(m)) for m in vision.measures])
    if vision.scope:
        blocks.append(["What the role asks, against what I hold today:"])
        blocks.append(
            [
                md.bullet(f"{md.inline(item.responsibility)}: {item.target} (today: {item.today})")
                for item in vision.scope
            ]
        )
    return blocks


def _today(career: Career) -> list[list[str]]:
    vision = career.vision
    blocks: list[list[str]] = [[md.heading(2, "What I do today")], [md.heading(3, "Strengths")]]
    strengths = [md.bullet(md.inline(s)) for s in vision.strengths]
    strengths += [md.bullet(f"{md.inline(u)} (what sets me apart)") for u in vision.usps]
    blocks.append(strengths or ["No strengths written down yet."])
    praise = [f for f in career.feedback if f.kind == "strength"]
    if praise:
        blocks.append(["What others say:"])
        blocks.append([md.bullet(_feedback_line(f)) for f in praise])
    blocks.append([md.heading(3, "Strongest wins")])
    priorities = {p.id: p.title for p in career.priorities}
    best = strongest_wins(career.wins, set(priorities))
    if not best:
        blocks.append(["No wins logged yet."])
    lines: list[str] = []
    for win in best:
        star = " ★" if win.starred else ""
        parts = [md.inline(win.impact.rstrip("."))] if win.impact else []
        if win.headline_metric:
            parts.append(md.inline(str(win.headline_metric)))
        if win.priority_id in priorities:
            parts.append(f"serves _{md.inline(priorities[win.priority_id])}_")
        what = f": {'; '.join(parts)}" if parts else ""
        lines.append(md.bullet(f"**{win.date.isoformat()}: {md.inline(win.title)}**{star}{what}"))
    if lines:
        blocks.append(lines)
    return blocks


def _feedback_line(item: Feedback) -> str:
    who = item.giver_name or "anonymous"
    return f"“{md.inline(item.quote)}” ({md.inline(who)}, {item.date.isoformat()})"


def _gaps(career: Career, today: dt.date) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, "The gaps to close")]]
    gaps = gap_rules.manual_order(career.gaps)
    if not gaps:
        blocks.append(["No gaps on the board yet."])
        return blocks
    open_count = sum(g.status != GapStatus.CLOSED for g in gaps)
    blocks.append([f"{open_count} of {len(gaps)} still open."])
    feedback = {f.id: f for f in career.feedback}
    for gap in gaps:
        blocks += _gap(gap, career.wins, feedback, today)
    return blocks


def _gap(
    gap: Gap, wins: Sequence[Win], feedback: dict[str, Feedback], today: dt.date
) -> list[list[str]]:
    heading = (
        f"{gap.title} ({gap.category.value}, level {gap.current_level} → "
        f"{gap.target_level}, {gap.status.value})"
    )
    lines: list[str] = []
    if gap.why:
        lines.append(md.bullet(f"**Why it matters:** {md.inline(gap.why)}"))
    evidence = gap_rules.evidence(gap.id, wins)
    if evidence:
        shown = "; ".join(f"{w.date.isoformat()} {w.title}" for w in evidence[:3])
        more = f" and {len(evidence) - 3} more" if len(evidence) > 3 else ""
        lines.append(
            md.bullet(
                f"**Evidence ({len(evidence)} win{'s' if len(evidence) != 1 else ''}):** "
                f"{md.inline(shown)}{more}"
            )
        )
    else:
        lines.append(md.bullet("**Evidence:** no win yet."))
    source = feedback.get(gap.source_feedback_id or "")
    if source:
        lines.append(md.bullet(f"**From feedback:** {_feedback_line(source)}"))
    lines.append(md.bullet(f"**Still open:** {md.inline(_still_open(gap, today))}"))
    return [[md.heading(3, heading)], lines]


def _still_open(gap: Gap, today: dt.date) -> str:
    if gap.status == GapStatus.CLOSED:
        return "nothing; closed."
    levels = max(gap.size, 0)
    parts = [f"{levels} level{'s' if levels != 1 else ''} to go"]
    if gap.next_action:
        parts.append(f"next: {gap.next_action.rstrip('.')}")
    if gap.due:
        late = " (overdue)" if gap_rules.is_overdue(gap, today) else ""
        parts.append(f"due {gap.due.isoformat()}{late}")
    return "; ".join(parts) + "."


def _stakeholder_line(person: Stakeholder, *, win_over: bool = False) -> str:
    role = person.relationship.value
    line = (
        f"**{md.inline(_person(person))}**: {person.stance.value}, {role}, "
        f"influence {person.influence}/5"
    )
    details = [("cares about", person.cares_about)]
    if win_over:
        details += [
            ("what moves them", person.moves_needle),
            ("how I can help", person.how_to_help),
        ]
    extra = "; ".join(
        f"{label}: {md.inline(value.rstrip('.'))}" for label, value in details if value
    )
    return md.bullet(f"{line}. {extra}." if extra else f"{line}.")


def _supporters(people: Sequence[Stakeholder]) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, "Who supports the move")]]
    ordered = sorted(people, key=lambda p: (-p.influence, p.name.casefold()))
    champions = [p for p in ordered if people_rules.is_champion_or_sponsor(p)]
    others = [p for p in ordered if people_rules.is_supportive(p) and p not in champions]
    blocks.append([md.heading(3, "Champions and sponsors")])
    blocks.append(
        [_stakeholder_line(p) for p in champions]
        or ["Nobody yet who argues the case where it is decided."]
    )
    if others:
        blocks.append([md.heading(3, "Supporters")])
        blocks.append([_stakeholder_line(p) for p in others])
    return blocks


def _not_won(people: Sequence[Stakeholder]) -> list[Stakeholder]:
    waiting = [p for p in people if not people_rules.is_supportive(p)]
    return sorted(waiting, key=lambda p: (-p.influence, p.name.casefold()))


def _to_win_over(people: Sequence[Stakeholder]) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, "Who still needs to be won over")]]
    waiting = _not_won(people)
    blocks.append(
        [_stakeholder_line(p, win_over=True) for p in waiting]
        or ["Nobody: everyone on the map supports the move."]
    )
    return blocks


def _asks(career: Career, role: str, today: dt.date) -> list[list[str]]:
    vision = career.vision
    asks: list[str] = []
    managers = [p for p in career.stakeholders if p.relationship is Relationship.MANAGER]
    manager = managers[0].name if managers else "my manager"
    if vision_rules.room_to_grow_flag(vision.room_to_grow, today) or (
        vision.room_to_grow.answer in ("not yet", "no", "unclear")
    ):
        asks.append(f"{manager}: is there room for {role} here, and on what timeline?")
    ready = "; ".join(vision.measures)
    asks.append(
        f"Agree with {manager} that {role} is the next step"
        + (f", and that ready means: {ready}." if ready else ", and what ready looks like.")
    )
    open_gaps = [
        g for g in by_score(career.gaps, career.stakeholders, today) if g.status != GapStatus.CLOSED
    ]
    for gap in open_gaps[:ASK_GAPS]:
        step = gap.next_action.rstrip(".") if gap.next_action else "an opportunity to close it"
        asks.append(f"Support to close “{gap.title}”: {step}.")
    for person in [p for p in _not_won(career.stakeholders) if p.influence >= 4][:ASK_PEOPLE]:
        cares = f"; they care about {person.cares_about.rstrip('.')}" if person.cares_about else ""
        asks.append(f"Help earning {_person(person)}'s support{cares}.")
    champions = [p.name for p in career.stakeholders if people_rules.is_champion_or_sponsor(p)]
    if champions:
        asks.append(f"{', '.join(champions)}: speak for the case when it is decided.")
    return [
        [md.heading(2, "The asks")],
        [f"{n}. {md.inline(ask)}" for n, ask in enumerate(asks, start=1)],
    ]
