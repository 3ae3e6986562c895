"""The stakeholder map: who decides, who influences, who has not heard from you lately.

Two views of the same people, switched with ``v``: a grid of four quadrants (influence against
stance, named by what to do; :class:`StakeholderGrid`) and a sortable list
(:class:`StakeholderTable`). Warnings sit on top; the selected person's line sits below. The
pane never touches the store: it opens the details and agenda screens, and posts what the user
meant (:class:`StakeholdersPane.CheckInRequested`, ``NewRequested``, ``EditRequested``,
``DeleteRequested``); the app writes and pushes the fresh career down through :meth:`show`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Static

from careertui.domain.cadence import next_check_in
from careertui.domain.clock import today as clock_today
from careertui.domain.dates import shown
from careertui.domain.models import Stakeholder
from careertui.domain.stakeholders import (
    QUADRANT_ORDER,
    Quadrant,
    WarningKind,
    agenda,
    check_ins_with,
    feedback_from,
    linked_gaps,
    overdue_text,
    quadrant,
    warnings,
    wins_with,
)
from careertui.store.references import references_in
from careertui.store.repository import Career
from careertui.tui.commands import PaletteCommand
from careertui.tui.panes.base import Pane
from careertui.tui.widgets.stakeholder_grid import StakeholderGrid
from careertui.tui.widgets.stakeholder_marks import LEGEND
from careertui.tui.widgets.stakeholder_quadrant import QuadrantList
from careertui.tui.widgets.stakeholder_table import StakeholderTable

#: The ids of the two views, as :attr:`StakeholdersPane.view` names them.
GRID, LIST = "stakeholder-grid", "stakeholder-table"


class StakeholdersPane(Pane):
    """The stakeholder map."""

    TITLE = "Stakeholders"
    KEY = "3"
    EMPTY_TEXT = (
        "Then the people: who decides and who influences your next step?\n"
        "Press n to add your manager first, then the people around them."
    )

    FOOTER_FIRST = (
        "stakeholders.details",
        "stakeholders.check_in",
        "stakeholders.new",
        "stakeholders.edit",
        "stakeholders.prepare",
        "stakeholders.sort",
        "stakeholders.toggle_view",
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

    # -- messages: what the user meant ------------------------------------------------------
    @dataclass
    class CheckInRequested(Message):
        """The user wants to log a check-in with ``person``."""

        person: Stakeholder

    @dataclass
    class NewRequested(Message):
        """The user wants to add a stakeholder."""

    @dataclass
    class EditRequested(Message):
        """The user wants to edit ``person``."""

        person: Stakeholder

    @dataclass
    class DeleteRequested(Message):
        """The user wants ``person`` deleted; ``references`` says what names them."""

        person: Stakeholder
        references: str

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
    def shows_nothing(self, career: Career) -> bool:
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
        self.set_empty(self.shows_nothing(career))
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

    def main_widget(self) -> Widget | None:
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
        last = shown(person.last_contact) if person.last_contact else "never"
        text.append(f" · last {last}", style="dim")
        late = overdue_text(person, self._today)
        if late:
            text.append(f" · {late}", style="bold red")
        else:
            due = next_check_in(person, self._today)
            text.append(f" · next {shown(due)}" if due else " · no cadence", style="dim")
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
                    partial(self.go_to, person.id),
                )
            )
        return commands
