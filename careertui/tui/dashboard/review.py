"""What the dashboard does for the weekly review: open it where it was left, and save what it
asks for (the step reached, a thanks, a win told, the review finished)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careertui.actions.recognition import say_thanks, tell_win
from careertui.actions.settings import finish_review, remember_review_step
from careertui.domain.clock import today
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
