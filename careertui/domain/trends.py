"""A gap's level over time: each change kept with its date, read back as a trend."""

from __future__ import annotations

import datetime as dt

from careertui.domain.models import Gap, LevelChange


def with_level_noted(before: Gap | None, after: Gap, on: dt.date) -> Gap:
    """``after`` with its level change noted in its history when its current level differs
    from ``before``'s (a new gap: its first level). The first change of a gap with no history
    also notes the level it had before, from the day it was created, so the trend has a
    start; the changes of one day count as one."""
    history = list(after.level_history)
    if before is not None and before.current_level == after.current_level:
        return after
    if before is not None and not history:
        since = min(before.created.date(), on)
        history.append(LevelChange(date=since, level=before.current_level))
    if len(history) >= 2 and history[-1].date == on:  # a second change today replaces the first
        history[-1] = LevelChange(date=on, level=after.current_level)
    else:
        history.append(LevelChange(date=on, level=after.current_level))
    # Consecutive entries at the same level say nothing: keep the first of each run.
    kept: list[LevelChange] = []
    for change in history:
        if not kept or kept[-1].level != change.level:
            kept.append(change)
    return after.model_copy(update={"level_history": kept})


def level_trend(gap: Gap, today: dt.date, window_days: int = 90) -> tuple[int, int] | None:
    """How far the current level moved within the last ``window_days`` days, and over how
    many days: ``(+1, 60)`` is "up one level in 60 days". None when it did not move (or no
    change is on record)."""
    history = sorted(gap.level_history, key=lambda c: c.date)
    if not history:
        return None
    start = today - dt.timedelta(days=window_days)
    earlier = [c for c in history if c.date <= start]
    recent = [c for c in history if start < c.date <= today]
    if not recent:
        return None
    base = earlier[-1] if earlier else recent[0]
    if base is recent[0] and len(recent) == 1:
        return None  # only the first level on record: no movement yet
    delta = gap.current_level - base.level
    if delta == 0:
        return None
    since = recent[1].date if base is recent[0] else recent[0].date  # the first change
    return delta, max((today - since).days, 0)


def trend_text(gap: Gap, today: dt.date) -> str:
    """The trend as a card shows it: "↑1 in 60 days", "↓1 in 3 days"; "" for none."""
    found = level_trend(gap, today)
    if found is None:
        return ""
    delta, days = found
    arrow = "↑" if delta > 0 else "↓"
    span = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
    return f"{arrow}{abs(delta)} {span}"
