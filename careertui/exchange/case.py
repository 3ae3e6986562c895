"""The promotion case: a pitch for the next role, as Markdown or HTML.

Shaped like the conversation it prepares: the target role and why now, what the person already
does at the next level, the evidence for each gap with the strongest wins, the interim goals
agreed with the manager (status, due date, measure, what each serves), what others say, who
supports the move, and the ask, written from what management answered about room for the
next step.

Shareable by default: it names no target company other than the current one, says nothing of
how the person reads their colleagues (stance, influence, what they care about, what moves
them, how to help them) and nothing of the person's own gap framing and coaching notes. The
private case (``private=True``) adds all of that, the gaps with no evidence yet, the dropped
goals, and the people still to win over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum

from careertui.domain import gaps as gap_rules
from careertui.domain import stakeholders as people_rules
from careertui.domain import vision as vision_rules
from careertui.domain.goals import due_text
from careertui.domain.models import (
    Feedback,
    Gap,
    GapStatus,
    Relationship,
    Stakeholder,
    Stance,
    Vision,
    Win,
)
from careertui.domain.priorities import labels, serves_in_its_time
from careertui.domain.profile import current_company_kinds, other_company_kinds
from careertui.domain.scoring import by_score
from careertui.exchange import documents, ladder_sections
from careertui.exchange import markdown as md
from careertui.store.repository import Career

#: How many wins each gap's evidence shows.
EVIDENCE_WINS = 3
#: How many gaps and people the private asks name.
ASK_GAPS = 3
ASK_PEOPLE = 2
#: A year, for "wins in the last twelve months".
YEAR_DAYS = 365

ROLE = "The role and why now"
NEXT_LEVEL = "Already working at the next level"
EVIDENCE = "Evidence for each growth area"
GOALS = "Interim goals"
FEEDBACK = "What others say"
SUPPORT = "Who supports the move"
WIN_OVER = "Who still needs to be won over"
ASK = "The ask"

#: The level-2 sections of the shareable case, in order.
SECTIONS = (ROLE, NEXT_LEVEL, EVIDENCE, GOALS, FEEDBACK, SUPPORT, ASK)
#: The level-2 sections of the private case, in order.
PRIVATE_SECTIONS = (ROLE, NEXT_LEVEL, EVIDENCE, GOALS, FEEDBACK, SUPPORT, WIN_OVER, ASK)


class SupportRole(str, Enum):
    """How someone supports the move, by stance and relationship.

    A **sponsor** is a supportive person whose relationship is sponsor: someone with standing
    who spends it on the person's behalf. A **champion** is anyone else whose stance is
    champion: they argue the case. A **mentor** who is supportive but not a champion advises;
    a mentor is not a sponsor. Everyone else supportive is a **supporter**.
    """

    SPONSOR = "Sponsors"
    CHAMPION = "Champions"
    MENTOR = "Mentors"
    SUPPORTER = "Supporters"


def support_role(person: Stakeholder) -> SupportRole | None:
    """How ``person`` supports the move, or None when they do not (yet)."""
    if not people_rules.is_supportive(person):
        return None
    if person.relationship is Relationship.SPONSOR:
        return SupportRole.SPONSOR
    if person.stance is Stance.CHAMPION:
        return SupportRole.CHAMPION
    if person.relationship is Relationship.MENTOR:
        return SupportRole.MENTOR
    return SupportRole.SUPPORTER


def promotion_case(
    career: Career, *, today: dt.date, private: bool = False, fmt: str = "markdown"
) -> str:
    """The promotion case, shareable unless ``private``; Markdown, or an HTML page when
    ``fmt`` is ``"html"``."""
    vision = career.vision
    profile = vision.profile
    role = vision.target_role or "the next role"
    title = "Promotion case"
    if profile.name:
        title += f": {profile.name}"
    if vision.target_role:
        title += f" for {vision.target_role}" if profile.name else f": {vision.target_role}"
    blocks: list[list[str]] = [[md.heading(1, title)], *documents.introduction(profile, today)]
    blocks += _role(career, today, private=private)
    blocks += _next_level(career)
    blocks += ladder_sections.case_blocks(career, today)
    blocks += _evidence(career, today, private=private)
    blocks += _goals(career, today, private=private)
    blocks += _feedback(career.feedback, private=private)
    blocks += _supporters(career.stakeholders, private=private)
    if private:
        blocks += _to_win_over(career.stakeholders)
    blocks += _ask(career, role, today, private=private)
    return documents.finish(md.document(blocks), title=title, fmt=fmt)


def _person(person: Stakeholder) -> str:
    return f"{person.name} ({person.title})" if person.title else person.name


# -- the role and why now -------------------------------------------------------------------
def _role(career: Career, today: dt.date, *, private: bool) -> list[list[str]]:
    vision = career.vision
    blocks: list[list[str]] = [[md.heading(2, ROLE)]]
    if not vision.target_role and not vision.statement:
        blocks.append(
            ["No target role yet: write the vision first (the role, the statement, the measures)."]
        )
        return blocks
    facts = [md.bullet(f"**Target role:** {md.inline(vision.target_role or 'not named yet')}")]
    here = current_company_kinds(vision.company_kinds, vision.profile)
    if here:
        facts.append(md.bullet(f"**Where:** {md.inline('; '.join(here))}"))
    if private:
        if vision.horizon:
            left = vision_rules.years_left_text(vision, today)
            facts.append(md.bullet(f"**Horizon:** {vision.horizon.isoformat()} ({left})"))
        elsewhere = other_company_kinds(vision.company_kinds, vision.profile)
        if elsewhere:
            facts.append(
                md.bullet(f"**Where else I would work:** {md.inline('; '.join(elsewhere))}")
            )
    blocks.append(facts)
    if vision.statement:
        blocks.append(md.quote(vision.statement))
    why = _why_now(career, today)
    if why:
        blocks.append(["Why now:"])
        blocks.append(why)
    if vision.measures:
        blocks.append(["What ready looks like:"])
        blocks.append([md.bullet(md.inline(m)) for m in vision.measures])
    return blocks


def _why_now(career: Career, today: dt.date) -> list[str]:
    vision = career.vision
    lines: list[str] = []
    if vision.profile.since:
        held = documents.tenure(vision.profile.since, today)
        lines.append(md.bullet(f"In the current role since {vision.profile.since} ({held})."))
    at_level = [item for item in vision.scope if item.short_by == 0 and item.target != "out"]
    if vision.scope and at_level:
        lines.append(
            md.bullet(
                f"Already holding {len(at_level)} of the {len(vision.scope)} responsibilities "
                "at the level the role asks."
            )
        )
    year = [w for w in career.wins if 0 <= (today - w.date).days < YEAR_DAYS]
    if year:
        by_id = {p.id: p for p in (*career.priorities, *career.archived_priorities)}
        tied = sum(serves_in_its_time(w, by_id) for w in year)
        measured = sum(documents.is_measured(w) for w in year)
        lines.append(
            md.bullet(
                f"{len(year)} win{'s' if len(year) != 1 else ''} in the last twelve months: "
                f"{tied} on the company's top priorities, {measured} with a measured result."
            )
        )
    return lines


# -- already at the next level -----------------------------------------------------------------
def _next_level(career: Career) -> list[list[str]]:
    vision = career.vision
    blocks: list[list[str]] = [[md.heading(2, NEXT_LEVEL)]]
    held = [item for item in vision.scope if item.short_by == 0 and item.target != "out"]
    if held:
        blocks.append(["Responsibilities already held at the level the role asks:"])
        blocks.append(
            [md.bullet(f"{md.inline(item.responsibility)}: {item.today}") for item in held]
        )
    strengths = [md.bullet(md.inline(s)) for s in vision.strengths]
    strengths += [md.bullet(f"{md.inline(u)} (what sets me apart)") for u in vision.usps]
    if strengths:
        blocks += [[md.heading(3, "Strengths")], strengths]
    blocks.append([md.heading(3, "Wins that show it")])
    priorities = labels([*career.priorities, *career.archived_priorities])
    best = documents.strongest(career.wins)
    lines = documents.numbered([documents.win_line(w, priorities) for w in best])
    blocks.append(lines or ["No wins logged yet."])
    return blocks


# -- evidence for each gap -------------------------------------------------------------------
def _evidence(career: Career, today: dt.date, *, private: bool) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, EVIDENCE)]]
    gaps = gap_rules.manual_order(career.gaps)
    feedback = {f.id: f for f in career.feedback}
    linked = gap_rules.evidence_by_gap(career.wins)
    shown = [g for g in gaps if private or linked.get(g.id)]
    if not shown:
        blocks.append(
            ["No gaps on the board yet."] if not gaps else ["No win is linked to a gap yet."]
        )
        return blocks
    if private:
        open_count = sum(g.status != GapStatus.CLOSED for g in gaps)
        blocks.append([f"{open_count} of {len(gaps)} still open."])
    for gap in shown:
        blocks += _gap(gap, linked.get(gap.id, []), feedback, today, private=private)
    return blocks


def _gap(
    gap: Gap,
    evidence: Sequence[Win],
    feedback: dict[str, Feedback],
    today: dt.date,
    *,
    private: bool,
) -> list[list[str]]:
    heading = gap.title
    if private:
        heading += (
            f" ({gap.category.value}, level {gap.current_level} → {gap.target_level}, "
            f"{gap.status.value})"
        )
    lines: list[str] = []
    if private and gap.why:
        lines.append(md.bullet(f"**Why it matters:** {md.inline(gap.why)}"))
    if evidence:
        best = documents.by_strength(evidence, EVIDENCE_WINS)
        more = len(evidence) - len(best)
        label = f"**Evidence ({len(evidence)} win{'s' if len(evidence) != 1 else ''})"
        label += f", the strongest {len(best)}:**" if more else ":**"
        lines.append(md.bullet(label))
        lines += [f"  {md.bullet(documents.win_line(w, {}))}" for w in best]
    else:
        lines.append(md.bullet("**Evidence:** no win yet."))
    source = feedback.get(gap.source_feedback_id or "")
    if source:
        lines.append(md.bullet(f"**From feedback:** {documents.quoted(source)}"))
    if private:
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


# -- interim goals ---------------------------------------------------------------------------
def _goals(career: Career, today: dt.date, *, private: bool) -> list[list[str]]:
    """The interim goals agreed with the manager: the open ones by due date, then the ones
    done (and, in the private case, dropped), each with when it is due, how it is measured,
    its status and the priorities and gaps it serves."""
    blocks: list[list[str]] = [[md.heading(2, GOALS)]]
    kept = [g for g in career.goals if g.status != "dropped" or private]
    order = {"at risk": 0, "on track": 0, "done": 1, "dropped": 2}
    kept.sort(key=lambda g: (order.get(g.status, 3), g.due, g.title.casefold()))
    if not kept:
        blocks.append(["No interim goals agreed yet."])
        return blocks
    names = {
        **labels([*career.priorities, *career.archived_priorities]),
        **{g.id: g.title for g in career.gaps},
    }
    lines = []
    for goal in kept:
        when = f"due {goal.due.isoformat()}"
        if goal.is_open:
            when += f" ({due_text(goal, today)})"
        parts = [f"**{md.inline(goal.title)}**: {goal.status}, {when}."]
        if goal.measure:
            parts.append(f"Measured by: {md.inline(goal.measure.rstrip('.'))}.")
        served = [names[i] for i in (*goal.priority_ids, *goal.gap_ids) if i in names]
        if served:
            parts.append(f"Serves: {md.inline(', '.join(served))}.")
        lines.append(md.bullet(" ".join(parts)))
    blocks.append(lines)
    return blocks


# -- what others say -----------------------------------------------------------------------
def _feedback(feedback: Sequence[Feedback], *, private: bool) -> list[list[str]]:
    """The 360 feedback quoted with giver and date, newest first: what others see as
    strengths and, in the private case, what they still want to see."""
    blocks: list[list[str]] = [[md.heading(2, FEEDBACK)]]
    newest = sorted(feedback, key=lambda f: (f.date, f.created), reverse=True)
    praise = [md.bullet(documents.quoted(f)) for f in newest if f.kind == "strength"]
    blocks.append(praise or ["No feedback on record yet."])
    wanted = [md.bullet(documents.quoted(f)) for f in newest if f.kind == "gap"]
    if private and wanted:
        blocks += [["What they still want to see:"], wanted]
    return blocks


# -- who supports the move --------------------------------------------------------------------
def _supporter_line(person: Stakeholder, *, private: bool) -> str:
    relation = person.relationship.value
    if not private:
        return md.bullet(f"**{md.inline(_person(person))}**, {relation}")
    line = (
        f"**{md.inline(_person(person))}**: {person.stance.value}, {relation}, "
        f"influence {person.influence}/5"
    )
    extra = f"Cares about: {md.inline(person.cares_about.rstrip('.'))}"
    return md.bullet(f"{line}. {extra}." if person.cares_about else f"{line}.")


def _supporters(people: Sequence[Stakeholder], *, private: bool) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, SUPPORT)]]
    ordered = sorted(people, key=lambda p: (-p.influence, p.name.casefold()))
    placed = {role: [p for p in ordered if support_role(p) is role] for role in SupportRole}
    if not any(placed.values()):
        blocks.append(["Nobody on record supports the move yet."])
        return blocks
    for role, members in placed.items():
        if members:
            blocks.append([md.heading(3, role.value)])
            blocks.append([_supporter_line(p, private=private) for p in members])
    return blocks


def _not_won(people: Sequence[Stakeholder]) -> list[Stakeholder]:
    waiting = [p for p in people if support_role(p) is None]
    return sorted(waiting, key=lambda p: (-p.influence, p.name.casefold()))


def _to_win_over(people: Sequence[Stakeholder]) -> list[list[str]]:
    blocks: list[list[str]] = [[md.heading(2, WIN_OVER)]]
    lines = []
    for person in _not_won(people):
        line = (
            f"**{md.inline(_person(person))}**: {person.stance.value}, "
            f"{person.relationship.value}, influence {person.influence}/5"
        )
        details = [
            ("Cares about", person.cares_about),
            ("what moves them", person.moves_needle),
            ("how I can help", person.how_to_help),
        ]
        extra = "; ".join(
            f"{label}: {md.inline(value.rstrip('.'))}" for label, value in details if value
        )
        lines.append(md.bullet(f"{line}. {extra}." if extra else f"{line}."))
    blocks.append(lines or ["Nobody: everyone on the map supports the move."])
    return blocks


# -- the ask ---------------------------------------------------------------------------------
def _manager(people: Sequence[Stakeholder]) -> str:
    managers = [p for p in people if p.relationship is Relationship.MANAGER]
    return managers[0].name if managers else "my manager"


def room_to_grow_answer(room: Vision.RoomToGrow, manager: str) -> str | None:
    """What management answered about room for the next step, in one sentence; None when
    nobody has been asked."""
    if room.answer == "not asked" or room.asked_on is None:
        return None
    whom = room.asked_whom or manager
    said = f": “{room.management_said.rstrip('.')}”" if room.management_said else ""
    on = room.asked_on.isoformat()
    answers = {
        "yes": f"When I asked {whom} on {on}, the answer was yes",
        "not yet": f"When I asked {whom} on {on}, the answer was not yet",
        "no": f"When I asked {whom} on {on}, the answer was that there is no room for it here",
        "unclear": f"When I asked {whom} on {on}, the answer was not clear",
    }
    return f"{answers[room.answer]}{said}."


def the_asks(vision: Vision, manager: str, role: str) -> list[str]:
    """What to ask for, following what management answered about room to grow: "is there
    room?" only until someone has answered it."""
    room = vision.room_to_grow
    answer = "not asked" if room.asked_on is None else room.answer
    ready = "; ".join(vision.measures)
    criteria = f"ready means: {ready}" if ready else "what ready looks like, in writing"
    if answer == "yes":
        asks = [
            f"Put the case for {role} forward in the next promotion cycle, and agree the date.",
            f"Agree that {criteria}.",
        ]
    elif answer == "not yet":
        asks = [
            f"What would make it a yes for {role}, and when we look at it again.",
            f"Agree that {criteria}, so the next conversation measures against it.",
        ]
    elif answer == "no":
        asks = [
            f"Which scope here would grow toward {role}, and support to take it on.",
            f"Agree that {criteria}.",
        ]
    elif answer == "unclear":
        asks = [
            f"A clear answer from {manager}: is there room for {role} here, and on what timeline?",
            f"Agree that {criteria}.",
        ]
    else:
        asks = [
            f"{manager}: is there room for {role} here, and on what timeline?",
            f"Agree with {manager} that {role} is the next step, and that {criteria}.",
        ]
    if room.openings and answer in ("yes", "not yet", "no"):
        asks.append(f"Talk through the openings: {room.openings.rstrip('.')}.")
    return asks


def _ask(career: Career, role: str, today: dt.date, *, private: bool) -> list[list[str]]:
    vision = career.vision
    manager = _manager(career.stakeholders)
    blocks: list[list[str]] = [[md.heading(2, ASK)]]
    answered = room_to_grow_answer(vision.room_to_grow, manager)
    if answered:
        blocks.append([md.text(answered)])
    asks = the_asks(vision, manager, role)
    if private:
        stale = vision_rules.room_to_grow_flag(vision.room_to_grow, today)
        if answered and stale:
            asks.append(
                f"Ask {manager} again: the answer dates from {vision.room_to_grow.asked_on}."
            )
        asks += _private_asks(career, today)
    blocks.append(documents.numbered([md.inline(ask) for ask in asks]))
    return blocks


def _private_asks(career: Career, today: dt.date) -> list[str]:
    asks: list[str] = []
    open_gaps = [
        g for g in by_score(career.gaps, career.stakeholders, today) if g.status != GapStatus.CLOSED
    ]
    for gap in open_gaps[:ASK_GAPS]:
        step = gap.next_action.rstrip(".") if gap.next_action else "an opportunity to close it"
        asks.append(f"Support to close “{gap.title}”: {step}.")
    for person in [p for p in _not_won(career.stakeholders) if p.influence >= 4][:ASK_PEOPLE]:
        cares = (
            f" (they care about: {person.cares_about.rstrip('.')})" if person.cares_about else ""
        )
        asks.append(f"Help earning the support of {_person(person)}{cares}.")
    advocates = [
        p.name
        for p in career.stakeholders
        if support_role(p) in (SupportRole.SPONSOR, SupportRole.CHAMPION)
    ]
    if advocates:
        asks.append(f"{', '.join(advocates)}: speak for the case when it is decided.")
    return asks
