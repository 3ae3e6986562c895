"""The exports the command palette offers, one entry a kind of
:data:`careertui.export_kinds.EXPORT_KINDS`: rendered and saved off the event loop, as a new
private (0600) file in the export directory, outside the data directory
(:func:`careertui.exchange.files.export_directory`: ``$CAREERTUI_EXPORT_DIR``, else the
documents folder's ``careertui/``); the full path is shown when done."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from careertui.export_kinds import EXPORT_KINDS
from careertui.tui.commands import PaletteCommand
from careertui.tui.saving import Write

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp


def export(app: CareerApp, name: str) -> None:
    """Save the export called ``name`` of the career on screen and say where it went."""
    from careertui.exchange.exports import save_export

    career, data_dir = app.career, app.repo.store.data_dir
    app.dashboard.run_write(
        Write(
            save_export,
            (name, career, data_dir),
            refresh=False,
            then=lambda path: app.notify(
                f"Saved {path}", title="Exported", timeout=10, markup=False
            ),
        )
    )


def export_commands(app: CareerApp) -> list[PaletteCommand]:
    """The palette's export entries: name, help and what choosing it does."""
    return [
        (kind.palette_name, kind.palette_help, partial(export, app, kind.name))
        for kind in EXPORT_KINDS
    ]
