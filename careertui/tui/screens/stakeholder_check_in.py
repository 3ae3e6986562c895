"""``c`` on the stakeholder map: a short note and the date (today unless told otherwise).

Enter dismisses with the :class:`Interaction` (a validation error shows next to its field and
the screen stays); the dashboard saves it. When the save fails it opens the screen again with
what was typed (``typed``) and the reason under the note (``error``).
"""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from careertui.domain.clock import today
from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError
from careertui.domain.models import Interaction, Stakeholder
from careertui.tui.screens.messages import named, readable_errors
from careertui.tui.widgets.footer import DashboardFooter


class StakeholderCheckInScreen(ModalScreen[Interaction | None]):
    """Log a check-in with one person."""

    CSS_PATH = "stakeholder_check_in.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="stakeholder_check_in.cancel")]

    def __init__(
        self, person: Stakeholder, typed: Interaction | None = None, error: str = ""
    ) -> None:
        super().__init__()
        self.person = person
        self._typed = typed
        self._error = error

    def compose(self) -> ComposeResult:
        last = self.person.last_contact
        since = f" (last contact {last.isoformat()})" if last else " (no contact on record)"
        with Vertical(id="stakeholder-check-in", classes="dialog"):
            yield Label(f"Check-in with {self.person.name}{since}", classes="dialog-title")
            yield Label("Note")
            yield Input(
                self._typed.note if self._typed else "",
                placeholder="What did you talk about? Enter saves, Escape cancels",
                id="check-in-note",
            )
            yield Static("", id="check-in-note-error", classes="field-error")
            yield Label("Date")
            yield Input(
                (self._typed.date if self._typed else today()).isoformat(),
                placeholder="2026-03-14, yesterday, last friday",
                id="check-in-date",
            )
            yield Static("", id="check-in-date-error", classes="field-error")
        yield DashboardFooter()

    def on_mount(self) -> None:
        note = self.query_one("#check-in-note", Input)
        self.set_focus(note)
        if self._typed is not None:  # the cursor after the text, none selected
            note.call_later(note.action_end)
        if self._error:
            self._show({"note": self._error})

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.is_current:
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
        if interaction is not None:
            self.dismiss(interaction)

    def _show(self, errors: dict[str, str]) -> None:
        self.query_one("#check-in-note-error", Static).update(errors.get("note", ""))
        self.query_one("#check-in-date-error", Static).update(errors.get("date", ""))
