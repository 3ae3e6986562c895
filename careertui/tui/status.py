"""The status line: how am I doing, in one row, and whether a save is under way.

The figures are :meth:`careertui.domain.standing.Standing.parts`, with the reminders after the
overdue check-ins (whether the weekly review is due, :func:`careertui.domain.cadence.review_text`,
and the next interim goal, :func:`careertui.domain.goals.goal_reminder`: the words
``careertui status`` prints) and readiness where :func:`careertui.domain.readiness.with_readiness`
puts it. The line never wraps: when the row is too narrow for all of it, the parts that matter
least go first (:func:`fit`): the destination, a zero count of late check-ins and a review not
yet due, the active gaps, readiness, a review due; the goal's title is shortened rather than
dropped, and this week's wins and the last win always stay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from careertui.domain.cadence import review_due, review_text
from careertui.domain.clock import today
from careertui.domain.goals import goal_reminder
from careertui.domain.readiness import readiness_of, status_part
from careertui.domain.standing import standing
from careertui.domain.text import shorten
from careertui.store.repository import Career

SEPARATOR = " · "
#: A shortened destination keeps at least this many cells (less says nothing: it goes).
LEAST_DESTINATION = 12
#: A shortened goal keeps at least this many cells of its title.
LEAST_GOAL_TITLE = 10
READ_ONLY = "read-only: written by a newer careertui"


@dataclass(frozen=True)
class StatusPart:
    """One figure of the line. ``rank``: the higher, the sooner it is shortened or left out on
    a narrow row (0: never). ``shortened(width)`` says it in at most ``width`` cells, never
    fewer than ``least``; a part that is not ``droppable`` is only ever shortened."""

    text: str
    rank: int = 0
    droppable: bool = True
    shortened: Callable[[int], str] | None = None
    least: int = 0


def fit(parts: Sequence[StatusPart], width: int) -> list[str]:
    """The parts' words that fit in ``width`` cells joined by :data:`SEPARATOR`, in their
    order: the least useful part first shortened (down to its least) or left out, then the
    next, until the line fits; a part shortened then takes back what a part left out after it
    freed. The parts of rank 0 always stay (a row too narrow even for
    them is cut by the widget, with "…")."""
    shown = {index: part.text for index, part in enumerate(parts)}

    def overflow() -> int:
        return cell_len(SEPARATOR.join(shown.values())) - width

    victims = sorted(
        (i for i, part in enumerate(parts) if part.rank > 0), key=lambda i: -parts[i].rank
    )
    for index in victims:
        over = overflow()
        if over <= 0:
            break
        part = parts[index]
        if part.shortened is not None:
            room = max(cell_len(shown[index]) - over, part.least)
            shown[index] = part.shortened(room)
        if overflow() > 0 and part.droppable:
            del shown[index]
    # a part shortened to its least before a later one went: it takes back the room left
    for index in sorted(shown, key=lambda i: parts[i].rank):
        part, spare = parts[index], -overflow()
        if part.shortened is not None and spare > 0 and shown[index] != part.text:
            shown[index] = part.shortened(cell_len(shown[index]) + spare)
    return list(shown.values())


def status_parts(career: Career, on: dt.date) -> list[StatusPart]:
    """The status line's parts for ``career`` on day ``on``, in the order they are shown."""
    figures = standing(
        career.vision, career.wins, [g.status for g in career.gaps], career.stakeholders, on
    )
    wins, last, late, gaps, destination = figures.parts()
    parts = [
        StatusPart(wins),
        StatusPart(last),
        # late check-ins are a call to act; none late can go early
        StatusPart(late, rank=3 if figures.check_ins_overdue else 9),
        StatusPart(gaps, rank=8),
        StatusPart(
            destination,
            rank=10,
            shortened=lambda width: shorten(destination, width),
            least=LEAST_DESTINATION,
        ),
    ]
    # after the overdue check-ins, the reminders, as ``careertui status`` says them: the
    # weekly review (due: a call to act; not due yet: the first to go) and the next goal
    due = review_due(career.settings.review_done, on)
    parts.insert(3, StatusPart(review_text(career.settings.review_done, on), rank=5 if due else 9))
    goal = goal_reminder(career.goals, on)
    if goal is not None:
        words = goal_reminder(career.goals, on, width=0) or ""
        parts.insert(
            4,
            StatusPart(
                goal,
                rank=4,
                droppable=False,
                shortened=lambda width: goal_reminder(career.goals, on, width=width) or "",
                least=cell_len(words) - 1 + LEAST_GOAL_TITLE,
            ),
        )
    if career.vision.ladder is not None:  # where with_readiness puts it
        found = readiness_of(career, on)
        at = 1 if found.ready_not_asked else len(parts) - 1
        parts.insert(at, StatusPart(status_part(found), rank=2 if found.ready_not_asked else 7))
    return parts


class StatusLine(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[StatusPart] = []
        self._saving = False
        self._read_only = False
        self._text: Text | None = None

    def show(self, career: Career) -> None:
        self._parts = status_parts(career, today())
        self._read_only = career.read_only
        self._render_line()

    def set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._render_line()

    def on_resize(self, event: Resize) -> None:
        self._render_line()

    @property
    def words(self) -> list[str]:
        """Every part's words in full, as a row wide enough would show them."""
        return [part.text for part in self._parts]

    def _render_line(self) -> None:
        line = Text()
        if self._read_only:
            line.append(READ_ONLY, style="bold reverse")
            line.append("  ")
        width = self.content_region.width
        if width <= 0:  # not laid out yet: the first resize draws it, fitted to its width
            return
        line.append(SEPARATOR.join(fit(self._parts, width - line.cell_len)))
        text = line
        if self._saving:  # first, so a narrow terminal never cuts it off
            text = Text.assemble(("saving… ", "bold reverse"), " ", line)
            # ...and no longer than the line without it (or one row): the status line keeps
            # its height, so a save never shifts the panes above it.
            if width > 0:
                text.truncate(max(line.cell_len, width), overflow="ellipsis")
        if text == self._text:
            return
        # A line that keeps to one row needs no new layout of the screen (which would repaint
        # every pane); one that starts or stops wrapping does.
        wrapped = [t is None or t.cell_len > width for t in (self._text, text)]
        self._text = text
        self.update(text, layout=any(wrapped))
