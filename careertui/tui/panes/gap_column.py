"""One column of the gap board, drawn line by line so that 500 cards cost what the screen shows.

The column never owns data: the board hands it :class:`GapCard` rows and a cursor, and it draws
the visible cards only (Textual's Line API). A card's title wraps onto up to
:data:`TITLE_LINES` lines, so cards are as tall as their titles need. Clicking a card posts
:class:`GapColumn.Clicked`.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from careertui.domain.dates import shown
from careertui.domain.gaps import is_overdue
from careertui.domain.models import Gap, GapStatus
from careertui.domain.trends import trend_text
from careertui.tui.widgets.levels import level_dots

#: Lines a card's title may take before it is cut.
TITLE_LINES = 3
#: Lines per card besides its title: category and levels, impact/effort/evidence, due date, a gap.
BODY_LINES = 4
#: Columns narrower than this many cells get abbreviated cards.
NARROW = 34
#: Drawn lines kept for reuse before the cache starts afresh (a few screens' worth).
STRIPS_KEPT = 4_000
#: One line of a card: (text, component class) pieces.
Line = tuple[tuple[str, str], ...]


@lru_cache(maxsize=4_096)
def title_lines(title: str, width: int | None) -> tuple[str, ...]:
    """``title`` wrapped at word boundaries to ``width`` cells (one line when None), at most
    :data:`TITLE_LINES` lines; the last one is cut with an ellipsis when there is more."""
    if width is None or width <= 0 or len(title) <= width:
        return (title,)
    lines = textwrap.wrap(title, width) or [title]
    if len(lines) > TITLE_LINES:
        rest = " ".join(lines[TITLE_LINES - 1 :])
        lines = [*lines[: TITLE_LINES - 1], rest[: width - 1] + "…"]
    return tuple(lines)


def text_width(width: int) -> int:
    """The cells a card's text takes in a column ``width`` cells wide (a wide card keeps a
    blank cell either side)."""
    return width if width < NARROW else width - 2


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class GapCard:
    """What one card shows: a gap, its evidence count, its score (when the board is ordered by
    it) and whether it is overdue."""

    gap: Gap
    evidence: int
    score: float | None
    overdue: bool
    #: How the current level moved lately ("↑1 in 60 days"), "" when it did not.
    trend: str = ""

    @property
    def gap_id(self) -> str:
        return self.gap.id

    def height(self, width: int | None) -> int:
        """The card's lines in a column ``width`` cells wide, the gap below it included."""
        return len(title_lines(self.gap.title, None if width is None else text_width(width))) + (
            BODY_LINES
        )

    def lines(
        self, show_score: bool, narrow: bool = False, width: int | None = None
    ) -> list[list[tuple[str, str]]]:
        """The card's lines as (text, component class) pieces; "" is the card's own style.

        ``narrow`` rearranges and abbreviates for a column under :data:`NARROW` cells, keeping
        the evidence count and the due date whole. The title wraps onto as many lines as it
        needs in a column ``width`` cells wide (one line when None), up to :data:`TITLE_LINES`."""
        gap = self.gap
        when = "" if gap.due is None else shown(gap.due)
        due: list[tuple[str, str]]
        if gap.due is None:
            due = [("no due date", "gap-column--muted")]
        elif self.overdue:
            due = [
                (f"overdue {when}" if narrow else f"overdue · due {when}", "gap-column--overdue")
            ]
        else:
            due = [(f"due {when}", "")]
        show_score = show_score and self.score is not None
        points = f"{self.score or 0:.1f}"
        score = (points if narrow else f"score {points}", "gap-column--score")
        levels = [
            (level_dots(gap.current_level), "gap-column--level"),
            ("→" if narrow else " → ", "gap-column--muted"),
            (level_dots(gap.target_level), "gap-column--level"),
        ]
        category = (gap.category.value, "gap-column--muted")
        wins = (
            _plural(self.evidence, "win"),
            "gap-column--muted" if self.evidence == 0 else "gap-column--evidence",
        )
        titles = [
            [(line, "gap-column--title")]
            for line in title_lines(gap.title, None if width is None else text_width(width))
        ]
        trend = [(" · ", ""), (self.trend, "gap-column--evidence")] if self.trend else []
        if narrow:
            return [
                *titles,
                [*levels, (" ", ""), wins],
                [(f"imp {gap.impact} · eff {gap.effort} · ", ""), category],
                [score, (" · ", ""), *due, *trend] if show_score else [*due, *trend],
                [],
            ]
        return [
            *titles,
            [category, ("  ", ""), *levels],
            [(f"impact {gap.impact} · effort {gap.effort} · ", ""), wins],
            [*due, ("  ", ""), score, *trend] if show_score else [*due, *trend],
            [],
        ]

    def plain(self, show_score: bool = False) -> str:
        """The card as plain text, one line each (for tests and screen readers)."""
        return "\n".join(
            "".join(text for text, _ in line) for line in self.lines(show_score)
        ).rstrip()


def make_card(gap: Gap, evidence: int, score: float | None, today: dt.date) -> GapCard:
    return GapCard(gap, evidence, score, is_overdue(gap, today), trend_text(gap, today))


class GapColumn(ScrollView, can_focus=False):
    """The cards of one status, drawn with the Line API; the board moves the cursor."""

    COMPONENT_CLASSES = {
        "gap-column--title",
        "gap-column--muted",
        "gap-column--level",
        "gap-column--evidence",
        "gap-column--overdue",
        "gap-column--score",
        "gap-column--cursor",
        "gap-column--cursor-idle",
    }

    @dataclass
    class Clicked(Message):
        """The user clicked the card at ``index`` of ``column``."""

        column: GapColumn
        index: int

        @property
        def control(self) -> GapColumn:
            return self.column

    def __init__(self, status: GapStatus, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.status = status
        self.cards: list[GapCard] = []
        self.cursor = -1
        self.active = False
        self.show_score = False
        #: Drawn lines by (card, line, cursor shown active, under the cursor, width); cleared
        #: when the cards, the styles or the size change.
        #: Drawn lines by what they say, not where: a reordered board redraws no card.
        self._strips: dict[tuple[Line, bool, bool, int], Strip] = {}
        #: Where each card starts, then where the last one ends, at the width in ``_laid_out``.
        self._tops: list[int] = [0]
        self._laid_out: tuple[list[GapCard], int] | None = None
        self._styles: dict[str, Style] = {}
        self._look: tuple[Style, ...] = ()

    def set_cards(
        self, cards: list[GapCard], cursor: int, *, active: bool, show_score: bool
    ) -> None:
        """Show ``cards`` with the cursor on ``cursor`` (-1: none); redraws only on change."""
        cursor = cursor if cards else -1
        if cards is not self.cards or show_score != self.show_score:
            if len(self._strips) > STRIPS_KEPT:
                self._strips.clear()
            self.cards = cards
            self.show_score = show_score
            self._lay_out()
        elif cursor == self.cursor and active == self.active:
            return
        self.cursor = cursor
        self.active = active
        self.refresh()
        self.scroll_to_cursor()

    def _lay_out(self) -> None:
        """Measure where every card starts at the column's width (when cards or width changed)."""
        width = self.scrollable_content_region.width
        if self._laid_out is not None:
            cards, laid_width = self._laid_out
            if cards is self.cards and laid_width == width:
                return
        self._laid_out = (self.cards, width)
        tops = [0]
        for card in self.cards:
            tops.append(tops[-1] + card.height(width))
        self._tops = tops
        if self.virtual_size != Size(width, tops[-1]):
            self.virtual_size = Size(width, tops[-1])

    def _card_at(self, y: int) -> int:
        """The index of the card on line ``y`` of the column (``len(cards)`` below the last)."""
        return bisect_right(self._tops, y) - 1 if y < self._tops[-1] else len(self.cards)

    def scroll_to_cursor(self) -> None:
        """Scroll by whole cards so the cursor's card is in view."""
        height = self.scrollable_content_region.height
        if self.cursor < 0 or height <= 0 or self.cursor >= len(self.cards):
            return
        self._lay_out()
        tops = self._tops
        first = self._card_at(int(self.scroll_offset.y))
        if self.cursor < first:
            first = self.cursor
        else:
            # the cursor's card, without the gap below it, ends inside the view
            while first < self.cursor and tops[self.cursor + 1] - 1 - tops[first] > height:
                first += 1
        self.scroll_to(y=tops[first], animate=False, immediate=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Textual calls this whenever styles around the column might have changed (focus moving
        # in the pane, say); the drawn lines go only if the column's look really changed.
        look = (
            (
                self.rich_style,
                *(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES)),
            )
            if self.is_mounted
            else ()
        )
        if not look or look != self._look:
            self._look = look
            self._strips.clear()
            self._styles.clear()

    def on_resize(self) -> None:
        self._lay_out()
        self.call_after_refresh(self.scroll_to_cursor)

    def on_click(self, event: events.Click) -> None:
        index = self._card_at(event.y + int(self.scroll_offset.y))
        if 0 <= index < len(self.cards):
            event.stop()
            self.post_message(self.Clicked(self, index))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._lay_out()
        line = y + int(self.scroll_offset.y)
        index = self._card_at(line)
        if index >= len(self.cards) or width <= 0:
            return Strip.blank(width, self.rich_style)
        row = line - self._tops[index]
        card_lines = self.cards[index].lines(self.show_score, width < NARROW, width)
        under_cursor = index == self.cursor and row < len(card_lines) - 1
        pieces = tuple(card_lines[row]) if row < len(card_lines) else ()
        key = (pieces, under_cursor and self.active, under_cursor, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw_line(pieces, under_cursor, width)
        return strip

    def _draw_line(self, pieces: Line, under_cursor: bool, width: int) -> Strip:
        base = self.rich_style
        background = base
        if under_cursor:
            name = "gap-column--cursor" if self.active else "gap-column--cursor-idle"
            background = base + self.get_component_rich_style(name)
        narrow = width < NARROW
        text = Text("" if narrow else " ", style=background, no_wrap=True, end="")
        for piece, component in pieces:
            style = background
            if component:
                style = background + self._part_style(component)
            text.append(piece, style)
        text.truncate(width if narrow else width - 1, overflow="ellipsis")
        segments = list(text.render(self.app.console))
        return Strip(segments).adjust_cell_length(width, background)

    def _part_style(self, component: str) -> Style:
        # Foreground and emphasis only, so the cursor's background shows through.
        found = self._styles.get(component)
        if found is None:
            style = self.get_component_rich_style(component, partial=True)
            found = self._styles[component] = Style(
                color=style.color, bold=style.bold, italic=style.italic, dim=style.dim
            )
        return found
