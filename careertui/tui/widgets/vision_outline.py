"""The vision pane's outline: every section of the vision as rows of one option list."""

from __future__ import annotations

from textual.widgets import OptionList


class VisionOutline(OptionList):
    """Every section of the vision pane as rows; the section headers are not selectable.

    The row under the cursor never leaves the screen: not when the detail strip below opens,
    nor when the pane is un-zoomed; home and end show the very top and bottom."""

    def on_resize(self) -> None:
        self.call_after_refresh(self.scroll_to_highlight)

    def action_first(self) -> None:
        super().action_first()
        self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        super().action_last()
        self.scroll_end(animate=False, immediate=True)
