"""The Stakeholders pane: the people who decide and influence the user's next step."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careertui.store.repository import Career
from careertui.tui.panes.base import PaletteCommand, Pane


class StakeholdersPane(Pane):
    TITLE = "Stakeholders"
    KEY = "3"
    EMPTY_TEXT = (
        "Then the people: who decides and who influences your next step?\n"
        "Add your manager first, then the people around them."
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._people: list[tuple[str, str]] = []

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="stakeholder-list", classes="pane-body")

    def is_empty(self, career: Career) -> bool:
        return not career.stakeholders

    def show(self, career: Career) -> None:
        self.set_empty(self.is_empty(career))
        self._people = [(p.id, p.name) for p in career.stakeholders]
        options = self.query_one("#stakeholder-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for person in career.stakeholders:
            label = Text(person.name)
            details = " · ".join(
                part for part in (person.title, person.relationship.value, person.stance.value)
                if part
            )
            label.append(f"  {details}", style="dim")
            options.add_option(Option(label, id=person.id))
        if career.stakeholders:
            options.highlighted = min(highlighted or 0, len(career.stakeholders) - 1)

    def go_to(self, stakeholder_id: str) -> None:
        options = self.query_one("#stakeholder-list", OptionList)
        options.highlighted = options.get_option_index(stakeholder_id)
        self.focus_pane()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            (f"Go to stakeholder {name}", "Show them on the stakeholder map",
             lambda stakeholder_id=stakeholder_id: self.go_to(stakeholder_id))
            for stakeholder_id, name in self._people
        ]
