"""A win told as a STAR story (situation, task, action, result), from the win's own fields:
the situation from the context its body gives, the task from the priority it served or the gap
it grew, the action from what was done (and the input metrics), the result from its impact
and output metrics. The self-review and its sections per competency tell wins this way."""

from __future__ import annotations

import re

from careertui.domain.models import Gap, Win
from careertui.exchange import documents
from careertui.exchange import markdown as md

#: A label a body's first paragraph may start with ("Context: …"), dropped from the situation.
_LABEL = re.compile(r"^(?:context|situation|background)\s*:\s*", re.IGNORECASE)


def situation(win: Win) -> str:
    """The context a win's body gives: its first paragraph, without a leading "Context:"."""
    first = win.body.strip().split("\n\n", 1)[0].strip()
    if first.startswith(("-", "*", "#", ">")):  # a list or heading, not a sentence of context
        return ""
    return _LABEL.sub("", " ".join(first.split()))


def star_story(win: Win, gap: Gap | None, priorities: dict[str, str]) -> list[list[str]]:
    """One win as a STAR story: situation, task, action, result."""
    lines: list[str] = []
    context = situation(win)
    if context:
        lines.append(md.bullet(f"**Situation:** {md.inline(context)}"))
    if win.priority_id in priorities:
        task = f"Deliver on the company priority “{priorities[win.priority_id]}”."
        lines.append(md.bullet(f"**Task:** {md.inline(task)}"))
    elif gap is not None:
        lines.append(md.bullet(f"**Task:** {md.inline(f'Grow in “{gap.title}”.')}"))
    inputs = [documents.metric_text(m) for m in win.metrics if m.kind == "input"]
    action = md.inline(win.title.rstrip("."))
    lines.append(md.bullet(f"**Action:** {action}" + (f" ({'; '.join(inputs)})" if inputs else "")))
    results = [md.inline(win.impact.rstrip("."))] if win.impact else []
    results += [documents.metric_text(m) for m in win.metrics if m.kind == "output"]
    lines.append(md.bullet(f"**Result:** {'; '.join(results) if results else 'not recorded'}"))
    return [[md.heading(3, f"{win.date.isoformat()}: {win.title}")], lines]
