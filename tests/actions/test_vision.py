"""The vision pane's writes, straight against a store: each is one transaction that re-reads
what it changes, so nothing written meanwhile is lost and a stale request writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.actions import gaps
from careertui.actions import vision as writes
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Gap, Priority, Profile, Vision
from careertui.store.repository import Repository


def test_update_vision_keeps_what_another_process_wrote_meanwhile(repo: Repository) -> None:
    repo.save_vision(Vision(statement="Old", values=["Craft"]))
    seen = repo.vision()  # the app's snapshot
    other = Repository.at(repo.store.data_dir)
    other.save_vision(other.vision().model_copy(update={"values": ["Craft", "Candour"]}))
    writes.update_vision(repo, {"statement": seen.statement + " and new"})
    vision = repo.vision()
    assert vision.statement == "Old and new"
    assert vision.values == ["Craft", "Candour"]


def test_a_stale_move_writes_nothing(repo: Repository) -> None:
    repo.save_vision(Vision(values=["A", "B", "C"]))
    before = repo.store.path.read_bytes()
    with pytest.raises(InputError, match="changed meanwhile"):
        writes.move_in_list(repo, "values", 0, 1, "B")
    assert repo.store.path.read_bytes() == before
    writes.move_in_list(repo, "values", 0, 1, "A")
    assert repo.vision().values == ["B", "A", "C"]


def test_a_duplicate_list_entry_is_refused(repo: Repository) -> None:
    repo.save_vision(Vision(values=["Craft"]))
    with pytest.raises(InputError, match="already in the list"):
        writes.append_to_list(repo, "values", "craft")
    assert repo.vision().values == ["Craft"]


def test_deleting_feedback_keeps_the_gap_made_from_it(repo: Repository) -> None:
    repo.feedback.add(Feedback(id="fb_1", quote="Lead with the ask.", kind="gap"))
    gap = gaps.feedback_to_gap(repo, "fb_1")
    assert repo.gaps.get(gap.id).source_feedback_id == "fb_1"
    writes.delete_feedback(repo, "fb_1")
    assert repo.feedback.list() == []
    assert repo.gaps.get(gap.id).source_feedback_id is None
    assert repo.gaps.get(gap.id).title == gap.title


def test_an_obstacle_gap_goes_last_on_the_board(repo: Repository) -> None:
    repo.gaps.add(Gap(title="Existing", rank=7))
    gap = gaps.obstacle_to_gap(repo, "No sponsor")
    assert gap.rank == 8
    with pytest.raises(InputError):
        gaps.obstacle_to_gap(repo, "no sponsor")
    assert len(repo.gaps.list()) == 2


def test_feedback_from_someone_on_the_map_keeps_their_name(repo: Repository) -> None:
    from careertui.domain.models import Stakeholder

    maya = repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    saved = writes.save_feedback(repo, Feedback(quote="Great memo", giver_id=maya.id), new=True)
    assert repo.feedback.get(saved.id).giver_name == "Maya Chen"


def test_guided_priorities_rename_in_place_and_add_after(repo: Repository) -> None:
    first = repo.priorities.add(Priority(title="Revenue", rank=0))
    second = repo.priorities.add(Priority(title="Retention", rank=1))
    writes.save_guided_answer(repo, "priorities", {"priorities": ["Revenue", "", "EMEA"]})
    ranked = repo.career().priorities
    assert [(p.title, p.rank) for p in ranked] == [("Revenue", 0), ("Retention", 1), ("EMEA", 2)]
    assert [p.id for p in ranked[:2]] == [first.id, second.id]
    writes.save_guided_answer(repo, "priorities", {"priorities": ["Net revenue"]})
    assert repo.priorities.get(first.id).title == "Net revenue"


def test_guided_strengths_replace_the_first_three_and_keep_the_rest(repo: Repository) -> None:
    repo.save_vision(Vision(strengths=["A", "B", "C", "D"]))
    writes.save_guided_answer(repo, "strengths", {"strengths": ["X", "", "Z"]})
    assert repo.vision().strengths == ["X", "B", "Z", "D"]


def test_guided_destination_without_a_horizon_keeps_the_one_on_record(repo: Repository) -> None:
    repo.save_vision(Vision(horizon=dt.date(2030, 1, 1)))
    writes.save_guided_answer(repo, "destination", {"target_role": "VP", "horizon": None})
    vision = repo.vision()
    assert (vision.target_role, vision.horizon) == ("VP", dt.date(2030, 1, 1))


def test_guided_profile_is_saved_whole_and_keeps_the_rest_of_the_vision(
    repo: Repository,
) -> None:
    repo.save_vision(Vision(statement="Lead.", profile=Profile(name="Old", team="Core")))
    profile = {"name": "Alex", "title": "PM", "level": "L6", "since": "2024-03-01"}
    writes.save_guided_answer(repo, "profile", {"profile": {**profile, "company": "", "team": ""}})
    vision = repo.vision()
    assert vision.statement == "Lead."
    assert vision.profile == Profile(name="Alex", title="PM", level="L6", since=dt.date(2024, 3, 1))


def test_deleting_a_priority_renumbers_the_rest(repo: Repository) -> None:
    ids = [repo.priorities.add(Priority(title=t, rank=r)).id for r, t in enumerate("abc")]
    writes.delete_priority(repo, ids[0])
    assert [(p.title, p.rank) for p in repo.career().priorities] == [("b", 0), ("c", 1)]


def test_a_scope_item_is_replaced_in_place_and_removed_only_if_unchanged(
    repo: Repository,
) -> None:
    writes.save_scope_item(repo, None, Vision.ScopeItem(responsibility="Pricing"))
    writes.save_scope_item(repo, None, Vision.ScopeItem(responsibility="Hiring", today="out"))
    writes.save_scope_item(repo, 0, Vision.ScopeItem(responsibility="Pricing", today="own"))
    assert [(s.responsibility, s.today) for s in repo.vision().scope] == [
        ("Pricing", "own"),
        ("Hiring", "out"),
    ]
    with pytest.raises(InputError):
        writes.delete_scope_item(repo, 0, "Hiring")
    writes.delete_scope_item(repo, 1, "Hiring")
    assert [s.responsibility for s in repo.vision().scope] == ["Pricing"]
