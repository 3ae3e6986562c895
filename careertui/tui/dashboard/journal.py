"""What the dashboard does when the journal asks: log a win (``w`` anywhere, ``n`` in the
journal), edit one, star it, record whom it was told to, delete it and undo the delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careertui.actions.recognition import tell_win
from careertui.actions.wins import delete_win, edit_win, log_win, restore_win, toggle_star
from careertui.domain.clock import today
from careertui.domain.models import Stakeholder, Told, Win
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

    def quick_win(self, text: str = "") -> None:
        """One line, dated today (starting with ``text``: the weekly review names a gap)."""
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
                    start=text,
                ),
                write=lambda typed: Write(
                    log_win, (dashboard.repo, typed.win), preview=lambda c: c.with_win(typed.win)
                ),
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
                write=lambda new: Write(
                    log_win, (dashboard.repo, new), preview=lambda c: c.with_win(new)
                ),
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

    def tell(self, win: Win) -> None:
        """Whom the win was told to (today): one of the people, chosen in a small form."""
        from careertui.tui.screens.form import FormField, FormScreen

        dashboard = self.dashboard
        people = dashboard.career.stakeholders
        if not people:
            dashboard.notify(
                "No stakeholders yet: add the people you tell (3, then n)", severity="warning"
            )
            return
        names = {p.id: p.name for p in people}
        fields = [FormField("stakeholder_id", "Told", "choice", choices=_people(win, people))]
        dashboard.forms.open(
            FormSave(
                form=lambda typed, error: FormScreen(
                    f"Who heard about “{win.title}” today?",
                    Told,
                    fields,
                    {"date": today()},
                    typed=typed,
                    error=error,
                ),
                write=lambda told: Write(
                    tell_win, (dashboard.repo, win.id, told.stakeholder_id, told.date)
                ),
                done=lambda told: (
                    f"Recorded: {names.get(told.stakeholder_id, 'they')} heard about it"
                ),
                after=lambda _told, saved: dashboard.show_saved(saved),
            )
        )


def _people(win: Win, people: list[Stakeholder]) -> list[tuple[str, str]]:
    """The choices of whom a win was told to: those not told about it yet first, by name."""
    heard = {t.stakeholder_id for t in win.told}
    ordered = sorted(people, key=lambda p: (p.id in heard, p.name.casefold()))
    return [(p.name, p.id) for p in ordered]
