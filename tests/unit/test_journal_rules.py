"""The journal's rules: the filter language, wins per week, priority share, the status figures."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.domain.cadence import week_start
from careertui.domain.journal import parse_filter, wins_per_week
from careertui.domain.models import (
    Gap,
    GapStatus,
    Metric,
    Priority,
    Stakeholder,
    Vision,
    Win,
)
from careertui.domain.priorities import alignment
from careertui.domain.standing import standing

TODAY = dt.date(2026, 11, 23)  # a Monday
GROWTH = Priority(id="pri_g", title="Grow revenue")
RELIABILITY = Priority(id="pri_r", title="Reliability")
TALK = Gap(id="gap_t", title="Public speaking")
MAYA = Stakeholder(id="stk_m", name="Maya Chen")


def win(title: str, days_ago: int = 0, **kw) -> Win:
    return Win(title=title, date=TODAY - dt.timedelta(days=days_ago), **kw)


WINS = [
    win(
        "Launched self-serve",
        0,
        priority_id="pri_g",
        tags=["launch"],
        starred=True,
        metrics=[Metric(name="signups", before="10", after="40")],
    ),
    win("Incident review", 6, priority_id="pri_r", gap_ids=["gap_t"], body="Wrote the **memo**"),
    win("Coffee with Maya", 30, stakeholder_ids=["stk_m"], impact="A new champion"),
    win("Old story", 400),
]


def run(text: str) -> list[str]:
    result = parse_filter(
        text, priorities=[GROWTH, RELIABILITY], gaps=[TALK], stakeholders=[MAYA], today=TODAY
    )
    return [w.title for w in result.apply(WINS)]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("", ["Launched self-serve", "Incident review", "Coffee with Maya", "Old story"]),
        ("MEMO", ["Incident review"]),  # body, case-insensitive
        ("champion", ["Coffee with Maya"]),  # impact
        ("signups", ["Launched self-serve"]),  # metrics
        ("review incident", ["Incident review"]),  # every word, any order
        ("#launch", ["Launched self-serve"]),
        ("#LAUNCH", ["Launched self-serve"]),
        ("p:grow", ["Launched self-serve"]),
        ("priority:none", ["Coffee with Maya", "Old story"]),
        ("g:speaking", ["Incident review"]),
        ('gap:"public speaking"', ["Incident review"]),
        ("@maya", ["Coffee with Maya"]),
        ("with:chen", ["Coffee with Maya"]),
        ("*", ["Launched self-serve"]),
        ("is:starred", ["Launched self-serve"]),
        ("from:2026-11-01", ["Launched self-serve", "Incident review"]),
        ("to:2026-11-01", ["Coffee with Maya", "Old story"]),
        ('from:"2 weeks ago" to:yesterday', ["Incident review"]),
        ("priority:hiring", []),
        ('gap:"public', ["Incident review"]),  # an unfinished quote while typing
    ],
)
def test_filter(text: str, titles: list[str]) -> None:
    assert run(text) == titles


def test_filter_reports_what_it_cannot_use() -> None:
    result = parse_filter("priority:hiring from:someday", priorities=[GROWTH], today=TODAY)
    assert result.problems[0] == "no priority matches 'hiring'"
    assert "cannot understand the date 'someday'" in result.problems[1]
    assert result.start is None
    assert result.active


def test_weeks_run_monday_to_sunday_oldest_first() -> None:
    assert week_start(TODAY) == TODAY
    assert week_start(dt.date(2026, 11, 29)) == TODAY
    counts = wins_per_week(WINS, TODAY)
    assert len(counts) == 26
    assert counts[-1] == 1  # today
    assert counts[-2] == 1  # 6 days ago: Tuesday of last week
    assert counts[-6] == 1  # 30 days ago: Saturday 2026-10-24, five weeks back
    assert sum(counts) == 3  # 400 days ago is outside the 26 weeks
    assert wins_per_week(WINS, TODAY, weeks=100)[-59] == 1  # Sunday 2025-10-19


def test_alignment_counts_wins_tied_to_a_known_priority_in_90_days() -> None:
    share = alignment(
        WINS + [win("Orphan", 1, priority_id="pri_gone")], [GROWTH, RELIABILITY], TODAY
    )
    assert (share.tied, share.total, share.percent) == (2, 4, 50)
    assert alignment([], [GROWTH], TODAY).percent is None
    assert "no wins in the last 90 days" in str(alignment([], [GROWTH], TODAY))


ADDED_LONG_AGO = dt.datetime(2026, 1, 5, 12, 0).astimezone()
ADDED_TODAY = dt.datetime.combine(TODAY, dt.time(12, 0)).astimezone()


def test_overdue_check_ins_follow_the_stakeholder_rule() -> None:
    people = [
        Stakeholder(name="No cadence"),
        # never contacted: due one cadence after they were added (issue 14 item 5)
        Stakeholder(name="Never contacted", cadence_days=7, created=ADDED_LONG_AGO),
        Stakeholder(name="Just added", cadence_days=7, created=ADDED_TODAY),
        Stakeholder(name="Late", cadence_days=7, last_contact=TODAY - dt.timedelta(days=8)),
        Stakeholder(name="Due today", cadence_days=7, last_contact=TODAY - dt.timedelta(days=7)),
    ]
    assert standing(Vision(), [], [], people, TODAY).check_ins_overdue == 2


def test_standing_figures_and_words() -> None:
    vision = Vision(target_role="Director of Product", horizon=dt.date(2029, 11, 23))
    figures = standing(
        vision,
        WINS,
        [GapStatus.WORKING, GapStatus.BACKLOG, GapStatus.WORKING],
        [Stakeholder(name="B", cadence_days=7, created=ADDED_LONG_AGO)],
        TODAY,
    )
    assert figures.wins_this_week == 1
    assert figures.wins_last_week == 1
    assert figures.days_since_last_win == 0
    assert figures.check_ins_overdue == 1
    assert figures.gaps_in_progress == 2
    assert figures.parts() == [
        "1 win this week, 1 last",
        "last win today",
        "1 check-in late",
        "2 gaps active",
        "→ Director of Product in 3 yrs",
    ]
    empty = standing(Vision(), [], [], [], TODAY)
    assert empty.parts()[1] == "no wins yet"
    assert empty.parts()[-1] == "no target role yet"


@pytest.mark.parametrize(
    ("typed", "completed"),
    [
        ("g:pub", "g:public"),  # up to the next space: a part of the name already matches
        ('gap:"pub', 'gap:"public speaking"'),  # an opened quote gets the whole name
        ("@ma", "@maya"),
        ("p:gr", "p:grow"),
        ("#la", "#launch"),
        ("pri", "priority:"),
        ("fr", "from:"),
        ("is:", "is:starred"),
        ("launch ", None),
        ("gap:nothing", None),
        ("", None),
    ],
)
def test_filter_completion(typed: str, completed: str | None) -> None:
    from careertui.domain.journal import completion

    result = completion(
        typed,
        priorities=[GROWTH, RELIABILITY],
        gaps=[TALK],
        stakeholders=[MAYA],
        tags=["launch", "incident"],
    )
    assert result == completed
    if result is not None:
        assert result.startswith(typed)
