"""Backups of the data file: one before the first write of each day, rotated, and one before
every migration or restore. Backups are private (0600) and written as durably as the data.

A backup is a copy of the data file's bytes as they were, so the backups of an encrypted store
are encrypted with it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careertui.store.files import ensure_private_dir, remove_stale_temps, write_atomic

DAILY_PREFIX = "daily-"
KEEP_DAILY = 14


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def daily_backup(data_dir: Path, raw: bytes, today: dt.date, keep: int = KEEP_DAILY) -> Path | None:
    """Keep ``raw`` (the file as it was before today's first write); rotate old daily copies."""
    folder = backup_dir(data_dir)
    target = folder / f"{DAILY_PREFIX}{today.isoformat()}.json"
    if target.exists():
        return None
    ensure_private_dir(folder)
    write_atomic(target, raw)
    dailies = sorted(folder.glob(f"{DAILY_PREFIX}*.json"))
    for old in dailies[: max(0, len(dailies) - keep)]:
        old.unlink(missing_ok=True)
    return target


def labelled_backup(data_dir: Path, raw: bytes, label: str) -> Path:
    """A backup kept outside the daily rotation, e.g. before a migration."""
    folder = backup_dir(data_dir)
    ensure_private_dir(folder)
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H%M%S%f")
    target = folder / f"{label}-{stamp}.json"
    write_atomic(target, raw)
    return target


def remove_stale(data_dir: Path) -> None:
    """Remove temporary files of backups a killed writer left (call under the store's lock)."""
    folder = backup_dir(data_dir)
    if folder.is_dir():
        remove_stale_temps(folder / "any", any_name=True)


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup, newest first."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
