"""The data file: one TinyDB database, read and written under a lock, one durable write a
transaction.

TinyDB's own JSONStorage rewrites the file in place and its caches outlive other processes'
writes, so neither is used. Each transaction takes the file lock, reads the file afresh,
lets TinyDB work on that snapshot in memory (:class:`SnapshotStorage`), and commits it with a
single atomic, fsynced replace. Readers need no lock: the file is only ever replaced whole.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import filelock
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from careertui.domain.clock import today
from careertui.store import backups, schema
from careertui.store.errors import ReadOnlyStore, StoreBusy, UnreadableStore
from careertui.store.files import (
    FILE_MODE,
    Tables,
    decode,
    encode,
    ensure_private_dir,
    read_bytes,
    write_atomic,
)

DATA_FILE = "careertui.json"
LOCK_TIMEOUT = 10.0


class RecordTable(Table):
    """A TinyDB table keyed by the records' own string ids, never by a counter."""

    document_id_class = str

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


class Store:
    """One data directory: the data file, its lock and its backups."""

    def __init__(self, data_dir: Path, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE
        self.lock_path = self.data_dir / f"{DATA_FILE}.lock"
        self.lock_timeout = lock_timeout

    # -- reading -------------------------------------------------------------------------
    def read(self) -> Snapshot:
        """The current contents, migrated in memory if the file is older (nothing written)."""
        raw = read_bytes(self.path)
        tables = {} if raw is None else decode(self.path, raw)
        version = self._version(tables)
        if version < schema.CURRENT_VERSION:
            schema.migrate(tables)
        return Snapshot(tables, version, version > schema.CURRENT_VERSION)

    def exists(self) -> bool:
        return self.path.exists()

    # -- writing -------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Lock, read afresh, yield a TinyDB over the snapshot, then commit it durably.

        If the body raises, nothing is written.
        """
        ensure_private_dir(self.data_dir)
        with self._lock():
            raw = read_bytes(self.path)
            tables = {} if raw is None else decode(self.path, raw)
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
            storage = SnapshotStorage(tables)
            db = CareerDB(storage=lambda: storage)  # type: ignore[arg-type]
            yield db
            if storage.dirty or migrated:
                if raw is not None:
                    backups.daily_backup(self.data_dir, raw, today())
                write_atomic(self.path, encode(storage.tables))

    def replace_bytes(self, raw: bytes) -> None:
        """Write ``raw`` as the data file, under the lock (used by restore)."""
        ensure_private_dir(self.data_dir)
        with self._lock():
            write_atomic(self.path, raw)

    # -- helpers -------------------------------------------------------------------------
    def _version(self, tables: Tables) -> int:
        try:
            return schema.version_of(tables)
        except schema.SchemaError as exc:
            raise UnreadableStore(self.path, str(exc)) from exc

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        lock = filelock.FileLock(self.lock_path, timeout=self.lock_timeout, mode=FILE_MODE)
        try:
            lock.acquire()
        except filelock.Timeout as exc:
            raise StoreBusy(
                f"{self.path}: another careertui process has held the lock for more than "
                f"{self.lock_timeout:g} seconds ({self.lock_path}); try again"
            ) from exc
        try:
            yield
        finally:
            lock.release()
