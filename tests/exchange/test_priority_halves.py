"""Priorities change every half: the documents show each win against the priorities of its own
time (an archived priority named with its period), the promotion case reports the interim
goals, and the weekly review asks for the new half's priorities when the old ones expire."""

from __future__ import annotations

import datetime as dt

from careertui.actions.goals import add_goal
from careertui.actions.vision import (
    add_priority,
    archive_priority,
    save_guided_answer,
    update_vision,
)
from careertui.actions.wins import log_win
from careertui.domain.models import Goal, Priority, Win
from careertui.exchange.brag import brag_document
from careertui.exchange.case import GOALS, promotion_case
from careertui.exchange.review import self_review
from careertui.exchange.weekly_review import step_items
from careertui.store.repository import Repository
from tests.exchange.conftest import TODAY, outline, section

OLD = "Launch self-serve"
ENDED = dt.date(2026, 6, 30)


def half_ago(repo: Repository) -> Priority:
    """A priority of last half with two wins of its time, archived at the end of June; a
    priority of this half with one win; and one win tied to nothing."""
    add_priority(repo, Priority(title=OLD))
    add_priority(repo, Priority(title="Expand into EMEA"))
    old, new = repo.career().priorities
    for title, day in (("Shipped the wizard", dt.date(2026, 5, 2)), ("Cut signup", ENDED)):
        log_win(repo, Win(title=title, date=day, priority_id=old.id, impact="Teams go live alone"))
    log_win(repo, Win(title="Won Globex", date=dt.date(2026, 9, 1), priority_id=new.id))
    log_win(repo, Win(title="Mentored Grace", date=dt.date(2026, 9, 2)))
    return archive_priority(repo, old.id, ENDED)


def test_the_brag_document_groups_wins_under_the_archived_priority_with_its_period(
    repo: Repository,
) -> None:
    half_ago(repo)
    doc = brag_document(repo.career(), start=dt.date(2026, 1, 1), end=TODAY, today=TODAY)
    heads = [text for level, text in outline(doc) if level == 2]
    assert heads[-3:] == [
        "1. Expand into EMEA (1 win)",
        f"2. {OLD} (until {ENDED.isoformat()}) (2 wins)",
        "Other wins (1 win)",
    ]
    group = section(doc, f"2. {OLD} (until {ENDED.isoformat()}) (2 wins)")
    assert "Shipped the wizard" in group and "Cut signup" in group
    summary = section(doc, "Summary")
    assert "<strong>Tied to the top priorities:</strong> 3 of 4 (75%)" in summary
    assert f"{OLD} (until {ENDED.isoformat()}): 2" in summary


def test_a_brag_document_of_this_half_leaves_the_archived_priority_out(
    repo: Repository,
) -> None:
    half_ago(repo)
    doc = brag_document(repo.career(), start=dt.date(2026, 7, 1), end=TODAY, today=TODAY)
    assert OLD not in doc  # no win of the period served it


def test_the_case_and_the_self_review_name_the_archived_priority_of_a_win(
    repo: Repository,
) -> None:
    half_ago(repo)
    update_vision(repo, {"target_role": "Group PM"})
    career = repo.career()
    review = self_review(career, start=dt.date(2026, 1, 1), end=TODAY, today=TODAY)
    assert "4, 3 on the company's top priorities" in review
    case = promotion_case(career, today=TODAY)
    assert "3 on the company's top priorities" in section(case, "The role and why now")
    strongest = section(case, "Already working at the next level")
    assert f"{OLD} (until {ENDED.isoformat()})" in strongest


def test_the_promotion_case_reports_the_interim_goals(repo: Repository) -> None:
    add_priority(repo, Priority(title="Expand into EMEA"))
    [emea] = repo.career().priorities
    add_goal(
        repo,
        Goal(
            title="Run the EMEA deal review",
            due=TODAY + dt.timedelta(days=30),
            measure="12 weekly reviews held",
            status="at risk",
            priority_ids=[emea.id],
        ),
    )
    add_goal(
        repo, Goal(title="Hand over the squad", due=TODAY - dt.timedelta(days=3), status="done")
    )
    add_goal(repo, Goal(title="Learn Rust", due=TODAY, status="dropped"))
    career = repo.career()
    shared = section(promotion_case(career, today=TODAY), GOALS)
    assert (
        "<strong>Run the EMEA deal review</strong>: at risk, due 2026-12-23 (due in 30 days). "
        "Measured by: 12 weekly reviews held. Serves: Expand into EMEA." in shared
    )
    assert "<strong>Hand over the squad</strong>: done, due 2026-11-20." in shared
    assert shared.index("Run the EMEA") < shared.index("Hand over the squad")  # open first
    assert "Learn Rust" not in shared  # a dropped goal stays out of the shareable case
    private = section(promotion_case(career, today=TODAY, private=True), GOALS)
    assert "<strong>Learn Rust</strong>: dropped" in private


def test_the_promotion_case_says_when_no_goal_is_agreed(repo: Repository) -> None:
    assert "No interim goals agreed yet." in section(
        promotion_case(repo.career(), today=TODAY), GOALS
    )


def test_the_review_asks_for_the_new_half_when_the_priorities_are_old(repo: Repository) -> None:
    add_priority(repo, Priority(title="Grow NRR", since=dt.date(2026, 1, 5)))
    lines = [item.text for item in step_items(repo.career(), TODAY, 0)]
    assert lines[0].startswith(
        "a new half: the company priorities date from 2026-01-05, over half a year ago"
    )
    assert "ctrl+p “Guided start”" in lines[0] and "x on a priority" in lines[0]
    shell = [item.text for item in step_items(repo.career(), TODAY, 0, shell=True)]
    assert "careertui priorities archive NAME" in shell[0]
    # the new half entered (the guided start's renewal): the line goes
    save_guided_answer(repo, "priorities", {"priorities": ["Expand into EMEA"], "renew": True})
    assert not any("new half" in item.text for item in step_items(repo.career(), TODAY, 0))


def test_renewing_archives_the_old_priorities_and_keeps_the_ones_typed_again(
    repo: Repository,
) -> None:
    for title in ("Grow NRR", "Launch self-serve", "Platform reliability"):
        add_priority(repo, Priority(title=title, since=dt.date(2026, 1, 5)))
    launch = repo.career().priorities[1]
    log_win(repo, Win(title="Shipped the wizard", date=dt.date(2026, 5, 2), priority_id=launch.id))
    save_guided_answer(
        repo,
        "priorities",
        {"priorities": ["Expand into EMEA", "", "platform RELIABILITY"], "renew": True},
    )
    career = repo.career()
    assert [(p.title, p.rank, p.since) for p in career.priorities] == [
        ("Expand into EMEA", 0, TODAY),
        ("Platform reliability", 1, dt.date(2026, 1, 5)),  # typed again: stays, not a new one
    ]
    assert sorted((p.title, p.until) for p in career.archived_priorities) == [
        ("Grow NRR", TODAY),
        ("Launch self-serve", TODAY),
    ]
    assert career.wins[0].priority_id == launch.id  # the win keeps its link
