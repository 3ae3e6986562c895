"""The gap board's writes, run against a real store: each reads afresh inside its transaction."""

from __future__ import annotations

import pytest

from careertui.actions.gaps import (
    add_gap,
    delete_gap,
    edit_gap,
    move_gap,
    move_gap_to,
    step_gap,
)
from careertui.domain.gaps import column
from careertui.domain.models import Gap, GapStatus, Win
from careertui.store.repository import RecordNotFound, Repository

B, W, C = GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED


@pytest.fixture
def gaps(repo: Repository) -> dict[str, Gap]:
    with repo.transaction():
        made = [
            repo.gaps.add(Gap(title=t, status=s, rank=i))
            for i, (t, s) in enumerate([("a", B), ("b", B), ("c", B), ("x", W)])
        ]
    return {g.title: g for g in made}


def titles(repo: Repository, status: GapStatus) -> list[str]:
    return [g.title for g in column(repo.gaps.list(), status)]


def test_move_gap_saves_only_the_two_that_swap(repo: Repository, gaps: dict[str, Gap]) -> None:
    before = {g.id: g.updated for g in repo.gaps.list()}
    assert move_gap(repo, gaps["a"].id, +1) == 2
    assert titles(repo, B) == ["b", "a", "c"]
    after = {g.id: g.updated for g in repo.gaps.list()}
    assert after[gaps["c"].id] == before[gaps["c"].id]
    assert after[gaps["x"].id] == before[gaps["x"].id]
    assert move_gap(repo, gaps["b"].id, -1) == 0  # already on top


def test_move_gap_to_puts_it_on_top_of_the_column(repo: Repository, gaps: dict[str, Gap]) -> None:
    move_gap_to(repo, gaps["c"].id, W)
    assert titles(repo, W) == ["c", "x"]
    assert titles(repo, B) == ["a", "b"]
    with pytest.raises(RecordNotFound):
        move_gap_to(repo, "gap_gone", C)


def test_step_gap_stays_within_bounds(repo: Repository, gaps: dict[str, Gap]) -> None:
    gap_id = gaps["a"].id  # impact 3, level 1 of target 3
    for _ in range(4):
        step_gap(repo, gap_id, "impact", +1)
    assert repo.gaps.get(gap_id).impact == 5
    for _ in range(4):
        step_gap(repo, gap_id, "current_level", +1)
    stored = repo.gaps.get(gap_id)
    assert (stored.current_level, stored.target_level) == (3, 3)
    with pytest.raises(RecordNotFound):
        step_gap(repo, "gap_gone", "impact", +1)


def test_add_gap_goes_after_every_other(repo: Repository, gaps: dict[str, Gap]) -> None:
    added = add_gap(repo, Gap(title="new", status=W))
    assert added.rank == 4
    assert titles(repo, W) == ["x", "new"]


def test_edit_gap_keeps_the_rank_stored_now(repo: Repository, gaps: dict[str, Gap]) -> None:
    opened = gaps["a"]  # the form opened before a move
    move_gap(repo, opened.id, +2)
    edit_gap(repo, opened, opened.model_copy(update={"title": "a, renamed", "rank": 0}))
    assert titles(repo, B) == ["b", "c", "a, renamed"]
    repo.gaps.delete(gaps["b"].id)
    with pytest.raises(RecordNotFound):
        edit_gap(repo, gaps["b"], gaps["b"].model_copy(update={"title": "b, renamed"}))
    assert repo.gaps.get(gaps["b"].id) is None


def test_delete_gap_unlinks_its_evidence(repo: Repository, gaps: dict[str, Gap]) -> None:
    keep, drop = gaps["a"].id, gaps["b"].id
    repo.wins.add(Win(title="both", gap_ids=[keep, drop]))
    repo.wins.add(Win(title="other"))
    assert delete_gap(repo, drop) == 1
    assert repo.gaps.get(drop) is None
    assert {w.title: w.gap_ids for w in repo.wins.list()} == {"both": [keep], "other": []}
    with pytest.raises(RecordNotFound):
        delete_gap(repo, drop)
