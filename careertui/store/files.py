"""Durable, private file writes and strict reads of the data file.

A write goes to a temporary file in the same directory, is flushed and fsynced, replaces the
target with ``os.replace`` and then the directory is fsynced, so a crash at any moment leaves
either the old file or the new one, never a mix. A file that cannot be parsed is never written
over: reading it raises :class:`UnreadableStore` and the caller stops.

``careertui win`` imports this module on its lean path, so it imports only what the encoder and
the writer need: the temporary file is created here with ``O_EXCL`` rather than through
``tempfile``, whose import (``shutil``, ``random`` and the compression modules) costs more than
the write.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path
from typing import Any

import orjson

from careertui.store.errors import StoreError, UnreadableStore

FILE_MODE = 0o600
DIR_MODE = 0o700

Tables = dict[str, dict[str, dict[str, Any]]]


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) as 0700; tighten an existing one we own."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(PermissionError):
        if path.stat().st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)


TEMP_SUFFIX = ".tmp"
#: The characters of a temporary file's eight random ones (the alphabet ``tempfile`` uses).
_TEMP_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_TEMP_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _make_temp(directory: Path, prefix: str) -> tuple[int, str]:
    """Create and open a new private file ``<prefix><8 random characters>.tmp`` in
    ``directory``, as ``tempfile.mkstemp`` would (0600, never an existing name)."""
    for _ in range(100):
        name = prefix + "".join(_TEMP_CHARS[b % len(_TEMP_CHARS)] for b in os.urandom(8))
        path = os.path.join(directory, name + TEMP_SUFFIX)
        try:
            return os.open(path, _TEMP_FLAGS, FILE_MODE), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(directory))


def write_atomic(target: Path, payload: bytes) -> None:
    """Durably replace ``target`` (following a symlink to its real file) with ``payload``.

    On any failure the target is left as it was, the temporary file is removed, and a
    StoreError says what went wrong.
    """
    real = Path(os.path.realpath(target))
    directory = real.parent
    try:
        fd, tmp_name = _make_temp(directory, f".{real.name}.")
    except OSError as exc:
        raise StoreError(
            f"{real}: could not be saved ({_reason(exc)}); nothing was changed"
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)
        os.replace(tmp_name, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise StoreError(
                f"{real}: could not be saved ({_reason(exc)}); nothing was changed"
            ) from exc
        raise
    fsync_dir(directory)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file is larger than this system allows (file size limit reached)"
    return exc.strerror or str(exc)


def remove_stale_temps(target: Path, *, any_name: bool = False) -> list[Path]:
    """Remove temporary files a killed writer of ``target`` left behind.

    Call only while holding the lock that serialises writes of ``target``: then no live
    writer owns one. The names are those :func:`write_atomic` gives (eight random characters).
    With ``any_name``, the temporary files of every file in ``target``'s directory go.
    """
    real = Path(os.path.realpath(target))
    name = r".+" if any_name else re.escape(real.name)
    pattern = re.compile(rf"\.{name}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(real.parent):
            if pattern.fullmatch(entry.name):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def encode(tables: Tables) -> bytes:
    return orjson.dumps(tables, option=orjson.OPT_NON_STR_KEYS)


def decode(path: Path, raw: bytes) -> Tables:
    """Parse the data file's bytes, insisting on TinyDB's shape: table → id → document."""
    if not raw.strip():
        raise UnreadableStore(path, "the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise UnreadableStore(path, f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise UnreadableStore(path, f"expected a JSON object of tables, found {_kind(data)}")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise UnreadableStore(
                path, f"table {name!r} should be an object of records, found {_kind(table)}"
            )
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise UnreadableStore(
                    path, f"record {key!r} in table {name!r} is {_kind(doc)}, not an object"
                )
    return data


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist yet."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError as exc:
        raise UnreadableStore(path, "it is a directory, not a file") from exc
    except OSError as exc:
        raise UnreadableStore(path, exc.strerror or str(exc)) from exc


def _kind(value: object) -> str:
    return {
        list: "a list",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "a boolean",
        type(None): "null",
    }.get(type(value), type(value).__name__)
