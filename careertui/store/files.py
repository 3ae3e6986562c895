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
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from careertui.store.errors import StoreError, UnreadableStore, WriteFailed

FILE_MODE = 0o600
DIR_MODE = 0o700

Tables = dict[str, dict[str, dict[str, Any]]]


def ensure_private_dir(path: Path) -> None:
    """Make sure careertui may write in ``path``: create it and every missing parent 0700,
    take group and other access off an existing one (never adding any for its owner), and
    raise StoreError, nothing written, where it cannot be written or belongs to someone else.
    """
    path = Path(path)
    refuse_foreign_owner(path)
    for folder in [*reversed(path.parents), path]:
        if folder.is_dir():
            continue
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise StoreError(
                    f"{folder} is in the way of the data directory {path}: it is not a "
                    "directory; nothing was changed"
                ) from None
            continue
        except OSError as exc:
            raise StoreError(
                f"{path}: the data directory could not be created ({_reason(exc)}); nothing "
                "was changed. Choose another with --data-dir or CAREERTUI_DATA_DIR"
            ) from exc
        with contextlib.suppress(OSError):
            os.chmod(folder, DIR_MODE)  # whatever the umask, and only the ones made here
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        with contextlib.suppress(OSError):
            os.chmod(path, mode & 0o700)  # tighten; the owner's own bits stay as the user set
    if not os.access(path, os.W_OK | os.X_OK):
        if _read_only_file_system(path):
            why, fix = "it is on a read-only file system", "mount it read-write"
        else:
            why = f"its mode is {stat.S_IMODE(os.stat(path).st_mode):04o}"
            fix = "give yourself write access to it"
        raise StoreError(
            f"{path}: careertui cannot write in this directory ({why}); nothing was changed. "
            f"To change the store, {fix} or choose another --data-dir"
        )


def _read_only_file_system(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & getattr(os, "ST_RDONLY", 0))
    except (OSError, AttributeError):
        return False


def refuse_foreign_owner(path: Path) -> None:
    """Refuse to write, as root, into a folder another user owns (``sudo`` keeping ``HOME``):
    what careertui made there would belong to root and be unreadable to them."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None or geteuid() != 0:
        return
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        owner = os.stat(folder).st_uid
    except OSError:
        return
    if owner != 0:
        raise StoreError(
            f"{path}: careertui is running as root, but {folder} belongs to another user (uid "
            f"{owner}); files written now would be root's and unreadable to them. Run careertui "
            "as that user (without sudo); nothing was changed"
        )


TEMP_SUFFIX = ".tmp"
#: What marks a temporary file as careertui's own: ``.<name>.ctui-<8 characters>.tmp``.
TEMP_MARKER = ".ctui-"
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
    """Create and open a new private file ``<prefix>ctui-<8 random characters>.tmp`` in
    ``directory``, as ``tempfile.mkstemp`` would (0600, never an existing name)."""
    for _ in range(100):
        name = (
            prefix
            + TEMP_MARKER[1:]
            + "".join(_TEMP_CHARS[b % len(_TEMP_CHARS)] for b in os.urandom(8))
        )
        path = os.path.join(directory, name + TEMP_SUFFIX)
        try:
            return os.open(path, _TEMP_FLAGS, FILE_MODE), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(directory))


def write_atomic(
    target: Path, payload: bytes, *, follow_symlink: bool = True, durable: bool = True
) -> None:
    """Durably replace ``target`` (following a symlink to its real file) with ``payload``.

    With ``follow_symlink=False`` a symlink at ``target`` itself is never followed: the new
    file replaces the link, never the file it points to (symlinks among the parent
    directories are still followed). With ``durable=False`` nothing is fsynced (for copies
    that only matter once the OS has flushed them anyway, such as the rolling versions).

    On any failure the target is left as it was, the temporary file is removed, and a
    StoreError (:class:`~careertui.store.errors.WriteFailed`) says what went wrong.
    """
    if follow_symlink:
        real = Path(os.path.realpath(target))
    else:
        real = Path(os.path.realpath(Path(target).parent)) / Path(target).name
    directory = real.parent
    try:
        fd, tmp_name = _make_temp(directory, f".{real.name}.")
    except OSError as exc:
        raise WriteFailed(real, _reason(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)
        os.replace(tmp_name, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise WriteFailed(real, _reason(exc)) from exc
        raise
    if durable:
        fsync_dir(directory)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file is larger than this system allows (file size limit reached)"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno == errno.EISDIR:
        return "a directory is in the way"
    return exc.strerror or str(exc)


reason = _reason

#: The files careertui writes beside the data file and in ``backups/`` (by their names): only
#: their temporary files are ever removed.
OWN_NAMES = re.compile(
    r"careertui\.json(\.checked|\.damaged-[0-9T]+)?"
    r"|(daily|version|pre-[a-z0-9-]+)-[0-9T:-]+\.json"
)


def remove_stale_temps(target: Path, *, any_name: bool = False) -> list[Path]:
    """Remove temporary files a killed writer of ``target`` left behind.

    Call only while holding the lock that serialises writes of ``target``: then no live
    writer owns one. Only names :func:`write_atomic` gives are touched (``.<name>.ctui-`` and
    eight random characters), never another program's. With ``any_name``, the temporary files
    of every file careertui writes in ``target``'s directory (:data:`OWN_NAMES`) go.
    """
    real = Path(os.path.realpath(target))
    own = rf"(?:{OWN_NAMES.pattern}|{re.escape(real.name)})"  # and a symlink's target
    name = own if any_name else re.escape(real.name)
    marker = re.escape(TEMP_MARKER)
    pattern = re.compile(rf"\.{name}{marker}[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(real.parent):
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block ends, so that a change and the record that it
    landed are never separated; the interruption is delivered right after.

    Only the main thread can hold signals; elsewhere (the app's workers) the block just runs.
    If the block fails, its error is what the user sees and the held Ctrl-C is dropped.
    """
    import signal

    held: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    except (ValueError, OSError):  # not the main thread
        yield
        return
    try:
        yield
    except BaseException:
        signal.signal(signal.SIGINT, previous)
        raise
    signal.signal(signal.SIGINT, previous)
    if held:
        if callable(previous):
            previous(signal.SIGINT, None)
        elif previous == signal.SIG_DFL:
            raise KeyboardInterrupt


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


def decode(path: Path, raw: bytes, *, trusted: bool = False) -> Tables:
    """Parse the data file's bytes, insisting on TinyDB's shape: table → id → document.

    Unless ``trusted`` (the bytes are exactly what careertui last wrote and checked), a file
    whose objects repeat a key or nest deeper than the encoder can write back is refused too:
    a parser keeps only the last of two ``"wins"`` and the next write would drop the others.
    """
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
    if not trusted:
        check_writable_back(path, raw, data)
    return data


def check_writable_back(path: Path, raw: bytes, data: Tables) -> None:
    """Raise UnreadableStore unless writing ``data`` back keeps everything ``raw`` holds.

    Cheap for a file careertui wrote: encoding it again gives the same bytes (about a fifth of
    the parse). Only a file written some other way (pretty-printed, edited) is parsed a second
    time, by the standard library, to look for repeated keys.
    """
    try:
        again = encode(data)
    except orjson.JSONEncodeError as exc:
        raise UnreadableStore(
            path, "a record is nested more than 254 levels deep, more than careertui can write"
        ) from exc
    if again == raw:
        return
    import json

    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    raise _RepeatedKey(key)
                seen.add(key)
        return found

    try:
        json.loads(raw, object_pairs_hook=unique)
    except _RepeatedKey as exc:
        raise UnreadableStore(
            path,
            f"the key {exc.args[0]!r} appears twice in one object (only one of them could be kept)",
        ) from None
    except (ValueError, RecursionError) as exc:
        raise UnreadableStore(path, f"not valid JSON ({exc})") from None


class _RepeatedKey(Exception):
    pass


def regular_file_problem(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not one careertui reads or writes (None: it is)."""
    if stat.S_ISREG(mode):
        return None
    kinds = {
        stat.S_ISDIR: "a directory",
        stat.S_ISFIFO: "a named pipe (FIFO)",
        stat.S_ISSOCK: "a socket",
        stat.S_ISCHR: "a device",
        stat.S_ISBLK: "a device",
        stat.S_ISLNK: "a symbolic link",
    }
    kind = next((text for test, text in kinds.items() if test(mode)), "not a file")
    return f"it is {kind}, not a regular file"


_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_bytes(path: Path, *, follow_symlink: bool = True) -> bytes | None:
    """The file's bytes, or None when it does not exist yet.

    Only a regular file is read: a named pipe, a device or a directory in its place raises
    UnreadableStore at once (it is opened without blocking, then checked) instead of hanging.
    With ``follow_symlink=False`` a symlink is refused too.
    """
    flags = _READ_FLAGS | (0 if follow_symlink else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlink:
            raise UnreadableStore(path, "it is a symbolic link, not a regular file") from exc
        raise UnreadableStore(path, exc.strerror or str(exc)) from exc
    try:
        problem = regular_file_problem(os.fstat(fd).st_mode)
        if problem:
            raise UnreadableStore(path, problem)
        with open(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise UnreadableStore(path, exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)


def _kind(value: object) -> str:
    return {
        list: "a list",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "a boolean",
        type(None): "null",
    }.get(type(value), type(value).__name__)
