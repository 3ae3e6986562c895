"""Who a record counts as contact with, and the one rule for a stakeholder's last contact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from careertui.domain.models import Interaction, Record, Win

#: A record's contacts: the stakeholders it involves and the day (wins and check-ins).
Contacts = dict[str, set[dt.date]]


def contacts_of(record: Record | None) -> Contacts:
    """Who ``record`` counts as contact with, and on which day: a win's people, a check-in's
    person; nothing for any other record."""
    if isinstance(record, Win):
        return {sid: {record.date} for sid in record.stakeholder_ids}
    if isinstance(record, Interaction):
        return {record.stakeholder_id: {record.date}}
    return {}


def settled_contact(
    stored: dt.date | None,
    removed: set[dt.date],
    added: set[dt.date],
    recorded: Callable[[], dt.date | None],
) -> dt.date | None:
    """A stakeholder's last contact after their contacts changed: the one rule.

    A contact added moves it forward (never back). A contact removed, moved or unlinked on or
    after it, the contact that set it may be gone: it becomes the latest check-in or win still
    on record (``recorded()``, read after the change). Anything else leaves it as it is, so a
    date kept from before this rule (typed in an older version, imported) stays until a
    contact at or after it goes. The lean ``careertui win`` (:mod:`careertui.actions.lean_win`)
    only ever adds, and does the first case on the stored document.
    """
    if removed and (stored is None or max(removed) >= stored):
        return recorded()
    return max([d for d in (stored, *added) if d is not None], default=None)
