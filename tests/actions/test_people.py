"""The stakeholder map's writes on a real store: add, edit and delete someone; check in.

Read back through a second repository on the same directory; a refused write leaves the data
file byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
from careertui.actions.wins import log_win
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Gap, Interaction, Stakeholder, Stance, Win
from careertui.store.references import References
from careertui.store.repository import ConflictingEdit, RecordNotFound, Repository
from tests.conftest import TODAY

DAY = dt.date.fromisoformat(TODAY)


def day(n: int) -> dt.date:
    """``n`` days before today."""
    return DAY - dt.timedelta(days=n)


def on_file(data_dir: Path) -> Repository:
    """The store as the next process reads it."""
    return Repository.at(data_dir)


def person_on_file(data_dir: Path, person_id: str) -> Stakeholder:
    found = on_file(data_dir).stakeholders.get(person_id)
    assert found is not None, f"{person_id} is not on file"
    return found


def check_ins_on_file(data_dir: Path) -> list[tuple[str, dt.date, str]]:
    return sorted((i.stakeholder_id, i.date, i.note) for i in on_file(data_dir).interactions.list())


# -- add_stakeholder -------------------------------------------------------------------------


def test_add_stakeholder_stores_them_as_typed(repo: Repository, data_dir: Path) -> None:
    added = add_stakeholder(
        repo, Stakeholder(name="Maya Chen", title="VP Product", cadence_days=14, influence=5)
    )
    stored = person_on_file(data_dir, added.id)
    assert (stored.name, stored.title, stored.cadence_days, stored.influence) == (
        "Maya Chen",
        "VP Product",
        14,
        5,
    )
    assert stored.last_contact is None
    assert check_ins_on_file(data_dir) == []


def test_add_stakeholder_with_a_typed_last_contact_records_a_check_in(
    repo: Repository, data_dir: Path
) -> None:
    added = add_stakeholder(repo, Stakeholder(name="Nina Patel", last_contact=day(6)))
    assert added.last_contact == day(6)
    assert person_on_file(data_dir, added.id).last_contact == day(6)
    assert check_ins_on_file(data_dir) == [(added.id, day(6), CONTACT_BY_HAND)]


# -- edit_stakeholder ------------------------------------------------------------------------


@pytest.fixture
def maya(repo: Repository) -> Stakeholder:
    """Maya, with a check-in ten days ago, as the form would open her."""
    person = add_stakeholder(repo, Stakeholder(name="Maya Chen", title="Director"))
    check_in(repo, Interaction(stakeholder_id=person.id, date=day(10), note="1:1"))
    found = repo.stakeholders.get(person.id)
    assert found is not None
    return found


def test_edit_stakeholder_saves_the_change_and_keeps_one_made_elsewhere(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    edit_stakeholder(on_file(data_dir), maya, maya.model_copy(update={"stance": Stance.CHAMPION}))
    saved = edit_stakeholder(repo, maya, maya.model_copy(update={"title": "VP Product"}))
    stored = person_on_file(data_dir, maya.id)
    assert saved == stored
    assert (stored.title, stored.stance, stored.last_contact) == (
        "VP Product",
        Stance.CHAMPION,
        day(10),
    )


def test_edit_stakeholder_with_a_later_typed_last_contact_records_a_check_in(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    edit_stakeholder(repo, maya, maya.model_copy(update={"last_contact": day(2)}))
    assert person_on_file(data_dir, maya.id).last_contact == day(2)
    assert check_ins_on_file(data_dir) == [
        (maya.id, day(10), "1:1"),
        (maya.id, day(2), CONTACT_BY_HAND),
    ]


def test_edit_stakeholder_leaving_last_contact_alone_records_no_check_in(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    edit_stakeholder(repo, maya, maya.model_copy(update={"cadence_days": 30}))
    assert check_ins_on_file(data_dir) == [(maya.id, day(10), "1:1")]


def test_edit_stakeholder_with_an_earlier_typed_last_contact_writes_nothing_at_all(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    before = repo.store.path.read_bytes()
    with pytest.raises(InputError, match="cannot be earlier"):
        edit_stakeholder(
            repo, maya, maya.model_copy(update={"title": "VP", "last_contact": day(20)})
        )
    assert repo.store.path.read_bytes() == before
    assert person_on_file(data_dir, maya.id).title == "Director"  # not half saved


def test_edit_stakeholder_on_the_field_changed_elsewhere_is_a_conflict(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    edit_stakeholder(on_file(data_dir), maya, maya.model_copy(update={"title": "CPO"}))
    before = repo.store.path.read_bytes()
    with pytest.raises(ConflictingEdit) as caught:
        edit_stakeholder(repo, maya, maya.model_copy(update={"title": "VP Product"}))
    assert caught.value.conflicts == {"title": ("VP Product", "CPO")}
    assert repo.store.path.read_bytes() == before


def test_edit_stakeholder_deleted_meanwhile_is_not_brought_back(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    delete_stakeholder(on_file(data_dir), maya.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        edit_stakeholder(repo, maya, maya.model_copy(update={"title": "VP Product"}))
    assert repo.store.path.read_bytes() == before
    assert on_file(data_dir).stakeholders.get(maya.id) is None


# -- delete_stakeholder ----------------------------------------------------------------------


def test_delete_stakeholder_unlinks_everything_that_names_them(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    sam = add_stakeholder(repo, Stakeholder(name="Sam Ortiz"))
    both = log_win(repo, Win(title="Both", date=day(3), stakeholder_ids=[maya.id, sam.id]))
    with repo.transaction():
        gap = repo.gaps.add(Gap(title="Exec presence", stakeholder_ids=[maya.id, sam.id]))
        note = repo.feedback.add(Feedback(quote="Lead with the ask", giver_id=maya.id))
    check_in(repo, Interaction(stakeholder_id=sam.id, date=day(8), note="coffee"))

    unlinked = delete_stakeholder(repo, maya.id)

    assert unlinked == References(wins=1, gaps=1, feedback=1, check_ins=1)
    after = on_file(data_dir)
    assert after.stakeholders.get(maya.id) is None
    assert [(w.id, w.stakeholder_ids) for w in after.wins.list()] == [(both.id, [sam.id])]
    assert [(g.id, g.stakeholder_ids) for g in after.gaps.list()] == [(gap.id, [sam.id])]
    kept_note = after.feedback.get(note.id)
    assert kept_note is not None
    assert (kept_note.quote, kept_note.giver_id, kept_note.giver_name) == (
        "Lead with the ask",
        None,
        "Maya Chen",
    )
    assert check_ins_on_file(data_dir) == [(sam.id, day(8), "coffee")]
    assert person_on_file(data_dir, sam.id).last_contact == day(3)  # untouched


def test_delete_stakeholder_unknown_writes_nothing(repo: Repository, maya: Stakeholder) -> None:
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match="stk_nobody"):
        delete_stakeholder(repo, "stk_nobody")
    assert repo.store.path.read_bytes() == before


# -- check_in, edit_check_in, delete_check_in ------------------------------------------------


def test_check_in_stores_it_and_moves_last_contact_forward_only(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    recent = check_in(repo, Interaction(stakeholder_id=maya.id, date=day(1), note="walk"))
    check_in(repo, Interaction(stakeholder_id=maya.id, date=day(30), note="backfilled"))
    stored = on_file(data_dir).interactions.get(recent.id)
    assert stored is not None and (stored.date, stored.note) == (day(1), "walk")
    assert person_on_file(data_dir, maya.id).last_contact == day(1)


def test_check_in_with_someone_deleted_meanwhile_writes_nothing(
    repo: Repository, maya: Stakeholder
) -> None:
    delete_stakeholder(repo, maya.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match=maya.id):
        check_in(repo, Interaction(stakeholder_id=maya.id, note="1:1"))
    assert repo.store.path.read_bytes() == before


def test_edit_check_in_saves_the_note_and_a_new_date_moves_last_contact(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    opened = check_in(repo, Interaction(stakeholder_id=maya.id, date=day(2), note="1:1"))
    assert person_on_file(data_dir, maya.id).last_contact == day(2)

    edit_check_in(repo, opened, opened.model_copy(update={"date": day(15), "note": "skip-level"}))

    stored = on_file(data_dir).interactions.get(opened.id)
    assert stored is not None and (stored.date, stored.note) == (day(15), "skip-level")
    assert person_on_file(data_dir, maya.id).last_contact == day(10)  # the fixture's check-in


def test_edit_check_in_on_the_field_changed_elsewhere_is_a_conflict(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    opened = check_in(repo, Interaction(stakeholder_id=maya.id, date=day(2), note="1:1"))
    edit_check_in(on_file(data_dir), opened, opened.model_copy(update={"note": "theirs"}))
    before = repo.store.path.read_bytes()
    with pytest.raises(ConflictingEdit) as caught:
        edit_check_in(repo, opened, opened.model_copy(update={"note": "mine"}))
    assert caught.value.conflicts == {"note": ("mine", "theirs")}
    assert repo.store.path.read_bytes() == before


def test_edit_check_in_deleted_meanwhile_writes_nothing(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    opened = check_in(repo, Interaction(stakeholder_id=maya.id, date=day(2), note="1:1"))
    delete_check_in(on_file(data_dir), opened.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        edit_check_in(repo, opened, opened.model_copy(update={"note": "edited"}))
    assert repo.store.path.read_bytes() == before


def test_delete_check_in_returns_it_and_moves_last_contact_back(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    latest = check_in(repo, Interaction(stakeholder_id=maya.id, date=day(1), note="walk"))
    deleted = delete_check_in(repo, latest.id)
    assert (deleted.id, deleted.note) == (latest.id, "walk")
    assert on_file(data_dir).interactions.get(latest.id) is None
    assert person_on_file(data_dir, maya.id).last_contact == day(10)


def test_delete_check_in_deleted_meanwhile_writes_nothing(
    repo: Repository, maya: Stakeholder
) -> None:
    latest = check_in(repo, Interaction(stakeholder_id=maya.id, date=day(1)))
    delete_check_in(repo, latest.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match="deleted elsewhere"):
        delete_check_in(repo, latest.id)
    assert repo.store.path.read_bytes() == before
