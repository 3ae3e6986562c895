"""The stakeholder map: who decides, who influences, who has not heard from you lately.

Two views of the same people, switched with ``v``: a grid of four quadrants (influence against
stance, named by what to do) and a sortable list. Warnings sit on top; the selected person's
line sits below. The pane never touches the store: it opens the forms and screens, and posts
what the user meant (:class:`StakeholdersPane.CheckInLogged`, ``StakeholderSaved``,
``DeleteConfirmed``); the app writes and pushes the fresh career down through :meth:`show`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import ContentSwitcher, DataTable, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from careertui.domain.clock import today as clock_today
from careertui.domain.models import Stakeholder, Stance
from careertui.domain.stakeholders import (
    QUADRANT_ORDER,
    STANCE_MARKS,
    Quadrant,
    WarningKind,
    agenda,
    by_quadrant,
    check_ins_with,
    feedback_from,
    is_overdue,
    linked_gaps,
    next_check_in,
    overdue_text,
    quadrant,
    warnings,
    wins_with,
)
from careertui.store.references import references_in
from careertui.store.repository import Career
from careertui.tui.panes.base import PaletteCommand, Pane

GRID, LIST = "stakeholder-grid", "stakeholder-table"

#: Grid neighbours: (row, column) of each quadrant; top row is high influence, left column
#: is supportive.
_CELLS: dict[Quadrant, tuple[int, int]] = {
    Quadrant.KEEP_CLOSE: (0, 0),
    Quadrant.WIN_OVER: (0, 1),
    Quadrant.KEEP_INFORMED: (1, 0),
    Quadrant.MONITOR: (1, 1),
}
_AT = {cell: q for q, cell in _CELLS.items()}

#: How stances look: supportive stances plain, "not yet" ones dimmed or italic so neutral and
#: unknown people stand out from the skeptics in the same quadrant.
STANCE_STYLES: dict[Stance, str] = {
    Stance.CHAMPION: "bold green",
    Stance.SUPPORTER: "green",
    Stance.NEUTRAL: "italic",
    Stance.SKEPTIC: "yellow",
    Stance.BLOCKER: "bold red",
    Stance.UNKNOWN: "italic dim",
}
OVERDUE_MARK = "!"
LEGEND = (
    "★ champion  + supporter  ~ neutral  − skeptic  ✕ blocker  ? unknown  · 1–5 influence  "
    f"· {OVERDUE_MARK} check-in overdue"
)


def slug(q: Quadrant) -> str:
    return q.value.lower().replace(" ", "-")


def chip(person: Stakeholder, today: dt.date) -> Text:
    """One person as a chip: stance mark, name, influence, and an overdue mark."""
    text = Text(f"{STANCE_MARKS[person.stance]} ", style=STANCE_STYLES[person.stance])
    text.append(person.name, style=STANCE_STYLES[person.stance])
    text.append(f" {person.influence}", style="dim")
    if is_overdue(person, today):
        text.append(f" {OVERDUE_MARK}", style="bold red")
    return text


class QuadrantList(ScrollView, can_focus=True):
    """One quadrant of the grid: its people as chips, one a line, drawn line by line.

    Only the visible lines are rendered and nothing is measured, so filling it with hundreds of
    people costs a list assignment. Up and down move within the quadrant and, at its edge, into
    the one above or below; left and right move to the quadrant beside it, keeping the row.
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

    class Leave(Message):
        """The cursor went past this quadrant's edge towards ``direction``."""

        def __init__(self, quadrant_list: QuadrantList, direction: str) -> None:
            super().__init__()
            self.quadrant_list = quadrant_list
            self.direction = direction

    class Highlighted(Message):
        """The cursor moved onto ``person_id``."""

        def __init__(self, quadrant_list: QuadrantList, person_id: str) -> None:
            super().__init__()
            self.quadrant_list = quadrant_list
            self.person_id = person_id

    class Chosen(Message):
        """Enter (or a click) on ``person_id``."""

        def __init__(self, quadrant_list: QuadrantList, person_id: str) -> None:
            super().__init__()
            self.quadrant_list = quadrant_list
            self.person_id = person_id

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


class StakeholderGrid(Grid):
    """The four quadrants. Rebuilding it costs one line of text per person, never a widget."""

    def compose(self) -> ComposeResult:
        for q in QUADRANT_ORDER:
            yield QuadrantList(q)

    def quadrant_list(self, q: Quadrant) -> QuadrantList:
        return self.query_one(f"#quadrant-{slug(q)}", QuadrantList)

    def fill(self, people: list[Stakeholder], today: dt.date) -> None:
        placed = by_quadrant(people)
        for q in QUADRANT_ORDER:
            widget = self.quadrant_list(q)
            members = placed[q]
            widget.set_rows([(p.id, chip(p, today)) for p in members])
            widget.border_title = f"{q.value} · {len(members)}"

    def select(self, person: Stakeholder, focus: bool) -> None:
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


# -- the list view -----------------------------------------------------------------------------
def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


_STANCE_ORDER = {stance: n for n, stance in enumerate(Stance)}
_FAR = dt.date.max

#: (key, label, width, sort key, reverse by default)
COLUMNS: tuple[tuple[str, str, int, Callable[[Stakeholder, dt.date], Any], bool], ...] = (
    ("name", "Name", 20, lambda p, t: p.name.casefold(), False),
    ("title", "Title", 24, lambda p, t: p.title.casefold(), False),
    ("relationship", "Relationship", 13, lambda p, t: p.relationship.value, False),
    ("influence", "Infl.", 5, lambda p, t: p.influence, True),
    ("stance", "Stance", 11, lambda p, t: _STANCE_ORDER[p.stance], False),
    ("last_contact", "Last contact", 12, lambda p, t: p.last_contact or dt.date.min, False),
    ("next_check_in", "Next check-in", 13, lambda p, t: next_check_in(p, t) or _FAR, False),
)
_COLUMN_KEYS = [c[0] for c in COLUMNS]


class StakeholderTable(DataTable):
    """Everyone in a table; ``s`` sorts by the next column, ``S`` reverses, a click on a
    header sorts by it. Overdue check-ins are marked and coloured."""

    BINDINGS: ClassVar = [
        Binding("s", "sort_next", "Sort", id="stakeholders.sort"),
        Binding("S", "sort_reverse", "Reverse sort", show=False, id="stakeholders.sort_reverse"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.sort_key = "next_check_in"
        self.sort_reverse = False
        self._people: list[Stakeholder] = []
        self._today = clock_today()

    def on_mount(self) -> None:
        for key, label, width, _, _ in COLUMNS:
            self.add_column(label, width=width, key=key)

    def fill(self, people: list[Stakeholder], today: dt.date) -> None:
        self._people, self._today = people, today
        self._rebuild()

    def _rebuild(self) -> None:
        keep = self.selected_id()
        today = self._today
        column = next(c for c in COLUMNS if c[0] == self.sort_key)
        ordered = sorted(
            self._people,
            key=lambda p: (column[3](p, today), p.name.casefold()),
            reverse=self.sort_reverse,
        )
        self.clear()
        for person in ordered:
            self.add_row(*self._cells(person, today), key=person.id)
        self._label_columns()
        if keep is not None:
            self.select(keep)

    def _cells(self, person: Stakeholder, today: dt.date) -> list[Text | str]:
        late = is_overdue(person, today)
        name = Text(person.name, style="bold red" if late else "")
        stance = Text(
            f"{STANCE_MARKS[person.stance]} {person.stance.value}",
            style=STANCE_STYLES[person.stance],
        )
        due = next_check_in(person, today)
        if due is None:
            upcoming = Text("none", style="dim")
        elif late:
            upcoming = Text(f"{due.isoformat()} {OVERDUE_MARK}", style="bold red")
        else:
            upcoming = Text(due.isoformat())
        return [
            name,
            person.title,
            person.relationship.value,
            str(person.influence),
            stance,
            _date(person.last_contact),
            upcoming,
        ]

    def _label_columns(self) -> None:
        arrow = "▼" if self.sort_reverse else "▲"
        for key, label, *_ in COLUMNS:
            column = self.columns[key]  # type: ignore[index]
            column.label = Text(f"{label}{arrow}" if key == self.sort_key else label)
        self.refresh()

    def sort_by(self, key: str, reverse: bool | None = None) -> None:
        if key not in _COLUMN_KEYS:
            raise ValueError(key)
        default = next(c[4] for c in COLUMNS if c[0] == key)
        self.sort_key = key
        self.sort_reverse = default if reverse is None else reverse
        self._rebuild()

    def action_sort_next(self) -> None:
        index = _COLUMN_KEYS.index(self.sort_key)
        self.sort_by(_COLUMN_KEYS[(index + 1) % len(_COLUMN_KEYS)])

    def action_sort_reverse(self) -> None:
        self.sort_by(self.sort_key, not self.sort_reverse)

    def on_data_table_header_selected(self, message: DataTable.HeaderSelected) -> None:
        message.stop()
        key = str(message.column_key.value)
        if key == self.sort_key:
            self.action_sort_reverse()
        else:
            self.sort_by(key)

    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except CellDoesNotExist:
            return None
        return None if row_key.value is None else str(row_key.value)

    def select(self, person_id: str) -> None:
        try:
            index = self.get_row_index(person_id)
        except RowDoesNotExist:
            return
        self.move_cursor(row=index, animate=False)


# -- the pane ----------------------------------------------------------------------------------
class StakeholdersPane(Pane):
    """The stakeholder map."""

    TITLE = "Stakeholders"
    KEY = "3"
    EMPTY_TEXT = (
        "Then the people: who decides and who influences your next step?\n"
        "Press n to add your manager first, then the people around them."
    )

    BINDINGS: ClassVar = [
        Binding("v", "toggle_view", "Grid/list", id="stakeholders.toggle_view"),
        Binding("c", "check_in", "Check-in", id="stakeholders.check_in"),
        Binding("p", "prepare", "Prepare check-in", id="stakeholders.prepare"),
        Binding("n", "new", "New", id="stakeholders.new"),
        Binding("e", "edit", "Edit", id="stakeholders.edit"),
        Binding("d", "delete", "Delete", id="stakeholders.delete"),
        Binding(
            "o", "next_overdue", "Next overdue check-in", show=False, id="stakeholders.next_overdue"
        ),
    ]

    class CheckInRequested(Message):
        """The user wants to log a check-in with ``person``."""

        def __init__(self, person: Stakeholder) -> None:
            super().__init__()
            self.person = person

    class NewRequested(Message):
        """The user wants to add a stakeholder."""

    class EditRequested(Message):
        """The user wants to edit ``person``."""

        def __init__(self, person: Stakeholder) -> None:
            super().__init__()
            self.person = person

    class DeleteRequested(Message):
        """The user wants ``person`` deleted; ``references`` says what names them."""

        def __init__(self, person: Stakeholder, references: str) -> None:
            super().__init__()
            self.person = person
            self.references = references

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._career: Career | None = None
        self._people: dict[str, Stakeholder] = {}
        self._today = clock_today()
        self._selected_id: str | None = None
        self._stale: set[str] = set()
        self._overdue_ids: list[str] = []

    def compose_body(self) -> ComposeResult:
        yield Static("", id="stakeholder-warnings")
        with ContentSwitcher(initial=GRID, id="stakeholder-views", classes="pane-body"):
            yield StakeholderGrid(id=GRID)
            yield StakeholderTable(id=LIST)
        yield Static("", id="stakeholder-selected", classes="pane-body")
        yield Static(LEGEND, id="stakeholder-legend", classes="pane-body")

    # -- what the app calls ----------------------------------------------------------------
    def is_empty(self, career: Career) -> bool:
        return not career.stakeholders

    def show(self, career: Career) -> None:
        before, self._career = self._career, career
        today = clock_today()
        # The views and warnings show the people and the day only; after any other change
        # (a gap moved, a win logged) they stay as drawn.
        redraw = today != self._today or "stakeholders" in career.changed_since(before)
        self._today = today
        self._people = {p.id: p for p in career.stakeholders}
        if self._selected_id not in self._people:
            self._selected_id = None
        self.set_empty(self.is_empty(career))
        if redraw:
            self._show_warnings(career)
            self._stale = {GRID, LIST}
            self._refresh_view()
        if self._selected_id is None and self.owns_focus():
            self._selected_id = self._view_selection()
        self._show_selected()

    def _view_selection(self) -> str | None:
        """Whom the visible view's cursor is on (after a delete, the person next in line)."""
        if self.view == LIST:
            return self.query_one(StakeholderTable).selected_id()
        focused = self.screen.focused
        return focused.highlighted_id if isinstance(focused, QuadrantList) else None

    # -- views -----------------------------------------------------------------------------
    @property
    def view(self) -> str:
        """``"stakeholder-grid"`` or ``"stakeholder-table"``: the view on show."""
        return self.query_one(ContentSwitcher).current or GRID

    def _refresh_view(self) -> None:
        view = self.view
        if view not in self._stale or self._career is None:
            return
        self._stale.discard(view)
        people = self._career.stakeholders
        if view == GRID:
            grid = self.query_one(StakeholderGrid)
            grid.fill(people, self._today)
            had_focus = self.owns_focus()
            if self._selected_id:
                grid.select(self._people[self._selected_id], focus=had_focus)
        else:
            table = self.query_one(StakeholderTable)
            table.fill(people, self._today)
            if self._selected_id:
                table.select(self._selected_id)

    def action_toggle_view(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        had_focus = self.owns_focus()
        switcher.current = LIST if self.view == GRID else GRID
        self._refresh_view()
        if self._selected_id:
            if self.view == GRID:
                self.query_one(StakeholderGrid).select(self._people[self._selected_id], False)
            else:
                self.query_one(StakeholderTable).select(self._selected_id)
        if had_focus:
            self.focus_pane()

    def main_widget(self):  # noqa: ANN201 - Widget | None, as in Pane
        if self.view == LIST:
            return self.query_one(StakeholderTable)
        grid = self.query_one(StakeholderGrid)
        if self._selected_id in self._people:
            return grid.quadrant_list(quadrant(self._people[self._selected_id]))
        for q in QUADRANT_ORDER:
            if grid.quadrant_list(q).option_count:
                return grid.quadrant_list(q)
        return grid.quadrant_list(Quadrant.KEEP_CLOSE)

    # -- selection -------------------------------------------------------------------------
    @property
    def selected(self) -> Stakeholder | None:
        """The person the grid or list has selected."""
        return self._people.get(self._selected_id or "")

    def _select(self, person_id: str | None) -> None:
        if person_id is not None and person_id in self._people:
            self._selected_id = person_id
            self._show_selected()

    def on_quadrant_list_highlighted(self, message: QuadrantList.Highlighted) -> None:
        if message.quadrant_list.has_focus:
            self._select(message.person_id)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, QuadrantList):
            person_id = event.widget.highlighted_id
            if person_id is None:  # an empty quadrant: nobody is under the cursor
                self._selected_id = None
                self._show_selected()
            else:
                self._select(person_id)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if self.view == LIST and message.row_key.value is not None:
            self._select(str(message.row_key.value))

    def on_quadrant_list_chosen(self, message: QuadrantList.Chosen) -> None:
        message.stop()
        self._select(message.person_id)
        self.action_details()

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        message.stop()
        if message.row_key.value is not None:
            self._select(str(message.row_key.value))
        self.action_details()

    def go_to(self, stakeholder_id: str) -> None:
        if stakeholder_id not in self._people:
            return
        self._selected_id = stakeholder_id
        if self.view == GRID:
            self.query_one(StakeholderGrid).select(self._people[stakeholder_id], focus=True)
        else:
            self.query_one(StakeholderTable).select(stakeholder_id)
            self.query_one(StakeholderTable).focus()
        self._show_selected()

    def select(self, record_id: str) -> None:
        """Select the person ``record_id``; the focus moves with it only within this pane."""
        person = self._people.get(record_id)
        if person is None:
            return
        if self.owns_focus():
            self.go_to(record_id)
            return
        self._selected_id = record_id
        if self.view == GRID:
            self.query_one(StakeholderGrid).select(person, focus=False)
        else:
            self.query_one(StakeholderTable).select(record_id)
        self._show_selected()

    # -- what is shown around the views ----------------------------------------------------
    def _show_warnings(self, career: Career) -> None:
        widget = self.query_one("#stakeholder-warnings", Static)
        found = warnings(career.stakeholders, self._today) if career.stakeholders else []
        text = Text()
        self._overdue_ids = []
        for n, warning in enumerate(found):
            if n:
                text.append("\n")
            text.append("⚠ ", style="bold yellow")
            if warning.kind is WarningKind.OVERDUE:
                self._overdue_ids = list(warning.stakeholder_ids)
                text.append("[o] ", style="bold")
            text.append(warning.text)
        widget.update(text)
        widget.display = bool(found)

    def _show_selected(self) -> None:
        widget = self.query_one("#stakeholder-selected", Static)
        person = self.selected
        if person is None:
            widget.update(
                Text("Arrows to choose someone · n to add someone", style="dim"), layout=False
            )
            return
        text = Text(person.name, style="bold")
        if person.title:
            text.append(f" · {person.title}")
        text.append(f" · {quadrant(person).value}", style="dim")
        last = person.last_contact.isoformat() if person.last_contact else "never"
        text.append(f" · last {last}", style="dim")
        late = overdue_text(person, self._today)
        if late:
            text.append(f" · {late}", style="bold red")
        else:
            due = next_check_in(person, self._today)
            text.append(f" · next {due.isoformat()}" if due else " · no cadence", style="dim")
        widget.update(text, layout=False)  # one line, fixed height: no re-layout

    # -- actions ---------------------------------------------------------------------------
    def _need_selection(self) -> Stakeholder | None:
        person = self.selected
        if person is None:
            self.notify(
                "Choose someone first (arrow keys), or press n to add someone", severity="warning"
            )
        return person

    def action_next_overdue(self) -> None:
        """Go to the most overdue person, then the next one on each press."""
        if not self._overdue_ids:
            self.notify("No check-ins are overdue")
            return
        current = self._selected_id
        at = self._overdue_ids.index(current) + 1 if current in self._overdue_ids else 0
        self.go_to(self._overdue_ids[at % len(self._overdue_ids)])

    def action_check_in(self) -> None:
        person = self._need_selection()
        if person is not None:
            self.post_message(self.CheckInRequested(person))

    def action_new(self) -> None:
        self.post_message(self.NewRequested())

    def action_edit(self) -> None:
        person = self._need_selection()
        if person is not None:
            self.post_message(self.EditRequested(person))

    def action_delete(self) -> None:
        person = self._need_selection()
        if person is not None and self._career is not None:
            refs = references_in(self._career, person.id).describe()
            self.post_message(self.DeleteRequested(person, refs))

    def action_prepare(self) -> None:
        person = self._need_selection()
        if person is None or self._career is None:
            return
        career = self._career
        plan = agenda(
            person,
            wins=career.wins,
            gaps=career.gaps,
            feedback=career.feedback,
            interactions=career.interactions,
            priorities=career.priorities,
            today=self._today,
        )
        from careertui.tui.screens.stakeholder_agenda import StakeholderAgendaScreen

        self.app.push_screen(StakeholderAgendaScreen(plan))

    def action_details(self) -> None:
        person = self._need_selection()
        if person is None or self._career is None:
            return
        from careertui.tui.screens.stakeholder_details import StakeholderDetailsScreen

        career = self._career
        screen = StakeholderDetailsScreen(
            person,
            check_ins=check_ins_with(person, career.interactions),
            wins=wins_with(person, career.wins),
            gaps=linked_gaps(person, career.gaps),
            feedback=feedback_from(person, career.feedback),
            today=self._today,
        )
        self.app.push_screen(screen, self._after_details)

    def _after_details(self, choice: str | None) -> None:
        actions = {
            "check-in": self.action_check_in,
            "agenda": self.action_prepare,
            "edit": self.action_edit,
            "delete": self.action_delete,
        }
        if choice in actions:
            actions[choice]()

    def palette_commands(self) -> list[PaletteCommand]:
        commands: list[PaletteCommand] = [
            (
                "Stakeholders: switch grid/list",
                "Show the map as a grid or as a table",
                self.action_toggle_view,
            ),
            ("Stakeholders: add someone", "A new stakeholder", self.action_new),
        ]
        for person in self._people.values():
            commands.append(
                (
                    f"Go to stakeholder {person.name}",
                    "Show them on the stakeholder map",
                    lambda stakeholder_id=person.id: self.go_to(stakeholder_id),
                )
            )
        return commands
