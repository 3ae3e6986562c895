"""The brag document: on the demo career and on a small one, read back with CommonMark."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from careertui.domain.errors import InputError
from careertui.exchange.brag import brag_document, quiet_stretches
from careertui.store.repository import Repository
from tests.exchange.conftest import TODAY, outline, parse, section

WIN_HEADING = re.compile(r"^(\d{4}-\d{2}-\d{2}): (.*?)( ★)?$")


def _wins_by_section(doc: str) -> dict[str, list[tuple[dt.date, str]]]:
    """Level-3 win headings grouped under the level-2 heading they sit in."""
    groups: dict[str, list[tuple[dt.date, str]]] = {}
    current = None
    for level, text in outline(doc):
        if level == 2:
            current = text
            groups[current] = []
        elif level == 3:
            match = WIN_HEADING.match(text)
            assert match, text
            groups[current].append((dt.date.fromisoformat(match[1]), match[2]))
    return groups


def test_demo_brag_groups_every_win_under_its_priority_then_other(
    demo_repo: Repository,
) -> None:
    career = demo_repo.career()
    doc = brag_document(career, today=TODAY)
    heads = outline(doc)
    assert heads[0] == (
        1,
        f"Brag document: Alex Rivera, {min(w.date for w in career.wins)} to {TODAY}",
    )
    level2 = [text for level, text in heads if level == 2]
    expected = (
        ["Summary", "Strongest wins"]
        + [
            f"{n}. {p.title} ({sum(w.priority_id == p.id for w in career.wins)} wins)"
            for n, p in enumerate(career.priorities, start=1)
        ]
        + [  # then the archived priority the year's wins served, named with its period
            f"{len(career.priorities) + 1}. {p.title} ({p.since} to {p.until}) "
            f"({sum(w.priority_id == p.id for w in career.wins)} wins)"
            for p in career.archived_priorities
        ]
        + [f"Other wins ({sum(w.priority_id is None for w in career.wins)} wins)"]
    )
    assert level2 == expected

    groups = _wins_by_section(doc)
    by_key = {(w.date, w.title): w for w in career.wins}
    assert sum(len(g) for g in groups.values()) == len(career.wins)
    for heading, entries in groups.items():
        if heading in ("Summary", "Strongest wins"):
            assert entries == []
            continue
        every = [*career.priorities, *career.archived_priorities]
        priority = next((p for p in every if heading.split(". ", 1)[-1].startswith(p.title)), None)
        for key in entries:
            assert by_key[key].priority_id == (priority.id if priority else None), heading
        assert entries == sorted(entries), "oldest first within a priority"


def test_demo_brag_summary_counts_and_share_tied_to_priorities(demo_repo: Repository) -> None:
    career = demo_repo.career()
    doc = brag_document(career, today=TODAY)
    summary = section(doc, "Summary")
    tied = sum(w.priority_id is not None for w in career.wins)
    starred = sum(w.starred for w in career.wins)
    assert f"<strong>Wins:</strong> {len(career.wins)}</li>" in summary  # no stars: private
    private = section(brag_document(career, today=TODAY, private=True), "Summary")
    assert f"<strong>Wins:</strong> {len(career.wins)}, {starred} starred" in private
    for rank, priority in enumerate(career.priorities):
        count = sum(w.priority_id == priority.id for w in career.wins)
        assert f"{priority.title}: {count}" in summary, rank
    share = round(100 * tied / len(career.wins))
    assert (
        f"<strong>Tied to the top priorities:</strong> {tied} of {len(career.wins)} "
        f"({share}%)" in summary
    )


def test_demo_brag_shows_metrics_before_and_after_and_the_people(demo_repo: Repository) -> None:
    career = demo_repo.career()
    doc = brag_document(career, today=TODAY)
    html = parse(doc)
    text = "\n".join(t.content for t in html if t.type == "inline")
    names = {s.id: s.name for s in career.stakeholders}
    for win in career.wins:
        for metric in win.metrics:
            assert f"{metric.name}: {metric.before} → {metric.after}" in text
        for person in win.stakeholder_ids:
            assert names[person] in text
        if win.impact:
            assert f"**Impact:** {win.impact}" in text


def test_demo_brag_flags_the_quiet_stretch(demo_repo: Repository) -> None:
    assert "Quiet stretch" not in brag_document(demo_repo.career(), today=TODAY)
    doc = brag_document(demo_repo.career(), today=TODAY, private=True)
    summary = section(doc, "Summary")
    # the demo leaves about a month with no win, seven months before today
    assert re.search(
        r"Quiet stretch:</strong> no win from 2026-04-\d\d to 2026-05-\d\d "
        r"\((\d+) days\)",
        summary,
    )


def test_demo_brag_date_range_keeps_only_wins_inside_it(demo_repo: Repository) -> None:
    career = demo_repo.career()
    start, end = dt.date(2026, 6, 1), dt.date(2026, 8, 31)
    doc = brag_document(career, start=start, end=end, today=TODAY)
    assert outline(doc)[0] == (1, "Brag document: Alex Rivera, 2026-06-01 to 2026-08-31")
    shown = [key for entries in _wins_by_section(doc).values() for key in entries]
    inside = [w for w in career.wins if start <= w.date <= end]
    assert len(shown) == len(inside) > 0
    assert all(start <= day <= end for day, _ in shown)
    assert "<strong>Period:</strong> 2026-06-01 to 2026-08-31 (3 months)" in section(doc, "Summary")


def test_months_with_no_win_are_named(small_repo: Repository) -> None:
    doc = brag_document(small_repo.career(), start=dt.date(2026, 6, 1), today=TODAY, private=True)
    summary = section(doc, "Summary")
    assert "Months with no win:</strong> August 2026, September 2026, November 2026." in summary
    assert "Old win" not in doc  # before the period
    every = brag_document(
        small_repo.career(),
        start=dt.date(2026, 6, 1),
        end=dt.date(2026, 7, 31),
        today=TODAY,
        private=True,
    )
    assert "none; every month has at least one" in section(every, "Summary")


def test_small_brag_layout_and_escaping(small_repo: Repository) -> None:
    doc = brag_document(small_repo.career(), start=dt.date(2026, 1, 1), today=TODAY, private=True)
    assert outline(doc) == [
        (1, "Brag document: 2026-01-01 to 2026-11-23"),
        (2, "Summary"),
        (2, "Strongest wins"),
        (2, "1. Grow revenue (1 win)"),
        (3, "2026-06-10: Shipped the onboarding flow ★"),
        (2, "2. Reliability <first> (1 win)"),
        (3, "2026-07-02: Halved incident time"),
        (2, "Other wins (1 win)"),
        (3, "2026-10-05: Spoke at *ProductCon*"),
    ]
    growth = section(doc, "1. Grow revenue (1 win)")
    assert "<strong>Input → output:</strong> experiments: 6 ⇒ activation rate: 31% → 38%" in growth
    assert "<strong>With:</strong> Ana Ruiz (VP Product)" in growth
    assert "<strong>Evidence for:</strong> Executive presence" in growth
    assert "<strong>Tags:</strong> launch" in growth
    # a win with no impact statement shows its body, whose heading stays text
    other = section(doc, "Other wins (1 win)")
    assert "<blockquote>" in other and "# Notes" in other
    assert "<strong>Tied to the top priorities:</strong> 2 of 3 (67%)" in section(doc, "Summary")


def test_a_priority_with_no_win_says_so(small_repo: Repository) -> None:
    doc = brag_document(small_repo.career(), start=dt.date(2026, 10, 1), today=TODAY)
    assert "No wins for this priority in the period." in section(doc, "1. Grow revenue (0 wins)")


def test_empty_career_still_makes_a_document(repo: Repository) -> None:
    doc = brag_document(repo.career(), today=TODAY)
    assert outline(doc) == [
        (1, f"Brag document: {TODAY} to {TODAY}"),
        (2, "Summary"),
        (2, "Strongest wins"),
        (2, "Other wins (0 wins)"),
    ]
    assert "No win with a measured result" in section(doc, "Strongest wins")
    private = brag_document(repo.career(), today=TODAY, private=True)
    assert "November 2026" in section(private, "Summary")


def test_a_period_that_ends_before_it_starts_is_refused(small_repo: Repository) -> None:
    with pytest.raises(InputError, match="starts .2026-09-01. after it ends .2026-08-01."):
        brag_document(
            small_repo.career(), start=dt.date(2026, 9, 1), end=dt.date(2026, 8, 1), today=TODAY
        )


def test_quiet_stretches_count_the_days_between_wins(small_repo: Repository) -> None:
    from careertui.exchange.brag import Period

    wins = small_repo.career().wins
    span = Period(dt.date(2026, 6, 1), dt.date(2026, 11, 23))
    assert quiet_stretches(wins, span) == [
        Period(dt.date(2026, 7, 3), dt.date(2026, 10, 4)),
        Period(dt.date(2026, 10, 6), dt.date(2026, 11, 23)),
    ]
    assert quiet_stretches(wins, Period(dt.date(2026, 6, 10), dt.date(2026, 7, 2))) == []


def test_demo_brag_names_the_empty_months_of_a_range(demo_repo: Repository) -> None:
    career = demo_repo.career()
    quiet = [w for w in career.wins if dt.date(2026, 4, 6) <= w.date <= dt.date(2026, 5, 7)]
    assert quiet == []  # the demo's quiet month
    doc = brag_document(
        career, start=dt.date(2026, 4, 6), end=dt.date(2026, 5, 7), today=TODAY, private=True
    )
    summary = section(doc, "Summary")
    assert "<strong>⚠ Months with no win:</strong> April 2026, May 2026." in summary
    assert "<strong>Wins:</strong> 0, 0 starred" in summary
