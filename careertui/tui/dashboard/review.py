"""What the dashboard does for the weekly review: open it where it was left, and save what it
asks for (the step reached, a win tied to a priority and gaps, a star, a win captured for a
gap, a thanks, a win told, the review finished). The forms it opens go on top of the review;
each save pushes the career down to it, so it shows the change at the same step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careertui.actions.recognition import say_thanks, tell_win
from careertui.actions.settings import finish_review, remember_review_step
from careertui.actions.wins import edit_win
from careertui.domain.clock import today
from careertui.domain.models import Win
from careertui.domain.shorthand import gap_shorthand
from careertui.tui.dashboard.forms import Edit, FormSave
from careertui.tui.saving import Write

if TYPE_CHECKING:
    from careertui.tui.dashboard.screen import DashboardScreen


class ReviewRequests:
    def __init__(self, dashboard: DashboardScreen) -> None:
        self.dashboard = dashboard

    def open(self) -> None:
        """The review, at the step where it was left (the first when none is under way)."""
        from careertui.tui.screens.weekly_review import WeeklyReviewScreen

        career = self.dashboard.career
        step = career.settings.review_step or 0
        self.dashboard.app.push_screen(WeeklyReviewScreen(career, today(), step))

    def step_reached(self, step: int) -> None:
        if self.dashboard.career.settings.review_step != step:
            self.dashboard.run_write(Write(remember_review_step, (self.dashboard.repo, step)))

    def _win(self, win_id: str) -> Win | None:
        win = next((w for w in self.dashboard.career.wins if w.id == win_id), None)
        if win is None:
            self.dashboard.notify("That win is gone", severity="warning")
        return win

    def tie(self, win_id: str) -> None:
        """The win's priority and gaps, in a small form; saved as an edit of those two."""
        from careertui.tui.screens.form import FormScreen
        from careertui.tui.screens.win_form import tie_fields

        win = self._win(win_id)
        if win is None:
            return
        dashboard = self.dashboard
        fields = tie_fields(dashboard.career)
        dashboard.forms.open(
            FormSave(
                form=lambda typed, error: FormScreen(
                    f"Tie “{win.title}”", Win, fields, win, typed=typed, error=error
                ),
                edit=Edit(edit_win, win),
                done=lambda _: "Win tied",
            )
        )

    def star(self, win_id: str) -> None:
        """Star the win, or take its star away, as ``*`` in the journal does."""
        win = self._win(win_id)
        if win is not None:
            self.dashboard.journal.toggle_star(win)

    def capture(self, gap_id: str | None) -> None:
        """The quick win, with the gap already named in its shorthand (when one is given)."""
        gaps = self.dashboard.career.gaps
        gap = next((g for g in gaps if g.id == gap_id), None)
        self.dashboard.journal.quick_win(f"{gap_shorthand(gap, gaps)} " if gap else "")

    def thank(self, stakeholder_id: str, win_id: str) -> None:
        names = {p.id: p.name for p in self.dashboard.career.stakeholders}
        self.dashboard.run_write(
            Write(
                say_thanks,
                (self.dashboard.repo, stakeholder_id, win_id),
                done=f"Thanks to {names.get(stakeholder_id, 'them')} recorded",
            )
        )

    def told(self, win_id: str, stakeholder_id: str) -> None:
        names = {p.id: p.name for p in self.dashboard.career.stakeholders}
        self.dashboard.run_write(
            Write(
                tell_win,
                (self.dashboard.repo, win_id, stakeholder_id),
                done=f"Recorded: {names.get(stakeholder_id, 'they')} heard about it",
            )
        )

    def finish(self) -> None:
        self.dashboard.run_write(
            Write(
                finish_review,
                (self.dashboard.repo, today()),
                done="Weekly review done; the next is due in a week",
            )
        )
