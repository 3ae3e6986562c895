"""The dashboard screen: the four panes in a grid, or as tabs on a small terminal, the status
line and the footer. Choosing, cycling and zooming panes happens here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Tab, Tabs

from careertui.store.repository import Career
from careertui.tui.panes.base import Pane
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.panes.journal import JournalPane
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.panes.vision import VisionPane
from careertui.tui.status import StatusLine
from careertui.tui.widgets.footer import DashboardFooter

#: The panes in the order of the method; their DOM ids.
PANE_IDS = ("vision", "gaps", "stakeholders", "journal")
#: Below this size the panes become tabs.
WIDE = (120, 32)


class DashboardScreen(Screen[None]):
    AUTO_FOCUS = None
    #: Escape un-zooms through a binding, not before everything else as Textual would: the
    #: widget with the focus has it first (Escape closes the journal filter, then un-zooms).
    ESCAPE_TO_MINIMIZE = False
    BINDINGS = [
        Binding("escape", "unzoom", "Restore the panes", id="dashboard.unzoom", show=False),
        Binding("1", "focus_pane('vision')", "Vision", id="dashboard.vision", show=False),
        Binding("2", "focus_pane('gaps')", "Gaps", id="dashboard.gaps", show=False),
        Binding(
            "3",
            "focus_pane('stakeholders')",
            "Stakeholders",
            id="dashboard.stakeholders",
            show=False,
        ),
        Binding("4", "focus_pane('journal')", "Journal", id="dashboard.journal", show=False),
        Binding("tab", "cycle(1)", "Next pane", id="dashboard.next_pane", show=False),
        Binding(
            "shift+tab", "cycle(-1)", "Previous pane", id="dashboard.previous_pane", show=False
        ),
        Binding("z", "zoom", "Zoom", id="dashboard.zoom"),
        Binding("w", "app.quick_win", "Log a win", id="dashboard.log_win"),
        Binding("q", "app.quit", "Quit", id="dashboard.quit"),
    ]

    _wanted = PANE_IDS[-1]

    def compose(self) -> ComposeResult:
        yield Tabs(
            *(
                Tab(f"{n} {title}", id=f"tab-{pane_id}")
                for n, (pane_id, title) in enumerate(
                    zip(PANE_IDS, ("Vision", "Gaps", "Stakeholders", "Journal"), strict=True), 1
                )
            ),
            id="pane-tabs",
            active=f"tab-{PANE_IDS[-1]}",
        )
        with Container(id="panes"):
            yield VisionPane(id="vision")
            yield GapsPane(id="gaps")
            yield StakeholdersPane(id="stakeholders")
            yield JournalPane(id="journal")
        yield StatusLine(id="status")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False
        self.app.dashboard_ready()  # type: ignore[attr-defined]

    # -- data --------------------------------------------------------------------------------
    @property
    def panes(self) -> list[Pane]:
        return [self.query_one(f"#{pane_id}", Pane) for pane_id in PANE_IDS]

    def show(self, career: Career) -> None:
        for pane in self.panes:
            pane.show(career)
        self.query_one(StatusLine).show(career)

    def set_saving(self, saving: bool) -> None:
        self.query_one(StatusLine).set_saving(saving)

    # -- layout --------------------------------------------------------------------------------
    @property
    def tabbed(self) -> bool:
        return self.has_class("-tabbed")

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < WIDE[0] or event.size.height < WIDE[1]
        self.set_class(narrow, "-tabbed")
        self._show_active(self.active_pane_id())

    def on_descendant_focus(self, event: object) -> None:
        self._wanted = self.active_pane_id()
        self._show_active(self._wanted)

    def active_pane_id(self) -> str:
        focused = self.focused
        if focused is not None:
            for node in (focused, *focused.ancestors):
                if isinstance(node, Pane) and node.id:
                    return node.id
        active = self.query_one(Tabs).active
        return active.removeprefix("tab-") if active else PANE_IDS[-1]

    def _show_active(self, pane_id: str) -> None:
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{pane_id}":
            tabs.active = f"tab-{pane_id}"
        for pane in self.panes:
            pane.set_class(pane.id == pane_id, "-active")

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        """A tab chosen with the mouse focuses its pane (tabs set by focus change nothing)."""
        pane_id = (event.tab.id or "").removeprefix("tab-")
        if pane_id in PANE_IDS and pane_id != self._wanted:
            self.action_focus_pane(pane_id)

    # -- actions -----------------------------------------------------------------------------
    def pane(self, pane_id: str) -> Pane:
        return self.query_one(f"#{pane_id}", Pane)

    def action_focus_pane(self, pane_id: str) -> None:
        self._wanted = pane_id
        if self.maximized is not None and self.maximized.id != pane_id:
            self.minimize()
        self._show_active(pane_id)
        self.pane(pane_id).focus_pane()

    def action_cycle(self, step: int) -> None:
        index = PANE_IDS.index(self.active_pane_id())
        self.action_focus_pane(PANE_IDS[(index + step) % len(PANE_IDS)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "unzoom":
            return self.maximized is not None
        return True

    def action_unzoom(self) -> None:
        self.minimize()

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        target: Widget = self.pane(self.active_pane_id())
        self.maximize(target, container=False)
