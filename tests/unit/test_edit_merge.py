"""Saving a form writes only the fields the user changed, onto the record as it is on file now;
a field changed in both places is a ConflictingEdit, and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.actions.vision import edit_vision
from careertui.domain.models import Gap, Stakeholder, Stance, Vision
from careertui.store.repository import ConflictingEdit, RecordNotFound, Repository

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def maya(repo: Repository) -> Stakeholder:
    return repo.stakeholders.add(
        Stakeholder(name="Maya Chen", title="Director", last_contact=dt.date(2026, 11, 1))
    )


def elsewhere(repo: Repository) -> Repository:
    """A second repository on the same directory: another process."""
    return Repository.at(repo.store.data_dir)


def test_a_form_save_keeps_a_change_made_elsewhere_to_another_field(
    repo: Repository, maya: Stakeholder
) -> None:
    other = elsewhere(repo)
    other.stakeholders.save_changes(maya, maya.model_copy(update={"stance": Stance.CHAMPION}))

    saved = repo.stakeholders.save_changes(maya, maya.model_copy(update={"title": "VP Product"}))

    stored = repo.stakeholders.get(maya.id)
    assert saved == stored
    assert (stored.title, stored.stance.value) == ("VP Product", "champion")
    assert stored.last_contact == dt.date(2026, 11, 1)


def test_a_field_changed_in_both_places_is_a_conflict_and_nothing_is_written(
    repo: Repository, maya: Stakeholder
) -> None:
    elsewhere(repo).stakeholders.save_changes(maya, maya.model_copy(update={"title": "CPO"}))
    before = repo.store.path.read_bytes()

    with pytest.raises(ConflictingEdit) as caught:
        repo.stakeholders.save_changes(
            maya, maya.model_copy(update={"title": "VP Product", "influence": 5})
        )

    assert caught.value.conflicts == {"title": ("VP Product", "CPO")}
    assert caught.value.current.title == "CPO"
    assert "changed elsewhere" in str(caught.value)
    assert repo.store.path.read_bytes() == before


def test_the_same_change_in_both_places_is_no_conflict(repo: Repository, maya) -> None:
    elsewhere(repo).stakeholders.save_changes(maya, maya.model_copy(update={"title": "CPO"}))
    saved = repo.stakeholders.save_changes(
        maya, maya.model_copy(update={"title": "CPO", "influence": 5})
    )
    assert (saved.title, saved.influence) == ("CPO", 5)


def test_saving_an_untouched_form_writes_nothing(repo: Repository, maya) -> None:
    before = repo.store.path.read_bytes()
    assert repo.stakeholders.save_changes(maya, maya.model_copy()) == maya
    assert repo.store.path.read_bytes() == before


def test_a_record_deleted_meanwhile_is_not_brought_back(repo: Repository, maya) -> None:
    elsewhere(repo).stakeholders.delete(maya.id)
    with pytest.raises(RecordNotFound, match="deleted elsewhere"):
        repo.stakeholders.save_changes(maya, maya.model_copy(update={"title": "VP"}))
    assert repo.stakeholders.list() == []


def test_a_gap_keeps_the_place_it_was_moved_to_meanwhile(repo: Repository) -> None:
    gap = repo.gaps.add(Gap(title="Executive presence", rank=0))
    elsewhere(repo).gaps.save_changes(gap, gap.model_copy(update={"rank": 4}))
    saved = repo.gaps.save_changes(gap, gap.model_copy(update={"why": "the board asked"}))
    assert (saved.rank, saved.why) == (4, "the board asked")


def test_the_vision_merges_the_same_way(repo: Repository) -> None:
    seen = repo.save_vision(Vision(statement="Lead product", values=["Write it down"]))
    edit_vision(elsewhere(repo), seen, seen.model_copy(update={"values": ["Ship weekly"]}))

    saved = edit_vision(repo, seen, seen.model_copy(update={"statement": "Lead a platform"}))
    assert (saved.statement, saved.values) == ("Lead a platform", ["Ship weekly"])

    with pytest.raises(ConflictingEdit) as caught:
        edit_vision(repo, seen, seen.model_copy(update={"values": ["Grow people"]}))
    assert caught.value.conflicts == {"values": (["Grow people"], ["Ship weekly"])}
