"""Company priorities, 360 feedback and the vision's lists: the writes the vision pane makes,
on a real store, read back from the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from careertui.actions.vision import (
    add_priority,
    delete_priority,
    edit_feedback,
    edit_priority,
    move_priority,
    remove_from_list,
    save_feedback,
)
from careertui.actions.wins import log_win
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Priority, Stakeholder, Vision, Win
from careertui.store.repository import ConflictingEdit, RecordNotFound, Repository


def on_file(data_dir: Path) -> Repository:
    """The store as the next process reads it."""
    return Repository.at(data_dir)


def ranked(data_dir: Path) -> list[tuple[str, int]]:
    return [(p.title, p.rank) for p in on_file(data_dir).career().priorities]


# -- priorities ------------------------------------------------------------------------------


def test_add_priority_goes_last_and_counts_them(repo: Repository, data_dir: Path) -> None:
    assert add_priority(repo, Priority(title="Revenue", rank=9)) == 1
    assert add_priority(repo, Priority(title="Retention", rank=0)) == 2
    assert ranked(data_dir) == [("Revenue", 0), ("Retention", 1)]


def test_move_priority_renumbers_the_order(repo: Repository, data_dir: Path) -> None:
    ids = [repo.priorities.add(Priority(title=t, rank=r)).id for r, t in enumerate("abc")]
    move_priority(repo, ids[2], -1)
    assert ranked(data_dir) == [("a", 0), ("c", 1), ("b", 2)]
    move_priority(repo, ids[2], -5)  # clamped at the top
    assert ranked(data_dir) == [("c", 0), ("a", 1), ("b", 2)]


def test_move_priority_deleted_meanwhile_writes_nothing(repo: Repository) -> None:
    kept = repo.priorities.add(Priority(title="Kept", rank=0))
    gone = repo.priorities.add(Priority(title="Gone", rank=1))
    delete_priority(repo, gone.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        move_priority(repo, gone.id, -1)
    assert repo.store.path.read_bytes() == before
    assert repo.priorities.get(kept.id) is not None


def test_edit_priority_saves_the_change_and_keeps_one_made_elsewhere(
    repo: Repository, data_dir: Path
) -> None:
    opened = repo.priorities.add(Priority(title="Revenue", description="FY27"))
    edit_priority(on_file(data_dir), opened, opened.model_copy(update={"description": "FY27 plan"}))
    saved = edit_priority(repo, opened, opened.model_copy(update={"title": "Net revenue"}))
    stored = on_file(data_dir).priorities.get(opened.id)
    assert saved == stored
    assert stored is not None and (stored.title, stored.description) == ("Net revenue", "FY27 plan")


def test_edit_priority_conflict_writes_nothing(repo: Repository, data_dir: Path) -> None:
    opened = repo.priorities.add(Priority(title="Revenue"))
    edit_priority(on_file(data_dir), opened, opened.model_copy(update={"title": "Theirs"}))
    before = repo.store.path.read_bytes()
    with pytest.raises(ConflictingEdit):
        edit_priority(repo, opened, opened.model_copy(update={"title": "Mine"}))
    assert repo.store.path.read_bytes() == before


def test_delete_priority_unlinks_its_wins_and_keeps_them(repo: Repository, data_dir: Path) -> None:
    gone = repo.priorities.add(Priority(title="Revenue", rank=0))
    kept = repo.priorities.add(Priority(title="Retention", rank=1))
    tied = log_win(repo, Win(title="Big deal", impact="$2M", priority_id=gone.id))
    other = log_win(repo, Win(title="Churn down", priority_id=kept.id))

    assert delete_priority(repo, gone.id) == 1

    stored = on_file(data_dir)
    assert stored.priorities.get(gone.id) is None
    tied_now = stored.wins.get(tied.id)
    assert tied_now is not None
    assert (tied_now.title, tied_now.impact, tied_now.priority_id) == ("Big deal", "$2M", None)
    other_now = stored.wins.get(other.id)
    assert other_now is not None and other_now.priority_id == kept.id
    assert ranked(data_dir) == [("Retention", 0)]


def test_delete_priority_twice_writes_nothing(repo: Repository) -> None:
    gone = repo.priorities.add(Priority(title="Revenue"))
    delete_priority(repo, gone.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        delete_priority(repo, gone.id)
    assert repo.store.path.read_bytes() == before


# -- feedback --------------------------------------------------------------------------------


def test_edit_feedback_saves_the_change_and_names_a_new_giver(
    repo: Repository, data_dir: Path
) -> None:
    maya = repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    opened = save_feedback(repo, Feedback(quote="Dates, please."), new=True)

    edit_feedback(repo, opened, opened.model_copy(update={"giver_id": maya.id, "theme": "Plans"}))

    stored = on_file(data_dir).feedback.get(opened.id)
    assert stored is not None
    assert (stored.giver_id, stored.giver_name, stored.theme) == (maya.id, "Maya Chen", "Plans")


def test_edit_feedback_conflict_writes_nothing(repo: Repository, data_dir: Path) -> None:
    opened = save_feedback(repo, Feedback(quote="Dates, please."), new=True)
    edit_feedback(on_file(data_dir), opened, opened.model_copy(update={"quote": "Theirs"}))
    before = repo.store.path.read_bytes()
    with pytest.raises(ConflictingEdit):
        edit_feedback(repo, opened, opened.model_copy(update={"quote": "Mine"}))
    assert repo.store.path.read_bytes() == before


# -- the vision's lists ----------------------------------------------------------------------


def test_remove_from_list_removes_the_item_the_user_saw(repo: Repository, data_dir: Path) -> None:
    repo.save_vision(Vision(obstacles=["No sponsor", "Too busy", "No budget"]))
    remove_from_list(repo, "obstacles", 1, "Too busy")
    assert on_file(data_dir).vision().obstacles == ["No sponsor", "No budget"]


@pytest.mark.parametrize(("index", "expected"), [(1, "No sponsor"), (5, "Too busy")])
def test_remove_from_list_changed_meanwhile_writes_nothing(
    repo: Repository, index: int, expected: str
) -> None:
    repo.save_vision(Vision(obstacles=["No sponsor", "Too busy"]))
    before = repo.store.path.read_bytes()
    with pytest.raises(InputError, match="changed meanwhile"):
        remove_from_list(repo, "obstacles", index, expected)
    assert repo.store.path.read_bytes() == before
