"""The lean append behind ``careertui win``: one new win written into the data file without
pydantic, TinyDB or filelock.

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
  (not encrypted), of the current schema, and the records it touches are in the form careertui
  writes them. Anything else, it writes nothing and answers :data:`HAND_OVER`; the caller then
  runs the full path, which validates, migrates, decrypts or reports exactly as before.
* It inserts the document as TinyDB would (at the end of the ``wins`` table, the table
  created at the end if missing), moves the last contact of the stakeholders involved as
  :meth:`Repository.log_win` does, takes the daily backup when the full path would, encodes
  with :func:`careertui.store.files.encode`, writes with
  :func:`careertui.store.files.write_atomic` (temporary file, fsync, replace, directory fsync)
  and records the new digest, so the next full load still skips re-validation.

``tests/unit/test_lean_win.py`` compares the two paths' files byte for byte.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from stat import S_ISREG
from typing import Any

from careertui.domain.clock import now, today
from careertui.domain.matching import find_one
from careertui.domain.win_record import (
    canonical_date,
    canonical_id,
    canonical_stakeholder,
    stamp,
    trim,
)
from careertui.store import backups, schema
from careertui.store.errors import StoreBusy, StoreError, UnreadableStore, progress
from careertui.store.files import (
    FILE_MODE,
    Tables,
    decode,
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

#: What :func:`append_win` returns when the full path must do the work. Nothing was written.
HAND_OVER = None

WINS = "wins"
PRIORITIES = "priorities"
GAPS = "gaps"
STAKEHOLDERS = "stakeholders"


class _HandOver(Exception):
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
        raise _HandOver from exc

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
                    raise _HandOver from exc  # e.g. no flock here: filelock goes soft
            else:
                info = os.fstat(fd)
                if not S_ISREG(info.st_mode):  # a pipe or a device: the full path says so
                    os.close(fd)
                    raise _HandOver
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
        raise _HandOver from exc
    else:
        with contextlib.suppress(PermissionError):
            os.fchmod(fd, FILE_MODE)
        return fd
    try:
        return os.open(lock_path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _HandOver from exc


def _table(tables: Tables, name: str, name_field: str) -> list[dict[str, Any]]:
    """The documents of a table the user's words are looked up in, if every one is keyed by
    its own id and named by a string, as careertui writes them."""
    docs = []
    for key, doc in tables.get(name, {}).items():
        if not canonical_id(doc.get("id")) or doc["id"] != key:
            raise _HandOver
        if not isinstance(doc.get(name_field), str):
            raise _HandOver
        docs.append(doc)
    return docs


def _named(docs: list[dict[str, Any]], typed: str, name_field: str, kind: str) -> str:
    found = find_one(docs, typed, lambda d: trim(d[name_field]), kind, ident=lambda d: d["id"])
    return found["id"]


def _links(
    tables: Tables, priority: str | None, gaps: Sequence[str], people: Sequence[str]
) -> dict[str, Any]:
    """The ids the user's words name, looked up as ``careertui win``'s full path does."""
    links: dict[str, Any] = {}
    if priority:
        links["priority_id"] = _named(
            _table(tables, PRIORITIES, "title"), priority, "title", "priority"
        )
    if gaps:
        docs = _table(tables, GAPS, "title")
        links["gap_ids"] = [_named(docs, g, "title", "gap") for g in gaps]
    if people:
        docs = _table(tables, STAKEHOLDERS, "name")
        ids = [_named(docs, n, "name", "stakeholder") for n in people]
        links["stakeholder_ids"] = list(dict.fromkeys(ids))
    return links


def _contacted(tables: Tables, stakeholder_ids: Sequence[str], on: str) -> None:
    """Move the last contact of each stakeholder to ``on`` where it is earlier or unset (and
    ``updated`` with it): the "contact added" case of the one rule,
    :func:`careertui.store.repository.settled_contact`, which :meth:`Repository.log_win` applies.
    A new win only ever adds a contact, so no other win or check-in needs reading here."""
    day = canonical_date(on)
    for stakeholder_id in stakeholder_ids:
        doc = tables[STAKEHOLDERS][stakeholder_id]
        if not canonical_stakeholder(doc):
            raise _HandOver
        last = doc["last_contact"]
        if last is None or canonical_date(last) < day:
            doc["last_contact"] = on
            doc["updated"] = stamp(now())


def _snapshot(data_dir: Path) -> tuple[bytes, Tables]:
    """The data file's bytes and tables, if this path may write it; else :class:`_HandOver`."""
    path = data_dir / DATA_FILE
    try:
        raw = read_bytes(path)
    except UnreadableStore as exc:
        raise _HandOver from exc
    if raw is None or not raw.startswith(b"{"):  # a new store, or an encrypted one
        raise _HandOver
    if checked_digest(data_dir) != digest(raw):  # changed since careertui last checked it
        raise _HandOver
    try:
        tables = decode(path, raw, trusted=True)  # exactly what careertui wrote and checked
    except UnreadableStore as exc:
        raise _HandOver from exc
    # Exactly the current version's stamp, which the full path's migrate() rewrites unchanged.
    meta = tables.get(schema.META_TABLE, {}).get(schema.SCHEMA_KEY)
    if meta != {"version": schema.CURRENT_VERSION} or type(meta["version"]) is not int:
        raise _HandOver
    return raw, tables


def append_win(
    data_dir: Path,
    doc: dict[str, Any],
    *,
    priority: str | None = None,
    gaps: Sequence[str] = (),
    people: Sequence[str] = (),
    lock_timeout: float = LOCK_TIMEOUT,
) -> dict[str, Any] | None:
    """Store the new win ``doc`` (from :func:`careertui.domain.win_record.new_win`), linked to
    the priority, gaps and stakeholders the user named, and return the stored document.

    Returns :data:`HAND_OVER` (None), having written nothing, when the store needs the full
    path. Raises InputError for a name that matches nothing, StoreBusy when the lock is held
    too long and StoreError when the write fails, each with the full path's message.
    """
    data_dir = Path(data_dir)
    path = data_dir / DATA_FILE
    try:
        try:
            ensure_private_dir(data_dir)
        except OSError as exc:
            raise _HandOver from exc  # the full path reports it
        with store_lock(data_dir, lock_timeout):
            remove_stale_temps(path, any_name=True)
            backups.remove_stale(data_dir)
            raw, tables = _snapshot(data_dir)
            stored = {**doc, **_links(tables, priority, gaps, people)}
            wins = tables.setdefault(WINS, {})
            if stored["id"] in wins:
                raise StoreError(f"a win with id {stored['id']} exists")
            wins[stored["id"]] = stored
            _contacted(tables, stored["stakeholder_ids"], stored["date"])
            payload = encode(tables)
            backups.daily_backup(data_dir, raw, today())
            with interrupts_held():  # a landed save is always recorded as saved
                write_atomic(path, payload)
                progress.record(path)
                remember_checked(data_dir, payload)
            backups.keep_version(data_dir, payload)
    except _HandOver:
        return HAND_OVER
    return stored


def checked_digest(data_dir: Path) -> str | None:
    """The digest written beside the data file after careertui's last write, every record
    valid (None if there is none to read).

    It saves re-validating years of records on every write; a file changed any other way
    (edited, synced, damaged) no longer matches it and is checked in full. The Store keeps it
    through this function and :func:`remember_checked` too.
    """
    try:
        raw = read_bytes(data_dir / f"{DATA_FILE}.checked")  # never blocks on a pipe
        return None if raw is None else raw.decode("ascii").strip()
    except (StoreError, UnicodeDecodeError):
        return None


def remember_checked(data_dir: Path, payload: bytes) -> str:
    """Record ``payload``, just written as the data file, as checked; its digest."""
    value = digest(payload)
    checked = data_dir / f"{DATA_FILE}.checked"
    try:
        write_atomic(checked, (value + "\n").encode("ascii"), follow_symlink=False)
    except StoreError:
        with contextlib.suppress(OSError):  # next time, the records are checked
            checked.unlink(missing_ok=True)
    return value
