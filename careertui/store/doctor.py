"""The state of a store, and restoring the newest backup that loads.

A restore is planned first (:func:`plan_restore`: which backup, from when, holding what, and
what it lacks compared with what can still be read of the file it replaces), shown to the
user, and only then carried out (:func:`restore`), under the lock, if the data file has not
changed in between. Only a damaged (or missing) data file is restored unless the caller
forces it. The restore never writes through a symlink nor over anything but a regular file:
a symlinked data file is replaced by the restored file and the file it pointed to is left as
it was.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from careertui.domain.errors import InputError
from careertui.domain.models import RECORD_TYPES
from careertui.store import backups, schema
from careertui.store.crypto import Sealer, WrongPassphrase, is_encrypted
from careertui.store.database import Store
from careertui.store.errors import StoreError, UnreadableStore, progress
from careertui.store.files import (
    decode,
    interrupts_held,
    read_bytes,
    regular_file_problem,
    write_atomic,
)
from careertui.store.lean import digest
from careertui.store.repository import load_record


@dataclass
class Diagnosis:
    path: Path
    exists: bool
    problem: str | None = None
    version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    backups: list[Path] = field(default_factory=list)
    encrypted: bool = False
    #: Things named like backups that are not regular files (never read), and why.
    ignored: list[tuple[Path, str]] = field(default_factory=list)
    #: What an interrupted ``encrypt`` or ``decrypt`` left unfinished, and how to finish it.
    unfinished: str | None = None
    #: Where the data file points, when it is a symlink.
    link_target: Path | None = None
    #: Why the backups cannot be kept or read (``backups`` is a file, say).
    backups_problem: str | None = None

    @property
    def healthy(self) -> bool:
        return self.problem is None


def check_bytes(path: Path, raw: bytes, sealer: Sealer | None = None) -> tuple[int, dict[str, int]]:
    """Parse and validate every record; return the schema version and counts per table.

    An encrypted file is opened in memory with ``sealer``. Raises UnreadableStore naming what
    is wrong (WrongPassphrase if the passphrase does not open it).
    """
    plain = (sealer or Sealer()).open(path, raw)
    tables = decode(path, plain)
    try:
        version = schema.version_of(tables)
    except schema.SchemaError as exc:
        raise UnreadableStore(path, str(exc)) from exc
    counts: dict[str, int] = {}
    for model in RECORD_TYPES:
        docs = tables.get(model.table, {})
        if version <= schema.CURRENT_VERSION:
            for doc in docs.values():
                load_record(model, doc, path)
        counts[model.table] = len(docs)
    return version, counts


def diagnose(store: Store) -> Diagnosis:
    from careertui.store.encryption import mixture

    report = Diagnosis(store.path, os.path.lexists(store.path))
    if store.path.is_symlink():
        report.link_target = Path(os.path.realpath(store.path))
    folder = backups.backup_dir(store.data_dir)
    if os.path.lexists(folder) and (folder.is_symlink() or not folder.is_dir()):
        report.backups_problem = f"{folder} is not a directory, so no backup can be kept"
    try:
        report.backups = backups.list_backups(store.data_dir)
    except StoreError as exc:
        report.backups_problem = str(exc)
    report.ignored = backups.ignored(store.data_dir)
    raw = None
    try:
        raw = read_bytes(store.path)
        if raw is not None:
            report.encrypted = is_encrypted(raw)
            report.version, report.counts = check_bytes(store.path, raw, store.sealer)
    except UnreadableStore as exc:
        report.problem = exc.reason
    report.unfinished = mixture(store, raw).half_converted
    return report


@dataclass(frozen=True)
class Lacking:
    """What the file a restore replaces holds beyond the backup, as far as it can be read."""

    #: Records by table in the current file (ids) that the backup does not have.
    missing: dict[str, int]
    #: Records by table in both, but different in the current file.
    changed: dict[str, int]


@dataclass(frozen=True)
class RestorePlan:
    source: Path
    raw: bytes
    written: dt.datetime
    counts: dict[str, int]
    #: The digest of the data file the plan was made against ("" when there is none).
    current: str
    #: Why the data file needs restoring (None when it loads and the restore was forced).
    problem: str | None
    #: None when what the current file holds cannot be read (it is not JSON, or cannot be
    #: decrypted), so what it holds beyond the backup cannot be told.
    lacking: Lacking | None
    link_target: Path | None


def plan_restore(store: Store, *, force: bool = False) -> RestorePlan:
    """Choose the newest backup that loads (and differs from the data file) and say what
    restoring it would mean. Raises InputError when the data file loads and not ``force``,
    StoreError when nothing can be restored."""
    report = diagnose(store)
    if report.exists and report.healthy and not force:
        raise InputError(
            f"{store.path} loads ({_total(report.counts)} records); there is nothing to restore "
            "and nothing was changed. Backups are older than the data file: to go back to one "
            "anyway, run 'careertui doctor --restore --force'"
        )
    try:
        lstat = os.lstat(store.path)
    except FileNotFoundError:
        lstat = None
    if lstat is not None and not report.link_target:
        problem = regular_file_problem(lstat.st_mode)
        if problem:
            raise StoreError(
                f"{store.path}: {problem}; careertui will not replace it. Move it away, then "
                "run 'careertui doctor --restore' again. Nothing was changed"
            )
    current = _current_bytes(store)
    wrong_passphrase: WrongPassphrase | None = None
    for candidate in backups.list_backups(store.data_dir):
        try:
            raw = read_bytes(candidate, follow_symlink=False)
            if raw is None or raw == current:
                continue
            _, counts = check_bytes(candidate, raw, store.sealer)
            written = dt.datetime.fromtimestamp(os.stat(candidate).st_mtime)
        except WrongPassphrase as exc:
            wrong_passphrase = exc
            continue
        except (UnreadableStore, OSError):
            continue
        return RestorePlan(
            candidate,
            raw,
            written,
            counts,
            "" if current is None else digest(current),
            report.problem,
            _lacking(store, current, raw),
            report.link_target,
        )
    if wrong_passphrase is not None:
        raise wrong_passphrase
    raise StoreError(
        f"{store.path}: no backup in {backups.backup_dir(store.data_dir)} loads (or each holds "
        "exactly the data file); nothing was changed"
    )


def restore(store: Store, plan: RestorePlan) -> Path | None:
    """Carry out ``plan``: keep the current file aside as ``careertui.json.damaged-<time>``
    and put the backup in its place. Returns the copy kept aside (None if there was nothing to
    keep, or the data file was a symlink, whose target is left as it was)."""
    with store.locked():
        current = _current_bytes(store)
        if ("" if current is None else digest(current)) != plan.current:
            raise StoreError(
                f"{store.path} changed while the restore was being confirmed; nothing was "
                "changed. Run 'careertui doctor --restore' again"
            )
        kept = None
        if current is not None and plan.link_target is None:
            stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
            kept = store.path.with_name(f"{store.path.name}.damaged-{stamp}")
            write_atomic(kept, current, follow_symlink=False)
        with interrupts_held():
            write_atomic(store.path, plan.raw, follow_symlink=False)  # never through a link
            progress.record(store.path)
    return kept


def _current_bytes(store: Store) -> bytes | None:
    try:
        return read_bytes(store.path)
    except UnreadableStore:
        return None


def _lacking(store: Store, current: bytes | None, backup: bytes) -> Lacking | None:
    """Records the readable part of ``current`` holds that ``backup`` lacks or has otherwise."""
    if current is None:
        return Lacking({}, {})
    try:
        now = orjson.loads(store.sealer.open(store.path, current))
        then = orjson.loads(store.sealer.open(store.path, backup))
    except (orjson.JSONDecodeError, StoreError):
        return None
    if not isinstance(now, dict) or not isinstance(then, dict):
        return None
    missing: dict[str, int] = {}
    changed: dict[str, int] = {}
    for table, docs in now.items():
        if table == schema.META_TABLE or not isinstance(docs, dict):
            continue
        kept = then.get(table)
        old: dict[str, Any] = kept if isinstance(kept, dict) else {}
        gone = sum(1 for key in docs if key not in old)
        other = sum(1 for key, doc in docs.items() if key in old and old[key] != doc)
        if gone:
            missing[table] = gone
        if other:
            changed[table] = other
    return Lacking(missing, changed)


def _total(counts: dict[str, int]) -> int:
    return sum(counts.values())
