"""The typed repository: the one way the CLI, the app, the exchanges and the tests reach data.

``repo.wins.add(win)`` runs in a transaction of its own; several changes that belong together
go in one::

    with repo.transaction():
        repo.wins.add(win)
        repo.stakeholders.update(person)
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

import orjson
from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from careertui.domain.clock import now
from careertui.domain.errors import InputError, describe
from careertui.domain.models import (
    FROM_STORE,
    TRUSTED,
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
from careertui.domain.settings import Settings
from careertui.store.collector import collector_paused
from careertui.store.database import Store
from careertui.store.errors import StoreError, UnreadableStore
from careertui.store.files import Tables

R = TypeVar("R", bound=Record)
T = TypeVar("T")

SETTINGS_TABLE = "settings"


class RecordNotFound(StoreError):
    pass


class ConflictingEdit(StoreError):
    """A form's save met a change made elsewhere meanwhile to a field the user changed too.

    ``conflicts`` maps each such field to ``(mine, theirs)``: the value typed in the form and
    the value on file now. ``current`` is the record as it is on file now. Nothing was written.
    """

    def __init__(self, current: Record, conflicts: dict[str, tuple[Any, Any]]) -> None:
        self.current = current
        self.conflicts = conflicts
        named = ", ".join(name.replace("_", " ") for name in conflicts)
        super().__init__(
            f"this {type(current).__name__.lower()} was changed elsewhere while you edited it "
            f"({named}); choose which to keep"
        )


#: What a form never changes: who the record is and when it was written.
_STAMPS = frozenset({"id", "created", "updated"})


def edited_fields(original: Record, edited: Record) -> set[str]:
    """The fields of ``edited`` that differ from ``original`` (stamps aside)."""
    was, now_ = original.model_dump(mode="json"), edited.model_dump(mode="json")
    return {
        name
        for name in type(edited).model_fields
        if name not in _STAMPS and was.get(name) != now_.get(name)
    }


def merged_edit(original: R, edited: R, current: R) -> R:
    """``current`` with the fields the user changed (``original`` → ``edited``) taken from
    ``edited``; raises :class:`ConflictingEdit` if one of them was also changed, to something
    else, on file (``original`` → ``current``)."""
    changed = edited_fields(original, edited)
    was, mine, theirs = (r.model_dump(mode="json") for r in (original, edited, current))
    conflicts = {
        name: (getattr(edited, name), getattr(current, name))
        for name in sorted(changed)
        if theirs.get(name) != was.get(name) and theirs.get(name) != mine.get(name)
    }
    if conflicts:
        raise ConflictingEdit(current, conflicts)
    data = current.model_dump()
    data.update({name: getattr(edited, name) for name in changed})
    try:
        return type(current).model_validate(data)
    except ValidationError as exc:  # e.g. a level changed elsewhere no longer fits yours
        raise InputError(f"with the changes made elsewhere, {describe(exc)}") from exc


def _key(record_id: str) -> int:
    """A record's id as a TinyDB document id: TinyDB's types say ``int``, but careertui's
    tables key their documents by the records' own string ids (the store's
    ``document_id_class`` is ``str``)."""
    return record_id  # type: ignore[return-value]


def load_record(model: type[R], doc: dict[str, Any], path: Path, *, as_written: bool = False) -> R:
    """The stored ``doc`` as a record; its text is taken as stored, control characters shown
    as U+FFFD (:data:`~careertui.domain.models.FROM_STORE`), so nothing read from the file can
    drive a terminal. ``as_written``: careertui vouches for the file's text as it writes it
    (normal, no control characters), so the text rules are not run again
    (:data:`~careertui.domain.models.TRUSTED`)."""
    try:
        return model.model_validate(doc, context=TRUSTED if as_written else FROM_STORE)
    except ValidationError as exc:
        key = doc.get("id", "?")
        raise UnreadableStore(path, f"record {key!r} in {model.table!r}: {describe(exc)}") from exc


class Collection(Generic[R]):
    """Add, update, delete, get and list the records of one kind.

    Storage only: what a change means for other records (a last contact, a cascade) is the
    business of :mod:`careertui.actions`, the one place that calls these writes.
    """

    def __init__(self, repo: Repository, model: type[R]) -> None:
        self._repo = repo
        self.model = model

    def add(self, record: R) -> R:
        def op(db: TinyDB) -> R:
            table = db.table(self.model.table)
            if table.contains(doc_id=_key(record.id)):
                raise StoreError(f"a {self.model.__name__.lower()} with id {record.id} exists")
            table.insert(Document(record.model_dump(mode="json"), doc_id=_key(record.id)))
            return record

        return self._repo.run(op)

    def update(self, record: R) -> R:
        """Save ``record`` over the stored one with the same id; ``updated`` is set to now.

        The record is validated again, so a ``model_copy(update=...)`` cannot store bad data.
        """
        record = self.model.model_validate({**record.model_dump(warnings=False), "updated": now()})
        data = record.model_dump(mode="json")

        def replace(doc: MutableMapping[str, Any]) -> None:
            doc.clear()
            doc.update(data)

        def op(db: TinyDB) -> R:
            if not db.table(self.model.table).update(replace, doc_ids=[_key(record.id)]):
                raise RecordNotFound(f"no {self.model.__name__.lower()} with id {record.id}")
            return record

        return self._repo.run(op)

    def save_changes(self, original: R, edited: R) -> R:
        """Save what a form changed: the fields that differ between ``original`` (the record
        as the form opened it) and ``edited``, applied onto the record as it is on file now,
        in one transaction; a change made elsewhere meanwhile to any other field is kept.

        Raises :class:`ConflictingEdit` (nothing written) when a field the user changed was
        also changed on file, to something else; :class:`RecordNotFound` when the record was
        deleted meanwhile. Returns the record as saved.
        """
        with self._repo.transaction():
            current = self.get(original.id)
            if current is None:
                raise RecordNotFound(
                    f"this {self.model.__name__.lower()} was deleted elsewhere; nothing was saved"
                )
            merged = merged_edit(original, edited, current)
            if not edited_fields(current, merged):
                return current  # nothing to write
            return self.update(merged)

    def delete(self, record_id: str) -> None:
        def op(db: TinyDB) -> None:
            table = db.table(self.model.table)
            if not table.contains(doc_id=_key(record_id)):
                raise RecordNotFound(f"no {self.model.__name__.lower()} with id {record_id}")
            table.remove(doc_ids=[_key(record_id)])

        self._repo.run(op)

    def put_all(self, records: Sequence[R]) -> None:
        """Store ``records`` as they are (timestamps included), replacing any with the same
        ids: one removal and one bulk insert, as TinyDB rewrites a table's index on every
        call (a record at a time would make a large import quadratic)."""

        def op(db: TinyDB) -> None:
            table = db.table(self.model.table)
            ids = [r.id for r in records]
            table.remove(doc_ids=[_key(i) for i in ids if table.contains(doc_id=_key(i))])
            table.insert_multiple(
                Document(r.model_dump(mode="json"), doc_id=_key(r.id)) for r in records
            )

        self._repo.run(op)

    def get(self, record_id: str) -> R | None:
        doc = self._repo.tables().get(self.model.table, {}).get(record_id)
        return None if doc is None else load_record(self.model, doc, self._repo.store.path)

    def list(self) -> list[R]:
        docs = self._repo.tables().get(self.model.table, {}).values()
        return [load_record(self.model, doc, self._repo.store.path) for doc in docs]


@dataclass
class Career:
    """Everything on record, read at one moment: what the app and the exports work from."""

    vision: Vision
    priorities: list[Priority] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    stakeholders: list[Stakeholder] = field(default_factory=list)
    wins: list[Win] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    read_only: bool = False
    #: The app's preferences (theme, gap order, …) from the same read.
    settings: Settings = field(default_factory=Settings)
    #: Interim goals, by due date.
    goals: list[Goal] = field(default_factory=list)
    #: Thanks said, newest first.
    thanks: list[Thanks] = field(default_factory=list)
    #: Priorities no longer in force, the most recently ended first (``priorities`` holds the
    #: ones in force); wins keep their links to them.
    archived_priorities: list[Priority] = field(default_factory=list)

    def with_win(self, win: Win) -> Career:
        """This career with ``win`` among the wins, in its place: how it reads once the win is
        stored (the app shows it while the write is under way)."""
        if not self.wins or win_order(win) >= win_order(self.wins[0]):  # the usual: the newest
            return replace(self, wins=[win, *self.wins])
        return replace(self, wins=sorted([*self.wins, win], key=win_order, reverse=True))

    def changed_since(self, before: Career | None) -> set[str]:
        """The parts (field names) that differ from ``before``; every part if there is none.

        Records are compared by identity: :meth:`Repository.career` hands back the very record
        it read last time when its stored document is unchanged, so this costs a pointer
        comparison per record, and a part whose records were all kept counts as unchanged.
        """
        parts = {f.name for f in fields(self)}
        if before is None:
            return parts
        return {name for name in parts if not _same(getattr(self, name), getattr(before, name))}


def win_order(win: Win) -> tuple[dt.date, dt.datetime]:
    """What orders the wins of a career (newest first, by day, then by when each was logged)."""
    return (win.date, win.created)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))
    return a is b or a == b


#: The records last read, by table and id: the fingerprint of each stored document, and the
#: validated record.
Known = dict[str, dict[str, tuple[bytes, Any]]]


def fingerprint(doc: dict[str, Any]) -> bytes:
    """A short digest of a stored document: equal documents, equal fingerprints."""
    return hashlib.blake2b(orjson.dumps(doc), digest_size=16).digest()


class Repository:
    """Typed access to one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: What the last :meth:`career` read, so the next one validates only what changed.
        self._known: Known = {}
        #: The last career read, with the digest of the file it was read from.
        self._latest: tuple[str, Career] | None = None
        self._db: contextvars.ContextVar[TinyDB | None] = contextvars.ContextVar(
            "careertui_tx", default=None
        )
        self.priorities = Collection(self, Priority)
        self.gaps = Collection(self, Gap)
        self.stakeholders = Collection(self, Stakeholder)
        self.wins = Collection(self, Win)
        self.feedback = Collection(self, Feedback)
        self.interactions = Collection(self, Interaction)
        self.goals = Collection(self, Goal)
        self.thanks = Collection(self, Thanks)

    def collection(self, model: type[R]) -> Collection[R]:
        """The collection of ``model``'s records (the vision too, as a one-record table)."""
        if model is Vision:
            return Collection(self, model)
        found = getattr(self, model.table)
        assert isinstance(found, Collection) and found.model is model
        return found

    @classmethod
    def at(cls, data_dir: Path) -> Repository:
        return cls(Store(data_dir))

    # -- transactions --------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group changes: all are written together, or none if the block raises."""
        if self._db.get() is not None:
            yield
            return
        with self.store.transaction() as db:
            token = self._db.set(db)
            try:
                yield
            finally:
                self._db.reset(token)

    def run(self, op: Callable[[TinyDB], T]) -> T:
        db = self._db.get()
        if db is not None:
            return op(db)
        with self.store.transaction() as db:
            return op(db)

    def tables(self) -> Tables:
        """The tables as this transaction sees them, or as the file holds them now."""
        db = self._db.get()
        if db is not None:
            return db.storage.read() or {}
        return self.store.snapshot().tables

    # -- the vision (one record) ---------------------------------------------------------
    def vision(self) -> Vision:
        doc = self.tables().get(Vision.table, {}).get(Vision.SINGLETON_ID)
        return Vision() if doc is None else load_record(Vision, doc, self.store.path)

    def save_vision(self, vision: Vision) -> Vision:
        vision = vision.model_copy(update={"updated": now(), "id": Vision.SINGLETON_ID})
        data = vision.model_dump(mode="json")

        def op(db: TinyDB) -> Vision:
            db.table(Vision.table).upsert(Document(data, doc_id=_key(Vision.SINGLETON_ID)))
            return vision

        return self.run(op)

    def save_vision_changes(self, original: Vision, edited: Vision) -> Vision:
        """What :meth:`Collection.save_changes` does, for the vision."""
        with self.transaction():
            current = self.vision()
            merged = merged_edit(original, edited, current)
            if not edited_fields(current, merged):
                return current
            return self.save_vision(merged)

    # -- settings ------------------------------------------------------------------------
    def settings(self) -> Settings:
        """The app's preferences as the file holds them now."""
        stored = self.tables().get(SETTINGS_TABLE, {})
        return Settings.from_stored({key: doc.get("value") for key, doc in stored.items()})

    def setting(self, key: str, default: Any = None) -> Any:
        doc = self.tables().get(SETTINGS_TABLE, {}).get(key)
        return default if doc is None else doc.get("value", default)

    def set_setting(self, key: str, value: Any) -> None:
        def op(db: TinyDB) -> None:
            db.table(SETTINGS_TABLE).upsert(Document({"value": value}, doc_id=_key(key)))

        self.run(op)

    # -- everything at once --------------------------------------------------------------
    def career(self) -> Career:
        """Everything, read from one snapshot of the file.

        Records are never changed in place, so what an earlier read validated is reused: the
        same file gives the same career; after this process's own write, the tables it did not
        touch are taken over whole; and any other record whose stored document is unchanged is
        reused as it is. Only what changed is validated again, and the app can tell which
        parts changed by identity (:meth:`Career.changed_since`).
        """
        with collector_paused():  # many new objects, none in a cycle
            return self._read_career()

    def _read_career(self) -> Career:
        latest = self._latest
        snapshot = self.store.read(unless=latest[0] if latest is not None else None)
        if snapshot is None:  # the file holds what the last read found
            assert latest is not None
            return latest[1]
        tables, path = snapshot.tables, self.store.path
        prior = latest[1] if latest is not None and snapshot.parent == latest[0] else None
        known, seen = self._known, {}

        def kept(table: str) -> bool:
            return prior is not None and table not in snapshot.touched

        def records(model: type[R]) -> list[R]:
            was, now = known.get(model.table, {}), {}
            for key, doc in tables.get(model.table, {}).items():
                mark = fingerprint(doc)
                last = was.get(key)
                record = last[1] if last is not None and last[0] == mark else None
                if not isinstance(record, model):
                    record = load_record(model, doc, path, as_written=snapshot.as_written)
                now[key] = (mark, record)
            seen[model.table] = now
            return [record for _, record in now.values()]

        def rows(model: type[R], order: Callable[[R], Any], reverse: bool = False) -> list[R]:
            if prior is not None and kept(model.table):
                seen[model.table] = known.get(model.table, {})
                return getattr(prior, model.table)
            return sorted(records(model), key=order, reverse=reverse)

        if prior is not None and kept(Vision.table):
            seen[Vision.table] = known.get(Vision.table, {})
            vision = prior.vision
        else:
            stored = [v for v in records(Vision) if v.id == Vision.SINGLETON_ID]
            # none stored: the blank vision handed out last time, if it was one, stays the same
            blank = latest[1].vision if latest is not None and not known.get(Vision.table) else None
            vision = stored[0] if stored else blank or Vision()
        if prior is not None and kept(Priority.table):
            seen[Priority.table] = known.get(Priority.table, {})
            priorities, archived = prior.priorities, prior.archived_priorities
        else:
            every = records(Priority)
            priorities = sorted((p for p in every if p.until is None), key=lambda p: p.rank)
            archived = sorted(
                (p for p in every if p.until is not None),
                key=lambda p: (p.until, p.rank),
                reverse=True,
            )
        career = Career(
            vision=vision,
            priorities=priorities,
            archived_priorities=archived,
            goals=rows(Goal, lambda g: (g.due, g.created)),
            thanks=rows(Thanks, lambda t: (t.date, t.created), reverse=True),
            gaps=rows(Gap, lambda g: g.rank),
            stakeholders=rows(Stakeholder, lambda s: s.name.lower()),
            wins=rows(Win, win_order, reverse=True),
            feedback=rows(Feedback, lambda f: f.date, reverse=True),
            interactions=rows(Interaction, lambda i: i.date, reverse=True),
            read_only=snapshot.read_only,
            settings=(
                prior.settings
                if prior is not None and kept(SETTINGS_TABLE)
                else Settings.from_stored(
                    {key: doc.get("value") for key, doc in tables.get(SETTINGS_TABLE, {}).items()}
                )
            ),
        )
        self._known = seen
        self._latest = (snapshot.digest, career)
        return career
