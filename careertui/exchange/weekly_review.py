"""The weekly review's five steps as lines of text, the same for ``careertui review`` and the
app's review screen. Each line may carry what one key does with it there: tie or star its win,
capture a win for its gap, thank the person on a win, or record that a win was told to someone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from careertui.domain.cadence import review_text
from careertui.domain.gaps import evidence_counts
from careertui.domain.goals import goal_line
from careertui.domain.models import GapStatus
from careertui.domain.priorities import renewal_due, renewal_how
from careertui.domain.stakeholders import overdue_text
from careertui.domain.trends import trend_text
from careertui.domain.weekly import (
    STEPS,
    gaps_without_win,
    goals_to_review,
    not_told,
    overdue_people,
    unthanked,
    untied,
    week_of,
    wins_of_week,
)
from careertui.exchange.snippet import snippet
from careertui.store.repository import Career


@dataclass(frozen=True)
class Item:
    """One line of a step, and what a key can act on there: ``win``, the id of the win the line
    is about (to tie it or star it); ``gap``, the id of a gap to capture a win for; ``thank``,
    (stakeholder id, win id); ``tell``, (win id, stakeholder id)."""

    text: str
    thank: tuple[str, str] | None = None
    tell: tuple[str, str] | None = None
    win: str | None = None
    gap: str | None = None


def heading(career: Career, on: dt.date, week: dt.date | None = None) -> str:
    start, end = week_of(week or on)
    due = review_text(career.settings.review_done, on)
    return f"Weekly review · {start.isoformat()} to {end.isoformat()} · {due}"


def step_items(
    career: Career, on: dt.date, step: int, week: dt.date | None = None, *, shell: bool = False
) -> list[Item]:
    """The lines of step ``step`` (0–4) of the review of the week holding ``week`` (today's);
    ``shell`` when they are printed, so what to type names the command rather than the key."""
    day = week or on
    week_wins = wins_of_week(career.wins, day)
    key = STEPS[step][0]
    if key == "wins":
        items = [
            Item(f"{'★' if w.starred else ' '} {w.date.isoformat()}  {w.title}", win=w.id)
            for w in week_wins
        ] or [Item('no wins this week yet: press w, or careertui win "…"')]
        renewal = renewal_due(career.priorities, career.archived_priorities, on)
        if renewal:
            how = renewal_how(bool(career.priorities), shell=shell)
            items.insert(0, Item(f"a new half: {renewal} ({how})"))
        for win in untied(week_wins):
            missing = " and ".join(
                m
                for m, gone in (("a priority", not win.priority_id), ("a gap", not win.gap_ids))
                if gone
            )
            # (in the app the step's hint line says which key does it)
            how = f"  (careertui edit-win {win.id})" if shell else ""
            items.append(Item(f"tie to {missing}: {win.title}{how}", win=win.id))
        for gap in gaps_without_win(career.gaps, week_wins):
            how = f'  (careertui win "…" --gap {gap.id})' if shell else ""
            items.append(Item(f"no win for '{gap.title}' this week: capture one{how}", gap=gap.id))
        return items
    if key == "gaps":
        evidence = evidence_counts(career.wins)
        open_gaps = [g for g in career.gaps if g.status is not GapStatus.CLOSED]
        working = [g for g in open_gaps if g.status is GapStatus.WORKING] or open_gaps[:5]
        items = []
        for gap in working:
            trend = trend_text(gap, on)
            items.append(
                Item(
                    f"{gap.title}: level {gap.current_level}/{gap.target_level}"
                    + (f" {trend}" if trend else "")
                    + f" · {evidence.get(gap.id, 0)} wins"
                )
            )
            items.append(Item(f"    next: {gap.next_action or '(no next action: set one)'}"))
        return items or [Item("no gaps yet")]
    if key == "people":
        items = [
            Item(f"check in with {p.name}: {overdue_text(p, on)}")
            for p in overdue_people(career.stakeholders, on)
        ]
        for due in unthanked(career.stakeholders, week_wins, career.thanks):
            items.append(
                Item(
                    f"thank {due.person.name} for '{due.win.title}'",
                    thank=(due.person.id, due.win.id),
                )
            )
        found = not_told(career.stakeholders, career.wins, career.gaps, career.priorities, on)
        for unheard in found:
            for share in unheard.wins[:2]:
                items.append(
                    Item(
                        f"tell {unheard.person.name} about '{share.win.title}' ({share.reason})",
                        tell=(share.win.id, unheard.person.id),
                    )
                )
        return items or [Item("nobody is waiting on you")]
    if key == "goals":
        goals = goals_to_review(career.goals)
        return [Item(goal_line(g, on)) for g in goals] or [Item("no interim goals yet")]
    return [Item(line) for line in snippet(career, on, day).splitlines()]


def review_lines(career: Career, on: dt.date, week: dt.date | None = None) -> list[str]:
    """The whole review as plain lines, each step under its number and title."""
    out = [heading(career, on, week), ""]
    for index, (_, title) in enumerate(STEPS):
        out.append(f"{index + 1}. {title}")
        out += [
            f"  {item.text}" if item.text else ""
            for item in step_items(career, on, index, week, shell=True)
        ]
        out.append("")
    return out
