"""Importing records: merged into the store by id, in one transaction.

A record whose id is new is added. One whose id exists is left alone when it is the same, and
replaced when the imported copy was updated more recently; when the copy here is as new or
newer, it is kept. A record the file gives no ``updated`` time (``undated``) cannot be newer:
when its id exists here, the copy here is kept. A time without a zone is taken as UTC.
Importing the same file twice therefore adds and changes nothing. The wins and check-ins
an import adds or replaces move the last contact of people already here as any other change
does; someone the file itself holds keeps the last contact the file gives them.

The files are read elsewhere (:mod:`careertui.exchange`); this is where their records land.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from careertui.actions.contacts import settle_contacts
from careertui.domain.contacts import Contacts, contacts_of
from careertui.domain.errors import InputError
from careertui.domain.models import (
    FROM_STORE,
    Feedback,
    Gap,
    Goal,
    Interaction,
    Priority,
    Record,
    Stakeholder,
    Thanks,
    Vision,
    Win,
)
from careertui.store.repository import Repository

#: The kinds of record an import can hold, by table, in the order they are merged.
MODELS: dict[str, type[Record]] = {
    model.table: model
    for model in (Vision, Priority, Stakeholder, Feedback, Gap, Interaction, Win, Goal, Thanks)
}
#: Singular nouns for reports and errors.
NOUNS = {
    "vision": "vision",
    "priorities": "priority",
    "stakeholders": "stakeholder",
    "feedback": "feedback note",
    "gaps": "gap",
    "interactions": "check-in",
    "wins": "win",
    "goals": "goal",
    "thanks": "thanks",
}

PLURALS = {
    "vision": "visions",
    "priorities": "priorities",
    "stakeholders": "stakeholders",
    "feedback": "feedback notes",
    "gaps": "gaps",
    "interactions": "check-ins",
    "wins": "wins",
    "goals": "goals",
    "thanks": "thanks",
}


@dataclass
class ImportReport:
    """What an import did, counted by table."""

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    kept_newer: Counter[str] = field(default_factory=Counter)
    #: Records here kept because the file's copy has no ``updated`` time to compare.
    kept_undated: Counter[str] = field(default_factory=Counter)
    #: Text fields of the file that held control characters, removed before the merge.
    cleaned: int = 0

    @property
    def skipped(self) -> int:
        return self.unchanged.total() + self.kept_newer.total() + self.kept_undated.total()

    def lines(self) -> list[str]:
        """Three lines: added, updated, skipped (and why); a fourth when fields were cleaned."""
        reasons = []
        if self.unchanged:
            reasons.append(f"{self.unchanged.total()} already here and the same")
        if self.kept_newer:
            reasons.append(f"{self.kept_newer.total()} newer or as new here, kept")
        if self.kept_undated:
            undated = self.kept_undated.total()
            reasons.append(f"{undated} with no 'updated' time in the file, the copy here kept")
        skipped = f"{self.skipped}" + (f" ({', '.join(reasons)})" if reasons else "")
        lines = [
            f"added:   {_counts(self.added)}",
            f"updated: {_counts(self.updated)}",
            f"skipped: {skipped}",
        ]
        if self.cleaned:
            fields = "field" if self.cleaned == 1 else "fields"
            lines.append(
                f"cleaned: {self.cleaned} {fields} held control characters (ESC, BEL, …); "
                "they were removed"
            )
        return lines


def _counts(counter: Counter[str]) -> str:
    if not counter:
        return "nothing"
    parts = []
    for table in MODELS:
        n = counter.get(table, 0)
        if n:
            parts.append(f"{n} {NOUNS[table] if n == 1 else PLURALS[table]}")
    return ", ".join(parts)


#: Ids a record points at: (field, table it must be found in).
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "wins": (
        ("priority_id", "priorities"),
        ("gap_ids", "gaps"),
        ("stakeholder_ids", "stakeholders"),
    ),
    "gaps": (("stakeholder_ids", "stakeholders"), ("source_feedback_id", "feedback")),
    "feedback": (("giver_id", "stakeholders"),),
    "interactions": (("stakeholder_id", "stakeholders"),),
    "goals": (("gap_ids", "gaps"), ("priority_ids", "priorities")),
    "thanks": (("stakeholder_id", "stakeholders"),),
}


def check_references(
    incoming: Mapping[str, Sequence[Record]], stored: Mapping[str, Mapping[str, Any]], source: str
) -> None:
    """Every id a record points at must be in the import or already in the store."""
    known = {
        table: {r.id for r in incoming.get(table, ())} | set(stored.get(table, {}))
        for table in MODELS
    }
    for table, links in REFERENCES.items():
        for record in incoming.get(table, ()):
            for name, target in links:
                value = getattr(record, name)
                ids = value if isinstance(value, list) else [value] if value else []
                for ref in ids:
                    if ref not in known[target]:
                        raise InputError(
                            f"{source}: {NOUNS[table]} {record.id!r}: {name}: no "
                            f"{NOUNS[target]} with id {ref!r} in the file or in the store; "
                            "nothing was imported"
                        )


def _utc(moment: dt.datetime) -> dt.datetime:
    """``moment``, a time without a zone taken as UTC, so any two compare."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)


_TIMESTAMPS = {"created", "updated"}


def merge(
    repo: Repository,
    incoming: Mapping[str, Sequence[Record]],
    source: str,
    *,
    undated: Set[tuple[str, str]] = frozenset(),
) -> ImportReport:
    """Merge ``incoming`` (records by table) into ``repo`` in one transaction.

    ``undated`` names the records, as (table, id), whose source gave no ``updated`` time: they
    are added when new and never replace a record here.
    """
    report = ImportReport()
    with repo.transaction():
        stored = repo.tables()
        check_references(incoming, stored, source)
        changes: dict[str, list[Record]] = {}
        for table, model in MODELS.items():
            current = stored.get(table, {})
            for record in incoming.get(table, ()):
                doc = current.get(record.id)
                if doc is None:
                    report.added[table] += 1
                    changes.setdefault(table, []).append(record)
                    continue
                try:
                    here = model.model_validate(doc, context=FROM_STORE)
                except ValidationError:  # the store's own copy is damaged: the import repairs it
                    here = None
                # an undated copy's timestamps were made up on reading: compare the rest
                ignored = _TIMESTAMPS if (table, record.id) in undated else None
                if here is not None and here.model_dump(
                    mode="json", exclude=ignored
                ) == record.model_dump(mode="json", exclude=ignored):
                    report.unchanged[table] += 1
                elif here is not None and ignored:
                    report.kept_undated[table] += 1
                elif here is None or _utc(record.updated) > _utc(here.updated):
                    report.updated[table] += 1
                    changes.setdefault(table, []).append(record)
                else:
                    report.kept_newer[table] += 1
        before: Contacts = {}
        for table, records in changes.items():
            if table in (Win.table, Interaction.table):
                _gather(before, (_stored(MODELS[table], stored, table, r.id) for r in records))
            repo.collection(MODELS[table]).put_all(records)
        after: Contacts = {}
        for table in (Win.table, Interaction.table):
            _gather(after, changes.get(table, ()))
        # someone the file itself holds keeps the last contact the file gives them
        theirs = {person.id for person in incoming.get(Stakeholder.table, ())}
        settle_contacts(
            repo,
            {k: v for k, v in before.items() if k not in theirs},
            {k: v for k, v in after.items() if k not in theirs},
        )
    return report


def add_records(repo: Repository, records: Mapping[str, Sequence[Record]]) -> None:
    """Store records made together and consistent by their maker (the demo career) as they
    are, in one transaction."""
    with repo.transaction():
        for table, model in MODELS.items():
            if records.get(table):
                repo.collection(model).put_all(records[table])


def _stored(
    model: type[Record], stored: Mapping[str, Mapping[str, Any]], table: str, record_id: str
) -> Record | None:
    doc = stored.get(table, {}).get(record_id)
    if doc is None:
        return None
    try:
        return model.model_validate(doc, context=FROM_STORE)
    except ValidationError:
        return None


def _gather(contacts: Contacts, records: Iterable[Record | None]) -> None:
    for record in records:
        for stakeholder_id, days in contacts_of(record).items():
            contacts.setdefault(stakeholder_id, set()).update(days)
