"""The app's handlers for the stakeholder map's messages (a mixin of CareerApp).

The pane says what the user meant; these open the forms with the app's write as their save,
so a form closes only once its record is stored, and ask before a delete.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from careertui.actions.people import add_stakeholder, check_in, delete_stakeholder, edit_stakeholder
from careertui.domain.errors import CareerError
from careertui.domain.models import Stakeholder
from careertui.store.errors import StoreError
from careertui.tui.panes.stakeholders import StakeholdersPane

if TYPE_CHECKING:
    from careertui.tui.screens.stakeholder_agenda import StakeholderAgendaScreen

#: Columns of text in the shared confirm dialog.
CONFIRM_WIDTH = 52


class StakeholderHandlers:
    """Methods named ``on_<widget>_<message>`` are found through CareerApp's MRO."""

    repo: Any
    write: Any
    save_edit: Any
    push_screen: Any
    open_form: Any
    notify: Any
    dashboard: Any

    def on_stakeholders_pane_new_requested(self, message: StakeholdersPane.NewRequested) -> None:
        from careertui.tui.screens.stakeholder_form import (
            new_stakeholder_defaults,
            stakeholder_fields,
        )

        def save(person: Stakeholder, done: Any, failed: Any) -> None:
            self.write(
                add_stakeholder,
                self.repo,
                person,
                done_message=f"Added {person.name}",
                on_done=done,
                on_error=failed,
            )

        self.open_form(
            "New stakeholder",
            Stakeholder,
            stakeholder_fields(),
            initial=new_stakeholder_defaults(),
            save=save,
            callback=self._stakeholder_saved,
        )

    def on_stakeholders_pane_edit_requested(self, message: StakeholdersPane.EditRequested) -> None:
        from careertui.tui.screens.stakeholder_form import stakeholder_fields

        original = message.person

        def save(person: Stakeholder, done: Any, failed: Any) -> None:
            self.save_edit(
                lambda was, edited: edit_stakeholder(self.repo, was, edited),
                original,
                person,
                done_message=f"Saved {person.name}",
                on_done=done,
                on_error=failed,
            )

        self.open_form(
            f"Edit {message.person.name}",
            Stakeholder,
            stakeholder_fields(),
            initial=message.person,
            save=save,
            callback=self._stakeholder_saved,
        )

    def _stakeholder_saved(self, person: Stakeholder | None) -> None:
        if person is None:
            return
        pane = self.dashboard.pane("stakeholders")
        if isinstance(pane, StakeholdersPane):
            pane.go_to(person.id)

    def on_stakeholders_pane_check_in_requested(
        self, message: StakeholdersPane.CheckInRequested
    ) -> None:
        from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen

        person = message.person

        def save(interaction: Any, done: Any, failed: Any) -> None:
            self.write(
                check_in,
                self.repo,
                interaction,
                done_message=f"Check-in with {person.name} logged",
                on_done=done,
                on_error=failed,
            )

        self.push_screen(StakeholderCheckInScreen(person, save))

    def on_stakeholders_pane_delete_requested(
        self, message: StakeholdersPane.DeleteRequested
    ) -> None:
        from careertui.tui.screens.confirm import ConfirmScreen

        person = message.person
        question = f"Delete {person.name}?"
        if message.references:
            explained = (
                f"{message.references} name them. Wins, gaps and feedback stay, unlinked "
                "(feedback keeps the name as text); their check-ins go with them."
            )
            # The confirm dialog is 60 columns and does not wrap: break the lines here.
            question += "\n" + textwrap.fill(explained, width=CONFIRM_WIDTH)

        def answer(yes: bool | None) -> None:
            if yes:
                self.write(
                    delete_stakeholder, self.repo, person.id, done_message=f"Deleted {person.name}"
                )

        yes = "Unlink and delete" if message.references else "Delete"
        self.push_screen(ConfirmScreen(question, yes=yes), answer)

    def on_stakeholder_agenda_screen_save_requested(
        self, message: StakeholderAgendaScreen.SaveRequested
    ) -> None:
        from careertui.exchange.agenda import save as save_agenda

        try:
            path = save_agenda(message.agenda, self.repo.store.data_dir)
        except (OSError, StoreError, CareerError) as exc:
            self.notify(
                f"The agenda was not saved: {exc}", title="Not saved", severity="error", timeout=8
            )
            return
        self.notify(f"Agenda saved to {path}", timeout=8)
