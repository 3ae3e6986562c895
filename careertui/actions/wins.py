"""Log, edit, star, delete and undo a win.

Every win added, changed or removed settles its people's last contact
(:mod:`careertui.actions.contacts`). ``careertui win`` takes the lean path of
:func:`append_win` (no models built), which keeps the same rules.
"""

from __future__ import annotations

from careertui.actions.contacts import (
    add_contact_record,
    delete_contact_record,
    edit_contact_record,
    update_contact_record,
)
from careertui.domain.errors import InputError
from careertui.domain.models import Win
from careertui.store.repository import RecordNotFound, Repository

#: The shortest id prefix the shell accepts for a win.
SHORTEST_ID_PREFIX = 4


def log_win(repo: Repository, win: Win) -> Win:
    """Add ``win``; the stakeholders involved count it as contact on its date."""
    added = add_contact_record(repo, win)
    assert isinstance(added, Win)
    return added


def edit_win(repo: Repository, original: Win, edited: Win) -> Win:
    """Save what the user changed (``original`` → ``edited``) onto the win as it is on file
    now (:meth:`~careertui.store.repository.Collection.save_changes`: a change made elsewhere
    to another field stays; the same field changed elsewhere raises ``ConflictingEdit``). A
    new date or new people move the last contact of everyone involved, before and after."""
    saved = edit_contact_record(repo, original, edited)
    assert isinstance(saved, Win)
    return saved


def toggle_star(repo: Repository, win_id: str) -> Win:
    """Star the win, or take its star away, as it is on file now."""
    with repo.transaction():
        win = _stored(repo, win_id)
        return repo.wins.update(win.model_copy(update={"starred": not win.starred}))


def delete_win(repo: Repository, win_id: str) -> Win:
    """Delete the win and return it (for undo); its people's last contact moves back if it
    set it."""
    with repo.transaction():
        win = _stored(repo, win_id)
        delete_contact_record(repo, win)
    return win


def restore_win(repo: Repository, win: Win) -> Win:
    """Put back a deleted win (undo): logged again, with the people still on the map."""
    with repo.transaction():
        people = [s for s in win.stakeholder_ids if repo.stakeholders.get(s) is not None]
        return log_win(repo, win.model_copy(update={"stakeholder_ids": people}))


def find_win(repo: Repository, id_prefix: str) -> Win:
    """The win whose id starts with ``id_prefix`` (as ``careertui wins`` shows it); one clear
    error when there is none or more than one."""
    typed = id_prefix.strip()
    if len(typed) < SHORTEST_ID_PREFIX:
        raise InputError(f"a win id needs at least {SHORTEST_ID_PREFIX} characters: {typed!r}")
    docs = repo.tables().get(Win.table, {})
    found = sorted(key for key in docs if key.startswith(typed))
    if not found:
        raise InputError(f"no win with id {typed!r} (careertui wins shows the ids)")
    if len(found) > 1:
        raise InputError(f"{len(found)} wins have ids starting with {typed!r}: type more of it")
    return _stored(repo, found[0])


def update_win(repo: Repository, win: Win) -> Win:
    """Save ``win`` over the stored one as it is (imports, cascades); contacts follow."""
    saved = update_contact_record(repo, win)
    assert isinstance(saved, Win)
    return saved


def _stored(repo: Repository, win_id: str) -> Win:
    win = repo.wins.get(win_id)
    if win is None:
        raise RecordNotFound("that win was deleted elsewhere")
    return win
