"""The brag document: the wins of a period, grouped by company priority, as Markdown or HTML.

The summary on top answers the questions asked at review time: who and which period, how many
wins, how many serve the company's top priorities, and the three to five strongest, ranked by
measured impact. The shareable document (the default) holds what a reader in the room needs;
the private one adds what the person keeps for themselves: the stars and tags, the gaps a win
is evidence for, and the months with no win (recency bias is the classic failure: the last six
weeks crowd out the year).

Each win counts against the priorities of its own time: the priorities in force come first in
rank order, then each archived priority the period's wins served, named with its period
("Launch self-serve (until 2026-06-30)").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from careertui.domain.dates import shift
from careertui.domain.errors import InputError
from careertui.domain.models import Priority, Win
from careertui.domain.priorities import label, labels, serves_in_its_time
from careertui.exchange import documents
from careertui.exchange import markdown as md
from careertui.store.repository import Career

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
OTHER_HEADING = "Other wins"
STRONGEST_HEADING = "Strongest wins"
#: A stretch this many days or longer without a win is flagged, even across a month boundary.
QUIET_DAYS = 28


def month_name(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    """Every (year, month) from ``start``'s month to ``end``'s, both included."""
    out: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date


def period(
    wins: Iterable[Win], start: dt.date | None, end: dt.date | None, today: dt.date
) -> Period:
    """The period asked for; by default from the first win to today."""
    end = end or today
    if start is None:
        dates = [w.date for w in wins if w.date <= end]
        start = min(dates) if dates else end
    if start > end:
        raise InputError(
            f"the period starts ({start.isoformat()}) after it ends ({end.isoformat()})"
        )
    return Period(start, end)


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _and(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def _whole_months(start: dt.date, end: dt.date) -> tuple[int, int]:
    """Whole calendar months from ``start`` (a day of the month no later than the 28th, so no
    month is cut short) that fit in ``start``..``end``, and the days left over."""
    after = shift(end, 1)
    months_in = (after.year - start.year) * 12 + after.month - start.month
    while months_in > 0:
        year, month = divmod(start.month - 1 + months_in, 12)
        try:
            anchor = start.replace(year=start.year + year, month=month + 1)
        except ValueError:  # beyond year 9999
            anchor = dt.date.max
        if anchor <= after:
            return months_in, (after - anchor).days
        months_in -= 1
    return 0, (after - start).days


def length(span: Period) -> str:
    """How long ``span`` is, both ends included, in words that are exact: "1 day", "32 days",
    "7 weeks", "3 months", "1 year, 2 months and 3 days"."""
    days = (span.end - span.start).days + 1
    if days < 60 and not (span.start.day == 1 and shift(span.end, 1).day == 1):
        return _plural(days // 7, "week") if days % 7 == 0 else _plural(days, "day")
    if span.start.day > 28:  # "a month from the 31st" is not one length: count the days
        return _plural(days, "day")
    months_in, rest = _whole_months(span.start, span.end)
    years, months_left = divmod(months_in, 12)
    parts = [
        _plural(n, unit)
        for n, unit in ((years, "year"), (months_left, "month"), (rest, "day"))
        if n
    ]
    return _and(parts)


@dataclass(frozen=True)
class BragSummary:
    wins: int
    starred: int
    tied_to_priorities: int
    empty_months: list[tuple[int, int]]
    quiet_stretches: list[Period]

    @property
    def tied_share(self) -> int:
        """Percent of wins tied to a top priority, rounded."""
        return round(100 * self.tied_to_priorities / self.wins) if self.wins else 0


def summarise(wins: list[Win], priorities: list[Priority], span: Period) -> BragSummary:
    """The figures of the period; a win counts as tied when it serves a priority of its own
    time (``priorities`` holds the archived ones too)."""
    by_id = {p.id: p for p in priorities}
    active = {(w.date.year, w.date.month) for w in wins}
    return BragSummary(
        wins=len(wins),
        starred=sum(w.starred for w in wins),
        tied_to_priorities=sum(serves_in_its_time(w, by_id) for w in wins),
        empty_months=[m for m in months(span.start, span.end) if m not in active],
        quiet_stretches=quiet_stretches(wins, span),
    )


def quiet_stretches(wins: list[Win], span: Period, min_days: int = QUIET_DAYS) -> list[Period]:
    """The runs of at least ``min_days`` days in ``span`` with no win, oldest first."""
    dates = sorted({w.date for w in wins if span.start <= w.date <= span.end})
    edges = [shift(span.start, -1), *dates, shift(span.end, 1)]
    return [
        Period(shift(before, 1), shift(after, -1))
        for before, after in zip(edges, edges[1:], strict=False)
        if (after - before).days - 1 >= min_days
    ]


def brag_document(
    career: Career,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date,
    private: bool = False,
    fmt: str = "markdown",
) -> str:
    """The brag document for ``start``..``end`` (both included): the person and the period,
    a summary with the strongest wins, then every win grouped by company priority (wins tied
    to none last). Shareable unless ``private``: the private one adds the stars, the tags,
    the gaps each win is evidence for and the warnings about months with no win. Markdown,
    or an HTML page when ``fmt`` is ``"html"``."""
    span = period(career.wins, start, end, today)
    wins = sorted(
        (w for w in career.wins if span.start <= w.date <= span.end),
        key=lambda w: (w.date, w.created),
    )
    every = [*career.priorities, *career.archived_priorities]
    summary = summarise(wins, every, span)
    profile = career.vision.profile
    who = f"{profile.name}, " if profile.name else ""
    title = f"Brag document: {who}{span.start.isoformat()} to {span.end.isoformat()}"
    known = {p.id for p in every}
    by_priority: dict[str | None, list[Win]] = {}
    for win in wins:
        key = win.priority_id if win.priority_id in known else None
        by_priority.setdefault(key, []).append(win)
    # the priorities in force, in rank order, then the archived ones the period's wins served
    shown = [
        *career.priorities,
        *sorted(
            (p for p in career.archived_priorities if p.id in by_priority),
            key=lambda p: (p.until or dt.date.min, p.rank),
        ),
    ]
    blocks: list[list[str]] = [
        [md.heading(1, title)],
        *documents.introduction(profile, today),
        *_summary_blocks(summary, span, shown, by_priority, private=private),
        *_strongest_blocks(wins, every),
    ]
    names = _people(career)
    gap_titles = {g.id: g.title for g in career.gaps} if private else {}
    for number, priority in enumerate(shown, start=1):
        group = by_priority.get(priority.id, [])
        heading = f"{number}. {label(priority)} ({_count(len(group))})"
        blocks.append([md.heading(2, heading)])
        if not group:
            blocks.append(["No wins for this priority in the period."])
        for win in group:
            blocks.extend(_win_blocks(win, names, gap_titles, private=private))
    others = by_priority.get(None, [])
    if others or not shown:
        blocks.append([md.heading(2, f"{OTHER_HEADING} ({_count(len(others))})")])
        if not others:
            blocks.append(["No wins in the period."])
        for win in others:
            blocks.extend(_win_blocks(win, names, gap_titles, private=private))
    return documents.finish(md.document(blocks), title=title, fmt=fmt)


def _count(n: int) -> str:
    return f"{n} win" if n == 1 else f"{n} wins"


def _summary_blocks(
    summary: BragSummary,
    span: Period,
    priorities: list[Priority],
    by_priority: dict[str | None, list[Win]],
    *,
    private: bool,
) -> list[list[str]]:
    starred = f", {summary.starred} starred" if private else ""
    lines = [
        md.bullet(
            f"**Period:** {span.start.isoformat()} to {span.end.isoformat()} ({length(span)})"
        ),
        md.bullet(f"**Wins:** {summary.wins}{starred}"),
        md.bullet(
            f"**Tied to the top priorities:** {summary.tied_to_priorities} of {summary.wins} "
            f"({summary.tied_share}%)"
        ),
    ]
    counts = [f"{md.inline(label(p))}: {len(by_priority.get(p.id, []))}" for p in priorities]
    if by_priority.get(None) or not priorities:
        counts.append(f"{OTHER_HEADING.lower()}: {len(by_priority.get(None, []))}")
    lines.append(md.bullet(f"**Wins per priority:** {'; '.join(counts)}"))
    if private:
        lines += _gaps_in_time(summary)
    return [[md.heading(2, "Summary")], lines]


def _gaps_in_time(summary: BragSummary) -> list[str]:
    """The reminders about months with no win: notes for the person, not for the room."""
    lines: list[str] = []
    if summary.empty_months:
        empty = ", ".join(month_name(y, m) for y, m in summary.empty_months)
        lines.append(
            md.bullet(
                f"**⚠ Months with no win:** {empty}. Look back through notes, launches and "
                "feedback for those months before the review; recency bias is the classic failure."
            )
        )
    else:
        lines.append(md.bullet("**Months with no win:** none; every month has at least one."))
    for stretch in summary.quiet_stretches:
        days = (stretch.end - stretch.start).days + 1
        lines.append(
            md.bullet(
                f"**⚠ Quiet stretch:** no win from {stretch.start.isoformat()} to "
                f"{stretch.end.isoformat()} ({days} days)."
            )
        )
    return lines


def _strongest_blocks(wins: list[Win], priorities: list[Priority]) -> list[list[str]]:
    """The strongest wins of the period, ranked by measured impact."""
    titles = labels(priorities)
    best = documents.strongest(wins)
    lines = documents.numbered([documents.win_line(w, titles) for w in best])
    return [
        [md.heading(2, STRONGEST_HEADING)],
        lines or ["No win with a measured result, an impact statement or a star yet."],
    ]


def _people(career: Career) -> dict[str, str]:
    return {s.id: f"{s.name} ({s.title})" if s.title else s.name for s in career.stakeholders}


def _win_blocks(
    win: Win, names: dict[str, str], gap_titles: dict[str, str], *, private: bool
) -> list[list[str]]:
    star = " ★" if win.starred and private else ""
    blocks: list[list[str]] = [[md.heading(3, f"{win.date.isoformat()}: {win.title}") + star]]
    if win.impact:
        blocks.append([f"**Impact:** {md.inline(win.impact)}"])
    details = documents.results(win)
    people = [names[i] for i in win.stakeholder_ids if i in names]
    if people:
        details.append(md.bullet(f"**With:** {md.inline(', '.join(people))}"))
    gaps = [gap_titles[i] for i in win.gap_ids if i in gap_titles]
    if gaps:
        details.append(md.bullet(f"**Evidence for:** {md.inline(', '.join(gaps))}"))
    if win.tags and private:
        details.append(md.bullet(f"**Tags:** {md.inline(', '.join(win.tags))}"))
    blocks.append(details)
    if win.body and not win.impact:
        blocks.append(md.quote(win.body))
    return blocks
