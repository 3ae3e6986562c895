"""A stakeholder's last contact is what the record says: the latest check-in or win with them.

Deleting, undoing, or editing the date or the people of a win or a check-in moves it, in the
same write; so do the overdue figures that follow from it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.actions.contacts import CONTACT_BY_HAND
from careertui.actions.people import (
    add_stakeholder,
    check_in,
    delete_check_in,
    delete_stakeholder,
    edit_check_in,
    edit_stakeholder,
)
from careertui.actions.wins import delete_win, edit_win, log_win, restore_win
from careertui.domain.cadence import days_overdue
from careertui.domain.errors import InputError
from careertui.domain.models import Interaction, Stakeholder, Win
from careertui.store.repository import Repository

TODAY = dt.date(2026, 11, 23)


def day(n: int) -> dt.date:
    """``n`` days before today."""
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def maya(repo: Repository) -> Stakeholder:
    """Maya: a check-in 10 days ago and a win 5 days ago, both logged as the app logs them."""
    person = repo.stakeholders.add(Stakeholder(name="Maya Chen", cadence_days=7))
    check_in(repo, Interaction(stakeholder_id=person.id, date=day(10), note="1:1"))
    log_win(repo, Win(id="win_old", title="Pricing memo", date=day(5), stakeholder_ids=[person.id]))
    return person


def last(repo: Repository, person: Stakeholder) -> dt.date | None:
    stored = repo.stakeholders.get(person.id)
    assert stored is not None
    return stored.last_contact


def test_deleting_the_latest_win_moves_last_contact_back(repo: Repository, maya) -> None:
    latest = log_win(repo, Win(title="Met Maya", date=day(1), stakeholder_ids=[maya.id]))
    assert last(repo, maya) == day(1)
    assert days_overdue(repo.stakeholders.get(maya.id), TODAY) is None

    delete_win(repo, latest.id)

    assert last(repo, maya) == day(5)
    delete_win(repo, "win_old")
    assert last(repo, maya) == day(10)  # the check-in is all that is left
    assert days_overdue(repo.stakeholders.get(maya.id), TODAY) == 3  # and she is overdue again


def test_deleting_an_older_win_leaves_last_contact(repo: Repository, maya) -> None:
    log_win(repo, Win(title="Met Maya", date=day(1), stakeholder_ids=[maya.id]))
    delete_win(repo, "win_old")
    assert last(repo, maya) == day(1)


def test_undo_puts_the_win_and_the_last_contact_back(repo: Repository, maya) -> None:
    latest = log_win(repo, Win(title="Met Maya", date=day(1), stakeholder_ids=[maya.id]))
    deleted = delete_win(repo, latest.id)
    assert last(repo, maya) == day(5)
    restore_win(repo, deleted)
    assert last(repo, maya) == day(1)
    assert repo.wins.get(latest.id) is not None


def test_undo_of_a_win_whose_person_was_deleted_meanwhile_restores_it_unlinked(
    repo: Repository, maya
) -> None:
    deleted = delete_win(repo, "win_old")
    delete_stakeholder(repo, maya.id)
    restored = restore_win(repo, deleted)
    assert restored.stakeholder_ids == [] and repo.wins.get("win_old") is not None


def test_moving_a_win_earlier_moves_last_contact_back(repo: Repository, maya) -> None:
    win = repo.wins.get("win_old")
    edit_win(repo, win, win.model_copy(update={"date": day(20)}))
    assert last(repo, maya) == day(10)


def test_moving_a_win_later_moves_last_contact_forward(repo: Repository, maya) -> None:
    win = repo.wins.get("win_old")
    edit_win(repo, win, win.model_copy(update={"date": day(2)}))
    assert last(repo, maya) == day(2)


def test_taking_someone_off_a_win_moves_their_last_contact_and_adding_someone_moves_theirs(
    repo: Repository, maya
) -> None:
    sam = repo.stakeholders.add(Stakeholder(name="Sam Ortiz"))
    win = repo.wins.get("win_old")
    edit_win(repo, win, win.model_copy(update={"stakeholder_ids": [sam.id]}))
    assert last(repo, maya) == day(10)
    assert last(repo, sam) == day(5)


def test_deleting_or_moving_a_check_in_moves_last_contact(repo: Repository) -> None:
    tom = repo.stakeholders.add(Stakeholder(name="Tom Becker", cadence_days=14))
    old = check_in(repo, Interaction(stakeholder_id=tom.id, date=day(30)))
    new = check_in(repo, Interaction(stakeholder_id=tom.id, date=day(3)))
    assert last(repo, tom) == day(3)

    edit_check_in(repo, new, new.model_copy(update={"date": day(40)}))
    assert last(repo, tom) == day(30)
    delete_check_in(repo, old.id)
    assert last(repo, tom) == day(40)
    delete_check_in(repo, new.id)
    assert last(repo, tom) is None  # nothing on record: never contacted


def test_a_last_contact_kept_from_before_stays_until_a_contact_at_or_after_it_goes(
    repo: Repository,
) -> None:
    """A date stored by an older version (typed by hand, imported) has no record behind it:
    deleting an older win does not lose it."""
    lee = repo.stakeholders.add(Stakeholder(name="Lee Park", last_contact=day(2)))
    win = log_win(repo, Win(title="Old", date=day(30), stakeholder_ids=[lee.id]))
    delete_win(repo, win.id)
    assert last(repo, lee) == day(2)


def test_a_last_contact_typed_in_the_form_is_a_check_in_and_survives_a_later_win_deleted(
    repo: Repository, maya
) -> None:
    seen = repo.stakeholders.get(maya.id)
    saved = edit_stakeholder(repo, seen, seen.model_copy(update={"last_contact": day(3)}))
    assert saved.last_contact == day(3)
    typed = [i for i in repo.interactions.list() if i.note == CONTACT_BY_HAND]
    assert [(i.stakeholder_id, i.date) for i in typed] == [(maya.id, day(3))]

    latest = log_win(repo, Win(title="Met Maya", date=day(1), stakeholder_ids=[maya.id]))
    delete_win(repo, latest.id)
    assert last(repo, maya) == day(3)


def test_a_new_person_with_a_last_contact_gets_it_as_a_check_in(repo: Repository) -> None:
    person = add_stakeholder(repo, Stakeholder(name="Nina", last_contact=day(4)))
    assert last(repo, person) == day(4)
    assert [i.date for i in repo.interactions.list()] == [day(4)]
    bare = add_stakeholder(repo, Stakeholder(name="Omar"))
    assert last(repo, bare) is None and len(repo.interactions.list()) == 1


def test_a_typed_last_contact_earlier_than_the_record_is_refused(repo: Repository, maya) -> None:
    seen = repo.stakeholders.get(maya.id)  # last contact 2026-11-18, as the form shows it
    before = repo.store.path.read_bytes()
    for typed in (day(8), None):
        with pytest.raises(InputError, match="latest check-in or win is on 2026-11-18"):
            edit_stakeholder(repo, seen, seen.model_copy(update={"last_contact": typed}))
    assert repo.store.path.read_bytes() == before


def test_the_cli_win_then_a_delete_in_the_app_moves_last_contact_back(
    cli, repo: Repository, maya
) -> None:
    result = cli("win", "Met Maya", "--with", "Maya", "--date", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert last(repo, maya) == day(1)
    win = next(w for w in repo.wins.list() if w.title == "Met Maya")
    delete_win(repo, win.id)
    assert last(repo, maya) == day(5)


def test_deleting_a_person_touches_nobody_elses_last_contact(repo: Repository, maya) -> None:
    sam = repo.stakeholders.add(Stakeholder(name="Sam Ortiz"))
    log_win(repo, Win(title="Both", date=day(2), stakeholder_ids=[maya.id, sam.id]))
    delete_stakeholder(repo, maya.id)
    assert last(repo, sam) == day(2)
    assert repo.stakeholders.get(maya.id) is None
