"""A question with a few answers, each a button and a key (the footer shows them); Escape
cancels (dismisses None)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from careertui.tui.widgets.footer import DashboardFooter


@dataclass(frozen=True)
class Answer:
    """One answer: the ``key`` that gives it, its button ``label``, the ``value`` the screen
    dismisses with, and the few words the footer shows for it (``short``, else the label)."""

    key: str
    label: str
    value: Any
    short: str = ""


class ChoiceScreen(ModalScreen[Any]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(self, question: str, answers: Sequence[Answer]) -> None:
        super().__init__()
        self.question = question
        self.answers = list(answers)
        # Each answer's key is a binding of this screen, so the footer shows it, before Escape.
        answer_keys = {
            answer.key: [Binding(answer.key, f"answer({number})", answer.short or answer.label)]
            for number, answer in enumerate(self.answers)
        }
        self._bindings.key_to_bindings = {**answer_keys, **self._bindings.key_to_bindings}

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-dialog", classes="dialog"):
            yield Label(self.question, id="choice-question")
            with Vertical(id="choice-answers"):
                for number, answer in enumerate(self.answers):
                    yield Button(
                        f"{answer.label} ({answer.key})",
                        id=f"choice-{number}",
                        variant="primary" if number == 0 else "default",
                    )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel (esc)", id="choice-cancel")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self.query_one("#choice-0", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button == "choice-cancel":
            self.dismiss(None)
        elif button.startswith("choice-"):
            self.dismiss(self.answers[int(button.removeprefix("choice-"))].value)

    def action_answer(self, number: int) -> None:
        self.dismiss(self.answers[number].value)

    def action_cancel(self) -> None:
        self.dismiss(None)
