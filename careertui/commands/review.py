"""``careertui review [--week WHEN] [--done]``: the weekly review in the terminal.

Prints the five steps the app's review walks through — this week's wins (untied ones, gaps
being worked on with no win), the gaps (levels, trends, next actions), the people (overdue
check-ins, helpers not yet thanked, wins worth telling someone about), the interim goals, and
the snippet for the manager. ``--done`` records the review as finished today, so the status
line stops saying it is due.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.text import terminal_safe

if TYPE_CHECKING:
    import datetime as dt

    from careertui.store.repository import Career


def lines(career: Career, on: dt.date, week: dt.date | None = None) -> list[str]:
    """The review as plain lines (a career and a day in the week to review)."""
    from careertui.domain.gaps import evidence_counts
    from careertui.domain.goals import goal_line
    from careertui.domain.models import GapStatus
    from careertui.domain.stakeholders import overdue_text
    from careertui.domain.trends import trend_text
    from careertui.domain.weekly import (
        STEPS,
        gaps_without_win,
        goals_to_review,
        not_told,
        overdue_people,
        review_text,
        unthanked,
        untied,
        week_of,
        wins_of_week,
    )
    from careertui.exchange.snippet import snippet

    day = week or on
    start, end = week_of(day)
    week_wins = wins_of_week(career.wins, day)
    titles = [title for _, title in STEPS]
    out = [
        f"Weekly review · {start.isoformat()} to {end.isoformat()} · "
        f"{review_text(career.settings.review_done, on)}",
        "",
    ]

    out.append(f"1. {titles[0]}")
    for win in week_wins:
        star = "★ " if win.starred else "  "
        out.append(f"  {star}{win.date.isoformat()}  {win.title}  [{win.id}]")
    if not week_wins:
        out.append('  no wins this week yet: careertui win "…"')
    for win in untied(week_wins):
        missing = " and ".join(
            m
            for m, gone in (("a priority", not win.priority_id), ("a gap", not win.gap_ids))
            if gone
        )
        out.append(f"  tie to {missing}: {win.title}  (careertui edit-win {win.id} …)")
    for gap in gaps_without_win(career.gaps, week_wins):
        out.append(
            f"  no win for '{gap.title}' this week — capture one: careertui win \"…\" "
            f'--gap "{gap.title}"'
        )
    out.append("")

    out.append(f"2. {titles[1]}")
    evidence = evidence_counts(career.wins)
    working = [g for g in career.gaps if g.status is GapStatus.WORKING]
    for gap in working or [g for g in career.gaps if g.status is not GapStatus.CLOSED][:5]:
        trend = trend_text(gap, on)
        out.append(
            f"  {gap.title}: level {gap.current_level}/{gap.target_level}"
            + (f" {trend}" if trend else "")
            + f" · {evidence.get(gap.id, 0)} wins"
        )
        out.append(f"    next: {gap.next_action or '(no next action — set one)'}")
    if not career.gaps:
        out.append("  no gaps yet")
    out.append("")

    out.append(f"3. {titles[2]}")
    late = overdue_people(career.stakeholders, on)
    for person in late:
        out.append(f"  check in with {person.name}: {overdue_text(person, on)}")
    for due in unthanked(career.stakeholders, week_wins, career.thanks):
        out.append(f"  thank {due.person.name} for '{due.win.title}'")
    for unheard in not_told(career.stakeholders, career.wins, career.gaps, career.priorities, on):
        for share in unheard.wins[:2]:
            out.append(f"  tell {unheard.person.name} about '{share.win.title}' ({share.reason})")
    if len(out) and out[-1] == f"3. {titles[2]}":
        out.append("  nobody waiting on you")
    out.append("")

    out.append(f"4. {titles[3]}")
    goals = goals_to_review(career.goals)
    out += [f"  {goal_line(g, on)}" for g in goals] or ["  no interim goals yet"]
    out.append("")

    out.append(f"5. {titles[4]}")
    out += [f"  {line}" if line else "" for line in snippet(career, on, day).splitlines()]
    return out


def run(args: argparse.Namespace) -> int:
    from careertui.domain.dates import parse_when

    on = today()
    week = parse_when(args.week, on) if args.week else None
    repo = repository(args)
    career = repo.career()
    sys.stdout.write(terminal_safe("\n".join(lines(career, on, week))) + "\n")
    if args.done:
        from careertui.actions.settings import finish_review

        finish_review(repo, on)
        print("review done; the next is due in 7 days")
    return 0
