"""Interim goals, thanks, "told", the level history and archived priorities: the records of
the weekly loop, written by the actions and read back from the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from careertui.actions.gaps import add_gap, delete_gap, edit_gap, step_gap
from careertui.actions.goals import add_goal, delete_goal, edit_goal, set_goal_status, unlink_goals
from careertui.actions.people import add_stakeholder, delete_stakeholder
from careertui.actions.recognition import delete_thanks, forget_person, say_thanks, tell_win
from careertui.actions.settings import finish_review, remember_review_step
from careertui.actions.vision import (
    add_priority,
    archive_priority,
    delete_priority,
    restore_priority,
)
from careertui.actions.wins import log_win
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.models import Gap, Goal, Priority, Stakeholder, Win
from careertui.store.repository import RecordNotFound, Repository


def on_file(data_dir: Path) -> Repository:
    return Repository.at(data_dir)


def _goal(repo: Repository, **kw: object) -> Goal:
    return add_goal(repo, Goal(title="Ship search v2", due=today() + dt.timedelta(days=30), **kw))


def test_goal_added_edited_status_and_deleted(repo: Repository, data_dir: Path) -> None:
    goal = _goal(repo, measure="p95 under 200 ms")
    assert [g.title for g in on_file(data_dir).career().goals] == ["Ship search v2"]
    edit_goal(repo, goal, goal.model_copy(update={"title": "Ship search v3"}))
    set_goal_status(repo, goal.id, "at risk")
    stored = on_file(data_dir).goals.get(goal.id)
    assert stored is not None
    assert (stored.title, stored.status, stored.measure) == (
        "Ship search v3",
        "at risk",
        "p95 under 200 ms",
    )
    delete_goal(repo, goal.id)
    assert on_file(data_dir).career().goals == []
    with pytest.raises(RecordNotFound):
        set_goal_status(repo, goal.id, "done")


def test_deleting_a_gap_or_priority_unlinks_it_from_goals(repo: Repository) -> None:
    gap = add_gap(repo, Gap(title="Public speaking"))
    add_priority(repo, Priority(title="Revenue"))
    priority = repo.career().priorities[0]
    goal = _goal(repo, gap_ids=[gap.id], priority_ids=[priority.id])
    delete_gap(repo, gap.id)
    delete_priority(repo, priority.id)
    stored = repo.goals.get(goal.id)
    assert stored is not None and stored.gap_ids == [] and stored.priority_ids == []
    assert unlink_goals(repo, gap_id="gap_gone") == 0


def test_thanks_is_a_record_and_goes_with_the_person(repo: Repository, data_dir: Path) -> None:
    maya = add_stakeholder(repo, Stakeholder(name="Maya"))
    win = log_win(repo, Win(title="Launched search", stakeholder_ids=[maya.id]))
    thanks = say_thanks(repo, maya.id, win.id)
    career = on_file(data_dir).career()
    assert [(t.stakeholder_id, t.win_id, t.date) for t in career.thanks] == [
        (maya.id, win.id, today())
    ]
    delete_thanks(repo, thanks.id)
    assert on_file(data_dir).career().thanks == []
    say_thanks(repo, maya.id)
    delete_stakeholder(repo, maya.id)
    assert on_file(data_dir).career().thanks == []
    with pytest.raises(RecordNotFound):
        say_thanks(repo, "stk_gone")


def test_told_keeps_whom_and_when_once_a_day(repo: Repository, data_dir: Path) -> None:
    lee = add_stakeholder(repo, Stakeholder(name="Lee"))
    win = log_win(repo, Win(title="Cut churn"))
    tell_win(repo, win.id, lee.id)
    tell_win(repo, win.id, lee.id)  # the same day again: nothing new
    yesterday = today() - dt.timedelta(days=1)
    tell_win(repo, win.id, lee.id, on=yesterday)
    stored = on_file(data_dir).wins.get(win.id)
    assert stored is not None
    assert [(t.stakeholder_id, t.date) for t in stored.told] == [
        (lee.id, today()),
        (lee.id, yesterday),
    ]
    with pytest.raises(InputError):
        tell_win(repo, win.id, lee.id, on=today() + dt.timedelta(days=2))
    forget_person(repo, lee.id)
    stored = on_file(data_dir).wins.get(win.id)
    assert stored is not None and stored.told == []


def test_each_level_change_is_kept_with_its_date(repo: Repository, data_dir: Path) -> None:
    gap = add_gap(repo, Gap(title="SQL", current_level=1, target_level=4))
    step_gap(repo, gap.id, "current_level", +1)
    history = on_file(data_dir).gaps.get(gap.id)
    assert history is not None
    assert [(c.date, c.level) for c in history.level_history] == [
        (min(gap.created.date(), today()), 1),
        (today(), 2),
    ]
    step_gap(repo, gap.id, "impact", +1)  # not a level: history unchanged
    stored = on_file(data_dir).gaps.get(gap.id)
    assert stored is not None and stored.level_history[-1].level == 2
    edit_gap(repo, stored, stored.model_copy(update={"current_level": 3}))
    stored = on_file(data_dir).gaps.get(gap.id)
    assert stored is not None
    assert [c.level for c in stored.level_history][-1] == 3
    assert stored.current_level == 3


def test_archived_priority_keeps_its_wins_and_leaves_the_list(
    repo: Repository, data_dir: Path
) -> None:
    add_priority(repo, Priority(title="Growth H1"))
    add_priority(repo, Priority(title="Margin"))
    old = repo.career().priorities[0]
    win = log_win(repo, Win(title="Grew signups", priority_id=old.id))
    archive_priority(repo, old.id)
    career = on_file(data_dir).career()
    assert [(p.title, p.rank) for p in career.priorities] == [("Margin", 0)]
    assert [(p.title, p.until) for p in career.archived_priorities] == [("Growth H1", today())]
    stored = career.wins[0]
    assert stored.id == win.id and stored.priority_id == old.id
    with pytest.raises(RecordNotFound):
        archive_priority(repo, old.id)  # already archived


def test_a_restored_priority_is_in_force_again_last_with_its_wins(
    repo: Repository, data_dir: Path
) -> None:
    for title in ("Growth H1", "Margin", "Reliability"):
        add_priority(repo, Priority(title=title, since=dt.date(2026, 1, 1)))
    old = repo.career().priorities[0]
    log_win(repo, Win(title="Grew signups", priority_id=old.id))
    with pytest.raises(RecordNotFound):
        restore_priority(repo, old.id)  # in force: nothing to restore
    archive_priority(repo, old.id)
    restored = restore_priority(repo, old.id)
    career = on_file(data_dir).career()
    assert [(p.title, p.rank) for p in career.priorities] == [
        ("Margin", 0),
        ("Reliability", 1),
        ("Growth H1", 2),
    ]
    assert not career.archived_priorities
    assert (restored.until, restored.since) == (None, dt.date(2026, 1, 1))
    assert career.wins[0].priority_id == old.id


def test_a_priority_cannot_end_before_it_began() -> None:
    with pytest.raises(ValidationError, match=r"cannot end before it began \(2026-07-01\)"):
        Priority(title="H2", since=dt.date(2026, 7, 1), until=dt.date(2026, 6, 30))
    assert Priority(title="H2", since=dt.date(2026, 7, 1), until=dt.date(2026, 7, 1)).archived


def test_review_step_is_kept_until_finished(repo: Repository, data_dir: Path) -> None:
    remember_review_step(repo, 2)
    assert on_file(data_dir).settings().review_step == 2
    finish_review(repo, today())
    settings = on_file(data_dir).settings()
    assert (settings.review_step, settings.review_done) == (None, today())


def test_lean_win_records_whom_it_was_told_to(repo: Repository, data_dir: Path) -> None:
    from careertui.actions.lean_win import append_win
    from careertui.domain.win_record import new_win

    lee = add_stakeholder(repo, Stakeholder(name="Lee Park"))
    log_win(repo, Win(title="First, through the full path"))
    doc = new_win(title="Shipped it", date=today())
    stored = append_win(data_dir, doc, told=["Lee"], told_on=today().isoformat())
    win = on_file(data_dir).wins.get(doc["id"])
    assert win is not None
    assert [(t.stakeholder_id, t.date) for t in win.told] == [(lee.id, today())]
    assert stored is None or stored["told"] == [
        {"stakeholder_id": lee.id, "date": today().isoformat()}
    ]
