"""``c`` on the stakeholder map: a short note and the date (today unless told otherwise).

Enter saves through ``save(interaction, on_done, on_error)``, given by the app, and the screen
closes only once the check-in is stored; a validation or store error shows next to its field
and what was typed stays. While it saves the inputs take no keys: those typed then are replayed
to the stakeholder map once the check-in is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from careertui.domain.clock import today
from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError
from careertui.domain.models import Interaction, Stakeholder
from careertui.tui.screens.held_keys import KeyHold
from careertui.tui.screens.messages import named, readable_errors

Save = Callable[[Interaction, Callable[[Interaction], None], Callable[[str], None]], None]


class StakeholderCheckInScreen(ModalScreen[Interaction | None]):
    """Log a check-in with one person."""

    CSS_PATH = "stakeholder_check_in.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="stakeholder_check_in.cancel")]

    def __init__(self, person: Stakeholder, save: Save) -> None:
        super().__init__()
        self.person = person
        self._save = save
        self._saving = False
        self._keys = KeyHold()

    def compose(self) -> ComposeResult:
        last = self.person.last_contact
        since = f" (last contact {last.isoformat()})" if last else " (no contact on record)"
        with Vertical(id="stakeholder-check-in", classes="dialog"):
            yield Label(f"Check-in with {self.person.name}{since}", classes="dialog-title")
            yield Label("Note")
            yield Input(
                placeholder="What did you talk about? Enter saves, Escape cancels",
                id="check-in-note",
            )
            yield Static("", id="check-in-note-error", classes="field-error")
            yield Label("Date")
            yield Input(
                today().isoformat(),
                placeholder="2026-03-14, yesterday, last friday",
                id="check-in-date",
            )
            yield Static("", id="check-in-date-error", classes="field-error")

    def on_mount(self) -> None:
        self.query_one("#check-in-note", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
        if self._saving:
            self._keys.replay(self.app)

    def on_key(self, event: events.Key) -> None:
        self._keys.take(event)

    def _take_input(self, yes: bool) -> None:
        for field in self.query(Input):
            field.disabled = not yes

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._saving:
            return
        note = self.query_one("#check-in-note", Input).value
        when = self.query_one("#check-in-date", Input).value
        errors: dict[str, str] = {}
        interaction = None
        try:
            on = parse_when(when, today())
        except InputError as exc:
            errors["date"] = named("Date", str(exc))
        else:
            if on > today():
                errors["date"] = "Date: a check-in cannot be in the future"
            else:
                try:
                    interaction = Interaction(stakeholder_id=self.person.id, date=on, note=note)
                except ValidationError as exc:
                    errors.update(readable_errors(exc))
        self._show(errors)
        if interaction is None:
            return
        self._saving = True
        self._keys.start()
        self._take_input(False)
        self._save(interaction, self._saved, self._failed)

    def _show(self, errors: dict[str, str]) -> None:
        self.query_one("#check-in-note-error", Static).update(errors.get("note", ""))
        self.query_one("#check-in-date-error", Static).update(errors.get("date", ""))

    def _saved(self, interaction: Interaction) -> None:
        if self.is_current:  # the user may have closed it while it was saving
            self.dismiss(interaction)
            self._keys.replay(self.app)

    def _failed(self, message: str) -> None:
        self._saving = False
        self._keys.drop()
        if not self.is_attached:
            return
        self._take_input(True)
        note = self.query_one("#check-in-note", Input)
        note.focus()
        self.call_after_refresh(note.action_end)
        self.query_one("#check-in-note-error", Static).update(message)
