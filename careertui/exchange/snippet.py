"""The weekly snippet: a short, shareable Markdown summary of a week for the manager — the
wins with their impact, progress on the interim goals, and what is next.

Shareable: it names no stakeholder and holds nothing from the private notes (the people's
notes, the feedback, the vision's obstacles).
"""

from __future__ import annotations

import datetime as dt

from careertui.domain.goals import due_text, open_goals
from careertui.domain.models import GapStatus, Win
from careertui.domain.weekly import week_of, wins_of_week
from careertui.exchange import markdown as md
from careertui.store.repository import Career


def _win_line(win: Win, priorities: dict[str, str]) -> str:
    parts = [md.text(win.title)]
    if win.impact:
        parts.append(md.inline(win.impact))
    metric = win.headline_metric
    if metric is not None:
        parts.append(md.inline(str(metric)))
    line = " — ".join(parts)
    serves = priorities.get(win.priority_id or "")
    if serves:
        line += f" _({md.inline(serves)})_"
    return md.bullet(("★ " if win.starred else "") + line)


def snippet(career: Career, today: dt.date, week: dt.date | None = None) -> str:
    """The snippet of the week holding ``week`` (by default this week) as Markdown."""
    start, end = week_of(week or today)
    priorities = {p.id: p.title for p in (*career.priorities, *career.archived_priorities)}
    wins = wins_of_week(career.wins, start)
    wins.sort(key=lambda w: (not w.starred, w.date))
    lines = [md.heading(1, f"Week of {start.isoformat()}"), ""]
    lines.append(md.heading(2, "Wins"))
    lines += [_win_line(w, priorities) for w in wins] or ["- No wins logged this week."]
    goals = career.goals
    if goals:
        lines += ["", md.heading(2, "Goals")]
        shown = [g for g in goals if g.is_open or start <= g.updated.date() <= end]
        for goal in sorted(shown, key=lambda g: g.due):
            when = f", {due_text(goal, end if end < today else today)}" if goal.is_open else ""
            measure = f" — {md.inline(goal.measure)}" if goal.measure else ""
            lines.append(md.bullet(f"{md.text(goal.title)}: **{goal.status}**{when}{measure}"))
    working = [g for g in career.gaps if g.status is GapStatus.WORKING and g.next_action]
    upcoming = open_goals(goals)
    if working or upcoming:
        lines += ["", md.heading(2, "Next")]
        lines += [md.bullet(md.text(g.next_action)) for g in working[:3]]
        if upcoming:
            lines.append(
                md.bullet(
                    f"Next goal due: {md.text(upcoming[0].title)} ({upcoming[0].due.isoformat()})"
                )
            )
    return "\n".join(lines) + "\n"
