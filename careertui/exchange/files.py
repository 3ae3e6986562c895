"""Export files: written whole, private (0600), and named so the user can find them.

:func:`write_export` is what the app's command palette calls: it renders one export from a
:class:`~careertui.store.repository.Career` snapshot, saves it in a directory and returns the
path to show the user.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careertui.domain.clock import today as clock_today
from careertui.domain.errors import InputError
from careertui.store.errors import StoreError
from careertui.store.files import DIR_MODE, write_atomic
from careertui.store.repository import Career

#: Where the app saves exports: beside the data, like the check-in agendas.
EXPORT_DIR = "exports"

#: The exports, by the name the CLI and the palette use: (file stem, file extension).
KINDS: dict[str, tuple[str, str]] = {
    "brag": ("brag-document", "md"),
    "case": ("promotion-case", "md"),
    "json": ("careertui-export", "json"),
}


def render(kind: str, career: Career, *, today: dt.date | None = None,
           start: dt.date | None = None, end: dt.date | None = None) -> str:
    """The text of one export. ``start`` and ``end`` bound the brag document only."""
    on = today or clock_today()
    if kind == "brag":
        from careertui.exchange.brag import brag_document

        return brag_document(career, start=start, end=end, today=on)
    if kind == "case":
        from careertui.exchange.case import promotion_case

        return promotion_case(career, today=on)
    if kind == "json":
        from careertui.exchange.backup import export_json

        return export_json(career)
    raise InputError(f"unknown export {kind!r} (choose from {', '.join(KINDS)})")


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

    The directory must exist: a mistyped ``--out`` directory is an error, not a new folder.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a directory; give a file name, e.g. {path / 'export.md'}")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {path}: the directory {path.parent} does not exist")
    try:
        write_atomic(path, content.encode("utf-8"))
    except StoreError as exc:
        raise InputError(f"cannot write {path}: {exc}") from exc
    return path


def export_path(kind: str, directory: Path, on: dt.date) -> Path:
    """A new file in ``directory`` for ``kind``, dated ``on``; never one that exists."""
    stem, extension = KINDS[kind]
    candidate = directory / f"{stem}-{on.isoformat()}.{extension}"
    number = 2
    while candidate.exists():
        candidate = directory / f"{stem}-{on.isoformat()}-{number}.{extension}"
        number += 1
    return candidate


def write_export(kind: str, career: Career, directory: Path, *,
                 today: dt.date | None = None) -> Path:
    """Render ``kind`` ("brag", "case" or "json") from ``career`` and save it in ``directory``
    (created 0700 if missing) as a new 0600 file; return its path.

    The brag document covers every win up to today. Raises
    :class:`~careertui.domain.errors.CareerError` with a message fit for the user.
    """
    if kind not in KINDS:
        raise InputError(f"unknown export {kind!r} (choose from {', '.join(KINDS)})")
    on = today or clock_today()
    content = render(kind, career, today=on)
    directory = Path(directory).expanduser()
    try:
        directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {directory}: {exc.strerror or exc}") from exc
    return write_private(export_path(kind, directory, on), content)


def save_export(kind: str, career: Career, data_dir: Path, *,
                today: dt.date | None = None) -> Path:
    """:func:`write_export` into ``data_dir/exports/`` (the app's command palette uses this)."""
    return write_export(kind, career, Path(data_dir) / EXPORT_DIR, today=today)
