"""One quadrant of the stakeholder grid: its people as chips, one a line, with a cursor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from careertui.domain.stakeholders import Quadrant


def slug(q: Quadrant) -> str:
    """``keep-close`` for Keep close: the quadrant's part of its widget id."""
    return q.value.lower().replace(" ", "-")


class QuadrantList(ScrollView, can_focus=True):
    """One quadrant of the grid: its people as chips, one a line, drawn line by line.

    Only the visible lines are rendered and nothing is measured, so filling it with hundreds of
    people costs a list assignment. Up and down move within the quadrant and, at its edge, into
    the one above or below; left and right move to the quadrant beside it, keeping the row.
    """

    DEFAULT_CSS = """
    QuadrantList {
        height: 1fr;
        border: none;
        border-top: solid $panel-lighten-2;
        border-title-color: $text-muted;
        border-subtitle-color: $text-muted;
        padding: 0;
        background: transparent;
    }
    QuadrantList:focus {
        border: none;
        border-top: solid $accent;
        border-title-color: $accent;
        border-title-style: bold;
    }
    QuadrantList > .quadrant-list--cursor {
        background: $accent 40%;
        text-style: bold;
    }
    QuadrantList > .quadrant-list--empty {
        color: $text-muted;
        text-style: italic;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"quadrant-list--cursor", "quadrant-list--empty"}

    BINDINGS: ClassVar = [
        Binding("up", "cursor_up", "Up", show=False, id="stakeholders.grid_up"),
        Binding("down", "cursor_down", "Down", show=False, id="stakeholders.grid_down"),
        Binding("left", "leave('left')", "Left quadrant", show=False, id="stakeholders.grid_left"),
        Binding(
            "right", "leave('right')", "Right quadrant", show=False, id="stakeholders.grid_right"
        ),
        Binding("home", "first", "First", show=False, id="stakeholders.grid_first"),
        Binding("end", "last", "Last", show=False, id="stakeholders.grid_last"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="stakeholders.grid_page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="stakeholders.grid_page_down"),
        Binding("enter", "choose", "Details", id="stakeholders.details"),
    ]

    @dataclass
    class Leave(Message):
        """The cursor went past this quadrant's edge towards ``direction``."""

        quadrant_list: QuadrantList
        direction: str

        @property
        def control(self) -> QuadrantList:
            return self.quadrant_list

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto ``person_id``."""

        quadrant_list: QuadrantList
        person_id: str

        @property
        def control(self) -> QuadrantList:
            return self.quadrant_list

    @dataclass
    class Chosen(Message):
        """Enter (or a click) on ``person_id``."""

        quadrant_list: QuadrantList
        person_id: str

        @property
        def control(self) -> QuadrantList:
            return self.quadrant_list

    def __init__(self, quadrant: Quadrant) -> None:
        super().__init__(id=f"quadrant-{slug(quadrant)}", classes="quadrant")
        self.quadrant = quadrant
        self.border_title = quadrant.value
        self._rows: list[tuple[str, Text]] = []
        self._index: dict[str, int] = {}
        self.highlighted = 0

    # -- content ---------------------------------------------------------------------------
    @property
    def option_count(self) -> int:
        return len(self._rows)

    @property
    def ids(self) -> list[str]:
        return [person_id for person_id, _ in self._rows]

    @property
    def highlighted_id(self) -> str | None:
        return self._rows[self.highlighted][0] if self._rows else None

    def set_rows(self, rows: list[tuple[str, Text]]) -> None:
        """Show ``rows`` of (person id, chip), keeping the cursor's row where it can."""
        self._rows = rows
        self._index = {person_id: n for n, (person_id, _) in enumerate(rows)}
        self.highlighted = min(self.highlighted, max(0, len(rows) - 1))
        self.virtual_size = Size(0, len(rows))
        self.refresh()

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and keep it in view."""
        if not self._rows:
            return
        index = max(0, min(index, len(self._rows) - 1))
        changed = index != self.highlighted
        self.highlighted = index
        top, height = self.scroll_offset.y, max(1, self.scrollable_content_region.height)
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)
        self.refresh()
        if changed or self.has_focus:
            self.post_message(self.Highlighted(self, self._rows[index][0]))

    def select_id(self, person_id: str) -> bool:
        """Put the cursor on ``person_id``; False when this quadrant does not hold them."""
        index = self._index.get(person_id)
        if index is None:
            return False
        self.move_to(index)
        return True

    # -- drawing ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = self.scroll_offset.y + y
        if not self._rows:
            if y == 0:
                empty = self.get_component_rich_style("quadrant-list--empty")
                return Strip([Segment("nobody here", empty)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        text = self._rows[index][1]
        if index == self.highlighted and self.has_focus:
            text = text.copy()
            text.stylize(self.get_component_rich_style("quadrant-list--cursor"))
            text.pad_right(width)
        segments = list(text.render(self.app.console, end=""))
        return Strip(segments).apply_style(base).adjust_cell_length(width, base)

    def on_focus(self) -> None:
        self.refresh()
        if self._rows:
            self.move_to(self.highlighted)

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self._rows):
            self.focus()
            self.move_to(index)
            if event.chain > 1:
                self.action_choose()

    # -- keys ------------------------------------------------------------------------------
    def action_cursor_up(self) -> None:
        if not self._rows or self.highlighted == 0:
            self.post_message(self.Leave(self, "up"))
        else:
            self.move_to(self.highlighted - 1)

    def action_cursor_down(self) -> None:
        if not self._rows or self.highlighted >= len(self._rows) - 1:
            self.post_message(self.Leave(self, "down"))
        else:
            self.move_to(self.highlighted + 1)

    def action_leave(self, direction: str) -> None:
        self.post_message(self.Leave(self, direction))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self._rows) - 1)

    def action_page(self, step: int) -> None:
        self.move_to(self.highlighted + step * max(1, self.scrollable_content_region.height))

    def action_choose(self) -> None:
        if self._rows:
            self.post_message(self.Chosen(self, self._rows[self.highlighted][0]))
