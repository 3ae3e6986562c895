"""Files in and out: JSON read for an import, and export files written whole, private
(0600), never through a symbolic link, in a folder the user can find.

:func:`export_directory` is where the app saves exports and check-in agendas, outside the data
directory (exports are plain text, the data directory may be encrypted and synced). This module
knows nothing of the kinds of export: :mod:`careertui.exchange.exports` renders and names them,
and the renderers and importers build on the functions here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from careertui.domain.errors import InputError
from careertui.store.errors import StoreError
from careertui.store.files import DIR_MODE, remove_stale_temps, write_atomic

#: Overrides where the app saves exports and check-in agendas.
EXPORT_DIR_ENV = "CAREERTUI_EXPORT_DIR"
#: The folder for them inside the user's documents folder.
EXPORT_DIR = "careertui"
#: The folder in the home directory when there is no documents folder.
FALLBACK_EXPORT_DIR = "careertui-exports"


def read_json(path: Path) -> object:
    """The parsed JSON in ``path``, or an InputError that says what is wrong with the file."""
    path = Path(path).expanduser()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise InputError(f"{path}: the file is empty, not JSON")
    import orjson

    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from exc


def write_private(path: Path, content: str) -> Path:
    """Write ``content`` to ``path`` atomically, readable by the user only (0600).

    The directory must exist: a mistyped ``--out`` directory is an error, not a new folder. A
    symbolic link at ``path`` is refused, never written through (someone else may have planted
    it in a shared folder). A temporary file a killed export to ``path`` left is removed first.
    """
    path = Path(path).expanduser()
    _refuse_unusable(path)
    remove_stale_temps(path)
    try:
        write_atomic(path, content.encode("utf-8"), follow_symlink=False)
    except StoreError as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        raise InputError(f"cannot write {path}: {reason}; nothing was written") from exc
    return path


def _refuse_unusable(path: Path) -> None:
    """An InputError when ``path`` is not a file name careertui may write."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {_reason(exc)}") from exc
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise InputError(
            f"{path} is a symbolic link; careertui does not write through links — remove it "
            "or choose another name"
        )
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a directory; give a file name, e.g. {path / 'export.md'}")
    try:
        parent_is_dir = stat.S_ISDIR(os.stat(path.parent).st_mode)
    except FileNotFoundError:
        parent_is_dir = False
    except OSError as exc:
        raise InputError(f"cannot write {path}: {_reason(exc)}") from exc
    if not parent_is_dir:
        raise InputError(f"cannot write {path}: the directory {path.parent} does not exist")


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a directory"
    return exc.strerror or str(exc)


def refuse_store_paths(path: Path, data_dir: Path) -> None:
    """An InputError when ``path`` is careertui's own data file (or one of its companions)
    or lies among its backups: an export written there would replace the live data."""
    from careertui.store.backups import backup_dir
    from careertui.store.database import DATA_FILE

    target = Path(os.path.realpath(Path(path).expanduser().parent)) / Path(path).name
    home = Path(os.path.realpath(Path(data_dir).expanduser()))
    if target.parent == home and target.name.startswith(DATA_FILE):
        raise InputError(
            f"{path} is careertui's own data file; write the export somewhere else "
            f"(e.g. ~/careertui-export.json)"
        )
    backups = Path(os.path.realpath(backup_dir(home)))
    if target == backups or backups in target.parents:
        raise InputError(
            f"{path} is in careertui's backups ({backups}); write the export somewhere else"
        )


def export_directory(data_dir: Path | None = None) -> Path:
    """Where the app saves exports and check-in agendas: ``$CAREERTUI_EXPORT_DIR``, else
    ``careertui`` in the user's documents folder, else ``~/careertui-exports``; never inside
    the data directory ``data_dir`` (exports are plain text, the data may be encrypted and is
    often synced). An absolute path; nothing is created here."""
    chosen = os.environ.get(EXPORT_DIR_ENV, "").strip()
    if chosen:
        folder = Path(os.path.abspath(Path(chosen).expanduser()))
        if data_dir is not None and _inside(folder, data_dir):
            raise InputError(
                f"{EXPORT_DIR_ENV}={chosen} is inside the data directory {data_dir}; exports "
                "are plain text, so choose a folder outside it"
            )
        return folder
    candidates = [Path.home() / FALLBACK_EXPORT_DIR]
    documents = _documents_dir()
    if documents is not None:
        candidates.insert(0, documents / EXPORT_DIR)
    for folder in candidates:
        if data_dir is None or not _inside(folder, data_dir):
            return Path(os.path.abspath(folder))
    raise InputError(
        f"the data directory {data_dir} holds the usual export folders; set "
        f"{EXPORT_DIR_ENV} to a folder outside it"
    )


def _documents_dir() -> Path | None:
    """The user's documents folder, if there is one on this machine."""
    import platformdirs

    try:
        documents = Path(platformdirs.user_documents_dir())
    except Exception:  # noqa: BLE001 - no documents folder known on this platform
        return None
    return documents if documents.is_dir() else None


def _inside(folder: Path, data_dir: Path) -> bool:
    real = Path(os.path.realpath(folder))
    home = Path(os.path.realpath(Path(data_dir).expanduser()))
    return real == home or home in real.parents


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` and any missing parent as 0700 (an existing one is left as it
    is: it may be a folder the user shares on purpose)."""
    missing = [p for p in (directory, *directory.parents) if not p.exists()]
    for folder in reversed(missing):
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise InputError(f"cannot create {folder}: {_reason(exc)}") from exc
        with contextlib.suppress(OSError):
            os.chmod(folder, DIR_MODE)  # whatever the umask
    if not directory.is_dir():
        raise InputError(f"cannot create {directory}: a file is in the way")
