"""A stakeholder's last contact is what the record says: the building blocks the win and
check-in actions share, each on a real store and read back from the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careertui.actions.contacts import (
    CONTACT_BY_HAND,
    add_contact_record,
    contact_by_hand,
    delete_contact_record,
    edit_contact_record,
    latest_contact,
    settle_contacts,
    update_contact_record,
)
from careertui.domain.errors import InputError
from careertui.domain.models import Interaction, Stakeholder, Win
from careertui.store.repository import ConflictingEdit, RecordNotFound, Repository
from tests.conftest import TODAY

DAY = dt.date.fromisoformat(TODAY)


def day(n: int) -> dt.date:
    """``n`` days before today."""
    return DAY - dt.timedelta(days=n)


def last_on_file(data_dir: Path, person: Stakeholder) -> dt.date | None:
    stored = Repository.at(data_dir).stakeholders.get(person.id)
    assert stored is not None
    return stored.last_contact


@pytest.fixture
def maya(repo: Repository) -> Stakeholder:
    return repo.stakeholders.add(Stakeholder(name="Maya Chen"))


@pytest.fixture
def sam(repo: Repository) -> Stakeholder:
    return repo.stakeholders.add(Stakeholder(name="Sam Ortiz"))


# -- latest_contact --------------------------------------------------------------------------


def test_latest_contact_is_the_latest_win_or_check_in_with_them(
    repo: Repository, maya: Stakeholder, sam: Stakeholder
) -> None:
    assert latest_contact(repo, maya.id) is None
    add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(12)))
    add_contact_record(repo, Win(title="Pricing", date=day(7), stakeholder_ids=[maya.id]))
    add_contact_record(repo, Win(title="Sam only", date=day(1), stakeholder_ids=[sam.id]))
    assert latest_contact(repo, maya.id) == day(7)
    add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(3)))
    assert latest_contact(repo, maya.id) == day(3)
    assert latest_contact(repo, sam.id) == day(1)


# -- settle_contacts -------------------------------------------------------------------------


def test_settle_contacts_moves_forward_on_an_added_contact(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    settle_contacts(repo, {}, {maya.id: {day(4)}})
    assert last_on_file(data_dir, maya) == day(4)
    settle_contacts(repo, {}, {maya.id: {day(9)}})
    assert last_on_file(data_dir, maya) == day(4)  # never back on an addition


def test_settle_contacts_falls_back_to_the_record_when_the_latest_goes(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(20)))
    settle_contacts(repo, {}, {maya.id: {day(2)}})  # a contact with nothing on record behind it
    assert last_on_file(data_dir, maya) == day(2)
    settle_contacts(repo, {maya.id: {day(2)}}, {})
    assert last_on_file(data_dir, maya) == day(20)


def test_settle_contacts_passes_over_someone_gone_unless_strict(
    repo: Repository, maya: Stakeholder
) -> None:
    before = repo.store.path.read_bytes()
    settle_contacts(repo, {}, {"stk_gone": {day(1)}})
    assert repo.store.path.read_bytes() == before
    with pytest.raises(RecordNotFound, match="stk_gone"):
        settle_contacts(repo, {}, {"stk_gone": {day(1)}}, strict=True)
    settle_contacts(repo, {"stk_gone": {day(1)}}, {}, strict=True)  # only an addition is refused
    assert repo.store.path.read_bytes() == before


# -- add / update / edit / delete a contact record -------------------------------------------


def test_add_contact_record_files_a_check_in_and_a_win_in_their_tables(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    talk = add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(5), note="1:1"))
    win = add_contact_record(repo, Win(title="Memo", date=day(3), stakeholder_ids=[maya.id]))
    on_file = Repository.at(data_dir)
    assert [i.id for i in on_file.interactions.list()] == [talk.id]
    assert [w.id for w in on_file.wins.list()] == [win.id]
    assert last_on_file(data_dir, maya) == day(3)


def test_add_contact_record_for_someone_gone_writes_nothing(repo: Repository) -> None:
    repo.stakeholders.add(Stakeholder(name="Placeholder"))  # so the file exists
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        add_contact_record(repo, Interaction(stakeholder_id="stk_gone", date=day(1)))
    assert repo.store.path.read_bytes() == before


def test_update_contact_record_moves_the_person_with_the_record(
    repo: Repository, data_dir: Path, maya: Stakeholder, sam: Stakeholder
) -> None:
    talk = add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(5)))
    assert isinstance(talk, Interaction)
    update_contact_record(repo, talk.model_copy(update={"stakeholder_id": sam.id}))
    assert last_on_file(data_dir, maya) is None
    assert last_on_file(data_dir, sam) == day(5)


def test_edit_contact_record_merges_and_settles(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    talk = add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(5), note="a"))
    saved = edit_contact_record(repo, talk, talk.model_copy(update={"date": day(1)}))
    assert isinstance(saved, Interaction) and saved.date == day(1)
    assert last_on_file(data_dir, maya) == day(1)


def test_edit_contact_record_conflict_writes_nothing(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    talk = add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(5)))
    edit_contact_record(Repository.at(data_dir), talk, talk.model_copy(update={"date": day(2)}))
    before = repo.store.path.read_bytes()
    with pytest.raises(ConflictingEdit):
        edit_contact_record(repo, talk, talk.model_copy(update={"date": day(1)}))
    assert repo.store.path.read_bytes() == before
    assert last_on_file(data_dir, maya) == day(2)


def test_delete_contact_record_moves_last_contact_back(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    add_contact_record(repo, Interaction(stakeholder_id=maya.id, date=day(9)))
    win = add_contact_record(repo, Win(title="Memo", date=day(3), stakeholder_ids=[maya.id]))
    delete_contact_record(repo, win)
    assert Repository.at(data_dir).wins.list() == []
    assert last_on_file(data_dir, maya) == day(9)


# -- contact_by_hand -------------------------------------------------------------------------


def test_contact_by_hand_records_a_check_in_on_that_day(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    add_contact_record(repo, Win(title="Memo", date=day(6), stakeholder_ids=[maya.id]))
    person = contact_by_hand(repo, maya.id, day(2))
    assert person.last_contact == day(2) == last_on_file(data_dir, maya)
    typed = [(i.date, i.note) for i in Repository.at(data_dir).interactions.list()]
    assert typed == [(day(2), CONTACT_BY_HAND)]


def test_contact_by_hand_on_the_day_on_record_adds_no_second_check_in(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    add_contact_record(repo, Win(title="Memo", date=day(6), stakeholder_ids=[maya.id]))
    before = repo.store.path.read_bytes()
    contact_by_hand(repo, maya.id, day(6))
    assert repo.store.path.read_bytes() == before  # already so: nothing to write
    assert Repository.at(data_dir).interactions.list() == []


@pytest.mark.parametrize("typed", [day(8), None], ids=["earlier", "emptied"])
def test_contact_by_hand_earlier_than_the_record_is_refused(
    repo: Repository, maya: Stakeholder, typed: dt.date | None
) -> None:
    add_contact_record(repo, Win(title="Memo", date=day(6), stakeholder_ids=[maya.id]))
    before = repo.store.path.read_bytes()
    with pytest.raises(InputError, match=f"latest check-in or win is on {day(6).isoformat()}"):
        contact_by_hand(repo, maya.id, typed)
    assert repo.store.path.read_bytes() == before


def test_contact_by_hand_may_empty_a_date_with_nothing_on_record_behind_it(
    repo: Repository, data_dir: Path
) -> None:
    lee = repo.stakeholders.add(Stakeholder(name="Lee Park", last_contact=day(30)))
    assert contact_by_hand(repo, lee.id, None).last_contact is None
    assert last_on_file(data_dir, lee) is None
    assert Repository.at(data_dir).interactions.list() == []


def test_contact_by_hand_for_someone_gone_is_refused(repo: Repository, maya: Stakeholder) -> None:
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match="stk_gone"):
        contact_by_hand(repo, "stk_gone", day(1))
    assert repo.store.path.read_bytes() == before
