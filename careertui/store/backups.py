"""Backups of the data file, all in ``backups/``:

* ``version-<time>.json``: the file as each of the last :data:`KEEP_VERSIONS` saves left it,
  written right after the save landed, so a restore never loses a change careertui reported
  as saved. A save costs one more write of the file's bytes (already in memory), without the
  fsyncs: if the machine stops before the OS writes it, the data file itself is intact.
* ``daily-<day>.json``: the file as it was before the first change of each day (the last
  :data:`KEEP_DAILY` days), for going further back.
* ``<label>-<time>.json``: a copy taken before each upgrade of the file to a newer format.

Backups are private (0600). A backup is a copy of the data file's bytes, so the backups of an
encrypted store are encrypted with it. Only regular files are backups: a symlink, a named pipe
or a directory in ``backups/`` is never read nor written through.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from pathlib import Path

from careertui.store.errors import StoreError
from careertui.store.files import (
    ensure_private_dir,
    reason,
    regular_file_problem,
    remove_stale_temps,
    write_atomic,
)

DAILY_PREFIX = "daily-"
VERSION_PREFIX = "version-"
KEEP_DAILY = 14
KEEP_VERSIONS = 10


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def _folder(data_dir: Path) -> Path:
    """``backups/``, created 0700 if missing; StoreError if something else is in its place."""
    folder = backup_dir(data_dir)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise StoreError(
            f"{folder}: the backups folder is not a directory; move it away so careertui can "
            "keep backups there. Nothing was changed"
        )
    ensure_private_dir(folder)
    return folder


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y-%m-%dT%H%M%S%f")


def _write_new(folder: Path, name: str, raw: bytes, *, durable: bool = True) -> Path:
    """Write a backup under a name nothing has yet (never through a link or over a file)."""
    target = folder / name
    if os.path.lexists(target):
        problem = _problem(target)
        raise StoreError(
            f"{target}: {problem or 'already exists'}; move it away so careertui can keep its "
            "backup there. Nothing was changed"
        )
    write_atomic(target, raw, follow_symlink=False, durable=durable)
    return target


def daily_backup(data_dir: Path, raw: bytes, today: dt.date, keep: int = KEEP_DAILY) -> Path | None:
    """Keep ``raw`` (the file as it was before today's first write); rotate old daily copies."""
    folder = _folder(data_dir)
    name = f"{DAILY_PREFIX}{today.isoformat()}.json"
    if _problem(folder / name) is None:
        return None  # today's backup was taken already
    target = _write_new(folder, name, raw)
    _rotate(folder, DAILY_PREFIX, keep)
    return target


def keep_version(data_dir: Path, raw: bytes, keep: int = KEEP_VERSIONS) -> Path | None:
    """Keep ``raw``, just saved as the data file, among the last ``keep`` versions.

    Called after the save has landed, so it never raises: a version that cannot be written
    (a full disk, say) is skipped, and the save stands.
    """
    try:
        folder = _folder(data_dir)
        target = _write_new(folder, f"{VERSION_PREFIX}{_stamp()}.json", raw, durable=False)
        _rotate(folder, VERSION_PREFIX, keep)
    except (StoreError, OSError):
        return None
    return target


def labelled_backup(data_dir: Path, raw: bytes, label: str) -> Path:
    """A backup kept outside the daily rotation, e.g. before a migration."""
    return _write_new(_folder(data_dir), f"{label}-{_stamp()}.json", raw)


def _rotate(folder: Path, prefix: str, keep: int) -> None:
    """Remove the oldest of the ``prefix`` backups (regular files only) beyond ``keep``."""
    own = sorted(
        entry.name
        for entry in os.scandir(folder)
        if entry.name.startswith(prefix)
        and entry.name.endswith(".json")
        and entry.is_file(follow_symlinks=False)
    )
    for name in own[: max(0, len(own) - keep)]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / name)


def remove_stale(data_dir: Path) -> None:
    """Remove temporary files of backups a killed writer left (call under the store's lock)."""
    folder = backup_dir(data_dir)
    if folder.is_dir() and not folder.is_symlink():
        remove_stale_temps(folder / "any", any_name=True)


def _problem(path: Path) -> str | None:
    """Why ``path`` is not a backup careertui can read (None: it is a regular file)."""
    try:
        return regular_file_problem(os.lstat(path).st_mode)
    except FileNotFoundError:
        return "it does not exist"
    except OSError as exc:
        return reason(exc)


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup (regular ``*.json`` files in ``backups/``), newest first."""
    return [path for path, _ in _entries(data_dir)]


def ignored(data_dir: Path) -> list[tuple[Path, str]]:
    """What lies in ``backups/`` named like a backup but is not one (a symlink, a pipe, a
    folder), and why; ``doctor`` reports these."""
    folder = backup_dir(data_dir)
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                problem = _problem(Path(entry.path))
                if problem:
                    found.append((Path(entry.path), problem))
    return sorted(found)


def _entries(data_dir: Path) -> list[tuple[Path, float]]:
    folder = backup_dir(data_dir)
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    try:
        scan = list(os.scandir(folder))
    except OSError as exc:
        raise StoreError(f"{folder}: the backups cannot be listed ({reason(exc)})") from exc
    for entry in scan:
        if not entry.name.endswith(".json") or entry.name.startswith("."):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.append((Path(entry.path), info.st_mtime))
    found.sort(key=lambda item: (item[1], item[0].name), reverse=True)
    return found
