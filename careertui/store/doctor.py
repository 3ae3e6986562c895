"""The state of a store, and restoring the newest backup that loads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from careertui.domain.models import RECORD_TYPES
from careertui.store import backups, schema
from careertui.store.crypto import Sealer, WrongPassphrase, is_encrypted
from careertui.store.database import Store
from careertui.store.errors import StoreError, UnreadableStore
from careertui.store.files import decode, read_bytes, write_atomic
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
    found = backups.list_backups(store.data_dir)
    report = Diagnosis(store.path, store.path.exists(), backups=found)
    try:
        raw = read_bytes(store.path)
        if raw is not None:
            report.encrypted = is_encrypted(raw)
            report.version, report.counts = check_bytes(store.path, raw, store.sealer)
    except UnreadableStore as exc:
        report.problem = exc.reason
    return report


def restore_newest(store: Store) -> Path:
    """Put the newest backup that loads in place of the data file.

    The file it replaces is kept beside it as ``careertui.json.damaged-<time>``. Backups the
    passphrase does not open are passed over; if none opens, WrongPassphrase says so.
    """
    with store.locked():
        wrong_passphrase: WrongPassphrase | None = None
        for candidate in backups.list_backups(store.data_dir):
            try:
                raw = candidate.read_bytes()
                check_bytes(candidate, raw, store.sealer)
            except OSError:
                continue
            except WrongPassphrase as exc:
                wrong_passphrase = exc
                continue
            except UnreadableStore:
                continue
            current = read_bytes(store.path)
            if current is not None:
                stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
                write_atomic(store.path.with_name(f"{store.path.name}.damaged-{stamp}"), current)
            write_atomic(store.path, raw)
            return candidate
    if wrong_passphrase is not None:
        raise wrong_passphrase
    raise StoreError(f"{store.path}: no backup in {backups.backup_dir(store.data_dir)} loads")
