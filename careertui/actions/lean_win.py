"""Log a win from the shell without building a model: the lean path of ``careertui win``.

Pydantic, TinyDB and filelock cost most of the command's time at the size of a real journal,
so this action works on the stored documents: it takes the store's lock and the file as
careertui last wrote and checked it (:func:`careertui.store.lean.lean_write`), links the
priority, gaps and people the user named (matched as the full path matches them), moves their
last contact forward and saves (:func:`careertui.store.lean.save_tables`). A store it cannot
handle this way is handed over, untouched, to :func:`careertui.actions.wins.log_win`.

The win's fields are checked before, by :func:`careertui.domain.win_record.new_win`, against
the same declaration of each field's rules the models are built from
(:mod:`careertui.domain.fields`); ``tests/unit/test_lean_win.py`` compares the two paths'
files byte for byte. Importing this module loads neither pydantic nor Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from careertui.domain.clock import now
from careertui.domain.errors import InputError
from careertui.domain.fields import normal_text
from careertui.domain.matching import competencies_named, find_one
from careertui.domain.text import neutralise
from careertui.domain.win_record import canonical_id, canonical_stakeholder, stamp
from careertui.store.lean import LOCK_TIMEOUT, HandOver, LeanTables, lean_write, save_tables

#: What :func:`append_win` returns when the full path must do the work. Nothing was written.
HAND_OVER = None

WINS = "wins"
PRIORITIES = "priorities"
GAPS = "gaps"
STAKEHOLDERS = "stakeholders"


def _table(tables: LeanTables, name: str, name_field: str) -> list[dict[str, Any]]:
    """The documents of a table the user's words are looked up in, if every one is keyed by
    its own id and named by a string, as careertui writes them."""
    docs = []
    for key, doc in tables.get(name, {}).items():
        if not canonical_id(doc.get("id")) or doc["id"] != key:
            raise HandOver
        if not isinstance(doc.get(name_field), str):
            raise HandOver
        docs.append(doc)
    return docs


def _named(docs: list[dict[str, Any]], typed: str, name_field: str, kind: str) -> str:
    """The id of the record ``typed`` names, matched against its name as the model reads it."""
    found = find_one(
        docs, typed, lambda d: neutralise(normal_text(d[name_field])), kind, ident=lambda d: d["id"]
    )
    return found["id"]


def _links(
    tables: LeanTables,
    priority: str | None,
    gaps: Sequence[str],
    people: Sequence[str],
    told: Sequence[str] = (),
    told_on: str = "",
) -> dict[str, Any]:
    """The ids the user's words name, looked up as ``careertui win``'s full path does."""
    links: dict[str, Any] = {}
    if priority:
        in_force = [d for d in _table(tables, PRIORITIES, "title") if d.get("until") is None]
        links["priority_id"] = _named(in_force, priority, "title", "priority")
    if gaps:
        docs = _table(tables, GAPS, "title")
        links["gap_ids"] = [_named(docs, g, "title", "gap") for g in gaps]
    if people:
        docs = _table(tables, STAKEHOLDERS, "name")
        ids = [_named(docs, n, "name", "stakeholder") for n in people]
        links["stakeholder_ids"] = list(dict.fromkeys(ids))
    if told:
        docs = _table(tables, STAKEHOLDERS, "name")
        ids = [_named(docs, n, "name", "stakeholder") for n in told]
        links["told"] = [{"stakeholder_id": i, "date": told_on} for i in dict.fromkeys(ids)]
    return links


def _competencies(tables: LeanTables, typed: Sequence[str]) -> list[str]:
    """The ladder's competencies ``--competency`` names, looked up in the stored vision as the
    full path looks them up in the model (a ladder not as careertui writes it: the full path)."""
    vision = tables.get("vision", {}).get("vision")
    ladder = vision.get("ladder") if isinstance(vision, dict) else None
    known: list[str] = []
    if ladder is not None:
        items = ladder.get("competencies") if isinstance(ladder, dict) else None
        if not isinstance(items, list):
            raise HandOver
        for item in items:
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str) or neutralise(normal_text(name)) != name:
                raise HandOver
            known.append(name)
    try:
        return competencies_named(known, list(typed))
    except InputError as exc:
        raise InputError(f"--competency: {exc}") from exc


def _contacted(tables: LeanTables, stakeholder_ids: Sequence[str], on: str) -> None:
    """Move the last contact of each stakeholder to ``on`` where it is earlier or unset (and
    ``updated`` with it).

    This is the "contact added" case of the one rule,
    :func:`careertui.domain.contacts.settled_contact`, which the full path applies when it logs
    a win; that module imports the models, so the step is written out here. A new win only
    ever adds a contact, so no other win or check-in needs reading. Both dates are written as
    careertui writes them (``YYYY-MM-DD``), so they compare as text."""
    for stakeholder_id in stakeholder_ids:
        doc = tables[STAKEHOLDERS][stakeholder_id]
        if not canonical_stakeholder(doc):
            raise HandOver
        last = doc["last_contact"]
        if last is None or last < on:
            doc["last_contact"] = on
            doc["updated"] = stamp(now())


def append_win(
    data_dir: Path,
    doc: dict[str, Any],
    *,
    priority: str | None = None,
    gaps: Sequence[str] = (),
    people: Sequence[str] = (),
    told: Sequence[str] = (),
    told_on: str = "",
    competencies: Sequence[str] = (),
    lock_timeout: float = LOCK_TIMEOUT,
) -> dict[str, Any] | None:
    """Store the new win ``doc`` (from :func:`careertui.domain.win_record.new_win`), linked to
    the priority, gaps and stakeholders the user named, and to those it was told to on
    ``told_on`` (``YYYY-MM-DD``), and return the stored document.

    Returns :data:`HAND_OVER` (None), having written nothing, when the store needs the full
    path (:func:`careertui.actions.wins.log_win`). Raises InputError for a name that matches
    nothing, StoreBusy when the lock is held too long and StoreError when the write fails,
    each with the full path's message.
    """
    try:
        with lean_write(Path(data_dir), lock_timeout) as file:
            tables = file.tables
            stored = {**doc, **_links(tables, priority, gaps, people, told, told_on)}
            if competencies:
                stored["competencies"] = _competencies(tables, competencies)
            tables.add(WINS, stored["id"], stored)  # StoreError if the id is taken
            _contacted(tables, stored["stakeholder_ids"], stored["date"])
            save_tables(data_dir, file)
    except HandOver:
        return HAND_OVER
    return stored
