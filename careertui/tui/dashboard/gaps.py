"""What the dashboard does when the gap board asks: move a gap, change its column, step a level,
remember the board's order, add, edit and delete gaps, log a win for one.

Each change is worked out afresh by an action inside one transaction, from what the user meant
("move this gap one place down"), so a change made meanwhile by another process (say
``careertui win --gap``) is never overwritten by a stale copy. A save that fails puts the board
back as last read (it showed the change at once).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from careertui.actions.gaps import add_gap, delete_gap, edit_gap, move_gap, move_gap_to, step_gap
from careertui.actions.settings import remember_gap_order
from careertui.domain.clock import today
from careertui.domain.gaps import closing_needs_confirmation
from careertui.domain.models import Gap, GapStatus
from careertui.domain.settings import GapOrder
from careertui.tui.dashboard.forms import Confirm, Edit, FormSave
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.saving import Write

if TYPE_CHECKING:
    from careertui.tui.dashboard.screen import DashboardScreen


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _close_question(gap: Gap) -> str:
    return (
        f"Close “{gap.title}” with no win as evidence?\n"
        "Log a win for it first (enter, then w) to make your case."
    )


class GapRequests:
    def __init__(self, dashboard: DashboardScreen) -> None:
        self.dashboard = dashboard

    def _gap(self, gap_id: str) -> Gap | None:
        return next((gap for gap in self.dashboard.career.gaps if gap.id == gap_id), None)

    def _write(self, action: Callable[..., Any], *args: Any, done: str | None = None) -> None:
        """A change the board shows at once: if it fails, the board goes back as last read."""
        dashboard = self.dashboard
        dashboard.run_write(
            Write(
                action,
                (dashboard.repo, *args),
                done=done,
                failed=lambda _: dashboard.show(dashboard.career),
            )
        )

    def move(self, gap_id: str, step: int) -> None:
        self._write(move_gap, gap_id, step)

    def move_to(self, gap_id: str, status: GapStatus) -> None:
        """Into another column; closing one with no win as evidence asks first."""
        gap = self._gap(gap_id)
        if gap is None:
            return
        done = f"Closed “{gap.title}”" if status == GapStatus.CLOSED else None
        if not closing_needs_confirmation(gap, status, self.dashboard.career.wins):
            self._write(move_gap_to, gap.id, status, done=done)
            return
        from careertui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(move_gap_to, gap.id, status, done=done)

        self.dashboard.app.push_screen(ConfirmScreen(_close_question(gap), yes="Close"), answered)

    def step(self, gap_id: str, field: str, step: int) -> None:
        self._write(step_gap, gap_id, field, step)

    def remember_order(self, order: GapOrder) -> None:
        self.dashboard.run_write(Write(remember_gap_order, (self.dashboard.repo, order)))

    def saved_order(self) -> GapOrder:
        return self.dashboard.career.settings.gap_order

    def confirm_delete(self, gap_id: str) -> None:
        gap = self._gap(gap_id)
        if gap is None:
            return
        from careertui.tui.screens.confirm import ConfirmScreen

        linked = sum(gap.id in win.gap_ids for win in self.dashboard.career.wins)
        question = f"Delete the gap “{gap.title}”?"
        if linked:
            question += f"\n{_count(linked, 'win')} stay in the journal, no longer linked to it."

        def answered(yes: bool | None) -> None:
            if yes:
                self.dashboard.run_write(
                    Write(delete_gap, (self.dashboard.repo, gap.id), done=f"Deleted “{gap.title}”")
                )

        self.dashboard.app.push_screen(ConfirmScreen(question, yes="Delete"), answered)

    # -- forms ---------------------------------------------------------------------------------
    def _needs_closing_confirmed(self, gap: Gap) -> str | None:
        """Closing a gap in the form without evidence asks first, as the board does."""
        career = self.dashboard.career
        before = self._gap(gap.id) or gap.model_copy(update={"status": GapStatus.BACKLOG})
        if closing_needs_confirmation(before, gap.status, career.wins):
            return _close_question(gap)
        return None

    def _form(self, title: str, original: Gap | None) -> FormSave:
        from careertui.tui.screens.gap_form import gap_form, new_gap_values

        dashboard = self.dashboard
        people = dashboard.career.stakeholders
        ladder = dashboard.career.vision.ladder
        opened = original if original is not None else new_gap_values(GapStatus.BACKLOG)
        return FormSave(
            form=lambda typed, error: gap_form(
                title, people, opened, typed=typed, error=error, ladder=ladder
            ),
            write=lambda gap: Write(add_gap, (dashboard.repo, gap)),
            edit=None if original is None else Edit(edit_gap, original),
            after=lambda gap, _: dashboard.query_one(GapsPane).follow(gap.id),
            confirm=Confirm(
                self._needs_closing_confirmed,
                yes="Close",
                declined="it stays open until you confirm closing it without evidence",
            ),
        )

    def new(self) -> None:
        """A new gap starts in the backlog whichever column the cursor is in (in Closed it
        would ask about closing without evidence); the form's Column field picks another."""
        self.dashboard.forms.open(self._form("New gap", None))

    def edit(self, gap_id: str) -> None:
        gap = self._gap(gap_id)
        if gap is not None:
            self.dashboard.forms.open(self._form(f"Edit “{gap.title}”", gap))

    def log_win(self, gap_id: str) -> None:
        """The journal's win form, dated today, with this gap already chosen."""
        gap = self._gap(gap_id)
        if gap is not None:
            self.dashboard.journal.open_win_form(
                title=f"Log a win for “{gap.title}”",
                initial={"date": today(), "gap_ids": [gap.id]},
            )
