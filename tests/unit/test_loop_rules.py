"""The rules of the weekly loop: goal horizons and statuses, level trends, the review's due
date and what its steps list, and the agenda leaving out wins a person has heard about."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.domain.cadence import review_due, review_text
from careertui.domain.errors import InputError
from careertui.domain.goals import (
    due_from,
    due_text,
    goal_line,
    goal_reminder,
    next_goal,
    status_counts,
)
from careertui.domain.models import (
    Gap,
    GapStatus,
    Goal,
    LevelChange,
    Stakeholder,
    Thanks,
    Told,
    Win,
)
from careertui.domain.stakeholders import select_wins
from careertui.domain.trends import level_trend, trend_text, with_level_noted
from careertui.domain.weekly import gaps_without_win, not_told, unthanked, untied, wins_of_week

TODAY = dt.date(2026, 11, 23)  # a Monday


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def test_due_from_horizon_or_date() -> None:
    assert due_from("30", TODAY) == day(30)
    assert due_from("60d", TODAY) == day(60)
    assert due_from("90 days", TODAY) == day(90)
    assert due_from("2027-01-31", TODAY) == dt.date(2027, 1, 31)
    with pytest.raises(InputError, match="30, 60 or 90"):
        due_from("45", TODAY)


def test_next_goal_is_the_open_one_due_soonest() -> None:
    goals = [
        Goal(title="Later", due=day(60)),
        Goal(title="Done early", due=day(-5), status="done"),
        Goal(title="Late one", due=day(-2), status="at risk"),
        Goal(title="Dropped", due=day(1), status="dropped"),
    ]
    found = next_goal(goals)
    assert found is not None and found.title == "Late one"
    assert due_text(found, TODAY) == "2 days late"
    assert goal_line(goals[0], TODAY) == "Later · due in 60 days · on track"
    assert goal_line(goals[1], TODAY) == "Done early · done"
    assert status_counts(goals) == {"on track": 1, "at risk": 1, "done": 1, "dropped": 1}
    assert next_goal([goals[1], goals[3]]) is None


def test_the_goal_reminder_names_the_next_goal_and_fits_a_width() -> None:
    goals = [
        Goal(title="Quarterly platform memo", due=day(12)),
        Goal(title="Done", due=day(1), status="done"),
    ]
    assert goal_reminder(goals, TODAY) == "goal: Quarterly platform memo due in 12 days"
    assert goal_reminder(goals, TODAY, width=99) == goal_reminder(goals, TODAY)
    assert goal_reminder(goals, TODAY, width=30) == "goal: Quarterl… due in 12 days"
    # the title is cut by the cells it takes: a wide character counts two
    wide = [Goal(title="四半期のメモを出す", due=day(0))]
    assert goal_reminder(wide, TODAY, width=22) == "goal: 四半… due today"  # 21 cells
    assert goal_reminder([goals[1]], TODAY) is None


def test_goal_status_must_be_one_of_four() -> None:
    with pytest.raises(ValueError):
        Goal(title="x", due=TODAY, status="maybe")  # type: ignore[arg-type]


def test_trend_counts_levels_gained_in_the_window() -> None:
    gap = Gap(
        title="SQL",
        current_level=3,
        target_level=4,
        level_history=[
            LevelChange(date=day(-200), level=1),
            LevelChange(date=day(-60), level=2),
            LevelChange(date=day(-10), level=3),
        ],
    )
    assert level_trend(gap, TODAY) == (2, 60)
    assert trend_text(gap, TODAY) == "↑2 in 60 days"
    down = gap.model_copy(
        update={
            "current_level": 1,
            "level_history": [
                LevelChange(date=day(-200), level=2),
                LevelChange(date=day(-3), level=1),
            ],
        }
    )
    assert trend_text(down, TODAY) == "↓1 in 3 days"
    still = gap.model_copy(update={"level_history": [LevelChange(date=day(-200), level=3)]})
    assert trend_text(still, TODAY) == ""
    assert trend_text(Gap(title="new"), TODAY) == ""


def test_level_noted_starts_the_history_with_the_old_level() -> None:
    before = Gap(title="SQL", current_level=1, target_level=4)
    after = before.model_copy(update={"current_level": 2})
    noted = with_level_noted(before, after, TODAY)
    assert [(c.date, c.level) for c in noted.level_history] == [
        (min(before.created.date(), TODAY), 1),
        (TODAY, 2),
    ]
    again = with_level_noted(noted, noted.model_copy(update={"current_level": 3}), TODAY)
    assert [c.level for c in again.level_history] == [1, 3]  # one day, one change
    same = with_level_noted(noted, noted.model_copy(update={"impact": 5}), TODAY)
    assert same.level_history == noted.level_history
    back = with_level_noted(noted, noted.model_copy(update={"current_level": 1}), TODAY)
    assert back.level_history[-1].level == 1


def test_review_due_weekly() -> None:
    assert review_due(None, TODAY)
    assert review_text(day(-7), TODAY) == "review due"
    assert review_text(day(-4), TODAY) == "review in 3 days"
    assert not review_due(day(-1), TODAY)


def test_review_steps_find_untied_wins_unworked_gaps_and_unthanked_people() -> None:
    maya = Stakeholder(name="Maya Chen")
    working = Gap(title="Speaking", status=GapStatus.WORKING)
    idle = Gap(title="Finance", status=GapStatus.WORKING)
    tied = Win(title="Tied", date=day(1), priority_id="pri_x", gap_ids=[working.id])
    loose = Win(title="Loose", date=day(2), stakeholder_ids=[maya.id])
    old = Win(title="Old", date=day(-10))
    week = wins_of_week([tied, loose, old], day(3))
    assert [w.title for w in week] == ["Tied", "Loose"]
    assert [w.title for w in untied(week)] == ["Loose"]
    assert [g.title for g in gaps_without_win([working, idle], week)] == ["Finance"]
    assert [(u.person.name, u.win.title) for u in unthanked([maya], week, [])] == [
        ("Maya Chen", "Loose")
    ]
    said = Thanks(stakeholder_id=maya.id, win_id=loose.id, date=day(2))
    assert unthanked([maya], week, [said]) == []


def test_agenda_leaves_out_wins_the_person_has_heard_about() -> None:
    lee = Stakeholder(name="Lee", moves_needle="enterprise churn reduction")
    win = Win(title="Cut enterprise churn reduction time", date=day(-1))
    picked = select_wins(lee, [win], [], TODAY)
    assert [s.win.title for s in picked] == [win.title]
    assert [n.person.name for n in not_told([lee], [win], [], [], TODAY)] == ["Lee"]
    heard = win.model_copy(update={"told": [Told(stakeholder_id=lee.id, date=TODAY)]})
    assert select_wins(lee, [heard], [], TODAY) == []
    assert not_told([lee], [heard], [], [], TODAY) == []
