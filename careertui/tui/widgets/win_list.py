"""A virtual list of wins: one line a win, drawn only for the lines on screen.

The title takes the free width; the priority and headline-metric columns shrink first and are
left out of a narrow list.

Ten years of daily wins (3,650+) cost nothing at start-up: no widget a win, no measuring of
rows; ``render_line`` formats just the visible lines from the current list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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

from careertui.domain.dates import shown
from careertui.domain.models import Win

#: The date column (ISO) and the star after it.
DATE_WIDTH = 10
STAR_WIDTH = 3
#: Blank cells before the priority and the metric column.
GUTTER = 2
#: The narrowest metric and priority columns worth showing; below that they are left out
#: (the details under the list still show them).
MIN_METRIC = 12
MIN_PRIORITY = 12
#: The share of titles the title column is sized for; a longer title takes the columns of
#: its own row instead of being cut.
TITLE_SHARE = 0.9


def _cut(text: str, width: int) -> str:
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


@dataclass(frozen=True)
class Columns:
    """How wide the title, priority and metric columns of the journal's rows are.

    The title comes first: it is what the user came to read. The priority, then the metric,
    shrink first and are left out of a narrow list."""

    title: int
    priority: int
    metric: int

    @classmethod
    def fit(cls, width: int, titles: int, priorities: int, metrics: int) -> Columns:
        """Columns for a list ``width`` cells wide whose usual title is ``titles`` long and
        whose longest priority and metric are ``priorities`` and ``metrics`` long."""
        room = max(width - DATE_WIDTH - STAR_WIDTH, 0)
        title = min(titles, room)
        free = room - title
        metric = priority = 0
        if metrics and priorities and free >= metrics + priorities + 2 * GUTTER:
            metric, priority = metrics, priorities
        elif metrics and priorities and free >= MIN_METRIC + MIN_PRIORITY + 2 * GUTTER:
            # both: the metric (the evidence) whole if it can be, the priority in what is left
            share = free - 2 * GUTTER
            metric = min(metrics, share - MIN_PRIORITY)
            priority = share - metric
        elif metrics and free - GUTTER >= min(MIN_METRIC, metrics):
            metric = min(metrics, free - GUTTER)
        elif priorities and free - GUTTER >= min(MIN_PRIORITY, priorities):
            priority = min(priorities, free - GUTTER)
        free -= sum(column + GUTTER for column in (metric, priority) if column)
        return cls(title + free, priority, metric)

    @classmethod
    def of(
        cls,
        width: int,
        wins: Sequence[Win],
        priorities: Mapping[str, str],
        metric_width: Callable[[Win], int] | None = None,
    ) -> Columns:
        """Columns for ``wins`` shown ``width`` cells wide (``metric_width``: the width of a
        win's headline metric, when the caller keeps them)."""
        lengths = sorted(len(win.title) for win in wins)
        usual = lengths[min(int(len(lengths) * TITLE_SHARE), len(lengths) - 1)] if lengths else 0
        named = {win.priority_id for win in wins if win.priority_id}
        longest_priority = max((len(priorities.get(p, "")) for p in named), default=0)
        longest_metric = max(map(metric_width or headline_width, wins), default=0)
        return cls.fit(width, usual, longest_priority, longest_metric)


def headline_width(win: Win) -> int:
    """The cells a win's headline metric takes in its row (0 without a metric)."""
    metric = win.headline_metric if win.metrics else None
    return len(str(metric)) if metric is not None else 0


def row_text(win: Win, priority: str, columns: Columns) -> Text:
    """One win as a line: date, star, title, the priority it serves, its headline metric.

    A title longer than its column takes the priority's cells of its row, then the metric's,
    so it is cut only when the whole row is title."""
    metric = str(win.headline_metric) if win.headline_metric else ""
    title_w, priority_w, metric_w = columns.title, columns.priority, columns.metric
    if len(win.title) > title_w and priority_w:
        title_w, priority_w = title_w + GUTTER + priority_w, 0
    if len(win.title) > title_w and metric_w:
        title_w, metric_w = title_w + GUTTER + metric_w, 0
    line = Text(no_wrap=True, overflow="crop")
    line.append(shown(win.date), style="dim")
    line.append(" ★ " if win.starred else "   ", style="bold yellow")
    line.append(_cut(win.title, title_w).ljust(title_w))
    if priority_w:
        line.append(" " * GUTTER + _cut(priority, priority_w).ljust(priority_w), style="cyan")
    if metric_w:
        line.append(" " * GUTTER + _cut(metric, metric_w).ljust(metric_w), style="green")
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
        #: The columns for the wins shown at the width they were measured for.
        self._columns: tuple[int, Columns] | None = None
        self._metric_widths: dict[str, tuple[Win, int]] = {}

    # -- data ----------------------------------------------------------------------------------
    def set_wins(self, wins: Sequence[Win], priorities: Mapping[str, str]) -> None:
        """Show ``wins``, keeping the cursor on the same win when it is still there."""
        current = self.highlighted
        self.wins = wins
        self.priorities = priorities
        self._columns = None
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
        text = row_text(win, self.priorities.get(win.priority_id or "", ""), self.columns(width))
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("win-list--cursor")
        segments = [
            Segment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console, end="")
        ]
        return Strip(segments).crop_extend(0, width, style)

    def columns(self, width: int) -> Columns:
        """The columns of the rows at ``width`` (measured once for the wins shown)."""
        if self._columns is None or self._columns[0] != width:
            columns = Columns.of(width, self.wins, self.priorities, self._metric_width)
            self._columns = (width, columns)
        return self._columns[1]

    def _metric_width(self, win: Win) -> int:
        """:func:`headline_width`, kept per win: a career read again hands back the very
        records it read before, so a long journal is measured once, not at every save."""
        known = self._metric_widths.get(win.id)
        if known is not None and known[0] is win:
            return known[1]
        found = headline_width(win)
        self._metric_widths[win.id] = (win, found)
        return found

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
