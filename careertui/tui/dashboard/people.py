"""What the dashboard does when the stakeholder map asks: add, edit and delete a person, log a
check-in, and save a check-in's agenda as a file."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from careertui.actions.people import add_stakeholder, check_in, delete_stakeholder, edit_stakeholder
from careertui.domain.errors import CareerError
from careertui.domain.models import Stakeholder
from careertui.domain.stakeholders import Agenda
from careertui.store.errors import StoreError
from careertui.tui.dashboard.forms import Edit, FormSave
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.saving import Write

if TYPE_CHECKING:
    from careertui.tui.dashboard.screen import DashboardScreen

#: Columns of text in the shared confirm dialog.
CONFIRM_WIDTH = 52


class PeopleRequests:
    def __init__(self, dashboard: DashboardScreen) -> None:
        self.dashboard = dashboard

    def _go_to(self, person: Stakeholder) -> None:
        self.dashboard.show_saved(person)
        self.dashboard.query_one(StakeholdersPane).go_to(person.id)

    def _form(self, title: str, original: Stakeholder | None) -> FormSave:
        from careertui.tui.screens.form import FormScreen
        from careertui.tui.screens.stakeholder_form import (
            new_stakeholder_defaults,
            stakeholder_fields,
        )

        dashboard = self.dashboard
        fields = stakeholder_fields()
        opened = original if original is not None else new_stakeholder_defaults()
        return FormSave(
            form=lambda typed, error: FormScreen(
                title, Stakeholder, fields, opened, typed=typed, error=error
            ),
            write=lambda person: Write(add_stakeholder, (dashboard.repo, person)),
            edit=None if original is None else Edit(edit_stakeholder, original),
            done=lambda person: (
                f"Added {person.name}" if original is None else f"Saved {person.name}"
            ),
            after=lambda person, _: self._go_to(person),
        )

    def new(self) -> None:
        self.dashboard.forms.open(self._form("New stakeholder", None))

    def edit(self, person: Stakeholder) -> None:
        self.dashboard.forms.open(self._form(f"Edit {person.name}", person))

    def check_in(self, person: Stakeholder) -> None:
        from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen

        dashboard = self.dashboard
        dashboard.forms.open(
            FormSave(
                form=lambda typed, error: StakeholderCheckInScreen(person, typed, error),
                write=lambda interaction: Write(check_in, (dashboard.repo, interaction)),
                done=lambda _: f"Check-in with {person.name} logged",
            )
        )

    def confirm_delete(self, person: Stakeholder, references: str) -> None:
        from careertui.tui.screens.confirm import ConfirmScreen

        question = f"Delete {person.name}?"
        if references:
            explained = (
                f"{references} name them. Wins, gaps and feedback stay, unlinked "
                "(feedback keeps the name as text); their check-ins go with them."
            )
            # The confirm dialog is 60 columns and does not wrap: break the lines here.
            question += "\n" + textwrap.fill(explained, width=CONFIRM_WIDTH)

        def answered(yes: bool | None) -> None:
            if yes:
                self.dashboard.run_write(
                    Write(
                        delete_stakeholder,
                        (self.dashboard.repo, person.id),
                        done=f"Deleted {person.name}",
                    )
                )

        yes = "Unlink and delete" if references else "Delete"
        self.dashboard.app.push_screen(ConfirmScreen(question, yes=yes), answered)

    def save_agenda(self, agenda: Agenda) -> None:
        """The agenda as a Markdown file with the exports; the notification says where."""
        from careertui.exchange.agenda import save as save_agenda

        try:
            path = save_agenda(agenda, self.dashboard.repo.store.data_dir)
        except (OSError, StoreError, CareerError) as exc:
            self.dashboard.notify(
                f"The agenda was not saved: {exc}", title="Not saved", severity="error", timeout=8
            )
            return
        self.dashboard.notify(f"Agenda saved to {path}", timeout=8, markup=False)
