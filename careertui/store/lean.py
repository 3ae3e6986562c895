"""The lean write behind ``careertui win``: the store's lock, the file as careertui last
wrote and checked it, and the save, without pydantic, TinyDB or filelock.

The full path (:meth:`careertui.store.database.Store.transaction` with the typed repository)
imports all three, and at the size of a real journal that import is most of what the command
costs. This path does the same work with the standard library and orjson:

* It takes **the same lock** as :class:`~careertui.store.database.Store`, the file
  ``careertui.json.lock``, with the primitive filelock's ``UnixFileLock`` uses:
  ``fcntl.flock(LOCK_EX | LOCK_NB)`` on that file, retried every 50 ms until
  :data:`LOCK_TIMEOUT`, then the same :class:`~careertui.store.errors.StoreBusy` message. It is
  written with ``fcntl`` directly because importing filelock alone costs about a quarter of the
  command's time budget. Both kinds of holder exclude each other (flock locks the file, whoever
  opened it); a filesystem without ``flock`` is left to the full path, where filelock falls
  back to its own soft lock.
* It removes what a killed writer left, reads the file once, and goes on only when the file
  is exactly what careertui last wrote and checked (the ``.checked`` digest matches), plain
  (not encrypted) and of the current schema, or when there is no file yet (the first win
  makes it, stamped with the current schema, as the full path would). Anything else raises
  :class:`HandOver` before anything is written, and the caller runs the full path, which
  validates, migrates, decrypts or reports exactly as before.
* :func:`save_tables` takes the daily backup when the full path would, encodes with
  :func:`careertui.store.files.encode`, writes with :func:`careertui.store.files.write_atomic`
  (temporary file, fsync, replace, directory fsync) and records the new digest, so the next
  full load still skips re-validation.

What is changed in the tables is the business of the action that uses it
(:mod:`careertui.actions.lean_win`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from stat import S_ISREG
from typing import Any

import msgspec
import orjson

from careertui.domain.clock import today
from careertui.store import backups, schema
from careertui.store.errors import StoreBusy, StoreError, UnreadableStore, progress
from careertui.store.files import (
    FILE_MODE,
    Tables,
    encode,
    ensure_private_dir,
    interrupts_held,
    read_bytes,
    remove_stale_temps,
    write_atomic,
)

# The same names and limits as careertui.store.database (which imports filelock and TinyDB, so
# it cannot be imported here); tests/unit/test_append.py checks they agree.
DATA_FILE = "careertui.json"
LOCK_TIMEOUT = 10.0
POLL_INTERVAL = 0.05  # filelock's default


class HandOver(Exception):
    """The store is not one this path handles; nothing has been written."""


def digest(raw: bytes) -> str:
    """The ``.checked`` digest of the data file's bytes (as the Store computes it).

    ``hashlib.blake2b`` is ``_blake2.blake2b``; importing it from ``_blake2`` spares loading
    OpenSSL through ``hashlib``, a few milliseconds of every ``careertui win``.
    """
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(raw, digest_size=32).hexdigest()


@contextlib.contextmanager
def store_lock(data_dir: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the store's lock file as ``filelock.FileLock(lock_path, mode=0o600)`` would."""
    try:
        import fcntl
    except ImportError as exc:  # pragma: no cover - Windows: filelock locks another way there
        raise HandOver from exc

    path = data_dir / f"{DATA_FILE}.lock"
    lock_path = str(path)
    deadline = time.perf_counter() + timeout
    while True:
        fd = _open_lock_file(lock_path)
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno not in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK):
                    raise HandOver from exc  # e.g. no flock here: filelock goes soft
            else:
                info = os.fstat(fd)
                if not S_ISREG(info.st_mode):  # a pipe or a device: the full path says so
                    os.close(fd)
                    raise HandOver
                if info.st_nlink > 0:  # not unlinked by a peer before we got it
                    break
                os.close(fd)
        if time.perf_counter() >= deadline:
            raise StoreBusy(
                f"{data_dir / DATA_FILE}: another careertui process has held the lock for more "
                f"than {timeout:g} seconds ({path}); try again"
            )
        time.sleep(min(POLL_INTERVAL, max(deadline - time.perf_counter(), 0.0)))
    try:
        yield
    finally:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _open_lock_file(lock_path: str) -> int | None:
    """The lock file opened for locking (created 0600 if missing, as filelock creates it), or
    None if it vanished between two calls; anything unusual is left to the full path."""
    flags = os.O_RDWR | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(lock_path, flags | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        pass
    except OSError as exc:
        raise HandOver from exc
    else:
        with contextlib.suppress(PermissionError):
            os.fchmod(fd, FILE_MODE)
        return fd
    try:
        return os.open(lock_path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise HandOver from exc


#: The data file's tables as spans of its bytes (msgspec's ``Raw``), nothing decoded: finding
#: them is a tenth of parsing the file.
TABLE_SPANS = msgspec.json.Decoder(dict[str, msgspec.Raw])


class LeanTables:
    """The tables of a data file careertui wrote, each decoded only when it is read: a win is
    added to the wins without parsing them, and the file is written back from the spans of
    the tables left alone, byte for byte, and the encoding of those read (:meth:`encode` gives
    what :func:`careertui.store.files.encode` would give for the whole)."""

    __slots__ = ("_spans", "_decoded", "_added")

    def __init__(self, spans: dict[str, msgspec.Raw], decoded: Tables | None = None) -> None:
        self._spans = spans
        self._decoded: Tables = decoded or {}
        self._added: dict[str, dict[str, Any]] = {}

    def get(self, name: str, default: dict[str, Any] | None = None) -> dict[str, Any]:
        """The documents of table ``name``, decoded (changes to them are saved); ``default``
        (or a new empty dict, not saved) when there is no such table."""
        found = self._decoded.get(name)
        if found is not None:
            return found
        span = self._spans.get(name)
        if span is None:
            return {} if default is None else default
        table = orjson.loads(bytes(span))
        if not isinstance(table, dict):
            raise HandOver
        self._decoded[name] = table
        return table

    def __getitem__(self, name: str) -> dict[str, Any]:
        if name not in self._decoded and name not in self._spans:
            raise KeyError(name)
        return self.get(name)

    def add(self, name: str, key: str, doc: dict[str, Any]) -> None:
        """Add ``doc`` under ``key`` (an id as careertui writes them) to table ``name``, made if
        there is none. Raises StoreError if the table holds ``key`` already."""
        table = self._decoded.get(name)
        if table is not None:
            if key in table:
                raise StoreError(f"a record with id {key} exists in {name}")
            table[key] = doc
            return
        added = self._added.setdefault(name, {})
        span = self._spans.get(name)
        # A key of the table is the only place an id is followed by ":{" (inside a string
        # every quote is escaped); searched in the file's own bytes, not a copy.
        held = span is not None and re.search(f'"{re.escape(key)}":{{'.encode(), memoryview(span))
        if key in added or held:
            raise StoreError(f"a record with id {key} exists in {name}")
        added[key] = doc

    def encode(self) -> bytes:
        """The whole file: each table in its place, a new table after the others; the tables
        left alone are copied once, from the file's own bytes."""
        names = list(dict.fromkeys([*self._spans, *self._decoded, *self._added]))
        pieces: list[bytes | memoryview] = [b"{"]
        for number, name in enumerate(names):
            pieces += [b"," if number else b"", orjson.dumps(name), b":"]
            if name in self._decoded:
                pieces.append(encode(self._decoded[name]))
                continue
            span = memoryview(self._spans[name]) if name in self._spans else memoryview(b"{}")
            items = [encode({key: doc})[1:-1] for key, doc in self._added.get(name, {}).items()]
            if not items:
                pieces.append(span)
                continue
            pieces += [span[:-1], b"," if len(span) > 2 else b"", b",".join(items), b"}"]
        pieces.append(b"}")
        return b"".join(pieces)


class LeanFile:
    """The data file as the lean path read it: its bytes (None: there is none yet), its tables
    (read and changed in place), and whether its ``.checked`` mark vouches for its text as
    written (kept by the save)."""

    __slots__ = ("raw", "tables", "as_written")

    def __init__(self, raw: bytes | None, tables: LeanTables, as_written: bool | None) -> None:
        self.raw = raw
        self.tables = tables
        self.as_written = as_written


def _snapshot(data_dir: Path) -> LeanFile:
    """The data file's bytes and tables, if this path may write it; else :class:`HandOver`."""
    path = data_dir / DATA_FILE
    try:
        raw = read_bytes(path)
    except UnreadableStore as exc:
        raise HandOver from exc
    if raw is None:  # a new store: the first win makes it, stamped as the full path does
        tables: Tables = {}
        schema.stamp(tables)
        return LeanFile(None, LeanTables({}, tables), as_written=True)
    if not raw.startswith(b"{"):  # an encrypted store
        raise HandOver
    state = checked_state(data_dir)
    if state is None or state[0] != digest(raw):  # changed since careertui last checked it
        raise HandOver
    try:  # exactly what careertui wrote and checked: found, not parsed
        found = LeanTables(TABLE_SPANS.decode(raw))
        meta = found.get(schema.META_TABLE).get(schema.SCHEMA_KEY)
    except (msgspec.DecodeError, orjson.JSONDecodeError, AttributeError) as exc:
        raise HandOver from exc
    # Exactly the current version's stamp, which the full path's migrate() rewrites unchanged.
    if meta != {"version": schema.CURRENT_VERSION} or type(meta["version"]) is not int:
        raise HandOver
    return LeanFile(raw, found, state[1])


@contextlib.contextmanager
def lean_write(data_dir: Path, lock_timeout: float = LOCK_TIMEOUT) -> Iterator[LeanFile]:
    """Hold the store's lock and hand over the file's bytes and tables to change in place.

    Raises :class:`HandOver` (nothing written) when the store needs the full path: not
    exactly what careertui last wrote and checked, encrypted, of another schema, or on a
    filesystem without ``flock``. Save the changed tables with :func:`save_tables` inside
    the block."""
    data_dir = Path(data_dir)
    try:
        ensure_private_dir(data_dir)
    except OSError as exc:
        raise HandOver from exc  # the full path reports it
    with store_lock(data_dir, lock_timeout):
        path = data_dir / DATA_FILE
        remove_stale_temps(path, any_name=True)
        backups.remove_stale(data_dir)
        yield _snapshot(data_dir)


def save_tables(data_dir: Path, file: LeanFile) -> None:
    """Write the file's changed tables as the data file, as the full path would: the daily
    backup, the atomic write, the ``.checked`` mark and the version copy. What was added must
    be as careertui writes it (the mark keeps what it said of the text)."""
    path = Path(data_dir) / DATA_FILE
    payload = file.tables.encode()
    if file.raw is not None:
        backups.daily_backup(data_dir, file.raw, today())
    with interrupts_held():  # a landed save is always recorded as saved
        write_atomic(path, payload)
        progress.record(path)
        remember_checked(data_dir, payload, as_written=file.as_written)
    backups.keep_version(data_dir, payload)


#: What follows the digest in the ``.checked`` mark: whether every text in the file is exactly
#: as careertui writes it (normal, without control characters), so a read need not run the
#: text rules again (:data:`careertui.domain.models.TRUSTED`). A digest alone, as an earlier
#: careertui wrote it, vouches for valid records only.
WRITTEN_MARK, KEPT_MARK = "as-written", "kept"
TEXT_MARKS = {WRITTEN_MARK: True, KEPT_MARK: False}


def checked_state(data_dir: Path) -> tuple[str, bool | None] | None:
    """The digest written beside the data file after careertui's last write, every record
    valid, and whether its text is as written (True), not all of it (False) or not known
    (None); None when there is no mark to read.

    It saves re-validating years of records on every write; a file changed any other way
    (edited, synced, damaged) no longer matches it and is checked in full. The Store keeps it
    through this function and :func:`remember_checked` too.
    """
    try:
        raw = read_bytes(data_dir / f"{DATA_FILE}.checked")  # never blocks on a pipe
        if raw is None:
            return None
        value, _, text = raw.decode("ascii").strip().partition(" ")
    except (StoreError, UnicodeDecodeError):
        return None
    return value, TEXT_MARKS.get(text)


def checked_digest(data_dir: Path) -> str | None:
    """The digest of :func:`checked_state` (None if there is none to read)."""
    state = checked_state(data_dir)
    return None if state is None else state[0]


def remember_checked(data_dir: Path, payload: bytes, *, as_written: bool | None) -> str:
    """Record ``payload``, just written as the data file, as checked, saying whether its text
    is as written (None: not known); its digest."""
    value = digest(payload)
    mark = value if as_written is None else f"{value} {WRITTEN_MARK if as_written else KEPT_MARK}"
    checked = data_dir / f"{DATA_FILE}.checked"
    try:
        write_atomic(checked, (mark + "\n").encode("ascii"), follow_symlink=False)
    except StoreError:
        with contextlib.suppress(OSError):  # next time, the records are checked
            checked.unlink(missing_ok=True)
    return value
