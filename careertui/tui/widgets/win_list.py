"""A virtual list of wins: one line a win, drawn only for the lines on screen.

Ten years of daily wins (3,650+) cost nothing at start-up: no widget a win, no measuring of
rows; ``render_line`` formats just the visible lines from the current list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from careertui.domain.models import Win

DATE_WIDTH = 10


def _cut(text: str, width: int) -> str:
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def row_text(win: Win, priority: str, width: int) -> Text:
    """One win as a line: date, star, title, the priority it serves, its headline metric."""
    metric = str(win.headline_metric) if win.headline_metric else ""
    spare = max(width - DATE_WIDTH - 3, 0)
    # fixed columns, so priorities and metrics line up from row to row
    metric_w = spare // 3
    priority_w = spare // 6
    title_w = max(spare - metric_w - priority_w - 4, 0)
    line = Text(no_wrap=True, overflow="crop")
    line.append(win.date.isoformat(), style="dim")
    line.append(" ★ " if win.starred else "   ", style="bold yellow")
    line.append(_cut(win.title, title_w).ljust(title_w))
    line.append("  " + _cut(priority, priority_w).ljust(priority_w), style="cyan")
    line.append("  " + _cut(metric, metric_w).ljust(metric_w), style="green")
    return line


class WinList(ScrollView, can_focus=True):
    """Wins, newest first, with a cursor. Posts :class:`WinList.Highlighted` on every move."""

    COMPONENT_CLASSES = {"win-list--cursor"}
    DEFAULT_CSS = """
    WinList { height: 1fr; overflow-x: hidden; }
    WinList > .win-list--cursor { background: $accent 40%; text-style: bold; }
    WinList:focus > .win-list--cursor { background: $accent; }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Next", id="journal.next", show=False),
        Binding("up,k", "move(-1)", "Previous", id="journal.previous", show=False),
        Binding("pagedown", "page(1)", "Page down", id="journal.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="journal.page_up", show=False),
        Binding("home,g", "first", "Newest", id="journal.newest", show=False),
        Binding("end,G", "last", "Oldest", id="journal.oldest", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=False)

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto ``win`` (None: the list shows no win)."""

        win: Win | None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.wins: Sequence[Win] = ()
        self.priorities: Mapping[str, str] = {}

    # -- data ----------------------------------------------------------------------------------
    def set_wins(self, wins: Sequence[Win], priorities: Mapping[str, str]) -> None:
        """Show ``wins``, keeping the cursor on the same win when it is still there."""
        current = self.highlighted
        self.wins = wins
        self.priorities = priorities
        self.virtual_size = Size(self.size.width, len(wins))
        index = 0
        if current is not None:
            here = self.cursor
            if here < len(wins) and wins[here].id == current.id:
                index = here  # still in the same row: no need to look for it
            else:
                index = next((i for i, w in enumerate(wins) if w.id == current.id), here)
        self._set_cursor(min(index, max(len(wins) - 1, 0)), force=True)
        self.refresh()

    def select_id(self, win_id: str) -> bool:
        """Put the cursor on the win ``win_id``; False when the list does not show it."""
        index = next((i for i, win in enumerate(self.wins) if win.id == win_id), None)
        if index is None:
            return False
        self._set_cursor(index)
        return True

    @property
    def highlighted(self) -> Win | None:
        return self.wins[self.cursor] if 0 <= self.cursor < len(self.wins) else None

    def _set_cursor(self, index: int, force: bool = False) -> None:
        index = max(0, min(index, len(self.wins) - 1)) if self.wins else 0
        changed = index != self.cursor
        self.cursor = index
        if changed or force:
            self.post_message(self.Highlighted(self.highlighted))
        self.scroll_to_cursor()
        self.refresh()

    def scroll_to_cursor(self) -> None:
        top = int(self.scroll_offset.y)
        height = max(self.scrollable_content_region.height, 1)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    # -- drawing -------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        base: Style = self.rich_style
        if index >= len(self.wins):
            return Strip.blank(width, base)
        win = self.wins[index]
        text = row_text(win, self.priorities.get(win.priority_id or "", ""), width)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("win-list--cursor")
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console, end="")
        ]
        return Strip(segments).crop_extend(0, width, style)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.wins))
        # smaller now (un-zoomed, say): the cursor row stays on screen
        self.call_after_refresh(self.scroll_to_cursor)

    # -- keys and mouse ------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        self._set_cursor(self.cursor + step)

    def action_page(self, step: int) -> None:
        self._set_cursor(self.cursor + step * max(self.scrollable_content_region.height - 1, 1))

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(len(self.wins) - 1)

    def on_click(self, event) -> None:  # noqa: ANN001
        self._set_cursor(int(self.scroll_offset.y) + event.y)
