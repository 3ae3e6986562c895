"""A multi-select list whose marks read in every theme: ``[x]`` before a selected item (in bold),
``[ ]`` before the others — a character, not a colour, says which is which (Textual's own list
draws a faint "X" on every row, selected or not, that some themes make hard to tell apart)."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

SELECTED = "[x] "
UNSELECTED = "[ ] "


class MarkedSelectionList(SelectionList[Any]):
    """:class:`SelectionList` with ``[x]``/``[ ]`` marks; space toggles the highlighted item."""

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)
        _, scroll_y = self.scroll_offset
        try:
            selection = self.get_option_at_index(scroll_y + y)
        except OptionDoesNotExist:
            return line
        chosen = selection.value in self._selected
        underlying = next(iter(line)).style or self.rich_style
        mark_style = underlying + Style(bold=True) if chosen else underlying
        mark_style += Style(meta={"option": scroll_y + y})
        mark = Segment(SELECTED if chosen else UNSELECTED, style=mark_style)
        if chosen:
            line = Strip(
                [
                    Segment(
                        s.text,
                        s.style + Style(bold=True) if s.style else Style(bold=True),
                        s.control,
                    )
                    for s in line
                ]
            )
        return Strip([mark, *line])
