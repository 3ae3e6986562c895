"""The rules behind the vision pane."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from careertui.domain import vision as rules
from careertui.domain.errors import InputError, field_errors
from careertui.domain.models import Feedback, Gap, GapCategory, Priority, Vision

TODAY = dt.date(2026, 11, 23)


def test_the_sixth_priority_warns_and_five_do_not() -> None:
    assert rules.priority_warning(0) is None
    assert rules.priority_warning(5) is None
    warning = rules.priority_warning(6)
    assert warning is not None and "truly cares about" in warning


@given(st.lists(st.integers(), max_size=8), st.integers(-10, 10), st.integers(-10, 10))
def test_moving_keeps_every_item(items: list[int], index: int, step: int) -> None:
    out, new_index = rules.moved(items, index, step)
    assert sorted(out) == sorted(items)
    if items and 0 <= index < len(items):
        assert out[new_index] == items[index]
        assert 0 <= new_index < len(items)


def test_moving_down_and_up() -> None:
    assert rules.moved(["a", "b", "c"], 0, 1) == (["b", "a", "c"], 1)
    assert rules.moved(["a", "b", "c"], 2, -1) == (["a", "c", "b"], 1)
    assert rules.moved(["a", "b", "c"], 2, 1) == (["a", "b", "c"], 2)


def test_reranked_renumbers_only_what_changed() -> None:
    ps = [Priority(title=t, rank=r) for t, r in (("a", 0), ("b", 1), ("c", 2))]
    changed = rules.reranked(ps, 2, -1)
    assert {(p.title, p.rank) for p in changed} == {("c", 1), ("b", 2)}


def test_reranked_heals_duplicate_ranks() -> None:
    ps = [Priority(title=t, rank=0) for t in "abc"]
    changed = rules.reranked(ps, 0, 1)
    # b keeps rank 0; a and c are renumbered after it.
    assert [(p.title, p.rank) for p in changed] == [("a", 1), ("c", 2)]


def test_an_obstacle_becomes_a_backlog_gap_last_on_the_board() -> None:
    board = [Gap(title="Executive communication", rank=4)]
    gap = rules.gap_from_obstacle("No exec sponsor yet", board)
    assert gap.title == "No exec sponsor yet"
    assert gap.rank == 5
    assert gap.status.value == "backlog"
    assert gap.category is GapCategory.RELATIONSHIP
    assert gap.source_feedback_id is None


def test_an_obstacle_already_on_the_board_is_refused() -> None:
    with pytest.raises(InputError, match="already on the gap board"):
        rules.gap_from_obstacle("little p&l experience", [Gap(title="Little P&L experience")])


def test_feedback_marked_as_gap_becomes_a_linked_gap() -> None:
    fb = Feedback(
        quote="Presentations run long; lead with the ask.",
        giver_id="stk_1",
        giver_name="Maya Chen",
        date=dt.date(2026, 6, 1),
        theme="executive presence",
        kind="gap",
    )
    gap = rules.gap_from_feedback(fb, [])
    assert gap.title == "Executive presence"
    assert gap.source_feedback_id == fb.id
    assert gap.stakeholder_ids == ["stk_1"]
    assert "lead with the ask" in gap.why and "Maya Chen" in gap.why
    assert gap.category is GapCategory.VISIBILITY
    assert gap.rank == 0


def test_feedback_without_theme_is_titled_by_its_quote_shortened() -> None:
    fb = Feedback(quote="word " * 40, kind="gap")
    gap = rules.gap_from_feedback(fb, [])
    assert len(gap.title) <= rules.GAP_TITLE_LENGTH and gap.title.endswith("…")


def test_strength_feedback_does_not_become_a_gap() -> None:
    with pytest.raises(InputError, match="only feedback marked as a gap"):
        rules.gap_from_feedback(Feedback(quote="Great writing", kind="strength"), [])


def test_feedback_already_made_a_gap_is_refused() -> None:
    fb = Feedback(quote="More upward communication", kind="gap")
    made = rules.gap_from_feedback(fb, [])
    with pytest.raises(InputError, match="already the gap"):
        rules.gap_from_feedback(fb, [made])


def test_room_to_grow_is_flagged_when_never_asked_or_stale() -> None:
    never = Vision.RoomToGrow()
    assert "Never asked" in (rules.room_to_grow_flag(never, TODAY) or "")
    recent = Vision.RoomToGrow(answer="not yet", asked_on=TODAY - dt.timedelta(days=30))
    assert rules.room_to_grow_flag(recent, TODAY) is None
    old = Vision.RoomToGrow(answer="yes", asked_on=TODAY - dt.timedelta(days=400))
    assert "ask again" in (rules.room_to_grow_flag(old, TODAY) or "")


def test_an_answer_needs_the_date_it_was_asked() -> None:
    with pytest.raises(ValidationError) as info:
        Vision.RoomToGrow(answer="no", management_said="Not this year")
    assert "asked_on" in field_errors(info.value)


def test_scope_distance_to_the_target_role() -> None:
    scope = [
        Vision.ScopeItem(responsibility="Onboarding roadmap", today="own", target="own"),
        Vision.ScopeItem(responsibility="Pricing", today="influence", target="own"),
        Vision.ScopeItem(responsibility="Hiring PMs", today="out", target="own"),
    ]
    assert [i.responsibility for i in rules.scope_gaps(scope)] == ["Hiring PMs", "Pricing"]
    assert rules.scope_summary(scope) == (
        "2 of 3 responsibilities below the target role (5 steps to go)."
    )
    assert rules.scope_summary([]) == "No responsibilities listed yet."
    assert rules.scope_summary(scope[:1]).startswith("All 1 responsibilities")


def test_scope_item_needs_a_responsibility_and_a_known_level() -> None:
    with pytest.raises(ValidationError) as info:
        Vision.ScopeItem(responsibility="", today="lead")  # type: ignore[arg-type]
    errors = field_errors(info.value)
    assert set(errors) == {"responsibility", "today"}


def test_years_left_text() -> None:
    assert rules.years_left_text(Vision(), TODAY) == "no horizon set"
    assert rules.years_left_text(Vision(horizon=dt.date(2030, 11, 23)), TODAY) == "4 years left"
    assert "passed" in rules.years_left_text(Vision(horizon=dt.date(2025, 11, 23)), TODAY)


def test_guided_start_only_on_an_empty_store() -> None:
    assert rules.needs_guided_start(Vision(), [])
    assert not rules.needs_guided_start(Vision(statement="Lead product"), [])
    assert not rules.needs_guided_start(Vision(), [Priority(title="Revenue")])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", None),
        ("4", dt.date(2030, 11, 23)),
        ("in 5 years", dt.date(2031, 11, 23)),
        ("3y", dt.date(2029, 11, 23)),
        ("2030-06-30", dt.date(2030, 6, 30)),
    ],
)
def test_the_horizon_is_typed_as_years_or_a_date(typed: str, expected: dt.date | None) -> None:
    assert rules.parse_horizon(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2020-01-01", "in the future"),
        ("0", "1 to 10 years"),
        ("40 years", "1 to 10 years"),
        ("2050-01-01", "at most 10 years"),
        ("someday soon-ish", "cannot understand"),
    ],
)
def test_a_horizon_that_makes_no_sense_is_refused(typed: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        rules.parse_horizon(typed, TODAY)


def test_a_leap_day_horizon_falls_back_to_the_28th() -> None:
    assert rules.in_years(dt.date(2028, 2, 29), 1) == dt.date(2029, 2, 28)
