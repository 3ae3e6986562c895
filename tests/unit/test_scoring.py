"""The gap score: each term moves it the right way, the breakdown adds up, ties keep order."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from careertui.domain.models import Gap, Stakeholder
from careertui.domain.scoring import WEIGHTS, Weights, by_score, score, scores, urgency_factor

TODAY = dt.date(2026, 11, 23)


def gap(**fields: object) -> Gap:
    base: dict[str, object] = {
        "title": "Executive presence",
        "current_level": 2,
        "target_level": 4,
        "impact": 3,
        "effort": 3,
    }
    base.update(fields)
    return Gap.model_validate(base)


def person(name: str, influence: int) -> Stakeholder:
    return Stakeholder(name=name, influence=influence)


def total(g: Gap, people: list[Stakeholder] | None = None) -> float:
    return score(g, {p.id: p for p in people or []}, TODAY).total


levels = st.integers(min_value=1, max_value=5)


@given(levels, levels)
def test_more_impact_scores_higher(low: int, high: int) -> None:
    if low == high:
        assert total(gap(impact=low)) == total(gap(impact=high))
        return
    low, high = sorted((low, high))
    assert total(gap(impact=high)) > total(gap(impact=low))


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=4))
def test_a_bigger_gap_scores_higher(current: int, extra: int) -> None:
    target = min(5, current + extra)
    smaller = gap(current_level=current, target_level=target - 1 if target > current else current)
    bigger = gap(current_level=current, target_level=target)
    if bigger.size > smaller.size:
        assert total(bigger) > total(smaller)


def test_raising_the_current_level_lowers_the_score() -> None:
    assert total(gap(current_level=3, target_level=4)) < total(gap(current_level=2, target_level=4))


def test_a_closed_size_adds_nothing() -> None:
    assert score(gap(current_level=4, target_level=4), {}, TODAY).term("gap_size").points == 0


@given(levels, levels)
def test_more_effort_scores_lower(a: int, b: int) -> None:
    low, high = sorted((a, b))
    if low < high:
        assert total(gap(effort=high)) < total(gap(effort=low))


def test_the_lowest_effort_costs_nothing() -> None:
    assert score(gap(effort=1), {}, TODAY).term("effort").points == 0
    assert score(gap(effort=5), {}, TODAY).term("effort").points < 0


@given(st.integers(min_value=-30, max_value=200), st.integers(min_value=1, max_value=60))
def test_a_nearer_due_date_is_never_less_urgent(days: int, sooner_by: int) -> None:
    later = gap(due=TODAY + dt.timedelta(days=days))
    sooner = gap(due=TODAY + dt.timedelta(days=days - sooner_by))
    assert total(sooner) >= total(later)


def test_urgency_rises_as_the_due_date_nears_and_is_full_when_overdue() -> None:
    none = total(gap(due=None))
    far = total(gap(due=TODAY + dt.timedelta(days=200)))
    month = total(gap(due=TODAY + dt.timedelta(days=30)))
    week = total(gap(due=TODAY + dt.timedelta(days=7)))
    due_today = total(gap(due=TODAY))
    overdue = total(gap(due=TODAY - dt.timedelta(days=10)))
    assert none == far < month < week < due_today == overdue
    assert urgency_factor(TODAY, TODAY) == 1.0
    assert urgency_factor(None, TODAY) == 0.0


def test_a_closed_gap_is_not_urgent() -> None:
    overdue = TODAY - dt.timedelta(days=3)
    closed = score(gap(due=overdue, status="closed"), {}, TODAY).term("urgency")
    assert (closed.points, closed.basis) == (0, "closed")
    assert score(gap(due=overdue), {}, TODAY).term("urgency").points == WEIGHTS.urgency


def test_linked_influential_stakeholders_raise_the_score() -> None:
    vp, peer = person("Dana Vice", 5), person("Sam Peer", 2)
    alone = total(gap())
    with_peer = total(gap(stakeholder_ids=[peer.id]), [vp, peer])
    with_vp = total(gap(stakeholder_ids=[vp.id]), [vp, peer])
    with_both = total(gap(stakeholder_ids=[vp.id, peer.id]), [vp, peer])
    assert alone < with_peer < with_vp < with_both


def test_influence_is_capped_and_unknown_links_are_ignored() -> None:
    people = [person(f"Exec {i}", 5) for i in range(4)]
    many = score(gap(stakeholder_ids=[p.id for p in people]), {p.id: p for p in people}, TODAY)
    assert many.term("influence").points == WEIGHTS.influence * WEIGHTS.influence_cap
    assert "counted up to" in many.term("influence").basis
    ghost = score(gap(stakeholder_ids=["stk_gone"]), {}, TODAY)
    assert ghost.term("influence").points == 0
    assert ghost.term("influence").basis == "no stakeholders linked"


def test_the_breakdown_adds_up_and_explains_each_term() -> None:
    vp = person("Dana Vice", 4)
    s = score(
        gap(
            impact=5,
            effort=2,
            current_level=1,
            target_level=4,
            due=TODAY + dt.timedelta(days=45),
            stakeholder_ids=[vp.id],
        ),
        {vp.id: vp},
        TODAY,
    )
    assert [t.key for t in s.terms] == ["impact", "gap_size", "effort", "urgency", "influence"]
    assert s.total == round(sum(t.points for t in s.terms), 2)
    assert s.term("impact").points == 15
    assert s.term("gap_size").points == 6
    assert s.term("effort").points == -1.5
    assert s.term("urgency").points == 4
    assert s.term("influence").points == 2
    assert s.total == 25.5
    assert "due in 45 days" in s.term("urgency").basis
    assert "Dana Vice 4" in s.term("influence").basis
    assert s.lines()[-1].split() == ["Score", "25.5"]
    assert s.term("impact").rule == "3 per level"
    assert "[−1.5 per level above 1]" in str(s.term("effort"))


def test_the_weights_change_the_score() -> None:
    g = gap(impact=4)
    assert score(g, {}, TODAY, Weights(impact=10)).total > score(g, {}, TODAY).total


def test_by_score_puts_the_highest_first() -> None:
    low = gap(title="Low", impact=1, rank=0)
    high = gap(title="High", impact=5, rank=1)
    assert [g.title for g in by_score([low, high], [], TODAY)] == ["High", "Low"]


def test_equal_scores_keep_the_manual_order() -> None:
    same = [gap(title=f"Gap {i}", rank=r) for i, r in enumerate([3, 0, 2, 1])]
    assert len({s.total for s in scores(same, [], TODAY).values()}) == 1
    ordered = [g.title for g in by_score(same, [], TODAY)]
    assert ordered == ["Gap 1", "Gap 3", "Gap 2", "Gap 0"]
    assert [g.title for g in by_score(list(reversed(same)), [], TODAY)] == ordered


@given(st.lists(st.tuples(levels, levels, st.integers(0, 20)), min_size=1, max_size=12))
def test_score_order_is_sorted_and_stable(rows: list[tuple[int, int, int]]) -> None:
    gaps = [
        gap(title=f"G{i}", impact=imp, effort=eff, rank=rank)
        for i, (imp, eff, rank) in enumerate(rows)
    ]
    totals = scores(gaps, [], TODAY)
    ordered = by_score(gaps, [], TODAY)
    keys = [(-totals[g.id].total, g.rank, g.created, g.id) for g in ordered]
    assert keys == sorted(keys)
