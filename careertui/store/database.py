"""The data file: one TinyDB database, read and written under a lock, one durable write a
transaction.

TinyDB's own JSONStorage rewrites the file in place and its caches outlive other processes'
writes, so neither is used. Each transaction takes the file lock, reads the file afresh,
lets TinyDB work on that snapshot in memory (:class:`SnapshotStorage`), and commits it with a
single atomic, fsynced replace. Readers need no lock: the file is only ever replaced whole.
When the file still holds exactly what this process last wrote (same digest), the tables of
that commit are used instead of parsing it again.

An encrypted file (see :mod:`careertui.store.crypto`) is opened in memory and written back
encrypted with a fresh salt and key; its backups are copies of the encrypted bytes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from careertui.domain.clock import today
from careertui.store import backups, schema
from careertui.store.collector import collector_paused
from careertui.store.crypto import LockedStore, PassphraseSource, Sealer, is_encrypted, parse
from careertui.store.errors import (
    ReadOnlyStore,
    StoreBusy,
    StoreError,
    UnreadableStore,
    progress,
)
from careertui.store.files import (
    FILE_MODE,
    Tables,
    decode,
    encode,
    ensure_private_dir,
    interrupts_held,
    read_bytes,
    reason,
    regular_file_problem,
    remove_stale_temps,
    write_atomic,
)
from careertui.store.lean import DATA_FILE, LOCK_TIMEOUT, checked_state, remember_checked
from careertui.store.lean import digest as _digest

PASSPHRASE_ENV = "CAREERTUI_PASSPHRASE"


def passphrase_from_env() -> str:
    """The passphrase scripts and tests pass in ``CAREERTUI_PASSPHRASE``."""
    value = os.environ.get(PASSPHRASE_ENV)
    if not value:
        raise LockedStore(
            f"the data file is encrypted; set {PASSPHRASE_ENV} or run careertui in a terminal "
            "to be asked for the passphrase"
        )
    return value


def validate_records(path: Path, tables: Tables) -> bool:
    """Raise UnreadableStore if any record does not load, so a damaged file is never rewritten;
    whether every record's text is exactly as careertui writes it.

    Every record of a file careertui has not vouched for is checked before a write.
    """
    from pydantic import ValidationError

    from careertui.domain.errors import describe
    from careertui.domain.models import AS_WRITTEN, FROM_STORE, RECORD_TYPES

    as_written = True
    for model in RECORD_TYPES:
        for key, doc in tables.get(model.table, {}).items():
            try:
                model.model_validate(doc, context=AS_WRITTEN)
                continue
            except ValidationError:
                pass
            try:
                model.model_validate(doc, context=FROM_STORE)
            except ValidationError as exc:
                raise UnreadableStore(
                    path, f"record {doc.get('id', key)!r} in {model.table!r}: {describe(exc)}"
                ) from exc
            as_written = False  # it loads, its text neutralised or normalised
    return as_written


class RecordTable(Table):
    """A TinyDB table keyed by the records' own string ids, never by a counter.

    A change works on copies of the table's documents (TinyDB updates documents in place), so
    the tables of an earlier commit, which the next transaction starts from, stay as written.
    Copies are shallow: careertui replaces a document's fields, never edits inside them.
    """

    # TinyDB types its ids as int; these tables key documents by the records' string ids.
    document_id_class = str  # type: ignore[assignment]

    def _update_table(self, updater: Callable[[dict[Any, Any]], None]) -> None:
        def on_copies(table: dict[Any, Any]) -> None:
            for doc_id, doc in table.items():
                table[doc_id] = dict(doc)
            updater(table)

        super()._update_table(on_copies)

    def _get_next_id(self) -> str:
        raise TypeError("careertui records carry their own ids")


class CareerDB(TinyDB):
    table_class = RecordTable


class SnapshotStorage(Storage):
    """TinyDB storage over the snapshot read inside one transaction.

    TinyDB reads and writes the whole database on every operation; here those are memory
    operations, and :meth:`Store.transaction` commits the result once, durably.
    """

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.dirty = False

    def read(self) -> Tables:
        return self.tables

    def write(self, data: Tables) -> None:
        self.tables = data
        self.dirty = True


@dataclass(frozen=True)
class Snapshot:
    """The data file as read at one moment."""

    tables: Tables
    version: int
    read_only: bool
    #: The digest of the file's bytes ("" when there is no file): equal digests, equal data.
    digest: str = ""
    #: When this process wrote these tables: the digest of the file the write started from,
    #: and the tables it changed (every other table is as in that file).
    parent: str | None = None
    touched: frozenset[str] = frozenset()
    #: careertui vouches for every text in it as written: read without the text rules.
    as_written: bool = False


@dataclass(frozen=True)
class Commit:
    """What the last transaction of this process wrote: the digest of the bytes on disk, the
    tables they hold (so that reading them back needs no parse), and what it changed in the
    file it started from (``parent`` is None after a migration: everything changed)."""

    digest: str
    tables: Tables
    parent: str | None
    touched: frozenset[str]
    as_written: bool | None


class Store:
    """One data directory: the data file, its lock and its backups."""

    def __init__(
        self,
        data_dir: Path,
        *,
        lock_timeout: float = LOCK_TIMEOUT,
        passphrase: Sealer | PassphraseSource | str | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE
        self.lock_path = self.data_dir / f"{DATA_FILE}.lock"
        self.checked_path = self.data_dir / f"{DATA_FILE}.checked"
        self.lock_timeout = lock_timeout
        self.sealer = (
            passphrase
            if isinstance(passphrase, Sealer)
            else Sealer(passphrase or passphrase_from_env)
        )
        #: What this process last wrote here; never modified once committed.
        self.last_commit: Commit | None = None

    # -- reading -------------------------------------------------------------------------
    def read(self, unless: str | None = None) -> Snapshot | None:
        """The current contents, migrated in memory if the file is older (nothing written).

        With ``unless`` (a digest from an earlier snapshot), None when the file still holds
        exactly those bytes: nothing to parse. Tables written by this process's last
        transaction are handed back as they were committed, again without a parse.
        """
        raw = read_bytes(self.path)
        digest = "" if raw is None else _digest(raw)
        if digest == unless:
            return None
        commit = self.last_commit
        if (
            commit is not None
            and commit.digest == digest
            and self._version(commit.tables) == schema.CURRENT_VERSION
        ):
            return Snapshot(
                commit.tables,
                schema.CURRENT_VERSION,
                False,
                digest,
                commit.parent,
                commit.touched,
                commit.as_written is True,
            )
        checked, as_written = self._vouched(digest)
        tables = {} if raw is None else self.decode(self.path, raw, trusted=checked)
        version = self._version(tables)
        if version < schema.CURRENT_VERSION:
            schema.migrate(tables)
        as_written = as_written is True and version == schema.CURRENT_VERSION
        return Snapshot(
            tables, version, version > schema.CURRENT_VERSION, digest, as_written=as_written
        )

    def snapshot(self) -> Snapshot:
        """The current contents (see :meth:`read`)."""
        found = self.read()
        assert found is not None  # no digest given, so always a snapshot
        return found

    def exists(self) -> bool:
        return self.path.exists()

    def decode(self, path: Path, raw: bytes, *, trusted: bool = False) -> Tables:
        """Parse ``raw`` (the bytes of the data file or a backup), decrypting it in memory.

        ``trusted``: the bytes are exactly what careertui last wrote and checked here."""
        with collector_paused():
            return decode(path, self.sealer.open(path, raw), trusted=trusted)

    def encrypted(self) -> bool:
        raw = read_bytes(self.path)
        return raw is not None and is_encrypted(raw)

    def unlock(self) -> None:
        """If the file is encrypted, get the passphrase now and check it against the file.

        Raises WrongPassphrase (or LockedStore when none can be had). A damaged header is left
        for the read that follows to report.
        """
        try:
            raw = read_bytes(self.path)
        except UnreadableStore:
            return  # the read that follows reports it (and doctor describes it)
        if raw is None or not is_encrypted(raw):
            return
        try:
            parse(self.path, raw)
        except UnreadableStore:
            return
        self.sealer.verify(self.path, raw)

    # -- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Lock, read afresh, yield a TinyDB over the snapshot, then commit it durably.

        If the body raises, nothing is written.
        """
        ensure_private_dir(self.data_dir)
        with self._lock():
            self._remove_stale()
            raw = read_bytes(self.path)
            parent = "" if raw is None else _digest(raw)
            tables = self._committed(parent)
            checked, as_written = self._vouched(parent)
            if tables is None:
                tables = {} if raw is None else self.decode(self.path, raw, trusted=checked)
            version = self._version(tables)
            if version > schema.CURRENT_VERSION:
                raise ReadOnlyStore(
                    f"{self.path}: written by a newer careertui (schema {version}, this one "
                    f"knows {schema.CURRENT_VERSION}); it is open read-only. Upgrade careertui "
                    "to change it"
                )
            migrated = version < schema.CURRENT_VERSION or raw is None
            if version < schema.CURRENT_VERSION and raw is not None:
                backups.labelled_backup(self.data_dir, raw, f"pre-migration-v{version}")
            schema.migrate(tables)
            if not checked or as_written is None or migrated:
                # a damaged record stops the write; a file that passes is vouched for
                as_written = validate_records(self.path, tables)
            before = dict(tables)  # TinyDB replaces the dict of every table it changes
            storage = SnapshotStorage(tables)
            db = CareerDB(storage=lambda: storage)
            yield db
            if storage.dirty or migrated:
                payload = encode(storage.tables)
                if raw is not None:
                    if is_encrypted(raw):
                        keyring = parse(self.path, raw)[0].keyring
                        payload = self.sealer.seal(self.path, payload, keyring=keyring)
                    backups.daily_backup(self.data_dir, raw, today())
                with interrupts_held():  # a landed save is always recorded as saved
                    write_atomic(self.path, payload)
                    progress.record(self.path)
                    digest = remember_checked(self.data_dir, payload, as_written=as_written)
                backups.keep_version(self.data_dir, payload)
                after = storage.tables
                touched = frozenset(
                    name for name in {*before, *after} if before.get(name) is not after.get(name)
                )
                self.last_commit = Commit(
                    digest, after, None if migrated else parent, touched, as_written
                )

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock (for conversions that rewrite the file and its backups)."""
        ensure_private_dir(self.data_dir)
        with self._lock():
            self._remove_stale()
            yield

    # -- helpers -------------------------------------------------------------------------
    def _committed(self, digest: str) -> Tables | None:
        """The tables of this process's last write if the file still holds exactly it (no
        parse needed), as a new mapping: a transaction replaces the tables it changes and
        copies their documents before changing them (:class:`RecordTable`), so what was
        committed is never changed."""
        commit = self.last_commit
        if not digest or commit is None or commit.digest != digest:
            return None
        if self._version(commit.tables) != schema.CURRENT_VERSION:
            return None
        return dict(commit.tables)

    def _vouched(self, digest: str) -> tuple[bool, bool | None]:
        """Whether the file with this digest ("": none) is exactly the file careertui last
        wrote here, every record valid (see :func:`~careertui.store.lean.checked_state`); and
        whether its text is as written (True), not all of it (False) or not known (None)."""
        if not digest:
            return True, True
        state = checked_state(self.data_dir)
        if state is None or state[0] != digest:
            return False, None
        return True, state[1]

    def _remove_stale(self) -> None:
        """Temporary files left by a writer that was killed (we hold the lock, so it is dead)."""
        remove_stale_temps(self.path, any_name=True)
        backups.remove_stale(self.data_dir)

    def _version(self, tables: Tables) -> int:
        try:
            return schema.version_of(tables)
        except schema.SchemaError as exc:
            raise UnreadableStore(self.path, str(exc)) from exc

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        try:
            problem = regular_file_problem(os.lstat(self.lock_path).st_mode)
        except FileNotFoundError:
            problem = None
        if problem:
            raise StoreError(
                f"{self.lock_path}: the lock file cannot be used ({problem}); move it away "
                "(careertui makes a new one). Nothing was changed"
            )
        lock = filelock.FileLock(self.lock_path, timeout=self.lock_timeout, mode=FILE_MODE)
        try:
            lock.acquire()
        except filelock.Timeout as exc:
            raise StoreBusy(
                f"{self.path}: another careertui process has held the lock for more than "
                f"{self.lock_timeout:g} seconds ({self.lock_path}); try again"
            ) from exc
        except OSError as exc:
            raise StoreError(
                f"{self.lock_path}: the lock file cannot be used ({reason(exc)}); nothing was "
                "changed"
            ) from exc
        try:
            yield
        finally:
            lock.release()
