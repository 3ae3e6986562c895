"""A plain Textual app laid out like careertui's dashboard, the reference of the pane-switch
benchmark (:mod:`bench.panes`).

Four bordered panes in a 2×2 grid (the dashboard's layout at 120×36 and larger: every pane is
on screen, the chosen one has the accent border and the focus), tabs for a small terminal (kept
hidden, as the dashboard does at this size, but switched with the panes), a status line and
Textual's own footer, which shows the focused pane's keys. Keys 1–4 choose a pane as careertui
does: the ``-active`` class moves to it, the tab follows, and its main list takes the focus.

Every pane holds about as many widgets, of the same kinds, as careertui's: stock DataTables and
an OptionList with the same rows (the wins, the gaps per status, the people per quadrant),
where careertui has its own virtual lists, and Statics where it has prose. Like careertui's
vision pane, the vision pane swaps its one-line-a-section glance for the full outline while it
is active. Nothing is read from a store: :class:`ControlData` brings the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Grid, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import (
    ContentSwitcher,
    DataTable,
    Footer,
    Input,
    OptionList,
    Sparkline,
    Static,
    Tab,
    Tabs,
)

Row = tuple[str, ...]

#: The panes in careertui's order (and their DOM ids, the same as careertui's).
PANE_IDS = ("vision", "gaps", "stakeholders", "journal")
TITLES = ("Vision", "Gaps", "Stakeholders", "Journal")

CSS = """
#pane-tabs { display: none; }
#panes {
    layout: grid;
    grid-size: 2 2;
    grid-columns: 2fr 3fr;
    grid-rows: 9fr 8fr;
    height: 1fr;
}
ControlPane {
    border: round $panel-lighten-2;
    border-title-color: $text-muted;
    padding: 0 1;
    height: 1fr;
}
ControlPane.-active {
    border: round $accent;
    border-title-color: $accent;
    border-title-style: bold;
}
ControlPane .pane-empty { display: none; }
ControlPane DataTable { height: 1fr; }
#vision-statement { height: auto; max-height: 6; }
#vision-glance { height: 1fr; }
#vision-outline { display: none; height: 1fr; border: none; padding: 0; }
#vision-detail { display: none; height: auto; max-height: 7; }
VisionControl.-active #vision-glance { display: none; }
VisionControl.-active #vision-outline { display: block; }
VisionControl.-active #vision-statement { max-height: 4; }
#gap-board { height: 1fr; }
.gap-board-column { width: 1fr; height: 1fr; margin: 0 1 0 0; }
.gap-column-title { text-style: bold; color: $text-muted; height: 1; }
#stakeholder-warnings { height: auto; max-height: 3; color: $warning; }
#stakeholder-views { height: 1fr; }
#stakeholder-grid { grid-size: 2 2; height: 1fr; }
#stakeholder-selected { height: 1; }
#stakeholder-legend { display: none; }
#journal-glance { height: 1; }
#journal-weeks-label { width: 7; color: $text-muted; }
#journal-weeks { width: 26; margin-right: 2; }
#journal-alignment { width: 1fr; }
#journal-filter { display: none; height: 3; }
#journal-count { height: auto; max-height: 3; }
#win-list { height: 1fr; min-height: 3; }
#win-details { height: 45%; border-top: hkey $panel-lighten-2; }
#status { height: 1; padding: 0 1; background: $panel; }
"""


@dataclass(frozen=True)
class ControlData:
    """What the control app shows: plain rows, as careertui's panes show the career."""

    statement: str
    #: The vision pane: one line a section (inactive), and the full outline (active).
    glance: Sequence[str]
    outline: Sequence[str]
    #: The gap board: (title, levels, evidence) rows in three status columns.
    gap_columns: Sequence[Sequence[Row]]
    #: The stakeholder map: (name, role) rows in four quadrants, and everyone as a table.
    quadrants: Sequence[Sequence[Row]]
    people: Sequence[Row]
    #: The journal: (date, star, title, priority, metric) rows, newest first.
    wins: Sequence[Row]
    weeks: Sequence[int] = field(default_factory=list)
    status: str = ""


def _table(rows: Sequence[Row], columns: Sequence[str], id: str | None = None) -> DataTable:
    table: DataTable = DataTable(cursor_type="row", id=id)
    table.add_columns(*columns)
    table.add_rows(rows)
    return table


class ControlPane(Vertical, can_focus=True):
    """One of the four panes: a title with its number key and a main widget for the focus."""

    TITLE = ""
    KEY = ""

    def __init__(self, data: ControlData, *, id: str, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.data = data
        self.border_title = f"{self.KEY} {self.TITLE}"

    def compose(self) -> ComposeResult:
        yield Static("Nothing here yet.", classes="pane-empty")
        yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def main_widget(self) -> Widget:
        for widget in self.query("*"):
            if widget.focusable:
                return widget
        return self

    def action_noop(self, key: str) -> None:
        """The pane's keys are there for the footer to show; the benchmark never presses
        them."""


class VisionControl(ControlPane):
    TITLE, KEY = "Vision", "1"
    BINDINGS = [
        Binding("e", "noop('e')", "Edit"),
        Binding("a", "noop('a')", "Add"),
        Binding("d", "noop('d')", "Delete"),
        Binding("g", "noop('g')", "Make a gap"),
        Binding("s", "noop('s')", "Goal status"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static(self.data.statement, id="vision-statement", markup=False)
        yield Static("\n".join(self.data.glance), id="vision-glance", markup=False)
        yield OptionList(*self.data.outline, id="vision-outline")
        yield Static("", id="vision-detail")
        yield Static("", id="vision-hint")
        yield Static("", id="vision-flags")

    def main_widget(self) -> Widget:
        return self.query_one("#vision-outline", OptionList)


class GapsControl(ControlPane):
    TITLE, KEY = "Gaps", "2"
    BINDINGS = [
        Binding("n", "noop('n')", "New gap"),
        Binding("e", "noop('e')", "Edit"),
        Binding("shift+down", "noop('shift+down')", "Move down"),
        Binding("shift+up", "noop('shift+up')", "Move up"),
        Binding("l", "noop('l')", "Log a win"),
        Binding("d", "noop('d')", "Delete"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="gap-board"):
            for title, rows in zip(
                ("Backlog", "Working on", "Closed"), self.data.gap_columns, strict=True
            ):
                with Vertical(classes="gap-board-column"):
                    yield Static(title, classes="gap-column-title")
                    yield _table(rows, ("Gap", "Level", "Evidence"))


class StakeholdersControl(ControlPane):
    TITLE, KEY = "Stakeholders", "3"
    BINDINGS = [
        Binding("n", "noop('n')", "New person"),
        Binding("e", "noop('e')", "Edit"),
        Binding("c", "noop('c')", "Check in"),
        Binding("v", "noop('v')", "List view"),
        Binding("d", "noop('d')", "Delete"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("", id="stakeholder-warnings")
        with ContentSwitcher(initial="stakeholder-grid", id="stakeholder-views"):
            with Grid(id="stakeholder-grid"):
                for rows in self.data.quadrants:
                    yield _table(rows, ("Name", "Role"))
            yield _table(self.data.people, ("Name", "Role"), id="stakeholder-table")
        yield Static("", id="stakeholder-selected")
        yield Static("Keep close · Win over · Keep informed · Monitor", id="stakeholder-legend")


class JournalControl(ControlPane):
    TITLE, KEY = "Journal", "4"
    BINDINGS = [
        Binding("n", "noop('n')", "New win"),
        Binding("e", "noop('e')", "Edit"),
        Binding("slash", "noop('slash')", "Filter"),
        Binding("asterisk", "noop('asterisk')", "Star"),
        Binding("o", "noop('o')", "Told"),
        Binding("d", "noop('d')", "Delete"),
        Binding("u", "noop('u')", "Undo delete"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("Nothing here yet.", classes="pane-empty")
        with Horizontal(id="journal-glance"):
            yield Static("26 wks", id="journal-weeks-label")
            yield Sparkline(list(self.data.weeks), id="journal-weeks")
            yield Static("64% of 90-day wins on a priority", id="journal-alignment")
        yield Input(placeholder="filter", id="journal-filter")
        yield Static(f"{len(self.data.wins)} wins  / filters", id="journal-count")
        yield _table(self.data.wins, ("Date", "", "Title", "Priority", "Metric"), id="win-list")
        with VerticalScroll(id="win-details"):
            yield Static(id="win-heading")
            yield Static(id="win-body")
            yield Static(id="win-metrics")
            yield Static(id="win-facts")

    def on_mount(self) -> None:
        self._details(0)

    def main_widget(self) -> Widget:
        return self.query_one("#win-list", DataTable)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._details(event.cursor_row)

    def _details(self, index: int) -> None:
        if not 0 <= index < len(self.data.wins):
            return
        date, _, title, priority, metric = self.data.wins[index]
        self.query_one("#win-heading", Static).update(Text.assemble((title, "bold"), f"  {date}"))
        self.query_one("#win-body", Static).update("What was done, and how.")
        self.query_one("#win-metrics", Static).update(metric)
        self.query_one("#win-facts", Static).update(f"Serves: {priority}")


class ControlApp(App[None]):
    """Four panes switched with 1–4, the way careertui's dashboard switches them."""

    CSS = CSS
    BINDINGS = [
        Binding("1", "focus_pane('vision')", "Vision", show=False),
        Binding("2", "focus_pane('gaps')", "Gaps", show=False),
        Binding("3", "focus_pane('stakeholders')", "Stakeholders", show=False),
        Binding("4", "focus_pane('journal')", "Journal", show=False),
        Binding("w", "noop('w')", "Log a win"),
        Binding("z", "noop('z')", "Zoom"),
        Binding("question_mark", "noop('question_mark')", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, data: ControlData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        yield Tabs(
            *(
                Tab(f"{n} {title}", id=f"tab-{pane_id}")
                for n, (pane_id, title) in enumerate(zip(PANE_IDS, TITLES, strict=True), 1)
            ),
            id="pane-tabs",
            active=f"tab-{PANE_IDS[-1]}",
        )
        with Container(id="panes"):
            yield VisionControl(self.data, id="vision")
            yield GapsControl(self.data, id="gaps")
            yield StakeholdersControl(self.data, id="stakeholders")
            yield JournalControl(self.data, id="journal", classes="-active")
        yield Static(self.data.status, id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False
        self.action_focus_pane(PANE_IDS[-1])

    def action_focus_pane(self, pane_id: str) -> None:
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{pane_id}":
            tabs.active = f"tab-{pane_id}"
        for pane in self.query(ControlPane):
            pane.set_class(pane.id == pane_id, "-active")
        pane = self.query_one(f"#{pane_id}", ControlPane)
        self.screen.set_focus(pane.main_widget())

    def action_noop(self, key: str) -> None:
        """Only shown in the footer."""
