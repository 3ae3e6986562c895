"""``w``: a one-line input; Enter dismisses with the win dated today, Escape cancels.

The dashboard saves the win. When the save fails it opens the line again with the text and the
reason under it (``text``, ``error``)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.ladder import split_competencies
from careertui.domain.models import Win
from careertui.tui.screens.messages import readable_errors


class QuickWinScreen(ModalScreen[Win | None]):
    """One line for a win; dismisses with a valid :class:`Win` (or None, cancelled)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="quick_win.cancel")]

    def __init__(self, text: str = "", error: str = "", competencies: Sequence[str] = ()) -> None:
        super().__init__()
        self._text = text
        self._error = error
        #: The ladder's competencies, which ``c:NAME`` in the line ties the win to.
        self._competencies = list(competencies)

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-win", classes="dialog"):
            yield Label(
                f"Log a win for {today().isoformat()}  ·  Enter saves  ·  Escape cancels",
                classes="dialog-title",
            )
            yield Input(
                self._text,
                placeholder=(
                    "What did you do? c:NAME ties a competency; Enter saves, Escape cancels"
                    if self._competencies
                    else "What did you do? Enter saves, Escape cancels"
                ),
                id="quick-win-title",
            )
            yield Static("", id="quick-win-error", classes="field-error")

    def on_mount(self) -> None:
        title = self.query_one(Input)
        self.set_focus(title)
        if self._text:  # the cursor after the text, none selected (after the focus selects it)
            title.call_later(title.action_end)
        self._show_error(self._error)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#quick-win-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.is_current:
            return
        try:
            title, tied = split_competencies(event.value, self._competencies)
        except InputError as exc:
            self._show_error(str(exc))
            return
        try:
            win = Win(title=title, date=today(), competencies=tied)
        except ValidationError as exc:
            self._show_error(readable_errors(exc).get("title", "this win cannot be saved"))
            return
        self.dismiss(win)

    def action_cancel(self) -> None:
        self.dismiss(None)
