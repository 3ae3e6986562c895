"""The careertui dashboard app, built over a store by :func:`make_app`.

What the app offers the pane handler mixins (``handlers/*.py``), which run as methods of the app:

- ``self.repo``: the :class:`~careertui.store.repository.Repository`, the only way to data.
- ``self.career``: the latest :class:`~careertui.store.repository.Career` snapshot.
- ``self.write(fn, *args, done_message=None, on_done=None, on_error=None)``: runs ``fn(*args)``
  (a repository write) off the event loop in a thread worker while the status line shows
  "saving…", then re-reads the career and pushes it down to every pane (``Pane.show``) and
  calls ``on_done(result)``; a store error becomes a notification and ``on_error(message)``.
- ``self.open_form(title, model, fields, initial=None, save=None, callback=None)``: the generic
  record form (:mod:`careertui.tui.screens.form`). With ``save(model, on_done, on_error)`` (which
  usually calls ``self.write``) the form stays open until the record is stored and keeps what
  was typed on an error.
- ``self.dashboard``: the dashboard screen (``self.dashboard.pane("gaps")`` etc.).

- ``self.show_saved(record)``: a record just saved is selected in the pane that shows it
  (forms opened with ``open_form`` do it by themselves); ``self.select_vision_item(section,
  text)`` the same for an item of a vision list.

An unexpected exception ends the app, but what was typed in an open form is kept as a draft
that the next start offers back, and the details go to ``crash.log`` (:mod:`careertui.tui.crash`).

The data file is watched (a cheap ``os.stat`` once a second); a change made by another process
(``careertui win`` in another terminal) is read in a worker and pushed down without touching
any open form or input.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from textual.app import App
from textual.binding import Binding

from careertui.actions.settings import THEME, remember
from careertui.actions.wins import log_win
from careertui.domain.models import Feedback, Gap, Priority, Stakeholder, Win
from careertui.store.drafts import discard_draft, load_draft
from careertui.store.repository import Career, Repository
from careertui.tui.commands import CareerCommands, PaletteCommand
from careertui.tui.crash import CrashReport, DraftOfferScreen, record_crash, reopen
from careertui.tui.dashboard import DashboardScreen
from careertui.tui.exports import export_commands
from careertui.tui.handlers.gaps import GapHandlers
from careertui.tui.handlers.journal import JournalHandlers
from careertui.tui.handlers.stakeholders import StakeholderHandlers
from careertui.tui.handlers.vision import VisionHandlers
from careertui.tui.live import FileWatch
from careertui.tui.panes.vision import VisionPane
from careertui.tui.saving import StoreAccess, error_message

if TYPE_CHECKING:
    from careertui.tui.screens.form import FormField, Save

HERE = Path(__file__).parent
#: Seconds between looks at the data file for changes made by other processes.
WATCH_INTERVAL = 1.0
#: The pane that shows each kind of record: a record just saved is selected there.
SHOWN_IN: dict[type[BaseModel], str] = {
    Win: "journal",
    Gap: "gaps",
    Stakeholder: "stakeholders",
    Priority: "vision",
    Feedback: "vision",
}


class CareerApp(
    JournalHandlers, GapHandlers, StakeholderHandlers, VisionHandlers, StoreAccess, App[None]
):
    TITLE = "careertui"
    CSS_PATH = [
        HERE / "app.tcss",
        HERE / "screens" / "form.tcss",
        HERE / "panes" / "vision.tcss",
        HERE / "panes" / "gaps.tcss",
        HERE / "panes" / "stakeholders.tcss",
        HERE / "panes" / "journal.tcss",
    ]
    COMMANDS = App.COMMANDS | {CareerCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    def __init__(self, repo: Repository, career: Career | None = None) -> None:
        super().__init__()
        self.repo = repo
        self._init_store_access()
        self._quit_when_saved = False
        self.watch = FileWatch(repo.store.path)
        self.career = repo.career() if career is None else career
        self._read_error: str | None = None
        self._reading = False
        #: Counts the snapshots pushed down, so a slow re-read never replaces a newer one.
        self._pushes = 0
        self._saved_theme = self.career.setting(THEME)
        #: Set when an unexpected error stopped the app: where its details and the draft went.
        self.crash_report: CrashReport | None = None

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen()

    @property
    def dashboard(self) -> DashboardScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, DashboardScreen)
        return screen

    def on_mount(self) -> None:
        if self._saved_theme in self.available_themes:
            self.theme = self._saved_theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def dashboard_ready(self) -> None:
        """Called by the dashboard screen once its panes are mounted."""
        self.push_career(self.career)
        self.dashboard.action_focus_pane("journal")
        self.set_interval(WATCH_INTERVAL, self._look_for_changes, name="watch-data-file")
        # after the first frame, so the offer is on top of a guided start that opens by itself
        self.call_after_refresh(self._offer_draft)

    # -- a bug: keep what was typed, log the details, leave the terminal clean ------------------
    def _handle_exception(self, error: Exception) -> None:
        """Textual's one door for an unhandled exception (it always ends the app): keep the
        open form's text as a draft and write the traceback to the crash log first."""
        if self.crash_report is None:
            self.crash_report = record_crash(self, error)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Textual would print the traceback with every frame's local variables (record text)
        once the terminal is restored; the crash log has the details instead, and
        ``careertui`` says where it is."""
        if self.crash_report is None or self.crash_report.log is None:
            super()._fatal_error()
            return
        self.bell()
        self._close_messages_no_wait()

    def _offer_draft(self) -> None:
        """What was being typed when careertui last stopped on a bug: restore it or discard it."""
        store = self.repo.store
        try:
            draft = load_draft(store)
        except Exception as exc:  # an unreadable draft must not stop the app
            self.notify(
                f"{type(exc).__name__}: {exc}",
                severity="warning",
                markup=False,
                title="The draft kept from the last session could not be read",
            )
            return
        if draft is None:
            return

        def answered(answer: str | None) -> None:
            if answer is None:
                return  # decide next time
            discard_draft(store)
            if answer == "restore":
                reopen(self, draft)

        self.push_screen(DraftOfferScreen(draft), answered)

    # -- pushing data down -----------------------------------------------------------------------
    def push_career(self, career: Career) -> None:
        self._pushes += 1
        self.career = career
        self.dashboard.show(career)

    def show_saved(self, record: object) -> None:
        """Put the cursor on ``record``, just saved, in the pane that shows its kind (a form's
        or a write's follow-up; None, a cancelled form, changes nothing)."""
        for kind, pane_id in SHOWN_IN.items():
            if isinstance(record, kind):
                self.dashboard.pane(pane_id).select(record.id)
                return

    def select_vision_item(self, section: str, text: str | None) -> None:
        """Put the vision pane's cursor on the list item ``text`` just added to ``section``."""
        if text:
            pane = self.dashboard.pane("vision")
            if isinstance(pane, VisionPane):
                pane.select_item(section, text)

    def _select_new_wins(self, before: Career, after: Career) -> None:
        """Wins another process logged (``careertui win``): the journal selects the newest."""
        known = {win.id for win in before.wins}
        arrived = [win for win in after.wins if win.id not in known]
        if arrived:
            self.show_saved(max(arrived, key=lambda win: win.created))

    def saving_changed(self) -> None:
        self.dashboard.set_saving(self.saving)
        if self._quit_when_saved and not self.saving:
            self.exit()

    async def action_quit(self) -> None:
        """Quit, but never in the middle of a save: wait for it, then go."""
        if self.saving:
            self._quit_when_saved = True
            self.notify("Saving… careertui closes as soon as it is saved", timeout=5)
            return
        self.exit()

    # -- other processes' changes -----------------------------------------------------------------
    def _look_for_changes(self) -> None:
        if self.saving or self._reading or not self.watch.changed():
            return
        self._reading = True
        pushes = self._pushes
        self.run_worker(
            lambda: self._reread(pushes), thread=True, group="store-read", exit_on_error=False
        )

    def _reread(self, pushes: int) -> None:
        try:
            career = self.repo.career()
        except Exception as exc:  # keep showing what we have; say why it is stale
            self.call_from_thread(self._reread_failed, error_message(exc))
            return
        self.call_from_thread(self._reread_done, career, pushes)

    def _reread_done(self, career: Career, pushes: int) -> None:
        self._reading = False
        self._read_error = None
        if not self.saving and pushes == self._pushes:
            before = self.career
            self.push_career(career)
            self._select_new_wins(before, career)
        else:  # something newer was shown meanwhile: look at the file again on the next tick
            self.watch.forget()

    def _reread_failed(self, message: str) -> None:
        self._reading = False
        if message != self._read_error:
            self._read_error = message
            self.notify(
                message,
                title="Could not re-read the data file",
                severity="error",
                timeout=10,
                markup=False,
            )

    # -- theme ---------------------------------------------------------------------------------
    def _remember_theme(self, theme: Any) -> None:
        name = getattr(theme, "name", None)
        if name and name != self._saved_theme:
            self._saved_theme = name
            self.write(remember, self.repo, THEME, name)

    # -- forms and screens ---------------------------------------------------------------------
    def open_form(
        self,
        title: str,
        model: type[BaseModel],
        fields: Sequence[FormField],
        initial: BaseModel | Mapping[str, Any] | None = None,
        save: Save | None = None,
        callback: Callable[[Any], None] | None = None,
    ) -> None:
        from careertui.tui.screens.form import FormScreen

        def closed(result: Any) -> None:
            self.show_saved(result)
            if callback is not None:
                callback(result)

        self.push_screen(FormScreen(title, model, fields, initial, save), closed)

    def action_quick_win(self) -> None:
        from careertui.tui.screens.quick_win import QuickWinScreen

        def save(win: Any, done: Any, failed: Any) -> None:
            self.write(
                log_win,
                self.repo,
                win,
                done_message=f"Win logged: {win.title}",
                on_done=done,
                on_error=failed,
            )

        self.push_screen(QuickWinScreen(save), self.show_saved)

    def action_help(self) -> None:
        from careertui.tui.screens.help import HelpScreen, help_rows

        display = self.get_key_display
        rows = help_rows("Everywhere", self, display)
        rows += help_rows("Dashboard", self.dashboard, display)
        for pane in self.dashboard.panes:
            rows += help_rows(pane.TITLE, pane, display, own_only=True)
            seen: set[type] = set()
            for widget in pane.query("*"):
                kind = type(widget)
                if kind.__module__.startswith("careertui.") and kind not in seen:
                    seen.add(kind)
                    rows += help_rows(pane.TITLE, widget, display, own_only=True)
        rows += [
            ("Forms", "ctrl+s", "Save"),
            ("Forms", "escape", "Cancel"),
            ("Forms", "ctrl+e", "Write the focused text field in $EDITOR"),
            ("Command palette", "ctrl+p", "Every action by name"),
        ]
        self.push_screen(
            HelpScreen(
                rows,
                notes=[
                    "Journal filter (/): words #tag priority:… gap:… with:… * from:… to:… "
                    "(quote values with spaces)",
                ],
            )
        )

    # -- the command palette -------------------------------------------------------------------
    def palette_commands(self) -> list[PaletteCommand]:
        dashboard = self.dashboard
        commands: list[PaletteCommand] = [
            ("Log a win", "One line, dated today (w)", self.action_quick_win),
            ("Show keys", "Every binding (?)", self.action_help),
            ("Switch theme", "Pick a theme; the choice is remembered", self.action_change_theme),
            ("Zoom the focused pane", "Maximise or restore (z)", dashboard.action_zoom),
        ]
        for pane in dashboard.panes:
            commands.append(
                (
                    f"Go to {pane.TITLE}",
                    f"Focus the {pane.TITLE} pane ({pane.KEY})",
                    lambda pane_id=pane.id: dashboard.action_focus_pane(pane_id),
                )
            )
        commands += export_commands(self)
        for pane in dashboard.panes:
            commands += pane.palette_commands()
        return commands


def make_app(repo: Repository, career: Career | None = None) -> CareerApp:
    """The one factory: ``careertui`` and the tests build the app over a store with it.

    ``career``, when the caller has just read it, saves reading the store a second time.
    """
    return CareerApp(repo, career)
