"""The dashboard screen: the four panes in a grid, or as tabs on a small terminal, the status
line and the footer. Choosing, cycling and zooming panes happens here.

It coordinates the panes: each pane posts what the user meant and the screen handles it with
``@on``, handing it to the pane's requests (:mod:`.journal`, :mod:`.gaps`, :mod:`.people`,
:mod:`.vision`), which open forms (:mod:`.forms`) and ask for writes. Every write goes through
:meth:`DashboardScreen.run_write`: the action runs in a thread worker while the status line says
"saving…", then :class:`WriteFinished` brings the result and the career read again back to the
event loop, where fresh data goes down to every pane and the user hears how it went.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Tab, Tabs

from careertui.store.repository import Career, Repository
from careertui.tui.dashboard.forms import FormSaves
from careertui.tui.dashboard.gaps import GapRequests
from careertui.tui.dashboard.journal import JournalRequests
from careertui.tui.dashboard.people import PeopleRequests
from careertui.tui.dashboard.review import ReviewRequests
from careertui.tui.dashboard.vision import VisionRequests
from careertui.tui.panes.base import Pane
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.panes.journal import JournalPane
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.panes.vision import VisionPane
from careertui.tui.saving import Outcome, Write, perform
from careertui.tui.screens.held_keys import KeyHold
from careertui.tui.status import StatusLine
from careertui.tui.widgets.footer import DashboardFooter

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp

#: The panes in the order of the method; their DOM ids.
PANE_IDS = ("vision", "gaps", "stakeholders", "journal")
#: Below this size the panes become tabs.
WIDE = (120, 32)
#: The pane that shows each kind of record: a record just saved is selected there.
SHOWN_IN = {
    "Win": "journal",
    "Gap": "gaps",
    "Stakeholder": "stakeholders",
    "Priority": "vision",
    "Goal": "vision",
    "Feedback": "vision",
}


@dataclass
class WriteFinished(Message):
    """A write is done (stored, refused or failed): how it went, back on the event loop."""

    write: Write
    outcome: Outcome


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
        Binding("R", "ladder", "Ladder & readiness", id="dashboard.ladder", show=False),
        Binding("w", "app.quick_win", "Log a win", id="dashboard.log_win"),
        Binding("r", "app.weekly_review", "Weekly review", id="dashboard.review", show=False),
        Binding("q", "app.quit", "Quit", id="dashboard.quit"),
    ]

    _wanted = PANE_IDS[-1]

    def __init__(self) -> None:
        super().__init__()
        self.forms = FormSaves(self)
        self.journal = JournalRequests(self)
        self.gaps = GapRequests(self)
        self.people = PeopleRequests(self)
        self.vision = VisionRequests(self)
        self.review = ReviewRequests(self)
        #: Keys typed while a form's record is being saved (the app offers it every key).
        self.held_keys = KeyHold()
        self._write_lock = threading.Lock()
        self._writes = 0
        #: The career the panes other than the journal still have to show (see
        #: :meth:`show_journal_first`).
        self._later: Career | None = None

    def compose(self) -> ComposeResult:
        # The layout's classes are set before the first layout, not toggled after it (each
        # toggle restyles the screen and lays it out again): tabbed when the terminal is
        # small, and the pane that has the focus first (the journal) active.
        size = self.app.size
        self.set_class(size.width < WIDE[0] or size.height < WIDE[1], "-tabbed")
        active = {pane_id: ("-active" if pane_id == PANE_IDS[-1] else "") for pane_id in PANE_IDS}
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
            yield VisionPane(id="vision", classes=active["vision"])
            yield GapsPane(id="gaps", classes=active["gaps"])
            yield StakeholdersPane(id="stakeholders", classes=active["stakeholders"])
            yield JournalPane(id="journal", classes=active["journal"])
        yield StatusLine(id="status")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self.query_one(Tabs).can_focus = False
        self.career_app.dashboard_ready()

    # -- data --------------------------------------------------------------------------------
    @property
    def career_app(self) -> CareerApp:
        return cast("CareerApp", self.app)

    @property
    def repo(self) -> Repository:
        return self.career_app.repo

    @property
    def career(self) -> Career:
        """The career as last read, as the panes show it."""
        return self.career_app.career

    @property
    def panes(self) -> list[Pane]:
        return [self.query_one(f"#{pane_id}", Pane) for pane_id in PANE_IDS]

    def show(self, career: Career) -> None:
        self._later = None
        for pane in self.panes:
            pane.show(career)
        self.query_one(StatusLine).show(career)

    def show_journal_first(self, career: Career) -> None:
        """Show ``career`` in the journal at once and in the other panes and the status line
        after the next refresh: a win just logged appears a frame sooner (on a long journal the
        gap board's counts and the figures take longer than the journal's row). A later
        :meth:`show` overtakes what is still to show."""
        self.pane("journal").show(career)
        self._later = career
        self.call_after_refresh(self._show_later)

    def _show_later(self) -> None:
        if self._later is not None:
            self.show(self._later)

    def show_saved(self, record: object) -> None:
        """Put the cursor on ``record``, just saved, in the pane that shows its kind."""
        pane_id = SHOWN_IN.get(type(record).__name__)
        record_id = getattr(record, "id", None)
        if pane_id is not None and isinstance(record_id, str):
            self.pane(pane_id).select(record_id)

    # -- the one way to write ------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        return self._writes > 0

    def run_write(self, write: Write) -> None:
        """Save ``write`` off the event loop, one write at a time, while the status line says
        "saving…"; :class:`WriteFinished` says how it went."""
        self._writes += 1
        self._saving_changed()
        if write.preview is not None and write.refresh:
            self._preview(write.preview)
        self._write_in_thread(write)

    def _preview(self, preview: Callable[[Career], Career]) -> None:
        """Show the change at once, while it is saved; a bug here only costs the preview."""
        try:
            self.career_app.show_preview(preview(self.career))
        except Exception:
            self.log.error(traceback.format_exc())

    @work(thread=True, group="store-write", exit_on_error=False, description="saving")
    def _write_in_thread(self, write: Write) -> None:
        app = self.career_app
        outcome = perform(write, app.repo, self._write_lock, app.data_file_watch)
        self.post_message(WriteFinished(write, outcome))

    @on(WriteFinished)
    def _write_finished(self, message: WriteFinished) -> None:
        write, outcome = message.write, message.outcome
        self._writes -= 1
        self._saving_changed()
        if outcome.career is not None:
            self.career_app.push_career(outcome.career)
        elif write.preview is not None and (outcome.error or outcome.conflict) is not None:
            # not stored: the change shown while it was saved goes, before the error is said
            self.career_app.push_career(self.career_app.read_career)
        if outcome.reread_error is not None:
            self.notify(
                outcome.reread_error,
                severity="error",
                title="Saved, but could not re-read the data",
                markup=False,
            )
        if outcome.conflict is not None and write.conflicted is not None:
            self._follow_up(write.conflicted, outcome.conflict)
            return
        error = outcome.error if outcome.conflict is None else str(outcome.conflict)
        if error is not None:
            self.notify(error, title="Not saved", severity="error", timeout=8, markup=False)
            if write.failed is not None:
                self._follow_up(write.failed, error)
            return
        if write.done:
            self.notify(write.done, timeout=3, markup=False)
        if write.then is not None:
            self._follow_up(write.then, outcome.result)

    def _follow_up(self, follow: Callable[[Any], None], value: Any) -> None:
        """Run what follows a write; a bug there is reported, never lost."""
        try:
            follow(value)
        except Exception as exc:
            self.log.error(traceback.format_exc())
            self.notify(
                f"{type(exc).__name__}: {exc}",
                title="Something went wrong after saving",
                severity="error",
                markup=False,
            )

    def _saving_changed(self) -> None:
        if self.is_mounted:
            self.query_one(StatusLine).set_saving(self.saving)
        self.career_app.saving_changed()

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

    def action_ladder(self) -> None:
        """The evidence per expectation of the target level, and readiness."""
        from careertui.domain.clock import today
        from careertui.tui.screens.ladder import LadderScreen

        self.app.push_screen(LadderScreen(self.career, today()))

    # -- what the panes ask for ----------------------------------------------------------------
    @on(JournalPane.WinFormRequested)
    def _win_form(self, message: JournalPane.WinFormRequested) -> None:
        self.journal.open_win_form(message.win)

    @on(JournalPane.WinDeleteRequested)
    def _win_delete(self, message: JournalPane.WinDeleteRequested) -> None:
        self.journal.confirm_delete(message.win)

    @on(JournalPane.UndoDeleteRequested)
    def _win_undo(self) -> None:
        self.journal.undo_delete()

    @on(JournalPane.WinStarToggled)
    def _win_star(self, message: JournalPane.WinStarToggled) -> None:
        self.journal.toggle_star(message.win)

    @on(JournalPane.WinToldRequested)
    def _win_told(self, message: JournalPane.WinToldRequested) -> None:
        self.journal.tell(message.win)

    @on(GapsPane.GapMoved)
    def _gap_moved(self, message: GapsPane.GapMoved) -> None:
        self.gaps.move(message.gap_id, message.step)

    @on(GapsPane.StatusChanged)
    def _gap_status(self, message: GapsPane.StatusChanged) -> None:
        self.gaps.move_to(message.gap_id, message.status)

    @on(GapsPane.ValueStepped)
    def _gap_stepped(self, message: GapsPane.ValueStepped) -> None:
        self.gaps.step(message.gap_id, message.field, message.step)

    @on(GapsPane.OrderChanged)
    def _gap_order(self, message: GapsPane.OrderChanged) -> None:
        self.gaps.remember_order(message.order)

    @on(GapsPane.SavedOrderWanted)
    def _gap_saved_order(self, message: GapsPane.SavedOrderWanted) -> None:
        message.board.restore_order(self.gaps.saved_order())

    @on(GapsPane.NewRequested)
    def _gap_new(self) -> None:
        self.gaps.new()

    @on(GapsPane.EditRequested)
    def _gap_edit(self, message: GapsPane.EditRequested) -> None:
        self.gaps.edit(message.gap_id)

    @on(GapsPane.DeleteRequested)
    def _gap_delete(self, message: GapsPane.DeleteRequested) -> None:
        self.gaps.confirm_delete(message.gap_id)

    @on(GapsPane.LogWinRequested)
    def _gap_log_win(self, message: GapsPane.LogWinRequested) -> None:
        self.gaps.log_win(message.gap_id)

    @on(StakeholdersPane.NewRequested)
    def _person_new(self) -> None:
        self.people.new()

    @on(StakeholdersPane.EditRequested)
    def _person_edit(self, message: StakeholdersPane.EditRequested) -> None:
        self.people.edit(message.person)

    @on(StakeholdersPane.CheckInRequested)
    def _person_check_in(self, message: StakeholdersPane.CheckInRequested) -> None:
        self.people.check_in(message.person)

    @on(StakeholdersPane.DeleteRequested)
    def _person_delete(self, message: StakeholdersPane.DeleteRequested) -> None:
        self.people.confirm_delete(message.person, message.references)

    @on(VisionPane.EditSection)
    def _vision_edit(self, message: VisionPane.EditSection) -> None:
        message.stop()
        self.vision.edit_section(message.section, message.index, message.record_id)

    @on(VisionPane.AddItem)
    def _vision_add(self, message: VisionPane.AddItem) -> None:
        message.stop()
        self.vision.add_item(message.section)

    @on(VisionPane.DeleteItem)
    def _vision_delete(self, message: VisionPane.DeleteItem) -> None:
        message.stop()
        self.vision.delete_item(message.section, message.index, message.record_id)

    @on(VisionPane.ArchivePriority)
    def _vision_archive(self, message: VisionPane.ArchivePriority) -> None:
        message.stop()
        self.vision.archive_priority(message.priority_id)

    @on(VisionPane.RestorePriority)
    def _vision_restore(self, message: VisionPane.RestorePriority) -> None:
        message.stop()
        self.vision.restore_priority(message.priority_id)

    @on(VisionPane.MoveItem)
    def _vision_move(self, message: VisionPane.MoveItem) -> None:
        message.stop()
        self.vision.move_item(message.section, message.index, message.step, message.expected)

    @on(VisionPane.MakeGap)
    def _vision_make_gap(self, message: VisionPane.MakeGap) -> None:
        message.stop()
        self.vision.make_gap(message.section, message.index, message.record_id)

    @on(VisionPane.GoalStatusChanged)
    def _vision_goal_status(self, message: VisionPane.GoalStatusChanged) -> None:
        message.stop()
        self.vision.set_goal_status(message.goal_id, message.status)

    @on(VisionPane.OpenGuidedStart)
    def _vision_guided_start(self, message: VisionPane.OpenGuidedStart) -> None:
        message.stop()
        self.vision.open_guided_start(message.automatic)
