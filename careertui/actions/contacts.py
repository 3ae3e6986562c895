"""A stakeholder's last contact is what the record says: the latest check-in or win with them.

Every action that adds, changes or removes a win or a check-in settles the last contact of
the people it involved, before and after, in the same transaction
(:func:`~careertui.domain.contacts.settled_contact` is the rule).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from careertui.domain.contacts import Contacts, contacts_of, settled_contact
from careertui.domain.errors import InputError
from careertui.domain.models import Interaction, Stakeholder, Win
from careertui.store.repository import Collection, RecordNotFound, Repository

#: The note of the check-in that records a last contact typed in the stakeholder form.
CONTACT_BY_HAND = "Last contact set in the stakeholder form"

ContactRecord = Win | Interaction


def latest_contact(repo: Repository, stakeholder_id: str) -> dt.date | None:
    """The day of the latest check-in or win on record with the stakeholder, if any.

    Read from the stored documents (dates as careertui writes them), so no win is validated
    again."""
    tables = repo.tables()
    days = [
        doc.get("date")
        for doc in tables.get(Win.table, {}).values()
        if stakeholder_id in (doc.get("stakeholder_ids") or ())
    ]
    days += [
        doc.get("date")
        for doc in tables.get(Interaction.table, {}).values()
        if doc.get("stakeholder_id") == stakeholder_id
    ]
    return max((dt.date.fromisoformat(d) for d in days if isinstance(d, str)), default=None)


def settle_contacts(
    repo: Repository, before: Contacts, after: Contacts, *, strict: bool = False
) -> None:
    """Move the last contact of everyone whose contacts changed from ``before`` to ``after``.

    Someone no longer on the map is passed over, or with ``strict``, a new contact with them
    is refused (:class:`RecordNotFound`)."""
    for stakeholder_id in sorted(before.keys() | after.keys()):
        was, now = before.get(stakeholder_id, set()), after.get(stakeholder_id, set())
        removed, added = was - now, now - was
        if not (removed or added):
            continue
        person = repo.stakeholders.get(stakeholder_id)
        if person is None:
            if strict and added:
                raise RecordNotFound(f"no stakeholder with id {stakeholder_id}")
            continue
        last = settled_contact(
            person.last_contact,
            removed,
            added,
            functools.partial(latest_contact, repo, stakeholder_id),
        )
        if last != person.last_contact:
            repo.stakeholders.update(person.model_copy(update={"last_contact": last}))


def add_contact_record(repo: Repository, record: ContactRecord) -> ContactRecord:
    """Add a win or a check-in; the people it involves count it as contact on its date."""
    with repo.transaction():
        _collection(repo, record).add(record)
        settle_contacts(repo, {}, contacts_of(record), strict=True)
    return record


def update_contact_record(repo: Repository, record: ContactRecord) -> ContactRecord:
    """Save a win or a check-in over the stored one; its people's last contact follows."""
    with repo.transaction():
        collection = _collection(repo, record)
        before = collection.get(record.id)
        saved = collection.update(record)
        settle_contacts(repo, contacts_of(before), contacts_of(saved))
    return saved


def edit_contact_record(
    repo: Repository, original: ContactRecord, edited: ContactRecord
) -> ContactRecord:
    """A form's save of a win or a check-in: what the user changed, onto the record as it is
    on file now (``save_changes``: may raise ``ConflictingEdit``); a new date or new people
    move the last contact of everyone involved, before and after."""
    with repo.transaction():
        collection = _collection(repo, original)
        before = collection.get(original.id)
        saved = collection.save_changes(original, edited)
        was, now = contacts_of(before), contacts_of(saved)
        for stakeholder_id in sorted(now.keys() - was.keys()):
            if repo.stakeholders.get(stakeholder_id) is None:  # deleted while the form was open
                raise RecordNotFound(
                    f"the stakeholder {stakeholder_id} was deleted meanwhile; nothing was saved"
                )
        settle_contacts(repo, was, now)
    return saved


def delete_contact_record(repo: Repository, record: ContactRecord) -> None:
    """Delete a win or a check-in; a last contact it set moves back."""
    with repo.transaction():
        collection = _collection(repo, record)
        before = collection.get(record.id)
        collection.delete(record.id)
        settle_contacts(repo, contacts_of(before), {})


def contact_by_hand(repo: Repository, stakeholder_id: str, day: dt.date | None) -> Stakeholder:
    """A last contact typed in the stakeholder form: on record as a check-in on ``day``
    (unless one or a win is on that day already); earlier than what is on record, or empty
    while something is, it is refused."""
    person = repo.stakeholders.get(stakeholder_id)
    if person is None:
        raise RecordNotFound(f"no stakeholder with id {stakeholder_id}")
    latest = latest_contact(repo, stakeholder_id)
    if latest is not None and (day is None or day < latest):
        raise InputError(
            f"last contact: {person.name}'s latest check-in or win is on "
            f"{latest.isoformat()}; it cannot be earlier (delete or edit that one to move "
            "it back)"
        )
    if day is not None and day != latest:
        repo.interactions.add(
            Interaction(stakeholder_id=stakeholder_id, date=day, note=CONTACT_BY_HAND)
        )
    if person.last_contact == day:
        return person
    return repo.stakeholders.update(person.model_copy(update={"last_contact": day}))


def _collection(repo: Repository, record: ContactRecord) -> Collection[Any]:
    return repo.wins if isinstance(record, Win) else repo.interactions
