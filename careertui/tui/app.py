"""The careertui dashboard app, built over a store by :func:`make_app`.

The app is small: it holds the repository and the career as last read (``repo``, ``career``),
opens the dashboard screen (:mod:`careertui.tui.dashboard`, which handles what the panes ask
for and runs every write), remembers the theme, offers the command palette and help, waits for
a save before quitting, and watches the data file: a cheap ``os.stat`` once a second; a change
made by another process (``careertui win`` in another terminal) is read in a worker and pushed
down without touching any open form or input.

An unexpected exception ends the app, but what was typed in an open form, or a record a form
dismissed that was still being saved, is kept as a draft that the next start offers back, and
the details go to ``crash.log`` (:mod:`careertui.tui.crash`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message

from careertui.actions.settings import remember_theme
from careertui.store.drafts import Draft, discard_draft, load_draft
from careertui.store.repository import Career, Repository
from careertui.tui.commands import CareerCommands, PaletteCommand
from careertui.tui.crash import CrashReport, DraftOfferScreen, record_crash, reopen
from careertui.tui.dashboard import DashboardScreen
from careertui.tui.exports import export_commands
from careertui.tui.keymap import load_keymap, problems_message
from careertui.tui.live import FileWatch
from careertui.tui.saving import Write, error_message
from careertui.tui.screens.guided_start import GuidedStartScreen
from careertui.tui.screens.stakeholder_agenda import StakeholderAgendaScreen
from careertui.tui.screens.weekly_review import WeeklyReviewScreen

HERE = Path(__file__).parent
#: Seconds between looks at the data file for changes made by other processes.
WATCH_INTERVAL = 1.0


@dataclass
class CareerReread(Message):
    """The data file, changed by another process, read again: the ``career`` it holds now (read
    when ``pushes`` snapshots had been shown), or the ``error`` that kept it from being read."""

    career: Career | None
    pushes: int
    error: str | None = None


class CareerApp(App[None]):
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

    def __init__(
        self, repo: Repository, career: Career | None = None, keymap_path: Path | None = None
    ) -> None:
        super().__init__()
        #: The user's own keys (binding id -> keys), and what in their file could not be used.
        self.keymap_path = keymap_path
        self.user_keys = load_keymap(keymap_path)
        if self.user_keys.keys:
            self.set_keymap(self.user_keys.keys)
        self.repo = repo
        self._quit_when_saved = False
        #: Notices changes another process makes to the data file.
        self.data_file_watch = FileWatch(repo.store.path)
        self.career = repo.career() if career is None else career
        #: The career as last read from the file (:attr:`career` may be ahead of it: a change
        #: shown while it is saved, see :meth:`show_preview`).
        self.read_career = self.career
        self._read_error: str | None = None
        self._reading = False
        #: Counts the snapshots pushed down, so a slow re-read never replaces a newer one.
        self._pushes = 0
        self._saved_theme = self.career.settings.theme
        #: Set when an unexpected error stopped the app: where its details and the draft went.
        self.crash_report: CrashReport | None = None

    def get_default_screen(self) -> DashboardScreen:
        return DashboardScreen()

    @property
    def dashboard(self) -> DashboardScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, DashboardScreen)
        return screen

    @property
    def saving(self) -> bool:
        """Whether a write is under way."""
        stack = self.screen_stack
        return bool(stack) and isinstance(stack[0], DashboardScreen) and stack[0].saving

    async def on_event(self, event: events.Event) -> None:
        """Keys typed while a form's record is being saved are held by the dashboard first
        (:mod:`careertui.tui.screens.held_keys`): they never act on it before it is stored."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            stack = self.screen_stack
            if stack and isinstance(stack[0], DashboardScreen) and stack[0].held_keys.take(event):
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        if self.user_keys.problems and self.keymap_path is not None:
            self.notify(
                problems_message(self.keymap_path, self.user_keys),
                title="Some of your keys were not used",
                severity="warning",
                timeout=20,
                markup=False,
            )
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
            self.crash_report = record_crash(self, error, self._unsaved())
        super()._handle_exception(error)

    def _unsaved(self) -> list[Draft]:
        """The records forms dismissed that were still being saved."""
        stack = self.screen_stack
        if stack and isinstance(stack[0], DashboardScreen):
            return stack[0].forms.unsaved()
        return []

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
        """Show ``career`` (just read) in every pane and the status line."""
        self._pushes += 1
        self.career = self.read_career = career
        self.dashboard.show(career)
        for screen in self.screen_stack:
            if isinstance(screen, WeeklyReviewScreen):
                screen.show(career)

    def show_preview(self, career: Career) -> None:
        """Show ``career``, the record as it will read once a write under way is stored,
        before it is; :attr:`read_career` stays what the file held, for a write that fails.
        What is previewed is a win being logged: the journal shows it first."""
        self.career = career
        self.dashboard.show_journal_first(career)

    def _select_new_wins(self, before: Career, after: Career) -> None:
        """Wins another process logged (``careertui win``): the journal selects the newest."""
        known = {win.id for win in before.wins}
        arrived = [win for win in after.wins if win.id not in known]
        if arrived:
            self.dashboard.show_saved(max(arrived, key=lambda win: win.created))

    def saving_changed(self) -> None:
        """A write started or ended (the dashboard says): quit now if waiting for it."""
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
        if self.saving or self._reading or not self.data_file_watch.changed():
            return
        self._reading = True
        self._reread(self._pushes)

    @work(thread=True, group="store-read", exit_on_error=False, description="reading")
    def _reread(self, pushes: int) -> None:
        try:
            career = self.repo.career()
        except Exception as exc:  # keep showing what we have; say why it is stale
            self.post_message(CareerReread(None, pushes, error_message(exc)))
            return
        self.post_message(CareerReread(career, pushes))

    @on(CareerReread)
    def _reread_done(self, message: CareerReread) -> None:
        self._reading = False
        if message.career is None:
            if message.error != self._read_error:
                self._read_error = message.error
                self.notify(
                    message.error or "",
                    title="Could not re-read the data file",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
            return
        self._read_error = None
        if not self.saving and message.pushes == self._pushes:
            before = self.career
            self.push_career(message.career)
            self._select_new_wins(before, message.career)
        else:  # something newer was shown meanwhile: look at the file again on the next tick
            self.data_file_watch.forget()

    # -- theme ---------------------------------------------------------------------------------
    def _remember_theme(self, theme: Any) -> None:
        name = getattr(theme, "name", None)
        if name and name != self._saved_theme:
            self._saved_theme = name
            self.dashboard.run_write(Write(remember_theme, (self.repo, name)))

    # -- screens the dashboard opened that speak to the app ------------------------------------
    @on(GuidedStartScreen.AnswerGiven)
    def _guided_answer(self, message: GuidedStartScreen.AnswerGiven) -> None:
        message.stop()
        self.dashboard.vision.guided_answer(message.step, message.answer)

    @on(GuidedStartScreen.Skipped)
    def _guided_skipped(self, message: GuidedStartScreen.Skipped) -> None:
        message.stop()
        self.dashboard.vision.guided_skipped()

    @on(GuidedStartScreen.Finished)
    def _guided_finished(self, message: GuidedStartScreen.Finished) -> None:
        message.stop()
        self.dashboard.vision.guided_finished()

    @on(StakeholderAgendaScreen.SaveRequested)
    def _agenda_save(self, message: StakeholderAgendaScreen.SaveRequested) -> None:
        self.dashboard.people.save_agenda(message.agenda)

    @on(WeeklyReviewScreen.StepReached)
    def _review_step(self, message: WeeklyReviewScreen.StepReached) -> None:
        self.dashboard.review.step_reached(message.step)

    @on(WeeklyReviewScreen.TieRequested)
    def _review_tie(self, message: WeeklyReviewScreen.TieRequested) -> None:
        self.dashboard.review.tie(message.win_id)

    @on(WeeklyReviewScreen.StarToggled)
    def _review_star(self, message: WeeklyReviewScreen.StarToggled) -> None:
        self.dashboard.review.star(message.win_id)

    @on(WeeklyReviewScreen.CaptureRequested)
    def _review_capture(self, message: WeeklyReviewScreen.CaptureRequested) -> None:
        self.dashboard.review.capture(message.gap_id)

    @on(WeeklyReviewScreen.ThanksRequested)
    def _review_thanks(self, message: WeeklyReviewScreen.ThanksRequested) -> None:
        self.dashboard.review.thank(message.stakeholder_id, message.win_id)

    @on(WeeklyReviewScreen.ToldRequested)
    def _review_told(self, message: WeeklyReviewScreen.ToldRequested) -> None:
        self.dashboard.review.told(message.win_id, message.stakeholder_id)

    @on(WeeklyReviewScreen.Finished)
    def _review_finished(self) -> None:
        self.dashboard.review.finish()

    # -- actions -------------------------------------------------------------------------------
    def action_quick_win(self) -> None:
        self.dashboard.journal.quick_win()

    def action_weekly_review(self) -> None:
        self.dashboard.review.open()

    def action_help(self) -> None:
        from careertui.tui.screens.form import FormScreen
        from careertui.tui.screens.help import HelpScreen, help_rows

        display = self.get_key_display
        keys = self.user_keys.keys
        rows = help_rows("Everywhere", self, display, keymap=keys)
        rows += help_rows("Dashboard", self.dashboard, display, keymap=keys)
        for pane in self.dashboard.panes:
            rows += help_rows(pane.TITLE, pane, display, own_only=True, keymap=keys)
            seen: set[type] = set()
            for widget in pane.query("*"):
                kind = type(widget)
                if kind.__module__.startswith("careertui.") and kind not in seen:
                    seen.add(kind)
                    rows += help_rows(pane.TITLE, widget, display, own_only=True, keymap=keys)
        rows += help_rows("Forms", FormScreen, display, own_only=True, keymap=keys)
        rows += [("Command palette", "ctrl+p", "Every action by name")]
        self.push_screen(
            HelpScreen(
                rows,
                notes=[
                    "Journal filter (/): words #tag priority:… gap:… with:… competency:… * "
                    "from:… to:… (quote values with spaces)",
                ],
            )
        )

    # -- the command palette -------------------------------------------------------------------
    def palette_commands(self) -> list[PaletteCommand]:
        dashboard = self.dashboard
        commands: list[PaletteCommand] = [
            ("Log a win", "One line, dated today (w)", self.action_quick_win),
            (
                "Weekly review",
                "Wins, gaps, people, goals, the snippet; resumes where you left it (r)",
                self.action_weekly_review,
            ),
            ("Show keys", "Every binding (?)", self.action_help),
            ("Switch theme", "Pick a theme; the choice is remembered", self.action_change_theme),
            ("Zoom the focused pane", "Maximise or restore (z)", dashboard.action_zoom),
            (
                "Ladder and readiness",
                "Evidence per expectation of the target level; am I ready to ask? (R)",
                dashboard.action_ladder,
            ),
        ]
        for pane in dashboard.panes:
            commands.append(
                (
                    f"Go to {pane.TITLE}",
                    f"Focus the {pane.TITLE} pane ({pane.KEY})",
                    partial(dashboard.action_focus_pane, pane.id or ""),
                )
            )
        commands += export_commands(self)
        for pane in dashboard.panes:
            commands += pane.palette_commands()
        return commands


def make_app(
    repo: Repository, career: Career | None = None, keymap_path: Path | None = None
) -> CareerApp:
    """The one factory: ``careertui`` and the tests build the app over a store with it.

    ``career``, when the caller has just read it, saves reading the store a second time;
    ``keymap_path``, the user's keymap file (``careertui`` passes the one in the config
    directory; none by default, so tests never read the user's).
    """
    return CareerApp(repo, career, keymap_path)
