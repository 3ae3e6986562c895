"""The journal's writes on a real store: log, edit, star, delete, undo and find a win.

Each is read back through a second repository on the same directory (what another process,
or the next run of careertui, would see); a refused write leaves the data file byte for byte
as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careertui.actions.people import delete_stakeholder
from careertui.actions.wins import (
    SHORTEST_ID_PREFIX,
    delete_win,
    edit_win,
    find_win,
    log_win,
    restore_win,
    toggle_star,
    update_win,
)
from careertui.domain.errors import InputError
from careertui.domain.models import Stakeholder, Win
from careertui.store.repository import ConflictingEdit, RecordNotFound, Repository
from tests.conftest import TODAY

DAY = dt.date.fromisoformat(TODAY)


def day(n: int) -> dt.date:
    """``n`` days before today."""
    return DAY - dt.timedelta(days=n)


def on_file(data_dir: Path) -> Repository:
    """The store as the next process reads it."""
    return Repository.at(data_dir)


def stored_win(data_dir: Path, win_id: str) -> Win:
    win = on_file(data_dir).wins.get(win_id)
    assert win is not None, f"{win_id} is not on file"
    return win


def last_contact(data_dir: Path, person: Stakeholder) -> dt.date | None:
    stored = on_file(data_dir).stakeholders.get(person.id)
    assert stored is not None
    return stored.last_contact


@pytest.fixture
def maya(repo: Repository) -> Stakeholder:
    """Someone on the map with nothing on record yet."""
    return repo.stakeholders.add(Stakeholder(name="Maya Chen", cadence_days=7))


# -- log_win ---------------------------------------------------------------------------------


def test_log_win_stores_the_win_and_moves_last_contact(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    logged = log_win(
        repo, Win(title="Shipped pricing", date=day(2), impact="+4% ARR", stakeholder_ids=[maya.id])
    )

    stored = stored_win(data_dir, logged.id)
    assert (stored.title, stored.date, stored.impact) == ("Shipped pricing", day(2), "+4% ARR")
    assert stored.stakeholder_ids == [maya.id]
    assert last_contact(data_dir, maya) == day(2)


def test_log_win_never_moves_last_contact_back(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    log_win(repo, Win(title="Recent", date=day(1), stakeholder_ids=[maya.id]))
    log_win(repo, Win(title="Backfilled", date=day(40), stakeholder_ids=[maya.id]))
    assert last_contact(data_dir, maya) == day(1)


def test_log_win_with_someone_deleted_meanwhile_writes_nothing(
    repo: Repository, maya: Stakeholder
) -> None:
    delete_stakeholder(repo, maya.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match=maya.id):
        log_win(repo, Win(title="With Maya", stakeholder_ids=[maya.id]))
    assert repo.store.path.read_bytes() == before


# -- edit_win --------------------------------------------------------------------------------


def test_edit_win_saves_the_change_and_keeps_another_made_elsewhere(
    repo: Repository, data_dir: Path
) -> None:
    opened = log_win(repo, Win(title="Draft title", body="First notes"))
    toggle_star(on_file(data_dir), opened.id)  # starred in another window meanwhile

    saved = edit_win(repo, opened, opened.model_copy(update={"title": "Final title"}))

    stored = stored_win(data_dir, opened.id)
    assert saved == stored
    assert (stored.title, stored.body, stored.starred) == ("Final title", "First notes", True)


def test_edit_win_moves_the_last_contact_of_people_before_and_after(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    sam = repo.stakeholders.add(Stakeholder(name="Sam Ortiz"))
    opened = log_win(repo, Win(title="Offsite", date=day(3), stakeholder_ids=[maya.id]))

    edit_win(repo, opened, opened.model_copy(update={"stakeholder_ids": [sam.id], "date": day(6)}))

    assert last_contact(data_dir, maya) is None  # nothing else on record with her
    assert last_contact(data_dir, sam) == day(6)


def test_edit_win_on_the_field_changed_elsewhere_is_a_conflict_and_writes_nothing(
    repo: Repository, data_dir: Path
) -> None:
    opened = log_win(repo, Win(title="Draft title"))
    elsewhere = on_file(data_dir)
    edit_win(elsewhere, opened, opened.model_copy(update={"title": "Their title"}))
    before = repo.store.path.read_bytes()

    with pytest.raises(ConflictingEdit) as caught:
        edit_win(repo, opened, opened.model_copy(update={"title": "My title"}))

    assert caught.value.conflicts == {"title": ("My title", "Their title")}
    assert repo.store.path.read_bytes() == before
    assert stored_win(data_dir, opened.id).title == "Their title"


def test_edit_win_deleted_meanwhile_is_not_brought_back(repo: Repository, data_dir: Path) -> None:
    opened = log_win(repo, Win(title="Gone soon"))
    delete_win(on_file(data_dir), opened.id)
    before = repo.store.path.read_bytes()

    with pytest.raises(RecordNotFound):
        edit_win(repo, opened, opened.model_copy(update={"title": "Edited"}))

    assert repo.store.path.read_bytes() == before
    assert on_file(data_dir).wins.get(opened.id) is None


def test_edit_win_naming_someone_deleted_meanwhile_writes_nothing(
    repo: Repository, maya: Stakeholder
) -> None:
    opened = log_win(repo, Win(title="Offsite"))
    delete_stakeholder(repo, maya.id)  # deleted while the form was open
    before = repo.store.path.read_bytes()

    with pytest.raises(RecordNotFound, match=maya.id):
        edit_win(repo, opened, opened.model_copy(update={"stakeholder_ids": [maya.id]}))

    assert repo.store.path.read_bytes() == before


def test_edit_win_that_already_names_someone_gone_can_still_be_redated(
    repo: Repository, data_dir: Path
) -> None:
    """An id left by an older version or a hand edit is no reason to refuse a new date."""
    with repo.transaction():  # as an older version left it: no unlinking on delete
        opened = repo.wins.add(Win(title="Offsite", date=day(9), stakeholder_ids=["stk_gone"]))
    edit_win(repo, opened, opened.model_copy(update={"date": day(3)}))
    assert stored_win(data_dir, opened.id).date == day(3)


# -- toggle_star -----------------------------------------------------------------------------


def test_toggle_star_stars_and_unstars_the_win_on_file(repo: Repository, data_dir: Path) -> None:
    win = log_win(repo, Win(title="Keynote"))
    assert toggle_star(repo, win.id).starred is True
    assert stored_win(data_dir, win.id).starred is True
    assert toggle_star(repo, win.id).starred is False
    assert stored_win(data_dir, win.id).starred is False


def test_toggle_star_works_from_the_win_as_it_is_now(repo: Repository, data_dir: Path) -> None:
    seen = log_win(repo, Win(title="Keynote"))
    toggle_star(on_file(data_dir), seen.id)  # starred elsewhere: the app still shows no star
    assert toggle_star(repo, seen.id).starred is False  # so this takes it away, not adds again


def test_toggle_star_of_a_deleted_win_writes_nothing(repo: Repository) -> None:
    win = log_win(repo, Win(title="Keynote"))
    delete_win(repo, win.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match="deleted elsewhere"):
        toggle_star(repo, win.id)
    assert repo.store.path.read_bytes() == before


# -- delete_win and restore_win --------------------------------------------------------------


def test_delete_win_removes_it_and_returns_it_for_undo(repo: Repository, data_dir: Path) -> None:
    win = log_win(repo, Win(title="Hiring plan", impact="3 hires", starred=True))
    deleted = delete_win(repo, win.id)
    assert on_file(data_dir).wins.list() == []
    assert (deleted.id, deleted.title, deleted.impact, deleted.starred) == (
        win.id,
        "Hiring plan",
        "3 hires",
        True,
    )


def test_delete_win_moves_last_contact_back_and_restore_puts_it_forward(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    log_win(repo, Win(title="Older", date=day(9), stakeholder_ids=[maya.id]))
    latest = log_win(repo, Win(title="Latest", date=day(1), stakeholder_ids=[maya.id]))

    deleted = delete_win(repo, latest.id)
    assert last_contact(data_dir, maya) == day(9)

    restored = restore_win(repo, deleted)
    assert restored.id == latest.id
    assert stored_win(data_dir, latest.id).title == "Latest"
    assert last_contact(data_dir, maya) == day(1)


def test_delete_win_twice_writes_nothing_the_second_time(repo: Repository) -> None:
    win = log_win(repo, Win(title="Once"))
    delete_win(repo, win.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        delete_win(repo, win.id)
    assert repo.store.path.read_bytes() == before


def test_restore_win_drops_only_the_people_deleted_meanwhile(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    sam = repo.stakeholders.add(Stakeholder(name="Sam Ortiz"))
    win = log_win(repo, Win(title="Both", date=day(4), stakeholder_ids=[maya.id, sam.id]))
    deleted = delete_win(repo, win.id)
    delete_stakeholder(repo, maya.id)

    restore_win(repo, deleted)

    assert stored_win(data_dir, win.id).stakeholder_ids == [sam.id]
    assert last_contact(data_dir, sam) == day(4)


# -- find_win --------------------------------------------------------------------------------


@pytest.fixture
def three_wins(repo: Repository) -> dict[str, Win]:
    """Wins whose ids share prefixes, as ``careertui wins`` would list them."""
    made = [
        log_win(repo, Win(id=win_id, title=title))
        for win_id, title in (
            ("win_abc123", "Pricing"),
            ("win_abd456", "Hiring"),
            ("win_xyz789", "Offsite"),
        )
    ]
    return {w.title: w for w in made}


def test_find_win_by_a_unique_prefix(repo: Repository, three_wins: dict[str, Win]) -> None:
    assert find_win(repo, "win_x").title == "Offsite"
    assert find_win(repo, "  win_abc ").title == "Pricing"  # as pasted, with spaces
    assert find_win(repo, "win_abd456").title == "Hiring"  # the whole id


def test_find_win_by_an_ambiguous_prefix_says_how_many(
    repo: Repository, three_wins: dict[str, Win]
) -> None:
    with pytest.raises(InputError, match="2 wins have ids starting with 'win_ab'"):
        find_win(repo, "win_ab")


def test_find_win_by_an_unknown_prefix_points_at_the_list(
    repo: Repository, three_wins: dict[str, Win]
) -> None:
    with pytest.raises(InputError, match="no win with id 'win_zzz'.*careertui wins"):
        find_win(repo, "win_zzz")


def test_find_win_needs_a_few_characters(repo: Repository, three_wins: dict[str, Win]) -> None:
    short = "win_"[: SHORTEST_ID_PREFIX - 1]
    with pytest.raises(InputError, match=f"at least {SHORTEST_ID_PREFIX} characters"):
        find_win(repo, short)
    with pytest.raises(InputError, match="at least"):
        find_win(repo, "   w  ")  # spaces do not count
    assert len(find_win(repo, "win_x").id) > SHORTEST_ID_PREFIX


# -- update_win (imports and cascades) -------------------------------------------------------


def test_update_win_saves_it_whole_and_contacts_follow(
    repo: Repository, data_dir: Path, maya: Stakeholder
) -> None:
    win = log_win(repo, Win(title="Board deck", date=day(2), stakeholder_ids=[maya.id]))
    update_win(repo, win.model_copy(update={"title": "Board deck v2", "stakeholder_ids": []}))
    stored = stored_win(data_dir, win.id)
    assert (stored.title, stored.stakeholder_ids) == ("Board deck v2", [])
    assert last_contact(data_dir, maya) is None


def test_update_win_of_a_deleted_win_writes_nothing(repo: Repository) -> None:
    win = log_win(repo, Win(title="Gone"))
    delete_win(repo, win.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        update_win(repo, win.model_copy(update={"title": "Back?"}))
    assert repo.store.path.read_bytes() == before
