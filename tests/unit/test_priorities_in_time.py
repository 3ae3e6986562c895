"""Each win against the priorities of its own time: when a priority is in force, how an archived
one is named, the alignment share over archived priorities, and when a new half's priorities
are due."""

from __future__ import annotations

import datetime as dt

from careertui.domain.models import Priority, Vision, Win
from careertui.domain.priorities import (
    HALF_DAYS,
    alignment,
    in_force_on,
    label,
    renewal_due,
    serves_in_its_time,
)
from careertui.domain.readiness import readiness

TODAY = dt.date(2026, 11, 23)
DAY = dt.timedelta(days=1)


def old_half() -> Priority:
    return Priority(
        title="Launch self-serve",
        rank=0,
        since=dt.date(2026, 1, 1),
        until=dt.date(2026, 6, 30),
    )


def test_a_priority_is_in_force_from_since_to_until_both_included() -> None:
    old = old_half()
    assert not in_force_on(old, dt.date(2025, 12, 31))
    assert in_force_on(old, dt.date(2026, 1, 1))
    assert in_force_on(old, dt.date(2026, 6, 30))
    assert not in_force_on(old, dt.date(2026, 7, 1))
    assert in_force_on(Priority(title="Open ended"), dt.date(1999, 1, 1))  # no since: always


def test_an_archived_priority_is_named_with_its_period() -> None:
    assert label(old_half()) == "Launch self-serve (2026-01-01 to 2026-06-30)"
    until_only = Priority(title="Grow NRR", until=dt.date(2026, 6, 30))
    assert label(until_only) == "Grow NRR (until 2026-06-30)"
    assert label(Priority(title="In force")) == "In force"


def test_alignment_counts_a_win_against_the_priority_of_its_time() -> None:
    old = old_half()
    current = Priority(title="Expand into EMEA", since=dt.date(2026, 7, 1))
    wins = [
        # tied to the archived priority, in its period: aligned
        Win(title="Shipped the wizard", date=dt.date(2026, 6, 20), priority_id=old.id),
        # tied to the archived priority after it ended: not aligned any more
        Win(title="Late wizard polish", date=dt.date(2026, 9, 1), priority_id=old.id),
        # tied to today's priority: aligned
        Win(title="Won Globex", date=dt.date(2026, 9, 2), priority_id=current.id),
        # tied to nothing
        Win(title="Mentored Grace", date=dt.date(2026, 9, 3)),
    ]
    found = alignment(wins, [current, old], TODAY, days=180)
    assert (found.tied, found.total) == (2, 4)
    # without the archived priority (what the share read before), its win would not count
    assert alignment(wins, [current], TODAY, days=180).tied == 1
    by_id = {p.id: p for p in (old, current)}
    assert [serves_in_its_time(w, by_id) for w in wins] == [True, False, True, False]


def test_readiness_reads_alignment_with_the_archived_priorities() -> None:
    old = old_half().model_copy(update={"since": None, "until": TODAY - DAY})
    tied = Win(title="Shipped the wizard", date=TODAY - 10 * DAY, priority_id=old.id)
    found = readiness(Vision(), [tied], [], [], [old], TODAY)
    term = next(t for t in found.terms if t.key == "alignment")
    assert "(1 of 1)" in term.figures and term.points == term.most
    # none in force and a win tied to nothing: what raises it is recording the new priorities
    loose = Win(title="Mentored Grace", date=TODAY - DAY)
    found = readiness(Vision(), [tied, loose], [], [], [old], TODAY)
    term = next(t for t in found.terms if t.key == "alignment")
    assert term.raise_by == "record the company's top priorities"


def test_priorities_are_due_for_renewal_after_half_a_year_or_when_none_is_in_force() -> None:
    fresh = Priority(title="Grow NRR", since=TODAY - HALF_DAYS * DAY)
    stale = Priority(title="Grow NRR", since=TODAY - (HALF_DAYS + 1) * DAY)
    assert renewal_due([fresh], [], TODAY) is None
    due = renewal_due([stale], [], TODAY)
    assert due is not None and "over half a year ago" in due
    assert (stale.since or TODAY).isoformat() in due
    # the newest priority in force decides: one new priority renews the half
    assert renewal_due([stale, fresh], [], TODAY) is None
    # with no since, the day it was entered counts
    entered = Priority(title="Old", created=dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc))
    assert renewal_due([entered], [], TODAY) is not None
    # every priority archived and none in force: due, naming when the last one ended
    due = renewal_due([], [old_half()], TODAY)
    assert due is not None and "since 2026-06-30" in due
    # an empty store is the guided start's business, not a renewal
    assert renewal_due([], [], TODAY) is None
