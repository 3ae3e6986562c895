"""Board rules: manual order, moves within and between columns, evidence, overdue."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from careertui.domain.gaps import (
    closing_needs_confirmation,
    column,
    evidence,
    evidence_by_gap,
    evidence_counts,
    is_overdue,
    limit_reason,
    manual_order,
    move_to,
    move_within,
    neighbour_status,
    next_rank,
    stepped,
)
from careertui.domain.models import Gap, GapStatus, Win

B, W, C = GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED
TODAY = dt.date(2026, 11, 23)


def board(*spec: tuple[str, GapStatus]) -> list[Gap]:
    return [Gap(title=t, status=s, rank=i) for i, (t, s) in enumerate(spec)]


def apply(gaps: list[Gap], changed: list[Gap]) -> list[Gap]:
    by_id = {g.id: g for g in gaps}
    by_id.update({g.id: g for g in changed})
    return list(by_id.values())


def titles(gaps: list[Gap], status: GapStatus) -> list[str]:
    return [g.title for g in column(gaps, status)]


def test_move_within_swaps_with_the_neighbour_in_the_same_column() -> None:
    gaps = board(("a", B), ("x", W), ("b", B), ("c", B))
    a = gaps[0]
    changed = move_within(gaps, a.id, +1)
    after = apply(gaps, changed)
    assert titles(after, B) == ["b", "a", "c"]
    assert titles(after, W) == ["x"]
    assert sorted(g.rank for g in after) == [0, 1, 2, 3]
    back = apply(after, move_within(after, a.id, -1))
    assert titles(back, B) == ["a", "b", "c"]


def test_move_within_stops_at_the_ends() -> None:
    gaps = board(("a", B), ("b", B))
    assert move_within(gaps, gaps[0].id, -1) == []
    assert move_within(gaps, gaps[1].id, +1) == []
    assert move_within(gaps, "gap_missing", +1) == []


def test_a_move_saves_only_what_changed() -> None:
    gaps = board(*[(f"g{i}", B) for i in range(10)])
    changed = move_within(gaps, gaps[4].id, +1)
    assert {g.title for g in changed} == {"g4", "g5"}


def test_ties_in_rank_are_resolved_by_age_and_renumbered() -> None:
    first = Gap(title="first", created=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    second = Gap(title="second", created=dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc))
    assert [g.title for g in manual_order([second, first])] == ["first", "second"]
    after = apply([first, second], move_within([first, second], second.id, -1))
    assert [g.title for g in manual_order(after)] == ["second", "first"]
    assert sorted(g.rank for g in after) == [0, 1]


def test_move_to_puts_the_gap_on_top_of_the_next_column() -> None:
    gaps = board(("a", B), ("x", W), ("b", B), ("y", W))
    b = gaps[2]
    after = apply(gaps, move_to(gaps, b.id, W))
    assert titles(after, B) == ["a"]
    assert titles(after, W) == ["b", "x", "y"]
    closed = apply(after, move_to(after, b.id, C))
    assert titles(closed, C) == ["b"]
    assert titles(closed, W) == ["x", "y"]
    assert move_to(closed, b.id, C) == []


def test_neighbour_status_walks_the_columns() -> None:
    assert neighbour_status(B, +1) == W
    assert neighbour_status(W, +1) == C
    assert neighbour_status(C, +1) is None
    assert neighbour_status(B, -1) is None
    assert neighbour_status(C, -1) == W


def test_next_rank_is_after_every_gap() -> None:
    assert next_rank([]) == 0
    assert next_rank(board(("a", B), ("b", C))) == 2


def test_evidence_counts_and_lists_newest_first() -> None:
    g1, g2 = Gap(title="one"), Gap(title="two")
    old = Win(title="old", date=dt.date(2026, 1, 1), gap_ids=[g1.id])
    new = Win(title="new", date=dt.date(2026, 6, 1), gap_ids=[g1.id, g2.id, g1.id])
    other = Win(title="unrelated")
    counts = evidence_counts([old, new, other])
    assert counts[g1.id] == 2
    assert counts[g2.id] == 1
    assert counts["gap_none"] == 0
    assert [w.title for w in evidence(g1.id, [old, other, new])] == ["new", "old"]
    every = evidence_by_gap([old, other, new])
    assert every == {g1.id: evidence(g1.id, [old, new]), g2.id: [new]}
    assert [w.title for w in every[g1.id]] == ["new", "old"]  # a repeated link counts once


def test_overdue_only_before_today_and_not_when_closed() -> None:
    assert is_overdue(Gap(title="t", due=TODAY - dt.timedelta(days=1)), TODAY)
    assert not is_overdue(Gap(title="t", due=TODAY), TODAY)
    assert not is_overdue(Gap(title="t"), TODAY)
    assert not is_overdue(Gap(title="t", due=dt.date(2020, 1, 1), status=C), TODAY)


def test_closing_without_evidence_needs_confirmation() -> None:
    g = Gap(title="t", status=W)
    proof = Win(title="proof", gap_ids=[g.id])
    assert closing_needs_confirmation(g, C, [])
    assert not closing_needs_confirmation(g, C, [proof])
    assert not closing_needs_confirmation(g, B, [])
    assert not closing_needs_confirmation(g.model_copy(update={"status": C}), C, [])


def test_stepped_moves_impact_within_one_to_five() -> None:
    g = Gap(title="t", impact=4)
    up = stepped(g, "impact", +1)
    assert up is not None and up.impact == 5
    assert stepped(up, "impact", +1) is None
    assert "already 5" in limit_reason(up, "impact", +1)
    low = Gap(title="t", impact=1)
    assert stepped(low, "impact", -1) is None
    down = stepped(g, "impact", -1)
    assert down is not None and down.impact == 3


def test_stepped_keeps_the_current_level_between_one_and_the_target() -> None:
    g = Gap(title="t", current_level=3, target_level=4)
    up = stepped(g, "current_level", +1)
    assert up is not None and up.current_level == 4
    assert stepped(up, "current_level", +1) is None
    assert "target (4)" in limit_reason(up, "current_level", +1)
    bottom = Gap(title="t", current_level=1, target_level=2)
    assert stepped(bottom, "current_level", -1) is None


statuses = st.sampled_from([B, W, C])


@given(
    st.lists(st.tuples(statuses, st.integers(0, 5)), min_size=1, max_size=12),
    st.data(),
)
def test_moves_keep_every_gap_and_every_other_order(
    spec: list[tuple[GapStatus, int]], data: st.DataObject
) -> None:
    gaps = [Gap(title=f"g{i}", status=s, rank=r) for i, (s, r) in enumerate(spec)]
    moved = data.draw(st.sampled_from(gaps))
    if data.draw(st.booleans()):
        changed = move_within(gaps, moved.id, data.draw(st.integers(-3, 3)))
        target = moved.status
    else:
        target = data.draw(statuses)
        changed = move_to(gaps, moved.id, target)
    after = apply(gaps, changed)
    assert sorted(g.id for g in after) == sorted(g.id for g in gaps)
    if changed:
        assert sorted(g.rank for g in after) == list(range(len(gaps)))
    new_status = {g.id: g.status for g in after}
    assert new_status[moved.id] == target
    for status in (B, W, C):
        before = [g.id for g in column(gaps, status) if g.id != moved.id]
        now = [g.id for g in column(after, status) if g.id != moved.id]
        assert before == now
