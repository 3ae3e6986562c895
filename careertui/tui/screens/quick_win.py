"""``w``: a one-line input in the journal filter's shorthand (:mod:`careertui.domain.shorthand`);
a line under it says what was understood, or what stops it from being saved. Enter dismisses
with the win dated today; Escape cancels, asking first when something was typed.

The dashboard saves the win. When the save fails it opens the line again with the text and the
reason under it (``text``, ``error``). ``start`` is text put in the line for the user (the
weekly review names a gap: ``g:"Public speaking" ``): left as it is, the line under it asks for
the title, and Escape closes at once, as on an empty line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from careertui.domain.clock import today
from careertui.domain.models import Gap, Priority, Stakeholder, Win
from careertui.domain.shorthand import QuickWinText, parse_quick_win
from careertui.tui.screens.messages import readable_errors
from careertui.tui.widgets.footer import DashboardFooter

#: What the line under the input starts with when nothing stops the win from being saved.
UNDERSTOOD = "Understood:"
#: ... and when something does.
BLOCKED = "Cannot save yet:"
#: What Enter says while the line above names a problem.
NOT_SAVED = "Not saved: fix what the line above says, or Escape to cancel"


@dataclass(frozen=True)
class QuickWin:
    """What the quick win dismisses with: the win to log and the line it was read from."""

    win: Win
    text: str


class QuickWinScreen(ModalScreen[QuickWin | None]):
    """One line for a win; dismisses with a valid :class:`QuickWin` (or None, cancelled)."""

    CSS_PATH = Path(__file__).with_name("quick_win.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="quick_win.cancel")]
    FOOTER_FIRST = ("quick_win.cancel",)

    def __init__(
        self,
        text: str = "",
        error: str = "",
        *,
        priorities: Sequence[Priority] = (),
        gaps: Sequence[Gap] = (),
        stakeholders: Sequence[Stakeholder] = (),
        competencies: Sequence[str] = (),
        start: str = "",
    ) -> None:
        super().__init__()
        self._text = text or start
        self._start = start if not text else ""
        self._error = error
        self._names = {
            "priorities": priorities,
            "gaps": gaps,
            "stakeholders": stakeholders,
            "competencies": competencies,
        }

    def compose(self) -> ComposeResult:
        with Vertical(id="quick-win", classes="dialog"):
            ladder = " c:competency" if self._names["competencies"] else ""
            yield Label(
                f"Log a win for {today().isoformat()}  ·  @person #tag p:priority g:gap{ladder} *",
                classes="dialog-title",
            )
            yield Input(
                self._text,
                placeholder="What did you do? Enter saves, Escape cancels",
                id="quick-win-title",
            )
            yield Static("", id="quick-win-understood")
            yield Static("", id="quick-win-error", classes="field-error")
        yield DashboardFooter()

    def on_mount(self) -> None:
        title = self.query_one(Input)
        self.set_focus(title)
        if self._text:  # the cursor after the text, none selected (after the focus selects it)
            title.call_later(title.action_end)
        self._show_understood(self._text)
        self._show_error(self._error)

    def parsed(self, text: str) -> QuickWinText:
        return parse_quick_win(text, **self._names)  # type: ignore[arg-type]

    def _show_understood(self, text: str) -> None:
        line = self.query_one("#quick-win-understood", Static)
        if not text.strip():
            line.update("")
            return
        read = self.parsed(text)
        if text == self._start and not read.title and len(read.problems) == 1:
            # only what was put there for the user: the title is still to come
            shown = Text(f"{UNDERSTOOD} ", style="bold")
            shown.append(" · ".join([*read.understood(), "now say what you did"]))
            line.set_class(False, "-blocked")
        elif read.problems:
            shown = Text(f"{BLOCKED} ", style="bold")
            shown.append("; ".join(read.problems))
            line.set_class(True, "-blocked")
        else:
            shown = Text(f"{UNDERSTOOD} ", style="bold")
            shown.append(" · ".join([f"“{read.title}”", *read.understood()]))
            line.set_class(False, "-blocked")
        line.update(shown)

    def _show_error(self, message: str) -> None:
        error = self.query_one("#quick-win-error", Static)
        error.update(Text(message))
        error.set_class(bool(message), "-shown")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_understood(event.value)
        if event.value != self._text:  # (the text given back with its error stays with it)
            self._text = ""
            self._show_error("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.is_current:
            return
        read = self.parsed(event.value)
        if read.problems:  # the line above says what; this says that it blocks the save
            self._show_error(NOT_SAVED)
            return
        try:
            win = Win(title=read.title, date=today(), **read.links)
        except ValidationError as exc:
            errors = readable_errors(exc)
            self._show_error(
                "Not saved: " + (errors.get("title") or next(iter(errors.values()), "invalid"))
            )
            return
        self.dismiss(QuickWin(win, event.value))

    def action_cancel(self) -> None:
        typed = self.query_one(Input).value
        if not typed.strip() or typed == self._start:
            self.dismiss(None)
            return
        from careertui.tui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard the win you typed?", yes="Discard"), answered)
