"""The app's handlers for the journal pane's messages (a mixin of CareerApp)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careertui.actions.wins import delete_win, edit_win, log_win, restore_win, toggle_star
from careertui.domain.clock import today
from careertui.domain.models import Win
from careertui.tui.panes.journal import JournalPane

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp


class JournalHandlers:
    """Writes asked for by the journal pane. ``self`` is the CareerApp."""

    def _deleted_wins(self: CareerApp) -> list[Win]:
        stack = getattr(self, "_journal_deleted", None)
        if stack is None:
            stack = self._journal_deleted = []
        return stack

    def open_win_form(self: CareerApp, win: Win | None = None) -> None:
        from careertui.tui.screens.win_form import win_fields

        if win is None:

            def save(model: Win, done: Any, failed: Any) -> None:
                self.write(
                    log_win,
                    self.repo,
                    model,
                    done_message=f"Win logged: {model.title}",
                    on_done=done,
                    on_error=failed,
                )

            self.open_form("New win", Win, win_fields(self.career), {"date": today()}, save)
        else:

            def update(model: Win, done: Any, failed: Any) -> None:
                self.save_edit(
                    lambda was, edited: edit_win(self.repo, was, edited),
                    win,
                    model,
                    done_message="Win saved",
                    on_done=done,
                    on_error=failed,
                )

            self.open_form("Edit win", Win, win_fields(self.career), win, update)

    def on_journal_pane_win_form_requested(
        self: CareerApp, message: JournalPane.WinFormRequested
    ) -> None:
        self.open_win_form(message.win)

    def on_journal_pane_win_delete_requested(
        self: CareerApp, message: JournalPane.WinDeleteRequested
    ) -> None:
        from careertui.tui.screens.confirm import ConfirmScreen

        win = message.win

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    delete_win,
                    self.repo,
                    win.id,
                    done_message="Win deleted (u undoes)",
                    on_done=lambda deleted: self._deleted_wins().append(deleted),
                )

        self.push_screen(ConfirmScreen(f"Delete the win “{win.title}”?", "Delete"), answered)

    def on_journal_pane_undo_delete_requested(
        self: CareerApp, message: JournalPane.UndoDeleteRequested
    ) -> None:
        stack = self._deleted_wins()
        if not stack:
            self.notify("Nothing to undo")
            return
        win = stack.pop()
        self.write(
            restore_win,
            self.repo,
            win,
            done_message=f"Win restored: {win.title}",
            on_done=lambda _: self.show_saved(win),
            on_error=lambda _: stack.append(win),
        )

    def on_journal_pane_win_star_toggled(
        self: CareerApp, message: JournalPane.WinStarToggled
    ) -> None:
        self.write(
            toggle_star,
            self.repo,
            message.win.id,
            on_done=lambda win: self.notify(
                "Starred" if win.starred else "Star removed", timeout=2
            ),
        )
