"""The stakeholder map as a table: everyone in a sortable list, overdue check-ins marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from careertui.domain.cadence import is_overdue, next_check_in
from careertui.domain.clock import today as clock_today
from careertui.domain.dates import shown
from careertui.domain.models import Stakeholder, Stance
from careertui.domain.stakeholders import STANCE_MARKS
from careertui.tui.widgets.stakeholder_marks import OVERDUE_MARK, STANCE_STYLES


def _date(value: dt.date | None) -> str:
    return shown(value) if value else "—"


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
        """Show ``people`` in the current order, the cursor staying on the same person."""
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
            upcoming = Text(f"{shown(due)} {OVERDUE_MARK}", style="bold red")
        else:
            upcoming = Text(shown(due))
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
        """Order the rows by the column ``key`` (in its natural direction unless ``reverse``)."""
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
        """The id of the person under the cursor (None in an empty table)."""
        if not self.row_count:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except CellDoesNotExist:
            return None
        return None if row_key.value is None else str(row_key.value)

    def select(self, person_id: str) -> None:
        """Put the cursor on ``person_id``, if the table shows them."""
        try:
            index = self.get_row_index(person_id)
        except RowDoesNotExist:
            return
        self.move_cursor(row=index, animate=False)
