"""What the dashboard does when the journal asks: log a win (``w`` anywhere, ``n`` in the
journal), edit one, star it, delete it and undo the delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careertui.actions.wins import delete_win, edit_win, log_win, restore_win, toggle_star
from careertui.domain.clock import today
from careertui.domain.models import Win
from careertui.tui.dashboard.forms import Edit, FormSave
from careertui.tui.saving import Write

if TYPE_CHECKING:
    from careertui.tui.dashboard.screen import DashboardScreen


def _logged(win: Win) -> str:
    return f"Win logged: {win.title}"


class JournalRequests:
    def __init__(self, dashboard: DashboardScreen) -> None:
        self.dashboard = dashboard
        #: Wins deleted this session, the latest last: ``u`` restores them one by one.
        self.deleted: list[Win] = []

    def quick_win(self) -> None:
        """One line, dated today."""
        from careertui.domain.ladder import competency_names
        from careertui.tui.screens.quick_win import QuickWinScreen

        dashboard = self.dashboard
        self.dashboard.forms.open(
            FormSave(
                form=lambda typed, error: QuickWinScreen(
                    typed.text if typed else "",
                    error,
                    priorities=dashboard.career.priorities,
                    gaps=dashboard.career.gaps,
                    stakeholders=dashboard.career.stakeholders,
                    competencies=competency_names(dashboard.career.vision),
                ),
                write=lambda typed: Write(log_win, (dashboard.repo, typed.win)),
                done=lambda typed: _logged(typed.win),
                after=lambda typed, _: dashboard.show_saved(typed.win),
            )
        )

    def open_win_form(
        self,
        win: Win | None = None,
        *,
        title: str | None = None,
        initial: dict[str, Any] | None = None,
    ) -> None:
        """The full win form: a new win (dated today, or with ``initial``), or ``win`` to edit."""
        from careertui.tui.screens.form import FormScreen
        from careertui.tui.screens.win_form import win_fields

        dashboard = self.dashboard
        fields = win_fields(dashboard.career)
        title = title or ("New win" if win is None else "Edit win")
        opened: Win | dict[str, Any] = win if win is not None else initial or {"date": today()}
        dashboard.forms.open(
            FormSave(
                form=lambda typed, error: FormScreen(
                    title, Win, fields, opened, typed=typed, error=error
                ),
                write=lambda new: Write(log_win, (dashboard.repo, new)),
                edit=None if win is None else Edit(edit_win, win),
                done=_logged if win is None else lambda _: "Win saved",
                after=lambda saved, _: dashboard.show_saved(saved),
            )
        )

    def confirm_delete(self, win: Win) -> None:
        from careertui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.dashboard.run_write(
                    Write(
                        delete_win,
                        (self.dashboard.repo, win.id),
                        done="Win deleted (u undoes)",
                        then=self.deleted.append,
                    )
                )

        self.dashboard.app.push_screen(
            ConfirmScreen(f"Delete the win “{win.title}”?", "Delete"), answered
        )

    def undo_delete(self) -> None:
        if not self.deleted:
            self.dashboard.notify("Nothing to undo")
            return
        win = self.deleted.pop()
        self.dashboard.run_write(
            Write(
                restore_win,
                (self.dashboard.repo, win),
                done=f"Win restored: {win.title}",
                then=lambda _: self.dashboard.show_saved(win),
                failed=lambda _: self.deleted.append(win),
            )
        )

    def toggle_star(self, win: Win) -> None:
        self.dashboard.run_write(
            Write(
                toggle_star,
                (self.dashboard.repo, win.id),
                then=lambda starred: self.dashboard.notify(
                    "Starred" if starred.starred else "Star removed", timeout=2
                ),
            )
        )
