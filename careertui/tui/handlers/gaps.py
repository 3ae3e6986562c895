"""The app's handlers for the gap board's messages (a mixin of CareerApp).

Each change is computed afresh inside one transaction in the write worker, from the message's
intent ("move this gap one place down"), so a change made meanwhile by another process (say
``careertui win --gap``) is never overwritten by a stale copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from careertui.actions.gaps import (
    add_gap,
    delete_gap,
    edit_gap,
    move_gap,
    move_gap_to,
    step_gap,
)
from careertui.actions.settings import GAP_ORDER, remember
from careertui.actions.wins import log_win
from careertui.domain.clock import today
from careertui.domain.gaps import closing_needs_confirmation
from careertui.domain.models import Gap, GapStatus, Win
from careertui.store.repository import Repository
from careertui.tui.panes.gaps import GapsPane

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp
    from careertui.tui.screens.form import Done, Failed, Save


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class GapHandlers:
    """Methods named ``on_<widget>_<message>`` are found through CareerApp's MRO; ``self`` is
    the CareerApp."""

    def _gap(self: CareerApp, gap_id: str) -> Gap | None:
        return next((gap for gap in self.career.gaps if gap.id == gap_id), None)

    def _put_back(self: CareerApp, _message: str) -> None:
        """A save failed: show the career as last read again (the board showed the change)."""
        self.push_career(self.career)

    def on_gaps_pane_gap_moved(self: CareerApp, message: GapsPane.GapMoved) -> None:
        self.write(move_gap, self.repo, message.gap_id, message.step, on_error=self._put_back)

    def on_gaps_pane_status_changed(self: CareerApp, message: GapsPane.StatusChanged) -> None:
        gap = self._gap(message.gap_id)
        if gap is None:
            return
        status = message.status
        done = f"Closed “{gap.title}”" if status == GapStatus.CLOSED else None

        def move(confirmed: bool | None = True) -> None:
            if confirmed:
                self.write(
                    move_gap_to,
                    self.repo,
                    gap.id,
                    status,
                    done_message=done,
                    on_error=self._put_back,
                )

        if closing_needs_confirmation(gap, status, self.career.wins):
            self._confirm_close(gap, move)
        else:
            move()

    def on_gaps_pane_order_changed(self: CareerApp, message: GapsPane.OrderChanged) -> None:
        self.write(remember, self.repo, GAP_ORDER, message.order)

    def on_gaps_pane_saved_order_wanted(
        self: CareerApp, message: GapsPane.SavedOrderWanted
    ) -> None:
        message.board.restore_order(self.career.setting(GAP_ORDER, "manual"))

    def on_gaps_pane_value_stepped(self: CareerApp, message: GapsPane.ValueStepped) -> None:
        self.write(
            step_gap,
            self.repo,
            message.gap_id,
            message.field,
            message.step,
            on_error=self._put_back,
        )

    def on_gaps_pane_delete_requested(self: CareerApp, message: GapsPane.DeleteRequested) -> None:
        gap = self._gap(message.gap_id)
        if gap is None:
            return
        from careertui.tui.screens.confirm import ConfirmScreen

        linked = sum(gap.id in win.gap_ids for win in self.career.wins)
        question = f"Delete the gap “{gap.title}”?"
        if linked:
            question += f"\n{_count(linked, 'win')} stay in the journal, no longer linked to it."

        def delete(confirmed: bool | None) -> None:
            if confirmed:
                self.write(delete_gap, self.repo, gap.id, done_message=f"Deleted “{gap.title}”")

        self.push_screen(ConfirmScreen(question, yes="Delete"), delete)

    # -- forms ---------------------------------------------------------------------------------
    def _gap_form_save(
        self: CareerApp, write_fn: Callable[[Repository, Gap], Gap], original: Gap | None = None
    ) -> Save:
        """The form's save: closing a gap there without evidence asks first, like ``L`` does;
        declining keeps the form open with what was typed. Editing ``original``, only what the
        user changed is written (a change made elsewhere meanwhile stays)."""

        def save(gap: Gap, on_done: Done, on_error: Failed) -> None:
            def go(confirmed: bool | None = True) -> None:
                if not confirmed:
                    on_error("it stays open until you confirm closing it without evidence")
                    return
                if original is not None:
                    self.save_edit(
                        lambda was, edited: edit_gap(self.repo, was, edited),
                        original,
                        gap,
                        on_done=on_done,
                        on_error=on_error,
                    )
                    return
                self.write(write_fn, self.repo, gap, on_done=on_done, on_error=on_error)

            before = self._gap(gap.id) or gap.model_copy(update={"status": GapStatus.BACKLOG})
            if closing_needs_confirmation(before, gap.status, self.career.wins):
                self._confirm_close(gap, go)
            else:
                go()

        return save

    def _confirm_close(self: CareerApp, gap: Gap, then: Callable[[bool | None], None]) -> None:
        from careertui.tui.screens.confirm import ConfirmScreen

        question = (
            f"Close “{gap.title}” with no win as evidence?\n"
            "Log a win for it first (enter, then w) to make your case."
        )
        self.push_screen(ConfirmScreen(question, yes="Close"), then)

    def on_gaps_pane_new_requested(self: CareerApp, message: GapsPane.NewRequested) -> None:
        """A new gap starts in the backlog whichever column the cursor is in (in Closed it
        would ask about closing without evidence); the form's Column field picks another."""
        from careertui.tui.screens.gap_form import gap_form, new_gap_values

        screen = gap_form(
            "New gap",
            self.career.stakeholders,
            initial=new_gap_values(GapStatus.BACKLOG),
            save=self._gap_form_save(add_gap),
        )
        self.push_screen(screen, self._follow_gap)

    def on_gaps_pane_edit_requested(self: CareerApp, message: GapsPane.EditRequested) -> None:
        gap = self._gap(message.gap_id)
        if gap is None:
            return
        from careertui.tui.screens.gap_form import gap_form

        screen = gap_form(
            f"Edit “{gap.title}”",
            self.career.stakeholders,
            initial=gap,
            save=self._gap_form_save(add_gap, original=gap),
        )
        self.push_screen(screen, self._follow_gap)

    def _follow_gap(self: CareerApp, gap: Gap | None) -> None:
        if gap is not None:
            self.dashboard.pane("gaps").follow(gap.id)

    def on_gaps_pane_log_win_requested(self: CareerApp, message: GapsPane.LogWinRequested) -> None:
        """The journal's win form, dated today, with this gap already chosen."""
        gap = self._gap(message.gap_id)
        if gap is None:
            return
        from careertui.tui.screens.win_form import win_fields

        def save(win: Win, done: Done, failed: Failed) -> None:
            self.write(
                log_win,
                self.repo,
                win,
                done_message=f"Win logged: {win.title}",
                on_done=done,
                on_error=failed,
            )

        self.open_form(
            f"Log a win for “{gap.title}”",
            Win,
            win_fields(self.career),
            {"date": today(), "gap_ids": [gap.id]},
            save,
        )
