"""What the documents a person takes into the room share: who they are about, how wins are
ranked by measured impact and shown, how feedback is quoted, and the format they are saved in.

Every document (brag document, promotion case, self-review) is written as CommonMark with
:mod:`careertui.exchange.markdown`, shareable unless asked to be private, and finished here
as Markdown or as a self-contained HTML page (:mod:`careertui.exchange.html`).
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterable, Mapping, Sequence

from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Metric, Profile, Win
from careertui.exchange import html
from careertui.exchange import markdown as md
from careertui.export_kinds import FORMATS

#: How many wins a summary of the strongest shows at most.
STRONGEST = 5


def finish(markdown: str, *, title: str, fmt: str) -> str:
    """The document in format ``fmt``: ``markdown`` as it is, or ``html`` as one page."""
    if fmt == "markdown":
        return markdown
    if fmt == "html":
        return html.page(markdown, title=title)
    raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


# -- who the document is about ------------------------------------------------------------
def tenure(since: dt.date, today: dt.date) -> str:
    """How long from ``since`` to ``today`` in whole years and months ("2 years and 3
    months", "5 months", "less than a month")."""
    months = (today.year - since.year) * 12 + today.month - since.month
    if today.day < since.day:
        months -= 1
    if months <= 0:
        return "less than a month"
    years, months = divmod(months, 12)
    parts = [_count(years, "year"), _count(months, "month")]
    return " and ".join(part for part in parts if part)


def _count(n: int, unit: str) -> str:
    if not n:
        return ""
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def introduction(profile: Profile, today: dt.date) -> list[list[str]]:
    """The lines under a document's title that say who it is about: name, current title and
    level, team and company, and since when; nothing when the profile is blank."""
    role = profile.title
    if profile.level:
        role = f"{role} ({profile.level})" if role else f"Level {profile.level}"
    where = ", ".join(part for part in (profile.team, profile.company) if part)
    parts = [md.inline(part) for part in (role, where) if part]
    if profile.since:
        held = "in the role" if role else "here"
        parts.append(f"{held} since {profile.since.isoformat()} ({tenure(profile.since, today)})")
    lines = []
    if profile.name:
        lines.append(f"**{md.inline(profile.name)}**" + ("  " if parts else ""))
    if parts:
        lines.append(" · ".join(parts))
    return [lines] if lines else []


# -- wins ranked by measured impact -------------------------------------------------------
def is_measured(win: Win) -> bool:
    """Whether the win has an output metric measured before and after."""
    return any(m.kind == "output" and m.before and m.after for m in win.metrics)


_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
#: The largest relative change counted (a start from zero is "very large", not infinite).
MAX_CHANGE = 10.0


def relative_change(metric: Metric) -> float:
    """How far an output metric moved, as a share of where it started (0.5 for 40 → 60 and
    for 40 → 20: the direction that is better is the metric's own); 0 when either end holds
    no number."""
    before, after = _NUMBER.search(metric.before), _NUMBER.search(metric.after)
    if metric.kind != "output" or before is None or after is None:
        return 0.0
    start = float(before.group().replace(",", "."))
    end = float(after.group().replace(",", "."))
    if start == 0:
        return MAX_CHANGE if end else 0.0
    return min(abs(end - start) / abs(start), MAX_CHANGE)


def strength(win: Win) -> tuple[bool, float, bool, bool, bool, dt.date, dt.datetime]:
    """How strong a win is as evidence, for sorting: a measured result (an output metric
    before → after) first, the larger relative change first among those; then any metric,
    then an impact statement, then a star; among equals the newer."""
    return (
        is_measured(win),
        max((relative_change(m) for m in win.metrics), default=0.0),
        bool(win.metrics),
        bool(win.impact),
        win.starred,
        win.date,
        win.created,
    )


def by_strength(wins: Iterable[Win], limit: int | None = None) -> list[Win]:
    """``wins``, strongest first (:func:`strength`); only the first ``limit`` when given
    (picked without sorting them all: a long journal's documents ask for a handful)."""
    if limit is None:
        return sorted(wins, key=strength, reverse=True)
    return heapq.nlargest(limit, wins, key=strength)


def strongest(wins: Iterable[Win], limit: int = STRONGEST) -> list[Win]:
    """Up to ``limit`` of ``wins`` with a metric, an impact statement or a star, strongest
    first."""
    return by_strength((w for w in wins if w.metrics or w.impact or w.starred), limit)


def metric_text(metric: Metric) -> str:
    return md.inline(str(metric))


def results(win: Win) -> list[str]:
    """A win's metrics as list items: inputs and outputs as the pair they are (what was done
    → what it moved), or the results alone."""
    inputs = [metric_text(m) for m in win.metrics if m.kind == "input"]
    outputs = [metric_text(m) for m in win.metrics if m.kind == "output"]
    if inputs and outputs:
        return [md.bullet(f"**Input → output:** {'; '.join(inputs)} ⇒ {'; '.join(outputs)}")]
    if outputs:
        return [md.bullet(f"**Result:** {'; '.join(outputs)}")]
    if inputs:
        return [md.bullet(f"**Input:** {'; '.join(inputs)}")]
    return []


def win_line(win: Win, priorities: Mapping[str, str]) -> str:
    """One line for a win in a list of the strongest: title and date, then its impact, its
    headline metric and the priority it serves."""
    parts = [md.inline(win.impact.rstrip("."))] if win.impact else []
    if win.headline_metric:
        parts.append(metric_text(win.headline_metric))
    served = priorities.get(win.priority_id or "")
    if served:
        parts.append(f"serves _{md.inline(served)}_")
    what = f": {'; '.join(parts)}" if parts else ""
    return f"**{md.inline(win.title)}** ({win.date.isoformat()}){what}"


def numbered(lines: Sequence[str]) -> list[str]:
    """``lines`` as an ordered list."""
    return [f"{n}. {line}" for n, line in enumerate(lines, start=1)]


# -- feedback ------------------------------------------------------------------------------
def quoted(item: Feedback) -> str:
    """A piece of feedback quoted with who gave it and when."""
    who = item.giver_name or "anonymous"
    return f"“{md.inline(item.quote)}” ({md.inline(who)}, {item.date.isoformat()})"
