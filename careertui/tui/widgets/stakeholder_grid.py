"""The stakeholder map as a grid of four quadrants (influence against stance, named by what to
do), the cursor moving from one quadrant into the next."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Grid

from careertui.domain.models import Stakeholder
from careertui.domain.stakeholders import QUADRANT_ORDER, Quadrant, by_quadrant, quadrant
from careertui.tui.widgets.stakeholder_marks import chip
from careertui.tui.widgets.stakeholder_quadrant import QuadrantList, slug

#: Grid neighbours: (row, column) of each quadrant; top row is high influence, left column
#: is supportive.
_CELLS: dict[Quadrant, tuple[int, int]] = {
    Quadrant.KEEP_CLOSE: (0, 0),
    Quadrant.WIN_OVER: (0, 1),
    Quadrant.KEEP_INFORMED: (1, 0),
    Quadrant.MONITOR: (1, 1),
}
_AT = {cell: q for q, cell in _CELLS.items()}


class StakeholderGrid(Grid):
    """The four quadrants. Rebuilding it costs one line of text per person, never a widget."""

    DEFAULT_CSS = """
    StakeholderGrid {
        grid-size: 2 2;
        grid-columns: 1fr 1fr;
        grid-rows: 1fr 1fr;
        grid-gutter: 0 1;
        height: 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        for q in QUADRANT_ORDER:
            yield QuadrantList(q)

    def quadrant_list(self, q: Quadrant) -> QuadrantList:
        return self.query_one(f"#quadrant-{slug(q)}", QuadrantList)

    def fill(self, people: list[Stakeholder], today: dt.date) -> None:
        """Place ``people`` in their quadrants, each titled with its head count."""
        placed = by_quadrant(people)
        for q in QUADRANT_ORDER:
            widget = self.quadrant_list(q)
            members = placed[q]
            widget.set_rows([(p.id, chip(p, today)) for p in members])
            widget.border_title = f"{q.value} · {len(members)}"

    def select(self, person: Stakeholder, focus: bool) -> None:
        """Put the cursor on ``person`` in their quadrant (and the focus there, if ``focus``)."""
        widget = self.quadrant_list(quadrant(person))
        if widget.select_id(person.id) and focus:
            widget.focus()

    def on_quadrant_list_leave(self, message: QuadrantList.Leave) -> None:
        message.stop()
        source = message.quadrant_list
        row, col = _CELLS[source.quadrant]
        step = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}
        d_row, d_col = step[message.direction]
        target_cell = (row + d_row, col + d_col)
        if target_cell not in _AT:
            return
        target = self.quadrant_list(_AT[target_cell])
        if message.direction == "up":
            target.highlighted = max(0, target.option_count - 1)
        elif message.direction == "down":
            target.highlighted = 0
        else:
            row_on_screen = max(0, source.highlighted - source.scroll_offset.y)
            target.highlighted = min(
                target.scroll_offset.y + row_on_screen, max(0, target.option_count - 1)
            )
        target.focus()
