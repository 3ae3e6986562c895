"""Add, edit and delete a stakeholder; check in with one.

A stakeholder's last contact is never a field written over the record: it is what the
check-ins and wins say (:mod:`careertui.actions.contacts`). A last contact typed in the form
is recorded as a check-in that day.
"""

from __future__ import annotations

from careertui.actions.contacts import (
    add_contact_record,
    contact_by_hand,
    delete_contact_record,
    edit_contact_record,
)
from careertui.actions.recognition import forget_person
from careertui.actions.wins import update_win
from careertui.domain.models import Interaction, Stakeholder
from careertui.store.references import References
from careertui.store.repository import RecordNotFound, Repository


def add_stakeholder(repo: Repository, person: Stakeholder) -> Stakeholder:
    """Add someone; a last contact typed for them is recorded as a check-in that day."""
    with repo.transaction():
        added = repo.stakeholders.add(person.model_copy(update={"last_contact": None}))
        if person.last_contact is None:
            return added
        return contact_by_hand(repo, added.id, person.last_contact)


def edit_stakeholder(repo: Repository, original: Stakeholder, edited: Stakeholder) -> Stakeholder:
    """The stakeholder form's save: only what the user changed, onto the person as on file
    now (may raise ``ConflictingEdit``); a last contact the user changed is recorded as a
    check-in that day."""
    with repo.transaction():
        kept = edited.model_copy(update={"last_contact": original.last_contact})
        saved = repo.stakeholders.save_changes(original, kept)
        if edited.last_contact == original.last_contact:
            return saved
        return contact_by_hand(repo, saved.id, edited.last_contact)


def delete_stakeholder(repo: Repository, stakeholder_id: str) -> References:
    """Delete the stakeholder and unlink every record that names them, in one transaction.

    Wins and gaps drop the id, feedback keeps the quote and the giver's name as plain text,
    and their check-in log goes with them. Returns what was unlinked; raises
    :class:`RecordNotFound` (nothing written) when there is no such stakeholder.
    """
    with repo.transaction():
        person = repo.stakeholders.get(stakeholder_id)
        if person is None:
            raise RecordNotFound(f"no stakeholder with id {stakeholder_id}")
        # First, so unlinking their wins and check-ins has no last contact of theirs to move.
        repo.stakeholders.delete(stakeholder_id)
        forget_person(repo, stakeholder_id)
        wins = gaps = feedback = check_ins = 0
        for win in repo.wins.list():
            if stakeholder_id in win.stakeholder_ids:
                kept = [s for s in win.stakeholder_ids if s != stakeholder_id]
                update_win(repo, win.model_copy(update={"stakeholder_ids": kept}))
                wins += 1
        for gap in repo.gaps.list():
            if stakeholder_id in gap.stakeholder_ids:
                kept = [s for s in gap.stakeholder_ids if s != stakeholder_id]
                repo.gaps.update(gap.model_copy(update={"stakeholder_ids": kept}))
                gaps += 1
        for note in repo.feedback.list():
            if note.giver_id == stakeholder_id:
                named = note.giver_name or person.name
                repo.feedback.update(
                    note.model_copy(update={"giver_id": None, "giver_name": named})
                )
                feedback += 1
        for interaction in repo.interactions.list():
            if interaction.stakeholder_id == stakeholder_id:
                repo.interactions.delete(interaction.id)
                check_ins += 1
    return References(wins=wins, gaps=gaps, feedback=feedback, check_ins=check_ins)


def check_in(repo: Repository, interaction: Interaction) -> Interaction:
    """Record a check-in and move the stakeholder's last contact to its date."""
    with repo.transaction():
        if repo.stakeholders.get(interaction.stakeholder_id) is None:
            raise RecordNotFound(f"no stakeholder with id {interaction.stakeholder_id}")
        add_contact_record(repo, interaction)
    return interaction


def edit_check_in(repo: Repository, original: Interaction, edited: Interaction) -> Interaction:
    """Save what the user changed in a check-in; a new date moves the last contact."""
    saved = edit_contact_record(repo, original, edited)
    assert isinstance(saved, Interaction)
    return saved


def delete_check_in(repo: Repository, interaction_id: str) -> Interaction:
    """Delete the check-in and return it; the last contact moves back if it set it."""
    with repo.transaction():
        interaction = repo.interactions.get(interaction_id)
        if interaction is None:
            raise RecordNotFound("that check-in was deleted elsewhere")
        delete_contact_record(repo, interaction)
    return interaction
