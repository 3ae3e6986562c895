"""Making an export: one kind of :data:`careertui.export_kinds.EXPORT_KINDS` rendered from a
:class:`~careertui.store.repository.Career` snapshot, and saved as a new private file.

:func:`save_export` is what the app's command palette calls: it saves the export in the export
directory (:func:`~careertui.exchange.files.export_directory`, outside the data directory:
exports are plain text, the data directory may be encrypted and synced) and returns the path
to show the user. ``careertui export`` calls :func:`render` and prints or writes the text.

The renderers (brag, case, review, backup) use :mod:`careertui.exchange.files`; this module
uses them both, and nothing below it imports it back.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from careertui.domain.clock import today as clock_today
from careertui.domain.errors import InputError
from careertui.exchange.files import export_directory, make_private_dir, write_private
from careertui.export_kinds import FORMATS, ExportKind, export_names, find_kind
from careertui.store.repository import Career


def export_kind(name: str) -> ExportKind:
    """The kind of export called ``name``; an InputError naming the choices when none is."""
    kind = find_kind(name)
    if kind is None:
        raise InputError(f"unknown export {name!r} (choose from {', '.join(export_names())})")
    return kind


def render(
    name: str,
    career: Career,
    *,
    today: dt.date | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    private: bool = False,
    fmt: str = FORMATS[0],
) -> str:
    """The text of the export called ``name``. ``start`` and ``end`` bound a kind that covers
    a date range (the brag document, the self-review); ``private`` and ``fmt`` shape a
    document (shareable or private, ``markdown`` or ``html``); the other kinds ignore them."""
    check_format(fmt)
    return export_kind(name).render(
        career, today=today or clock_today(), start=start, end=end, private=private, fmt=fmt
    )


def check_format(fmt: str) -> None:
    """An InputError naming the choices when ``fmt`` is not a document format."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def export_path(kind: ExportKind, directory: Path, on: dt.date, fmt: str = FORMATS[0]) -> Path:
    """A new file in ``directory`` for ``kind`` in format ``fmt``, dated ``on``; never one
    that exists (nor a dangling link)."""
    extension = kind.extension_for(fmt)
    candidate = directory / f"{kind.stem}-{on.isoformat()}.{extension}"
    number = 2
    while os.path.lexists(candidate):
        candidate = directory / f"{kind.stem}-{on.isoformat()}-{number}.{extension}"
        number += 1
    return candidate


def write_export(
    name: str,
    career: Career,
    directory: Path,
    *,
    today: dt.date | None = None,
    private: bool = False,
    fmt: str = FORMATS[0],
) -> Path:
    """Render the export called ``name`` from ``career`` and save it in ``directory``
    (created 0700 if missing) as a new 0600 file; return its path. A document is shareable
    unless ``private``, and saved as Markdown (``.md``) or HTML (``.html``) by ``fmt``.

    A ranged export covers its default period up to today. Raises
    :class:`~careertui.domain.errors.CareerError` with a message fit for the user.
    """
    kind = export_kind(name)
    on = today or clock_today()
    content = render(name, career, today=on, private=private, fmt=fmt)
    directory = Path(directory).expanduser()
    make_private_dir(directory)
    return write_private(export_path(kind, directory, on, fmt), content)


def save_export(
    name: str,
    career: Career,
    data_dir: Path,
    *,
    today: dt.date | None = None,
    private: bool = False,
    fmt: str = FORMATS[0],
) -> Path:
    """:func:`write_export` into :func:`~careertui.exchange.files.export_directory` (the app's
    command palette uses this); ``data_dir`` is the data directory, which the export stays out
    of."""
    return write_export(
        name, career, export_directory(data_dir), today=today, private=private, fmt=fmt
    )
