"""Thanks said to those who helped, and whom a win was shared with ("told")."""

from __future__ import annotations

import datetime as dt

from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.models import Thanks, Told, Win
from careertui.store.repository import RecordNotFound, Repository


def say_thanks(
    repo: Repository, stakeholder_id: str, win_id: str | None = None, on: dt.date | None = None
) -> Thanks:
    """Record a thank-you to the stakeholder (for ``win_id``, if given)."""
    with repo.transaction():
        if repo.stakeholders.get(stakeholder_id) is None:
            raise RecordNotFound(f"no stakeholder with id {stakeholder_id}")
        if win_id is not None and repo.wins.get(win_id) is None:
            raise RecordNotFound(f"no win with id {win_id}")
        return repo.thanks.add(
            Thanks(stakeholder_id=stakeholder_id, win_id=win_id, date=on or today())
        )


def delete_thanks(repo: Repository, thanks_id: str) -> None:
    """Take back a thanks recorded by mistake."""
    repo.thanks.delete(thanks_id)


def tell_win(repo: Repository, win_id: str, stakeholder_id: str, on: dt.date | None = None) -> Win:
    """Record that the win was shared with the stakeholder on ``on`` (today); telling them
    again the same day changes nothing."""
    from careertui.actions.wins import update_win

    day = on or today()
    if day > today():
        raise InputError(f"you cannot have told them on {day.isoformat()}: it is in the future")
    with repo.transaction():
        win = repo.wins.get(win_id)
        if win is None:
            raise RecordNotFound(f"no win with id {win_id}")
        if repo.stakeholders.get(stakeholder_id) is None:
            raise RecordNotFound(f"no stakeholder with id {stakeholder_id}")
        if any(t.stakeholder_id == stakeholder_id and t.date == day for t in win.told):
            return win
        told = [*win.told, Told(stakeholder_id=stakeholder_id, date=day)]
        return update_win(repo, win.model_copy(update={"told": told}))


def forget_person(repo: Repository, stakeholder_id: str) -> None:
    """Remove a deleted stakeholder's thanks and the record of wins shared with them. (Called
    by the stakeholder delete, in its transaction.)"""
    from careertui.actions.wins import update_win

    for note in repo.thanks.list():
        if note.stakeholder_id == stakeholder_id:
            repo.thanks.delete(note.id)
    for win in repo.wins.list():
        kept = [t for t in win.told if t.stakeholder_id != stakeholder_id]
        if len(kept) != len(win.told):
            update_win(repo, win.model_copy(update={"told": kept}))
