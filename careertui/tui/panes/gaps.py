"""The Gaps pane: the capability gaps between where the user is and the vision."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careertui.store.repository import Career
from careertui.tui.panes.base import Pane


class GapsPane(Pane):
    TITLE = "Gaps"
    KEY = "2"
    EMPTY_TEXT = (
        "Next, the gaps: what stands between where you are now and your vision "
        "(a skill, experience, visibility, a relationship, scope).\n"
        "Add the first gap and say what you will do about it."
    )

    def compose_body(self) -> ComposeResult:
        yield OptionList(id="gap-list", classes="pane-body")

    def is_empty(self, career: Career) -> bool:
        return not career.gaps

    def show(self, career: Career) -> None:
        self.set_empty(self.is_empty(career))
        options = self.query_one("#gap-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for gap in career.gaps:
            label = Text(gap.title)
            label.append(f"  {gap.status.value} · {gap.current_level}→{gap.target_level}",
                         style="dim")
            options.add_option(Option(label, id=gap.id))
        if career.gaps:
            options.highlighted = min(highlighted or 0, len(career.gaps) - 1)
