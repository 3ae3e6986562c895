"""The exports the command palette offers: rendered and saved off the event loop, as a new
private (0600) file in the export directory, outside the data directory
(:func:`careertui.exchange.files.export_directory`: ``$CAREERTUI_EXPORT_DIR``, else the
documents folder's ``careertui/``); the full path is shown when done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careertui.tui.commands import PaletteCommand

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp

#: (palette name, help, export kind as careertui.exchange.files knows it)
EXPORTS = (
    ("Export brag document", "Every win, grouped by company priority, as Markdown", "brag"),
    ("Export promotion case", "The case for the target role, as Markdown", "case"),
    ("Export JSON backup", "Everything on record, as JSON that import reads back", "json"),
)


def export(app: CareerApp, kind: str) -> None:
    from careertui.exchange.files import save_export

    career, data_dir = app.career, app.repo.store.data_dir
    app.write(
        save_export,
        kind,
        career,
        data_dir,
        on_done=lambda path: app.notify(
            f"Saved {path}", title="Exported", timeout=10, markup=False
        ),
        refresh=False,
    )


def export_commands(app: CareerApp) -> list[PaletteCommand]:
    return [
        (name, help_text, lambda kind=kind: export(app, kind)) for name, help_text, kind in EXPORTS
    ]
