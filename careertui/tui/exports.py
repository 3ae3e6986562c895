"""The exports the command palette offers, one entry a kind of
:data:`careertui.export_kinds.EXPORT_KINDS`: rendered and saved off the event loop, as a new
private (0600) file in the export directory, outside the data directory
(:func:`careertui.exchange.files.export_directory`: ``$CAREERTUI_EXPORT_DIR``, else the
documents folder's ``careertui/``); the full path is shown when done. A document (brag, case,
self-review) asks first: shareable (the default) or private."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from careertui.export_kinds import EXPORT_KINDS, find_kind
from careertui.tui.commands import PaletteCommand
from careertui.tui.saving import Write

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp


#: The answers of the export dialog: shareable first (Enter takes it), then private.
SHAREABLE = "shareable"
PRIVATE = "private"


def export(app: CareerApp, name: str) -> None:
    """Save the export called ``name`` of the career on screen and say where it went; a
    document asks first whether it is to be shared (the default) or kept private."""
    kind = find_kind(name)
    if kind is None or not kind.is_document:
        _save(app, name, private=False)
        return
    from careertui.tui.screens.choice import Answer, ChoiceScreen

    def answered(choice: str | None) -> None:
        if choice in (SHAREABLE, PRIVATE):
            _save(app, name, private=choice == PRIVATE)

    app.push_screen(
        ChoiceScreen(
            f"Export the {kind.title}: shareable or private?",
            [
                Answer("s", "Shareable: for the room", SHAREABLE, "Shareable"),
                Answer("p", "Private: adds your notes on people and gaps", PRIVATE, "Private"),
            ],
        ),
        answered,
    )


def _save(app: CareerApp, name: str, *, private: bool) -> None:
    from careertui.exchange.exports import save_export

    career, data_dir = app.career, app.repo.store.data_dir
    which = "private " if private else ""
    app.dashboard.run_write(
        Write(
            partial(save_export, private=private),
            (name, career, data_dir),
            refresh=False,
            then=lambda path: app.notify(
                f"Saved {which}copy: {path}" if private else f"Saved {path}",
                title="Exported",
                timeout=10,
                markup=False,
            ),
        )
    )


def export_commands(app: CareerApp) -> list[PaletteCommand]:
    """The palette's export entries: name, help and what choosing it does."""
    return [
        (kind.palette_name, kind.palette_help, partial(export, app, kind.name))
        for kind in EXPORT_KINDS
    ]
