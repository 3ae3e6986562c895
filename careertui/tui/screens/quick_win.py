"""``w``: a one-line input; Enter saves the win dated today, Escape cancels.

While it saves, the input takes no keys: those typed then are replayed to the dashboard once
the win is stored (see :mod:`careertui.tui.screens.held_keys`)."""

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
from careertui.domain.models import Win
from careertui.tui.screens.held_keys import KeyHold
from careertui.tui.screens.messages import readable_errors


class QuickWinScreen(ModalScreen[Win | None]):
    """Saves through ``save(win, on_done, on_error)`` (given by the app) and closes only once
    the win is stored; on a store error the text stays and the message shows under it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="quick_win.cancel")]

    def __init__(
        self, save: Callable[[Win, Callable[[Win], None], Callable[[str], None]], None]
    ) -> None:
        super().__init__()
        self._save = save
        self._saving = False
        self._keys = KeyHold()

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-win", classes="dialog"):
            yield Label(
                f"Log a win for {today().isoformat()}  ·  Enter saves  ·  Escape cancels",
                classes="dialog-title",
            )
            yield Input(
                placeholder="What did you do? Enter saves, Escape cancels", id="quick-win-title"
            )
            yield Static("", id="quick-win-error", classes="field-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._saving:
            return
        error = self.query_one("#quick-win-error", Static)
        try:
            win = Win(title=event.value, date=today())
        except ValidationError as exc:
            error.update(readable_errors(exc).get("title", "this win cannot be saved"))
            error.add_class("-shown")
            return
        error.update("")
        error.remove_class("-shown")
        self._saving = True
        self._keys.start()
        self.query_one(Input).disabled = True
        self._save(win, self._saved, self._failed)

    def on_key(self, event: events.Key) -> None:
        self._keys.take(event)

    def _saved(self, win: Win) -> None:
        if self.is_current:  # the user may have closed it while it was saving
            self.dismiss(win)
            self._keys.replay(self.app)

    def _failed(self, message: str) -> None:
        self._saving = False
        self._keys.drop()
        if not self.is_attached:
            return
        title = self.query_one(Input)
        title.disabled = False
        title.focus()
        self.call_after_refresh(title.action_end)  # the cursor after the text, none selected
        error = self.query_one("#quick-win-error", Static)
        error.update(message)
        error.add_class("-shown")

    def action_cancel(self) -> None:
        self.dismiss(None)
        if self._saving:
            self._keys.replay(self.app)
